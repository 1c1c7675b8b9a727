"""Findings, verdicts and the JSON report: the contract other tools read (DESIGN.md).

`AuditReport.model_json_schema()` is what `auditor schema` prints. Field names here are the
JSON names; do not rename them without bumping SCHEMA_VERSION.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from auditor.claims.models import Span

SCHEMA_VERSION = 1


class Severity(str, Enum):
    """How bad a finding is; ordered error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """2 for error, 1 for warning, 0 for info."""
        return {"error": 2, "warning": 1, "info": 0}[self.value]


class Verdict(str, Enum):
    """What the evidence says of a claim."""

    SUPPORTED = "supported"
    INCONSISTENT = "inconsistent"
    UNSUPPORTED = "unsupported"
    UNVERIFIABLE = "unverifiable"
    NOT_CHECKABLE = "not_checkable"


class FindingKind(str, Enum):
    """The closed list of finding kinds in DESIGN.md."""

    MISSING_REFERENCE = "missing_reference"
    UNCITED_REFERENCE = "uncited_reference"
    CITATION_MISMATCH = "citation_mismatch"
    IDENTIFIER_MISMATCH = "identifier_mismatch"
    METADATA_MISMATCH = "metadata_mismatch"
    RETRACTED = "retracted"
    NOT_FOUND = "not_found"
    UNKNOWN_JOURNAL = "unknown_journal"
    TRIAL_NOT_FOUND = "trial_not_found"
    TRIAL_MISMATCH = "trial_mismatch"
    ARITHMETIC_INCONSISTENCY = "arithmetic_inconsistency"
    SUM_INCONSISTENCY = "sum_inconsistency"
    MALFORMED_NUMBER = "malformed_number"
    MISSING_STATISTIC = "missing_statistic"
    ABSTRACT_CONTRADICTION = "abstract_contradiction"
    MALFORMED_IDENTIFIER = "malformed_identifier"
    DUPLICATE_REFERENCE = "duplicate_reference"
    UNVERIFIABLE = "unverifiable"


# How a finding of each kind (at warning or error severity) colours the verdict of its claim.
VERDICT_OF_KIND: dict[FindingKind, Verdict] = {
    FindingKind.MISSING_REFERENCE: Verdict.UNSUPPORTED,
    FindingKind.UNCITED_REFERENCE: Verdict.UNSUPPORTED,
    FindingKind.CITATION_MISMATCH: Verdict.INCONSISTENT,
    FindingKind.IDENTIFIER_MISMATCH: Verdict.INCONSISTENT,
    FindingKind.METADATA_MISMATCH: Verdict.INCONSISTENT,
    FindingKind.RETRACTED: Verdict.INCONSISTENT,
    FindingKind.NOT_FOUND: Verdict.UNSUPPORTED,
    FindingKind.UNKNOWN_JOURNAL: Verdict.UNSUPPORTED,
    FindingKind.TRIAL_NOT_FOUND: Verdict.UNSUPPORTED,
    FindingKind.TRIAL_MISMATCH: Verdict.INCONSISTENT,
    FindingKind.ARITHMETIC_INCONSISTENCY: Verdict.INCONSISTENT,
    FindingKind.SUM_INCONSISTENCY: Verdict.INCONSISTENT,
    FindingKind.MALFORMED_NUMBER: Verdict.INCONSISTENT,
    FindingKind.MISSING_STATISTIC: Verdict.UNSUPPORTED,
    FindingKind.ABSTRACT_CONTRADICTION: Verdict.INCONSISTENT,
    FindingKind.MALFORMED_IDENTIFIER: Verdict.INCONSISTENT,
    FindingKind.DUPLICATE_REFERENCE: Verdict.INCONSISTENT,
    FindingKind.UNVERIFIABLE: Verdict.UNVERIFIABLE,
}


class CitedSpan(Span):
    """Where the text cites a work a finding is about: the citation's span and its sentence."""

    model_config = ConfigDict(frozen=True)

    sentence: str = ""  # the citing sentence, as written (at most ~400 characters)


class Finding(BaseModel):
    """One problem a check found, with the quote, the evidence and the fix."""

    model_config = ConfigDict(frozen=True)

    id: str = ""  # assigned by the pipeline: "f1", "f2", … per document
    code: str
    kind: FindingKind
    severity: Severity
    message: str
    span: Span | None = None
    quote: str = ""
    claim_id: str | None = None
    reference_id: str | None = None
    evidence: dict[str, Any] = Field(default_factory=dict)
    suggestion: str = ""
    # for a finding about a cited work: every in-text citation of that work (empty when none)
    cited_at: list[CitedSpan] = Field(default_factory=list)


class ClaimReport(BaseModel):
    """A claim in the report, with its verdict and the findings about it."""

    id: str
    kind: str
    text: str
    span: Span
    normalized: dict[str, Any] = Field(default_factory=dict)
    verdict: Verdict
    finding_ids: list[str] = Field(default_factory=list)


class Resolution(str, Enum):
    """How a reference was tied to a record."""

    IDENTIFIER = "identifier"
    MATCHED = "matched"
    NOT_FOUND = "not_found"
    UNVERIFIABLE = "unverifiable"


class ReferenceReport(BaseModel):
    """A reference in the report, with the record it resolved to (if any)."""

    id: str
    label: str | None = None
    text: str
    span: Span | None = None
    parsed: dict[str, Any] = Field(default_factory=dict)
    record: dict[str, Any] | None = None
    resolution: Resolution
    resolution_reason: str | None = None


class DocumentReport(BaseModel):
    """Everything found in one document."""

    path: str
    sha256: str
    language: str
    encoding: str | None = None  # how the file's bytes were decoded (utf-8, gb18030, big5, cp1252…)
    claims: list[ClaimReport] = Field(default_factory=list)
    references: list[ReferenceReport] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    error: str | None = None  # set when the document could not be read; the run went on
    text: str | None = None  # the article text, kept so HTML reports can be rendered later


class Summary(BaseModel):
    """Totals over all documents of a run."""

    errors: int = 0
    warnings: int = 0
    infos: int = 0
    claims: int = 0
    references: int = 0
    requests: int = 0
    cache_hits: int = 0
    failed_lookups: int = 0  # lookups tried that failed (network, rate limit, malformed answer)
    lookups_not_made: int = 0  # not made (offline, not cached) and leaving something unchecked: = U902


class ToolInfo(BaseModel):
    """Which tool wrote the report."""

    name: str = "auditor"
    version: str


class AuditReport(BaseModel):
    """The JSON report (schema_version 1)."""

    schema_version: int = SCHEMA_VERSION
    tool: ToolInfo
    run_id: str | None = None
    created: str | None = None  # ISO 8601 UTC
    documents: list[DocumentReport] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)


class DocumentDiff(BaseModel):
    """Findings of one article that are new, resolved or unchanged between two runs."""

    path: str
    new: list[Finding] = Field(default_factory=list)
    resolved: list[Finding] = Field(default_factory=list)
    unchanged: list[Finding] = Field(default_factory=list)


class DiffSummary(BaseModel):
    """Totals of a diff."""

    new: int = 0
    resolved: int = 0
    unchanged: int = 0
    articles_added: int = 0
    articles_not_audited: int = 0  # in the older run, but absent from (or unreadable in) the newer one
    articles_changed: int = 0  # articles with new or resolved findings


class DiffReport(BaseModel):
    """What changed between two audits (`auditor diff`)."""

    schema_version: int = SCHEMA_VERSION
    old: str  # path or run id of the older audit
    new: str
    documents: list[DocumentDiff] = Field(default_factory=list)
    added_paths: list[str] = Field(default_factory=list)
    not_audited_paths: list[str] = Field(default_factory=list)  # their findings are not "resolved"
    summary: DiffSummary = Field(default_factory=DiffSummary)


class IndexEntry(BaseModel):
    """One article of an archive run, as listed in the run index."""

    path: str
    report: str | None = None  # file name of the article's JSON audit
    sha256: str | None = None
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    claims: int = 0
    references: int = 0
    error: str | None = None


class RunIndex(BaseModel):
    """The index written beside the per-article audits of an archive run."""

    schema_version: int = SCHEMA_VERSION
    run_id: str
    created: str
    tool: ToolInfo
    articles: list[IndexEntry] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)
