"""Arms, subgroups and rating-scale scores of a claim against the cited abstract (A601, A602, A608,
A609, A612), in zh-Hans, zh-Hant and en."""

from __future__ import annotations

import pytest

from auditor.checks.abstract_compare import compare_sentence
from auditor.checks.abstract_quantities import extract_quantities
from auditor.checks.abstract_reading import read_abstract

# Our own sentences stating the results of real trials.
# RECOVERY, dexamethasone (NEJM 2021): overall and by respiratory support at randomisation.
DEXAMETHASONE = (
    "RESULTS: Death within 28 days occurred in 22.9% of the dexamethasone group and 25.7% of the usual "
    "care group (rate ratio, 0.83; 95% CI, 0.75 to 0.93; P<0.001). For patients on invasive mechanical "
    "ventilation the figures were 29.3% and 41.4% (rate ratio, 0.64; 95% CI, 0.51 to 0.81). For patients "
    "with no respiratory support they were 17.8% and 14.0% (rate ratio, 1.19; 95% CI, 0.92 to 1.55).\n"
    "CONCLUSIONS: Dexamethasone reduced 28-day mortality in patients on invasive ventilation or oxygen, "
    "but not in those with no respiratory support."
)
# DAPA-HF (NEJM 2019): the effect did not depend on diabetes.
DAPAGLIFLOZIN = (
    "RESULTS: The primary outcome occurred in 16.3% of the dapagliflozin group and 21.2% of the placebo "
    "group (hazard ratio, 0.74; 95% CI, 0.65 to 0.85). The findings in patients with diabetes were "
    "similar to those in patients without diabetes."
)
# PARADIGM-HF (NEJM 2014): primary outcome and death from any cause.
SACUBITRIL = (
    "RESULTS: The primary outcome occurred in 21.8% of the LCZ696 group and 26.5% of the enalapril group. "
    "Death from any cause occurred in 17.0% and 19.8% (hazard ratio, 0.84; 95% CI, 0.76 to 0.93)."
)
# Clarity AD (NEJM 2023): CDR-SB change at 18 months.
LECANEMAB = (
    "RESULTS: At 18 months the mean change in the CDR-SB score was 1.21 with lecanemab and 1.66 with "
    "placebo (difference, -0.45; 95% CI, -0.67 to -0.23)."
)
# COVE (NEJM 2021): symptomatic cases.
MRNA_1273 = (
    "RESULTS: Symptomatic Covid-19 was confirmed in 185 participants in the placebo group and in 11 in "
    "the mRNA-1273 group; severe Covid-19 occurred in 30 participants, all in the placebo group."
)


def _what(sentence: str, abstract: str) -> list[str]:
    return [d.what for d in compare_sentence(sentence, [read_abstract("r1", abstract)], [])]


@pytest.mark.parametrize(
    ("sentence", "abstract", "expected"),
    [
        # a subgroup's effect read from the clauses about that subgroup
        ("地塞米松对未接受呼吸支持的患者同样显著降低死亡率[1]。", DEXAMETHASONE, ["direction_effect"]),
        ("地塞米松顯著降低有創機械通氣患者的死亡率[1]。", DEXAMETHASONE, []),
        (
            "Dexamethasone did not lower mortality in patients on invasive mechanical ventilation [1].",
            DEXAMETHASONE,
            ["direction_none"],
        ),
        ("地塞米松未能降低未接受呼吸支持患者的死亡率[1]。", DEXAMETHASONE, []),
        # an effect confined to a subgroup that the abstract reports regardless of it
        (
            "The benefit of dapagliflozin was confined to patients with diabetes [1].",
            DAPAGLIFLOZIN,
            ["direction_none"],
        ),
        ("达格列净的获益仅见于糖尿病患者[1]。", DAPAGLIFLOZIN, ["direction_none"]),
        ("Dapagliflozin worked in patients with and without diabetes [1].", DAPAGLIFLOZIN, []),
        # similar results with and without diabetes are not "no effect in patients with diabetes"
        ("Dapagliflozin significantly reduced events in patients with diabetes [1].", DAPAGLIFLOZIN, []),
    ],
)
def test_subgroups(sentence: str, abstract: str, expected: list[str]) -> None:
    assert _what(sentence, abstract) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("LCZ696組全因死亡率為17.0%，依那普利組為21.8%[1]。", ["percent"]),  # 21.8%: the primary outcome's
        ("Death from any cause occurred in 17.0% with LCZ696 and 19.8% with enalapril [1].", []),
        ("LCZ696组主要结局发生率为21.8%，依那普利组为26.5%[1]。", []),
    ],
)
def test_two_arms_rates_of_one_outcome(sentence: str, expected: list[str]) -> None:
    assert _what(sentence, SACUBITRIL) == expected


def test_two_rates_from_two_subgroups_are_not_an_arm_pair() -> None:
    assert (
        _what("Mortality was 29.3% on ventilation and 17.8% without respiratory support [1].", DEXAMETHASONE)
        == []
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("18個月時侖卡奈單抗組CDR-SB評分變化為1.51[1]。", ["score"]),
        ("18個月時CDR-SB評分變化為1.21，安慰劑組為1.66，差值為-0.45[1]。", []),
        ("At 18 months the CDR-SB score change was 1.21 with lecanemab [1].", []),
        ("The CDR-SB score was 1.31 with lecanemab [1].", ["score"]),
        ("Patients with an MMSE score of 22 or more were eligible [1].", []),  # another scale, a threshold
    ],
)
def test_rating_scale_scores(sentence: str, expected: list[str]) -> None:
    assert _what(sentence, LECANEMAB) == expected


def test_counts_with_words_between_number_and_people() -> None:
    found = extract_quantities(
        "In COVE, 162 placebo recipients had symptomatic Covid-19; 2 groups of patients."
    )
    assert [(q.value, q.name) for q in found if q.kind == "count"] == [(162.0, "events")]
    assert _what("In that trial, 162 placebo recipients had symptomatic Covid-19 [1].", MRNA_1273) == [
        "count"
    ]
    assert _what("In that trial, 185 placebo recipients had symptomatic Covid-19 [1].", MRNA_1273) == []


def test_number_words_are_counts_on_both_sides() -> None:
    abstract = "METHODS: Seven subjects received the cells twice.\nRESULTS: Five subjects improved."
    assert _what("该研究样本量为6例[1]。", abstract) == ["count"]
    assert _what("该研究纳入7例患者[1]。", abstract) == []
    found = extract_quantities("Twenty-one patients and seventeen volunteers")
    assert [q.value for q in found] == [21.0, 17.0]
