"""HTTP plumbing: configuration from the environment, retries, pacing, error reasons, redaction."""

from __future__ import annotations

import threading
import time

import pytest
import requests
import responses
from auditor.references.http import (
    FetchError,
    ServiceClient,
    ServiceConfig,
    build_retry,
    limit_for,
    listing_limit_for,
    redact,
    user_agent,
)
from auditor.references.ratelimit import (
    HostLimit,
    NoHostLimiter,
    PyrateHostLimiter,
    bucket_of,
    shared_limiter,
)
from auditor.references.sources.interface import SourceError

SECRET = "HTTPSECRET99"


def test_defaults() -> None:
    config = ServiceConfig.from_env({})
    assert config.eutils_url == "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
    assert config.idconv_url == "https://pmc.ncbi.nlm.nih.gov/tools/idconv/api/v1/articles/"
    assert config.crossref_url == "https://api.crossref.org"
    assert config.ctgov_url == "https://clinicaltrials.gov/api/v2"
    assert config.api_key is None and config.email is None and config.timeout == (5.0, 15.0)


def test_environment_is_read() -> None:
    env = {
        "AUDITOR_EUTILS_URL": "http://fake.test/eutils",
        "AUDITOR_IDCONV_URL": "http://fake.test/idconv/",
        "AUDITOR_CROSSREF_URL": "http://fake.test/crossref",
        "AUDITOR_CTGOV_URL": "http://fake.test/ctgov",
        "NCBI_API_KEY": SECRET,
        "AUDITOR_EMAIL": "editor@example.org",
    }
    config = ServiceConfig.from_env(env, backoff_factor=0)
    assert (config.eutils_url, config.ctgov_url) == ("http://fake.test/eutils", "http://fake.test/ctgov")
    assert config.api_key == SECRET and config.email == "editor@example.org" and config.backoff_factor == 0
    assert SECRET not in repr(config) and SECRET not in str(config.model_dump())


@pytest.mark.parametrize(
    "env",
    [
        {"AUDITOR_EUTILS_URL": "ftp://fake.test/eutils"},
        {"AUDITOR_CROSSREF_URL": "api.crossref.org"},
        {"AUDITOR_CTGOV_URL": "file:///etc/passwd"},
        {"AUDITOR_EMAIL": "an editor@example.org"},
        {"AUDITOR_EMAIL": "no-at-sign"},
    ],
)
def test_invalid_configuration_is_a_source_error(env: dict[str, str]) -> None:
    with pytest.raises(SourceError, match="^invalid service configuration"):
        ServiceConfig.from_env(env)


def test_user_agent_is_polite() -> None:
    assert user_agent("editor@example.org").startswith("auditor/")
    assert "mailto:editor@example.org" in user_agent("editor@example.org")
    assert "mailto" not in user_agent(None) and "+https://" in user_agent(None)


def test_retry_policy() -> None:
    retry = build_retry(ServiceConfig(backoff_factor=0.5))
    assert retry.total == 4 and retry.backoff_factor == 0.5 and retry.respect_retry_after_header
    assert set(retry.status_forcelist or ()) == {408, 429, 500, 502, 503, 504}
    assert "POST" in (retry.allowed_methods or ()) and retry.raise_on_status is False


@pytest.mark.parametrize(
    ("service", "config", "expected"),
    [
        ("eutils", ServiceConfig(), HostLimit(requests=3)),
        ("eutils", ServiceConfig(ncbi_api_key=SECRET), HostLimit(requests=10)),
        ("idconv", ServiceConfig(), HostLimit(requests=3)),
        ("crossref", ServiceConfig(), HostLimit(requests=5, concurrency=1)),
        ("crossref", ServiceConfig(email="e@example.org"), HostLimit(requests=10, concurrency=3)),
        ("ctgov", ServiceConfig(), HostLimit(requests=50, per_seconds=60.0, concurrency=2)),
        (
            "ctgov",
            ServiceConfig(ctgov_requests_per_minute=20),
            HostLimit(requests=20, per_seconds=60.0, concurrency=2),
        ),
    ],
)
def test_limits(service: str, config: ServiceConfig, expected: HostLimit) -> None:
    assert limit_for(service, config) == expected


@pytest.mark.parametrize(
    ("host", "service", "bucket"),
    [
        ("eutils.ncbi.nlm.nih.gov", "eutils", "ncbi"),
        ("pmc.ncbi.nlm.nih.gov", "idconv", "ncbi"),
        ("EUTILS.NCBI.NLM.NIH.GOV:443", "eutils", "ncbi"),
        ("api.crossref.org", "crossref", "api.crossref.org/crossref"),
        ("evilncbi.nlm.nih.gov", "eutils", "evilncbi.nlm.nih.gov/ncbi"),
        # one proxy for every service: NCBI's two share NCBI's pace, the others keep their own
        ("proxy.example:8080", "eutils", "proxy.example/ncbi"),
        ("proxy.example:8080", "idconv", "proxy.example/ncbi"),
        ("proxy.example:8080", "crossref", "proxy.example/crossref"),
        ("proxy.example:8080", "ctgov", "proxy.example/ctgov"),
    ],
)
def test_buckets(host: str, service: str, bucket: str) -> None:
    assert bucket_of(host, service) == bucket


def test_pyrate_limiter_paces_and_caps_concurrency() -> None:
    limiter = PyrateHostLimiter()
    limit = HostLimit(requests=2, per_seconds=0.2, concurrency=1)
    start = time.monotonic()
    for _ in range(3):
        with limiter.slot("h", limit):
            pass
    assert time.monotonic() - start >= 0.15  # the third waited for the window
    inside, peak = [0], [0]
    lock = threading.Lock()

    def hold() -> None:
        with limiter.slot("c", HostLimit(requests=100, concurrency=1)):
            with lock:
                inside[0] += 1
                peak[0] = max(peak[0], inside[0])
            time.sleep(0.01)
            with lock:
                inside[0] -= 1

    threads = [threading.Thread(target=hold) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert peak[0] == 1
    assert shared_limiter() is shared_limiter()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"GET /efetch.fcgi?id=1&api_key={SECRET}&tool=auditor",
            "GET /efetch.fcgi?id=1&api_key=***&tool=auditor",
        ),
        (f"key {SECRET} leaked", "key *** leaked"),
        ("nothing secret here", "nothing secret here"),
    ],
)
def test_redact(text: str, expected: str) -> None:
    assert redact(text, SECRET) == expected


@pytest.fixture
def client() -> ServiceClient:
    config = ServiceConfig(ncbi_api_key=SECRET, backoff_factor=0, email="e@example.org")
    return ServiceClient("eutils", "PubMed", config, limiter=NoHostLimiter())


@responses.activate
def test_client_sends_user_agent_and_counts(client: ServiceClient) -> None:
    responses.get("http://fake.test/x", body="ok")
    assert client.call("X", "GET", "http://fake.test/x").text == "ok"
    assert responses.calls[0].request.headers["User-Agent"].endswith("mailto:e@example.org)")
    assert client.requests_made == 1


@responses.activate
def test_client_retries_429_then_succeeds(client: ServiceClient) -> None:
    responses.get("http://fake.test/x", status=429, headers={"Retry-After": "0"})
    responses.get("http://fake.test/x", body="ok")
    assert client.call("X", "GET", "http://fake.test/x").status_code == 200
    assert len(responses.calls) == 2


@pytest.mark.parametrize(
    ("kwargs", "reason"),
    [
        ({"status": 429}, "X answered HTTP 429 after 4 retries"),
        ({"status": 404}, "X answered HTTP 404"),
        ({"body": requests.exceptions.ReadTimeout(f"?api_key={SECRET}")}, "X timed out after 4 retries"),
        ({"body": requests.exceptions.ChunkedEncodingError()}, "X sent a truncated response body"),
        ({"body": requests.exceptions.TooManyRedirects()}, "X redirected too many times"),
        ({"body": requests.exceptions.InvalidURL(f"bad ?api_key={SECRET}")}, "X failed: InvalidURL"),
    ],
)
@responses.activate
def test_client_failure_reasons(client: ServiceClient, kwargs: dict, reason: str) -> None:
    responses.get("http://fake.test/x", **kwargs)
    with pytest.raises(FetchError) as caught:
        client.call("X", "GET", "http://fake.test/x", params={"api_key": SECRET})
    assert caught.value.reason == reason and SECRET not in str(caught.value)


@pytest.mark.parametrize("source_name", ["pubmed", "idconv", "crossref", "ctgov"])
def test_sources_take_their_configuration_from_an_env_mapping(source_name: str) -> None:
    from auditor.references.sources.crossref import CrossrefSource
    from auditor.references.sources.ctgov import CtGovSource
    from auditor.references.sources.idconv import IdConvSource
    from auditor.references.sources.pubmed import PubMedSource

    classes = {
        "pubmed": PubMedSource,
        "idconv": IdConvSource,
        "crossref": CrossrefSource,
        "ctgov": CtGovSource,
    }
    env = {"AUDITOR_CTGOV_URL": "http://fake.test/ctgov", "AUDITOR_EMAIL": "e@example.org"}
    source = classes[source_name](env=env)
    assert source.config.ctgov_url == "http://fake.test/ctgov" and source.config.email == "e@example.org"
    with pytest.raises(SourceError):
        classes[source_name](env={"AUDITOR_EUTILS_URL": "gopher://x"})


@pytest.mark.parametrize(("header", "expected"), [("5", 5.0), ("3600", 30.0), ("0", 0.0)])
def test_retry_after_is_honoured_but_capped(header: str, expected: float) -> None:
    from urllib3 import HTTPResponse

    retry = build_retry(ServiceConfig())
    response = HTTPResponse(status=429, headers={"Retry-After": header})
    assert retry.get_retry_after(response) == expected
    assert retry.increment("GET", "/x", response=response).get_retry_after(response) == expected


@pytest.mark.parametrize(
    ("service", "config", "expected"),
    [
        ("crossref", ServiceConfig(), HostLimit(requests=1)),
        ("crossref", ServiceConfig(email="e@example.org"), HostLimit(requests=3, concurrency=3)),
        ("eutils", ServiceConfig(), None),
    ],
)
def test_listing_limits(service: str, config: ServiceConfig, expected: HostLimit | None) -> None:
    assert listing_limit_for(service, config) == expected
