"""What precedes the locator: authors, a year printed after them, the title and the journal.

Spans are offsets into the normalised string (same length as the original), so values are sliced
from the original text. Each rule is one family's marker: a GB/T type mark `[J]`, 《…》 (Chinese
note style), a quoted title, `(2019)` (APA/Harvard), `, 2012.` (author-date); otherwise the first
sentence end whose left side reads as an author list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from auditor.claims.script import has_cjk
from auditor.references.models import Author
from auditor.references.refstring.authors import read_authors

_JOURNAL_MARKS = frozenset({"[J]", "[J/OL]", "[N]", "[N/OL]"})  # the other types are books, theses, reports…
_MARK = re.compile(r"\[(?:J|M|C|D|R|S|P|N|Z|A|G|CP|EB|OL|J/OL|M/OL|EB/OL|DB/OL|C/OL|N/OL|Z/OL)\]")
_APA_YEAR = re.compile(
    r"\(\s{0,2}(?:(?P<year>(?:1[6-9]|20)\d\d)[a-z]?(?:\s{0,2}年)?[^()]{0,30}|n\.?\s{0,2}d\.?)\s{0,2}\)")
_AD_YEAR = re.compile(r"[,.]\s{0,2}(?P<year>(?:1[6-9]|20)\d\d)[a-z]?\s{0,2}(?:[.,]|(?=[^\x00-\x7f]))")
# Every alternative starts with its character (a look-behind comes after the "." it is about), so the
# engine skips to the candidates.
_BOUNDARY = re.compile(
    r"[.?!](?=[\s\"“‘'《]|[^\x00-\x7f]|$)|:(?=[\s\"“‘'《]|[^\x00-\x7f])|。|\.(?<=\s\.)(?=[A-Z][a-z])")
_SENTENCE = re.compile(
    r"[.?!](?=\s|[^\x00-\x7f]|$)|。|\.(?<=\s\.)(?=[A-Z])|\.(?<=[a-z]{3}\.)(?=[A-Z][A-Za-z]{0,3}\s)")
_CONTINUES = re.compile(
    r"\s{0,3}(?:&|[Aa]nd\b|[JS]r\b|et al|[,;]|[A-Z]\.|[A-Z](?:\s|$)(?![a-z])|[A-Z]{1,3},)")
# after "Ed S." a name list goes on: "Lein, Michael …" (but "Kahneman D. Thinking, fast and slow" ends it)
_NAME_NEXT = re.compile(r"\s{0,3}[A-Z][\w'’-]{1,30},\s{0,2}(?:[A-Z]|&|and\b)")
_AFTER_INITIAL = re.compile(r"(?:^|[\s.])[A-Z]$")
_COMMA = re.compile(r",")
_QUOTES = {"“": "”", "‘": "’", '"': '"', "'": "'", "「": "」", "«": "»"}
_QUOTE_OPENING = re.compile("[" + "".join(_QUOTES) + "]")
_QUOTE_AFTER = frozenset(",.:;)。")  # a quoted title opens a field; a quote inside a title does not
_LEADING = re.compile(r"(?:[a-z]{2,3}\s?\.\s?)?\s{0,3}(?:In\s{0,2}:|In\s(?=[A-Z])|载|載|见|//)\s{0,3}")
MAX_BOUNDARIES = 80


@dataclass
class Head:
    """Fields read from the text before the locator; spans index the normalised string."""

    authors: list[Author] = field(default_factory=list)
    authors_found: bool = False
    year: int | None = None
    title: tuple[int, int] | None = None
    journal: tuple[int, int] | None = None
    title_marked: bool = False  # the title was delimited by a mark (quotes, 《》, [J]), not guessed
    not_journal: bool = False  # a GB/T type mark says the work is no journal article ([M], [D], [C]…)


def _trim(norm: str, start: int, end: int) -> tuple[int, int]:
    while start < end and norm[start] in " .,;:/。":
        start += 1
    while end > start and norm[end - 1] in " .,;:/。":
        end -= 1
    return start, end


def split_authors(
    norm: str, start: int, end: int, family_first: bool
) -> tuple[list[Author], int, int | None] | None:
    """(authors, where the rest starts, year printed after them) or None when no author list leads."""
    region = norm[start:end]
    for pattern in (_APA_YEAR, _AD_YEAR):
        match = pattern.search(region[:3000])
        if match and match.start() > 0:
            authors = read_authors(region[: match.start()], family_first=family_first)
            if authors:
                year = match.group("year")
                return authors, start + match.end(), int(year) if year else None
    for count, match in enumerate(_BOUNDARY.finditer(region[:3000])):
        if count >= MAX_BOUNDARIES:
            break
        if _CONTINUES.match(region, match.end()):
            continue
        if _AFTER_INITIAL.search(region, max(0, match.start() - 2), match.start()) and _NAME_NEXT.match(
                region, match.end()):
            continue
        authors = read_authors(region[: match.start()], family_first=family_first)
        if authors:
            return authors, start + match.end(), None
    return _comma_names(norm, start, end)


def _comma_names(norm: str, start: int, end: int) -> tuple[list[Author], int, int | None] | None:
    """Names ended by a comma, not a stop: "Y. LeCun, Y. Bengio, G. Hinton, Deep learning, Nature".

    The longest run of comma-separated pieces that still reads as an author list, if a piece that
    does not follows it.
    """
    best: tuple[list[Author], int] | None = None
    for count, match in enumerate(_COMMA.finditer(norm, start, min(end, start + 3000))):
        if count >= MAX_BOUNDARIES:
            break
        names = read_authors(norm[start:match.start()])
        if names is None:
            break
        best = (names, match.end())
    if best is None or best[1] >= end:
        return None
    return best[0], best[1], None


def _abbreviation(piece: str) -> bool:
    """One piece of a dotted journal abbreviation: "Int", "J", "B Biol", "Natl Acad"."""
    words = piece.split()
    return len(words) <= 3 and not has_cjk(piece) and all(
        w.isalpha() and w[0].isupper() and len(w) <= (12 if len(words) == 1 else 6) for w in words)


def split_title_journal(norm: str, start: int, end: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Title and journal: the journal is the last sentence, with the one-word abbreviations before it."""
    cuts = [m for m in _SENTENCE.finditer(norm, start, end) if m.start() > start]
    while cuts and not any(map(str.isalpha, norm[cuts[-1].end():end])):
        end = cuts.pop().start()  # a trailing piece without letters ("2001. 5") is no journal
    if not cuts:
        comma = norm.rfind(",", start, end)  # "Deep learning, Nature"
        if comma <= start:
            return None
        title, journal = _trim(norm, start, comma), _trim(norm, comma + 1, end)
        return (title, journal) if title[0] < title[1] and journal[0] < journal[1] else None
    k = len(cuts) - 1
    while k > 0:
        piece = norm[cuts[k - 1].end():cuts[k].start()].strip()
        if piece and not _abbreviation(piece):
            break
        k -= 1
    cut = cuts[k]
    title_end = cut.start() + (1 if norm[cut.start()] in "?!" else 0)
    journal = _trim(norm, cut.end(), end)
    if _journal_head(norm, start, cut.start(), chained=k < len(cuts) - 1):
        comma = norm.rfind(",", start, cut.start())
        title_end, journal = comma, _trim(norm, comma + 1, end)  # Elsevier: "Title, N. Engl. J. Med."
    title = _trim(norm, start, title_end)
    if journal[0] >= journal[1] or title[0] >= title[1]:
        return None
    return title, journal


def _journal_head(norm: str, start: int, cut: int, *, chained: bool) -> bool:
    """Whether the word between the last comma and `cut` starts a dotted journal abbreviation
    ("…atrophy, N. Engl. J. Med.", "…melanoma, Clin. Cancer Res."): one capitalised word, short
    unless more abbreviations follow it."""
    comma = norm.rfind(",", start, cut)
    word = norm[comma + 1:cut].strip()
    if comma <= start or " " in word or not _abbreviation(word):
        return False
    return chained or len(word) <= 5


def _quoted(norm: str, start: int, end: int) -> tuple[int, int, int, int] | None:
    """(open, close) of the first quoted title of at least three words or four CJK characters."""
    for opening in _QUOTE_OPENING.finditer(norm, start, min(end, start + 600)):
        i, ch = opening.start(), opening.group()
        closer = _QUOTES[ch]
        before = norm[start:i].rstrip()
        if before and before[-1] not in _QUOTE_AFTER:
            continue
        j = norm.find(closer, i + 1, end)
        while ch == "'" and j != -1 and j + 1 < end and norm[j + 1].isalpha():
            j = norm.find(closer, j + 1, end)  # "Alzheimer's" is not the closing quote
        if j == -1:
            return None
        inner = norm[i + 1:j]
        if len(inner.split()) >= 2 or sum(1 for c in inner if has_cjk(c)) >= 4:
            return i, i + 1, j, j + 1
        return None
    return None


def read_head(norm: str, end: int, *, bare_title: bool = False) -> Head:
    """Authors, year, title and journal from norm[:end] (the text before the locator).

    `bare_title`: with no locator after it, one sentence after the authors is a title alone.
    """
    start, end = _trim(norm, 0, end)
    head = Head()
    mark = _MARK.search(norm, start, end)
    family_first = mark is not None
    if end > start and norm[end - 1] == "》" and (open_j := norm.rfind("《", start, end)) > start:
        head.journal = (open_j + 1, end - 1)
        open_t = norm.find("《", start, open_j)
        if open_t != -1 and (close_t := norm.find("》", open_t, open_j)) != -1:
            head.title, head.title_marked = (open_t + 1, close_t), True
            _lead(head, norm, start, open_t, family_first, whole=True)
            return head
        end = open_j
    elif mark:
        head.title_marked = True
        if mark.group() in _JOURNAL_MARKS:
            head.journal = _trim(norm, mark.end(), end)
        else:
            head.journal, head.not_journal = (mark.end(), mark.end()), True
        end = mark.start()
    elif (quote := _quoted(norm, start, end)) is not None:
        head.title, head.title_marked = (quote[1], quote[2]), True
        head.journal = _trim(norm, quote[3], end)
        _lead(head, norm, start, quote[0], family_first, whole=True)
        return head
    rest = _lead(head, norm, start, end, family_first) if head.title is None else end
    if head.journal is None and not head.authors_found:
        return head  # no author list: where the title starts is a guess
    if head.journal is not None:
        head.title = _trim(norm, rest, end)
    else:
        split = split_title_journal(norm, rest, end)
        if split:
            head.title, head.journal = split
        elif bare_title:
            head.title, head.title_marked = _trim(norm, rest, end), True
    return head


def _lead(head: Head, norm: str, start: int, end: int, family_first: bool, *, whole: bool = False) -> int:
    """Fill authors (and year) from the start of norm[start:end]; returns where the title begins.

    `whole`: the stretch is delimited by a marker after it (a quote, 《), so it may be all names.
    """
    found = split_authors(norm, start, end, family_first)
    if found is None and whole:
        only = read_authors(norm[start:end], family_first=family_first)
        if only:
            head.authors, head.authors_found = only, True
        return start
    if found is None:
        return start
    head.authors, rest, head.year = found
    head.authors_found = True
    return rest


def strip_leading(norm: str, span: tuple[int, int]) -> tuple[int, int]:
    """Drop "In:", "载" and "//" before a journal name."""
    match = _LEADING.match(norm, span[0], span[1])
    return (match.end(), span[1]) if match else span
