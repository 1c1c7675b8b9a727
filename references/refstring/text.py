"""Length-preserving punctuation normalisation and small text predicates."""

from __future__ import annotations

import re

from auditor.claims.script import is_cjk

_EXTRA = {
    "．": "。", "，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "［": "[", "］": "]",
    "【": "[", "】": "]", "〔": "(", "〕": ")", "–": "-", "—": "-", "‐": "-", "‑": "-", "‒": "-", "−": "-",
    "～": "~", "\u3000": " ", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\t": " ", "\n": " ", "\r": " ",
    "？": "?", "！": "!", "〈": "《", "〉": "》", "＆": "&",
}


_TABLE = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}  # full-width ASCII
_TABLE.update({ord(k): v for k, v in _EXTRA.items()})


def normalise(text: str) -> str:
    """Same length as `text`: full-width and typographic punctuation mapped to ASCII, whitespace to spaces."""
    return text.translate(_TABLE)


_EMPHASIS = re.compile(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)")
_MD_LINK = re.compile(r"\[([^\[\]]{1,600})\]\((?=https?://\S{1,600}\))")


def strip_markup(text: str) -> str:
    """Same length as `text`: Markdown emphasis (`*J*`, `_J_`, `**T**`) and link brackets as spaces."""
    if "*" in text or "_" in text:  # what every emphasis mark holds
        text = _EMPHASIS.sub(lambda m: " " * len(m.group()), text)
    return _MD_LINK.sub(lambda m: " " + m.group(1) + "  ", text)


def mostly_cjk(text: str | None) -> bool:
    """More than half of the letters are CJK ideographs."""
    if not text or text.isascii():
        return False
    letters = list(filter(str.isalpha, text))
    return bool(letters) and sum(map(is_cjk, letters)) * 2 > len(letters)


def clean(value: str | None) -> str | None:
    """Trim spaces and separator punctuation; unwrap 《…》 and quotes around the whole value."""
    if value is None:
        return None
    out = value.strip(" .,;:，。；：、/")
    for left, right in (("《", "》"), ("“", "”"), ("‘", "’"), ('"', '"'), ("'", "'"), ("「", "」")):
        if len(out) > 2 and out.startswith(left) and out.endswith(right) and left not in out[1:-1]:
            out = out[1:-1].strip(" .,;:，。；：")
    out = " ".join(out.split())
    return out if any(map(str.isalnum, out)) else None

