"""Percentages, fractions, counts and relative changes."""

from __future__ import annotations

from typing import Any

import pytest
from auditor.claims.models import ClaimKind
from claimtest_helpers import of_kind, payloads, texts

PERCENT = ClaimKind.PERCENTAGE
FRACTION = ClaimKind.FRACTION
COUNT = ClaimKind.COUNT
CHANGE = ClaimKind.RELATIVE_CHANGE


def _pct(
    value: float,
    decimals: int = 0,
    unit: str = "%",
    approx: bool = False,
    *,
    bound: str | None = None,
    group: str | None = None,
    in_range: bool = False,
    label: str | None = None,
) -> dict[str, Any]:
    return {
        "value": value,
        "decimals": decimals,
        "unit": unit,
        "approx": approx,
        "bound": bound,
        "group": group,
        "range": in_range,
        **({"label": label} if label else {}),
    }


@pytest.mark.parametrize(
    ("text", "quoted", "expected"),
    [
        ("仅3%的患者出现发热", ["3%"], [_pct(3)]),
        ("占比12.5%。", ["12.5%"], [_pct(12.5, 1)]),
        ("發病率約1.8‰", ["約1.8‰"], [_pct(1.8, 1, "‰", True)]),
        ("约 40%的病例", ["约 40%"], [_pct(40, approx=True)]),
        ("降至５％以下", ["５％"], [_pct(5)]),
        ("in 64% of cases", ["64%"], [_pct(64)]),
        ("范围为4%-9%", ["4%", "9%"], [_pct(4, in_range=True), _pct(9, in_range=True)]),
        ("范围为4-9%", ["4", "9%"], [_pct(4, in_range=True), _pct(9, in_range=True)]),
        ("超过20%的患者", ["超过20%"], [_pct(20, approx=True, bound="lower")]),
        ("in up to 5% of cases", ["up to 5%"], [_pct(5, approx=True, bound="upper")]),
        ("Moreover 5% had fever", ["5%"], [_pct(5)]),
        ("试验组死亡率为12%", ["12%"], [_pct(12, group="试验组")]),
        ("對照組有效率為35.0%", ["35.0%"], [_pct(35.0, 1, group="對照组")]),
        ("31.2% in the treated group", ["31.2%"], [_pct(31.2, 1, group="treated")]),
        ("男性占61%", ["61%"], [_pct(61, label="男性")]),
        ("62% were women", ["62%"], [_pct(62, label="women")]),
        ("and 35.0% with placebo.", ["35.0%"], [_pct(35.0, 1, group="placebo")]),
    ],
)
def test_percentages(text: str, quoted: list[str], expected: list[dict[str, Any]]) -> None:
    assert texts(text, PERCENT) == quoted
    found = payloads(text, PERCENT)
    assert [{k: v for k, v in p.items() if k in e} for p, e in zip(found, expected, strict=True)] == expected


@pytest.mark.parametrize("text", ["数值为50", "编号1990", "95% CI 1.2-3.4"])
def test_not_percentages(text: str) -> None:
    assert texts(text, PERCENT) == []


@pytest.mark.parametrize(
    ("text", "quoted", "numerator", "denominator"),
    [
        ("其中5/8的患者好转", "5/8", 5, 8),
        ("responded in 41 of 60 patients", "41 of 60", 41, 60),
        ("3 out of 12 mice", "3 out of 12", 3, 12),
    ],
)
def test_fractions(text: str, quoted: str, numerator: float, denominator: float) -> None:
    assert texts(text, FRACTION) == [quoted]
    assert payloads(text, FRACTION) == [{"numerator": numerator, "denominator": denominator}]


@pytest.mark.parametrize(
    "text",
    [
        "日期2021/03",
        "一项2/3期试验",
        "Ⅰ/Ⅱ期研究",
        "II/III期",
        "激活Erk1/2通路",
        "比例9/4",
        "1/0",
        "phase 1/2 trial",
    ],
)
def test_not_fractions(text: str) -> None:
    assert texts(text, FRACTION) == []


@pytest.mark.parametrize(
    ("text", "quoted", "value", "unit"),
    [
        ("纳入64例患者", "64例患者", 64, "例患者"),
        ("共检索到93篇文献", "93篇", 93, "篇"),
        ("招募了200名受试者", "200名", 200, "名"),
        ("分析了18項研究", "18項", 18, "項"),
        ("共有3000万人受影响", "3000万人", 3e7, "人"),
        ("全球有4500萬人", "4500萬人", 4.5e7, "人"),
        ("we enrolled 42 patients", "42 patients", 42, "patients"),
        ("in 1,250 participants", "1,250 participants", 1250, "participants"),
        ("三名患者出现", "三名", 3, "名"),
        ("三位受試者", "三位", 3, "位"),
        ("納入二十篇文獻", "二十篇", 20, "篇"),
    ],
)
def test_counts(text: str, quoted: str, value: float, unit: str) -> None:
    assert texts(text, COUNT) == [quoted]
    assert payloads(text, COUNT) == [
        {"value": value, "unit": unit, "approx": False, "bound": None, "group": None, "implied": False}
    ]


@pytest.mark.parametrize(
    ("text", "approx", "bound", "group"),
    [
        ("约64例患者", True, None, None),
        ("超过600 patients", True, "lower", None),
        ("more than 600 patients", True, "lower", None),
        ("fewer than 20 patients", True, "upper", None),
        ("試驗組有32例", False, None, "試驗组"),
        ("对照组32例", False, None, "对照组"),
        ("32 patients in the placebo group", False, None, "placebo"),
        ("32 patients in the study", False, None, None),
    ],
)
def test_count_qualifiers_and_groups(text: str, approx: bool, bound: str | None, group: str | None) -> None:
    (payload,) = payloads(text, COUNT)
    assert (payload["approx"], payload["bound"], payload["group"]) == (approx, bound, group)


@pytest.mark.parametrize(
    "text",
    ["2021年开展", "1、首先评估", "2.其次", "一项研究显示", "共5大机制", "编号12345"],
)
def test_not_counts(text: str) -> None:
    assert texts(text, COUNT) == []


@pytest.mark.parametrize(
    ("text", "quoted", "payload"),
    [
        ("评分提高45%", "提高45%", {"change": 45.0, "base": None, "new": None}),
        ("死亡率下降了19%", "下降了19%", {"change": -19.0, "base": None, "new": None}),
        ("體積減少12.5%", "減少12.5%", {"change": -12.5, "base": None, "new": None}),
        ("效率提升3倍", "提升3倍", {"change": None, "base": None, "new": None, "factor": 3.0}),
        ("scores increased by 45%", "increased by 45%", {"change": 45.0, "base": None, "new": None}),
        ("a 20% reduction in size", "20% reduction", {"change": -20.0, "base": None, "new": None}),
        (
            "从4.1%增至6.3%",
            "从4.1%增至6.3%",
            {"change": None, "base": 4.1, "new": 6.3, "percent_values": True},
        ),
        (
            "rose from 10% to 14%",
            "from 10% to 14%",
            {"change": None, "base": 10.0, "new": 14.0, "percent_values": True},
        ),
        (
            "由每年1000萬降至200萬",
            "由每年1000萬降至200萬",
            {"change": None, "base": 1e7, "new": 2e6, "percent_values": False},
        ),
    ],
)
def test_relative_changes(text: str, quoted: str, payload: dict[str, Any]) -> None:
    assert texts(text, CHANGE) == [quoted]
    assert payloads(text, CHANGE) == [payload]


def test_relative_change_takes_base_and_new_from_its_sentence() -> None:
    text = "较对照组提高45%(从4.0%±1.2%增至5.8%±1.5%)。另一句从1%增至2%。"
    changes = of_kind(text, CHANGE)
    assert [c.text for c in changes] == ["提高45%", "从1%增至2%"]
    assert changes[0].normalized == {
        "change": 45.0,
        "base": 4.0,
        "new": 5.8,
        "percent_values": True,
        "base_decimals": 1,
        "new_decimals": 1,
        "exact_values": False,
    }


@pytest.mark.parametrize("text", ["从1到6小时", "from 2015 to 2020", "提高了疗效"])
def test_not_relative_changes(text: str) -> None:
    assert texts(text, CHANGE) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "体积从50降至40，减少了20%；评分从60提高到72，提高了20%。",
            [("减少了20%", -20.0, 50.0, 40.0), ("提高了20%", 20.0, 60.0, 72.0)],
        ),
        (
            "rose from 20% to 25%, a 25% increase, and fell from 10% to 9%, a 10% decrease.",
            [("25% increase", 25.0, 20.0, 25.0), ("10% decrease", -10.0, 10.0, 9.0)],
        ),
    ],
)
def test_each_change_takes_the_nearest_from_to(
    text: str, expected: list[tuple[str, float, float, float]]
) -> None:
    found = [
        (c.text, c.normalized["change"], c.normalized["base"], c.normalized["new"])
        for c in of_kind(text, CHANGE)
    ]
    assert found == expected
