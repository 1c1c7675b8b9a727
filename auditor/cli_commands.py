"""`auditor report`, `diff`, `checks`, `cache`, `schema` and `runs`."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from auditor.archive import AuditFileError, load_audit
from auditor.checks.registry import all_specs
from auditor.cli_errors import user_errors
from auditor.cli_render import render_diff, render_report
from auditor.diff import diff_reports
from auditor.history import RunHistory
from auditor.models import AuditReport
from references.cache import CACHE_FILE, LookupStore
from references.cache_db import cache_directory, clear_database

cache_dir_option = click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Cache and history directory [AUDITOR_CACHE_DIR or the user cache].",
)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
    else:
        output.write_text(text, encoding="utf-8")


@click.command()
@click.argument("audit_file", type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["markdown", "html", "json"]), default="markdown", show_default=True
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here, not to stdout."
)
@user_errors
def report(audit_file: Path, fmt: str, output: Path | None) -> None:
    """Render a saved audit (audit JSON, index.json or run directory).

    \b
    Example:
      auditor report audit.json --format html -o audit.html
    """
    _emit(render_report(load_audit(audit_file), fmt), output)


def _load_side(spec: str, history: RunHistory) -> AuditReport:
    """An audit file, index.json or run directory; else a run id from the history."""
    if Path(spec).exists():
        return load_audit(Path(spec))
    try:
        return history.load(spec)
    except AuditFileError:
        raise AuditFileError(f"{spec}: no such file, directory or run id (see `auditor runs`)") from None


@click.command()
@click.argument("old", required=False)
@click.argument("new", required=False)
@click.option("--last", is_flag=True, help="Compare the last two runs in the history.")
@click.option(
    "--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here, not to stdout."
)
@cache_dir_option
@user_errors
def diff(
    old: str | None, new: str | None, last: bool, fmt: str, output: Path | None, cache_dir: Path | None
) -> None:
    """Show findings that are new or resolved between two audits.

    OLD and NEW are audit JSON files, index.json files, run directories or run ids.

    \b
    Examples:
      auditor diff runs/2026-01 runs/2026-02
      auditor diff --last --format json
    """
    history = RunHistory(cache_directory(cache_dir))
    if last:
        if old or new:
            raise click.UsageError("give OLD and NEW, or --last, not both")
        runs = history.runs(limit=2)
        if len(runs) < 2:
            raise AuditFileError("the run history holds fewer than two runs")
        old, new = runs[1].run_id, runs[0].run_id
    elif not (old and new):
        raise click.UsageError("give OLD and NEW (files, run directories or run ids), or --last")
    result = diff_reports(_load_side(old, history), _load_side(new, history), old_label=old, new_label=new)
    _emit(render_diff(result, fmt), output)


@click.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def checks(fmt: str) -> None:
    """List every check code with its kind, severity, whether it needs lookups, and meaning.

    \b
    Example:
      auditor checks --format json
    """
    specs = all_specs()
    if fmt == "json":
        rows = [
            {
                "code": s.code,
                "kind": s.kind.value,
                "severity": s.severity.value,
                "network": s.network,
                "summary": s.summary,
            }
            for s in specs
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    click.echo(f"{'code':<6} {'kind':<26} {'severity':<8} {'network':<7} summary")
    for s in specs:
        network = "yes" if s.network else "no"
        click.echo(f"{s.code:<6} {s.kind.value:<26} {s.severity.value:<8} {network:<7} {s.summary}")


@click.group()
def cache() -> None:
    """Inspect and manage the lookup cache.

    \b
    Examples:
      auditor cache stats
      auditor cache export lookups.jsonl
      auditor cache import lookups.jsonl
    """


def _store(cache_dir: Path | None) -> LookupStore:
    directory = cache_directory(cache_dir, os.environ)
    return LookupStore(directory / CACHE_FILE)


@cache.command("stats")
@cache_dir_option
@user_errors
def cache_stats(cache_dir: Path | None) -> None:
    """Entries per source and status, size and age of the cache."""
    store = _store(cache_dir)
    stats = store.stats()
    store.close()
    click.echo(json.dumps({"path": str(store.path), **stats}, indent=2, ensure_ascii=False))


@cache.command("clear")
@cache_dir_option
@user_errors
def cache_clear(cache_dir: Path | None) -> None:
    """Delete every cached lookup."""
    path = cache_directory(cache_dir) / CACHE_FILE
    removed, repaired = clear_database(path)
    if repaired:
        click.echo(f"the lookup cache {path} was corrupted: deleted it and created an empty one")
    else:
        click.echo(f"removed {removed} cached lookup(s) from {path}")


@cache.command("export")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@cache_dir_option
@user_errors
def cache_export(file: Path | None, cache_dir: Path | None) -> None:
    """Write the cache as JSON Lines to FILE (or stdout)."""
    store = _store(cache_dir)
    if file is None:
        count = store.export_jsonl(sys.stdout)
    else:
        with file.open("w", encoding="utf-8") as out:
            count = store.export_jsonl(out)
        click.echo(f"exported {count} cached lookup(s) to {file}", err=True)
    store.close()


@cache.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@cache_dir_option
@user_errors
def cache_import(file: Path, cache_dir: Path | None) -> None:
    """Read JSON Lines written by `auditor cache export` into the cache."""
    store = _store(cache_dir)
    try:
        with file.open(encoding="utf-8") as lines:
            count = store.import_jsonl(lines)
    finally:
        store.close()
    click.echo(f"imported {count} cached lookup(s) into {store.path}")


@click.command()
def schema() -> None:
    """Print the JSON Schema of the audit report.

    \b
    Example:
      auditor schema > audit.schema.json
    """
    click.echo(json.dumps(AuditReport.model_json_schema(), indent=2, ensure_ascii=False))


@click.command()
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
@cache_dir_option
@user_errors
def runs(limit: int, cache_dir: Path | None) -> None:
    """List past runs (newest first), for `auditor diff RUN_ID RUN_ID`.

    \b
    Example:
      auditor runs --limit 5
    """
    for entry in RunHistory(cache_directory(cache_dir)).runs(limit=limit):
        where = entry.index_path or "(stored report)"
        click.echo(
            f"{entry.run_id}  {entry.created}  {entry.documents} article(s)  "
            f"{entry.errors} error(s)  {entry.warnings} warning(s)  {where}"
        )
