"""Named-study searches against `responses`: PubMed esearch with [ad]/[ta]/[dp]/[tiab], Crossref
with the topic in the journal and year; ok, not found, 429 then ok, 500, malformed."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
import responses
from auditor.references.models import BibliographicQuery, LookupStatus
from auditor.references.sources.crossref import CrossrefSource
from auditor.references.sources.parsing.queries import pubmed_term
from auditor.references.sources.pubmed import PubMedSource

from tests.references.sources.sources_testkit import CROSSREF, EUTILS, fake_config, fixture_bytes, no_limiter

STUDY = BibliographicQuery(
    year=2023,
    journal="Science Translational Medicine",
    affiliation="University of California, Los Angeles",
    topic=["mesenchymal", "exosome", "stroke"],
)
ESEARCH, EFETCH = f"{EUTILS}/esearch.fcgi", f"{EUTILS}/efetch.fcgi"


def test_pubmed_term_of_a_named_study() -> None:
    assert pubmed_term(STUDY) == (
        '2023[dp] AND "Science Translational Medicine"[ta] AND "University of California, Los Angeles"[ad]'
        ' AND ("mesenchymal"[tiab] OR "exosome"[tiab] OR "stroke"[tiab])'
    )


@pytest.fixture
def pubmed() -> PubMedSource:
    return PubMedSource(fake_config(), limiter=no_limiter())


@pytest.fixture
def crossref() -> CrossrefSource:
    return CrossrefSource(fake_config(), limiter=no_limiter())


@responses.activate
def test_pubmed_study_search_fetches_the_hits(pubmed: PubMedSource) -> None:
    responses.get(ESEARCH, body=fixture_bytes("eutils/esearch_2hits.json"))
    responses.post(EFETCH, body=fixture_bytes("eutils/efetch_30000001_30000002.xml"))
    result = pubmed.search(STUDY)
    assert result.status is LookupStatus.FOUND and len(result.candidates) == 2
    term = parse_qs(responses.calls[0].request.url.split("?", 1)[1])["term"][0]
    assert "[ad]" in term and "[tiab]" in term


@pytest.mark.parametrize(
    ("answers", "status"),
    [
        ([{"body": fixture_bytes("eutils/esearch_zero_hits.json")}], LookupStatus.NOT_FOUND),
        ([{"status": 500}] * 6, LookupStatus.FAILED),
        ([{"body": fixture_bytes("eutils/esearch_error_raw_newline.txt")}], LookupStatus.FAILED),
        (
            [
                {"status": 429, "headers": {"Retry-After": "0"}},
                {"body": fixture_bytes("eutils/esearch_zero_hits.json")},
            ],
            LookupStatus.NOT_FOUND,
        ),
    ],
)
@responses.activate
def test_pubmed_study_search_outcomes(pubmed: PubMedSource, answers: list, status: LookupStatus) -> None:
    for answer in answers:
        responses.get(ESEARCH, **answer)
    assert pubmed.search(STUDY).status is status


@responses.activate
def test_crossref_study_search_parameters(crossref: CrossrefSource) -> None:
    responses.get(f"{CROSSREF}/works", body=fixture_bytes("crossref/works_search.json"))
    assert crossref.search(STUDY).status is LookupStatus.FOUND
    params = parse_qs(responses.calls[0].request.url.split("?", 1)[1])
    assert params["query.bibliographic"] == [
        "mesenchymal exosome stroke University of California, Los Angeles"
    ]
    assert params["query.container-title"] == ["Science Translational Medicine"]
    assert params["filter"] == ["from-pub-date:2022,until-pub-date:2024"]
    assert "query.author" not in params


@pytest.mark.parametrize(
    ("answers", "status"),
    [
        ([{"body": fixture_bytes("crossref/works_search_empty.json")}], LookupStatus.NOT_FOUND),
        ([{"status": 500}] * 6, LookupStatus.FAILED),
        ([{"body": b'{"status":"ok","message":{"items":[{"DOI": '}], LookupStatus.FAILED),
        (
            [
                {"status": 429, "headers": {"Retry-After": "0"}},
                {"body": fixture_bytes("crossref/works_search_empty.json")},
            ],
            LookupStatus.NOT_FOUND,
        ),
    ],
)
@responses.activate
def test_crossref_study_search_outcomes(
    crossref: CrossrefSource, answers: list, status: LookupStatus
) -> None:
    for answer in answers:
        responses.get(f"{CROSSREF}/works", **answer)
    assert crossref.search(STUDY).status is status
