"""N3xx: numbers against each other, on hand-built claims (tables of input → expected codes)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from auditor.claims.models import Claim, ClaimKind, Document
from auditor.claims.text import sentence_at
from hypothesis import given
from hypothesis import strategies as st

from auditor.checks.number_exponents import bare_p_values, exponent_problems
from auditor.checks.number_relations import Agreement, agreement, format_value
from auditor.checks.numbers import (
    lost_exponent,
    missing_statistic,
    parts_add_up,
    percentage_matches_fraction,
    relative_change_matches,
)
from auditor.checks.registry import CheckContext
from tests.workcount import assert_linear_work

P, F, C = ClaimKind.PERCENTAGE, ClaimKind.FRACTION, ClaimKind.COUNT
RC, Q, S = ClaimKind.RELATIVE_CHANGE, ClaimKind.QUANTITY, ClaimKind.STATISTIC


def pct(quote: str, value: float, decimals: int = 0) -> tuple[str, ClaimKind, dict[str, Any]]:
    """A percentage claim spec."""
    return quote, P, {"value": value, "decimals": decimals, "unit": "%", "approx": False}


def frac(quote: str, num: float, den: float) -> tuple[str, ClaimKind, dict[str, Any]]:
    """A fraction claim spec."""
    return quote, F, {"numerator": num, "denominator": den}


def count(quote: str, value: float, unit: str) -> tuple[str, ClaimKind, dict[str, Any]]:
    """A count claim spec."""
    return quote, C, {"value": value, "unit": unit}


def grouped(spec: tuple[str, ClaimKind, dict[str, Any]], group: str) -> tuple[str, ClaimKind, dict[str, Any]]:
    """The same claim spec, stated for one group ("试验组", "placebo")."""
    return spec[0], spec[1], {**spec[2], "group": group}


def approximate(spec: tuple[str, ClaimKind, dict[str, Any]]) -> tuple[str, ClaimKind, dict[str, Any]]:
    """The same claim spec, marked approximate ("约", "about")."""
    return spec[0], spec[1], {**spec[2], "approx": True}


def context(text: str, specs: list[tuple[str, ClaimKind, dict[str, Any]]]) -> CheckContext:
    """Claims over successive occurrences of each quote (searched left to right)."""
    doc = Document.from_text(text)
    claims, pos = [], 0
    for index, (quote, kind, norm) in enumerate(specs, start=1):
        start = doc.text.index(quote, pos)
        claims.append(
            Claim(
                id=f"c{index}",
                kind=kind,
                text=quote,
                span=doc.span(start, start + len(quote)),
                normalized=norm,
            )
        )
        pos = start + 1
    return CheckContext(document=doc, claims=tuple(claims), references=())


SHARES = [
    ("结果85%患者(6/7)有效。", [pct("85%", 85), frac("6/7", 6, 7)], ["N302"]),
    ("结果86%患者(6/7)有效。", [pct("86%", 86), frac("6/7", 6, 7)], []),
    ("Of these, 57 of 71 (82%) were stroke studies.", [frac("57 of 71", 57, 71), pct("82%", 82)], ["N301"]),
    ("Of these, 57 of 71 (81%) were stroke studies.", [frac("57 of 71", 57, 71), pct("81%", 81)], ["N301"]),
    ("Of these, 57 of 71 (80%) were stroke studies.", [frac("57 of 71", 57, 71), pct("80%", 80)], []),
    ("Overall 7 of 10 patients (70%) responded.", [frac("7 of 10", 7, 10), pct("70%", 70)], []),
    ("Overall 7 of 10 patients (75%) responded.", [frac("7 of 10", 7, 10), pct("75%", 75)], ["N301"]),
    (
        "10例患者中，其中7例(75%)缓解。",
        [count("10例患者", 10, "例患者"), count("7例", 7, "例"), pct("75%", 75)],
        ["N301"],
    ),
    ("Response was seen (6/7, 85.7%).", [frac("6/7", 6, 7), pct("85.7%", 85.7, 1)], []),
    ("Response was seen (6/7, 85.8%).", [frac("6/7", 6, 7), pct("85.8%", 85.8, 1)], ["N301"]),
    (
        "在所审查的71篇研究中，大多数(57篇,82%)侧重于缺血性卒中。",
        [count("71篇", 71, "篇"), count("57篇", 57, "篇"), pct("82%", 82)],
        ["N301"],
    ),
    (
        "在所審查的71篇研究中，大多數(57篇,80%)側重於缺血性卒中。",
        [count("71篇", 71, "篇"), count("57篇", 57, "篇"), pct("80%", 80)],
        [],
    ),
    ("10例患者中，其中7例(70%)缓解。", [count("10例", 10, "例"), count("7例", 7, "例"), pct("70%", 70)], []),
    (
        "10例患者中，其中7例(75%)缓解。",
        [count("10例", 10, "例"), count("7例", 7, "例"), pct("75%", 75)],
        ["N301"],
    ),
    # a whole stated in the previous sentence of the paragraph
    (
        "共71篇。大多数(57篇,82%)侧重于卒中。",
        [count("71篇", 71, "篇"), count("57篇", 57, "篇"), pct("82%", 82)],
        ["N301"],
    ),
    (
        "共纳入64例患者。随访期间13例死亡(22.0%)。",
        [count("64例患者", 64, "例患者"), count("13例", 13, "例"), pct("22.0%", 22.0, 1)],
        ["N301"],
    ),
    (
        "共納入64例患者。隨訪期間13例死亡(20.3%)。",
        [count("64例患者", 64, "例患者"), count("13例", 13, "例"), pct("20.3%", 20.3, 1)],
        [],
    ),
    (
        "A total of 64 patients were enrolled. During follow-up 13 patients (20.3%) died.",
        [count("64 patients", 64, "patients"), count("13 patients", 13, "patients"), pct("20.3%", 20.3, 1)],
        [],
    ),
    (
        "A total of 64 patients were enrolled. During follow-up 13 patients (22.0%) died.",
        [count("64 patients", 64, "patients"), count("13 patients", 13, "patients"), pct("22.0%", 22.0, 1)],
        ["N301"],
    ),
    # negatives: no whole, ambiguous whole, a group's share, a paragraph break, unrelated percentages
    ("大多数(57篇,82%)侧重于卒中。", [count("57篇", 57, "篇"), pct("82%", 82)], []),
    (
        "共71篇。\n大多数(57篇,82%)侧重于卒中。",
        [count("71篇", 71, "篇"), count("57篇", 57, "篇"), pct("82%", 82)],
        [],
    ),
    (
        "共纳入120例。试验组死亡13例(21.7%)。",
        [count("120例", 120, "例"), grouped(count("13例", 13, "例"), "试验组"), pct("21.7%", 21.7, 1)],
        [],
    ),
    (
        "A total of 120 patients were enrolled. Deaths: 13 patients (21.7%) in the placebo group.",
        [
            count("120 patients", 120, "patients"),
            count("13 patients", 13, "patients"),
            grouped(pct("21.7%", 21.7, 1), "placebo"),
        ],
        [],
    ),
    (
        "共纳入120例，男性64例。13例死亡(20.3%)。",
        [count("120例", 120, "例"), count("64例", 64, "例"), count("13例", 13, "例"), pct("20.3%", 20.3, 1)],
        [],
    ),
    (
        "约纳入64例。13例死亡(22.0%)。",
        [approximate(count("64例", 64, "例")), count("13例", 13, "例"), pct("22.0%", 22.0, 1)],
        [],
    ),
    (
        "在71篇研究中，57篇用大鼠，其中12篇(30%)用小鼠。",
        [count("71篇", 71, "篇"), count("57篇", 57, "篇"), count("12篇", 12, "篇"), pct("30%", 30)],
        [],
    ),
    ("In 6/7 patients and 40% of controls it failed.", [frac("6/7", 6, 7), pct("40%", 40)], []),
    (
        "在10例患者中，7例(占总数的50%)缓解。",
        [count("10例", 10, "例"), count("7例", 7, "例"), pct("50%", 50)],
        [],
    ),
    ("血压120/80 (15%)", [frac("120/80", 120, 80), pct("15%", 15)], []),
]


@pytest.mark.parametrize(("text", "specs", "expected"), SHARES)
def test_percentage_matches_its_fraction_or_count(text: str, specs: list[Any], expected: list[str]) -> None:
    found = list(percentage_matches_fraction(context(text, specs)))
    assert [f.code for f in found] == expected
    for f in found:
        assert f.span is not None and text[f.span.start : f.span.end] == f.quote


def test_n301_suggestion_and_evidence() -> None:
    text = "在所审查的71篇研究中，大多数(57篇,82%)侧重于缺血性卒中。"
    ctx = context(text, [count("71篇", 71, "篇"), count("57篇", 57, "篇"), pct("82%", 82)])
    (f,) = percentage_matches_fraction(ctx)
    assert f.suggestion == "write 80% (57/71) or check the counts"
    assert f.evidence["exact_percent"] == pytest.approx(80.2817, abs=1e-3)
    assert f.quote == "57篇,82%"


SUMS = [
    (
        "共選定87篇文章；共選取71篇臨床前研究，4篇外泌體研究，12篇臨床研究。",
        [count("87篇", 87, "篇"), count("71篇", 71, "篇"), count("4篇", 4, "篇"), count("12篇", 12, "篇")],
        [],
    ),
    (
        "A total of 9 patients were enrolled, of whom 3 patients got a low dose and 6 patients a high dose.",
        [
            count("9 patients", 9, "patients"),
            count("3 patients", 3, "patients"),
            count("6 patients", 6, "patients"),
        ],
        [],
    ),
    (
        "共纳入50例，其中30例为男性，25例为女性。",
        [count("50例", 50, "例"), count("30例", 30, "例"), count("25例", 25, "例")],
        ["N303"],
    ),
    (
        "共纳入50例，其中30例为男性，20例为女性。",
        [count("50例", 50, "例"), count("30例", 30, "例"), count("20例", 20, "例")],
        [],
    ),
    (
        "共纳入50例，其中30例为男性，其余15例为女性。",
        [count("50例", 50, "例"), count("30例", 30, "例"), count("15例", 15, "例")],
        ["N303"],
    ),
    (
        "共纳入50例，其中30例有效，10例部分缓解。",
        [count("50例", 50, "例"), count("30例", 30, "例"), count("10例", 10, "例")],
        [],
    ),
    (
        "共纳入50例，其中30例有效，25例来自北京等地。",
        [count("50例", 50, "例"), count("30例", 30, "例"), count("25例", 25, "例")],
        [],
    ),
    (
        "In total 20 patients were treated, of whom 12 patients improved and 10 patients did not.",
        [
            count("20 patients", 20, "patients"),
            count("12 patients", 12, "patients"),
            count("10 patients", 10, "patients"),
        ],
        ["N303"],
    ),
    (
        "纳入50例。30例为男性，25例为女性。",
        [count("50例", 50, "例"), count("30例", 30, "例"), count("25例", 25, "例")],
        [],
    ),
    # shares of one whole
    ("在分析的57项研究中，51%使用人源细胞，49%使用动物细胞。", [pct("51%", 51), pct("49%", 49)], []),
    ("在分析的57項研究中，51%使用人源細胞，59%使用動物細胞。", [pct("51%", 51), pct("59%", 59)], ["N304"]),
    (
        "Of the studies, 51% used human cells, while the remaining 39% animal cells.",
        [pct("51%", 51), pct("39%", 39)],
        ["N304"],
    ),
    ("Of the studies, 51% used human cells, 50% used animal cells.", [pct("51%", 51), pct("50%", 50)], []),
    (
        "骨髓来源占主导(52%)，其次为脐带(22%)和羊膜(10%)等。",
        [pct("52%", 52), pct("22%", 22), pct("10%", 10)],
        [],
    ),
    ("发生率为10.7%，对照组为5.6%。", [pct("10.7%", 10.7, 1), pct("5.6%", 5.6, 1)], []),
    ("约占5%-10%的患者。", [pct("5%", 5), pct("10%", 10)], []),
    ("死亡率(39%)比低剂量组(27%)高。", [pct("39%", 39), pct("27%", 27)], []),
]


@pytest.mark.parametrize(("text", "specs", "expected"), SUMS)
def test_parts_add_up(text: str, specs: list[Any], expected: list[str]) -> None:
    found = list(parts_add_up(context(text, specs)))
    assert [f.code for f in found] == expected


def test_n303_evidence() -> None:
    text = "共纳入50例，其中30例为男性，25例为女性。"
    (f,) = parts_add_up(
        context(text, [count("50例", 50, "例"), count("30例", 30, "例"), count("25例", 25, "例")])
    )
    assert f.evidence == {"whole": 50.0, "parts": [30.0, 25.0], "sum": 55.0}
    assert f.quote == "50例，其中30例为男性，25例"


def change(
    quote: str, value: float, base: float | None, new: float | None
) -> tuple[str, ClaimKind, dict[str, Any]]:
    """A relative-change claim spec."""
    return quote, RC, {"change": value, "base": base, "new": new}


@pytest.mark.parametrize(
    ("text", "spec", "expected"),
    [
        ("血流提高38%(从5.2%增至7.2%)。", change("提高38%(从5.2%增至7.2%)", 38, 5.2, 7.2), []),
        ("血流提高50%(从5.2%增至7.2%)。", change("提高50%(从5.2%增至7.2%)", 50, 5.2, 7.2), ["N305"]),
        ("血流提高2%(從5.2%增至7.2%)。", change("提高2%(從5.2%增至7.2%)", 2, 5.2, 7.2), ["N306"]),
        (
            "It rose by 38.5% (from 5.2 to 7.2).",
            change("rose by 38.5% (from 5.2 to 7.2)", 38.5, 5.2, 7.2),
            [],
        ),
        ("It fell by 20% (from 10 to 8).", change("fell by 20% (from 10 to 8)", -20, 10, 8), []),
        ("It fell by 20% (from 10 to 12).", change("fell by 20% (from 10 to 12)", -20, 10, 12), ["N305"]),
        ("It rose by 38%.", change("rose by 38%", 38, None, None), []),
    ],
)
def test_relative_change(text: str, spec: Any, expected: list[str]) -> None:
    assert [f.code for f in relative_change_matches(context(text, [spec]))] == expected


def qty(quote: str, lost: bool) -> tuple[str, ClaimKind, dict[str, Any]]:
    """A quantity claim spec."""
    return quote, Q, {"mantissa": None, "exponent": None, "value": None, "unit": "", "exponent_lost": lost}


@pytest.mark.parametrize(
    ("text", "specs", "expected"),
    [
        ("剂量从0.4到1333×10?个细胞/公斤。", [qty("1333×10?个细胞/公斤", True)], [("1333×10?", None)]),
        ("外泌體(3×1011顆粒/次)有效。", [], [("3×1011", "3×10¹¹")]),
        ("人BMSC外泌体(1.3×10?颗粒)。", [], [("1.3×10?", None)]),
        ("低剂量(10×10?)比高剂量(20和40×10?)强。", [], [("10×10?", None), ("40×10?", None)]),
        ("剂量为3×10^11颗粒，1.5×10⁶ cells/kg，2×100 mL。", [], []),
        ("剂量为1333×10 个细胞。", [qty("1333×10 个细胞", True)], [("1333×10 个细胞", None)]),
    ],
)
def test_lost_exponent(text: str, specs: list[Any], expected: list[tuple[str, str | None]]) -> None:
    found = list(lost_exponent(context(text, specs)))
    assert [(f.quote, f.evidence["restored"]) for f in found] == expected
    assert all(f.code == "N307" for f in found)
    assert all(
        f.suggestion == "restore the exponent (e.g. ×10⁶)" for f in found if not f.evidence["restored"]
    )


@pytest.mark.parametrize(
    ("text", "specs", "expected"),
    [
        ("血管密度增加23%(p)，血流恢复加快。", [], ["(p)"]),
        ("两组差异显著(P=)。", [], ["(P=)"]),
        (
            "Bhatia等仅观察到边际趋势，p=0.07。",
            [("p=0.07", S, {"name": "p", "value": 0.07, "missing_value": False})],
            [],
        ),
        ("差异显著(p<0.05)。", [], []),
        ("选项(p)。", [], []),
        ("差異有統計學意義(P值)。", [], ["(P值)"]),
        ("两组差异显著，P值。", [], ["P值"]),
        ("两组差异显著，P值<0.05。", [], []),
        ("两组差异显著，P值为0.03。", [], []),
        ("The difference was significant (p-value).", [], ["(p-value)"]),
        (
            "两组差异显著，但未给出P值。",
            [("P值", S, {"name": "p", "value": None, "missing_value": True})],
            ["P值"],
        ),
    ],
)
def test_missing_statistic(text: str, specs: list[Any], expected: list[str]) -> None:
    found = list(missing_statistic(context(text, specs)))
    assert [f.quote for f in found] == expected
    assert all(f.code == "N308" for f in found)


@pytest.mark.parametrize(
    ("stated", "exact", "decimals", "expected"),
    [
        (80, 57 / 71 * 100, 0, Agreement.ROUNDED),
        (81, 57 / 71 * 100, 0, Agreement.INCONSISTENT),
        (85, 6 / 7 * 100, 0, Agreement.TRUNCATED),
        (86, 6 / 7 * 100, 0, Agreement.ROUNDED),
        (85.7, 6 / 7 * 100, 1, Agreement.ROUNDED),
        (12.5, 12.5, 1, Agreement.ROUNDED),
        (13, 12.5, 0, Agreement.ROUNDED),
        (12, 12.5, 0, Agreement.ROUNDED),
    ],
)
def test_agreement(stated: float, exact: float, decimals: int, expected: Agreement) -> None:
    assert agreement(stated, exact, decimals) is expected


def test_format_value_rounds_half_up() -> None:
    assert [format_value(80.2817, 0), format_value(85.75, 1), format_value(-2.5, 0)] == ["80", "85.8", "-3"]


@pytest.mark.parametrize(
    "text",
    [
        "(" * 1_000_000,
        "10^10^10" * 125_000,
        "9" * 1_000_000,
        "1×10" * 200_000,
        ("(p" * 300_000) + ")",
        "1." * 500_000,
    ],
    ids=["parens", "exponents", "digits", "times-ten", "bare-p", "dots"],
)
def test_scanners_run_in_linear_time_on_adversarial_input(text: str) -> None:
    exponent_problems(text)
    bare_p_values(text)
    sentence_at(text, len(text) // 2)
    unit = text[: max(1, len(text) // 50)]  # the same pattern at a size the work counter can afford
    def scan(n: int) -> Callable[[], object]:
        sample, middle = unit * n, len(unit) * n // 2
        return lambda: (exponent_problems(sample), bare_p_values(sample), sentence_at(sample, middle))

    assert_linear_work(scan, max(1, 20_000 // len(unit)))


def test_number_checks_stay_fast_on_thousands_of_claims() -> None:
    unit = "共纳入50例，其中男性30例(60%)，女性25例(50%)；"
    text = unit * 3000
    doc = Document.from_text(text, language=None)
    claims: list[Claim] = []
    for rep in range(3000):
        base = rep * len(unit)
        for offset, quote, kind, norm in (
            (3, "50例", C, {"value": 50.0, "unit": "例"}),
            (11, "30例", C, {"value": 30.0, "unit": "例"}),
            (15, "60%", P, {"value": 60.0, "decimals": 0, "unit": "%", "approx": False}),
            (22, "25例", C, {"value": 25.0, "unit": "例"}),
            (26, "50%", P, {"value": 50.0, "decimals": 0, "unit": "%", "approx": False}),
        ):
            start = base + offset
            assert text[start : start + len(quote)] == quote
            claims.append(
                Claim.model_construct(
                    id=f"c{len(claims)}",
                    kind=kind,
                    text=quote,
                    span=doc.span(start, start + len(quote)),
                    normalized=norm,
                )
            )
    ctx = CheckContext(document=doc, claims=tuple(claims), references=())
    sums = list(parts_add_up(ctx))
    shares = list(percentage_matches_fraction(ctx))
    assert len(sums) >= 1 and shares == []


@given(
    part=st.integers(min_value=0, max_value=10_000),
    extra=st.integers(min_value=0, max_value=10_000),
    decimals=st.integers(min_value=0, max_value=2),
)
def test_a_share_written_rounded_is_always_consistent(part: int, extra: int, decimals: int) -> None:
    whole = part + extra
    if whole == 0:
        return
    exact = 100 * part / whole
    assert agreement(float(format_value(exact, decimals)), exact, decimals) is Agreement.ROUNDED
    off_by_two_units = float(format_value(exact, decimals)) + 2 * 10.0**-decimals
    assert agreement(off_by_two_units, exact, decimals) is Agreement.INCONSISTENT
