"""Numbered citations: "(11)", "(4, 3, 5)", "[1]", "[3-5]", superscripts "¹²" and "^3"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from claims.extract.patterns import S2, SUPERSCRIPT_DIGITS, Candidate, from_superscript, line_start_before
from claims.models import ClaimKind

_ITEM = r"\d{1,3}(?:[ \t]{0,2}[-~][ \t]{0,2}\d{1,3})?"
_LIST = rf"{_ITEM}(?:{S2}[,、;]{S2}{_ITEM}){{0,30}}"
_PAREN = re.compile(rf"\({S2}(?P<list>{_LIST}){S2}\)")
_BRACKET = re.compile(rf"[\[【]{S2}(?P<list>{_LIST}){S2}[\]】]")
_SUP = f"[{SUPERSCRIPT_DIGITS}]"
_SUPERSCRIPT = re.compile(
    rf"(?<![{SUPERSCRIPT_DIGITS}⁻]){_SUP}{{1,3}}(?:[,⁻\-]{_SUP}{{1,3}}){{0,10}}(?![{SUPERSCRIPT_DIGITS}])"
)
_CARET = re.compile(r"(?<![\d^])\^(?P<list>\d{1,3}(?:[,-]\d{1,3}){0,10})(?![\d^])")
_UNIT_BEFORE = re.compile(r"(?:^|[^A-Za-z])[μµcmnkd]?[mgL]$")
_NUMBER_PART = re.compile(r"\d{1,3}")
_MAX_RANGE = 50


def _expand(listing: str) -> list[int] | None:
    """Numbers in text order with ranges expanded; None when a number cannot be a citation."""
    numbers: list[int] = []
    for item in re.split(r"[ \t]{0,2}[,、;][ \t]{0,2}", listing.strip()):
        parts = [int(p) for p in _NUMBER_PART.findall(item)]
        if not parts or min(parts) < 1:
            return None
        if len(parts) == 2 and parts[0] < parts[1] <= parts[0] + _MAX_RANGE:
            numbers.extend(range(parts[0], parts[1] + 1))
        elif len(parts) == 2:
            return None
        else:
            numbers.extend(parts)
    return numbers


def _is_list_marker(text: str, start: int, end: int) -> bool:
    """ "(1)细胞递送" at a line start, or "包括:(1)…" after a colon, numbers a list: it cites nothing."""
    if end >= len(text) or text[end] in "\n。.,;，":
        return False
    return line_start_before(text, start) or text[max(0, start - 3) : start].rstrip(" ")[-1:] in (
        ":",
        ";",
        "：",
        "；",
    )


def _after_number(text: str, start: int) -> bool:
    """A bracket right after a digit ("2 (5)") or inside a ratio is a dose or label, not a cite."""
    head = text[max(0, start - 2) : start].rstrip(" ")
    return head[-1:].isdigit()


def _bracketed(text: str, pattern: re.Pattern[str], style: str) -> Iterator[Candidate]:
    for match in pattern.finditer(text):
        numbers = _expand(match.group("list"))
        if numbers is None or _is_list_marker(text, match.start(), match.end()):
            continue
        if _after_number(text, match.start()):
            continue
        yield Candidate(
            ClaimKind.NUMBERED_CITATION, match.start(), match.end(), {"numbers": numbers, "style": style}
        )


def _superscripts(text: str) -> Iterator[Candidate]:
    for match in _SUPERSCRIPT.finditer(text):
        before = text[max(0, match.start() - 4) : match.start()]
        if before.endswith(("10", "^")) or before[-1:] in "×xX*" or _UNIT_BEFORE.search(before):
            continue  # an exponent or a unit power (10⁶, mm²), not a citation
        numbers = _expand(from_superscript(match.group()))
        if numbers:
            yield Candidate(
                ClaimKind.NUMBERED_CITATION,
                match.start(),
                match.end(),
                {"numbers": numbers, "style": "superscript"},
            )


def _carets(text: str) -> Iterator[Candidate]:
    for match in _CARET.finditer(text):
        before = text[max(0, match.start() - 4) : match.start()]
        if not before or not (before[-1].isalpha() or before[-1] in ".)]") or _UNIT_BEFORE.search(before):
            continue  # "10^3" is a power, "cm^3" a unit
        numbers = _expand(match.group("list"))
        if numbers:
            yield Candidate(
                ClaimKind.NUMBERED_CITATION,
                match.start(),
                match.end(),
                {"numbers": numbers, "style": "superscript"},
            )


def numbered_citations(text: str) -> Iterator[Candidate]:
    """Every numbered citation in `text` (already width-folded)."""
    yield from _bracketed(text, _PAREN, "paren")
    yield from _bracketed(text, _BRACKET, "bracket")
    yield from _superscripts(text)
    yield from _carets(text)
