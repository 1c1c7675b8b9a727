"""Wiring of the renderers (package `reports`) for the command line; the CLI is the composition root.

`reports` sits above `auditor` in the layering; only these CLI modules import it, to hand it the
data the core produced.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from auditor.models import AuditReport, DiffReport, RunIndex

REPORT_FORMATS = ("markdown", "json", "html")


def render_report(report: AuditReport, fmt: str) -> str:
    """The report in `fmt` (json keeps the article text, so the file can be re-rendered later)."""
    if fmt == "json":
        from reports.json_report import JsonRenderer

        return JsonRenderer(include_text=True).render(report)
    if fmt == "html":
        from reports.html import HtmlRenderer

        return HtmlRenderer().render(report)
    from reports.markdown import MarkdownRenderer

    return MarkdownRenderer().render(report)


def _optional(module: str, name: str) -> Callable[..., str] | None:
    try:
        imported = importlib.import_module(module)
    except ImportError:
        return None
    found = getattr(imported, name, None)
    return found if callable(found) else None


def render_index(index: RunIndex) -> str:
    """Markdown of a run index (reports.index when present, else a plain table)."""
    renderer = _optional("reports.index", "render_index_markdown")
    if renderer is not None:
        return renderer(index)
    lines = [f"# Audit run {index.run_id}", "", f"Created {index.created}.", ""]
    lines += ["| article | errors | warnings | infos | report |", "|---|---:|---:|---:|---|"]
    for entry in index.articles:
        report = entry.report if not entry.error else f"not read: {entry.error}"
        lines.append(
            f"| {_cell(entry.path)} | {entry.errors} | {entry.warnings} | {entry.infos} | {_cell(report)} |"
        )
    return "\n".join(lines) + "\n"


def render_diff(diff: DiffReport, fmt: str) -> str:
    """A diff as JSON or Markdown (reports.diff when present, else a plain list)."""
    if fmt == "json":
        return diff.model_dump_json(indent=2)
    renderer = _optional("reports.diff", "render_diff_markdown")
    if renderer is not None:
        return renderer(diff)
    s = diff.summary
    lines = [f"# Changes from {diff.old} to {diff.new}", ""]
    lines.append(f"{s.new} new, {s.resolved} resolved, {s.unchanged} unchanged findings.")
    for document in diff.documents:
        for label, findings in (("New", document.new), ("Resolved", document.resolved)):
            lines += [f"- {label} in {_cell(document.path)}: {f.code} {_cell(f.message)}" for f in findings]
    return "\n".join(lines) + "\n"


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")
