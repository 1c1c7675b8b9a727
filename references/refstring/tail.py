"""The locator at the end of a reference: year, volume, issue and pages, in each family's order.

Each layout is one regular expression over the token signature (see `tokens`), anchored at the end;
a match gives the token index where the locator starts, i.e. where the journal ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.references.refstring.tokens import Tokens

_Y = r"(?P<year>Y)"
_MD = r"(?:M\.?(?:N|R)?(?:-M\.?)?)?"  # "Jan", "Jan 2", "Jan-Feb" after a year
_DM = r"(?:(?:N\.?)?M\.?(?:-M\.?)?(?:N,?)?|N-M)?"  # "May", "12 May", "May 12," before a year
_V = r"(?P<vol>[NY])"
_I = r"(?:\((?P<issue>s?\.?[NRY](?:/[NY])?|sw?|wN|M)\))"
_PG = r"(?:p\.?)?(?P<pages>[NR])(?:,[NR]){0,4}"
# (name, the letters a match can end with, pattern): a signature ending in another letter is not
# searched with that layout (a test derives the letters from the pattern); a signature never ends in
# `.,;:` (see `_TRAILING`), so they are not listed
_LAYOUTS: tuple[tuple[str, str, str], ...] = (
    ("vancouver", ")NRYs", rf"{_Y}{_MD};(?:s\.?)?{_V}?{_I}?(?:[:,]{_PG})?"),
    ("paren-year-first", "NR", rf"\({_Y}\){_V}{_I}?:{_PG}"),
    ("vancouver-late", "Y", rf"{_V}{_I}?:{_PG},{_DM}{_Y}"),
    ("vancouver-late-paren", ")", rf"{_V}{_I}?:{_PG}\({_Y}\)"),
    ("nature", ")", rf"{_V}{_I}?,?{_PG},?\({_Y}\)"),
    ("nature-no-volume", ")", rf"(?P<pages>R)\({_Y}\)"),
    ("year-paren", ")", rf"\({_Y}\)"),
    ("elsevier", "NR", rf"{_V}{_I}?\({_Y}\),?{_PG}"),
    ("chicago", "NR", rf"{_V}(?:[,.](?:i\.?)?(?P<issue>N))?\({_DM}{_Y}\):{_PG}"),
    ("pages-then-year", "Y", rf",{_V}{_I}?,{_PG},{_DM}{_Y}"),
    ("ieee-year-pages", "NR", rf",?{_V}{_I}?,{_Y},{_PG}"),
    ("mdpi", "NR", rf"{_Y},{_V}{_I}?,{_PG}"),
    ("ieee", "NRY", rf"v\.?{_V},(?:i\.?(?P<issue>[NR]),)?{_PG}(?:[,.]{_DM}{_Y})?"),
    ("issue-after-date", "NR", rf",{_DM}{_Y},i\.?o?(?P<issue>N)[.,]{_PG}"),
    ("ieee-no-volume", "Y", rf",?i\.?(?P<issue>N),{_PG},{_DM}{_Y}"),
    ("ieee-compact", "Y", rf"{_V}{_I}:?{_PG},{_DM}{_Y}"),
    ("gbt", ")NRY", rf",{_Y}(?:,{_V})?,?{_I}?(?:[:,]?{_PG})?"),
    ("gbt-no-year", "NR", rf",?{_V}?{_I}:{_PG}"),
    ("gbt-vol", "NR", rf",?{_V}:{_PG}"),
    ("apa", ")NRY", rf",{_V}{_I}?(?:,{_PG})?"),
    ("biblatex", "NR", rf"{_V}\.(?P<issue>N)\.?(?:,{_PG})?"),
    ("apa-space", "R", rf"{_V}{_I}?,(?:p\.?)?(?P<pages>R)"),
    ("cjk-note", "NRaegk", rf"{_Y}a,?(?:d?(?P<vol>N)k)?,?(?:d?(?P<issue>N)e)?(?:,?d(?P<pages>[NR])g?)?"),
    ("cjk-issue-date", "NR", rf"d(?P<issue>N)e\({_Y}a(?:Nw)?\),?g(?P<pages>[NR])"),
    ("cjk-pages", "g", r",?d(?P<pages>[NR])g"),
    ("cjk-issue", "NRe", r",?(?:d?(?P<vol>N)k,?)?d(?P<issue>N)e(?:,?g(?P<pages>[NR]))?"),
    ("cjk-vol-year", "Y", rf",?d?(?P<vol>N)k,?{_Y}"),
    ("cjk-vol-issue", "NRYeg",
     rf"d?(?P<vol>N)k,?d?(?P<issue>N)e(?:,(?:p\.?)?d?(?P<pages>[NR])g?)?(?:,{_Y})?"),
    ("pages-only", "NR", r",?p\.?(?P<pages>[NR])"),
    ("dotted", ")NY", rf"\.{_Y}\.{_V}{_I}?"),
    ("dotted-late", "Y", rf"\.{_V}{_I}\.{_Y}"),
    ("year-only", "MNRY", rf"[.,]{_Y}{_MD}"),
    ("year-bare", "Y", rf"{_Y}"),
)
_COMPILED = tuple((name, frozenset(ends), re.compile(rf"(?:{pattern})$")) for name, ends, pattern in _LAYOUTS)
_NEEDS_HEAD_YEAR = frozenset({"gbt-no-year", "gbt-vol", "apa", "apa-space", "cjk-pages", "cjk-issue",
                              "pages-only", "biblatex"})
_TRAILING = frozenset(".,;:")
_ENDS_JOURNAL = frozenset("w.)>]qo?,")
_AFTER_WORD = frozenset({"biblatex", "year-bare", "year-paren", "nature-no-volume", "paren-year-first"})
WINDOW = 30  # tokens: the longest locator is far shorter
_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class Locator:
    """What the tail grammar found; `start` is the offset in the normalised string where it begins."""

    layout: str
    start: int
    year: int | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    needs_head_year: bool = False


def _value(tokens: Tokens, match: re.Match[str], group: str, offset: int) -> str | None:
    if match.groupdict().get(group) is None:
        return None
    first, last = match.start(group) + offset, match.end(group) + offset
    text = tokens.text[tokens.spans[first][0]:tokens.spans[last - 1][1]]
    return _SPACE.sub("", text).replace("~", "-")


def find_locator(tokens: Tokens) -> Locator | None:
    """The best-supported locator ending the token list, or None."""
    kinds = tokens.kinds
    end = len(kinds)
    while end and kinds[end - 1] in _TRAILING:
        end -= 1
    offset = max(0, end - WINDOW)
    sig = kinds[offset:end]
    last = sig[-1:]
    best: tuple[int, Locator] | None = None
    for rank, (name, ends, pattern) in enumerate(_COMPILED):
        match = pattern.search(sig) if last in ends else None
        if match is None or match.start() + offset == 0:
            continue
        first = match.start() + offset
        before = kinds[first - 1]
        if before not in _ENDS_JOURNAL or (name in _AFTER_WORD and before != "w"):
            continue
        if before == "." and first >= 2 and kinds[first - 2] in "NYR":  # "100. 16, pp. 1-9"
            continue
        year = _value(tokens, match, "year", offset)
        found = Locator(
            layout=name, start=tokens.spans[first][0],
            year=int(year[:4]) if year else None, volume=_value(tokens, match, "vol", offset),
            issue=_value(tokens, match, "issue", offset), pages=_value(tokens, match, "pages", offset),
            needs_head_year=name in _NEEDS_HEAD_YEAR,
        )
        score = sum(v is not None for v in (found.year, found.volume, found.issue, found.pages)) * 10 - rank
        score += match.end() - match.start()
        if best is None or score > best[0]:
            best = (score, found)
    return best[1] if best else None
