"""Constants and helpers for the source tests (no conftest.py here: a second `conftest` module
would shadow tests/conftest.py for test modules that import it by its bare name)."""

from __future__ import annotations

from pathlib import Path

from auditor.references.http import ServiceConfig
from auditor.references.ratelimit import NoHostLimiter

OUR_API_FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "api"
SECRET = "TESTSECRETKEY0123"
EUTILS = "http://fake.test/eutils"
IDCONV = "http://fake.test/idconv/"
CROSSREF = "http://fake.test/crossref"
CTGOV = "http://fake.test/ctgov"


def fixture_bytes(relative: str) -> bytes:
    """The bytes of one of our fixtures under tests/fixtures/api."""
    return (OUR_API_FIXTURES / relative).read_bytes()


def fake_config() -> ServiceConfig:
    """Every service on fake.test, retries without sleeping, an API key and a contact address.

    Test modules bind it as a fixture: `config = pytest.fixture(fake_config)`.
    """
    return ServiceConfig(
        eutils_url=EUTILS,
        idconv_url=IDCONV,
        crossref_url=CROSSREF,
        ctgov_url=CTGOV,
        ncbi_api_key=SECRET,
        email="tests@example.org",
        backoff_factor=0,
    )


def no_limiter() -> NoHostLimiter:
    """Pacing that never waits (bound as a fixture: `limiter = pytest.fixture(no_limiter)`)."""
    return NoHostLimiter()
