"""A lookup failure of one kind never leads to a verdict of another: when the PMID lookup failed, the
reference's journal is not checked instead (which reported an "unknown journal" a clean run does not)."""

from __future__ import annotations

from auditor.claims.models import Document
from auditor.references.models import Author, IdKind, Record
from auditor.references.sources.fake import InMemorySource

from auditor.pipeline import AuditOptions, audit_documents
from auditor.sources import SourceSet

ARTICLE = (
    "Four factors were enough to reprogram fibroblasts [1].\n\n"
    "References\n"
    "1. Takahashi K, Yamanaka S. Induction of pluripotent stem cells from mouse embryonic and adult "
    "fibroblast cultures by defined factors. Cell. 2006;126(4):663-676. PMID: 16904174.\n"
)
CELL_2006 = Record(
    source="pubmed",
    id="16904174",
    pmid="16904174",
    title="Induction of pluripotent stem cells from mouse embryonic and adult fibroblast cultures by "
    "defined factors.",
    authors=[Author(family="Takahashi", given="K"), Author(family="Yamanaka", given="S")],
    year=2006,
    journal="Cell",
    volume="126",
    pages="663-76",
)


def _codes(fail: tuple[str, ...]) -> tuple[set[str], str]:
    # the catalogue does not know "Cell" under that name: only asked when nothing proved the journal
    pubmed = InMemorySource(
        "pubmed",
        {(IdKind.PMID, "16904174"): CELL_2006},
        fail=fail,
        kinds=[IdKind.PMID, IdKind.DOI, IdKind.JOURNAL],
    )
    crossref = InMemorySource("crossref", {}, kinds=[IdKind.DOI, IdKind.JOURNAL])
    report = audit_documents(
        [Document.from_text(ARTICLE, path="a.md")],
        AuditOptions(),
        SourceSet(pubmed=pubmed, crossref=crossref),
    )
    (document,) = report.documents
    return {f.code for f in document.findings}, document.references[0].resolution


def test_failed_identifier_lookup_does_not_become_an_unknown_journal() -> None:
    clean_codes, clean_resolution = _codes(())
    codes, resolution = _codes(("16904174",))
    assert clean_resolution == "identifier" and "M408" not in clean_codes
    assert resolution == "unverifiable"
    assert "M408" not in codes
    assert codes - clean_codes <= {"U901", "U902"}
