"""Extraction over adversarial input runs in linear time (no catastrophic backtracking)."""

from __future__ import annotations

import time

import pytest

from claims.extract import extract_candidates

MB = 1_000_000


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _mixed_line(size: int) -> str:
    """About `size` characters of claim-dense mixed text on one line (no newline)."""
    return _repeat("细胞迁移 (11) 与 82% 的 Kim et al. 2019 相关, 1.5×10^6 cells/kg, NCT01234567; ", size)


def _prose_line(size: int) -> str:
    """About `size` characters of article-like text on one line: a claim every sentence or so."""
    return _repeat(
        "间充质干细胞能够穿越血脑屏障并迁移至损伤区域，研究纳入了64例患者。Stem cells migrate to the brain. ",
        size,
    )


# The adversarial inputs of the project brief, each around 0.1–1 MB.
ADVERSARIAL = {
    "open_parens": "(" * 200_000,
    "powers": "10^" * 100_000,
    "digit_run": "9" * 500_000,
    "author_cues": "Kim等人" * 50_000,
    "book_title_marks": "《" * 100_000,
    "one_long_line": _prose_line(MB),
    "dense_long_line": _mixed_line(MB // 4),
    "nested_exponents": "10^10^10" * 40_000,
    "capitalised_words": "Abc " * 100_000,
}


def _seconds(text: str) -> float:
    start = time.perf_counter()
    extract_candidates(text)
    return time.perf_counter() - start


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_input_is_fast(name: str) -> None:
    assert _seconds(ADVERSARIAL[name]) < 4.0


@pytest.mark.parametrize(
    "build",
    [lambda n: "(" * n, lambda n: "9" * n, _prose_line],
    ids=["parens", "digits", "prose_line"],
)
def test_time_scales_linearly(build) -> None:  # type: ignore[no-untyped-def]
    small_text, large_text = build(MB // 4), build(MB)
    small = min(_seconds(small_text) for _ in range(3))
    large = min(_seconds(large_text) for _ in range(2))
    # 4× the text may take up to 6× the time; the floor keeps a busy CI machine's jitter on tiny
    # timings from failing it (quadratic behaviour on 1 MB takes many seconds, far above it)
    assert large <= 6 * max(small, 0.25)
