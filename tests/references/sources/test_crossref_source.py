"""CrossrefSource against `responses`: works by DOI, updates, search, failures."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
import requests
import responses
from auditor.references.http import ServiceConfig
from auditor.references.models import BibliographicQuery, IdKind, LookupStatus, UpdateKind
from auditor.references.ratelimit import NoHostLimiter
from auditor.references.sources.crossref import CrossrefSource

from tests.references.sources.sources_testkit import CROSSREF, fake_config, fixture_bytes, no_limiter

config = pytest.fixture(fake_config)
limiter = pytest.fixture(no_limiter)

WORK = f"{CROSSREF}/works/10.5555/ir.2019.044"


@pytest.fixture
def source(config: ServiceConfig, limiter: NoHostLimiter) -> CrossrefSource:
    return CrossrefSource(config, limiter=limiter)


@responses.activate
def test_work_fields(source: CrossrefSource) -> None:
    responses.get(WORK, body=fixture_bytes("crossref/works_10.5555_ir.2019.044.json"))
    result = source.lookup(IdKind.DOI, "10.5555/ir.2019.044")
    record = result.record
    assert result.status is LookupStatus.FOUND and record is not None
    assert record.title == "Outcomes of in vitro screening in 2,400 samples"
    assert (
        record.year == 2019 and record.journal == "Invented Reviews" and record.journal_abbrev == "Invent Rev"
    )
    assert [a.display() for a in record.authors] == ["Wang Li", "Screening Consortium"]
    assert record.authors[1].collective
    assert record.trial_ids == ["NCT01234567"]
    assert record.abstract == "Background We screened 2,400 samples & found 12% positive."
    assert record.issn == ["1111-2222", "3333-4444"] and record.pages == "440-452"
    assert responses.calls[0].request.url.endswith("?mailto=tests%40example.org")


@responses.activate
def test_retraction_and_correction_updates(source: CrossrefSource) -> None:
    responses.get(WORK, body=fixture_bytes("crossref/works_10.5555_ir.2019.044.json"))
    record = source.lookup(IdKind.DOI, "10.5555/ir.2019.044").record
    assert record is not None
    assert [(u.kind, u.source, u.notice_id) for u in record.updates] == [
        (UpdateKind.RETRACTION, "retraction-watch", "10.5555/ir.2021.ret"),
        (UpdateKind.CORRECTION, "publisher", "10.5555/ir.2020.cor"),
    ]


@responses.activate
def test_404_is_not_found(source: CrossrefSource) -> None:
    responses.get(
        f"{CROSSREF}/works/10.5555/nope",
        status=404,
        body=fixture_bytes("crossref/works_404.txt"),
        content_type="text/plain",
    )
    result = source.lookup(IdKind.DOI, "10.5555/nope")
    assert result.status is LookupStatus.NOT_FOUND


@responses.activate
def test_doi_path_is_quoted(source: CrossrefSource) -> None:
    responses.get(
        f"{CROSSREF}/works/10.1002/%28SICI%291097-0258%28199601%2915%3A1%3C1%3A%3AAID%3E3.0.CO%3B2-Z",
        status=404,
        body="Resource not found.",
    )
    result = source.lookup(IdKind.DOI, "10.1002/(SICI)1097-0258(199601)15:1<1::AID>3.0.CO;2-Z")
    assert result.status is LookupStatus.NOT_FOUND
    sent = responses.calls[0].request.url
    assert sent.startswith(f"{CROSSREF}/works/10.1002/%28SICI%29") and "%3C1%3A%3AAID%3E" in sent


@responses.activate
def test_429_then_ok(source: CrossrefSource) -> None:
    responses.get(WORK, status=429, headers={"Retry-After": "0"})
    responses.get(WORK, body=fixture_bytes("crossref/works_10.5555_ir.2019.044.json"))
    assert source.lookup(IdKind.DOI, "10.5555/ir.2019.044").status is LookupStatus.FOUND
    assert len(responses.calls) == 2


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"status": 503}, "Crossref works lookup answered HTTP 503 after 4 retries"),
        ({"body": b'{"status":"ok","message":{"DOI":'}, "malformed JSON from Crossref"),
        ({"body": b'{"status":"ok","message-type":"work"}'}, "Crossref answered without a work record"),
        ({"body": requests.exceptions.ConnectTimeout()}, "Crossref works lookup timed out after 4 retries"),
        ({"status": 401, "body": b"Unauthorized"}, "Crossref works lookup answered HTTP 401"),
    ],
)
@responses.activate
def test_failures(source: CrossrefSource, kwargs: dict, reason: str) -> None:
    responses.get(WORK, **kwargs)
    result = source.lookup(IdKind.DOI, "10.5555/ir.2019.044")
    assert (result.status, result.reason) == (LookupStatus.FAILED, reason)


@responses.activate
def test_500_then_503_exhausts_retries(source: CrossrefSource) -> None:
    responses.get(WORK, status=500)
    responses.get(WORK, status=503)
    assert source.lookup(IdKind.DOI, "10.5555/ir.2019.044").status is LookupStatus.FAILED
    assert len(responses.calls) == 5


@responses.activate
def test_search_is_paced_as_a_list_request(config: ServiceConfig) -> None:
    limiter = NoHostLimiter()
    responses.get(f"{CROSSREF}/works", body=fixture_bytes("crossref/works_search_empty.json"))
    responses.get(WORK, status=404, body="Resource not found.")
    source = CrossrefSource(config, limiter=limiter)
    source.search(BibliographicQuery(title="Outcomes"))
    source.lookup(IdKind.DOI, "10.5555/ir.2019.044")
    assert limiter.acquired == ["fake.test/crossref", "fake.test/crossref/lists", "fake.test/crossref"]


@responses.activate
def test_search_parameters_and_candidates(source: CrossrefSource) -> None:
    responses.get(f"{CROSSREF}/works", body=fixture_bytes("crossref/works_search.json"))
    query = BibliographicQuery(authors=["Wang"], year=2019, title="Outcomes of in vitro screening")
    result = source.search(query)
    assert result.status is LookupStatus.FOUND
    assert [c.doi for c in result.candidates] == ["10.5555/ir.2019.044", "10.5555/other.1"]
    params = parse_qs(responses.calls[0].request.url.split("?", 1)[1])
    assert params["query.bibliographic"] == ["Outcomes of in vitro screening"]
    assert params["query.author"] == ["Wang"] and params["rows"] == ["5"]
    assert params["filter"] == ["from-pub-date:2018,until-pub-date:2020"]


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"body": fixture_bytes("crossref/works_search_empty.json")}, LookupStatus.NOT_FOUND),
        ({"status": 500}, LookupStatus.FAILED),
        ({"body": b"<html>"}, LookupStatus.FAILED),
    ],
)
@responses.activate
def test_search_outcomes(source: CrossrefSource, kwargs: dict, status: LookupStatus) -> None:
    responses.get(f"{CROSSREF}/works", **kwargs)
    assert source.search(BibliographicQuery(free_text="Wang L. Outcomes. Invent Rev 2019")).status is status


def test_search_without_text_sends_nothing(source: CrossrefSource) -> None:
    with responses.RequestsMock() as mock:
        assert source.search(BibliographicQuery(year=2019)).status is LookupStatus.NOT_FOUND
        assert len(mock.calls) == 0


@responses.activate
def test_without_email_no_mailto(config: ServiceConfig) -> None:
    responses.get(WORK, status=404, body="Resource not found.")
    source = CrossrefSource(config.model_copy(update={"email": None}), limiter=NoHostLimiter())
    source.lookup(IdKind.DOI, "10.5555/ir.2019.044")
    assert "mailto" not in responses.calls[0].request.url
