"""More shapes of numbers related to each other (zh-Hans, zh-Hant, en), through the real extractor.

Each table pairs a wrong statement with its correct twin and with look-alikes that must stay
silent: a percentage of another denominator, a share stated for a group, a tie rounded half-even,
a hedge, values that are not percentages.
"""

from __future__ import annotations

import pytest

from tests.auditor.checks.test_numbers_across_sentences import number_codes

SHARES_OF_A_NAMED_WHOLE = [
    # the whole right before the part: "A中(有)B"
    ("隨訪中，9例中8例（89%）恢復行走，10例中9例（90%）恢復說話。", []),
    ("隨訪中，9例中8例（88%）恢復行走。", ["N302"]),
    ("随访中，9例中8例（80%）恢复行走，10例中9例（90%）恢复说话。", ["N301"]),
    ("在12所医院中有9所（75%）开展了该手术。", []),
    ("在12家醫院中有9家（70%）開展了該手術。", ["N301"]),
    ("共有40个国家参与，其中有31个（78%）报告了病例。", []),
    ("共有40個國家參與，其中有31個（72%）報告了病例。", ["N301"]),
    ("参与的16株菌中有13株（81%）耐药。", []),
    ("参与的16株菌中有13株（85%）耐药。", ["N301"]),
    ("3个月后，40例中32例（80%）好转。", []),
    # a group's own size is a share of the sample; an outcome stated for a group is not
    ("本研究共纳入300名患者，手术组160名（53%）。", []),
    ("本研究共納入300名患者，手術組160名（60%）。", ["N301"]),
    ("本研究共纳入300名患者，手术组30名（20%）出现感染。", []),
    ("本研究共纳入300名患者，手术组死亡30名（20%）。", []),
    # "A…，占…B…的P%"
    ("当年约有56万例新发病例，占全部280万例新发病例的20%。", []),
    ("當年有56萬例新發病例，佔全部280萬例新發病例的25%。", ["N301"]),
    ("其中男性64例，占全部120例患者的53.3%。", []),
    ("其中男性64例，占治疗组的61%。", []),
]


@pytest.mark.parametrize(("text", "expected"), SHARES_OF_A_NAMED_WHOLE)
def test_shares_of_a_whole_the_text_names(text: str, expected: list[str]) -> None:
    assert number_codes(text) == expected


WRAPPED = "In the small extension study that followed the main trial, of these, 7 of 9"
SHARES_AFTER_A_CLAUSE = [
    ("Of 80 treated patients, 52 achieved a complete response (65%).", []),
    ("Of 80 treated patients, 52 achieved a complete response (70%).", ["N301"]),
    ("A cohort of 640 adults was followed; 96 developed diabetes (15%).", []),
    ("A cohort of 640 adults was followed; 96 developed diabetes (18%).", ["N301"]),
    ("In all, 2400 patients were randomized and 1190 received the new drug (50%).", []),
    ("In all, 2400 patients were randomized and 1190 received the new drug (55%).", ["N301"]),
    ("Of 400 patients, 38 had a stroke (9.5%).", []),
    ("Of 400 patients, 38 had a stroke (8.5%).", ["N301"]),
    ("Of 60 treated children, 51 were free of seizures for a full year (85%).", []),
    ("Of 60 treated children, 51 were free of seizures for a full year (80%).", ["N301"]),
    ("Of 60 treated children, 51 were alive (85%).", []),
    # another denominator in between, a percentage that names its own whole, several clauses
    ("Of the 120 enrolled patients, 75 were infused and 61 achieved remission (81%).", []),
    ("Of 400 patients, 38 had a stroke (12% of those with atrial fibrillation).", []),
    ("Of 400 patients, 38 had a stroke and 20 had a bleed (9.5%).", []),
    ("Of 400 patients, 38 had a stroke compared with 20 controls (12%).", []),
    ("We enrolled 120 patients. Of 75 infused patients, 61 achieved remission (81%).", []),
    # the whole stated among its own words: "A events among the B on a drug (P%)"
    ("There were 60 deaths among the 1500 on the new drug (4.0%) and 90 among 1500 on placebo (6.0%).", []),
    ("There were 60 deaths among the 1500 on the new drug (5.0%).", ["N301"]),
    # one soft line end between a count and its percentage
    (WRAPPED + "\n(78%) improved markedly over the year.", []),
    (WRAPPED + "\n(70%) improved markedly over the year.", ["N301"]),
    (WRAPPED + "\n\n(70%) improved markedly over the year.", []),
]


@pytest.mark.parametrize(("text", "expected"), SHARES_AFTER_A_CLAUSE)
def test_a_count_its_clause_and_its_percentage(text: str, expected: list[str]) -> None:
    assert number_codes(text) == expected


TIES = [
    ("7/8 (87.5%) responded.", []),
    ("7/8 (88%) responded.", []),
    ("7/8 (87%) responded.", ["N302"]),  # half up and half even both give 88
    ("3/8 (37%) responded.", ["N302"]),
    ("1/8 (12%) responded.", []),  # 12.5 rounded half even is 12
    ("8名中有7名（87%）完成隨訪。", ["N302"]),
    ("3名中有2名（66%）需要減量。", ["N302"]),
    ("3名中有2名（67%）需要減量。", []),
    ("Of 8 patients, about 7 (87%) responded.", []),
]


@pytest.mark.parametrize(("text", "expected"), TIES)
def test_ties_round_half_up_or_half_even(text: str, expected: list[str]) -> None:
    assert number_codes(text) == expected


FROM_TO_SHAPES = [
    ("发病率由每10万人80例降至20例，下降了75%。", []),
    ("發病率由每10萬人80例降至20例，下降了60%。", ["N305"]),
    ("死亡率由每千人年4.0降至3.0，下降了25%。", []),
    ("死亡率由每千人年4.0降至3.0，下降了20%。", ["N305"]),
    ("用量由200吨降至150吨，减少了25%。", []),
    ("用量由200噸降至150噸，減少了50%。", ["N305"]),  # 50 tonnes are not 50 points
    ("病例由每年1000萬降至250萬，減少了75%。", []),
    ("病例由每年1000萬降至250萬，減少了60%。", ["N305"]),
    ("病例由1.2万降至6000，减少了50%。", []),
    ("评分由2.0降至1.5，减缓了25%。", []),
    ("评分由2.0降至1.5，减缓了约40%。", ["N305"]),
    ("Coverage rose from 40% to 60%, an increase of 50%.", []),
    ("Coverage rose from 40% to 60%, an increase of 20%.", ["N306"]),
    ("Weight fell from 100 to 80 kg, a reduction of 20%.", []),
    ("Weight fell from 100 to 80 kg, a reduction of 25%.", ["N305"]),
    ("Coverage rose from 40% to 60%, an increase of 50% in two years.", []),
]


@pytest.mark.parametrize(("text", "expected"), FROM_TO_SHAPES)
def test_changes_between_stated_values(text: str, expected: list[str]) -> None:
    assert number_codes(text) == expected


MISSING_VALUES = [
    ("The effect was significant (P value = ).", ["N308"]),
    ("The effect was significant (p-value: ).", ["N308"]),
    ("The effect was significant (P = ?).", ["N308"]),
    ("疗效显著提高（P=？）。", ["N308"]),
    ("療效顯著提高（P值＝）。", ["N308"]),
    ("疗效显著提高（P值=）。", ["N308"]),
    ("Relapse was significantly associated with the tumour burden (P value = ), as noted.", ["N308"]),
    ("It was significant. Cytokines of all the patients were measured at baseline (P value = ).", []),
    ("The effect was significant (P value = 0.01).", []),
    ("The effect was significant (p-value: 0.2).", []),
    ("疗效显著提高（P=0.03）。", []),
]


@pytest.mark.parametrize(("text", "expected"), MISSING_VALUES)
def test_announced_statistic_without_value(text: str, expected: list[str]) -> None:
    assert number_codes(text) == expected


COMPARED_VALUES = [
    # one preposition for each value
    ("Median survival was 18.0 months with drug A and 12.0 months with drug B, a 50% improvement.", []),
    ("Median survival was 18.0 months with drug A and 12.0 months with drug B, a 33% improvement.", ["N309"]),
    ("Median survival was 18.0 months with drug A and 12.0 weeks with drug B, a 33% improvement.", []),
    ("Mortality was 12% with placebo and 9% with the drug, a 25% improvement.", []),
    ("Mortality was 9% with the drug versus 12% with placebo, a 25% improvement.", []),
    ("Mortality was 9% with the drug versus 12% with placebo, a 33% improvement.", ["N309"]),
    # an increase is relative to the smaller value, a reduction to the larger, in either order
    ("Response was 30% vs 45%, a 50% relative increase.", []),
    ("Response was 30% vs 45%, a 33% relative increase.", ["N309"]),
    ("Risk was 9.0% vs 12.0%, a 25% relative reduction.", []),
    ("Risk was 9.0% vs 12.0%, a 33% relative reduction.", ["N309"]),
    ("治疗组为18个月，对照组为12个月，延长了50%。", []),
    ("治疗组为18个月，对照组为12个月，延长了33%。", ["N309"]),
    ("A2組為18.0個月，對照組為12.0個月，延長了約50%。", []),
    ("A2組為18.0個月，對照組為12.0個月，延長了約30%。", ["N309"]),
    ("中位生存期分别为18个月和12个月，改善了50%。", []),
    ("中位生存期分别为18个月和12个月，改善了33%。", []),  # "respectively": either may be the reference
]


@pytest.mark.parametrize(("text", "expected"), COMPARED_VALUES)
def test_relative_difference_and_its_reference(text: str, expected: list[str]) -> None:
    assert number_codes(text) == expected


EFFICACY_FROM_RATES = [
    ("9 cases occurred among 20,000 vaccinated and 90 among 20,000 on placebo, an efficacy of 90%.", []),
    ("9 cases occurred among 20,000 vaccinated and 90 among 20,000 on placebo, efficacy 80%.", ["N310"]),
    ("9 cases occurred among 10,000 vaccinated and 90 among 20,000 on placebo, an efficacy of 80%.", []),
    ("Cases: 9 of 20,000 vaccinated and 90 of 20,000 unvaccinated people. Efficacy was 90%.", []),
    ("Cases: 9 of 20,000 vaccinated and 90 of 20,000 unvaccinated people. Efficacy was 95%.", ["N310"]),
    # case counts alone are attack rates only for arms of equal size
    ("Adults were randomised 2:1. There were 10 cases with vaccine vs 50 with placebo, efficacy 90%.", []),
    ("受試者按2∶1隨機分組。疫苗組10例、安慰劑組50例發病，保護效力為90%。", []),
    ("受试者按1:1随机分组。疫苗组10例、安慰剂组50例发病，保护效力为90%。", ["N310"]),
]


@pytest.mark.parametrize(("text", "expected"), EFFICACY_FROM_RATES)
def test_efficacy_from_two_attack_rates(text: str, expected: list[str]) -> None:
    assert number_codes(text) == expected


def test_a_change_after_a_hazard_ratio_is_not_read_from_the_values_before_it() -> None:
    text = "Median PFS was 12 vs 6 months (HR 0.70), a 30% reduction in the risk of progression."
    assert number_codes(text) == []
    assert number_codes("Median PFS was 12 vs 6 months, a 30% longer time to progression.") == []
    assert number_codes("Median PFS was 12 vs 6 months, a 30% increase.") == ["N309"]


MORE_LOOK_ALIKES = [
    ("Of 1,200 adults screened, 800 were randomized; 400 received the vaccine (50%).", []),
    ("Among 3,000 participants, 150 developed dementia (5.0%) during 10 years.", []),
    ("Among 3,000 participants, 150 developed dementia (6.0%) during 10 years.", ["N301"]),
    ("Of 250 patients, 50 had diabetes (20%); 35 of them (70%) used insulin.", []),
    ("Of the 300 patients, 120 were aged 70 or more and 45 had dementia (37.5%).", []),
    ("在纳入的1200例患者中，治疗组600例（50%），其中120例（20%）出现不良反应。", []),
    ("共纳入300例，治疗组150例（50%）中有30例（20%）出现皮疹。", []),
    ("共纳入86例，男性52例（62.5%），女性34例（39.5%）。", ["N301"]),
    # values stated without decimals may be half a unit off: 8 and 10 days allow 10.5%–28.6%
    ("Hospital stay was 8 days with the new protocol and 10 days with usual care, a 25% reduction.", []),
    ("Hospital stay was 8.0 days with the new protocol and 10.0 days with usual care, a 25% drop.", ["N309"]),
    ("死亡率試驗組為8%，對照組為10%，相對降低25%。", []),
    ("死亡率試驗組為8.0%，對照組為10.0%，相對降低25%。", ["N309"]),
    ("死亡率试验组为8.0%，对照组为10.0%，相对降低2%。", ["N309"]),
    ("死亡率试验组为8.0%，对照组为10.0%，降低了2%。", []),  # 2 points
    ("Vaccine efficacy was 90% (10 cases among 50,000 vaccinated vs 100 among 50,000 given placebo).", []),
    ("由2010年至2020年，病例下降了30%。", []),
]


@pytest.mark.parametrize(("text", "expected"), MORE_LOOK_ALIKES)
def test_more_look_alikes(text: str, expected: list[str]) -> None:
    assert number_codes(text) == expected


RELATIVE_RISK_REDUCTIONS = [
    ("The event rate was 9.8% vs 12.3%, a relative risk reduction of 20%.", []),
    ("The event rate was 9.8% vs 12.3%, a relative risk reduction (RRR) of 30%.", ["N309"]),
    ("The event rate was 9.8% vs 12.3%, an absolute risk reduction of 2.5%.", []),
    ("主要终点发生率分别为9.8%和12.3%，相对风险降低20%。", []),
    ("主要終點發生率分別為9.8%和12.3%，相對危險度降低30%。", ["N309"]),
    ("主要终点发生率分别为9.8%和12.3%，相对风险降低2.5%。", ["N309"]),  # 2.5 points is not relative
    ("主要终点发生率分别为9.8%和12.3%，降低了2.5%。", []),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVE_RISK_REDUCTIONS)
def test_relative_risk_reduction_from_two_rates(text: str, expected: list[str]) -> None:
    assert number_codes(text) == expected


PRECISION_OF_STATED_VALUES = [
    ("共纳入20 416名参与者，其中20 164名（98.8%）完成了检查。", []),  # digits grouped by a blank
    ("新发骨折由14%降至5%，相对降低约65%。", []),  # 64.3%, hedged
    ("新發骨折由1.8%降至0.5%，相對降低73%。", []),  # 1.75–1.85 and 0.45–0.55 give 68.6–75.7%
    ("新发骨折由1.8%降至0.5%，相对降低60%。", ["N305"]),
    ("Fractures fell from 14% to 5%, a relative reduction of about 64%.", []),
    ("Fractures fell from 14% to 5%, a relative reduction of 50%.", ["N305"]),
]


@pytest.mark.parametrize(("text", "expected"), PRECISION_OF_STATED_VALUES)
def test_stated_values_are_rounded_too(text: str, expected: list[str]) -> None:
    assert number_codes(text) == expected
