"""Run history in SQLite beside the cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.archive import AuditFileError, write_archive
from auditor.history import RunHistory
from auditor.models import AuditReport, DocumentReport, Summary, ToolInfo
from references.cache_db import cache_directory


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


def test_runs_are_listed_newest_first_and_know_the_previous(tmp_path: Path) -> None:
    history = RunHistory(tmp_path)
    assert history.runs() == []
    history.record(report("r1", "2026-01-01T00:00:00+00:00"), ["audit", "a.txt"])
    history.record(report("r2", "2026-01-02T00:00:00+00:00", errors=2), ["audit", "a.txt", "--offline"])
    runs = history.runs()
    assert [r.run_id for r in runs] == ["r2", "r1"]
    assert runs[0].args == ["audit", "a.txt", "--offline"] and runs[0].errors == 2
    previous = history.previous("r2")
    assert previous is not None and previous.run_id == "r1"
    assert history.previous("r1") is None
    assert [r.run_id for r in history.runs(limit=1)] == ["r2"]


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
