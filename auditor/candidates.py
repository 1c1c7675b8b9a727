"""Comparing a cited work with a record: the precision-first acceptance rule of DESIGN.md.

A search candidate is accepted only if the first author's surname matches, the year is within
±1, and the title is similar (`references.matching.title_similarity` ≥ 80) — or, when the
citation's title is a translation or absent, the journal matches. Pure functions, no I/O; used
by the resolver and the M4xx checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from references.matching import first_page, journal_matches, surnames_match, title_similarity, year_gap
from references.models import BibliographicQuery, ParsedReference, Record

TITLE_THRESHOLD = 80.0
_LATIN = re.compile(r"[A-Za-z]")


def is_latin(text: str | None) -> bool:
    """True when the text contains Latin letters (English titles, journal names)."""
    return bool(text and _LATIN.search(text))


def first_surname(record: Record) -> str | None:
    """Family name of the record's first author, if any."""
    return record.authors[0].family if record.authors else None


@dataclass(frozen=True)
class Comparison:
    """How a record agrees with a citation, field by field (None = not comparable)."""

    author: bool | None
    year_off: int | None
    title_score: float | None
    journal: bool | None
    translated: bool

    @property
    def same_work(self) -> bool:
        """Acceptance rule: author AND year ±1 AND (title ≥ 80 OR journal when title unusable).

        Author and year alone accept nothing: "Kim 2019" fits thousands of works.
        """
        if not self.author or self.year_off is None or self.year_off > 1:
            return False
        if self.title_score is not None:
            return self.title_score >= TITLE_THRESHOLD or (self.translated and bool(self.journal))
        return bool(self.journal)

    @property
    def score(self) -> float:
        """A single figure for ranking candidates (title score, or 80 for journal-only matches)."""
        base = self.title_score if self.title_score is not None else (80.0 if self.journal else 60.0)
        return base - 5.0 * (self.year_off or 0)


def compare(query: BibliographicQuery, record: Record, *, translated: bool = False) -> Comparison:
    """Compare a citation (as a query) with a record."""
    recorded = first_surname(record)
    author = surnames_match(query.authors[0], recorded) if query.authors and recorded else None
    year_off = year_gap(query.year, record.year)
    usable_title = query.title if query.title and is_latin(query.title) and not translated else None
    title_score = title_similarity(usable_title, record.title) if usable_title and record.title else None
    journal_ok = journal_matches(query.journal, record) if query.journal and is_latin(query.journal) else None
    title_unusable = translated or bool(query.title and not usable_title)
    return Comparison(author, year_off, title_score, journal_ok, title_unusable)


def best_candidate(
    query: BibliographicQuery, candidates: list[Record], *, translated: bool = False
) -> tuple[Record, float] | None:
    """The highest-scoring candidate that passes the acceptance rule, with its score."""
    accepted = [(r, compare(query, r, translated=translated)) for r in candidates]
    passing = [(r, c.score) for r, c in accepted if c.same_work]
    return max(passing, key=lambda pair: pair[1]) if passing else None


def query_of(parsed: ParsedReference, free_text: str | None = None) -> BibliographicQuery:
    """The search query for a parsed reference."""
    return BibliographicQuery(
        authors=[a.family for a in parsed.authors],
        year=parsed.year,
        title=parsed.title,
        journal=parsed.journal,
        volume=parsed.volume,
        first_page=first_page(parsed.pages),
        doi=parsed.doi,
        free_text=free_text,
    )
