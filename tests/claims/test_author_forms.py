"""Author-year citation forms, one row per form and language, and what must not be read as one."""

from __future__ import annotations

from typing import Any

import pytest
from auditor.claims.models import ClaimKind
from claimtest_helpers import payloads, texts

AUTHOR = ClaimKind.AUTHOR_CITATION


def _keys(payload: dict[str, Any]) -> tuple[Any, ...]:
    return (
        payload["authors"],
        payload["et_al"],
        payload["year"],
        payload["suffix"],
        payload["group"],
        payload["form"],
    )


@pytest.mark.parametrize(
    ("text", "quoted", "expected"),
    [
        # English parenthetical
        (
            "Fever was rare (Smith, 2020).",
            ["Smith, 2020"],
            [(["Smith"], False, 2020, None, False, "parenthetical")],
        ),
        (
            "as reported (Smith & Lee, 2020; Kim et al., 2021).",
            ["Smith & Lee, 2020", "Kim et al., 2021"],
            [
                (["Smith", "Lee"], False, 2020, None, False, "parenthetical"),
                (["Kim"], True, 2021, None, False, "parenthetical"),
            ],
        ),
        (
            "seen before (e.g., Okafor, 2019b).",
            ["Okafor, 2019b"],
            [(["Okafor"], False, 2019, "b", False, "parenthetical")],
        ),
        (
            "(van der Berg, 2018)",
            ["van der Berg, 2018"],
            [(["van der Berg"], False, 2018, None, False, "parenthetical")],
        ),
        (
            "(Monzon-Posadas et al., 2020)",
            ["Monzon-Posadas et al., 2020"],
            [(["Monzon-Posadas"], True, 2020, None, False, "parenthetical")],
        ),
        (
            "(RECOVERY Collaborative Group, 2021)",
            ["RECOVERY Collaborative Group, 2021"],
            [(["RECOVERY Collaborative Group"], False, 2021, None, True, "parenthetical")],
        ),
        # English narrative
        (
            "Smith et al. (2020a) showed",
            ["Smith et al. (2020a)"],
            [(["Smith"], True, 2020, "a", False, "narrative")],
        ),
        (
            "and Smith et al. (2020b) later",
            ["Smith et al. (2020b)"],
            [(["Smith"], True, 2020, "b", False, "narrative")],
        ),
        (
            "The SPRINT Research Group (2015) found",
            ["SPRINT Research Group (2015)"],
            [(["SPRINT Research Group"], False, 2015, None, True, "narrative")],
        ),
        (
            "Wójcik and Nowak (2017) measured",
            ["Wójcik and Nowak (2017)"],
            [(["Wójcik", "Nowak"], False, 2017, None, False, "narrative")],
        ),
        ("as Kim et al. 2019 showed", ["Kim et al. 2019"], [(["Kim"], True, 2019, None, False, "narrative")]),
        # Chinese narrative, both scripts, Latin and Chinese names, groups
        ("Chen等人(2019)报道", ["Chen等人(2019)"], [(["Chen"], True, 2019, None, False, "narrative")]),
        ("Wang等(2020年)证实", ["Wang等(2020年)"], [(["Wang"], True, 2020, None, False, "narrative")]),
        ("Li团队发现", ["Li团队"], [(["Li"], True, None, None, False, "narrative")]),
        ("Huang課題組發現", ["Huang課題組"], [(["Huang"], True, None, None, False, "narrative")]),
        (
            "Wang與Zhou(2019)指出",
            ["Wang與Zhou(2019)"],
            [(["Wang", "Zhou"], False, 2019, None, False, "narrative")],
        ),
        (
            "RECOVERY协作组(2021)发现",
            ["RECOVERY协作组(2021)"],
            [(["RECOVERY协作组"], False, 2021, None, True, "narrative")],
        ),
        (
            "GBD 2019菸草合作團隊(2021)估計",
            ["GBD 2019菸草合作團隊(2021)"],
            [(["GBD 2019菸草合作團隊"], False, 2021, None, True, "narrative")],
        ),
        ("王伟等(2019)报道", ["王伟等(2019)"], [(["王伟"], True, 2019, None, False, "narrative")]),
        (
            "陳志明等人(2018年)發現",
            ["陳志明等人(2018年)"],
            [(["陳志明"], True, 2018, None, False, "narrative")],
        ),
        ("Kim等人于2005年开展", ["Kim等人于2005年"], [(["Kim"], True, 2005, None, False, "narrative")]),
        # mixed scripts in one sentence
        (
            "Smith et al. (2020)与Chen等人(2019)结论一致",
            ["Smith et al. (2020)", "Chen等人(2019)"],
            [
                (["Smith"], True, 2020, None, False, "narrative"),
                (["Chen"], True, 2019, None, False, "narrative"),
            ],
        ),
    ],
)
def test_author_form_found(text: str, quoted: list[str], expected: list[tuple[Any, ...]]) -> None:
    assert texts(text, AUTHOR) == quoted
    assert [_keys(p) for p in payloads(text, AUTHOR)] == expected


@pytest.mark.parametrize(
    ("text", "quoted", "year"),
    [
        ("as Hoshino et al. [6] showed", "Hoshino et al.", None),
        ("Mali and colleagues⁵ showed", "Mali and colleagues", None),
        ("In 2013, Kamerkar and colleagues [8] showed", "Kamerkar and colleagues", 2013),
        ("Lynch and colleagues found in 2001 (6) that", "Lynch and colleagues", 2001),
        ("In a 2019 paper, Frangoul et\nal. described", "Frangoul et\nal.", 2019),
        ("June et al. (2018) reviewed", "June et al. (2018)", 2018),
        ("White在2005年[4]指出", "White在2005年", 2005),
        ("Le Blanc团队2006年[3]的报告", "Le Blanc团队2006年", 2006),
        ("喬友林課題組(2020)報告", "喬友林課題組(2020)", 2020),
    ],
)
def test_author_forms_without_a_bracketed_year(text: str, quoted: str, year: int | None) -> None:
    assert texts(text, AUTHOR) == [quoted]
    assert payloads(text, AUTHOR)[0]["year"] == year


@pytest.mark.parametrize(
    "text",
    [
        "In 2019 we found",
        "Between 2019 and 2020 the trial ran",
        "The (2019) edition",
        "Table 2 (2019 data)",
        "高剂量组(2019)的结果",
        "方法(2019年)",
        "研究组(2019)",
        "王伟发现",
        "MRI等(2019)影像学检查",
        "As of March 2020, enrolment stopped.",
        "Smith 2020 was a good year",
        "Phase 3 (2019) trials",
    ],
)
def test_author_look_alikes_are_not_citations(text: str) -> None:
    assert texts(text, AUTHOR) == []
