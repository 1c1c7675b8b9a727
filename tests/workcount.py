"""Counting work instead of timing it: tests assert behaviour, the clock belongs to bench/.

`calls_made(run)` counts the Python and C function calls `run()` makes (through
`sys.setprofile`), a number that does not change with the load of the machine. A stage that is
quadratic in its input in Python code (re-walking a tree, rescanning the text for every match)
makes quadratically many calls; `assert_linear_work` checks that four times the input costs at
most about four times the calls. Backtracking inside one regex call is not counted: the regexes
are written without nested quantifiers, and `python bench/offline_bench.py` times every
adversarial pattern.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any


def calls_made(run: Callable[[], object]) -> int:
    """How many function calls (Python and C) `run()` makes."""
    count = 0

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        run()
    finally:
        sys.setprofile(previous)
    return count


def assert_linear_work(build: Callable[[int], Callable[[], object]], size: int, slack: float = 1.25) -> None:
    """`build(n)()` on 4×`size` costs at most `slack`×4 the calls of `size` (plus a constant)."""
    small = calls_made(build(size))
    large = calls_made(build(4 * size))
    assert large <= slack * 4 * small + 1_000, f"{large} calls for 4× the input, {small} for 1×: not linear"
