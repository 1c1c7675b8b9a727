"""HTML fragments of a document section: findings, the claims ledger, the references table.

Every value from a report goes through `esc` (html.escape with quote=True); URLs come only from
`reports.common` (identifiers of a fixed shape, or plain http(s) URLs) and are escaped as well.
"""

from __future__ import annotations

import html
from typing import Any

from auditor.reports.common import location, reference_links, shorten
from auditor.reports.evidence_view import EvidenceView, evidence_view, without_record

from auditor.models import ClaimReport, DocumentReport, Finding, FindingKind, ReferenceReport


def esc(value: Any) -> str:
    """`value` as text safe in HTML content and in quoted attribute values."""
    return html.escape(str(value), quote=True)


def link(label: str, url: str) -> str:
    """An external link (new tab, no referrer) to a URL already known to be safe."""
    return f'<a href="{esc(url)}" rel="noopener noreferrer" target="_blank">{esc(label)}</a>'


def _evidence(view: EvidenceView) -> str:
    """The evidence: the record (linked), a cited-vs-record table, then the other facts."""
    parts = []
    if view.record:
        record = link(view.record, view.record_url) if view.record_url else esc(view.record)
        parts.append(f'<p class="record"><strong>Record:</strong> {record}</p>')
    if view.table:
        cells = [f"<tr><th>{esc(a)}</th><td>{esc(b)}</td><td>{esc(c)}</td></tr>" for a, b, c in view.table]
        rows = "".join(cells)
        parts.append('<table class="evidence-table"><thead><tr><th></th><th>cited</th><th>record</th></tr>'
                     f"</thead><tbody>{rows}</tbody></table>")
    facts = [esc(f"{name} {value}".strip()) for name, value in view.facts]
    facts += [link(name, url) for name, url in view.links]
    if facts:
        parts.append('<p class="evidence">' + " · ".join(facts) + "</p>")
    return "".join(parts)


def finding_item(finding: Finding, prefix: str) -> str:
    """One finding as a list item carrying its severity and kind for the filters."""
    severity, kind = finding.severity.value, finding.kind.value
    claim = f' data-claim-id="{esc(finding.claim_id)}"' if finding.claim_id else ""
    anchor = f' id="{esc(prefix + finding.id)}"' if finding.id else ""
    head = (
        f'<div class="finding-head"><span class="badge sev-{esc(severity)}">{esc(severity)}</span>'
        f'<code>{esc(finding.code)}</code><span class="kind">{esc(kind)}</span>'
        f'<span class="loc">{esc(finding.id)} · {esc(location(finding))}</span></div>'
    )
    view = evidence_view(finding.evidence)
    message = without_record(finding.message, view.record)
    suggestion = without_record(finding.suggestion, view.record)
    parts = [head, f'<p class="message">{esc(message)}</p>']
    if finding.quote and finding.quote not in finding.message:
        parts.append(f'<blockquote class="quote">{esc(finding.quote)}</blockquote>')
    parts.append(_cited_at(finding))
    parts.append(_evidence(view))
    if suggestion:
        parts.append(f'<p class="suggestion"><strong>Suggestion:</strong> {esc(suggestion)}</p>')
    return (
        f'<li class="finding sev-{esc(severity)}"{anchor} data-severity="{esc(severity)}" '
        f'data-kind="{esc(kind)}"{claim}>' + "".join(parts) + "</li>"
    )


def _cited_at(finding: Finding) -> str:
    """The sentences that cite the work a finding is about (empty when none)."""
    if not finding.cited_at:
        return ""
    items = "".join(
        f'<li><span class="loc">{at.line}:{at.column}</span> {esc(at.sentence)}</li>'
        for at in finding.cited_at
    )
    label = "Mentioned at" if finding.kind is FindingKind.MISSING_REFERENCE else "Cited at"
    return f'<div class="cited-at"><strong>{label}:</strong><ul>{items}</ul></div>'


def findings_list(findings: list[Finding], prefix: str) -> str:
    """Findings as an ordered list (empty string when there are none)."""
    if not findings:
        return ""
    return '<ol class="findings">' + "".join(finding_item(item, prefix) for item in findings) + "</ol>"


def _finding_links(claim: ClaimReport, prefix: str) -> str:
    """Links from a ledger row to the findings about the claim."""
    links = [f'<a href="#{esc(prefix + fid)}">{esc(fid)}</a>' for fid in claim.finding_ids]
    return ", ".join(links) or "—"


def ledger_table(document: DocumentReport, prefix: str, highlighted: set[str]) -> str:
    """Every claim: id, kind, line, text (shortened), verdict, findings.

    A claim highlighted in the article links to its first highlight; any other row is its own anchor.
    """
    if not document.claims:
        return "<p>No checkable claims were found.</p>"
    rows = []
    for claim in document.claims:
        verdict, target = claim.verdict.value, esc(prefix + claim.id)
        anchor = f'<a href="#{target}">{esc(claim.id)}</a>' if claim.id in highlighted else esc(claim.id)
        row_id = "" if claim.id in highlighted else f' id="{target}"'
        rows.append(
            f"<tr{row_id}><td>{anchor}</td><td>{esc(claim.kind)}</td>"
            f'<td class="num">{claim.span.line}</td><td>{esc(shorten(claim.text))}</td>'
            f'<td><span class="verdict v-{esc(verdict)}">{esc(verdict)}</span></td>'
            f"<td>{_finding_links(claim, prefix)}</td></tr>"
        )
    head = "<tr><th>ID</th><th>Kind</th><th>Line</th><th>Text</th><th>Verdict</th><th>Findings</th></tr>"
    return f'<table class="ledger"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _reference_row(reference: ReferenceReport) -> str:
    """One row of the references table."""
    links = " · ".join(link(label, url) for label, url in reference_links(reference)) or "—"
    resolution = esc(reference.resolution.value)
    if reference.resolution_reason:
        resolution += f" ({esc(reference.resolution_reason)})"
    return (
        f"<tr><td>{esc(reference.id)}</td><td>{esc(reference.label or '—')}</td>"
        f"<td>{esc(shorten(reference.text, 240))}</td><td>{resolution}</td><td>{links}</td></tr>"
    )


def references_table(document: DocumentReport) -> str:
    """The references with their resolution and links to PubMed, PMC, DOI, ClinicalTrials.gov."""
    if not document.references:
        return "<p>No reference list was found.</p>"
    head = "<tr><th>ID</th><th>Label</th><th>Reference</th><th>Resolution</th><th>Record</th></tr>"
    rows = "".join(_reference_row(reference) for reference in document.references)
    return f'<table class="references"><thead>{head}</thead><tbody>{rows}</tbody></table>'
