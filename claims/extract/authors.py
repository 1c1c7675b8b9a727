"""Author-year citations: the forms of `author_forms` scanned over the text, one claim per work.

Payload: `authors` (names as written; a group author as one name), `et_al`, `year`, `suffix`
(the `a` of `2020a`), `journal`, `group` (the first author is a group), `form` ("parenthetical"
for `(Smith, 2020)`, else "narrative"); `bare` (only on "屠呦呦(2011)": a citation only if it links).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from auditor.claims.extract.author_forms import (
    CITATION_POSSIBLE,
    FORMS,
    GROUP_NAME,
    LATIN_NAME_START,
    PARTICLE_START,
    PERSON_ZH,
    ZH_NAME_START,
)
from auditor.claims.extract.patterns import Candidate
from auditor.claims.group_nouns import GROUP_ACRONYM, has_group_noun
from auditor.claims.models import ClaimKind

# Capitalised words that look like surnames but are genes, scales, databases or plain English.
_STOP_WORD_TEXT = """
Notch Wnt Hedgehog Sonic Smad Akt Jak Stat Bcl Bax Nestin Sox Nanog Oct Barthel Rankin Ommaya
Scopus Google Medline Embase Western Northern Southern Alzheimer Parkinson Huntington Nature
Science Cell Cells Lancet Stem The This That These Those There Their In On At As Our We It Its
Of For From With By An And Or But However Moreover Table Figure Fig Phase Group Study Studies
Trial Trials Data January February March April May June July August September October November
December Exosomes Exosome Type Grade Stage Day Week Month Year Mesenchymal Cerebral Palsy Kaplan
Meier Student Fisher Wilcoxon Bonferroni Spearman Pearson Mann Whitney Chi Cohen Cox Hoechst
Evans Fluoro Since Until After Before During Between Results Methods Background Conclusions See
Both All Some Most Each When While Although Unlike Like Also Then Thus Here Fall Spring Summer Winter
"""
STOP_WORDS = frozenset(_STOP_WORD_TEXT.split())

_TEAM_CUES = frozenset({"團隊", "团队", "那組", "那组", "小组", "小組", "课题组", "課題組"})
_PERSON_CUES = frozenset({"等人", "等", "團隊", "团队", "课题组", "課題組"})
_ACRONYM_TOKEN = re.compile(rf"(?<![A-Za-z]){GROUP_ACRONYM}(?![A-Za-z])")
_PARENTHESIS_LEAD = re.compile(r"(?:[(;]|\((?:e\.g\.|i\.e\.|see|cf\.|also)[,:]?)[ \t]{0,2}$")
_JOURNAL_TAIL = re.compile(r",[ \t]{0,2}(?P<journal>[A-Z][A-Za-z&.\- ]{1,60}?)[ \t]{0,2}(?=\))")
_PARENTHESIS_WINDOW = 14
# "In 2013, Kamerkar and colleagues …", "In a 2019 paper, Frangoul et al. …": the year of the work.
_LEAD_IN_YEAR = re.compile(
    r"(?<![A-Za-z])[Ii]n[ \t](?:an?[ \t]|their[ \t])?(?P<year>(?:19|20)\d{2})"
    r"(?:[ \t][a-z]{3,12}){0,2},?[ \t]{1,2}$"
)
# "Lynch and colleagues found in 2001 …"
_FOUND_IN_YEAR = re.compile(r"[ \t]{1,2}(?:[a-z]{3,12}[ \t]){1,2}in[ \t](?P<year>(?:19|20)\d{2})(?!\d)")
_ZH_EXPLICIT_YEAR = re.compile(r"[ \t]{0,2}(?:于|於|在)")


def _group_name(name: str) -> str:
    """A group author without the words the scan took in front of it ("The SPRINT Research Group")."""
    acronym = _ACRONYM_TOKEN.search(name)
    if acronym is not None:
        return name[acronym.start() :]
    words = name.split(" ")
    while len(words) > 2 and (words[0] in STOP_WORDS or words[0].islower()):
        words = words[1:]
    return " ".join(words)


def _names(match: re.Match[str]) -> tuple[list[str], bool] | None:
    """(names, first is a group) of a match; None when a Latin "surname" is a stop word."""
    names: list[str] = []
    groups = match.groupdict()
    for key in ("a1", "a2"):
        name = groups.get(key)
        if not name:
            continue
        if GROUP_NAME.fullmatch(name):
            names.append(_group_name(name))
        elif name.split()[-1] in STOP_WORDS and not groups.get("etal"):
            return None  # "June 2018" is a date, "June et al." a person
        else:
            names.append(name)
    return names, bool(GROUP_NAME.fullmatch(match.group("a1")))


def _year(match: re.Match[str], *keys: str) -> tuple[int | None, str | None]:
    groups = match.groupdict()
    for year_key, suffix_key in zip(keys[::2], keys[1::2], strict=True):
        if groups.get(year_key):
            return int(groups[year_key]), groups.get(suffix_key)
    return None, None


def _start(match: re.Match[str], names: list[str]) -> int:
    """Where the claim starts: at the first name as kept ("SPRINT …", not "The SPRINT …")."""
    return match.start("a1") + max(0, match.group("a1").find(names[0]))


def _payload(
    names: list[str], group: bool, et_al: bool, year: tuple[int | None, str | None]
) -> dict[str, Any]:
    return {"authors": names, "et_al": et_al, "year": year[0], "suffix": year[1], "journal": None,
            "group": group, "form": "narrative"}


def _chinese(text: str, match: re.Match[str]) -> Candidate | None:
    """ "X等人(2020)", "X團隊", "X與Y(2019)", "RECOVERY协作组(2021)", "王伟等(2019年)"."""
    found = _names(match)
    cue, tail = match.group("cue"), match.group("tail")
    if found is None or (cue == "那" and text[match.end() : match.end() + 1] not in "極极个個些"):
        return None
    names, group = found
    person_zh = PERSON_ZH.fullmatch(match.group("a1")) is not None
    if person_zh and (not tail or cue not in _PERSON_CUES):
        return None  # a Chinese-script name is read only as "王伟等(2019)": ordinary words look alike
    explicit = bool(tail and match.group("tyear")) and _ZH_EXPLICIT_YEAR.match(tail) is not None
    if not (cue or tail and (group or match.group("a2") or explicit)):
        return None  # "Smith(2020)" is the narrative form; a bare name cites nothing ("White在2005年" does)
    et_al = bool(cue) and (cue.startswith("等") or cue in _TEAM_CUES)
    year = _year(match, "pyear", "psuffix", "tyear", "tsuffix") if tail else (None, None)
    end = match.end() if tail or cue else match.end("a2")
    payload = _payload(names, group, et_al, year)
    return Candidate(ClaimKind.AUTHOR_CITATION, _start(match, names), end, payload)


def _narrative(text: str, match: re.Match[str]) -> Candidate | None:
    """ "Smith et al. (2020a)", "Jones and Patel (2018)", "RECOVERY Collaborative Group (2021)"."""
    found = _names(match)
    if found is None:
        return None
    payload = _payload(*found, bool(match.group("etal")), _year(match, "year", "suffix"))
    return Candidate(ClaimKind.AUTHOR_CITATION, _start(match, found[0]), match.end(), payload)


def _parenthetical(text: str, match: re.Match[str]) -> Candidate | None:
    """An item of "(Smith & Lee, 2020; Kim et al., 2021)", or "Smith et al., 2020" in running text."""
    found = _names(match)
    if found is None:
        return None
    inside = _PARENTHESIS_LEAD.search(text[max(0, match.start() - _PARENTHESIS_WINDOW) : match.start()])
    if not inside and not match.group("etal"):
        return None  # "Smith 2020" in running text is not a citation form
    payload = _payload(*found, bool(match.group("etal")), _year(match, "year", "suffix"))
    end = match.end()
    if inside:
        payload["form"] = "parenthetical"
        tail = _JOURNAL_TAIL.match(text, end)
        if tail:
            end, payload["journal"] = tail.end("journal"), tail.group("journal").strip()
    return Candidate(ClaimKind.AUTHOR_CITATION, _start(match, found[0]), end, payload)


def _et_al(text: str, match: re.Match[str]) -> Candidate | None:
    """ "Hoshino et al. [6]", "Mali and colleagues⁵": no year, unless a lead-in gives it."""
    found = _names(match)
    if found is None:
        return None
    lead = _LEAD_IN_YEAR.search(text[max(0, match.start() - 40) : match.start()])
    after = _FOUND_IN_YEAR.match(text, match.end())
    found_year = lead or after
    year = (int(found_year.group("year")), None) if found_year else (None, None)
    payload = _payload(*found, True, year)
    return Candidate(ClaimKind.AUTHOR_CITATION, _start(match, found[0]), match.end(), payload)


_READERS = {"zh": _chinese, "narrative": _narrative, "parenthetical": _parenthetical, "et-al": _et_al}


_CJK_FORMS = tuple(form for form in FORMS if form.name == "zh")  # a Chinese-script name: zh form only


def _starts(text: str) -> list[int]:
    """Positions where a citation may begin, in order: capitals, particles ("van der Berg") and
    Chinese surnames, each only where a name is followed by what some form needs (elsewhere no
    form reads one: `CITATION_POSSIBLE`)."""
    starts = [m.start() for m in LATIN_NAME_START.finditer(text)]
    starts += [m.start() for m in PARTICLE_START.finditer(text) if CITATION_POSSIBLE.match(text, m.start())]
    return sorted(starts + [m.start() for m in ZH_NAME_START.finditer(text)])


def _longest_at(text: str, pos: int) -> Candidate | None:
    """The longest citation any form reads from `pos` (ties: the earlier form)."""
    best: Candidate | None = None
    for form in _CJK_FORMS if text[pos] >= "\u3400" else FORMS:
        match = form.pattern.match(text, pos)
        candidate = _READERS[form.name](text, match) if match else None
        if candidate is not None and (best is None or candidate.end > best.end):
            best = candidate
    return best


# "，屠呦呦(2011)回顧了…": a clause that is only a two- or three-character Chinese name and a year.
# The name starts the text or follows a mark. Read where a "(year)" is, 3 or 2 characters before it.
_YEAR_IN_PARENTHESES = re.compile(r"\((?:19|20)\d{2}[a-z]?\)")
_BARE_ZH_NAME = re.compile(
    r"(?P<a1>[\u4e00-\u9fff](?<![^\s,.;:!?()\[\]\"'「」『』，。；：、！？][\u4e00-\u9fff])[\u4e00-\u9fff]{1,2})"
    r"\((?P<year>(?:19|20)\d{2})(?P<suffix>[a-z])?\)"
)


_NOT_IN_NAME = re.compile("[组組等的与與和及年月日期组群项項]")


def _bare_name_before(text: str, parenthesis: int) -> re.Match[str] | None:
    """The `_BARE_ZH_NAME` match whose "(" is at `parenthesis`: the leftmost, as a scan finds it."""
    for start in (parenthesis - 3, parenthesis - 2):
        match = _BARE_ZH_NAME.match(text, start) if start >= 0 else None
        if match is not None:
            return match
    return None


def _bare_chinese_names(text: str) -> Iterator[Candidate]:
    """ "屠呦呦(2011)": a bare Chinese-script name with a year. Ordinary words look alike, so the
    claim is marked `bare`: it is a citation only when it links to an entry (`auditor.pipeline`)."""
    for year in _YEAR_IN_PARENTHESES.finditer(text):
        match = _bare_name_before(text, year.start())
        if match is None or _NOT_IN_NAME.search(match.group("a1")) or has_group_noun(match.group("a1")):
            continue  # "研究组(2019)", "对照组(2020)", "本月(2019)"
        payload = _payload([match.group("a1")], False, False, _year(match, "year", "suffix"))
        payload["bare"] = True
        yield Candidate(ClaimKind.AUTHOR_CITATION, match.start("a1"), match.end(), payload)


def author_citations(text: str) -> Iterator[Candidate]:
    """Every author citation in `text` (already width-folded), left to right, non-overlapping."""
    found: list[Candidate] = []
    reach = -1
    for pos in _starts(text):
        if pos < reach or (pos and text[pos - 1].isalpha() and not text[pos - 1] >= "\u3400"):
            continue  # inside the previous citation, or inside a Latin word
        candidate = _longest_at(text, pos)
        if candidate is not None:
            reach = candidate.end
            found.append(candidate)
    yield from sorted(found + _outside(list(_bare_chinese_names(text)), found), key=lambda c: c.start)


def _outside(candidates: list[Candidate], taken: list[Candidate]) -> list[Candidate]:
    """`candidates` that overlap none of `taken` (both sorted by start, `taken` non-overlapping)."""
    kept, i = [], 0
    for candidate in candidates:
        while i < len(taken) and taken[i].end <= candidate.start:
            i += 1
        if i == len(taken) or taken[i].start >= candidate.end:
            kept.append(candidate)
    return kept
