"""`auditor history list|show|prune`: the runs `auditor diff` compares."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import click

from auditor.cli_commands import cache_dir_option
from auditor.cli_errors import user_errors
from auditor.history import RunEntry, RunHistory
from auditor.references.cache_db import cache_directory


@click.group()
def history() -> None:
    """List, show and prune past runs (kept beside the lookup cache).

    A run is labelled by what it audited (its PATH arguments and manifests, resolved);
    `auditor diff --last` compares the last run with the one before it over the same inputs.

    \b
    Examples:
      auditor history list --limit 5
      auditor history show 3f2a9c
      auditor history prune --keep 50
    """


def _line(entry: RunEntry) -> str:
    failed = f"  {len(entry.failed)} unreadable" if entry.failed else ""
    return (
        f"{entry.run_id}  {entry.created}  {entry.label}  {entry.documents} article(s)  "
        f"{entry.errors} error(s)  {entry.warnings} warning(s){failed}"
    )


@history.command("list")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@cache_dir_option
@user_errors
def history_list(limit: int, fmt: str, cache_dir: Path | None) -> None:
    """Past runs, newest first: id, date, what was audited, counts."""
    runs = RunHistory(cache_directory(cache_dir)).runs(limit=limit)
    if fmt == "json":
        click.echo(json.dumps([vars(r) for r in runs], indent=2, ensure_ascii=False))
    elif not runs:
        click.echo("no runs recorded yet", err=True)
    for entry in runs if fmt == "text" else []:
        click.echo(_line(entry))


@history.command("show")
@click.argument("run_id")
@cache_dir_option
@user_errors
def history_show(run_id: str, cache_dir: Path | None) -> None:
    """One run: its command line, inputs, counts, unreadable articles and where its report is."""
    entry = RunHistory(cache_directory(cache_dir)).get(run_id)
    lines = [
        f"run:       {entry.run_id}",
        f"created:   {entry.created}",
        f"command:   auditor {' '.join(entry.args)}",
        f"articles:  {entry.documents} ({entry.errors} error(s), {entry.warnings} warning(s))",
        f"report:    {entry.index_path or '(stored in the history)'}",
        "inputs:",
        *(f"  {item}" for item in entry.inputs or ["(not recorded)"]),
    ]
    if entry.failed:
        lines += ["could not be read:", *(f"  {path}" for path in entry.failed)]
    click.echo("\n".join(lines))


@history.command("prune")
@click.option("--keep", type=click.IntRange(0), default=None, help="Keep only the newest N runs.")
@click.option(
    "--older-than", "days", type=click.FloatRange(0), default=None, help="Delete runs older than N days."
)
@cache_dir_option
@user_errors
def history_prune(keep: int | None, days: float | None, cache_dir: Path | None) -> None:
    """Delete old runs from the history (their archive folders are left alone)."""
    if keep is None and days is None:
        raise click.UsageError("give --keep N and/or --older-than DAYS")
    before = None
    if days is not None:
        before = (datetime.now(timezone.utc) - timedelta(days=days)).isoformat(timespec="seconds")
    removed = RunHistory(cache_directory(cache_dir)).prune(keep=keep, before=before)
    click.echo(f"removed {removed} run(s) from the history")
