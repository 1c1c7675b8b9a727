"""U9xx: lookups that could not be made, said once and plainly.

Online, each reference or claim left unverifiable by a failed lookup gets one U901 warning naming
the lookup and why it failed. Offline with nothing cached (`ctx.online` False), the document gets
ONE U902 note listing every lookup not made, instead of a flood of warnings.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from auditor.checks.metadata_evidence import reference_finding_fields
from auditor.checks.registry import CheckContext, CheckSpec, ReferenceResolution, finding, register
from auditor.models import Finding, FindingKind, Severity
from auditor.resolve_inputs import claim_identifiers, describe_failure, journal_names
from claims.models import ClaimKind
from references.models import IdKind

_LISTED = 200  # at most this many lookups listed in the U902 evidence


@dataclass(frozen=True)
class UnmadeLookup:
    """A reference or claim that could not be checked, and the lookups that failed for it."""

    subject: str  # "reference 3", "claim 10.1000/x"
    fields: dict[str, Any]  # span / quote / reference_id / claim_id of the finding
    failures: tuple[str, ...]


def _resolution_failures(resolution: ReferenceResolution) -> tuple[str, ...]:
    lookups = [describe_failure(r) for r in resolution.lookups if r.failed]
    searches = [
        f"search ({s.source}: {s.reason or 'no answer'})"
        for s in resolution.searches
        if s.status.value == "failed"
    ]
    return tuple(dict.fromkeys([*lookups, *searches]))


def _reference_failures(ctx: CheckContext) -> Iterator[UnmadeLookup]:
    for reference in ctx.references:
        resolution = ctx.resolutions.get(reference.id)
        if resolution is None or resolution.status != "unverifiable":
            continue
        failures = _resolution_failures(resolution)
        if failures:
            subject = f"reference {reference.label or reference.id}"
            yield UnmadeLookup(subject, reference_finding_fields(reference), failures)


def _claim_keys(ctx: CheckContext) -> Iterator[tuple[Any, list[tuple[IdKind, str]]]]:
    kinds = (ClaimKind.DOI, ClaimKind.PMID, ClaimKind.PMCID, ClaimKind.TRIAL_ID, ClaimKind.JOURNAL_MENTION)
    for claim in ctx.claims_of(*kinds):
        keys = claim_identifiers(claim) + [(IdKind.JOURNAL, n) for n in journal_names(claim=claim)]
        yield claim, keys


def _claim_failures(ctx: CheckContext) -> Iterator[UnmadeLookup]:
    seen: set[tuple[IdKind, str]] = set()
    for claim, keys in _claim_keys(ctx):
        failed = [
            ctx.lookups[(k.value, v)]
            for k, v in keys
            if (k, v) not in seen and (k.value, v) in ctx.lookups and ctx.lookups[(k.value, v)].failed
        ]
        seen.update(keys)
        if failed:
            fields = {"span": claim.span, "quote": claim.text, "claim_id": claim.id}
            yield UnmadeLookup(f'"{claim.text}"', fields, tuple(describe_failure(r) for r in failed))
    for claim in ctx.claims_of(ClaimKind.AUTHOR_CITATION, ClaimKind.NAMED_STUDY):
        resolution = ctx.resolutions.get(claim.id)
        if (
            resolution is not None
            and resolution.status == "unverifiable"
            and _resolution_failures(resolution)
        ):
            fields = {"span": claim.span, "quote": claim.text, "claim_id": claim.id}
            yield UnmadeLookup(f'"{claim.text}"', fields, _resolution_failures(resolution))


def unmade_lookups(ctx: CheckContext) -> list[UnmadeLookup]:
    """Every reference and claim left unverifiable by a failed lookup or search."""
    return [*_reference_failures(ctx), *_claim_failures(ctx)]


@register(
    CheckSpec(
        "U901",
        FindingKind.UNVERIFIABLE,
        Severity.WARNING,
        "A lookup failed (network, rate limit, malformed answer), so this could not be checked.",
        network=True,
    ),
    CheckSpec(
        "U902",
        FindingKind.UNVERIFIABLE,
        Severity.INFO,
        "Offline with nothing cached: one note per document listing the lookups not made.",
        network=True,
    ),
)
def lookups_not_made(ctx: CheckContext) -> Iterator[Finding]:
    """U901 per item online; a single U902 summary when no source answered anything."""
    unmade = unmade_lookups(ctx)
    if not unmade:
        return
    if not ctx.online:
        failures = list(dict.fromkeys(f for u in unmade for f in u.failures))
        yield finding(
            "U902",
            f"{len(failures)} lookups were not made (offline, nothing cached); "
            f"{len(unmade)} references or claims were not checked against the sources.",
            evidence={
                "lookups": failures[:_LISTED],
                "lookups_total": len(failures),
                "unchecked": [u.subject for u in unmade][:_LISTED],
            },
            suggestion="Run again online (without --offline) to check them.",
        )
        return
    for item in unmade:
        yield finding(
            "U901",
            f"Could not check {item.subject}: {'; '.join(item.failures)}.",
            **item.fields,
            evidence={"failed_lookups": list(item.failures)},
            suggestion="Run the audit again later; the lookup may succeed.",
        )
