"""M407 / M408: cited works and journals that no source knows (only when every source answered).

"Possibly fabricated" is the heaviest thing this tool says, so it needs every search to have
answered authoritatively; a failed search makes the work unverifiable (U901) instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.checks.metadata_evidence import reference_finding_fields
from auditor.checks.registry import CheckContext, CheckSpec, ReferenceResolution, finding, register
from auditor.models import Finding, FindingKind, Severity
from auditor.resolve_inputs import journal_names, reference_identifiers
from claims.models import ClaimKind
from references.models import IdKind, LookupStatus


def every_source_answered(resolution: ReferenceResolution) -> bool:
    """At least one search, and no lookup or search that failed."""
    searches_ok = all(s.status is not LookupStatus.FAILED for s in resolution.searches)
    lookups_ok = all(not r.failed for r in resolution.lookups)
    return bool(resolution.searches) and searches_ok and lookups_ok


def _search_evidence(resolution: ReferenceResolution) -> dict[str, Any]:
    return {
        "sources_searched": [s.source for s in resolution.searches],
        "candidates_rejected": [c.id for s in resolution.searches for c in s.candidates][:10],
        "reason": resolution.reason,
    }


@register(
    CheckSpec(
        "M407",
        FindingKind.NOT_FOUND,
        Severity.ERROR,
        "Possibly fabricated: a cited work with no identifier that no source found.",
        network=True,
    )
)
def possibly_fabricated(ctx: CheckContext) -> Iterator[Finding]:
    """References without identifiers, and unlinked author citations / named studies, found nowhere."""
    for reference in ctx.references:
        resolution = ctx.resolutions.get(reference.id)
        has_ids = any(k is not IdKind.NCT for k, _ in reference_identifiers(reference))
        if resolution is None or has_ids or resolution.status != "not_found":
            continue
        if every_source_answered(resolution):
            yield finding(
                "M407",
                f"Reference {reference.label or reference.id} was not found in any source searched; "
                "it may not exist.",
                **reference_finding_fields(reference),
                evidence=_search_evidence(resolution),
                suggestion="Give the work's DOI or PMID, or remove the reference if it cannot be traced.",
            )
    for claim in ctx.claims_of(ClaimKind.AUTHOR_CITATION, ClaimKind.NAMED_STUDY):
        resolution = ctx.resolutions.get(claim.id)
        if resolution is not None and resolution.status == "not_found" and every_source_answered(resolution):
            yield finding(
                "M407",
                f'No source found the work "{claim.text}" names; it may not exist.',
                span=claim.span,
                quote=claim.text,
                claim_id=claim.id,
                evidence=_search_evidence(resolution),
                suggestion="Add the study to the reference list with its DOI or PMID, or remove the claim.",
            )


@register(
    CheckSpec(
        "M408",
        FindingKind.UNKNOWN_JOURNAL,
        Severity.WARNING,
        "A journal that neither the NLM Catalog nor Crossref knows.",
        network=True,
    )
)
def unknown_journal(ctx: CheckContext) -> Iterator[Finding]:
    """One finding per unknown journal name, at its first mention (claims first, then references)."""
    reported: set[str] = set()
    mentions: list[tuple[str, dict[str, Any]]] = []
    for claim in ctx.claims_of(ClaimKind.JOURNAL_MENTION, ClaimKind.NAMED_STUDY):
        fields = {"span": claim.span, "quote": claim.text, "claim_id": claim.id}
        mentions.extend((name, fields) for name in journal_names(claim=claim))
    for reference in ctx.references:
        fields = reference_finding_fields(reference)
        mentions.extend((name, fields) for name in journal_names(reference=reference))
    for name, fields in mentions:
        result = ctx.lookups.get((IdKind.JOURNAL.value, name))
        if name in reported or result is None or result.status is not LookupStatus.NOT_FOUND:
            continue
        reported.add(name)
        yield finding(
            "M408",
            f'No catalogue knows a journal called "{name}".',
            **fields,
            evidence={
                "journal": name,
                "source": result.source,
                "reason": result.reason,
                "mentions": sum(1 for n, _ in mentions if n == name),
            },
            suggestion="Check the journal's name (full title or ISO abbreviation).",
        )
