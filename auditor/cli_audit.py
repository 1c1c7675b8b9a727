"""`auditor audit`: read, check and report; archive runs write one audit per article plus an index."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from auditor.archive import INDEX_JSON, write_archive
from auditor.checks.registry import all_specs
from auditor.cli_errors import user_errors
from auditor.cli_inputs import expand_inputs
from auditor.cli_render import REPORT_FORMATS, render_index, render_report
from auditor.cli_warnings import library_warnings
from auditor.config import AuditorConfig, load_config
from auditor.exit_codes import ExitCode
from auditor.history import RunHistory
from auditor.models import AuditReport, Severity
from auditor.pipeline import AuditOptions, audit_paths
from auditor.sources import SourceSet, build_sources
from references.bibfiles import load_references
from references.cache_db import cache_directory

FAIL_ON = ("error", "warning", "never")
THRESHOLD = {"error": Severity.ERROR.rank, "warning": Severity.WARNING.rank}


@click.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--references", "references", type=click.Path(dir_okay=False), help="BibTeX, RIS or CSL-JSON file."
)
@click.option(
    "--references-mode",
    type=click.Choice(["add", "replace"]),
    default="add",
    show_default=True,
    help="Add the file's entries to the article's list, or use them instead.",
)
@click.option(
    "--format", "fmt", type=click.Choice(REPORT_FORMATS), default=None, help="Report format [markdown]."
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report here."
)
@click.option("--offline", is_flag=True, default=None, help="Answer lookups from the cache only; no network.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None, help="Exit 1 at this severity [error].")
@click.option("--refresh", is_flag=True, help="Ignore cached lookups (fetch again).")
@click.option("--jobs", type=click.IntRange(1, 64), default=None, help="Threads for reading and checks.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="auditor.toml to use instead of ./auditor.toml or ./pyproject.toml.",
)
@click.option(
    "--out-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Archive run: one JSON audit per article, index.json and index.md.",
)
@click.option(
    "--manifest",
    "manifests",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="File listing one article path per line (# comments).",
)
@click.option("--jsonl", is_flag=True, help="Print a one-line JSON summary per article (for cron).")
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Lookup cache and run history directory [AUDITOR_CACHE_DIR or the user cache].",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    help="Seconds the lookups may take in all; lookups not made by then are unverifiable [none].",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress or warnings on stderr.")
@click.pass_context
@user_errors
def audit(ctx: click.Context, paths: tuple[str, ...], **flags: Any) -> None:
    """Audit articles (.txt .md .html .docx) and report their citation and claim problems.

    PATH may be a file, a directory (searched recursively) or @list.txt (one path per line).

    \b
    Examples:
      auditor audit article.md
      auditor audit paper.docx --references refs.bib --format html -o report.html
      auditor audit archive/ --out-dir runs/today --jsonl --fail-on warning
    """
    config = _config(flags)
    inputs = expand_inputs(list(paths) or config.paths, flags["manifests"])
    if not inputs:
        raise click.UsageError("no input files: give PATH…, @list.txt or --manifest")
    _progress(flags, f"auditing {len(inputs)} article(s)…")
    with library_warnings(quiet=flags["quiet"]):
        report = audit_paths(inputs, _options(config, flags), _sources(config, flags))
    unreadable = [d for d in report.documents if d.error]
    if len(unreadable) == len(report.documents):
        for document in unreadable:
            click.echo(f"Error: {document.error}", err=True)
        ctx.exit(ExitCode.USAGE)
    for document in unreadable:
        _warn(flags, f"warning: {document.error}")
    s = report.summary
    _progress(flags, f"done: {s.errors} error(s), {s.warnings} warning(s), {s.requests} request(s)")
    index_path = _write_outputs(report, config, flags)
    _remember(report, config, index_path, flags, _argv(ctx, paths))
    ctx.exit(exit_code(report, config.fail_on))


def _config(flags: dict[str, Any]) -> AuditorConfig:
    given = {
        "format": flags["fmt"],
        "fail_on": flags["fail_on"],
        "offline": flags["offline"],
        "jobs": flags["jobs"],
        "out_dir": str(flags["out_dir"]) if flags["out_dir"] else None,
        "cache_dir": str(flags["cache_dir"]) if flags["cache_dir"] else None,
        "references": flags["references"],
    }
    config = load_config(config_file=flags["config_file"], env=os.environ, flags=given)
    config.check_codes(spec.code for spec in all_specs())
    return config


def _options(config: AuditorConfig, flags: dict[str, Any]) -> AuditOptions:
    extra = tuple(load_references(Path(config.references))) if config.references else ()
    return AuditOptions(
        config=config,
        extra_references=extra,
        references_mode=flags["references_mode"],
        jobs=config.jobs,
        offline=config.offline,
    )


def _sources(config: AuditorConfig, flags: dict[str, Any]) -> SourceSet:
    cache_dir = Path(config.cache_dir) if config.cache_dir else None
    env = dict(os.environ)
    if config.email:
        env["AUDITOR_EMAIL"] = config.email
    return build_sources(
        offline=config.offline,
        refresh=flags["refresh"],
        cache_dir=cache_dir,
        env=env,
        found_days=config.cache_found_days,
        not_found_days=config.cache_not_found_days,
        timeout=flags.get("timeout"),
    )


def exit_code(report: AuditReport, fail_on: str) -> ExitCode:
    """1 when any finding is at or above `fail_on`, else 0."""
    threshold = THRESHOLD.get(fail_on)
    if threshold is None:
        return ExitCode.OK
    worst = [f.severity.rank for d in report.documents for f in d.findings]
    return ExitCode.FINDINGS if any(rank >= threshold for rank in worst) else ExitCode.OK


def _write_outputs(report: AuditReport, config: AuditorConfig, flags: dict[str, Any]) -> Path | None:
    """Archive files, the report (to -o or stdout) and/or JSON Lines; returns the index path."""
    index_path = None
    if config.out_dir:
        index = write_archive(report, Path(config.out_dir), index_markdown=render_index)
        index_path = Path(config.out_dir) / INDEX_JSON
        if not flags["jsonl"] and not flags["output"]:
            click.echo(render_index(index), nl=False)
    if flags["output"]:
        flags["output"].write_text(render_report(report, config.format), encoding="utf-8")
    elif not config.out_dir and not flags["jsonl"]:
        click.echo(render_report(report, config.format), nl=False)
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


def _argv(ctx: click.Context, paths: tuple[str, ...]) -> list[str]:
    """The command line of this run (as given to `main`, else the command and its paths)."""
    root = ctx.find_root().obj
    if isinstance(root, dict) and isinstance(root.get("argv"), list):
        return [str(a) for a in root["argv"]]
    return ["audit", *paths]


def _remember(
    report: AuditReport,
    config: AuditorConfig,
    index_path: Path | None,
    flags: dict[str, Any],
    argv: list[str],
) -> None:
    """Add the run to the history; a history that cannot be written only warns."""
    try:
        RunHistory(cache_directory(config.cache_dir)).record(report, argv, index_path)
    except (OSError, ValueError) as exc:
        _warn(flags, f"warning: run history not updated ({exc})")
    except Exception as exc:  # noqa: BLE001 — sqlite3 errors and the like must not fail the audit
        _warn(flags, f"warning: run history not updated ({type(exc).__name__})")


def stderr_is_tty() -> bool:
    """Progress goes to stderr only when a person is watching it."""
    return sys.stderr.isatty()


def _progress(flags: dict[str, Any], message: str) -> None:
    if not flags["quiet"] and stderr_is_tty():
        click.echo(message, err=True)


def _warn(flags: dict[str, Any], message: str) -> None:
    if not flags["quiet"]:
        click.echo(message, err=True)
