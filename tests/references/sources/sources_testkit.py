"""Constants and helpers for the source tests: fake base URLs, the API key, our fixtures."""

from __future__ import annotations

from pathlib import Path

OUR_API_FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "api"
SECRET = "TESTSECRETKEY0123"
EUTILS = "http://fake.test/eutils"
IDCONV = "http://fake.test/idconv/"
CROSSREF = "http://fake.test/crossref"
CTGOV = "http://fake.test/ctgov"


def fixture_bytes(relative: str) -> bytes:
    """The bytes of one of our fixtures under tests/fixtures/api."""
    return (OUR_API_FIXTURES / relative).read_bytes()
