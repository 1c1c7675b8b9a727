"""Wiring of the renderers (package `reports`) for the command line.

The CLI is the composition root: `reports` sits above `auditor` in the layering, and only these
CLI modules import it, to hand it the data the core produced. The core never imports `reports`.
"""

from __future__ import annotations

from auditor.models import AuditReport, DiffReport, RunIndex
from auditor.reports.diff import render_diff_json, render_diff_markdown
from auditor.reports.html import HtmlRenderer
from auditor.reports.index import render_index_markdown
from auditor.reports.json_report import JsonRenderer
from auditor.reports.markdown import MarkdownRenderer

REPORT_FORMATS = ("markdown", "json", "html")


def render_report(report: AuditReport, fmt: str) -> str:
    """The report in `fmt` (json keeps the article text, so the file can be re-rendered later)."""
    if fmt == "json":
        return JsonRenderer(include_text=True).render(report)
    if fmt == "html":
        return HtmlRenderer().render(report)
    return MarkdownRenderer().render(report)


def render_index(index: RunIndex) -> str:
    """Markdown of a run index."""
    return render_index_markdown(index)


def render_diff(diff: DiffReport, fmt: str) -> str:
    """A diff as JSON or Markdown."""
    return render_diff_json(diff) if fmt == "json" else render_diff_markdown(diff)
