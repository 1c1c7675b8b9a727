"""Helpers for claim-extraction tests: extract from a sentence and look claims up by kind."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

from auditor.claims.extract import extract_claims
from auditor.claims.models import Claim, ClaimKind, Document


def extract(text: str) -> list[Claim]:
    """All claims of `text`, checking the span contract on the way."""
    claims = extract_claims(Document.from_text(text))
    for claim in claims:
        assert claim.text == text[claim.span.start : claim.span.end]
    return claims


def of_kind(text: str, kind: ClaimKind) -> list[Claim]:
    """Claims of one kind."""
    return [claim for claim in extract(text) if claim.kind is kind]


def texts(text: str, kind: ClaimKind) -> list[str]:
    """Quoted texts of the claims of one kind."""
    return [claim.text for claim in of_kind(text, kind)]


def payloads(text: str, kind: ClaimKind) -> list[dict[str, Any]]:
    """Normalized payloads of the claims of one kind."""
    return [claim.normalized for claim in of_kind(text, kind)]


def _root_conftest() -> ModuleType:
    """tests/conftest.py loaded under its own name ("conftest" may be another directory's)."""
    path = Path(__file__).resolve().parent.parent / "conftest.py"
    spec = importlib.util.spec_from_file_location("auditor_tests_root_conftest", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_ROOT = _root_conftest()
needs_seeds = _ROOT.needs_seeds
seed_paths = _ROOT.seed_paths
