"""`trusted_claim_report` builds the same model instance `ClaimReport.model_construct` does."""

from __future__ import annotations

import pytest
from auditor.claims.models import Span

from auditor.models import ClaimReport, Verdict
from auditor.verdicts import trusted_claim_report


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
    fast, slow = trusted_claim_report(_values()), ClaimReport.model_construct(**_values())
    assert fast == slow
    assert fast.model_fields_set == slow.model_fields_set
    assert fast.model_dump_json() == slow.model_dump_json()
    assert fast.model_dump(exclude_unset=True) == slow.model_dump(exclude_unset=True)
    assert fast.model_copy(update={"verdict": Verdict.UNVERIFIABLE}).verdict is Verdict.UNVERIFIABLE


def test_every_field_is_required() -> None:
    values = _values()
    del values["finding_ids"]
    with pytest.raises(ValueError, match="exactly the fields"):
        trusted_claim_report(values)
