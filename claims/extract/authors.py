"""Author citations: "Kim等人的研究", "Bang等人于2005年", "Kim et al. (2012)", "(Smith & Lee, 2019)"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from claims.extract.patterns import S2, SURNAME, YEAR, Candidate, S, W
from claims.models import ClaimKind

# Capitalised words that look like surnames but are genes, scales, databases or plain English.
_STOP_WORD_TEXT = """
Notch Wnt Hedgehog Sonic Smad Akt Jak Stat Bcl Bax Nestin Sox Nanog Oct Barthel Rankin Ommaya
Scopus Google Medline Embase Western Northern Southern Alzheimer Parkinson Huntington Nature
Science Cell Cells Lancet Stem The This That These Those There Their In On At As Our We It Its
Of For From With By An And Or But However Moreover Table Figure Fig Phase Group Study Studies
Trial Trials Data January February March April May June July August September October November
December Exosomes Exosome Type Grade Stage Day Week Month Year Mesenchymal Cerebral Palsy Kaplan
Meier Student Fisher Wilcoxon Bonferroni Spearman Pearson Mann Whitney Chi Cohen Cox Hoechst
Evans Fluoro
"""
STOP_WORDS = frozenset(_STOP_WORD_TEXT.split())

_ZH_CUE = (
    r"等人|等|團隊|团队|那組|那组|那|小组|小組|研究组|研究組|组|組|的研究|的實驗|的实验|的試驗|的试验"
    r"|發現|发现|报道|報道|报告|報告|观察到|觀察到|指出|证实|證實|显示|顯示"
)
_ZH_AND = r"[ \t]{0,2}(?:与|與|和|及|&)[ \t]{0,2}"
_ZH = re.compile(rf"(?P<a1>{SURNAME})(?:{_ZH_AND}(?P<a2>{SURNAME}))?{S2}(?P<cue>{_ZH_CUE})")
_ZH_YEAR = re.compile(rf"{S2}(?:于|於|在)?{S2}(?:\({S}(?P<p>{YEAR}){S}年?{S}\)|(?P<y>{YEAR}){S}年)")

_EN_AND = r"[ \t]{1,2}(?:&|and)[ \t]{1,2}"
_EN = re.compile(
    rf"(?P<a1>{SURNAME})(?:(?P<etal>{W}et{W}al\.?)|{_EN_AND}(?P<a2>{SURNAME}))?"
    rf"(?P<sep>,?{S2})(?P<open>\()?(?P<year>{YEAR}[a-z]?)(?P<close>\))?"
)
_JOURNAL_TAIL = re.compile(r",[ \t]{0,2}(?P<journal>[A-Z][A-Za-z&.\- ]{1,60}?)[ \t]{0,2}(?=\))")


def _authors(match: re.Match[str]) -> list[str] | None:
    names = [name for name in (match.group("a1"), match.group("a2")) if name]
    return None if any(name in STOP_WORDS for name in names) else names


def _chinese(text: str) -> Iterator[Candidate]:
    for match in _ZH.finditer(text):
        authors = _authors(match)
        cue = match.group("cue")
        if authors is None or (cue == "那" and text[match.end() : match.end() + 1] not in "極极个個些"):
            continue
        end, year = match.end(), None
        tail = _ZH_YEAR.match(text, end)
        if tail:
            end, year = tail.end(), int(tail.group("p") or tail.group("y"))
        et_al = cue.startswith("等") or cue in ("團隊", "团队", "那組", "那组", "小组", "小組")
        payload = {"authors": authors, "et_al": et_al, "year": year, "journal": None}
        yield Candidate(ClaimKind.AUTHOR_CITATION, match.start(), end, payload)


def _inside_parentheses(text: str, start: int) -> bool:
    """True when the item follows "(" or ";" (a parenthetical citation list)."""
    head = text[max(0, start - 3) : start].rstrip(" ")
    return head[-1:] in ("(", ";")


def _english(text: str) -> Iterator[Candidate]:
    for match in _EN.finditer(text):
        authors = _authors(match)
        narrative = bool(match.group("open")) and bool(match.group("close"))
        parenthetical = (
            not match.group("open") and bool(match.group("sep")) and _inside_parentheses(text, match.start())
        )
        listed = bool(match.group("etal")) and "," in match.group("sep") and not match.group("open")
        if (
            authors is None
            or not (narrative or parenthetical or listed)
            or (match.group("open") and not narrative)
        ):
            continue
        end, journal = (match.end() if narrative else match.end("year")), None
        tail = _JOURNAL_TAIL.match(text, end) if parenthetical else None
        if tail:
            end, journal = tail.end("journal"), tail.group("journal").strip()
        payload = {
            "authors": authors,
            "et_al": bool(match.group("etal")),
            "year": int(match.group("year")[:4]),
            "journal": journal,
        }
        yield Candidate(ClaimKind.AUTHOR_CITATION, match.start(), end, payload)


def author_citations(text: str) -> Iterator[Candidate]:
    """Every author citation in `text` (already width-folded)."""
    yield from _chinese(text)
    yield from _english(text)
