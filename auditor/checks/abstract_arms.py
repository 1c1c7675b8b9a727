"""Claims about a trial's arms against the cited abstract (pure; used by A601 and A602).

A whole study given as the treated arm: "30 patients received the cells" where the abstract says
30 were randomised, 5 received the cells and 25 were controls.

The claim's count equals the abstract's total, so a plain comparison passes it; what is wrong is its
role. The sentence says its participants received the treatment and names no control, placebo or
randomisation, while an abstract sentence splits that total into two arms, one of them a control
(the two parts sum to the total). Counts of events and planned enrollments are not read.

Two arms' rates of one outcome where one is right and the other is the abstract's value for a
different outcome ("all-cause death 17.0% vs 21.8%" where 21.8% was the primary outcome's rate).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.checks.abstract_quantities import Quantity, numbers_in
from auditor.checks.abstract_reading import Abstract, Disagreement, shown

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


def whole_as_treated(
    sentence: str, quantities: list[Quantity], abstracts: list[Abstract]
) -> list[Disagreement]:
    """The sentence gives a study's whole sample as treated where the abstract splits it into arms."""
    claim = says_all_treated(sentence, quantities)
    if claim is None or not any(claim.value in a.numbers for a in abstracts):
        return []
    for abstract in abstracts:
        for s in abstract.sentences:
            split = arm_split(claim.value, s.text)
            if split is not None and not set(split.parts) & numbers_in(sentence):  # a part named: arms
                parts = " and ".join(f"{p:g}" for p in split.parts)
                stated = (f"{claim.value:g} in all, {parts} in two arms, one of them a control",)
                return [
                    Disagreement(
                        "count",
                        claim,
                        claim.start,
                        claim.end,
                        abstract,
                        (s.text,),
                        stated,
                        extra={"role": "treated"},
                    )
                ]
    return []


def _rates(quantities: tuple[Quantity, ...] | list[Quantity]) -> list[Quantity]:
    return [q for q in quantities if q.kind == "percent" and q.name != "ci"]


def _elsewhere_only(value: Quantity, abstract: Abstract, outcomes: set[str]) -> bool:
    """The value is stated in the abstract, but only in sentences about other, named outcomes."""
    holding = [s for s in abstract.sentences if any(value.same_value(q) for q in _rates(s.quantities))]
    return bool(holding) and all(s.outcomes and not s.outcomes & outcomes for s in holding)


def arm_rates(
    quantities: list[Quantity], outcomes: set[str], abstracts: list[Abstract]
) -> Disagreement | None:
    """Two arms' rates of one outcome ("17.0% with LCZ696, 21.8% with enalapril"): the abstract
    sentence about that outcome states the first (or second) and another value for the other arm,
    which the abstract gives only for a different outcome (21.8% was the primary outcome's rate)."""
    claim = _rates(quantities)
    if len(claim) != 2 or not outcomes:
        return None
    for abstract in abstracts:
        for sentence in abstract.sentences:
            stated = _rates(sentence.quantities)
            if sentence.setup or len(stated) != 2 or not sentence.outcomes & outcomes:
                continue
            for kept, changed in ((0, 1), (1, 0)):
                if not claim[kept].same_value(stated[kept]) or claim[changed].same_value(stated[changed]):
                    continue
                if _elsewhere_only(claim[changed], abstract, outcomes):
                    q = claim[changed]
                    shown_values = tuple(shown(v) for v in stated)
                    return Disagreement(
                        "percent", q, q.start, q.end, abstract, (sentence.text,), shown_values
                    )
    return None
