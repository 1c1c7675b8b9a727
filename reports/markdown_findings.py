"""Markdown of findings: the top-problems list, single findings, and grouped repeats of one code.

An entry gives the code, kind, place and message first; then the quote (when the message does not
already contain it), the evidence as a record line, a cited-vs-record table and a line of facts,
and the suggestion. The record is shown once: its copies inside the message are left out.
"""

from __future__ import annotations

from auditor.reports.common import location
from auditor.reports.evidence_view import EvidenceView, evidence_view, without_record
from auditor.reports.mdescape import md_inline, md_line, md_link
from auditor.reports.ranking import FindingGroup, reason

from auditor.models import Finding, FindingKind


def _place(finding: Finding) -> str:
    """`14:17 (claim c11)` or `32:1 (reference r2)`."""
    targets = [f"claim {finding.claim_id}"] if finding.claim_id else []
    targets += [f"reference {finding.reference_id}"] if finding.reference_id else []
    return location(finding) + (f" ({', '.join(targets)})" if targets else "")


def _texts(finding: Finding, view: EvidenceView) -> tuple[str, str]:
    """Message and suggestion with the record's copies removed."""
    return without_record(finding.message, view.record), without_record(finding.suggestion, view.record)


def _evidence_lines(view: EvidenceView, indent: str, skip: frozenset[tuple[str, str]] = frozenset(),
                    flags: bool = True) -> list[str]:
    """Record line, comparison table and facts line of one finding.

    `skip`: facts already stated for the whole group; `flags`: yes/no facts too.
    """
    lines: list[str] = []
    if view.record:
        record = md_link(view.record, view.record_url) if view.record_url else md_inline(view.record)
        lines.append(f"{indent}- Record: {record}")
    if view.table:
        lines += ["", f"{indent}  | field | cited | record |", f"{indent}  | --- | --- | --- |"]
        lines += [f"{indent}  | {md_inline(a)} | {md_inline(b)} | {md_inline(c)} |" for a, b, c in view.table]
        lines.append("")
    kept = [(name, value) for name, value in view.facts if (value or flags) and (name, value) not in skip]
    facts = [md_inline(f"{name} {value}".strip()) for name, value in kept]
    facts += [md_link(name, url) for name, url in view.links]
    if facts:
        lines.append(f"{indent}- Evidence: " + " · ".join(facts))
    return lines


def _cited_at_lines(finding: Finding, indent: str) -> list[str]:
    """The sentences of the article that cite the work a finding is about."""
    if not finding.cited_at:
        return []
    label = "Mentioned at" if finding.kind is FindingKind.MISSING_REFERENCE else "Cited at"
    lines = [f"{indent}- {label}:"]
    lines += [f"{indent}  - {at.line}:{at.column}: {md_inline(at.sentence)}" for at in finding.cited_at]
    return lines


def finding_lines(finding: Finding) -> list[str]:
    """One finding as a list item."""
    view = evidence_view(finding.evidence)
    message, suggestion = _texts(finding, view)
    ident = f"{md_inline(finding.id)} · " if finding.id else ""
    lines = [f"- **{ident}{md_inline(finding.code)}** `{finding.kind.value}` · {_place(finding)}: "
             f"{md_inline(message)}"]
    if finding.quote and finding.quote not in finding.message:
        lines += ["", f"  > {md_line(finding.quote)}", ""]
    lines += _cited_at_lines(finding, "  ")
    lines += _evidence_lines(view, "  ")
    if suggestion:
        lines.append(f"  - Suggestion: {md_inline(suggestion)}")
    return lines


def _shared_facts(group: FindingGroup) -> frozenset[tuple[str, str]]:
    """Facts every finding of the group states alike (said once for the group)."""
    views = [set(evidence_view(item.evidence).facts) for item in group.findings]
    return frozenset(set.intersection(*views)) if views else frozenset()


def _occurrence_lines(
    finding: Finding, shared_suggestion: str, shared: frozenset[tuple[str, str]]
) -> list[str]:
    """One place of a grouped finding: location, message, quote, evidence, own suggestion.

    Facts whose value the message already states (`authors Fukuda`) are left out.
    """
    view = evidence_view(finding.evidence)
    shared = shared | {(name, value) for name, value in view.facts if value and value in finding.message}
    message, suggestion = _texts(finding, view)
    ids = "/".join(md_inline(i) for i in (finding.id, finding.claim_id or finding.reference_id) if i)
    line = f"  - {location(finding)}" + (f" · {ids}" if ids else "") + f": {md_inline(message)}"
    if finding.quote and finding.quote not in finding.message:
        line += f" — “{md_inline(finding.quote)}”"
    # Yes/no facts of a repeated finding restate its message ("exponent lost"): left out here.
    lines = [line] + _cited_at_lines(finding, "    ") + _evidence_lines(view, "    ", shared, flags=False)
    if suggestion and suggestion != shared_suggestion:
        lines.append(f"    - Suggestion: {md_inline(suggestion)}")
    return lines


def group_lines(group: FindingGroup) -> list[str]:
    """A group: one finding as itself, several as one entry listing every place."""
    if len(group.findings) == 1:
        return finding_lines(group.first)
    first = group.first
    lines = [f"- **{md_inline(group.code)}** `{first.kind.value}` · {len(group.findings)} places:"]
    if group.shared_suggestion:
        alike = all(item.suggestion == group.shared_suggestion for item in group.findings)
        lines[0] += f" {md_inline(group.shared_suggestion)}"
        lines[0] += "" if alike else " (unless said otherwise below)"
    shared = _shared_facts(group)
    facts = [md_inline(f"{name} {value}".strip()) for name, value in sorted(shared) if value]
    if facts:
        lines.append("  - Evidence for each: " + " · ".join(facts))
    for item in group.findings:
        lines += _occurrence_lines(item, group.shared_suggestion, shared)
    return lines


def top_problem_line(number: int, group: FindingGroup) -> str:
    """`1. **N301** arithmetic inconsistency (error: contradicted by the evidence) · 14:17 (f1): …`."""
    first = group.first
    count = f" ×{len(group.findings)}" if len(group.findings) > 1 else ""
    where = location(first) + (f" ({md_inline(first.id)})" if first.id else "")
    more = ", first at" if count else " at"
    view = evidence_view(first.evidence)
    message = without_record(first.message, view.record)
    kind = first.kind.value.replace("_", " ")
    why = f": {reason(first)}" if reason(first) else ""
    return (f"{number}. **{md_inline(first.code)}**{count} {kind} ({first.severity.value}{why})"
            f"{more} {where}: {md_inline(message)}")
