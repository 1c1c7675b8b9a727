"""Crossref REST API work objects → `Record`s (../shared/fixtures/api/README.md §4)."""

from __future__ import annotations

from typing import Any

from auditor.references.models import Author, Record, Update, UpdateKind
from auditor.references.sources.parsing import ParseError, clean_markup, collapse_space
from auditor.references.sources.parsing.eutils_json import load_json

UPDATE_OF_TYPE = {
    "retraction": UpdateKind.RETRACTION,
    "removal": UpdateKind.WITHDRAWAL,
    "withdrawal": UpdateKind.WITHDRAWAL,
    "correction": UpdateKind.CORRECTION,
    "erratum": UpdateKind.CORRECTION,
    "corrigendum": UpdateKind.CORRECTION,
    "expression_of_concern": UpdateKind.EXPRESSION_OF_CONCERN,
    "expression-of-concern": UpdateKind.EXPRESSION_OF_CONCERN,
}


def parse_work_body(text: str | bytes) -> Record:
    """The `message` of a /works/{doi} answer as a Record; ParseError when malformed."""
    data = load_json(text, "Crossref")
    message = data.get("message") if isinstance(data, dict) else None
    if not isinstance(message, dict) or not message.get("DOI"):
        raise ParseError("Crossref answered without a work record")
    return record_of_work(message)


def parse_works_list(text: str | bytes) -> list[Record]:
    """The items of a /works?query… answer."""
    data = load_json(text, "Crossref search")
    message = data.get("message") if isinstance(data, dict) else None
    items = message.get("items") if isinstance(message, dict) else None
    if not isinstance(items, list):
        raise ParseError("Crossref search answered without a list of items")
    return [record_of_work(item) for item in items if isinstance(item, dict) and item.get("DOI")]


def _first(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return collapse_space(str(value)) if value else None


def record_of_work(work: dict[str, Any]) -> Record:
    """One Crossref work object → Record."""
    doi = str(work["DOI"]).lower()
    return Record(
        source="crossref",
        id=doi,
        doi=doi,
        title=clean_markup(_first(work.get("title"))),
        authors=[a for a in (_author(x) for x in work.get("author", []) if isinstance(x, dict)) if a],
        year=_year(work),
        journal=clean_markup(_first(work.get("container-title"))),
        journal_abbrev=clean_markup(_first(work.get("short-container-title"))),
        volume=_first(work.get("volume")),
        issue=_first(work.get("issue")),
        pages=_first(work.get("page")) or _first(work.get("article-number")),
        issn=[str(i) for i in work.get("ISSN", [])],
        publication_types=[str(work["type"])] if work.get("type") else [],
        updates=_updates(work),
        abstract=clean_markup(work.get("abstract")),
        trial_ids=_trial_ids(work),
        url=f"https://doi.org/{doi}",
    )


def _author(author: dict[str, Any]) -> Author | None:
    if author.get("family"):
        return Author(
            family=collapse_space(str(author["family"])) or "", given=str(author.get("given", "")).strip()
        )
    if author.get("name"):
        return Author(family=collapse_space(str(author["name"])) or "", collective=True)
    return None


def _year(work: dict[str, Any]) -> int | None:
    for field in ("issued", "published-print", "published-online", "published"):
        parts = (work.get(field) or {}).get("date-parts") or [[None]]
        first = parts[0][0] if parts and parts[0] else None
        if isinstance(first, int) or (isinstance(first, str) and first.isdigit()):
            return int(first)
    return None


def _updates(work: dict[str, Any]) -> list[Update]:
    """Notices about this work (`updated-by`) and, for a notice itself, what it updates (`update-to`)."""
    updates: list[Update] = []
    for entry in work.get("updated-by", []):
        if isinstance(entry, dict):
            kind = UPDATE_OF_TYPE.get(str(entry.get("type", "")).lower(), UpdateKind.OTHER)
            updates.append(
                Update(
                    kind=kind,
                    notice_id=(str(entry["DOI"]).lower() if entry.get("DOI") else None),
                    label=entry.get("label"),
                    source=str(entry.get("source") or "crossref"),
                    date=_date(entry.get("updated")),
                )
            )
    return updates


def notice_targets(work: dict[str, Any]) -> list[tuple[str, UpdateKind]]:
    """For a notice (retraction, correction…): the DOIs it updates and how (`update-to`)."""
    targets = []
    for entry in work.get("update-to", []):
        if isinstance(entry, dict) and entry.get("DOI"):
            kind = UPDATE_OF_TYPE.get(str(entry.get("type", "")).lower(), UpdateKind.OTHER)
            targets.append((str(entry["DOI"]).lower(), kind))
    return targets


def _date(value: Any) -> str | None:
    if not isinstance(value, dict):
        return None
    parts = (value.get("date-parts") or [[]])[0]
    return "-".join(f"{int(p):02d}" if i else str(p) for i, p in enumerate(parts)) or None


def _trial_ids(work: dict[str, Any]) -> list[str]:
    ids = [
        str(t.get("clinical-trial-number", "")).strip().upper() for t in work.get("clinical-trial-number", [])
    ]
    return list(dict.fromkeys(i for i in ids if i))


def parse_journal_list(text: str | bytes) -> tuple[list[Record], int]:
    """A /journals?query= answer (message-type "journal-list"): one Record per journal (title,
    ISSNs) and total-results; ParseError when malformed."""
    data = load_json(text, "Crossref journals")
    message = data.get("message") if isinstance(data, dict) else None
    if not isinstance(message, dict) or not isinstance(message.get("items"), list):
        raise ParseError("Crossref journals answered without a list of items")
    journals = [
        Record(
            source="crossref-journals",
            id=(item.get("ISSN") or [item.get("title")])[0] or "",
            journal=clean_markup(str(item["title"])),
            issn=[str(i) for i in item.get("ISSN") or []],
        )
        for item in message["items"]
        if isinstance(item, dict) and item.get("title")
    ]
    total = message.get("total-results")
    return journals, total if isinstance(total, int) else len(journals)
