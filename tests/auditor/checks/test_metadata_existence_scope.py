"""Which unfound references may be "possibly fabricated" (M407): not Chinese-language journals cited
by their English names, not Chinese titles without a journal (M411, worded for each), not web pages.
Real works: Shi 2016 in 中国组织工程研究 (Chinese Journal of Tissue Engineering Research); Nature
Medicine as an English-language journal."""

from __future__ import annotations

from typing import Any

import pytest
from auditor.claims.models import Claim, ClaimKind, Document, Span
from auditor.references.models import (
    Author,
    IdKind,
    LookupResult,
    LookupStatus,
    ParsedReference,
    Reference,
    SearchResult,
)

from auditor.checks.metadata_existence import (
    chinese_journal,
    chinese_language_journal,
    chinese_title_only,
    not_covered,
    possibly_fabricated,
    unknown_journal,
    web_source,
)
from auditor.checks.registry import CheckContext, ReferenceResolution

SPAN = Span(start=0, end=4, line=1, column=1)
CJTER = "Chinese Journal of Tissue Engineering Research"
BRAIN = "https://academic.oup.com/brain/article/143/1/1"
PAGE = "https://www.example.com/products"
SHI = {"authors": [Author(family="Shi", given="X")], "year": 2016, "title": "A study of cells"}


def _ref(**fields: Any) -> Reference:
    return Reference(id="r1", label="1", text="1. a reference", span=SPAN, parsed=ParsedReference(**fields))


def _ctx(reference: Reference, lookups: dict | None = None) -> CheckContext:
    searches = (SearchResult(source="pubmed", status=LookupStatus.NOT_FOUND),)
    resolution = ReferenceResolution("not_found", None, "no source found the cited work", (), searches)
    return CheckContext(
        document=Document.from_text("x"),
        claims=(),
        references=(reference,),
        resolutions={"r1": resolution},
        lookups=lookups or {},
    )


@pytest.mark.parametrize(
    ("fields", "chinese", "title_only", "web"),
    [
        ({**SHI, "journal": CJTER}, True, False, False),
        ({**SHI, "journal": "Zhonghua Yi Xue Za Zhi", "volume": "96"}, True, False, False),
        ({**SHI, "journal": "中国组织工程研究"}, True, False, False),
        ({**SHI, "journal": "Nature Medicine", "volume": "22"}, False, False, False),
        ({**SHI, "journal": "自然医学", "volume": "22"}, False, False, False),  # English journal, zh name
        ({**SHI, "title": "脑内的干细胞", "url": BRAIN}, False, True, True),
        ({"title": "Our products", "journal": "RSS", "url": PAGE}, False, False, True),
        ({**SHI, "journal": "Cell", "url": "https://example.org/x", "volume": "126"}, False, False, False),
        ({**SHI, "journal": "Cell", "url": "https://doi.org/10.1/x", "doi": "10.1/x"}, False, False, False),
    ],
)
def test_scope_predicates(fields: dict, chinese: bool, title_only: bool, web: bool) -> None:
    reference = _ref(**fields)
    assert chinese_journal(reference) is chinese
    assert chinese_title_only(reference) is title_only
    assert web_source(reference) is web


@pytest.mark.parametrize(
    ("fields", "codes", "wording"),
    [
        ({**SHI, "journal": CJTER}, ["M411"], "Chinese-language journal"),
        ({**SHI, "title": "脑内的干细胞", "url": BRAIN}, ["M411"], "title in Chinese"),
        ({"title": "Our products", "journal": "RSS", "url": PAGE}, [], ""),
        ({**SHI, "journal": "Journal of Imaginary Results", "volume": "3"}, ["M407"], "may not exist"),
    ],
)
def test_unfound_reference_findings(fields: dict, codes: list[str], wording: str) -> None:
    ctx = _ctx(_ref(**fields))
    found = list(possibly_fabricated(ctx)) + list(not_covered(ctx))
    assert [f.code for f in found] == codes
    assert all(wording in f.message for f in found)


def test_web_page_journal_is_not_an_unknown_journal() -> None:
    reference = _ref(title="Our products", journal="RSS", url=PAGE)
    missing = LookupResult(source="nlmcatalog", kind=IdKind.JOURNAL, key="RSS", status=LookupStatus.NOT_FOUND)
    assert list(unknown_journal(_ctx(reference, {(IdKind.JOURNAL.value, "RSS"): missing}))) == []
    article = _ref(**SHI, journal="RSS", volume="3")
    found = unknown_journal(_ctx(article, {(IdKind.JOURNAL.value, "RSS"): missing}))
    assert [f.code for f in found] == ["M408"]


@pytest.mark.parametrize(
    ("name", "chinese"),
    [
        (CJTER, True),  # the table says it is published in Chinese
        ("Chin J Tissue Eng Res", True),
        ("Journal of Gannan Medical University", True),  # 赣南医学院学报
        ("Zhonghua Yi Xue Za Zhi", True),  # a romanised Chinese title
        ("某某学报", True),  # a Chinese name no table maps to an English-language journal
        ("Chinese Medical Journal", False),  # published in English: "Chinese" in a title is no evidence
        ("Chinese Journal of Imaginary Results", False),
        ("Nature Medicine", False),
        ("自然医学", False),  # Nature Medicine under its Chinese name
        (None, False),
    ],
)
def test_chinese_language_journal_is_decided_by_data(name: str | None, chinese: bool) -> None:
    assert chinese_language_journal(name) is chinese


def _mention_ctx(journal: str, english: str) -> CheckContext:
    claim = Claim(
        id="c1", kind=ClaimKind.JOURNAL_MENTION, text=journal, span=SPAN, normalized={"journal": journal}
    )
    missing = LookupResult(source="crossref", kind=IdKind.JOURNAL, key=english, status=LookupStatus.NOT_FOUND)
    return CheckContext(
        document=Document.from_text("x"),
        claims=(claim,),
        references=(),
        resolutions={},
        lookups={(IdKind.JOURNAL.value, english): missing},
    )


def test_chinese_language_journal_no_catalogue_lists_is_m411_not_m408() -> None:
    ctx = _mention_ctx("中国组织工程研究", CJTER)
    assert list(unknown_journal(ctx)) == []
    (finding,) = not_covered(ctx)
    assert finding.code == "M411" and finding.claim_id == "c1"
    assert "kns.cnki.net" in finding.suggestion and "wanfangdata" in finding.suggestion


def test_english_language_journal_no_catalogue_lists_is_m408() -> None:
    ctx = _mention_ctx("Journal of Imaginary Results", "Journal of Imaginary Results")
    assert [f.code for f in unknown_journal(ctx)] == ["M408"]
    assert list(not_covered(ctx)) == []


def test_english_name_of_a_chinese_language_journal_reference_is_m411_not_m408() -> None:
    reference = _ref(**SHI, journal="Journal of Gannan Medical University", volume="41")
    missing = LookupResult(
        source="crossref", kind=IdKind.JOURNAL, key=reference.parsed.journal, status=LookupStatus.NOT_FOUND
    )
    ctx = _ctx(reference, {(IdKind.JOURNAL.value, reference.parsed.journal): missing})
    assert list(unknown_journal(ctx)) == [] and list(possibly_fabricated(ctx)) == []
    assert [f.code for f in not_covered(ctx)] == ["M411"]
