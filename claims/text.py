"""Plain-text helpers shared by the extractors: sentences, width folding, Chinese numerals.

Everything here is pure and runs in linear time over its input.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# One sentence ends at a CJK or Latin terminator, at a newline, or at ". " in English.
_SENTENCE_END = re.compile(r"[。！？!?\n]|\.(?= )")
# Abbreviations after which ". " does not end a sentence ("Kim et al. (2012)").
_ABBREVIATIONS = ("al", "e.g", "i.e", "vs", "Fig", "fig", "Dr", "No", "no", "etc", "approx")

# Full-width ASCII (U+FF01..U+FF5E) maps to ASCII by a fixed offset; a few more by table.
_FOLD_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD_TABLE.update({0x3000: 0x20, 0x2013: 0x2D, 0x2212: 0x2D, 0x2010: 0x2D, 0x2011: 0x2D})

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
    return text.translate(_FOLD_TABLE)


def as_superscript(run: str) -> str | None:
    """A superscript run of a rich-text source in Unicode superscripts ("1,3-5" → "¹,³⁻⁵"), else None.

    The HTML and .docx readers call it so that a superscript citation (`<sup>2</sup>`) or power
    (`10<sup>6</sup>`) stays one in the plain text; runs holding anything else stay as written.
    """
    if len(run) > 120 or not _SUPERSCRIPT_RUN.fullmatch(run):
        return None
    return "".join(run.split()).translate(_TO_SUPERSCRIPT)


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    head = text[max(0, dot - 8) : dot]
    return any(head.endswith(abbr) and not head[: -len(abbr)][-1:].isalpha() for abbr in _ABBREVIATIONS)


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Split into sentences: (start, end) pairs, end just past the terminator, newlines excluded."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.group() == "." and _ends_with_abbreviation(text, match.start()):
            continue
        end = match.start() if match.group() == "\n" else match.end()
        if end > start:
            bounds.append((start, end))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def sentence_at(text: str, offset: int, bounds: list[tuple[int, int]] | None = None) -> tuple[int, int]:
    """The sentence containing `offset` (pass precomputed `bounds` when calling repeatedly)."""
    bounds = sentence_bounds(text) if bounds is None else bounds
    index = bisect_right(bounds, (offset, len(text) + 1)) - 1
    if index >= 0 and bounds[index][0] <= offset < bounds[index][1]:
        return bounds[index]
    return (offset, offset)


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
