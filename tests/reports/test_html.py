"""HTML renderer: parsed back, nothing from the article becomes markup or script; highlights and layout."""

from __future__ import annotations

import re

import pytest
from auditor.claims.models import Span
from auditor.reports.html import HtmlRenderer, asset, csp_hash
from bs4 import BeautifulSoup, Tag
from report_builders import claim, clean_report, en_document, full_report, unreadable_document

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


def one(node: BeautifulSoup | Tag, selector: str) -> Tag:
    """The first element matching a CSS selector (fails the test when there is none)."""
    found = node.select_one(selector)
    assert found is not None, selector
    return found


def _soup(report: AuditReport) -> tuple[str, BeautifulSoup]:
    page = HtmlRenderer().render(report)
    return page, BeautifulSoup(page, "html.parser")


@pytest.fixture(scope="module")
def full() -> tuple[str, BeautifulSoup]:
    return _soup(full_report())


def test_only_our_script(full: tuple[str, BeautifulSoup]) -> None:
    page, soup = full
    scripts = soup.find_all("script")
    assert len(scripts) == 1 and scripts[0].string == asset("report.js")
    assert page.count("<script") == 1  # the article's <script> tag is text only


def test_no_event_handlers_or_javascript_urls(full: tuple[str, BeautifulSoup]) -> None:
    _, soup = full
    for element in soup.find_all(True):
        assert not [name for name in element.attrs if name.lower().startswith("on")], element.name
        for name in ("href", "src", "action", "formaction"):
            value = str(element.get(name, "")).strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), element
    assert not soup.find_all(["img", "iframe", "object", "embed", "link", "base"])


def test_links_are_anchors_or_record_sites(full: tuple[str, BeautifulSoup]) -> None:
    _, soup = full
    allowed = re.compile(
        r"#.+|https://(pubmed\.ncbi\.nlm\.nih\.gov|pmc\.ncbi\.nlm\.nih\.gov|doi\.org|clinicaltrials\.gov)/.+"
    )
    for anchor in soup.find_all("a"):
        assert allowed.fullmatch(str(anchor["href"])), anchor["href"]
    hrefs = {anchor["href"] for anchor in soup.find_all("a")}
    assert {
        "https://pubmed.ncbi.nlm.nih.gov/31234567/",
        "https://clinicaltrials.gov/study/NCT09876543",
        "https://doi.org/10.1016/S0140-6736%2820%2930001-1",
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC7654321/",
    } <= hrefs


def test_csp_hashes_our_inline_script_and_style(full: tuple[str, BeautifulSoup]) -> None:
    _, soup = full
    policy = str(one(soup, "meta[http-equiv=Content-Security-Policy]")["content"])
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy and "http" not in policy
    assert f"script-src {csp_hash(one(soup, 'script').get_text())}" in policy
    assert f"style-src {csp_hash(one(soup, 'style').get_text())}" in policy


def test_injected_text_is_escaped(full: tuple[str, BeautifulSoup]) -> None:
    page, soup = full
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "Lookup failed &lt;b&gt;timeout&lt;/b&gt;." in page
    assert "<b>timeout</b>" not in page
    assert "<script>alert(1)</script>" in soup.get_text()
    assert not soup.find("strong", string="bold")  # **bold** is not Markdown here


def test_every_claim_has_a_mark(full: tuple[str, BeautifulSoup]) -> None:
    _, soup = full
    for number, document in enumerate(full_report().documents, start=1):
        section = one(soup, f"section#section-{number}")
        marked = {cid for mark in section.find_all("mark") for cid in str(mark["data-claim-ids"]).split()}
        assert marked == {c.id for c in document.claims}, document.path
        for mark in section.find_all("mark"):
            assert mark["data-claim-id"] in str(mark["data-claim-ids"]).split()
            assert re.fullmatch(r"v-[a-z_]+( overlap)?", " ".join(mark["class"]))


def test_overlapping_claims_are_split_and_coloured_by_worst_verdict(full: tuple[str, BeautifulSoup]) -> None:
    _, soup = full
    section = one(soup, "section#section-2")
    marks = section.find_all("mark")
    overlap = [m for m in marks if m["data-claim-ids"] == "c1 c2"]
    assert [m.get_text() for m in overlap] == ["患者"]
    assert "v-inconsistent" in overlap[0]["class"] and "overlap" in overlap[0]["class"]
    # The article text reads back unchanged, marks and all.
    paragraph = one(section, "p.para")
    assert paragraph.get_text() == en_like_hant_first_line()


def en_like_hant_first_line() -> str:
    from report_builders import ZH_HANT_TEXT

    return ZH_HANT_TEXT.rstrip("\n")


def test_findings_sit_beside_their_paragraph(full: tuple[str, BeautifulSoup]) -> None:
    _, soup = full
    rows = one(soup, "section#section-3").find_all("div", class_="row")
    ids_per_row = [[li["id"] for li in row.find_all("li", class_="finding")] for row in rows]
    assert ids_per_row == [["d3-f1", "d3-f2"], ["d3-f3"], ["d3-f4"]]
    hans_rows = one(soup, "section#section-1").find_all("div", class_="row")
    assert [li["id"] for li in hans_rows[-1].find_all("li")] == ["d1-f3"]  # beside its reference


def test_filters_present_but_hidden_without_js(full: tuple[str, BeautifulSoup]) -> None:
    _, soup = full
    form = one(soup, "form#filters")
    assert form.has_attr("hidden")
    values = {box["value"] for box in form.find_all("input")}
    assert {"error", "warning", "info", "retracted", "missing_reference"} <= values
    assert not [li for li in soup.find_all("li", class_="finding") if li.has_attr("hidden")]
    for li in soup.find_all("li", class_="finding"):
        assert li["data-severity"] in {"error", "warning", "info"} and li["data-kind"]


def test_table_of_contents_for_several_documents(full: tuple[str, BeautifulSoup]) -> None:
    _, soup = full
    links = [a["href"] for a in one(soup, "nav.toc").find_all("a")]
    assert links == ["#doc-1", "#doc-2", "#doc-3", "#doc-4"]
    assert all(soup.find(id=link[1:]) for link in links)
    _, single = _soup(clean_report())
    assert single.find("nav") is None


def test_unreadable_and_clean_documents() -> None:
    _, soup = _soup(AuditReport(tool=ToolInfo(version="1"), documents=[unreadable_document()]))
    assert "This document could not be read:" in soup.get_text()
    assert "not a valid .docx file <zip>" in soup.get_text()
    _, clean = _soup(clean_report())
    assert "No findings: the audit flagged nothing in any document." in clean.get_text()
    assert clean.find("form") is None


def test_without_text_the_ledger_stands_alone() -> None:
    document = en_document().model_copy(update={"text": None})
    _, soup = _soup(AuditReport(tool=ToolInfo(version="1"), documents=[document]))
    assert soup.find("mark") is None and soup.find("div", class_="article") is None
    ledger = one(soup, "table.ledger")
    assert [one(tr, "td").get_text() for tr in ledger.select("tbody tr")] == [f"c{n}" for n in range(1, 8)]
    assert len(soup.find_all("li", class_="finding")) == 4


def test_attribute_injection_through_report_fields() -> None:
    text = "He said \"hi\" 'there' <b>"
    hostile = Finding(
        id='f1" onmouseover="alert(1)',
        code="X1'><svg onload=alert(1)>",
        kind=FindingKind.MALFORMED_NUMBER,
        severity=Severity.ERROR,
        message="m",
        claim_id='c1" onclick="alert(1)',
        evidence={"u": 'https://x.org/" onclick=alert(1)'},
    )
    claims = [claim("c1", 'kind" onclick="x', text, '"hi"', Verdict.INCONSISTENT, ['f1" x="'])]
    document = DocumentReport(
        path='p"><script>alert(1)</script>',
        sha256="0" * 64,
        language='en" onload="x',
        claims=claims,
        findings=[hostile],
        text=text,
    )
    page, soup = _soup(AuditReport(tool=ToolInfo(version='1"><script>x</script>'), documents=[document]))
    assert len(soup.find_all("script")) == 1 and soup.find("svg") is None
    assert one(soup, "p.para").find("b") is None and "&lt;b&gt;" in page
    for element in soup.find_all(True):
        assert not [name for name in element.attrs if name.lower().startswith("on")]
    assert one(soup, "p.para").get("lang") is None  # a malformed language tag is dropped


@pytest.mark.parametrize("language", ["zh-Hans", "zh-Hant", "en"])
def test_paragraph_language(language: str) -> None:
    document = clean_report().documents[0].model_copy(update={"language": language})
    _, soup = _soup(AuditReport(tool=ToolInfo(version="1"), documents=[document]))
    assert one(soup, "p.para")["lang"] == language and one(soup, "html")["lang"] == language


def test_large_adversarial_text_renders_quickly() -> None:
    text = "((((" * 250_000 + "\n" + "10^10^10 " * 100_000 + "\n" + "9" * 1_000_000
    claims = [
        ClaimReport(
            id=f"c{i}",
            kind="count",
            text=text[i : i + 9],
            verdict=Verdict.SUPPORTED,
            span=Span(start=i, end=i + 9, line=1, column=i + 1),
        )
        for i in range(0, len(text), 997)
    ]
    document = DocumentReport(path="big.txt", sha256="f" * 64, language="en", claims=claims, text=text)
    page = HtmlRenderer().render(AuditReport(tool=ToolInfo(version="1"), documents=[document]))
    assert len(page) > len(text)


def test_html_finding_lists_the_citing_sentences_escaped() -> None:
    from auditor.reports.html_parts import finding_item

    from auditor.models import CitedSpan, Finding, FindingKind, Severity

    at = CitedSpan(start=1, end=2, line=4, column=2, sentence="<b>relies</b> on it [2]")
    finding = Finding(
        code="M404", kind=FindingKind.RETRACTED, severity=Severity.ERROR, message="m", cited_at=[at]
    )
    html = finding_item(finding, "d0-")
    assert 'class="cited-at"' in html and "&lt;b&gt;relies&lt;/b&gt; on it [2]" in html and "4:2" in html


def test_top_problems_come_first_and_jump_to_their_notes() -> None:
    from auditor.reports.html import HtmlRenderer
    from bs4 import BeautifulSoup
    from report_builders import full_report

    soup = BeautifulSoup(HtmlRenderer().render(full_report()), "html.parser")
    section = soup.select("section.document")[0]
    first_box = section.find(["nav", "ol", "div"], recursive=False)
    assert first_box is not None and "top-problems" in first_box.get("class", [])
    links = [a["href"] for a in first_box.select("a[href]")]
    assert links and all(section.select_one(str(href)) is not None for href in links)
    kinds = [li["data-kind"] for li in first_box.select("li")]
    assert "unverifiable" not in kinds  # info notes never lead the page


def test_traditional_and_simplified_chinese_each_get_their_own_fonts() -> None:
    from auditor.reports.html import asset

    css = asset("report.css")
    hant = css.split(":lang(zh-Hant)", 1)[1].split("}", 1)[0]
    hans = css.split(":lang(zh-Hans)", 1)[1].split("}", 1)[0]
    assert hant.index("TC") < hant.index("SC") and hans.index("SC") < hans.index("TC")
