"""Comparing the text around a trial ID with its registry record (pure; used by T503, T505–T510).

Sponsor, condition and intervention are read from the ID's sentence, or its paragraph when the
paragraph names no other trial; phase, enrollment, status, start year and the trial's name from the
ID's sentence and the sentence after it (when that one names no other trial). A field disagrees
only when the text names something and the record names none of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.checks.trial_identity import (
    TrialDisagreement,
    identity_field,
    lead_sponsor_field,
    start_year_field,
)
from auditor.checks.trial_terms import CONDITIONS, INSTITUTIONS, INTERVENTIONS, STATUSES, Term
from auditor.claims.text import next_sentence, sentence_at
from auditor.references.models import TrialRecord

_PARAGRAPH_SCAN = 2000
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "一": 1, "二": 2, "三": 3, "四": 4}
_PHASE_TOKEN = r"([1-4]|iv|i{1,3}|[一二三四])"
_PHASE_EN = re.compile(rf"phase\s{{0,3}}{_PHASE_TOKEN}(?:\s{{0,2}}[/／-]\s{{0,2}}{_PHASE_TOKEN})?\b", re.I)
_PHASE_ZH = re.compile(
    rf"(?<![0-9a-z]){_PHASE_TOKEN}(?:\s{{0,2}}[/／-]\s{{0,2}}{_PHASE_TOKEN})?\s{{0,2}}期(?!间|間)", re.I
)
_ENROLL = re.compile(
    r"(?:招募|招收|纳入|納入|入组|入組|enrol{1,2}(?:ed|ing|s)?|recruit(?:ed|ing|s)?|randomi[sz]ed)"
    r"(?P<gap>[^0-9。；;.]{0,12})(?P<num>[0-9][0-9,]{0,7})(?![0-9,]{0,8}\s{0,2}[万萬亿億%:：])",
    re.I,
)
# "4,744 patients were enrolled", "共6425例患者入组"
_ENROLL_AFTER = re.compile(
    r"(?<![0-9A-Za-z])(?P<num>[0-9][0-9,]{0,7})\s{0,2}(?:名|例|位)?[^0-9。；;.()（）]{0,14}?"
    r"(?:were |was |have been |had been )?(?:enrolled|randomi[sz]ed|入组|入組|被纳入|被納入)",
    re.I,
)
_PLANNED = re.compile(
    r"(?:plan(?:s|ned)? to|will|aims? to|expect(?:s|ed)? to|target(?:s|ed)?|intend(?:s|ed)? to|"
    r"计划|計劃|拟|擬|预计|預計|将|將|目标|目標)[^。；;.]{0,12}$",
    re.I,
)
_APPROX = re.compile(
    r"(?:约|約|近|逾|超过|超過|大约|大約|about|approximately|nearly|around|over|more than)\s{0,2}$", re.I
)
_OTHER_TRIAL = re.compile(r"NCT[0-9]{8}", re.I)


def paragraph_at(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the paragraph (line) around text[start:end], scanning at most 2000 characters."""
    left = text.rfind("\n", max(0, start - _PARAGRAPH_SCAN), start)
    right = text.find("\n", end, min(len(text), end + _PARAGRAPH_SCAN))
    return left + 1, right if right != -1 else min(len(text), end + _PARAGRAPH_SCAN)


_NEGATED = re.compile(r"(?:without|non-|no|free of|excluding|无|無|非|未患|不伴)[ \t]{0,2}$")
_MAX_OCCURRENCES = 8


def _affirmed(context: str, word: str) -> bool:
    """True when `word` occurs in the context at least once not negated ("without diabetes", "无糖尿病")."""
    at = context.find(word)
    for _ in range(_MAX_OCCURRENCES):
        if at < 0:
            return False
        if not _NEGATED.search(context[max(0, at - 12) : at]):
            return True
        at = context.find(word, at + 1)
    return True


def mentioned(context: str, terms: tuple[Term, ...]) -> list[Term]:
    """Terms whose article words occur in the (lower-cased) context, not only negated."""
    return [t for t in terms if any(w in context and _affirmed(context, w) for w in t.text_words)]


def first_word(
    context: str, terms: list[Term], anchor: int = 0, home: tuple[int, int] = (0, 0)
) -> tuple[int, int]:
    """(start, end) of the article word of `terms` nearest `anchor` (first those inside `home`,
    from the ID to the end of its sentence), widened to whole Latin words ((-1, -1) when none)."""
    places = []
    for word in (w for t in terms for w in t.text_words):
        at = context.find(word)
        for _ in range(_MAX_OCCURRENCES):
            if at < 0:
                break
            outside = not home[0] <= at < home[1]
            places.append((outside, abs(at - anchor), at, at + len(word)))
            at = context.find(word, at + 1)
    if not places:
        return -1, -1
    _, _, start, end = min(places)
    while end < len(context) and context[end].isascii() and context[end].isalpha():
        end += 1
    return start, end


def _agrees(terms: list[Term], record_text: str) -> bool:
    return any(w in record_text for t in terms for w in t.record_words)


def _term_field(
    field: str,
    context: str,
    terms: tuple[Term, ...],
    record_text: str,
    shown: str,
    home: tuple[int, int] = (0, 0),
) -> list[TrialDisagreement]:
    named = mentioned(context, terms)
    if not named or not record_text.strip() or _agrees(named, record_text):
        return []
    shown = shown or "(not given)"
    where = first_word(context, named, home[0], home)
    return [TrialDisagreement(field, ", ".join(t.name for t in named), shown, *where)]


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
    """A phase the text names that the record lacks; a record without phases ("NA") names none."""
    said, recorded = phases_in_text(sentence), phases_of(trial)
    not_applicable = [p.upper() for p in trial.phases] == ["NA"]
    if not said or (not recorded and not not_applicable) or said & recorded:
        return []
    found = [m for p in (_PHASE_EN, _PHASE_ZH) if (m := p.search(sentence))]
    where = min(m.span() for m in found) if found else (-1, -1)
    shown = "not applicable (no phase)" if not_applicable else ", ".join(trial.phases)
    return [TrialDisagreement("phase", "/".join(map(str, sorted(said))), shown, *where)]


@dataclass(frozen=True)
class EnrollmentClaim:
    """A number of participants the text says were (or will be) enrolled."""

    count: int
    planned: bool  # "plans to enrol 120" rather than "enrolled 120"
    approximate: bool  # "about 6,000", "超过6000例"
    start: int = -1
    end: int = -1


def enrollment_claim(sentence: str) -> EnrollmentClaim | None:
    """The enrollment a sentence states, with whether it is planned and whether it is approximate."""
    match = _ENROLL.search(sentence) or _ENROLL_AFTER.search(sentence)
    if match is None:
        return None
    before = sentence[max(0, match.start() - 30) : match.start()]
    gap = match.groupdict().get("gap") or ""
    planned = bool(_PLANNED.search(before + sentence[match.start() : match.start("num")]))
    approximate = bool(_APPROX.search(before if match.re is _ENROLL_AFTER else gap))
    count = int(match.group("num").replace(",", ""))
    return EnrollmentClaim(count, planned, approximate, *match.span())


def enrollment_in_text(sentence: str) -> int | None:
    """The number of participants a sentence says were (or will be) enrolled."""
    claim = enrollment_claim(sentence)
    return claim.count if claim else None


def enrollment_tolerance(claim: EnrollmentClaim, enrollment_type: str | None) -> float | None:
    """How far a stated enrollment may be from the record's: None when the two cannot be compared.

    A planned figure against an actual count is not compared (plans change); an actual figure against
    an anticipated (ESTIMATED) count, or an approximate one, gets 10 %; like against like 2 %.
    """
    recorded_actual = (enrollment_type or "").upper() == "ACTUAL"
    if claim.planned and recorded_actual:
        return None
    if claim.approximate or claim.planned != (not recorded_actual):
        return 0.1
    return 0.02


def _enrollment_field(sentence: str, trial: TrialRecord) -> list[TrialDisagreement]:
    said = enrollment_claim(sentence)
    if said is None or trial.enrollment is None:
        return []
    tolerance = enrollment_tolerance(said, trial.enrollment_type)
    if tolerance is None or abs(said.count - trial.enrollment) <= max(2.0, tolerance * trial.enrollment):
        return []
    kind = (trial.enrollment_type or "").lower() or "enrollment"
    shown = f"{trial.enrollment} ({'anticipated' if kind == 'estimated' else kind})"
    said_text = f"{said.count}{' (planned)' if said.planned else ''}"
    return [TrialDisagreement("enrollment", said_text, shown, said.start, said.end)]


def _status_field(sentence: str, trial: TrialRecord) -> list[TrialDisagreement]:
    named = mentioned(sentence, STATUSES)
    status = (trial.status or "").lower()
    if not named or not status or any(status in t.record_words for t in named):
        return []
    why = f" ({trial.why_stopped})" if trial.why_stopped else ""
    where = first_word(sentence, named)
    return [TrialDisagreement("status", ", ".join(t.name for t in named), f"{trial.status}{why}", *where)]


def _topic_context(text: str, start: int, end: int) -> tuple[int, str]:
    """(offset, lower-cased text) of the ID's paragraph, or its sentence when the paragraph names
    another trial ID."""
    s_start, s_end = sentence_at(text, start)
    p_start, p_end = paragraph_at(text, start, end)
    if len(_OTHER_TRIAL.findall(text, p_start, p_end)) <= 1:
        return p_start, text[p_start:p_end].lower()
    return s_start, text[s_start:s_end].lower()


def claim_context(text: str, start: int) -> tuple[int, str]:
    """(offset, text) of the ID's sentence, plus the sentence after it when that one names no
    other trial ID."""
    s_start, s_end = sentence_at(text, start)
    following = next_sentence(text, s_end)
    if following is not None and not _OTHER_TRIAL.search(text, following[0], following[1]):
        s_end = following[1]
    return s_start, text[s_start:s_end]


def _topic_fields(topic: str, trial: TrialRecord, home: tuple[int, int]) -> list[TrialDisagreement]:
    sponsors = [trial.lead_sponsor or "", *trial.collaborators, trial.organization or "", *trial.locations]
    titles = [trial.brief_title or "", trial.official_title or "", trial.acronym or ""]
    fields = (
        ("sponsor", INSTITUTIONS, sponsors, trial.lead_sponsor or ""),
        ("condition", CONDITIONS, [*trial.conditions, *titles], "; ".join(trial.conditions)),
        ("intervention", INTERVENTIONS, [*trial.interventions, *titles], "; ".join(trial.interventions)),
    )
    return [
        problem
        for name, terms, record, shown in fields
        for problem in _term_field(name, topic, terms, " ".join(record).lower(), shown, home)
    ]


def compare_trial(text: str, start: int, end: int, trial: TrialRecord) -> list[TrialDisagreement]:
    """Every field where the text around text[start:end] disagrees with the registry record, with
    where the text says it (document offsets; -1 when unknown)."""
    base, raw = claim_context(text, start)
    sentence = raw.lower()
    topic_base, topic = _topic_context(text, start, end)
    near = [
        *_phase_field(sentence, trial),
        *_enrollment_field(sentence, trial),
        *_status_field(sentence, trial),
        *lead_sponsor_field(raw, trial),
        *start_year_field(raw, trial),
        *identity_field(raw, text[start:end], trial),
    ]
    home = (start - topic_base, start - topic_base + len(raw) - (start - base))
    topic_fields = _topic_fields(topic, trial, home)
    return [p.shifted(topic_base) for p in topic_fields] + [p.shifted(base) for p in near]
