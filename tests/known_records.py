"""Records of real works that several test modules need, written once (facts from PubMed)."""

from __future__ import annotations

from auditor.references.models import Author, Record

# Takahashi K, Yamanaka S. Cell 2006;126:663-76 (PMID 16904174).
TAKAHASHI_2006 = Record(
    source="pubmed",
    id="16904174",
    pmid="16904174",
    doi="10.1016/j.cell.2006.07.024",
    title="Induction of pluripotent stem cells from mouse embryonic and adult fibroblast cultures by "
    "defined factors.",
    authors=[Author(family="Takahashi", given="K"), Author(family="Yamanaka", given="S")],
    year=2006,
    journal="Cell",
    journal_abbrev="Cell",
    volume="126",
    pages="663-76",
)
