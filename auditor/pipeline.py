"""The audit pipeline: read → find the reference list → extract → parse → link → resolve → check.

One unreadable article becomes a `DocumentReport` with `error` and the run goes on; an exception
inside one check becomes a U999 finding for that article. Lookups for all documents of a run are
made in ONE `Resolver.resolve` call, so identifiers are de-duplicated across the run.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal, TypeVar

from auditor import __version__
from auditor.checks.registry import CheckContext, CheckSpec, RegisteredCheck, all_checks, register
from auditor.claims.extract import extract_claims, extract_identifiers
from auditor.claims.models import Claim, Document
from auditor.collection_pause import fewer_collections
from auditor.config import AuditorConfig
from auditor.evidence import attach_cited_at
from auditor.input_files import display_path
from auditor.linking import ReferenceIndex, link_citations
from auditor.models import (
    AuditReport,
    DocumentReport,
    Finding,
    FindingKind,
    Severity,
    Summary,
    ToolInfo,
)
from auditor.reading import InputError, read_document
from auditor.references.models import Reference
from auditor.references.parse import parse_reference_list
from auditor.references.section import locate_reference_section
from auditor.resolve import DocumentInputs, DocumentResolution, Resolver
from auditor.sources import SourceSet
from auditor.verdicts import document_report

T = TypeVar("T")
R = TypeVar("R")


@register(
    CheckSpec(
        "U999",
        FindingKind.UNVERIFIABLE,
        Severity.WARNING,
        "A check failed with an internal error; its findings for this article are missing.",
    )
)
def _internal_error_marker(ctx: CheckContext) -> list:  # type: ignore[type-arg]
    """Registers U999, which the pipeline itself emits when a check raises."""
    return []


@register(
    CheckSpec(
        "U903",
        FindingKind.UNVERIFIABLE,
        Severity.WARNING,
        "More claims than the per-document limit (`max_claims`): the rest of the article was not checked.",
    )
)
def _claim_limit_marker(ctx: CheckContext) -> list:  # type: ignore[type-arg]
    """Registers U903, which the pipeline itself emits when a document has too many claims."""
    return []


@dataclass(frozen=True)
class AuditOptions:
    """What a run does besides reading its inputs."""

    config: AuditorConfig = field(default_factory=AuditorConfig)
    extra_references: tuple[Reference, ...] = ()  # from --references FILE
    references_mode: Literal["add", "replace"] = "add"
    jobs: int = 1
    offline: bool = False
    on_article: Callable[[], None] | None = None  # called once per article when it is done (progress)


@dataclass(frozen=True)
class PreparedDocument:
    """A document with its claims, references and citation links (everything before lookups)."""

    document: Document
    claims: tuple[Claim, ...]
    references: tuple[Reference, ...]
    links: dict[str, tuple[str, ...]]
    # `references` by author and journal keys, built once: the link stage and the checks read it
    reference_index: ReferenceIndex
    truncated_at: int | None = None  # offset of the first claim not kept (over `max_claims`)
    # identifiers written in the reference list (for the identifier-syntax checks)
    reference_identifiers: tuple[Claim, ...] = ()


def prepare_document(document: Document, options: AuditOptions) -> PreparedDocument:
    """Find the reference list, extract claims before it, parse it, add --references, link.

    A `bare` author citation ("屠呦呦(2011)": a name-like word and a year) is kept only when it links.
    """
    section = locate_reference_section(document.text)  # once: the list is parsed from it too
    limit = options.config.max_claims
    found = extract_claims(document, body_end=section.start if section else None, limit=limit + 1)
    truncated_at = found[limit].span.start if len(found) > limit else None
    claims = tuple(found[:limit])
    own = parse_reference_list(document, section) if section else []
    references = tuple(combine_references(own, options.extra_references, options.references_mode))
    index = ReferenceIndex(references)
    links = dict(link_citations(claims, index, document.text))
    claims = tuple(c for c in claims if links.get(c.id) or not c.normalized.get("bare"))
    links = {c.id: links[c.id] for c in claims if c.id in links}
    listed = tuple(extract_identifiers(document, section.start, section.end)) if section else ()
    return PreparedDocument(document, claims, references, links, index, truncated_at, listed)


def combine_references(own: Sequence[Reference], extra: Sequence[Reference], mode: str) -> list[Reference]:
    """The article's list plus (or replaced by) the --references entries, ids continuing r{n+1}…."""
    base = [] if mode == "replace" else list(own)
    added = [r.model_copy(update={"id": f"r{len(base) + i}"}) for i, r in enumerate(extra, start=1)]
    return base + added


def audit_paths(paths: Sequence[Path], options: AuditOptions, sources: SourceSet | None) -> AuditReport:
    """Audit files; an unreadable one is reported with `error` and the others go on."""
    results = parallel_map(lambda p: _read_or_error(p, options), list(paths), options.jobs)
    documents = [r for r in results if isinstance(r, Document)]
    report = audit_documents(documents, options, sources)
    by_path = {d.path: d for d in report.documents}
    ordered = [by_path[r.path] if isinstance(r, Document) else r for r in results]
    return report.model_copy(update={"documents": ordered, "summary": summarize(ordered, sources)})


def _read_or_error(path: Path, options: AuditOptions) -> Document | DocumentReport:
    try:
        return read_document(path)
    except InputError as exc:
        _article_done(options)
        return DocumentReport(path=display_path(path), sha256="", language="", error=str(exc))


def _article_done(options: AuditOptions) -> None:
    if options.on_article is not None:
        options.on_article()


def audit_documents(
    documents: Sequence[Document], options: AuditOptions, sources: SourceSet | None
) -> AuditReport:
    """Audit documents already read (tests, library use)."""
    with fewer_collections():
        stages = parallel_map(lambda d: _prepare_or_error(d, options), list(documents), options.jobs)
        prepared = [s for s in stages if isinstance(s, PreparedDocument)]
        resolutions, lookup_error = resolve_all(prepared, sources)
        pairs = list(zip(prepared, resolutions, strict=True))
        checked = iter(
            parallel_map(lambda p: _check_one(p[0], p[1], options, lookup_error), pairs, options.jobs)
        )
        reports = [next(checked) if isinstance(s, PreparedDocument) else s for s in stages]
    return AuditReport(
        tool=ToolInfo(version=__version__),
        run_id=uuid.uuid4().hex[:12],
        created=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        documents=reports,
        summary=summarize(reports, sources),
    )


def _prepare_or_error(document: Document, options: AuditOptions) -> PreparedDocument | DocumentReport:
    """`prepare_document`, or a report with `error` when an extractor or parser raised."""
    try:
        return prepare_document(document, options)
    except Exception as exc:  # noqa: BLE001 — one article must not stop a run of fifty
        _article_done(options)
        return DocumentReport(
            path=document.path,
            sha256=document.sha256,
            language=document.language.value,
            encoding=document.encoding,
            error=f"{document.path}: internal error while extracting claims or references ({_describe(exc)})",
            text=document.text,
        )


def _describe(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__


def resolve_all(
    prepared: Sequence[PreparedDocument], sources: SourceSet | None
) -> tuple[list[DocumentResolution], str | None]:
    """One resolver call for every document; (empty resolutions, why) when there are none."""
    if sources is None:
        return [DocumentResolution() for _ in prepared], None
    inputs = [DocumentInputs(p.document, p.claims, p.references, p.links) for p in prepared]
    try:
        return Resolver(sources).resolve(inputs), None
    except Exception as exc:  # noqa: BLE001 — the offline checks still run and are reported
        message = (
            f"Metadata lookups failed with an internal error ({_describe(exc)}); lookup checks are missing."
        )
        return [DocumentResolution() for _ in prepared], message


def _check_one(
    prepared: PreparedDocument,
    resolution: DocumentResolution,
    options: AuditOptions,
    lookup_error: str | None,
) -> DocumentReport:
    online = (
        not options.offline and lookup_error is None and bool(resolution.lookups or resolution.resolutions)
    )
    online = online or any(not r.failed for r in resolution.lookups.values())
    extra = [finding_u999(lookup_error, "resolve")] if lookup_error else []
    if prepared.truncated_at is not None:
        extra.append(finding_u903(prepared, options.config.max_claims))
    findings, examined = run_checks(prepared, resolution, options.config, online=online, extra=extra)
    report = document_report(prepared, resolution, findings, examined)
    _article_done(options)
    return report


def summarize(documents: Sequence[DocumentReport], sources: SourceSet | None) -> Summary:
    """Totals of a run."""
    findings = [f for d in documents for f in d.findings]
    return Summary(
        errors=sum(f.severity is Severity.ERROR for f in findings),
        warnings=sum(f.severity is Severity.WARNING for f in findings),
        infos=sum(f.severity is Severity.INFO for f in findings),
        claims=sum(len(d.claims) for d in documents),
        references=sum(len(d.references) for d in documents),
        requests=sources.requests if sources else 0,
        cache_hits=sources.cache_hits if sources else 0,
        failed_lookups=sources.failed_lookups if sources else 0,
        lookups_not_made=sum(_not_made(d) for d in documents),
    )


def _not_made(document: DocumentReport) -> int:
    """Lookups not made that left something unchecked: the count the document's U902 note gives
    (a per-source miss that another source answered is not counted, so the two always agree)."""
    return sum(int(f.evidence.get("lookups_total", 0)) for f in document.findings if f.code == "U902")


def parallel_map(function: Callable[[T], R], items: list[T], jobs: int) -> list[R]:
    """`map` in order, on `jobs` threads when jobs > 1."""
    if jobs <= 1 or len(items) <= 1:
        return [function(item) for item in items]
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(function, items))


def run_checks(
    prepared: PreparedDocument,
    resolution: DocumentResolution,
    config: AuditorConfig,
    *,
    online: bool,
    extra: Sequence[Finding] = (),
) -> tuple[list[Finding], set[str]]:
    """Every enabled check on one document; findings sorted in text order with ids f1…."""
    examined: set[str] = set()
    ctx = CheckContext(
        document=prepared.document,
        claims=prepared.claims,
        references=prepared.references,
        reference_identifiers=prepared.reference_identifiers,
        links=prepared.links,
        resolutions=resolution.resolutions,
        lookups=resolution.lookups,
        online=online,
        options={"config": config, "examined": examined},
        reference_index=prepared.reference_index,
    )
    findings = [f for f in extra if config.code_enabled(f.code)]
    for check in all_checks():
        if any(config.code_enabled(s.code) for s in check.specs):
            findings.extend(_run_one(check, ctx, config))
    cited = attach_cited_at(findings, prepared.document, prepared.claims, prepared.links)
    return number_findings(cited), examined


def _run_one(check: RegisteredCheck, ctx: CheckContext, config: AuditorConfig) -> list[Finding]:
    """One check's enabled findings with configured severities; an exception becomes U999."""
    try:
        produced = list(check.function(ctx))
    except Exception as exc:  # noqa: BLE001 — one broken check must not stop the audit
        message = f"Check {check.name} failed ({type(exc).__name__}: {exc}); its results are missing."
        produced = [finding_u999(message.splitlines()[0], check.name)]
    kept = [f for f in produced if config.code_enabled(f.code)]
    return [_with_severity(f, config.severity_of(f.code, f.severity)) for f in kept]


def _with_severity(finding: Finding, severity: Severity) -> Finding:
    """The finding with the configured severity (the same object when that is its own)."""
    return finding if finding.severity is severity else finding.model_copy(update={"severity": severity})


def finding_u999(message: str, check_name: str) -> Finding:
    """The finding that stands for a check that raised."""
    return Finding(
        code="U999",
        kind=FindingKind.UNVERIFIABLE,
        severity=Severity.WARNING,
        message=message,
        evidence={"check": check_name},
        suggestion="Report this as a bug in auditor; the other checks ran normally.",
    )


def finding_u903(prepared: PreparedDocument, limit: int) -> Finding:
    """The finding that says where the claim limit stopped the checks of a document."""
    at = prepared.truncated_at or 0
    span = prepared.document.span(at, at)
    return Finding(
        code="U903",
        kind=FindingKind.UNVERIFIABLE,
        severity=Severity.WARNING,
        message=(
            f"The article has more than {limit:,} claims; only the first {limit:,} were checked, "
            f"the text from line {span.line} on was not."
        ),
        span=span,
        evidence={"max_claims": limit, "unchecked_from_line": span.line},
        suggestion="Raise `max_claims` in the configuration to check the whole article.",
    )


def number_findings(findings: Sequence[Finding]) -> list[Finding]:
    """Sort by position in the text (findings without a span last) and assign ids f1, f2, …."""
    ordered = sorted(
        findings, key=lambda f: (f.span is None, f.span.start if f.span else 0, f.code, f.message)
    )
    return [f.model_copy(update={"id": f"f{i}"}) for i, f in enumerate(ordered, start=1)]
