"""Named studies: the search built from the sentence, which candidate is the study, the resolver
and M412/M413 (warnings, never fabrication). Real works: Takahashi & Yamanaka, Cell 2006 (Kyoto
University); Pagliuca et al., Cell 2014 (Harvard University)."""

from __future__ import annotations

import pytest
from auditor.claims.extract import extract_claims
from auditor.claims.models import ClaimKind, Document
from auditor.references.models import Author, Record
from auditor.references.sources.fake import InMemorySource
from known_records import TAKAHASHI_2006

from auditor.checks.metadata_existence import possibly_fabricated
from auditor.checks.metadata_studies import named_study_lookups
from auditor.checks.registry import CheckContext
from auditor.models import Severity
from auditor.named_studies import chinese_topics, english_institution, is_the_study, on_topic, study_search
from auditor.resolve import DocumentInputs, Resolver
from auditor.sources import SourceSet

IPS = TAKAHASHI_2006
BETA = Record(
    source="pubmed",
    id="25303535",
    pmid="25303535",
    doi="10.1016/j.cell.2014.09.040",
    title="Generation of functional human pancreatic β cells in vitro.",
    authors=[Author(family="Pagliuca", given="FW"), Author(family="Melton", given="DA")],
    year=2014,
    journal="Cell",
    journal_abbrev="Cell",
    volume="159",
    pages="428-39",
)
ZH = "2006年，日本京都大学的研究团队在《Cell》发表研究，用四个因子把小鼠成纤维细胞变成了诱导多能干细胞。"
ZH_HANT = "2006年，日本京都大學的研究團隊在《Cell》發表研究，用四個因子把小鼠成纖維細胞變成了誘導多能幹細胞。"
EN = "In 2014, a team at Harvard University reported in Cell that pancreatic beta cells were made in vitro."


def _study(text: str):  # type: ignore[no-untyped-def]
    document = Document.from_text(text)
    claims = extract_claims(document)
    return document, claims, next(c for c in claims if c.kind is ClaimKind.NAMED_STUDY)


@pytest.mark.parametrize("text", [ZH, ZH_HANT])
def test_chinese_sentence_gives_institution_journal_year_and_topic(text: str) -> None:
    _, _, claim = _study(text)
    search = study_search(claim, text)
    assert search is not None
    assert search.query.affiliation == "Kyoto University" and search.query.journal == "Cell"
    assert search.query.year == 2006 and "pluripotent" in search.query.topic


@pytest.mark.parametrize(
    ("name", "english"),
    [
        ("美国加州大学洛杉矶分校(UCLA)", "University of California, Los Angeles"),
        ("美國加州大學洛杉磯分校", "University of California, Los Angeles"),
        ("某某生物研究院(XBRI)", "XBRI"),  # unknown name: the acronym the text gives
        ("某某生物研究院", None),
        ("Harvard University", "Harvard University"),
    ],
)
def test_english_institution(name: str, english: str | None) -> None:
    assert english_institution(name) == english


def test_topic_table_translates_longest_terms_first() -> None:
    assert chinese_topics("间充质干细胞外泌体改善缺血性脑卒中") == [
        ("mesenchymal",),
        ("exosome", "exosomes", "extracellular vesicles"),
        ("ischemic stroke",),
    ]


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (IPS, True),
        (IPS.model_copy(update={"year": 2007}), True),  # online-first: ±1
        (IPS.model_copy(update={"year": 2009}), False),
        (IPS.model_copy(update={"journal": "Cell Stem Cell", "journal_abbrev": "Cell Stem Cell"}), False),
        (BETA.model_copy(update={"year": 2006}), False),  # same journal and year, other topic
    ],
)
def test_a_candidate_must_agree_on_journal_year_and_topic(record: Record, expected: bool) -> None:
    _, _, claim = _study(ZH)
    search = study_search(claim, ZH)
    assert search is not None and is_the_study(search, record) is expected


def _audit(text: str, pubmed: InMemorySource, crossref: InMemorySource) -> CheckContext:
    document, claims, _ = _study(text)
    (res,) = Resolver(SourceSet(pubmed=pubmed, crossref=crossref)).resolve(
        [DocumentInputs(document, tuple(claims), (), {})]
    )
    return CheckContext(
        document=document,
        claims=tuple(claims),
        references=(),
        resolutions=res.resolutions,
        lookups=res.lookups,
        online=True,
    )


def test_named_study_found_is_not_flagged_and_its_year_is_compared() -> None:
    found = _audit(EN, InMemorySource("pubmed", search_index=[BETA]), InMemorySource("crossref"))
    assert list(named_study_lookups(found)) == []
    wrong_year = EN.replace("2014", "2015")
    (finding,) = named_study_lookups(
        _audit(wrong_year, InMemorySource("pubmed", search_index=[BETA]), InMemorySource("crossref"))
    )
    assert finding.code == "M413" and "2014" in finding.message


def test_no_matching_study_is_a_warning_never_fabrication() -> None:
    ctx = _audit(ZH, InMemorySource("pubmed", search_index=[BETA]), InMemorySource("crossref"))
    (finding,) = named_study_lookups(ctx)
    assert finding.code == "M412" and finding.severity is Severity.WARNING
    assert "No matching study was found" in finding.message
    assert list(possibly_fabricated(ctx)) == []


def test_a_failed_search_leaves_the_study_unverifiable() -> None:
    ctx = _audit(ZH, InMemorySource("pubmed", search_fails=True), InMemorySource("crossref"))
    assert list(named_study_lookups(ctx)) == []
    assert next(iter(ctx.resolutions.values())).status == "unverifiable"


_EDITING_ZH = "某大学的团队在《自然》报告了基因编辑的新方法。"
_GENOME_TITLE = "Initial sequencing and analysis of the human genome"


@pytest.mark.parametrize(
    ("sentence", "title", "expected"),
    [
        # an English sentence: its distinctive words, less the institution and journal
        ("Scientists at Harvard University described in Nature the editing of one base in genomic DNA.",
         "Programmable editing of a target base in genomic DNA", True),
        ("Scientists at Harvard University described in Nature the editing of one base in genomic DNA.",
         _GENOME_TITLE, False),
        # a Chinese sentence: the concepts of the term table
        (_EDITING_ZH, "Multiplex genome engineering using CRISPR/Cas systems", True),
        (_EDITING_ZH, _GENOME_TITLE, False),
        # cannot be told: no concept known, a Chinese title, no title
        ("某大学的团队在《自然》发表研究，描述了一种新方法。", _GENOME_TITLE, None),
        (_EDITING_ZH, "基因编辑技术的进展", None),
        ("Scientists at Harvard University described in Nature a new method.", None, None),
    ],
)
def test_on_topic(sentence: str, title: str | None, expected: bool | None) -> None:
    assert on_topic(sentence, "Harvard University Nature", title) is expected
