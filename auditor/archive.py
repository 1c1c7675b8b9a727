"""Archive runs: one JSON audit per article plus `index.json` (a `RunIndex`), and loading them back.

`<stem>-<sha8>.json` names each article's audit so that two articles with the same file name in
different folders do not overwrite each other. Loading accepts an audit JSON file, an `index.json`
or a run directory, and always gives one `AuditReport` (the articles of a run, in index order).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from auditor.models import AuditReport, DocumentReport, IndexEntry, RunIndex, Summary

INDEX_JSON = "index.json"
INDEX_MD = "index.md"


class AuditFileError(ValueError):
    """A saved audit, index or run directory cannot be used; the message is one line."""


def article_report_name(document: DocumentReport) -> str:
    """`<stem>-<sha8>.json` for one article (sha of the path when the file could not be read)."""
    digest = document.sha256 or hashlib.sha256(document.path.encode("utf-8")).hexdigest()
    stem = Path(document.path).stem or "article"
    return f"{stem}-{digest[:8]}.json"


def single_document_report(report: AuditReport, document: DocumentReport) -> AuditReport:
    """The audit of one article of a run (same run id and date; its own summary)."""
    findings = document.findings
    summary = Summary(
        errors=sum(f.severity.value == "error" for f in findings),
        warnings=sum(f.severity.value == "warning" for f in findings),
        infos=sum(f.severity.value == "info" for f in findings),
        claims=len(document.claims),
        references=len(document.references),
    )
    return report.model_copy(update={"documents": [document], "summary": summary})


def index_entry(document: DocumentReport, report_name: str | None) -> IndexEntry:
    """The index line of one article."""
    severities = [f.severity.value for f in document.findings]
    return IndexEntry(
        path=document.path,
        report=report_name,
        sha256=document.sha256 or None,
        errors=severities.count("error"),
        warnings=severities.count("warning"),
        infos=severities.count("info"),
        claims=len(document.claims),
        references=len(document.references),
        error=document.error,
    )


def build_index(report: AuditReport) -> RunIndex:
    """The `RunIndex` of a run (report file names as `write_archive` writes them)."""
    return RunIndex(
        run_id=report.run_id or "",
        created=report.created or "",
        tool=report.tool,
        articles=[index_entry(d, article_report_name(d)) for d in report.documents],
        summary=report.summary,
    )


def write_archive(
    report: AuditReport, out_dir: Path, *, index_markdown: Callable[[RunIndex], str] | None = None
) -> RunIndex:
    """Write one JSON audit per article, `index.json` and (given a renderer) `index.md`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    index = build_index(report)
    for document, entry in zip(report.documents, index.articles, strict=True):
        single = single_document_report(report, document)
        (out_dir / str(entry.report)).write_text(single.model_dump_json(indent=2), encoding="utf-8")
    (out_dir / INDEX_JSON).write_text(index.model_dump_json(indent=2), encoding="utf-8")
    if index_markdown is not None:
        (out_dir / INDEX_MD).write_text(index_markdown(index), encoding="utf-8")
    return index


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AuditFileError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise AuditFileError(f"{path}: cannot be read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise AuditFileError(f"{path}: not JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise AuditFileError(f"{path}: not an auditor report (JSON nested too deeply)") from None


def load_audit(path: Path) -> AuditReport:
    """An audit JSON file, an `index.json` or a run directory, as one `AuditReport`."""
    path = Path(path)
    if path.is_dir():
        path = path / INDEX_JSON
    data = _read_json(path)
    if isinstance(data, dict) and "articles" in data:
        return _load_index(path, data)
    try:
        return AuditReport.model_validate(data)
    except ValidationError as exc:
        raise AuditFileError(f"{path}: not an auditor report ({_first_error(exc)})") from None


def _load_index(path: Path, data: Any) -> AuditReport:
    try:
        index = RunIndex.model_validate(data)
    except ValidationError as exc:
        raise AuditFileError(f"{path}: not an auditor run index ({_first_error(exc)})") from None
    documents = [_entry_document(path.parent, entry) for entry in index.articles]
    return AuditReport(
        tool=index.tool,
        run_id=index.run_id,
        created=index.created,
        documents=documents,
        summary=index.summary,
    )


def _entry_document(directory: Path, entry: IndexEntry) -> DocumentReport:
    if not entry.report or not (directory / entry.report).is_file():
        error = entry.error or "its audit file is missing from the run directory"
        return DocumentReport(path=entry.path, sha256=entry.sha256 or "", language="", error=error)
    report = load_audit(directory / entry.report)
    if len(report.documents) != 1:
        raise AuditFileError(f"{directory / entry.report}: expected the audit of one article")
    return report.documents[0]


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(p) for p in error["loc"]) or "document"
    return f"{where}: {error['msg']}"
