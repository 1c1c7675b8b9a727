"""N303 (parts against their whole) and N304 (two shares of one whole), through the real extractor.

Tables in zh-Hans, zh-Hant and en: each planted sum stands beside correct look-alikes of the same
shape that must stay silent (sums that match, overlapping categories, open lists, subsets of
subsets, shares of two wholes, rounding, approximations, categories that may leave some out).
"""

from __future__ import annotations

import pytest

from auditor.checks.share_categories import age_band, label_split
from tests.auditor.checks.test_offline_checks_integration import offline_findings


def sum_codes(text: str) -> list[str]:
    """The N303/N304 codes the offline checks report on `text`, in order."""
    _, found = offline_findings(text)
    return [f.code for f in found if f.code in ("N303", "N304")]


PARTS = [
    # zh-Hans: a whole after 共/纳入, its parts in one enumeration of one dimension
    ("本中心共建立80个类器官，其中肠道来源33个、肝脏来源29个、胰腺来源21个。", ["N303"]),
    ("本中心共建立80个类器官，其中肠道来源33个、肝脏来源29个、胰腺来源18个。", []),
    ("该试验纳入300例患者，甲组148例、乙组155例。", ["N303"]),
    ("该试验纳入300例患者，甲组148例、乙组152例。", []),
    ("共收治96例患者，其中轻度41例、中度37例、重度22例。", ["N303"]),
    ("共纳入210例患者，其中应答组90例、无应答组110例。", ["N303"]),  # X / 无X: all of the whole
    ("共纳入210例患者，其中应答组90例、无应答组120例。", []),
    ("120例住院患者中，男性65例、女性58例。", ["N303"]),  # the whole is where the parts are counted
    ("120例住院患者中，男性65例、女性55例。", []),
    ("120例住院患者中，男性65例、女性50例。", []),  # the sex of some may be unreported
    ("Of the 250 patients, 120 were men and 140 were women.", ["N303"]),
    ("Of the 250 patients, 120 were men and 120 were women.", []),
    ("120例住院患者中，发热65例、咳嗽58例。", []),  # symptoms co-occur
    ("在檢測的300份樣本中，城市來源170份、農村來源140份。", ["N303"]),
    # zh-Hans: conditions may co-occur, a subset of a subset, an open list, a per-group count
    ("共纳入200例患者，其中合并糖尿病120例、高血压100例。", []),
    ("共纳入200例患者，其中伴有肺部感染70例、尿路感染140例。", []),
    ("共筛查500例，其中320例入组、315例完成随访。", []),
    ("共纳入200例患者，包括糖尿病120例、高血压100例。", []),
    ("共纳入90例，其中男性50例、女性45例等。", []),
    ("共纳入90例，随机分为三组，每组30例。", []),
    ("约有90例患者，其中男性50例、女性45例。", []),
    # zh-Hant: Latin group names, 納入, a colon list, 株 and 個
    ("該研究共納入640名受試者，ABC-12組322名，安慰劑組327名。", ["N303"]),
    ("該研究共納入640名受試者，ABC-12組322名，安慰劑組318名。", []),
    ("TRIAL-9納入410名患者：介入組207名、對照組209名。", ["N303"]),
    ("共分離出300株菌，其中革蘭陽性菌140株、革蘭陰性菌170株。", ["N303"]),
    ("共分離出300株菌，其中革蘭陽性菌140株、革蘭陰性菌160株。", []),
    ("共培養75個細胞株，其中腫瘤來源41個、正常組織來源38個。", ["N303"]),
    ("共納入150名患者，其中120名接受手術、118名完成追蹤。", []),
    # en: a colon list, "Of the N", "randomised … assigned to", "did not"
    ("The registry enrolled 842 patients: 420 to surgery and 422 to watchful waiting.", []),
    ("Of the 64 patients treated at the two sites, 40 responded to induction and 24 did not.", []),
    ("The study randomised 512 patients. Of these, 256 were assigned to drug A and 256 to drug B.", []),
    ("A total of 90 samples were tested: 31 serum, 30 plasma and 29 whole blood samples.", []),
    ("The registry enrolled 842 patients: 420 to surgery and 431 to watchful waiting.", ["N303"]),
    ("The registry enrolled 842 patients: 420 to surgery and 422 to watchful waiting.", []),
    ("Of the 64 patients treated at the two sites, 40 responded to induction and 30 did not.", ["N303"]),
    ("Of the 64 patients treated at the two sites, 40 responded to induction and 24 did not.", []),
    ("The study randomised 512 patients. Of these, 250 were assigned to drug A and 250 to drug B.", ["N303"]),
    ("The study randomised 512 patients. Of these, 256 were assigned to drug A and 256 to drug B.", []),
    ("A total of 90 samples were tested: 31 serum, 30 plasma and 33 whole blood samples.", ["N303"]),
    ("A total of 90 samples were tested: 31 serum, 30 plasma and 29 whole blood samples.", []),
    ("Of 300 participants, 150 were women, 152 were men and 2 did not report gender.", ["N303"]),
    ("Of 300 participants, 150 were women, 148 were men and 2 did not report gender.", []),
    # en: stages, overlapping conditions, an open list, received (not assigned)
    ("We screened 1,200 patients; 900 were randomized, and 898 received at least one dose.", []),
    ("A total of 300 patients were included, of whom 180 had diabetes and 150 had hypertension.", []),
    ("A total of 300 patients were included, including 180 patients with diabetes and 150 with asthma.", []),
    ("The trial enrolled 600 patients; 210 received aspirin and 450 received statins.", []),
    ("Of the 80 mice, 40 received the vaccine and 40 received saline.", []),
    (
        "Of the 48 trials, 20 used marrow cells, 15 used adipose cells and 11 used cardiac cells.",
        [],
    ),  # others
    ("We enrolled 300 patients from 15 hospitals and 4 countries.", []),
    ("The trial enrolled 230 adults. After a run-in, 200 adults were randomized, 104 to A and 96 to B.", []),
    (
        "The trial enrolled 230 adults. After a run-in, 200 adults were randomized, 104 to A and 98 to B.",
        ["N303"],
    ),
    ("The trial enrolled 400 patients: 260 with diabetes and 190 with hypertension.", []),  # co-occur
]


@pytest.mark.parametrize(("text", "expected"), PARTS)
def test_parts_against_their_whole(text: str, expected: list[str]) -> None:
    assert sum_codes(text) == expected


SHARES = [
    # zh-Hans / zh-Hant: opposites must make 100%, disjoint categories may not exceed it
    ("调查对象中城市居民占58%，农村居民占47%。", ["N304"]),
    ("研究对象中男性占比为64%，女性占比为41%。", ["N304"]),
    ("研究對象中男性佔比64%，女性佔比36%。", []),
    ("调查对象中城市居民占58%，农村居民占42%。", []),
    ("受访医生中赞成者占48%，反对者占57%。", ["N304"]),
    ("受访医生中赞成者占48%，反对者占37%。", []),  # the undecided are neither
    ("檢測的樣本中，EGFR陽性佔32%，EGFR陰性佔73%。", ["N304"]),
    ("檢測的樣本中，EGFR陽性佔32%，EGFR陰性佔61%。", []),  # equivocal results
    ("住院病例中兒童佔35%，成人佔70%。", ["N304"]),
    ("在二十例中，有效者占30%（6例）；男性占55%，女性占50%。", ["N304"]),  # a break before the pair
    ("A组占40%，B组占35%，C组占35%。", []),  # three shares: not a pair
    # rates within two groups, shares among two groups: two wholes
    ("男性吸烟率为61%，女性吸烟率为42%。", []),
    ("男性中吸烟者占61%，女性中吸烟者占42%。", []),
    ("支持者中女性占58%，反对者中女性占47%。", []),
    ("吸烟者死亡率为16%，非吸烟者死亡率为9%。", []),
    ("知晓率为46.0%，未知晓率为56.0%。", ["N304"]),  # one population: aware or not
    ("糖尿病患者中知晓率为46.0%，未知晓率为56.0%。", ["N304"]),
    ("治疗组男性占55%，对照组女性占55%。", []),  # two groups: two wholes
    ("男性占50.4%，女性占49.7%。", []),  # within rounding
    ("男性占50.4%，女性占49.4%。", ["N304"]),  # 99.8: beyond the rounding of one decimal
    # en: opposites, never/current, age bands; different wholes stay silent
    ("Among the nurses surveyed, 37% were men and 68% women.", ["N304"]),
    ("Among the nurses surveyed, 37% were men and 63% women.", []),
    ("Turnover fell by 5%. Of the nurses surveyed, 37% were men and 68% women.", ["N304"]),
    ("Of the cohort, 55% were never-drinkers and 52% current drinkers.", ["N304"]),
    ("Of the cohort, 55% were never-drinkers and 30% current drinkers.", []),
    ("Of the adults, 48% were aged 18 to 64 and 57% were 65 or older.", ["N304"]),
    ("Of the adults, 48% were aged 18 to 64 and 52% were 65 or older.", []),
    ("Of the children, 40% were under 5 and 45% were between 3 and 10.", []),  # overlapping bands
    ("In the girls, 40% were under 12, and in the boys 70% were between 12 and 17.", []),
    ("45% of boys were under 12 and 60% of girls were between 12 and 17.", []),
    ("The response rate was 41% in the treated group and 62% with placebo.", []),
    ("Of the cohort, 61% had hypertension and 48% had diabetes.", []),
    ("Of the trials, 64% reported a benefit and 43% reported none.", ["N304"]),
    ("Of the trials, 54% reported a benefit and 43% reported none.", []),  # some were unclear
    ("Of the patients, 62% had complications and 45% had no complications.", ["N304"]),
    ("Of the patients, 70% had fever and 40% had no cough.", []),
]


@pytest.mark.parametrize(("text", "expected"), SHARES)
def test_two_shares_of_one_whole(text: str, expected: list[str]) -> None:
    assert sum_codes(text) == expected


@pytest.mark.parametrize(
    ("predicate", "band"),
    [
        ("under 12", (0.0, 12.0)),
        ("between 12 and 17", (12.0, 18.0)),
        ("aged 18 to 64 years", (18.0, 65.0)),
        ("65 or older", (65.0, float("inf"))),
        ("older than 80", (81.0, float("inf"))),
        ("smokers", None),
        ("between 17 and 12", None),
    ],
)
def test_age_bands(predicate: str, band: tuple[float, float] | None) -> None:
    assert age_band(predicate) == band


@pytest.mark.parametrize(
    ("a", "b", "disjoint", "exhaustive"),
    [
        ("男性", "女性", True, True),
        ("接種者中女性", "男性", True, True),
        ("支持接種者", "反對者", True, False),
        ("HER2陽性", "HER2陰性", True, False),
        ("社區感染", "院內感染", True, False),
        ("携带者", "非携带者", True, True),
        ("women", "men", True, True),
        ("治疗组女性", "对照组男性", None, None),
        ("发热", "咳嗽", None, None),
    ],
)
def test_label_pairs(a: str, b: str, disjoint: bool | None, exhaustive: bool | None) -> None:
    split = label_split(a, b)
    found = (split.disjoint, split.exhaustive) if split else (None, None)
    assert found == (disjoint, exhaustive)
