"""The PMC ID Converter: PMCID (or DOI) → PMCID, PMID and DOI of articles that are in PMC.

https://pmc.ncbi.nlm.nih.gov/tools/id-converter-api/: at most 200 IDs per request, all of one
type; `tool` and `email` requested; NCBI etiquette applies (it shares NCBI's pacing bucket).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from auditor.references.http import FetchError
from auditor.references.models import IdKind, LookupResult, Record
from auditor.references.sources.http_source import HttpSource
from auditor.references.sources.parsing import ParseError
from auditor.references.sources.parsing.idconv_json import error_message, parse_idconv
from auditor.references.sources.parsing.results import (
    all_failed,
    batches,
    found,
    not_found,
    unique,
    unsupported,
)

IDCONV_BATCH = 200
IDTYPE_OF_KIND = {IdKind.PMCID: "pmcid", IdKind.DOI: "doi", IdKind.PMID: "pmid"}


class IdConvSource(HttpSource):
    """PMCIDs, DOIs and PMIDs converted through the PMC ID Converter (found only when in PMC)."""

    name = "idconv"
    kinds = frozenset(IDTYPE_OF_KIND)

    service = "idconv"
    service_title = "the PMC ID converter"

    def lookup_many(self, kind: IdKind, keys: Sequence[str]) -> dict[str, LookupResult]:
        """One request per ≤200 IDs of one type; entries with status "error" are NOT_FOUND."""
        wanted = unique(keys)
        if kind not in IDTYPE_OF_KIND:
            return unsupported(self.name, kind, wanted)
        results: dict[str, LookupResult] = {}
        for batch in batches(wanted, IDCONV_BATCH):
            results.update(self._convert(kind, batch))
        return results

    def _convert(self, kind: IdKind, batch: list[str]) -> dict[str, LookupResult]:
        try:
            entries = self._request(kind, batch)
        except (FetchError, ParseError) as error:
            return all_failed(self.name, kind, batch, error.reason)
        by_id: dict[str, Record | None] = {}
        for answered, record in entries:
            for identifier in answered:
                by_id.setdefault(identifier, record)
        return {key: self._result(kind, key, by_id) for key in batch}

    def _result(self, kind: IdKind, key: str, by_id: dict[str, Record | None]) -> LookupResult:
        record = by_id.get(key.lower())
        if record is not None:
            return found(self.name, kind, key, record)
        return not_found(self.name, kind, key, f"{key} is not in PMC (PMC ID converter)")

    def _request(self, kind: IdKind, batch: list[str]) -> list[tuple[list[str], Record | None]]:
        params = {"ids": ",".join(batch), "idtype": IDTYPE_OF_KIND[kind], "format": "json", "tool": "auditor"}
        if self.config.email:
            params["email"] = self.config.email
        url = self.config.idconv_url
        response = self.client.call("PMC ID conversion", "GET", url, params=params, ok=(200, 400, 404))
        if response.status_code != 200:
            raise FetchError(
                f"the PMC ID converter answered HTTP {response.status_code}: {_message(response.text)}"
            )
        return parse_idconv(response.content)


def _message(text: str) -> str:
    try:
        return error_message(json.loads(text))
    except ValueError:
        return text.strip()[:160] or "no message"
