"""Journal names: the Chinese term table, OpenCC, acronyms and venue short names (table tests)."""

from __future__ import annotations

import pytest
from auditor.references.models import Record

from auditor.journal_names import journal_agrees, journal_terms, simplified, venue_short_names


def _record(journal: str, abbrev: str | None = None) -> Record:
    return Record(source="crossref", id="x", journal=journal, journal_abbrev=abbrev)


@pytest.mark.parametrize(
    ("cited", "journal", "abbrev", "expected"),
    [
        ("BMC医药", "BMC Medicine", "BMC Med", True),
        ("BMC醫藥", "BMC Medicine", "BMC Med", True),
        ("细胞通信和信令:CCS", "Cell Communication and Signaling", "Cell Commun Signal", True),
        ("細胞通信和信令", "Cell communication and signaling : CCS", "Cell Commun Signal", True),
        ("分子医学报告", "Molecular Medicine Reports", None, True),  # word by word, not in the name table
        ("臨床免疫學", "Clinical Immunology", None, True),
        ("干细胞研究与治疗", "Stem Cell Research & Therapy", None, True),
        # a Chinese name the words do not cover is undecided, never a mismatch
        ("BMC医药", "BMC Genomics", None, None),
        ("临床免疫学", "Clinical and Experimental Immunology", None, None),
        ("中华医学杂志", "Zhonghua yi xue za zhi", None, None),
        ("MNRAS", "Monthly Notices of the Royal Astronomical Society", "Mon Not R Astron Soc", True),
        ("NEJM", "New England Journal of Medicine", None, True),
        ("Appl Phys Lett", "Applied Physics Letters", None, True),
        ("Biotechnol Bioeng", "Biotechnology and Bioengineering", None, True),
        ("NeurIPS", "Advances in Neural Information Processing Systems", None, True),
        ("Proc. CVPR 2019", "2019 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)",
         None, True),
        ("ICML 2019", "Proceedings of the 36th International Conference on Machine Learning", None, True),
        ("Cognition & Emotion", "Cognition and Emotion", None, True),
        # other journals stay other journals
        ("JAMA", "JAMA Network Open", None, False),
        ("Cell", "Cell Reports", None, False),
        ("Nature", "Nature Medicine", None, False),
        ("ICML", "Nature", None, False),
        ("PRL", "Physical Review B", None, False),
    ],
)
def test_journal_agrees(cited: str, journal: str, abbrev: str | None, expected: bool | None) -> None:
    assert journal_agrees(cited, _record(journal, abbrev)) is expected


def test_traditional_characters_are_simplified_by_opencc() -> None:
    assert simplified("細胞通信和信令 幹細胞國際 醫藥") == "细胞通信和信令 干细胞国际 医药"


def test_term_table_is_simplified_chinese_to_english_words() -> None:
    terms = journal_terms()
    assert terms["信令"] == ["Signaling", "Signalling"] and terms["医药"][0] == "Medicine"
    assert all(simplified(term) == term for term in terms)  # traditional input goes through OpenCC
    assert all(isinstance(words, list) and all(w.isascii() for w in words) for words in terms.values())


def test_venue_table_keys_are_short_names() -> None:
    table = venue_short_names()
    assert "neurips" in table and all(len(k) <= 8 for k in table)
