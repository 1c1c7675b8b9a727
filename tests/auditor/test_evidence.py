"""Claims attached to their evidence, and `cited_at` on findings about a cited work."""

from __future__ import annotations

from auditor.claims.extract import extract_claims
from auditor.claims.models import Document
from auditor.references.parse import parse_reference_list

from auditor.evidence import attach_cited_at, citations_by_reference, claim_sentences
from auditor.linking import link_citations
from auditor.models import Finding, FindingKind, Severity

TEXT = (
    "干细胞疗法曾被寄予厚望[1]。刺激触发的命运转换也曾被报道[2]，但后来的工作[2,3]未能重复。\n"
    "The RECOVERY trial (NCT04381936) enrolled many patients. It reported lower mortality [1].\n"
    "\n参考文献\n"
    "[1] Takahashi K, Yamanaka S. Induction of pluripotent stem cells. Cell, 2006, 126(4): 663-676.\n"
    "[2] Obokata H, Wakayama T. Stimulus-triggered fate conversion. Nature, 2014, 505: 641-647.\n"
    "[3] Smith A. Another paper. Nature, 2015, 1: 1-2.\n"
)


def _prepared() -> tuple[Document, list, dict]:
    document = Document.from_text(TEXT)
    body_end = TEXT.index("参考文献")
    claims = extract_claims(document, body_end=body_end)
    references = parse_reference_list(document)
    return document, claims, dict(link_citations(claims, references))


def test_every_citation_of_a_work_is_listed_with_its_sentence() -> None:
    document, claims, links = _prepared()
    cited = citations_by_reference(claims, links)
    assert [c.text for c in cited["r2"]] == ["[2]", "[2,3]"]
    finding = Finding(
        code="M404", kind=FindingKind.RETRACTED, severity=Severity.ERROR, message="x", reference_id="r2"
    )
    (out,) = attach_cited_at([finding], document, claims, links)
    assert [(at.start, at.line) for at in out.cited_at] == [(TEXT.index("[2]"), 1), (TEXT.index("[2,3]"), 1)]
    assert all(at.sentence.startswith("刺激触发的命运转换") for at in out.cited_at)


def test_findings_of_other_kinds_or_uncited_works_get_no_cited_at() -> None:
    document, claims, links = _prepared()
    numbers = Finding(
        code="N301", kind=FindingKind.ARITHMETIC_INCONSISTENCY, severity=Severity.ERROR, message="x"
    )
    uncited = Finding(
        code="M404", kind=FindingKind.RETRACTED, severity=Severity.ERROR, message="x", reference_id="r9"
    )
    assert [f.cited_at for f in attach_cited_at([numbers, uncited], document, claims, links)] == [[], []]


def test_a_sentence_relies_on_the_trial_named_in_the_sentence_before() -> None:
    document, claims, links = _prepared()
    sentences = claim_sentences(document, claims, links)
    by_text = {s.text(TEXT).strip(): s for s in sentences}
    later = by_text["It reported lower mortality [1]."]
    assert later.trials == ("NCT04381936",) and later.evidence_ids == ("r1",)
    first = by_text["干细胞疗法曾被寄予厚望[1]。"]
    assert first.trials == () and first.evidence_ids == ("r1",)
    assert by_text["刺激触发的命运转换也曾被报道[2]，但后来的工作[2,3]未能重复。"].evidence_ids == (
        "r2",
        "r3",
    )
