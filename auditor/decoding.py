"""Decoding an input file's bytes: BOM, UTF-8, else the likeliest legacy encoding (or an error).

Legacy encodings are told apart by what their decodings look like, not by trial and error alone:
GB18030 and Latin-1 decode almost any bytes, so "it decoded" proves nothing. Every candidate
(GB18030, Big5, Shift-JIS, cp1252, Latin-1 and what charset-normalizer proposes) is scored on its
non-ASCII characters — frequent Chinese characters, Japanese kana, accented Latin letters and
typographic punctuation count for it; private-use code points, control characters, half-width
katakana and stray symbols count against it — and the best wins. When no candidate reads like
text, the file is refused instead of being decoded into nonsense that checks would then flag.
"""

from __future__ import annotations

import unicodedata

from charset_normalizer import from_bytes

from auditor.input_files import InputError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Frequent characters and punctuation of Chinese prose, in both scripts: the right legacy
# encoding decodes into many of them, the wrong one into rare characters and private-use code points.
_FREQUENT = frozenset(
    "的一是不了在人有我他这這个個们們中来來上大为為和国國地到以说說时時要就出会會可也对對生能而子"
    "得于於着著下自之年过過发發后後作里裡用道行所然家种種事成方多经經去法学學如都同现現当當没沒动動"
    "面起看定天分还還进進好小部其些主样樣理心本前开開但因只从從想实實日者意无無力与與长長把机機十"
    "民第此已工使情明性知全三又关關点點正业業外将將两兩高间間由问問很最重并並物手应應向头頭文体體"
    "研究患者治疗療病例试試验驗组組数數结結果据據报報显顯示率及表等"
    "，。、；：（）《》「」“”"
)
_TYPOGRAPHY = frozenset("“”‘’–—…•·°±×÷µ§©®™€£¥¢\u00a0«»¿¡")
_FIXED_CANDIDATES = ("gb18030", "big5", "cp932", "cp1252", "latin-1")
_LATIN_LETTER = 2.0
_SAMPLE_BYTES = 200_000
_SAMPLE_CHARS = 100_000
_MAX_IMPLAUSIBLE_SHARE = 0.2


def decode_text(raw: bytes, path: object = "<bytes>") -> tuple[str, str]:
    """Decode bytes: BOM, then UTF-8, then the best-scoring legacy encoding; `(text, encoding)`."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError:
                raise InputError(f"{path}: cannot be decoded as {encoding}") from None
    if b"\x00" in raw:
        raise InputError(f"{path}: looks like a binary file, not text")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_legacy(raw, path)


def _decode_legacy(raw: bytes, path: object) -> tuple[str, str]:
    scored: list[tuple[float, int, str]] = []
    for order, encoding in enumerate(_candidates(raw)):
        try:
            sample = raw[:_SAMPLE_BYTES].decode(encoding, errors="ignore")[:_SAMPLE_CHARS]
        except LookupError:
            continue
        score, share = plausibility(sample)
        if share <= _MAX_IMPLAUSIBLE_SHARE and score > 0:
            scored.append((score, -order, encoding))
    for _, _, encoding in sorted(scored, reverse=True):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _control_share(text) > 0.05:
            raise InputError(f"{path}: looks like a binary file, not text")
        return text, encoding
    raise InputError(
        f"{path}: cannot detect its encoding (not UTF-8; no legacy encoding reads as text) — "
        "convert it to UTF-8"
    )


def _candidates(raw: bytes) -> list[str]:
    """The fixed legacy encodings, then charset-normalizer's proposals (Python codec names)."""
    names = list(_FIXED_CANDIDATES)
    for match in list(from_bytes(raw[:_SAMPLE_BYTES]))[:5]:
        if match.encoding not in names and match.encoding != "utf_8":
            names.append(match.encoding)
    return names


def plausibility(text: str) -> tuple[float, float]:
    """(score, share of implausible characters) over the non-ASCII characters of `text`."""
    score = 0.0
    bad = total = 0
    for at, ch in enumerate(text):
        if ch < "\x80":
            continue
        total += 1
        weight = _weight(ch)
        if weight == _LATIN_LETTER and not _beside_ascii_letter(text, at):
            weight = -1.0  # runs of accented letters are what CJK bytes look like in cp1252
        score += weight
        bad += weight < 0
    return score, bad / max(1, total)


def _beside_ascii_letter(text: str, at: int) -> bool:
    """An accented letter of a European word has an ASCII letter beside it (`Müller`, `Groß`)."""
    before = text[at - 1] if at > 0 else ""
    after = text[at + 1] if at + 1 < len(text) else ""
    return (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())


def _weight(ch: str) -> float:
    """How much one non-ASCII character speaks for the decoding that produced it."""
    if ch in _FREQUENT:
        return 3.0
    if "\u3040" <= ch <= "\u30ff":  # hiragana, katakana (full width)
        return 3.0
    if ch in _TYPOGRAPHY:
        return 1.0
    if "\u00c0" <= ch <= "\u024f":  # Latin-1 supplement letters, Latin Extended-A/B
        return _LATIN_LETTER if unicodedata.category(ch).startswith("L") else -1.0
    if "\u4e00" <= ch <= "\u9fff":
        return 0.5  # other ideographs: a little for (names), far less than frequent ones
    if "\u3000" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff5e":
        return 0.0  # full-width punctuation and forms: neutral
    if "\uac00" <= ch <= "\ud7a3":
        return 0.0  # hangul syllables: neutral (not a language auditor reads)
    category = unicodedata.category(ch)
    if category in ("Co", "Cc", "Cs", "Cn") or ch == "\ufffd":
        return -5.0
    return -1.0


def _control_share(text: str) -> float:
    sample = text[:_SAMPLE_CHARS]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / max(1, len(sample))
