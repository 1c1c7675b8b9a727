"""One document of the HTML report: the article with its claims highlighted, findings beside it.

The article is laid out as rows of (paragraph | findings about that paragraph). A finding sits
beside the paragraph where its span (or its claim's span) starts; findings that point nowhere in
the text are listed above the article. Without article text the claims ledger stands alone.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from auditor.reports.common import SEVERITY_NOUNS, findings_by_severity, plural, worst_verdict
from auditor.reports.highlight import Segment, paragraph_bounds, segments, segments_by_paragraph
from auditor.reports.html_parts import esc, findings_list, ledger_table, references_table
from auditor.reports.html_top import top_problems_list
from auditor.reports.ranking import priority

from auditor.models import ClaimReport, DocumentReport, Finding, Severity

_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}")


def _mark(text: str, piece: Segment, claims: dict[str, ClaimReport], prefix: str, first: set[str]) -> str:
    """A segment: plain escaped text, or a <mark> coloured by the worst verdict covering it."""
    content = esc(text[piece.start : piece.end])
    covering = [claims[cid] for cid in piece.claim_ids if cid in claims]
    if not covering:
        return content
    verdict = worst_verdict(claim.verdict for claim in covering)
    innermost = covering[-1].id
    classes = f"v-{verdict.value}" + (" overlap" if len(covering) > 1 else "")
    tip = "; ".join(_tooltip(claim) for claim in covering)
    anchor = ""
    if innermost not in first:
        first.add(innermost)
        anchor = f' id="{esc(prefix + innermost)}"'
    ids = " ".join(claim.id for claim in covering)
    return (
        f'<mark{anchor} class="{classes}" data-claim-id="{esc(innermost)}" data-claim-ids="{esc(ids)}" '
        f'title="{esc(tip)}">{content}</mark>'
    )


def _tooltip(claim: ClaimReport) -> str:
    """`c3 · percentage · inconsistent (f1, f2)`."""
    findings = f" ({', '.join(claim.finding_ids)})" if claim.finding_ids else ""
    return f"{claim.id} · {claim.kind} · {claim.verdict.value}{findings}"


def _finding_offset(finding: Finding, anchors: dict[str, int]) -> int | None:
    """Where a finding points in the text: its own span, else its claim's, else its reference's."""
    if finding.span is not None:
        return finding.span.start
    return anchors.get(f"claim:{finding.claim_id}", anchors.get(f"reference:{finding.reference_id}"))


def _anchors(document: DocumentReport) -> dict[str, int]:
    """Start offsets of claims (`claim:<id>`) and of references with a span (`reference:<id>`)."""
    anchors = {f"claim:{claim.id}": claim.span.start for claim in document.claims}
    for reference in document.references:
        if reference.span is not None:
            anchors[f"reference:{reference.id}"] = reference.span.start
    return anchors


def _place_findings(
    findings: Sequence[Finding], paragraphs: Sequence[tuple[int, int]], anchors: dict[str, int]
) -> tuple[list[list[Finding]], list[Finding]]:
    """Findings per paragraph in text order (so each can sit level with its sentence), and those
    that fall in no paragraph, worst first."""
    starts = [start for start, _ in paragraphs]
    placed: list[list[Finding]] = [[] for _ in paragraphs]
    loose: list[Finding] = []
    ordered = sorted(findings, key=lambda item: (_finding_offset(item, anchors) or 0, priority(item)))
    for item in ordered:
        offset = _finding_offset(item, anchors)
        index = bisect_right(starts, offset) - 1 if offset is not None else -1
        if index >= 0 and offset is not None and offset <= paragraphs[index][1]:
            placed[index].append(item)
        else:
            loose.append(item)
    return placed, sorted(loose, key=priority)


def _article(document: DocumentReport, text: str, prefix: str) -> tuple[str, list[Finding], set[str]]:
    """The article rows; the findings placed nowhere; the ids of the claims that got a highlight."""
    claims = {claim.id: claim for claim in document.claims}
    paragraphs = paragraph_bounds(text)
    spans = [(claim.span.start, claim.span.end, claim.id) for claim in document.claims]
    cuts = [offset for bounds in paragraphs for offset in bounds]
    grouped = segments_by_paragraph(paragraphs, segments(len(text), spans, cuts))
    placed, loose = _place_findings(document.findings, paragraphs, _anchors(document))
    lang = f' lang="{esc(document.language)}"' if _LANGUAGE_TAG.fullmatch(document.language) else ""
    first: set[str] = set()
    rows = []
    for pieces, notes in zip(grouped, placed, strict=True):
        body = "".join(_mark(text, piece, claims, prefix, first) for piece in pieces)
        rows.append(
            f'<div class="row"><p class="para"{lang}>{body}</p>'
            f'<aside class="notes">{findings_list(notes, prefix)}</aside></div>'
        )
    return '<div class="article">' + "".join(rows) + "</div>", loose, first


def _counts(document: DocumentReport) -> str:
    """`12 claims · 3 references · 1 error, 2 warnings`."""
    groups = findings_by_severity(document.findings)
    tally = ", ".join(plural(len(group), SEVERITY_NOUNS[sev]) for sev, group in groups)
    sizes = f"{plural(len(document.claims), 'claim')} · {plural(len(document.references), 'reference')}"
    return f"{sizes} · {tally or 'no findings'}"


def _heading(document: DocumentReport, anchor: str) -> str:
    """The section heading and the document's details."""
    return (
        f'<h2 id="{esc(anchor)}">{esc(document.path)}</h2>'
        f'<p class="doc-meta">{esc(document.language)} · SHA-256 {esc(document.sha256[:12] or "—")} · '
        f"{esc(_counts(document))}</p>"
    )


def document_section(document: DocumentReport, number: int) -> str:
    """The section of one document (anchor `doc-<number>`)."""
    prefix = f"d{number}-"
    parts = [_heading(document, f"doc-{number}")]
    if document.error:
        parts.append(f'<p class="unreadable"><strong>This document could not be read:</strong> '
                     f"{esc(document.error)}</p>")
        return f'<section class="document" id="section-{number}">' + "".join(parts) + "</section>"
    if not document.findings:
        parts.append('<p class="clean">No findings: nothing in this document was flagged.</p>')
    highlighted: set[str] = set()
    if document.text:
        article, loose, highlighted = _article(document, document.text, prefix)
        parts.append(top_problems_list(document, prefix))
        serious = [item for item in loose if item.severity != Severity.INFO]
        notes = [item for item in loose if item.severity == Severity.INFO]
        if serious:
            parts += ["<h3>Findings about the whole document</h3>", findings_list(serious, prefix)]
        parts += ["<h3>Article</h3>", article]
        if notes:
            parts += ["<h3>Notes about the whole document</h3>", findings_list(notes, prefix)]
        parts.append(f"<details><summary>Claims ledger ({len(document.claims)})</summary>"
                     f"{ledger_table(document, prefix, highlighted)}</details>")
    else:
        parts.append(top_problems_list(document, prefix))
        parts += ["<h3>Findings</h3>", findings_list(sorted(document.findings, key=priority), prefix)]
        parts += ["<h3>Claims ledger</h3>", ledger_table(document, prefix, highlighted)]
    parts += ["<h3>References</h3>", references_table(document)]
    return f'<section class="document" id="section-{number}">' + "".join(parts) + "</section>"
