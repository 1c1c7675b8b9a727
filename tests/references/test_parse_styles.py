"""One reference per style family → the fields a reader of that style would name (table tests).

The strings are written for these tests from real bibliographic facts (or invented, plausibly, for the
Chinese ones); none comes from the development set in ../shared/refparse.
"""

from __future__ import annotations

import pytest
from auditor.references.parse import parse_reference_text

CASES: list[tuple[str, str, dict[str, object], list[str]]] = [
    ("ama",
     "Marso SP, Daniels GH, Brown-Frandsen K, et al. Liraglutide and cardiovascular outcomes in type 2 "
     "diabetes. N Engl J Med. 2016;375(4):311-322. doi:10.1056/NEJMoa1603827",
     {"year": 2016, "title": "Liraglutide and cardiovascular outcomes in type 2 diabetes",
      "journal": "N Engl J Med", "volume": "375", "issue": "4", "pages": "311-322",
      "doi": "10.1056/nejmoa1603827"},
     ["Marso", "Daniels", "Brown-Frandsen"]),
    ("nature",
     "Marso, S. P. & Daniels, G. H. Liraglutide and cardiovascular outcomes in type 2 diabetes. "
     "N Engl J Med 375, 311–322 (2016).",
     {"year": 2016, "journal": "N Engl J Med", "volume": "375", "pages": "311-322", "issue": None},
     ["Marso", "Daniels"]),
    ("vancouver, year last",
     "Jinek M, Chylinski K, Fonfara I, Hauer M, Doudna JA, Charpentier E. A programmable dual-RNA-guided DNA "
     "endonuclease in adaptive bacterial immunity. Science 337: 816-821, 2012.",
     {"year": 2012, "journal": "Science", "volume": "337", "pages": "816-821"},
     ["Jinek", "Chylinski", "Fonfara", "Hauer", "Doudna", "Charpentier"]),
    ("vancouver, colon and quoted title",
     'Mali P, Yang L, Esvelt KM: "RNA-guided human genome engineering via Cas9" Science 2013; 339:823-826.',
     {"year": 2013, "title": "RNA-guided human genome engineering via Cas9", "journal": "Science",
      "volume": "339", "pages": "823-826"},
     ["Mali", "Yang", "Esvelt"]),
    ("mdpi, compact initials",
     "McMurray, J.J.V.; Solomon, S.D.; Inzucchi, S.E.; Køber, L. Dapagliflozin in Patients with Heart "
     "Failure and Reduced Ejection Fraction. N. Engl. J. Med. 2019, 381, 1995–2008.",
     {"year": 2019, "journal": "N. Engl. J. Med", "volume": "381", "pages": "1995-2008",
      "title": "Dapagliflozin in Patients with Heart Failure and Reduced Ejection Fraction"},
     ["McMurray", "Solomon", "Inzucchi", "Køber"]),
    ("apa",
     "Kahneman, D., & Tversky, A. (1979). Prospect theory: An analysis of decision under risk. "
     "Econometrica, 47(2), 263–291. https://doi.org/10.2307/1914185",
     {"year": 1979, "title": "Prospect theory: An analysis of decision under risk", "journal": "Econometrica",
      "volume": "47", "issue": "2", "pages": "263-291", "doi": "10.2307/1914185"},
     ["Kahneman", "Tversky"]),
    ("harvard",
     "Watson, J.D. and Crick, F.H.C. (1953) ‘Molecular structure of nucleic acids: a structure for "
     "deoxyribose nucleic acid’, Nature, 171(4356), pp. 737–738.",
     {"year": 1953, "journal": "Nature", "volume": "171", "issue": "4356", "pages": "737-738",
      "title": "Molecular structure of nucleic acids: a structure for deoxyribose nucleic acid"},
     ["Watson", "Crick"]),
    ("ieee",
     'C. E. Shannon, "A mathematical theory of communication," Bell Syst. Tech. J., vol. 27, no. 3, '
     "pp. 379–423, Jul. 1948.",
     {"year": 1948, "title": "A mathematical theory of communication", "journal": "Bell Syst. Tech. J",
      "volume": "27", "issue": "3", "pages": "379-423"},
     ["Shannon"]),
    ("elsevier numeric",
     "Y. LeCun, Y. Bengio, G. Hinton, Deep learning, Nature 521 (2015) 436–444.",
     {"year": 2015, "title": "Deep learning", "journal": "Nature", "volume": "521", "pages": "436-444"},
     ["LeCun", "Bengio", "Hinton"]),
    ("title with a question mark",
     "Smith R. Peer review: a flawed process at the heart of science and journals? J R Soc Med. "
     "2006;99(4):178-182.",
     {"year": 2006, "title": "Peer review: a flawed process at the heart of science and journals?",
      "journal": "J R Soc Med", "volume": "99", "issue": "4", "pages": "178-182"},
     ["Smith"]),
    ("doi with a trailing [doi] tag",
     "Begley CG, Ellis LM. Drug development: Raise standards for preclinical cancer research. Nature. "
     "2012;483(7391):531-533. doi: 10.1038/483531a [doi]",
     {"year": 2012, "journal": "Nature", "volume": "483", "issue": "7391", "pages": "531-533",
      "doi": "10.1038/483531a"},
     ["Begley", "Ellis"]),
    ("gb/t 7714 english",
     "SMITH J, JONES K L. Sleep duration and obesity in adolescents[J]. Pediatrics, 2015, 135(2): 301-309.",
     {"year": 2015, "title": "Sleep duration and obesity in adolescents", "journal": "Pediatrics",
      "volume": "135", "issue": "2", "pages": "301-309"},
     ["SMITH", "JONES"]),
    ("gb/t 7714 numeric, chinese",
     "李明, 王芳, 张伟, 等. 城市空气污染与呼吸系统疾病的关联研究[J]. 中华预防医学杂志, 2018, 52(3): 245-250.",
     {"year": 2018, "title": "城市空气污染与呼吸系统疾病的关联研究", "journal": "中华预防医学杂志",
      "volume": "52", "issue": "3", "pages": "245-250", "translated": True},
     ["李", "王", "张"]),
    ("gb/t 7714 full-width punctuation",
     "王强，刘洋．基于深度学习的医学图像分割方法综述［J］．计算机学报，2020，43（5）：889－905．",
     {"year": 2020, "title": "基于深度学习的医学图像分割方法综述", "journal": "计算机学报",
      "volume": "43", "issue": "5", "pages": "889-905"},
     ["王", "刘"]),
    ("gb/t 7714 author-date, chinese",
     "陈华，赵雪，孙立，等，2016. 城市绿地对居民健康的影响[J]. 地理研究，35（4）：712-724.",
     {"year": 2016, "title": "城市绿地对居民健康的影响", "journal": "地理研究", "volume": "35", "issue": "4",
      "pages": "712-724"},
     ["陈", "赵", "孙"]),
    ("chinese note style",
     "费晓明：《乡村治理中的宗族与国家》，载《中国社会科学》1995年第2期，第3-15页。",
     {"year": 1995, "title": "乡村治理中的宗族与国家", "journal": "中国社会科学", "issue": "2",
      "pages": "3-15"},
     ["费"]),
    ("chinese note style without pages",
     "周立：《城市化与社会流动》，《社会学研究》2003年第4期。",
     {"year": 2003, "title": "城市化与社会流动", "journal": "社会学研究", "issue": "4", "pages": None},
     ["周"]),
    ("author-date, english",
     "Tautz D, Arctander P, Minelli A. 2003. A plea for DNA taxonomy. Trends Ecol Evol, 18(2): 70-74.",
     {"year": 2003, "title": "A plea for DNA taxonomy", "journal": "Trends Ecol Evol", "volume": "18",
      "issue": "2", "pages": "70-74"},
     ["Tautz", "Arctander", "Minelli"]),
    ("chicago",
     "Merton, Robert K. “The Matthew Effect in Science.” Science 159, no. 3810 (1968): 56–63.",
     {"year": 1968, "title": "The Matthew Effect in Science", "journal": "Science", "volume": "159",
      "issue": "3810", "pages": "56-63"},
     ["Merton"]),
    ("vancouver, supplement",
     "Brown A, Green B. Vaccine uptake in rural clinics. Vaccine 2010; Suppl 2: 45-52.",
     {"year": 2010, "title": "Vaccine uptake in rural clinics", "journal": "Vaccine", "volume": "2",
      "pages": "45-52"},
     ["Brown", "Green"]),
    ("nature, year only",
     "Lee, K. et al. Sleep spindles and memory consolidation in older adults. Brain (2019).",
     {"year": 2019, "title": "Sleep spindles and memory consolidation in older adults", "journal": "Brain",
      "volume": None, "pages": None},
     ["Lee"]),
    ("harvard with access note",
     "Lee, F.K., Lin, Y.L. and Wang, P.H. (2020) ‘Mesenchymal stem cells and cerebral palsy’, Journal of "
     "the Chinese Medical Association, 83(4), pp. 323–324. Available at: https://doi.org/10.1097/JCMA.0000000000000263"
     " (Accessed: 3 May 2021).",
     {"year": 2020, "journal": "Journal of the Chinese Medical Association", "volume": "83", "issue": "4",
      "pages": "323-324", "doi": "10.1097/jcma.0000000000000263"},
     ["Lee", "Lin", "Wang"]),
    ("ieee, issue range and months",
     'D. Knuth, "Literate programming," Comput. J., vol. 27, no. 2, pp. 97–111, Feb. 1984.',
     {"year": 1984, "title": "Literate programming", "journal": "Comput. J", "volume": "27", "issue": "2",
      "pages": "97-111"},
     ["Knuth"]),
    ("lancet, online note after the pages",
     "Baden LR, El Sahly HM, Essink B, et al. Efficacy and safety of the mRNA-1273 SARS-CoV-2 vaccine. "
     "N Engl J Med 2021; 384: 403–16 (published online Dec 30).",
     {"year": 2021, "journal": "N Engl J Med", "volume": "384", "pages": "403-16"},
     ["Baden", "El Sahly", "Essink"]),
    ("biblatex export, 'In:' before the journal",
     'Love, Michael I, Wolfgang Huber and Simon Anders (2014). "Moderated estimation of fold change and '
     'dispersion for RNA-seq data with DESeq2". In: Genome Biology 15. 12, p. 550.',
     {"year": 2014,
      "title": "Moderated estimation of fold change and dispersion for RNA-seq data with DESeq2",
      "journal": "Genome Biology", "volume": "15", "issue": "12", "pages": "550"},
     ["Love", "Huber", "Anders"]),
    ("elsevier, et al. and a dotted journal after a comma",
     "S.A. Rosenberg, J.C. Yang, et al., Durable complete responses in heavily pretreated patients with "
     "metastatic melanoma, Clin. Cancer Res. 17 (2011) 4550–4557.",
     {"year": 2011, "journal": "Clin. Cancer Res",
      "title": "Durable complete responses in heavily pretreated patients with metastatic melanoma",
      "volume": "17", "pages": "4550-4557"},
     ["Rosenberg", "Yang"]),
    ("elsevier, et al. before a one-word journal",
     "J.A. Thomson, J. Itskovitz-Eldor, et al., Embryonic stem cell lines derived from human blastocysts, "
     "Science 282 (1998) 1145–1147.",
     {"year": 1998, "title": "Embryonic stem cell lines derived from human blastocysts", "journal": "Science",
      "volume": "282", "pages": "1145-1147"},
     ["Thomson", "Itskovitz-Eldor"]),
    ("malformed doi and pmcid after the locator",
     "Ridker, P.M., Everett, B.M. et al. (2017) 'Antiinflammatory therapy with canakinumab for "
     "atherosclerotic disease', New England Journal of Medicine, 377(12), pp. 1119–1131. "
     "doi:10.1O56/NEJMoa1707914. "
     "PMCID: PMC12x45.",
     {"year": 2017, "journal": "New England Journal of Medicine", "volume": "377", "issue": "12",
      "pages": "1119-1131", "doi": None, "pmcid": None},
     ["Ridker", "Everett"]),
    ("a doi written with a comma, and a ten-digit pmid",
     "Jinek, M. et al. A programmable dual-RNA-guided DNA endonuclease in adaptive bacterial immunity. "
     "*Science* **337**, 816–821 (2012). doi: 10,1126/science.1225829. PMID: 2274516400.",
     {"year": 2012, "journal": "Science", "volume": "337", "pages": "816-821", "doi": None},
     ["Jinek"]),
    ("chinese note style, a name transliterated with the original",
     "愛德華·詹納（Edward Jenner）：〈An inquiry into the causes and effects of the variolae vaccinae〉，"
     "載《The London Medical Journal》1799年第10卷，第1-10頁。",
     {"year": 1799, "title": "An inquiry into the causes and effects of the variolae vaccinae",
      "journal": "The London Medical Journal"},
     ["Jenner"]),
    ("markdown emphasis",
     "Hochreiter S, Schmidhuber J. Long short-term memory. *Neural Comput*. 1997;9(8):1735-1780.",
     {"year": 1997, "title": "Long short-term memory", "journal": "Neural Comput", "volume": "9",
      "issue": "8", "pages": "1735-1780"},
     ["Hochreiter", "Schmidhuber"]),
    ("markdown link around the entry",
     "[Baker M. 1,500 scientists lift the lid on reproducibility. Nature 533, 452–454 (2016).]"
     "(https://doi.org/10.1038/533452a)",
     {"year": 2016, "title": "1,500 scientists lift the lid on reproducibility", "journal": "Nature",
      "volume": "533", "pages": "452-454", "doi": "10.1038/533452a"},
     ["Baker"]),
]


@pytest.mark.parametrize(("style", "text", "expected", "surnames"), CASES, ids=[c[0] for c in CASES])
def test_style_fields(style: str, text: str, expected: dict[str, object], surnames: list[str]) -> None:
    parsed = parse_reference_text(text)
    got = {field: getattr(parsed, field) for field in expected}
    if got.get("pages"):
        got["pages"] = str(got["pages"]).replace("–", "-")
    assert got == expected
    assert [a.family for a in parsed.authors] == surnames


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("GBD 2019 Risk Factors Collaborators. Global burden of 87 risk factors in 204 countries and "
         "territories, 1990-2019. Lancet. 2020;396(10258):1223-1249.", "GBD 2019 Risk Factors Collaborators"),
        ("RECOVERY Collaborative Group. (2021). Dexamethasone in hospitalized patients with Covid-19. New "
         "England Journal of Medicine, 384(8), 693–704.", "RECOVERY Collaborative Group"),
        ("SPRINT Research Team (2015) 'A randomized trial of intensive versus standard blood-pressure "
         "control', N Engl J Med, 373(22), pp. 2103–2116.", "SPRINT Research Team"),
        ("中华医学会呼吸病学分会. 咳嗽的诊断与治疗指南[J]. 中华结核和呼吸杂志, 2016, 39(5): 323-354.",
         "中华医学会呼吸病学分会"),
    ],
)
def test_group_authors(text: str, group: str) -> None:
    parsed = parse_reference_text(text)
    assert [(a.family, a.collective) for a in parsed.authors] == [(group, True)]
    assert parsed.journal and parsed.volume and parsed.title


def test_a_title_word_is_no_group_author() -> None:
    text = "Smith J, Social network analysis of clinics, Health Policy, 2019, 12(3): 1-9."
    parsed = parse_reference_text(text)
    assert "Social network analysis of clinics" not in [a.family for a in parsed.authors]


@pytest.mark.parametrize(
    "text",
    [
        "费晓明. 乡村社会的变迁[M]. 北京: 人民出版社, 2012: 25-30.",
        "张明. 基于图像的细胞计数方法研究[D]. 上海: 复旦大学, 2019.",
        "Kahneman D. Thinking, fast and slow. New York: Farrar, Straus and Giroux; 2011.",
        "Lee K. The effects of light on sleep. Thesis, University of Leeds; 2015.",
        "吳明哲，2010，《統計方法入門》，台北：五南圖書。",
        # an erratum notice after the reference does not lend it its volume and pages
        "Lander ES, Linton LM, Birren B, et al. Initial sequencing and analysis of the human genome. Nature. "
        "2001;409(6822):860-921. Erratum in: Nature 2001;412(6846):565.",
    ],
)
def test_books_and_theses_have_no_journal(text: str) -> None:
    parsed = parse_reference_text(text)
    if "Erratum" in text:
        assert (parsed.journal, parsed.volume, parsed.pages) == ("Nature", "409", "860-921")
    else:
        assert parsed.journal is None and parsed.volume is None and parsed.year is not None


@pytest.mark.parametrize(
    ("text", "doi", "pmid"),
    [
        ("Begley CG, Ellis LM. Raise standards. Nature. 2012;483:531-3. doi:10.1038/483531a.pmid:22460880",
         "10.1038/483531a", "22460880"),
        ("Begley CG, Ellis LM. Raise standards. Nature. 2012;483:531-3. 10.1038/483531a [doi]",
         "10.1038/483531a", None),
        ("Begley CG, Ellis LM. Raise standards. Nature. 2012;483:531-3. doi: 10. 1038/483531a",
         "10.1038/483531a", None),
        ("Begley CG, Ellis LM. Raise standards. Nature. 2012;483:531-3. https://doi.org/10.1038/483531a.",
         "10.1038/483531a", None),
    ],
)
def test_doi_variants(text: str, doi: str, pmid: str | None) -> None:
    parsed = parse_reference_text(text)
    assert (parsed.doi, parsed.pmid, parsed.journal, parsed.volume) == (doi, pmid, "Nature", "483")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a first page is not a volume when nothing says which is which
        ("Brown A. Notes on cells. Cell Rep. 45-67.", ("volume",)),
        # no author list can be told apart: no title is guessed
        ("Notes on a theme without authors, Journal of Things, 12", ("title", "authors")),
        # a bare number with no year anywhere is no locator
        ("Smith J. A title. Some Journal, 12", ("volume", "pages")),
    ],
)
def test_unsure_fields_stay_empty(text: str, absent: tuple[str, ...]) -> None:
    parsed = parse_reference_text(text)
    for field in absent:
        assert getattr(parsed, field) in (None, []), field
