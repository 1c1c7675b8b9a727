"""The two values a stated relative difference compares ("6.2 versus 4.1 months, a 51% improvement").

A relative change, relative reduction or efficacy with no from-to phrase of its own takes its two
values from a comparison in its sentence (else the previous one of the same paragraph):
"A versus/vs/compared with B", "分别为A和B", "A and B …, respectively". Each value is read with
what it is: a percentage, a count, a rate ("8 of 18,198" → 8/18198), a measured value or a bare
number, with its decimals and whether it is exact (counts are). Two values of different units or
kinds are not a comparison. The change gets ``base`` (B), ``new`` (A) and ``comparison`` (how
they were written); which of the two is the reference is left to the check (either order).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from auditor.claims.extract.comparison_forms import parallel_pair, rates_pair, reference_of, unequal_arms
from auditor.claims.extract.patterns import Candidate, decimals_of, to_float
from auditor.claims.models import ClaimKind
from auditor.claims.text import sentence_at

_VERSUS = re.compile(
    r"(?<![A-Za-z])(?:versus|vs\.?|compared[ \t](?:with|to)|对比|對比)(?![A-Za-z])", re.IGNORECASE
)
_RESPECTIVE_AFTER = re.compile(r"分别为|分別為|分别是|分別是|分别|分別")
_RESPECTIVELY = re.compile(r"(?<![A-Za-z])respectively(?![A-Za-z])", re.IGNORECASE)
_NUMBER = re.compile(r"\d(?<![\d.,]\d)(?:\d{0,2}(?:,\d{3}){1,4}(?![\d,])|\d{0,11})(?:\.\d{1,8})?(?![\d.])")
_PAIR_GAP = re.compile(r"[^\d。；;！？!?\n]{0,10}")
_PAIR_JOIN = ("和", "与", "與", "及", "、", ",", "，", "and", "vs", "对", "對")
_PARENTHESES = re.compile(r"[(（][^()（）\n]{0,60}[)）]")
_MAX_GAP = 80
_REACH = 240  # characters of a sentence searched for the comparison: bounded work per change
_BEFORE_WINDOW = 60
_AFTER_WINDOW = 20
_KIND_OF = {ClaimKind.PERCENTAGE: "percent", ClaimKind.COUNT: "count", ClaimKind.QUANTITY: "quantity"}


@dataclass(frozen=True)
class Operand:
    """One compared value: its value, decimals, exactness, what it is and its unit."""

    value: float
    decimals: int
    exact: bool
    kind: str  # "percent", "count", "rate", "quantity", "number"
    unit: str


class _Covers:
    """Number candidates by start, to find the one covering an offset."""

    def __init__(self, found: Sequence[Candidate]) -> None:
        self.items = sorted(found, key=lambda c: c.start)
        self.starts = [c.start for c in self.items]

    def starting_in(self, lo: int, hi: int) -> list[Candidate]:
        """Candidates starting in [lo, hi), in text order."""
        first, last = bisect_right(self.starts, lo - 1), bisect_right(self.starts, hi - 1)
        return self.items[first:last]

    def at(self, start: int, end: int) -> list[Candidate]:
        index = bisect_right(self.starts, start)
        return [c for c in self.items[max(0, index - 4) : index + 1] if c.start <= start and end <= c.end]


def _operand(text: str, start: int, end: int, covers: _Covers) -> Operand | None:
    """What the number at [start, end) is, or None when it cannot be a compared value."""
    raw = text[start:end]
    value, decimals = to_float(raw), decimals_of(raw)
    around = covers.at(start, end)
    kinds = {c.kind for c in around}
    if kinds & {ClaimKind.STATISTIC, ClaimKind.RELATIVE_CHANGE}:
        return None
    for claim in around:
        norm = claim.normalized
        if claim.kind is ClaimKind.FRACTION:
            return _rate(claim)
        if claim.kind is ClaimKind.PERCENTAGE:
            return (
                None
                if norm.get("range") or norm.get("approx")
                else Operand(value, decimals, False, "percent", "%")
            )
        if claim.kind is ClaimKind.COUNT:
            return None if norm.get("approx") else Operand(value, 0, True, "count", str(norm.get("unit", "")))
        if claim.kind is ClaimKind.QUANTITY:
            if norm.get("low") is not None or norm.get("value") is None:
                return None
            return Operand(float(norm["value"]), decimals, False, "quantity", str(norm.get("unit", "")))
    return Operand(value, decimals, False, "number", "")


def _compatible(a: Operand, b: Operand) -> tuple[Operand, Operand] | None:
    """The pair made comparable (a bare number takes the other's kind), or None."""
    left: Operand | None = a
    right: Operand | None = b
    if a.kind == "number" and b.kind != "number":
        left = _as(a, b)
    elif b.kind == "number" and a.kind != "number":
        right = _as(b, a)
    if left is None or right is None or left.kind != right.kind:
        return None
    a, b = left, right
    if a.unit and b.unit and a.unit.casefold().rstrip("s") != b.unit.casefold().rstrip("s"):
        return None
    return a, b


def _as(bare: Operand, like: Operand) -> Operand | None:
    if like.kind == "rate":
        return None
    exact = like.kind == "count" and bare.decimals == 0
    return Operand(bare.value, bare.decimals, exact, like.kind, like.unit)


def _numbers(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _NUMBER.finditer(text, start, end)]


def _versus_pair(text: str, lo: int, hi: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    match = _VERSUS.search(text, lo, hi)
    if match is None:
        return None
    before = _numbers(text, max(lo, match.start() - _BEFORE_WINDOW), match.start())
    after = _numbers(text, match.end(), min(hi, match.end() + _AFTER_WINDOW))
    if not before or not after or _VERSUS.search(text, match.end(), hi):
        return None  # one comparison per stretch: with two, which is compared is unclear
    return before[-1], after[0]


def _joined(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    gap = text[a[1] : b[0]]
    return bool(_PAIR_GAP.fullmatch(gap)) and any(word in gap for word in _PAIR_JOIN)


def _respective_pair(text: str, lo: int, hi: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "分别为6.2个月和4.1个月" or "were 6.2 and 4.1 months, respectively"."""
    zh = _RESPECTIVE_AFTER.search(text, lo, hi)
    if zh is not None:
        numbers = _numbers(text, zh.end(), min(hi, zh.end() + 40))
        if len(numbers) >= 2 and numbers[0][0] - zh.end() <= 4 and _joined(text, numbers[0], numbers[1]):
            return numbers[0], numbers[1]
    en = _RESPECTIVELY.search(text, lo, hi)
    if en is not None:
        numbers = _numbers(text, max(lo, en.start() - 48), en.start())
        if len(numbers) >= 2 and _joined(text, numbers[-2], numbers[-1]):
            return numbers[-2], numbers[-1]
    return None


def _grouped_pair(
    text: str, lo: int, hi: int, covers: _Covers, kinds: tuple[ClaimKind, ...]
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Exactly two percentages or counts in [lo, hi), each stated for its own named group.

    "疫苗组8例、安慰剂组162例", "试验组为62.5%，对照组为41.3%": the groups say what is compared.
    """
    grouped = [
        c for c in covers.starting_in(lo, hi) if c.kind in kinds and c.normalized.get("group") and c.end <= hi
    ]
    if len(grouped) != 2 or grouped[0].kind is not grouped[1].kind:
        return None
    if grouped[0].normalized["group"] == grouped[1].normalized["group"]:
        return None
    spans = [_NUMBER.search(text, c.start, c.end) for c in grouped]
    if spans[0] is None or spans[1] is None:
        return None
    return spans[0].span(), spans[1].span()


class _Pair(NamedTuple):
    """Two compared values (as stated: first, second), how they were written, where the second
    ends, and which is the reference when the text tells ("first", "second", None)."""

    first: Operand
    second: Operand
    how: str
    end: int
    reference: str | None


def _spans_in(
    text: str, lo: int, hi: int, covers: _Covers, how: str, groups: bool
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    if how == "groups":
        return _grouped_pair(text, lo, hi, covers, _EFFICACY_KINDS if groups else _CHANGE_KINDS)
    if how == "parallel":
        return parallel_pair(text, lo, hi)
    return (_versus_pair if how == "versus" else _respective_pair)(text, lo, hi)


def _pair_in(text: str, lo: int, hi: int, covers: _Covers, *, groups: bool = False) -> _Pair | None:
    """The compared values in [lo, hi), how they were written, and where the second one ends.

    Two values told apart only by their groups, or two rates alone, are a comparison for an
    efficacy (`groups`); for another change two groups' values may be of other times or measures.
    """
    for how in ("versus", "respectively", "parallel", "groups"):
        found = _spans_in(text, lo, hi, covers, how, groups)
        if found is None:
            continue
        a, b = (_operand(text, *span, covers) for span in found)
        pair = _compatible(a, b) if a is not None and b is not None else None
        if pair is None:
            return None
        reference = None if how == "respectively" else reference_of(text, lo, *found)
        return _Pair(*pair, how, found[1][1], reference)
    rates = rates_pair(covers.starting_in(lo, hi), lo, hi) if groups else None
    if rates is None:
        return None
    first, second = (_rate(c) for c in rates)
    return _Pair(first, second, "rates", rates[1].end, None)


def _rate(fraction: Candidate) -> Operand:
    norm = fraction.normalized
    return Operand(norm["numerator"] / norm["denominator"], 0, True, "rate", "")


_RATIOS = frozenset({"HR", "aHR", "OR", "aOR", "RR"})


def _ratio_between(covers: _Covers, start: int, end: int) -> bool:
    """ "12 vs 6 months (HR 0.70), a 30% reduction in risk": the change may be the ratio's (1 − HR)."""
    found = covers.starting_in(start, end)
    return any(c.kind is ClaimKind.STATISTIC and c.normalized.get("name") in _RATIOS for c in found)


def _same_statement(text: str, end: int, change_start: int) -> bool:
    """Nothing between the compared values and the change but words: no other number, no ";"."""
    gap = _PARENTHESES.sub("", text[end:change_start])
    return len(gap) <= _MAX_GAP and not any(ch.isdigit() or ch in ";；" for ch in gap)


_EFFICACY_KINDS = (ClaimKind.PERCENTAGE, ClaimKind.COUNT)
_CHANGE_KINDS = (ClaimKind.QUANTITY, ClaimKind.PERCENTAGE)


def _right_after(text: str, end: int, change: Candidate) -> bool:
    """ "治疗组为24个月，对照组为16个月，延长了25%": the change follows the second group's value at once."""
    gap = text[end : change.start]
    unit = re.match(r"[^\s\d，,;；。]{0,4}", gap)
    rest = (gap[unit.end() :] if unit else gap).strip(" \t，,、")
    return rest in ("", "相对", "相對")


def attach_comparisons(text: str, sentences: list[tuple[int, int]], found: Sequence[Candidate]) -> None:
    """Give each stated relative difference without base/new the two values its sentence compares.

    The values come from the change's own sentence, before it, with nothing but words between;
    an efficacy may also take them from the previous sentence of the paragraph.
    """
    covers = _Covers(found)
    for change in found:
        norm = change.normalized
        if change.kind is not ClaimKind.RELATIVE_CHANGE or norm.get("base") is not None:
            continue
        if norm.get("change") is None:
            continue
        start, end = sentence_at(text, change.start, sentences)
        efficacy = norm.get("measure") == "efficacy"
        pair = _pair_in(text, max(start, change.start - _REACH), change.start, covers, groups=efficacy)
        between = (pair.end, change.start) if pair is not None else (0, 0)
        if pair is not None and (not _same_statement(text, *between) or _ratio_between(covers, *between)):
            pair = None
        if pair is not None and pair.how == "groups" and not efficacy:
            pair = pair if _right_after(text, pair.end, change) else None
        if pair is None and efficacy:
            pair = _efficacy_pair(text, sentences, change, (start, end), covers)
        if pair is not None and efficacy and pair.second.kind == "count" and unequal_arms(text, change.start):
            pair = None  # case counts of arms of unequal size are not attack rates
        if pair is not None:
            _attach(norm, pair)


def _efficacy_pair(
    text: str,
    sentences: list[tuple[int, int]],
    change: Candidate,
    sentence: tuple[int, int],
    covers: _Covers,
) -> _Pair | None:
    """An efficacy's counts may follow it ("95% (8 vs 162 cases)") or sit in the previous sentence."""
    pair = _pair_in(text, change.end, min(sentence[1], change.end + _REACH), covers, groups=True)
    if pair is not None or sentence[0] == 0 or text[sentence[0] - 1] == "\n":
        return pair
    previous = sentence_at(text, sentence[0] - 1, sentences)
    if previous[1] <= previous[0]:
        return None
    return _pair_in(text, max(previous[0], previous[1] - _REACH), previous[1], covers, groups=True)


def _attach(norm: dict[str, object], pair: _Pair) -> None:
    new, base = pair.first, pair.second
    norm.update(
        {
            "base": base.value,
            "new": new.value,
            "comparison": pair.how,
            "reference": pair.reference,
            "compared": base.kind,
            "base_decimals": base.decimals,
            "new_decimals": new.decimals,
            "exact_values": base.exact and new.exact,
        }
    )
