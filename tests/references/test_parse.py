"""Parsing reference entries in every layout we meet, and splitting lists into entries."""

from __future__ import annotations

from pathlib import Path

import pytest
from auditor.claims.models import Document
from auditor.references.parse import parse_reference_list, parse_reference_text
from auditor.references.refstring.authors import read_authors
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import needs_seeds, seed_paths

APA_ZH = ("(1) Wang, L.、Chen, MA、Kang, D.-K. 和 Zhou, W. (2014)。 干细胞能否到达大脑? 干细胞国际。"
          "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1234567/。")
PUBMED_STYLE = ("Zhao P;Qian LS;Moreau Y;Ulrich H; (nd). 间充质干细胞归巢的方法。分子生物学方法(纽约)。"
                "https://pubmed.ncbi.nlm.nih.gov/29990001/。")
APA_ZH_DATE = ("Trent, A.(2010 年，5 月 12 日)。 干细胞治疗的新视角。BMC医药。"
               "https://pmc.ncbi.nlm.nih.gov/articles/PMC2000001/。")
APA_ZH_ELIDED = ("Torres Garcia, A.、Bell, C.、… Bieback, K.(2017 年,6 月 15 日)。 "
                 "肾损伤的干细胞治疗。医学前沿。"
                 "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC6000001/。")
APA_RETRIEVED = ("Pappas, P., Kasis, I., . . . D. Karlsson(2019 年，11 月 30 日)。干细胞移植的有益作用。"
                 "2021 年 2 月 23 日检索自 https://academic.example.com/brain/article/1/2/3")
APA_EN = ("Kim, S., Chang, K.-A., Kim, J. a., Ra, JC, & Suh, Y.-H. (2011). "
          "Effects of adipose stem cells in mice. "
          "PLoS ONE, 6(9), e45001. https://doi.org/10.1371/journal.pone.0045001")
APA_EN_RETRIEVED = ("Brown, T. (2020). A long essay on cells. Retrieved March 3, 2021, from "
                    "https://example.org/essay")
MDPI = ("Honda, K.; Kawa, M.; Fuji, M. Intra-Arterial Delivery of Cells for Brain Disease. "
        "Int. J. Mol. Sci. 2024, 25, 7001. https://doi.org/10.3390/ijms25157001")
MDPI_SPACED = ("Akhmet, E.; Shul, I.; Rizvan, A. 间充质干细胞的旧问题与新机遇。Biologics 2024 , 4 , 21. "
               "https://doi.org/10.3390/biologics4040021")
GBT_ZH = "王明,李华,欧阳修远,等.脂肪间充质干细胞治疗脑瘫的研究进展[J].某医学院学报,2020,40(05):101-106."
GBT_EN = ("Shi Ming, Zhang Pu, Jie Xiao-su. Acupuncture with stem cell transplantation in rats[J]. "
          "Chinese Journal of Tissue Engineering Research, 2015, 19(12): 1789-1795.")
WEBSITE = ("Lee, Fa-Kunga; Lin, Yu-Lanb; Wang, Peng-Huic,d,e,*. Stem cells and palsy. "
           "Journal of the Chinese Medical Association 82(3):p 123-124, March 2019. "
           "| DOI: 10.1097/JCMA.0000000000000001")
VANCOUVER = ("Smith J, Lee K. A randomised trial of cells. N Engl J Med. 2019;380(3):211-20. "
             "doi:10.1056/NEJMoa1900001")
HARVARD = "Smith, J. and Lee, K. (2018) 'Title here', Journal of Stuff, 12(3), pp. 45-67."
VANCOUVER_NO_DOT = ("Wang X, Li Y, Zhou Z, et al. Effect of cells on stroke. Stem Cell Res Ther 2021;12:45. "
                    "doi: 10.1186/s13287-021-00001-1")
GBT_PLAIN_ZH = "陈明，王芳。干细胞研究进展。中国组织工程研究，2019，23（5）：801-806。"
GBT_PLAIN_EN = "Smith J, Lee K. A title. Journal of Stuff, 2017, 12(3): 45-67."
GBT_OL = ("张三,李四.标题研究[J/OL].中华医学杂志,2020,100(1):1-5. "
          "DOI:10.3760/cma.j.issn.0376-2491.2020.01.001.")
VANCOUVER_PMID = "Smith J, Lee K. Title. Stroke. 2011 Mar;42(3):e1-e5. PMID: 30100001"


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (HARVARD, {"year": 2018, "title": "Title here", "journal": "Journal of Stuff", "pages": "45-67"}),
        (VANCOUVER_NO_DOT, {"year": 2021, "journal": "Stem Cell Res Ther", "volume": "12", "pages": "45",
                            "title": "Effect of cells on stroke", "doi": "10.1186/s13287-021-00001-1"}),
        (GBT_PLAIN_ZH, {"year": 2019, "journal": "中国组织工程研究", "volume": "23", "issue": "5",
                        "pages": "801-806", "title": "干细胞研究进展", "translated": True}),
        (GBT_PLAIN_EN, {"year": 2017, "journal": "Journal of Stuff", "issue": "3", "title": "A title"}),
        (GBT_OL, {"year": 2020, "journal": "中华医学杂志", "volume": "100",
                  "doi": "10.3760/cma.j.issn.0376-2491.2020.01.001"}),
        ("张三,李四. 标题研究. 《中华医学杂志》, 2019, 12(3): 1-5.",
         {"year": 2019, "journal": "中华医学杂志"}),
        (VANCOUVER_PMID, {"year": 2011, "journal": "Stroke", "pages": "e1-e5", "pmid": "30100001"}),
        ("Hess DC, Wechsler LR. Stroke trials (2015-2019): a review. Lancet Neurol. 2020;19(5):360-8.",
         {"year": 2020, "title": "Stroke trials (2015-2019): a review", "journal": "Lancet Neurol"}),
        ("Smith, J., & Lee, K. (2019). Trends 2000;2010 in cells. Cell, 12(3), 1-10.",
         {"year": 2019, "title": "Trends 2000;2010 in cells", "journal": "Cell", "volume": "12"}),
    ],
)
def test_more_layouts(entry: str, expected: dict[str, object]) -> None:
    parsed = parse_reference_text(entry)
    assert {field: getattr(parsed, field) for field in expected} == expected
    assert len(parsed.authors) >= 2


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (APA_ZH, {"year": 2014, "title": "干细胞能否到达大脑?", "journal": "干细胞国际",
                  "pmcid": "PMC1234567",
                  "translated": True}),
        (PUBMED_STYLE, {"year": None, "title": "间充质干细胞归巢的方法", "journal": "分子生物学方法(纽约)",
                        "pmid": "29990001", "translated": True}),
        (APA_ZH_DATE, {"year": 2010, "journal": "BMC医药", "pmcid": "PMC2000001"}),
        (APA_ZH_ELIDED, {"year": 2017, "journal": "医学前沿", "pmcid": "PMC6000001"}),
        (APA_RETRIEVED, {"year": 2019, "title": "干细胞移植的有益作用", "journal": None,
                         "url": "https://academic.example.com/brain/article/1/2/3"}),
        (APA_EN, {"year": 2011, "title": "Effects of adipose stem cells in mice", "journal": "PLoS ONE",
                  "volume": "6", "issue": "9", "pages": "e45001", "doi": "10.1371/journal.pone.0045001",
                  "translated": False}),
        (APA_EN_RETRIEVED, {"year": 2020, "title": "A long essay on cells", "journal": None}),
        (MDPI, {"year": 2024, "volume": "25", "pages": "7001", "journal": "Int. J. Mol. Sci",
                "title": "Intra-Arterial Delivery of Cells for Brain Disease",
                "doi": "10.3390/ijms25157001"}),
        (MDPI_SPACED, {"year": 2024, "volume": "4", "pages": "21", "journal": "Biologics",
                       "translated": True}),
        (GBT_ZH, {"year": 2020, "volume": "40", "issue": "05", "pages": "101-106", "journal": "某医学院学报",
                  "title": "脂肪间充质干细胞治疗脑瘫的研究进展", "translated": True}),
        (GBT_EN, {"year": 2015, "volume": "19", "issue": "12", "pages": "1789-1795",
                  "journal": "Chinese Journal of Tissue Engineering Research", "translated": False}),
        (WEBSITE, {"year": 2019, "volume": "82", "issue": "3", "pages": "123-124",
                   "title": "Stem cells and palsy", "journal": "Journal of the Chinese Medical Association",
                   "doi": "10.1097/jcma.0000000000000001"}),
        (VANCOUVER, {"year": 2019, "volume": "380", "issue": "3", "pages": "211-20",
                     "journal": "N Engl J Med",
                     "title": "A randomised trial of cells", "doi": "10.1056/nejmoa1900001"}),
    ],
)
def test_parse_reference_text_fields(entry: str, expected: dict[str, object]) -> None:
    parsed = parse_reference_text(entry)
    for field, value in expected.items():
        assert getattr(parsed, field) == value, field


@pytest.mark.parametrize(
    ("entry", "authors"),
    [
        (APA_ZH, [("Wang", "L"), ("Chen", "MA"), ("Kang", "D.-K"), ("Zhou", "W")]),
        (PUBMED_STYLE, [("Zhao", "P"), ("Qian", "LS"), ("Moreau", "Y"), ("Ulrich", "H")]),
        (APA_ZH_ELIDED, [("Torres Garcia", "A"), ("Bell", "C"), ("Bieback", "K")]),
        (APA_RETRIEVED, [("Pappas", "P"), ("Kasis", "I"), ("Karlsson", "D")]),
        (APA_EN, [("Kim", "S"), ("Chang", "K.-A"), ("Kim", "J. a"), ("Ra", "JC"), ("Suh", "Y.-H")]),
        (MDPI, [("Honda", "K"), ("Kawa", "M"), ("Fuji", "M")]),
        (GBT_ZH, [("王", "明"), ("李", "华"), ("欧阳", "修远")]),
        (GBT_EN, [("Shi", "Ming"), ("Zhang", "Pu"), ("Jie", "Xiao-su")]),
        (WEBSITE, [("Lee", "Fa-Kung"), ("Lin", "Yu-Lan"), ("Wang", "Peng-Hui")]),
        (VANCOUVER, [("Smith", "J"), ("Lee", "K")]),
        ("[1] Hess D C, Wechsler L R, Clark W M, et al. A phase 2 trial[J]. The Lancet Neurology, 2017, "
         "16(5): 360-368.", [("Hess", "D C"), ("Wechsler", "L R"), ("Clark", "W M")]),
        ("Obokata H, Vacanti M. P., Niwa H. Fate conversion. Nature. 2014;505(7485):641-7.",
         [("Obokata", "H"), ("Vacanti", "M. P"), ("Niwa", "H")]),
    ],
)
def test_parse_reference_text_authors(entry: str, authors: list[tuple[str, str]]) -> None:
    parsed = parse_reference_text(entry)
    assert [(a.family, a.given) for a in parsed.authors] == authors


@pytest.mark.parametrize(
    ("text", "families"),
    [
        ("Mira, Ana; Lopez, Juan", ["Mira", "Lopez"]),  # trailing a/b not a run a, b → kept
        ("Costa, Maria; Silva, Joana", ["Costa", "Silva"]),
        ("某某研究所", ["某某研究所"]),
    ],
)
def test_affiliation_letters_are_stripped_conservatively(text: str, families: list[str]) -> None:
    authors = read_authors(text) or []
    assert [a.family for a in authors] == families
    assert [a.given for a in authors][:2] in (["Ana", "Juan"], ["Maria", "Joana"], [""])


def test_group_author_is_collective() -> None:
    assert (read_authors("洛杉矶某某干细胞中心") or [])[0].collective is True


def test_entry_without_structure_keeps_identifiers() -> None:
    parsed = parse_reference_text("[3] See https://clinicaltrials.gov/study/NCT01234567 (accessed 2022)")
    assert parsed.nct == "NCT01234567" and parsed.year == 2022 and parsed.title is None


def test_reference_list_splits_numbered_entries_with_continuations() -> None:
    text = ("Body [1][2].\n\nReferences\n[1] Smith J, Lee K. A trial. Lancet. 2019;1(1):1-2.\n"
            "   https://doi.org/10.1000/abc\n[2] Brown A, Green B. Another. BMJ. 2020;2(2):3-4.\n"
            "Copyright 2024.\n")
    refs = parse_reference_list(Document.from_text(text))
    assert [(r.id, r.label) for r in refs] == [("r1", "1"), ("r2", "2")]
    assert refs[0].parsed.doi == "10.1000/abc"
    assert all(r.span is not None and text[r.span.start:r.span.end] == r.text for r in refs)
    assert refs[1].span is not None and refs[1].span.line == 6


def test_reference_list_unnumbered_one_per_paragraph() -> None:
    text = f"正文。\n\n参考资料:\n\n{GBT_ZH}\n\n{GBT_EN}\n\n免责说明:本文仅用于传播科普知识。\n"
    refs = parse_reference_list(Document.from_text(text))
    assert [r.label for r in refs] == [None, None]
    assert refs[0].parsed.journal == "某医学院学报" and refs[1].parsed.year == 2015


def test_no_reference_list() -> None:
    assert parse_reference_list(Document.from_text("没有参考文献的短文。\n1. 第一点。\n2. 第二点。\n")) == []


HOSTILE = ["(" * 200_000, "Smith, " * 30_000, "10.1000/" + "a" * 200_000, "2020, 1(" * 25_000, "A; " * 70_000,
           ". " * 100_000, "Smith J. " * 22_000, "“a b " * 40_000, "《" * 100_000 + "》" * 100_000,
           "J. " * 70_000, "第1期" * 70_000, "[a](http://" * 20_000, "[" * 200_000, "检索自" * 70_000,
           "Smith, J., " * 20_000]


@pytest.mark.parametrize("entry", HOSTILE, ids=[h[:8] for h in HOSTILE])
def test_hostile_entry_work_is_bounded(entry: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 200 KB entry completes, and the work done on it is bounded by the entry cap, not its length."""
    from auditor.references.refstring import entry as entry_module
    from auditor.references.refstring import head as head_module

    read_chars: list[int] = []
    tokenized: list[int] = []
    real_read, real_tokenize = head_module.read_authors, entry_module.tokenize

    def counting_read(text: str, **kwargs: bool):  # type: ignore[no-untyped-def]
        read_chars.append(len(text))
        return real_read(text, **kwargs)

    def counting_tokenize(text: str):  # type: ignore[no-untyped-def]
        tokenized.append(len(text))
        return real_tokenize(text)

    monkeypatch.setattr(head_module, "read_authors", counting_read)
    monkeypatch.setattr(entry_module, "tokenize", counting_tokenize)
    parse_reference_text(entry)
    assert sum(tokenized) <= 2 * entry_module.MAX_CHARS
    assert len(read_chars) <= 2 * (head_module.MAX_BOUNDARIES + 3)
    assert sum(read_chars) <= 2 * (head_module.MAX_BOUNDARIES + 3) * entry_module.MAX_CHARS


SEED_COUNTS = {"000": 11, "001": 1, "002": 3, "003": 1, "004": 0}


def _seed(prefix: str) -> Document:
    path = next(p for p in seed_paths() if p.name.startswith(prefix))
    return Document.from_text(Path(path).read_text(encoding="utf-8"), path=str(path))


@needs_seeds
@pytest.mark.parametrize(("prefix", "count"), sorted(SEED_COUNTS.items()))
def test_seed_entry_counts(prefix: str, count: int) -> None:
    assert len(parse_reference_list(_seed(prefix))) == count


@needs_seeds
def test_seed_key_fields() -> None:
    first = parse_reference_list(_seed("000"))[0].parsed
    assert first.pmcid == "PMC3753739" and first.year == 2013 and first.authors[0].family == "Liu"
    assert parse_reference_list(_seed("001"))[0].parsed.doi == "10.3390/ijms26157405"
    gbt = parse_reference_list(_seed("002"))[0].parsed
    assert (gbt.year, gbt.volume, gbt.issue, gbt.pages) == (2021, "41", "06", "628-632")
    assert parse_reference_list(_seed("003"))[0].parsed.doi == "10.3390/biologics5040037"


@needs_seeds
def test_seed_more_fields() -> None:
    apa = parse_reference_list(_seed("000"))
    assert apa[1].parsed.pmid == "30196403" and apa[1].parsed.year is None  # "(nd)"
    assert apa[9].parsed.doi == "10.1002/sctm.18-0024"  # from a publisher /doi/full/ URL
    assert all(r.parsed.translated for r in apa)
    assert [r.label for r in apa] == [str(n) for n in range(1, 12)]
    website, gbt_en = parse_reference_list(_seed("002"))[1:]
    assert [a.family for a in website.parsed.authors] == ["Lee", "Lin", "Wang"]
    assert (website.parsed.volume, website.parsed.issue, website.parsed.year) == ("83", "4", 2020)
    assert gbt_en.parsed.authors[0].family == "Shi" and gbt_en.parsed.translated is False
    mdpi = parse_reference_list(_seed("001"))[0].parsed
    assert (mdpi.year, mdpi.volume, mdpi.pages) == (2025, "26", "7405")


def test_wrapped_lines_join_their_entry() -> None:
    text = ("正文。\n\nReferences\n[1] Smith J, Lee K. A very long title that wraps\n"
            "onto the next line without any year in it\n"
            "[2] Brown A. Another. BMJ. 2020;2(2):3-4.\n\n"
            "Wang X, Li Y. Unnumbered is not mixed in. Lancet. 2019;1:1-2.\n")
    refs = parse_reference_list(Document.from_text(text))
    assert [r.label for r in refs] == ["1", "2", None]
    assert refs[0].text.endswith("without any year in it")
    assert refs[1].text.endswith("3-4.") and refs[2].parsed.authors[0].family == "Wang"


@pytest.mark.parametrize(
    ("body", "count"),
    [
        # blank-line separated paragraphs: a wrapped line (no final stop) joins its entry
        ("Smith J, Lee K. A title that\nwraps. Lancet. 2019;1:1-2.\n\nBrown A. B. BMJ. 2020;2:3-4.\n", 2),
        # a finished line followed directly by another entry stays separate
        ("Smith J. A. Lancet. 2019;1:1-2.\nLee K. B. BMJ. 2020;2:3-4.\n\nBrown A. C. BMJ. 2021;2:3-4.\n", 3),
        # no blank lines at all: one entry per line
        ("Smith J. A. Lancet. 2019;1:1-2.\nLee K. B. BMJ. 2020;2:3-4.\n", 2),
    ],
)
def test_unnumbered_entries(body: str, count: int) -> None:
    assert len(parse_reference_list(Document.from_text("Body.\n\nReferences\n\n" + body))) == count


_ENTRY_ALPHABET = st.sampled_from(list("([{1.;,、。 )]}年nd:-/Jp\n参考文献References20190aA&等 "))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_ENTRY_ALPHABET, max_size=300))
def test_any_text_parses_without_error(text: str) -> None:
    document = Document.from_text("Body.\nReferences\n" + text)
    for ref in parse_reference_list(document):
        assert ref.span is not None and document.text[ref.span.start:ref.span.end] == ref.text
    parse_reference_text(text)


@pytest.mark.parametrize(
    ("label_text", "label"),
    [("(3) ", "3"), ("[3] ", "3"), ("[3]:", "3"), ("3. ", "3"), ("3) ", "3"), ("3、", "3"), ("［3］", "3"),
     ("（3）", "3")],
)
def test_entry_labels(label_text: str, label: str) -> None:
    text = f"正文。\n参考文献：\n{label_text}王明,李华.研究进展[J].某学报,2020,40(5):1-5.\n"
    refs = parse_reference_list(Document.from_text(text))
    assert [(r.label, r.parsed.year, r.parsed.authors[0].family) for r in refs] == [(label, 2020, "王")]


def test_decimal_number_is_not_a_label() -> None:
    text = "Body.\nReferences\n2.5 Smith J, Lee K. A trial. Lancet. 2019;1(1):1-2.\n"
    assert [r.label for r in parse_reference_list(Document.from_text(text))] == [None]
