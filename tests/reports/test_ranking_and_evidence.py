"""Top problems, grouping of repeated findings, and evidence shown as an editor reads it."""

from __future__ import annotations

import pytest
from auditor.reports.evidence_view import evidence_view, value_text, without_record
from auditor.reports.markdown_findings import group_lines
from auditor.reports.ranking import group_findings, ranked_groups, top_problems

from auditor.models import Finding, FindingKind, Severity


def _finding(code: str, kind: FindingKind, severity: Severity, fid: str, **extra: object) -> Finding:
    return Finding(id=fid, code=code, kind=kind, severity=severity, message=f"{code} {fid}.", **extra)


ERR, WARN, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
K = FindingKind


def test_top_problems_order_retraction_fabrication_identifier_contradiction_rest() -> None:
    findings = [
        _finding("R105", K.UNCITED_REFERENCE, WARN, "f1"),
        _finding("N301", K.ARITHMETIC_INCONSISTENCY, ERR, "f2"),
        _finding("R101", K.MISSING_REFERENCE, ERR, "f3"),
        _finding("M402", K.IDENTIFIER_MISMATCH, ERR, "f4"),
        _finding("M407", K.NOT_FOUND, ERR, "f5"),
        _finding("M404", K.RETRACTED, ERR, "f6"),
        _finding("U902", K.UNVERIFIABLE, INFO, "f7"),
    ]
    codes = [group.code for group in top_problems(findings)]
    assert codes == ["M404", "M407", "M402", "N301", "R101", "R105"]


def test_info_is_never_a_top_problem_and_limit_holds() -> None:
    many = [_finding(f"N{300 + n}", K.ARITHMETIC_INCONSISTENCY, WARN, f"f{n}") for n in range(15)]
    assert len(top_problems(many)) == 10
    assert top_problems([_finding("U902", K.UNVERIFIABLE, INFO, "f1")]) == []


def test_repeats_of_one_code_form_one_group_in_first_seen_order() -> None:
    findings = [_finding("N307", K.MALFORMED_NUMBER, WARN, f"f{n}") for n in range(3)]
    findings.insert(1, _finding("R103", K.MISSING_REFERENCE, WARN, "fx"))
    groups = group_findings(findings)
    assert [(g.code, len(g.findings)) for g in groups] == [("N307", 3), ("R103", 1)]
    assert [g.code for g in ranked_groups(findings)] == ["N307", "R103"]


def test_group_lists_every_place_and_states_shared_parts_once() -> None:
    findings = [
        _finding("R103", K.MISSING_REFERENCE, WARN, f"f{n}", suggestion="add it",
                 evidence={"authors": [name], "reference_list": "1 entry"})
        for n, name in enumerate(["Cui", "Ge"])
    ]
    text = "\n".join(group_lines(group_findings(findings)[0]))
    assert text.count("add it") == 1 and text.count("1 entry") == 1
    assert "f0" in text and "f1" in text and "Cui" in text and "Ge" in text


@pytest.mark.parametrize(
    ("value", "text"),
    [(57.0, "57"), (80.2817, "80.2817"), (80.28171, "80.2817"), (True, "yes"), (["a", "b"], "a, b"),
     ({"b": 1, "a": 2}, '{"a": 2, "b": 1}'), ("x", "x"),
     ([{"quote": "48 patients", "line": 3, "start": 40, "records": ["PMID 15948226"]},
       {"quote": "14 months", "line": 5}], "“48 patients” (line 3; PMID 15948226); “14 months” (line 5)")],
)
def test_value_text(value: object, text: str) -> None:
    assert value_text(value) == text


def test_evidence_view_splits_record_table_facts_links_and_drops_empty() -> None:
    view = evidence_view({
        "record": "Takahashi K. Cell. 2006", "url": "https://pubmed.ncbi.nlm.nih.gov/16904174/",
        "differences": {"year": {"cited": "2008", "record": "2006"}}, "restored": None,
        "part": 49.0, "exponent_lost": True, "notice": "https://pubmed.ncbi.nlm.nih.gov/1/",
    })
    assert view.record == "Takahashi K. Cell. 2006"
    assert view.record_url == "https://pubmed.ncbi.nlm.nih.gov/16904174/"
    assert view.table == [("year", "2008", "2006")]
    assert view.facts == [("exponent lost", ""), ("part", "49")]
    assert view.links == [("notice", "https://pubmed.ncbi.nlm.nih.gov/1/")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Year 2008 where the record has 2006: REC.", "Year 2008 where the record has 2006."),
        ("Correct the reference to: REC", "Correct the reference to the record shown."),
        ("Reference 3 (REC) was retracted.", "Reference 3 was retracted."),
        ("Nothing of the record here.", "Nothing of the record here."),
        ("The abstract of REC states 7020.", "The abstract of the record shown states 7020."),
    ],
)
def test_record_is_shown_once(text: str, expected: str) -> None:
    assert without_record(text, "REC") == expected
