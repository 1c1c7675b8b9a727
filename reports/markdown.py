"""Markdown renderer: the report an editor reads (summary, findings by severity, ledgers).

Every piece of text that comes from an article or a record goes through `md_inline`; the output is
deterministic for a given report (golden tests rely on it).
"""

from __future__ import annotations

from auditor.reports.common import (
    SEVERITY_HEADINGS,
    SEVERITY_NOUNS,
    VERDICT_LABELS,
    VERDICT_ORDER,
    findings_by_severity,
    plural,
    reference_links,
    shorten,
)
from auditor.reports.interface import Renderer
from auditor.reports.markdown_findings import group_lines, top_problem_line
from auditor.reports.mdescape import md_inline, md_link
from auditor.reports.ranking import ranked_groups, top_problems

from auditor.models import AuditReport, ClaimReport, DocumentReport, ReferenceReport


def md_table(header: list[str], rows: list[list[str]], align: str = "") -> list[str]:
    """A GFM table; cells must already be escaped. `align` holds one of "l"/"r" per column."""
    rules = ["---:" if char == "r" else "---" for char in align.ljust(len(header), "l")]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(rules) + " |"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines


def summary_lines(report: AuditReport) -> list[str]:
    """The summary table of a run."""
    s = report.summary
    header = ["Documents", "Claims", "References", "Errors", "Warnings", "Infos"]
    header += ["HTTP requests", "Cache hits", "Failed lookups", "Not checked offline"]
    values = [len(report.documents), s.claims, s.references, s.errors, s.warnings, s.infos]
    values += [s.requests, s.cache_hits, s.failed_lookups, s.lookups_not_made]
    return md_table(header, [[str(value) for value in values]], "r" * len(header))


def findings_lines(document: DocumentReport) -> list[str]:
    """Top problems first, then every finding by severity, repeats of one code grouped."""
    if not document.findings:
        return ["### Findings", "", "No findings: nothing in this document was flagged.", ""]
    lines: list[str] = []
    top = top_problems(document.findings)
    if top:
        lines += ["### Top problems", ""]
        lines += [top_problem_line(number, group) for number, group in enumerate(top, start=1)]
        lines.append("")
    lines += ["### Findings", ""]
    for severity, group in findings_by_severity(document.findings):
        lines += [f"#### {SEVERITY_HEADINGS[severity]} ({len(group)})", ""]
        for entry in ranked_groups(group):
            lines += group_lines(entry)
        lines.append("")
    return lines


def _ledger_cell(claims: list[ClaimReport]) -> str:
    """`count: c5 87篇, c6 71篇; percentage: c11 82%` (claims of one line and verdict, by kind)."""
    by_kind: dict[str, list[str]] = {}
    for claim in claims:
        by_kind.setdefault(claim.kind, []).append(f"{claim.id} {shorten(claim.text, 40)}")
    return md_inline("; ".join(f"{kind}: {', '.join(items)}" for kind, items in by_kind.items()))


def _ledger_rows(claims: list[ClaimReport]) -> list[list[str]]:
    """One row per line: the claims of one verdict on that line."""
    runs: list[tuple[int, list[ClaimReport]]] = []
    for claim in claims:
        if runs and runs[-1][0] == claim.span.line:
            runs[-1][1].append(claim)
        else:
            runs.append((claim.span.line, [claim]))
    return [[str(line), _ledger_cell(members)] for line, members in runs]


def ledger_lines(document: DocumentReport) -> list[str]:
    """Every claim by verdict (worst first), then by line; the findings name the claims they concern."""
    lines = [f"### Claims ({len(document.claims)})", ""]
    if not document.claims:
        return lines + ["No checkable claims were found.", ""]
    for verdict in VERDICT_ORDER:
        members = [claim for claim in document.claims if claim.verdict == verdict]
        if members:
            lines += [f"{VERDICT_LABELS[verdict].capitalize()} ({len(members)}):", ""]
            lines += md_table(["Line", "Claims"], _ledger_rows(members), "r") + [""]
    return lines


def _reference_row(reference: ReferenceReport) -> list[str]:
    """One row of the references table."""
    links = " · ".join(md_link(label, url) for label, url in reference_links(reference)) or "—"
    resolution = reference.resolution.value
    if reference.resolution_reason:
        resolution += f" ({md_inline(reference.resolution_reason)})"
    label = md_inline(reference.label) if reference.label else "—"
    return [md_inline(reference.id), label, md_inline(shorten(reference.text)), resolution, links]


def references_lines(document: DocumentReport) -> list[str]:
    """The table of the document's references with their resolution and record links."""
    lines = ["### References", ""]
    if not document.references:
        return lines + ["No reference list was found.", ""]
    rows = [_reference_row(reference) for reference in document.references]
    return lines + md_table(["ID", "Label", "Reference", "Resolution", "Record"], rows) + [""]


def document_lines(document: DocumentReport) -> list[str]:
    """The whole section of one document."""
    lines = [f"## {md_inline(document.path)}", ""]
    digest = md_inline(document.sha256[:12]) or "—"
    meta = f"Language: {md_inline(document.language)} · SHA-256: {digest}"
    if document.encoding:
        meta += f" · Encoding: {md_inline(document.encoding)}"
    lines += [meta, ""]
    if document.error:
        return lines + [f"**This document could not be read:** {md_inline(document.error)}", ""]
    counts = findings_by_severity(document.findings)
    tally = ", ".join(plural(len(group), SEVERITY_NOUNS[sev]) for sev, group in counts)
    sizes = f"{plural(len(document.claims), 'claim')}, {plural(len(document.references), 'reference')}"
    lines += [sizes + (f"; findings: {tally}." if tally else "; no findings."), ""]
    return lines + findings_lines(document) + ledger_lines(document) + references_lines(document)


class MarkdownRenderer(Renderer):
    """The audit as a Markdown report for editors."""

    extension = "md"

    def render(self, report: AuditReport) -> str:
        """Title, run details, summary table, then one section per document."""
        tool = f"{md_inline(report.tool.name)} {md_inline(report.tool.version)}"
        run = f" · run {md_inline(report.run_id)}" if report.run_id else ""
        created = f" · {md_inline(report.created)}" if report.created else ""
        lines = ["# Citation and claim audit", "", f"Generated by {tool}{run}{created}.", ""]
        lines += ["## Summary", ""] + summary_lines(report) + [""]
        total = report.summary.errors + report.summary.warnings + report.summary.infos
        if not any(document.findings for document in report.documents) and total == 0:
            lines += ["No findings: the audit flagged nothing in any document.", ""]
        if not report.documents:
            lines += ["No documents were audited.", ""]
        for document in report.documents:
            lines += document_lines(document)
        return "\n".join(lines).rstrip("\n") + "\n"
