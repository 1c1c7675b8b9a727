"""LookupStore and CachingSource: shared entries across batches, expiry, failures, offline, export."""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Sequence
from pathlib import Path

import pytest
from auditor.references.cache import (
    OFFLINE_REASON,
    CacheImportError,
    CachingSource,
    LookupStore,
    default_cache_path,
)
from auditor.references.models import (
    BibliographicQuery,
    IdKind,
    LookupResult,
    LookupStatus,
    Record,
    SearchResult,
    TrialRecord,
)
from auditor.references.sources.interface import MetadataSource

SECRET = "CACHESECRET42"


class CountingSource(MetadataSource):
    """Answers PMIDs by parity (odd: found, even: not found; "500": failed) and counts requests."""

    name = "pubmed"
    kinds = frozenset({IdKind.PMID, IdKind.DOI, IdKind.NCT})
    searchable = True

    def __init__(self) -> None:
        self.batches: list[list[str]] = []
        self.searches = 0

    def lookup_many(self, kind: IdKind, keys: Sequence[str]) -> dict[str, LookupResult]:
        self.batches.append(list(keys))
        return {k: self._answer(kind, k) for k in keys}

    def _answer(self, kind: IdKind, key: str) -> LookupResult:
        if key == "500":
            return LookupResult(
                source=self.name, kind=kind, key=key, status=LookupStatus.FAILED, reason="HTTP 500"
            )
        if kind is IdKind.NCT:
            trial = TrialRecord(id=key.upper(), aliases=["NCT00000001"])
            return LookupResult(source=self.name, kind=kind, key=key, status=LookupStatus.FOUND, trial=trial)
        if kind is IdKind.DOI or int(key) % 2:
            record = Record(source=self.name, id=key, title=f"Title {key}", year=2020)
            return LookupResult(
                source=self.name, kind=kind, key=key, status=LookupStatus.FOUND, record=record
            )
        return LookupResult(
            source=self.name, kind=kind, key=key, status=LookupStatus.NOT_FOUND, reason="none"
        )

    def search(self, query: BibliographicQuery) -> SearchResult:
        self.searches += 1
        return SearchResult(
            source=self.name, status=LookupStatus.FOUND, candidates=[Record(source="pubmed", id="7")]
        )

    @property
    def requests_made(self) -> int:
        return len(self.batches) + self.searches


class Clock:
    """A settable clock for expiry tests."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> LookupStore:
    return LookupStore(tmp_path / "lookups.sqlite3", clock=clock, secrets=[SECRET])


def test_batches_of_different_composition_share_entries(store: LookupStore) -> None:
    inner = CountingSource()
    cached = CachingSource(inner, store)
    cached.lookup_many(IdKind.PMID, [str(i) for i in range(1, 201)])
    results = cached.lookup_many(IdKind.PMID, [str(i) for i in (3, 50, 120, 199, 200, 201, 202)])
    assert inner.batches[-1] == ["201", "202"]  # only the two never seen
    assert (
        results["3"].from_cache
        and results["50"].status is LookupStatus.NOT_FOUND
        and results["50"].from_cache
    )
    assert not results["201"].from_cache
    assert (cached.hits, cached.misses, cached.requests_made) == (5, 202, 2)
    cached.lookup_many(IdKind.PMID, ["3", "50"])
    assert cached.requests_made == 2


def test_keys_are_normalised_per_kind(store: LookupStore) -> None:
    inner = CountingSource()
    cached = CachingSource(inner, store)
    cached.lookup_many(IdKind.DOI, ["10.5555/ABC.1"])
    again = cached.lookup_many(IdKind.DOI, ["10.5555/abc.1"])
    assert len(inner.batches) == 1 and again["10.5555/abc.1"].key == "10.5555/abc.1"


@pytest.mark.parametrize(
    ("key", "age_days", "cached"),
    [
        ("1", 6.9, True),  # found: 7 days
        ("1", 7.1, False),
        ("2", 0.9, True),  # not found: 1 day
        ("2", 1.1, False),
    ],
)
def test_found_and_not_found_expire_separately(
    store: LookupStore, clock: Clock, key: str, age_days: float, cached: bool
) -> None:
    inner = CountingSource()
    source = CachingSource(inner, store)
    source.lookup_many(IdKind.PMID, [key])
    clock.now += age_days * 86400
    result = source.lookup_many(IdKind.PMID, [key])[key]
    assert result.from_cache is cached
    assert len(inner.batches) == (1 if cached else 2)


def test_configurable_expiry(tmp_path: Path, clock: Clock) -> None:
    store = LookupStore(tmp_path / "c.sqlite3", clock=clock, found_ttl=60, not_found_ttl=10, secrets=[])
    store.put_many([CountingSource()._answer(IdKind.PMID, "1")])
    clock.now += 61
    assert store.get_many("pubmed", IdKind.PMID, ["1"]) == {}


def test_failures_are_never_stored(store: LookupStore) -> None:
    inner = CountingSource()
    cached = CachingSource(inner, store)
    first = cached.lookup_many(IdKind.PMID, ["500"])["500"]
    second = cached.lookup_many(IdKind.PMID, ["500"])["500"]
    assert first.failed and second.failed and len(inner.batches) == 2
    assert store.stats()["entries"] == 0


def test_refresh_bypasses_but_writes(store: LookupStore) -> None:
    inner = CountingSource()
    CachingSource(inner, store).lookup_many(IdKind.PMID, ["1"])
    refreshed = CachingSource(inner, store, refresh=True).lookup_many(IdKind.PMID, ["1"])["1"]
    assert not refreshed.from_cache and len(inner.batches) == 2
    assert CachingSource(inner, store).lookup_many(IdKind.PMID, ["1"])["1"].from_cache


def test_offline_never_calls_inner(store: LookupStore) -> None:
    inner = CountingSource()
    CachingSource(inner, store).lookup_many(IdKind.PMID, ["1"])
    offline = CachingSource(inner, store, offline=True)
    results = offline.lookup_many(IdKind.PMID, ["1", "3"])
    assert results["1"].from_cache
    assert results["3"].status is LookupStatus.FAILED and results["3"].reason == OFFLINE_REASON
    assert offline.search(BibliographicQuery(title="x")).status is LookupStatus.FAILED
    assert len(inner.batches) == 1 and inner.searches == 0 and offline.requests_made == 0


def test_offline_uses_expired_entries_online_asks_again(store: LookupStore, clock: Clock) -> None:
    """Expiry decides when to ask again; offline nothing can be asked, so any stored answer counts."""
    inner = CountingSource()
    query = BibliographicQuery(authors=["Wang"], year=2019, title="Outcomes")
    online = CachingSource(inner, store)
    online.lookup_many(IdKind.PMID, ["1", "2"])
    online.search(query)
    clock.now += 30 * 86400  # both "found" (7 d) and "not found" (1 d) have expired
    offline = CachingSource(inner, store, offline=True)
    results = offline.lookup_many(IdKind.PMID, ["1", "2"])
    assert results["1"].status is LookupStatus.FOUND and results["1"].from_cache
    assert results["2"].status is LookupStatus.NOT_FOUND and results["2"].from_cache
    assert offline.search(query).from_cache and offline.failed_lookups == 0
    assert len(inner.batches) == 1 and inner.searches == 1
    assert not CachingSource(inner, store).lookup_many(IdKind.PMID, ["1"])["1"].from_cache
    assert len(inner.batches) == 2


def test_no_inner_source_is_offline(store: LookupStore) -> None:
    source = CachingSource(None, store, name="crossref")
    assert source.lookup(IdKind.DOI, "10.1/x").reason == OFFLINE_REASON
    with pytest.raises(ValueError):
        CachingSource(None, store)


def test_search_results_are_cached_by_query_key(store: LookupStore) -> None:
    inner = CountingSource()
    cached = CachingSource(inner, store)
    query = BibliographicQuery(authors=["Wang"], year=2019, title="Outcomes")
    assert not cached.search(query).from_cache
    again = cached.search(BibliographicQuery(authors=["WANG"], year=2019, title="outcomes"))
    assert again.from_cache and again.candidates[0].id == "7" and inner.searches == 1


def test_failed_search_not_stored(store: LookupStore) -> None:
    failed = SearchResult(source="crossref", status=LookupStatus.FAILED, reason="HTTP 503")
    assert store.put_search("k", failed) is False and store.get_search("crossref", "k") is None


def test_entries_carrying_the_api_key_are_never_stored(store: LookupStore) -> None:
    leaky = LookupResult(
        source="pubmed", kind=IdKind.PMID, key=f"1&api_key={SECRET}", status=LookupStatus.NOT_FOUND
    )
    leaky_value = LookupResult(
        source="pubmed", kind=IdKind.PMID, key="9", status=LookupStatus.NOT_FOUND, reason=f"see {SECRET}"
    )
    assert store.put_many([leaky, leaky_value]) == 0
    assert store.stats()["entries"] == 0


def test_export_import_round_trip(store: LookupStore, tmp_path: Path) -> None:
    inner = CountingSource()
    cached = CachingSource(inner, store)
    cached.lookup_many(IdKind.PMID, ["1", "2"])
    cached.lookup_many(IdKind.NCT, ["NCT01234567"])
    cached.search(BibliographicQuery(title="Outcomes", year=2019))
    out = io.StringIO()
    assert store.export_jsonl(out) == 4
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert {
        tuple(sorted(k for k in ("source", "kind", "key", "status", "stored_at") if k in line))
        for line in lines
    } == {("key", "kind", "source", "status", "stored_at")}
    copy = LookupStore(tmp_path / "copy.sqlite3", clock=store.clock, secrets=[])
    assert copy.import_jsonl(io.StringIO(out.getvalue())) == 4
    trial = copy.get_many("pubmed", IdKind.NCT, ["NCT01234567"])["NCT01234567"].trial
    assert trial is not None and trial.aliases == ["NCT00000001"]
    assert (
        copy.get_many("pubmed", IdKind.PMID, ["1"])["1"].record
        == store.get_many("pubmed", IdKind.PMID, ["1"])["1"].record
    )


@pytest.mark.parametrize(
    ("text", "bad_lines"),
    [
        ('{"source":"pubmed"}\n', "1"),
        ("not json\n\n[1, 2]\n", "1, 3"),
        ('{"source":"pubmed","kind":"pmid","key":"1","status":"failed","stored_at":1}\n', "1"),
        ('{"source":"pubmed","kind":"isbn","key":"1","status":"found","stored_at":1}\n', "1"),
    ],
)
def test_import_rejects_bad_lines_with_their_numbers(store: LookupStore, text: str, bad_lines: str) -> None:
    with pytest.raises(CacheImportError, match=f"line\\(s\\) {bad_lines}$"):
        store.import_jsonl(io.StringIO(text))
    assert store.stats()["entries"] == 0


def test_stats_and_clear(store: LookupStore) -> None:
    CachingSource(CountingSource(), store).lookup_many(IdKind.PMID, ["1", "2", "3"])
    stats = store.stats()
    assert stats["entries"] == 3 and stats["per_source"] == {"pubmed": {"found": 2, "not_found": 1}}
    assert stats["oldest"] <= stats["newest"] and stats["bytes"] > 0
    assert store.clear() == 3 and store.stats()["entries"] == 0


def test_concurrent_use_from_threads(store: LookupStore) -> None:
    cached = CachingSource(CountingSource(), store)
    errors: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            for i in range(20):
                cached.lookup_many(IdKind.PMID, [str(offset * 1000 + i), str(i)])
        except BaseException as error:  # noqa: BLE001 - collected for the assertion
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [] and store.stats()["entries"] == 6 * 20  # offset 0 repeats the shared keys


def test_default_path_honours_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "cachedir"))
    assert default_cache_path() == tmp_path / "cachedir" / "lookups.sqlite3"
    assert LookupStore().path == tmp_path / "cachedir" / "lookups.sqlite3"


def test_a_directory_means_the_file_inside_it(tmp_path: Path) -> None:
    assert LookupStore(tmp_path).path == tmp_path / "lookups.sqlite3"
    assert LookupStore(tmp_path / "new-dir").path == tmp_path / "new-dir" / "lookups.sqlite3"
    assert LookupStore(tmp_path / "mine.db").path == tmp_path / "mine.db"


def test_counters_for_run_summaries(store: LookupStore) -> None:
    cached = CachingSource(CountingSource(), store)
    cached.lookup_many(IdKind.PMID, ["1", "500"])
    cached.lookup_many(IdKind.PMID, ["1"])
    assert (cached.cache_hits, cached.failed_lookups) == (1, 1)
    offline = CachingSource(None, store, name="pubmed")
    offline.lookup_many(IdKind.PMID, ["1", "9"])
    offline.search(BibliographicQuery(title="x"))
    assert (offline.cache_hits, offline.failed_lookups, offline.misses) == (1, 0, 2)
