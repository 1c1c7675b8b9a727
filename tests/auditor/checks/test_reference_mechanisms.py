"""R1xx on forms the held-out articles exposed: group authors with a comma ("RTS,S"), group
authors translated into Chinese, an entry's author list cut by "et al.", Chinese names of authors
listed in Latin. Whole offline pipeline; real bibliographic facts, our own sentences. Each row gives
the R1xx findings it must give as (code, quote) pairs; rows with none are must-not-flag cases.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.offline_articles import article_with_references, audit_offline

RTSS_APA = (
    "RTS,S Clinical Trials Partnership. (2014). Efficacy and safety of the RTS,S/AS01 malaria vaccine "
    "during 18 months after vaccination: A phase III randomized, controlled trial in children and young "
    "infants at 11 African sites. PLoS Medicine, 11(7), e1001685."
)
TU_APA = (
    "Tu, Y. (2011). The discovery of artemisinin (qinghaosu) and gifts from Chinese medicine. Nature "
    "Medicine, 17(10), 1217–1220."
)
CANAKINUMAB_NATURE = (
    "1. Ridker, P. M. et al. Antiinflammatory therapy with canakinumab for atherosclerotic disease. "
    "N. Engl. J. Med. 377, 1119–1131 (2017)."
)
EGFR = (
    "1. Lynch TJ, Bell DW, Sordella R, et al. Activating mutations in the epidermal growth factor receptor "
    "underlying responsiveness of non-small-cell lung cancer to gefitinib. N Engl J Med. "
    "2004;350(21):2129-2139."
)
POLACK_APA = (
    "Polack, F. P., Thomas, S. J., Kitchin, N., et al. (2020). Safety and efficacy of the BNT162b2 mRNA "
    "Covid-19 vaccine. The New England Journal of Medicine, 383(27), 2603–2615."
)
TU_VANCOUVER = (
    "1. Tu Y. The discovery of artemisinin (qinghaosu) and gifts from Chinese medicine. Nat Med. "
    "2011;17(10):1217-1220."
)


def _article(body: str, entries: list[str], heading: str = "參考文獻") -> str:
    return article_with_references(body, entries, heading)


CASES: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "a group name with a comma, in full-width parentheses, cites its entry",
        _article("疫苗在十一個非洲試驗點接受評估（RTS,S Clinical Trials Partnership, 2014）。", [RTSS_APA]),
        [],
    ),
    (
        "the same group translated into Chinese cites its entry",
        _article("RTS,S臨床試驗合作組(2014)報告了18個月的結果。", [RTSS_APA]),
        [],
    ),
    (
        "the comma group with a year the list does not have is a missing work",
        _article(
            "早期的結果見於（RTS,S Clinical Trials Partnership, 2012），"
            "後續結果見於（RTS,S Clinical Trials Partnership, 2014）。",
            [RTSS_APA],
        ),
        [("R102", "RTS,S Clinical Trials Partnership, 2012")],
    ),
    (
        "a Chinese name of an author the list writes in Latin cites the entry (same year, pinyin surname)",
        _article("藥物方面，屠呦呦(2011)回顧了青蒿素的發現。", [TU_APA]),
        [],
    ),
    (
        "a bare Chinese name whose year the list does not have is no citation: the entry stays uncited",
        _article("藥物方面，屠呦呦(2015)回顧了青蒿素的發現。", [TU_APA]),
        [("R105", TU_APA)],
    ),
    (
        "a short clause before a year in parentheses is no citation when it links to nothing",
        _article("按年份排列，研究者(2011)與病例(2012)均見附表；Tu (2011)另有回顧。", [TU_APA]),
        [],
    ),
    (
        "an author hidden by the entry's 'et al.' cannot be checked: silent",
        _article("Thuren等¹也參與了這項試驗。", [CANAKINUMAB_NATURE]),
        [],
    ),
    (
        "a name alone against an entry cut by 'et al.' is R106: the text says that one person wrote it",
        _article("Thuren (2017)¹也參與了這項試驗。", [CANAKINUMAB_NATURE]),
        [("R106", "Thuren (2017)")],
    ),
    (
        "a name that leads another entry is R106 even against an entry cut by 'et al.'",
        _article("Tu等²回顧了抗炎治療的試驗¹。", [CANAKINUMAB_NATURE, TU_VANCOUVER.replace("1. ", "2. ")]),
        [],
    ),
    (
        "the first author of another entry, cited with this entry's number, is R106",
        _article("Tu等¹回顧了抗炎治療的試驗。", [CANAKINUMAB_NATURE, TU_VANCOUVER.replace("1. ", "2. ")]),
        [("R106", "Tu等")],
    ),
    (
        "a yearless name carries the number whose clause states a publication year: R107",
        _article("Lynch and colleagues are usually thought to have described them in 2003 [1].", [EGFR],
                 "References"),
        [("R107", "[1]")],
    ),
    (
        "the right year in that clause is silent",
        _article("Lynch and colleagues are usually thought to have described them in 2004 [1].", [EGFR],
                 "References"),
        [],
    ),
    (
        "two years in that clause give none",
        _article(
            "Lynch and colleagues reported it in 2003 and published it in 2004 [1].", [EGFR], "References"
        ),
        [],
    ),
    (
        "a named study one year off its journal's entry, on the entry's topic, links to it",
        _article(
            "A 2021 study from the University of Rochester published in the New England Journal of "
            "Medicine found the vaccine safe.", [POLACK_APA], "References"
        ),
        [],
    ),
    (
        "a named study one year off its journal's entry, on another topic, is not that entry",
        _article(
            "A 2021 study from the University of Oxford published in the New England Journal of "
            "Medicine found that statins lowered stroke risk.", [POLACK_APA], "References"
        ),
        [
            ("R104", "2021 study from the University of Oxford published in the New England Journal of "
             "Medicine"),
            ("R105", POLACK_APA),
        ],
    ),
    (
        "the exact year of the journal's entry still links, whatever the words",
        _article(
            "A 2020 study from the University of Rochester published in the New England Journal of "
            "Medicine found that the two doses worked.", [POLACK_APA], "References"
        ),
        [],
    ),
    (
        "an author absent from a complete author list is R106",
        _article("Baden等人¹回顧了青蒿素的發現。", [TU_VANCOUVER]),
        [("R106", "Baden等人")],
    ),
]


def _audit(text: str, tmp_path: Path) -> list[tuple[str, str]]:
    findings = audit_offline(text, tmp_path).findings
    return [(f.code, f.quote or "") for f in findings if f.code.startswith("R1")]


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_reference_checks(name: str, text: str, expected: list[tuple[str, str]], tmp_path: Path) -> None:
    assert Counter(_audit(text, tmp_path)) == Counter(expected)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("RTS,S Clinical Trials Partnership", "rtss"),
        ("RTS,S臨床試驗合作組", "rtss"),
        ("RTS, S Clinical Trials Partnership", "rts"),  # a comma and a space end the acronym
        ("REMAP-CAP Investigators", "remapcap"),
    ],
)
def test_group_key_keeps_a_comma_acronym(name: str, key: str) -> None:
    from auditor.references.matching import group_key

    assert group_key(name) == key


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("藥物方面，屠呦呦(2011)回顧了", ["屠呦呦(2011)"]),
        ("另见，钟南山(2020a)的报告", ["钟南山(2020a)"]),
        ("研究组(2019)的结果", []),  # a group noun, not a name
        ("对照组(2020)", []),
        ("，本月(2019)", []),
        ("其中高血压患者(2019)", []),  # more than a short clause: four characters and more
        ("屠呦呦(2011年)", []),  # the year form of the Chinese grammar, not this one
        ("王伟等(2019)报告", []),  # the ordinary Chinese form reads it (not bare)
    ],
)
def test_bare_chinese_names_are_marked(text: str, bare: list[str]) -> None:
    from auditor.claims.extract.authors import author_citations

    found = [text[c.start : c.end] for c in author_citations(text) if c.normalized.get("bare")]
    assert found == bare


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("Choo and colleagues reported it in 1988¹. The prize followed.", ["¹"]),
        ("They published it in 2019²,³ and again later.", ["²,³"]),
        ("10⁶ cells per well", []),  # a power
        ("images of 2048² pixels", []),  # not a year: a power
        ("a 1988²a value", []),  # a letter after it: not a citation
    ],
)
def test_a_superscript_after_a_year_is_a_citation(text: str, cited: list[str]) -> None:
    from auditor.claims.extract.citations import numbered_citations

    assert [text[c.start : c.end] for c in numbered_citations(text)] == cited
