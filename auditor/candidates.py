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

from rapidfuzz import fuzz

from auditor.claims.script import has_cjk
from auditor.journal_names import journal_agrees
from auditor.references.identifiers import is_short_doi
from auditor.references.matching import (
    first_page,
    surnames_match,
    title_similarity,
    title_word_changes,
    year_gap,
)
from auditor.references.models import Author, BibliographicQuery, ParsedReference, Record
from auditor.references.sources.parsing import clean_markup

TITLE_THRESHOLD = 80.0  # same work at or above
NEAR_MISS_THRESHOLD = 90.0  # same authors, title below this: the title was altered
_LATIN = re.compile(r"[A-Za-z]")


def is_latin(text: str | None) -> bool:
    """True when the text contains Latin letters (English titles, journal names)."""
    return bool(text and _LATIN.search(text))


def first_surname(record: Record) -> str | None:
    """Family name of the record's first author, if any."""
    return record.authors[0].family if record.authors else None


_MATHML = re.compile(r"</?(?:mml:)?(?:math|mi|mn|mo|msub|msup|msubsup|mrow|mtext)(?:\s[^<>]{0,300})?>")


def _plain(text: str | None) -> str | None:
    """Title or journal as a reader sees it: entities decoded, inline markup dropped, MathML
    flattened without spaces (<mml:msub><mml:mi>CO</mml:mi><mml:mn>2</mml:mn></mml:msub> → CO2)."""
    return clean_markup(_MATHML.sub("", text)) if text else None


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


def _main_title(title: str) -> str:
    return re.split(r"[:：]\s", title, maxsplit=1)[0]


def _title_score(cited: str, recorded: str) -> float:
    """Similarity of the titles, or of either one's main title (a subtitle dropped or added)."""
    return max(
        title_similarity(cited, recorded),
        title_similarity(_main_title(cited), recorded),
        title_similarity(cited, _main_title(recorded)),
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
    recorded_title = _plain(record.title)
    title_score = _title_score(usable_title, recorded_title) if usable_title and recorded_title else None
    plain_record = record.model_copy(
        update={"journal": _plain(record.journal), "journal_abbrev": _plain(record.journal_abbrev)}
    )
    journal_ok = journal_agrees(_plain(query.journal), plain_record) if query.journal else None
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


_GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "κ": "kappa", "μ": "mu", "ω": "omega"}
_FILLER = frozenset(
    ["a", "an", "the", "of", "and", "in", "on", "for", "to", "with", "by", "at", "from", "as"]
)
_SAME_SPELLING = 80.0  # tumour/tumor, colour/color, pluripotnet/pluripotent


def _spelled_alike(a: str, b: str) -> bool:
    a, b = _GREEK.get(a, a), _GREEK.get(b, b)
    return a == b or (not (a.isdigit() or b.isdigit()) and fuzz.ratio(a, b) >= _SAME_SPELLING)


def altered_title_words(cited: str | None, recorded: str | None) -> tuple[list[str], list[str]] | None:
    """Words of a cited title replaced by others of the record's ("mouse" for "human"), or None.

    Dropped or added words (a shortened title, a subtitle Crossref keeps apart) are not a change;
    only a word of the citation standing where the record has a different word is.
    """
    only_cited, only_record = title_word_changes(_plain(cited), _plain(recorded))
    only_cited = [w for w in only_cited if w not in _FILLER]
    only_record = [w for w in only_record if w not in _FILLER]
    cited_left = [w for w in only_cited if not any(_spelled_alike(w, r) for r in only_record)]
    record_left = [r for r in only_record if not any(_spelled_alike(w, r) for w in only_cited)]
    return (cited_left, record_left) if cited_left and record_left else None


def author_differences(cited: list[Author], recorded: list[Author], *, listed_all: bool) -> dict[str, str]:
    """Cited authors the record lacks, and (when the citation claims to list all) omitted ones.

    Only personal names in the same script are compared; `listed_all` is False when the citation
    says "et al" / "等" or lists few enough that omissions are a style choice.
    """
    names = [a for a in recorded if not a.collective]
    people = [a for a in cited if not a.collective]
    if not names or not people or any(has_cjk(a.family) != has_cjk(names[0].family) for a in people):
        return {}
    absent = [a.family for a in people if not any(surnames_match(a.family, n.family) for n in names)]
    diffs: dict[str, str] = {}
    if people[0].family not in absent and not surnames_match(people[0].family, names[0].family):
        diffs["first"] = people[0].family
    if absent:
        diffs["not_in_record"] = ", ".join(absent)
    if listed_all and not absent and len(people) < len(names):
        diffs["omitted"] = ", ".join(n.family for n in names[len(people) :][:10])
    if diffs:
        diffs["cited"] = ", ".join(a.family for a in people[:12])
        diffs["record"] = ", ".join(n.family for n in names[:12]) + (" et al" if len(names) > 12 else "")
    return diffs


def query_of(parsed: ParsedReference, free_text: str | None = None) -> BibliographicQuery:
    """The search query for a parsed reference."""
    return BibliographicQuery(
        authors=[a.family for a in parsed.authors],
        year=parsed.year,
        title=parsed.title,
        journal=parsed.journal,
        volume=parsed.volume,
        first_page=first_page(parsed.pages),
        doi=None if is_short_doi(parsed.doi) else parsed.doi,  # an alias is not searchable
        free_text=free_text,
    )
