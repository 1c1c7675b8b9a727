"""Markdown and JSON of a `DiffReport`: what changed between two audits of the same articles."""

from __future__ import annotations

from auditor.models import DiffReport, DocumentDiff, Finding
from reports.common import location
from reports.markdown import md_table
from reports.mdescape import md_inline


def diff_finding_line(finding: Finding) -> str:
    """`- **R101** (error, missing_reference) at 3:5: message — “quote”` (no "at" without a span)."""
    quote = f" — “{md_inline(finding.quote)}”" if finding.quote else ""
    where = f" at {location(finding)}" if finding.span else ""
    return (
        f"- **{md_inline(finding.code)}** ({finding.severity.value}, {finding.kind.value}){where}: "
        f"{md_inline(finding.message)}{quote}"
    )


def _document_lines(document: DocumentDiff) -> list[str]:
    """One article: its counts, then the new and the resolved findings."""
    lines = [f"## {md_inline(document.path)}", ""]
    lines.append(f"{len(document.new)} new, {len(document.resolved)} resolved, "
                 f"{len(document.unchanged)} unchanged.")
    lines.append("")
    for title, findings in (("New findings", document.new), ("Resolved findings", document.resolved)):
        if findings:
            lines += [f"### {title}", ""] + [diff_finding_line(item) for item in findings] + [""]
    return lines


def _paths_lines(title: str, paths: list[str]) -> list[str]:
    """A titled list of article paths (nothing when empty)."""
    if not paths:
        return []
    return [f"## {title}", ""] + [f"- {md_inline(path)}" for path in paths] + [""]


def render_diff_markdown(diff: DiffReport) -> str:
    """The diff as Markdown: totals, added/removed articles, then each article's changes."""
    s = diff.summary
    lines = ["# Audit diff", "", f"From {md_inline(diff.old)} to {md_inline(diff.new)}.", ""]
    header = ["New", "Resolved", "Unchanged", "Articles added", "Articles removed"]
    values = [s.new, s.resolved, s.unchanged, s.articles_added, s.articles_removed]
    lines += md_table(header, [[str(value) for value in values]], "rrrrr") + [""]
    if not (s.new or s.resolved or diff.added_paths or diff.removed_paths):
        lines += ["Nothing changed: no new or resolved findings.", ""]
    lines += _paths_lines("Added articles", diff.added_paths)
    lines += _paths_lines("Removed articles", diff.removed_paths)
    for document in diff.documents:
        lines += _document_lines(document)
    return "\n".join(lines).rstrip("\n") + "\n"


def render_diff_json(diff: DiffReport) -> str:
    """The diff as indented JSON."""
    return diff.model_dump_json(indent=2)
