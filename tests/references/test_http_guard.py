"""Circuit breaker, run deadline, body size cap and request counting of `ServiceClient` (no sleeping:
clocks are injected and `responses` answers)."""

from __future__ import annotations

import re

import pytest
import requests
import responses
from auditor.references.http import FetchError, ServiceClient, ServiceConfig
from auditor.references.http_guard import CircuitBreaker, RunDeadline
from auditor.references.ratelimit import NoHostLimiter

URL = "http://fake.test/x"


class Clock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def _client(clock: Clock | None = None, **config: object) -> ServiceClient:
    clock = clock or Clock()
    settings = ServiceConfig(backoff_factor=0, **config)  # type: ignore[arg-type]
    return ServiceClient("eutils", "PubMed", settings, limiter=NoHostLimiter(), clock=clock, monotonic=clock)


def test_breaker_opens_after_consecutive_failures_and_lets_one_trial_through_after_the_cooldown() -> None:
    clock = Clock()
    breaker = CircuitBreaker("X", threshold=3, cooldown=30, clock=clock)
    assert not breaker.failure() and not breaker.failure()
    breaker.success()  # an answer in between resets the streak
    assert not breaker.failure() and not breaker.failure() and breaker.failure()
    assert not breaker.allow() and breaker.trips == 1
    clock.now += 31
    assert breaker.allow() and not breaker.allow()  # one trial, the others wait for it
    assert breaker.failure()  # the trial failed: open again at once
    clock.now += 31
    assert breaker.allow()
    breaker.success()
    assert breaker.allow() and breaker.allow()


@responses.activate
def test_dead_service_costs_threshold_requests_then_none() -> None:
    responses.get(URL, body=requests.exceptions.ConnectionError("connection refused"))
    client = _client()
    reasons = []
    for _ in range(10):
        with pytest.raises(FetchError) as caught:
            client.call("X", "GET", URL)
        reasons.append(caught.value.reason)
    assert len(responses.calls) == 3 and client.requests_made == 3
    assert all("service unavailable" in r for r in reasons[3:])


@responses.activate
def test_http_errors_do_not_trip_the_breaker() -> None:
    responses.get(URL, status=503)
    client = _client(retries=0)
    for _ in range(6):
        with pytest.raises(FetchError, match="HTTP 503"):
            client.call("X", "GET", URL)
    assert len(responses.calls) == 6


@responses.activate
def test_nothing_is_sent_after_the_deadline() -> None:
    responses.get(URL, body="ok")
    clock = Clock()
    client = _client(clock, deadline=clock.now + 5)
    assert client.call("X", "GET", URL).text == "ok"
    clock.now += 6
    with pytest.raises(FetchError, match=re.escape("not made: the run's deadline (--timeout) was reached")):
        client.call("X", "GET", URL)
    assert len(responses.calls) == 1
    assert RunDeadline.after(None).remaining() is None


@responses.activate
def test_a_body_over_the_cap_is_refused() -> None:
    responses.get(URL, body=b"x" * 5000)
    responses.get("http://fake.test/declared", body=b"x" * 10, headers={"Content-Length": "99999999999"})
    client = _client(max_body_bytes=4096)
    with pytest.raises(FetchError, match="response too large"):
        client.call("X", "GET", URL)
    with pytest.raises(FetchError, match="response too large"):
        client.call("X", "GET", "http://fake.test/declared")


@responses.activate
def test_every_retry_is_counted_as_a_request() -> None:
    responses.get(URL, status=429, headers={"Retry-After": "0"})
    responses.get(URL, status=503)
    responses.get(URL, body="ok")
    client = _client()
    assert client.call("X", "GET", URL).text == "ok"
    assert len(responses.calls) == 3 and client.requests_made == 3


def test_a_truncated_body_is_asked_again_and_each_attempt_counted() -> None:
    from bench.fake_services import FakeServices, Faults, FixtureRecords

    with FakeServices(FixtureRecords([], []), latency=0, faults=Faults(truncated=1.0)) as fake:
        client = _client(retries=0)
        with pytest.raises(FetchError, match="truncated"):
            client.call("X", "GET", f"{fake.url}/eutils/esearch.fcgi")
        assert client.requests_made == fake.requests["eutils"] == 3  # 1 + BODY_RETRIES


def test_secrets_are_redacted_from_every_reason() -> None:
    from auditor.references.http import redact

    text = "GET /esearch.fcgi?api_key=K3Y1234&email=desk%40example.org&tool=auditor (desk@example.org)"
    assert redact(text, "K3Y1234", "desk@example.org") == (
        "GET /esearch.fcgi?api_key=***&email=***&tool=auditor (***)"
    )
