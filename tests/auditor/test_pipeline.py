"""The pipeline on hand-made documents: ids, references modes, partial failure, verdicts, batching."""

from __future__ import annotations

from pathlib import Path

import pytest
from auditor.claims.models import Claim, ClaimKind, Document, Span
from auditor.references.models import Author, IdKind, LookupResult, LookupStatus, Record, Reference
from auditor.references.sources.fake import InMemorySource

import auditor.pipeline as pipeline
from auditor.checks.registry import CheckContext, CheckSpec, ReferenceResolution, RegisteredCheck
from auditor.config import AuditorConfig
from auditor.models import Finding, FindingKind, Severity, Verdict
from auditor.pipeline import AuditOptions, audit_documents, audit_paths, combine_references
from auditor.sources import SourceSet
from auditor.verdicts import claim_verdict
from tests.conftest import needs_seeds, seed_paths

EN_TEXT = (
    "Stem cells improved outcomes in 57 of 71 patients [1]. A later trial disagreed [3].\n\n"
    "References\n"
    "1. Smith J, Lee K. Stem cells in stroke. Nature. 2019;570(7760):1-10. PMID: 31000001.\n"
    "2. Wang L. Unused work. Cell. 2018;1:2-3.\n"
)
ZH_TEXT = (
    "研究纳入120例患者，其中102例有效（1）。\n\n参考文献\n"
    "1. Smith J, Lee K. Stem cells in stroke. Nature. 2019;570:1-10. PMID: 31000001.\n"
)


def span(start: int, end: int) -> Span:
    return Span(start=start, end=end, line=1, column=start + 1)


def make_check(name: str, function: object, code: str = "X001") -> RegisteredCheck:
    spec = CheckSpec(code, FindingKind.MISSING_REFERENCE, Severity.WARNING, "test")
    return RegisteredCheck(name, function, (spec,))  # type: ignore[arg-type]


def fixed_findings(*findings: Finding) -> RegisteredCheck:
    return make_check("fixed", lambda ctx: list(findings))


def test_unreadable_file_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(EN_TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    report = audit_paths([tmp_path / "empty.txt", good, tmp_path / "gone.txt"], AuditOptions(), None)
    assert [d.path for d in report.documents] == [
        str(tmp_path / n) for n in ("empty.txt", "good.txt", "gone.txt")
    ]
    assert "empty" in (report.documents[0].error or "")
    assert "no such file" in (report.documents[2].error or "")
    assert report.documents[1].error is None and report.documents[1].references
    assert report.documents[1].text == EN_TEXT
    assert report.summary.references == len(report.documents[1].references)


def test_report_identity_fields() -> None:
    report = audit_documents([Document.from_text(EN_TEXT, path="a.txt")], AuditOptions(), None)
    assert report.run_id and len(report.run_id) == 12
    assert report.created and report.created.endswith("+00:00")
    assert report.documents[0].language == "en"


def test_exception_in_one_check_becomes_u999(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(ctx: CheckContext) -> list[Finding]:
        raise RuntimeError("boom\nsecond line")

    good = Finding(code="X001", kind=FindingKind.MISSING_REFERENCE, severity=Severity.ERROR, message="m")
    monkeypatch.setattr(pipeline, "all_checks", lambda: [make_check("broken", broken), fixed_findings(good)])
    report = audit_documents([Document.from_text(EN_TEXT)], AuditOptions(), None)
    codes = sorted(f.code for f in report.documents[0].findings)
    assert codes == ["U999", "X001"]
    u999 = next(f for f in report.documents[0].findings if f.code == "U999")
    assert "broken" in u999.message and "boom" in u999.message and "\n" not in u999.message


def test_findings_get_ids_in_text_order(monkeypatch: pytest.MonkeyPatch) -> None:
    def at(start: int | None, code: str = "X001") -> Finding:
        where = span(start, start + 1) if start is not None else None
        return Finding(
            code=code,
            kind=FindingKind.MISSING_REFERENCE,
            severity=Severity.WARNING,
            message=str(start),
            span=where,
        )

    monkeypatch.setattr(pipeline, "all_checks", lambda: [fixed_findings(at(None), at(40), at(5))])
    findings = audit_documents([Document.from_text(EN_TEXT)], AuditOptions(), None).documents[0].findings
    assert [(f.id, f.message) for f in findings] == [("f1", "5"), ("f2", "40"), ("f3", "None")]


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (AuditorConfig(), [("X001", "warning"), ("X002", "warning")]),
        (AuditorConfig(ignore=["X002"]), [("X001", "warning")]),
        (AuditorConfig(enable=["X00"], ignore=["X001"]), [("X002", "warning")]),
        (AuditorConfig(severity={"X001": Severity.ERROR}), [("X001", "error"), ("X002", "warning")]),
        (AuditorConfig(ignore=["X"]), []),
    ],
)
def test_config_enables_and_reweights_codes(
    monkeypatch: pytest.MonkeyPatch, config: AuditorConfig, expected: list
) -> None:
    def emit(code: str) -> Finding:
        return Finding(code=code, kind=FindingKind.MISSING_REFERENCE, severity=Severity.WARNING, message=code)

    checks = [
        make_check("a", lambda c: [emit("X001")], "X001"),
        make_check("b", lambda c: [emit("X002")], "X002"),
    ]
    monkeypatch.setattr(pipeline, "all_checks", lambda: checks)
    findings = (
        audit_documents([Document.from_text(EN_TEXT)], AuditOptions(config=config), None)
        .documents[0]
        .findings
    )
    assert [(f.code, f.severity.value) for f in findings] == expected


def ref(rid: str, label: str | None = None, origin: str = "article") -> Reference:
    return Reference(id=rid, label=label, text=f"entry {rid}", origin=origin)


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("add", [("r1", "article"), ("r2", "article"), ("r3", "refs.bib"), ("r4", "refs.bib")]),
        ("replace", [("r1", "refs.bib"), ("r2", "refs.bib")]),
    ],
)
def test_references_file_adds_or_replaces(mode: str, expected: list[tuple[str, str]]) -> None:
    own = [ref("r1"), ref("r2")]
    extra = [ref("r1", "Smith2019", "refs.bib"), ref("r2", "Lee2020", "refs.bib")]
    combined = combine_references(own, extra, mode)
    assert [(r.id, r.origin) for r in combined] == expected


def test_references_file_entries_reach_the_report() -> None:
    extra = (Reference(id="r1", label="Smith2019", text="Smith J. Stem cells. 2019.", origin="refs.bib"),)
    options = AuditOptions(extra_references=extra, references_mode="add")
    document = audit_documents([Document.from_text(EN_TEXT)], options, None).documents[0]
    assert document.references[-1].label == "Smith2019"
    assert document.references[-1].id == f"r{len(document.references)}"


def record(pmid: str, title: str = "Stem cells in stroke") -> Record:
    return Record(
        source="pubmed",
        id=pmid,
        pmid=pmid,
        title=title,
        year=2019,
        journal="Nature",
        authors=[Author(family="Smith", given="J"), Author(family="Lee", given="K")],
    )


def test_lookups_are_batched_once_across_documents() -> None:
    pubmed = InMemorySource("pubmed", {(IdKind.PMID, "31000001"): record("31000001")})
    sources = SourceSet(pubmed=pubmed)
    documents = [Document.from_text(EN_TEXT, path="a.txt"), Document.from_text(ZH_TEXT, path="b.txt")]
    report = audit_documents(documents, AuditOptions(jobs=2), sources)
    pmid_calls = [keys for kind, keys in pubmed.calls if kind is IdKind.PMID]
    assert pmid_calls == [("31000001",)]
    assert report.summary.requests == pubmed.requests
    first = report.documents[0].references[0]
    assert first.resolution.value == "identifier" and first.record and first.record["pmid"] == "31000001"


def test_jobs_do_not_change_the_result() -> None:
    documents = [Document.from_text(EN_TEXT, path=f"{i}.txt") for i in range(6)]
    one = audit_documents(documents, AuditOptions(jobs=1), None)
    many = audit_documents(documents, AuditOptions(jobs=4), None)
    assert [d.model_dump() for d in one.documents] == [d.model_dump() for d in many.documents]


def claim(kind: ClaimKind, normalized: dict | None = None, cid: str = "c1") -> Claim:
    return Claim(id=cid, kind=kind, text="x", span=span(0, 1), normalized=normalized or {})


def finding_of(kind: FindingKind, severity: Severity = Severity.WARNING) -> Finding:
    return Finding(code="X", kind=kind, severity=severity, message="m", claim_id="c1")


FOUND = LookupResult(source="pubmed", kind=IdKind.PMID, key="123", status=LookupStatus.FOUND)
FAILED = LookupResult(source="pubmed", kind=IdKind.PMID, key="123", status=LookupStatus.FAILED)


@pytest.mark.parametrize(
    ("the_claim", "findings", "links", "lookups", "examined", "expected"),
    [
        (claim(ClaimKind.NUMBERED_CITATION), [], {"c1": ("r1",)}, {}, (), Verdict.SUPPORTED),
        (claim(ClaimKind.NUMBERED_CITATION), [], {}, {}, (), Verdict.NOT_CHECKABLE),
        (
            claim(ClaimKind.NUMBERED_CITATION),
            [finding_of(FindingKind.MISSING_REFERENCE)],
            {},
            {},
            (),
            Verdict.UNSUPPORTED,
        ),
        (
            claim(ClaimKind.AUTHOR_CITATION),
            [finding_of(FindingKind.NOT_FOUND), finding_of(FindingKind.METADATA_MISMATCH)],
            {},
            {},
            (),
            Verdict.INCONSISTENT,
        ),
        (
            claim(ClaimKind.AUTHOR_CITATION),
            [finding_of(FindingKind.UNVERIFIABLE), finding_of(FindingKind.NOT_FOUND)],
            {},
            {},
            (),
            Verdict.UNSUPPORTED,
        ),
        (
            claim(ClaimKind.NUMBERED_CITATION),
            [finding_of(FindingKind.RETRACTED, Severity.INFO)],
            {"c1": ("r1",)},
            {},
            (),
            Verdict.SUPPORTED,
        ),
        (
            claim(ClaimKind.JOURNAL_MENTION, {"journal": "中国组织工程研究"}),
            [finding_of(FindingKind.UNVERIFIABLE, Severity.INFO)],  # M411: no source covers the journal
            {},
            {},
            (),
            Verdict.UNVERIFIABLE,
        ),
        (
            claim(ClaimKind.PERCENTAGE, {"value": 85.0}),
            [finding_of(FindingKind.ARITHMETIC_INCONSISTENCY, Severity.INFO)],  # N302: truncated, not wrong
            {},
            {},
            (),
            Verdict.SUPPORTED,
        ),
        (claim(ClaimKind.PMID, {"pmid": "123"}), [], {}, {("pmid", "123"): FOUND}, (), Verdict.SUPPORTED),
        (
            claim(ClaimKind.PMID, {"pmid": "123"}),
            [],
            {},
            {("pmid", "123"): FAILED},
            (),
            Verdict.NOT_CHECKABLE,
        ),
        (
            claim(ClaimKind.URL, {"url": "https://pubmed.ncbi.nlm.nih.gov/123/"}),
            [],
            {},
            {("pmid", "123"): FOUND},
            (),
            Verdict.SUPPORTED,
        ),
        (claim(ClaimKind.PERCENTAGE, {"value": 80.0}), [], {}, {}, (), Verdict.NOT_CHECKABLE),
        (claim(ClaimKind.PERCENTAGE, {"value": 80.0}), [], {}, {}, ("c1",), Verdict.SUPPORTED),
        (
            claim(ClaimKind.FRACTION),
            [finding_of(FindingKind.ARITHMETIC_INCONSISTENCY)],
            {},
            {},
            ("c1",),
            Verdict.INCONSISTENT,
        ),
    ],
)
def test_claim_verdicts(the_claim, findings, links, lookups, examined, expected) -> None:  # type: ignore[no-untyped-def]
    verdict = claim_verdict(
        the_claim, findings, links=links, resolutions={}, lookups=lookups, examined=examined
    )
    assert verdict is expected


def test_author_citation_matched_by_search_is_supported() -> None:
    resolutions = {"c1": ReferenceResolution("matched", record("1"))}
    the_claim = claim(ClaimKind.AUTHOR_CITATION, {"authors": ["Smith"], "year": 2019})
    assert claim_verdict(the_claim, [], links={}, resolutions=resolutions, lookups={}) is Verdict.SUPPORTED
    resolutions = {"c1": ReferenceResolution("not_found", None)}
    assert (
        claim_verdict(the_claim, [], links={}, resolutions=resolutions, lookups={}) is Verdict.NOT_CHECKABLE
    )


@needs_seeds
def test_seed_articles_are_audited_offline_without_internal_errors() -> None:
    report = audit_paths(seed_paths(), AuditOptions(offline=True, jobs=2), None)
    assert len(report.documents) == len(seed_paths())
    for document in report.documents:
        assert document.error is None
        assert document.claims, document.path
        assert not [f for f in document.findings if f.code == "U999"], document.path
        for claim in document.claims:
            assert document.text is not None
            assert document.text[claim.span.start : claim.span.end] == claim.text
        ids = [f.id for f in document.findings]
        assert ids == [f"f{i}" for i in range(1, len(ids) + 1)]


@pytest.mark.parametrize(
    "text",
    [
        "((((" * 250_000,
        "10^10^10 " * 50_000,
        "9" * 1_000_000,
        "研究 (1) 57/71 80% p<0.05 " * 5_000,
    ],
    ids=["parens", "exponents", "digits", "dense-claims-line"],
)
def test_adversarial_inputs_finish(text: str) -> None:
    report = audit_documents([Document.from_text(text)], AuditOptions(), None)
    assert report.documents[0].error is None
    assert len(report.documents[0].claims) <= AuditOptions().config.max_claims  # work is bounded


def test_extractor_crash_on_one_document_is_reported_and_the_others_go_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = pipeline.extract_claims

    def fragile(document: Document, *, body_end: int | None = None, limit: int | None = None) -> list[Claim]:
        if document.path == "bad.txt":
            raise IndexError("span out of range\ndetails")
        return real(document, body_end=body_end, limit=limit)

    monkeypatch.setattr(pipeline, "extract_claims", fragile)
    documents = [Document.from_text(EN_TEXT, path=p) for p in ("a.txt", "bad.txt", "c.txt")]
    report = audit_documents(documents, AuditOptions(jobs=2), None)
    assert [d.path for d in report.documents] == ["a.txt", "bad.txt", "c.txt"]
    bad = report.documents[1]
    assert bad.error and "IndexError: span out of range" in bad.error and "\n" not in bad.error
    assert report.documents[0].error is None and report.documents[2].references


def test_resolver_crash_becomes_u999_in_every_document(monkeypatch: pytest.MonkeyPatch) -> None:
    class Exploding:
        def __init__(self, sources: SourceSet) -> None:
            pass

        def resolve(self, items: object) -> list[object]:
            raise ConnectionError("socket closed")

    monkeypatch.setattr(pipeline, "Resolver", Exploding)
    documents = [Document.from_text(EN_TEXT, path=p) for p in ("a.txt", "b.txt")]
    report = audit_documents(documents, AuditOptions(), SourceSet())
    for document in report.documents:
        u999 = [f for f in document.findings if f.code == "U999"]
        assert len(u999) == 1 and "socket closed" in u999[0].message
        assert any(f.code.startswith("R") for f in document.findings)  # offline checks still ran
    quiet = audit_documents(documents, AuditOptions(config=AuditorConfig(ignore=["U999"])), SourceSet())
    assert not [f for d in quiet.documents for f in d.findings if f.code == "U999"]
