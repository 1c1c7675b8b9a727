"""Evidence helpers for the M4xx checks: how a record is cited, linked and suggested (pure)."""

from __future__ import annotations

from typing import Any

from auditor.candidates import best_candidate, query_of
from auditor.checks.registry import ReferenceResolution
from auditor.references.models import Record, Reference

_QUOTE_LIMIT = 300


def record_citation(record: Record) -> str:
    """A short Vancouver-style citation of a record, with its PMID/DOI."""
    authors = ", ".join(a.display() for a in record.authors[:3]) + (
        " et al" if len(record.authors) > 3 else ""
    )
    where = record.journal_abbrev or record.journal or ""
    volume = f";{record.volume}" if record.volume else ""
    pages = f":{record.pages}" if record.pages else ""
    ids = " ".join(
        p
        for p in (f"PMID {record.pmid}" if record.pmid else "", f"doi:{record.doi}" if record.doi else "")
        if p
    )
    parts = [authors, (record.title or "").rstrip("."), f"{where}. {record.year or ''}{volume}{pages}", ids]
    return ". ".join(p.strip() for p in parts if p and p.strip(". "))


def record_url(record: Record) -> str | None:
    """Where an editor can see the record: PubMed page, else doi.org, else the source's URL."""
    if record.pmid:
        return f"https://pubmed.ncbi.nlm.nih.gov/{record.pmid}/"
    if record.doi:
        return f"https://doi.org/{record.doi}"
    return record.url


def reference_finding_fields(reference: Reference) -> dict[str, Any]:
    """span, quote and reference_id for a finding about a reference."""
    return {"span": reference.span, "quote": reference.text[:_QUOTE_LIMIT], "reference_id": reference.id}


def suggested_record(reference: Reference, resolution: ReferenceResolution) -> Record | None:
    """The work a search found for the citation, when it is not the record the identifier gave."""
    candidates = [c for s in resolution.searches for c in s.candidates]
    best = best_candidate(query_of(reference.parsed), candidates, translated=reference.parsed.translated)
    if best is None or (resolution.record is not None and best[0].id == resolution.record.id):
        return None
    return best[0]


def search_suggestion(reference: Reference, resolution: ReferenceResolution) -> str | None:
    """ "The cited work appears to be …" with the correct identifier, if a search found it."""
    found = suggested_record(reference, resolution)
    if found is None:
        return None
    return f"The cited work appears to be {record_citation(found)} ({record_url(found) or found.id})."
