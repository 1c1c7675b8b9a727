"""Surname keys, title similarity, journal names (abbreviations, translations), years, first authors."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from auditor.references.matching import (
    first_author_matches,
    first_page,
    group_key,
    journal_language,
    journal_matches,
    journal_translations,
    pages_agree,
    surname_key,
    surnames_match,
    title_similarity,
    translate_journal,
    year_gap,
    year_matches,
)
from auditor.references.models import Author, Record


@pytest.mark.parametrize(
    ("name", "key"),
    [("Macêdo", "macedo"), ("Müller", "muller"), ("O'Brien", "obrien"), ("Monzon-Posadas", "monzonposadas"),
     ("Torres Crigna", "torrescrigna"), ("LIU", "liu"), ("胡", "胡")],
)
def test_surname_key(name: str, key: str) -> None:
    assert surname_key(name) == key
    assert surname_key(Author(family=name)) == key


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        ("<i>Stem</i> cells cross the barrier!", "Stem cells cross the barrier", 100, 100),
        ("STEM CELLS CROSS THE BARRIER.", "stem cells cross the barrier", 100, 100),
        ("Mesenchymal stem cells and cerebral palsy", "Mesenchymal stem cells and palsy in children", 70, 99),
        ("Mesenchymal stem cells and cerebral palsy", "Lung first-pass effect in rats", 0, 45),
        ("", "anything", 0, 0),
        (None, "anything", 0, 0),
    ],
)
def test_title_similarity(a: str | None, b: str, low: float, high: float) -> None:
    assert low <= title_similarity(a, b) <= high


@pytest.mark.parametrize(
    ("cited", "full", "abbrev", "ok"),
    [
        ("Int J Mol Sci", "International journal of molecular sciences", None, True),
        ("Int. J. Mol. Sci.", "International Journal of Molecular Sciences", None, True),
        ("N Engl J Med", "The New England journal of medicine", None, True),
        ("The Lancet", "Lancet", None, True),
        ("J Chin Med Assoc", "Journal of the Chinese Medical Association", None, True),
        ("Proc Natl Acad Sci U S A",
         "Proceedings of the National Academy of Sciences of the United States of America", None, True),
        ("Stem Cell Res Ther", "Stem cell research & therapy", None, True),
        ("Frontiers in Medicine", "Frontiers in medicine", "Front Med (Lausanne)", True),
        ("Front Med", "Frontiers in medicine", None, True),
        ("PLOS ONE", "PloS one", None, True),
        ("Cell", "Cell stem cell", None, False),
        ("Nature", "Nature medicine", "Nat Med", False),
        ("Stroke", "Stem cells", None, False),
        ("Int J Mol Med", "International journal of molecular sciences", None, False),
        ("", "Stroke", None, False),
        ("Stroke", None, None, False),
        # Chinese names of English journals, simplified and traditional
        ("干细胞国际", "Stem cells international", None, True),
        ("幹細胞國際", "Stem cells international", None, True),
        ("公共科学图书馆之一", "PloS one", None, True),
        ("分子生物学方法(新泽西州克利夫顿)", "Methods in molecular biology (Clifton, N.J.)", None, True),
        ("细胞通信和信令:CCS", "Cell communication and signaling : CCS", None, True),
        ("中风", "Stroke", None, True),
        ("中風", "Stroke", None, True),
        ("医学前沿", "Frontiers in medicine", None, True),
        ("干细胞转化医学 (AlphaMed Press)", "Stem cells translational medicine", None, True),
        ("中风", "Stem cells and development", None, False),
        ("某某未知期刊", "Stroke", None, False),
    ],
)
def test_journal_matches(cited: str, full: str | None, abbrev: str | None, ok: bool) -> None:
    assert journal_matches(cited, full, abbrev) is ok


def test_journal_matches_accepts_a_record() -> None:
    record = Record(source="pubmed", id="1", journal="Stem cells and development",
                    journal_abbrev="Stem Cells Dev")
    assert journal_matches("干细胞和发育", record)
    assert journal_matches("Stem Cells Dev", record)
    assert not journal_matches("Stem Cells", record)


@pytest.mark.parametrize(
    ("zh", "english"),
    [
        ("干细胞国际", "Stem Cells International"),
        ("《自然医学》", "Nature Medicine"),
        ("科學轉化醫學", "Science Translational Medicine"),
        ("国际分子科学杂志", "International Journal of Molecular Sciences"),
        ("中国组织工程研究", "Chinese Journal of Tissue Engineering Research"),
        ("BMC医药", "BMC Medicine"),
    ],
)
def test_translate_journal(zh: str, english: str) -> None:
    assert translate_journal(zh)[0] == english


def test_translate_unknown_journal() -> None:
    assert translate_journal("RSS") == [] and translate_journal("某某学报") == []


def test_translation_table_is_well_formed() -> None:
    path = resources.files("auditor.references").joinpath("data/journal_translations.json")
    raw = json.loads(path.read_text("utf-8"))["journals"]
    assert journal_translations() == {zh: names[0] for zh, names in raw.items()}
    for zh, names in raw.items():
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), zh
        assert len(names) == 3 and all(names), zh
        assert journal_matches(names[1], names[0]), (names[1], names[0])
        assert names[2] in {"en", "zh"}, zh


def test_simplified_and_traditional_names_agree_on_the_journal_and_its_language() -> None:
    entries = {}
    path = resources.files("auditor.references").joinpath("data/journal_translations.json")
    for names in json.loads(path.read_text("utf-8"))["journals"].values():
        assert entries.setdefault(names[0], names) == names, names


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("中国组织工程研究", "zh"),  # Chinese Journal of Tissue Engineering Research, published in Chinese
        ("中國組織工程研究", "zh"),
        ("Chinese Journal of Tissue Engineering Research", "zh"),
        ("Chin J Tissue Eng Res", "zh"),
        ("赣南医学院学报", "zh"),
        ("Journal of Gannan Medical University", "zh"),
        ("《自然医学》", "en"),
        ("Nature Medicine", "en"),
        ("Nat Med", "en"),
        ("Stem Cell Res Ther", "en"),
        ("BMC醫藥", "en"),
        ("Chinese Medical Journal", None),  # not in the table: the table does not guess
        ("某某学报", None),
    ],
)
def test_journal_language(name: str, language: str | None) -> None:
    assert journal_language(name) == language


@pytest.mark.parametrize(
    ("cited", "record", "tolerance", "ok"),
    [(2019, 2019, 1, True), (2019, 2020, 1, True), (2019, 2021, 1, False), (2019, 2020, 0, False),
     (None, 2020, 1, True), (2020, None, 1, True)],
)
def test_year_matches(cited: int | None, record: int | None, tolerance: int, ok: bool) -> None:
    assert year_matches(cited, record, tolerance) is ok


@pytest.mark.parametrize(
    ("cited", "recorded", "expected"),
    [
        ([Author(family="Macêdo", given="A")], [Author(family="Macedo", given="A")], True),
        ([Author(family="Liu", given="L")], [Author(family="LIU", given="Lei")], True),
        (["Torres Crigna"], ["Torres-Crigna"], True),
        ([Author(family="Kim")], [Author(family="Park")], False),
        ([Author(family="胡", given="可")], [Author(family="Hu", given="K")], None),
        ([Author(family="某研究组", collective=True)], [Author(family="Smith")], None),
        ([], [Author(family="Smith")], None),
    ],
)
def test_first_author_matches(
    cited: list[Author | str], recorded: list[Author | str], expected: bool | None
) -> None:
    assert first_author_matches(cited, recorded) is expected


@pytest.mark.parametrize(
    ("cited", "recorded", "same"),
    [("Torres Crigna", "Torres", True), ("Torres", "Torres Crigna", True), ("Müller", "Muller", True),
     ("Li", "Lin", False), ("王", "王", True), ("王", "Wang", False), ("", "Kim", False),
     ("Van der Berg", "van der Berg", True), ("Smith", "Smithson", False)],
)
def test_surnames_match(cited: str, recorded: str, same: bool) -> None:
    assert surnames_match(cited, recorded) is same


@pytest.mark.parametrize(
    ("name", "key"),
    [("RECOVERY Collaborative Group", "recovery"), ("RECOVERY协作组", "recovery"),
     ("SPRINT Research Group", "sprint"), ("GBD 2019 Tobacco Collaborators", "gbd2019"),
     ("GBD 2019菸草合作團隊", "gbd2019"), ("Smith", None), ("早期乳腺癌试验协作组", None)],
)
def test_group_key(name: str, key: str | None) -> None:
    assert group_key(name) == key


@pytest.mark.parametrize(
    ("a", "b", "low", "high"),
    [
        # a title cut short (subtitle dropped) is the same work, in every caller
        ("Stem cell therapy for ischemic stroke",
         "Stem cell therapy for ischemic stroke: a randomized controlled trial", 95, 95),
        # a short generic title is not "contained" in every longer one
        ("Stroke", "Stroke in young adults: risk factors and outcomes", 0, 40),
        ("干细胞治疗脑卒中的临床研究", "干细胞治疗脑卒中的临床研究", 100, 100),
    ],
)
def test_title_similarity_truncation(a: str, b: str, low: float, high: float) -> None:
    assert low <= title_similarity(a, b) <= high
    assert title_similarity(a, b) == title_similarity(b, a)


@pytest.mark.parametrize(
    ("cited", "recorded", "gap", "within_one"),
    [(2019, 2019, 0, True), (2019, 2020, 1, True), (2017, 2019, 2, False), (None, 2019, None, True)],
)
def test_year_comparison(cited: int | None, recorded: int | None, gap: int | None, within_one: bool) -> None:
    assert year_gap(cited, recorded) == gap
    assert year_matches(cited, recorded) is within_one


@pytest.mark.parametrize(
    ("cited", "recorded", "agree"),
    [("233–241", "233-241", True), ("233-41", "233-241", True), ("233 — 241", "233-241", True),
     ("e1002", "E1002", True), ("234-241", "233-241", False), (None, "233-241", True),
     ("p. 12-19", "12-9", True)],
)
def test_pages_agree(cited: str | None, recorded: str | None, agree: bool) -> None:
    assert pages_agree(cited, recorded) is agree


def test_first_page() -> None:
    assert [first_page(p) for p in ("233–241", "S12-S19", "", None)] == ["233", "S12", None, None]
