"""T5xx: trial identifiers against their registries (ClinicalTrials.gov v2 records).

T501 an NCT ID the registry authoritatively does not know; T502 a registry without an API (the
report gives its public page instead); T503 what the article says next to the ID (sponsor,
condition, intervention) disagrees with the registry record, and T505–T510 one field each (phase,
enrollment, status, start year, a different trial than the one named, lead sponsor); T504 the
registry says the trial stopped early (terminated, withdrawn, suspended): evidence an editor needs
whatever the text says, and what a scheduled re-run reports as new when a trial's status changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.checks.registry import CheckContext, CheckSpec, finding, register
from auditor.checks.trial_compare import (
    TrialDisagreement,
    claim_context,
    compare_trial,
    mentioned,
    paragraph_at,
)
from auditor.checks.trial_terms import STATUSES
from auditor.claims.models import Claim, ClaimKind, Span
from auditor.models import Finding, FindingKind, Severity
from auditor.references.identifiers import normalize_nct, registry_url
from auditor.references.models import LookupStatus, TrialRecord

CTGOV = "ClinicalTrials.gov"


def _trial_mentions(ctx: CheckContext) -> Iterator[tuple[Claim, str]]:
    """Every trial-ID claim with its canonical NCT ID."""
    for claim in ctx.claims_of(ClaimKind.TRIAL_ID):
        nct = normalize_nct(str(claim.normalized.get("id") or ""))
        if nct:
            yield claim, nct


def _trial_claims(ctx: CheckContext) -> Iterator[tuple[Claim, str]]:
    """Trial-ID claims with their canonical NCT ID, first mention of each ID only."""
    seen: set[str] = set()
    for claim, nct in _trial_mentions(ctx):
        if nct not in seen:
            seen.add(nct)
            yield claim, nct


@register(
    CheckSpec(
        "T501",
        FindingKind.TRIAL_NOT_FOUND,
        Severity.ERROR,
        "ClinicalTrials.gov has no trial with this NCT ID.",
        network=True,
    )
)
def trial_not_found(ctx: CheckContext) -> Iterator[Finding]:
    """Only an authoritative "no such study" (404) counts; a failed lookup is U901's business."""
    for claim, nct in _trial_claims(ctx):
        result = ctx.lookups.get(("nct", nct))
        if result is None or result.status is not LookupStatus.NOT_FOUND:
            continue
        yield finding(
            "T501",
            f"ClinicalTrials.gov has no record of {nct}.",
            span=claim.span,
            quote=claim.text,
            claim_id=claim.id,
            evidence={
                "nct": nct,
                "source": result.source,
                "reason": result.reason,
                "url": f"https://clinicaltrials.gov/study/{nct}",
            },
            suggestion="Check the trial ID against the registry or the publication that reports the trial.",
        )


@register(
    CheckSpec(
        "T502",
        FindingKind.UNVERIFIABLE,
        Severity.INFO,
        "Trial registered in a registry without a public API; check it by hand.",
    )
)
def registry_without_api(ctx: CheckContext) -> Iterator[Finding]:
    """One note per distinct non-ClinicalTrials.gov trial ID, with the registry's page."""
    seen: set[str] = set()
    for claim in ctx.claims_of(ClaimKind.TRIAL_ID):
        registry = str(claim.normalized.get("registry") or "")
        trial_id = str(claim.normalized.get("id") or claim.text)
        if registry == CTGOV or not registry or trial_id in seen:
            continue
        seen.add(trial_id)
        url = registry_url(registry, trial_id)
        yield finding(
            "T502",
            f"{trial_id} is registered in {registry}, which has no API to check it against.",
            span=claim.span,
            quote=claim.text,
            claim_id=claim.id,
            evidence={"registry": registry, "id": trial_id, "url": url},
            suggestion=f"Open {url} and compare it with the text." if url else "Check the registry by hand.",
        )


def _mismatch_message(nct: str, problems: list[TrialDisagreement]) -> str:
    fields = ", ".join(p.field for p in problems)
    return f"What the text says about {nct} ({fields}) disagrees with its ClinicalTrials.gov record."


def _record_evidence(trial: TrialRecord) -> dict[str, Any]:
    return {
        "nct": trial.id,
        "aliases": trial.aliases,
        "acronym": trial.acronym,
        "title": trial.brief_title,
        "status": trial.status,
        "why_stopped": trial.why_stopped,
        "phases": trial.phases,
        "conditions": trial.conditions,
        "interventions": trial.interventions,
        "lead_sponsor": trial.lead_sponsor,
        "collaborators": trial.collaborators,
        "enrollment": trial.enrollment,
        "enrollment_type": trial.enrollment_type,
        "start_date": trial.start_date,
        "url": trial.url or f"https://clinicaltrials.gov/study/{trial.id}",
    }


TOPIC_FIELDS = frozenset({"sponsor", "condition", "intervention"})
# field → (code, message template with {nct}, {text}, {registry}, suggestion)
FIELD_CODES: dict[str, tuple[str, str, str]] = {
    "phase": (
        "T505",
        "The text gives {nct} as phase {text}; ClinicalTrials.gov lists {registry}.",
        "Correct the phase, or check that the trial ID is the one meant.",
    ),
    "enrollment": (
        "T506",
        "The text gives {text} participants for {nct}; ClinicalTrials.gov lists {registry}.",
        "Correct the number of participants (say whether it is planned or actual).",
    ),
    "status": (
        "T507",
        "The text says {nct} is {text}; ClinicalTrials.gov lists it as {registry}.",
        "Give the trial's current status as the registry shows it.",
    ),
    "start_year": (
        "T508",
        "The text says {nct} started in {text}; ClinicalTrials.gov gives the start date {registry}.",
        "Correct the start year.",
    ),
    "identity": (
        "T509",
        "The text names {nct} as {text}, but the ClinicalTrials.gov record is another trial: {registry}.",
        "Check the trial ID: it belongs to a different trial than the one named.",
    ),
    "lead_sponsor": (
        "T510",
        "The text gives {text} as the sponsor of {nct}; ClinicalTrials.gov lists it only as a "
        "collaborator, the lead sponsor being {registry}.",
        "Name the lead sponsor, or say that the named organisation collaborates.",
    ),
}


def _spec(code: str, severity: Severity, summary: str) -> CheckSpec:
    return CheckSpec(code, FindingKind.TRIAL_MISMATCH, severity, summary, network=True)


def _where(ctx: CheckContext, claim: Claim, problem: TrialDisagreement) -> tuple[Span, str]:
    """The span and quote of what the text says (the trial ID when that is unknown)."""
    text = ctx.document.text
    if 0 <= problem.start < problem.end <= len(text):
        return ctx.document.span(problem.start, problem.end), text[problem.start : problem.end]
    return claim.span, claim.text


def _topic_finding(
    ctx: CheckContext, claim: Claim, nct: str, trial: TrialRecord, problems: list[TrialDisagreement]
) -> Iterator[Finding]:
    strong = {p.field for p in problems} & {"sponsor", "condition"}
    severity = Severity.ERROR if strong and len(problems) >= 2 else Severity.WARNING
    for problem in problems:
        span, quote = _where(ctx, claim, problem)
        yield finding(
            "T503",
            f"The text's {problem.field} for {nct} ({problem.text_says}) disagrees with its "
            f"ClinicalTrials.gov record ({problem.record_says}).",
            severity=severity,
            span=span,
            quote=quote,
            claim_id=claim.id,
            evidence={
                "record": _record_evidence(trial),
                "disagreements": [p.as_evidence() for p in problems],
            },
            suggestion="Check that the trial ID is the one meant, or correct the details to match it.",
        )


def _field_finding(
    ctx: CheckContext, claim: Claim, nct: str, trial: TrialRecord, problem: TrialDisagreement
) -> Finding:
    code, template, suggestion = FIELD_CODES[problem.field]
    span, quote = _where(ctx, claim, problem)
    return finding(
        code,
        template.format(nct=nct, text=problem.text_says, registry=problem.record_says),
        span=span,
        quote=quote,
        claim_id=claim.id,
        evidence={"record": _record_evidence(trial), "disagreements": [problem.as_evidence()]},
        suggestion=suggestion,
    )


@register(
    _spec(
        "T503",
        Severity.WARNING,
        "Sponsor, condition or intervention near a trial ID disagrees with the registry "
        "(error when the sponsor or condition disagrees with another field).",
    ),
    _spec("T505", Severity.WARNING, "The trial's phase in the text differs from the registry's."),
    _spec(
        "T506",
        Severity.WARNING,
        "The number enrolled in the text differs from the registry's (planned vs actual respected).",
    ),
    _spec(
        "T507",
        Severity.WARNING,
        "The text calls the trial completed, recruiting, ongoing or stopped; the registry says otherwise.",
    ),
    _spec("T508", Severity.WARNING, "The trial's start year in the text differs from the registry's."),
    _spec(
        "T509",
        Severity.ERROR,
        "The trial ID's record is a different trial than the one the text names (acronym not in the record).",
    ),
    _spec(
        "T510",
        Severity.WARNING,
        "The text names as sponsor an organisation the registry lists only as a collaborator.",
    ),
)
def trial_mismatch(ctx: CheckContext) -> Iterator[Finding]:
    """Compare the sentences/paragraph around every mention of an NCT ID with the record served
    for it; a disagreement found from two mentions (same field, same words) is reported once."""
    seen: set[tuple[str, str, int]] = set()
    for claim, nct in _trial_mentions(ctx):
        result = ctx.lookups.get(("nct", nct))
        if result is None or result.status is not LookupStatus.FOUND or result.trial is None:
            continue
        found = compare_trial(ctx.document.text, claim.span.start, claim.span.end, result.trial)
        problems = [p for p in found if (nct, p.field, p.start) not in seen]
        seen.update((nct, p.field, p.start) for p in problems)
        topic = [p for p in problems if p.field in TOPIC_FIELDS]
        yield from _topic_finding(ctx, claim, nct, result.trial, topic)
        for problem in problems:
            if problem.field in FIELD_CODES:
                yield _field_finding(ctx, claim, nct, result.trial, problem)


STOPPED = {"TERMINATED": "terminated", "WITHDRAWN": "withdrawn", "SUSPENDED": "suspended"}


def _text_says_stopped(text: str, start: int, trial: TrialRecord) -> bool:
    """True when the ID's sentence (or the next) already says the trial stopped as the registry does."""
    _, context = claim_context(text, start)
    status = (trial.status or "").lower()
    return any(status in t.record_words for t in mentioned(context.lower(), STATUSES))


@register(
    CheckSpec(
        "T504",
        FindingKind.TRIAL_MISMATCH,
        Severity.WARNING,
        "The registry says the cited trial stopped early (terminated, withdrawn or suspended).",
        network=True,
    )
)
def trial_stopped(ctx: CheckContext) -> Iterator[Finding]:
    """One finding per NCT ID whose ClinicalTrials.gov status is TERMINATED, WITHDRAWN or SUSPENDED."""
    for claim, nct in _trial_claims(ctx):
        result = ctx.lookups.get(("nct", nct))
        trial = result.trial if result is not None and result.status is LookupStatus.FOUND else None
        if trial is None or (trial.status or "").upper() not in STOPPED:
            continue
        if _text_says_stopped(ctx.document.text, claim.span.start, trial):
            continue
        state = STOPPED[(trial.status or "").upper()]
        why = f" ({trial.why_stopped})" if trial.why_stopped else ""
        yield finding(
            "T504",
            f"ClinicalTrials.gov lists {nct} as {state}{why}.",
            span=claim.span,
            quote=claim.text,
            claim_id=claim.id,
            evidence={"status": trial.status, "why_stopped": trial.why_stopped, **_record_evidence(trial)},
            suggestion=f"Say that the trial was {state}, or cite its results only with that caveat.",
        )


__all__ = ["paragraph_at", "registry_without_api", "trial_mismatch", "trial_not_found", "trial_stopped"]
