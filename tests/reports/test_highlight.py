"""Paragraph splitting and the non-overlapping segments of overlapping claim spans."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from auditor.reports.highlight import Segment, paragraph_bounds, segments, segments_by_paragraph

from tests.workcount import assert_linear_work


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一段。\n\n二段第一行\n二段第二行\n\n\n三段", ["一段。", "二段第一行\n二段第二行", "三段"]),
        ("第一行\n第二行\n", ["第一行", "第二行"]),  # no blank line: one paragraph per line
        ("line one\n   \nline two", ["line one", "line two"]),
        ("只有一行", ["只有一行"]),
        ("", []),
        ("\n\n\n", []),
    ],
)
def test_paragraph_bounds(text: str, expected: list[str]) -> None:
    assert [text[start:end] for start, end in paragraph_bounds(text)] == expected


@pytest.mark.parametrize(
    ("length", "spans", "expected"),
    [
        (5, [], [(0, 5, ())]),
        (6, [(1, 3, "a")], [(0, 1, ()), (1, 3, ("a",)), (3, 6, ())]),
        # nested: b inside a
        (6, [(0, 6, "a"), (2, 4, "b")], [(0, 2, ("a",)), (2, 4, ("a", "b")), (4, 6, ("a",))]),
        # crossing: a [0,4), b [2,6)
        (6, [(0, 4, "a"), (2, 6, "b")], [(0, 2, ("a",)), (2, 4, ("a", "b")), (4, 6, ("b",))]),
        # identical spans, and a span at the very end of the text
        (4, [(2, 4, "a"), (2, 4, "b")], [(0, 2, ()), (2, 4, ("a", "b"))]),
        # out of range and empty spans are clipped or dropped
        (4, [(3, 99, "a"), (2, 2, "b"), (-5, 1, "c")], [(0, 1, ("c",)), (1, 3, ()), (3, 4, ("a",))]),
        # the same id twice, overlapping
        (5, [(0, 3, "a"), (2, 5, "a")], [(0, 2, ("a",)), (2, 3, ("a",)), (3, 5, ("a",))]),
    ],
)
def test_segments(
    length: int, spans: list[tuple[int, int, str]], expected: list[tuple[int, int, tuple[str, ...]]]
) -> None:
    assert segments(length, spans) == [Segment(*item) for item in expected]


def test_segments_cover_text_exactly_once() -> None:
    spans = [(0, 7, "c1"), (3, 9, "c2"), (5, 6, "c3"), (8, 12, "c4")]
    pieces = segments(12, spans, cuts=[4, 10])
    assert [(p.start, p.end) for p in pieces][0][0] == 0 and pieces[-1].end == 12
    assert all(a.end == b.start for a, b in zip(pieces, pieces[1:], strict=False))
    assert {cid for p in pieces for cid in p.claim_ids} == {"c1", "c2", "c3", "c4"}


def test_segments_by_paragraph_drops_gaps() -> None:
    text = "甲乙\n\n丙丁"
    paragraphs = paragraph_bounds(text)
    cuts = [offset for bounds in paragraphs for offset in bounds]
    grouped = segments_by_paragraph(paragraphs, segments(len(text), [(1, 5, "c1")], cuts))
    assert ["".join(text[p.start : p.end] for p in group) for group in grouped] == ["甲乙", "丙丁"]
    assert [p.claim_ids for p in grouped[1]] == [("c1",), ()]


def test_large_input_is_fast() -> None:
    text = ("((((10^10^10 " * 80 + "\n") * 10_000  # ~10 MB of adversarial text
    spans = [(i, i + 30, f"c{i}") for i in range(0, len(text), 97)]
    paragraphs = paragraph_bounds(text)
    pieces = segments(len(text), spans, [c for bounds in paragraphs for c in bounds])
    assert sum(len(group) for group in segments_by_paragraph(paragraphs, pieces)) >= len(spans)

    def highlight(lines: int) -> Callable[[], object]:
        sample = ("((((10^10^10 " * 80 + "\n") * lines
        marks = [(i, i + 30, f"c{i}") for i in range(0, len(sample), 97)]

        def run() -> object:
            bounds = paragraph_bounds(sample)
            return segments_by_paragraph(bounds, segments(len(sample), marks, [c for b in bounds for c in b]))
        return run

    assert_linear_work(highlight, 20)
