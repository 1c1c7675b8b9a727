"""Surname keys, title similarity, journal names (abbreviations, translations), years, first authors."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from references.matching import (
    author_surname_key,
    first_author_matches,
    journal_matches,
    journal_translations,
    surname_key,
    title_similarity,
    translate_journal,
    year_matches,
)
from references.models import Author, Record


@pytest.mark.parametrize(
    ("name", "key"),
    [("Macêdo", "macedo"), ("Müller", "muller"), ("O'Brien", "obrien"), ("Monzon-Posadas", "monzonposadas"),
     ("Torres Crigna", "torrescrigna"), ("LIU", "liu"), ("胡", "胡")],
)
def test_surname_key(name: str, key: str) -> None:
    assert surname_key(name) == key
    assert author_surname_key(Author(family=name)) == key


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
    path = resources.files("references").joinpath("data/journal_translations.json")
    raw = json.loads(path.read_text("utf-8"))["journals"]
    assert journal_translations() == {zh: names[0] for zh, names in raw.items()}
    for zh, names in raw.items():
        assert any("\u4e00" <= ch <= "\u9fff" for ch in zh), zh
        assert len(names) == 2 and all(names), zh
        assert journal_matches(names[1], names[0]), (names[1], names[0])


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
