"""ESearch / ESummary JSON and ECitMatch text (../shared/fixtures/api/README.md §2.2–2.4)."""

from __future__ import annotations

import json
import re
from typing import Any

from auditor.references.models import Author, Record, Update, UpdateKind
from auditor.references.sources.parsing import ParseError, collapse_space

_YEAR = re.compile(r"(1[89]\d\d|20\d\d)")
_PMID = re.compile(r"\d{1,9}")


def load_json(text: str | bytes, what: str) -> Any:
    """Decoded JSON, or ParseError "malformed JSON from <what>" (e.g. raw newlines in a string)."""
    try:
        return json.loads(text)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise ParseError(f"malformed JSON from {what}") from None


def _first_line(message: object) -> str:
    return str(message).strip().splitlines()[0][:160] if str(message).strip() else "unknown error"


def parse_esearch(text: str | bytes, what: str = "PubMed esearch") -> list[str]:
    """The idlist of an esearch answer; [] is an authoritative "no hits"; ParseError on errors."""
    data = load_json(text, what)
    if not isinstance(data, dict):
        raise ParseError(f"malformed JSON from {what}")
    if "error" in data:
        raise ParseError(f"{what} reported an error: {_first_line(data['error'])}")
    result = data.get("esearchresult")
    if not isinstance(result, dict):
        raise ParseError(f"{what} answered without an esearchresult")
    if "ERROR" in result:
        raise ParseError(f"{what} reported an error: {_first_line(result['ERROR'])}")
    ids = result.get("idlist")
    if not isinstance(ids, list):
        raise ParseError(f"{what} answered without an idlist")
    return [str(i) for i in ids]


def esearch_count(text: str | bytes) -> int:
    """esearchresult.count of a well-formed esearch answer (0 when absent or not a number)."""
    result = load_json(text, "PubMed esearch").get("esearchresult", {})
    count = str(result.get("count", "0")) if isinstance(result, dict) else "0"
    return int(count) if count.isdigit() else 0


def parse_esummary(text: str | bytes) -> dict[str, Record | None]:
    """DocSums by UID; None for a UID the service says it has no summary of (NOT_FOUND)."""
    data = load_json(text, "PubMed esummary")
    if not isinstance(data, dict) or "error" in data:
        reason = _first_line(data.get("error")) if isinstance(data, dict) else "not an object"
        raise ParseError(f"PubMed esummary reported an error: {reason}")
    result = data.get("result")
    if not isinstance(result, dict) or not isinstance(result.get("uids"), list):
        raise ParseError("PubMed esummary answered without a result")
    summaries: dict[str, Record | None] = {}
    for uid in result["uids"]:
        docsum = result.get(str(uid))
        ok = isinstance(docsum, dict) and "error" not in docsum
        summaries[str(uid)] = record_of_docsum(str(uid), docsum) if ok and docsum else None
    return summaries


def record_of_docsum(uid: str, docsum: dict[str, Any]) -> Record:
    """One ESummary DocSum → Record (no abstract: ESummary has none)."""
    ids = {a.get("idtype"): a.get("value") for a in docsum.get("articleids", []) if isinstance(a, dict)}
    types = [str(t) for t in docsum.get("pubtype", [])]
    year = _YEAR.search(str(docsum.get("pubdate", "")))
    updates = [Update(kind=UpdateKind.RETRACTION, label="Retracted Publication", source="pubmed")]
    return Record(
        source="pubmed",
        id=uid,
        pmid=uid,
        title=collapse_space(docsum.get("title")),
        authors=[
            _docsum_author(a) for a in docsum.get("authors", []) if isinstance(a, dict) and a.get("name")
        ],
        year=int(year.group(1)) if year else None,
        journal=collapse_space(docsum.get("fulljournalname")),
        journal_abbrev=collapse_space(docsum.get("source")),
        volume=docsum.get("volume") or None,
        issue=docsum.get("issue") or None,
        pages=docsum.get("pages") or None,
        doi=ids.get("doi") or None,
        pmcid=ids.get("pmc") or None,
        issn=[i for i in (docsum.get("issn"), docsum.get("essn")) if i],
        publication_types=types,
        updates=updates if "Retracted Publication" in types else [],
        url=f"https://pubmed.ncbi.nlm.nih.gov/{uid}/",
    )


def _docsum_author(author: dict[str, Any]) -> Author:
    name = str(author["name"]).strip()
    if author.get("authtype", "Author") != "Author":
        return Author(family=name, collective=True)
    family, _, given = name.rpartition(" ")
    return Author(family=family, given=given) if family else Author(family=name)


def ecitmatch_line(journal: str, year: int | None, volume: str, page: str, author: str, key: str) -> str:
    """One bdata citation line: journal|year|volume|first_page|author|key| (pipes removed from fields)."""
    fields = [journal, "" if year is None else str(year), volume, page, author, key]
    return "|".join(f.replace("|", " ").replace("\r", " ").replace("\n", " ") for f in fields) + "|"


def parse_ecitmatch(text: str) -> dict[str, str | None]:
    """PMID per citation key; None when the last field is not a PMID (no match, or ambiguous)."""
    matches: dict[str, str | None] = {}
    for line in text.splitlines():
        fields = line.split("|")
        if len(fields) < 7:
            continue
        pmid = fields[6].strip()
        matches[fields[5]] = pmid if _PMID.fullmatch(pmid) else None
    return matches


def parse_catalog_summaries(text: str | bytes) -> list[Record]:
    """NLM Catalog ESummary JSON → one Record per serial: title (titlemainlist[0].title, trailing
    period dropped), MEDLINE abbreviation (medlineta) or ISO abbreviation (isoabbreviation)."""
    data = load_json(text, "NLM Catalog esummary")
    result = data.get("result") if isinstance(data, dict) else None
    if not isinstance(result, dict) or not isinstance(result.get("uids"), list):
        raise ParseError("NLM Catalog esummary answered without a result")
    records: list[Record] = []
    for uid in result["uids"]:
        item = result.get(str(uid))
        if not isinstance(item, dict) or "error" in item:
            continue
        titles = item.get("titlemainlist") or []
        title = titles[0].get("title") if titles and isinstance(titles[0], dict) else None
        abbrev = item.get("medlineta") or item.get("isoabbreviation")
        records.append(
            Record(
                source="nlmcatalog",
                id=str(item.get("nlmuniqueid") or uid),
                journal=(collapse_space(str(title)) or "").rstrip(".") or None,
                journal_abbrev=collapse_space(str(abbrev)) if abbrev else None,
                url=f"https://www.ncbi.nlm.nih.gov/nlmcatalog/{item.get('nlmuniqueid') or uid}",
            )
        )
    return records
