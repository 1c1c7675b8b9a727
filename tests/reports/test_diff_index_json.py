"""Diff Markdown/JSON, run-index Markdown and the JSON renderer."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from auditor.reports.diff import diff_finding_line, render_diff_json, render_diff_markdown
from auditor.reports.index import render_index_markdown
from auditor.reports.interface import Renderer
from auditor.reports.json_report import JsonRenderer
from report_builders import full_report, span_of

from auditor.models import (
    AuditReport,
    DiffReport,
    DiffSummary,
    DocumentDiff,
    Finding,
    FindingKind,
    IndexEntry,
    RunIndex,
    Severity,
    Summary,
    ToolInfo,
)

GOLDEN = Path(__file__).resolve().parent.parent / "fixtures" / "golden"
TEXT = "有效率为85%(3)。\n研究顯示6/7 <b>x</b>\nKim et al. (2012) `x` | y"


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def _finding(code: str, kind: FindingKind, severity: Severity, quote: str) -> Finding:
    return Finding(id="f1", code=code, kind=kind, severity=severity, message=f"{code} <i>said</i>.",
                   span=span_of(TEXT, quote), quote=quote)


def _diff() -> DiffReport:
    new = [_finding("N301", FindingKind.ARITHMETIC_INCONSISTENCY, Severity.ERROR, "85%"),
           _finding("R101", FindingKind.MISSING_REFERENCE, Severity.WARNING, "(3)")]
    resolved = [_finding("M401", FindingKind.RETRACTED, Severity.ERROR, "Kim et al. (2012) `x` | y")]
    unchanged = [_finding("N302", FindingKind.SUM_INCONSISTENCY, Severity.INFO, "6/7 <b>x</b>")]
    documents = [DocumentDiff(path="a.txt", new=new, resolved=resolved, unchanged=unchanged),
                 DocumentDiff(path="b|c.txt", unchanged=unchanged)]
    summary = DiffSummary(new=2, resolved=1, unchanged=2, articles_added=1, articles_not_audited=1,
                          articles_changed=1)
    return DiffReport(old="run-1", new="run-2", documents=documents, added_paths=["new_<b>.txt"],
                      not_audited_paths=["gone.txt"], summary=summary)


def test_diff_markdown_golden() -> None:
    _golden("diff.md", render_diff_markdown(_diff()))


def test_diff_lists_new_and_resolved_with_quotes() -> None:
    markdown = render_diff_markdown(_diff())
    section = markdown.split("## a.txt")[1].split("## b")[0]
    assert "2 new, 1 resolved, 1 unchanged." in section
    assert section.index("### New findings") < section.index("N301") < section.index("### Resolved findings")
    resolved = "- **M401** (error, retracted) at 3:1: M401 &lt;i>said&lt;/i>. " \
        "— “Kim et al. (2012) \\`x\\` \\| y”"
    assert resolved in section
    assert "N302" not in markdown  # unchanged findings are counted, not listed
    assert "## b" not in markdown  # nor are articles that did not change
    total = "2 new, 1 resolved, 2 unchanged findings; 1 of 2 article(s) changed; 1 added, 1 not audited."
    assert markdown.splitlines()[4] == total
    assert "## Not audited in the newer run\n\n" in markdown and "\n- gone.txt\n" in markdown


@pytest.mark.parametrize(
    ("finding", "expected"),
    [
        (Finding(code="I201", kind=FindingKind.MALFORMED_IDENTIFIER, severity=Severity.WARNING, message="m"),
         "- **I201** (warning, malformed_identifier): m"),
        (_finding("R101", FindingKind.MISSING_REFERENCE, Severity.ERROR, "(3)"),
         "- **R101** (error, missing_reference) at 1:8: R101 &lt;i>said&lt;/i>. — “(3)”"),
    ],
)
def test_diff_finding_line(finding: Finding, expected: str) -> None:
    assert diff_finding_line(finding) == expected


def test_diff_without_changes_says_so() -> None:
    markdown = render_diff_markdown(DiffReport(old="a", new="b", summary=DiffSummary(unchanged=3)))
    assert "Nothing changed: no new or resolved findings." in markdown
    assert "Nothing changed" not in render_diff_markdown(_diff())


def test_diff_json_round_trips() -> None:
    assert DiffReport.model_validate_json(render_diff_json(_diff())) == _diff()


def _index() -> RunIndex:
    articles = [
        IndexEntry(path="b.txt", report="b.json", errors=0, warnings=2, claims=10, references=3),
        IndexEntry(path="a|x.txt", report="a x.json", errors=3, claims=12, references=5),
        IndexEntry(path="c.docx", error="not a .docx <zip>"),
        IndexEntry(path="d.txt", report="javascript:alert(1)"),
    ]
    return RunIndex(run_id="2026-01-02", created="2026-01-02T00:00:00Z", tool=ToolInfo(version="0.1.0"),
                    articles=articles, summary=Summary(errors=3, warnings=2, claims=22, references=8))


def test_index_markdown_golden() -> None:
    _golden("index.md", render_index_markdown(_index()))


def test_index_orders_worst_first_and_links_relatively() -> None:
    lines = render_index_markdown(_index()).splitlines()
    rows = [line for line in lines if line.startswith("| ") and ".t" in line]
    assert [row.split(" | ")[0] for row in rows] == ["| a\\|x.txt", "| b.txt", "| d.txt"]
    assert "[a x.json](a%20x.json)" in rows[0]
    assert "](javascript:" not in render_index_markdown(_index())
    assert "could not be read: not a .docx &lt;zip>" in render_index_markdown(_index())


def test_index_without_articles() -> None:
    index = RunIndex(run_id="r", created="c", tool=ToolInfo(version="1"))
    assert "No articles were audited in this run." in render_index_markdown(index)


def test_json_renderer_excludes_text_unless_asked() -> None:
    report = full_report()
    plain = json.loads(JsonRenderer().render(report))
    assert all("text" not in document for document in plain["documents"])
    assert plain["schema_version"] == 1 and plain["tool"]["name"] == "auditor"
    assert plain["documents"][0]["claims"][0]["text"] == "57篇"  # claim text is kept
    full = JsonRenderer(include_text=True).render(report)
    assert AuditReport.model_validate_json(full) == report


def test_renderers_share_the_interface() -> None:
    from auditor.reports.html import HtmlRenderer
    from auditor.reports.markdown import MarkdownRenderer

    renderers: list[tuple[Renderer, str]] = [(MarkdownRenderer(), "md"), (JsonRenderer(), "json")]
    for renderer, extension in [*renderers, (HtmlRenderer(), "html")]:
        assert isinstance(renderer, Renderer) and renderer.extension == extension
        assert isinstance(renderer.render(AuditReport(tool=ToolInfo(version="1"))), str)


@pytest.mark.parametrize(("name", "extension"), [("markdown", "md"), ("json", "json"), ("html", "html")])
def test_renderer_for_known_formats(name: str, extension: str) -> None:
    from auditor.reports import renderer_for

    assert renderer_for(name).extension == extension


def test_renderer_for_unknown_format() -> None:
    from auditor.reports import RenderError, renderer_for

    with pytest.raises(RenderError, match="unknown report format 'pdf'"):
        renderer_for("pdf")
