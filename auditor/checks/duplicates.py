"""R108: duplicate entries in a reference list (same DOI/PMID/PMCID, or author + year + title).

Entries are indexed by identifier and by (first author, year), so a long list is not compared
pair by pair.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from auditor.checks.registry import CheckContext, CheckSpec, finding, register
from auditor.models import Finding, FindingKind, Severity
from auditor.references.matching import pages_agree, surname_key, title_similarity
from auditor.references.models import Reference

TITLE_SIMILARITY = 90  # 0–100; two titles at or above this are the same title


def _identifier_keys(ref: Reference) -> list[tuple[str, str]]:
    parsed = ref.parsed
    pairs = [("doi", parsed.doi), ("pmid", parsed.pmid), ("pmcid", parsed.pmcid)]
    return [(kind, value.strip().lower()) for kind, value in pairs if value and value.strip()]


_MAX_SAME_AUTHOR_YEAR = 50  # earlier entries compared by title within one (first author, year) group


@dataclass(frozen=True)
class _Entry:
    """A reference with what the comparisons read of it, computed once."""

    ref: Reference
    ids: dict[str, str]  # identifier kind → normalised value
    volume: str


def _entry(ref: Reference) -> _Entry:
    return _Entry(ref, dict(_identifier_keys(ref)), (ref.parsed.volume or "").strip().casefold())


def _told_apart(a: _Entry, b: _Entry) -> bool:
    """Entries whose DOI, PMID, PMCID, volume or first page both give and disagree are two works
    (a paper and its companion, two parts of a series), however alike their titles."""
    if any(kind in b.ids and b.ids[kind] != value for kind, value in a.ids.items()):
        return True
    if a.volume and b.volume and a.volume != b.volume:
        return True
    return not pages_agree(a.ref.parsed.pages, b.ref.parsed.pages)


def _title_twin(entry: _Entry, groups: dict[tuple[str, int], list[_Entry]]) -> Reference | None:
    """An earlier entry with the same first author and year, a title similar by ≥ 90, and nothing
    (identifier, volume, pages) that tells the two apart."""
    parsed = entry.ref.parsed
    if not (parsed.authors and parsed.title and parsed.year):
        return None
    key = (surname_key(parsed.authors[0].family), parsed.year)
    for earlier in groups.get(key, [])[:_MAX_SAME_AUTHOR_YEAR]:
        if _told_apart(entry, earlier) or not earlier.ref.parsed.title:
            continue
        if title_similarity(earlier.ref.parsed.title, parsed.title) >= TITLE_SIMILARITY:
            return earlier.ref
    return None


def _remember(
    entry: _Entry, ids: dict[tuple[str, str], Reference], groups: dict[tuple[str, int], list[_Entry]]
) -> None:
    for key in entry.ids.items():
        ids.setdefault(key, entry.ref)
    parsed = entry.ref.parsed
    if parsed.authors and parsed.title and parsed.year:
        groups.setdefault((surname_key(parsed.authors[0].family), parsed.year), []).append(entry)


def duplicate_pairs(references: Sequence[Reference]) -> Iterator[tuple[Reference, Reference, str]]:
    """(later, earlier, matched_on) for each entry that repeats an earlier one (indexed, not O(n²))."""
    ids: dict[tuple[str, str], Reference] = {}
    groups: dict[tuple[str, int], list[_Entry]] = {}
    for ref in references:
        entry = _entry(ref)
        shared = sorted(key for key in entry.ids.items() if key in ids)
        if shared:
            yield ref, ids[shared[0]], shared[0][0]
        else:
            twin = _title_twin(entry, groups)
            if twin is not None:
                yield ref, twin, "author+year+title"
        _remember(entry, ids, groups)


def context_duplicates(ctx: CheckContext) -> list[tuple[Reference, Reference, str]]:
    """`duplicate_pairs(ctx.references)`, found once per context (R105 and R108 both read them)."""
    return ctx.shared("duplicate_pairs", lambda c: list(duplicate_pairs(c.references)))


@register(
    CheckSpec(
        "R108",
        FindingKind.DUPLICATE_REFERENCE,
        Severity.WARNING,
        "Two list entries are the same work (same DOI/PMID/PMCID, or author, year and title).",
    ),
)
def duplicate_reference(ctx: CheckContext) -> Iterator[Finding]:
    """Report each later entry that repeats an earlier one."""
    position = {ref.id: n for n, ref in enumerate(ctx.references, start=1)}
    for ref, earlier, reason in context_duplicates(ctx):
        labels = (ref.label or position[ref.id], earlier.label or position[earlier.id])
        yield finding(
            "R108",
            f"Reference {labels[0]} repeats reference {labels[1]} (same {reason}).",
            span=ref.span,
            quote=ref.text,
            reference_id=ref.id,
            evidence={"duplicate_of": earlier.id, "duplicate_of_label": earlier.label, "matched_on": reason},
            suggestion="merge the two entries and renumber the citations",
        )
