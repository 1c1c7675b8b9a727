"""ClinicalTrials.gov API v2: studies by NCT ID, and search by terms.

No published rate limit (robots.txt: Crawl-delay 1); we pace at a configurable ~50/min. Error
bodies are text/plain: 404 "NCT number … not found" is authoritative; 400 means a malformed ID
(our bug or the article's), which is FAILED rather than NOT_FOUND. Alias IDs answer 301 to the
canonical study, whose record lists the alias in nctIdAliases.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote

from auditor.references.http import FetchError
from auditor.references.models import BibliographicQuery, IdKind, LookupResult, LookupStatus, SearchResult
from auditor.references.sources.http_source import HttpSource
from auditor.references.sources.parsing import ParseError
from auditor.references.sources.parsing.ctgov_json import parse_studies_list, parse_study_body
from auditor.references.sources.parsing.results import failed, found, not_found, unique, unsupported

SEARCH_PAGE_SIZE = 5


class CtGovSource(HttpSource):
    """NCT IDs looked up in ClinicalTrials.gov; trials searched by free text."""

    name = "ctgov"
    kinds = frozenset({IdKind.NCT})
    searchable = True

    service = "ctgov"
    service_title = "ClinicalTrials.gov"

    def lookup_many(self, kind: IdKind, keys: Sequence[str]) -> dict[str, LookupResult]:
        """GET /studies/{nctId} per ID (redirects for aliases are followed)."""
        wanted = unique(keys)
        if kind is not IdKind.NCT:
            return unsupported(self.name, kind, wanted)
        return {nct: self._lookup_nct(nct) for nct in wanted}

    def _lookup_nct(self, nct: str) -> LookupResult:
        url = f"{self.config.ctgov_url.rstrip('/')}/studies/{quote(nct, safe='')}"
        try:
            response = self.client.call("ClinicalTrials.gov study lookup", "GET", url, ok=(200, 400, 404))
            if response.status_code == 404:
                return not_found(self.name, IdKind.NCT, nct, f"ClinicalTrials.gov has no study {nct}")
            if response.status_code == 400:
                return failed(
                    self.name, IdKind.NCT, nct, f"ClinicalTrials.gov rejected {nct[:40]!r} as a malformed ID"
                )
            return found(self.name, IdKind.NCT, nct, trial=parse_study_body(response.content))
        except (FetchError, ParseError) as error:
            return failed(self.name, IdKind.NCT, nct, error.reason)

    def search(self, query: BibliographicQuery) -> SearchResult:
        """Studies matching the citation's free text or title (query.term), first page only."""
        text = query.free_text or query.title
        if not text or not text.strip():
            return SearchResult(
                source=self.name, status=LookupStatus.NOT_FOUND, reason="too little to search for"
            )
        url = f"{self.config.ctgov_url.rstrip('/')}/studies"
        params = {"query.term": text[:300], "pageSize": SEARCH_PAGE_SIZE}
        try:
            trials = parse_studies_list(
                self.client.call("ClinicalTrials.gov search", "GET", url, params=params).content
            )
        except (FetchError, ParseError) as error:
            return SearchResult(source=self.name, status=LookupStatus.FAILED, reason=error.reason)
        if not trials:
            return SearchResult(
                source=self.name, status=LookupStatus.NOT_FOUND, reason="ClinicalTrials.gov found no match"
            )
        return SearchResult(source=self.name, status=LookupStatus.FOUND, trials=trials)
