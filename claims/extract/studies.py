"""Named studies ("2023年，…大学…在《…》发表") and journal mentions ("《…》", "in Nature Medicine")."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import Any

from auditor.claims.extract import study_cues as cues
from auditor.claims.extract.patterns import CJK, S2, YEAR, Candidate, S, W
from auditor.claims.models import ClaimKind

_BOOK_TITLE = re.compile(r"《(?P<journal>[^《》\n]{1,80})》")
_JOURNAL_WORDS = (
    r"Nature|Science|Cell|Lancet|Journal|Medicine|NEJM|JAMA|BMJ|Stem|Neurology|Brain|Neuron|Blood|PLoS|PLOS"
    r"|Frontiers|Reports|Research|Translational|Therapy|Annals|Reviews?|Bulletin|Proceedings|Communications"
    r"|Neuroscience|Stroke|Cytotherapy|Biomaterials|Transplantation|Circulation"
)
_TITLE_WORD = r"[A-Z][A-Za-z\-]{0,20}"
_JOURNAL_NAME = rf"(?:[Tt]he )?{_TITLE_WORD}(?: (?:of |and |& |in )?{_TITLE_WORD}){{0,6}}"
_EN_JOURNAL = re.compile(
    rf"(?P<cue>published{W}in|appeared{W}in|in{W}the{W}journal|i(?<![A-Za-z]i)n|在){S2}(?P<journal>{_JOURNAL_NAME})"
)


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_INSTITUTION_SUFFIX = _alternatives(cues.ZH_INSTITUTION_SUFFIXES)
_ZH_INSTITUTION = re.compile(
    rf"[{CJK}]{{1,20}}(?:{_INSTITUTION_SUFFIX})(?!学报|學報|杂志|雜誌|雜志|期刊)(?:{S}\([A-Za-z]{{2,12}}\))?"
)
_EN_WORDS = _alternatives(cues.EN_INSTITUTION_WORDS)
_EN_INSTITUTION = re.compile(
    rf"(?:University of(?: [A-Z][a-z]{{1,20}}){{1,4}}|(?:[A-Z][a-z]{{1,20}} ){{1,4}}(?:{_EN_WORDS}))(?![a-z])"
)
# What every institution match contains: scanned for first (literal alternatives are fast to find),
# so that the full patterns run only on clauses that name an institution, from just before it.
_ZH_SUFFIX_ONLY = re.compile(_INSTITUTION_SUFFIX)
_ZH_NAME_REACH = 20  # the [CJK]{1,20} before the suffix
_EN_WORD_ONLY = re.compile(rf"University of|{_EN_WORDS}")
# Characters after which an institution name starts ("依据斯坦福大学" → "斯坦福大学").
_LEAD_IN = re.compile(
    r"^.{0,12}?(?:根据|根據|依据|依據|来自|來自|据|據|在|由|的|与|與|和|及|是|从|從|经|經|对|對|于|於|将|將|为|為)"
)
# "由辉瑞公司发起", "由辉瑞公司于2020年发起": a sponsor verb right after the institution, or after a date
_ZH_SPONSOR_AFTER = re.compile(
    rf"(?:(?:于|於|在)?{S}{YEAR}{S}年(?:{S}\d{{1,2}}{S}月)?{S})?(?:共同|联合|聯合)?"
    rf"(?:{_alternatives(cues.ZH_SPONSOR_AFTER)})"
)
_EN_SPONSOR_BEFORE = re.compile(  # searched in a window of _SPONSOR_REACH characters only
    rf"(?P<cue>{_alternatives(cues.EN_SPONSOR_BEFORE)})\b[^.;:!?]*$", re.IGNORECASE
)
_EN_SPONSOR_AFTER = re.compile(_alternatives(cues.EN_SPONSOR_AFTER), re.IGNORECASE)
_STUDY_CUE = re.compile(rf"(?:{_alternatives(cues.STUDY_WORDS)})", re.IGNORECASE)
_RESEARCH_VERB = re.compile(rf"(?:{_alternatives(cues.RESEARCH_VERBS)})", re.IGNORECASE)
_STUDY_NOUN = re.compile(rf"(?<![A-Za-z])(?:{_alternatives(cues.STUDY_NOUNS)})(?![a-z])", re.IGNORECASE)
_COUNT = rf"(?![ \t]?(?:{_alternatives(cues.EN_COUNT_NOUNS)})\b)"
_YEAR_MENTION = re.compile(rf"{YEAR}{S}年|(?<![\d.]){YEAR}(?![\d年%\u4e00-\u9fff]){_COUNT}")
_WINDOW = 80  # how far from the institution a journal may be
_YEAR_REACH = 45  # how far from the institution/journal a year may be
_SPONSOR_REACH = 60
_VERB_REACH = 12  # a research verb right after a journal ("《…》发表", "Nature reported")
_NOUN_REACH = 24  # a study noun next to a journal ("a 2020 study published in JAMA", "《柳叶刀》上的研究")


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


def _institutions(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Every institution named in text[start:end], Chinese names trimmed of their lead-in words."""
    suffix = _ZH_SUFFIX_ONLY.search(text, start, end)
    if suffix is not None:  # no match can start more than _ZH_NAME_REACH before the first suffix
        for match in _ZH_INSTITUTION.finditer(text, max(start, suffix.start() - _ZH_NAME_REACH), end):
            lead = _LEAD_IN.match(match.group())
            trim = lead.end() if lead and match.end() - match.start() - lead.end() >= 4 else 0
            yield (match.start() + trim, match.end())
    if _EN_WORD_ONLY.search(text, start, end) is not None:
        for match in _EN_INSTITUTION.finditer(text, start, end):
            yield match.span()


def _is_sponsor(text: str, span: tuple[int, int], clause: tuple[int, int]) -> bool:
    """The institution funds, sponsors or leads a trial ("由辉瑞发起", "funded by the … Institute")."""
    if _ZH_SPONSOR_AFTER.match(text, span[1], clause[1]) or _EN_SPONSOR_AFTER.match(text, span[1], clause[1]):
        return True
    before = text[max(clause[0], span[0] - _SPONSOR_REACH) : span[0]]
    sponsor = _EN_SPONSOR_BEFORE.search(before)
    # "funded by X, researchers at Y": a study word between the two makes Y the authors
    return sponsor is not None and _STUDY_CUE.search(before, sponsor.end("cue")) is None


_CLAUSE_CUT = re.compile(r"[;；]")


def _cued_clauses(
    text: str, sentences: list[tuple[int, int]], journals: list[Candidate]
) -> list[tuple[int, int]]:
    """The clauses (sentences cut at semicolons) that hold an institution word or start a journal
    mention, in text order: no other clause can name a study.

    No institution word holds a clause end (a terminator, a newline, a semicolon), so a word inside
    a clause starts a match of the one scan over the whole text, and every cue starts in a sentence.
    """
    cues = [m.start() for m in _ZH_SUFFIX_ONLY.finditer(text)]
    cues += [m.start() for m in _EN_WORD_ONLY.finditer(text)]
    cues += [journal.start for journal in journals]
    cuts = [m.start() for m in _CLAUSE_CUT.finditer(text)]
    starts = [start for start, _ in sentences]
    clauses: list[tuple[int, int]] = []
    for pos in sorted(cues):
        index = bisect_right(starts, pos) - 1
        if index < 0 or sentences[index][1] <= pos:
            continue
        start, end = sentences[index]
        cut = bisect_left(cuts, pos)  # cuts[cut - 1] < pos < cuts[cut]
        if cut and cuts[cut - 1] >= start:
            start = cuts[cut - 1] + 1
        if cut < len(cuts) and cuts[cut] < end:
            end = cuts[cut]
        if not clauses or clauses[-1] != (start, end):
            clauses.append((start, end))
    return clauses


def _nearest_journal(
    journals: list[Candidate], span: tuple[int, int], clause: tuple[int, int]
) -> Candidate | None:
    """The journal mention nearest to span (after it preferred), within reach; `journals` are those
    inside the clause."""
    after = [j for j in journals if span[1] <= j.start < span[1] + _WINDOW]
    before = [j for j in journals if span[0] - _WINDOW < j.end <= span[0]]
    return after[0] if after else before[-1] if before else None


def _nearest_year(text: str, span: tuple[int, int], clause: tuple[int, int]) -> re.Match[str] | None:
    """A year inside span, or the nearest one within reach before or after it, in the clause."""
    low, high = max(clause[0], span[0] - _YEAR_REACH), min(clause[1], span[1] + _YEAR_REACH)
    years = list(_YEAR_MENTION.finditer(text, low, high))
    if not years:
        return None
    return min(years, key=lambda m: max(span[0] - m.end(), m.start() - span[1], 0))


def named_studies(
    text: str, sentences: list[tuple[int, int]], journals: list[Candidate]
) -> Iterator[Candidate]:
    """Research named by institution + (journal or year with a study word), or journal + year + verb.

    An institution that sponsors or leads a trial is not a study's author; a journal alone, a year
    alone or an institution alone is no named study (precision first).
    """
    ordered = sorted(journals, key=lambda c: c.start)
    starts = [journal.start for journal in ordered]
    for clause in _cued_clauses(text, sentences, ordered):
        first, last = bisect_left(starts, clause[0]), bisect_left(starts, clause[1])
        inside = [j for j in ordered[first:last] if j.end <= clause[1]]
        found = _study_in_clause(text, clause, inside)
        if found is not None:
            yield found


def _study_in_clause(text: str, clause: tuple[int, int], journals: list[Candidate]) -> Candidate | None:
    """The named study of a clause, if any; `journals` are the journal mentions inside it."""
    named = sorted(_institutions(text, *clause))
    institution = next((s for s in named if not _is_sponsor(text, s, clause)), None)
    if named and institution is None:
        return None  # a trial described by its sponsor ("由辉瑞公司于2020年发起…"): no named study
    if institution is not None:
        journal = _nearest_journal(journals, institution, clause)
        union = institution
        if journal:
            union = (min(institution[0], journal.start), max(institution[1], journal.end))
        year = _nearest_year(text, union, clause)
        cue = _STUDY_CUE.search(text, institution[1], min(clause[1], institution[1] + _WINDOW))
        if journal or (year and _STUDY_CUE.search(text, *clause)):
            return _named_study(text, institution, journal, year, cue)
        return None
    for journal in journals:
        found = _journal_study(text, journal, clause)
        if found is not None:
            return found
    return None


def _journal_study(text: str, journal: Candidate, clause: tuple[int, int]) -> Candidate | None:
    """A journal and a year make a study with a research verb right after the journal, or with a
    study noun next to it ("2019年发表在《柳叶刀》上的一项研究", "a 2020 study in The Lancet")."""
    year = _nearest_year(text, (journal.start, journal.end), clause)
    if year is None:
        return None
    if _RESEARCH_VERB.search(text, journal.end, min(clause[1], journal.end + _VERB_REACH)):
        return _named_study(text, None, journal, year, None)
    low, high = max(clause[0], journal.start - _NOUN_REACH), min(clause[1], journal.end + _NOUN_REACH)
    noun = _STUDY_NOUN.search(text, low, high)
    return _named_study(text, None, journal, year, noun) if noun else None


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
    if cue:
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
