"""Archive runs: per-article audits, index.json / index.md, and loading them back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.archive import AuditFileError, article_report_name, load_audit, write_archive
from auditor.models import AuditReport, DocumentReport, Finding, FindingKind, Severity, Summary, ToolInfo


def doc(path: str, sha: str, n_errors: int = 0, error: str | None = None) -> DocumentReport:
    findings = [
        Finding(
            id=f"f{i}", code="R101", kind=FindingKind.MISSING_REFERENCE, severity=Severity.ERROR, message="m"
        )
        for i in range(1, n_errors + 1)
    ]
    return DocumentReport(path=path, sha256=sha, language="en", findings=findings, error=error, text="t")


def run(*documents: DocumentReport) -> AuditReport:
    return AuditReport(
        tool=ToolInfo(version="0"),
        run_id="abc123",
        created="2026-01-01T00:00:00+00:00",
        documents=list(documents),
        summary=Summary(errors=3),
    )


def test_report_names_keep_same_stems_apart() -> None:
    assert article_report_name(doc("x/a.txt", "0123456789")) == "a-01234567.json"
    assert article_report_name(doc("y/a.txt", "fedcba9876")) == "a-fedcba98.json"
    assert article_report_name(doc("bad.txt", "", error="empty")).startswith("bad-")


def test_write_and_load_round_trip(tmp_path: Path) -> None:
    report = run(
        doc("x/a.txt", "aa" * 32, 2),
        doc("y/a.txt", "bb" * 32, 1),
        doc("z.txt", "", error="z.txt: file is empty"),
    )
    index = write_archive(report, tmp_path, index_markdown=lambda i: f"# {i.run_id}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [
            "index.json",
            "index.md",
            "a-aaaaaaaa.json",
            "a-bbbbbbbb.json",
            article_report_name(report.documents[2]),
        ]
    )
    assert [(e.errors, e.error) for e in index.articles] == [
        (2, None),
        (1, None),
        (0, "z.txt: file is empty"),
    ]
    single = json.loads((tmp_path / "a-aaaaaaaa.json").read_text(encoding="utf-8"))
    assert single["summary"]["errors"] == 2 and len(single["documents"]) == 1
    for where in (tmp_path, tmp_path / "index.json"):
        loaded = load_audit(where)
        assert [d.path for d in loaded.documents] == ["x/a.txt", "y/a.txt", "z.txt"]
        assert loaded.run_id == "abc123" and loaded.documents[1].findings[0].code == "R101"
    assert load_audit(tmp_path / "a-bbbbbbbb.json").documents[0].path == "y/a.txt"


def test_missing_article_file_becomes_an_error_document(tmp_path: Path) -> None:
    write_archive(run(doc("a.txt", "aa" * 32)), tmp_path)
    (tmp_path / "a-aaaaaaaa.json").unlink()
    (loaded,) = load_audit(tmp_path).documents
    assert loaded.error and "missing" in loaded.error


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("{not json", "not JSON"),
        ('{"documents": "nope"}', "not an auditor report"),
        ('{"articles": 3}', "not an auditor run index"),
    ],
)
def test_bad_files_raise_one_line_errors(tmp_path: Path, content: str, fragment: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(AuditFileError) as info:
        load_audit(path)
    assert fragment in str(info.value) and "\n" not in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(AuditFileError, match="no such file"):
        load_audit(tmp_path / "none.json")
