"""Verdicts of claims from the findings about them and what the resolve stage found.

Worst wins: inconsistent > unsupported > unverifiable (VERDICT_OF_KIND maps finding kinds; info
findings never change a verdict). Without a finding, a claim is `supported` when a check applied to
it — a citation linked to the reference list or matched to a record, an identifier (or URL) that
resolved, any claim a check marked as examined — and `not_checkable` otherwise.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from auditor.checks.registry import ReferenceResolution
from auditor.models import VERDICT_OF_KIND, Finding, Severity, Verdict
from auditor.resolve_inputs import Key, claim_identifiers, normalize_key
from claims.models import CITATION_KINDS, IDENTIFIER_KINDS, Claim, ClaimKind
from references.identifiers import ids_from_url
from references.models import IdKind, LookupResult, LookupStatus

VERDICT_RANK = {
    Verdict.INCONSISTENT: 3,
    Verdict.UNSUPPORTED: 2,
    Verdict.UNVERIFIABLE: 1,
}
_URL_ID_KINDS = {"pmid": IdKind.PMID, "pmcid": IdKind.PMCID, "doi": IdKind.DOI, "nct": IdKind.NCT}
_RESOLVED = ("identifier", "matched")


def verdict_from_findings(findings: Iterable[Finding]) -> Verdict | None:
    """The worst verdict the warning/error findings imply, or None when there are none."""
    verdicts = [VERDICT_OF_KIND[f.kind] for f in findings if f.severity is not Severity.INFO]
    return max(verdicts, key=lambda v: VERDICT_RANK.get(v, 0)) if verdicts else None


def url_identifiers(url: str) -> list[Key]:
    """Identifiers a PubMed / PMC / doi.org / CT.gov URL names, normalised for lookups."""
    keys: list[Key] = []
    for name, raw in ids_from_url(url).items():
        kind = _URL_ID_KINDS.get(name)
        key = normalize_key(kind, raw) if kind else None
        if kind and key:
            keys.append((kind, key))
    return keys


def identifier_resolved(claim: Claim, lookups: Mapping[tuple[str, str], LookupResult]) -> bool:
    """True when some identifier the claim names was found by a source."""
    if claim.kind is ClaimKind.URL:
        keys = url_identifiers(str(claim.normalized.get("url") or claim.text))
    else:
        keys = claim_identifiers(claim)
    found = (lookups.get((kind.value, key)) for kind, key in keys)
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
    worst = verdict_from_findings(mine)
    if worst is not None:
        return worst
    if claim.kind in CITATION_KINDS and citation_checked(claim, links, resolutions):
        return Verdict.SUPPORTED
    is_identifier = claim.kind in IDENTIFIER_KINDS or claim.kind is ClaimKind.URL
    if is_identifier and identifier_resolved(claim, lookups):
        return Verdict.SUPPORTED
    if claim.id in examined or mine:
        return Verdict.SUPPORTED
    return Verdict.NOT_CHECKABLE
