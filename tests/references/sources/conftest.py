"""Shared pieces for source tests: fake base URLs, no backoff, no pacing, our own fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from references.http import ServiceConfig
from references.ratelimit import NoHostLimiter

OUR_API_FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "api"
SECRET = "TESTSECRETKEY0123"
EUTILS = "http://fake.test/eutils"
IDCONV = "http://fake.test/idconv/"
CROSSREF = "http://fake.test/crossref"
CTGOV = "http://fake.test/ctgov"


def fixture_bytes(relative: str) -> bytes:
    """The bytes of one of our fixtures under tests/fixtures/api."""
    return (OUR_API_FIXTURES / relative).read_bytes()


@pytest.fixture
def config() -> ServiceConfig:
    """Every service on fake.test, retries without sleeping, an API key and a contact address."""
    return ServiceConfig(
        eutils_url=EUTILS,
        idconv_url=IDCONV,
        crossref_url=CROSSREF,
        ctgov_url=CTGOV,
        ncbi_api_key=SECRET,
        email="tests@example.org",
        backoff_factor=0,
    )


@pytest.fixture
def limiter() -> NoHostLimiter:
    """Pacing that never waits, and records which bucket each request used."""
    return NoHostLimiter()
