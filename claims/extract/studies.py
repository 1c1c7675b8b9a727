"""Named studies ("2023年，…大学…在《…》发表") and journal mentions ("《…》", "in Nature Medicine")."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from typing import Any

from claims.extract.patterns import CJK, S2, YEAR, Candidate, S, W
from claims.models import ClaimKind

_BOOK_TITLE = re.compile(r"《(?P<journal>[^《》\n]{1,80})》")
_JOURNAL_WORDS = (
    r"Nature|Science|Cell|Lancet|Journal|Medicine|NEJM|JAMA|BMJ|Stem|Neurology|Brain|Neuron|Blood|PLoS|PLOS"
    r"|Frontiers|Reports|Research|Translational|Therapy|Annals|Reviews?|Bulletin|Proceedings|Communications"
    r"|Neuroscience|Stroke|Cytotherapy|Biomaterials|Transplantation|Circulation"
)
_TITLE_WORD = r"[A-Z][A-Za-z\-]{0,20}"
_JOURNAL_NAME = rf"(?:The )?{_TITLE_WORD}(?: (?:of |and |& |in )?{_TITLE_WORD}){{0,6}}"
_EN_JOURNAL = re.compile(
    rf"(?P<cue>published{W}in|appeared{W}in|in{W}the{W}journal|(?<![A-Za-z])in|在){S2}(?P<journal>{_JOURNAL_NAME})"
)

_INSTITUTION_SUFFIX = (
    r"医学研究生院|醫學研究生院|研究生院|大学|大學|医院|醫院|研究院|医学院|醫學院|研究所|研究中心|医学中心|醫學中心"
    r"|医疗中心|醫療中心|科学院|科學院|学院|學院|分校|公司"
)
_ZH_INSTITUTION = re.compile(
    rf"[{CJK}]{{1,20}}(?:{_INSTITUTION_SUFFIX})(?!学报|學報|杂志|雜誌|雜志|期刊)(?:{S}\([A-Za-z]{{2,12}}\))?"
)
_ZH_SUFFIX = re.compile(_INSTITUTION_SUFFIX)
_EN_KEYWORD = re.compile(r"University|Institute|Hospital|College|Medical Center")
_EN_INSTITUTION = re.compile(
    r"(?:University of(?: [A-Z][a-z]{1,20}){1,4}"
    r"|(?:[A-Z][a-z]{1,20} ){1,4}(?:University|Institute|Hospital|College|Medical Center))"
)
# Characters after which an institution name starts ("依据斯坦福大学" → "斯坦福大学").
_LEAD_IN = re.compile(
    r"^.{0,12}?(?:根据|根據|依据|依據|来自|來自|据|據|在|由|的|与|與|和|及|是|从|從|经|經|对|對|于|於|将|將|为|為)"
)
_STUDY_CUE = re.compile(
    r"研究|试验|試驗|发表|發表|报道|報道|团队|團隊|综述|綜述|study|trial|published|reported"
)
_YEAR_MENTION = re.compile(rf"{YEAR}{S}年|(?<![\d.]){YEAR}(?![\d年%\u4e00-\u9fff])")
_WINDOW = 80
_YEAR_AFTER = 40


def _is_journal_name(cue: str, name: str) -> bool:
    if cue.startswith(("published", "appeared")) or "journal" in cue:
        return True
    return re.search(rf"(?<![A-Za-z])(?:{_JOURNAL_WORDS})(?![a-z])", name) is not None


def journal_mentions(text: str) -> Iterator[Candidate]:
    """Every 《…》 and every "in <Journal Name>" that looks like a journal."""
    for match in _BOOK_TITLE.finditer(text):
        yield Candidate(
            ClaimKind.JOURNAL_MENTION,
            match.start("journal") - 1,
            match.end(),
            {"journal": match.group("journal").strip()},
        )
    for match in _EN_JOURNAL.finditer(text):
        name = match.group("journal")
        if _is_journal_name(match.group("cue"), name):
            yield Candidate(
                ClaimKind.JOURNAL_MENTION, match.start("journal"), match.end("journal"), {"journal": name}
            )


def _institution_in(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The first institution named in text[start:end] (a cheap keyword scan comes first)."""
    for keyword, pattern, reach in ((_ZH_SUFFIX, _ZH_INSTITUTION, 24), (_EN_KEYWORD, _EN_INSTITUTION, 90)):
        found = keyword.search(text, start, end)
        match = pattern.search(text, max(start, found.start() - reach), end) if found else None
        if match:
            lead = _LEAD_IN.match(match.group()) if pattern is _ZH_INSTITUTION else None
            begin = match.start() + (
                lead.end() if lead and match.end() - match.start() - lead.end() >= 4 else 0
            )
            return (begin, match.end())
    return None


def _clause_bounds(text: str, sentences: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    for start, end in sentences:
        clause_start = start
        for match in re.finditer(r"[;；]", text[start:end]):
            yield (clause_start, start + match.start())
            clause_start = start + match.end()
        yield (clause_start, end)


def named_studies(
    text: str, sentences: list[tuple[int, int]], journals: list[Candidate]
) -> Iterator[Candidate]:
    """A study named by at least two of (year, institution, journal), or an institution plus a study cue."""
    ordered = sorted(journals, key=lambda c: c.start)
    starts = [j.start for j in ordered]
    for start, end in _clause_bounds(text, sentences):
        institution = _institution_in(text, start, end)
        anchor = institution[0] if institution else start
        journal = next(
            (j for j in _journals_between(ordered, starts, anchor, min(end, anchor + _WINDOW))), None
        )
        if institution is None and journal is None:
            continue
        focus = institution[0] if institution else journal.start if journal else start
        year = _YEAR_MENTION.search(text, max(start, focus - 30), min(end, focus + _YEAR_AFTER))
        after = institution[1] if institution else focus
        cue = _STUDY_CUE.search(text, after, min(end, after + _WINDOW))
        present = sum(x is not None for x in (year, institution, journal))
        if present < 2 and not (institution and cue):
            continue
        yield _named_study(text, institution, journal, year, cue)


def _journals_between(
    journals: list[Candidate], starts: list[int], start: int, end: int
) -> Iterator[Candidate]:
    index = bisect_left(starts, start)
    while index < len(journals) and journals[index].start < end:
        yield journals[index]
        index += 1


def _named_study(
    text: str,
    institution: tuple[int, int] | None,
    journal: Candidate | None,
    year: re.Match[str] | None,
    cue: re.Match[str] | None,
) -> Candidate:
    points = [
        p
        for p in (
            institution,
            (journal.start, journal.end) if journal else None,
            year.span() if year else None,
        )
        if p
    ]
    if cue and institution:
        points.append(cue.span())
    start, end = min(p[0] for p in points), max(p[1] for p in points)
    year_value = int(re.search(YEAR, year.group()).group()) if year else None  # type: ignore[union-attr]
    payload: dict[str, Any] = {
        "institution": text[institution[0] : institution[1]] if institution else None,
        "journal": journal.normalized["journal"] if journal else None,
        "year": year_value,
        "authors": [],
    }
    return Candidate(ClaimKind.NAMED_STUDY, start, end, payload)
