"""IdConvSource against `responses`: batches of ≤200, found / not in PMC, error bodies."""

from __future__ import annotations

import json
from urllib.parse import parse_qs

import pytest
import requests
import responses
from auditor.references.http import ServiceConfig
from auditor.references.models import IdKind, LookupStatus
from auditor.references.ratelimit import NoHostLimiter
from auditor.references.sources.idconv import IdConvSource

from tests.references.sources.sources_testkit import IDCONV, fake_config, fixture_bytes, no_limiter

config = pytest.fixture(fake_config)
limiter = pytest.fixture(no_limiter)


@pytest.fixture
def source(config: ServiceConfig, limiter: NoHostLimiter) -> IdConvSource:
    return IdConvSource(config, limiter=limiter)


def _query(call: responses.Call) -> dict[str, list[str]]:
    return parse_qs(call.request.url.split("?", 1)[1])


@responses.activate
def test_found_and_not_in_pmc(source: IdConvSource) -> None:
    responses.get(IDCONV, body=fixture_bytes("idconv/idconv_pmcids_found_and_missing.json"))
    results = source.lookup_many(IdKind.PMCID, ["PMC7000001", "PMC7000002"])
    found = results["PMC7000001"]
    assert found.status is LookupStatus.FOUND and found.record is not None
    assert (found.record.pmid, found.record.doi, found.record.pmcid) == (
        "30000001",
        "10.5555/jio.2018.0101",
        "PMC7000001",
    )
    assert results["PMC7000002"].status is LookupStatus.NOT_FOUND
    query = _query(responses.calls[0])
    assert query["idtype"] == ["pmcid"] and query["format"] == ["json"] and query["tool"] == ["auditor"]
    assert query["ids"] == ["PMC7000001,PMC7000002"]


@responses.activate
def test_legacy_layout_with_string_pmid_and_no_requested_id(source: IdConvSource) -> None:
    legacy = {
        "status": "ok",
        "responseDate": "2022-01-01 00:00:00",
        "request": "tool=auditor;ids=10.5555%2Flegacy;format=json",
        "records": [{"pmcid": "PMC7000009", "pmid": "30000009", "doi": "10.5555/legacy", "versions": []}],
    }
    responses.get(IDCONV, json=legacy)
    result = source.lookup(IdKind.DOI, "10.5555/legacy")
    assert result.status is LookupStatus.FOUND and result.record is not None
    assert result.record.pmid == "30000009"


@responses.activate
def test_250_pmcids_take_two_requests(source: IdConvSource) -> None:
    responses.get(IDCONV, json={"status": "ok", "records": []})
    pmcids = [f"PMC{8000000 + i}" for i in range(250)]
    results = source.lookup_many(IdKind.PMCID, pmcids)
    assert len(responses.calls) == 2
    assert [len(_query(c)["ids"][0].split(",")) for c in responses.calls] == [200, 50]
    assert {r.status for r in results.values()} == {LookupStatus.NOT_FOUND}


@pytest.mark.parametrize("status", [400, 404])
@responses.activate
def test_error_status_with_json_body_is_failed_with_decoded_message(
    source: IdConvSource, status: int
) -> None:
    responses.get(IDCONV, status=status, body=fixture_bytes("idconv/idconv_error_400.json"))
    result = source.lookup(IdKind.PMCID, "PMC1")
    assert result.status is LookupStatus.FAILED
    assert result.reason == f"the PMC ID converter answered HTTP {status}: ID type 'pmcid' mismatch for 'abc'"


@pytest.mark.parametrize(
    ("kwargs", "reason_part"),
    [
        ({"body": b'{"status":"ok","records":[{'}, "malformed JSON"),
        ({"body": json.dumps({"status": "error", "message": "Invalid%20ids"}).encode()}, "Invalid ids"),
        ({"status": 503}, "HTTP 503 after 4 retries"),
        ({"body": requests.exceptions.ReadTimeout("slow")}, "timed out"),
        ({"body": requests.exceptions.ConnectionError("reset")}, "could not be reached"),
    ],
)
@responses.activate
def test_failures_are_failed_never_not_found(source: IdConvSource, kwargs: dict, reason_part: str) -> None:
    responses.get(IDCONV, **kwargs)
    result = source.lookup(IdKind.PMCID, "PMC7000001")
    assert result.status is LookupStatus.FAILED
    assert reason_part in (result.reason or "")


@responses.activate
def test_429_then_ok_is_retried(source: IdConvSource) -> None:
    responses.get(IDCONV, status=429, headers={"Retry-After": "0"})
    responses.get(IDCONV, body=fixture_bytes("idconv/idconv_pmcids_found_and_missing.json"))
    assert source.lookup(IdKind.PMCID, "PMC7000001").status is LookupStatus.FOUND
    assert len(responses.calls) == 2


def test_unsupported_kind_fails_without_a_request(source: IdConvSource) -> None:
    with responses.RequestsMock() as mock:
        result = source.lookup(IdKind.NCT, "NCT01234567")
        assert result.status is LookupStatus.FAILED and len(mock.calls) == 0


@responses.activate
def test_idconv_shares_the_ncbi_bucket(config: ServiceConfig) -> None:
    limiter = NoHostLimiter()
    real_host = config.model_copy(
        update={"idconv_url": "https://pmc.ncbi.nlm.nih.gov/tools/idconv/api/v1/articles/"}
    )
    responses.get(
        "https://pmc.ncbi.nlm.nih.gov/tools/idconv/api/v1/articles/", json={"status": "ok", "records": []}
    )
    IdConvSource(real_host, limiter=limiter).lookup(IdKind.PMCID, "PMC1")
    assert limiter.acquired == ["ncbi"]
