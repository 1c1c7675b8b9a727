"""Plain-text helpers shared by the extractors and checks: sentences, width folding, Chinese numerals.

The one sentence splitter of the project is here (`sentence_bounds`, `sentence_at`,
`next_sentence`, `previous_sentence`). Everything is pure and runs in linear time over its input.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from auditor.claims.linebreaks import ends_with_abbreviation, joiner, soft_breaks

# One sentence ends at a CJK or Latin terminator, at a line break that is no soft wrap (see
# `claims.linebreaks`), or at a "." followed by a blank in English.
_SENTENCE_END = re.compile(r"[。！？!?\n.](?:(?<!\.)|(?=\s))")  # one class first: the engine skips to it
MAX_SENTENCE_REACH = 2000  # sentence_at cuts a longer sentence this far around the offset

# Full-width ASCII (U+FF01..U+FF5E) maps to ASCII by a fixed offset; a few more by table.
_FOLD_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD_TABLE.update({0x3000: 0x20, 0x2013: 0x2D, 0x2212: 0x2D, 0x2010: 0x2D, 0x2011: 0x2D})
# Runs of characters the table maps: only they are translated (a whole-text translate looks up every
# character of the text in the table, ~6x slower on Chinese text).
_FOLDABLE_CHAR = "[" + "".join(re.escape(chr(code)) for code in sorted(_FOLD_TABLE)) + "]"
_FOLDABLE = re.compile(f"{_FOLDABLE_CHAR}{_FOLDABLE_CHAR}*")  # a class first: the engine skips to it

_CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "貳": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "叁": 3,
    "參": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "陸": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_MYRIAD = {"万": 1e4, "萬": 1e4}
_HUNDRED_MILLION = {"亿": 1e8, "億": 1e8}
_ARABIC_RUN = re.compile(r"\d{1,15}(?:\.\d{1,8})?")
# What a superscript run may hold to be written in superscript digits: numbers, ranges, commas.
_SUPERSCRIPT_RUN = re.compile(r"[ \t]{0,2}\d{1,3}(?:[ \t]{0,2}[,\-–—‐−][ \t]{0,2}\d{1,3}){0,20}[ \t]{0,2}")
_TO_SUPERSCRIPT = str.maketrans("0123456789-–—‐−", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁻⁻⁻⁻")


def fold_width(text: str) -> str:
    """Map full-width ASCII, ideographic space and en-dash/minus to ASCII; length is unchanged."""
    if text.isascii():
        return text  # every foldable character is outside ASCII (e.g. the number of every count)
    return _FOLDABLE.sub(_fold_run, text)


def _fold_run(match: re.Match[str]) -> str:
    return match.group().translate(_FOLD_TABLE)


def as_superscript(run: str) -> str | None:
    """A superscript run of a rich-text source in Unicode superscripts ("1,3-5" → "¹,³⁻⁵"), else None.

    The HTML and .docx readers call it so that a superscript citation (`<sup>2</sup>`) or power
    (`10<sup>6</sup>`) stays one in the plain text; runs holding anything else stay as written.
    """
    if len(run) > 120 or not _SUPERSCRIPT_RUN.fullmatch(run):
        return None
    return "".join(run.split()).translate(_TO_SUPERSCRIPT)


def sentence_bounds(text: str, *, unwrapped: bool = False) -> list[tuple[int, int]]:
    """Split into sentences: (start, end) pairs, end just past the terminator, newlines excluded.

    A soft line break (a paragraph written over several lines) does not end a sentence; a blank
    line, a heading, a list item, a table row… do (`claims.linebreaks`). With `unwrapped`, the
    text has had its soft breaks joined already (`claims.linebreaks.unwrap`): every newline ends.
    """
    soft = [] if unwrapped else soft_breaks(text)
    bounds: list[tuple[int, int]] = []
    start = index = 0
    for match in _SENTENCE_END.finditer(text):
        pos = match.start()
        mark = text[pos]  # every match is one character
        if mark == "\n":
            while index < len(soft) and soft[index][1] <= pos:
                index += 1
            if index < len(soft) and soft[index][0] <= pos:
                continue
        elif mark == "." and ends_with_abbreviation(text, pos):
            continue
        end = pos if mark == "\n" else pos + 1
        if end > start:
            bounds.append((start, end))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


# One article's text at a time (2: its text and the unwrapped one): a larger cache would keep
# texts from earlier articles, which a benchmark cycling a few articles would mistake for speed.
_ONE_ARTICLE = 2


@lru_cache(maxsize=_ONE_ARTICLE)
def _soft_breaks_of(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(soft_breaks(text))


def unwrapped_slice(text: str, start: int, end: int) -> str:
    """text[start:end] as the extractors read it: each soft line break inside it one space (nothing
    beside a CJK character), other newlines kept. For checks that read the words between claims."""
    piece = text[start:end]
    if "\n" not in piece:
        return piece
    breaks = _soft_breaks_of(text)
    index = bisect_right(breaks, (start, len(text) + 1)) - 1
    pieces, pos = [], start
    for first, last in breaks[max(index, 0) :]:
        if first >= end:
            break
        if last <= start:
            continue
        pieces.append(text[pos : max(pos, first)])
        pieces.append(joiner(text, first, last))
        pos = min(end, last)
    pieces.append(text[pos:end])
    return "".join(pieces)


@lru_cache(maxsize=_ONE_ARTICLE)
def _bounds_of(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence bounds of a whole text, computed once per stage of an article (not once per claim)."""
    return tuple(sentence_bounds(text))


def sentence_at(
    text: str, offset: int, bounds: list[tuple[int, int]] | tuple[tuple[int, int], ...] | None = None
) -> tuple[int, int]:
    """The sentence containing `offset`, (offset, offset) between sentences.

    `bounds` are `sentence_bounds(text)` (computed once per text and cached when not given). A
    sentence longer than 2 × MAX_SENTENCE_REACH is cut around `offset`, so that callers that read
    the sentence of every claim stay linear on a text without terminators.
    """
    bounds = _bounds_of(text) if bounds is None else bounds
    index = bisect_right(bounds, (offset, len(text) + 1)) - 1
    if index >= 0 and bounds[index][0] <= offset < bounds[index][1]:
        start, end = bounds[index]
        return max(start, offset - MAX_SENTENCE_REACH), min(end, offset + MAX_SENTENCE_REACH)
    return (offset, offset)


@lru_cache(maxsize=16)
def _through_last(marks: str) -> re.Pattern[str]:
    return re.compile(rf"(?s:.*)[{re.escape(marks)}]")  # the greedy run backs off to the last mark


def after_last(window: str, marks: str) -> str:
    """The part of a (short) `window` after the last of the characters `marks` in it; all of it when
    none occurs. One anchored match: linear in the window."""
    through = _through_last(marks).match(window)
    return window if through is None else window[through.end() :]


def next_sentence(text: str, end: int) -> tuple[int, int] | None:
    """The sentence after the one ending at `end`, in the same paragraph (else None)."""
    bounds = _bounds_of(text)
    index = bisect_left(bounds, (end, -1))
    if index >= len(bounds) or text.find("\n", end, bounds[index][0]) != -1:
        return None
    return sentence_at(text, bounds[index][0], bounds)


def previous_sentence(text: str, start: int) -> tuple[int, int] | None:
    """The sentence before the one starting at `start`, in the same paragraph (else None)."""
    bounds = _bounds_of(text)
    index = bisect_left(bounds, (start, -1)) - 1
    if index < 0 or bounds[index][1] > start or text.find("\n", bounds[index][1], start) != -1:
        return None
    return sentence_at(text, bounds[index][1] - 1, bounds)


def parse_chinese_number(text: str) -> float | None:
    """Value of a number written with Chinese numerals and/or digits ("2000万", "两千", "3.5亿")."""
    text = fold_width(text.strip())
    if not text:
        return None
    total = section = 0.0
    number: float | None = None
    pos = 0
    while pos < len(text):
        ch = text[pos]
        run = _ARABIC_RUN.match(text, pos)
        if run:
            number = float(run.group())
            pos = run.end()
            continue
        if ch in _CHINESE_DIGITS:
            digit = _CHINESE_DIGITS[ch]
            number = digit if number is None else number * 10 + digit
        elif ch in _SMALL_UNITS:
            section += (1 if number is None else number) * _SMALL_UNITS[ch]
            number = None
        elif ch in _MYRIAD:
            total += (section + (number or 0) or 1) * _MYRIAD[ch]
            section, number = 0.0, None
        elif ch in _HUNDRED_MILLION:
            total = (total + section + (number or 0) or 1) * _HUNDRED_MILLION[ch]
            section, number = 0.0, None
        else:
            return None
        pos += 1
    return total + section + (number or 0)
