"""Pytest fixtures for source tests: fake base URLs, no backoff, no pacing."""

from __future__ import annotations

import pytest

from references.http import ServiceConfig
from references.ratelimit import NoHostLimiter
from tests.references.sources.sources_testkit import CROSSREF, CTGOV, EUTILS, IDCONV, SECRET


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
