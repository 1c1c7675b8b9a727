"""I2xx: identifier syntax in claims and in parsed reference fields."""

from __future__ import annotations

from typing import Any

import pytest

from auditor.checks.identifier_syntax import malformed_identifier, pmcid_ok, pmid_ok, trial_id_problem
from auditor.checks.registry import CheckContext
from claims.models import Claim, ClaimKind, Document
from references.models import ParsedReference, Reference


def claim_ctx(text: str, quote: str, kind: ClaimKind, **norm: Any) -> CheckContext:
    """A context holding one claim over `quote`."""
    doc = Document.from_text(text)
    start = doc.text.index(quote)
    claim = Claim(id="c1", kind=kind, text=quote, span=doc.span(start, start + len(quote)), normalized=norm)
    return CheckContext(document=doc, claims=(claim,), references=())


@pytest.mark.parametrize(
    ("text", "quote", "kind", "norm", "expected"),
    [
        ("doi: 10.1038/nm.4321.", "10.1038/nm.4321", ClaimKind.DOI, {"doi": "10.1038/nm.4321"}, []),
        ("doi：10.10/abc。", "10.10/abc", ClaimKind.DOI, {"doi": "10.10/abc"}, ["I201"]),
        ("PMID: 31978945", "PMID: 31978945", ClaimKind.PMID, {"pmid": "31978945"}, []),
        ("PMID：0", "PMID：0", ClaimKind.PMID, {"pmid": "0"}, ["I202"]),
        ("PMID 123456789", "PMID 123456789", ClaimKind.PMID, {"pmid": "123456789"}, ["I202"]),
        ("見PMC7092803。", "PMC7092803", ClaimKind.PMCID, {"pmcid": "PMC7092803"}, []),
        ("见PMCabc", "PMCabc", ClaimKind.PMCID, {"pmcid": "PMCabc"}, ["I203"]),
        (
            "注册号NCT01234567。",
            "NCT01234567",
            ClaimKind.TRIAL_ID,
            {"registry": "ClinicalTrials.gov", "id": "NCT01234567"},
            [],
        ),
        (
            "註冊號NCT0123456。",
            "NCT0123456",
            ClaimKind.TRIAL_ID,
            {"registry": "ClinicalTrials.gov", "id": "NCT0123456"},
            ["I204"],
        ),
        (
            "trial NCT012345678",
            "NCT012345678",
            ClaimKind.TRIAL_ID,
            {"registry": "ClinicalTrials.gov", "id": "NCT012345678"},
            ["I204"],
        ),
        (
            "注册号ChiCTR2000029308。",
            "ChiCTR2000029308",
            ClaimKind.TRIAL_ID,
            {"registry": "ChiCTR", "id": "ChiCTR2000029308"},
            [],
        ),
        (
            "注册号ChiCTR20001。",
            "ChiCTR20001",
            ClaimKind.TRIAL_ID,
            {"registry": "ChiCTR", "id": "ChiCTR20001"},
            ["I206"],
        ),
        (
            "ISRCTN12345678 trial",
            "ISRCTN12345678",
            ClaimKind.TRIAL_ID,
            {"registry": "ISRCTN", "id": "ISRCTN12345678"},
            [],
        ),
        (
            "ISRCTN1234 trial",
            "ISRCTN1234",
            ClaimKind.TRIAL_ID,
            {"registry": "ISRCTN", "id": "ISRCTN1234"},
            ["I206"],
        ),
        (
            "EudraCT 2015-001234-12",
            "2015-001234-12",
            ClaimKind.TRIAL_ID,
            {"registry": "EudraCT", "id": "2015-001234-12"},
            [],
        ),
        (
            "EudraCT 2015-0012-12",
            "2015-0012-12",
            ClaimKind.TRIAL_ID,
            {"registry": "EudraCT", "id": "2015-0012-12"},
            ["I206"],
        ),
        ("CTR20201234 试验", "CTR20201234", ClaimKind.TRIAL_ID, {"registry": "CTR", "id": "CTR20201234"}, []),
        (
            "Up 38%.",
            "38%",
            ClaimKind.PERCENTAGE,
            {"value": 38.0, "decimals": 0, "unit": "%", "approx": False},
            [],
        ),
    ],
)
def test_identifier_claims(
    text: str, quote: str, kind: ClaimKind, norm: dict[str, Any], expected: list[str]
) -> None:
    found = list(malformed_identifier(claim_ctx(text, quote, kind, **norm)))
    assert [f.code for f in found] == expected
    assert all(f.quote == quote and f.claim_id == "c1" for f in found)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {
                "doi": "10.1016/j.stem.2019.01.001",
                "pmid": "30827889",
                "pmcid": "PMC6789",
                "issn": "0028-0836",
            },
            [],
        ),
        ({"doi": "10.1016"}, ["I201"]),
        ({"pmid": "12a45"}, ["I202"]),
        ({"pmcid": "PMC"}, ["I203"]),
        ({"nct": "NCT123"}, ["I204"]),
        ({"issn": "0028-0837"}, ["I205"]),
        ({"issn": "2049-3630"}, []),
    ],
)
def test_identifier_fields_of_references(fields: dict[str, str], expected: list[str]) -> None:
    text = "1. Lee J. A title. Nature. 2019. " + " ".join(fields.values())
    doc = Document.from_text("Body.\n\n" + text)
    start = doc.text.index(text)
    ref = Reference(
        id="r1",
        label="1",
        text=text,
        span=doc.span(start, start + len(text)),
        parsed=ParsedReference.model_validate(fields),
    )
    found = list(malformed_identifier(CheckContext(document=doc, claims=(), references=(ref,))))
    assert [f.code for f in found] == expected
    for f in found:
        assert f.span is not None and doc.text[f.span.start : f.span.end] == f.quote


@pytest.mark.parametrize(
    ("value", "ok"), [("1", True), ("00000000", False), ("PMID:123", True), ("１２３", False)]
)
def test_pmid_ok(value: str, ok: bool) -> None:
    assert pmid_ok(value) is ok


@pytest.mark.parametrize(("value", "ok"), [("pmc123", True), ("PMC0", False), ("123", False)])
def test_pmcid_ok(value: str, ok: bool) -> None:
    assert pmcid_ok(value) is ok


def test_trial_id_problem_names_the_digit_count() -> None:
    assert trial_id_problem("ClinicalTrials.gov", "NCT123") == "an NCT number has 8 digits, this one has 3"
    assert trial_id_problem("SomeRegistry", "ABC-1") is None
