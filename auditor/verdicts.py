"""Verdicts of claims, and the report of one document (claims with verdicts, references, findings).

Worst wins: inconsistent > unsupported > unverifiable (VERDICT_OF_KIND maps finding kinds; info
findings never make a verdict worse than unverifiable). A claim with only info findings is
`unverifiable` when one says it could not be checked (kind `unverifiable`: a Chinese-language
journal no source covers, a registry without an API), else `supported`. Without a finding, a claim
is `supported` when a check applied to it — a citation linked to the reference list or matched to a
record, an identifier (or URL) that resolved, any claim a check marked as examined — and
`not_checkable` otherwise.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Protocol

from auditor.checks.registry import ReferenceResolution
from auditor.claims.models import CITATION_KINDS, IDENTIFIER_KINDS, Claim, ClaimKind, Document, trusted_model
from auditor.models import (
    VERDICT_OF_KIND,
    ClaimReport,
    DocumentReport,
    Finding,
    FindingKind,
    ReferenceReport,
    Resolution,
    Severity,
    Verdict,
)
from auditor.references.models import LookupResult, LookupStatus, Reference
from auditor.resolve import DocumentResolution
from auditor.resolve_inputs import claim_lookup_keys

NOT_LOOKED_UP = "metadata lookups were not made in this run"


class DocumentParts(Protocol):
    """What the stages before lookups produced for one document (pipeline.PreparedDocument)."""

    @property
    def document(self) -> Document: ...
    @property
    def claims(self) -> tuple[Claim, ...]: ...
    @property
    def references(self) -> tuple[Reference, ...]: ...
    @property
    def links(self) -> dict[str, tuple[str, ...]]: ...


VERDICT_RANK = {
    Verdict.INCONSISTENT: 3,
    Verdict.UNSUPPORTED: 2,
    Verdict.UNVERIFIABLE: 1,
}
_RESOLVED = ("identifier", "matched")


def verdict_from_findings(findings: Iterable[Finding]) -> Verdict | None:
    """The worst verdict the warning/error findings imply, or None when there are none."""
    verdicts = [VERDICT_OF_KIND[f.kind] for f in findings if f.severity is not Severity.INFO]
    return max(verdicts, key=lambda v: VERDICT_RANK.get(v, 0)) if verdicts else None


def identifier_resolved(claim: Claim, lookups: Mapping[tuple[str, str], LookupResult]) -> bool:
    """True when some identifier the claim names was found by a source."""
    found = (lookups.get((kind.value, key)) for kind, key in claim_lookup_keys(claim))
    return any(r is not None and r.status is LookupStatus.FOUND for r in found)


def citation_checked(
    claim: Claim,
    links: Mapping[str, tuple[str, ...]],
    resolutions: Mapping[str, ReferenceResolution],
) -> bool:
    """True when a citation was tied to the reference list or to a record."""
    if links.get(claim.id):
        return True
    resolution = resolutions.get(claim.id)
    return resolution is not None and resolution.status in _RESOLVED


def claim_verdict(
    claim: Claim,
    findings: Iterable[Finding],
    *,
    links: Mapping[str, tuple[str, ...]],
    resolutions: Mapping[str, ReferenceResolution],
    lookups: Mapping[tuple[str, str], LookupResult],
    examined: Collection[str] = (),
) -> Verdict:
    """The verdict of one claim (see the module docstring)."""
    mine = list(findings)
    if mine:
        worst = verdict_from_findings(mine)
        if worst is not None:
            return worst
        if any(f.kind is FindingKind.UNVERIFIABLE for f in mine):
            return Verdict.UNVERIFIABLE  # an info that it could not be checked (M411, T502) is no support
    if claim.kind in CITATION_KINDS and citation_checked(claim, links, resolutions):
        return Verdict.SUPPORTED
    is_identifier = claim.kind in IDENTIFIER_KINDS or claim.kind is ClaimKind.URL
    if is_identifier and identifier_resolved(claim, lookups):
        return Verdict.SUPPORTED
    if claim.id in examined or mine:
        return Verdict.SUPPORTED
    return Verdict.NOT_CHECKABLE


def document_report(
    prepared: DocumentParts,
    resolution: DocumentResolution,
    findings: list[Finding],
    examined: set[str],
) -> DocumentReport:
    """The report of one document: claims with verdicts, references with records, findings."""
    document = prepared.document
    by_claim: dict[str, list[Finding]] = {}
    for f in findings:
        # a finding about several mentions of one work (R102/R103) is about each of them
        for claim_id in dict.fromkeys([f.claim_id, *(f.evidence.get("mention_claim_ids") or ())]):
            if claim_id:
                by_claim.setdefault(claim_id, []).append(f)
    return DocumentReport(
        path=document.path,
        sha256=document.sha256,
        language=document.language.value,
        encoding=document.encoding,
        claims=claim_reports(prepared, resolution, by_claim, examined),
        references=[reference_report(r, resolution) for r in prepared.references],
        findings=findings,
        text=document.text,
    )


def claim_reports(
    prepared: DocumentParts,
    resolution: DocumentResolution,
    by_claim: Mapping[str, Sequence[Finding]],
    examined: set[str],
) -> list[ClaimReport]:
    """Every claim with its verdict and the ids of the findings about it (`by_claim`: claim id →
    its findings), in one loop: a large article has ~100k claims."""
    links, resolutions, lookups = prepared.links, resolution.resolutions, resolution.lookups
    reports = []
    for claim in prepared.claims:
        mine = by_claim.get(claim.id, ())
        verdict = claim_verdict(
            claim, mine, links=links, resolutions=resolutions, lookups=lookups, examined=examined
        )
        values = {
            "id": claim.id,
            "kind": _KIND_VALUES[claim.kind],
            "text": claim.text,
            "span": claim.span,
            "normalized": claim.normalized,
            "verdict": verdict,
            "finding_ids": [f.id for f in mine],
        }
        # every value comes from validated models: no validation again (a large article has
        # ~100k claims)
        reports.append(trusted_model(ClaimReport, values))
    return reports


_KIND_VALUES = {kind: kind.value for kind in ClaimKind}  # a dict look-up, not the enum's descriptor


def reference_report(reference: Reference, resolution: DocumentResolution) -> ReferenceReport:
    """A reference and the record it resolved to (unverifiable when nothing was looked up)."""
    resolved = resolution.resolutions.get(reference.id)
    status = Resolution(resolved.status) if resolved else Resolution.UNVERIFIABLE
    record = resolved.record.model_dump(mode="json") if resolved and resolved.record else None
    return ReferenceReport(
        id=reference.id,
        label=reference.label,
        text=reference.text,
        span=reference.span,
        parsed=reference.parsed.model_dump(mode="json", exclude_defaults=True),
        record=record,
        resolution=status,
        resolution_reason=resolved.reason if resolved else NOT_LOOKED_UP,
    )
