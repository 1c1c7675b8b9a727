"""What an editor should read first: findings ranked by how much they undermine the article, and
repeated findings of one check grouped into one entry that lists every place.

Ranking (worst first): retractions; fabrication risks (works or trials no source knows);
identifiers that point at another work; claims the evidence contradicts; then the rest by severity.
Info findings are never top problems.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from auditor.models import Finding, FindingKind, Severity

# (rank, label) per kind; a lower rank is read first. Kinds absent here rank by severity alone.
_PRIORITY: dict[FindingKind, tuple[int, str]] = {
    FindingKind.RETRACTED: (0, "retracted work cited"),
    FindingKind.NOT_FOUND: (1, "possibly fabricated or nonexistent"),
    FindingKind.TRIAL_NOT_FOUND: (1, "possibly fabricated or nonexistent"),
    FindingKind.IDENTIFIER_MISMATCH: (2, "identifier points at another work"),
    FindingKind.ABSTRACT_CONTRADICTION: (3, "contradicted by the evidence"),
    FindingKind.CITATION_MISMATCH: (3, "contradicted by the evidence"),
    FindingKind.TRIAL_MISMATCH: (3, "contradicted by the evidence"),
    FindingKind.ARITHMETIC_INCONSISTENCY: (3, "contradicted by the evidence"),
    FindingKind.SUM_INCONSISTENCY: (3, "contradicted by the evidence"),
}
_OTHER_RANK = 4
TOP_LIMIT = 10


def priority(finding: Finding) -> tuple[int, int]:
    """Sort key: the kind's rank (errors of an unranked kind before its warnings), then severity."""
    rank = _PRIORITY.get(finding.kind, (_OTHER_RANK, ""))[0]
    if finding.severity == Severity.INFO:
        rank = _OTHER_RANK + 1
    return rank, -finding.severity.rank


def reason(finding: Finding) -> str:
    """Why a finding ranks where it does, in a few words ("" for kinds ranked by severity alone)."""
    return _PRIORITY.get(finding.kind, (_OTHER_RANK, ""))[1]


@dataclass(frozen=True)
class FindingGroup:
    """Findings of one code and severity in one document: shown as one entry listing every place."""

    code: str
    findings: tuple[Finding, ...]

    @property
    def first(self) -> Finding:
        """The first finding of the group (its kind, severity and, when shared, suggestion)."""
        return self.findings[0]

    @property
    def shared_suggestion(self) -> str:
        """The suggestion most of the group gives (stated once; the others are stated per place)."""
        counts = Counter(item.suggestion for item in self.findings if item.suggestion)
        if not counts:
            return ""
        suggestion, count = counts.most_common(1)[0]
        return suggestion if count > 1 else ""


def group_findings(findings: Iterable[Finding]) -> list[FindingGroup]:
    """Findings grouped by (code, severity), groups in order of their first member."""
    groups: dict[tuple[str, Severity], list[Finding]] = {}
    for item in findings:
        groups.setdefault((item.code, item.severity), []).append(item)
    return [FindingGroup(code, tuple(members)) for (code, _), members in groups.items()]


def ranked_groups(findings: Sequence[Finding]) -> list[FindingGroup]:
    """Groups ordered by the priority of their worst member (stable within equal priority)."""
    ordered = sorted(findings, key=priority)
    return sorted(group_findings(ordered), key=lambda group: min(priority(f) for f in group.findings))


def top_problems(findings: Sequence[Finding], limit: int = TOP_LIMIT) -> list[FindingGroup]:
    """The groups an editor should read first: errors and warnings, worst first, at most `limit`."""
    serious = [item for item in findings if item.severity != Severity.INFO]
    return ranked_groups(serious)[:limit]
