"""Link citation claims to the references they cite (pure: no I/O).

Numbered citations link by label number; author citations and named studies link by first-author
surname (accent- and case-insensitive) and year, and named studies also by journal + year, the
journal given in English or in a known Chinese translation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from claims.models import Claim, ClaimKind
from references.matching import surname_key, translate_journal, year_matches
from references.models import Reference

_MAX_TEXT_SCAN = 2000  # reference texts searched for a journal name only in lists up to this size
_JOURNAL_NOISE = re.compile(r"[^0-9a-z\u4e00-\u9fff]")


def journal_key(name: str) -> str:
    """A comparable form of a journal name: lower case, letters and digits only, no leading "the"."""
    folded = unicodedata.normalize("NFKC", name).casefold().strip()
    folded = folded.removeprefix("the ")
    return _JOURNAL_NOISE.sub("", folded)


def journal_names(name: str) -> set[str]:
    """Keys of a cited journal name and of its English names, when a translation is known."""
    keys = {journal_key(name), *(journal_key(form) for form in translate_journal(name))}
    return {k for k in keys if k}


def references_by_number(references: Sequence[Reference]) -> dict[int, Reference]:
    """Reference number → reference: its numeric label, else (unlabelled) its 1-based position.

    A reference with a non-numeric label (a BibTeX key such as "Smith2019") has no number.
    """
    by_label: dict[int, Reference] = {}
    for position, ref in enumerate(references, start=1):
        label = (ref.label or "").strip().strip("[]().（）［］")
        if label and not (label.isascii() and label.isdigit()):
            continue
        by_label.setdefault(int(label) if label else position, ref)
    return by_label


def _author_keys(ref: Reference) -> list[str]:
    return [surname_key(a.family) for a in ref.parsed.authors if a.family]


class ReferenceIndex:
    """References indexed by author surname key and journal key (built once per document)."""

    def __init__(self, references: Sequence[Reference]) -> None:
        self.references = list(references)
        self.first_author: dict[str, list[Reference]] = {}
        self.any_author: dict[str, list[Reference]] = {}
        self.journal: dict[str, list[Reference]] = {}
        for ref in self.references:
            keys = _author_keys(ref)
            if keys:
                self.first_author.setdefault(keys[0], []).append(ref)
            for key in dict.fromkeys(keys):
                self.any_author.setdefault(key, []).append(ref)
            if ref.parsed.journal:
                self.journal.setdefault(journal_key(ref.parsed.journal), []).append(ref)

    def by_authors(self, authors: Iterable[str]) -> list[Reference]:
        """References whose first author is the first cited name; else whose authors include all/any."""
        keys = list(dict.fromkeys(k for k in (surname_key(a) for a in authors) if k))
        if not keys:
            return []
        if keys[0] in self.first_author:
            return list(self.first_author[keys[0]])
        pools = [self.any_author.get(k, []) for k in keys]
        id_sets = [{id(r) for r in pool} for pool in pools[1:]]
        every = [r for r in pools[0] if all(id(r) in ids for ids in id_sets)]
        return every or list({id(r): r for pool in pools for r in pool}.values())

    def by_journal(self, journal: str, year: int | None) -> list[Reference]:
        """References in that journal (or its known English name), in that year when given."""
        keys = journal_names(journal)
        hits = [r for k in keys for r in self.journal.get(k, [])]
        if not hits and len(self.references) <= _MAX_TEXT_SCAN:
            long_keys = [k for k in keys if len(k) >= 6]
            hits = [r for r in self.references if any(k in journal_key(r.text) for k in long_keys)]
        return _by_year(year, hits) if year is not None else hits


def _by_year(year: int | None, candidates: list[Reference]) -> list[Reference]:
    """Exact-year candidates; else those one year off (online vs print) or without a year."""
    if year is None:
        return candidates
    exact = [r for r in candidates if r.parsed.year == year]
    return exact or [r for r in candidates if year_matches(year, r.parsed.year, tolerance=1)]


def link_author_citation(claim: Claim, references: Sequence[Reference] | ReferenceIndex) -> tuple[str, ...]:
    """Ids of the references an author citation or named study points to (may be empty)."""
    index = references if isinstance(references, ReferenceIndex) else ReferenceIndex(references)
    norm = claim.normalized
    year = norm.get("year")
    hits = _by_year(year, index.by_authors(norm.get("authors") or []))
    journal = norm.get("journal")
    if not hits and journal:
        hits = index.by_journal(str(journal), year)
    return tuple(r.id for r in hits)


def link_numbered_citation(claim: Claim, numbered: dict[int, Reference]) -> tuple[str, ...]:
    """Ids of the references a numbered citation points to, in the order cited."""
    ids: dict[str, None] = {}
    for number in claim.normalized.get("numbers") or []:
        ref = numbered.get(int(number))
        if ref is not None:
            ids.setdefault(ref.id)
    return tuple(ids)


def link_citations(claims: Sequence[Claim], references: Sequence[Reference]) -> dict[str, tuple[str, ...]]:
    """Claim id → ids of the references it cites, for every citation claim (empty tuple: none)."""
    numbered = references_by_number(references)
    index = ReferenceIndex(references)
    links: dict[str, tuple[str, ...]] = {}
    for claim in claims:
        if claim.kind is ClaimKind.NUMBERED_CITATION:
            links[claim.id] = link_numbered_citation(claim, numbered)
        elif claim.kind in (ClaimKind.AUTHOR_CITATION, ClaimKind.NAMED_STUDY):
            links[claim.id] = link_author_citation(claim, index)
    return links
