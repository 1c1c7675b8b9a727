"""Arithmetic of stated numbers: is a rounded value consistent with the exact one? (pure)

A value stated with d decimals is consistent when it equals the exact value rounded to d decimals
(either rounding direction at a tie); a value that equals the exact one truncated (not rounded) is
"truncated": the writer cut the digits, an info at most.
"""

from __future__ import annotations

import math
import re
from enum import Enum

_EPS = 1e-9
# A hedge before a stated figure ("约65%", "about 50%"): the figure gets one unit of slack.
HEDGE = re.compile(r"约|約|近|about|approximately|nearly|roughly|around|~|≈", re.IGNORECASE)
_NUMBER = re.compile(r"\d{1,15}(?:\.(\d{1,10}))?")


class Agreement(str, Enum):
    """How a stated rounded value relates to the exact value."""

    ROUNDED = "rounded"  # equals the exact value rounded to the stated precision
    TRUNCATED = "truncated"  # equals it truncated, not rounded (6/7 = 85.71 stated as 85)
    INCONSISTENT = "inconsistent"


def unit_of(decimals: int) -> float:
    """The size of one unit in the last stated decimal place (d=0 → 1, d=1 → 0.1)."""
    return 10.0 ** -max(0, decimals)


def agreement(stated: float, exact: float, decimals: int, *, approx: bool = False) -> Agreement:
    """Compare a stated value (with `decimals` decimals) to the exact one; "approx" widens to one unit."""
    unit = unit_of(decimals)
    tolerance = unit if approx else unit / 2
    slack = _EPS * max(1.0, abs(exact))
    truncated = math.floor(abs(exact) / unit + _EPS) * unit
    is_truncated = abs(abs(stated) - truncated) <= slack and (stated >= 0) == (exact >= 0)
    if abs(stated - exact) <= tolerance + slack:
        if not approx and is_truncated and _tie_cut(truncated, abs(exact), unit):
            return Agreement.TRUNCATED  # 7/8 = 87.5% written 87%: half up and half even both give 88
        return Agreement.ROUNDED
    if is_truncated:
        return Agreement.TRUNCATED
    return Agreement.INCONSISTENT


def _tie_cut(truncated: float, exact: float, unit: float) -> bool:
    """True when `exact` lies exactly half-way and rounding it down (to `truncated`) is not half-even."""
    if abs(exact - truncated - unit / 2) > _EPS * max(1.0, exact):
        return False
    return round(truncated / unit) % 2 == 1  # an odd last digit: half-even rounds up too


def exact_percentage(part: float, whole: float) -> float | None:
    """100·part/whole, or None when whole is 0 or part > whole (not a share)."""
    if whole <= 0 or part < 0 or part > whole:
        return None
    return 100.0 * part / whole


def format_value(value: float, decimals: int) -> str:
    """`value` with `decimals` decimals, rounded half up ("80.28" at d=0 → "80")."""
    scaled = math.floor(abs(value) * 10**decimals + 0.5 + _EPS) / 10**decimals
    text = f"{scaled:.{max(0, decimals)}f}"
    return f"-{text}" if value < 0 and scaled != 0 else text


def exact_relative_change(base: float, new: float) -> float | None:
    """Percent change from base to new ((new − base) / base · 100), None when base is 0."""
    if base == 0:
        return None
    return 100.0 * (new - base) / abs(base)


def decimals_of(text: str, value: float) -> int:
    """Decimals with which `value` is written in `text` (0 when it cannot be found)."""
    for match in _NUMBER.finditer(text):
        if abs(float(match.group(0)) - abs(value)) <= _EPS * max(1.0, abs(value)):
            return len(match.group(1) or "")
    return 0


def sum_tolerance(decimals: list[int]) -> float:
    """How far a sum of rounded values may stray: half a unit per term."""
    return sum(unit_of(d) / 2 for d in decimals) + _EPS


def half_unit(decimals: int, exact: bool) -> float:
    """How far a stated value may be from the true one: 0 for an exact count, else half a unit."""
    return 0.0 if exact else unit_of(decimals) / 2


def stated_halves(norm: dict[str, object]) -> tuple[float, float]:
    """(new, base) half-units of a claim's two values from their stated decimals.

    0 for exact counts ("exact_values") and for a value whose precision was not recorded.
    """
    exact = bool(norm.get("exact_values"))

    def half(key: str) -> float:
        decimals = norm.get(key)
        return 0.0 if decimals is None else half_unit(int(str(decimals)), exact)

    return half("new_decimals"), half("base_decimals")


def relative_difference_range(
    new: float, new_half: float, base: float, base_half: float
) -> tuple[float, float] | None:
    """Smallest and largest |new − base| / base · 100 for values within ± half of those stated.

    (new − base) / base grows with new and falls with base (base > 0), so its extremes lie at the
    corners of the box; None when the base could be zero or negative.
    """
    if base - base_half <= 0 or new - new_half < 0:
        return None
    corners = [
        100.0 * (n - b) / b
        for n in (new - new_half, new + new_half)
        for b in (base - base_half, base + base_half)
    ]
    low, high = min(corners), max(corners)
    if low <= 0 <= high:
        return 0.0, max(-low, high)
    return min(abs(low), abs(high)), max(abs(low), abs(high))


def within(stated: float, bounds: tuple[float, float], decimals: int, *, approx: bool = False) -> bool:
    """True when `stated` (with `decimals` decimals) could be a value in [low, high] rounded."""
    tolerance = (unit_of(decimals) if approx else unit_of(decimals) / 2) + _EPS * max(1.0, abs(stated))
    return bounds[0] - tolerance <= stated <= bounds[1] + tolerance
