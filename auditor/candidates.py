"""Comparing a cited work with a record: the precision-first acceptance rule of DESIGN.md.

A search candidate is accepted only if the first author's surname matches, the year is within
±1, and the title is similar (rapidfuzz ≥ 80) — or, when the citation's title is a translation or
absent, the journal matches. Pure functions, no I/O; used by the resolver and the M4xx checks.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from references.models import BibliographicQuery, ParsedReference, Record

TITLE_THRESHOLD = 80.0
_NON_WORD = re.compile(r"[^0-9a-z]{1,50}")
_LATIN = re.compile(r"[A-Za-z]")
_JOURNAL_STOP = re.compile(r"^the |[.,:;()&]| of | and | journal ")


def surname_key(name: str) -> str:
    """Lower-case ASCII letters of a surname ("Müller" → "muller", "O'Brien" → "obrien")."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return "".join(ch for ch in folded.lower() if ch.isalpha())


def surnames_match(cited: str, recorded: str) -> bool:
    """Same surname after folding; a compound surname matches either of its parts."""
    a, b = surname_key(cited), surname_key(recorded)
    if not a or not b:
        return False
    return a == b or (len(a) > 3 and len(b) > 3 and (a in b or b in a))


def title_similarity(a: str | None, b: str | None) -> float:
    """0–100 similarity of two titles, ignoring case, punctuation and a trailing period."""
    if not a or not b:
        return 0.0
    left, right = _NON_WORD.sub(" ", a.lower()).strip(), _NON_WORD.sub(" ", b.lower()).strip()
    return float(fuzz.token_sort_ratio(left, right))


def is_latin(text: str | None) -> bool:
    """True when the text contains Latin letters (English titles, journal names)."""
    return bool(text and _LATIN.search(text))


def journal_key(name: str) -> str:
    """Lower-case journal name without "The", punctuation and filler words."""
    lowered = " " + name.lower().strip() + " "
    return "".join(_JOURNAL_STOP.sub(" ", lowered).split())


def journals_match(cited: str | None, record: Record) -> bool:
    """The cited journal is the record's full title or ISO abbreviation (case, "The", dots ignored)."""
    if not cited:
        return False
    key = journal_key(cited)
    names = [n for n in (record.journal, record.journal_abbrev) if n]
    return any(journal_key(n) == key or fuzz.ratio(journal_key(n), key) >= 92 for n in names)


def years_close(cited: int | None, recorded: int | None, slack: int = 1) -> bool:
    """Years within ±slack (both must be known)."""
    return cited is not None and recorded is not None and abs(cited - recorded) <= slack


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
    year_off = abs(query.year - record.year) if query.year is not None and record.year is not None else None
    usable_title = query.title if query.title and is_latin(query.title) and not translated else None
    title_score = title_similarity(usable_title, record.title) if usable_title and record.title else None
    journal_ok = journals_match(query.journal, record) if query.journal and is_latin(query.journal) else None
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
    first_page = parsed.pages.split("-")[0].strip() if parsed.pages else None
    return BibliographicQuery(
        authors=[a.family for a in parsed.authors],
        year=parsed.year,
        title=parsed.title,
        journal=parsed.journal,
        volume=parsed.volume,
        first_page=first_page,
        doi=parsed.doi,
        free_text=free_text,
    )
