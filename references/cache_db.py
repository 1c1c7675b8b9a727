"""The lookup cache's SQLite file and its failure modes.

A cache is an optimisation, so no problem with it may change a verdict or stop a run:
- locked by another writer (longer than `lock_timeout`) or read-only: the run goes on with what can
  still be read (read-only use offline works) and stores nothing new; ONE warning says so;
- corrupted (not a database, malformed): a `CacheCorruptError` naming the file for the maintenance
  commands (`auditor cache clear` repairs it: `clear_database` deletes and recreates the file); an
  audit opened with `tolerant=True` runs without the cache after one warning naming the file.
Warnings go to the `references.cache` logger; the command line shows them on stderr.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from platformdirs import user_cache_dir

LOG = logging.getLogger("auditor.references.cache")
CACHE_FILE = "lookups.sqlite3"
DATABASE_SUFFIXES = frozenset({".sqlite3", ".sqlite", ".db"})
LOCK_TIMEOUT = 5.0
_SCHEMA = """
CREATE TABLE IF NOT EXISTS lookups (
    source TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL,
    status TEXT NOT NULL, value TEXT NOT NULL, stored_at REAL NOT NULL,
    PRIMARY KEY (source, kind, key)
)
"""
_BUSY = frozenset({"SQLITE_BUSY", "SQLITE_LOCKED"})
_CORRUPT = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})


class CacheError(Exception):
    """The cache cannot be used for a maintenance command (a one-line message naming the file)."""


class CacheCorruptError(CacheError):
    """The cache file is not a (sound) SQLite database."""


def cache_directory(cache_dir: str | Path | None = None, env: Mapping[str, str] | None = None) -> Path:
    """`cache_dir`, else $AUDITOR_CACHE_DIR, else the user cache directory of auditor."""
    environ = os.environ if env is None else env
    if cache_dir:
        return Path(cache_dir)
    if environ.get("AUDITOR_CACHE_DIR"):
        return Path(environ["AUDITOR_CACHE_DIR"])
    return Path(user_cache_dir("auditor"))


def database_path(path: Path | str | None) -> Path:
    """The cache file: a path ending in .sqlite3/.sqlite/.db (or an existing file) is the file itself;
    anything else is a directory (whatever dots its name has) holding lookups.sqlite3."""
    if path is None:
        return cache_directory() / CACHE_FILE
    path = Path(path)
    if path.is_file() or (path.suffix.lower() in DATABASE_SUFFIXES and not path.is_dir()):
        return path
    return path / CACHE_FILE


def _error_name(error: sqlite3.Error) -> str:
    """SQLITE_BUSY, SQLITE_CORRUPT, … (the primary code; extended codes folded into it)."""
    name = getattr(error, "sqlite_errorname", "") or ""
    if name:
        return "_".join(name.split("_")[:2])
    text = str(error).lower()
    if "not a database" in text or "malformed" in text:
        return "SQLITE_CORRUPT"
    if "locked" in text:
        return "SQLITE_BUSY"
    return "SQLITE_READONLY" if "readonly" in text else "SQLITE_ERROR"


class CacheDatabase:
    """One SQLite connection behind a lock, with a clear failure mode (see the module docstring)."""

    def __init__(self, path: Path, *, lock_timeout: float = LOCK_TIMEOUT, tolerant: bool = False) -> None:
        self.path, self.lock_timeout, self.tolerant = path, lock_timeout, tolerant
        self.readable = self.writable = True
        self.problem: str | None = None  # why the cache is (partly) not used, once it is not
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        try:
            self._db = self._open()
        except sqlite3.Error as error:
            self._failed(error, "opening")

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            db = self.connect(str(self.path), timeout=self.lock_timeout, check_same_thread=False)
            with db:
                if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    db.execute("PRAGMA journal_mode=WAL")
                db.execute(_SCHEMA)
            return db
        except sqlite3.OperationalError as error:
            if _error_name(error) != "SQLITE_READONLY" and "unable to open" not in str(error):
                raise
        db = self._open_read_only()
        self._degrade("is read-only: stored answers are used, new lookups are not stored", reads=True)
        return db

    def _open_read_only(self) -> sqlite3.Connection:
        """mode=ro, else immutable=1 (a read-only directory where SQLite cannot create its -shm file)."""
        error: sqlite3.Error | None = None
        for flag in ("mode=ro", "immutable=1"):
            try:
                db = sqlite3.connect(
                    f"file:{self.path}?{flag}", uri=True, timeout=self.lock_timeout, check_same_thread=False
                )
                db.execute("SELECT COUNT(*) FROM lookups").fetchone()
                return db
            except sqlite3.Error as exc:
                error = exc
        assert error is not None
        raise error

    # hook for tests (and the reason it is a method): how the read-write connection is made
    connect: Callable[..., sqlite3.Connection] = staticmethod(sqlite3.connect)  # type: ignore[assignment]

    def close(self) -> None:
        """Close the connection (if any)."""
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    # --- degraded use -----------------------------------------------------------------------

    def _degrade(self, why: str, *, reads: bool) -> None:
        """Stop writing (and, unless `reads`, reading) with ONE warning for the whole run."""
        self.writable = False
        self.readable = self.readable and reads
        if self.problem is None:
            self.problem = f"the lookup cache {self.path} {why}"
            LOG.warning("%s", self.problem)

    def _failed(self, error: sqlite3.Error, doing: str) -> None:
        name = _error_name(error)
        if name in _CORRUPT:
            message = f"the lookup cache {self.path} is corrupted ({error}); `auditor cache clear` repairs it"
            if not self.tolerant:
                raise CacheCorruptError(message) from None
            self._degrade(
                f"is corrupted ({error}): running without it; `auditor cache clear` repairs it", reads=False
            )
        elif name in _BUSY:
            reads = self._db is not None and doing != "reading"
            effect = "new lookups are not stored" if reads else "running without it"
            self._degrade(
                f"is locked by another process (waited {self.lock_timeout:g} s): {effect}", reads=reads
            )
        elif name == "SQLITE_READONLY":
            self._degrade("is read-only: stored answers are used, new lookups are not stored", reads=True)
        elif self.tolerant:
            self._degrade(f"failed while {doing} ({error}): running without it", reads=False)
        else:
            raise CacheError(f"the lookup cache {self.path} failed while {doing}: {error}") from None

    @contextmanager
    def _guard(self, doing: str) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            self._failed(error, doing)

    # --- SQL --------------------------------------------------------------------------------

    def read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of a query; [] when the cache cannot be read."""
        rows: list[tuple[Any, ...]] = []
        with self._guard("reading"), self._lock:
            if self._db is not None and self.readable:
                rows = self._db.execute(sql, params).fetchall()
        if rows and not self.readable:  # a failure mid-read: a partial answer is none
            return []
        return rows

    def write(self, sql: str, rows: Sequence[Sequence[Any]]) -> int:
        """Run a statement for each row in one transaction; its row count (0 when not writable)."""
        count = 0
        with self._guard("writing"), self._lock:
            if self._db is not None and self.writable and rows:
                with self._db:
                    count = self._db.executemany(sql, rows).rowcount
        return count

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """One statement (DELETE …) in its own transaction; its row count (0 when not writable)."""
        return self.write(sql, [params])


def clear_database(path: Path) -> tuple[int, bool]:
    """Delete every entry; a corrupted file is deleted and recreated. Returns (entries, repaired)."""
    try:
        database = CacheDatabase(path)
    except CacheCorruptError:
        for name in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            name.unlink(missing_ok=True)
        CacheDatabase(path).close()
        return 0, True
    try:
        removed = database.execute("DELETE FROM lookups")
        if database.problem is not None:
            raise CacheError(database.problem)
        return removed, False
    finally:
        database.close()
