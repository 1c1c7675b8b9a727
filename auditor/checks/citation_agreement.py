"""R106/R107: the author or year the text gives disagrees with the numbered reference it cites.

"Majore et al. 2010 (9)" against reference 9 (`citation_neighbours` says which numbers a name
carries), and a year the clause of a numbered citation states for the cited work ("a 2019 paper⁴",
"詹納於1795年出版的這本書²": the citation's `stated_year`) against that reference's year.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from auditor.checks.citation_neighbours import CitationIndex, following_numbers, ref_summary
from auditor.checks.registry import CheckContext, CheckSpec, finding, register
from auditor.claims.models import Claim, ClaimKind
from auditor.claims.script import has_cjk
from auditor.linking import (
    ReferenceIndex,
    author_list_truncated,
    cited_name_keys,
    reference_author_keys,
    references_by_number,
)
from auditor.models import Finding, FindingKind, Severity
from auditor.references.models import Reference


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


def _same_author(claim: Claim, refs: list[Reference], index: ReferenceIndex) -> list[Reference] | None:
    """Cited references that have the named author; None when the names cannot be compared.

    Not comparable: "X et al." against an entry whose author list ends in "et al." before X
    could be listed (`_may_be_hidden`), a group author against entries of persons (a group's
    paper is often listed under its writing committee), or a name in one script against first
    authors in the other (陳 is Chen, Chan or Tan depending on the romanisation).
    """
    names = [str(a) for a in claim.normalized.get("authors") or [] if a]
    keys = frozenset(k for name in names for k in cited_name_keys(claim, name))
    if not keys:
        return None
    same = [r for r in refs if keys & frozenset(k for ks in reference_author_keys(r) for k in ks)]
    if same:
        return same
    if _may_be_hidden(claim, refs, keys, index):
        return None  # "McClung et al." and "Cummings, S. R. et al.": McClung may be a later author
    cross_script = any(has_cjk(a.family) != has_cjk(names[0]) for r in refs for a in r.parsed.authors[:1])
    if claim.normalized.get("group") or cross_script:
        return None
    return []


def _may_be_hidden(claim: Claim, refs: list[Reference], keys: frozenset[str], index: ReferenceIndex) -> bool:
    """Whether "X et al." may name an author the cited entry's "et al." leaves out.

    Not when the text names X alone ("Baxby³": the text says X wrote it, the entry says a team
    led by another did), nor when X is the first author of another entry (the text names that work).
    """
    if not claim.normalized.get("et_al") or any(k in index.first_author for k in keys):
        return False
    return any(author_list_truncated(r) for r in refs)


def _mismatch(claim: Claim, refs: list[Reference], index: ReferenceIndex) -> _Mismatch | None:
    """The disagreement when the author or year of `claim` disagrees with every cited ref."""
    if not refs:
        return None
    same_author = _same_author(claim, refs, index)
    year = claim.normalized.get("year")
    evidence: dict[str, object] = {
        "cited_authors": claim.normalized.get("authors"),
        "cited_year": year,
        "references": [ref_summary(r) for r in refs],
    }
    if same_author == []:
        message = "The author named in the text is not an author of the reference cited here."
        return _Mismatch("R106", message, refs[0], 0, evidence)
    return _year_mismatch(year, refs if same_author is None else same_author, evidence)


def _year_mismatch(year: object, refs: list[Reference], evidence: dict[str, object]) -> _Mismatch | None:
    """R107 when every cited entry has a year and none is `year`."""
    known = [r for r in refs if r.parsed.year is not None]
    if not isinstance(year, int) or not known or len(known) < len(refs):
        return None
    if any(r.parsed.year == year for r in known):
        return None
    closest = min(known, key=lambda r: abs(year - (r.parsed.year or 0)))
    gap = abs(year - (closest.parsed.year or 0))
    message = f"The text gives {year} but the cited reference is from {closest.parsed.year}."
    return _Mismatch("R107", message, closest, gap, evidence)


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
    """Compare "Majore et al. 2010 … (9)" and "a 2010 paper (9)" with the author and year of reference 9."""
    citations = CitationIndex.of(ctx)
    by_number = references_by_number(ctx.references)
    carried: set[str] = set()  # numbered citations an author citation speaks for
    for claim in ctx.claims_of(ClaimKind.AUTHOR_CITATION):
        following = following_numbers(ctx.document.text, citations, claim)
        if claim.normalized.get("year") is not None:  # else the numbers' own stated years are compared
            carried.update(c.id for c in following)
        yield from _reported(claim, _mismatch(claim, _cited_refs(by_number, following), ctx.index))
    for claim in ctx.claims_of(ClaimKind.NUMBERED_CITATION):
        year = claim.normalized.get("stated_year")
        if year is None or claim.id in carried:
            continue
        refs = [r for n in claim.normalized.get("numbers") or [] if (r := by_number.get(int(n)))]
        evidence: dict[str, object] = {"stated_year": year, "references": [ref_summary(r) for r in refs]}
        yield from _reported(claim, _year_mismatch(year, refs, evidence))


def _reported(claim: Claim, found: _Mismatch | None) -> Iterator[Finding]:
    if found is not None:
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
