"""Run history in SQLite beside the cache."""

from __future__ import annotations

from pathlib import Path

import pytest
from auditor.references.cache_db import cache_directory

from auditor.archive import AuditFileError, write_archive
from auditor.history import RunHistory
from auditor.models import AuditReport, DocumentReport, Summary, ToolInfo


def report(run_id: str, created: str, errors: int = 0) -> AuditReport:
    document = DocumentReport(path="a.txt", sha256="ab" * 32, language="en", text="long article text")
    return AuditReport(
        tool=ToolInfo(version="0"),
        run_id=run_id,
        created=created,
        documents=[document],
        summary=Summary(errors=errors),
    )


def test_cache_directory_precedence(tmp_path: Path) -> None:
    assert cache_directory(tmp_path / "flag", {"AUDITOR_CACHE_DIR": "/env"}) == tmp_path / "flag"
    assert cache_directory(None, {"AUDITOR_CACHE_DIR": "/env"}) == Path("/env")
    assert "auditor" in str(cache_directory(None, {}))


def test_runs_are_listed_newest_first_and_labelled_by_inputs(tmp_path: Path) -> None:
    history = RunHistory(tmp_path)
    assert history.runs() == [] and history.last_pair() is None
    history.record(report("r1", "2026-01-01T00:00:00+00:00"), ["audit", "a.txt"], inputs=["/x/a.txt"])
    history.record(report("r2", "2026-01-02T00:00:00+00:00", errors=2), ["audit", "a.txt", "--offline"],
                   inputs=["/x/a.txt"])
    runs = history.runs()
    assert [r.run_id for r in runs] == ["r2", "r1"]
    assert runs[0].args == ["audit", "a.txt", "--offline"] and runs[0].errors == 2
    assert runs[0].label == "/x/a.txt" and [r.run_id for r in history.runs(limit=1)] == ["r2"]
    pair = history.last_pair()
    assert pair is not None and (pair[0].run_id, pair[1].run_id) == ("r1", "r2")


def test_last_pair_needs_the_same_inputs(tmp_path: Path) -> None:
    history = RunHistory(tmp_path)
    history.record(report("r1", "2026-01-01T00:00:00+00:00"), [], inputs=["/archive"])
    history.record(report("r2", "2026-01-02T00:00:00+00:00"), [], inputs=["/other.md"])
    assert history.last_pair() is None  # the last run has no predecessor over /other.md
    history.record(report("r3", "2026-01-03T00:00:00+00:00"), [], inputs=["/archive"])
    pair = history.last_pair()
    assert pair is not None and (pair[0].run_id, pair[1].run_id) == ("r1", "r3")
    assert history.runs()[1].label == "/other.md"


def test_prune_keeps_the_newest_or_drops_the_old(tmp_path: Path) -> None:
    history = RunHistory(tmp_path)
    for day in range(1, 6):
        history.record(report(f"r{day}", f"2026-01-0{day}T00:00:00+00:00"), [])
    assert history.prune(keep=3) == 2
    assert [r.run_id for r in history.runs()] == ["r5", "r4", "r3"]
    assert history.prune(before="2026-01-04T00:00:00+00:00") == 1
    assert [r.run_id for r in history.runs()] == ["r5", "r4"]


def test_failed_articles_are_recorded_and_ids_match_by_prefix(tmp_path: Path) -> None:
    history = RunHistory(tmp_path)
    broken = DocumentReport(path="b.txt", sha256="", language="", error="b.txt: no such file")
    the_run = report("abc123", "2026-01-01T00:00:00+00:00")
    history.record(the_run.model_copy(update={"documents": [*the_run.documents, broken]}), [])
    assert history.get("abc").failed == ["b.txt"]


def test_old_history_files_get_the_new_columns(tmp_path: Path) -> None:
    import sqlite3

    with sqlite3.connect(tmp_path / "history.sqlite3") as db:
        db.execute("CREATE TABLE runs (run_id TEXT PRIMARY KEY, created TEXT NOT NULL, args TEXT NOT NULL, "
                   "index_path TEXT, report_json TEXT, documents INTEGER NOT NULL DEFAULT 0, "
                   "errors INTEGER NOT NULL DEFAULT 0, warnings INTEGER NOT NULL DEFAULT 0)")
        db.execute("INSERT INTO runs VALUES ('old', '2025-01-01', '[]', NULL, '{}', 1, 0, 0)")
    history = RunHistory(tmp_path)
    assert history.runs()[0].label == "(inputs not recorded)"
    history.record(report("new", "2026-01-01T00:00:00+00:00"), [], inputs=["/a"])
    assert [r.run_id for r in history.runs()] == ["new", "old"]


def test_stored_report_round_trips_without_text(tmp_path: Path) -> None:
    history = RunHistory(tmp_path)
    history.record(report("r1", "2026-01-01T00:00:00+00:00"), [])
    loaded = history.load("r1")
    assert loaded.run_id == "r1" and loaded.documents[0].text is None


def test_archive_run_is_loaded_from_its_index(tmp_path: Path) -> None:
    history = RunHistory(tmp_path / "cache")
    the_run = report("r9", "2026-01-01T00:00:00+00:00")
    write_archive(the_run, tmp_path / "out")
    history.record(the_run, ["audit"], index_path=tmp_path / "out" / "index.json")
    assert history.load("r9").documents[0].path == "a.txt"
    assert history.runs()[0].index_path == str((tmp_path / "out" / "index.json").resolve())


def test_unknown_run_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(AuditFileError, match="no run 'nope'"):
        RunHistory(tmp_path).load("nope")
