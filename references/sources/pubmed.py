"""PubMed through NCBI E-utilities: PMIDs and DOIs (efetch XML), journals (NLM Catalog), searches.

Records come from efetch (retmode=xml) because only efetch has abstracts and the
CommentsCorrections retraction/correction links; esearch finds PMIDs for DOIs and citations, and
ECitMatch matches journal|year|volume|page citations. Etiquette (NBK25497, NBK25499): `tool` and
`email` on every request, `api_key` when configured, POST for lists of IDs, ≤200 IDs per request.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

from auditor.references.http import FetchError, ServiceConfig
from auditor.references.matching import journal_matches
from auditor.references.models import (
    BibliographicQuery,
    IdKind,
    LookupResult,
    LookupStatus,
    Record,
    SearchResult,
)
from auditor.references.ratelimit import HostLimiter
from auditor.references.sources.http_source import HttpSource
from auditor.references.sources.parsing import ParseError
from auditor.references.sources.parsing.eutils_json import (
    ecitmatch_line,
    esearch_count,
    parse_catalog_summaries,
    parse_ecitmatch,
    parse_esearch,
    parse_esummary,
)
from auditor.references.sources.parsing.pubmed_xml import parse_efetch
from auditor.references.sources.parsing.queries import journal_term, pubmed_term, quoted
from auditor.references.sources.parsing.results import (
    all_failed,
    batches,
    failed,
    found,
    not_found,
    unique,
    unsupported,
)

EFETCH_BATCH = 200
CATALOG_HITS = 20
SEARCH_RETMAX = 10


class PubMedSource(HttpSource):
    """PMIDs, DOIs and journal titles looked up in PubMed / the NLM Catalog; citation search."""

    name = "pubmed"
    kinds = frozenset({IdKind.PMID, IdKind.DOI, IdKind.JOURNAL})
    searchable = True

    service = "eutils"
    service_title = "PubMed"

    def __init__(
        self,
        config: ServiceConfig | None = None,
        *,
        limiter: HostLimiter | None = None,
        env: Mapping[str, str] | None = None,
        batch_size: int = EFETCH_BATCH,
    ) -> None:
        super().__init__(config, limiter=limiter, env=env)
        self.batch_size = max(1, min(batch_size, EFETCH_BATCH))

    def lookup_many(self, kind: IdKind, keys: Sequence[str]) -> dict[str, LookupResult]:
        """PMIDs via efetch, DOIs via esearch + efetch, journal titles via the NLM Catalog."""
        wanted = unique(keys)
        if kind is IdKind.PMID:
            return self._lookup_pmids(wanted)
        if kind is IdKind.DOI:
            return self._lookup_dois(wanted)
        if kind is IdKind.JOURNAL:
            return {title: self._lookup_journal(title) for title in wanted}
        return unsupported(self.name, kind, wanted)

    # --- requests -------------------------------------------------------------------------

    def _url(self, endpoint: str) -> str:
        return f"{self.config.eutils_url.rstrip('/')}/{endpoint}"

    def _params(self, **extra: Any) -> dict[str, Any]:
        params: dict[str, Any] = {"tool": "auditor", **extra}
        if self.config.email:
            params["email"] = self.config.email
        if self.config.api_key:
            params["api_key"] = self.config.api_key
        return params

    def efetch(self, pmids: list[str]) -> dict[str, Record]:
        """Records of ≤200 PMIDs in one POST; raises FetchError / ParseError."""
        data = self._params(db="pubmed", id=",".join(pmids), retmode="xml")
        response = self.client.call("PubMed efetch", "POST", self._url("efetch.fcgi"), data=data)
        return parse_efetch(response.content)

    def esearch(self, term: str, *, db: str = "pubmed", retmax: int = SEARCH_RETMAX) -> list[str]:
        """IDs matching an Entrez term; raises FetchError / ParseError."""
        what = "PubMed esearch" if db == "pubmed" else f"NCBI esearch ({db})"
        params = self._params(db=db, term=term, retmode="json", retmax=retmax)
        response = self.client.call(what, "GET", self._url("esearch.fcgi"), params=params)
        return parse_esearch(response.content, what)

    def ecitmatch(self, query: BibliographicQuery) -> str | None:
        """The PMID ECitMatch gives for journal|year|volume|page|author (None: no unique match)."""
        author = query.authors[0] if query.authors else ""
        line = ecitmatch_line(
            query.journal or "", query.year, query.volume or "", query.first_page or "", author, "q"
        )
        params = self._params(db="pubmed", retmode="xml", bdata=line)
        response = self.client.call("PubMed ECitMatch", "GET", self._url("ecitmatch.cgi"), params=params)
        return parse_ecitmatch(response.text).get("q")

    def summaries(self, pmids: Sequence[str]) -> dict[str, LookupResult]:
        """Light PMID lookups through ESummary JSON (no abstracts, no retraction links: prefer efetch)."""
        results: dict[str, LookupResult] = {}
        for batch in batches(unique(pmids), self.batch_size):
            data = self._params(db="pubmed", id=",".join(batch), retmode="json")
            try:
                response = self.client.call("PubMed esummary", "POST", self._url("esummary.fcgi"), data=data)
                docsums = parse_esummary(response.content)
            except (FetchError, ParseError) as error:
                results.update(all_failed(self.name, IdKind.PMID, batch, error.reason))
                continue
            for pmid in batch:
                record = docsums.get(pmid)
                reason = f"PubMed has no record with PMID {pmid}"
                results[pmid] = (
                    found(self.name, IdKind.PMID, pmid, record)
                    if record
                    else not_found(self.name, IdKind.PMID, pmid, reason)
                )
        return results

    # --- lookups --------------------------------------------------------------------------

    def _lookup_pmids(self, pmids: list[str]) -> dict[str, LookupResult]:
        results: dict[str, LookupResult] = {}
        for batch in batches(pmids, self.batch_size):
            try:
                records = self.efetch(batch)
            except (FetchError, ParseError) as error:
                results.update(all_failed(self.name, IdKind.PMID, batch, error.reason))
                continue
            for pmid in batch:
                record = records.get(pmid)
                results[pmid] = (
                    found(self.name, IdKind.PMID, pmid, record)
                    if record
                    else not_found(self.name, IdKind.PMID, pmid, f"PubMed has no record with PMID {pmid}")
                )
        return results

    def _lookup_dois(self, dois: list[str]) -> dict[str, LookupResult]:
        results: dict[str, LookupResult] = {}
        hits: dict[str, list[str]] = {}
        for doi in dois:
            try:
                hits[doi] = self.esearch(f'"{doi}"[doi]', retmax=5)
            except (FetchError, ParseError) as error:
                results[doi] = failed(self.name, IdKind.DOI, doi, error.reason)
        fetched = self._lookup_pmids(unique(p for ids in hits.values() for p in ids))
        for doi, pmids in hits.items():
            results[doi] = self._doi_result(doi, [fetched[p] for p in pmids])
        return results

    def _doi_result(self, doi: str, lookups: list[LookupResult]) -> LookupResult:
        if not lookups:
            return not_found(self.name, IdKind.DOI, doi, f"PubMed has no record with DOI {doi}")
        records = [r.record for r in lookups if r.record is not None]
        exact = [r for r in records if (r.doi or "").lower() == doi.lower()]
        if exact or records:
            return found(self.name, IdKind.DOI, doi, (exact or records)[0])
        failures = [r.reason for r in lookups if r.status is LookupStatus.FAILED]
        if failures:
            return failed(self.name, IdKind.DOI, doi, failures[0] or "PubMed efetch failed")
        return not_found(self.name, IdKind.DOI, doi, f"PubMed has no record with DOI {doi}")

    def _lookup_journal(self, title: str) -> LookupResult:
        """A catalogue hit counts only when its title or abbreviation IS the cited name.

        The NLM Catalog answers a title phrase with every serial whose title contains it
        ("Stem Cells" → Stem Cells, Stem Cells International, …), so each hit's summary is
        compared with the name after normalisation (`references.matching.journal_matches`).
        """
        try:
            ids, total = self._catalog_search(title)
            serials = self._catalog_summaries(ids) if ids else []
        except (FetchError, ParseError) as error:
            return failed(self.name, IdKind.JOURNAL, title, error.reason)
        same = next((r for r in serials if journal_matches(title, r)), None)
        if same is None and total > len(ids):  # the serial may be among the hits not fetched
            return self._journal_in_pubmed(title, total, len(ids))
        if same is None:
            near = f" ({len(serials)} serials contain the words, none is called that)" if serials else ""
            reason = f"the NLM Catalog has no journal titled {title!r}{near}"
            return not_found(self.name, IdKind.JOURNAL, title, reason)
        return found(self.name, IdKind.JOURNAL, title, same)

    def _journal_in_pubmed(self, title: str, total: int, checked: int) -> LookupResult:
        """Too many serials share the words ("Cell"): PubMed's journal field matches a journal's
        whole title or abbreviation, so articles under "Cell"[ta] prove that journal exists."""
        params = self._params(db="pubmed", term=f'"{quoted(title)}"[ta]', retmode="json", retmax=0)
        try:
            response = self.client.call(
                "PubMed esearch (journal)", "GET", self._url("esearch.fcgi"), params=params
            )
            articles = esearch_count(response.content)
        except (FetchError, ParseError) as error:
            return failed(self.name, IdKind.JOURNAL, title, error.reason)
        if articles:
            record = Record(
                source="pubmed",
                id=title,
                journal=title,
                url=f"https://pubmed.ncbi.nlm.nih.gov/?term={quote(title)}%5Bta%5D",
            )
            return found(self.name, IdKind.JOURNAL, title, record)
        reason = f"the NLM Catalog has {total} serials with these words ({checked} checked), none called so"
        return failed(self.name, IdKind.JOURNAL, title, reason)

    def _catalog_search(self, title: str) -> tuple[list[str], int]:
        """IDs of the first CATALOG_HITS serials matching the name, and how many match in all."""
        params = self._params(db="nlmcatalog", term=journal_term(title), retmode="json", retmax=CATALOG_HITS)
        what = "NCBI esearch (nlmcatalog)"
        response = self.client.call(what, "GET", self._url("esearch.fcgi"), params=params)
        ids = parse_esearch(response.content, what)
        return ids, max(len(ids), esearch_count(response.content))

    def _catalog_summaries(self, ids: list[str]) -> list[Record]:
        data = self._params(db="nlmcatalog", id=",".join(ids), retmode="json")
        response = self.client.call("NLM Catalog esummary", "POST", self._url("esummary.fcgi"), data=data)
        return parse_catalog_summaries(response.content)

    # --- search ---------------------------------------------------------------------------

    def search(self, query: BibliographicQuery) -> SearchResult:
        """Candidates from ECitMatch (journal+year+volume+page) and esearch (author/year/journal/title)."""
        try:
            pmids = self._candidate_pmids(query)
            if pmids is None:
                return SearchResult(
                    source=self.name, status=LookupStatus.NOT_FOUND, reason="too little to search for"
                )
            records = self.efetch(pmids) if pmids else {}
        except (FetchError, ParseError) as error:
            return SearchResult(source=self.name, status=LookupStatus.FAILED, reason=error.reason)
        candidates = [records[p] for p in pmids if p in records]
        if not candidates:
            return SearchResult(
                source=self.name, status=LookupStatus.NOT_FOUND, reason="PubMed found no match"
            )
        return SearchResult(source=self.name, status=LookupStatus.FOUND, candidates=candidates)

    def _candidate_pmids(self, query: BibliographicQuery) -> list[str] | None:
        """PMIDs to fetch (ECitMatch first), [] for none, None when the query says too little."""
        pmids: list[str] = []
        if query.journal and query.year and query.volume and query.first_page and query.journal.isascii():
            match = self.ecitmatch(query)
            pmids.extend([match] if match else [])
        term = pubmed_term(query)
        if term is None and not pmids:
            return None if not (query.journal and query.year) else []
        if term is not None:
            pmids.extend(self.esearch(term))
        return unique(pmids)[:SEARCH_RETMAX]
