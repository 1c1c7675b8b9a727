"""Crossref /journals lookups: a hit counts only when its title is the cited name."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
import responses
from auditor.references.models import IdKind, LookupStatus
from auditor.references.sources.crossref import CrossrefSource

from tests.references.sources.sources_testkit import CROSSREF, fake_config, fixture_bytes, no_limiter

JOURNALS = f"{CROSSREF}/journals"
MANY = (
    b'{"status":"ok","message-type":"journal-list","message-version":"1.0.0","message":{"items-per-page":20,'
    b'"query":{"start-index":0,"search-terms":"x"},"total-results":4300,"items":[]}}'
)


@pytest.fixture
def source() -> CrossrefSource:
    return CrossrefSource(fake_config(), limiter=no_limiter())


@pytest.mark.parametrize(
    ("cited", "status"),
    [
        ("Monthly Notices of the Royal Astronomical Society", LookupStatus.FOUND),
        ("Mon Not R Astron Soc", LookupStatus.FOUND),  # the ISO abbreviation of the title
        ("Monthly Notices of the Royal Astronomical Society: Letters", LookupStatus.FOUND),
        ("Monthly Notices of the Royal Society", LookupStatus.NOT_FOUND),  # answered, but not this name
    ],
)
@responses.activate
def test_journal_title_must_be_the_cited_name(
    source: CrossrefSource, cited: str, status: LookupStatus
) -> None:
    responses.get(JOURNALS, body=fixture_bytes("crossref/journals_mnras.json"))
    result = source.lookup(IdKind.JOURNAL, cited)
    assert result.status is status
    query = parse_qs(responses.calls[0].request.url.split("?", 1)[1])
    assert query["query"] == [cited] and query["rows"] == ["20"]


@pytest.mark.parametrize(
    ("answers", "status"),
    [
        ([{"body": MANY}], LookupStatus.FAILED),  # thousands of titles with the words: not checkable
        ([{"status": 500}] * 6, LookupStatus.FAILED),
        ([{"body": b'{"status":"ok","message":{"items":'}], LookupStatus.FAILED),
        (
            [
                {"status": 429, "headers": {"Retry-After": "0"}},
                {"body": fixture_bytes("crossref/journals_mnras.json")},
            ],
            LookupStatus.FOUND,
        ),
    ],
)
@responses.activate
def test_journal_lookup_failures(source: CrossrefSource, answers: list, status: LookupStatus) -> None:
    for answer in answers:
        responses.get(JOURNALS, **answer)
    assert source.lookup(IdKind.JOURNAL, "Monthly Notices of the Royal Astronomical Society").status is status
