"""Run history: a small SQLite table beside the lookup cache, so each run knows the previous one.

A run is stored with its id, date, command-line arguments and either the path of its `index.json`
(archive runs with --out-dir) or the whole report JSON (article text left out to keep it small).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from auditor.archive import AuditFileError, load_audit
from auditor.models import AuditReport
from references.http import redact

HISTORY_FILE = "history.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY,
    created TEXT NOT NULL,
    args TEXT NOT NULL,
    index_path TEXT,
    report_json TEXT,
    documents INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    warnings INTEGER NOT NULL DEFAULT 0
)
"""


@dataclass(frozen=True)
class RunEntry:
    """One past run."""

    run_id: str
    created: str
    args: list[str]
    index_path: str | None
    documents: int
    errors: int
    warnings: int


class RunHistory:
    """The runs table in `<cache dir>/history.sqlite3`."""

    def __init__(self, directory: Path) -> None:
        self.path = Path(directory) / HISTORY_FILE

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=30)) as connection, connection:
            connection.execute(_SCHEMA)
            yield connection

    def record(self, report: AuditReport, args: Sequence[str], index_path: Path | None = None) -> None:
        """Remember a run (its index path, or the report itself without article text)."""
        stored = None if index_path else _redacted(_without_text(report).model_dump_json())
        row = (
            report.run_id,
            report.created or "",
            _redacted(json.dumps(list(args), ensure_ascii=False)),
            str(Path(index_path).resolve()) if index_path else None,
            stored,
            len(report.documents),
            report.summary.errors,
            report.summary.warnings,
        )
        with self._connect() as db:
            db.execute("INSERT OR REPLACE INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?)", row)

    def runs(self, limit: int | None = None) -> list[RunEntry]:
        """Past runs, newest first."""
        if not self.path.is_file():
            return []
        sql = "SELECT run_id, created, args, index_path, documents, errors, warnings FROM runs"
        sql += " ORDER BY created DESC, rowid DESC" + (f" LIMIT {int(limit)}" if limit else "")
        with self._connect() as db:
            rows = db.execute(sql).fetchall()
        return [RunEntry(r[0], r[1], json.loads(r[2]), r[3], r[4], r[5], r[6]) for r in rows]

    def previous(self, run_id: str) -> RunEntry | None:
        """The run just before `run_id`, if any."""
        runs = self.runs()
        ids = [r.run_id for r in runs]
        at = ids.index(run_id) if run_id in ids else -1
        return runs[at + 1] if 0 <= at < len(runs) - 1 else None

    def load(self, run_id: str) -> AuditReport:
        """The report of a past run (from its index, or as stored)."""
        if self.path.is_file():
            with self._connect() as db:
                row = db.execute(
                    "SELECT index_path, report_json FROM runs WHERE run_id = ?", (run_id,)
                ).fetchone()
        else:
            row = None
        if row is None:
            raise AuditFileError(f"no run {run_id!r} in the run history ({self.path})")
        if row[0]:
            return load_audit(Path(row[0]))
        return AuditReport.model_validate_json(row[1])


def _redacted(text: str) -> str:
    """Defence in depth: the history never holds the API key or the contact e-mail address."""
    return redact(text, os.environ.get("NCBI_API_KEY"), os.environ.get("AUDITOR_EMAIL"))


def _without_text(report: AuditReport) -> AuditReport:
    documents = [d.model_copy(update={"text": None}) for d in report.documents]
    return report.model_copy(update={"documents": documents})
