"""A claim sentence against the abstracts of the works it cites (pure; used by A601–A611).

Like is compared with like: a count of participants with counts of participants, an event count
with event counts, a hazard ratio with hazard ratios, a follow-up with follow-ups, a dose in mg/kg
with doses in mg/kg, a percentage with the percentages of abstract sentences about the same
outcome. A quantity is contradicted only when the abstract states comparable values and none of
its values of that kind equals the claim's (a number the abstract does not state is not a flag).
The direction of an effect is contradicted when the abstract sentences about the same outcome (or
its conclusions) all report the opposite.
"""

from __future__ import annotations

from auditor.checks.abstract_arms import arm_rates, whole_as_treated
from auditor.checks.abstract_quantities import Quantity, extract_quantities
from auditor.checks.abstract_reading import Abstract, AbstractSentence, Disagreement, shown
from auditor.checks.abstract_subgroups import compare_subgroup
from auditor.checks.abstract_terms import direction, direction_match, outcomes_in

_COMPARED = frozenset({"count", "percent", "ratio", "p", "duration", "dose", "score"})


def _p_consistent(claim: Quantity, stated: Quantity) -> bool:
    if claim.role == stated.role:
        return claim.same_value(stated) or (claim.role == "<" and stated.value <= claim.value)
    if claim.role == "=" and stated.role == "<":
        return claim.value < stated.value
    if claim.role == "<" and stated.role == "=":
        return stated.value < claim.value
    return True  # ">" and the like: not compared


def agrees(claim: Quantity, stated: Quantity) -> bool:
    """True when an abstract quantity of the same kind states the claim's value."""
    if claim.kind != stated.kind:
        return False
    return _p_consistent(claim, stated) if claim.kind == "p" else claim.same_value(stated)


def _comparable(
    claim: Quantity, stated: Quantity, claim_outcomes: set[str], sentence: AbstractSentence
) -> bool:
    """Same kind and same role: the only pairs whose disagreement means something."""
    if claim.kind != stated.kind:
        return False
    if claim.kind == "ratio":
        rates = {"RR", "rate ratio"}
        return claim.name == stated.name or {claim.name, stated.name} <= rates
    if claim.kind == "duration":
        return bool(claim.role) and claim.role == stated.role
    if claim.kind == "count" and claim.name == "planned":
        return False  # a planned enrollment is not what an abstract reports
    if claim.kind in ("dose", "count", "score"):
        return claim.name == stated.name
    if claim.kind == "percent":
        return bool(claim_outcomes & sentence.outcomes)
    return True


def _candidates(
    claim: Quantity, outcomes: set[str], abstracts: list[Abstract]
) -> list[tuple[Abstract, AbstractSentence, Quantity]]:
    return [
        (a, s, q)
        for a in abstracts
        for s in a.sentences
        for q in s.quantities
        if _comparable(claim, q, outcomes, s)
    ]


def _stated_anywhere(claim: Quantity, abstracts: list[Abstract]) -> bool:
    """The value is among the abstract's quantities of that kind (a count: among all its numbers)."""
    bare = claim.kind in ("count", "score") or (claim.kind == "percent" and claim.name == "ci")
    if bare and any(abs(claim.value) in a.numbers for a in abstracts):
        return True  # a count, or a CI bound, that the abstract states as a plain number
    return any(agrees(claim, q) for a in abstracts for q in a.quantities)


def _ci_disagreement(claim: Quantity, abstracts: list[Abstract]) -> Disagreement | None:
    """The ratio's value is stated, but with another confidence interval."""
    same = [
        (a, s, q)
        for a in abstracts
        for s in a.sentences
        for q in s.quantities
        if q.kind == "ratio" and agrees(claim, q)
    ]
    with_ci = [(a, s, q) for a, s, q in same if q.lower is not None and q.upper is not None]
    if claim.lower is None or claim.upper is None or not with_ci or len(with_ci) != len(same):
        return None
    if any(_bounds_agree(claim, q) for _, _, q in with_ci):
        return None
    abstract, sentence, _ = with_ci[0]
    return Disagreement(
        "ci",
        claim,
        claim.start,
        claim.end,
        abstract,
        (sentence.text,),
        tuple(shown(q) for _, _, q in with_ci),
    )


def compare_quantity(claim: Quantity, outcomes: set[str], abstracts: list[Abstract]) -> Disagreement | None:
    """The disagreement of one claim quantity with the cited abstracts, or None."""
    if _stated_anywhere(claim, abstracts):
        return _ci_disagreement(claim, abstracts) if claim.kind == "ratio" else None
    candidates = _candidates(claim, outcomes, abstracts)
    if not candidates:
        return None  # the abstract does not state this quantity: nothing to compare
    nearest = min(candidates, key=lambda c: abs(abs(c[2].value) - abs(claim.value)))
    quoted = tuple(dict.fromkeys(s.text for a, s, q in candidates if s is nearest[1]))
    stated = tuple(dict.fromkeys(shown(q) for _, _, q in candidates))
    return Disagreement(claim.kind, claim, claim.start, claim.end, nearest[0], quoted, stated)


def compare_direction(sentence: str, outcomes: set[str], abstracts: list[Abstract]) -> Disagreement | None:
    """A claim of an effect where the abstract reports none (or the other way round)."""
    said = direction(sentence)
    if said not in ("positive", "negative"):
        return None
    relevant = [
        (a, s)
        for a in abstracts
        for s in a.sentences
        if not s.setup and (s.outcomes & outcomes if outcomes else s.conclusion)
    ]
    readings = {s.direction for _, s in relevant} - {""}
    opposite = "negative" if said == "positive" else "positive"
    if readings != {opposite}:
        return None
    quoted = tuple(s.text for _, s in relevant if s.direction == opposite)
    start, end = direction_match(sentence)
    what = "direction_effect" if said == "positive" else "direction_none"
    abstract = next(a for a, s in relevant if s.direction == opposite)
    return Disagreement(what, None, start, end, abstract, quoted[:2])


def _distinctive(quantities: list[Quantity]) -> bool:
    """Enough to say a claim belongs to another work: two values, or one percentage with decimals
    (a lone ratio needs its CI as well)."""
    return len(quantities) >= 2 or any(q.decimals > 0 and q.kind == "percent" for q in quantities)


def _states_exactly(claim: Quantity, abstract: Abstract) -> bool:
    """The abstract states the value as the same kind of quantity (a ratio: same kind, same CI)."""
    if claim.kind in ("count", "percent") and _stated_anywhere(claim, [abstract]):
        return True
    for q in abstract.quantities:
        if not agrees(claim, q) or (
            claim.kind == "ratio" and not _comparable(claim, q, set(), abstract.sentences[0])
        ):
            continue
        if claim.kind != "ratio" or claim.lower is None:
            return True
        if q.lower is not None and q.upper is not None and _bounds_agree(claim, q):
            return True
    return False


def _bounds_agree(claim: Quantity, stated: Quantity) -> bool:
    pairs = ((claim.lower, stated.lower), (claim.upper, stated.upper))
    return all(
        a is not None
        and b is not None
        and Quantity("ratio", a, 0, 0, decimals=claim.decimals).same_value(
            Quantity("ratio", b, 0, 0, decimals=stated.decimals)
        )
        for a, b in pairs
    )


def misattributed(claims: list[Quantity], cited: list[Abstract], others: list[Abstract]) -> Abstract | None:
    """Another cited work whose abstract states every value the cited abstracts lack."""
    missing = [q for q in claims if q.kind in _COMPARED - {"p"} and not _stated_anywhere(q, cited)]
    with_ci = any(q.kind == "ratio" and q.lower is not None for q in missing)
    if not missing or not (_distinctive(missing) or with_ci) or any(q.name == "planned" for q in missing):
        return None
    return next((o for o in others if all(_states_exactly(q, o) for q in missing)), None)


def compare_carried(sentence: str, cited: list[Abstract]) -> list[Disagreement]:
    """The numbers of a sentence that carries a citation from the sentence before it: only quantities
    are compared (its direction words and a wrong-work reading need the citation itself)."""
    outcomes = outcomes_in(sentence)
    quantities = [q for q in extract_quantities(sentence) if q.kind in _COMPARED]
    found = [d for q in quantities if (d := compare_quantity(q, outcomes, cited))]
    return found or whole_as_treated(sentence, quantities, cited)


def compare_sentence(sentence: str, cited: list[Abstract], others: list[Abstract]) -> list[Disagreement]:
    """Every disagreement of a claim sentence with the abstracts it cites (and misattributions)."""
    outcomes = outcomes_in(sentence)
    quantities = [q for q in extract_quantities(sentence) if q.kind in _COMPARED]
    other = misattributed(quantities, cited, others)
    if other is not None:
        missing = [q for q in quantities if not _stated_anywhere(q, cited) and q.kind != "p"]
        quoted = tuple(
            dict.fromkeys(
                s.text for s in other.sentences if any(agrees(q, x) for q in missing for x in s.quantities)
            )
        )
        if not quoted:
            return []
        values = {"values": ", ".join(shown(q) for q in missing)}
        start, end = missing[0].start, max(q.end for q in missing)
        return [Disagreement("attribution", missing[0], start, end, cited[0], quoted[:2], (), other, values)]
    found = [d for q in quantities if (d := compare_quantity(q, outcomes, cited))]
    found = found or whole_as_treated(sentence, quantities, cited)
    rates = None if any(d.what == "percent" for d in found) else arm_rates(quantities, outcomes, cited)
    found += [rates] if rates else []
    turned = compare_direction(sentence, outcomes, cited) or compare_subgroup(sentence, cited)
    return found + ([turned] if turned else [])


def unchecked(sentence: str, cited: list[Abstract]) -> list[Quantity]:
    """The sentence's numbers that the cited abstracts neither state nor contradict: nothing there
    to compare them with (time points and p-values are not listed)."""
    outcomes = outcomes_in(sentence)
    quantities = [
        q
        for q in extract_quantities(sentence)
        if q.kind in _COMPARED - {"p"} and not (q.kind == "duration" and not q.role)
    ]
    return [q for q in quantities if not _stated_anywhere(q, cited) and not _candidates(q, outcomes, cited)]
