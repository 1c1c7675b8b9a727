"""`auditor report`, `diff`, `checks` and `schema`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from auditor.archive import AuditFileError, load_audit
from auditor.checks.registry import all_specs
from auditor.cli_errors import user_errors
from auditor.cli_outputs import emit
from auditor.cli_render import render_diff, render_report
from auditor.diff import diff_reports, new_findings_at
from auditor.exit_codes import ExitCode, incompleteness, run_status
from auditor.history import RunHistory
from auditor.models import AuditReport
from auditor.references.cache_db import cache_directory

FAIL_ON = ("error", "warning", "never")
cache_dir_option = click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Cache and history directory [AUDITOR_CACHE_DIR or the user cache].",
)
output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="Write here (`-` or nothing: stdout).",
)


@click.command()
@click.argument("audit_file", type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(["markdown", "html", "json"]), default="markdown", show_default=True
)
@output_option
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True)
@click.option("--incomplete-ok", is_flag=True, help="Exit 0, not 3, for an audit that was incomplete.")
@click.pass_context
@user_errors
def report(
    ctx: click.Context, audit_file: Path, fmt: str, output: Path | None, fail_on: str, incomplete_ok: bool
) -> None:
    """Render a saved audit (audit JSON, index.json or run directory).

    Exits like `auditor audit` did for it: 3 when the audit was incomplete (unless --incomplete-ok),
    else 1 with findings at or above --fail-on, else 0.

    \b
    Example:
      auditor report audit.json --format html -o audit.html
    """
    saved = load_audit(audit_file)
    emit(render_report(saved, fmt), output)
    status = run_status(saved, fail_on, incomplete_ok=incomplete_ok)
    if status is ExitCode.USAGE:  # a saved audit of unreadable files: incomplete, not bad usage
        status = ExitCode.OK if incomplete_ok else ExitCode.INCOMPLETE
    gaps = incompleteness(saved)
    if gaps:
        click.echo(gaps.line(status), err=True)
    ctx.exit(status)


def _load_side(spec: str, history: RunHistory) -> AuditReport:
    """An audit file, index.json or run directory; else a run id from the history."""
    if Path(spec).exists():
        return load_audit(Path(spec))
    try:
        return history.load(spec)
    except AuditFileError as exc:
        raise AuditFileError(f"{spec}: no such file or directory, and {exc}") from None


@click.command()
@click.argument("old", required=False)
@click.argument("new", required=False)
@click.option("--last", is_flag=True, help="Compare the last run with the one before it on the same inputs.")
@click.option(
    "--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True
)
@output_option
@click.option(
    "--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True,
    help="Exit 1 when there are new findings at or above this severity.",
)
@cache_dir_option
@click.pass_context
@user_errors
def diff(ctx: click.Context, old: str | None, new: str | None, last: bool, **flags: Any) -> None:
    """Show findings that are new or resolved between two audits of the same articles.

    OLD and NEW are audit JSON files, index.json files, run directories or run ids (see
    `auditor history list`). Articles of OLD that NEW did not audit are "not audited", never
    "resolved". Exits 1 when there are new findings at or above --fail-on.

    \b
    Examples:
      auditor diff runs/2026-01 runs/2026-02
      auditor diff --last --format json
    """
    history = RunHistory(cache_directory(flags["cache_dir"]))
    if last:
        if old or new:
            raise click.UsageError("give OLD and NEW, or --last, not both")
        pair = history.last_pair()
        if pair is None:
            newest = history.runs(limit=1)
            what = f"the last run ({newest[0].run_id}, {newest[0].label})" if newest else "any run"
            click.echo(f"No earlier run over the same inputs as {what}: nothing to compare.", err=True)
            return
        old, new = pair[0].run_id, pair[1].run_id
    elif not (old and new):
        raise click.UsageError("give OLD and NEW (files, run directories or run ids), or --last")
    result = diff_reports(_load_side(old, history), _load_side(new, history), old_label=old, new_label=new)
    emit(render_diff(result, flags["fmt"]), flags["output"])
    ctx.exit(ExitCode.FINDINGS if new_findings_at(result, flags["fail_on"]) else ExitCode.OK)


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


def report_schema() -> dict[str, Any]:
    """The JSON Schema of what `--format json` writes: serialization mode, every field required.

    The JSON renderer writes every field of every model (defaults included), so a document that
    leaves one out is not an auditor report.
    """
    schema = AuditReport.model_json_schema(mode="serialization")
    for definition in [schema, *schema.get("$defs", {}).values()]:
        if "properties" in definition:
            definition["required"] = list(definition["properties"])
    return schema


@click.command()
def schema() -> None:
    """Print the JSON Schema of the audit report (`auditor audit --format json`).

    \b
    Example:
      auditor schema > audit.schema.json
    """
    click.echo(json.dumps(report_schema(), indent=2, ensure_ascii=False))
