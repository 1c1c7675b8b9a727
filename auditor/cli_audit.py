"""`auditor audit`: read, check and report; archive runs write one audit per article plus an index."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click

from auditor.checks.registry import all_specs
from auditor.cli_errors import user_errors
from auditor.cli_inputs import expand_inputs
from auditor.cli_observe import Progress, observed, setup_logging
from auditor.cli_outputs import input_label, progress, remember, warn, watching, write_outputs
from auditor.cli_render import REPORT_FORMATS
from auditor.cli_warnings import library_warnings
from auditor.config import DEFAULT_TIMEOUT, AuditorConfig, load_config
from auditor.exit_codes import ExitCode, incompleteness, run_status
from auditor.input_files import escaped
from auditor.pipeline import AuditOptions, audit_paths
from auditor.references.bibfiles import load_references
from auditor.sources import SourceSet, build_sources

FAIL_ON = ("error", "warning", "never")


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
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="Write the report here (`-`: stdout).",
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
    type=click.FloatRange(min=0),
    default=None,
    help="Seconds the lookups may take in all (0: no limit); lookups not made by then are "
    f"unverifiable [{DEFAULT_TIMEOUT:g}].",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress or warnings on stderr.")
@click.option("-v", "--verbose", count=True, help="Log lookups, requests, retries, cache hits (-vv: debug).")
@click.option(
    "--select", "select", multiple=True, help="Only these codes or prefixes (repeat or comma-separate)."
)
@click.option("--ignore", "ignore", multiple=True, help="Skip these codes or prefixes, e.g. --ignore N30.")
@click.option(
    "--incomplete-ok",
    is_flag=True,
    default=None,
    help="Exit 0, not 3, when files could not be read or lookups failed.",
)
@click.pass_context
@user_errors
def audit(ctx: click.Context, paths: tuple[str, ...], **flags: Any) -> None:
    """Audit articles (.txt .md .html .docx) and report their citation and claim problems.

    PATH may be a file, a directory (searched recursively), @list.txt (one path per line) or `-`
    (standard input).

    \b
    Examples:
      auditor audit article.md
      auditor audit paper.docx --references refs.bib --format html -o report.html
      auditor audit archive/ --out-dir runs/today --jsonl --fail-on warning
      curl -s https://example.org/article.html | auditor audit - --ignore N30
    """
    setup_logging(flags["verbose"])
    config = _config(flags)
    refuse_contradictions(config, flags)
    inputs = expand_inputs(list(paths) or config.paths, flags["manifests"])
    if not inputs:
        raise click.UsageError("no input files: give PATH…, @list.txt, - or --manifest")
    progress(flags["quiet"], f"auditing {len(inputs)} article(s)…")
    bars = Progress(len(inputs), enabled=watching(flags["quiet"]))
    try:
        with library_warnings(quiet=flags["quiet"]):
            sources = observed(_sources(config, flags), bars)
            report = audit_paths(inputs, _options(config, flags, bars), sources)
    finally:
        bars.close()
    status = run_status(report, config.fail_on, incomplete_ok=config.incomplete_ok)
    for document in report.documents:
        if document.error:
            if status is ExitCode.USAGE:
                click.echo(f"Error: {document.error}", err=True)
            else:
                warn(flags["quiet"], f"warning: {document.error}")
    s = report.summary
    progress(flags["quiet"], f"done: {s.errors} error(s), {s.warnings} warning(s), {s.requests} request(s)")
    if status is not ExitCode.USAGE or config.out_dir:
        index_path = write_outputs(report, config, flags)
        label = input_label(list(paths) or config.paths, list(flags["manifests"]))
        remember(report, config, index_path, argv=_argv(ctx, paths), inputs=label, quiet=flags["quiet"])
    gaps = incompleteness(report)
    if gaps and status is not ExitCode.USAGE:
        click.echo(gaps.line(status), err=True)  # even with --quiet: a cron job must see it
    ctx.exit(status)


def refuse_contradictions(config: AuditorConfig, flags: dict[str, Any]) -> None:
    """Flags that cannot both be meant are a usage error, not a silent choice."""
    if config.offline and flags["refresh"]:
        raise click.UsageError(
            "--refresh and --offline contradict each other: --refresh asks the services again, "
            "offline never asks them (offline may come from AUDITOR_OFFLINE or the config file)"
        )
    dash = flags["output"] is not None and str(flags["output"]) == "-"
    report_on_stdout = dash or (flags["output"] is None and flags["fmt"] and not config.out_dir)
    if flags["jsonl"] and report_on_stdout:
        raise click.UsageError(
            "--jsonl prints one summary line per article on stdout, so a report there would be mixed "
            "into it: write the report with -o FILE (or use --out-dir)"
        )
    if flags["fmt"] and config.out_dir and flags["output"] is None:
        raise click.UsageError(
            "--out-dir writes one JSON audit per article and index.md whatever the format; --format "
            "chooses the format of the combined report, so give it a file with -o FILE (or -o -)"
        )
    if flags["references_mode"] == "replace" and not config.references:
        raise click.UsageError("--references-mode replace needs --references FILE")


def _codes(values: tuple[str, ...]) -> list[str] | None:
    """`--select A,B --select C` as ["A", "B", "C"]; None when not given."""
    codes = [code.strip().upper() for value in values for code in value.split(",") if code.strip()]
    return codes or None


def _config(flags: dict[str, Any]) -> AuditorConfig:
    given = {
        "format": flags["fmt"],
        "fail_on": flags["fail_on"],
        "offline": flags["offline"],
        "jobs": flags["jobs"],
        "out_dir": str(flags["out_dir"]) if flags["out_dir"] else None,
        "cache_dir": str(flags["cache_dir"]) if flags["cache_dir"] else None,
        "references": flags["references"],
        "enable": _codes(flags["select"]),
        "ignore": _codes(flags["ignore"]),
        "incomplete_ok": flags["incomplete_ok"],
        "timeout": flags["timeout"],
    }
    config = load_config(config_file=flags["config_file"], env=os.environ, flags=given)
    config.check_codes(spec.code for spec in all_specs())
    return config


def _options(config: AuditorConfig, flags: dict[str, Any], bars: Progress) -> AuditOptions:
    extra = tuple(load_references(Path(config.references))) if config.references else ()
    return AuditOptions(
        config=config,
        extra_references=extra,
        references_mode=flags["references_mode"],
        jobs=config.jobs,
        offline=config.offline,
        on_article=bars.article_done,
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
        timeout=config.timeout or None,
    )


def _argv(ctx: click.Context, paths: tuple[str, ...]) -> list[str]:
    """The command line of this run (as given to `main`, else the command and its paths), as text."""
    root = ctx.find_root().obj
    if isinstance(root, dict) and isinstance(root.get("argv"), list):
        return [escaped(str(a)) for a in root["argv"]]
    return ["audit", *(escaped(p) for p in paths)]
