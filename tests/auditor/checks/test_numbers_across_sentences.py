"""Numbers related across a sentence or two, through the real extractor (zh-Hans, zh-Hant, en).

Each flagged sentence stands beside look-alikes that are correct and must stay silent: shares of
different wholes, rounding that follows the stated precision, ranges, dashes, other units,
approximations and bounds, per-group shares.
"""

from __future__ import annotations

import pytest

from tests.auditor.checks.test_offline_checks_integration import offline_findings


def number_codes(text: str) -> list[str]:
    """The N3xx codes the offline checks report on `text`, in order."""
    _, found = offline_findings(text)
    return [f.code for f in found if f.code.startswith("N3")]


PARTS_OF_A_WHOLE = [
    ("A total of 600 patients were randomly assigned to three groups of 198, 204 and 210.", ["N303"]),
    ("A total of 600 patients were randomly assigned to three groups of 198, 192 and 210.", []),
    ("A total of 600 patients were randomly assigned to three groups of 198, 192 and 200.", ["N303"]),
    ("About 600 patients were randomly assigned to three groups of 198, 204 and 210.", []),
    ("In all, 1210 patients were randomized; 605 received the drug and 615 received placebo.", ["N303"]),
    ("In all, 1210 patients were randomized; 605 received the drug and 605 received placebo.", []),
    ("In all, 1210 patients were randomized; 605 received the drug and 600 received placebo.", []),
    ("In all, 1210 patients were randomized; 605 received the drug and 600 placebo, and 20 died.", []),
    ("600 patients were enrolled; 210 received aspirin and 450 received statins.", []),
    ("共纳入100例，其中男性60例、女性40例。", []),
    ("共纳入100例，其中男性62例、女性40例。", ["N303"]),
    ("共納入100例，其中男性60例、女性40例。", []),
    ("共納入100例，其中男性62例、女性40例。", ["N303"]),
    ("共纳入100例患者，随机分为试验组52例和对照组50例。", ["N303"]),
    ("共纳入100例患者，随机分为试验组50例和对照组50例。", []),
    ("共納入100例患者，隨機分為試驗組52例、對照組48例。", []),
    ("共纳入100例患者，随机分为两组，各50例，其中13例死亡。", []),
    ("共纳入约100例，其中男性62例、女性40例。", []),
    # a colon opens the whole's list; parts stated for distinct groups split the whole
    ("共55例：完全缓解30例、部分缓解9例、无效15例。", ["N303"]),
    ("共55例：完全缓解30例、部分缓解10例、无效15例。", []),
    ("共纳入120例：男性60例，平均年龄65岁，其中30例吸烟。", []),
    ("共纳入126名儿童：治疗组84名，对照组45名。", ["N303"]),
    ("共纳入126名儿童：治疗组84名，对照组42名。", []),
    ("共纳入200例患者，治疗组死亡13例，对照组死亡20例。", []),
    ("共纳入200例患者，治疗组100例，对照组100例，其中治疗组死亡13例。", []),
    ("共有560名長者參與，分為三組：182人、190人和197人。", ["N303"]),
    ("共有560名長者參與，分為三組：182人、190人和188人。", []),
]


@pytest.mark.parametrize(("text", "expected"), PARTS_OF_A_WHOLE)
def test_parts_against_a_whole(text: str, expected: list[str]) -> None:
    assert number_codes(text) == expected


SHARES_OF_AN_EARLIER_WHOLE = [
    ("共纳入64例患者。随访期间，其中13例死亡(22.0%)。", ["N301"]),
    ("共纳入64例患者。随访期间，其中13例死亡(20.3%)。", []),
    ("共納入64例患者。隨訪期間，其中13例死亡(22.0%)。", ["N301"]),
    ("共納入64例患者。隨訪期間，其中13例死亡(20.3%)。", []),
    ("A total of 64 patients were enrolled. During follow-up, 13 patients (22.0%) died.", ["N301"]),
    ("A total of 64 patients were enrolled. During follow-up, 13 patients (20.3%) died.", []),
    ("A total of 64 patients were enrolled. During follow-up, 13 patients (20%) died.", []),
    ("Of the 64 patients included, 13 died (20.3%).", []),
    ("Of the 64 patients included, 13 died (25.0%).", ["N301"]),
    # per-group shares and wholes of another paragraph or of another size are not compared
    ("共纳入120例。试验组死亡13例(21.7%)。", []),
    ("共纳入64例患者。\n随访期间，其中13例死亡(22.0%)。", []),
    ("共纳入120例，其中男性64例。13例死亡(20.3%)。", []),
    ("共纳入64例患者。随访期间，超过13例死亡(22.0%)。", []),
    ("共纳入200例患者，治疗组死亡13例(13.0%)，对照组死亡20例(20.0%)。", []),
    ("共納入200例患者，治療組死亡13例（13.0%），對照組死亡20例（20.0%）。", []),
    ("治疗组共纳入71例患者，其中49例(62%)获得良好预后。", ["N301"]),
    ("治疗组共纳入71例患者，其中49例(69%)获得良好预后。", []),
]


@pytest.mark.parametrize(("text", "expected"), SHARES_OF_AN_EARLIER_WHOLE)
def test_percentage_of_an_earlier_whole(text: str, expected: list[str]) -> None:
    assert number_codes(text) == expected


RELATIVE_DIFFERENCES = [
    ("Median survival was 6.2 versus 4.1 months, a 15% improvement.", ["N309"]),
    ("Median survival was 6.2 versus 4.1 months, a 51% improvement.", []),
    ("Median survival was 6.2 vs. 4.1 months (HR 0.70), a 51% improvement.", []),
    ("Median survival was 6.2 months versus 4.1 weeks, a 15% improvement.", []),
    ("Events occurred in 4.0% vs 5.0% of patients, a 20% relative reduction.", []),
    ("Events occurred in 4.0% vs 5.0% of patients, a 40% relative reduction.", ["N309"]),
    ("Events occurred in 4.0% vs 5.0% of patients, a 1% reduction.", []),
    ("Events occurred in 4.0% vs 5.0% of patients, a 1% relative reduction.", ["N309"]),
    ("Mortality was 10% vs 12%; hospital stay fell by 35%.", []),
    ("Rates of 4.0%-5.0% were seen in both groups, a 20% relative reduction.", []),
    ("中位生存期分别为6.2个月和4.1个月，延长了51%。", []),
    ("中位生存期分别为6.2个月和4.1个月，延长了15%。", ["N309"]),
    ("中位存活期分別為6.2個月和4.1個月，延長了51%。", []),
    ("中位存活期分別為6.2個月和4.1個月，延長了15%。", ["N309"]),
    ("试验组32例、对照组30例，治疗后试验组有效率提高20%。", []),
    ("治疗组为24个月，对照组为16个月，延长了25%。", ["N309"]),
    ("治疗组为24个月，对照组为16个月，延长了50%。", []),
    ("治療組為24個月，對照組為16個月，延長了25%。", ["N309"]),
    ("治疗组年龄65岁，对照组64岁，生存期延长了30%。", []),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVE_DIFFERENCES)
def test_relative_difference_of_two_compared_values(text: str, expected: list[str]) -> None:
    assert number_codes(text) == expected


EFFICACIES = [
    ("There were 8 cases in the vaccine group vs 162 in the placebo group, an efficacy of 95%.", []),
    ("There were 8 cases in the vaccine group vs 162 in the placebo group, an efficacy of 85%.", ["N310"]),
    ("Vaccine efficacy was 95.0% (8 of 18,198 vs 162 of 18,325 participants).", []),
    ("Vaccine efficacy was 94.0% (8 of 18,198 vs 162 of 18,325 participants).", ["N310"]),
    ("COVID-19 occurred in 8 vaccine recipients vs 162 placebo recipients. Efficacy was 95%.", []),
    ("COVID-19 occurred in 8 vaccine recipients vs 162 placebo recipients. Efficacy was 75%.", ["N310"]),
    ("疫苗组8例、安慰剂组162例发病，保护效力为95%。", []),
    ("疫苗组8例、安慰剂组162例发病，保护效力为85%。", ["N310"]),
    ("疫苗組8例、安慰劑組162例發病，保護效力為95%。", []),
    ("疫苗組8例、安慰劑組162例發病，保護效力為85%。", ["N310"]),
    ("The vaccine showed an efficacy of 95% in older adults.", []),
    ("疫苗组有8例发病，安慰剂组有162例发病。疫苗保护效力为95.1%。", []),
    ("疫苗组有8例发病，安慰剂组有162例发病。疫苗保护效力为90.1%。", ["N310"]),
]


@pytest.mark.parametrize(("text", "expected"), EFFICACIES)
def test_vaccine_efficacy_from_case_counts(text: str, expected: list[str]) -> None:
    assert number_codes(text) == expected


LOOK_ALIKES = [
    "The response rate was 31.2% in the treated group and 35.0% with placebo.",
    "男性占55%，女性占45%。",
    "試驗組有效率為31.2%，對照組為35.0%。",
    "Of these, 57 of 71 (80%) were stroke studies, and 6/7 (85.7%) responded.",
    "Doses of 10–20 mg and 10-20 mg were compared, 5-10% of patients had fever.",
    "In up to 5% of 64 patients, fever occurred (3 patients).",
    "Overall, 450 patients were randomized (225 per group); 12 died and 30 withdrew.",
    "Of 300 participants, 150 were women, 148 were men and 2 did not report gender.",
    "We screened 1,200 patients; 600 were randomized, and 598 received at least one dose.",
    "Response rates were 45% vs 30% (p = 0.02), corresponding to a 50% relative increase.",
    "Response rates were 45% vs 30% (p = 0.02), a 15% absolute increase.",
    "The HR was 0.75 (95% CI 0.60-0.93), a 25% reduction in risk.",
    "Survival at 5 years was 60% versus 50%; mortality decreased by 20%.",
    "Median PFS was 11.2 vs 5.6 months, a 100% improvement.",
    "The incidence was 0.5% vs 1.0%, a 50% lower risk.",
    "共纳入200例患者，随机分为两组，每组100例。",
    "研究共纳入1,200名受试者。其中600名接种疫苗，600名接种安慰剂。",
]


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_correct_look_alikes_stay_silent(text: str) -> None:
    assert number_codes(text) == []


COMPLEMENTARY_SHARES = [
    ("接種者中女性佔51.2%，男性佔50.8%。", ["N304"]),
    ("接种者中女性占51.2%，男性占48.8%。", []),
    ("治疗组女性占51%，对照组男性占55%。", []),
    ("知晓率为46.9%，未知晓率为55.1%。", ["N304"]),
    ("知晓率为46.9%，未知晓率为53.1%。", []),
    ("攜帶者佔69%，非攜帶者佔35%。", ["N304"]),
    ("62% were women and 41% men.", ["N304"]),
    ("62% were women and 38% men.", []),
    ("Of the participants, 76% were men and 28% women.", ["N304"]),
    ("31.2% of treated mice and 35.0% of controls responded.", []),
    ("Mortality was 23% with lopinavir-ritonavir and 22% with usual care.", []),
    ("Stroke occurred in 1.65% per year with intensive treatment and 2.19% per year with standard care.", []),
]


@pytest.mark.parametrize(("text", "expected"), COMPLEMENTARY_SHARES)
def test_complementary_shares_of_one_whole(text: str, expected: list[str]) -> None:
    assert number_codes(text) == expected


def test_a_change_takes_its_values_from_its_own_clause() -> None:
    text = "某城市的重症住院率由每10萬人50例降至20例，下降60%；另一城市的住院率由8%降至6%，下降了2%。"
    assert number_codes(text) == ["N306"]  # 2 points written as 2%; the 60% has no values of its own


FROM_TO_WITH_UNITS = [
    ("住院天數由12天減至9天，減少了33%。", ["N305"]),
    ("住院天数由12天减至9天，减少了25%。", []),
    ("Hospital stay fell from 13 to 12 days, a 15% reduction.", ["N305"]),
    ("Hospital stay fell from 13 to 12 days, an 8% reduction.", []),
    ("LDL cholesterol fell from 92 to 30 mg/dL, a 67% reduction.", []),
]


@pytest.mark.parametrize(("text", "expected"), FROM_TO_WITH_UNITS)
def test_from_to_with_units_against_the_stated_change(text: str, expected: list[str]) -> None:
    assert number_codes(text) == expected
