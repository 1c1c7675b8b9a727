"""Markdown renderer: the report an editor reads (summary, findings by severity, ledgers).

Every piece of text that comes from an article or a record goes through `md_inline`; the output is
deterministic for a given report (golden tests rely on it).
"""

from __future__ import annotations

from auditor.models import AuditReport, DocumentReport, Finding, ReferenceReport
from reports.common import (
    SEVERITY_HEADINGS,
    SEVERITY_NOUNS,
    evidence_items,
    findings_by_severity,
    location,
    plural,
    reference_links,
    safe_url,
    shorten,
)
from reports.interface import Renderer
from reports.mdescape import md_inline, md_line, md_link


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
    header += ["HTTP requests", "Cache hits", "Failed lookups", "Not made (offline)"]
    values = [len(report.documents), s.claims, s.references, s.errors, s.warnings, s.infos]
    values += [s.requests, s.cache_hits, s.failed_lookups, s.lookups_not_made]
    return md_table(header, [[str(value) for value in values]], "r" * len(header))


def _evidence_value(value: str) -> str:
    """An evidence value: a link when it is a plain http(s) URL, escaped text otherwise."""
    url = safe_url(value)
    return md_link(value, url) if url else md_inline(shorten(value, 300))


def finding_lines(finding: Finding) -> list[str]:
    """One finding: code and kind, message, location, quote, evidence, suggestion."""
    ident = f"{md_inline(finding.id)} · " if finding.id else ""
    lines = [f"- **{ident}{md_inline(finding.code)}** `{finding.kind.value}`: {md_inline(finding.message)}"]
    where = location(finding)
    targets = [f"claim {md_inline(finding.claim_id)}"] if finding.claim_id else []
    targets += [f"reference {md_inline(finding.reference_id)}"] if finding.reference_id else []
    lines.append(f"  - Location: {where}" + (f" ({', '.join(targets)})" if targets else ""))
    if finding.quote:
        lines += ["", f"  > {md_line(finding.quote)}", ""]
    if finding.cited_at:
        lines.append("  - Cited at:")
        lines += [f"    - {at.line}:{at.column}: {md_inline(at.sentence)}" for at in finding.cited_at]
    items = evidence_items(finding.evidence)
    if items:
        lines.append("  - Evidence:")
        lines += [f"    - {md_inline(key)}: {_evidence_value(value)}" for key, value in items]
    if finding.suggestion:
        lines.append(f"  - Suggestion: {md_inline(finding.suggestion)}")
    return lines


def findings_lines(document: DocumentReport) -> list[str]:
    """The findings of a document grouped by severity, or a plain "no findings" sentence."""
    lines = ["### Findings", ""]
    if not document.findings:
        return lines + ["No findings: nothing in this document was flagged.", ""]
    for severity, group in findings_by_severity(document.findings):
        lines += [f"#### {SEVERITY_HEADINGS[severity]} ({len(group)})", ""]
        for item in group:
            lines += finding_lines(item)
        lines.append("")
    return lines


def ledger_lines(document: DocumentReport) -> list[str]:
    """The table of every claim with its verdict and the findings about it."""
    lines = ["### Claims", ""]
    if not document.claims:
        return lines + ["No checkable claims were found.", ""]
    rows = [
        [
            md_inline(claim.id),
            md_inline(claim.kind),
            str(claim.span.line),
            md_inline(shorten(claim.text)),
            claim.verdict.value,
            md_inline(", ".join(claim.finding_ids)) or "—",
        ]
        for claim in document.claims
    ]
    return lines + md_table(["ID", "Kind", "Line", "Text", "Verdict", "Findings"], rows, "llr") + [""]


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
