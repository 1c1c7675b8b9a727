"""Run history: a small SQLite table beside the lookup cache, so each run knows the previous one.

A run is stored with its id, date, command-line arguments, what it audited (`inputs`: its PATH
arguments and manifests, resolved), the articles that could not be read, and either the path of
its `index.json` (archive runs with --out-dir) or the whole report JSON (article text left out to
keep it small). Runs over the same inputs are what `auditor diff --last` compares.
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
from auditor.references.http import redact

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
# Columns added after the first release; older history files get them on first use.
_ADDED_COLUMNS = {"inputs": "TEXT NOT NULL DEFAULT '[]'", "failed": "TEXT NOT NULL DEFAULT '[]'"}
_COLUMNS = "run_id, created, args, index_path, documents, errors, warnings, inputs, failed"


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
    inputs: list[str]
    failed: list[str]

    @property
    def label(self) -> str:
        """What the run audited, in a few words: its first input and how many more."""
        if not self.inputs:
            return "(inputs not recorded)"
        more = f" (+{len(self.inputs) - 1} more)" if len(self.inputs) > 1 else ""
        return self.inputs[0] + more


class RunHistory:
    """The runs table in `<cache dir>/history.sqlite3`."""

    def __init__(self, directory: Path) -> None:
        self.path = Path(directory) / HISTORY_FILE

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=30)) as connection, connection:
            connection.execute(_SCHEMA)
            present = {row[1] for row in connection.execute("PRAGMA table_info(runs)")}
            for column, declaration in _ADDED_COLUMNS.items():
                if column not in present:
                    connection.execute(f"ALTER TABLE runs ADD COLUMN {column} {declaration}")
            yield connection

    def record(
        self,
        report: AuditReport,
        args: Sequence[str],
        index_path: Path | None = None,
        *,
        inputs: Sequence[str] = (),
    ) -> None:
        """Remember a run (its index path, or the report itself without article text)."""
        values = {
            "run_id": report.run_id,
            "created": report.created or "",
            "args": _redacted(json.dumps(list(args), ensure_ascii=False)),
            "index_path": str(Path(index_path).resolve()) if index_path else None,
            "report_json": None if index_path else _redacted(_without_text(report).model_dump_json()),
            "documents": len(report.documents),
            "errors": report.summary.errors,
            "warnings": report.summary.warnings,
            "inputs": json.dumps(sorted(inputs), ensure_ascii=False),
            "failed": json.dumps([d.path for d in report.documents if d.error], ensure_ascii=False),
        }
        sql = f"INSERT OR REPLACE INTO runs ({', '.join(values)}) VALUES ({', '.join('?' for _ in values)})"
        with self._connect() as db:
            db.execute(sql, tuple(values.values()))

    def runs(self, limit: int | None = None, *, inputs: Sequence[str] | None = None) -> list[RunEntry]:
        """Past runs, newest first (only those over exactly `inputs`, when given)."""
        if not self.path.is_file():
            return []
        sql = f"SELECT {_COLUMNS} FROM runs"
        params: list[object] = []
        if inputs is not None:
            sql += " WHERE inputs = ?"
            params.append(json.dumps(sorted(inputs), ensure_ascii=False))
        sql += " ORDER BY created DESC, rowid DESC" + (f" LIMIT {int(limit)}" if limit else "")
        with self._connect() as db:
            rows = db.execute(sql, params).fetchall()
        return [_entry(row) for row in rows]

    def get(self, run_id: str) -> RunEntry:
        """One run by id (a unique prefix is enough)."""
        matches = [r for r in self.runs() if r.run_id.startswith(run_id)] if run_id else []
        if len(matches) != 1:
            what = "no run" if not matches else f"{len(matches)} runs match"
            raise AuditFileError(
                f"{what} {run_id!r} in the run history ({self.path}; see `auditor history list`)"
            )
        return matches[0]

    def last_pair(self) -> tuple[RunEntry, RunEntry] | None:
        """(older, newer): the newest run and the run before it over the same inputs, if any."""
        runs = self.runs(limit=1)
        if not runs:
            return None
        newest = runs[0]
        same = self.runs(limit=2, inputs=newest.inputs)
        return (same[1], newest) if len(same) == 2 and same[0].run_id == newest.run_id else None

    def load(self, run_id: str) -> AuditReport:
        """The report of a past run (from its index, or as stored)."""
        entry = self.get(run_id)
        with self._connect() as db:
            row = db.execute("SELECT report_json FROM runs WHERE run_id = ?", (entry.run_id,)).fetchone()
        if entry.index_path:
            return load_audit(Path(entry.index_path))
        return AuditReport.model_validate_json(row[0])

    def prune(self, *, keep: int | None = None, before: str | None = None) -> int:
        """Delete all but the newest `keep` runs and/or the runs created before `before`; how many."""
        doomed: set[str] = set()
        runs = self.runs()
        if keep is not None:
            doomed.update(r.run_id for r in runs[keep:])
        if before is not None:
            doomed.update(r.run_id for r in runs if r.created < before)
        if doomed:
            with self._connect() as db:
                db.executemany("DELETE FROM runs WHERE run_id = ?", [(run_id,) for run_id in doomed])
        return len(doomed)


def _entry(row: Sequence[object]) -> RunEntry:
    return RunEntry(
        run_id=str(row[0]),
        created=str(row[1]),
        args=json.loads(str(row[2])),
        index_path=str(row[3]) if row[3] else None,
        documents=int(row[4]),  # type: ignore[call-overload]
        errors=int(row[5]),  # type: ignore[call-overload]
        warnings=int(row[6]),  # type: ignore[call-overload]
        inputs=json.loads(str(row[7] or "[]")),
        failed=json.loads(str(row[8] or "[]")),
    )


def _redacted(text: str) -> str:
    """Defence in depth: the history never holds the API key or the contact e-mail address."""
    return redact(text, os.environ.get("NCBI_API_KEY"), os.environ.get("AUDITOR_EMAIL"))


def _without_text(report: AuditReport) -> AuditReport:
    documents = [d.model_copy(update={"text": None}) for d in report.documents]
    return report.model_copy(update={"documents": documents})
