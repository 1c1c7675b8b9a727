"""A shortDOI alias in a reference is a DOI, but it is never looked up or searched as one."""

from __future__ import annotations

from auditor.references.models import IdKind, ParsedReference, Reference

from auditor.candidates import query_of
from auditor.resolve_inputs import reference_identifiers


def _reference(doi: str) -> Reference:
    parsed = ParsedReference(doi=doi, pmid="19403713", year=2009, title="A title")
    return Reference(id="r1", text="An entry", parsed=parsed)


def test_a_short_doi_is_not_a_lookup_key_but_the_other_identifiers_are() -> None:
    assert reference_identifiers(_reference("10/dvq")) == [(IdKind.PMID, "19403713")]
    assert (IdKind.DOI, "10.1093/hmg/ddp202") in reference_identifiers(_reference("10.1093/hmg/ddp202"))


def test_a_short_doi_is_left_out_of_the_bibliographic_search() -> None:
    assert query_of(_reference("10/dvq").parsed).doi is None
    assert query_of(_reference("10.1093/hmg/ddp202").parsed).doi == "10.1093/hmg/ddp202"
