"""`auditor cache stats|clear|export|import`: the lookup cache."""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import click

from auditor.cli_commands import cache_dir_option
from auditor.cli_errors import user_errors
from auditor.references.cache import CACHE_FILE, LookupStore
from auditor.references.cache_db import cache_directory, clear_database


@click.group()
def cache() -> None:
    """Inspect and manage the lookup cache.

    \b
    Examples:
      auditor cache stats
      auditor cache export lookups.jsonl
      auditor cache import lookups.jsonl
      auditor cache clear --yes
    """


def _store(cache_dir: Path | None) -> LookupStore:
    directory = cache_directory(cache_dir, os.environ)
    return LookupStore(directory / CACHE_FILE)


def _when(epoch: float | None) -> str | None:
    """An epoch time as ISO 8601 UTC (None stays None)."""
    if epoch is None:
        return None
    return datetime.fromtimestamp(epoch, timezone.utc).isoformat(timespec="seconds")


def _size(count: int) -> str:
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if count >= factor:
            return f"{count / factor:.1f} {unit}"
    return f"{count} bytes"


def stats_text(path: Path, stats: dict[str, Any]) -> str:
    """`cache stats` for people: where, how big, how old, entries per source and status."""
    lines = [f"cache: {path} ({_size(int(stats['bytes']))})", f"entries: {stats['entries']}"]
    if stats["entries"]:
        lines[-1] += f" (oldest {_when(stats['oldest'])}, newest {_when(stats['newest'])})"
    for source, statuses in sorted(stats["per_source"].items()):
        counts = ", ".join(f"{n} {status.replace('_', ' ')}" for status, n in sorted(statuses.items()))
        lines.append(f"  {source:<9} {counts}")
    return "\n".join(lines)


@cache.command("stats")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@cache_dir_option
@user_errors
def cache_stats(fmt: str, cache_dir: Path | None) -> None:
    """Entries per source and status, size and age of the cache (`--format json` for tools)."""
    store = _store(cache_dir)
    stats = store.stats()
    store.close()
    if fmt == "json":
        shown = {**stats, "oldest": _when(stats["oldest"]), "newest": _when(stats["newest"])}
        click.echo(json.dumps({"path": str(store.path), **shown}, indent=2, ensure_ascii=False))
    else:
        click.echo(stats_text(store.path, stats))


def stdin_is_tty() -> bool:
    """Whether a person can answer a question (standard input is a terminal)."""
    return sys.stdin.isatty()


@cache.command("clear")
@click.option("-y", "--yes", is_flag=True, help="Do not ask; needed when not on a terminal.")
@cache_dir_option
@user_errors
def cache_clear(yes: bool, cache_dir: Path | None) -> None:
    """Delete every cached lookup (asks first on a terminal); a corrupted cache file is recreated."""
    path = cache_directory(cache_dir, os.environ) / CACHE_FILE
    if not yes:
        what = f"every cached lookup in {path}"
        if not stdin_is_tty():
            raise click.UsageError(f"this deletes {what}; not on a terminal, so pass --yes")
        click.confirm(f"Delete {what}?", abort=True, err=True)
    removed, repaired = clear_database(path)
    if repaired:
        click.echo(f"the lookup cache {path} was corrupted: deleted it and created an empty one")
    else:
        click.echo(f"removed {removed} cached lookup(s) from {path}")


@cache.command("export")
@click.argument("file", required=False, type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@cache_dir_option
@user_errors
def cache_export(file: Path | None, cache_dir: Path | None) -> None:
    """Write the cache as JSON Lines to FILE (or stdout, also as `-`)."""
    store = _store(cache_dir)
    try:
        if file is None or str(file) == "-":
            store.export_jsonl(sys.stdout)
        else:
            with file.open("w", encoding="utf-8") as out:
                count = store.export_jsonl(out)
            click.echo(f"exported {count} cached lookup(s) to {file}", err=True)
    finally:
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
