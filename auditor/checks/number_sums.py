"""Parts that must add up to a stated whole (N303).

Precision first. A whole counts only when it is explicit ("共纳入50例", "总计", "in total", "納入182名",
"enrolled 3730 patients", "Of the 111 patients …,", "9 patients … of whom"); its parts are the
same-unit counts after it in the same sentence (or, if there are none, in the next one) that form
one enumeration (list separators and labels between them, no break, no other number, no nested
"其中"). A sum above the whole is reported when the list is marked as a partition ("其中", "of
whom", a colon, "分别", distinct groups) of categories that cannot overlap (groups, opposites,
one head, an allocation, "… and 12 did not"); a sum below it only when the list also claims to be
all of the whole ("分为", "groups of", a colon list, "其余", "assigned to", X/非X). Open-ended lists
("等", "etc.", "such as") and conditions that may co-occur ("糖尿病120例、高血压100例") are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from auditor.checks.claim_index import ClaimIndex
from auditor.checks.number_pairs import lead_in, unit_key
from auditor.checks.number_wholes import SAMPLE_VERBS
from auditor.checks.part_labels import (
    complement_after,
    names_a_condition,
    one_dimension,
    parallel,
    part_labels,
)
from auditor.checks.share_categories import negation_pair
from auditor.checks.word_sets import WordSet
from auditor.claims.models import Claim, ClaimKind
from auditor.claims.text import next_sentence, sentence_at, unwrapped_slice

_WHOLE_BEFORE = (
    "共",
    "总计",
    "總計",
    "合计",
    "合計",
    "总共",
    "總共",
    "纳入",
    "納入",
    "入组",
    "入組",
    "total of",
    "in total",
    "enrolled",
    "included",
    "recruited",
    "randomized",
    "randomised",
)
_WHOLE_AFTER = ("in total", "of whom", "of which", "in all")
_AMONG = re.compile(r"[\u4e00-\u9fffA-Za-z]{0,8}中[，,]")
# "Of the 111 patients enrolled in the trial, 101 …": the whole opens its sentence.
_OF_THE = re.compile(r"(?:^|[.;:,]\s)\s*(?:of|among)\s(?:the\s|these\s|all\s)?$", re.IGNORECASE)
# A sample that is then split: "600 patients were randomly assigned", "纳入100例，随机分为…".
_ALLOCATED = (
    "randomized",
    "randomised",
    "randomly assigned",
    "randomly allocated",
    "were allocated",
    "were assigned",
    "随机分为",
    "隨機分為",
    "随机分配",
    "隨機分配",
    "分为",
    "分為",
    "分成",
    "divided into",
)
# Words saying the parts are all of the whole (so a sum below it is wrong too).
_EXHAUSTIVE = (
    "groups of",
    "arms of",
    "分为",
    "分為",
    "分成",
    "divided into",
    "assigned to",
    "allocated to",
    "randomized to",
    "randomised to",
)
_PARTITION = (
    "其中",
    "of whom",
    "of which",
    "of these",
    "of them",
    "among them",
    "分别",
    "分別",
    "其余",
    "其餘",
    "剩余",
    "剩餘",
    "the remaining",
    "the rest",
    *_ALLOCATED,
)
_REMAINDER = ("其余", "其餘", "剩余", "剩餘", "the remaining", "the rest", "remainder")
_OPEN_ENDED = ("等", "etc", "among others", "其次", "such as", "例如", "e.g.", "including", "包括")
_COUNT_UNITS = frozenset(
    [
        "例",
        "篇",
        "名",
        "人",
        "项",
        "位",
        "只",
        "份",
        "个",
        "株",
        "家",
        "所",
        "patient",
        "studie",
        "study",
        "article",
        "trial",
        "participant",
        "subject",
        "case",
        "mouse",
        "mice",
        "rat",
        "animal",
        "child",
        "children",
        "women",
        "men",
        "people",
        "sample",
        "adult",
        "infant",
        "volunteer",
    ]
)
# Parts that are not summands of the whole: "各50例", "50 patients each".
_NON_LITERAL = ("各", "每组", "每組", "each", "per group", "per arm")
_LIST_GAP_MAX = 40
_LIST_BREAKS = frozenset("；;。")
_NESTING = ("其中", "of whom", "of which", "among them")
_MAX_PARTS = 12
_TAIL = 16  # characters after the last part still read for "等", "etc." and the like
_LEAD_REACH = 16
_WHOLE_CUES_BEFORE = WordSet(_WHOLE_BEFORE + SAMPLE_VERBS)
_WHOLE_CUES_AFTER = WordSet(_WHOLE_AFTER)
_ALLOCATION_CUES = WordSet(_ALLOCATED)
_PARENTHESIS = re.compile(r"[(（][^()（）]{0,24}[)）]")
_NUMBER = re.compile(r"(?<![A-Za-z0-9-])\d")


@dataclass(frozen=True)
class SumProblem:
    """A stated whole and the parts that do not add up to it."""

    whole: Claim
    parts: tuple[Claim, ...]
    total: float

    @property
    def stated(self) -> float:
        """The whole as stated."""
        return float(self.whole.normalized["value"])


def _value(claim: Claim) -> float:
    return float(claim.normalized.get("value") or 0)


def _unit(claim: Claim) -> str:
    return unit_key(str(claim.normalized.get("unit", "")))


def _is_explicit_whole(text: str, claim: Claim) -> bool:
    if claim.normalized.get("approx") or claim.normalized.get("implied") or claim.normalized.get("group"):
        return False
    before = lead_in(text, claim.span.start, reach=_LEAD_REACH)
    after = text[claim.span.end : claim.span.end + 24].casefold()
    return (
        _WHOLE_CUES_BEFORE.found_in(before)
        or _WHOLE_CUES_AFTER.found_in(after[:14])
        or _ALLOCATION_CUES.found_in(after)
        or _opens_with_of(text, claim)
        or _among(text, claim)
    )


def _among(text: str, claim: Claim) -> bool:
    """ "21例重症患者中，普通病房15例…", "500株菌中，…": the whole is where the parts are counted."""
    return _AMONG.match(text, claim.span.end) is not None


def _opens_with_of(text: str, claim: Claim) -> bool:
    """ "Of the 111 patients enrolled, …": the whole opens its sentence, and what follows is of it."""
    sentence_start = sentence_at(text, claim.span.start)[0]
    if claim.span.start - sentence_start > _LEAD_REACH:
        return False
    return _OF_THE.search(" " + text[sentence_start : claim.span.start]) is not None


def _counts_between(counts: ClaimIndex, start: int, end: int, unit: str) -> list[Claim]:
    return [c for c in counts.starting_in(start, end, limit=_MAX_PARTS + 4) if _unit(c) == unit][:_MAX_PARTS]


def _joined(text: str, first: Claim, second: Claim) -> bool:
    """Two parts of one enumeration: a short gap of labels and separators, no break, number or nesting."""
    gap = _PARENTHESIS.sub("", unwrapped_slice(text, first.span.end, second.span.start))  # "30例(60%)，25例"
    if len(gap) > _LIST_GAP_MAX or "\n\n" in gap or any(ch in _LIST_BREAKS for ch in gap):
        return False
    return _NUMBER.search(gap) is None and not any(word in gap.casefold() for word in _NESTING)


def _enumeration(text: str, parts: list[Claim]) -> list[Claim]:
    """The parts up to the first one that does not continue the list."""
    for index in range(1, len(parts)):
        if not _joined(text, parts[index - 1], parts[index]):
            return parts[:index]
    return parts


def _parts_of(text: str, counts: ClaimIndex, whole: Claim) -> tuple[list[Claim], int]:
    """Same-unit counts after the whole in its sentence, else in the next sentence; and the region end."""
    _, end = sentence_at(text, whole.span.start)
    parts = _counts_between(counts, whole.span.end, end, _unit(whole))
    if parts:
        return _enumeration(text, parts), end
    following = next_sentence(text, end)
    if following is None:
        return [], end
    parts = _counts_between(counts, following[0], following[1], _unit(whole))
    return _enumeration(text, parts), following[1]


def _prefix_matches(parts: Sequence[Claim], whole: float) -> bool:
    running = 0.0
    for index, part in enumerate(parts):
        running += _value(part)
        if index >= 1 and abs(running - whole) < 1e-9:
            return True
    return False


_COLON_REACH = 32


def _enumerated(text: str, whole: Claim) -> bool:
    """ "共55例：完全缓解30例…", "3730 patients: 1863 …", "600 patients with three regimens: 198 …":
    a colon soon after the whole, with no number or clause break before it, opens its list."""
    after = text[whole.span.end : whole.span.end + _COLON_REACH]
    colon = min((i for i in (after.find(":"), after.find("：")) if i != -1), default=-1)
    return colon != -1 and not any(ch.isdigit() or ch in "，,;；。" for ch in after[:colon])


def _distinct_groups(parts: Sequence[Claim]) -> bool:
    """Every part stated for its own group ("治疗组84名，对照组45名"): the groups split the whole."""
    groups = [p.normalized.get("group") for p in parts]
    return all(groups) and len(set(groups)) == len(groups)


@dataclass(frozen=True)
class _Reading:
    """What the words around an enumeration say about it."""

    marked: bool  # the list is presented as a partition of the whole
    exclusive: bool  # its categories cannot overlap
    exhaustive: bool  # and together they are the whole


def _read(text: str, whole: Claim, parts: list[Claim], region: str, region_end: int) -> _Reading:
    enumerated = _enumerated(text, whole)
    labels = part_labels(text, whole, parts, region_end)
    groups = _distinct_groups(parts)
    complement = complement_after(text, parts[-1]) or any(word in region for word in _REMAINDER)
    allocated = _ALLOCATION_CUES.found_in(region)
    # 有效组/无效组 is all of the whole by definition; men/women may leave some unreported
    negated = len(labels) == 2 and negation_pair(labels[0], labels[1])
    opened = _opens_with_of(text, whole) or _among(text, whole)
    adjacent = _follows_at_once(text, whole, parts[0]) and one_dimension(labels)
    marked = enumerated or groups or opened or adjacent or any(w in region for w in _PARTITION)
    listed = enumerated and not names_a_condition(labels)  # "共55例：完全缓解30例、部分缓解9例…"
    exclusive = groups or allocated or complement or listed or one_dimension(labels) or _bare(labels, region)
    exhaustive = (
        complement
        or negated
        or enumerated
        or any(word in region for word in _EXHAUSTIVE)
    )
    return _Reading(marked, exclusive, exhaustive)


_AT_ONCE = re.compile(r"[^\d，,；;。:：]{0,8}[，,][^\d，,；;。]{0,12}")


def _follows_at_once(text: str, whole: Claim, first: Claim) -> bool:
    """ "共納入4800名兒童，季節性地區2400名、…": the list starts in the clause right after the whole."""
    return _AT_ONCE.fullmatch(text, whole.span.end, first.span.start) is not None


def _bare(labels: Sequence[str], region: str) -> bool:
    """ "groups of 198, 204 and 210", "分为三组：182人、190人和197人": unlabelled sizes of a split."""
    return not any(labels) and any(word in region for word in _EXHAUSTIVE + _ALLOCATED)


def _judge(text: str, whole: Claim, parts: list[Claim], region_end: int) -> SumProblem | None:
    stated, total = _value(whole), sum(_value(p) for p in parts)
    if len(parts) < 2 or any(_value(p) >= stated for p in parts) or _prefix_matches(parts, stated):
        return None
    if any(p.normalized.get("approx") for p in parts):
        return None
    if any(_is_explicit_whole(text, p) for p in parts[:-1]):
        return None  # "enrolled 230. …, 200 were randomized, 105 to A and 95 to B": a whole of its own
    if any(p.normalized.get("implied") == "outcome" for p in parts) and not complement_after(text, parts[-1]):
        return None  # a subset ("12 died") rather than a part of a split, unless "… and 30 did not"
    region = text[whole.span.end : min(region_end, parts[-1].span.end + _TAIL)].casefold()
    if any(word in region for word in _OPEN_ENDED + _NON_LITERAL):
        return None
    if any(region.count(word) > 1 for word in _NESTING):  # "其中80例…，其中60例…": a subset of a part
        return None
    if not parallel(text, whole, parts, region_end):
        return None
    reading = _read(text, whole, parts, region, region_end)
    if not (reading.marked and reading.exclusive):
        return None
    over = total > stated + 1e-9
    under = total < stated - 1e-9 and reading.exhaustive
    return SumProblem(whole, tuple(parts), total) if over or under else None


def sum_problems(text: str, claims: Sequence[Claim]) -> list[SumProblem]:
    """Explicit wholes whose enumerated parts add up to something else."""
    counts = ClaimIndex(
        c for c in claims if c.kind is ClaimKind.COUNT and c.normalized.get("value") is not None
    )
    problems: list[SumProblem] = []
    for whole in counts.claims:
        if _unit(whole) not in _COUNT_UNITS or not _is_explicit_whole(text, whole):
            continue
        parts, region_end = _parts_of(text, counts, whole)
        problem = _judge(text, whole, parts, region_end)
        if problem is not None:
            problems.append(problem)
    return problems
