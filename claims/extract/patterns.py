"""Shared building blocks of the extractors: the candidate record and regex fragments.

Every fragment uses bounded repetition only, so that any pattern built from them matches in
time linear in the input (each attempt examines a bounded number of characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from auditor.claims.models import ClaimKind
from auditor.claims.script import CJK_CLASS


@dataclass(frozen=True, slots=True)
class Candidate:
    """A claim before ids and line numbers are assigned: kind, offsets, normalized payload."""

    kind: ClaimKind
    start: int
    end: int
    normalized: dict[str, Any] = field(default_factory=dict)


def implied_count(text: str, start: int, end: int, unit_from: Candidate, role: str) -> Candidate:
    """A count written without its noun (`text[start:end]`, "198"), in the unit of the count it
    belongs with (`unit_from`); `role` says how it was implied ("list", "part", …)."""
    payload = {
        "value": float(text[start:end].replace(",", "")),
        "unit": unit_from.normalized["unit"],
        "approx": False,
        "bound": None,
        "group": None,
        "implied": role,
    }
    return Candidate(ClaimKind.COUNT, start, end, payload)


# A decimal number: "1,234", "12", "0.5", ".03" is not included (statistics handle it).
# It starts with a plain digit class (the look-behind follows it) so that the regex engine can
# skip quickly to candidate positions.
NUM = r"\d(?<![\d.]\d)(?:\d{0,2}(?:,\d{3}){1,4}(?![\d,])|\d{0,11})(?:\.\d{1,8})?"
# A number without the look-behind, for use after another token.
NUM_TAIL = r"(?:\d{1,3}(?:,\d{3}){1,4}(?![\d,])|\d{1,12})(?:\.\d{1,8})?"
# Blanks inside a claim: never a newline, always bounded.
S = r"[ \t]?"
S2 = r"[ \t]{0,2}"
W = r"[ \t]{1,2}"
# Range separators between two numbers.
RANGE_SEP = r"(?:-|~|～|至|到|to|—)"
# A surname: Capitalised, lower-case letters (Latin-1 accents allowed), or a Mc/De/O' prefix.
SURNAME = (
    r"(?<![A-Za-zÀ-ÖØ-öø-ÿ'])"
    r"(?:(?:Mc|Mac|De|Di|La|Le|Van|Von|O')[A-Z][a-zß-öø-ÿ]{2,15}|[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,19})"
    r"(?![A-Za-zÀ-ÖØ-öø-ÿ])"
)
YEAR = r"(?<!\d)(?:19|20)\d{2}(?!\d)"

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT_TABLE = str.maketrans(SUPERSCRIPT_DIGITS + "⁻", "0123456789-")

CJK = CJK_CLASS


def to_float(text: str) -> float:
    """Parse "1,234.5" as 1234.5."""
    return float(text.replace(",", ""))


def decimals_of(text: str) -> int:
    """Number of digits after the decimal point."""
    return len(text.split(".", 1)[1]) if "." in text else 0


def from_superscript(text: str) -> str:
    """Map superscript digits and minus to ASCII ("⁻¹²" → "-12")."""
    return text.translate(_SUPERSCRIPT_TABLE)


_LINE_START_WINDOW = 16


def line_start_before(text: str, pos: int) -> bool:
    """True when only blanks or list bullets stand between the line start and `pos`."""
    window = max(0, pos - _LINE_START_WINDOW)
    line_begin = text.rfind("\n", window, pos) + 1
    if line_begin == 0 and window > 0:
        return False  # a long run without a newline: not a line start (and no unbounded scan back)
    return text[line_begin:pos].strip(" \t•·-*") == ""


def merged_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted (start, end) spans with overlapping ones merged."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def holds_any(text: str, needles: tuple[str, ...]) -> bool:
    """True when one of the literal `needles` occurs in `text`."""
    return any(needle in text for needle in needles)


def finditer_if(
    pattern: re.Pattern[str], text: str, needles: tuple[str, ...], haystack: str | None = None
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` when `haystack` (default `text`) holds one of `needles`, else nothing.

    For a pattern every match of which contains one of the needles (a "%", "among", "±"): looking
    for a few literals is far cheaper than running the regex over a text that cannot match. A
    case-blind pattern passes the lowered text as `haystack`, with lower-case needles.
    """
    found = holds_any(text if haystack is None else haystack, needles)
    return pattern.finditer(text) if found else iter(())


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile with the flags all extractors use."""
    return re.compile(pattern, flags)
