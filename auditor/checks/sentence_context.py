"""Sentence boundaries for checks that relate claims of one sentence (pure, linear time).

Uses `claims.text.sentence_bounds` (computed once per text), the splitter the extractor uses;
an offset outside every sentence falls back to a bounded scan for terminators.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from auditor.claims.text import sentence_bounds

_TERMINATORS = frozenset("。！？!?；;\n")
_ABBREVIATIONS = frozenset({"al", "eg", "ie", "vs", "fig", "figs", "no", "ref", "refs", "dr", "approx"})
_MAX_SCAN = 2000  # a "sentence" longer than this is cut around the offset: keeps lookups O(1) per claim


@lru_cache(maxsize=4)
def _bounds(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence bounds of the whole text, computed once per text (not once per claim)."""
    return tuple(sentence_bounds(text))


def _is_latin_stop(text: str, i: int) -> bool:
    """A "." that ends a sentence: followed by whitespace or end, not a decimal point."""
    if text[i] != ".":
        return False
    after = text[i + 1] if i + 1 < len(text) else " "
    if not after.isspace():
        return False
    word_start = i
    while word_start > max(0, i - 6) and text[word_start - 1].isalpha():
        word_start -= 1
    word = text[word_start:i].casefold()
    return len(word) > 1 and word not in _ABBREVIATIONS


def _is_stop(text: str, i: int) -> bool:
    return text[i] in _TERMINATORS or _is_latin_stop(text, i)


def own_sentence_at(text: str, offset: int) -> tuple[int, int]:
    """(start, end) of the sentence holding `offset`; the end includes the terminator."""
    start = offset
    floor = max(0, offset - _MAX_SCAN)
    while start > floor and not _is_stop(text, start - 1):
        start -= 1
    end = offset
    ceiling = min(len(text), offset + _MAX_SCAN)
    while end < ceiling and not _is_stop(text, end):
        end += 1
    return start, min(len(text), end + 1)


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """(start, end) of the sentence holding `offset`, via claims.text's bounds."""
    bounds = _bounds(text)
    if bounds:
        index = bisect_right(bounds, (offset, len(text) + 1)) - 1
        if index >= 0 and bounds[index][0] <= offset < bounds[index][1]:
            start, end = bounds[index]
            return max(start, offset - _MAX_SCAN), min(end, offset + _MAX_SCAN)
    return own_sentence_at(text, offset)


def next_sentence(text: str, end: int) -> tuple[int, int] | None:
    """The sentence after the one ending at `end` (None at the end of the text or a paragraph break)."""
    if end > 0 and text[end - 1] == "\n":
        return None
    pos = end
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    if pos >= len(text) or text[pos] == "\n":
        return None
    return sentence_at(text, pos)


def previous_sentence(text: str, start: int) -> tuple[int, int] | None:
    """The sentence before the one starting at `start` (None at the text start or a paragraph break)."""
    pos = start
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    if pos == 0 or text[pos - 1] == "\n":
        return None
    return sentence_at(text, pos - 1)
