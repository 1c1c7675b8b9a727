"""diff_reports: fingerprints that survive unrelated edits; new, resolved, unchanged; added/removed."""

from __future__ import annotations

from auditor.claims.models import Span

from auditor.diff import diff_reports, fingerprint, new_findings_at, normalise
from auditor.models import (
    AuditReport,
    ClaimReport,
    DocumentReport,
    Finding,
    FindingKind,
    ReferenceReport,
    Resolution,
    Severity,
    ToolInfo,
    Verdict,
)


def at(start: int, line: int = 1) -> Span:
    return Span(start=start, end=start + 3, line=line, column=1)


def finding(
    code: str, fid: str, start: int, *, quote: str = "", claim: str | None = None, ref: str | None = None
) -> Finding:
    return Finding(
        id=fid,
        code=code,
        kind=FindingKind.RETRACTED,
        severity=Severity.ERROR,
        message="m",
        span=at(start),
        quote=quote,
        claim_id=claim,
        reference_id=ref,
    )


def document(
    path: str, findings: list[Finding], *, sha: str = "s", shift: int = 0, refs: dict[str, str] | None = None
) -> DocumentReport:
    claims = [
        ClaimReport(
            id="c1", kind="numbered_citation", text="[1]", span=at(10 + shift), verdict=Verdict.SUPPORTED
        ),
        ClaimReport(id="c2", kind="percentage", text="80%", span=at(30 + shift), verdict=Verdict.SUPPORTED),
    ]
    references = [
        ReferenceReport(id=rid, label=label, text=f"{label}. Entry", resolution=Resolution.IDENTIFIER)
        for rid, label in (refs or {"r1": "1", "r2": "2"}).items()
    ]
    return DocumentReport(
        path=path, sha256=sha, language="en", claims=claims, references=references, findings=findings
    )


def report(*documents: DocumentReport, run_id: str = "run") -> AuditReport:
    return AuditReport(tool=ToolInfo(version="0"), run_id=run_id, documents=list(documents))


def test_same_findings_at_other_offsets_and_ids_are_unchanged() -> None:
    old = report(
        document(
            "a.txt",
            [finding("N301", "f1", 30, quote="80 %", claim="c2"), finding("M402", "f2", 90, ref="r1")],
        )
    )
    new = report(
        document(
            "a.txt",
            [finding("M402", "f1", 150, ref="r1"), finding("N301", "f2", 70, quote="80  %", claim="c2")],
            shift=40,
        )
    )
    diff = diff_reports(old, new)
    assert (diff.summary.new, diff.summary.resolved, diff.summary.unchanged) == (0, 0, 2)


def test_new_and_resolved_findings() -> None:
    old = report(document("a.txt", [finding("R101", "f1", 10, quote="[1]", claim="c1")]))
    new = report(document("a.txt", [finding("M403", "f1", 90, ref="r2")]))
    diff = diff_reports(old, new, old_label="old.json", new_label="new.json")
    (doc,) = diff.documents
    assert [f.code for f in doc.new] == ["M403"]
    assert [f.code for f in doc.resolved] == ["R101"]
    assert (diff.old, diff.new) == ("old.json", "new.json")


def test_same_code_on_another_reference_is_new() -> None:
    old = report(document("a.txt", [finding("M403", "f1", 90, ref="r1")]))
    new = report(
        document("a.txt", [finding("M403", "f1", 90, ref="r1"), finding("M403", "f2", 120, ref="r2")])
    )
    diff = diff_reports(old, new)
    assert [f.reference_id for f in diff.documents[0].new] == ["r2"]
    assert diff.summary.unchanged == 1


def test_duplicates_are_counted_as_a_multiset() -> None:
    twice = [finding("N301", "f1", 5, quote="x"), finding("N301", "f2", 50, quote="x")]
    old = report(document("a.txt", twice[:1]))
    new = report(document("a.txt", twice))
    assert diff_reports(old, new).summary.new == 1
    assert diff_reports(new, old).summary.resolved == 1


def test_documents_matched_by_path_then_sha() -> None:
    old = report(
        document("old/a.txt", [finding("R101", "f1", 10, quote="q")], sha="aaa"),
        document("gone.txt", [], sha="ggg"),
    )
    new = report(
        document("new/a.txt", [finding("R101", "f1", 10, quote="q")], sha="aaa"),
        document("added.txt", [], sha="nnn"),
    )
    diff = diff_reports(old, new)
    assert diff.summary.unchanged == 1 and diff.summary.new == 0
    assert diff.added_paths == ["added.txt"] and diff.not_audited_paths == ["gone.txt"]
    assert (diff.summary.articles_added, diff.summary.articles_not_audited) == (1, 1)


def test_article_missing_from_the_newer_run_is_not_audited_never_resolved() -> None:
    findings = [finding("R101", "f1", 10, quote="q"), finding("N301", "f2", 30, quote="r")]
    old = report(document("a.txt", findings, sha="aaa"), document("b.txt", findings, sha="bbb"))
    unreadable = document("b.txt", [], sha="")
    unreadable = unreadable.model_copy(update={"error": "b.txt: no such file"})
    for new in (report(document("a.txt", findings, sha="aaa")),
                report(document("a.txt", findings, sha="aaa"), unreadable)):
        diff = diff_reports(old, new)
        assert diff.summary.resolved == 0 and diff.summary.new == 0
        assert diff.not_audited_paths == ["b.txt"] and diff.summary.articles_not_audited == 1
        assert [d.path for d in diff.documents] == ["a.txt"]


def test_new_findings_at_the_threshold() -> None:
    old = report(document("a.txt", [], sha="aaa"))
    new = report(document("a.txt", [finding("R101", "f1", 10, quote="q")], sha="aaa"))
    diff = diff_reports(old, new)
    severity = diff.documents[0].new[0].severity.value
    assert [f.code for f in new_findings_at(diff, severity)] == ["R101"]
    assert new_findings_at(diff, "never") == []
    assert new_findings_at(diff_reports(new, new), "warning") == []


def test_fingerprint_uses_label_quote_and_claim_text() -> None:
    doc = document("a.txt", [])
    assert fingerprint(finding("M403", "f9", 1, quote="anything", ref="r2"), doc) == ("M403", "ref:2", "")
    assert fingerprint(finding("N301", "f9", 1, quote=" 80\u3000% ", claim="c2"), doc) == (
        "N301",
        "80 %",
        "80%",
    )


def test_normalise_folds_width_case_and_space() -> None:
    assert normalise("ＰＭＩＤ  ３１０\n") == "pmid 310"
    assert normalise(None) == ""
