"""Evidence carried forward: sentences after a citation that go on about the cited study (A601–A607)."""

from __future__ import annotations

import pytest
from auditor.claims.extract import extract_claims
from auditor.claims.models import Document
from auditor.references.models import Record
from auditor.references.parse import parse_reference_list

from auditor.checks.abstract_claims import abstract_contradictions
from auditor.checks.registry import CheckContext, ReferenceResolution
from auditor.evidence import claim_sentences
from auditor.evidence_carry import carried_sentences
from auditor.linking import link_citations

# Our own sentences stating the results of ACTT-1 (Beigel et al., NEJM 2020; PMID 32445440).
ACTT = (
    "METHODS: Adults hospitalized with Covid-19 were randomly assigned to remdesivir or placebo for up "
    "to 10 days.\n"
    "RESULTS: A total of 1062 patients underwent randomization, 541 to remdesivir and 521 to placebo. "
    "The median recovery time was 10 days with remdesivir and 15 days with placebo."
)
# Our own sentences stating the design of Bang et al., Ann Neurol 2005 (PMID 15929052).
BANG = (
    "METHODS: Thirty patients with severe cerebral infarcts were randomly allocated to two groups: 5 "
    "received intravenous autologous mesenchymal stem cells and 25 control patients did not.\n"
    "RESULTS: Outcomes of the cell group improved over one year without adverse cell-related effects."
)
REFERENCES = {
    "en": "\n\nReferences\n[1] Beigel JH, Tomashek KM, Dodd LE. Remdesivir for the Treatment of Covid-19. "
    "N Engl J Med. 2020;383:1813-1826. PMID: 32445440.\n",
    "zh": "\n\n参考文献\n[1] Beigel JH, Tomashek KM, Dodd LE. Remdesivir for the Treatment of Covid-19. "
    "N Engl J Med, 2020, 383: 1813-1826. PMID: 32445440.\n",
}


def _context(body: str, abstract: str = ACTT, lang: str = "en") -> CheckContext:
    text = body + REFERENCES[lang]
    document = Document.from_text(text)
    claims = tuple(extract_claims(document, body_end=len(body)))
    references = tuple(parse_reference_list(document))
    record = Record(source="pubmed", id="32445440", pmid="32445440", abstract=abstract, year=2020)
    return CheckContext(
        document=document,
        claims=claims,
        references=references,
        links=dict(link_citations(claims, references)),
        resolutions={"r1": ReferenceResolution(status="identifier", record=record)},
        online=True,
    )


def _flagged(body: str, lang: str = "en", abstract: str = ACTT) -> list[tuple[str, str]]:
    return [(f.code, f.quote or "") for f in abstract_contradictions(_context(body, abstract, lang))]


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        # a number carried forward that disagrees with the cited abstract
        (
            "Remdesivir was compared with placebo in adults hospitalized with Covid-19 [1]. "
            "The trial randomized 1162 patients.",
            "en",
            [("A601", "1162")],
        ),
        ("Beigel等人比较了瑞德西韦与安慰剂[1]。该研究共纳入1162例患者。", "zh", [("A601", "1162")]),
        (
            "Beigel等人比較了瑞德西韋與安慰劑[1]。結果顯示療效良好。其中641例接受瑞德西韋。",
            "zh",
            [("A601", "641")],
        ),
        # the next paragraph, after a heading, opens by referring back to the study
        (
            "Beigel等人評估了瑞德西韋的療效[1]。\n\n瑞德西韋治療新冠肺炎\n患者共1162例，均為住院成人。",
            "zh",
            [("A601", "1162")],
        ),
        # an arm, "its", "the same trial", a participants opener after a heading
        (
            "Beigel等人比较了瑞德西韦与安慰剂[1]。纳入标准较宽。瑞德西韦组541例，安慰剂组512例。",
            "zh",
            [("A601", "512")],
        ),
        (
            "Remdesivir was compared with placebo [1]. Its investigators randomized 1162 patients.",
            "en",
            [("A601", "1162")],
        ),
        (
            "Remdesivir was compared with placebo [1]. Recovery was faster. In the same trial, 1162 patients "
            "were randomized.",
            "en",
            [("A601", "1162")],
        ),
        ("Beigel等人比较了瑞德西韦与安慰剂[1]。\n\n试验概况\n参与者共1162人。", "zh", [("A601", "1162")]),
        # the same numbers, stated as the abstract states them: nothing to flag
        (
            "Remdesivir was compared with placebo [1]. In that trial, 541 patients received remdesivir.",
            "en",
            [],
        ),
        ("Beigel等人比较了瑞德西韦与安慰剂[1]。其中541例接受瑞德西韦，521例接受安慰剂。", "zh", []),
        # a number the abstract does not state is not a flag
        ("Remdesivir was compared with placebo [1]. The trial ran at 60 sites in ten countries.", "en", []),
        # another study, a general statement, our own patients, another paragraph: not carried
        ("Remdesivir was compared with placebo [1]. Another study randomized 400 patients.", "en", []),
        ("Remdesivir was compared with placebo [1]. Covid-19 has infected 700 million people.", "en", []),
        ("Beigel等人比较了瑞德西韦与安慰剂[1]。另一项研究纳入了400例患者。", "zh", []),
        ("Beigel等人比较了瑞德西韦与安慰剂[1]。同年，该团队在其他医院纳入400例患者。", "zh", []),
        ("Remdesivir was compared with placebo [1]. In our hospital, the patients numbered 300.", "en", []),
        ("Remdesivir was compared with placebo [1].\nThe patients we treated numbered 300.", "en", []),
        ("Beigel等人評估了瑞德西韋[1]。\n\n第二節 其他療法\n全球已有數億人感染，300例患者入院。", "zh", []),
        (
            "Remdesivir was compared with placebo [1].\n\nToday\nMost hospitals treat 300 patients.",
            "en",
            [],
        ),
    ],
)
def test_carried_numbers_against_the_cited_abstract(body: str, lang: str, expected: list) -> None:
    assert _flagged(body, lang) == expected


def test_carrying_stops_at_another_citation_and_keeps_the_citing_sentence() -> None:
    ctx = _context(
        "Remdesivir was compared with placebo [1]. The trial randomized 1162 patients [2]. They did well."
    )
    citing = claim_sentences(ctx.document, ctx.claims, ctx.links, ctx.resolutions)
    assert carried_sentences(ctx.document, ctx.claims, citing) == []


def test_a_carried_flag_names_the_citing_sentence() -> None:
    (only,) = abstract_contradictions(
        _context("Remdesivir was compared with placebo [1]. The trial randomized 1162 patients.")
    )
    assert only.evidence["cited_in"] == "Remdesivir was compared with placebo [1]."
    assert "cited in an earlier sentence" in only.message and only.reference_id == "r1"


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        ("Bang et al. gave autologous stem cells to 30 patients with stroke [1].", "en", ["A601"]),
        ("Bang等人为30例卒中患者静脉输注了自体间充质干细胞[1]。", "zh", ["A601"]),
        # the arms are named: the sentence does not say all 30 were treated
        ("Bang et al. randomized 30 patients with stroke, 5 of whom received stem cells [1].", "en", []),
        ("Bang等人将30例患者随机分组，5例接受干细胞输注[1]。", "zh", []),
        ("Bang et al. gave intravenous autologous stem cells to 5 patients with stroke [1].", "en", []),
    ],
)
def test_a_whole_sample_given_as_the_treated_arm(body: str, lang: str, expected: list[str]) -> None:
    assert [code for code, _ in _flagged(body, lang, BANG)] == expected


def test_adversarial_text_is_read_in_bounded_work() -> None:
    # long runs the new patterns might backtrack on: cue words, scale names, time points, headings
    body = (
        "Remdesivir was compared with placebo [1]. "
        + "the the the placebo group " * 4000
        + "CDR-SB " * 4000
        + "rate ratio for 28-day " * 4000
        + "\n\nHeading\n" * 2000
        + "The trial randomized 1162 patients."
    )
    ctx = _context(body)
    citing = claim_sentences(ctx.document, ctx.claims, ctx.links, ctx.resolutions)
    assert len(carried_sentences(ctx.document, ctx.claims, citing)) <= 5 * len(citing)
    assert isinstance(list(abstract_contradictions(ctx)), list)
