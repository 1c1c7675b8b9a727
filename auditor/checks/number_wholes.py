"""Which earlier count a part is a share of, when the text says so plainly (pure; precision first).

Three plain ways of saying it: the whole right before the part ("13例中11例", "8名中有7名",
"31個國家中有25個"); a group's own size as a share of the sample ("共206名患者，取栓組107名（55%）"); and
"A…，占…B…的P%" ("127万例死亡…，占…495万例死亡的31%"). And one reason for doubt: a number
between the whole and the part that could itself be the part's denominator ("Of 120 patients, 75
were infused and 61 achieved remission (85%)": 85% may be of 75).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from auditor.checks.claim_index import ClaimIndex
from auditor.claims.models import Claim, ClaimKind

_DIRECT_GAP = re.compile(
    r"[ \t]?[\u4e00-\u9fff]{0,4}?(?:中|之中|当中|當中)[ \t]?[，,]?[ \t]?(?:共有|有)?[ \t]?"
)
_GROUP_SIZE_BEFORE = re.compile(r"(?:组|組)(?:为|為|有|共)?[ \t]?$")
_CLAUSE_END = frozenset("。，,；;、")
_SHARE_OF_GAP = re.compile(r"[\u4e00-\u9fff]{0,6}的")
_SHARE_OF_VERB = ("占", "佔")
_CLAUSE_STOPS = "，,；;。"
_INTEGER = re.compile(r"\d(?<![\d.]\d)[\d,]{0,12}(?![\d%‰])(?!\.\d)")
SameUnit = Callable[[Claim, Claim], bool]
# Verbs that state a sample before it is split or counted in ("某县筛查1200人", "追蹤了240名帶原者",
# "登记耐多药患者85例", "随访150名患者", "The clinic treats 600 patients"): the count is a whole.
SAMPLE_VERBS = (
    "筛查",
    "篩查",
    "筛检",
    "篩檢",
    "随访",
    "隨訪",
    "追踪",
    "追蹤",
    "登记",
    "登記",
    "收治",
    "screened",
    "followed up",
    "treated",
    "treats",
    "registered",
)


def value_of(claim: Claim) -> float:
    """The claim's numeric value (0 when it has none)."""
    return float(claim.normalized.get("value") or 0)


def direct_whole(text: str, counts: Sequence[Claim], index: int, same_unit: SameUnit) -> Claim | None:
    """The count right before counts[index] that the text makes its whole ("13例中11例")."""
    part = counts[index]
    for pos in range(index - 1, max(-1, index - 3), -1):
        whole = counts[pos]
        if whole.kind is not ClaimKind.COUNT or whole.span.end > part.span.start:
            continue
        if not _DIRECT_GAP.fullmatch(text, whole.span.end, part.span.start):
            return None
        if whole.normalized.get("approx") or not same_unit(whole, part) or value_of(whole) <= value_of(part):
            return None
        return whole
    return None


def is_group_size(text: str, part: Claim, percent: Claim) -> bool:
    """ "取栓組107名（55%）。": the count is the size of the named group, so a share of the sample.

    Only when the count follows the group's name at once and its percentage closes the clause: in
    "治疗组死亡13例(13.0%)" or "治疗组13例(13%)出现皮疹" the count is an outcome within the group.
    """
    if not _GROUP_SIZE_BEFORE.search(text, max(0, part.span.start - 3), part.span.start):
        return False
    if percent.span.start < part.span.end:
        return False
    after = text[percent.span.end : percent.span.end + 3].lstrip(")）")
    return after == "" or after[0] in _CLAUSE_END


def denominator_between(
    text: str, start: int, end: int, bounds: tuple[float, float], others: ClaimIndex
) -> bool:
    """True when a bare number in text[start:end], strictly inside `bounds`, could be a denominator.

    `others` are the claims whose numbers cannot be one (percentages, quantities, statistics…).
    """
    low, high = bounds
    for match in _INTEGER.finditer(text, start, end):
        number = float(match.group().rstrip(",").replace(",", "") or 0)
        if not low < number < high or 1900 <= number <= 2100:
            continue
        if others.overlapping(match.start(), match.end()) is None:
            return True
    return False


def share_of_whole(
    text: str, numbers: Sequence[Claim], index: int, same_unit: SameUnit
) -> tuple[Claim, Claim] | None:
    """(part, whole) of the percentage numbers[index] in "A…，占…B…的P%", else None."""
    percent = numbers[index]
    whole = numbers[index - 1] if index > 0 else None
    if whole is None or whole.kind is not ClaimKind.COUNT or whole.normalized.get("approx"):
        return None
    if not _SHARE_OF_GAP.fullmatch(text, whole.span.end, percent.span.start):
        return None
    clause_start = max(
        text.rfind(ch, max(0, whole.span.start - 40), whole.span.start) for ch in _CLAUSE_STOPS
    )
    verb = max(text.rfind(v, clause_start + 1, whole.span.start) for v in _SHARE_OF_VERB)
    if verb == -1 or any(ch.isdigit() for ch in text[verb : whole.span.start]):
        return None
    for pos in range(index - 2, max(-1, index - 5), -1):
        part = numbers[pos]
        if part.span.end > verb:
            continue
        if part.kind is not ClaimKind.COUNT or any(ch.isdigit() for ch in text[part.span.end : verb]):
            return None
        if (
            "。" in text[part.span.end : verb]
            or not same_unit(part, whole)
            or value_of(part) >= value_of(whole)
        ):
            return None
        return part, whole
    return None
