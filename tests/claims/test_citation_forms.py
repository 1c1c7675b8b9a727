"""Numbered citation forms, one row per form and language, and the look-alikes they must not take."""

from __future__ import annotations

import pytest
from auditor.claims.extract.citations import FORMS, expand_numbers
from auditor.claims.models import ClaimKind
from claimtest_helpers import payloads, texts

NUMBERED = ClaimKind.NUMBERED_CITATION


@pytest.mark.parametrize(
    ("text", "quoted", "numbers", "style"),
    [
        # brackets, en / zh-Hans / zh-Hant
        ("Cells home to the lesion [1].", "[1]", [1], "bracket"),
        ("as reported before [1-3].", "[1-3]", [1, 2, 3], "bracket"),
        ("as reported before [1,4–6].", "[1,4–6]", [1, 4, 5, 6], "bracket"),
        ("多项研究证实了这一点【2】。", "【2】", [2], "bracket"),
        ("多項研究證實了這一點[3]-[5]。", "[3]-[5]", [3, 4, 5], "bracket"),
        ("早期试验［7］显示", "［7］", [7], "bracket"),
        # parentheses
        ("the infarct shrank (1).", "(1)", [1], "paren"),
        ("as several groups found (4, 3, 5).", "(4, 3, 5)", [4, 3, 5], "paren"),
        ("梗死体积缩小（8）。", "（8）", [8], "paren"),
        ("梗死體積縮小(9、10)。", "(9、10)", [9, 10], "paren"),
        # after the alphanumeric name of a study or protocol
        ("the STUDY-301 (2) trial enrolled adults", "(2)", [2], "paren"),
        ("as specified in Protocol 0042 (7), doses were", "(7)", [7], "paren"),
        ("COVID-19 (12) changed recruitment", "(12)", [12], "paren"),
        ("IL-6 (3) rises after stroke", "(3)", [3], "paren"),
        # Unicode superscripts (also what the HTML and .docx readers produce)
        ("cells migrate to the lesion¹²³ and", "¹²³", [123], "superscript"),
        ("cells migrate to the lesion¹⁻³ and", "¹⁻³", [1, 2, 3], "superscript"),
        ("cells migrate to the lesion.¹,⁴", "¹,⁴", [1, 4], "superscript"),
        ("细胞迁移至病灶²。", "²", [2], "superscript"),
        ("細胞遷移至病灶³，", "³", [3], "superscript"),
        # pandoc / Markdown carets and raw HTML in Markdown
        ("first shown in 2019.^1^ Later", "^1^", [1], "superscript"),
        ("first shown in 2019.^1,2^ Later", "^1,2^", [1, 2], "superscript"),
        ("研究显示^3-5^，", "^3-5^", [3, 4, 5], "superscript"),
        ("the barrier is selective^4 and", "^4", [4], "superscript"),
        ("the barrier is selective<sup>5</sup> and", "<sup>5</sup>", [5], "superscript"),
        ("the barrier is selective<sup>[6]</sup> and", "<sup>[6]</sup>", [6], "bracket"),
        # after a percent, and after a year that ends a clause
        ("占全部死亡的31%¹，其余", "¹", [1], "superscript"),
        ("the mutations were found in 2004 (6), and", "(6)", [6], "paren"),
        ("as described since March 2019 (4).", "(4)", [4], "paren"),
    ],
)
def test_numbered_form_found(text: str, quoted: str, numbers: list[int], style: str) -> None:
    assert texts(text, NUMBERED) == [quoted]
    assert payloads(text, NUMBERED) == [{"numbers": numbers, "style": style}]


@pytest.mark.parametrize(
    "text",
    [
        # APA test statistics: the bracket holds degrees of freedom (sentences of our own)
        "The groups differed, t(28) = 2.20, p = .036.",
        "There was an effect of dose, F(2, 57) = 4.1, p = .02.",
        "Sex and response were unrelated, χ2(1, N = 90) = 0.89, p = .35.",
        "Scores correlated, r(48) = .31, p = .03.",
        "A Kruskal–Wallis test gave H(2) = 7.4, p = .025.",
        "组间差异显著，t(30)=2.45，P<0.05。",
        "The model fit well (3) = 12.5 in the second block.",
        # list markers and inline enumerations
        "(1) cell delivery and heterogeneity",
        "Outcomes: (1) safety, (2) efficacy and (3) cost.",
        "The aims were to (1) measure uptake and (2) compare doses.",
        "研究目的包括(1)评估安全性、(2)比较疗效。",
        # doses, counts, dates, figures, tables, equations
        "剂量为 2 (5) 次",
        "a total of 12 (40%) patients",
        "in 2019 (3) patients relapsed",
        "a dose of 2001 (6) units",
        "as in Eq. (3) above",
        "see Figure 2 (4) for details",
        "如式(2)所示",
        "差异显著(p)。",
        "(n = 12)",
        "on 12 (3) March",
        # powers and symbols
        "每10⁶个细胞",
        "面积为5 mm²",
        "the fit was good (R² = 0.81)",
        "heterogeneity was low (I² 12%)",
        "3×10^11个颗粒",
        "a volume of 4 cm^3^ was",
    ],
)
def test_look_alikes_are_not_citations(text: str) -> None:
    assert texts(text, NUMBERED) == []


def test_enumerated_citations_are_still_citations() -> None:
    text = "Smith found this (1) and Jones confirmed it (2)."
    assert [p["numbers"] for p in payloads(text, NUMBERED)] == [[1], [2]]


@pytest.mark.parametrize(
    ("listing", "numbers"),
    [("1", [1]), ("1-3", [1, 2, 3]), ("3, 1", [3, 1]), ("1、4-6", [1, 4, 5, 6]), ("0", None), ("5-2", None),
     ("1-300", None)],
)
def test_expand_numbers(listing: str, numbers: list[int] | None) -> None:
    assert expand_numbers(listing) == numbers


def test_every_form_is_exercised() -> None:
    """Each form of the table has a row above (names are the table's contract with the tests)."""
    assert {form.name for form in FORMS} == {
        "html-sup-bracket", "html-sup", "bracket-range", "bracket", "paren", "caret-pair", "caret",
        "superscript",
    }


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("A 2019 paper [4] reported the first results.", 2019),
        ("as their 2003 review (7) argued", 2003),
        ("The trial was published in March 2018 [3].", 2018),
        ("一项在2019年发表的大型试验²常被引用。", 2019),
        ("詹纳于1798年出版的这本书²记录了病例。", 1798),
        ("該研究發表於2015年[5]。", 2015),
        # years of events, two years in the clause, or a year of another clause: none
        ("In 2019, the outbreak began [3].", None),
        ("It was published online in December 2019 [3].", None),
        ("1980年5月8日，世界卫生大会宣布天花已被消灭³。", None),
        ("The guideline was first published in 1998 and revised in 2019 [4].", None),
        ("A 2019 paper described it, and later work confirmed it [4].", None),
        ("2015年，研究者在动物身上发现了这一基因[5]。", None),
        ("The groups differed, t(28) = 2.20, in a 2019 study.", None),
    ],
)
def test_stated_publication_year(text: str, year: int | None) -> None:
    found = payloads(text, NUMBERED)
    assert [p.get("stated_year") for p in found] == ([year] if found else [])
    assert found or year is None
