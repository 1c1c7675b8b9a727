"""R102–R108 through the whole offline pipeline, on short articles of our own (zh-Hans, zh-Hant, en).

Each row is an article with its reference list (real bibliographic facts, our own sentences) and
the R1xx findings it must give, as (code, quote) pairs; rows with none are must-not-flag cases.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from auditor.models import Finding
from tests.offline_articles import article_with_references, audit_offline

CANAKINUMAB = (
    "Ridker, P.M., Everett, B.M., Thuren, T. et al. (2017) 'Antiinflammatory therapy with canakinumab for "
    "atherosclerotic disease', New England Journal of Medicine, 377(12), pp. 1119–1131."
)
COLCHICINE = (
    "Tardif, J.-C., Kouz, S., Waters, D.D. et al. (2019) 'Efficacy and safety of low-dose colchicine after "
    "myocardial infarction', New England Journal of Medicine, 381(26), pp. 2497–2505."
)
EGFR = (
    "Lynch TJ, Bell DW, Sordella R, et al. Activating mutations in the epidermal growth factor receptor "
    "underlying responsiveness of non-small-cell lung cancer to gefitinib. "
    "N Engl J Med. 2004;350(21):2129-2139."
)
POLACK = (
    "Polack FP, Thomas SJ, Kitchin N, et al. Safety and efficacy of the BNT162b2 mRNA Covid-19 vaccine. "
    "N Engl J Med. 2020;383(27):2603-2615."
)
BADEN = (
    "Baden LR, El Sahly HM, Essink B, et al. Efficacy and safety of the mRNA-1273 SARS-CoV-2 vaccine. "
    "N Engl J Med. 2021;384(5):403-416."
)
NLST = (
    "National Lung Screening Trial Research Team (2011) 'Reduced lung-cancer mortality with low-dose "
    "computed tomographic screening', New England Journal of Medicine, 365(5), pp. 395–409."
)


_article = article_with_references


CASES: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "one missing work mentioned twice is one R102 at its formal citation",
        _article(
            "The canakinumab trial (Ridker et al., 2017) changed the field. "
            "One review calls it Ridker et al., "
            "2017c, a work that does not exist (Ridker et al., 2017c).",
            [CANAKINUMAB],
        ),
        [("R102", "Ridker et al., 2017c")],
    ),
    (
        "a yearless mention in the sentence of a dated one is the same missing work (zh-Hant)",
        _article(
            "Peto等學者也曾提出類似預測（Peto et al., 2000），但證據有限（Ridker et al., 2017）。",
            [CANAKINUMAB],
            "參考文獻",
        ),
        [("R102", "Peto et al., 2000")],
    ),
    (
        "the same yearless name in two sentences is one R103 (zh-Hans)",
        _article(
            "Fukuda等发现细胞可以存活。后来Fukuda等又重复了这一结果（Ridker et al., 2017）。",
            [CANAKINUMAB],
            "参考文献",
        ),
        [("R103", "Fukuda等")],
    ),
    (
        "a group author of a Harvard entry links its formal citation (no R102, no R105)",
        _article(
            "美國國家肺癌篩檢試驗證明低劑量CT可以降低死亡率"
            "（National Lung Screening Trial Research Team, 2011）。",
            [NLST],
            "參考文獻",
        ),
        [],
    ),
    (
        "a citation of a missing number backs no author citation: R103 and R101",
        _article(
            "Sahin等人(2020)描述了接種後的T細胞反應⁹。Polack等人¹報告了第三期試驗。", [POLACK], "參考文獻"
        ),
        [("R103", "Sahin等人(2020)"), ("R101", "⁹")],
    ),
    (
        "the number right after a name is its citation, not the one that ends the sentence",
        _article(
            "Baden等人¹主持的試驗採兩劑方案[2]。Polack等人¹報告了另一試驗。", [POLACK, BADEN], "參考文獻"
        ),
        [("R106", "Baden等人")],
    ),
    (
        "a year in the lead-in of a wrapped 'et\\nal.' is compared with the number after it",
        _article(
            "Tardif et al.^1^ tested colchicine. "
            "In a 2017 paper, Tardif et\nal.^1^ are said to have done it.",
            [f"1. {COLCHICINE}"],
        ),
        [("R107", "Tardif et\nal.")],
    ),
    (
        "'found in 2001 (1)': the year after the verb is the cited work's year",
        _article(
            "Lynch and colleagues found in 2001 (1) that the mutations cluster in the kinase domain.",
            [f"1. {EGFR}"],
        ),
        [("R107", "Lynch and colleagues")],
    ),
    (
        "a publication year stated in the clause of a numbered citation (zh-Hant)",
        _article("一項在2019年發表的大型第三期試驗¹常被誤認為第一篇療效報告。", [f"¹ {POLACK}"], "參考文獻"),
        [("R107", "¹")],
    ),
    (
        "a publication year stated in the clause of a numbered citation (en)",
        _article(
            "A 2018 paper [1] reported the first efficacy results of an mRNA vaccine.", [f"[1] {POLACK}"]
        ),
        [("R107", "[1]")],
    ),
    (
        "years of events are not publication years",
        _article(
            "In 2019, the outbreak began and vaccines were tested within a year [1]. "
            "2021年，疫苗获批上市[2]。",
            [f"[1] {POLACK}", f"[2] {BADEN}"],
        ),
        [],
    ),
    (
        "a right publication year is silent, and two years in one clause give none",
        _article(
            "A 2020 paper [1] reported efficacy. The vaccine, tested in 2020 and published in 2021 [2], was "
            "approved.",
            [f"[1] {POLACK}", f"[2] {BADEN}"],
        ),
        [],
    ),
    (
        "a superscript after a percent is a citation",
        _article(
            "接種組的保護效力約為95%¹，Baden等人²報告的結果相近。", [f"¹ {POLACK}", f"² {BADEN}"], "參考文獻"
        ),
        [],
    ),
    (
        "degrees of freedom are no citation",
        _article("The groups differed, t(1) = 2.20, p = .036, as Polack et al. (2020) expected.", [POLACK]),
        [],
    ),
]


def _audit(text: str, tmp_path: Path) -> list[Finding]:
    return list(audit_offline(text, tmp_path).findings)


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_reference_checks(name: str, text: str, expected: list[tuple[str, str]], tmp_path: Path) -> None:
    found = [(f.code, f.quote) for f in _audit(text, tmp_path) if f.code.startswith("R1")]
    assert Counter(found) == Counter(expected)


def test_a_missing_work_lists_every_mention(tmp_path: Path) -> None:
    text = _article(
        "Cui的實驗顯示細胞存活。Cui發現劑量有關。Ge等報告了相反的結果。", [f"1. {POLACK}"], "參考文獻"
    )
    r103 = [f for f in _audit(text, tmp_path) if f.code == "R103"]
    assert [f.quote for f in r103] == ["Cui的實驗", "Ge等"]
    cui = r103[0]
    assert [text[c.start : c.end] for c in cui.cited_at] == ["Cui的實驗", "Cui發現"]
    assert cui.cited_at[1].sentence == "Cui發現劑量有關。"
    assert "mentioned 2 times" in cui.message


def test_every_mention_of_a_missing_work_gets_its_verdict(tmp_path: Path) -> None:
    text = _article("Cui的實驗顯示細胞存活。Cui發現劑量有關。", [f"1. {POLACK}"], "參考文獻")
    report = audit_offline(text, tmp_path)
    mentions = [c for c in report.claims if c.kind == "author_citation"]
    assert len(mentions) == 2
    assert all(c.verdict.value == "unsupported" and c.finding_ids for c in mentions)


def test_a_repeated_harvard_entry_of_a_group_is_r108_not_r105(tmp_path: Path) -> None:
    short = (
        "National Lung Screening Trial Research Team (2011) 'Reduced lung-cancer mortality with low-dose "
        "computed tomographic screening', N Engl J Med, 365, pp. 395-409."
    )
    text = _article(
        "CT screening lowered mortality (National Lung Screening Trial Research Team, 2011).", [NLST, short]
    )
    found = [f for f in _audit(text, tmp_path) if f.code.startswith("R1")]
    assert [(f.code, f.quote) for f in found] == [("R108", short)]
    assert found[0].message == "Reference 2 repeats reference 1 (same author+year+title)."


def test_a_note_in_chinese_translation_and_its_repeat_are_one_work(tmp_path: Path) -> None:
    note = (
        "⁴ 斯特凡·里德爾（Stefan Riedel）：〈Edward Jenner and the history of smallpox and vaccination〉，"
        "載《Proceedings (Baylor University Medical Center)》2005年第18卷第1期，第21—25頁。"
    )
    repeat = (
        '⁵ Riedel S, "Edward Jenner and the history of smallpox and vaccination", Proc (Bayl Univ Med Cent), '
        "2005, 18(1), pp. 21-25."
    )
    entries = [f"¹ {POLACK}", f"² {BADEN}", f"³ {COLCHICINE}", note, repeat]
    text = _article("疫苗的歷史很長¹⁻⁴。", entries, "參考文獻")
    found = [(f.code, f.quote) for f in _audit(text, tmp_path) if f.code.startswith("R1")]
    assert found == [("R108", repeat)]


CONG = (
    "[1] Cong L, Ran FA, Cox D, et al. Multiplex genome engineering using CRISPR/Cas systems. Science. "
    "2013;339(6121):819-823."
)
LANDER = (
    "[1] Lander ES, Linton LM, Birren B, et al. Initial sequencing and analysis of the human genome. "
    "Science. 2013;409(6822):860-921."
)


@pytest.mark.parametrize(
    ("body", "entry", "expected"),
    [
        # the journal and year agree and the title speaks of the sentence's topic: linked
        ("2013年，某大学的团队在《科学》发表研究，报告了CRISPR基因编辑在人类细胞中的应用。", CONG, []),
        # the journal and year agree but the title is about something else: not that study
        (
            "2013年，某大学的团队在《科学》发表研究，报告了CRISPR基因编辑在人类细胞中的应用。",
            LANDER,
            ["R104", "R105"],
        ),
        # an English sentence is not compared (its words are no term table): linked
        ("In 2013, researchers at Harvard University reported in Science a way to edit genes.", LANDER, []),
    ],
)
def test_a_named_study_links_by_journal_and_year_only_on_its_topic(
    body: str, entry: str, expected: list[str], tmp_path: Path
) -> None:
    found = sorted(
        f.code for f in _audit(_article(body, [entry], "参考文献"), tmp_path) if f.code.startswith("R1")
    )
    assert found == expected


def test_the_list_has_hint_shows_the_a_b_suffix_the_list_writes(tmp_path: Path) -> None:
    lung = (
        "Ridker, P.M., MacFadyen, J.G., Thuren, T. et al. (2017b) 'Effect of interleukin-1β inhibition with "
        "canakinumab on incident lung cancer in patients with atherosclerosis', Lancet, 390(10105), "
        "pp. 1833–1842."
    )
    cardio = CANAKINUMAB.replace("(2017)", "(2017a)")
    text = _article("Two trials were reported (Ridker et al., 2017a; Ridker et al., 2017c).", [cardio, lung])
    r102 = [f for f in _audit(text, tmp_path) if f.code == "R102"]
    assert [f.quote for f in r102] == ["Ridker et al., 2017c"]
    assert "the list has Ridker 2017a; Ridker 2017b" in r102[0].message


KOMOR = (
    "[1] Komor AC, Kim YB, Packer MS, Zuris JA, Liu DR. Programmable editing of a target base in genomic DNA "
    "without double-stranded DNA cleavage. Nature. 2016;533(7603):420-424."
)
GENOME = (
    "[1] Lander ES, Linton LM, Birren B, et al. Initial sequencing and analysis of the human genome. "
    "Nature. 2001;409(6822):860-921."
)
_YEARLESS = "Scientists at Harvard University described in Nature the editing of one base in genomic DNA."


@pytest.mark.parametrize(
    ("body", "entry", "expected"),
    [
        # no year: the entry of the journal whose title speaks of the sentence's topic is the study
        (_YEARLESS, KOMOR, []),
        # no year, and the only entry of the journal is about something else: not in the list
        (_YEARLESS, GENOME, ["R104"]),
        # a year: only an entry of that journal and year (±1) is the study
        (f"In 2016, s{_YEARLESS[1:]}", GENOME, ["R104"]),
        (f"In 2016, s{_YEARLESS[1:]}", KOMOR, []),
        # a Chinese sentence whose topic the term table does not know: the journal stands
        ("某大学的团队在《自然》发表研究，描述了一种新方法。", GENOME, []),
    ],
)
def test_a_named_study_without_a_year_links_only_on_its_topic(
    body: str, entry: str, expected: list[str], tmp_path: Path
) -> None:
    text = _article(f"{body} Other work agrees [1].", [entry])
    found = sorted(f.code for f in _audit(text, tmp_path) if f.code.startswith("R1"))
    assert found == expected
