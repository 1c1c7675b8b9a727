"""M407 / M408: cited works and journals that no source knows (only when every source answered).

"Possibly fabricated" is the heaviest thing this tool says, so it needs every search to have
answered authoritatively; a failed search makes the work unverifiable (U901) instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from auditor.candidates import has_cjk
from auditor.checks.metadata_evidence import reference_finding_fields
from auditor.checks.registry import CheckContext, CheckSpec, ReferenceResolution, finding, register
from auditor.models import Finding, FindingKind, Severity
from auditor.resolve_inputs import english_journal_name, journal_names, reference_identifiers
from claims.models import ClaimKind
from references.models import IdKind, LookupStatus, Reference


def every_source_answered(resolution: ReferenceResolution) -> bool:
    """At least one search, and no lookup or search that failed."""
    searches_ok = all(s.status is not LookupStatus.FAILED for s in resolution.searches)
    lookups_ok = all(not r.failed for r in resolution.lookups)
    return bool(resolution.searches) and searches_ok and lookups_ok


def chinese_language_work(reference: Reference) -> bool:
    """A title or journal in Chinese that no table maps to an English-language journal.

    PubMed and Crossref index few Chinese-language journals, so "no source found it" says nothing
    about such a work; it is checked in CNKI or Wanfang instead.
    """
    parsed = reference.parsed
    if has_cjk(parsed.journal):
        return english_journal_name(parsed.journal) is None or has_cjk(parsed.title)
    return has_cjk(parsed.title) and not parsed.journal


def where_to_check(reference: Reference) -> dict[str, str]:
    """Search pages of CNKI and Wanfang for the work's title (or journal)."""
    words = quote((reference.parsed.title or reference.parsed.journal or reference.text)[:120])
    return {
        "cnki": f"https://kns.cnki.net/kns8s/search?q={words}",
        "wanfang": f"https://s.wanfangdata.com.cn/paper?q={words}",
    }


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
    """References without identifiers, and unlinked author citations, found nowhere."""
    for reference in ctx.references:
        resolution = ctx.resolutions.get(reference.id)
        has_ids = any(k is not IdKind.NCT for k, _ in reference_identifiers(reference))
        if resolution is None or has_ids or resolution.status != "not_found":
            continue
        if chinese_language_work(reference):
            continue  # M411: unverifiable, with where to check it
        if every_source_answered(resolution):
            yield finding(
                "M407",
                f"Reference {reference.label or reference.id} was not found in any source searched; "
                "it may not exist.",
                **reference_finding_fields(reference),
                evidence=_search_evidence(resolution),
                suggestion="Give the work's DOI or PMID, or remove the reference if it cannot be traced.",
            )
    for claim in ctx.claims_of(ClaimKind.AUTHOR_CITATION):  # named studies: M412, a warning
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
        "M411",
        FindingKind.UNVERIFIABLE,
        Severity.INFO,
        "Work in a Chinese-language journal that PubMed and Crossref do not cover: check CNKI or Wanfang.",
        network=True,
    )
)
def not_covered(ctx: CheckContext) -> Iterator[Finding]:
    """Chinese-language works no source found: unverifiable here, never "possibly fabricated"."""
    for reference in ctx.references:
        resolution = ctx.resolutions.get(reference.id)
        if resolution is None or resolution.status != "not_found" or not chinese_language_work(reference):
            continue
        if any(k is not IdKind.NCT for k, _ in reference_identifiers(reference)):
            continue  # an identifier that does not exist is M401 whatever the language
        links = where_to_check(reference)
        yield finding(
            "M411",
            f"Reference {reference.label or reference.id} is in a Chinese-language journal that PubMed "
            "and Crossref do not cover; it could not be checked.",
            **reference_finding_fields(reference),
            evidence={**_search_evidence(resolution), **links},
            suggestion=f"Check it in CNKI ({links['cnki']}) or Wanfang ({links['wanfang']}).",
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
