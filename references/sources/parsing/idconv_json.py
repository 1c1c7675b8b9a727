"""PMC ID Converter JSON (current and legacy layouts, ../shared/fixtures/api/README.md §3)."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from auditor.references.models import Record
from auditor.references.sources.parsing import ParseError
from auditor.references.sources.parsing.eutils_json import load_json


def parse_idconv(text: str | bytes) -> list[tuple[list[str], Record | None]]:
    """(IDs the entry answers for, lower-cased; its Record or None = not in PMC) per entry."""
    data = load_json(text, "the PMC ID converter")
    if not isinstance(data, dict):
        raise ParseError("malformed JSON from the PMC ID converter")
    if data.get("status") == "error" or not isinstance(data.get("records"), list):
        raise ParseError(f"the PMC ID converter reported an error: {error_message(data)}")
    return [(_answered_ids(e), _record(e)) for e in data["records"] if isinstance(e, dict)]


def error_message(data: Any) -> str:
    """The decoded `message` of an error body (the legacy server URL-encodes it)."""
    message = data.get("message") if isinstance(data, dict) else None
    return unquote(str(message))[:160] if message else "no message"


def _answered_ids(entry: dict[str, Any]) -> list[str]:
    """requested-id first, then the IDs the entry echoes (the legacy layout has no requested-id)."""
    values = [entry.get(k) for k in ("requested-id", "pmcid", "doi", "pmid")]
    return [str(v).strip().lower() for v in values if v not in (None, "")]


def _record(entry: dict[str, Any]) -> Record | None:
    if entry.get("status") == "error" or not entry.get("pmcid"):
        return None
    pmcid = str(entry["pmcid"]).upper()
    pmid = entry.get("pmid")
    return Record(
        source="idconv",
        id=pmcid,
        pmcid=pmcid,
        pmid=str(pmid) if pmid not in (None, "") else None,
        doi=str(entry["doi"]).lower() if entry.get("doi") else None,
        url=f"https://pmc.ncbi.nlm.nih.gov/articles/{pmcid}/",
    )
