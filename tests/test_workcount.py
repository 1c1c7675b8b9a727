"""The work counter of tests/workcount.py can fail: it tells linear from quadratic."""

from __future__ import annotations

import pytest

from tests.workcount import assert_linear_work, calls_made


def test_calls_are_counted() -> None:
    assert calls_made(lambda: [len("x") for _ in range(100)]) >= 100


def test_linear_passes_and_quadratic_fails() -> None:
    assert_linear_work(lambda n: lambda: [len("x") for _ in range(n)], 2_000)
    with pytest.raises(AssertionError, match="not linear"):
        assert_linear_work(lambda n: lambda: [len("x") for i in range(n) for _ in range(i)], 200)
