"""Markdown and JSON of a `DiffReport`: what changed between two audits of the same articles."""

from __future__ import annotations

from auditor.reports.common import location
from auditor.reports.mdescape import md_inline

from auditor.models import DiffReport, DocumentDiff, Finding


def diff_finding_line(finding: Finding) -> str:
    """`- **R101** (error, missing_reference) at 3:5: message — “quote”` (no "at" without a span)."""
    quote = f" — “{md_inline(finding.quote)}”" if finding.quote else ""
    where = f" at {location(finding)}" if finding.span else ""
    return (
        f"- **{md_inline(finding.code)}** ({finding.severity.value}, {finding.kind.value}){where}: "
        f"{md_inline(finding.message)}{quote}"
    )


def _document_lines(document: DocumentDiff) -> list[str]:
    """One changed article: its counts, then the new and the resolved findings."""
    lines = [f"## {md_inline(document.path)}", ""]
    lines.append(f"{len(document.new)} new, {len(document.resolved)} resolved, "
                 f"{len(document.unchanged)} unchanged.")
    lines.append("")
    for title, findings in (("New findings", document.new), ("Resolved findings", document.resolved)):
        if findings:
            lines += [f"### {title}", ""] + [diff_finding_line(item) for item in findings] + [""]
    return lines


def _paths_lines(title: str, paths: list[str], note: str = "") -> list[str]:
    """A titled list of article paths (nothing when empty)."""
    if not paths:
        return []
    return [f"## {title}", ""] + ([note, ""] if note else []) + [f"- {md_inline(p)}" for p in paths] + [""]


def total_line(diff: DiffReport) -> str:
    """`3 new, 1 resolved, 40 unchanged findings in 2 of 50 articles; 1 added, 1 not audited.`"""
    s = diff.summary
    changed = sum(bool(d.new or d.resolved) for d in diff.documents)
    line = (f"{s.new} new, {s.resolved} resolved, {s.unchanged} unchanged findings; "
            f"{changed} of {len(diff.documents)} article(s) changed")
    extras = [f"{s.articles_added} added"] if s.articles_added else []
    extras += [f"{s.articles_not_audited} not audited"] if s.articles_not_audited else []
    return line + (f"; {', '.join(extras)}." if extras else ".")


def render_diff_markdown(diff: DiffReport) -> str:
    """The diff as Markdown: a one-line total, then only the articles that changed."""
    lines = ["# Audit diff", "", f"From {md_inline(diff.old)} to {md_inline(diff.new)}.", ""]
    lines += [total_line(diff), ""]
    changed = [d for d in diff.documents if d.new or d.resolved]
    if not changed and not diff.not_audited_paths:
        lines += ["Nothing changed: no new or resolved findings.", ""]
    lines += _paths_lines(
        "Not audited in the newer run",
        diff.not_audited_paths,
        "These articles were absent from the newer run or could not be read in it; their findings "
        "are not counted as resolved.",
    )
    for document in changed:
        lines += _document_lines(document)
    return "\n".join(lines).rstrip("\n") + "\n"


def render_diff_json(diff: DiffReport) -> str:
    """The diff as indented JSON."""
    return diff.model_dump_json(indent=2)
