"""The top problems of a document in the HTML report: worst first, each a jump link to its note."""

from __future__ import annotations

from auditor.reports.common import location
from auditor.reports.evidence_view import evidence_view, without_record
from auditor.reports.html_parts import esc
from auditor.reports.ranking import reason, top_problems

from auditor.models import DocumentReport


def top_problems_list(document: DocumentReport, prefix: str) -> str:
    """`<nav class="top-problems">` with one item per group of findings, or "" when none."""
    groups = top_problems(document.findings)
    if not groups:
        return ""
    items = []
    for group in groups:
        first = group.first
        message = without_record(first.message, evidence_view(first.evidence).record)
        count = f" ×{len(group.findings)}" if len(group.findings) > 1 else ""
        why = f" · {reason(first)}" if reason(first) else ""
        target = f' href="#{esc(prefix + first.id)}"' if first.id else ""
        link = f"<a{target}><code>{esc(first.code)}</code>{esc(count)}</a>"
        where = f'<span class="kind">{esc(first.kind.value)}{esc(why)} · {esc(location(first))}</span>'
        data = f'data-severity="{esc(first.severity.value)}" data-kind="{esc(first.kind.value)}"'
        items.append(f'<li class="sev-{esc(first.severity.value)}" {data}>{link} {where} {esc(message)}</li>')
    return ('<nav class="top-problems" aria-label="Top problems"><h3>Top problems</h3><ol>'
            + "".join(items) + "</ol></nav>")
