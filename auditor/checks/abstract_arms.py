"""A whole study given as the treated arm: "30 patients received the cells" where the abstract says
30 were randomised, 5 received the cells and 25 were controls (pure; used by A601).

The claim's count equals the abstract's total, so a plain comparison passes it; what is wrong is its
role. The sentence says its participants received the treatment and names no control, placebo or
randomisation, while an abstract sentence splits that total into two arms, one of them a control
(the two parts sum to the total). Counts of events and planned enrollments are not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.checks.abstract_quantities import Quantity, numbers_in

_TREATED = re.compile(
    r"\b(?:received|gave|were given|were treated|was given|infused|injected|underwent|administered)\b"
    r"|接受了?|输注|輸注|给予|給予|移植|注射|回输|回輸",
    re.I,
)
_ARMS_NAMED = re.compile(
    r"control|placebo|sham|randomi[sz]|allocated|assigned|\barms?\b|versus|\bvs\b|compared"
    r"|对照|對照|安慰剂|安慰劑|随机|隨機|分组|分組|两组|兩組|各组|各組",
    re.I,
)
_CONTROL = re.compile(r"control|placebo|sham|did not receive|no (?:cells|treatment)|standard care", re.I)


@dataclass(frozen=True)
class ArmSplit:
    """An abstract sentence that splits a total into a treated and a control arm."""

    sentence: str
    total: float
    parts: tuple[float, float]


def says_all_treated(sentence: str, counts: list[Quantity]) -> Quantity | None:
    """The one participant count of a sentence that says its participants received the treatment
    and names no other arm; None otherwise."""
    people = [q for q in counts if q.kind == "count" and q.name == "participants"]
    if len(people) != 1 or not _TREATED.search(sentence) or _ARMS_NAMED.search(sentence):
        return None
    return people[0]


def arm_split(total: float, sentence: str) -> ArmSplit | None:
    """How an abstract sentence that states `total` and names a control arm splits it, if it does."""
    numbers = numbers_in(sentence)
    if total not in numbers or not _CONTROL.search(sentence):
        return None
    parts = sorted(n for n in numbers if 0 < n < total and n == int(n))
    for i, first in enumerate(parts):
        for second in parts[i + 1 :]:
            if first + second == total:
                return ArmSplit(sentence, total, (first, second))
    return None
