"""Parts that must add up to a stated whole, and two complementary shares that must make 100%.

Precision first: a whole counts only when it is explicit ("共纳入50例", "总计", "in total",
"9 patients … of whom"); its parts are the same-unit counts after it in the same sentence (or, if
there are none, in the next one). A mismatch is reported only when the list is marked as a
partition ("其中", "of whom", "分别", "其余", …) and is not open-ended ("等", "etc.", "其次").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from auditor.checks.claim_index import ClaimIndex
from auditor.checks.number_pairs import lead_in, unit_key
from auditor.checks.number_relations import sum_tolerance
from auditor.checks.sentence_context import next_sentence, sentence_at
from auditor.claims.models import Claim, ClaimKind

_WHOLE_BEFORE = ("共", "总计", "總計", "合计", "合計", "总共", "總共", "total of", "in total")
_WHOLE_AFTER = ("in total", "of whom", "of which", "in all")
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
_EXHAUSTIVE = ("groups of", "arms of", "分为", "分為", "分成", "divided into")
_PARTITION = (
    "其中",
    "of whom",
    "of which",
    "among them",
    "分别",
    "分別",
    "其余",
    "其餘",
    "剩余",
    "剩餘",
    "the remaining",
    "the rest",
    "including",
    "包括",
    *_ALLOCATED,
)
_REMAINDER = ("其余", "其餘", "剩余", "剩餘", "the remaining", "the rest", "remainder")
_OPEN_ENDED = ("等", "etc", "among others", "其次", "such as", "例如", "e.g.")
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
    ]
)
# Parts that are not summands of the whole: "各50例", "50 patients each".
_NON_LITERAL = ("各", "每组", "每組", "each", "per group", "per arm")
_LIST_GAP_MAX = 12
_NESTING = ("其中", "of whom", "of which", "among them")
_MAX_PARTS = 12
_TAIL = 16  # characters after the last part still read for "等", "etc." and the like


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
    if claim.normalized.get("approx") or claim.normalized.get("implied"):
        return False
    before = lead_in(text, claim.span.start)
    after = text[claim.span.end : claim.span.end + 24].casefold()
    return (
        any(c in before for c in _WHOLE_BEFORE)
        or any(c in after[:14] for c in _WHOLE_AFTER)
        or any(c in after for c in _ALLOCATED)
    )


def _counts_between(counts: ClaimIndex, start: int, end: int, unit: str) -> list[Claim]:
    return [c for c in counts.starting_in(start, end, limit=_MAX_PARTS + 4) if _unit(c) == unit][:_MAX_PARTS]


def _parts_of(text: str, counts: ClaimIndex, whole: Claim) -> tuple[list[Claim], int]:
    """Same-unit counts after the whole in its sentence, else in the next sentence; and the region end."""
    _, end = sentence_at(text, whole.span.start)
    parts = _counts_between(counts, whole.span.end, end, _unit(whole))
    if parts:
        return parts, end
    following = next_sentence(text, end)
    if following is None:
        return [], end
    return _counts_between(counts, following[0], following[1], _unit(whole)), following[1]


def _prefix_matches(parts: Sequence[Claim], whole: float) -> bool:
    running = 0.0
    for index, part in enumerate(parts):
        running += _value(part)
        if index >= 1 and abs(running - whole) < 1e-9:
            return True
    return False


def _enumerated(text: str, whole: Claim) -> bool:
    """ "共55例：完全缓解30例…", "3730 patients: 1863 …": a colon right after the whole opens its list."""
    after = text[whole.span.end : whole.span.end + 12]
    colon = min((i for i in (after.find(":"), after.find("：")) if i != -1), default=-1)
    return colon != -1 and not any(ch.isdigit() or ch in "，,;；。" for ch in after[:colon])


def _distinct_groups(parts: Sequence[Claim]) -> bool:
    """Every part stated for its own group ("治疗组84名，对照组45名"): the groups split the whole."""
    groups = [p.normalized.get("group") for p in parts]
    return all(groups) and len(set(groups)) == len(groups)


def _one_list(text: str, parts: Sequence[Claim]) -> bool:
    """The parts form one enumeration ("198, 192 and 200", "试验组52例、对照组46例")."""
    for first, second in zip(parts, parts[1:], strict=False):
        gap = text[first.span.end : second.span.start]
        if len(gap) > _LIST_GAP_MAX or any(ch in "，；;。" for ch in gap):
            return False
    return True


def _judge(text: str, whole: Claim, parts: list[Claim], region_end: int) -> SumProblem | None:
    stated, total = _value(whole), sum(_value(p) for p in parts)
    if len(parts) < 2 or any(_value(p) >= stated for p in parts) or _prefix_matches(parts, stated):
        return None
    if any(p.normalized.get("approx") or p.normalized.get("implied") == "outcome" for p in parts):
        return None  # an approximate part, or a subset ("12 died") rather than a part of a split
    region = text[whole.span.end : min(region_end, parts[-1].span.end + _TAIL)].casefold()
    if any(word in region for word in _OPEN_ENDED + _NON_LITERAL):
        return None
    enumerated = _enumerated(text, whole)
    if not enumerated and not _distinct_groups(parts) and not any(word in region for word in _PARTITION):
        return None
    if any(region.count(word) > 1 for word in _NESTING):  # "其中80例…，其中60例…": a subset of a part
        return None
    over = total > stated + 1e-9
    under = total < stated - 1e-9 and (
        any(word in region for word in _REMAINDER)
        or ((enumerated or any(word in region for word in _EXHAUSTIVE)) and _one_list(text, parts))
    )
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


@dataclass(frozen=True)
class ShareProblem:
    """Two complementary shares of one whole that do not make 100%."""

    first: Claim
    second: Claim
    total: float
    tolerance: float


_PARALLEL_MAX_GAP = 40


def _lead(text: str, claim: Claim) -> str:
    """The first two characters (Chinese) or first word (English) after a percentage."""
    after = text[claim.span.end : claim.span.end + 24].lstrip(" 的")
    if after[:1].isascii():
        word = after.split(" ")[0].casefold() if after else ""
        return "" if word in _FUNCTION_WORDS else word
    return after[:2]


_FUNCTION_WORDS = frozenset(
    ["of", "in", "with", "for", "among", "on", "at", "to", "by", "versus", "vs", "and", "or", "than"]
    + ["per", "a", "an", "the", "each", "every", "after", "before", "during", "over", "under"]
)
_OPPOSITES = (
    frozenset({"男性", "女性"}),
    frozenset({"男", "女"}),
    frozenset({"男孩", "女孩"}),
    frozenset({"men", "women"}),
    frozenset({"man", "woman"}),
    frozenset({"male", "female"}),
    frozenset({"males", "females"}),
    frozenset({"boys", "girls"}),
)
_NEGATIONS = ("非", "未", "不", "无", "無", "没有", "沒有", "non-", "non ", "not ")


def _negation_pair(a: str, b: str) -> bool:
    """ "携带者"/"非携带者", "服药依从者"/"不依从者", "smokers"/"non-smokers": a category, its complement."""
    for plain, negated in ((a, b), (b, a)):
        for prefix in _NEGATIONS:
            if negated.startswith(prefix) and len(negated) > len(prefix) + 1:
                rest = negated[len(prefix) :]
                if plain.endswith(rest) or rest.endswith(plain):
                    return True
    return False


def _cjk_opposites(a: str, b: str) -> bool:
    """ "接種者中女性" / "男性": Chinese labels that end in the two words of an opposite pair."""
    if a.isascii() or b.isascii():
        return False
    for pair in _OPPOSITES:
        x, y = sorted(pair)
        if not x.isascii() and ((a.endswith(x) and b.endswith(y)) or (a.endswith(y) and b.endswith(x))):
            return (
                a[: -len(x) if a.endswith(x) else -len(y)] == ""
                or b[: -len(x) if b.endswith(x) else -len(y)] == ""
            )
    return False


def category_pair(first: Claim, second: Claim) -> str | None:
    """ "opposite" (男性/女性, men/women), "negation" (X / 非X) from the extractor's labels, else None."""
    a, b = first.normalized.get("label"), second.normalized.get("label")
    if not a or not b or a == b:
        return None
    if frozenset({a, b}) in _OPPOSITES or _cjk_opposites(a, b):
        return "opposite"
    return "negation" if _negation_pair(a, b) else None


def _complementary(text: str, first: Claim, second: Claim) -> bool:
    gap = text[first.span.end : second.span.start]
    if len(gap) > _PARALLEL_MAX_GAP or any(ch.isdigit() for ch in gap):
        return False
    if first.normalized.get("group") or second.normalized.get("group"):
        return False  # "31.2% in the treated group … 35.0% with placebo": shares of two wholes
    near_second = text[max(first.span.end, second.span.start - 16) : second.span.start].casefold()
    cue = any(word in near_second for word in _REMAINDER)
    lead = _lead(text, first)
    return cue or category_pair(first, second) is not None or (len(lead) >= 2 and lead == _lead(text, second))


def _only_two_in_sentence(percents: Sequence[Claim], index: int, start: int, end: int) -> bool:
    """percents[index] and percents[index + 1] are the only percentages in [start, end)."""
    before_ok = index == 0 or percents[index - 1].span.start < start
    after_ok = index + 2 >= len(percents) or percents[index + 2].span.start >= end
    return before_ok and percents[index + 1].span.start < end and after_ok


def share_problems(text: str, claims: Sequence[Claim]) -> list[ShareProblem]:
    """Sentences with exactly two parallel or complementary percentages whose sum is not 100."""
    percents = sorted((c for c in claims if c.kind is ClaimKind.PERCENTAGE), key=lambda c: c.span.start)
    problems: list[ShareProblem] = []
    for index, (first, second) in enumerate(zip(percents, percents[1:], strict=False)):
        start, end = sentence_at(text, first.span.start)
        if not _only_two_in_sentence(percents, index, start, end):
            continue
        if any(w in text[start:end].casefold() for w in _OPEN_ENDED) or not _complementary(
            text, first, second
        ):
            continue
        total = _value(first) + _value(second)
        decimals = [int(c.normalized.get("decimals", 0)) for c in (first, second)]
        if abs(total - 100) > sum_tolerance(decimals):
            problems.append(ShareProblem(first, second, total, sum_tolerance(decimals)))
    return problems
