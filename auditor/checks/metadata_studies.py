"""M412 / M413: a study named by institution, journal and year (no reference), looked for.

The resolver searched PubMed (affiliation, journal, year, topic words) and Crossref (topic and
institution in the journal, the year ±1); a candidate counted only when its journal is the named
one and its title or abstract speaks of the sentence's topic. None found while every source
answered is a warning ("no matching study was found"), never "fabricated": a popular-science
sentence can name the journal of a news item, a preprint, or a work the topic words miss.
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.metadata_evidence import record_citation, record_url
from auditor.checks.metadata_existence import chinese_language_journal, every_source_answered
from auditor.checks.registry import CheckContext, CheckSpec, finding, register
from auditor.claims.models import ClaimKind
from auditor.models import Finding, FindingKind, Severity
from auditor.resolve_inputs import english_journal_name


@register(
    CheckSpec(
        "M412",
        FindingKind.NOT_FOUND,
        Severity.WARNING,
        "Named study (institution, journal, year, topic) that no source found in that journal and year.",
        network=True,
    ),
    CheckSpec(
        "M413",
        FindingKind.METADATA_MISMATCH,
        Severity.WARNING,
        "Named study found in the journal named, but published in another year than the text says.",
        network=True,
    ),
)
def named_study_lookups(ctx: CheckContext) -> Iterator[Finding]:
    """Each searched named study, then each author-year-journal mention with no reference, not found."""
    yield from _named_studies(ctx)
    yield from _unlisted_author_mentions(ctx)


def _unlisted_author_mentions(ctx: CheckContext) -> Iterator[Finding]:
    """"Li et al., 2022, Cell Therapy" with no reference entry, searched and found nowhere: a warning.

    Only a mention that names its journal: a search by author, year and topic words that finds
    nothing says little (the words may miss), so it is not reported.
    """
    for claim in ctx.claims_of(ClaimKind.AUTHOR_CITATION):
        resolution = ctx.resolutions.get(claim.id)
        journal = english_journal_name(claim.normalized.get("journal"))
        if resolution is None or journal is None or resolution.status != "not_found":
            continue
        if chinese_language_journal(journal):
            continue  # PubMed and Crossref do not cover it: M411
        if every_source_answered(resolution):
            yield finding(
                "M412",
                f'No matching study was found for "{claim.text}" in {journal}.',
                span=claim.span,
                quote=claim.text,
                claim_id=claim.id,
                evidence={
                    "sources_searched": [s.source for s in resolution.searches],
                    "candidates_rejected": [c.id for s in resolution.searches for c in s.candidates][:10],
                },
                suggestion="Cite the study in the reference list with its DOI or PMID, "
                "or check the author, year and journal named.",
            )


def _named_studies(ctx: CheckContext) -> Iterator[Finding]:
    """Each searched named study: not found (all sources answered), or found with another year."""
    for claim in ctx.claims_of(ClaimKind.NAMED_STUDY):
        resolution = ctx.resolutions.get(claim.id)
        if resolution is None:
            continue
        fields = {"span": claim.span, "quote": claim.text, "claim_id": claim.id}
        year = claim.normalized.get("year")
        covered = not chinese_language_journal(claim.normalized.get("journal"))  # else M411
        if resolution.status == "not_found" and every_source_answered(resolution) and covered:
            yield finding(
                "M412",
                f"No matching study was found: {claim.normalized.get('journal')} {year}"
                + (f", {claim.normalized['institution']}" if claim.normalized.get("institution") else "")
                + ".",
                **fields,  # type: ignore[arg-type]
                evidence={
                    "sources_searched": [s.source for s in resolution.searches],
                    "candidates_rejected": [c.id for s in resolution.searches for c in s.candidates][:10],
                },
                suggestion="Cite the study in the reference list with its DOI or PMID, "
                "or check the journal and year named.",
            )
        record = resolution.record
        if resolution.status == "matched" and record is not None and record.year != year:
            yield finding(
                "M413",
                f"The study named was published in {record.year}, not {year}: {record_citation(record)}.",
                **fields,  # type: ignore[arg-type]
                evidence={"cited_year": year, "record": record_citation(record), "url": record_url(record)},
                suggestion=f"Write {record.year}, or cite the study: {record_citation(record)}.",
            )
