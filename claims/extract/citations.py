"""Numbered citations: a table of forms and one linear scanner over the text.

Forms: `[1]`, `[1-3]`, `[1,4–6]`, `【2】`, `[1]-[3]`, `(1)`, `(4, 3, 5)`, Unicode superscripts
(`¹²³`, `¹⁻³`, `¹,⁴`), pandoc `^1^` / `^1,2^`, the older `^3`, and raw HTML `<sup>1</sup>`
(`<sup>[1]</sup>` is a bracket inside a `<sup>`). The HTML and .docx readers turn superscript runs
into Unicode superscripts, so their citations arrive as the superscript form.

Each form names the guards that reject its look-alikes. Parentheses are the ambiguous form:
`(1)` also numbers a list, and `t(28) = 2.20`, `F(2, 57) = 4.1`, `Eq. (3)`, `2 (5)` are not
citations, while `STUDY-301 (2)` and `Protocol 0042 (7)` are. Superscripts and carets reject
exponents and unit powers (`10⁶`, `mm²`, `R²`, `10^3`). A citation whose clause states the cited
work's publication year ("a 2019 paper⁴", `cited_year`) carries it as `stated_year`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from auditor.claims.extract.citation_context import (
    after_quantity,
    exponent_before,
    followed_by_comparison,
    is_enumeration,
    is_list_marker,
    statistic_before,
)
from auditor.claims.extract.cited_year import stated_year
from auditor.claims.extract.patterns import SUPERSCRIPT_DIGITS, Candidate, from_superscript
from auditor.claims.models import ClaimKind

_MAX_RANGE = 50  # "[1-300]" is not a range of citations
_MAX_NUMBER = 999
_NUMBER_PART = re.compile(r"\d{1,3}")
_ITEM_SPLIT = re.compile(r"[ \t]{0,2}[,、;][ \t]{0,2}")

Guard = Callable[[str, int, int, list[int]], bool]


def _ascii_list(blank: str) -> str:
    item = rf"\d{{1,3}}(?:{blank}[-~—]{blank}\d{{1,3}})?"
    return rf"{item}(?:{blank}[,、;]{blank}{item}){{0,30}}"


_SUP = f"[{SUPERSCRIPT_DIGITS}]"
_SUP_ITEM = rf"{_SUP}{{1,3}}(?:[⁻\-]{_SUP}{{1,3}})?"
_SUP_LIST = rf"{_SUP_ITEM}(?:[,˒]{_SUP_ITEM}){{0,10}}(?![{SUPERSCRIPT_DIGITS}⁻])"
_LIST = _ascii_list(r"[ \t]{0,2}")  # blanks allowed inside brackets
_TIGHT_LIST = _ascii_list("")


@dataclass(frozen=True)
class NumberedForm:
    """One written form of a numbered citation: its pattern (group `list`), style and guards."""

    name: str
    pattern: str
    style: str  # the `style` of the claim: "bracket", "paren" or "superscript"
    guards: tuple[Guard, ...] = ()
    superscript: bool = False  # the list is written in superscript digits


def _form(name: str, pattern: str, style: str, *guards: Guard, superscript: bool = False) -> NumberedForm:
    return NumberedForm(name, pattern, style, guards, superscript)


_B = r"[ \t]{0,2}"
_PAREN_GUARDS = (is_list_marker, statistic_before, followed_by_comparison, after_quantity, is_enumeration)
FORMS: tuple[NumberedForm, ...] = (
    _form("html-sup-bracket", rf"<sup>{_B}\[(?P<list>{_LIST})\]{_B}</sup>", "bracket"),
    _form("html-sup", rf"<sup>{_B}(?P<list>{_LIST}){_B}</sup>", "superscript"),
    _form("bracket-range", rf"[\[【](?P<list>\d{{1,3}}[\]】]{_B}[-~—]{_B}[\[【]\d{{1,3}})[\]】]", "bracket"),
    _form("bracket", rf"[\[【]{_B}(?P<list>{_LIST}){_B}[\]】]", "bracket", followed_by_comparison),
    _form("paren", rf"\({_B}(?P<list>{_LIST}){_B}\)", "paren", *_PAREN_GUARDS),
    _form("caret-pair", rf"(?<![\d^])\^(?P<list>{_TIGHT_LIST})\^", "superscript", exponent_before),
    _form("caret", rf"(?<![\d^])\^(?P<list>{_TIGHT_LIST})(?![\d^])", "superscript", exponent_before),
    _form(
        "superscript",
        rf"(?<![{SUPERSCRIPT_DIGITS}⁻])(?P<list>{_SUP_LIST})",
        "superscript",
        exponent_before,
        followed_by_comparison,
        superscript=True,
    ),
)
# Where any form may start (a plain character class the regex engine skips to quickly), and all
# forms in one alternation, in table order, tried there: the first form that matches wins.
# (The first character is read by one class, and which form it opens by a look-behind, so that the
# engine skips quickly between candidates.)
_TRIGGER = re.compile(
    rf"[\[【(<^{SUPERSCRIPT_DIGITS}]"
    rf"(?:(?<=[\[【(])[ \t]{{0,2}}\d|(?<=<)sup>|(?<=\^)\d"
    rf"|(?<=[{SUPERSCRIPT_DIGITS}])(?<![{SUPERSCRIPT_DIGITS}⁻].))"
)
_SCANNER = re.compile(
    "|".join(f"(?P<f{i}>{form.pattern.replace('(?P<list>', f'(?P<l{i}>')})" for i, form in enumerate(FORMS))
)


def expand_numbers(listing: str) -> list[int] | None:
    """Numbers in text order with ranges expanded; None when a number cannot be a citation."""
    numbers: list[int] = []
    for item in _ITEM_SPLIT.split(listing.strip()):
        parts = [int(p) for p in _NUMBER_PART.findall(item)]
        if not parts or min(parts) < 1 or max(parts) > _MAX_NUMBER:
            return None
        if len(parts) == 2 and parts[0] < parts[1] <= parts[0] + _MAX_RANGE:
            numbers.extend(range(parts[0], parts[1] + 1))
        elif len(parts) == 2:
            return None
        else:
            numbers.extend(parts)
    return numbers


def _numbers_of(form: NumberedForm, listing: str) -> list[int] | None:
    text = from_superscript(listing).replace("˒", ",") if form.superscript else listing
    return expand_numbers(text)


def _candidate(text: str, match: re.Match[str], floor: int) -> Candidate | None:
    """The citation a scanner match stands for, or None when a guard says it is a look-alike.

    `floor`: the end of the previous citation (the clause of a stated year stops there).
    """
    index = int(str(match.lastgroup)[1:])
    form = FORMS[index]
    numbers = _numbers_of(form, match.group(f"l{index}"))
    if numbers is None or any(guard(text, match.start(), match.end(), numbers) for guard in form.guards):
        return None
    payload: dict[str, object] = {"numbers": numbers, "style": form.style}
    year = stated_year(text, match.start(), floor)
    if year is not None:
        payload["stated_year"] = year  # "a 2019 paper⁴": the year the text gives the cited work
    return Candidate(ClaimKind.NUMBERED_CITATION, match.start(), match.end(), payload)


def numbered_citations(text: str) -> Iterator[Candidate]:
    """Every numbered citation in `text` (already width-folded), left to right, non-overlapping."""
    pos = floor = 0
    while (trigger := _TRIGGER.search(text, pos)) is not None:
        match = _SCANNER.match(text, trigger.start())
        candidate = _candidate(text, match, floor) if match else None
        if candidate is None:
            pos = trigger.start() + 1
            continue
        yield candidate
        pos = floor = candidate.end
