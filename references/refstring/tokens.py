"""Tokens of a normalised reference string and their one-letter signature.

The tail grammar (`tail`) is a set of regular expressions over the signature, one letter per token:
`Y` year, `N` number (`12`, `e12404`, `S278`), `R` range (`211-20`), `w` word, `M` month,
`v`/`i`/`p`/`s` volume/issue/page/supplement markers, `a d e k g` the CJK markers 年 第 期 卷 页,
and punctuation as itself (`《》` as `<>`, quotes as `q`, anything else `o`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN = re.compile(
    r"(?P<R>[A-Za-z]{0,2}\d{1,9}[A-Za-z]?\s{0,2}[-~]\s{0,2}[A-Za-z]{0,2}\d{1,9}[A-Za-z]?(?![A-Za-z0-9]))"
    r"|(?P<N>[A-Za-z]{0,2}\d{1,9}[A-Za-z]?(?![A-Za-z0-9]))"
    r"|(?P<C>[年第期卷页頁辑輯号號권호])"
    r"|(?P<w>[^\W\d_]{1,200}(?:['’][^\W\d_]{1,50})?)"
    r"|(?P<o>\S)"
)
_YEAR = re.compile(r"(?:1[6-9]|20)\d\d[a-z]?")
_MONTHS = frozenset(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
     "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
     "spring", "summer", "autumn", "fall", "winter", "janvier", "février", "mars", "avril", "mai", "juin",
     "juillet", "août", "septembre", "octobre", "novembre", "décembre")
)
_WORD_KINDS = {"v": "v", "vol": "v", "volume": "v", "vols": "v", "no": "i", "nos": "i", "issue": "i",
               "nr": "i", "n": "i", "p": "p", "pp": "p", "page": "p", "pages": "p", "suppl": "s",
               "supplement": "s", "art": "p"}
_CJK_KINDS = {"年": "a", "第": "d", "期": "e", "号": "e", "號": "e", "호": "e", "卷": "k", "辑": "k",
              "輯": "k", "권": "k", "页": "g", "頁": "g"}
_PUNCT = {"。": ".", "《": "<", "》": ">", "“": "q", "”": "q", "‘": "q", "’": "q", '"': "q", "'": "q",
          "「": "q", "」": "q"}
_KEEP = frozenset(".,;:()[]&-/?!")


class Token(NamedTuple):
    """One token: its signature letter and its span in the normalised string (a tuple: cheap to make)."""

    kind: str
    start: int
    end: int
    text: str


def _kind(group: str, text: str) -> str:
    if group in ("N", "R"):
        return "Y" if group == "N" and _YEAR.fullmatch(text) else group
    if group == "C":
        return _CJK_KINDS[text]
    if group == "w":
        low = text.lower()
        if low in _MONTHS:
            return "M"
        return _WORD_KINDS.get(low, "w")
    if text in _KEEP:
        return text
    return _PUNCT.get(text, "o")


def tokenize(norm: str) -> list[Token]:
    """All tokens of `norm` (linear: one regex pass, bounded token lengths)."""
    return [Token(_kind(m.lastgroup or "o", m.group()), m.start(), m.end(), m.group())
            for m in _TOKEN.finditer(norm)]

