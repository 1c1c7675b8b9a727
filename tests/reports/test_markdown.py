"""Markdown renderer: golden output, escaping of article text, links, empty and unreadable cases."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from auditor.reports.markdown import MarkdownRenderer
from auditor.reports.mdescape import md_inline, md_line, md_link
from report_builders import clean_report, full_report

from auditor.models import AuditReport, DocumentReport, ReferenceReport, Resolution, ToolInfo

GOLDEN = Path(__file__).resolve().parent.parent / "fixtures" / "golden"


def _golden(name: str, text: str) -> None:
    """Compare with the golden file; UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def test_full_report_matches_golden() -> None:
    _golden("full_report.md", MarkdownRenderer().render(full_report()))


def test_clean_report_matches_golden() -> None:
    _golden("clean_report.md", MarkdownRenderer().render(clean_report()))


def test_render_is_deterministic() -> None:
    assert MarkdownRenderer().render(full_report()) == MarkdownRenderer().render(full_report())


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a|b", "a\\|b"),
        ("`code`", "\\`code\\`"),
        ("<script>alert(1)</script>", "&lt;script>alert(1)&lt;/script>"),
        ("<!-- c -->", "&lt;!-- c -->"),
        ("[x](javascript:alert(1))", "[x\\](javascript:alert(1))"),
        ("![i](x.png) [r][1] [d]: /u", "![i\\](x.png) [r\\][1] [d\\]: /u"),
        ("**bold** _it_", "\\*\\*bold\\*\\* \\_it\\_"),
        ("~~gone~~", "\\~\\~gone\\~\\~"),
        ("a & b", "a & b"),
        ("&amp; &#39;", "&amp;amp; &amp;#39;"),
        ("back\\slash", "back\\slash"),
        ("a\\*b*", "a\\\\\\*b\\*"),
        # what a terminal reader sees unchanged: nothing here means anything to Markdown
        ("[8] p < 0.05, 3 * 4, snake_case, 10~20例", "[8] p < 0.05, 3 * 4, snake_case, 10~20例"),
        ("line one\nline two", "line one line two"),
        ("有效率为85%|《柳叶刀》", "有效率为85%\\|《柳叶刀》"),
        ("研究顯示 `6/7`", "研究顯示 \\`6/7\\`"),
        ("plain text 57 of 71", "plain text 57 of 71"),
    ],
)
def test_md_inline_escapes(raw: str, expected: str) -> None:
    assert md_inline(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("# heading", "\\# heading"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("> quote", "\\> quote"),
        ("1. first", "1\\. first"),
        ("2021年研究", "2021年研究"),
        ("no block", "no block"),
    ],
)
def test_md_line_escapes_block_starts(raw: str, expected: str) -> None:
    assert md_line(raw) == expected


def test_md_link_encodes_destination() -> None:
    assert md_link("DOI x", "https://doi.org/10.1/a b(c)") == "[DOI x](https://doi.org/10.1/a%20b%28c%29)"


def _document_section(markdown: str, heading: str) -> str:
    start = markdown.index(f"## {heading}\n")
    rest = markdown[start + 3 :]
    end = rest.find("\n## ")
    return rest if end == -1 else rest[:end]


def test_no_raw_html_or_link_from_article_text() -> None:
    markdown = MarkdownRenderer().render(full_report())
    assert "<script" not in markdown and "<img" not in markdown and "<b>" not in markdown
    assert re.search(r"(?<!\\)\]\(javascript:", markdown) is None
    assert "[x\\](javascript:alert(1))" in markdown
    assert "**bold**" not in markdown
    # Every table row keeps its column count: no escaped pipe splits a cell.
    for line in markdown.splitlines():
        if line.startswith("| c") and " | " in line:
            assert len(re.split(r"(?<!\\)\|", line)) == 8, line


def test_findings_grouped_by_severity_in_order() -> None:
    section = _document_section(MarkdownRenderer().render(full_report()), "articles/en\\|\\`x\\`.md")
    positions = [section.index(h) for h in ("#### Errors (1)", "#### Warnings (2)", "#### Info (1)")]
    assert positions == sorted(positions)
    assert "· 1:28 (claim c2):" in section


def test_record_links() -> None:
    markdown = MarkdownRenderer().render(full_report())
    assert "(https://pubmed.ncbi.nlm.nih.gov/31234567/)" in markdown
    assert "(https://doi.org/10.1016/S0140-6736%2820%2930001-1)" in markdown
    assert "(https://pmc.ncbi.nlm.nih.gov/articles/PMC7654321/)" in markdown
    assert "(https://clinicaltrials.gov/study/NCT09876543)" in markdown
    en_section = _document_section(markdown, "articles/en\\|\\`x\\`.md")
    assert "javascript" not in en_section.split("### References")[1]


def test_unreadable_document_says_so() -> None:
    markdown = MarkdownRenderer().render(full_report())
    assert "**This document could not be read:** not a valid .docx file &lt;zip>" in markdown


def test_no_findings_said_plainly() -> None:
    markdown = MarkdownRenderer().render(clean_report())
    assert "No findings: the audit flagged nothing in any document." in markdown
    assert "No findings: nothing in this document was flagged." in markdown
    assert "No findings" not in MarkdownRenderer().render(full_report()).split("## articles/zh\\_hans")[0]


def test_truncates_long_claims_in_ledger() -> None:
    text = "研究" * 100
    report = full_report()
    document = report.documents[0]
    long_claim = document.claims[0].model_copy(update={"text": text})
    report.documents[0] = document.model_copy(update={"claims": [long_claim]})
    row = next(line for line in MarkdownRenderer().render(report).splitlines() if " c1 " in line)
    assert "研究" * 19 + "研…" in row and "研究" * 21 not in row


def test_reference_without_identifiers_has_no_link() -> None:
    reference = ReferenceReport(id="r1", text="Nothing", resolution=Resolution.NOT_FOUND,
                                parsed={"pmid": "12ab", "doi": "not a doi", "nct": "NCT1"})
    document = DocumentReport(path="p", sha256="e" * 64, language="en", references=[reference])
    markdown = MarkdownRenderer().render(AuditReport(tool=ToolInfo(version="1"), documents=[document]))
    assert "| r1 | — | Nothing | not_found | — |" in markdown


def test_a_finding_about_a_cited_work_shows_the_citing_sentences() -> None:
    from auditor.reports.markdown_findings import finding_lines

    from auditor.models import CitedSpan, Finding, FindingKind, Severity

    at = CitedSpan(start=10, end=13, line=3, column=7, sentence="That claim relies on it [2].")
    finding = Finding(
        code="M404", kind=FindingKind.RETRACTED, severity=Severity.ERROR, message="retracted", cited_at=[at]
    )
    lines = finding_lines(finding)
    assert "  - Cited at:" in lines
    assert "    - 3:7: That claim relies on it [2]." in lines


def test_a_work_the_list_lacks_shows_where_it_is_mentioned() -> None:
    from auditor.reports.markdown_findings import finding_lines

    from auditor.models import CitedSpan, Finding, FindingKind, Severity

    mentions = [
        CitedSpan(start=0, end=8, line=1, column=1, sentence="Cui的實驗顯示細胞存活。"),
        CitedSpan(start=14, end=20, line=2, column=1, sentence="Cui發現劑量有關。"),
    ]
    finding = Finding(
        code="R103",
        kind=FindingKind.MISSING_REFERENCE,
        severity=Severity.WARNING,
        message="No reference matches the citation of Cui (mentioned 2 times).",
        evidence={"mention_claim_ids": ["c1", "c2"]},
        cited_at=mentions,
    )
    lines = finding_lines(finding)
    assert "  - Mentioned at:" in lines and "  - Cited at:" not in lines
    assert "    - 2:1: Cui發現劑量有關。" in lines
    assert not any("c1" in line for line in lines)  # the claim ids stay in the JSON
