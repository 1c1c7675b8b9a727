"""Pure tests of the response parsers: tables of body → facts, and adversarial inputs in linear time."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from auditor.references.models import BibliographicQuery, UpdateKind
from auditor.references.sources.parsing import ParseError, clean_markup
from auditor.references.sources.parsing.crossref_json import notice_targets, parse_work_body, parse_works_list
from auditor.references.sources.parsing.ctgov_json import parse_studies_list, parse_study_body
from auditor.references.sources.parsing.eutils_json import (
    ecitmatch_line,
    parse_ecitmatch,
    parse_esearch,
    parse_esummary,
)
from auditor.references.sources.parsing.idconv_json import parse_idconv
from auditor.references.sources.parsing.pubmed_xml import parse_efetch
from auditor.references.sources.parsing.queries import pubmed_term, title_words

from tests.references.sources.sources_testkit import fixture_bytes
from tests.workcount import assert_linear_work


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Effect of <i>XY-7</i> on\n      tumours", "Effect of XY-7 on tumours"),
        ("CO<sub>2</sub> and m<sup>2</sup>", "CO2 and m2"),
        ("<jats:p>First.</jats:p><jats:p>Second &amp; last.</jats:p>", "First. Second & last."),
        ("<i>外泌体</i>治疗的\n  临床研究", "外泌体治疗的 临床研究"),  # zh-Hans
        ("<b>幹細胞</b>療法：<i>系統性</i>回顧", "幹細胞療法：系統性回顧"),  # zh-Hant
        ("a < b and c > d", "a < b and c > d"),  # not tags
        ("   ", None),
        (None, None),
    ],
)
def test_clean_markup(raw: str | None, clean: str | None) -> None:
    assert clean_markup(raw) == clean


@pytest.mark.parametrize(
    "adversarial",
    [
        "(" * 10_000_000,
        "<" * 5_000_000,
        ("<a" + "b" * 2000) * 2500,
        "10^10^10" * 1_000_000,
        "9" * 10_000_000,
        "<i " + "x" * 1_000_000,
    ],
    ids=["parens", "lt-run", "unclosed-tags", "exponents", "digits", "1MB-line"],
)
def test_markup_cleaning_is_linear_on_adversarial_text(adversarial: str) -> None:
    clean_markup(adversarial)
    title_words(adversarial[:1_000_000])
    parse_ecitmatch(adversarial[:1_000_000] + "\n" + "|" * 100_000)
    unit = adversarial[:40]

    def clean(n: int) -> Callable[[], object]:
        sample = unit * n
        return lambda: (clean_markup(sample), title_words(sample), parse_ecitmatch(sample + "\n|"))

    assert_linear_work(clean, 500)


def test_huge_malformed_bodies_fail_cleanly() -> None:
    with pytest.raises(ParseError):
        parse_efetch(b"<PubmedArticleSet>" + b"<a>" * 200_000)
    deep_title = b"<i>" * 100_000 + b"x" + b"</i>" * 100_000
    article = b"<PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>%s</ArticleTitle>"
    closing = b"</Article></MedlineCitation></PubmedArticle></PubmedArticleSet>"
    body = b"<PubmedArticleSet>" + article % deep_title + closing
    assert parse_efetch(body)["1"].title == "x"  # deep inline markup is flattened, not recursed into
    with pytest.raises(ParseError):
        parse_esearch(b'{"esearchresult":' + b"[" * 1_000_000)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"<eFetchResult><ERROR>Empty id list</ERROR></eFetchResult>", "instead of a PubmedArticleSet"),
        (b"<PubmedArticleSet><PubmedArticle>", "malformed XML from PubMed efetch"),
        (b"", "malformed XML from PubMed efetch"),
    ],
)
def test_efetch_errors(body: bytes, expected: str) -> None:
    with pytest.raises(ParseError, match=expected):
        parse_efetch(body)


def test_efetch_ignores_ids_of_cited_references() -> None:
    records = parse_efetch(fixture_bytes("eutils/efetch_30000001_30000002.xml"))
    assert records["30000001"].pmcid == "PMC7000001"  # not PMC1111111 from its ReferenceList
    assert records["30000002"].year == 1998  # MedlineDate "1998 Dec-1999 Jan"


def test_esummary_mixed_found_missing_and_retracted() -> None:
    summaries = parse_esummary(fixture_bytes("eutils/esummary_30000002_and_missing.json"))
    assert summaries["39999999"] is None
    record = summaries["30000002"]
    assert record is not None and record.year == 1998 and record.doi == "10.5555/amm.7.55"
    assert [a.display() for a in record.authors] == ["García-López M", "Made-up Consortium"]
    assert record.authors[1].collective and [u.kind for u in record.updates] == [UpdateKind.RETRACTION]


@pytest.mark.parametrize(
    "body",
    [
        fixture_bytes("eutils/esummary_rate_limited.json"),
        b'{"error":"Invalid uid abc at position= 0","result":{"uids":[]}}',
        b"[]",
        b'{"header":{}}',
    ],
)
def test_esummary_errors_are_parse_errors(body: bytes) -> None:
    with pytest.raises(ParseError):
        parse_esummary(body)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("j|2018|12|101|zhang w|q|30000001\n", {"q": "30000001"}),
        ("j|2018|12|101|zhang w|q|NOT_FOUND;INVALID_JOURNAL\n", {"q": None}),
        ("j|2018|12|101|zhang w|q|AMBIGUOUS (3 citations)\n", {"q": None}),
        ("j|2018|12|101|zhang w|q|\n", {"q": None}),
        ("garbage\n", {}),
    ],
)
def test_ecitmatch(text: str, expected: dict[str, str | None]) -> None:
    assert parse_ecitmatch(text) == expected


def test_ecitmatch_line_cannot_be_broken_by_pipes() -> None:
    assert ecitmatch_line("a|b", 2020, "1", "2", "x\ry", "k") == "a b|2020|1|2|x y|k|"


@pytest.mark.parametrize(
    ("query", "term"),
    [
        (BibliographicQuery(authors=["Kim"], year=2012), '"Kim"[au] AND 2012[dp]'),
        (BibliographicQuery(doi="10.5555/x"), '"10.5555/x"[doi]'),
        (BibliographicQuery(authors=["Kim"]), None),  # one field alone is too vague
        (BibliographicQuery(year=2019, journal="柳叶刀"), None),  # a Chinese journal name is not a [ta]
        (
            BibliographicQuery(year=2019, title='The "effect" of [x] on the outcomes of patients'),
            "2019[dp] AND effect[ti] AND outcomes[ti]",
        ),
    ],
)
def test_pubmed_term(query: BibliographicQuery, term: str | None) -> None:
    assert pubmed_term(query) == term


def test_title_words_are_bounded() -> None:
    assert len(title_words(" ".join(f"word{i}" for i in range(100)))) == 8


def test_crossref_notice_and_list() -> None:
    notice = json.loads(fixture_bytes("crossref/works_notice_10.5555_ir.2021.ret.json"))["message"]
    assert notice_targets(notice) == [("10.5555/ir.2019.044", UpdateKind.RETRACTION)]
    assert parse_work_body(fixture_bytes("crossref/works_notice_10.5555_ir.2021.ret.json")).year == 2021
    assert [r.id for r in parse_works_list(fixture_bytes("crossref/works_search.json"))] == [
        "10.5555/ir.2019.044",
        "10.5555/other.1",
    ]


@pytest.mark.parametrize(
    ("update_type", "kind"),
    [
        ("retraction", UpdateKind.RETRACTION),
        ("correction", UpdateKind.CORRECTION),
        ("erratum", UpdateKind.CORRECTION),
        ("corrigendum", UpdateKind.CORRECTION),
        ("expression_of_concern", UpdateKind.EXPRESSION_OF_CONCERN),
        ("withdrawal", UpdateKind.WITHDRAWAL),
        ("new_edition", UpdateKind.OTHER),
    ],
)
def test_crossref_update_types(update_type: str, kind: UpdateKind) -> None:
    work = {
        "DOI": "10.5555/A",
        "updated-by": [{"DOI": "10.5555/N", "type": update_type, "source": "publisher"}],
    }
    record = parse_work_body(json.dumps({"status": "ok", "message": work}))
    assert [u.kind for u in record.updates] == [kind] and record.id == "10.5555/a"


def test_ctgov_minimal_and_missing_modules() -> None:
    trial = parse_study_body(b'{"protocolSection":{"identificationModule":{"nctId":"nct01234567"}}}')
    assert trial.id == "NCT01234567" and trial.phases == [] and trial.enrollment is None
    with pytest.raises(ParseError):
        parse_study_body(b'{"protocolSection":{"identificationModule":{}}}')
    assert parse_studies_list(fixture_bytes("ctgov/studies_search_zero.json")) == []


def test_idconv_number_pmid_and_error_entries() -> None:
    entries = parse_idconv(fixture_bytes("idconv/idconv_pmcids_found_and_missing.json"))
    found, missing = entries
    assert found[0][0] == "pmc7000001" and found[1] is not None and found[1].pmid == "30000001"
    assert missing[1] is None
    with pytest.raises(ParseError, match="mismatch for 'abc'"):
        parse_idconv(fixture_bytes("idconv/idconv_error_400.json"))


def test_ctgov_why_stopped_is_kept() -> None:
    from auditor.references.sources.parsing.ctgov_json import trial_of_study

    study = {
        "protocolSection": {
            "identificationModule": {"nctId": "NCT01234567"},
            "statusModule": {"overallStatus": "TERMINATED", "whyStopped": "Slow  accrual"},
        }
    }
    trial = trial_of_study(study)
    assert (trial.status, trial.why_stopped) == ("TERMINATED", "Slow accrual")
