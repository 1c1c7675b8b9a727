"""Linking citation claims to references: numbers, surnames + years, journals + years."""

from __future__ import annotations

from typing import Any

import pytest
from auditor.claims.models import Claim, ClaimKind, Document
from auditor.references.models import Author, ParsedReference, Reference

from auditor.linking import journal_names, link_citations, references_by_number


def make_claim(doc: Document, quote: str, kind: ClaimKind, cid: str = "c1", **norm: Any) -> Claim:
    """A claim over the first occurrence of `quote` in the document."""
    start = doc.text.index(quote)
    return Claim(id=cid, kind=kind, text=quote, span=doc.span(start, start + len(quote)), normalized=norm)


def ref(
    rid: str, label: str | None, authors: list[str], year: int | None, journal: str | None = None
) -> Reference:
    """A reference with parsed authors/year/journal."""
    parsed = ParsedReference(authors=[Author(family=a) for a in authors], year=year, journal=journal)
    text = f"{', '.join(authors)}. A study. {journal or 'J'}. {year or ''}"
    return Reference(id=rid, label=label, text=text, parsed=parsed)


REFS = [
    ref("r1", "1", ["Majoré", "Kim"], 2009, "Stem Cells"),
    ref("r2", "2", ["Lee", "Chung"], 2012, "Annals of Neurology"),
    ref("r3", "3", ["Ballabh"], None, "Neurobiology of Disease"),
    ref("r4", "4", ["Zhang"], 2016, "Chinese Journal of Tissue Engineering Research"),
]


@pytest.mark.parametrize(
    ("text", "quote", "kind", "norm", "expected"),
    [
        ("Shown before [2].", "[2]", ClaimKind.NUMBERED_CITATION, {"numbers": [2]}, ("r2",)),
        ("見文獻(1-3)。", "(1-3)", ClaimKind.NUMBERED_CITATION, {"numbers": [1, 2, 3]}, ("r1", "r2", "r3")),
        ("见文献[9]。", "[9]", ClaimKind.NUMBERED_CITATION, {"numbers": [9]}, ()),
        (
            "majore et al. (2009) found",
            "majore et al. (2009)",
            ClaimKind.AUTHOR_CITATION,
            {"authors": ["majore"], "et_al": True, "year": 2009},
            ("r1",),
        ),
        (
            "Majore等人2010年发现",
            "Majore等人2010年",
            ClaimKind.AUTHOR_CITATION,
            {"authors": ["Majore"], "et_al": True, "year": 2010},
            (),  # the text and the list are written together: an author-year pair must agree exactly
        ),
        (
            "Majore等人2014年发现",
            "Majore等人2014年",
            ClaimKind.AUTHOR_CITATION,
            {"authors": ["Majore"], "et_al": True, "year": 2014},
            (),
        ),
        (
            "Lee與Chung的研究顯示",
            "Lee與Chung",
            ClaimKind.AUTHOR_CITATION,
            {"authors": ["Lee", "Chung"], "et_al": False, "year": None},
            ("r2",),
        ),
        (
            "Chung與Lee的研究",
            "Chung與Lee",
            ClaimKind.AUTHOR_CITATION,
            {"authors": ["Chung", "Lee"], "et_al": False, "year": None},
            ("r2",),
        ),
        (
            "根据Ballabh等人的研究",
            "Ballabh等人",
            ClaimKind.AUTHOR_CITATION,
            {"authors": ["Ballabh"], "et_al": True, "year": 2005},
            ("r3",),
        ),
        (
            "Toyoshima等发现",
            "Toyoshima等",
            ClaimKind.AUTHOR_CITATION,
            {"authors": ["Toyoshima"], "et_al": True, "year": None},
            (),
        ),
        (
            "In Annals of Neurology in 2012, a team",
            "Annals of Neurology in 2012",
            ClaimKind.NAMED_STUDY,
            {"institution": None, "journal": "annals of neurology", "year": 2012, "authors": []},
            ("r2",),
        ),
        (
            "In Annals of Neurology in 2019, a team",
            "Annals of Neurology in 2019",
            ClaimKind.NAMED_STUDY,
            {"institution": None, "journal": "Annals of Neurology", "year": 2019, "authors": []},
            (),
        ),
    ],
)
def test_link_table(
    text: str, quote: str, kind: ClaimKind, norm: dict[str, Any], expected: tuple[str, ...]
) -> None:
    doc = Document.from_text(text)
    claim = make_claim(doc, quote, kind, **norm)
    assert link_citations([claim], REFS) == {"c1": expected}


def test_named_study_by_chinese_journal_name_links_to_english_entry() -> None:
    translations = journal_names("中国组织工程研究")
    if journal_names("Chinese Journal of Tissue Engineering Research") & translations == set():
        pytest.skip("no Chinese→English journal table available yet")
    doc = Document.from_text("2016年发表在《中国组织工程研究》上的研究")
    claim = make_claim(
        doc,
        "2016年发表在《中国组织工程研究》",
        ClaimKind.NAMED_STUDY,
        institution=None,
        journal="中国组织工程研究",
        year=2016,
        authors=[],
    )
    assert link_citations([claim], REFS)["c1"] == ("r4",)


def test_non_citation_claims_are_not_linked() -> None:
    doc = Document.from_text("Up by 38%.")
    claim = make_claim(doc, "38%", ClaimKind.PERCENTAGE, value=38.0, decimals=0, unit="%", approx=False)
    assert link_citations([claim], REFS) == {}


def test_references_by_number_uses_labels_then_positions() -> None:
    refs = [ref("r1", "[5]", ["A"], 2000), ref("r2", None, ["B"], 2001), ref("r3", "Smith2019", ["C"], 2019)]
    assert {n: r.id for n, r in references_by_number(refs).items()} == {5: "r1", 2: "r2"}
