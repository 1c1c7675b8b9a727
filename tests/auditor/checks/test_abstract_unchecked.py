"""A611: the numbers of citing sentences that the cited abstract does not state, one info note per
document (never a flag: info, kind unverifiable, no verdict changed)."""

from __future__ import annotations

from auditor.claims.models import Document
from auditor.references.models import Record

from auditor.checks.abstract_claims import abstract_contradictions
from auditor.models import FindingKind, Severity
from auditor.verdicts import verdict_from_findings
from tests.auditor.checks.test_abstract_claims import cited_context

# Our own sentences stating the results of ACTT-1 (NEJM 2020; PMID 32445440).
ACTT = (
    "RESULTS: A total of 1062 patients underwent randomization, 541 to remdesivir and 521 to placebo. "
    "The median recovery time was 10 days with remdesivir and 15 days with placebo."
)
REFERENCES = (
    "\n\nReferences\n[1] Beigel JH, Tomashek KM, Dodd LE. Remdesivir for the Treatment of Covid-19. "
    "N Engl J Med. 2020;383:1813-1826. PMID: 32445440.\n"
)


def _findings(body: str) -> list:
    record = Record(source="pubmed", id="32445440", pmid="32445440", abstract=ACTT, year=2020)
    ctx = cited_context(Document.from_text(body + REFERENCES), len(body), record)
    return list(abstract_contradictions(ctx))


def test_numbers_the_abstract_does_not_state_are_one_info_note() -> None:
    body = (
        "Remdesivir was given to adults in hospital [1]. About 64% of them were men [1]. "
        "The trial randomized 1062 patients [1]. 该试验的患者平均年龄为58.9岁，其中36%为女性[1]。"
    )
    (note,) = _findings(body)
    assert (note.code, note.kind, note.severity) == ("A611", FindingKind.UNVERIFIABLE, Severity.INFO)
    assert [e["quote"] for e in note.evidence["not_stated"]] == ["64%", "36%"]
    assert note.evidence["count"] == 2 and "PMID 32445440" in note.evidence["not_stated"][0]["records"][0]
    assert note.span is None and verdict_from_findings([note]) is None  # a note, never a verdict


def test_no_note_when_every_number_is_stated_or_flagged() -> None:
    assert _findings("The trial randomized 1062 patients, 541 to remdesivir [1].") == []
    (flag,) = _findings("The trial randomized 1162 patients, and 64% were men [1].")
    assert flag.code == "A601"  # a flagged sentence's other numbers are not listed as unchecked
