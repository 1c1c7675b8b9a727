"""A lookup failure of one kind never leads to a verdict of another: when the PMID lookup failed, the
reference's journal is not checked instead (which reported an "unknown journal" a clean run does not)."""

from __future__ import annotations

import pytest
from auditor.claims.models import Document
from auditor.references.models import Author, IdKind, Record
from auditor.references.sources.fake import InMemorySource

from auditor.pipeline import AuditOptions, audit_documents
from auditor.sources import SourceSet
from tests.auditor.checks.test_abstract_claims import ACTT
from tests.known_records import TAKAHASHI_2006

ARTICLE = (
    "Four factors were enough to reprogram fibroblasts [1].\n\n"
    "References\n"
    "1. Takahashi K, Yamanaka S. Induction of pluripotent stem cells from mouse embryonic and adult "
    "fibroblast cultures by defined factors. Cell. 2006;126(4):663-676. PMID: 16904174.\n"
)
def _codes(fail: tuple[str, ...]) -> tuple[set[str], str]:
    # the catalogue does not know "Cell" under that name: only asked when nothing proved the journal
    pubmed = InMemorySource(
        "pubmed",
        {(IdKind.PMID, "16904174"): TAKAHASHI_2006},
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


# -- every failed lookup is U901 on what it would have checked; verdicts are the clean run's or unverifiable
# Beigel JH et al., Remdesivir for the treatment of Covid-19 - final report, NEJM 2020 (PMID 32445440).
ACTT_1 = Record(
    source="pubmed",
    id="32445440",
    pmid="32445440",
    doi="10.1056/nejmoa2007764",
    title="Remdesivir for the Treatment of Covid-19 - Final Report.",
    authors=[Author(family="Beigel", given="JH"), Author(family="Tomashek", given="KM")],
    year=2020,
    journal="The New England journal of medicine",
    journal_abbrev="N Engl J Med",
    volume="383",
    pages="1813-1826",
    abstract=ACTT,
)
CITES_ACTT = (
    "In ACTT-1, 48 patients received remdesivir [1].\n\n"
    "References\n"
    "1. Beigel JH, Tomashek KM. Remdesivir for the treatment of Covid-19 - final report. "
    "N Engl J Med. 2020;383(19):1813-1826. PMID: 32445440.\n"
)
NAMES_A_JOURNAL_TWICE = (
    "2019年发表在《Journal of Imaginary Results》上的研究报告了该结果。\n\n"
    "随后《Journal of Imaginary Results》又刊登了一篇评论。\n"
)
UNKNOWN_JOURNAL_REFERENCE = (
    "Grafts survived for a year [1].\n\n"
    "References\n"
    "1. Okafor CN, Lind P. Graft survival after cell therapy. Journal of Imaginary Results. 2019;3:10-19.\n"
)
CITES_A_PUBMED_URL = "The reprogramming study is at https://pubmed.ncbi.nlm.nih.gov/16904174/ today.\n"


def _audit(article: str, fail: tuple[str, ...]) -> tuple[dict[str, str], set[tuple[str, str]]]:
    """(claim id → verdict, findings as (code, subject id)) of an audit with `fail` keys failing."""
    records = {(IdKind.PMID, "16904174"): TAKAHASHI_2006, (IdKind.PMID, "32445440"): ACTT_1}
    pubmed = InMemorySource("pubmed", records, fail=fail, kinds=[IdKind.PMID, IdKind.DOI, IdKind.JOURNAL])
    crossref = InMemorySource("crossref", {}, fail=fail, kinds=[IdKind.DOI, IdKind.JOURNAL])
    sources = SourceSet(pubmed=pubmed, crossref=crossref)
    report = audit_documents([Document.from_text(article, path="a.md")], AuditOptions(), sources)
    (document,) = report.documents
    verdicts = {c.id: c.verdict.value for c in document.claims}
    return verdicts, {(f.code, f.claim_id or f.reference_id or "") for f in document.findings}


@pytest.mark.parametrize(
    ("article", "fail", "expected"),
    [
        (CITES_ACTT, ("32445440",), "A601"),  # the abstract could not be read: the count is unverifiable
        (NAMES_A_JOURNAL_TWICE, ("Journal of Imaginary Results",), "M408"),  # first mention only
        (UNKNOWN_JOURNAL_REFERENCE, ("Journal of Imaginary Results",), "M408"),
        (CITES_A_PUBMED_URL, ("16904174",), None),
    ],
    ids=["abstract", "journal-mentions", "reference-journal", "url"],
)
def test_a_failed_lookup_leaves_each_verdict_as_clean_or_unverifiable(
    article: str, fail: tuple[str, ...], expected: str | None
) -> None:
    clean_verdicts, clean = _audit(article, ())
    verdicts, faulty = _audit(article, fail)
    assert expected is None or expected in {code for code, _ in clean}
    flagged = {subject for code, subject in faulty if code == "U901"}
    assert flagged
    assert {f for f in faulty - clean if not f[0].startswith("U9")} == set()  # nothing new
    assert {f for f in clean - faulty if f[1] not in flagged} == set()  # what is gone is U901 instead
    for claim_id, verdict in verdicts.items():
        assert verdict in (clean_verdicts[claim_id], "unverifiable"), (claim_id, clean_verdicts[claim_id])
    changed = {c for c, v in verdicts.items() if v != clean_verdicts[c]}
    assert changed <= flagged
