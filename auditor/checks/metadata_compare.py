"""What differs between a citation and the record its identifier (or a search) gave: pure functions.

Real records differ from how people cite them in ways that are not errors: markup and entities
in titles, abbreviations and short names of journals, Chinese translations of titles and
journals, a shortened title or a dropped subtitle, an online-first year, a reprint year, a
"et al" after a few names. None of those is reported. What is reported: the year (beyond ±1),
the journal, volume, first page, authors the record does not have or omitted from a list that
claims to be complete, and a title whose words were replaced.
"""

from __future__ import annotations

import re

from auditor.candidates import (
    TITLE_THRESHOLD,
    altered_title_words,
    author_differences,
    author_overlap,
    compare,
    query_of,
)
from auditor.references.matching import pages_agree
from auditor.references.models import Record, Reference

_WRONG_WORK = 50.0  # below this the titles are different works whatever the authors
_ET_AL = re.compile(r"et\.?\s{0,3}al|等|[…]|\.\.\.|and others|others", re.IGNORECASE)
_REPRINT = re.compile(r"reprint|repr\.|facsimile|重印|再版|影印|orig(?:inally|\.) published", re.IGNORECASE)
_FULL_LIST_MAX = 6  # Vancouver lists every author up to six; past that "et al" is expected


def is_identifier_mismatch(reference: Reference, record: Record) -> bool:
    """The identifier belongs to another work.

    No cited author is on the record and the title is below the same-work threshold (invented
    authors on a real DOI, title altered); or the first author differs and the titles are
    unrelated; or, with no comparable title, the first author differs and the year is off.
    """
    parsed = reference.parsed
    c = compare(query_of(parsed), record, translated=parsed.translated)
    if c.author is not False:
        return False
    if c.title_score is not None:
        overlap = author_overlap(parsed.authors, record.authors)
        return c.title_score < (TITLE_THRESHOLD if overlap == 0 else _WRONG_WORK)
    return c.year_off is not None and c.year_off > 1


def _claims_full_author_list(reference: Reference) -> bool:
    personal = [a for a in reference.parsed.authors if not a.collective]
    return (
        reference.origin == "article"
        and 2 <= len(personal) < _FULL_LIST_MAX  # one name alone may be all the parser could read
        and not _ET_AL.search(reference.text)
    )


def metadata_differences(reference: Reference, record: Record) -> dict[str, dict[str, str]]:
    """Fields where a citation and the (same) work's record disagree: year, journal, volume, …"""
    parsed = reference.parsed
    c = compare(query_of(parsed), record, translated=parsed.translated)
    diffs: dict[str, dict[str, str]] = {}
    if c.year_off is not None and c.year_off > 1 and not _REPRINT.search(reference.text):
        diffs["year"] = {"cited": str(parsed.year), "record": str(record.year)}
    if c.journal is False:
        recorded = record.journal or record.journal_abbrev or ""
        diffs["journal"] = {"cited": parsed.journal or "", "record": recorded}
    if parsed.volume and record.volume and parsed.volume.strip() != record.volume.strip():
        diffs["volume"] = {"cited": parsed.volume, "record": record.volume}
    if parsed.pages and record.pages and not pages_agree(parsed.pages, record.pages):
        diffs["pages"] = {"cited": parsed.pages or "", "record": record.pages or ""}
    authors = author_differences(
        parsed.authors, record.authors, listed_all=_claims_full_author_list(reference)
    )
    if authors:
        diffs["authors"] = authors
    if c.title_score is not None:
        altered = altered_title_words(parsed.title, record.title)
        if c.title_score < 60 or altered:
            diffs["title"] = {"cited": parsed.title or "", "record": record.title or ""}
            if altered:
                diffs["title"] |= {"cited_words": " ".join(altered[0]), "record_words": " ".join(altered[1])}
    return diffs


def describe(field: str, diff: dict[str, str]) -> str:
    """One clause of the M403 message."""
    if field == "authors":
        parts = []
        if diff.get("first"):
            parts.append(f"first author {diff['first']}")
        if diff.get("not_in_record"):
            parts.append(f"authors {diff['not_in_record']} who are not on the record")
        if diff.get("omitted"):
            parts.append(f"an author list without {diff['omitted']}")
        return " and ".join(parts) + f" (record: {diff['record']})"
    if field == "title" and diff.get("cited_words"):
        return f'title words "{diff["cited_words"]}" where the record has "{diff["record_words"]}"'
    return f"{field.replace('_', ' ')} {diff['cited']} where the record has {diff['record']}"
