"""R1xx: citations against the article's own reference list (offline).

Missing references (numbered, formal author-year, narrative mentions, named studies), references
never cited, in-text author/year disagreeing with the numbered reference. Duplicate entries
(R108) are in `duplicates`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from auditor.checks.claim_index import ClaimIndex
from auditor.checks.duplicates import duplicate_pairs
from auditor.checks.registry import CheckContext, CheckSpec, finding, register
from auditor.checks.sentence_context import sentence_at
from auditor.claims.models import Claim, ClaimKind
from auditor.linking import (
    ReferenceIndex,
    cited_name_keys,
    link_citations,
    reference_author_keys,
    references_by_number,
)
from auditor.models import Finding, FindingKind, Severity
from auditor.references.models import Reference

NO_LIST = "the article has no reference list"
_MAX_FOLLOWING = 4  # numbered citations compared with one author citation
_OPENERS = ("(", "（", "[", "［")
_AUTHORED = (ClaimKind.AUTHOR_CITATION, ClaimKind.NAMED_STUDY)
_MAX_NEAR = 3  # entries by the same first author shown when the year does not match


def _list_state(ctx: CheckContext) -> str:
    count = len(ctx.references)
    return NO_LIST if count == 0 else f"the reference list has {count} entries"


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


def _number_in_sentence(ctx: CheckContext, numbers: ClaimIndex, claim: Claim) -> bool:
    start, end = sentence_at(ctx.document.text, claim.span.start)
    return numbers.any_starting_in(start, end)


def _is_formal(ctx: CheckContext, claim: Claim) -> bool:
    """A parenthetical author-year citation such as "(Li et al., 2022, Cell Therapy)"."""
    before = ctx.document.text[max(0, claim.span.start - 1) : claim.span.start]
    opens = claim.text.lstrip()[:1] in _OPENERS or before in _OPENERS
    formal = opens or claim.normalized.get("form") == "parenthetical"
    return formal and claim.normalized.get("year") is not None


def _covered(ctx: CheckContext, numbers: ClaimIndex, claim: Claim) -> bool:
    """Linked to a reference, or backed by a numbered citation in the same sentence."""
    return bool(ctx.links.get(claim.id)) or _number_in_sentence(ctx, numbers, claim)


def _links(ctx: CheckContext) -> CheckContext:
    if ctx.links:
        return ctx

    return replace(ctx, links=link_citations(ctx.claims, ctx.index))


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
    """Author citations must match a reference (by first-author surname and year)."""
    ctx = _links(ctx)
    numbers = ClaimIndex(ctx.claims, ClaimKind.NUMBERED_CITATION)
    index = ctx.index
    for claim in ctx.claims_of(ClaimKind.AUTHOR_CITATION):
        if _covered(ctx, numbers, claim):
            continue
        code = "R102" if _is_formal(ctx, claim) else "R103"
        who = ", ".join(claim.normalized.get("authors") or []) or claim.text
        year = claim.normalized.get("year")
        cited = f"{who} {year}{claim.normalized.get('suffix') or ''}" if year else who
        near = index.by_authors(claim)[:_MAX_NEAR]
        shown = "; ".join(_entry_name(r, index) for r in near)
        tail = f"; the list has {shown}" if near else _message_tail(ctx)
        yield finding(
            code,
            f"No reference matches the citation of {cited}{tail}.",
            span=claim.span,
            quote=claim.text,
            claim_id=claim.id,
            evidence={
                "authors": claim.normalized.get("authors") or [],
                "year": year,
                "reference_list": _list_state(ctx),
                "same_author_entries": [_ref_summary(r) for r in near],
            },
            suggestion="correct the year, add the cited work to the reference list, or cite it by its number",
        )


def _entry_name(ref: Reference, index: ReferenceIndex) -> str:
    first = ref.parsed.authors[0].family if ref.parsed.authors else ref.text[:40]
    return f"{first} {index.years.get(ref.id) or 'n.d.'}"


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
    numbers = ClaimIndex(ctx.claims, ClaimKind.NUMBERED_CITATION)
    for claim in ctx.claims_of(ClaimKind.NAMED_STUDY):
        if _covered(ctx, numbers, claim):
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
    repeats = {later.id for later, _, _ in duplicate_pairs(ctx.references)}  # reported by R108 instead
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


def _following_numbers(text: str, numbers: ClaimIndex, authored: ClaimIndex, claim: Claim) -> list[Claim]:
    """Numbered citations after an author citation, up to the next author citation in its sentence."""
    _, end = sentence_at(text, claim.span.start)
    later = authored.starting_in(claim.span.end, end, limit=1)
    stop = later[0].span.start if later else end
    return numbers.starting_in(claim.span.end, stop, limit=_MAX_FOLLOWING)


def _cited_refs(by_number: dict[int, Reference], numbers: Sequence[Claim]) -> list[Reference]:
    refs = [by_number.get(int(n)) for c in numbers for n in c.normalized.get("numbers") or []]
    return [r for r in refs if r is not None and r.parsed.authors]


@dataclass(frozen=True)
class _Mismatch:
    """What disagrees between an author citation and the numbered references it sits with."""

    code: str
    message: str
    reference: Reference
    year_gap: int
    evidence: dict[str, object]


def _is_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def _same_author(claim: Claim, refs: list[Reference]) -> list[Reference] | None:
    """Cited references that have the named author; None when the names cannot be compared.

    Not comparable: a group author against entries of persons (a group's paper is often listed
    under its writing committee), or a name in one script against first authors in the other (陳
    is Chen, Chan or Tan depending on the romanisation).
    """
    names = [str(a) for a in claim.normalized.get("authors") or [] if a]
    keys = frozenset(k for name in names for k in cited_name_keys(claim, name))
    if not keys:
        return None
    same = [r for r in refs if keys & frozenset(k for ks in reference_author_keys(r) for k in ks)]
    if same:
        return same
    cross_script = any(_is_cjk(a.family) != _is_cjk(names[0]) for r in refs for a in r.parsed.authors[:1])
    if claim.normalized.get("group") or cross_script:
        return None
    return []


def _mismatch(claim: Claim, refs: list[Reference]) -> _Mismatch | None:
    """The disagreement when the author or year of `claim` disagrees with every cited ref."""
    if not refs:
        return None
    same_author = _same_author(claim, refs)
    year = claim.normalized.get("year")
    evidence: dict[str, object] = {
        "cited_authors": claim.normalized.get("authors"),
        "cited_year": year,
        "references": [_ref_summary(r) for r in refs],
    }
    if same_author == []:
        message = "The author named in the text is not an author of the reference cited here."
        return _Mismatch("R106", message, refs[0], 0, evidence)
    dated = refs if same_author is None else same_author
    known = [r for r in dated if r.parsed.year is not None]
    if not isinstance(year, int) or not known or len(known) < len(dated):
        return None
    if any(r.parsed.year == year for r in known):
        return None
    closest = min(known, key=lambda r: abs(year - (r.parsed.year or 0)))
    gap = abs(year - (closest.parsed.year or 0))
    message = f"The text gives {year} but the cited reference is from {closest.parsed.year}."
    return _Mismatch("R107", message, closest, gap, evidence)


def _ref_summary(ref: Reference) -> dict[str, object]:
    authors = [a.family for a in ref.parsed.authors[:3]]
    return {"id": ref.id, "label": ref.label, "authors": authors, "year": ref.parsed.year}


@register(
    CheckSpec(
        "R106",
        FindingKind.CITATION_MISMATCH,
        Severity.ERROR,
        "Author named in the text is not an author of the numbered reference it cites.",
    ),
    CheckSpec(
        "R107",
        FindingKind.CITATION_MISMATCH,
        Severity.WARNING,
        "Year given in the text differs from the year of the numbered reference it cites.",
    ),
)
def citation_disagrees_with_reference(ctx: CheckContext) -> Iterator[Finding]:
    """Compare "Majore et al. 2010 … (9)" with the author and year of reference 9."""
    numbers = ClaimIndex(ctx.claims, ClaimKind.NUMBERED_CITATION)
    authored = ClaimIndex(ctx.claims, *_AUTHORED)
    by_number = references_by_number(ctx.references)
    for claim in ctx.claims_of(ClaimKind.AUTHOR_CITATION):
        following = _following_numbers(ctx.document.text, numbers, authored, claim)
        found = _mismatch(claim, _cited_refs(by_number, following))
        if found is None:
            continue
        severity = Severity.ERROR if found.code == "R107" and found.year_gap > 1 else None
        extra = {"severity": severity} if severity else {}
        yield finding(
            found.code,
            found.message,
            span=claim.span,
            quote=claim.text,
            claim_id=claim.id,
            reference_id=found.reference.id,
            evidence=found.evidence,
            suggestion="correct the author/year in the text or the citation number",
            **extra,
        )
