"""Two more ways compared values are written, and which of two values is the reference (pure).

"20.0 months with drug A and 10.0 months with drug B": one preposition for each value, the same
unit (a parallel comparison). "11 cases among 15,000 vaccinated and 185 among 15,000 on placebo":
two rates, the attack rates of an efficacy. And the reference of a relative difference: the value
the text names as the control ("with placebo", "对照组"), else the one stated second.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from auditor.claims.extract.patterns import NUM, Candidate
from auditor.claims.models import ClaimKind

_PARALLEL = re.compile(
    rf"(?P<a>{NUM})(?P<ua>[ \t]?[A-Za-z%]{{1,10}})?[ \t](?P<prep>with|on|in|for|among|after)[ \t]"
    r"(?:the[ \t])?[A-Za-z][\w+-]{0,30}(?:[ \t][A-Za-z][\w+-]{0,20}){0,2},?[ \t]"
    r"(?:and|versus|vs\.?|compared[ \t]with)[ \t]"
    rf"(?P<b>{NUM})(?P<ub>[ \t]?[A-Za-z%]{{1,10}})?[ \t](?P=prep)[ \t]",
    re.IGNORECASE,
)
_CONTROL = re.compile(
    r"placebo|control|usual[ \t]care|standard[ \t](?:care|treatment|therapy)|sham"
    r"|对照|對照|安慰剂|安慰劑|常规|常規",
    re.IGNORECASE,
)
_CONTROL_REACH = 30
# "随机分为2:1", "randomised 2:1", "in a 2∶1 ratio": arms of unequal size
_UNEQUAL = re.compile(r"(?<![\d.:])(?P<a>[1-9]\d?)[ \t]?[:：∶][ \t]?(?P<b>[1-9])(?!\d|[.:：∶]\d)")
_PARAGRAPH_REACH = 1500
_JOIN = re.compile(
    r"(?<![A-Za-z])(?:versus|vs\.?|and|compared[ \t](?:with|to))(?![A-Za-z])|[,，、;；]|和|与|與|及|对比|對比"
)

Span = tuple[int, int]


def parallel_pair(text: str, lo: int, hi: int) -> tuple[Span, Span] | None:
    """The two values of the last "A <unit> with X and B <unit> with Y" in [lo, hi), if one unit."""
    found = None
    for match in _PARALLEL.finditer(text, lo, hi):
        found = match
    if found is None:
        return None
    unit_a, unit_b = (found.group(g) or "" for g in ("ua", "ub"))
    if unit_a and unit_b and unit_a.strip().casefold() != unit_b.strip().casefold():
        return None
    return found.span("a"), found.span("b")


def rates_pair(found: Sequence[Candidate], lo: int, hi: int) -> tuple[Candidate, Candidate] | None:
    """Exactly two fractions in [lo, hi) (the two groups' attack rates of an efficacy), else None."""
    fractions = [c for c in found if c.kind is ClaimKind.FRACTION and lo <= c.start and c.end <= hi]
    if len(fractions) != 2 or fractions[0].end > fractions[1].start:
        return None
    return fractions[0], fractions[1]


def reference_of(text: str, lo: int, first: Span, second: Span) -> str | None:
    """Which value is the reference, "first" or "second": the one named as the control, else the
    second; None when both are named so.

    The words between the two values belong to the first up to the word that joins them
    ("versus", "and", "，") and to the second after it.
    """
    between = text[first[1] : second[0]]
    joins = list(_JOIN.finditer(between))
    cut = joins[-1].end() if joins else 0
    own_first = text[max(lo, first[0] - _CONTROL_REACH) : first[0]] + " " + between[:cut]
    own_second = between[cut:] + " " + text[second[1] : second[1] + _CONTROL_REACH]
    named_first, named_second = bool(_CONTROL.search(own_first)), bool(_CONTROL.search(own_second))
    if named_first and named_second:
        return None
    return "first" if named_first else "second"


def unequal_arms(text: str, offset: int) -> bool:
    """True when the paragraph up to `offset` states an allocation ratio other than 1:1 ("2:1")."""
    start = max(text.rfind("\n\n", 0, offset), offset - _PARAGRAPH_REACH, 0)
    return any(m.group("a") != m.group("b") for m in _UNEQUAL.finditer(text, start, offset))
