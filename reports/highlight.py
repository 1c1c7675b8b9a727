"""Paragraphs of an article and the non-overlapping segments its claim spans cut it into.

Claims can nest or overlap (`6/7的患者` inside a longer fraction claim, a percentage that starts
inside a count). HTML cannot cross-nest elements, so the text is cut at every span boundary and
each segment carries the ids of all claims covering it, outermost first. Linear in the text length
plus O(b log b) in the number of boundaries.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    """text[start:end], covered by the claims `claim_ids` (outermost first; empty when plain)."""

    start: int
    end: int
    claim_ids: tuple[str, ...]


def _line_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, the newline excluded."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while start <= len(text):
        newline = text.find("\n", start)
        end = len(text) if newline == -1 else newline
        bounds.append((start, end))
        if newline == -1:
            break
        start = newline + 1
    return bounds


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Paragraphs as (start, end): runs of non-blank lines when the text has blank lines, else lines."""
    lines = [(s, e) for s, e in _line_bounds(text) if text[s:e].strip()]
    if "\n\n" not in text and "\n\r\n" not in text:
        return lines
    paragraphs: list[tuple[int, int]] = []
    for start, end in lines:
        previous_end = paragraphs[-1][1] if paragraphs else -2
        if paragraphs and not text[previous_end:start].count("\n") > 1:
            paragraphs[-1] = (paragraphs[-1][0], end)
        else:
            paragraphs.append((start, end))
    return paragraphs


def _boundary_events(
    length: int, spans: Iterable[tuple[int, int, str]]
) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    """Claim ids that start and that end at each offset (spans clipped to the text; empty ones dropped)."""
    starts: dict[int, list[str]] = {}
    ends: dict[int, list[str]] = {}
    for start, end, claim_id in spans:
        start, end = max(0, start), min(length, end)
        if start < end:
            starts.setdefault(start, []).append(claim_id)
            ends.setdefault(end, []).append(claim_id)
    return starts, ends


def segments(length: int, spans: Iterable[tuple[int, int, str]], cuts: Iterable[int] = ()) -> list[Segment]:
    """Cut [0, length) at every span boundary and at `cuts`; each segment lists the claims covering it."""
    starts, ends = _boundary_events(length, spans)
    points = sorted({0, length} | starts.keys() | ends.keys() | {c for c in cuts if 0 <= c <= length})
    active: dict[str, int] = {}  # insertion-ordered: outermost (earliest start) first
    result: list[Segment] = []
    for start, end in zip(points, points[1:], strict=False):
        for claim_id in ends.get(start, ()):
            _release(active, claim_id)
        for claim_id in starts.get(start, ()):
            active[claim_id] = active.get(claim_id, 0) + 1
        result.append(Segment(start, end, tuple(active)))
    return result


def _release(active: dict[str, int], claim_id: str) -> None:
    """One span of `claim_id` ended (a duplicated id may still be open)."""
    remaining = active.get(claim_id, 0) - 1
    if remaining > 0:
        active[claim_id] = remaining
    else:
        active.pop(claim_id, None)


def segments_by_paragraph(
    paragraphs: Sequence[tuple[int, int]], pieces: Sequence[Segment]
) -> list[list[Segment]]:
    """The segments inside each paragraph (segments between paragraphs are dropped)."""
    grouped: list[list[Segment]] = [[] for _ in paragraphs]
    index = 0
    for piece in pieces:
        while index < len(paragraphs) and paragraphs[index][1] <= piece.start:
            index += 1
        if index < len(paragraphs) and paragraphs[index][0] <= piece.start:
            grouped[index].append(piece)
    return grouped
