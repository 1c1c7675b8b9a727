"""One reference string → `ParsedReference`: identifiers, locator, head; only confident fields kept."""

from __future__ import annotations

import re
from typing import Any

from auditor.references.models import ParsedReference
from auditor.references.refstring.head import Head, read_head, strip_leading
from auditor.references.refstring.ids import find_identifiers
from auditor.references.refstring.tail import find_locator
from auditor.references.refstring.text import clean, mostly_cjk, normalise, strip_markup
from auditor.references.refstring.tokens import tokenize

MAX_CHARS = 4000  # no real entry is longer; bounds the work on adversarial input
_ANY_YEAR = re.compile(r"(?<!\d)((?:1[6-9]|20)\d{2})(?!\d)")
_STANDALONE_NUMBER = re.compile(r"(?<![\w-])\d{1,5}(?![A-Za-z0-9-])")
# where a journal name stops: a locator keyword or a number after a separator ("Journal, Vol. 2", "BMJ 301")
_JOURNAL_STOP = re.compile(
    r"\s{0,2}[,;(]\s{0,2}(?:vol\b|nos?\b|pp?\b|第|제|總|总|n°|\d)|\s(?=\d{1,5}(?![A-Za-z]))", re.IGNORECASE)
# what follows a book's or a thesis's title is no journal: "New York: Wiley", "北京: 科学出版社", "Thesis"
_PLACE = re.compile(r"^[A-Z][\w .'-]{1,40}[:：]\s|^[\u3400-\u9fff]{2,3}\s?[:：]")  # "New York: …", "北京:…"
_PUBLISHER = re.compile(r"\b(?:Thesis|Dissertation|Press|Publishers?|[Dd]octoral|PhD|eds?\.)"
                        r"|出版社|学位论文|學位論文")
_NOT_JOURNALS = frozenset({"doi", "pp", "p", "in", "vol", "no", "url", "pmid", "epub"})
_PAREN = re.compile(r"\([^()]{0,40}\)")  # "(2019 年，11 月 30 日)", "(AlphaMed Press)"
_MAX_TITLE, _MAX_JOURNAL = 600, 250


def _span_text(original: str, span: tuple[int, int] | None, limit: int) -> str | None:
    if span is None or span[1] - span[0] > limit:
        return None
    return clean(original[span[0]:span[1]])


def _journal(original: str, norm: str, head: Head, located: bool) -> str | None:
    """The journal name, or None when what stands there is no journal (or not surely one).

    `located`: a volume or issue follows; without one, "Place: Publisher" is a book's imprint.
    """
    if head.journal is None:
        return None
    start, end = strip_leading(norm, head.journal)
    stop = _JOURNAL_STOP.search(norm, start, end)
    if stop and stop.start() > start:  # a journal name has no volume or year in it: cut there
        end = stop.start()
    value = _span_text(original, (start, end), _MAX_JOURNAL)
    if not value or sum(map(str.isalpha, value)) < 2 or value.count(". ") > 6:
        return None
    if value.casefold() in _NOT_JOURNALS or _PUBLISHER.search(_PAREN.sub(" ", value)):
        return None
    if not located and _PLACE.search(value):
        return None
    return value


def _digits(core: str) -> bool:
    """Numbers other than years: a locator may be there even if none was recognised."""
    return _STANDALONE_NUMBER.search(_ANY_YEAR.sub(" ", _PAREN.sub(" ", core))) is not None


def parse_entry(body: str) -> ParsedReference:
    """Fields of one reference (label already removed); a field it is not sure of stays None."""
    original = strip_markup(body[:MAX_CHARS])
    norm = normalise(original)
    ids, urls, core, plain = find_identifiers(norm)
    end = len(core.rstrip(" .,;|"))
    locator = find_locator(tokenize(core[:end]))
    bare = locator is None and not _digits(core)
    head = read_head(core, locator.start if locator else end, bare_title=bare)
    year = locator.year if locator and locator.year else head.year
    if year is None and locator and locator.needs_head_year:
        found = _ANY_YEAR.search(core, 0, locator.start)
        year = int(found.group(1)) if found else None
    fields: dict[str, Any] = {}
    if locator and (year is not None or not locator.needs_head_year):
        fields.update(volume=locator.volume, issue=locator.issue, pages=locator.pages)
    elif locator:  # a bare ", 12" with no year anywhere is no locator: read the head again without it
        head = read_head(core, end, bare_title=not _digits(core))
    if year is None:
        found = _ANY_YEAR.search(core) or _ANY_YEAR.search(plain)
        year = int(found.group(1)) if found else None
    title = _span_text(original, head.title, _MAX_TITLE) if head.authors_found or head.journal else None
    journal = _journal(original, norm, head, bool(fields.get("volume") or fields.get("issue")))
    if journal is None and not head.title_marked:
        title = None  # the title ended where a journal was guessed to start; that guess was wrong
    fields.update(authors=head.authors, year=year, title=title, journal=journal)
    fields.update(ids)
    fields["translated"] = mostly_cjk(title) or mostly_cjk(journal)
    return ParsedReference(url=urls[0] if urls else None, urls=urls, **fields)
