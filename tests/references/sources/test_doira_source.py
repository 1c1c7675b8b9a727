"""DoiRaSource against `responses`: agency found, DOI nonexistent, 429 then ok, 500, malformed."""

from __future__ import annotations

import pytest
import responses
from auditor.references.http import ServiceConfig
from auditor.references.models import IdKind, LookupStatus
from auditor.references.ratelimit import NoHostLimiter
from auditor.references.sources.doira import DoiRaSource
from auditor.references.sources.parsing.doira_json import agency_of

from tests.references.sources.sources_testkit import fake_config, fixture_bytes, no_limiter

DOIRA = "http://fake.test/doira"
THREE = ["10.5061/dryad.8515", "10.1038/nature12968", "10.99999/invented.2026.001"]
limiter = pytest.fixture(no_limiter)
JSON = "application/json;charset=UTF-8"


@pytest.fixture
def source(limiter: NoHostLimiter) -> DoiRaSource:
    config: ServiceConfig = fake_config().model_copy(update={"doira_url": DOIRA})
    return DoiRaSource(config, limiter=limiter)


@responses.activate
def test_agencies_and_nonexistent_doi_in_one_request(source: DoiRaSource) -> None:
    responses.get(
        f"{DOIRA}/{','.join(THREE)}", body=fixture_bytes("doira/doira_three.json"), content_type=JSON
    )
    results = source.lookup_many(IdKind.DOI, THREE)
    assert [r.status for r in results.values()] == [
        LookupStatus.FOUND,
        LookupStatus.FOUND,
        LookupStatus.NOT_FOUND,
    ]
    assert agency_of(results[THREE[0]]) == "DataCite" and agency_of(results[THREE[1]]) == "Crossref"
    assert results[THREE[0]].record is None
    assert "does not exist" in (results[THREE[2]].reason or "")
    assert len(responses.calls) == 1


@responses.activate
def test_rate_limited_then_answered(source: DoiRaSource) -> None:
    url = f"{DOIRA}/10.5061/dryad.8515"
    responses.get(url, status=429, headers={"Retry-After": "0"})
    responses.get(url, body=fixture_bytes("doira/doira_datacite.json"), content_type=JSON)
    assert agency_of(source.lookup(IdKind.DOI, "10.5061/dryad.8515")) == "DataCite"


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (500, b"Internal Server Error"),
        (200, b'[{"DOI": "10.5061/dryad.8515"}]'),  # neither RA nor a known status
        (200, b'{"DOI": "10.5061/dryad.8515", "RA": "DataCite"}'),  # not a list
        (200, b"[]"),  # no answer for the DOI asked
        (200, b'[{"DOI": "10.5061/dryad.8515", "RA": "DataCite"'),  # truncated
    ],
)
@responses.activate
def test_failures_are_never_not_found(source: DoiRaSource, status: int, body: bytes) -> None:
    responses.get(f"{DOIRA}/10.5061/dryad.8515", status=status, body=body, content_type=JSON)
    result = source.lookup(IdKind.DOI, "10.5061/dryad.8515")
    assert result.status is LookupStatus.FAILED and agency_of(result) is None


def test_only_dois_are_looked_up(source: DoiRaSource) -> None:
    assert source.lookup(IdKind.PMID, "123").status is LookupStatus.FAILED
