"""Tokens of a normalised reference string and their one-letter signature.

The tail grammar (`tail`) is a set of regular expressions over the signature, one letter per token:
`Y` year, `N` number (`12`, `e12404`, `S278`), `R` range (`211-20`), `w` word, `M` month,
`v`/`i`/`p`/`s` volume/issue/page/supplement markers, `a d e k g` the CJK markers 年 第 期 卷 页,
and punctuation as itself (`《》` as `<>`, quotes as `q`, anything else `o`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The group that matched is the token's letter for R, Y and N; words and the rest are looked up.
# Y before N: a number that is all of "(1[6-9]|20)dd[a-z]?" is a year (the same text N would take).
# The lookaheads only say what the alternatives after them need (a token starts with no space; a
# number with at most two letters and a digit), so that most positions are left after one test.
_TOKEN = re.compile(
    r"(?=\S)(?:(?=[A-Za-z]{0,2}\d)(?:"
    r"(?P<R>[A-Za-z]{0,2}\d{1,9}[A-Za-z]?\s{0,2}[-~]\s{0,2}[A-Za-z]{0,2}\d{1,9}[A-Za-z]?(?![A-Za-z0-9]))"
    r"|(?P<Y>(?:1[6-9]|20)\d\d[a-z]?(?![A-Za-z0-9]))"
    r"|(?P<N>[A-Za-z]{0,2}\d{1,9}[A-Za-z]?(?![A-Za-z0-9])))"
    r"|(?P<C>[年第期卷页頁辑輯号號권호])"
    r"|(?P<w>[^\W\d_]{1,200}(?:['’][^\W\d_]{1,50})?)"
    r"|(?P<o>\S))"
)
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
_WORDS = {**dict.fromkeys(_MONTHS, "M"), **_WORD_KINDS}  # lower-cased word → letter (else `w`)
_SIGNS = {**{ch: ch for ch in _KEEP}, **_PUNCT, **_CJK_KINDS}  # one character → letter (else `o`)


@dataclass(frozen=True)
class Tokens:
    """The tokens of `text`: `kinds[i]` is token i's signature letter, `spans[i]` its offsets.

    Between two tokens there is only white space, so `text[spans[i][0]:spans[j][1]]` is tokens i…j.
    """

    text: str
    kinds: str
    spans: list[tuple[int, int]]


def tokenize(norm: str) -> Tokens:
    """All tokens of `norm` (linear: one regex pass, bounded token lengths)."""
    matches = list(_TOKEN.finditer(norm))
    return Tokens(norm, "".join(map(_letter, matches)), [match.span() for match in matches])


def _letter(match: re.Match[str]) -> str:
    kind = match.lastgroup or "o"
    if kind == "w":
        return _WORDS.get(match.group().lower(), "w")
    if kind in ("C", "o"):
        return _SIGNS.get(match.group(), "o")
    return kind
