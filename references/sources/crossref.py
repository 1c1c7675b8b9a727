"""Crossref REST API: works by DOI and bibliographic search.

Etiquette (https://github.com/CrossRef/rest-api-doc): `mailto` puts us in the polite pool (10/s,
3 concurrent, since Dec 2025) instead of the public one (5/s, 1 concurrent). A 404 on
/works/{doi} ("Resource not found.") is the authoritative "no such DOI in Crossref".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from auditor.references.http import FetchError
from auditor.references.matching import journal_matches
from auditor.references.models import BibliographicQuery, IdKind, LookupResult, LookupStatus, SearchResult
from auditor.references.sources.http_source import HttpSource
from auditor.references.sources.parsing import ParseError
from auditor.references.sources.parsing.crossref_json import (
    parse_journal_list,
    parse_work_body,
    parse_works_list,
)
from auditor.references.sources.parsing.results import failed, found, not_found, unique, unsupported

SEARCH_ROWS = 5
JOURNAL_ROWS = 20


class CrossrefSource(HttpSource):
    """DOIs looked up in Crossref (with update notices); works searched by citation text."""

    name = "crossref"
    kinds = frozenset({IdKind.DOI, IdKind.JOURNAL})
    searchable = True

    service = "crossref"
    service_title = "Crossref"

    def _params(self, **extra: Any) -> dict[str, Any]:
        return {**extra, "mailto": self.config.email} if self.config.email else dict(extra)

    def lookup_many(self, kind: IdKind, keys: Sequence[str]) -> dict[str, LookupResult]:
        """GET /works/{doi} per DOI (Crossref has no batch lookup by DOI); /journals per title."""
        wanted = unique(keys)
        if kind is IdKind.JOURNAL:
            return {title: self._lookup_journal(title) for title in wanted}
        if kind is not IdKind.DOI:
            return unsupported(self.name, kind, wanted)
        return {doi: self._lookup_doi(doi) for doi in wanted}

    def _lookup_journal(self, title: str) -> LookupResult:
        """A journal Crossref lists under this title (NLM covers biomedicine only; Crossref the rest).

        Like the NLM Catalog, /journals?query= answers with every title that has the words, so a
        hit counts only when its title is the cited name; more hits than fetched is unverifiable.
        """
        url = f"{self.config.crossref_url.rstrip('/')}/journals"
        params = self._params(query=title[:200], rows=JOURNAL_ROWS)
        try:
            response = self.client.call("Crossref journals", "GET", url, params=params, listing=True)
            journals, total = parse_journal_list(response.content)
        except (FetchError, ParseError) as error:
            return failed(self.name, IdKind.JOURNAL, title, error.reason)
        same = next((j for j in journals if journal_matches(title, j)), None)
        if same is not None:
            return found(self.name, IdKind.JOURNAL, title, same)
        if total > len(journals):
            reason = f"Crossref lists {total} journals with these words; {len(journals)} were checked"
            return failed(self.name, IdKind.JOURNAL, title, reason)
        return not_found(self.name, IdKind.JOURNAL, title, f"Crossref lists no journal titled {title!r}")

    def _lookup_doi(self, doi: str) -> LookupResult:
        url = f"{self.config.crossref_url.rstrip('/')}/works/{quote(doi, safe='/')}"
        try:
            response = self.client.call(
                "Crossref works lookup", "GET", url, params=self._params(), ok=(200, 404)
            )
            if response.status_code == 404:
                return not_found(self.name, IdKind.DOI, doi, f"Crossref has no record of DOI {doi}")
            return found(self.name, IdKind.DOI, doi, parse_work_body(response.content))
        except (FetchError, ParseError) as error:
            return failed(self.name, IdKind.DOI, doi, error.reason)

    def search(self, query: BibliographicQuery) -> SearchResult:
        """/works?query.bibliographic=…&rows=5 (plus query.author and a publication-year filter)."""
        params = self._search_params(query)
        if params is None:
            return SearchResult(
                source=self.name, status=LookupStatus.NOT_FOUND, reason="too little to search for"
            )
        url = f"{self.config.crossref_url.rstrip('/')}/works"
        try:
            response = self.client.call("Crossref search", "GET", url, params=params, listing=True)
            candidates = parse_works_list(response.content)
        except (FetchError, ParseError) as error:
            return SearchResult(source=self.name, status=LookupStatus.FAILED, reason=error.reason)
        if not candidates:
            return SearchResult(
                source=self.name, status=LookupStatus.NOT_FOUND, reason="Crossref found no match"
            )
        return SearchResult(source=self.name, status=LookupStatus.FOUND, candidates=candidates)

    def _search_params(self, query: BibliographicQuery) -> dict[str, Any] | None:
        if query.topic:
            return self._study_params(query)
        text = query.free_text or " ".join(p for p in (query.title, query.journal) if p)
        if not text.strip():
            return None
        params: dict[str, Any] = {"query.bibliographic": text[:500], "rows": SEARCH_ROWS}
        if query.authors:
            params["query.author"] = query.authors[0][:100]
        if query.year:
            params["filter"] = f"from-pub-date:{query.year - 1},until-pub-date:{query.year + 1}"
        return self._params(**params)

    def _study_params(self, query: BibliographicQuery) -> dict[str, Any]:
        """A named study: topic words and institution, in the journal, in the year (±1)."""
        text = " ".join([*query.topic, query.affiliation or ""])
        params: dict[str, Any] = {"query.bibliographic": text[:500], "rows": SEARCH_ROWS * 2}
        if query.journal:
            params["query.container-title"] = query.journal[:200]
        if query.year:
            params["filter"] = f"from-pub-date:{query.year - 1},until-pub-date:{query.year + 1}"
        return self._params(**params)
