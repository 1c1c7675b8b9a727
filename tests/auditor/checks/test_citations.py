"""R1xx: citations against the reference list, on hand-built claims and references."""

from __future__ import annotations

from typing import Any

import pytest
from auditor.claims.models import Claim, ClaimKind, Document
from auditor.references.models import Author, ParsedReference, Reference

from auditor.checks.citation_agreement import citation_disagrees_with_reference
from auditor.checks.citations import (
    author_citation_without_reference,
    named_study_without_reference,
    numbered_citation_without_reference,
    uncited_reference,
)
from auditor.checks.duplicates import duplicate_reference
from auditor.checks.registry import CheckContext
from auditor.linking import link_citations
from auditor.models import Severity

NUM = ClaimKind.NUMBERED_CITATION
AUTH = ClaimKind.AUTHOR_CITATION
NAMED = ClaimKind.NAMED_STUDY


def claim(doc: Document, quote: str, kind: ClaimKind, cid: str, **norm: Any) -> Claim:
    """A claim over the first occurrence of `quote`."""
    start = doc.text.index(quote)
    return Claim(id=cid, kind=kind, text=quote, span=doc.span(start, start + len(quote)), normalized=norm)


def ref(rid: str, label: str | None, authors: list[str], year: int | None, **fields: Any) -> Reference:
    """A reference with parsed fields."""
    parsed = ParsedReference(authors=[Author(family=a) for a in authors], year=year, **fields)
    return Reference(
        id=rid, label=label, text=f"{' '.join(authors)} {year} {fields.get('title', '')}", parsed=parsed
    )


def context(doc: Document, claims: list[Claim], refs: list[Reference]) -> CheckContext:
    """A context with links computed by the real linker."""
    return CheckContext(
        document=doc, claims=tuple(claims), references=tuple(refs), links=link_citations(claims, refs)
    )


REFS = [ref("r1", "1", ["Majore"], 2009), ref("r2", "2", ["Kim", "Park"], 2012)]


@pytest.mark.parametrize(
    ("text", "quote", "numbers", "refs", "expected"),
    [
        ("Shown before [1].", "[1]", [1], REFS, []),
        ("如前所述[2-3]。", "[2-3]", [2, 3], REFS, [[3]]),
        ("如前所述(7)。", "(7)", [7], [], [[7]]),
        ("如前所述(1)。", "(1)", [1], [], [[1]]),
    ],
)
def test_r101_numbered_without_reference(
    text: str, quote: str, numbers: list[int], refs: list[Reference], expected: list[list[int]]
) -> None:
    doc = Document.from_text(text)
    ctx = context(doc, [claim(doc, quote, NUM, "c1", numbers=numbers, style="paren")], refs)
    found = list(numbered_citation_without_reference(ctx))
    assert [f.evidence["missing_numbers"] for f in found] == expected
    assert all(f.code == "R101" and f.severity is Severity.ERROR for f in found)
    if found and not refs:
        assert "no reference list" in found[0].message
        assert found[0].evidence["reference_list"] == "the article has no reference list"


@pytest.mark.parametrize(
    ("text", "quote", "norm", "extra_num", "expected"),
    [
        (
            "仅2%出现发热(Li et al., 2022, Cell Therapy)。",
            "(Li et al., 2022, Cell Therapy)",
            {"authors": ["Li"], "et_al": True, "year": 2022, "journal": "Cell Therapy"},
            None,
            ["R102"],
        ),
        (
            "根据Ballabh等人的研究，屏障很重要。",
            "Ballabh等人",
            {"authors": ["Ballabh"], "et_al": True, "year": None},
            None,
            ["R103"],
        ),
        (
            "Toyoshima等發現此現象。",
            "Toyoshima等",
            {"authors": ["Toyoshima"], "et_al": True, "year": None},
            None,
            ["R103"],
        ),
        (
            "Kim et al. (2012) showed it.",
            "Kim et al. (2012)",
            {"authors": ["Kim"], "et_al": True, "year": 2012},
            None,
            [],
        ),
        (
            "Smith et al. showed it [2].",
            "Smith et al.",
            {"authors": ["Smith"], "et_al": True, "year": None},
            "[2]",
            [],
        ),
    ],
)
def test_r102_r103_author_citation_without_reference(
    text: str, quote: str, norm: dict[str, Any], extra_num: str | None, expected: list[str]
) -> None:
    doc = Document.from_text(text)
    claims = [claim(doc, quote, AUTH, "c1", **norm)]
    if extra_num:
        claims.append(claim(doc, extra_num, NUM, "c2", numbers=[2], style="bracket"))
    found = list(author_citation_without_reference(context(doc, claims, REFS)))
    assert [f.code for f in found] == expected


def test_r101_is_silent_when_the_list_is_keyed_by_names() -> None:
    doc = Document.from_text("Shown before [3].")
    refs = [ref("r1", "Smith2019", ["Smith"], 2019), ref("r2", "Lee2020", ["Lee"], 2020)]
    ctx = context(doc, [claim(doc, "[3]", NUM, "c1", numbers=[3], style="bracket")], refs)
    assert list(numbered_citation_without_reference(ctx)) == []


def test_r102_when_the_parenthesis_is_outside_the_claim() -> None:
    doc = Document.from_text("仅2%出现发热(Li et al., 2022, Cell Therapy)。")
    c = claim(doc, "Li et al., 2022, Cell Therapy", AUTH, "c1", authors=["Li"], et_al=True, year=2022)
    assert [f.code for f in author_citation_without_reference(context(doc, [c], REFS))] == ["R102"]


def test_r102_without_any_reference_list_says_so() -> None:
    doc = Document.from_text("Fever was rare (Li et al., 2022).")
    c = claim(doc, "(Li et al., 2022)", AUTH, "c1", authors=["Li"], et_al=True, year=2022)
    (f,) = author_citation_without_reference(context(doc, [c], []))
    assert f.code == "R102" and "no reference list" in f.message


@pytest.mark.parametrize(
    ("text", "quote", "norm", "expected"),
    [
        (
            "2023年，UCLA团队在《Science Translational Medicine》发表研究。",
            "2023年，UCLA团队在《Science Translational Medicine》",
            {"institution": "UCLA", "journal": "Science Translational Medicine", "year": 2023, "authors": []},
            ["R104"],
        ),
        (
            "2012年，某大學團隊在《Annals X》發表研究[2]。",
            "2012年，某大學團隊在《Annals X》",
            {"institution": "某大學", "journal": "Annals X", "year": 2012, "authors": []},
            [],
        ),
        (
            "In 2012 a Seoul team (Kim) reported it.",
            "In 2012 a Seoul team (Kim)",
            {"institution": "Seoul", "journal": None, "year": 2012, "authors": ["Kim"]},
            [],
        ),
    ],
)
def test_r104_named_study(text: str, quote: str, norm: dict[str, Any], expected: list[str]) -> None:
    doc = Document.from_text(text)
    claims = [claim(doc, quote, NAMED, "c1", **norm)]
    if "[2]" in text:
        claims.append(claim(doc, "[2]", NUM, "c2", numbers=[2], style="bracket"))
    assert [f.code for f in named_study_without_reference(context(doc, claims, REFS))] == expected


def test_r105_uncited_reference() -> None:
    doc = Document.from_text("Majore et al. showed it. Later work [2] agreed.")
    claims = [
        claim(doc, "Majore et al.", AUTH, "c1", authors=["Majore"], et_al=True, year=None),
        claim(doc, "[2]", NUM, "c2", numbers=[2], style="bracket"),
    ]
    refs = [*REFS, ref("r3", "3", ["Wong"], 2020)]
    found = list(uncited_reference(context(doc, claims, refs)))
    assert [(f.code, f.reference_id) for f in found] == [("R105", "r3")]


def test_r105_leaves_a_repeated_entry_to_r108() -> None:
    doc = Document.from_text("Later work [2] agreed.")
    claims = [claim(doc, "[2]", NUM, "c1", numbers=[2], style="bracket")]
    refs = [
        ref("r1", "1", ["Kim"], 2012, doi="10.1/a"),
        ref("r2", "2", ["Wong"], 2015, doi="10.1/b"),
        ref("r3", "3", ["Wong"], 2015, doi="10.1/B"),
    ]
    assert [f.reference_id for f in uncited_reference(context(doc, claims, refs))] == ["r1"]


@pytest.mark.parametrize(
    ("text", "quote", "norm", "num", "numbers", "expected"),
    [
        (
            "Majore等人2010年發現細胞存活(1)。",
            "Majore等人2010年",
            {"authors": ["Majore"], "year": 2010},
            "(1)",
            [1],
            [("R107", Severity.WARNING)],
        ),
        (
            "Majore等人2015年发现细胞存活(1)。",
            "Majore等人2015年",
            {"authors": ["Majore"], "year": 2015},
            "(1)",
            [1],
            [("R107", Severity.ERROR)],
        ),
        (
            "Majore等人2009年发现细胞存活(1)。",
            "Majore等人2009年",
            {"authors": ["Majore"], "year": 2009},
            "(1)",
            [1],
            [],
        ),
        (
            "Park et al. (2012) agreed [2].",
            "Park et al. (2012)",
            {"authors": ["Park"], "year": 2012},
            "[2]",
            [2],
            [],
        ),
        (
            "Wong et al. (2012) agreed [2].",
            "Wong et al. (2012)",
            {"authors": ["Wong"], "year": 2012},
            "[2]",
            [2],
            [("R106", Severity.ERROR)],
        ),
        (
            "Wong et al. agreed. Later [2].",
            "Wong et al.",
            {"authors": ["Wong"], "year": None},
            "[2]",
            [2],
            [],
        ),
        (
            "Wong et al. (2012) agreed [1, 2].",
            "Wong et al. (2012)",
            {"authors": ["Wong"], "year": 2012},
            "[1, 2]",
            [1, 2],
            [("R106", Severity.ERROR)],
        ),
    ],
)
def test_r106_r107_author_or_year_disagrees(
    text: str,
    quote: str,
    norm: dict[str, Any],
    num: str,
    numbers: list[int],
    expected: list[tuple[str, Severity]],
) -> None:
    doc = Document.from_text(text)
    claims = [
        claim(doc, quote, AUTH, "c1", et_al=True, **norm),
        claim(doc, num, NUM, "c2", numbers=numbers, style="paren"),
    ]
    found = list(citation_disagrees_with_reference(context(doc, claims, REFS)))
    assert [(f.code, f.severity) for f in found] == expected


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        (ref("r2", "2", ["Wong"], 2001, doi="10.1000/ABC"), ["doi"]),
        (ref("r2", "2", ["Wong"], 2001, pmid="123"), ["pmid"]),
        (
            ref("r2", "2", ["Lee"], 2019, title="Stem cell therapy for stroke: a review."),
            ["author+year+title"],
        ),
        (ref("r2", "2", ["Lee"], 2019, title="Exosomes for spinal cord injury"), []),
        (ref("r2", "2", ["Lee"], 2020, title="Stem cell therapy for stroke: a review"), []),
        (ref("r2", "2", ["Wong"], 2001, doi="10.1000/xyz"), []),
        # same author, year and title, but told apart by what both entries give (companion papers)
        (
            ref("r2", "2", ["Lee"], 2019, title="Stem cell therapy for stroke: a review", doi="10.1000/abd"),
            [],
        ),
        (ref("r2", "2", ["Lee"], 2019, title="Stem cell therapy for stroke: a review", pmid="124"), []),
        (ref("r2", "2", ["Lee"], 2019, title="Stem cell therapy for stroke: a review", volume="12"), []),
        (ref("r2", "2", ["Lee"], 2019, title="Stem cell therapy for stroke: a review", pages="30-41"), []),
    ],
)
def test_r108_duplicate_reference(second: Reference, expected: list[str]) -> None:
    first = ref(
        "r1",
        "1",
        ["Lee"],
        2019,
        title="Stem cell therapy for stroke: a review",
        doi="10.1000/abc",
        pmid="123",
        volume="11",
        pages="1-9",
    )
    doc = Document.from_text("text")
    found = list(duplicate_reference(context(doc, [], [first, second])))
    assert [f.evidence["matched_on"] for f in found] == expected
    assert all(f.reference_id == "r2" for f in found)
