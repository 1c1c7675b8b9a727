"""CtGovSource against `responses`: studies, aliases, 404 vs 400, search, failures."""

from __future__ import annotations

import pytest
import requests
import responses
from auditor.references.http import ServiceConfig
from auditor.references.models import BibliographicQuery, IdKind, LookupStatus
from auditor.references.ratelimit import NoHostLimiter
from auditor.references.sources.ctgov import CtGovSource

from tests.references.sources.sources_testkit import CTGOV, fake_config, fixture_bytes, no_limiter

config = pytest.fixture(fake_config)
limiter = pytest.fixture(no_limiter)

STUDY = f"{CTGOV}/studies/NCT01234567"


@pytest.fixture
def source(config: ServiceConfig, limiter: NoHostLimiter) -> CtGovSource:
    return CtGovSource(config, limiter=limiter)


@responses.activate
def test_study_fields(source: CtGovSource) -> None:
    responses.get(STUDY, body=fixture_bytes("ctgov/study_NCT01234567.json"))
    trial = source.lookup(IdKind.NCT, "NCT01234567").trial
    assert trial is not None
    assert (trial.id, trial.status, trial.phases) == ("NCT01234567", "COMPLETED", ["PHASE2", "PHASE3"])
    assert (trial.enrollment, trial.enrollment_type) == (240, "ACTUAL")
    assert trial.lead_sponsor == "Invented Pharma Ltd" and trial.collaborators == [
        "Invented University Hospital"
    ]
    assert trial.interventions == ["XY-7", "Placebo"] and trial.conditions == ["Invented Disease"]
    assert (trial.start_date, trial.completion_date) == ("2019-03", "2022-08-30")
    assert trial.locations == ["Invented General Hospital, Shanghai, China", "Made-up Clinic, Taipei, Taiwan"]
    assert trial.official_title is not None and "≥18" in trial.official_title


@responses.activate
def test_alias_redirect_keeps_requested_key_and_served_id(source: CtGovSource) -> None:
    responses.get(
        f"{CTGOV}/studies/NCT07654321", status=301, headers={"Location": f"{CTGOV}/studies/NCT07654322"}
    )
    responses.get(
        f"{CTGOV}/studies/NCT07654322",
        body=fixture_bytes("ctgov/study_alias_NCT07654321_served_as_NCT07654322.json"),
    )
    result = source.lookup(IdKind.NCT, "NCT07654321")
    assert result.key == "NCT07654321" and result.status is LookupStatus.FOUND
    assert result.trial is not None and result.trial.id == "NCT07654322"
    assert result.trial.aliases == ["NCT07654321"] and result.trial.collaborators == []


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (404, "ctgov/study_404.txt", LookupStatus.NOT_FOUND),
        (400, "ctgov/study_400.txt", LookupStatus.FAILED),
    ],
)
@responses.activate
def test_404_is_not_found_but_400_is_failed(
    source: CtGovSource, status: int, body: str, expected: LookupStatus
) -> None:
    responses.get(STUDY, status=status, body=fixture_bytes(body), content_type="text/plain; charset=UTF-8")
    result = source.lookup(IdKind.NCT, "NCT01234567")
    assert result.status is expected
    if status == 400:
        assert result.reason is not None and "malformed ID" in result.reason


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"status": 502}, "ClinicalTrials.gov study lookup answered HTTP 502 after 4 retries"),
        ({"body": b'{"protocolSection":{"identificationModule":'}, "malformed JSON from ClinicalTrials.gov"),
        ({"body": b'{"studies":[]}'}, "ClinicalTrials.gov answered without a study record"),
        (
            {"body": requests.exceptions.ReadTimeout()},
            "ClinicalTrials.gov study lookup timed out after 4 retries",
        ),
        (
            {"body": requests.exceptions.ConnectionError()},
            "ClinicalTrials.gov study lookup could not be reached",
        ),
    ],
)
@responses.activate
def test_failures(source: CtGovSource, kwargs: dict, reason: str) -> None:
    responses.get(STUDY, **kwargs)
    result = source.lookup(IdKind.NCT, "NCT01234567")
    assert result.status is LookupStatus.FAILED
    assert (result.reason or "").startswith(reason)


@responses.activate
def test_429_then_ok(source: CtGovSource) -> None:
    responses.get(STUDY, status=429, headers={"Retry-After": "0"})
    responses.get(STUDY, body=fixture_bytes("ctgov/study_NCT01234567.json"))
    assert source.lookup(IdKind.NCT, "NCT01234567").status is LookupStatus.FOUND
    assert len(responses.calls) == 2


@pytest.mark.parametrize(
    ("body", "status", "ids"),
    [
        ("ctgov/studies_search.json", LookupStatus.FOUND, ["NCT01234567", "NCT07654322"]),
        ("ctgov/studies_search_zero.json", LookupStatus.NOT_FOUND, []),
    ],
)
@responses.activate
def test_search(source: CtGovSource, body: str, status: LookupStatus, ids: list[str]) -> None:
    responses.get(f"{CTGOV}/studies", body=fixture_bytes(body))
    result = source.search(BibliographicQuery(free_text="XY-7 invented disease phase 3"))
    assert result.status is status and [t.id for t in result.trials] == ids
    assert "query.term=XY-7+invented+disease+phase+3" in responses.calls[0].request.url
