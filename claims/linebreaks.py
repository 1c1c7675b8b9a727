"""Line breaks inside a paragraph: which newlines of a text are soft wraps, and the text unwrapped.

A paragraph of Markdown or plain text written over several lines ("hard-wrapped") is one paragraph:
the newline inside it is a space (next to a CJK character or full-width mark, nothing). A newline
is soft only when the text around it shows a wrap, so that one-paragraph-per-line files keep
every line end:

- neither line is blank, and the lower line does not start a block: a heading (`#`), a list item
  (`-`, `*`, `+`, `•`, `1.`, `1)`, `1、`, `(1)`, `[1]`, `一、`, `（一）`), a table row (`|`, or a tab
  as the .docx reader writes rows), a quote (`>`), a fence, a setext underline, or a reference
  entry (`Smith, J.`, `Smith JA,`); the upper line is no heading (`#`, `一、`, `（一）`), table
  row, quote, fence or rule (a list item or an entry may go on over the next line);
- the upper line does not end a sentence (a terminator, maybe followed by closing quotes, brackets
  or a citation: `…in 2019.^3^`);
- the upper line is as full as a wrapped line is: 40 to 200 columns wide (CJK characters count two),
  and the lower line's first word would not have fitted on it (a greedy wrap at width W leaves
  width(upper) + 1 + width(first word of lower) > W ≥ width(lower)).

A blank line is always a paragraph break; the .html and .docx readers separate blocks by one.
Everything here is linear in the length of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from unicodedata import east_asian_width

from auditor.claims.script import is_cjk

_MIN_WRAP, _MAX_WRAP = 40, 200  # columns of a line that was wrapped
# A line that stands alone: heading, table row, quote, fence, rule or setext underline.
_STANDALONE = r"#{1,6}(?:[ \t]|$)|[|>]|```|~~~|[=\-_*]{3,}[ \t]*$|[(（]?[一二三四五六七八九十]{1,3}[、)）]"
_STANDALONE_LINE = re.compile(rf"[ \t]{{0,3}}(?:{_STANDALONE})")
# A line that starts a block: the above, a list item, a reference entry.
_BLOCK_START = re.compile(
    rf"[ \t]{{0,3}}(?:{_STANDALONE}|[-*+•·▪][ \t]|\d{{1,3}}[.)][ \t]|\d{{1,3}}、|[(（]\d{{1,3}}[)）]|"
    r"\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3}[ \t]|"
    r"[A-Z][\w'’\-]{1,30},[ \t](?:[A-Z]\.[ \t]?){1,3}|[A-Z][\w'’\-]{1,30}[ \t][A-Z]{1,3}[,.])"
)
_TERMINATORS = frozenset("。！？!?.")
_CLOSING = frozenset("\"'”’」』）)]】》^¹²³⁴⁵⁶⁷⁸⁹⁰⁻,，-–0123456789[ \t*_")
_ABBREVIATIONS = ("al", "e.g", "i.e", "vs", "Fig", "fig", "Dr", "No", "no", "etc", "approx")
_ABBREVIATION_ENDS = frozenset(abbreviation[-1] for abbreviation in _ABBREVIATIONS)


def ends_with_abbreviation(text: str, dot: int) -> bool:
    """The "." at `dot` closes an abbreviation ("et al.", "e.g.", "Fig.") rather than a sentence."""
    if dot == 0 or text[dot - 1] not in _ABBREVIATION_ENDS:
        return False  # (the common case, decided without building the window)
    head = text[max(0, dot - 8) : dot]
    return any(head.endswith(abbr) and not head[: -len(abbr)][-1:].isalpha() for abbr in _ABBREVIATIONS)


def _is_wide(ch: str) -> bool:
    """A CJK character or full-width punctuation: lines join at it without a space."""
    return ch >= "\u1100" and east_asian_width(ch) in "WF"


def _width(text: str, start: int, end: int, cap: int) -> int:
    """Display width of text[start:end] (wide characters count two), counting stops past `cap`."""
    piece = text[start : min(end, start + cap + 1)]
    if piece.isascii():  # no wide character: the width is the length, up to cap + 1
        return len(piece)
    width = 0
    for ch in piece:  # the width passes cap within cap + 1 characters
        width += 2 if ch >= "\u1100" and east_asian_width(ch) in "WF" else 1  # `_is_wide`, inlined
        if width > cap:
            break
    return width


def _ends_sentence(text: str, start: int, end: int) -> bool:
    """The line text[start:end] ends with a terminator, then only closing marks or a citation."""
    pos = end
    while pos > start and end - pos < 16:
        ch = text[pos - 1]
        if ch in _TERMINATORS:
            after = text[pos] if pos < end else " "
            decimal = after.isascii() and after.isalnum()  # "3.9", "e.g"
            return ch != "." or not (decimal or ends_with_abbreviation(text, pos - 1))
        if ch not in _CLOSING:
            return False
        pos -= 1
    return False


def _starts_block(text: str, start: int, end: int, pattern: re.Pattern[str] = _BLOCK_START) -> bool:
    """A line that starts a block of its own (heading, list item, table row, entry…)."""
    return "\t" in text[start:end] or pattern.match(text, start, end) is not None


def _first_word_width(text: str, start: int, end: int) -> int:
    if is_cjk(text[start]):
        return 2
    stop = start
    while stop < end and not text[stop].isspace() and stop - start < 40:
        stop += 1
    return _width(text, start, stop, 80)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\r":
        start += 1
    while end > start and text[end - 1] in " \t\r":
        end -= 1
    return start, end


def _is_soft(text: str, upper: tuple[int, int], lower: tuple[int, int]) -> bool:
    (a, b), (c, d) = upper, lower
    if a == b or c == d or _starts_block(text, a, b, _STANDALONE_LINE) or _starts_block(text, c, d):
        return False
    if _ends_sentence(text, a, b):
        return False
    width = _width(text, a, b, _MAX_WRAP)
    if not _MIN_WRAP <= width <= _MAX_WRAP:
        return False
    return _width(text, c, d, width + 60) <= width + _first_word_width(text, c, d)


def soft_breaks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each soft line break: the upper line's trailing blanks, the newline, the
    lower line's indentation. Every other newline of `text` is a boundary."""
    breaks: list[tuple[int, int]] = []
    upper = _strip(text, 0, max(0, text.find("\n")))
    pos = text.find("\n")
    while pos != -1:
        following = text.find("\n", pos + 1)
        line_end = len(text) if following == -1 else following
        lower = _strip(text, pos + 1, line_end)
        if _is_soft(text, upper, lower):
            breaks.append((upper[1], lower[0]))
        upper, pos = lower, following
    return breaks


def joiner(text: str, start: int, end: int) -> str:
    """What the soft break text[start:end] reads as: nothing beside a CJK character, else a space."""
    wide = (start > 0 and _is_wide(text[start - 1])) or (end < len(text) and _is_wide(text[end]))
    return "" if wide else " "


@dataclass(frozen=True)
class Unwrapped:
    """A text with its soft line breaks joined: a space, or nothing next to a CJK character.

    `text` is what extractors read; `original` maps an offset of it back to the source text.
    """

    text: str
    _anchors: tuple[int, ...] = ()  # offsets in `text` from which…
    _shifts: tuple[int, ...] = ()  # …this many source characters more lie before

    @property
    def joins(self) -> int:
        """How many soft line breaks were joined."""
        return len(self._anchors)

    def original(self, pos: int) -> int:
        """The source offset of offset `pos` of `text`."""
        index = bisect_right(self._anchors, pos) - 1
        return pos + (self._shifts[index] if index >= 0 else 0)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Source (start, end) of text[start:end] (a non-empty span)."""
        return self.original(start), self.original(max(start, end - 1)) + 1


def unwrap(text: str) -> Unwrapped:
    """`text` with every soft line break (see `soft_breaks`) joined; same text when there is none."""
    breaks = soft_breaks(text)
    if not breaks:
        return Unwrapped(text)
    pieces: list[str] = []
    anchors: list[int] = []
    shifts: list[int] = []
    done = length = shift = 0
    for start, end in breaks:
        pieces.append(text[done:start])
        length += start - done
        joined = joiner(text, start, end)
        pieces.append(joined)
        length += len(joined)
        shift += end - start - len(joined)
        anchors.append(length)
        shifts.append(shift)
        done = end
    pieces.append(text[done:])
    return Unwrapped("".join(pieces), tuple(anchors), tuple(shifts))
