"""E-utilities search terms built from what a citation says (bounded, quoted, field-tagged)."""

from __future__ import annotations

import re

from auditor.references.models import BibliographicQuery

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{2,29}")
_STOP_WORDS = (
    "the and for with from into that this are was were its their than over under via using after "
    "between among during without within study trial analysis patients"
)
_STOP = frozenset(_STOP_WORDS.split())
MAX_TITLE_WORDS = 8
MAX_TOPIC_WORDS = 6


def quoted(text: str) -> str:
    """A phrase for an Entrez term: quotes and brackets removed, whitespace collapsed, length capped."""
    cleaned = re.sub(r"[\"\[\]]", " ", text)
    return " ".join(cleaned.split())[:300]


def title_words(title: str | None) -> list[str]:
    """Up to MAX_TITLE_WORDS distinctive Latin-script words of a title."""
    words = [w for w in _WORD.findall(title or "") if w.lower() not in _STOP]
    return list(dict.fromkeys(words))[:MAX_TITLE_WORDS]


def pubmed_term(query: BibliographicQuery) -> str | None:
    """An esearch term ANDing first author, year, journal and title words; None when nothing is known."""
    parts: list[str] = []
    if query.doi:
        parts.append(f'"{quoted(query.doi)}"[doi]')
    if query.authors:
        parts.append(f'"{quoted(query.authors[0])}"[au]')
    if query.year:
        parts.append(f"{query.year}[dp]")
    if query.journal and query.journal.isascii():
        parts.append(f'"{quoted(query.journal)}"[ta]')
    parts.extend(f"{word}[ti]" for word in title_words(query.title))
    if query.affiliation:
        parts.append(f'"{quoted(query.affiliation)}"[ad]')
    if query.topic:
        parts.append("(" + " OR ".join(f'"{quoted(t)}"[tiab]' for t in query.topic[:MAX_TOPIC_WORDS]) + ")")
    return " AND ".join(parts) if len(parts) >= 2 or query.doi else None


def journal_term(title: str) -> str:
    """An NLM Catalog term for a journal title or its abbreviation."""
    phrase = quoted(title)
    return f'"{phrase}"[Title] OR "{phrase}"[TA]'
