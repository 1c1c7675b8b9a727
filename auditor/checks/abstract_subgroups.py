"""Subgroups of a claim against the cited abstract (pure; used by A608 and A609).

A claim about one subgroup ("among patients receiving no respiratory support", "未接受呼吸支持的
患者") is read against the abstract clauses about that subgroup, not the whole trial: "Dexamethasone
lowered mortality …, but not among those receiving no respiratory support" reports no effect there.
A claim that confines the effect to a subgroup ("was confined to patients with diabetes", "仅见于
糖尿病患者") is contradicted by an abstract that reports it regardless of that subgroup ("results in
patients with diabetes were similar to those in patients without diabetes").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.checks.abstract_quantities import extract_quantities
from auditor.checks.abstract_reading import Abstract, Disagreement
from auditor.checks.abstract_terms import direction, direction_match

SUBGROUPS: dict[str, tuple[str, ...]] = {
    "no respiratory support": (
        "no respiratory support",
        "not receiving respiratory support",
        "without respiratory support",
        "未接受呼吸支持",
        "未接受呼吸支援",
        "无呼吸支持",
        "無呼吸支持",
        "无需呼吸支持",
        "無需呼吸支持",
    ),
    "oxygen alone": (
        "oxygen alone",
        "oxygen without invasive",
        "oxygen only",
        "单纯吸氧",
        "單純吸氧",
        "仅吸氧",
        "僅吸氧",
    ),
    "invasive ventilation": (
        "invasive mechanical ventilation",
        "有创机械通气",
        "有創機械通氣",
        "侵入性机械通气",
        "侵入性機械通氣",
    ),
    "diabetes": ("diabetes", "糖尿病"),
}
_RESTRICTED = re.compile(
    r"confined to|limited to|restricted to|only (?:in|among|for)|solely (?:in|among)|exclusively in"
    r"|仅见于|僅見於|仅限于|僅限於|仅在|僅在|只在|只见于|只見於|局限于|局限於",
    re.I,
)
_REGARDLESS = re.compile(
    r"regardless of|irrespective of|presence or absence|with (?:and|or) without|consistent across"
    r"|similar (?:to those )?in (?:patients )?(?:with and )?without|无论|無論|不论|不論",
    re.I,
)
_RESTRICTED_REACH = 60  # characters after "confined to" where the subgroup is named
_CLAUSE_BREAK = re.compile(r",? but |,? whereas |,? while |但|然而", re.I)  # not ";": CIs sit after one


@dataclass(frozen=True)
class SubgroupReading:
    """What the abstract says about one subgroup: the sentences naming it and the direction its
    clauses read."""

    subgroup: str
    sentences: tuple[str, ...]
    directions: frozenset[str]


def subgroups_in(text: str) -> list[str]:
    """The subgroups a sentence names, in table order."""
    lowered = text.lower()
    return [name for name, words in SUBGROUPS.items() if any(w in lowered for w in words)]


def _clauses(sentence: str) -> list[str]:
    parts, start = [], 0
    for m in _CLAUSE_BREAK.finditer(sentence):
        parts.append(sentence[start : m.start()])
        start = m.start()  # the break word stays with the clause it opens ("but not among …")
    parts.append(sentence[start:])
    return [p for p in parts if p.strip()]


def read_subgroup(subgroup: str, sentences: list[str]) -> SubgroupReading:
    """The clauses of result sentences naming `subgroup` and the direction of each (a sentence
    saying results were similar with and without the subgroup is not a reading of no effect)."""
    words = SUBGROUPS[subgroup]
    pairs = [
        (sentence, clause)
        for sentence in sentences
        if not _REGARDLESS.search(sentence)
        for clause in _clauses(sentence)
        if any(w in clause.lower() for w in words)
    ]
    read = {direction(c, extract_quantities(c)) for _, c in pairs} - {""}
    return SubgroupReading(subgroup, tuple(dict.fromkeys(s for s, _ in pairs)), frozenset(read))


def confined_to(sentence: str) -> tuple[str, tuple[int, int]] | None:
    """The subgroup a claim confines its effect to, with the span of the words saying so."""
    m = _RESTRICTED.search(sentence)
    if m is None:
        return None
    window = sentence[m.end() : m.end() + _RESTRICTED_REACH].lower()
    for name, words in SUBGROUPS.items():
        at = [(window.find(w), w) for w in words if w in window]
        if at:
            first, word = min(at)
            return name, (m.start(), m.end() + first + len(word))
    return None


def regardless_of(subgroup: str, sentences: list[str]) -> str | None:
    """An abstract sentence reporting the effect regardless of `subgroup`, if there is one."""
    words = SUBGROUPS[subgroup]
    return next(
        (s for s in sentences if _REGARDLESS.search(s) and any(w in s.lower() for w in words)),
        None,
    )


def compare_subgroup(sentence: str, abstracts: list[Abstract]) -> Disagreement | None:
    """A claim confined to a subgroup the abstract reports regardless of, or a claim about a
    subgroup whose abstract clauses all report the opposite direction."""
    results = [(a, s) for a in abstracts for s in a.sentences if not s.setup]
    confined = confined_to(sentence)
    if confined is not None:
        name, (start, end) = confined
        found = next(((a, s) for a, s in results if regardless_of(name, [s.text])), None)
        if found is None:
            return None
        extra = {"subgroup": name, "claim": "confined"}
        return Disagreement("direction_none", None, start, end, found[0], (found[1].text,), extra=extra)
    said = direction(sentence)
    if said not in ("positive", "negative"):
        return None
    opposite = "negative" if said == "positive" else "positive"
    for name in subgroups_in(sentence):
        for abstract in abstracts:
            reading = read_subgroup(name, [s.text for s in abstract.sentences if not s.setup])
            if reading.directions == {opposite}:
                start, end = direction_match(sentence)
                what = "direction_effect" if said == "positive" else "direction_none"
                extra = {"subgroup": name, "claim": "subgroup"}
                return Disagreement(what, None, start, end, abstract, reading.sentences[:2], extra=extra)
    return None
