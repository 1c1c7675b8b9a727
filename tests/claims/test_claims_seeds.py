"""On each real seed article: well-known claims are found and every span slices the text."""

from __future__ import annotations

from collections import Counter

import pytest
from auditor.claims.extract import extract_claims
from auditor.claims.models import Claim, ClaimKind, Document
from claimtest_helpers import needs_seeds, seed_paths

# Per seed (by file-name prefix): (kind, short identifying text or normalized value) that must be found.
EXPECTED: dict[str, list[tuple[ClaimKind, str]]] = {
    "000": [
        (ClaimKind.AUTHOR_CITATION, "Ballabh"),
        (ClaimKind.AUTHOR_CITATION, "Majore"),
        (ClaimKind.NUMBERED_CITATION, "(11)"),
        (ClaimKind.NUMBERED_CITATION, "(4, 3, 5)"),
        (ClaimKind.QUANTITY, "10-15"),
    ],
    "001": [
        (ClaimKind.COUNT, "71"),
        (ClaimKind.COUNT, "57"),
        (ClaimKind.PERCENTAGE, "82%"),
        (ClaimKind.AUTHOR_CITATION, "Fukuda"),
        (ClaimKind.AUTHOR_CITATION, "Yavagal"),
        (ClaimKind.AUTHOR_CITATION, "Lee"),
        (ClaimKind.FRACTION, "6/7"),
        (ClaimKind.STATISTIC, "p=0.07"),
        (ClaimKind.NUMBERED_CITATION, "[1]"),
        (ClaimKind.QUANTITY, "1333"),
    ],
    "002": [(ClaimKind.PERCENTAGE, "2.1‰"), (ClaimKind.JOURNAL_MENTION, "《")],
    "003": [
        (ClaimKind.AUTHOR_CITATION, "Bang"),
        (ClaimKind.AUTHOR_CITATION, "Levy"),
        (ClaimKind.AUTHOR_CITATION, "Chung"),
        (ClaimKind.AUTHOR_CITATION, "Macêdo"),
        (ClaimKind.QUANTITY, "10⁸"),
        (ClaimKind.COUNT, "39"),
    ],
    "004": [
        (ClaimKind.TRIAL_ID, "NCT04923760"),
        (ClaimKind.TRIAL_ID, "CTR20222031"),
        (ClaimKind.AUTHOR_CITATION, "Cell Therapy"),
        (ClaimKind.NAMED_STUDY, "UCLA"),
        (ClaimKind.STATISTIC, "(p)"),
        (ClaimKind.RELATIVE_CHANGE, "38%"),
        (ClaimKind.QUANTITY, "40-150nm"),
    ],
}


def _claims_of(prefix: str) -> tuple[str, list[Claim]]:
    path = next(p for p in seed_paths() if p.name.startswith(prefix))
    text = path.read_text(encoding="utf-8")
    return text, extract_claims(Document.from_text(text, path=str(path)))


@needs_seeds
@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_has_the_well_known_claims(prefix: str) -> None:
    text, claims = _claims_of(prefix)
    for kind, needle in EXPECTED[prefix]:
        assert any(c.kind is kind and needle in c.text for c in claims), (kind, needle)
    for claim in claims:
        assert claim.text == text[claim.span.start : claim.span.end]


@needs_seeds
def test_relative_change_with_base_and_new_in_seed() -> None:
    _, claims = _claims_of("004")
    change = next(c for c in claims if c.kind is ClaimKind.RELATIVE_CHANGE and "38" in c.text)
    assert change.normalized == {
        "change": 38.0,
        "base": 5.2,
        "new": 7.2,
        "percent_values": True,
        "base_decimals": 1,
        "new_decimals": 1,
        "exact_values": False,
    }


@needs_seeds
def test_lost_exponents_in_seed_are_flagged() -> None:
    _, claims = _claims_of("001")
    lost = [c for c in claims if c.kind is ClaimKind.QUANTITY and c.normalized["exponent_lost"]]
    assert len(lost) >= 20
    assert all(c.normalized["value"] is None for c in lost)


@needs_seeds
def test_no_obvious_false_positives_in_seeds() -> None:
    for path in seed_paths():
        claims = extract_claims(Document.from_text(path.read_text(encoding="utf-8")))
        authors = {a for c in claims if c.kind is ClaimKind.AUTHOR_CITATION for a in c.normalized["authors"]}
        assert not authors & {"MRI", "BBB", "MSCs", "PubMed", "UCLA", "VEGF", "Notch", "Wnt", "Barthel"}
        numbered = [c for c in claims if c.kind is ClaimKind.NUMBERED_CITATION]
        assert all(max(c.normalized["numbers"]) < 1000 for c in numbered)
        counts = Counter(c.kind for c in claims)
        assert counts[ClaimKind.NUMBERED_CITATION] < 50
