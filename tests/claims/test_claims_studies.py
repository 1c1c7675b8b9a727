"""Named studies and journal mentions."""

from __future__ import annotations

from typing import Any

import pytest
from claimtest_helpers import payloads, texts

from claims.models import ClaimKind

STUDY = ClaimKind.NAMED_STUDY
JOURNAL = ClaimKind.JOURNAL_MENTION


def _study(institution: str | None, journal: str | None, year: int | None) -> dict[str, Any]:
    return {"institution": institution, "journal": journal, "year": year, "authors": []}


@pytest.mark.parametrize(
    ("text", "quoted", "payload"),
    [
        (
            "2021年，英国牛津大学(OXF)的研究团队在《Cell Stem Cell》发表研究",
            "2021年，英国牛津大学(OXF)的研究团队在《Cell Stem Cell》",
            _study("英国牛津大学(OXF)", "Cell Stem Cell", 2021),
        ),
        (
            "2020年,日本京都大学医院在《Stem Cells》报道",
            "2020年,日本京都大学医院在《Stem Cells》报道",
            _study("日本京都大学医院", "Stem Cells", 2020),
        ),
        (
            "2019年,德国柏林医学院的研究团队发现",
            "2019年,德国柏林医学院的研究",
            _study("德国柏林医学院", None, 2019),
        ),
        (
            "2018年《中华神经科杂志》上发表了",
            "2018年《中华神经科杂志》",
            _study(None, "中华神经科杂志", 2018),
        ),
        ("依据哈佛大学Ⅱ期试验", "哈佛大学Ⅱ期试验", _study("哈佛大学", None, None)),
        (
            "東京大學醫學研究生院在期刊《神經再生研究》上發表綜述",
            "東京大學醫學研究生院在期刊《神經再生研究》",
            _study("東京大學醫學研究生院", "神經再生研究", None),
        ),
        (
            "a 2022 study from Yale University published in Nature Neuroscience found",
            "2022 study from Yale University published in Nature Neuroscience",
            _study("Yale University", "Nature Neuroscience", 2022),
        ),
    ],
)
def test_named_studies(text: str, quoted: str, payload: dict[str, Any]) -> None:
    assert texts(text, STUDY) == [quoted]
    assert payloads(text, STUDY) == [payload]


@pytest.mark.parametrize(
    "text",
    [
        "公司地址:杭州",
        "以患者为中心的治疗",
        "在医院接受治疗",
        "《赣南医学院学报》",
        "shown (Zhao et al., 2021, Stem Cell Reviews).",
        "患者在大学期间",
    ],
)
def test_not_named_studies(text: str) -> None:
    assert texts(text, STUDY) == []


@pytest.mark.parametrize(
    ("text", "journals"),
    [
        ("发表于《自然》杂志", ["自然"]),
        ("發表於《神經再生研究》", ["神經再生研究"]),
        ("published in The Lancet Neurology.", ["The Lancet Neurology"]),
        ("appeared in Journal of Neurotrauma in", ["Journal of Neurotrauma"]),
        ("reported in Nature Medicine last year", ["Nature Medicine"]),
        ("(Zhao et al., 2021, Stem Cell Reviews)", ["Stem Cell Reviews"]),
        ("in Alzheimer Disease patients", []),
        ("in Table 2", []),
        ("《》空书名号", []),
    ],
)
def test_journal_mentions(text: str, journals: list[str]) -> None:
    assert [p["journal"] for p in payloads(text, JOURNAL)] == journals
