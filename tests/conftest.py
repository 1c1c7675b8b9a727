"""Shared test helpers: where ../shared is, and a marker for tests that need it."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
API_FIXTURES = SHARED / "fixtures" / "api"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent")
needs_api_fixtures = pytest.mark.skipif(not API_FIXTURES.is_dir(), reason="../shared/fixtures/api is absent")


def seed_paths() -> list[Path]:
    """The seed articles, sorted (empty when ../shared is absent)."""
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
