"""Guards of the numbered-citation forms: the look-alikes a bracketed number can be.

Each guard takes (text, start, end, numbers) of a matched form and returns True when the match
is not a citation. Every guard reads a bounded window around the match, so the scanner stays
linear in the length of the text.
"""

from __future__ import annotations

import re

from auditor.claims.extract.patterns import line_start_before

_WINDOW = 40
_ENUMERATION_WINDOW = 160
_MAX_ENUMERATOR = 20

# A test statistic written right before its degrees of freedom: t(28), F(2, 57), χ2(1), r(48), H(2).
_STATISTIC = re.compile(r"(?:^|[^A-Za-zΑ-Ωα-ω])(?:[A-Za-zΧχβ]|[Χχ][2²]|[Xx]2|chi2|Chi2|df)$")
_COMPARISON = re.compile(r"[ \t]{0,2}(?:[=<>≤≥≠]|%)")
# Words that name the thing numbered by the bracket: "Eq. (3)", "Figure (2)", "式(1)". (图/表 are
# left out: "發表 (9)" ends in 表, and figures are called "图2", not "图(2)".)
_CALLOUT = re.compile(
    r"(?:(?<![A-Za-z])(?:Eqs?|Equations?|Fig|Figs|Figures?|Tables?|Tab|Panels?|Steps?|Schemes?|Formula)\.?"
    r"|式|公式|方程)[ \t]{0,2}$"
)
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9\-‐]{0,40}\d")
_PLAIN_NUMBER = re.compile(r"\d[\d.,]{0,15}$")
_NAMED_BY_WORD = re.compile(r"(?<![A-Za-z])([A-Z][a-z]{2,15})[ \t]{1,2}\d[\d.,]{0,15}$")
# A year after a preposition or a month, then the citation: "found in 2001 (6)", "since March 2019 (4)".
_YEAR_BEFORE = re.compile(
    r"(?<![A-Za-z])(?:in|since|by|from|until|during|January|February|March|April|May|June|July|August"
    r"|September|October|November|December)[ \t]{1,2}(?:19|20)\d{2}$"
)
_CLAUSE_GOES_ON = re.compile(
    r"[ \t]{0,2}(?:[.,;:)\]。，；：）]|$|(?:that|and|but|which|where|while|when|who)\b)"
)
# Capitalised words before a number that do not make "<Word> <number>" the name of a study.
_NOT_NAME_TEXT = """
    Table Tables Figure Figures Fig Day Days Week Weeks Month Months Year Years Visit Step Stage
    Grade Type Group Groups Arm Panel Equation Eq Since In On At By From To Until After Before During
    Version Level Class Model Chapter Section Appendix Page Pages Volume Issue Lane Round Cycle Dose
    Doses Score Scale Item Items Patient Patients Age Total January February March April May June
    July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
"""
_NOT_NAMES = frozenset(_NOT_NAME_TEXT.split())
_ENUMERATOR = re.compile(r"\((\d{1,2})\)(?=[ \t]?[^\W\d_])")
_ENUMERATION_SEP = re.compile(r"(?:[,;，；、:：]|(?<![A-Za-z])(?:and|or)|和|及|或|以及)[ \t]{0,2}$")
_UNIT_BEFORE = re.compile(r"(?:^|[^A-Za-z])[μµcmnkd]?[mgLsl]$")
_SYMBOL_BEFORE = re.compile(r"(?:^|[^A-Za-zΑ-Ωα-ω])[A-Za-zΑ-Ωα-ω]$")
_LIST_LEADS = frozenset(":;：；")
_YEAR_AT_END = re.compile(r"(?:^|[ \t(（])(?:19\d{2}|20[0-3]\d)$")  # 1900–2039, not 2048²
_AFTER_MARK = frozenset(".,;:)]'\"”’。，；：）】、%‰")  # "…31%¹": a percent is never raised to a power


def _head(text: str, start: int, size: int = _WINDOW) -> str:
    return text[max(0, start - size) : start]


def is_list_marker(text: str, start: int, end: int, numbers: list[int]) -> bool:
    """ "(1)细胞递送" at a line start, or after a colon, numbers a list."""
    if end >= len(text) or text[end] in "\n。.,;，":
        return False
    return line_start_before(text, start) or _head(text, start, 3).rstrip(" ")[-1:] in _LIST_LEADS


def statistic_before(text: str, start: int, end: int, numbers: list[int]) -> bool:
    """ "t(28)", "F(2, 57)", "χ2(1, N = 90)": degrees of freedom of a test statistic."""
    return bool(_STATISTIC.search(_head(text, start, 8)))


def followed_by_comparison(text: str, start: int, end: int, numbers: list[int]) -> bool:
    """ "(28) = 2.20", "[2] < 0.05", "²=0.81": part of an equation or a statistic."""
    return _COMPARISON.match(text, end) is not None


def after_quantity(text: str, start: int, end: int, numbers: list[int]) -> bool:
    """After a number or a callout: "2 (5)", "Eq. (3)", "Figure 2 (4)" — unless a name or a year precedes.

    `STUDY-301 (2)` (an alphanumeric name) and `Protocol 0042 (7)` (a capitalised word and a
    number) are names of studies that a citation follows.
    """
    head = _head(text, start).rstrip(" \t")
    if _CALLOUT.search(head):
        return True
    if not head[-1:].isdigit():
        return False
    if _YEAR_BEFORE.search(head) and _CLAUSE_GOES_ON.match(text, end):
        return False  # "found in 2001 (6) that …" (but "in 2019 (3) patients relapsed" is a count)
    token = head.split()[-1] if head.split() else head
    if _LATIN_NAME.fullmatch(token):
        return False
    named = _NAMED_BY_WORD.search(head)
    return not (named and _PLAIN_NUMBER.fullmatch(token) and named.group(1) not in _NOT_NAMES)


def is_enumeration(text: str, start: int, end: int, numbers: list[int]) -> bool:
    """ "including (1) safety, (2) efficacy": inline list markers, each followed by its item."""
    if len(numbers) != 1 or numbers[0] > _MAX_ENUMERATOR or _ENUMERATOR.match(text, start) is None:
        return False
    number = numbers[0]
    line_end = text.find("\n", end, end + _ENUMERATION_WINDOW)
    after = text[end : line_end if line_end != -1 else end + _ENUMERATION_WINDOW]
    for match in _ENUMERATOR.finditer(after):
        if int(match.group(1)) == number + 1 and _ENUMERATION_SEP.search(after[: match.start()]):
            return True
    before = _head(text, start, _ENUMERATION_WINDOW)
    before = before[before.rfind("\n") + 1 :]
    own_sep = _ENUMERATION_SEP.search(before) is not None
    return own_sep and any(int(m.group(1)) == number - 1 for m in _ENUMERATOR.finditer(before))


def exponent_before(text: str, start: int, end: int, numbers: list[int]) -> bool:
    """A power, not a citation: "10⁶", "3×10^11", "mm²", "R²", "χ²", or nothing it could follow
    (a year is never raised to a power: "in 1988¹" cites)."""
    head = _head(text, start, 6)
    last = head[-1:]
    if _YEAR_AT_END.search(head) and not text[end : end + 1].isalnum():
        return False  # "reported it in 1988¹": a year is not raised to a power
    if not last or last.isdigit() or last in "×*·^":
        return True
    if _UNIT_BEFORE.search(head) or _SYMBOL_BEFORE.search(head):
        return True
    return not (last.isalpha() or last in _AFTER_MARK)
