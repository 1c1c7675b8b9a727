"""doi.org's registration-agency lookup (`GET https://doi.org/doiRA/{doi}[,{doi}…]`), JSON.

The body is a list with one object per DOI asked, in order: `{"DOI": "10.5061/dryad.8515",
"RA": "DataCite"}` for a registered DOI, `{"DOI": "10.99999/x", "status": "DOI does not exist"}`
for an unregistered one, and `{"DOI": "…", "status": "Invalid DOI"}` for a malformed one. Anything
else is malformed (ParseError), never "does not exist".
"""

from __future__ import annotations

from auditor.references.models import LookupResult, LookupStatus
from auditor.references.sources.parsing import ParseError
from auditor.references.sources.parsing.eutils_json import load_json

DOES_NOT_EXIST = frozenset({"DOI does not exist", "Invalid DOI"})
SOURCE = "doira"
AGENCY_PREFIX = "registered with "


def agency_of(result: LookupResult) -> str | None:
    """The agency a FOUND doi.org answer names ("DataCite"), else None."""
    if result.source != SOURCE or result.status is not LookupStatus.FOUND:
        return None
    return (result.reason or "").removeprefix(AGENCY_PREFIX) or None


def parse_doira(text: str | bytes, asked: list[str]) -> dict[str, str | None]:
    """Agency by DOI (lower-cased as asked); None for a DOI doi.org says does not exist."""
    data = load_json(text, "doi.org RA lookup")
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise ParseError("doi.org RA lookup answered without a list of objects")
    wanted = {doi.lower(): doi for doi in asked}
    agencies: dict[str, str | None] = {}
    for item in data:
        doi = str(item.get("DOI", "")).lower()
        if doi not in wanted:
            continue
        agency, status = item.get("RA"), item.get("status")
        if isinstance(agency, str) and agency.strip() and agency.isprintable():
            agencies[wanted[doi]] = agency.strip()[:60]
        elif status in DOES_NOT_EXIST:
            agencies[wanted[doi]] = None
        else:
            raise ParseError(f"doi.org RA lookup gave neither an agency nor a known status for {doi}")
    missing = [doi for doi in asked if doi not in agencies]
    if missing:
        raise ParseError(f"doi.org RA lookup did not answer for {missing[0]}")
    return agencies
