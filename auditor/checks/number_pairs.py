"""Pair a percentage with the fraction or count it is a share of (pure; precision first).

Only numbers that are clearly the same thing are paired: a percentage right before or after its
fraction/count, inside the same parentheses or clause ("85%患者(6/7)", "57 of 71 (82%)",
"(57篇,82%)"). A count's whole must be stated earlier in the same sentence with the same unit and
a cue that it is the whole ("在所审查的71篇研究中", "10例患者中", "共纳入…"). When unsure: no pair.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import attrgetter

from auditor.checks.claim_index import ClaimIndex
from auditor.checks.number_wholes import (
    SAMPLE_VERBS,
    denominator_between,
    direct_whole,
    is_group_size,
    share_of_whole,
    value_of,
)
from auditor.claims.models import Claim, ClaimKind
from auditor.claims.text import after_last, previous_sentence, sentence_at, unwrapped_slice

_MAX_GAP = 8
_MAX_GAP_BEFORE_PAREN = 14  # "7 of 10 patients (70%)": a noun may sit before the parenthesis
# "61 achieved remission (85%)": a count's own clause, words only, before the parenthesis
_CLAUSE_BEFORE_PAREN = re.compile(r"[ \t][A-Za-z][A-Za-z \t-]{0,46}[(]")
_NOT_ONE_CLAUSE = re.compile(
    r"(?<![A-Za-z])(?:and|or|but|than|versus|vs|compared|while|whereas|including|excluding|except|respectively)"
    r"(?![A-Za-z])",
    re.IGNORECASE,
)
_OTHER_WHOLE_AFTER = re.compile(r"[ \t]{0,2}(?:of|among|in)[ \t]|的")
_SEPARATORS = frozenset(" \t\u3000,，、:：=")
_CONNECTORS = ("即", "占", "佔", "i.e.", "or", "that is")
_BREAKS = frozenset("。；;！？!?)）\n%‰")
_WHOLE_BEFORE = ("共", "总", "總", "纳入", "納入", "在", "审查", "審查", "分析")
_WHOLE_BEFORE_EN = ("among", "of ", "total", "included")
_WHOLE_AFTER = ("中", "of whom", "of which", "in total", "among")
_SAMPLE_AFTER = re.compile(
    r"[ \t](?:were|had[ \t]been)[ \t](?:randomi[sz]ed|enrolled|included|recruited)", re.IGNORECASE
)
_TRAD = str.maketrans("項個隻篇", "项个只篇")
_PERSONS = frozenset("名人位")  # "560名長者…182人、190人": one noun, people, in three classifiers
_CJK_CLASSIFIERS = frozenset("例篇名人项位只份个家所株次")
_LEAD_STOPS = "0123456789，,；;、。"
_LOOKBACK = 12  # claims scanned back for a whole: keeps the search O(1) per claim


@dataclass(frozen=True)
class SharePair:
    """A percentage and the part/whole it should equal."""

    percent: Claim
    source: Claim  # the fraction, or the count that is the part
    part: float
    whole: float
    whole_claim: Claim | None = None

    @property
    def start(self) -> int:
        """Start of the quoted stretch covering both numbers."""
        return min(self.percent.span.start, self.source.span.start)

    @property
    def end(self) -> int:
        """End of the quoted stretch covering both numbers."""
        return max(self.percent.span.end, self.source.span.end)


@lru_cache(maxsize=512)
def unit_key(unit: str) -> str:
    """Comparable unit: case-folded, simplified script, English plural dropped, "例患者" → "例"."""
    key = unit.strip().casefold().translate(_TRAD)
    if key[:1] in _PERSONS:
        return "人"
    if key[:1] in _CJK_CLASSIFIERS:
        return key[:1]
    return key[:-1] if key.endswith("s") and len(key) > 3 else key


def lead_in(text: str, start: int, floor: int = 0, reach: int = 10) -> str:
    """Up to `reach` characters before `start` (not before `floor`), case-folded, cut after the last
    digit or comma: the number's own words."""
    return after_last(text[max(floor, start - reach) : start].casefold(), _LEAD_STOPS)


def clause_joins(gap: str) -> bool:
    """True when a count's own words lead to its parenthesis ("61 achieved remission (85%)")."""
    return bool(_CLAUSE_BEFORE_PAREN.fullmatch(gap)) and not _NOT_ONE_CLAUSE.search(gap)


def gap_joins(gap: str) -> bool:
    """True when the text between two numbers makes them one statement ("(" or separators only)."""
    if len(gap) > _MAX_GAP_BEFORE_PAREN or any(ch.isdigit() or ch in _BREAKS for ch in gap):
        return False
    if gap.rstrip().endswith(("(", "（")):
        return True
    if len(gap) > _MAX_GAP:
        return False
    rest = "".join(ch for ch in gap if ch not in _SEPARATORS and ch not in "(（")
    for word in _CONNECTORS:
        rest = rest.replace(word, "")
    return rest.strip() == ""


def _neighbour(claims: Sequence[Claim], index: int, step: int) -> Claim | None:
    """The nearest claim before (step −1) or after (+1) claims[index] that does not overlap it."""
    here = claims[index]
    pos = index + step
    while 0 <= pos < len(claims) and abs(pos - index) <= 3:
        other = claims[pos]
        if other.span.start >= here.span.end or other.span.end <= here.span.start:
            return other
        pos += step
    return None


def _adjacent_percent(text: str, claims: Sequence[Claim], index: int) -> Claim | None:
    """The percentage right after or before claims[index], if the gap joins them."""
    here = claims[index]
    after, before = _neighbour(claims, index, 1), _neighbour(claims, index, -1)
    if after is not None and after.kind is ClaimKind.PERCENTAGE:
        gap = unwrapped_slice(text, here.span.end, after.span.start)
        if gap_joins(gap) or clause_joins(gap):
            return after
    if (
        before is not None
        and before.kind is ClaimKind.PERCENTAGE
        and gap_joins(unwrapped_slice(text, before.span.end, here.span.start))
    ):
        return before
    return None


def _usable_percent(claim: Claim) -> bool:
    value = claim.normalized.get("value")
    return claim.normalized.get("unit", "%") == "%" and isinstance(value, int | float) and 0 <= value <= 100


def fraction_pairs(text: str, claims: Sequence[Claim]) -> list[SharePair]:
    """Percentages stated with their own fraction ("6/7 (85.7%)", "57 of 71 (80%)")."""
    pairs: list[SharePair] = []
    for index, claim in enumerate(claims):
        if claim.kind is not ClaimKind.FRACTION:
            continue
        num, den = claim.normalized.get("numerator"), claim.normalized.get("denominator")
        percent = _adjacent_percent(text, claims, index)
        if percent is None or not _usable_percent(percent) or num is None or den is None:
            continue
        if 0 <= float(num) <= float(den) and float(den) > 0:
            pairs.append(SharePair(percent, claim, float(num), float(den)))
    return pairs


def _has_whole_cue(text: str, claim: Claim, sentence_start: int) -> bool:
    before = lead_in(text, claim.span.start, sentence_start)
    after = text[claim.span.end : claim.span.end + 8].casefold()
    return (
        any(cue in before for cue in _WHOLE_BEFORE + _WHOLE_BEFORE_EN + SAMPLE_VERBS)
        or any(cue in after for cue in _WHOLE_AFTER)
        or bool(_SAMPLE_AFTER.match(text, claim.span.end))
    )


def _bigger_same_unit(claims: Sequence[Claim], index: int, start: int) -> list[Claim]:
    """Counts before claims[index] from offset `start` on, of its unit and bigger than it."""
    part = claims[index]
    unit = unit_key(str(part.normalized.get("unit", "")))
    return [
        c
        for c in claims[max(0, index - _LOOKBACK) : index]
        if c.kind is ClaimKind.COUNT
        and c.span.start >= start
        and unit_key(str(c.normalized.get("unit", ""))) == unit
        and float(c.normalized.get("value") or 0) > float(part.normalized.get("value") or 0)
    ]


def _same_unit(a: Claim, b: Claim) -> bool:
    return unit_key(str(a.normalized.get("unit", ""))) == unit_key(str(b.normalized.get("unit", "")))


def _sole_whole(text: str, bigger: list[Claim], start: int, part: Claim, percent: Claim) -> Claim | None:
    """The one whole among `bigger` (all of one value, the last one cued as a whole), else None.

    A whole stated for a group ("治疗组71例") is the whole only of a part of that same group, and a
    part stated for a group is a share of that group, not of an ungrouped total, unless the part
    is the group's own size ("共206名，取栓組107名（52%）").
    """
    values = {float(c.normalized["value"]) for c in bigger}
    if len(values) != 1:
        return None
    whole = bigger[-1]
    part_group, whole_group = part.normalized.get("group"), whole.normalized.get("group")
    if whole.normalized.get("approx"):
        return None
    if part_group and whole_group != part_group and (whole_group or not is_group_size(text, part, percent)):
        return None  # "共纳入200例，治疗组死亡13例(13.0%)": a share of the group, not of the total
    return whole if _has_whole_cue(text, whole, start) else None


def _whole_of(
    text: str, claims: Sequence[Claim], index: int, percent: Claim, others_of: Callable[[], ClaimIndex]
) -> Claim | None:
    """The one count earlier in the sentence that is the whole of claims[index]; None if unsure.

    With none in its sentence, a part that names no group may take its whole from the previous
    sentence of the paragraph ("共纳入64例。…其中13例死亡(20.3%)"), if nothing else could be it.
    A number between the whole and the part that could be the part's own denominator makes it
    unsure (`others_of()`: the claims whose numbers cannot be one).
    """
    part = claims[index]
    if not unit_key(str(part.normalized.get("unit", ""))):
        return None
    direct = direct_whole(text, claims, index, _same_unit)
    if direct is not None:
        return direct
    start, _ = sentence_at(text, part.span.start)
    bigger = _bigger_same_unit(claims, index, start)
    whole = None
    if bigger:
        whole = _sole_whole(text, bigger, start, part, percent)
    elif not (part.normalized.get("group") or percent.normalized.get("group")):
        previous = previous_sentence(text, start)
        if previous is not None:
            # a part of no group is a share of the sample, not of a group sized beside it
            bigger_before = _bigger_same_unit(claims, index, previous[0])
            earlier = [c for c in bigger_before if not c.normalized.get("group")]
            whole = _sole_whole(text, earlier, previous[0], part, percent) if earlier else None
    if whole is None:
        return None
    bounds = (float(part.normalized["value"]), float(whole.normalized["value"]))
    others = others_of()
    if not part.normalized.get("group"):  # a group's size is no denominator of a part of no group
        grouped = [c for c in claims[max(0, index - _LOOKBACK) : index] if c.normalized.get("group")]
        others = ClaimIndex([*others.claims, *grouped]) if grouped else others
    return None if denominator_between(text, whole.span.end, part.span.start, bounds, others) else whole


def count_pairs(text: str, claims: Sequence[Claim], others_of: Callable[[], ClaimIndex]) -> list[SharePair]:
    """Counts stated with their percentage whose whole is stated earlier ("71篇中…(57篇,80%)").

    A percentage that names its own whole ("(85% of those infused)", "占…的") is not paired.
    """
    pairs: list[SharePair] = []
    for index, claim in enumerate(claims):
        if claim.kind is not ClaimKind.COUNT or claim.normalized.get("value") is None:
            continue
        percent = _adjacent_percent(text, claims, index)
        if percent is None or not _usable_percent(percent) or claim.normalized.get("approx"):
            continue
        if _OTHER_WHOLE_AFTER.match(text, percent.span.end):
            continue
        whole = _whole_of(text, claims, index, percent, others_of)
        if whole is not None:
            part, total = float(claim.normalized["value"]), float(whole.normalized["value"])
            pairs.append(SharePair(percent, claim, part, total, whole))
    return pairs


def share_of_pairs(text: str, numbers: Sequence[Claim]) -> list[SharePair]:
    """ "127万例死亡…，占…495万例死亡的31%": the percentage of a count in the whole it names."""
    pairs: list[SharePair] = []
    for index, percent in enumerate(numbers):
        if percent.kind is not ClaimKind.PERCENTAGE or not _usable_percent(percent):
            continue
        found = share_of_whole(text, numbers, index, _same_unit)
        if found is not None:
            part, whole = found
            pairs.append(SharePair(percent, part, value_of(part), value_of(whole), whole))
    return pairs


def _inside(claim: Claim, others: ClaimIndex) -> bool:
    """True when `claim` lies within one of `others` ("71" in "57 of 71", "95%" in "efficacy 95%")."""
    found = others.overlapping(claim.span.start, claim.span.end)
    return found is not None and found.span.start <= claim.span.start and claim.span.end <= found.span.end


_PAIRED_KINDS = frozenset({ClaimKind.PERCENTAGE, ClaimKind.FRACTION, ClaimKind.COUNT})
_START = attrgetter("span.start")


def _no_denominators(claims: Sequence[Claim]) -> ClaimIndex:
    """The claims whose numbers cannot be a denominator: all but counts and fractions."""
    return ClaimIndex(c for c in claims if c.kind not in (ClaimKind.COUNT, ClaimKind.FRACTION))


def share_pairs(text: str, claims: Sequence[Claim]) -> list[SharePair]:
    """Every percentage ↔ fraction/count pair; a percentage is paired at most once."""
    numbers = sorted([c for c in claims if c.kind in _PAIRED_KINDS], key=_START)
    fractions = ClaimIndex(numbers, ClaimKind.FRACTION)
    changes = ClaimIndex(claims, ClaimKind.RELATIVE_CHANGE)
    if changes.claims:
        numbers = [c for c in numbers if c.kind is not ClaimKind.PERCENTAGE or not _inside(c, changes)]
    counts_free = numbers
    if fractions.claims:
        counts_free = [c for c in numbers if c.kind is not ClaimKind.COUNT or not _inside(c, fractions)]
    others_of = cache(lambda: _no_denominators(claims))  # built when a count's whole is found
    seen: set[str] = set()
    result: list[SharePair] = []
    found = fraction_pairs(text, numbers) + count_pairs(text, counts_free, others_of)
    for pair in found + share_of_pairs(text, counts_free):
        if pair.percent.id not in seen:
            seen.add(pair.percent.id)
            result.append(pair)
    return result
