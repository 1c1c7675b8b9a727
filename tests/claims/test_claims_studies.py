"""Named studies and journal mentions."""

from __future__ import annotations

from typing import Any

import pytest
from auditor.claims.models import ClaimKind
from claimtest_helpers import payloads, texts

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
        (
            "台大醫院團隊於2021年在《NEJM》發表",
            "台大醫院團隊於2021年在《NEJM》",
            _study("台大醫院", "NEJM", 2021),
        ),
        (
            "a 2021 study from the Mayo Clinic published in JAMA Cardiology showed",
            "2021 study from the Mayo Clinic published in JAMA Cardiology",
            _study("Mayo Clinic", "JAMA Cardiology", 2021),
        ),
        (
            "In a 2019 study published in The Lancet, a team at the Karolinska Institutet found",
            "2019 study published in The Lancet, a team at the Karolinska Institutet found",
            _study("Karolinska Institutet", "The Lancet", 2019),
        ),
        (
            "A 2020 analysis by researchers at the University of Leeds, published in The Lancet, found",
            "2020 analysis by researchers at the University of Leeds, published in The Lancet",
            _study("University of Leeds", "The Lancet", 2020),
        ),
        (
            "该试验由辉瑞发起；2022年，复旦大学的团队在《细胞》发表了分析",
            "2022年，复旦大学的团队在《细胞》",
            _study("复旦大学", "细胞", 2022),
        ),
        (
            "由輝瑞公司資助、北京大學團隊於2021年在《柳葉刀》發表的研究",
            "北京大學團隊於2021年在《柳葉刀》",
            _study("北京大學", "柳葉刀", 2021),
        ),
        (
            "Funded by the Wellcome Trust, researchers at Imperial College reported in Nature Medicine in"
            " 2018.",
            "Imperial College reported in Nature Medicine in 2018",
            _study("Imperial College", "Nature Medicine", 2018),
        ),
        # a journal and a year with a study noun next to the journal, no institution (zh-Hans/zh-Hant/en)
        (
            "2019年发表在《柳叶刀》上的一项研究发现，风险更高。",
            "2019年发表在《柳叶刀》上的一项研究",
            _study(None, "柳叶刀", 2019),
        ),
        (
            "一項2021年發表於《自然》的試驗顯示，藥物有效。",
            "2021年發表於《自然》的試驗",
            _study(None, "自然", 2021),
        ),
        (
            "A 2018 study published in JAMA found a higher risk.",
            "2018 study published in JAMA",
            _study(None, "JAMA", 2018),
        ),
        (
            "In a 2017 trial reported in the New England Journal of Medicine, events fell.",
            "2017 trial reported in the New England Journal of Medicine",
            _study(None, "the New England Journal of Medicine", 2017),
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
        # an institution with no venue and no year
        "依据哈佛大学Ⅱ期试验",
        "疫情初期，某某大学附属第一医院的团队率先尝试了这种药物。",
        # sponsors and trial leaders, zh-Hans / zh-Hant / en
        "该试验（NCT01234567）由辉瑞公司发起，为3期试验，于2019年完成。",
        "RECOVERY试验由牛津大学发起，是一项2020年开始的3期试验。",
        "此試驗由紐約大學主導，2012年開始，共納入5179名患者。",
        "該研究由臺灣大學資助，2018年啟動。",
        "The trial, funded by the National Heart, Lung, and Blood Institute, began in 2010.",
        "The study was sponsored by Harvard University and started in 2015.",
        "A University of Utah-funded trial began in 2014.",
        # an institution and a number that is a count, not a year
        "Harvard University enrolled 2000 patients in the trial.",
        # an institution and a year with nothing about research
        "In 2015, Stanford University opened a new campus.",
        # a journal and a year with no research verb; a journal alone
        "The 2020 issue of Nature Medicine was thick.",
        "《柳叶刀》是一本期刊。",
        "2020年，《柳叶刀》的主编撰文批评了这项政策。",
        "Nature, founded in 1869, publishes research in all fields.",
        "The editor of the Lancet wrote in 2020 about the policy.",
        # a trial described by its sponsor, with a date between the sponsor and its verb
        "该试验由辉瑞公司于2020年发起，结果发表于《新英格兰医学杂志》。",
        # organisations that publish guidelines or reports are not studies
        "2020年，国家卫生健康委员会发布了新版诊疗方案。",
        "2021年，世界卫生组织报告称，全球有1000万人患病。",
        "In 2019, the World Health Organization published a report on resistance.",
        "The 2019 guideline of the American Heart Association recommends statins.",
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
