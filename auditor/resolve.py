"""Resolution: every identifier and citation of a run, looked up once, in batches.

Identifiers are collected and de-duplicated across ALL documents before the first request; then
each source gets one `lookup_many` per identifier kind (the sources batch internally). Order:
PMCIDs → idconv (gives PMIDs/DOIs); PMIDs → PubMed; DOIs → PubMed, then Crossref for the DOIs
PubMed lacks; NCT IDs → ClinicalTrials.gov; journal names → NLM Catalog, then Crossref. Works with
no identifier (and unlinked author citations / named studies) are searched, and a candidate is
accepted only after re-checking author, year and title (`auditor.candidates`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from auditor.candidates import best_candidate, compare, query_of
from auditor.checks.registry import ReferenceResolution
from auditor.claims.models import Claim, ClaimKind, Document
from auditor.claims.text import sentence_at, sentence_bounds
from auditor.named_studies import StudySearch, author_year_search, best_study, study_search
from auditor.references.models import (
    BibliographicQuery,
    IdKind,
    LookupResult,
    LookupStatus,
    Record,
    Reference,
    SearchResult,
)
from auditor.references.sources.interface import MetadataSource
from auditor.references.sources.parsing.doira_json import agency_of
from auditor.resolve_inputs import (
    Key,
    claim_identifiers,
    describe_failure,
    idconv_keys,
    journal_names,
    reference_identifiers,
    reference_query,
    unlinked_citation_claims,
)
from auditor.sources import SourceSet

NOT_SEARCHED = "not searched: the citation gives too little to search, or no source can search"


@dataclass(frozen=True)
class DocumentInputs:
    """What the resolver needs of one document."""

    document: Document
    claims: Sequence[Claim]
    references: Sequence[Reference]
    links: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass
class DocumentResolution:
    """Resolutions (by reference id or claim id), merged lookups and failed lookups of one document."""

    resolutions: dict[str, ReferenceResolution] = field(default_factory=dict)
    lookups: dict[tuple[str, str], LookupResult] = field(default_factory=dict)
    failed: list[str] = field(default_factory=list)


def merge_results(results: Sequence[LookupResult]) -> LookupResult | None:
    """One answer from several sources: any FOUND wins, else any FAILED, else NOT_FOUND."""
    for status in (LookupStatus.FOUND, LookupStatus.FAILED, LookupStatus.NOT_FOUND):
        chosen = next((r for r in results if r.status is status), None)
        if chosen is not None:
            return chosen
    return None


def _accepts(source: MetadataSource | None, kind: IdKind) -> bool:
    return source is not None and (not source.kinds or kind in source.kinds)


class Resolver:
    """Looks up everything the documents of a run cite, each identifier once."""

    def __init__(self, sources: SourceSet) -> None:
        self.sources = sources
        self._table: dict[Key, list[LookupResult]] = {}
        self._searches: dict[str, tuple[SearchResult, ...]] = {}
        self._studies: dict[str, StudySearch] = {}

    def resolve(self, items: Sequence[DocumentInputs]) -> list[DocumentResolution]:
        """Resolve the references and identifier claims of every document, batched across all."""
        self._lookup_identifiers(items)
        self._run_searches(self._queries(items))
        return [self._document(item) for item in items]

    # -- lookups ---------------------------------------------------------------------------------
    def _lookup_identifiers(self, items: Sequence[DocumentInputs]) -> None:
        wanted: dict[IdKind, set[str]] = {kind: set() for kind in IdKind}
        for item in items:
            for kind, key in self._item_keys(item):
                wanted[kind].add(key)
        self._batch(self.sources.idconv, IdKind.PMCID, wanted[IdKind.PMCID])
        for kind, key in self._ids_from_idconv(wanted[IdKind.PMCID]):
            wanted[kind].add(key)
        self._batch(self.sources.pubmed, IdKind.PMID, wanted[IdKind.PMID])
        self._batch_with_fallback(IdKind.DOI, wanted[IdKind.DOI])
        self._batch(self.sources.doira, IdKind.DOI, self._unknown_dois(wanted[IdKind.DOI]))
        self._batch(self.sources.ctgov, IdKind.NCT, wanted[IdKind.NCT])
        journals = wanted[IdKind.JOURNAL] | set(self._unresolved_reference_journals(items))
        self._batch_with_fallback(IdKind.JOURNAL, journals)

    @staticmethod
    def _item_keys(item: DocumentInputs) -> Iterable[Key]:
        """Identifiers of references and claims, and journals named in the text."""
        for reference in item.references:
            yield from reference_identifiers(reference)
        for claim in item.claims:
            yield from claim_identifiers(claim)
            yield from ((IdKind.JOURNAL, name) for name in journal_names(claim=claim))

    def _unresolved_reference_journals(self, items: Sequence[DocumentInputs]) -> Iterable[str]:
        """Journals of references whose identifiers found no record (a found record proves its journal).

        Not when an identifier lookup failed: what it would have found is unknown, and checking the
        journal instead would report what a run whose lookups worked does not (an "unknown journal").
        """
        for item in items:
            for reference in item.references:
                keys = self._expand(k for k in reference_identifiers(reference) if k[0] is not IdKind.NCT)
                merged = [merge_results(self._table.get(key, [])) for key in keys]
                if any(m is not None and m.failed for m in merged):
                    continue
                if not any(self._found_record(key) for key in keys):
                    yield from journal_names(reference=reference)

    def _ids_from_idconv(self, pmcids: set[str]) -> Iterable[Key]:
        for pmcid in sorted(pmcids):
            yield from idconv_keys(self._found_record((IdKind.PMCID, pmcid)))

    def _batch(self, source: MetadataSource | None, kind: IdKind, keys: Iterable[str]) -> None:
        if source is None or not _accepts(source, kind):
            return
        asked = {k for k in keys if any(r.source == source.name for r in self._table.get((kind, k), []))}
        todo = sorted(set(keys) - asked)
        if not todo:
            return
        answers = source.lookup_many(kind, todo)
        for key in todo:
            result = answers.get(key) or LookupResult(
                source=source.name, kind=kind, key=key, status=LookupStatus.FAILED, reason="no answer for key"
            )
            self._table.setdefault((kind, key), []).append(result)

    def _batch_with_fallback(self, kind: IdKind, keys: set[str]) -> None:
        """PubMed first; Crossref only for what PubMed did not find (mind the request budget)."""
        pubmed = self.sources.pubmed if _accepts(self.sources.pubmed, kind) else None
        self._batch(pubmed, kind, keys)
        missing = {k for k in keys if self._found_record((kind, k)) is None}
        self._batch(self.sources.crossref, kind, missing)

    def _unknown_dois(self, dois: set[str]) -> set[str]:
        """DOIs every bibliographic source answered "not found" for: doi.org says who holds them."""
        def unknown(doi: str) -> bool:
            results = self._table.get((IdKind.DOI, doi), [])
            return bool(results) and all(r.status is LookupStatus.NOT_FOUND for r in results)

        return {doi for doi in dois if unknown(doi)}

    def _found_record(self, key: Key) -> Record | None:
        merged = merge_results(self._table.get(key, []))
        if merged is None or merged.status is not LookupStatus.FOUND:
            return None
        return merged.record

    # -- searches --------------------------------------------------------------------------------
    def _queries(self, items: Sequence[DocumentInputs]) -> dict[str, tuple[BibliographicQuery, bool]]:
        queries: dict[str, tuple[BibliographicQuery, bool]] = {}
        for item in items:
            for reference in item.references:
                if self._needs_search(reference):
                    query = reference_query(reference)
                    queries[query.cache_key()] = (query, reference.parsed.translated)
            for _claim, claim_search in self._claim_searches(item):
                queries[claim_search.cache_key()] = (claim_search, False)
        return queries

    def _claim_searches(self, item: DocumentInputs) -> Iterator[tuple[Claim, BibliographicQuery]]:
        """Searches for unlinked author citations and named studies (topic from their sentence)."""
        text, bounds = item.document.text, None
        for claim in unlinked_citation_claims(item.claims, item.links):
            bounds = bounds or sentence_bounds(text)
            start, end = sentence_at(text, claim.span.start, bounds)
            searcher = study_search if claim.kind is ClaimKind.NAMED_STUDY else author_year_search
            study = searcher(claim, text[start:end])
            if study is not None:
                self._studies[study.query.cache_key()] = study
                yield claim, study.query

    def _needs_search(self, reference: Reference) -> bool:
        """No identifier; identifier not found; or the identifier's record is another author's work."""
        parsed = reference.parsed
        if not parsed.authors or not (parsed.title or parsed.journal):
            return False
        keys = [k for k in reference_identifiers(reference) if k[0] is not IdKind.NCT]
        records = [r for r in (self._found_record(k) for k in self._expand(keys)) if r is not None]
        if not keys or not records:
            return True
        query = query_of(parsed)
        return all(compare(query, r, translated=parsed.translated).author is False for r in records)

    def _run_searches(self, queries: Mapping[str, tuple[BibliographicQuery, bool]]) -> None:
        for cache_key, (query, translated) in sorted(queries.items()):
            results: list[SearchResult] = []
            for source in (self.sources.pubmed, self.sources.crossref):
                if source is None or not source.searchable:
                    continue
                result = source.search(query)
                results.append(result)
                if self._accepted(cache_key, query, list(result.candidates), translated) is not None:
                    break
            self._searches[cache_key] = tuple(results)

    def _accepted(
        self, cache_key: str, query: BibliographicQuery, candidates: list[Record], translated: bool
    ) -> tuple[Record, float | None] | None:
        """The candidate that is the cited work (a named study: journal, year and topic agree)."""
        study = self._studies.get(cache_key)
        if study is None:
            return best_candidate(query, candidates, translated=translated)
        found = best_study(study, candidates)
        return (found, None) if found is not None else None

    # -- per document ----------------------------------------------------------------------------
    def _expand(self, keys: Iterable[Key]) -> list[Key]:
        """Identifier keys plus the PMIDs/DOIs idconv gave for PMCIDs."""
        expanded = list(keys)
        for kind, key in list(expanded):
            if kind is IdKind.PMCID:
                expanded.extend(self._ids_from_idconv({key}))
        return expanded

    def _document(self, item: DocumentInputs) -> DocumentResolution:
        out = DocumentResolution()
        for reference in item.references:
            out.resolutions[reference.id] = self._resolve_reference(reference)
            self._add_lookups(out, reference_identifiers(reference), journal_names(reference=reference))
        for claim in item.claims:
            self._add_lookups(out, claim_identifiers(claim), journal_names(claim=claim))
        for claim, query in self._claim_searches(item):
            out.resolutions[claim.id] = self._from_search(query, False, ())
        return out

    def _add_lookups(self, out: DocumentResolution, keys: Iterable[Key], journals: Iterable[str]) -> None:
        all_keys = list(keys) + [(IdKind.JOURNAL, name) for name in journals]
        for key in self._expand(all_keys):
            merged = merge_results(self._table.get(key, []))
            if merged is None:
                continue
            out.lookups[(key[0].value, key[1])] = merged
            if merged.failed and describe_failure(merged) not in out.failed:
                out.failed.append(describe_failure(merged))

    def _resolve_reference(self, reference: Reference) -> ReferenceResolution:
        keys = self._expand(k for k in reference_identifiers(reference) if k[0] is not IdKind.NCT)
        consulted = tuple(r for key in keys for r in self._table.get(key, []))
        merged = [m for m in (merge_results(self._table.get(key, [])) for key in keys) if m is not None]
        query = reference_query(reference)
        # a bibliographic record (PubMed, Crossref) beats idconv's bare ID mapping
        found_all = [m for m in merged if m.status is LookupStatus.FOUND and m.record]
        found = next(
            (m for m in found_all if m.kind is not IdKind.PMCID), found_all[0] if found_all else None
        )
        searches = self._searches.get(query.cache_key(), ())
        if found is not None:
            return ReferenceResolution("identifier", found.record, None, consulted, searches)
        failed = next((m for m in merged if m.failed), None)
        if failed is not None:
            return ReferenceResolution("unverifiable", None, describe_failure(failed), consulted, searches)
        registered = next((m for m in merged if agency_of(m)), None)
        if registered is not None:
            reason = f"DOI {registered.key} is {registered.reason}, which this tool does not query"
            return ReferenceResolution("unverifiable", None, reason, consulted, searches)
        if merged:
            reason = "; ".join(f"{m.kind.value} {m.key} not found in {m.source}" for m in merged)
            return ReferenceResolution("not_found", None, reason, consulted, searches)
        return self._from_search(query, reference.parsed.translated, consulted)

    def _from_search(
        self, query: BibliographicQuery, translated: bool, consulted: tuple[LookupResult, ...]
    ) -> ReferenceResolution:
        searches = self._searches.get(query.cache_key(), ())
        candidates = [c for s in searches for c in s.candidates]
        best = self._accepted(query.cache_key(), query, candidates, translated)
        if best is not None:
            return ReferenceResolution("matched", best[0], None, consulted, searches, best[1])
        failed = next((s for s in searches if s.status is LookupStatus.FAILED), None)
        if failed is not None:
            reason = f"search failed ({failed.source}: {failed.reason})"
            return ReferenceResolution("unverifiable", None, reason, consulted, searches)
        if not searches:
            return ReferenceResolution("unverifiable", None, NOT_SEARCHED, consulted, searches)
        return ReferenceResolution("not_found", None, "no source found the cited work", consulted, searches)
