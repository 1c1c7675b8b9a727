"""M409 / M410 / M414: the identifiers of one reference must agree, and a DOI held elsewhere is
not a DOI that does not exist.

A fabricated DOI next to a real PMID resolves through the PMID and used to pass silently; a DOI
of one work beside the PMID of another was reported against whichever answered first. A DOI that
PubMed and Crossref do not know but doi.org says DataCite (or mEDRA, JaLC, KISTI, CNKI…) holds is
not checked here, and says so.
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.metadata_evidence import record_citation, record_url, reference_finding_fields
from auditor.checks.registry import CheckContext, CheckSpec, finding, register
from auditor.claims.models import ClaimKind
from auditor.models import Finding, FindingKind, Severity
from auditor.references.matching import title_similarity
from auditor.references.models import IdKind, LookupResult, LookupStatus, Reference
from auditor.references.sources.parsing.doira_json import agency_of
from auditor.resolve_inputs import Key, claim_identifiers

_SAME_TITLE = 80.0
_CHECKED = (IdKind.PMID, IdKind.DOI, IdKind.PMCID)


def _answers(ctx: CheckContext, reference: Reference) -> list[tuple[Key, LookupResult]]:
    keys = [k for k in ctx.identifiers_of(reference) if k[0] in _CHECKED]
    return [(k, ctx.lookups[(k[0].value, k[1])]) for k in keys if (k[0].value, k[1]) in ctx.lookups]


def _names(key: Key) -> str:
    return f"{key[0].value.upper()} {key[1]}"


def _is_its_own(key: Key, result: LookupResult, other: LookupResult) -> bool:
    """The other identifier's record lists this identifier (PMID record with the cited DOI)."""
    record = other.record
    if record is None:
        return False
    own = {IdKind.PMID: record.pmid, IdKind.DOI: (record.doi or "").lower(), IdKind.PMCID: record.pmcid}
    return own.get(key[0]) == key[1].lower() or own.get(key[0]) == key[1]


@register(
    CheckSpec(
        "M409",
        FindingKind.IDENTIFIER_MISMATCH,
        Severity.ERROR,
        "The identifiers of one reference (PMID, DOI, PMCID) belong to different works.",
        network=True,
    ),
    CheckSpec(
        "M410",
        FindingKind.NOT_FOUND,
        Severity.ERROR,
        "One identifier of a reference does not exist while another resolves to the cited work.",
        network=True,
    ),
)
def identifiers_disagree(ctx: CheckContext) -> Iterator[Finding]:
    """Every pair of a reference's identifiers must name the same work."""
    for reference in ctx.references:
        answers = _answers(ctx, reference)
        found = [(k, r) for k, r in answers if r.status is LookupStatus.FOUND and r.record is not None]
        if not found:
            continue
        anchor_key, anchor = found[0]
        for key, result in answers:
            if key == anchor_key or _is_its_own(key, result, anchor):
                continue
            if result.status is LookupStatus.NOT_FOUND:
                yield _nonexistent(reference, key, result, anchor_key, anchor)
            elif result.record is not None and anchor.record is not None:
                similarity = title_similarity(result.record.title, anchor.record.title)
                if similarity < _SAME_TITLE and not _is_its_own(anchor_key, anchor, result):
                    yield _different(reference, (anchor_key, anchor), (key, result))


def _nonexistent(
    reference: Reference, key: Key, result: LookupResult, anchor_key: Key, anchor: LookupResult
) -> Finding:
    record = anchor.record
    assert record is not None
    return finding(
        "M410",
        f"Reference {reference.label or reference.id}: {_names(key)} does not exist, although "
        f"{_names(anchor_key)} is {record_citation(record)}.",
        **reference_finding_fields(reference),
        evidence={
            "missing": _names(key),
            "reason": result.reason,
            "resolves": _names(anchor_key),
            "record": record_citation(record),
            "url": record_url(record),
        },
        suggestion=f"Replace {_names(key)} with the work's own identifier"
        + (f" (doi:{record.doi})." if record.doi and key[0] is IdKind.DOI else "."),
    )


def _different(
    reference: Reference, first: tuple[Key, LookupResult], second: tuple[Key, LookupResult]
) -> Finding:
    (key_a, a), (key_b, b) = first, second
    assert a.record is not None and b.record is not None
    return finding(
        "M409",
        f"Reference {reference.label or reference.id}: {_names(key_a)} is {record_citation(a.record)}, "
        f"but {_names(key_b)} is another work: {record_citation(b.record)}.",
        **reference_finding_fields(reference),
        evidence={
            _names(key_a): record_citation(a.record),
            _names(key_b): record_citation(b.record),
            "urls": [u for u in (record_url(a.record), record_url(b.record)) if u],
        },
        suggestion="Keep the identifier of the cited work and remove the other.",
    )


@register(
    CheckSpec(
        "M414",
        FindingKind.UNVERIFIABLE,
        Severity.INFO,
        "DOI registered with another agency (DataCite, mEDRA, JaLC, KISTI, CNKI…), not checked here.",
        network=True,
    )
)
def doi_held_elsewhere(ctx: CheckContext) -> Iterator[Finding]:
    """References and DOI claims whose DOI only doi.org knows: where to check them."""
    seen: set[str] = set()
    subjects: list[tuple[str, dict[str, object]]] = []
    for reference in ctx.references:
        fields = reference_finding_fields(reference)
        subjects.extend((k[1], fields) for k in ctx.identifiers_of(reference) if k[0] is IdKind.DOI)
    for claim in ctx.claims_of(ClaimKind.DOI):
        fields = {"span": claim.span, "quote": claim.text, "claim_id": claim.id}
        subjects.extend((k[1], fields) for k in claim_identifiers(claim) if k[0] is IdKind.DOI)
    for doi, fields in subjects:
        result = ctx.lookups.get((IdKind.DOI.value, doi))
        agency = agency_of(result) if result is not None else None
        if agency is None or doi in seen:
            continue
        seen.add(doi)
        yield finding(
            "M414",
            f"DOI {doi} is registered with {agency}, not with Crossref or PubMed; it was not checked.",
            **fields,  # type: ignore[arg-type]
            evidence={"doi": doi, "agency": agency, "url": f"https://doi.org/{doi}"},
            suggestion=f"Check the work at https://doi.org/{doi} ({agency} metadata).",
        )
