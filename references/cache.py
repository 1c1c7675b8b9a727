"""The lookup cache: results (not HTTP responses) in SQLite, keyed by source + kind + identifier.

A batch of 200 PMIDs and a later batch of 7 share entries because each identifier is its own row.
"Found" and "not found" expire separately (defaults 7 days and 1 day); FAILED results are never
stored, and nothing that contains the NCBI API key is. `CachingSource` puts a store in front of a
source; with `offline=True` (or no inner source) stored answers of any age are used (expiry only
decides when to ask again, and offline nothing can be asked) and a miss is FAILED "offline: not in
the cache".
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from auditor.references.cache_db import (
    CACHE_FILE,
    LOCK_TIMEOUT,
    CacheDatabase,
    cache_directory,
    database_path,
)
from auditor.references.cache_io import CacheImportError, export_lines, import_rows
from auditor.references.models import BibliographicQuery, IdKind, LookupResult, LookupStatus, SearchResult
from auditor.references.sources.interface import MetadataSource
from pydantic import ValidationError

LOG = logging.getLogger("auditor.references.cache")
DAY = 86400.0
SEARCH_KIND = "search"
_INSERT = "INSERT OR REPLACE INTO lookups VALUES (?, ?, ?, ?, ?, ?)"
__all__ = [
    "CACHE_FILE",
    "DAY",
    "CacheImportError",
    "CachingSource",
    "LookupStore",
    "cache_directory",
    "default_cache_path",
]


def default_cache_path() -> Path:
    """$AUDITOR_CACHE_DIR/lookups.sqlite3, else the user cache dir of "auditor"."""
    return cache_directory() / CACHE_FILE


def normalise_key(kind: str, key: str) -> str:
    """The stored form of an identifier: DOIs and journal titles lower-case, PMCIDs/NCT IDs upper."""
    key = " ".join(key.split())
    if kind in (IdKind.DOI.value, IdKind.JOURNAL.value):
        return key.lower()
    if kind in (IdKind.PMCID.value, IdKind.NCT.value):
        return key.upper()
    return key


class LookupStore:
    """SQLite store of lookup and search results (thread-safe; WAL); see `references.cache_db`.

    `tolerant` (audits): a corrupted or unusable file means running without the cache, after one
    warning, instead of a `CacheError`. A malformed row is dropped (logged) and counts as a miss.
    """

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        found_ttl: float = 7 * DAY,
        not_found_ttl: float = 1 * DAY,
        clock: Callable[[], float] = time.time,
        secrets: Iterable[str] | None = None,
        tolerant: bool = False,
        lock_timeout: float = LOCK_TIMEOUT,
    ) -> None:
        self.path = database_path(path)
        self.found_ttl, self.not_found_ttl, self.clock = found_ttl, not_found_ttl, clock
        env_key = os.environ.get("NCBI_API_KEY")
        self._secrets = [s for s in (secrets if secrets is not None else [env_key or ""]) if s]
        self.db = CacheDatabase(self.path, lock_timeout=lock_timeout, tolerant=tolerant)
        self.dropped = 0  # malformed rows dropped so far

    @property
    def problem(self) -> str | None:
        """Why the cache is (partly) not used, or None when it works."""
        return self.db.problem

    def close(self) -> None:
        """Close the database connection."""
        self.db.close()

    # --- freshness and safety -------------------------------------------------------------

    def _fresh(self, status: str, stored_at: float) -> bool:
        ttl = self.found_ttl if status == LookupStatus.FOUND.value else self.not_found_ttl
        return self.clock() - stored_at < ttl

    def _storable(self, key: str, value: str) -> bool:
        """Never store an entry whose key or value carries a secret or an api_key parameter."""
        text = key + value
        return "api_key=" not in text and not any(secret in text for secret in self._secrets)

    def _drop(self, source: str, kind: str, key: str, error: Exception) -> None:
        """Delete a row that is not a valid entry, so that the lookup is made again (and logged)."""
        self.dropped += 1
        log = LOG.warning if self.dropped == 1 else LOG.info
        log(
            "dropped a malformed entry of the lookup cache %s (%s %s %s: %s); it is looked up again",
            self.path,
            source,
            kind,
            key,
            type(error).__name__,
        )
        self.db.execute("DELETE FROM lookups WHERE source=? AND kind=? AND key=?", (source, kind, key))

    # --- lookups --------------------------------------------------------------------------

    def get_many(
        self, source: str, kind: IdKind, keys: Iterable[str], *, any_age: bool = False
    ) -> dict[str, LookupResult]:
        """Fresh stored results for those keys (marked from_cache), keyed by the keys as given.

        `any_age` returns expired entries too: offline, a stored answer of any age beats none.
        """
        wanted = {normalise_key(kind.value, k): k for k in keys}
        found: dict[str, LookupResult] = {}
        for stored_key, (status, value, stored_at) in self._rows(source, kind.value, list(wanted)).items():
            try:
                if not (any_age or self._fresh(status, stored_at)):
                    continue
                result = LookupResult.model_validate_json(value)
                if result.status.value != status or result.status is LookupStatus.FAILED:
                    raise ValueError("status disagrees with the stored entry")
            except (ValueError, TypeError, ValidationError) as error:
                self._drop(source, kind.value, stored_key, error)
                continue
            key = wanted[stored_key]
            found[key] = result.model_copy(update={"from_cache": True, "key": key})
        return found

    def put_many(self, results: Iterable[LookupResult]) -> int:
        """Store every FOUND / NOT_FOUND result (FAILED ones are skipped); returns how many were stored."""
        rows = []
        for result in results:
            if result.status is LookupStatus.FAILED:
                continue
            key = normalise_key(result.kind.value, result.key)
            value = result.model_copy(update={"from_cache": False, "key": key}).model_dump_json()
            if self._storable(key, value):
                rows.append((result.source, result.kind.value, key, result.status.value, value, self.clock()))
        self.db.write(_INSERT, rows)
        return len(rows) if self.db.writable else 0

    # --- searches -------------------------------------------------------------------------

    def get_search(self, source: str, cache_key: str, *, any_age: bool = False) -> SearchResult | None:
        """A fresh (or, with `any_age`, any) stored search result for `BibliographicQuery.cache_key()`."""
        row = self._rows(source, SEARCH_KIND, [cache_key]).get(cache_key)
        if row is None:
            return None
        try:
            if not (any_age or self._fresh(row[0], row[2])):
                return None
            result = SearchResult.model_validate_json(row[1])
            if result.status is LookupStatus.FAILED:
                raise ValueError("a failed search is not an entry")
        except (ValueError, TypeError, ValidationError) as error:
            self._drop(source, SEARCH_KIND, cache_key, error)
            return None
        return result.model_copy(update={"from_cache": True})

    def put_search(self, cache_key: str, result: SearchResult) -> bool:
        """Store a FOUND / NOT_FOUND search result; returns whether it was stored."""
        value = result.model_copy(update={"from_cache": False}).model_dump_json()
        if result.status is LookupStatus.FAILED or not self._storable(cache_key, value):
            return False
        self.db.write(
            _INSERT, [(result.source, SEARCH_KIND, cache_key, result.status.value, value, self.clock())]
        )
        return self.db.writable

    # --- SQL ------------------------------------------------------------------------------

    def _rows(self, source: str, kind: str, keys: list[str]) -> dict[str, tuple[Any, Any, Any]]:
        rows: dict[str, tuple[Any, Any, Any]] = {}
        sql = "SELECT key, status, value, stored_at FROM lookups WHERE source=? AND kind=? AND key IN ({})"
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            found = self.db.read(sql.format(",".join("?" * len(chunk))), [source, kind, *chunk])
            rows.update({key: (status, value, at) for key, status, value, at in found})
        return rows

    # --- maintenance ----------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        """Entries per source and status, file size, oldest and newest storage times."""
        per_source: dict[str, dict[str, int]] = {}
        for source, status, count in self.db.read(
            "SELECT source, status, COUNT(*) FROM lookups GROUP BY source, status"
        ):
            per_source.setdefault(source, {})[status] = count
        totals = self.db.read("SELECT MIN(stored_at), MAX(stored_at), COUNT(*) FROM lookups")
        oldest, newest, total = totals[0] if totals else (None, None, 0)
        files = [self.path, self.path.with_name(self.path.name + "-wal")]
        size = sum(f.stat().st_size for f in files if f.exists())
        return {"entries": total, "per_source": per_source, "bytes": size, "oldest": oldest, "newest": newest}

    def clear(self) -> int:
        """Delete every entry; returns how many there were."""
        return self.db.execute("DELETE FROM lookups")

    def export_jsonl(self, fp: IO[str]) -> int:
        """Write every entry as one strict-JSON object per line; returns the number of lines."""
        rows = self.db.read(
            "SELECT source, kind, key, status, value, stored_at FROM lookups ORDER BY source, kind, key"
        )
        return export_lines(rows, fp)

    def import_jsonl(self, fp: IO[str]) -> int:
        """Read lines written by `export_jsonl`; all or nothing; CacheImportError names bad lines."""
        rows = [r for r in import_rows(fp, now=self.clock()) if self._storable(r[2], r[4])]
        self.db.write(_INSERT, rows)
        return len(rows) if self.db.writable else 0


OFFLINE_REASON = "not checked offline: not in the cache"


class CachingSource(MetadataSource):
    """A source behind the store: stored answers first, then one `lookup_many` for the misses."""

    def __init__(
        self,
        inner: MetadataSource | None,
        store: LookupStore,
        *,
        refresh: bool = False,
        offline: bool = False,
        name: str | None = None,
        kinds: frozenset[IdKind] | None = None,
        searchable: bool | None = None,
    ) -> None:
        if inner is None and name is None:
            raise ValueError("CachingSource without an inner source needs the source name")
        self.inner = None if offline else inner
        # offline the store is all there is: its answers count whatever their age
        self.any_age = self.inner is None
        self.store, self.refresh = store, refresh
        self.name = name or (inner.name if inner else "")  # type: ignore[misc]
        # what the real service answers, so that offline the same lookups are "not made" as online
        # would be made (a source's class attributes; every kind when nothing says otherwise)
        self.kinds = kinds if kinds is not None else (inner.kinds if inner else frozenset(IdKind))  # type: ignore[misc]
        self.searchable = searchable if searchable is not None else (inner.searchable if inner else True)  # type: ignore[misc]
        self.hits = 0
        self.misses = 0
        self.failed_lookups = 0  # tried and failed
        self._counter_lock = threading.Lock()

    @property
    def requests_made(self) -> int:
        """HTTP requests the inner source sent (0 offline)."""
        return self.inner.requests_made if self.inner else 0

    @property
    def requests(self) -> int:
        """Alias of `requests_made`, for run summaries."""
        return self.requests_made

    @property
    def cache_hits(self) -> int:
        """Lookups and searches answered from the store."""
        return self.hits

    def _count(self, hits: int, misses: int, failed: int = 0) -> None:
        with self._counter_lock:
            self.hits += hits
            self.misses += misses
            self.failed_lookups += failed

    def lookup_many(self, kind: IdKind, keys: Sequence[str]) -> dict[str, LookupResult]:
        """Stored results for what is cached and fresh; the rest asked in one batch (and stored)."""
        wanted = list(dict.fromkeys(keys))
        cached = {} if self.refresh else self.store.get_many(self.name, kind, wanted, any_age=self.any_age)
        missing = [k for k in wanted if k not in cached]
        self._count(len(cached), len(missing))
        fresh: dict[str, LookupResult] = {}
        if missing and self.inner is None:
            fresh = {k: self._offline(kind, k) for k in missing}
        elif missing and self.inner is not None:
            fresh = self.inner.lookup_many(kind, missing)
            self.store.put_many(fresh.values())
            self._count(0, 0, sum(1 for r in fresh.values() if r.failed))
        return {k: cached[k] if k in cached else fresh[k] for k in wanted}

    def _offline(self, kind: IdKind, key: str) -> LookupResult:
        return LookupResult(
            source=self.name, kind=kind, key=key, status=LookupStatus.FAILED, reason=OFFLINE_REASON
        )

    def search(self, query: BibliographicQuery) -> SearchResult:
        """A stored search result, else the inner source's (stored unless FAILED)."""
        cache_key = query.cache_key()
        cached = None if self.refresh else self.store.get_search(self.name, cache_key, any_age=self.any_age)
        self._count(int(cached is not None), int(cached is None))
        if cached is not None:
            return cached
        if self.inner is None:
            return SearchResult(source=self.name, status=LookupStatus.FAILED, reason=OFFLINE_REASON)
        result = self.inner.search(query)
        self.store.put_search(cache_key, result)
        self._count(0, 0, int(result.status is LookupStatus.FAILED))
        return result
