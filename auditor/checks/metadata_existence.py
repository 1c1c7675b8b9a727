"""M407 / M408: cited works and journals that no source knows (only when every source answered).

"Possibly fabricated" is the heaviest thing this tool says, so it needs every search to have
answered authoritatively; a failed search makes the work unverifiable (U901) instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from auditor.checks.metadata_evidence import reference_finding_fields
from auditor.checks.registry import CheckContext, CheckSpec, ReferenceResolution, finding, register
from auditor.claims.models import Claim, ClaimKind
from auditor.claims.script import has_cjk
from auditor.journal_names import simplified
from auditor.models import Finding, FindingKind, Severity
from auditor.references.matching import journal_language
from auditor.references.models import IdKind, LookupStatus, Reference
from auditor.resolve_inputs import journal_names


def every_source_answered(resolution: ReferenceResolution) -> bool:
    """At least one search, and no lookup or search that failed."""
    searches_ok = all(s.status is not LookupStatus.FAILED for s in resolution.searches)
    lookups_ok = all(not r.failed for r in resolution.lookups)
    return bool(resolution.searches) and searches_ok and lookups_ok


# Romanised Chinese titles: the NLM Catalog and Crossref list Chinese-language journals under titles
# such as "Zhonghua Yi Xue Za Zhi" (中华医学杂志) or "... Xue Bao" (学报); no English-language
# journal is titled so. "Chinese Journal of …" is no such evidence (Chin Med J is in English).
_ROMANISED_TITLE = re.compile(r"\b(?:Zhonghua|Zhongguo|Za\s?Zhi|Xue\s?Bao)\b", re.IGNORECASE)


def chinese_language_journal(name: str | None) -> bool:
    """Whether a journal name names a Chinese-language journal, decided by data: the language the
    translation table gives (by Chinese name, English title or ISO abbreviation), else a name written
    in Chinese (no table maps it to an English-language journal), else a romanised Chinese title."""
    if not name:
        return False
    language = journal_language(name) or (journal_language(simplified(name)) if has_cjk(name) else None)
    if language is not None:
        return language == "zh"
    return has_cjk(name) or _ROMANISED_TITLE.search(name) is not None


def chinese_journal(reference: Reference) -> bool:
    """A Chinese-language journal, or a journal and title both written in Chinese.

    "Chinese Journal of Tissue Engineering Research" (中国组织工程研究) is published in Chinese;
    PubMed and Crossref do not cover most such journals, so not finding the work says nothing.
    """
    journal = reference.parsed.journal
    if has_cjk(journal) and has_cjk(reference.parsed.title):
        return True  # cited wholly in Chinese: the work may exist only under its Chinese title
    return chinese_language_journal(journal)


def chinese_title_only(reference: Reference) -> bool:
    """A title in Chinese (a translation or a Chinese-language work) and no journal named."""
    return has_cjk(reference.parsed.title) and not reference.parsed.journal


def chinese_language_work(reference: Reference) -> bool:
    """A work no source's silence says anything about: a Chinese journal, or a Chinese title only."""
    return chinese_journal(reference) or chinese_title_only(reference)


def web_source(reference: Reference) -> bool:
    """A web page cited by its URL: no identifier, volume, issue or pages (not a bibliographic work)."""
    p = reference.parsed
    has_ids = any((p.doi, p.pmid, p.pmcid, p.nct))
    return bool(p.url or p.urls) and not (has_ids or p.volume or p.issue or p.pages)


def search_links(text: str) -> dict[str, str]:
    """Search pages of CNKI and Wanfang for `text` (a title, or a journal's name)."""
    words = quote(text[:120])
    return {
        "cnki": f"https://kns.cnki.net/kns8s/search?q={words}",
        "wanfang": f"https://s.wanfangdata.com.cn/paper?q={words}",
    }


def where_to_check(reference: Reference) -> dict[str, str]:
    """Search pages of CNKI and Wanfang for the work's title (or journal)."""
    return search_links(reference.parsed.title or reference.parsed.journal or reference.text)


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
    """References without identifiers found nowhere (not Chinese-language works, not web pages)."""
    for reference in ctx.references:
        resolution = ctx.resolutions.get(reference.id)
        if resolution is None or resolution.status != "not_found":
            continue
        if any(k is not IdKind.NCT for k, _ in ctx.identifiers_of(reference)):
            continue
        if chinese_language_work(reference) or web_source(reference):
            continue  # M411: unverifiable, with where to check it; a web page is no bibliographic work
        if every_source_answered(resolution):
            yield finding(
                "M407",
                f"Reference {reference.label or reference.id} was not found in any source searched; "
                "it may not exist.",
                **reference_finding_fields(reference),
                evidence=_search_evidence(resolution),
                suggestion="Give the work's DOI or PMID, or remove the reference if it cannot be traced.",
            )
    # mentions without a reference entry that no source found: M412 (a warning), never M407


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
        if any(k is not IdKind.NCT for k, _ in ctx.identifiers_of(reference)):
            continue  # an identifier that does not exist is M401 whatever the language
        links = where_to_check(reference)
        label = reference.label or reference.id
        message = (
            f"Reference {label} is in a Chinese-language journal that PubMed and Crossref do not cover; "
            "it could not be checked."
            if chinese_journal(reference)
            else f"Reference {label} gives its title in Chinese and names no journal; no source found it, "
            "so it could not be checked."
        )
        yield finding(
            "M411",
            message,
            **reference_finding_fields(reference),
            evidence={**_search_evidence(resolution), **links},
            suggestion=f"Check it in CNKI ({links['cnki']}) or Wanfang ({links['wanfang']}).",
        )
    yield from _claims_not_covered(ctx)


def _unknown_journals(ctx: CheckContext) -> frozenset[str]:
    """Journal names the catalogues were asked about and do not know (NOT_FOUND)."""
    journal, unknown = IdKind.JOURNAL.value, LookupStatus.NOT_FOUND
    return frozenset(key for (kind, key), r in ctx.lookups.items() if kind == journal and r.status is unknown)


def _uncovered_journal(ctx: CheckContext, claim: Claim, unknown_names: frozenset[str]) -> str | None:
    """The Chinese-language journal a claim names, when the catalogues or the search found nothing
    (`unknown_names`: `_unknown_journals(ctx)`)."""
    resolution = ctx.resolutions.get(claim.id)
    if not unknown_names and (resolution is None or resolution.status != "not_found"):
        return None  # neither a catalogue nor a search found nothing for it
    raw = claim.normalized.get("journal")
    if not chinese_language_journal(raw):
        return None
    names = journal_names(claim=claim) or [str(raw)]
    unknown = [n for n in names if n in unknown_names]
    if unknown:
        return unknown[0]
    if resolution is None or resolution.status != "not_found" or not every_source_answered(resolution):
        return None
    return names[0]


def _claims_not_covered(ctx: CheckContext) -> Iterator[Finding]:
    """Claims naming a Chinese-language journal that no catalogue lists or in which no search found
    the study: M411 (unverifiable, with where to check), not M408 or M412; once per journal."""
    reported: set[str] = set()
    unknown_names = ctx.shared("unknown_journals", _unknown_journals)
    for claim in ctx.claims_of(ClaimKind.JOURNAL_MENTION, ClaimKind.NAMED_STUDY, ClaimKind.AUTHOR_CITATION):
        journal = _uncovered_journal(ctx, claim, unknown_names)
        if journal is None or journal in reported:
            continue
        reported.add(journal)
        links = search_links(str(claim.normalized.get("journal") or journal))
        yield finding(
            "M411",
            f'"{claim.text}" names a Chinese-language journal ({journal}) that PubMed and Crossref do '
            "not cover; the study could not be checked.",
            span=claim.span,
            quote=claim.text,
            claim_id=claim.id,
            evidence={"journal": journal, **links},
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
    unknown_names = ctx.shared("unknown_journals", _unknown_journals)
    if not unknown_names:
        return  # no name to report: the mentions need not be read
    reported: set[str] = set()
    mentions: list[tuple[str, dict[str, Any]]] = []
    for claim in ctx.claims_of(ClaimKind.JOURNAL_MENTION, ClaimKind.NAMED_STUDY):
        fields = {"span": claim.span, "quote": claim.text, "claim_id": claim.id}
        mentions.extend((name, fields) for name in journal_names(claim=claim))
    for reference in ctx.references:
        if web_source(reference):
            continue  # "RSS" of a web page's entry is no journal
        fields = reference_finding_fields(reference)
        mentions.extend((name, fields) for name in journal_names(reference=reference))
    for name, fields in mentions:
        if name in reported or name not in unknown_names:
            continue
        if chinese_language_journal(name):
            continue  # the catalogues do not cover it: M411, with where to check it
        reported.add(name)
        result = ctx.lookups[(IdKind.JOURNAL.value, name)]
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
