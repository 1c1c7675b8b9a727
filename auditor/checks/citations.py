"""R1xx: citations against the article's own reference list (offline).

Missing references (numbered, formal author-year, narrative mentions, named studies) and
references never cited. Author or year disagreeing with the numbered reference (R106/R107) are in
`citation_agreement`, duplicate entries (R108) in `duplicates`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from auditor.checks.citation_neighbours import CitationIndex, following_numbers, ref_summary
from auditor.checks.duplicates import context_duplicates
from auditor.checks.missing_works import MissingWork, missing_works
from auditor.checks.registry import CheckContext, CheckSpec, finding, register
from auditor.claims.models import Claim, ClaimKind
from auditor.linking import ReferenceIndex, link_citations, references_by_number
from auditor.models import Finding, FindingKind, Severity
from auditor.references.models import Reference

NO_LIST = "the article has no reference list"
_OPENERS = ("(", "（", "[", "［")
_MAX_NEAR = 3  # entries by the same first author shown when the year does not match


def _list_state(ctx: CheckContext) -> str:
    count = len(ctx.references)
    return NO_LIST if count == 0 else f"the reference list has {count} entr{'y' if count == 1 else 'ies'}"


def _message_tail(ctx: CheckContext) -> str:
    return f" ({NO_LIST})" if not ctx.references else ""


@register(
    CheckSpec(
        "R101",
        FindingKind.MISSING_REFERENCE,
        Severity.ERROR,
        "Numbered citation whose number has no entry in the reference list.",
    ),
)
def numbered_citation_without_reference(ctx: CheckContext) -> Iterator[Finding]:
    """Each cited number must have a reference of that number."""
    numbered = references_by_number(ctx.references)
    if ctx.references and not numbered:
        return  # a list keyed by names (e.g. BibTeX keys) cannot be read by number
    for claim in ctx.claims_of(ClaimKind.NUMBERED_CITATION):
        missing = [n for n in claim.normalized.get("numbers") or [] if int(n) not in numbered]
        if not missing:
            continue
        shown = ", ".join(str(n) for n in missing)
        yield finding(
            "R101",
            f"Citation {claim.text} cites reference {shown}, which is not in the list{_message_tail(ctx)}.",
            span=claim.span,
            quote=claim.text,
            claim_id=claim.id,
            evidence={"missing_numbers": missing, "reference_list": _list_state(ctx)},
            suggestion="add the missing reference to the list or correct the citation number",
        )


def _is_formal(ctx: CheckContext, claim: Claim) -> bool:
    """A parenthetical author-year citation such as "(Li et al., 2022, Cell Therapy)"."""
    before = ctx.document.text[max(0, claim.span.start - 1) : claim.span.start]
    opens = claim.text.lstrip()[:1] in _OPENERS or before in _OPENERS
    formal = opens or claim.normalized.get("form") == "parenthetical"
    return formal and claim.normalized.get("year") is not None


def _covered(ctx: CheckContext, index: CitationIndex, claim: Claim) -> bool:
    """Linked to a reference, or backed by a numbered citation of its own that cites an entry.

    Its own: after it in its sentence and before the next author citation or named study
    (`citation_neighbours.following_numbers`); a number that cites nothing in the list backs nothing.
    """
    if ctx.links.get(claim.id):
        return True
    following = following_numbers(ctx.document.text, index, claim)
    return any(ctx.links.get(number.id) for number in following)


def _links(ctx: CheckContext) -> CheckContext:
    """`ctx`, or when it has no links (a context built without the link stage) one linked copy of it,
    made once and shared by the checks that need links (a copy made per check would start with
    empty per-context indexes each time)."""
    if ctx.links:
        return ctx
    return ctx.shared("linked", _linked_copy)


def _linked_copy(ctx: CheckContext) -> CheckContext:
    return replace(ctx, links=link_citations(ctx.claims, ctx.index, ctx.document.text))


@register(
    CheckSpec(
        "R102",
        FindingKind.MISSING_REFERENCE,
        Severity.ERROR,
        "Formal author-year citation with no matching entry in the reference list.",
    ),
    CheckSpec(
        "R103",
        FindingKind.MISSING_REFERENCE,
        Severity.WARNING,
        "Narrative mention of an author's study that the reference list does not contain.",
    ),
)
def author_citation_without_reference(ctx: CheckContext) -> Iterator[Finding]:
    """Author citations must match a reference (by first-author surname and year).

    One finding per missing work (`missing_works`): R102 when some mention of it is a formal
    citation, else R103; every mention is listed (`mention_claim_ids`, and `cited_at` in the report).
    """
    ctx = _links(ctx)
    citations = CitationIndex.of(ctx)
    index = ctx.index
    unmatched = [c for c in ctx.claims_of(ClaimKind.AUTHOR_CITATION) if not _covered(ctx, citations, c)]
    for work in missing_works(ctx.document.text, unmatched, lambda c: _is_formal(ctx, c)):
        yield _missing_work(ctx, index, work)


def _missing_work(ctx: CheckContext, index: ReferenceIndex, work: MissingWork) -> Finding:
    claim = work.lead
    who = ", ".join(claim.normalized.get("authors") or []) or claim.text
    year = claim.normalized.get("year")
    cited = f"{who} {year}{claim.normalized.get('suffix') or ''}" if year else who
    near = index.by_authors(claim)[:_MAX_NEAR]
    shown = "; ".join(_entry_name(r, index) for r in near)
    tail = f"; the list has {shown}" if near else _message_tail(ctx)
    times = f" (mentioned {len(work.mentions)} times)" if len(work.mentions) > 1 else ""
    return finding(
        "R102" if work.formal else "R103",
        f"No reference matches the citation of {cited}{times}{tail}.",
        span=claim.span,
        quote=claim.text,
        claim_id=claim.id,
        evidence={
            "authors": claim.normalized.get("authors") or [],
            "year": year,
            "reference_list": _list_state(ctx),
            "same_author_entries": [ref_summary(r) for r in near],
            "mention_claim_ids": [c.id for c in work.mentions],
        },
        suggestion="correct the year, add the cited work to the reference list, or cite it by its number",
    )


def _entry_name(ref: Reference, index: ReferenceIndex) -> str:
    first = ref.parsed.authors[0].family if ref.parsed.authors else ref.text[:40]
    year = index.years.get(ref.id)
    return f"{first} {year}{index.written_suffix(ref)}" if year else f"{first} n.d."


@register(
    CheckSpec(
        "R104",
        FindingKind.MISSING_REFERENCE,
        Severity.WARNING,
        "Named study (institution, journal, year) with no entry in the reference list.",
    ),
)
def named_study_without_reference(ctx: CheckContext) -> Iterator[Finding]:
    """A study described by institution/journal/year should be in the list."""
    ctx = _links(ctx)
    citations = CitationIndex.of(ctx)
    for claim in ctx.claims_of(ClaimKind.NAMED_STUDY):
        if _covered(ctx, citations, claim):
            continue
        norm = claim.normalized
        described = {k: norm.get(k) for k in ("institution", "journal", "year", "authors") if norm.get(k)}
        yield finding(
            "R104",
            f"The study described here is not in the reference list{_message_tail(ctx)}.",
            span=claim.span,
            quote=claim.text,
            claim_id=claim.id,
            evidence={**described, "reference_list": _list_state(ctx)},
            suggestion="add a reference for this study (authors, title, journal, year, DOI)",
        )


@register(
    CheckSpec(
        "R105",
        FindingKind.UNCITED_REFERENCE,
        Severity.WARNING,
        "Reference never cited in the text, by number, author or named study.",
    ),
)
def uncited_reference(ctx: CheckContext) -> Iterator[Finding]:
    """Every reference should be cited somewhere in the text."""
    ctx = _links(ctx)
    cited = {ref_id for ids in ctx.links.values() for ref_id in ids} | _cited_with_a_wrong_year(ctx)
    repeats = {later.id for later, _, _ in context_duplicates(ctx)}  # reported by R108 instead
    for position, ref in enumerate(ctx.references, start=1):
        if ref.id in cited or ref.id in repeats:
            continue
        label = f"Reference {ref.label or position}"
        yield finding(
            "R105",
            f"{label} is never cited in the text.",
            span=ref.span,
            quote=ref.text,
            reference_id=ref.id,
            evidence={"label": ref.label, "position": position, "citation_claims": len(ctx.links)},
            suggestion="cite the reference where it is used, or remove it from the list",
        )


def _cited_with_a_wrong_year(ctx: CheckContext) -> set[str]:
    """Entries an unlinked author citation names by first author (R102/R103 report its year)."""
    index = ctx.index
    unlinked = [c for c in ctx.claims_of(ClaimKind.AUTHOR_CITATION) if not ctx.links.get(c.id)]
    return {r.id for claim in unlinked for r in index.by_authors(claim)[:_MAX_NEAR]}
