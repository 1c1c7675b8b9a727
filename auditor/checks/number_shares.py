"""Two complementary shares of one whole that do not make 100% (N304).

A pair is two adjacent percentages of one statement ("男性占61%，女性占42%", "73% were men and
30% women") that no third percentage continues (a list "A占40%，B占35%，C占25%" is not a pair),
stated for no group of their own ("31.2% in the treated group … 35.0% with placebo" are shares of
two wholes). Their categories decide what is wrong: two halves of a whole (men/women, X/非X, a
remainder "the remaining 39%") must make 100%; two categories that exclude each other but may
leave some out (支持/反對, 陽性/陰性, "under 12"/"between 12 and 17") must not make more.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from auditor.checks.number_relations import sum_tolerance
from auditor.checks.share_categories import BANDS, PARTITION, Split, label_split, phrase_split, phrases
from auditor.claims.models import Claim, ClaimKind
from auditor.claims.text import sentence_at, unwrapped_slice


@dataclass(frozen=True)
class ShareProblem:
    """Two complementary shares of one whole that do not make 100%."""

    first: Claim
    second: Claim
    total: float
    tolerance: float


_PAIR_MAX_GAP = 64
_NUMBER = re.compile(r"(?<![A-Za-z0-9-])\d")  # a number of its own, not the "2" of "HER2"
_REMAINDER = ("其余", "其餘", "剩余", "剩餘", "the remaining", "the rest", "remainder")
_OPEN_ENDED = ("等", "etc", "among others", "其次", "such as", "例如", "e.g.")
_BREAKS = frozenset("。；;！？!?")
# Verbs of having or developing something: shares after them may overlap.
_OCCURRENCE = frozenset(
    ["had", "has", "have", "developed", "experienced", "reported", "showed", "with"]
    + ["有", "出现", "出現", "发生", "發生", "伴有", "合并", "合併", "患有"]
)
_FUNCTION_WORDS = frozenset(
    ["of", "in", "with", "for", "among", "on", "at", "to", "by", "versus", "vs", "and", "or", "than"]
    + ["per", "a", "an", "the", "each", "every", "after", "before", "during", "over", "under"]
)


def _value(claim: Claim) -> float:
    return float(claim.normalized.get("value") or 0)


def _lead(text: str, claim: Claim) -> str:
    """The first two characters (Chinese) or first word (English) after a percentage."""
    after = text[claim.span.end : claim.span.end + 24].lstrip(" 的")
    if after[:1].isascii():
        word = after.split(" ")[0].casefold() if after else ""
        return "" if word in _FUNCTION_WORDS else word
    return after[:2]


def _separate(text: str, left: Claim, right: Claim, digits: bool = True) -> bool:
    """True when two percentages belong to different statements: a break, a number or a long gap between.

    With `digits` False a number between them does not separate them ("45% were under 12 and 60% …").
    """
    gap = unwrapped_slice(text, left.span.end, right.span.start)
    if len(gap) > _PAIR_MAX_GAP or "\n\n" in gap or any(ch in _BREAKS for ch in gap):
        return True
    return digits and _NUMBER.search(gap) is not None


_WORD_BEFORE = re.compile(r"(?<![A-Za-z])([a-z]{3,15})[ \t](?:in|among)[ \t]$")


def _words_before(text: str, first: Claim, second: Claim) -> tuple[str, str] | None:
    """ "present in 28% of isolates and absent in 72%": the word before each share's "in"."""
    a = _WORD_BEFORE.search(text, max(0, first.span.start - 20), first.span.start)
    b = _WORD_BEFORE.search(text, max(first.span.end, second.span.start - 20), second.span.start)
    own_whole = text[second.span.end : second.span.end + 4].startswith((" of ", " of	"))
    return (a.group(1), b.group(1)) if a and b and not own_whole else None  # "… 64% of women": two wholes


def _split(text: str, first: Claim, second: Claim) -> Split | None:
    """How the two shares' categories relate, or None when nothing says they are one whole's parts."""
    near_second = text[max(first.span.end, second.span.start - 16) : second.span.start].casefold()
    if any(word in near_second for word in _REMAINDER):
        return PARTITION
    by_label = label_split(first.normalized.get("label") or "", second.normalized.get("label") or "")
    if by_label is not None:
        return by_label
    before = _words_before(text, first, second)
    if before is not None and label_split(*before) is not None:
        return label_split(*before)
    if first.span.end < len(text) and text[first.span.end : first.span.end + 1].isascii():
        by_phrase = phrase_split(*phrases(text, first, second))
        if by_phrase is not None:
            return by_phrase
    lead = _lead(text, first)
    if lead in _OCCURRENCE:
        return None  # "61% had hypertension and 48% had diabetes": conditions may co-occur
    return PARTITION if len(lead) >= 2 and lead == _lead(text, second) else None


def _pair_split(text: str, first: Claim, second: Claim) -> Split | None:
    if first.normalized.get("group") or second.normalized.get("group"):
        return None  # "31.2% in the treated group … 35.0% with placebo": shares of two wholes
    if first.normalized.get("range") or second.normalized.get("range"):
        return None
    split = _split(text, first, second)
    if split is None or _separate(text, first, second, digits=split is not BANDS):
        return None  # only categories such as age bands may hold a number between the two shares
    return split


def _isolated(text: str, percents: Sequence[Claim], index: int, sentence: tuple[int, int]) -> bool:
    """percents[index], percents[index + 1] are a pair that no neighbouring percentage continues."""
    before_ok = (
        index == 0
        or percents[index - 1].span.start < sentence[0]
        or _separate(text, percents[index - 1], percents[index])
    )
    after_ok = (
        index + 2 >= len(percents)
        or percents[index + 2].span.start >= sentence[1]
        or _separate(text, percents[index + 1], percents[index + 2])
    )
    return before_ok and after_ok


def _problem(first: Claim, second: Claim, split: Split) -> ShareProblem | None:
    total = _value(first) + _value(second)
    decimals = [int(c.normalized.get("decimals", 0)) for c in (first, second)]
    tolerance = sum_tolerance(decimals)
    over = total > 100 + tolerance
    under = split.exhaustive and total < 100 - tolerance
    return ShareProblem(first, second, total, tolerance) if over or under else None


def share_problems(text: str, claims: Sequence[Claim]) -> list[ShareProblem]:
    """Pairs of complementary (or mutually exclusive) shares of one whole whose sum is impossible."""
    percents = sorted((c for c in claims if c.kind is ClaimKind.PERCENTAGE), key=lambda c: c.span.start)
    problems: list[ShareProblem] = []
    for index, (first, second) in enumerate(zip(percents, percents[1:], strict=False)):
        start, end = sentence_at(text, first.span.start)
        if second.span.start >= end or not _isolated(text, percents, index, (start, end)):
            continue
        if any(w in text[start:end].casefold() for w in _OPEN_ENDED):
            continue
        split = _pair_split(text, first, second)
        problem = _problem(first, second, split) if split is not None else None
        if problem is not None:
            problems.append(problem)
    return problems
