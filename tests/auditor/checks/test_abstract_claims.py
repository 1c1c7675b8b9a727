"""A6xx: claims against the abstracts of the works they cite (zh-Hans, zh-Hant, en)."""

from __future__ import annotations

import pytest
from auditor.claims.extract import extract_claims
from auditor.claims.models import Document
from auditor.references.models import Author, Record
from auditor.references.parse import parse_reference_list

from auditor.checks.abstract_claims import abstract_contradictions
from auditor.checks.abstract_compare import compare_sentence
from auditor.checks.abstract_quantities import extract_quantities
from auditor.checks.abstract_reading import read_abstract
from auditor.checks.abstract_terms import direction
from auditor.checks.registry import CheckContext, ReferenceResolution
from auditor.linking import link_citations

# Our own sentences stating the results of real trials (ACTT-1, NEJM 2020; ISCHEMIA, NEJM 2020).
ACTT = (
    "METHODS: Adults hospitalized with Covid-19 received remdesivir (200 mg on day 1, then 100 mg daily) "
    "or placebo for up to 10 days.\n"
    "RESULTS: A total of 1062 patients underwent randomization, 541 to remdesivir and 521 to placebo. "
    "The median recovery time was 10 days with remdesivir and 15 days with placebo (rate ratio for "
    "recovery, 1.29; 95% CI, 1.12 to 1.49; P<0.001). Mortality by day 29 was 11.4% with remdesivir and "
    "15.2% with placebo (hazard ratio, 0.73; 95% CI, 0.52 to 1.03).\n"
    "CONCLUSIONS: Remdesivir was superior to placebo in shortening the time to recovery."
)
ISCHEMIA = (
    "METHODS: We randomly assigned 5179 patients with stable coronary disease to an invasive or a "
    "conservative strategy.\n"
    "RESULTS: Over a median of 3.2 years, 318 primary outcome events occurred in the invasive-strategy "
    "group and 352 in the conservative-strategy group (adjusted hazard ratio, 0.93; 95% CI, 0.80 to 1.08; "
    "P=0.34).\n"
    "CONCLUSIONS: We did not find evidence that an invasive strategy reduced the risk of ischemic "
    "cardiovascular events or death from any cause."
)


def _codes(sentence: str, cited: str, other: str | None = None) -> list[str]:
    others = [read_abstract("r2", other)] if other else []
    return [d.what for d in compare_sentence(sentence, [read_abstract("r1", cited)], others)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # like with like, in three languages: nothing to flag
        ("In ACTT-1, 541 patients received remdesivir and 521 received placebo [1].", []),
        ("瑞德西韦组第29天死亡率为11.4%，安慰剂组为15.2%，风险比为0.73[1]。", []),
        ("瑞德西韋組中位恢復時間為10天，安慰劑組為15天[1]。", []),
        ("The rate ratio for recovery was 1.29 (95% CI 1.12 to 1.49; P < 0.001) [1].", []),
        ("Remdesivir was given as 200 mg on day 1 and then 100 mg daily [1].", []),
        # a number the abstract does not state is not a flag
        ("About 60% of the patients were men [1].", []),
        ("该试验计划纳入1100例患者[1]。", []),
        # contradictions
        ("In ACTT-1, 48 patients received remdesivir [1].", ["count"]),
        ("Mortality by day 29 was 11.4% with remdesivir and 13.2% with placebo [1].", ["percent"]),
        ("死亡风险比为0.63[1]。", ["ratio"]),
        ("The rate ratio for recovery was 1.29 (95% CI 1.02 to 1.69) [1].", ["ci"]),
        ("The rate ratio for recovery was 1.29 (P = 0.03) [1].", ["p"]),
        ("瑞德西韦的维持剂量为每日50 mg[1]。", ["dose"]),
    ],
)
def test_numbers_against_the_abstract(sentence: str, expected: list[str]) -> None:
    assert _codes(sentence, ACTT) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "An invasive strategy significantly reduced ischemic cardiovascular events [1].",
            ["direction_effect"],
        ),
        ("侵入性策略證實有效，顯著降低缺血性心血管事件[1]。", ["direction_effect"]),
        ("侵入性策略并未显著降低缺血性心血管事件[1]。", []),
        ("The invasive strategy did not reduce ischemic cardiovascular events [1].", []),
        ("Over a median of 3.2 years, 318 events occurred with the invasive strategy [1].", []),
        ("中位随访时间为4.2年[1]。", ["duration"]),
    ],
)
def test_direction_and_follow_up_against_the_abstract(sentence: str, expected: list[str]) -> None:
    assert _codes(sentence, ISCHEMIA) == expected


def test_numbers_of_another_cited_work_are_a_citation_mismatch() -> None:
    sentence = "In ISCHEMIA, mortality by day 29 was 11.4% with remdesivir and 15.2% with placebo [1]."
    assert _codes(sentence, ISCHEMIA, other=ACTT) == ["attribution"]
    assert _codes("Mortality was 11.4% [1].", ISCHEMIA, other=ACTT) == ["attribution"]  # one decimal value
    assert _codes("The hazard ratio was 0.73 [1].", ISCHEMIA, other=ACTT) == ["ratio"]  # too common alone


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Remdesivir was not associated with statistically significant clinical benefits.", "negative"),
        ("Dexamethasone lowered mortality, but not among those receiving no respiratory support.", "mixed"),
        ("显著改善了运动时间", "positive"),
        ("兩組間無顯著差異", "negative"),
        ("司美格鲁肽用于没有糖尿病的肥胖成人", ""),  # 没有 here is "without", not "no effect"
        ("两组之间没有显著差异", "negative"),
        ("The primary outcome was 28-day mortality.", ""),
    ],
)
def test_direction(text: str, expected: str) -> None:
    assert direction(text) == expected


def test_quantities_are_typed_with_roles() -> None:
    found = extract_quantities(
        "Over a median of 18.2 months, 386 of 2373 patients (16.3%) had an event "
        "(HR 0.74; 95% CI 0.65 to 0.85)."
    )
    kinds = {(q.kind, q.name, q.role) for q in found}
    assert ("duration", "month", "follow_up") in kinds and ("ratio", "HR", "") in kinds
    ratio = next(q for q in found if q.kind == "ratio")
    assert (ratio.value, ratio.lower, ratio.upper) == (0.74, 0.65, 0.85)
    assert [q.value for q in found if q.kind == "percent"] == [16.3]  # the CI level is not a result
    points = extract_quantities("28天死亡率与18个月时的评分")  # time points are not durations claimed
    assert [q.role for q in points] == ["", ""]


def test_adversarial_sentence_is_linear() -> None:
    text = "hazard ratio " * 20_000 + "1" * 5000 + "%" + " 95% CI " * 10_000
    assert isinstance(extract_quantities(text), list)


def cited_context(document: Document, body_end: int, record: Record) -> CheckContext:
    """An online context of `document` whose reference r1 resolved (by identifier) to `record`."""
    claims = tuple(extract_claims(document, body_end=body_end))
    references = tuple(parse_reference_list(document))
    return CheckContext(
        document=document,
        claims=claims,
        references=references,
        links=dict(link_citations(claims, references)),
        resolutions={"r1": ReferenceResolution(status="identifier", record=record)},
        online=True,
    )


def test_check_flags_the_claim_where_it_is_written_and_quotes_the_abstract() -> None:
    text = (
        "在ACTT-1试验中，共有48例患者接受了瑞德西韦[1]。\n\n参考文献\n"
        "[1] Beigel JH, Tomashek KM, Dodd LE. Remdesivir for the Treatment of Covid-19. "
        "N Engl J Med, 2020, 383: 1813-1826. PMID: 32445440.\n"
    )
    document = Document.from_text(text)
    record = Record(source="pubmed", id="32445440", pmid="32445440", abstract=ACTT, year=2020)
    ctx = cited_context(document, text.index("参考文献"), record)
    claims, references = ctx.claims, ctx.references
    (only,) = abstract_contradictions(ctx)
    assert only.code == "A601" and only.quote == "48" and only.reference_id == "r1"
    assert next(c for c in claims if c.id == only.claim_id).text.startswith("48")  # the count claim
    assert "541 to remdesivir" in only.evidence["abstract_sentences"][0]
    assert only.evidence["url"] == "https://pubmed.ncbi.nlm.nih.gov/32445440/"
    unresolved = CheckContext(document=document, claims=claims, references=references, links=ctx.links)
    assert list(abstract_contradictions(unresolved)) == []


def test_the_abstract_of_a_record_that_is_another_work_is_not_evidence() -> None:
    text = (
        "In ACTT-1, 48 patients received remdesivir [1].\n\nReferences\n"
        "[1] Smith A, Jones B. Gene expression in zebrafish fins. Dev Biol. 2011;12:1-9. PMID: 32445440.\n"
    )
    record = Record(
        source="pubmed",
        id="32445440",
        pmid="32445440",
        title="Remdesivir for the Treatment of Covid-19 - Final Report.",
        authors=[Author(family="Beigel", given="JH")],
        year=2020,
        abstract=ACTT,
    )
    ctx = cited_context(Document.from_text(text), text.index("References"), record)
    assert list(abstract_contradictions(ctx)) == []
