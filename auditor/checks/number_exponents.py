"""Lost exponents and missing statistics found in the text itself (pure, linear-time regexes).

A superscript exponent lost in conversion shows as "1333×10?" (replaced by "?"), or flattened into
the base as "3×1011" (meaning 3×10¹¹). A significance claim whose value was lost shows as "(p)" or
"(p=)". Each occurrence is found once; checks combine these with the extractor's claims.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Mantissa: bounded digits; separators bounded; no nested quantifiers (linear time).
# Every pattern here starts with ONE character class (a lookbehind comes after it): the engine then
# skips to the characters of that class instead of trying the whole pattern at every position.
# `\d(?<![\d.]\d)` is "a digit not preceded by a digit or a dot".
_MANTISSA = r"(\d(?<![\d.]\d)\d{0,6}(?:\.\d{1,6})?)"
_LOST = re.compile(_MANTISSA + r"\s{0,2}[×xX*]\s{0,2}10(?:\?|？|\ufffd|□)")
_FLATTENED = re.compile(_MANTISSA + r"\s{0,2}×\s{0,2}10([1-9]\d?)(?![\d.])")
# What follows the bracket of "(p)" (p=) (P值) (P value = ) (p-value: ) (P = ?) （P=？） （P值＝）
_BARE_P_IN_BRACKETS = (
    r"\s{0,2}[pP]\s{0,2}(?:-?\s?value\s{0,2}|值\s{0,2})?(?:[=＝<＜>＞≤≥:：]\s{0,2})?(?:[?？]\s{0,2})?[)）]"
)
# After a "p": "P值" (the p not after a letter), then punctuation.
_P_ZHI = r"(?<![A-Za-z][pP])\s?值(?=\s{0,2}(?:[。，,；;：:]|$))"
_BARE_P = re.compile(r"[(（pP](?:(?<=[(（])" + _BARE_P_IN_BRACKETS + r"|(?<=[pP])" + _P_ZHI + ")")
# The same without its "P值" alternative, for texts without 值: the engine then skips to brackets.
_BARE_P_LATIN = re.compile(r"[(（]" + _BARE_P_IN_BRACKETS)
# What every _LOST match ends with, and what every _FLATTENED match holds: only the text around
# them is searched (a scan of the whole text tries every digit).
_LOST_ENDS = ("10?", "10？", "10\ufffd", "10□")
_TIMES = "×"
# Characters a match may have before the start of its literal: mantissa (14), blanks and operator;
# and after the literal's start, including the character the final lookahead reads.
_LOST_BEFORE, _LOST_AFTER = 19, 3
_FLATTENED_BEFORE, _FLATTENED_AFTER = 16, 8
_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def superscript(exponent: str) -> str:
    """ "11" → "¹¹"."""
    return exponent.translate(_SUPERSCRIPT)


@dataclass(frozen=True)
class ExponentProblem:
    """One number whose exponent was lost ("10?") or flattened into the base ("1011")."""

    start: int
    end: int
    mantissa: str
    exponent: str | None  # the digits of a flattened exponent; None when it is lost

    def restored(self) -> str | None:
        """The number as it was probably written ("3×10¹¹"), when that can be told."""
        return f"{self.mantissa}×10{superscript(self.exponent)}" if self.exponent else None


def _occurrences(text: str, literals: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """(start, end) of every occurrence of the literals, in text order, one at a time (no literal
    can overlap another or itself: each is "10" and one mark, or a single "×")."""
    for match in re.finditer("|".join(map(re.escape, literals)), text):
        yield match.span()


def anchored_matches(
    pattern: re.Pattern[str], text: str, literals: tuple[str, ...], before: int, after: int
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, for a pattern each match of which holds one occurrence of a literal
    and lies within [start − before, start + after) of it: only those windows are searched.

    A window's match is kept when it holds the window's literal (a match cut short by the window's
    end holds a later one); windows start after the last match kept, as finditer goes on. Matches
    are yielded one at a time, as finditer's are (a list of them held 35 MB per MB of "×10?").
    """
    resume = 0
    for start, end in _occurrences(text, literals):
        match = pattern.search(text, max(resume, start - before), min(len(text), start + after))
        if match is not None and match.start() <= start and end <= match.end():
            yield match
            resume = match.end()


def exponent_problems(text: str) -> list[ExponentProblem]:
    """Every "N×10?" and "N×10NN" in the text, in order."""
    lost = anchored_matches(_LOST, text, _LOST_ENDS, _LOST_BEFORE, _LOST_AFTER)
    flattened = anchored_matches(_FLATTENED, text, (_TIMES,), _FLATTENED_BEFORE, _FLATTENED_AFTER)
    found = [ExponentProblem(m.start(), m.end(), m.group(1), None) for m in lost]
    found += [ExponentProblem(m.start(), m.end(), m.group(1), m.group(2)) for m in flattened]
    return sorted(found, key=lambda p: p.start)


def bare_p_values(text: str) -> list[tuple[int, int]]:
    """Spans of "(p)", "(p=)", "(P value = )", "(P = ?)", "（P值）", "P值。": a p-value without its value."""
    pattern = _BARE_P if "值" in text else _BARE_P_LATIN
    return [(m.start(), m.end()) for m in pattern.finditer(text)]
