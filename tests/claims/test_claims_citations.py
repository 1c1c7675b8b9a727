"""Numbered and author citations: positives and look-alikes, zh-Hans, zh-Hant and en."""

from __future__ import annotations

from typing import Any

import pytest
from auditor.claims.models import ClaimKind
from claimtest_helpers import payloads, texts

NUMBERED = ClaimKind.NUMBERED_CITATION
AUTHOR = ClaimKind.AUTHOR_CITATION


@pytest.mark.parametrize(
    ("text", "quoted", "numbers", "style"),
    [
        ("干细胞可到达其他器官 (12)。", "(12)", [12], "paren"),
        ("多个模型中均被观察到。(6, 2, 7)", "(6, 2, 7)", [6, 2, 7], "paren"),
        ("該綜述發表于期刊上[2]。", "[2]", [2], "bracket"),
        ("as shown before [4-6].", "[4-6]", [4, 5, 6], "bracket"),
        ("两项研究[1,2]均证实", "[1,2]", [1, 2], "bracket"),
        ("得到了证实。(3).", "(3)", [3], "paren"),
        ("细胞迁移（７）。", "（７）", [7], "paren"),
        ("stem cells migrate¹² to the brain", "¹²", [12], "superscript"),
        ("stem cells migrate¹⁻³ to the brain", "¹⁻³", [1, 2, 3], "superscript"),
        ("the barrier is selective^4 and", "^4", [4], "superscript"),
    ],
)
def test_numbered_citation_found(text: str, quoted: str, numbers: list[int], style: str) -> None:
    assert texts(text, NUMBERED) == [quoted]
    assert payloads(text, NUMBERED) == [{"numbers": numbers, "style": style}]


@pytest.mark.parametrize(
    "text",
    [
        "差异显著(p)。",
        "该研究发表于(2021)。",
        "穿过血脑屏障(BBB)后",
        "间充质干细胞(MSC)",
        "(1)细胞递送与异质性挑战",
        "  (2) 免疫排斥",
        "如下所示(见下图)。",
        "结果见(图2)和(表1)。",
        "剂量为 2 (5) 次",
        "编号(1234)不是引用",
        "每10⁶个细胞",
        "面积为5 mm²",
        "3×10^11个颗粒",
    ],
)
def test_numbered_citation_look_alikes_are_not_citations(text: str) -> None:
    assert texts(text, NUMBERED) == []


def _author(
    authors: list[str], et_al: bool, year: int | None, journal: str | None = None, form: str = "narrative"
) -> dict[str, Any]:
    return {"authors": authors, "et_al": et_al, "year": year, "suffix": None, "journal": journal,
            "group": False, "form": form}


@pytest.mark.parametrize(
    ("text", "quoted", "payload"),
    [
        ("Park等人的研究表明", "Park等人", _author(["Park"], True, None)),
        ("根据Hofmann等人的研究,", "Hofmann等人", _author(["Hofmann"], True, None)),
        ("根据 Weber 等人2010年进行的研究", "Weber 等人2010年", _author(["Weber"], True, 2010)),
        ("Song等人于2006年开展了试验", "Song等人于2006年", _author(["Song"], True, 2006)),
        ("Brown等人(2018年)报道", "Brown等人(2018年)", _author(["Brown"], True, 2018)),
        ("Brown等人（2018年）報道", "Brown等人（2018年）", _author(["Brown"], True, 2018)),
        ("Tanaka等明確指出", "Tanaka等", _author(["Tanaka"], True, None)),
        ("Wang与Zhou的研究显示", "Wang与Zhou的研究", _author(["Wang", "Zhou"], False, None)),
        ("Sato那組發現", "Sato那組", _author(["Sato"], True, None)),
        ("Nakamura團隊直接測量", "Nakamura團隊", _author(["Nakamura"], True, None)),
        ("Liu的實驗也支持", "Liu的實驗", _author(["Liu"], False, None)),
        ("Xu發現細胞大小", "Xu發現", _author(["Xu"], False, None)),
        ("Araújo等人(2020年)开展", "Araújo等人(2020年)", _author(["Araújo"], True, 2020)),
        ("Park et al. (2015) reported", "Park et al. (2015)", _author(["Park"], True, 2015)),
        ("as in Park et al., 2015, the", "Park et al., 2015", _author(["Park"], True, 2015)),
        (
            "shown (Jones & Patel, 2018).",
            "Jones & Patel, 2018",
            _author(["Jones", "Patel"], False, 2018, form="parenthetical"),
        ),
        ("Jones (2017) showed", "Jones (2017)", _author(["Jones"], False, 2017)),
        (
            "fever (Zhao et al., 2021, Stem Cell Reviews).",
            "Zhao et al., 2021, Stem Cell Reviews",
            _author(["Zhao"], True, 2021, "Stem Cell Reviews", "parenthetical"),
        ),
    ],
)
def test_author_citation_found(text: str, quoted: str, payload: dict[str, Any]) -> None:
    assert texts(text, AUTHOR) == [quoted]
    assert payloads(text, AUTHOR) == [payload]


def test_two_author_citations_in_one_phrase() -> None:
    text = "Song等人(2006)与Park等人(2020)研究结果不同"
    assert payloads(text, AUTHOR) == [_author(["Song"], True, 2006), _author(["Park"], True, 2020)]


def test_parenthetical_list_gives_one_claim_per_work() -> None:
    text = "as reported (Jones and Patel 2018; Wu 2020)."
    assert texts(text, AUTHOR) == ["Jones and Patel 2018", "Wu 2020"]


@pytest.mark.parametrize(
    "text",
    [
        "MRI等影像学检查",
        "BBB的研究",
        "MSCs的研究表明",
        "PubMed发现的文献",
        "UCLA的研究",
        "VEGF、TNF等因子",
        "Notch等信号通路",
        "Wnt的研究",
        "Barthel指数",
        "The (2019) edition",
        "In 2019 we found",
        "采用Rankin量表",
    ],
)
def test_author_citation_look_alikes_are_not_citations(text: str) -> None:
    assert texts(text, AUTHOR) == []


@pytest.mark.parametrize(
    "text", ["包括:(1)细胞递送;(2)免疫排斥", "結果如下：(2) 外泌體", "as follows: (1) dose"]
)
def test_inline_list_markers_after_a_colon_are_not_citations(text: str) -> None:
    assert texts(text, NUMBERED) == []


@pytest.mark.parametrize("text", ["volume 5 cm^3 only", "a 2 m^2 area", "^2 at the start"])
def test_caret_after_a_unit_or_at_the_start_is_not_a_citation(text: str) -> None:
    assert texts(text, NUMBERED) == []
