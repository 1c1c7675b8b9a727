"""Helpers for claim-extraction tests: extract from a sentence and look claims up by kind."""

from __future__ import annotations

from typing import Any

from claims.extract import extract_claims
from claims.models import Claim, ClaimKind, Document


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
