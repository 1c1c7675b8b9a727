"""M4xx: references and cited identifiers against the records the sources returned.

Design gap (reported): FindingKind has no kind for an expression of concern or a correction, and
DESIGN.md says neither is a retraction. So `retracted` is used ONLY for retractions (and
withdrawals); an expression of concern is M405 with kind `metadata_mismatch` (warning) and a
correction is M406 with kind `metadata_mismatch` (info), each message naming the notice for what it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.candidates import best_candidate
from auditor.checks.metadata_compare import describe, is_identifier_mismatch, metadata_differences
from auditor.checks.metadata_evidence import (
    record_citation,
    record_url,
    reference_finding_fields,
    search_suggestion,
)
from auditor.checks.registry import CheckContext, CheckSpec, ReferenceResolution, finding, register
from auditor.claims.models import ClaimKind
from auditor.models import Finding, FindingKind, Severity
from auditor.references.models import IdKind, LookupStatus, Record, Reference, UpdateKind
from auditor.resolve_inputs import claim_identifiers, reference_identifiers


def _resolved(ctx: CheckContext, *statuses: str) -> Iterator[tuple[Reference, ReferenceResolution]]:
    for reference in ctx.references:
        resolution = ctx.resolutions.get(reference.id)
        if resolution is not None and resolution.status in statuses:
            yield reference, resolution


def _bibliographic_ids(reference: Reference) -> list[str]:
    return [f"{k.value} {v}" for k, v in reference_identifiers(reference) if k is not IdKind.NCT]


@register(
    CheckSpec(
        "M401",
        FindingKind.NOT_FOUND,
        Severity.ERROR,
        "A PMID, PMCID or DOI that the source authoritatively does not know.",
        network=True,
    )
)
def identifier_not_found(ctx: CheckContext) -> Iterator[Finding]:
    """References whose identifiers all came back "not found", and such identifiers in the text."""
    for reference, resolution in _resolved(ctx, "not_found"):
        ids = _bibliographic_ids(reference)
        if ids:
            yield finding(
                "M401",
                f"Reference {reference.label or reference.id}: {' / '.join(ids)} does not exist.",
                **reference_finding_fields(reference),
                evidence={"identifiers": ids, "reason": resolution.reason},
                suggestion=search_suggestion(reference, resolution) or "Correct or remove the identifier.",
            )
    yield from _claim_identifiers_not_found(ctx)


def _claim_identifiers_not_found(ctx: CheckContext) -> Iterator[Finding]:
    seen: set[tuple[str, str]] = set()
    for claim in ctx.claims_of(ClaimKind.DOI, ClaimKind.PMID, ClaimKind.PMCID):
        for kind, key in claim_identifiers(claim):
            result = ctx.lookups.get((kind.value, key))
            if result is None or result.status is not LookupStatus.NOT_FOUND or (kind.value, key) in seen:
                continue
            seen.add((kind.value, key))
            yield finding(
                "M401",
                f"{kind.value.upper()} {key} does not exist ({result.source} has no such record).",
                span=claim.span,
                quote=claim.text,
                claim_id=claim.id,
                evidence={
                    "identifier": key,
                    "kind": kind.value,
                    "source": result.source,
                    "reason": result.reason,
                },
                suggestion="Correct or remove the identifier.",
            )


@register(
    CheckSpec(
        "M402",
        FindingKind.IDENTIFIER_MISMATCH,
        Severity.ERROR,
        "The reference's PMID/DOI belongs to a different work (author and title disagree).",
        network=True,
    )
)
def identifier_mismatch(ctx: CheckContext) -> Iterator[Finding]:
    """A real identifier attached to a work it does not belong to."""
    for reference, resolution in _resolved(ctx, "identifier"):
        record = resolution.record
        if record is None or not is_identifier_mismatch(reference, record):
            continue
        yield finding(
            "M402",
            f"Reference {reference.label or reference.id}: {' / '.join(_bibliographic_ids(reference))} "
            f"is another work{_retracted_note(record)}: {record_citation(record)}.",
            **reference_finding_fields(reference),
            evidence={
                "record": record_citation(record),
                "url": record_url(record),
                "record_id": record.id,
                **_other_work_notices(record),
            },
            suggestion=search_suggestion(reference, resolution)
            or "Find the cited work's own identifier, or correct the citation to match the identifier.",
        )


@register(
    CheckSpec(
        "M403",
        FindingKind.METADATA_MISMATCH,
        Severity.WARNING,
        "A real work cited with wrong details (year, journal, volume, pages, first author).",
        network=True,
    )
)
def metadata_mismatch(ctx: CheckContext) -> Iterator[Finding]:
    """The right record as evidence; never called fabricated."""
    for reference, resolution in _resolved(ctx, "identifier", "matched"):
        record = resolution.record
        if record is None or is_identifier_mismatch(reference, record):
            continue
        diffs = metadata_differences(reference, record)
        if diffs:
            yield finding(
                "M403",
                f"Reference {reference.label or reference.id} gives "
                + "; ".join(describe(field, d) for field, d in diffs.items())
                + f": {record_citation(record)}.",
                **reference_finding_fields(reference),
                evidence={
                    "differences": diffs,
                    "record": record_citation(record),
                    "url": record_url(record),
                    "resolution": resolution.status,
                    **({"translated": "title is a translation"} if reference.parsed.translated else {}),
                },
                suggestion="Correct the reference to: " + record_citation(record),
            )


def _retracted_note(record: Record) -> str:
    notices: Any = _other_work_notices(record).get("record_notices", [])
    return " (itself retracted)" if any(n["kind"] == UpdateKind.RETRACTION.value for n in notices) else ""


def _other_work_notices(record: Record) -> dict[str, object]:
    """The other work's retraction or notices: evidence of the mismatch, not of the citation."""
    notices = [
        {"kind": u.kind.value, "notice": u.notice_id, "label": u.label, "date": u.date}
        for u in record.updates
        if u.kind is not UpdateKind.OTHER
    ]
    if "Retracted Publication" in record.publication_types and not any(
        n["kind"] == UpdateKind.RETRACTION.value for n in notices
    ):
        notices.append({"kind": UpdateKind.RETRACTION.value, "notice": None, "label": None, "date": None})
    return {"record_notices": notices} if notices else {}


_NOTICE_CODES = {
    UpdateKind.RETRACTION: ("M404", "was retracted"),
    UpdateKind.WITHDRAWAL: ("M404", "was withdrawn"),
    UpdateKind.EXPRESSION_OF_CONCERN: ("M405", "has an expression of concern"),
    UpdateKind.CORRECTION: ("M406", "has a published correction"),
}


@register(
    CheckSpec(
        "M404",
        FindingKind.RETRACTED,
        Severity.ERROR,
        "The cited work was retracted (or withdrawn).",
        network=True,
    ),
    CheckSpec(
        "M405",
        FindingKind.METADATA_MISMATCH,
        Severity.WARNING,
        "The cited work has an expression of concern (not a retraction).",
        network=True,
    ),
    CheckSpec(
        "M406",
        FindingKind.METADATA_MISMATCH,
        Severity.INFO,
        "The cited work has a published correction or erratum (not a retraction).",
        network=True,
    ),
)
def post_publication_notices(ctx: CheckContext) -> Iterator[Finding]:
    """Retractions, expressions of concern and corrections, each reported as what it is."""
    for reference, resolution in _resolved(ctx, "identifier", "matched"):
        if resolution.record is not None and not is_identifier_mismatch(reference, resolution.record):
            yield from _notices(
                resolution.record,
                f"Reference {reference.label or reference.id}",
                reference_finding_fields(reference),
            )
    for claim in ctx.claims_of(ClaimKind.DOI, ClaimKind.PMID, ClaimKind.PMCID):
        for kind, key in claim_identifiers(claim):
            result = ctx.lookups.get((kind.value, key))
            if result is not None and result.record is not None:
                fields = {"span": claim.span, "quote": claim.text, "claim_id": claim.id}
                yield from _notices(result.record, f"{kind.value.upper()} {key}", fields)


def _notices(record: Record, subject: str, fields: dict[str, object]) -> Iterator[Finding]:
    updates = list(record.updates)
    if "Retracted Publication" in record.publication_types and not any(
        u.kind is UpdateKind.RETRACTION for u in updates
    ):
        yield finding(
            "M404",
            f"{subject} ({record_citation(record)}) was retracted.",
            **fields,
            evidence={
                "record": record_citation(record),
                "url": record_url(record),
                "publication_types": record.publication_types,
            },
            suggestion="Remove the citation or say that the work was retracted.",
        )
    for update in updates:
        code, verb = _NOTICE_CODES.get(update.kind, (None, ""))
        if code is None:
            continue
        yield finding(
            code,
            f"{subject} ({record_citation(record)}) {verb}.",
            **fields,
            evidence={
                "record": record_citation(record),
                "url": record_url(record),
                "notice": update.notice_id,
                "notice_label": update.label,
                "date": update.date,
                "source": update.source,
            },
            suggestion="Remove the citation or say that the work was retracted."
            if code == "M404"
            else "Check the notice and whether it affects the claim.",
        )


__all__ = [
    "best_candidate",
    "identifier_mismatch",
    "identifier_not_found",
    "metadata_differences",
]
