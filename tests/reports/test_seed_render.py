"""Render real articles (../shared/seeds, skipped when absent): text survives, nothing leaks as markup.

Claims here are placed by a simple pattern (every percentage and bracketed number), not by the
extractors, so the test exercises the renderers alone on real, long, mixed-script text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from auditor.claims.models import Document
from auditor.reports.highlight import paragraph_bounds
from auditor.reports.html import HtmlRenderer
from auditor.reports.markdown import MarkdownRenderer
from bs4 import BeautifulSoup

from auditor.models import (
    AuditReport,
    ClaimReport,
    DocumentReport,
    Finding,
    FindingKind,
    Severity,
    ToolInfo,
    Verdict,
)
from tests.conftest import needs_seeds, seed_paths

_CLAIMISH = re.compile(r"[0-9]{1,6}(?:\.[0-9]{1,4})?%|[\[(（][0-9]{1,3}[\])）]")
_VERDICTS = list(Verdict)


def _report_of(path: Path) -> AuditReport:
    """An audit of one seed with a claim on every match and a finding on every fifth."""
    document = Document.from_text(path.read_text(encoding="utf-8"), path=path.name)
    claims, findings = [], []
    for number, match in enumerate(_CLAIMISH.finditer(document.text), start=1):
        span = document.span(match.start(), match.end())
        fids = [f"f{number}"] if number % 5 == 0 else []
        claims.append(ClaimReport(id=f"c{number}", kind="percentage", text=match.group(), span=span,
                                  verdict=_VERDICTS[number % len(_VERDICTS)], finding_ids=fids))
        if fids:
            findings.append(Finding(id=fids[0], code="N301", kind=FindingKind.ARITHMETIC_INCONSISTENCY,
                                    severity=Severity.WARNING, message="m", span=span, quote=match.group(),
                                    claim_id=f"c{number}"))
    report = DocumentReport(path=document.path, sha256=document.sha256, language=document.language.value,
                            claims=claims, findings=findings, text=document.text)
    return AuditReport(tool=ToolInfo(version="0"), documents=[report])


@needs_seeds
@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
def test_seed_html_keeps_text_and_marks_every_claim(path: Path) -> None:
    report = _report_of(path)
    document = report.documents[0]
    assert document.text is not None
    soup = BeautifulSoup(HtmlRenderer().render(report), "html.parser")
    paragraphs = [p.get_text() for p in soup.select("p.para")]
    assert paragraphs == [document.text[s:e] for s, e in paragraph_bounds(document.text)]
    marked = {cid for mark in soup.find_all("mark") for cid in str(mark["data-claim-ids"]).split()}
    assert marked == {claim.id for claim in document.claims}
    assert len(soup.find_all("script")) == 1
    assert len(soup.select("li.finding")) == len(document.findings)


@needs_seeds
@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
def test_seed_markdown_ledger_lists_every_claim_once(path: Path) -> None:
    report = _report_of(path)
    markdown = MarkdownRenderer().render(report)
    ledger = markdown.split("### Claims", 1)[1].split("### References", 1)[0]
    listed = re.findall(r"(?<![A-Za-z0-9])c[0-9]{1,6}(?= )", ledger)
    assert sorted(listed) == sorted(claim.id for claim in report.documents[0].claims)
    assert re.search(r"<[A-Za-z/!?]", markdown) is None
