"""Extraction over adversarial input does linear work (counted in calls, not timed: see bench/)."""

from __future__ import annotations

import pytest
from auditor.claims.extract import extract_candidates

from tests.workcount import assert_linear_work

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


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_input_is_extracted(name: str) -> None:
    text = ADVERSARIAL[name]
    for candidate in extract_candidates(text):  # finishes, and every span lies inside the text
        assert 0 <= candidate.start < candidate.end <= len(text)


@pytest.mark.parametrize(
    "build",
    [lambda n: "(" * n, lambda n: "9" * n, _prose_line, _mixed_line, lambda n: "Kim等人" * (n // 5)],
    ids=["parens", "digits", "prose_line", "dense_line", "author_cues"],
)
def test_work_scales_linearly(build) -> None:  # type: ignore[no-untyped-def]
    assert_linear_work(lambda n: lambda: extract_candidates(build(n)), 20_000)
