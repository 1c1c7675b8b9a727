"""Statistics and quantities (scientific notation, lost exponents, 万/亿, measured ranges)."""

from __future__ import annotations

from typing import Any

import pytest
from auditor.claims.models import ClaimKind
from claimtest_helpers import payloads, texts

STAT = ClaimKind.STATISTIC
QUANTITY = ClaimKind.QUANTITY


def _stat(name: str, value: float | None, **extra: Any) -> dict[str, Any]:
    payload = {"name": name, "value": value, "operator": None, "lower": None, "upper": None, "sd": None}
    return payload | {"missing_value": False} | extra


@pytest.mark.parametrize(
    ("text", "quoted", "payload"),
    [
        ("差异显著(p=0.03)", "p=0.03", _stat("p", 0.03, operator="=")),
        ("p<0.001 for all", "p<0.001", _stat("p", 0.001, operator="<")),
        ("P = .04 overall", "P = .04", _stat("p", 0.04, operator="=")),
        ("ｐ≤０．０５", "ｐ≤０．０５", _stat("p", 0.05, operator="≤")),
        ("差异显著(p)。", "(p)", _stat("p", None, missing_value=True)),
        ("差異顯著（P）。", "（P）", _stat("p", None, missing_value=True)),
        ("significant (p=) here", "(p=)", _stat("p", None, operator="=", missing_value=True)),
        ("HR 0.72 overall", "HR 0.72", _stat("HR", 0.72, operator="=")),
        ("OR=2.4", "OR=2.4", _stat("OR", 2.4, operator="=")),
        ("评分为4.6±1.3分", "4.6±1.3", _stat("mean_sd", 4.6, sd=1.3)),
        ("样本量n=48", "n=48", _stat("n", 48, operator="=")),
        ("total N = 360", "N = 360", _stat("n", 360, operator="=")),
    ],
)
def test_statistics(text: str, quoted: str, payload: dict[str, Any]) -> None:
    assert texts(text, STAT) == [quoted]
    assert payloads(text, STAT) == [payload]


def test_confidence_interval_is_one_statistic_and_its_level_no_percentage() -> None:
    text = "risk fell (95% CI 1.1–2.9)"
    assert payloads(text, STAT) == [_stat("CI", 95.0, lower=1.1, upper=2.9)]
    assert texts(text, ClaimKind.PERCENTAGE) == []


@pytest.mark.parametrize("text", ["group p was small", "this or 5 others", "map=3", "HR部门"])
def test_not_statistics(text: str) -> None:
    assert texts(text, STAT) == []


def _qty(
    mantissa: float | None, exponent: int | None, value: float | None, unit: str, lost: bool = False
) -> dict[str, Any]:
    return {"mantissa": mantissa, "exponent": exponent, "value": value, "unit": unit, "exponent_lost": lost}


@pytest.mark.parametrize(
    ("text", "quoted", "payload"),
    [
        ("输注2.5×10⁶ cells/kg", "2.5×10⁶ cells/kg", _qty(2.5, 6, 2.5e6, "cells/kg")),
        ("共2×10⁷个细胞。", "2×10⁷个细胞", _qty(2.0, 7, 2e7, "个细胞")),
        ("剂量4.0×10⁶个细胞/3mL", "4.0×10⁶个细胞/3mL", _qty(4.0, 6, 4e6, "个细胞/3mL")),
        ("约5×10^10颗粒", "5×10^10颗粒", _qty(5.0, 10, 5e10, "颗粒")),
        ("dose 2 x10^6 cells", "2 x10^6 cells", _qty(2.0, 6, 2e6, "cells")),
        ("dose 2*10^6", "2*10^6", _qty(2.0, 6, 2e6, "")),
        ("dose 7×10e5", "7×10e5", _qty(7.0, 5, 7e5, "")),
        ("劑量2.6×10?顆粒", "2.6×10?顆粒", _qty(2.6, None, None, "顆粒", True)),
        ("约900×10？個細胞/公斤", "900×10？個細胞/公斤", _qty(900.0, None, None, "個細胞/公斤", True)),
        ("低劑量 (0.7×10?) 組", "0.7×10?", _qty(0.7, None, None, "", True)),
        ("剂量2.6×10\ufffd颗粒", "2.6×10\ufffd颗粒", _qty(2.6, None, None, "颗粒", True)),
        ("外泌体(5×1012颗粒/次)", "5×1012颗粒/次", _qty(5.0, 12, None, "颗粒/次", True)),
        ("约3000万", "3000万", _qty(3000.0, None, 3e7, "") | {"multiplier": "万"}),
        ("直径8-12微米", "8-12微米", _qty(None, None, None, "微米") | {"low": 8.0, "high": 12.0}),
        ("大小为50-120nm", "50-120nm", _qty(None, None, None, "nm") | {"low": 50.0, "high": 120.0}),
        ("约 9 μm 左右", "9 μm", _qty(None, None, 9.0, "μm")),
        ("注射时间6分钟", "6分钟", _qty(None, None, 6.0, "分钟")),
    ],
)
def test_quantities(text: str, quoted: str, payload: dict[str, Any]) -> None:
    assert texts(text, QUANTITY) == [quoted]
    # a measured value also names its group ("治疗组为24个月"); none of these has one
    assert [{k: v for k, v in p.items() if k != "group"} for p in payloads(text, QUANTITY)] == [payload]
    assert all(p.get("group") is None for p in payloads(text, QUANTITY))


def test_exponent_range_gives_two_quantities_sharing_the_unit() -> None:
    text = "含10^8-10^10个外泌体"
    assert texts(text, QUANTITY) == ["10^8", "10^10个外泌体"]
    assert [p["unit"] for p in payloads(text, QUANTITY)] == ["个外泌体", "个外泌体"]
    assert [p["value"] for p in payloads(text, QUANTITY)] == [1e8, 1e10]


def test_series_of_doses_shares_the_last_unit() -> None:
    text = "剂量(1×10⁸、3×10⁸和9×10⁸个颗粒)"
    assert [p["unit"] for p in payloads(text, QUANTITY)] == ["个颗粒"] * 3


@pytest.mark.parametrize("text", ["2021年", "数值为123", "100", "10 of", "编号10"])
def test_not_quantities(text: str) -> None:
    assert texts(text, QUANTITY) == []


@pytest.mark.parametrize(
    ("text", "quoted", "low", "high"),
    [
        ("剂量(4-7×10?cells/kg)组", "4-7×10?cells/kg", 4.0, 7.0),
        ("範圍2–150×10⁶ cells/kg", "2–150×10⁶ cells/kg", 2.0, 150.0),
        ("dose 1 to 5×10^6 cells", "1 to 5×10^6 cells", 1.0, 5.0),
    ],
)
def test_exponent_ranges_keep_low_and_high(text: str, quoted: str, low: float, high: float) -> None:
    assert texts(text, QUANTITY) == [quoted]
    payload = payloads(text, QUANTITY)[0]
    assert (payload["low"], payload["high"]) == (low, high)
