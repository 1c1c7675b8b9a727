"""doi.org's registration-agency lookup: which agency (Crossref, DataCite, mEDRA, JaLC, KISTI, CNKI…)
holds a DOI that Crossref and PubMed do not know.

A DOI Crossref answers 404 for may be registered elsewhere; only doi.org saying "DOI does not
exist" makes it nonexistent. The answer is FOUND without a record (the agency is in `reason`),
NOT_FOUND when doi.org has no such DOI, FAILED when the lookup failed. Batched: the endpoint takes
comma-separated DOIs; URL length is the limit, so ≤ 50 per request.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote

from auditor.references.http import FetchError
from auditor.references.models import IdKind, LookupResult, LookupStatus
from auditor.references.sources.http_source import HttpSource
from auditor.references.sources.parsing import ParseError
from auditor.references.sources.parsing.doira_json import AGENCY_PREFIX, SOURCE, parse_doira
from auditor.references.sources.parsing.results import all_failed, batches, not_found, unique, unsupported

BATCH = 50


class DoiRaSource(HttpSource):
    """Registration agency of DOIs, from doi.org."""

    name = SOURCE
    kinds = frozenset({IdKind.DOI})
    searchable = False

    service = "doira"
    service_title = "doi.org"

    def lookup_many(self, kind: IdKind, keys: Sequence[str]) -> dict[str, LookupResult]:
        """One GET per ≤50 DOIs."""
        wanted = unique(keys)
        if kind is not IdKind.DOI:
            return unsupported(self.name, kind, wanted)
        results: dict[str, LookupResult] = {}
        for batch in batches(wanted, BATCH):
            results.update(self._lookup_batch(batch))
        return results

    def _lookup_batch(self, dois: list[str]) -> dict[str, LookupResult]:
        url = f"{self.config.doira_url.rstrip('/')}/" + ",".join(quote(d, safe="/:;()") for d in dois)
        try:
            response = self.client.call("doi.org RA lookup", "GET", url)
            agencies = parse_doira(response.content, dois)
        except (FetchError, ParseError) as error:
            return all_failed(self.name, IdKind.DOI, dois, error.reason)
        return {doi: self._result(doi, agencies[doi]) for doi in dois}

    def _result(self, doi: str, agency: str | None) -> LookupResult:
        if agency is None:
            return not_found(self.name, IdKind.DOI, doi, f"doi.org says DOI {doi} does not exist")
        return LookupResult(
            source=self.name,
            kind=IdKind.DOI,
            key=doi,
            status=LookupStatus.FOUND,
            reason=f"{AGENCY_PREFIX}{agency}",
        )
