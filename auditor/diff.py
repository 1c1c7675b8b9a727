"""What changed between two audits: findings that are new, resolved or unchanged, per article.

Articles are matched by path, then (for the rest) by sha256. Findings are matched by a fingerprint
that survives unrelated edits — (code, reference label or normalised quote, normalised claim text) —
never by finding id or offset, which shift whenever the text above them changes. A reference
retracted since the last run, or a trial whose status changed, therefore shows up as new.

An article of the older run that the newer run did not audit (absent, or unreadable this time) is
"not audited": its findings are neither resolved nor unchanged, since nobody looked.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

from auditor.exit_codes import THRESHOLD
from auditor.models import AuditReport, DiffReport, DiffSummary, DocumentDiff, DocumentReport, Finding

Fingerprint = tuple[str, str, str]
_SPACES = re.compile(r"\s{1,1000}")


def normalise(text: str | None) -> str:
    """NFKC, case-folded, whitespace collapsed: two quotes differing only in layout compare equal."""
    folded = unicodedata.normalize("NFKC", text or "").casefold()
    return _SPACES.sub(" ", folded).strip()


class _Lookup:
    """Claim texts and reference anchors of one document, by id."""

    def __init__(self, document: DocumentReport) -> None:
        self.claims = {c.id: normalise(c.text) for c in document.claims}
        self.references = {r.id: "ref:" + normalise(r.label or r.text) for r in document.references}

    def fingerprint(self, finding: Finding) -> Fingerprint:
        """(code, reference label or normalised quote, normalised claim text) of a finding."""
        anchor = self.references.get(finding.reference_id or "") or normalise(finding.quote)
        return finding.code, anchor, self.claims.get(finding.claim_id or "", "")


def fingerprint(finding: Finding, document: DocumentReport) -> Fingerprint:
    """(code, reference label or normalised quote, normalised claim text) of a finding."""
    return _Lookup(document).fingerprint(finding)


def _prints(document: DocumentReport | None) -> list[tuple[Fingerprint, Finding]]:
    if document is None:
        return []
    lookup = _Lookup(document)
    return [(lookup.fingerprint(f), f) for f in document.findings]


def diff_documents(old: DocumentReport | None, new: DocumentReport | None) -> DocumentDiff:
    """New, resolved and unchanged findings of one article (either side may be missing)."""
    old_prints, new_prints = _prints(old), _prints(new)
    remaining = Counter(p for p, _ in old_prints)
    either = new or old
    out = DocumentDiff(path=either.path if either else "")
    for prints, finding in new_prints:
        if remaining[prints] > 0:
            remaining[prints] -= 1
            out.unchanged.append(finding)
        else:
            out.new.append(finding)
    still_there = Counter(p for p, _ in new_prints)
    for prints, finding in old_prints:
        if still_there[prints] > 0:
            still_there[prints] -= 1
        else:
            out.resolved.append(finding)
    return out


def pair_documents(
    old: Sequence[DocumentReport], new: Sequence[DocumentReport]
) -> list[tuple[DocumentReport | None, DocumentReport | None]]:
    """Pairs of the same article: by path first, then by sha256; unmatched ones pair with None."""
    old_by_path = {d.path: d for d in old}
    pairs: list[tuple[DocumentReport | None, DocumentReport | None]] = []
    unmatched_new: list[DocumentReport] = []
    for document in new:
        previous = old_by_path.pop(document.path, None)
        if previous is None:
            unmatched_new.append(document)
        else:
            pairs.append((previous, document))
    old_by_sha = {d.sha256: d for d in old_by_path.values() if d.sha256}
    for document in unmatched_new:
        previous = old_by_sha.pop(document.sha256, None) if document.sha256 else None
        pairs.append((previous, document))
    matched = {id(p) for p, _ in pairs if p is not None}
    pairs.extend((d, None) for d in old_by_path.values() if id(d) not in matched)
    return pairs


def diff_reports(
    old: AuditReport, new: AuditReport, *, old_label: str = "", new_label: str = ""
) -> DiffReport:
    """Compare two audits article by article."""
    report = DiffReport(old=old_label or old.run_id or "old", new=new_label or new.run_id or "new")
    for before, after in pair_documents(old.documents, new.documents):
        if before is not None and (after is None or after.error):
            report.not_audited_paths.append(before.path)
            continue
        if before is None and after is not None:
            report.added_paths.append(after.path)
        report.documents.append(diff_documents(before, after))
    report.summary = DiffSummary(
        new=sum(len(d.new) for d in report.documents),
        resolved=sum(len(d.resolved) for d in report.documents),
        unchanged=sum(len(d.unchanged) for d in report.documents),
        articles_added=len(report.added_paths),
        articles_not_audited=len(report.not_audited_paths),
        articles_changed=sum(bool(d.new or d.resolved) for d in report.documents),
    )
    return report


def new_findings_at(diff: DiffReport, fail_on: str) -> list[Finding]:
    """The new findings at or above `fail_on` ("never": none)."""
    threshold = THRESHOLD.get(fail_on)
    if threshold is None:
        return []
    return [f for d in diff.documents for f in d.new if f.severity.rank >= threshold]
