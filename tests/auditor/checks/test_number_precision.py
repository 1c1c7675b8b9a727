"""Stated precision in the number checks: spaced thousands and the rounding interval of changes.

Through the real extractor: a count written with space-separated thousands ("20 164名") is one
number, while a year or a number list before a count stays separate; a relative change is judged
against every value its two inputs could have had at their stated precision, one unit looser
after a hedge ("约65%").
"""

from __future__ import annotations

import pytest
from auditor.claims.extract import extract_candidates
from auditor.claims.models import ClaimKind

from tests.auditor.checks.test_numbers_across_sentences import number_codes


def count_values(text: str) -> list[float]:
    """The values of the count claims extracted from `text`, in order."""
    return [float(c.normalized["value"]) for c in extract_candidates(text) if c.kind is ClaimKind.COUNT]


SPACED_COUNTS = [
    ("共筛查20 164名居民。", [20164.0]),
    ("共篩查20\u202f164名居民。", [20164.0]),
    ("We screened 12\u2009500 patients.", [12500.0]),
    ("A total of 1 204 350 participants were followed.", [1204350.0]),
    ("In 2019 20 patients were enrolled.", [20.0]),
    ("In 2019 120 patients were enrolled.", [120.0]),
    ("Groups of 3 5 7 patients were formed.", [7.0]),
    ("Groups of 3 5 100 patients were formed.", [100.0]),
    ("On day 3 100 patients were discharged.", [100.0]),
    ("第3 100例患者出现皮疹。", [100.0]),
    ("The 20 164-bed network", []),
    ("20 1640 patients", [1640.0]),
    ("2.5 100 patients", [100.0]),
]


@pytest.mark.parametrize(("text", "expected"), SPACED_COUNTS)
def test_spaced_thousands_are_one_count_only_in_a_count(text: str, expected: list[float]) -> None:
    assert count_values(text) == expected


SPACED_SHARES = [
    ("共纳入20 416名，其中20 164名（98.8%）完成随访。", []),
    ("共纳入20 416名，其中20 164名（93.8%）完成随访。", ["N301"]),
    ("Of 20 416 adults enrolled, 20 164 adults (98.8%) completed follow-up.", []),
]


@pytest.mark.parametrize(("text", "expected"), SPACED_SHARES)
def test_spaced_thousands_in_shares(text: str, expected: list[str]) -> None:
    assert number_codes(text) == expected


CHANGES_WITHIN_PRECISION = [
    # (14 − 5) / 14 = 64.3%: "约65%" is one unit away, within the hedge
    ("骨折发生率由14%降至5%，相对降低约65%。", []),
    ("骨折发生率由14%降至5%，相对降低65%。", []),  # 13.5–14.5 → 4.5–5.5: 59.3–69.0%
    ("骨折发生率由14%降至5%，相对降低80%。", ["N305"]),
    # (1.8 − 0.5) / 1.8 = 72.2%; 1.75–1.85 → 0.45–0.55 gives 68.6–75.7%
    ("年发生率由1.8%降至0.5%，相对降低73%。", []),
    ("年发生率由1.8%降至0.5%，相对降低60%。", ["N305"]),
    ("年發生率由1.8%降至0.5%，相對降低73%。", []),
    ("The rate fell from 1.8% to 0.5%, a relative reduction of 73%.", []),
    # exact counts have no interval: 250 → 200 is 20%
    ("Admissions fell from 250 to 200 a year, a decrease of 20%.", []),
    ("住院人数由480例降至420例，下降了12.5%。", []),
    ("住院人数由480例降至420例，下降了15%。", ["N305"]),
    # a fall written as a rise is wrong at any precision
    ("年发生率由1.8%增至0.5%，提高了72%。", ["N305"]),
]


@pytest.mark.parametrize(("text", "expected"), CHANGES_WITHIN_PRECISION)
def test_relative_change_allows_the_stated_precision(text: str, expected: list[str]) -> None:
    assert number_codes(text) == expected


COMPLEMENTARY_SHARES = [
    ("知道结核病可以治愈的占62%，不知道的占42%。", ["N304"]),
    ("知道结核病可以治愈的占62%，不知道的占38%。", []),
    ("願意讓孩子接種者佔72%，不願意者佔33%。", ["N304"]),
    ("願意讓孩子接種者佔72%，不願意者佔28%。", []),
    ("知道自己帶原的佔58%，不知道的佔42%。", []),
    # after "among …" (…中) the category starts afresh
    ("受訪家長中願意讓孩子接種者佔72%，不願意者佔33%。", ["N304"]),
    ("受訪家長中願意讓孩子接種者佔72%，不願意者佔28%。", []),
    ("帶原者中知道自己帶原的佔58%，不知道的佔47%。", ["N304"]),
    ("用药依从性良好者占61%，依从性差者占43%。", ["N304"]),
    ("用药依从性良好者占61%，依从性差者占30%。", []),  # a middle group may be left out
    # the same verb with different objects are two questions, not a category and its complement
    ("知道结核病可以治愈的占62%，知道需服药半年的占70%。", []),
    ("愿意接种者占72%，愿意复诊者占80%。", []),
]


@pytest.mark.parametrize(("text", "expected"), COMPLEMENTARY_SHARES)
def test_a_category_and_its_negation_with_the_object_left_out(text: str, expected: list[str]) -> None:
    assert number_codes(text) == expected


SAMPLES_STATED_BY_THEIR_VERB = [
    # parts of a sample that a screening, follow-up or register states
    ("某乡筛查800人，其中男性420人、女性390人。", ["N303"]),
    ("某乡筛查800人，其中男性420人、女性380人。", []),
    ("某院隨訪90名患者，其中甲組40名、乙組35名、丙組20名。", ["N303"]),
    ("某院隨訪90名患者，其中甲組40名、乙組30名、丙組20名。", []),
    # a share of the sample stated in the sentence before
    ("某区登记肺炎患者60例。出院时，12例转院（25.0%），3例死亡（5.0%）。", ["N301"]),
    ("某区登记肺炎患者60例。出院时，12例转院（20.0%），3例死亡（5.0%）。", []),
    ("某中心追蹤了160名患者。五年後，其中24名復發（20.0%）。", ["N301"]),
    ("某中心追蹤了160名患者。五年後，其中24名復發（15.0%）。", []),
    ("We screened 400 adults. At one year, 50 adults (15%) had moved away.", ["N301"]),
    ("We screened 400 adults. At one year, 50 adults (12.5%) had moved away.", []),
    # groups sized beside the sample are not the whole of an ungrouped part
    ("某院随访120名患者，其中甲组50名、乙组70名。一年后，30名复发（25%）。", []),
    ("某院随访120名患者，其中甲组50名、乙组70名。一年后，30名复发（30%）。", ["N301"]),
    # the verb alone does not make the next sentence's counts shares of it
    ("某院随访120名患者。另一家医院的30名患者中，9名复发（30%）。", []),
]


@pytest.mark.parametrize(("text", "expected"), SAMPLES_STATED_BY_THEIR_VERB)
def test_a_sample_stated_by_its_verb_is_a_whole(text: str, expected: list[str]) -> None:
    assert number_codes(text) == expected


CHANGES_IN_OTHER_WORDINGS = [
    # present-tense verbs before a from-to, and "a 20% fall"
    ("Admissions fall from 300 to 240 a year, a 20% drop.", []),
    ("Admissions fall from 300 to 240 a year, a 25% drop.", ["N305"]),
    ("Waiting times fall from 80 to 60 days, a 25% fall.", []),
    ("Waiting times fall from 80 to 60 days, a 40% fall.", ["N305"]),
    ("The score rises from 40 to 50 points, a 25% increase.", []),
    ("The score rises from 40 to 50 points, a 10% increase.", ["N305"]),
    # rates per population: "466/10万"
    ("患病率由320/10万降至240/10万，下降了25%。", []),
    ("患病率由320/10万降至240/10万，下降了15%。", ["N305"]),
    ("發病率由3.2/1000人年降至2.4/1000人年，下降了25%。", []),
    ("發病率由3.2/1000人年降至2.4/1000人年，下降了40%。", ["N305"]),
    # a from-to with no stated change is nothing to check
    ("The dose goes from 1 to 2 tablets a day.", []),
    ("Scores range from 3 to 9.", []),
]


@pytest.mark.parametrize(("text", "expected"), CHANGES_IN_OTHER_WORDINGS)
def test_relative_changes_in_other_wordings(text: str, expected: list[str]) -> None:
    assert number_codes(text) == expected


LISTS_RIGHT_AFTER_THEIR_WHOLE = [
    # a list of one dimension in the clause right after the whole splits it
    ("共納入3600名兒童，北部地區1900名、南部地區1800名。", ["N303"]),
    ("共納入3600名兒童，北部地區1800名、南部地區1800名。", []),
    ("共纳入300例，城市患者180例、农村患者150例。", ["N303"]),
    # conditions may co-occur; a later clause is not the whole's list
    ("共纳入500例，糖尿病患者200例、高血压患者400例。", []),
    ("共纳入300例，平均年龄60岁，城市患者180例、农村患者150例。", []),
    # a colon a few words after the whole opens its list
    (
        "The clinic treats 500 patients with two regimens: "
        "260 with triple therapy and 250 with dual therapy.",
        ["N303"],
    ),
    (
        "The clinic treats 500 patients with two regimens: "
        "250 with triple therapy and 250 with dual therapy.",
        [],
    ),
    ("The clinic treats 500 patients, 40 of them children, with two regimens: 260 and 250.", []),
]


@pytest.mark.parametrize(("text", "expected"), LISTS_RIGHT_AFTER_THEIR_WHOLE)
def test_lists_right_after_their_whole(text: str, expected: list[str]) -> None:
    assert number_codes(text) == expected


LONG_LABELS_AFTER_PARTS = [
    # labels after the parts are read whole (not cut mid-word), so their shared noun is seen
    (
        "The unit treats 450 patients with three regimens: 150 with standard-dose triple therapy, "
        "160 with high-dose dual therapy and 150 with sequential therapy.",
        ["N303"],
    ),
    (
        "The unit treats 450 patients with three regimens: 150 with standard-dose triple therapy, "
        "150 with high-dose dual therapy and 150 with sequential therapy.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LONG_LABELS_AFTER_PARTS)
def test_long_labels_after_parts(text: str, expected: list[str]) -> None:
    assert number_codes(text) == expected


OPPOSITES_BEFORE_SHARES = [
    ("The mutation was present in 31% of samples and absent in 64%.", ["N304"]),
    ("The mutation was present in 31% of samples and absent in 69%.", []),
    ("The mutation was present in 31% of samples and common in 64%.", []),
    ("It was present in 31% of men and absent in 64% of women.", []),
]


@pytest.mark.parametrize(("text", "expected"), OPPOSITES_BEFORE_SHARES)
def test_opposite_words_before_two_shares(text: str, expected: list[str]) -> None:
    assert number_codes(text) == expected
