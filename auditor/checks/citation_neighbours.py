"""Which numbered citations an author citation or named study carries (pure, indexed queries).

"Baden等人²主持的試驗…方案[3]": the ² right after the name is its citation, not the [3] that closes the
sentence; "Lynch and colleagues found in 2001 (6)": with nothing right after the name, the
numbers after it in its sentence, up to the next author citation or named study.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditor.checks.claim_index import ClaimIndex
from auditor.checks.registry import CheckContext
from auditor.claims.models import Claim, ClaimKind
from auditor.claims.text import sentence_at
from auditor.references.models import Reference

AUTHORED = (ClaimKind.AUTHOR_CITATION, ClaimKind.NAMED_STUDY)
_MAX_FOLLOWING = 4  # numbered citations compared with one author citation
_ADJACENT = 2  # blanks between a name and the citation right after it ("Paez et al. (6)")


@dataclass(frozen=True)
class CitationIndex:
    """The citation claims of a document, indexed for neighbour queries."""

    numbers: ClaimIndex
    authored: ClaimIndex

    @classmethod
    def of(cls, ctx: CheckContext) -> CitationIndex:
        """The numbered citations and the author citations / named studies of the context's claims."""
        return cls(ctx.claim_index(ClaimKind.NUMBERED_CITATION), ctx.claim_index(*AUTHORED))


def following_numbers(text: str, index: CitationIndex, claim: Claim) -> list[Claim]:
    """The numbered citations an author citation or named study carries.

    Those right after it ("Baden等人²", "Paez et al. (6)", "Mali and colleagues^5^": a run of
    citations at most two blanks apart) when there are any; else those after it up to the next
    author citation or named study in its sentence (the sentence where it ends: a mention may
    wrap over a line).
    """
    _, end = sentence_at(text, max(claim.span.start, claim.span.end - 1))
    later = index.authored.starting_in(claim.span.end, end, limit=1)
    stop = later[0].span.start if later else end
    found = index.numbers.starting_in(claim.span.end, stop, limit=_MAX_FOLLOWING)
    run: list[Claim] = []
    reach = claim.span.end
    for number in found:
        if number.span.start - reach > _ADJACENT or text[reach : number.span.start].strip():
            break
        run.append(number)
        reach = number.span.end
    return run or found


def ref_summary(ref: Reference) -> dict[str, object]:
    """Id, label, first three authors and year of an entry (for evidence)."""
    authors = [a.family for a in ref.parsed.authors[:3]]
    return {"id": ref.id, "label": ref.label, "authors": authors, "year": ref.parsed.year}
