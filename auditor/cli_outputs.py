"""Where an audit's results go: archive files, the report (a file or stdout), JSON Lines, history."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from auditor.archive import INDEX_JSON, write_archive
from auditor.cli_render import render_index, render_report
from auditor.config import AuditorConfig
from auditor.history import RunHistory
from auditor.input_files import display_path
from auditor.models import AuditReport
from auditor.references.cache_db import cache_directory

STDOUT = Path("-")


def emit(text: str, output: Path | None) -> None:
    """Write `text` to `output`, or to stdout when it is None or `-`."""
    if output is None or output == STDOUT:
        click.echo(text, nl=not text.endswith("\n"))
    else:
        output.write_text(text, encoding="utf-8")


def write_outputs(report: AuditReport, config: AuditorConfig, flags: dict[str, Any]) -> Path | None:
    """Archive files, the report (to -o or stdout) and/or JSON Lines; returns the index path."""
    index_path = None
    output: Path | None = flags["output"]
    if config.out_dir:
        index = write_archive(report, Path(config.out_dir), index_markdown=render_index)
        index_path = Path(config.out_dir) / INDEX_JSON
        if not flags["jsonl"] and output is None:
            click.echo(render_index(index), nl=False)
    if output is not None:
        emit(render_report(report, config.format), output)
    elif not config.out_dir and not flags["jsonl"]:
        emit(render_report(report, config.format), None)
    if flags["jsonl"]:
        for line in jsonl_lines(report):
            click.echo(line)
    return index_path


def jsonl_lines(report: AuditReport) -> list[str]:
    """One compact JSON summary per article: path, errors, warnings, infos, claims, references, error."""
    lines = []
    for document in report.documents:
        severities = [f.severity.value for f in document.findings]
        summary = {
            "path": document.path,
            "errors": severities.count("error"),
            "warnings": severities.count("warning"),
            "infos": severities.count("info"),
            "claims": len(document.claims),
            "references": len(document.references),
            "error": document.error,
        }
        lines.append(json.dumps(summary, ensure_ascii=False))
    return lines


def remember(
    report: AuditReport,
    config: AuditorConfig,
    index_path: Path | None,
    *,
    argv: list[str],
    inputs: list[str],
    quiet: bool,
) -> None:
    """Add the run to the history; a history that cannot be written only warns."""
    try:
        RunHistory(cache_directory(config.cache_dir)).record(report, argv, index_path, inputs=inputs)
    except (OSError, ValueError) as exc:
        warn(quiet, f"warning: run history not updated ({exc})")
    except Exception as exc:  # noqa: BLE001 — sqlite3 errors and the like must not fail the audit
        warn(quiet, f"warning: run history not updated ({type(exc).__name__})")


def input_label(arguments: list[str], manifests: list[Path]) -> list[str]:
    """What a run audited, as the history records it: its PATH arguments and manifests, resolved."""
    given = [*arguments, *(f"@{m}" for m in manifests)]
    resolved = []
    for argument in given:
        prefix, name = ("@", argument[1:]) if argument.startswith("@") else ("", argument)
        shown = display_path(name) if name == "-" else display_path(Path(name).resolve())
        resolved.append(prefix + shown)
    return sorted(set(resolved))


def stderr_is_tty() -> bool:
    """Progress goes to stderr only when a person is watching it."""
    return sys.stderr.isatty()


def watching(quiet: bool) -> bool:
    """Whether a person watches stderr: a terminal, and not --quiet (progress is for people)."""
    return not quiet and stderr_is_tty()


def progress(quiet: bool, message: str) -> None:
    """A progress line on stderr, when it is a terminal and not --quiet."""
    if watching(quiet):
        click.echo(message, err=True)


def warn(quiet: bool, message: str) -> None:
    """A warning on stderr unless --quiet."""
    if not quiet:
        click.echo(message, err=True)
