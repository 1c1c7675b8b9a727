"""The exponent scans search only around their literals, and find exactly what a full scan finds."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

from auditor.checks import number_exponents as ne


def _spans(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


def _both(text: str) -> None:
    lost = ne.anchored_matches(ne._LOST, text, ne._LOST_ENDS, ne._LOST_BEFORE, ne._LOST_AFTER)
    assert _spans(lost) == _spans(list(ne._LOST.finditer(text))), text
    flat = ne.anchored_matches(ne._FLATTENED, text, ("×",), ne._FLATTENED_BEFORE, ne._FLATTENED_AFTER)
    assert _spans(flat) == _spans(list(ne._FLATTENED.finditer(text))), text


def test_windows_find_what_the_full_scan_finds() -> None:
    rng = random.Random(11)
    pieces = ["1" * 7, "12345678", ".", "25", " ", "  ", "   ", "×", "x", "X", "*", "10", "?", "？", "□"]
    pieces += ["11", "9", "a", "\ufffd", "\u3000"]
    for _ in range(20_000):
        _both("".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))))


def test_adjacent_and_overlapping_candidates() -> None:
    for text in ("3×1011×1012", "2×1011×10?", "1.5×10? and 7 x 10？", "12345678×1011", "5 × 1012."):
        _both(text)


def test_the_longest_matches_fit_their_windows() -> None:
    longest = ("1234567.123456  ×  1011 and", "1234567.123456  x  10? and", "7  ×  10115", "7  ×  1011.")
    for text in longest:
        _both(text)
    assert len(ne.exponent_problems(longest[0] + " " + longest[1])) == 2
