"""Comparing the text around a trial ID with its registry record (pure; used by T503).

Sponsor, condition and intervention are read from the ID's sentence, or its paragraph when the
paragraph names no other trial; phase, enrollment and status only from the sentence itself.
A field disagrees only when the text names something and the record names none of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from auditor.checks.sentence_context import sentence_at
from auditor.checks.trial_terms import CONDITIONS, INSTITUTIONS, INTERVENTIONS, STATUSES, Term
from references.models import TrialRecord

_PARAGRAPH_SCAN = 2000
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "一": 1, "二": 2, "三": 3, "四": 4}
_PHASE_TOKEN = r"([1-4]|iv|i{1,3}|[一二三四])"
_PHASE_EN = re.compile(rf"phase\s{{0,3}}{_PHASE_TOKEN}(?:\s{{0,2}}[/／-]\s{{0,2}}{_PHASE_TOKEN})?\b", re.I)
_PHASE_ZH = re.compile(
    rf"(?<![0-9a-z]){_PHASE_TOKEN}(?:\s{{0,2}}[/／-]\s{{0,2}}{_PHASE_TOKEN})?\s{{0,2}}期(?!间|間)", re.I
)
_ENROLL = re.compile(
    r"(?:招募|招收|纳入|納入|入组|入組|enrol{1,2}(?:ed|ing|s)?|recruit(?:ed|ing|s)?)"
    r"[^0-9。；;.]{0,12}([0-9][0-9,]{0,7})(?![0-9,]{0,8}\s{0,2}[万萬亿億%])",
    re.I,
)
_OTHER_TRIAL = re.compile(r"NCT[0-9]{8}", re.I)


@dataclass(frozen=True)
class TrialDisagreement:
    """One field where the text and the registry disagree."""

    field: str  # sponsor | condition | intervention | phase | enrollment | status
    text_says: str
    record_says: str

    def as_evidence(self) -> dict[str, Any]:
        """The disagreement as JSON-ready evidence."""
        return {"field": self.field, "text": self.text_says, "registry": self.record_says}


def paragraph_at(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the paragraph (line) around text[start:end], scanning at most 2000 characters."""
    left = text.rfind("\n", max(0, start - _PARAGRAPH_SCAN), start)
    right = text.find("\n", end, min(len(text), end + _PARAGRAPH_SCAN))
    return left + 1, right if right != -1 else min(len(text), end + _PARAGRAPH_SCAN)


def mentioned(context: str, terms: tuple[Term, ...]) -> list[Term]:
    """Terms whose article words occur in the (lower-cased) context."""
    return [t for t in terms if any(w in context for w in t.text_words)]


def _agrees(terms: list[Term], record_text: str) -> bool:
    return any(w in record_text for t in terms for w in t.record_words)


def _term_field(
    field: str, context: str, terms: tuple[Term, ...], record_text: str, shown: str
) -> list[TrialDisagreement]:
    named = mentioned(context, terms)
    if not named or not record_text.strip() or _agrees(named, record_text):
        return []
    return [TrialDisagreement(field, ", ".join(t.name for t in named), shown or "(not given)")]


def phases_in_text(sentence: str) -> set[int]:
    """Trial phases a sentence names ("phase 2", "II期", "2/3期")."""
    found: set[int] = set()
    for pattern in (_PHASE_EN, _PHASE_ZH):
        for match in pattern.finditer(sentence):
            found.update(_phase_number(g) for g in match.groups() if g)
    return found


def _phase_number(token: str) -> int:
    return int(token) if token.isdigit() else _ROMAN[token.lower()]


def phases_of(trial: TrialRecord) -> set[int]:
    """Phase numbers of a record (["PHASE1", "PHASE2"] → {1, 2}; "NA" → empty)."""
    return {int(p[-1]) for p in trial.phases if p and p[-1].isdigit()}


def _phase_field(sentence: str, trial: TrialRecord) -> list[TrialDisagreement]:
    said, recorded = phases_in_text(sentence), phases_of(trial)
    if not said or not recorded or said & recorded:
        return []
    return [TrialDisagreement("phase", "/".join(map(str, sorted(said))), ", ".join(trial.phases))]


def enrollment_in_text(sentence: str) -> int | None:
    """The number of participants a sentence says were (or will be) enrolled."""
    match = _ENROLL.search(sentence)
    return int(match.group(1).replace(",", "")) if match else None


def _enrollment_field(sentence: str, trial: TrialRecord) -> list[TrialDisagreement]:
    said = enrollment_in_text(sentence)
    if said is None or trial.enrollment is None:
        return []
    if abs(said - trial.enrollment) <= max(2.0, 0.1 * trial.enrollment):
        return []
    shown = f"{trial.enrollment} ({(trial.enrollment_type or '').lower() or 'enrollment'})"
    return [TrialDisagreement("enrollment", str(said), shown)]


def _status_field(sentence: str, trial: TrialRecord) -> list[TrialDisagreement]:
    named = mentioned(sentence, STATUSES)
    if not named or not trial.status or any(t.name == trial.status.upper() for t in named):
        return []
    return [TrialDisagreement("status", ", ".join(t.name.lower() for t in named), trial.status)]


def _topic_context(text: str, start: int, end: int) -> str:
    s_start, s_end = sentence_at(text, start)
    p_start, p_end = paragraph_at(text, start, end)
    paragraph = text[p_start:p_end]
    chosen = paragraph if len(_OTHER_TRIAL.findall(paragraph)) <= 1 else text[s_start:s_end]
    return chosen.lower()


def compare_trial(text: str, start: int, end: int, trial: TrialRecord) -> list[TrialDisagreement]:
    """Every field where the text around text[start:end] disagrees with the registry record."""
    s_start, s_end = sentence_at(text, start)
    sentence = text[s_start:s_end].lower()
    topic = _topic_context(text, start, end)
    sponsors = [trial.lead_sponsor or "", *trial.collaborators, trial.organization or "", *trial.locations]
    titles = [trial.brief_title or "", trial.official_title or ""]
    conditions = " ".join([*trial.conditions, *titles]).lower()
    interventions = " ".join([*trial.interventions, *titles]).lower()
    return [
        *_term_field("sponsor", topic, INSTITUTIONS, " ".join(sponsors).lower(), trial.lead_sponsor or ""),
        *_term_field("condition", topic, CONDITIONS, conditions, "; ".join(trial.conditions)),
        *_term_field("intervention", topic, INTERVENTIONS, interventions, "; ".join(trial.interventions)),
        *_phase_field(sentence, trial),
        *_enrollment_field(sentence, trial),
        *_status_field(sentence, trial),
    ]
