"""Extraction over adversarial input runs in linear time (no catastrophic backtracking)."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from claims.extract import extract_candidates

MB = 1_000_000

# Each builder makes a string of about `size` characters.
ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "open_parens": lambda size: "(" * size,
    "powers": lambda size: "10^" * (size // 3),
    "digits": lambda size: "9" * size,
    "author_cues": lambda size: "Kim等人" * (size // 5),
    "book_title_marks": lambda size: "《" * size,
    "one_long_line": lambda size: ("细胞迁移 (11) 与 82% 的 Kim et al. 2019 相关 " * (size // 30))[:size],
    "digits_and_separators": lambda size: "1-2,3" * (size // 5),
    "times_ten": lambda size: "3×10" * (size // 4),
    "capitalised_words": lambda size: "Abc " * (size // 4),
    "percent_runs": lambda size: "5%" * (size // 2),
    "url_like": lambda size: "https://" + "a" * (size - 8),
    "doi_like": lambda size: "10.1000/" * (size // 8),
}


def _seconds(text: str) -> float:
    start = time.perf_counter()
    extract_candidates(text)
    return time.perf_counter() - start


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_one_megabyte_of_adversarial_text_is_fast(name: str) -> None:
    assert _seconds(ADVERSARIAL[name](MB)) < 3.0


@pytest.mark.parametrize("name", ["open_parens", "digits", "author_cues", "one_long_line", "times_ten"])
def test_time_scales_linearly(name: str) -> None:
    small = min(_seconds(ADVERSARIAL[name](MB // 4)) for _ in range(2))
    large = _seconds(ADVERSARIAL[name](MB))
    assert large <= 6 * max(small, 0.01)
