"""The cache's failure modes: a malformed row, a lock held by another process, a read-only file, a
corrupted file, a directory name with a dot, and import hygiene (future / non-finite / nested / binary)."""

from __future__ import annotations

import io
import logging
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from auditor.references.cache import CacheImportError, CachingSource, LookupStore
from auditor.references.cache_db import CacheCorruptError, CacheDatabase, clear_database
from auditor.references.models import IdKind, LookupResult, LookupStatus, Record
from auditor.references.sources.interface import MetadataSource

NOW = 1_800_000_000.0


class Answers(MetadataSource):
    """Every PMID found, every call counted."""

    name = "pubmed"
    kinds = frozenset({IdKind.PMID})

    def __init__(self) -> None:
        self.asked: list[str] = []

    def lookup_many(self, kind: IdKind, keys: Sequence[str]) -> dict[str, LookupResult]:
        self.asked.extend(keys)
        return {
            k: LookupResult(
                source=self.name,
                kind=kind,
                key=k,
                status=LookupStatus.FOUND,
                record=Record(source="pubmed", id=k, pmid=k, title=f"Work {k}", year=2020),
            )
            for k in keys
        }


def _filled(path: Path, keys: Sequence[str] = ("1", "2")) -> None:
    store = LookupStore(path, clock=lambda: NOW)
    CachingSource(Answers(), store).lookup_many(IdKind.PMID, list(keys))
    store.close()


def _records(results: dict[str, LookupResult]) -> dict[str, str | None]:
    return {k: (r.record.title if r.record else None) for k, r in results.items()}


def _cache_warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "auditor.references.cache" and r.levelno >= logging.WARNING
    ]


def test_malformed_row_is_dropped_logged_and_looked_up_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "lookups.sqlite3"
    _filled(path)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE lookups SET value = '{\"not\": ' WHERE key = '1'")
        db.execute("UPDATE lookups SET stored_at = 'yesterday' WHERE key = '2'")
    inner = Answers()
    store = LookupStore(path, clock=lambda: NOW)
    results = CachingSource(inner, store).lookup_many(IdKind.PMID, ["1", "2"])
    assert _records(results) == {"1": "Work 1", "2": "Work 2"}
    assert sorted(inner.asked) == ["1", "2"]  # both asked again
    assert any("dropped a malformed entry" in m and str(path) in m for m in _cache_warnings(caplog))
    again = Answers()
    CachingSource(again, store).lookup_many(IdKind.PMID, ["1", "2"])
    assert again.asked == []  # the fresh answers replaced the bad rows


@pytest.fixture
def locker(tmp_path: Path) -> Iterator[Path]:
    """Another process holding the cache's write lock (BEGIN EXCLUSIVE) until the test ends."""
    path = tmp_path / "lookups.sqlite3"
    _filled(path)
    code = (
        "import sqlite3, sys\n"
        f"db = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
        "db.execute('BEGIN EXCLUSIVE')\n"
        "db.execute(\"DELETE FROM lookups WHERE key = 'none'\")\n"
        "print('locked', flush=True)\n"
        "sys.stdin.read()\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "locked"
    yield path
    assert child.stdin is not None
    child.stdin.close()
    child.wait(timeout=30)


def test_cache_locked_by_another_process_degrades_with_one_warning(
    locker: Path, caplog: pytest.LogCaptureFixture
) -> None:
    inner = Answers()
    store = LookupStore(locker, clock=lambda: NOW, lock_timeout=0.05, tolerant=True)
    source = CachingSource(inner, store)
    results = source.lookup_many(IdKind.PMID, ["1", "3"])
    results.update(source.lookup_many(IdKind.PMID, ["4"]))
    assert _records(results) == {"1": "Work 1", "3": "Work 3", "4": "Work 4"}
    assert inner.asked == ["3", "4"]  # "1" still read from the locked cache
    (warning,) = _cache_warnings(caplog)
    assert str(locker) in warning and "locked by another process" in warning


def test_read_only_cache_is_read_and_never_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "lookups.sqlite3"
    _filled(path)

    def read_only(database: str, **kwargs: object) -> sqlite3.Connection:  # what SQLite does with a 0444 file
        return sqlite3.connect(f"file:{database}?mode=ro", uri=True, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(CacheDatabase, "connect", staticmethod(read_only))
    inner = Answers()
    offline = CachingSource(None, LookupStore(path, clock=lambda: NOW, tolerant=True), name="pubmed")
    assert _records(offline.lookup_many(IdKind.PMID, ["1", "2"])) == {"1": "Work 1", "2": "Work 2"}
    online = CachingSource(inner, LookupStore(path, clock=lambda: NOW, tolerant=True))
    assert _records(online.lookup_many(IdKind.PMID, ["1", "5"])) == {"1": "Work 1", "5": "Work 5"}
    assert online.lookup_many(IdKind.PMID, ["5"]) and inner.asked == ["5", "5"]  # nothing was stored
    warnings = _cache_warnings(caplog)
    assert len(warnings) == 1 and "read-only" in warnings[0] and str(path) in warnings[0]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can write a 0444 file")
def test_read_only_file_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "lookups.sqlite3"
    _filled(path)
    path.chmod(0o444)
    store = LookupStore(path, clock=lambda: NOW, tolerant=True)
    assert _records(store.get_many("pubmed", IdKind.PMID, ["1"])) == {"1": "Work 1"}
    assert store.put_many(Answers().lookup_many(IdKind.PMID, ["9"]).values()) == 0
    assert store.problem is not None and "read-only" in store.problem


def test_corrupted_file_is_named_and_cache_clear_repairs_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "lookups.sqlite3"
    path.write_bytes(b"this is not a database, it is a note left by someone\n" * 200)
    with pytest.raises(CacheCorruptError, match=f"{path}.*corrupted.*auditor cache clear"):
        LookupStore(path)
    inner = Answers()
    tolerant = LookupStore(path, tolerant=True)
    assert _records(CachingSource(inner, tolerant).lookup_many(IdKind.PMID, ["1"])) == {"1": "Work 1"}
    assert any(str(path) in m and "corrupted" in m for m in _cache_warnings(caplog))
    tolerant.close()
    assert clear_database(path) == (0, True)
    store = LookupStore(path, clock=lambda: NOW)
    CachingSource(Answers(), store).lookup_many(IdKind.PMID, ["1"])
    assert store.stats()["entries"] == 1
    assert clear_database(path) == (1, False)


def test_a_directory_name_with_a_dot_is_a_directory(tmp_path: Path) -> None:
    for name in ("cache.d", "auditor.v2", ".cache"):
        assert LookupStore(tmp_path / name).path == tmp_path / name / "lookups.sqlite3"
    assert LookupStore(tmp_path / "mine.sqlite3").path == tmp_path / "mine.sqlite3"


LINE = '{"source":"pubmed","kind":"pmid","key":"1","status":"not_found","stored_at":%s,"reason":"none"}\n'


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (
            LINE % "1800000000" + LINE % "1900000000",
            r"line 2: stored_at is in the future\): bad entries at line\(s\) 2$",
        ),
        (LINE % "Infinity", r"line 1: Infinity is not a number strict JSON allows"),
        (LINE % "NaN", r"line 1: NaN is not a number"),
        (LINE % "-Infinity", r"line 1: -Infinity is not a number"),
        (LINE % "1e400", r"line 1: stored_at: .*finite"),
        (LINE % '"soon"', r"line 1: stored_at"),
        (LINE % "true", r"line 1: stored_at is not a time"),
        ("\n" + "[" * 100_000 + "\n", r"line 2: JSON nested too deeply"),
    ],
)
def test_import_refuses_doubtful_lines_with_their_number(tmp_path: Path, text: str, why: str) -> None:
    store = LookupStore(tmp_path, clock=lambda: NOW)
    with pytest.raises(CacheImportError, match=why):
        store.import_jsonl(io.StringIO(text))
    assert store.stats()["entries"] == 0


def test_import_of_binary_data_is_a_clear_error(tmp_path: Path) -> None:
    binary = tmp_path / "cache.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00" * 50)
    store = LookupStore(tmp_path, clock=lambda: NOW)
    with binary.open(encoding="utf-8") as fp, pytest.raises(CacheImportError, match="line 1 is not UTF-8"):
        store.import_jsonl(fp)


def test_export_is_strict_json_and_skips_non_finite_rows(tmp_path: Path) -> None:
    path = tmp_path / "lookups.sqlite3"
    _filled(path)
    with sqlite3.connect(path) as db:  # a row written by an older version that accepted Infinity
        db.execute("UPDATE lookups SET stored_at = 9e999 WHERE key = '2'")
    out = io.StringIO()
    assert LookupStore(path, clock=lambda: NOW).export_jsonl(out) == 1
    assert "Infinity" not in out.getvalue() and '"key": "1"' in out.getvalue()
