"""Claim reports are built with `trusted_model`: the same instance `ClaimReport.model_construct` makes."""

from __future__ import annotations

from auditor.claims.models import Document, Span, trusted_model

from auditor.models import ClaimReport, Verdict
from auditor.pipeline import AuditOptions, audit_documents


def _values() -> dict[str, object]:
    return {
        "id": "c3",
        "kind": "percentage",
        "text": "42%",
        "span": Span(start=10, end=13, line=2, column=4),
        "normalized": {"value": 42.0},
        "verdict": Verdict.SUPPORTED,
        "finding_ids": ["f1"],
    }


def test_same_instance_state_as_model_construct() -> None:
    fast, slow = trusted_model(ClaimReport, _values()), ClaimReport.model_construct(**_values())
    assert fast == slow
    assert fast.model_fields_set == slow.model_fields_set
    assert fast.model_dump_json() == slow.model_dump_json()
    assert fast.model_dump(exclude_unset=True) == slow.model_dump(exclude_unset=True)
    assert fast.model_copy(update={"verdict": Verdict.UNVERIFIABLE}).verdict is Verdict.UNVERIFIABLE


def test_document_claim_reports_give_every_field_validly() -> None:
    text = "Of 50 patients, 30 (60%) improved (Smith et al., 2020) [1].\n\nReferences\n"
    text += "1. Doe J. A trial of things. Lancet. 2019;1:2.\n"
    report = audit_documents([Document.from_text(text)], AuditOptions(offline=True), None).documents[0]
    assert report.claims
    for claim in report.claims:
        assert claim.model_fields_set == set(ClaimReport.model_fields)
        assert ClaimReport.model_validate(claim.model_dump()) == claim
