"""Implied counts and compared values: the structure checks need to relate numbers across clauses."""

from __future__ import annotations

import pytest
from auditor.claims.models import ClaimKind
from claimtest_helpers import of_kind

COUNT = ClaimKind.COUNT
CHANGE = ClaimKind.RELATIVE_CHANGE


def implied(text: str) -> list[tuple[str, str, str]]:
    """(text, unit, how) of every count whose noun was carried over."""
    return [
        (c.text, c.normalized["unit"], c.normalized["implied"])
        for c in of_kind(text, COUNT)
        if c.normalized["implied"]
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "600 patients were assigned to groups of 198, 204 and 210.",
            [("198", "patients", "list"), ("204", "patients", "list"), ("210", "patients", "list")],
        ),
        (
            "They enrolled 198, 204, and 210 patients.",
            [("198", "patients", "list"), ("204", "patients", "list")],
        ),
        ("分别纳入198、204和210例。", [("198", "例", "list"), ("204", "例", "list")]),
        (
            "1210 patients were randomized; 605 received the drug and 615 received placebo.",
            [("605", "patients", "allocated"), ("615", "patients", "allocated")],
        ),
        ("Of the 64 patients, 13 died.", [("13", "patients", "outcome")]),
        # no count before, a year, a dose, a list without a counted noun: nothing implied
        ("In 2019 received approval.", []),
        ("In total 605 received the drug.", []),
        ("64 patients were seen. Doses of 10, 20 and 40 mg were given.", []),
        ("64 patients were seen in rooms 3, 5 and 7.", []),
        ("64 patients. \n605 received the drug.", []),
    ],
)
def test_implied_counts(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert implied(text) == expected


def compared(text: str) -> list[tuple[float | None, float | None, str | None, str | None]]:
    """(base, new, comparison, compared) of every relative change."""
    return [
        (
            c.normalized["base"],
            c.normalized["new"],
            c.normalized.get("comparison"),
            c.normalized.get("compared"),
        )
        for c in of_kind(text, CHANGE)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Survival was 6.2 versus 4.1 months, a 51% improvement.", [(4.1, 6.2, "versus", "quantity")]),
        ("Events in 4.0% vs 5.0%, a 20% relative reduction.", [(5.0, 4.0, "versus", "percent")]),
        (
            "8 cases in the vaccine group vs 162 in the placebo group, efficacy 95%.",
            [(162, 8, "versus", "count")],
        ),
        ("中位生存期分别为6.2个月和4.1个月，延长了51%。", [(4.1, 6.2, "respectively", "quantity")]),
        (
            "Survival was 6.2 and 4.1 months, respectively, a 51% gain.",
            [(4.1, 6.2, "respectively", "quantity")],
        ),
        ("疫苗組8例、安慰劑組162例發病，保護效力為95%。", [(162, 8, "groups", "count")]),
        # a from-to is kept; other units, ranges, a clause break or another number: no comparison
        ("提高38%(从5.2%增至7.2%)", [(5.2, 7.2, None, None)]),
        ("Survival was 6.2 months versus 4.1 weeks, a 15% improvement.", [(None, None, None, None)]),
        ("Rates were 4.0%-5.0% vs 6%, a 20% relative reduction.", [(None, None, None, None)]),
        ("Mortality was 10% vs 12%; stay fell by 35%.", [(None, None, None, None)]),
        ("试验组32例、对照组30例，治疗后试验组有效率提高20%。", [(None, None, None, None)]),
    ],
)
def test_compared_values_of_a_relative_change(
    text: str, expected: list[tuple[float | None, float | None, str | None, str | None]]
) -> None:
    assert compared(text) == expected


def test_efficacy_is_a_relative_reduction() -> None:
    (change,) = of_kind("Vaccine efficacy was 95.0% against severe disease.", CHANGE)
    assert (change.normalized["change"], change.normalized["measure"]) == (-95.0, "efficacy")
    assert of_kind("有效率为85%。", CHANGE) == []  # a response rate, not an efficacy


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("住院天數由12天減至9天，減少了25%。", [(12.0, 9.0)]),
        ("中位PFS由5.1個月延長到9.9個月，延長了約94%。", [(5.1, 9.9)]),
        ("体重由105公斤降至90公斤，下降了约14%。", [(105.0, 90.0)]),
        ("LDL cholesterol fell from 92 to 30 mg/dL, a 67% reduction.", [(92.0, 30.0)]),
        # a span of time or a range is not a change
        ("从1到6小时", []),
        ("由12天到9天", []),
        ("Patients were treated from 1 to 6 hours, and 20% improved.", []),
    ],
)
def test_from_to_with_units(text: str, expected: list[tuple[float, float]]) -> None:
    found = [(c.normalized["base"], c.normalized["new"]) for c in of_kind(text, CHANGE)]
    assert [pair for pair in found if pair != (None, None)] == expected
