"""The lookup cache: results (not HTTP responses) in SQLite, keyed by source + kind + identifier.

A batch of 200 PMIDs and a later batch of 7 share entries because each identifier is its own row.
"Found" and "not found" expire separately (defaults 7 days and 1 day); FAILED results are never
stored, and nothing that contains the NCBI API key is. `CachingSource` puts a store in front of a
source; with `offline=True` (or no inner source) stored answers of any age are used (expiry only
decides when to ask again, and offline nothing can be asked) and a miss is FAILED "offline: not in
the cache".
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from platformdirs import user_cache_dir
from pydantic import BaseModel, ValidationError

from references.models import BibliographicQuery, IdKind, LookupResult, LookupStatus, SearchResult
from references.sources.interface import MetadataSource

DAY = 86400.0
SEARCH_KIND = "search"
CACHE_FILE = "lookups.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS lookups (
    source TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL,
    status TEXT NOT NULL, value TEXT NOT NULL, stored_at REAL NOT NULL,
    PRIMARY KEY (source, kind, key)
)
"""


class CacheImportError(ValueError):
    """An export file with lines that are not cache entries (a one-line message with line numbers)."""


def default_cache_path() -> Path:
    """$AUDITOR_CACHE_DIR/lookups.sqlite3, else the user cache dir of "auditor"."""
    directory = os.environ.get("AUDITOR_CACHE_DIR") or user_cache_dir("auditor")
    return Path(directory) / CACHE_FILE


def normalise_key(kind: str, key: str) -> str:
    """The stored form of an identifier: DOIs and journal titles lower-case, PMCIDs/NCT IDs upper."""
    key = " ".join(key.split())
    if kind in (IdKind.DOI.value, IdKind.JOURNAL.value):
        return key.lower()
    if kind in (IdKind.PMCID.value, IdKind.NCT.value):
        return key.upper()
    return key


def _database_path(path: Path) -> Path:
    """A directory (existing, or a path without a suffix) means the cache file inside it."""
    return path / CACHE_FILE if path.is_dir() or not path.suffix else path


class ExportLine(BaseModel):
    """One line of `export_jsonl`: an entry with its payload fields."""

    source: str
    kind: str
    key: str
    status: LookupStatus
    stored_at: float
    entry: dict[str, Any]


class LookupStore:
    """SQLite store of lookup and search results (thread-safe: one connection behind a lock; WAL)."""

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        found_ttl: float = 7 * DAY,
        not_found_ttl: float = 1 * DAY,
        clock: Callable[[], float] = time.time,
        secrets: Iterable[str] | None = None,
    ) -> None:
        self.path = _database_path(Path(path)) if path is not None else default_cache_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.found_ttl, self.not_found_ttl, self.clock = found_ttl, not_found_ttl, clock
        env_key = os.environ.get("NCBI_API_KEY")
        self._secrets = [s for s in (secrets if secrets is not None else [env_key or ""]) if s]
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(self.path), check_same_thread=False)
        with self._lock, self._db:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(_SCHEMA)

    def close(self) -> None:
        """Close the database connection."""
        with self._lock:
            self._db.close()

    # --- freshness and safety -------------------------------------------------------------

    def _fresh(self, status: str, stored_at: float) -> bool:
        ttl = self.found_ttl if status == LookupStatus.FOUND.value else self.not_found_ttl
        return self.clock() - stored_at < ttl

    def _storable(self, key: str, value: str) -> bool:
        """Never store an entry whose key or value carries a secret or an api_key parameter."""
        text = key + value
        return "api_key=" not in text and not any(secret in text for secret in self._secrets)

    # --- lookups --------------------------------------------------------------------------

    def get_many(
        self, source: str, kind: IdKind, keys: Iterable[str], *, any_age: bool = False
    ) -> dict[str, LookupResult]:
        """Fresh stored results for those keys (marked from_cache), keyed by the keys as given.

        `any_age` returns expired entries too: offline, a stored answer of any age beats none.
        """
        wanted = {normalise_key(kind.value, k): k for k in keys}
        rows = self._rows(source, kind.value, list(wanted))
        found: dict[str, LookupResult] = {}
        for stored_key, (status, value, stored_at) in rows.items():
            if any_age or self._fresh(status, stored_at):
                result = LookupResult.model_validate_json(value)
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
        self._write(rows)
        return len(rows)

    # --- searches -------------------------------------------------------------------------

    def get_search(self, source: str, cache_key: str, *, any_age: bool = False) -> SearchResult | None:
        """A fresh (or, with `any_age`, any) stored search result for `BibliographicQuery.cache_key()`."""
        row = self._rows(source, SEARCH_KIND, [cache_key]).get(cache_key)
        if row is None or not (any_age or self._fresh(row[0], row[2])):
            return None
        return SearchResult.model_validate_json(row[1]).model_copy(update={"from_cache": True})

    def put_search(self, cache_key: str, result: SearchResult) -> bool:
        """Store a FOUND / NOT_FOUND search result; returns whether it was stored."""
        value = result.model_copy(update={"from_cache": False}).model_dump_json()
        if result.status is LookupStatus.FAILED or not self._storable(cache_key, value):
            return False
        self._write([(result.source, SEARCH_KIND, cache_key, result.status.value, value, self.clock())])
        return True

    # --- SQL ------------------------------------------------------------------------------

    def _rows(self, source: str, kind: str, keys: list[str]) -> dict[str, tuple[str, str, float]]:
        rows: dict[str, tuple[str, str, float]] = {}
        sql = "SELECT key, status, value, stored_at FROM lookups WHERE source=? AND kind=? AND key IN ({})"
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            with self._lock:
                cursor = self._db.execute(sql.format(",".join("?" * len(chunk))), [source, kind, *chunk])
                rows.update({key: (status, value, at) for key, status, value, at in cursor.fetchall()})
        return rows

    def _write(self, rows: list[tuple[str, str, str, str, str, float]]) -> None:
        if rows:
            with self._lock, self._db:
                self._db.executemany("INSERT OR REPLACE INTO lookups VALUES (?, ?, ?, ?, ?, ?)", rows)

    # --- maintenance ----------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        """Entries per source and status, file size, oldest and newest storage times."""
        with self._lock:
            counts = self._db.execute("SELECT source, status, COUNT(*) FROM lookups GROUP BY source, status")
            per_source: dict[str, dict[str, int]] = {}
            for source, status, count in counts.fetchall():
                per_source.setdefault(source, {})[status] = count
            oldest, newest, total = self._db.execute(
                "SELECT MIN(stored_at), MAX(stored_at), COUNT(*) FROM lookups"
            ).fetchone()
        files = [self.path, self.path.with_name(self.path.name + "-wal")]
        size = sum(f.stat().st_size for f in files if f.exists())
        return {"entries": total, "per_source": per_source, "bytes": size, "oldest": oldest, "newest": newest}

    def clear(self) -> int:
        """Delete every entry; returns how many there were."""
        with self._lock, self._db:
            return self._db.execute("DELETE FROM lookups").rowcount

    def export_jsonl(self, fp: IO[str]) -> int:
        """Write every entry as one JSON object per line; returns the number of lines."""
        with self._lock:
            rows = self._db.execute(
                "SELECT source, kind, key, status, value, stored_at FROM lookups ORDER BY source, kind, key"
            ).fetchall()
        for source, kind, key, status, value, stored_at in rows:
            entry = json.loads(value)
            line = {"source": source, "kind": kind, "key": key, "status": status, "stored_at": stored_at}
            fp.write(json.dumps({**line, **_payload(entry)}, ensure_ascii=False) + "\n")
        return len(rows)

    def import_jsonl(self, fp: IO[str]) -> int:
        """Read lines written by `export_jsonl`; all or nothing; CacheImportError names bad lines."""
        rows, bad = [], []
        for number, text in enumerate(fp, start=1):
            if not text.strip():
                continue
            try:
                rows.append(_row_of_line(text))
            except (ValueError, ValidationError):
                bad.append(number)
        if bad:
            shown = ", ".join(str(n) for n in bad[:10]) + (" …" if len(bad) > 10 else "")
            raise CacheImportError(f"not a cache export: bad JSON Lines entries at line(s) {shown}")
        rows = [r for r in rows if self._storable(r[2], r[4])]
        self._write(rows)
        return len(rows)


_PAYLOAD_FIELDS = ("record", "trial", "candidates", "trials", "reason")


def _payload(entry: dict[str, Any]) -> dict[str, Any]:
    return {name: entry[name] for name in _PAYLOAD_FIELDS if name in entry}


def _row_of_line(text: str) -> tuple[str, str, str, str, str, float]:
    """Validate one export line and rebuild the stored value from it."""
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("not an object")
    fields = {k: data.get(k) for k in ("source", "kind", "key", "status", "stored_at")}
    line = ExportLine.model_validate({**fields, "entry": data})
    payload = _payload(data)
    if line.status is LookupStatus.FAILED:
        raise ValueError("failed results are not cache entries")
    if line.kind == SEARCH_KIND:
        value = SearchResult(source=line.source, status=line.status, **payload).model_dump_json()
    else:
        kind = IdKind(line.kind)
        value = LookupResult(
            source=line.source, kind=kind, key=line.key, status=line.status, **payload
        ).model_dump_json()
    return (line.source, line.kind, line.key, line.status.value, value, line.stored_at)


OFFLINE_REASON = "offline: not in the cache"


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
        self.not_made = 0  # offline misses: not tried
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

    def _count(self, hits: int, misses: int, failed: int = 0, not_made: int = 0) -> None:
        with self._counter_lock:
            self.hits += hits
            self.misses += misses
            self.failed_lookups += failed
            self.not_made += not_made

    def lookup_many(self, kind: IdKind, keys: Sequence[str]) -> dict[str, LookupResult]:
        """Stored results for what is cached and fresh; the rest asked in one batch (and stored)."""
        wanted = list(dict.fromkeys(keys))
        cached = {} if self.refresh else self.store.get_many(self.name, kind, wanted, any_age=self.any_age)
        missing = [k for k in wanted if k not in cached]
        self._count(len(cached), len(missing))
        fresh: dict[str, LookupResult] = {}
        if missing and self.inner is None:
            fresh = {k: self._offline(kind, k) for k in missing}
            self._count(0, 0, not_made=len(missing))
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
            self._count(0, 0, not_made=1)
            return SearchResult(source=self.name, status=LookupStatus.FAILED, reason=OFFLINE_REASON)
        result = self.inner.search(query)
        self.store.put_search(cache_key, result)
        self._count(0, 0, int(result.status is LookupStatus.FAILED))
        return result
