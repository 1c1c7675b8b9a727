"""Counts written without their noun: "groups of 198, 204 and 210", "605 received the drug".

A bare integer is a count of the noun of a count stated just before it when the sentence makes it
one: it is an item of a list that ends in a count ("198, 204 and 210 patients", "198、204和210例"),
it follows "groups of" / "分别为" after a count in the same or the previous sentence, or a verb
of allocation or outcome follows it ("605 received", "615 were assigned", "12 died"). The claim
keeps the inherited unit, and ``implied`` says how it was told: "list" (an item of a list or of
"groups of"), "allocated" (received, assigned: a part of the sample) or "outcome" (died,
completed: a subset, which need not add up with the others). When unsure, no claim.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from auditor.claims.extract.patterns import Candidate, implied_count, merged_spans
from auditor.claims.models import ClaimKind
from auditor.claims.text import sentence_at

_INT = re.compile(r"\d(?<![\d.,]\d)(?:\d{0,2}(?:,\d{3}){1,3}(?![\d,])|\d{0,6})(?![\d%‰]|[.,]\d)")
_LIST_GAP = re.compile(
    r"[ \t]?[,、，][ \t]?(?:and[ \t]|or[ \t])?|[ \t](?:and|or)[ \t]|[ \t]?(?:和|及|与|與|或)[ \t]?"
)
_LEAD_LIST = re.compile(
    r"(?:groups|arms|cohorts)[ \t]of[ \t]$|(?:分别为|分別為|分别是|分別是|分别|分別)$", re.IGNORECASE
)
_VERB_AFTER = re.compile(
    r"[ \t](?:patients[ \t]|participants[ \t]|subjects[ \t])?(?:were[ \t](?:randomly[ \t])?)?"
    r"(?:(?P<allocated>received|receiving|assigned|allocated|randomi[sz]ed|given)"
    r"|(?P<outcome>underwent|completed|died|withdrew|discontinued|lost|responded|recovered|had|achieved"
    r"|developed|experienced|required|relapsed|progressed|survived|free|alive))(?![A-Za-z])",
    re.IGNORECASE,
)
_MAX_LIST = 12
# Where a run of implied counts can begin: an integer followed by a list separator or a word.
_LEAD = re.compile(r"\d(?<![\d.,]\d)(?=[\d,]{0,9}(?:[ \t]?[,、，和及与與或]|[ \t][A-Za-z]))")


def _count_before(counts: Sequence[Candidate], starts: list[int], pos: int, floor: int) -> Candidate | None:
    """The nearest stated (not implied) count ending before `pos` and starting at or after `floor`."""
    index = bisect_right(starts, pos) - 1
    while index >= 0 and counts[index].start >= floor:
        count = counts[index]
        if count.end <= pos and not count.normalized.get("implied"):
            return count
        index -= 1
    return None


def _covered(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """True when [start, end) overlaps one of the sorted, disjoint `spans`."""
    index = bisect_right(starts, start) - 1
    return (index >= 0 and spans[index][1] > start) or (index + 1 < len(starts) and starts[index + 1] < end)


def _windows(sentences: list[tuple[int, int]], counts: Sequence[Candidate]) -> list[tuple[int, int]]:
    """Stretches where an implied count can be: a count's sentence and the one after it."""
    starts = [start for start, _ in sentences]
    windows = []
    for count in counts:
        index = max(0, bisect_right(starts, count.start) - 1)
        if index < len(sentences):
            windows.append((sentences[index][0], sentences[min(index + 1, len(sentences) - 1)][1]))
    return merged_spans(windows)


def _free_int(text: str, pos: int, taken: list[tuple[int, int]], starts: list[int]) -> tuple[int, int] | None:
    """The bare integer starting at `pos` that no other claim covers (years excluded), if any."""
    match = _INT.match(text, pos)
    if match is None:
        return None
    token = match.group()
    if "," not in token and len(token) == 4 and 1900 <= int(token) <= 2100:
        return None
    return None if _covered(taken, starts, match.start(), match.end()) else match.span()


def _runs(
    text: str, taken: list[tuple[int, int]], windows: list[tuple[int, int]]
) -> list[list[tuple[int, int]]]:
    """Bare integers in `windows`, grouped into lists joined by separators (", ", "、", " and ")."""
    starts = [start for start, _ in taken]
    runs: list[list[tuple[int, int]]] = []
    reach = -1
    for match in (m for lo, hi in windows for m in _LEAD.finditer(text, lo, hi)):
        first = None if match.start() < reach else _free_int(text, match.start(), taken, starts)
        if first is None:
            continue
        run = [first]
        gap = _LIST_GAP.match(text, first[1])
        while gap is not None and len(run) < _MAX_LIST:
            following = _free_int(text, gap.end(), taken, starts)
            if following is None:
                break
            run.append(following)
            gap = _LIST_GAP.match(text, following[1])
        reach = run[-1][1]
        runs.append(run)
    return runs


def implied_counts(
    text: str, sentences: list[tuple[int, int]], found: Sequence[Candidate]
) -> list[Candidate]:
    """Counts whose noun is carried over from a count stated just before or at the end of the list."""
    taken = sorted((c.start, c.end) for c in found)
    counts = sorted((c for c in found if c.kind is ClaimKind.COUNT), key=lambda c: c.start)
    count_starts = [c.start for c in counts]
    count_by_start = {c.start: c for c in counts}
    result: list[Candidate] = []
    for run in _runs(text, merged_spans(taken), _windows(sentences, counts)):
        first_start, last_end = run[0][0], run[-1][1]
        role = "list"
        unit_from = _list_end_count(text, last_end, count_by_start)
        if unit_from is None and (
            len(run) >= 2 and _LEAD_LIST.search(text[max(0, first_start - 12) : first_start])
        ):
            unit_from = _whole_before(text, sentences, counts, count_starts, first_start)
        verb = _VERB_AFTER.match(text, last_end) if unit_from is None and len(run) == 1 else None
        if verb is not None:
            role = "allocated" if verb.group("allocated") else "outcome"
            unit_from = _whole_before(text, sentences, counts, count_starts, first_start)
        if unit_from is not None:
            result.extend(implied_count(text, start, end, unit_from, role) for start, end in run)
    return result


def _list_end_count(text: str, end: int, count_by_start: dict[int, Candidate]) -> Candidate | None:
    """The count right after the list's last separator ("…, 204 and 210 patients")."""
    gap = _LIST_GAP.match(text, end)
    if gap is None:
        return None
    return count_by_start.get(gap.end())


def _whole_before(
    text: str,
    sentences: list[tuple[int, int]],
    counts: Sequence[Candidate],
    count_starts: list[int],
    pos: int,
) -> Candidate | None:
    """A count earlier in this sentence, else in the previous one of the same paragraph."""
    start, _ = sentence_at(text, pos, sentences)
    floor = start
    if start > 0 and "\n" not in text[max(0, start - 2) : start]:
        floor = sentence_at(text, max(0, start - 2), sentences)[0]
    return _count_before(counts, count_starts, pos, floor)
