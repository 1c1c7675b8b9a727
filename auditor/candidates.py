"""Comparing a cited work with a record: the precision-first acceptance rule of DESIGN.md.

A search candidate is accepted only if the first author's surname matches, the year is within
±1, and the title is similar (≥ 80) — or, when the citation's title is a translation or absent,
the journal matches, or volume and first page agree. Titles, surnames and journals are compared
with `references.matching` (the one implementation); this module adds what a real record differs
by from a citation: markup and entities, acronyms and conference short names
(`auditor.journal_names`). Pure functions, no I/O; used by the resolver and the M4xx checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.journal_names import journal_agrees
from references.matching import first_page, surnames_match, title_similarity, year_gap
from references.models import Author, BibliographicQuery, ParsedReference, Record
from references.sources.parsing import clean_markup

TITLE_THRESHOLD = 80.0  # same work at or above
NEAR_MISS_THRESHOLD = 90.0  # same authors, title below this: the title was altered
_LATIN = re.compile(r"[A-Za-z]")
_CJK = re.compile(r"[\u3400-\u9fff]")


def is_latin(text: str | None) -> bool:
    """True when the text contains Latin letters (English titles, journal names)."""
    return bool(text and _LATIN.search(text))


def has_cjk(text: str | None) -> bool:
    """True when the text contains Chinese characters."""
    return bool(text and _CJK.search(text))


def first_surname(record: Record) -> str | None:
    """Family name of the record's first author, if any."""
    return record.authors[0].family if record.authors else None


def _plain(text: str | None) -> str | None:
    """Title or journal as a reader sees it: entities decoded, inline markup and MathML dropped."""
    return clean_markup(text) if text else None


@dataclass(frozen=True)
class Comparison:
    """How a record agrees with a citation, field by field (None = not comparable)."""

    author: bool | None
    year_off: int | None
    title_score: float | None
    journal: bool | None
    translated: bool
    volume_page: bool | None = None  # volume AND first page both given and equal

    @property
    def same_work(self) -> bool:
        """Acceptance rule: author AND year ±1 AND (title ≥ 80, or journal / volume+page when the
        title is unusable).

        Author and year alone accept nothing: "Kim 2019" fits thousands of works.
        """
        if not self.author or self.year_off is None or self.year_off > 1:
            return False
        if self.title_score is not None:
            return self.title_score >= TITLE_THRESHOLD or (
                self.translated and bool(self.journal or self.volume_page)
            )
        return bool(self.journal or self.volume_page)

    @property
    def score(self) -> float:
        """A single figure for ranking candidates (title score, or 80 for journal-only matches)."""
        usable = self.journal or self.volume_page
        base = self.title_score if self.title_score is not None else (80.0 if usable else 60.0)
        return base + (5.0 if self.volume_page else 0.0) - 5.0 * (self.year_off or 0)


def _volume_page(query: BibliographicQuery, record: Record) -> bool | None:
    if not (query.volume and query.first_page and record.volume and record.pages):
        return None
    first = (first_page(record.pages) or "").casefold()
    return query.volume.strip().casefold() == record.volume.strip().casefold() and (
        query.first_page.strip().casefold() == first
    )


def compare(query: BibliographicQuery, record: Record, *, translated: bool = False) -> Comparison:
    """Compare a citation (as a query) with a record."""
    recorded = first_surname(record)
    cited_first = query.authors[0] if query.authors else None
    comparable = cited_first and recorded and has_cjk(cited_first) == has_cjk(recorded)
    author = surnames_match(cited_first, recorded) if comparable else None  # type: ignore[arg-type]
    year_off = year_gap(query.year, record.year)
    cited_title = _plain(query.title)
    latin_title = is_latin(cited_title) and not has_cjk(cited_title) and not translated
    usable_title = cited_title if latin_title else None
    title_score = (
        title_similarity(usable_title, _plain(record.title)) if usable_title and record.title else None
    )
    journal_ok = journal_agrees(query.journal, record) if query.journal else None
    if journal_ok is False and not is_latin(query.journal):
        journal_ok = None  # a Chinese name the term table does not know: not comparable
    title_unusable = translated or bool(query.title and not usable_title)
    return Comparison(author, year_off, title_score, journal_ok, title_unusable, _volume_page(query, record))


def best_candidate(
    query: BibliographicQuery, candidates: list[Record], *, translated: bool = False
) -> tuple[Record, float] | None:
    """The highest-scoring candidate that passes the acceptance rule, with its score."""
    accepted = [(r, compare(query, r, translated=translated)) for r in candidates]
    passing = [(r, c.score) for r, c in accepted if c.same_work]
    return max(passing, key=lambda pair: pair[1]) if passing else None


def author_overlap(cited: list[Author], recorded: list[Author]) -> int | None:
    """How many cited (personal, comparable) authors are among the record's; None if not comparable."""
    names = [a.family for a in recorded if not a.collective]
    if not names:
        return None
    people = [a for a in cited if not a.collective and has_cjk(a.family) == has_cjk(names[0])]
    if not people:
        return None
    return sum(any(surnames_match(a.family, n) for n in names) for a in people)


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
