"""Counts in a labelled enumeration after a whole: "3730 patients: 1863 to empagliflozin and 1876 to placebo".

English writes the parts of a stated count as bare numbers, each with a few words of its own
("42 plasma, 38 urine and 35 saliva samples", "2104 were assigned to dexamethasone and 4231 to
usual care", "101 received the product and 12 did not"). A list of two or more such items is read
as counts of the whole's noun when it opens a clause of the whole's sentence (after ",", ":" or
";" that follows the count, with no other number between) or opens the next sentence with "Of
these," / "Of them," / "Among them,". Each item keeps the inherited unit and ``implied`` "list";
whether the items really split the whole is for the checks to judge. Numbers some other claim
covers are not repeated (an item may already be a count of its own). Scans are bounded.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from auditor.claims.extract.patterns import Candidate, implied_count, merged_spans
from auditor.claims.models import ClaimKind
from auditor.claims.text import sentence_at

_INT = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3}){1,3}|\d{1,6})(?![\w%‰]|[.,]\d)")
_WORD = re.compile(r"[ \t]?\n?[ \t]?(?!and[ \t\n]|or[ \t\n])[^\W\d_][\w'-]{0,24}")
_SEPARATOR = re.compile(r",[ \t]?\n?[ \t]?(?:and[ \t\n])?[ \t]?|[ \t\n]and[ \t\n]")
_OPENER = re.compile(
    r"[ \t]?\n?(?:(?:of|among)[ \t](?:these|them|those|whom)|in[ \t]total),?[ \t]?", re.IGNORECASE
)
_CLAUSE_BREAK = re.compile(r"[,:;][ \t]?\n?[ \t]?")
_BLANK = re.compile(r"[ \t]?\n?[ \t]?")
_MAX_ITEMS = 12
_MAX_LABEL_WORDS = 6
_REACH = 64  # characters from the whole to the clause its list opens
_ENGLISH_UNIT = re.compile(r"[a-z]+")


def _is_year(token: str) -> bool:
    return "," not in token and len(token) == 4 and 1900 <= int(token) <= 2100


def _label_end(text: str, pos: int) -> int:
    """End of the words after a number ("to usual care", "did not"), or `pos` when there are none."""
    end = pos
    for _ in range(_MAX_LABEL_WORDS):
        word = _WORD.match(text, end)
        if word is None:
            break
        end = word.end()
    return end


def _items(text: str, start: int, limit: int) -> list[tuple[int, int]]:
    """Spans of the numbers of "N words, N words and N words" starting exactly at `start`."""
    items: list[tuple[int, int]] = []
    pos = start
    while len(items) < _MAX_ITEMS:
        number = _INT.match(text, pos)
        if number is None or number.end() > limit or _is_year(number.group()):
            break
        label_end = _label_end(text, number.end())
        if label_end == number.end():
            break
        items.append(number.span())
        separator = _SEPARATOR.match(text, label_end)
        if separator is None:
            break
        pos = separator.end()
    return items if len(items) >= 2 else []


def _list_start(text: str, whole: Candidate, sentence_end: int) -> int | None:
    """Where a list after `whole` may begin: right after the first clause break that follows it."""
    window_end = min(sentence_end, whole.end + _REACH)
    brk = _CLAUSE_BREAK.search(text, whole.end, window_end)
    if brk is None or re.search(r"\d", text[whole.end : brk.start()]):
        return None
    blank = _BLANK.match(text, brk.end())
    return blank.end() if blank else brk.end()


def _opener_start(text: str, sentences: list[tuple[int, int]], whole: Candidate) -> int | None:
    """Start of the list in the next sentence when it opens with "Of these," (same paragraph)."""
    _, end = sentence_at(text, whole.start, sentences)
    following = end
    while following < len(text) and text[following] in " \t":
        following += 1
    if "\n\n" in text[end - 1 : following + 1]:
        return None
    opener = _OPENER.match(text, following)
    return opener.end() if opener is not None else None


def _covered(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    index = bisect_right(starts, start) - 1
    return (index >= 0 and spans[index][1] > start) or (index + 1 < len(starts) and starts[index + 1] < end)


def labelled_counts(
    text: str, sentences: list[tuple[int, int]], found: Sequence[Candidate]
) -> list[Candidate]:
    """Counts of a labelled list after a stated English count, with its unit (see the module docstring)."""
    taken = merged_spans(sorted((c.start, c.end) for c in found))
    taken_starts = [start for start, _ in taken]
    result: list[Candidate] = []
    seen: set[int] = set()
    wholes = [
        c
        for c in found
        if c.kind is ClaimKind.COUNT
        and not c.normalized.get("implied")
        and _ENGLISH_UNIT.fullmatch(str(c.normalized.get("unit", "")))
    ]
    for whole in wholes:
        sentence_end = sentence_at(text, whole.start, sentences)[1]
        for start in (_list_start(text, whole, sentence_end), _opener_start(text, sentences, whole)):
            if start is None or start in seen:
                continue
            seen.add(start)
            for a, b in _items(text, start, start + _MAX_ITEMS * 48):
                if not _covered(taken, taken_starts, a, b):
                    result.append(implied_count(text, a, b, whole, "list"))
    return result
