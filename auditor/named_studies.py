"""Named studies ("2023年，美国加州大学洛杉矶分校(UCLA)的研究团队在《Science Translational Medicine》
发表研究…"): the search for the work, and whether a candidate is it. Pure functions.

The search gives the institution in English (references/data/institutions.json, or the Latin
acronym or name the text gives), the journal (English title, translated if needed), the year, and
the topic: Chinese words of the sentence translated through references/data/topic_terms.json,
or the distinctive English words of an English sentence. A candidate is the study only if its
journal is the named journal, its year is within ±1, and its title or abstract speaks of the topic
(at least two of the sentence's topic concepts, or its only one).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from auditor.candidates import is_latin
from auditor.claims.models import Claim, ClaimKind
from auditor.claims.script import has_cjk
from auditor.journal_names import journal_agrees, simplified
from auditor.references.matching import first_author_matches
from auditor.references.models import BibliographicQuery, Record
from auditor.references.sources.parsing import clean_markup
from auditor.resolve_inputs import english_journal_name

_ACRONYM = re.compile(r"[(（]\s{0,2}([A-Z][A-Za-z&]{1,11})\s{0,2}[)）]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z-]{4,30}")
_STOP = frozenset(
    [
        "about",
        "after",
        "again",
        "against",
        "among",
        "because",
        "before",
        "being",
        "between",
        "could",
        "during",
        "journal",
        "published",
        "research",
        "researchers",
        "science",
        "scientists",
        "should",
        "showed",
        "shows",
        "study",
        "studies",
        "their",
        "there",
        "these",
        "those",
        "through",
        "which",
        "while",
        "would",
        "team",
        "university",
        "institute",
        "hospital",
        "medicine",
        "found",
        "reported",
        "report",
        "results",
        "result",
        "recent",
        "recently",
        "years",
        "their",
        "new",
        "cells",
        "human",
        "humans",
        "generated",
        "patients",
        "using",
        "shown",
        "could",
    ]
)
_MAX_CONCEPTS = 6
_LONGEST_TERM = 10


@dataclass(frozen=True)
class StudySearch:
    """The search for a named study and the topic concepts a candidate must speak of."""

    query: BibliographicQuery
    concepts: tuple[tuple[str, ...], ...]  # each concept: English alternatives
    first_author: str | None = None  # an author-year mention: the surname the record must have


def _table(name: str, key: str) -> dict[str, object]:
    raw = resources.files("auditor.references").joinpath(f"data/{name}").read_text("utf-8")
    return dict(json.loads(raw)[key])


@lru_cache(maxsize=1)
def topic_terms() -> dict[str, list[str]]:
    """Chinese topic word → English search words (references/data/topic_terms.json)."""
    return {k: list(v) for k, v in _table("topic_terms.json", "terms").items()}  # type: ignore[call-overload]


@lru_cache(maxsize=1)
def institutions() -> dict[str, str]:
    """Chinese institution name → English affiliation (references/data/institutions.json)."""
    return {k: str(v) for k, v in _table("institutions.json", "institutions").items()}


def english_institution(name: str | None) -> str | None:
    """The institution as PubMed affiliations write it, or None when it cannot be told."""
    if not name:
        return None
    acronym = _ACRONYM.search(name)
    base = simplified(_ACRONYM.sub("", name)).strip()
    table = institutions()
    known = next((table[k] for k in sorted(table, key=len, reverse=True) if k in base), None)
    if known:
        return known
    if not has_cjk(base) and len(base) >= 4:
        return base
    return acronym.group(1) if acronym else None


@lru_cache(maxsize=1)
def _term_starts() -> frozenset[str]:
    """The first characters of the topic terms: no term is looked for where none starts."""
    return frozenset(term[0] for term in topic_terms() if term)


def chinese_topics(sentence: str) -> list[tuple[str, ...]]:
    """Topic concepts of a Chinese sentence, longest terms first, without overlaps."""
    text, table, starts = simplified(sentence), topic_terms(), _term_starts()
    found: list[tuple[str, ...]] = []
    position = 0
    while position < len(text) and len(found) < _MAX_CONCEPTS:
        if text[position] not in starts:
            position += 1
            continue
        for size in range(min(_LONGEST_TERM, len(text) - position), 0, -1):
            words = table.get(text[position : position + size])
            if words is not None:
                if tuple(words) not in found:
                    found.append(tuple(words))
                position += size
                break
        else:
            position += 1
    return found


def english_topics(sentence: str, exclude: str) -> list[tuple[str, ...]]:
    """Distinctive English words of the sentence that are not the institution or the journal."""
    skip = {w.lower() for w in _LATIN_WORD.findall(exclude)}
    words = [w for w in _LATIN_WORD.findall(sentence) if w.lower() not in _STOP | skip]
    concepts: list[tuple[str, ...]] = [(w,) for w in dict.fromkeys(words)]
    return concepts[:_MAX_CONCEPTS]


def study_search(claim: Claim, sentence: str) -> StudySearch | None:
    """The search for a named study, if it names a journal, a year and a topic."""
    if claim.kind is not ClaimKind.NAMED_STUDY:
        return None
    journal = english_journal_name(claim.normalized.get("journal"))
    year = claim.normalized.get("year")
    if journal is None or not isinstance(year, int):
        return None
    institution = claim.normalized.get("institution")
    concepts = chinese_topics(sentence) if has_cjk(sentence) else []
    concepts = concepts or english_topics(sentence, f"{institution or ''} {journal}")
    if not concepts:
        return None
    query = BibliographicQuery(
        year=year,
        journal=journal,
        affiliation=english_institution(institution),
        topic=[word for concept in concepts for word in concept],
        free_text=claim.text,
    )
    return StudySearch(query, tuple(concepts))


def _sentence_topics(sentence: str, exclude: str) -> list[tuple[str, ...]]:
    return chinese_topics(sentence) if has_cjk(sentence) else english_topics(sentence, exclude)


def author_year_search(claim: Claim, sentence: str) -> StudySearch | None:
    """The search for an author-year mention with no reference entry ("Bang等人于2005年…").

    First author and year, with the journal when the sentence names one, else with the sentence's
    topic words; searched only when a candidate could be accepted: a journal, or two topic concepts.
    """
    if claim.kind is not ClaimKind.AUTHOR_CITATION:
        return None
    authors = [str(a) for a in claim.normalized.get("authors") or [] if is_latin(str(a))]
    year = claim.normalized.get("year")
    if not authors or not isinstance(year, int):
        return None
    journal = english_journal_name(claim.normalized.get("journal"))
    concepts = _sentence_topics(sentence, f"{' '.join(authors)} {journal or ''}")
    if journal is None and len(concepts) < 2:
        return None
    query = BibliographicQuery(
        authors=authors[:1],
        year=year,
        journal=journal,
        topic=[] if journal else [word for concept in concepts for word in concept],
        free_text=claim.text,
    )
    return StudySearch(query, tuple(concepts), first_author=authors[0])


def off_topic(sentence: str, title: str | None) -> bool:
    """True when an English title speaks of none of a Chinese sentence's topic concepts.

    Only concepts of the term table count (a Chinese sentence against an English title); an
    English sentence, a Chinese title or a sentence without known concepts is never off topic.
    """
    return has_cjk(sentence) and on_topic(sentence, "", title) is False


def on_topic(sentence: str, exclude: str, title: str | None) -> bool | None:
    """Whether a title speaks of a topic concept of the sentence; None when that cannot be told.

    The concepts are the term table's (Chinese sentence, English title) or the distinctive words
    of an English sentence, less `exclude` (its institution and journal). A title in Chinese, a
    missing title or a sentence without concepts cannot be told (None).
    """
    if not title or has_cjk(title):
        return None
    concepts = chinese_topics(sentence) if has_cjk(sentence) else english_topics(sentence, exclude)
    if not concepts:
        return None
    text = (clean_markup(title) or "").lower()
    return any(_speaks_of(text, concept) for concept in concepts)


def _speaks_of(text: str, concept: tuple[str, ...]) -> bool:
    return any(re.search(rf"(?<![a-z]){re.escape(word.lower())}", text) for word in concept)


def _concepts_spoken(search: StudySearch, record: Record) -> int:
    text = " ".join(clean_markup(t) or "" for t in (record.title, record.abstract)).lower()
    return sum(_speaks_of(text, concept) for concept in search.concepts)


def is_the_study(search: StudySearch, record: Record) -> bool:
    """Named study: journal named, year ±1, topic in the title or abstract.

    Author-year mention: the first author's surname, the same year, and the journal named or at
    least two of the sentence's topic concepts.
    """
    query = search.query
    if record.year is None or query.year is None:
        return False
    if search.first_author is not None:
        same_author = first_author_matches([search.first_author], record.authors) is True
        if record.year != query.year or not same_author:
            return False
        journal_named = query.journal is not None and journal_agrees(query.journal, record)
        return journal_named or _concepts_spoken(search, record) >= 2
    if not journal_agrees(query.journal, record) or abs(record.year - query.year) > 1:
        return False
    return _concepts_spoken(search, record) >= min(2, len(search.concepts))


def best_study(search: StudySearch, candidates: list[Record]) -> Record | None:
    """The candidate that is the study (same year preferred), or None."""
    passing = [r for r in candidates if is_the_study(search, r)]
    passing.sort(key=lambda r: abs((r.year or 0) - (search.query.year or 0)))
    return passing[0] if passing else None
