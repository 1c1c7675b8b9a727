"""A cited work's abstract read once, and what a claim sentence says against it (pure; A601–A612).

`read_abstract` splits an abstract into sentences and reads each for its typed quantities, outcomes
and direction; its section label (BACKGROUND, METHODS: what was done; CONCLUSIONS: what was found)
is kept. `Disagreement` is what the comparisons (`abstract_compare`, `abstract_arms`,
`abstract_subgroups`) return to the check.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from auditor.checks.abstract_quantities import Quantity, extract_quantities, numbers_in
from auditor.checks.abstract_terms import direction, outcomes_in
from auditor.claims.text import sentence_bounds

_CONCLUSION_LABELS = ("CONCLUSION", "INTERPRETATION")
_SETUP_LABELS = ("BACKGROUND", "METHOD", "OBJECTIVE", "AIM", "INTRODUCTION", "DESIGN", "PURPOSE")
_MAX_ABSTRACT = 20_000  # characters of an abstract read


@dataclass(frozen=True)
class AbstractSentence:
    """One sentence of an abstract with its quantities, outcomes and direction."""

    text: str
    quantities: tuple[Quantity, ...]
    outcomes: frozenset[str]
    direction: str
    conclusion: bool
    setup: bool = False  # background or methods: says what was done, not what was found


@dataclass(frozen=True)
class Abstract:
    """A cited work's abstract, read once."""

    evidence_id: str  # reference id (or claim id) of the work
    sentences: tuple[AbstractSentence, ...]
    numbers: frozenset[float] = frozenset()  # every plain number the abstract states

    @property
    def quantities(self) -> list[Quantity]:
        """Every quantity of the abstract."""
        return [q for s in self.sentences for q in s.quantities]


def read_abstract(evidence_id: str, text: str) -> Abstract:
    """Split an abstract into sentences and read each one (its section label decides whether it
    reports findings: BACKGROUND and METHODS sentences do not)."""
    text = text[:_MAX_ABSTRACT]
    sentences = []
    conclusion = setup = False
    for start, end in sentence_bounds(text):
        sentence = text[start:end].strip()
        if not sentence:
            continue
        if start == 0 or text[start - 1] == "\n":
            conclusion = sentence.upper().startswith(_CONCLUSION_LABELS)
            setup = sentence.upper().startswith(_SETUP_LABELS)
        found = tuple(extract_quantities(sentence))
        said = direction(sentence, list(found))
        outcomes = frozenset(outcomes_in(sentence))
        sentences.append(AbstractSentence(sentence, found, outcomes, said, conclusion, setup))
    return Abstract(evidence_id, tuple(sentences), frozenset(numbers_in(text)))


@dataclass(frozen=True)
class Disagreement:
    """What a claim sentence says that the cited abstract contradicts (or another work states)."""

    what: str  # count | percent | ratio | ci | p | duration | dose | direction_effect | direction_none
    claim: Quantity | None
    start: int  # offsets in the claim sentence
    end: int
    abstract: Abstract
    evidence: tuple[str, ...]  # the abstract sentences quoted
    stated: tuple[str, ...] = ()  # the abstract's comparable values, as text
    other: Abstract | None = None  # set for a citation mismatch: the work whose abstract states it
    extra: dict[str, str] = field(default_factory=dict)


def shown(q: Quantity) -> str:
    """A quantity as a report shows it ("2.25 years", "HR 0.74 (0.65 to 0.85)", "P<0.001")."""
    value = f"{q.value:g}"
    if q.kind == "duration":
        value = f"{q.value / {'day': 1, 'week': 7, 'month': 30.4375, 'year': 365.25}[q.name]:g} {q.name}s"
    elif q.kind == "percent":
        value += "%"
    elif q.kind == "dose":
        value += f" {q.name}"
    elif q.kind == "ratio":
        value = f"{q.name} {value}" + (f" ({q.lower:g} to {q.upper:g})" if q.lower is not None else "")
    elif q.kind == "p":
        value = f"P{q.role}{value}"
    return value
