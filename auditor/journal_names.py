"""Whether a cited journal name names a record's journal, beyond spelling and ISO abbreviations.

`references.matching.journal_matches` compares full titles, ISO/NLM abbreviations and the known
Chinese names of whole journals. Real citations also use:

- Chinese translations word by word (`BMC医药` = BMC Medicine, `細胞通信和信令:CCS` = Cell
  Communication and Signaling): traditional characters are converted with OpenCC, then every
  Chinese word must translate (`references/data/journal_terms.json`) to a word of the record's
  title and every content word of the title must be covered;
- acronyms (`MNRAS`, `NEJM`) and venue short names (`NeurIPS`, `CVPR`:
  `references/data/venue_short_names.json`) against the titles Crossref records give.

`journal_agrees` answers True, False, or None when a Chinese name cannot be decided (a free
translation is not evidence of a wrong journal). Pure; the tables are read once.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib import resources

from opencc import OpenCC

from auditor.claims.script import CJK_CLASS
from auditor.references.matching import journal_matches
from auditor.references.models import Record

_CJK_RUN = re.compile(f"[{CJK_CLASS}]{{1,80}}")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z&]{0,40}")
_WORD = re.compile(r"[a-z0-9]{1,40}")
_PARENTHETICAL = re.compile(r"\([^()]{0,80}\)")
_ACRONYM = re.compile(r"[A-Z][A-Za-z&]{1,9}")
_STOP = frozenset({"the", "of", "and", "in", "for", "on", "de", "und"})
_PROCEEDINGS = re.compile(r"proceedings|conference|symposium|workshop|meeting", re.IGNORECASE)
_LONGEST_TERM = 8
_YEARISH = re.compile(r"\d{2,4}|'\d\d|\d{1,3}(?:st|nd|rd|th)")


@lru_cache(maxsize=1)
def _to_simplified() -> OpenCC:
    return OpenCC("t2s")


def simplified(text: str) -> str:
    """Traditional Chinese characters converted to simplified (OpenCC t2s); other text unchanged."""
    return str(_to_simplified().convert(text))


def _data(name: str) -> dict[str, list[str]]:
    raw = resources.files("auditor.references").joinpath(f"data/{name}").read_text("utf-8")
    table = json.loads(raw)
    return {k: v for k, v in table[next(k for k in table if not k.startswith("_"))].items()}


@lru_cache(maxsize=1)
def journal_terms() -> dict[str, list[str]]:
    """Chinese journal-title word → English words (references/data/journal_terms.json)."""
    return _data("journal_terms.json")


@lru_cache(maxsize=1)
def venue_short_names() -> dict[str, list[str]]:
    """Short name (lower case) → full-title phrases (references/data/venue_short_names.json)."""
    return {k.lower(): v for k, v in _data("venue_short_names.json").items()}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("&", " and "))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def content_words(title: str) -> list[str]:
    """Folded words of a journal title without parentheticals and filler words."""
    return [w for w in _WORD.findall(_fold(_PARENTHETICAL.sub(" ", title))) if w not in _STOP]


def _same_word(a: str, b: str) -> bool:
    """Equal, or one a prefix of the other (Commun / Communication, Signal / Signaling)."""
    return a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)))


def _segment(run: str) -> list[list[str]] | None:
    """A run of Chinese characters cut into known terms (longest first); None if a part is unknown."""
    table, slots, position = journal_terms(), [], 0
    while position < len(run):
        for size in range(min(_LONGEST_TERM, len(run) - position), 0, -1):
            piece = run[position : position + size]
            if piece in table:
                slots.append(table[piece])
                position += size
                break
        else:
            return None
    return slots


def _slots(cited: str) -> list[list[list[str]]] | None:
    """Alternatives (each a list of folded words) for every part of a cited name; None if unknown."""
    slots: list[list[list[str]]] = []
    for match in re.finditer(rf"{_CJK_RUN.pattern}|{_LATIN_WORD.pattern}", simplified(cited)):
        piece = match.group()
        if _CJK_RUN.fullmatch(piece):
            terms = _segment(piece)
            if terms is None:
                return None
            slots.extend([content_words(alt) for alt in alts] for alts in terms)
        else:
            slots.append([content_words(piece)])
    return [[alt for alt in slot if alt] for slot in slots if all(alt for alt in slot)]


def _covers(slots: list[list[list[str]]], words: list[str]) -> bool:
    """Every slot matches words of the title, and every title word is matched (order-free)."""
    remaining = list(words)
    for slot in slots:
        for alt in slot:
            hits = [next((w for w in remaining if _same_word(a, w)), None) for a in alt]
            if all(hits):
                for hit in hits:
                    remaining.remove(hit)  # type: ignore[arg-type]
                break
        else:
            return False
    return not remaining and bool(slots)


def translated_name_agrees(cited: str, names: list[str]) -> bool:
    """A Chinese (or mixed) journal name whose words translate to exactly one of `names`."""
    forms = [cited, re.split(r"[:：]", cited, maxsplit=1)[0]]
    titles = names + [n.split(":")[0] for n in names if ":" in n]
    for form in forms:
        slots = _slots(form)
        if slots and any(_covers(slots, content_words(t)) for t in titles):
            return True
    return False


def _acronym_agrees(cited: str, names: list[str]) -> bool:
    short = cited.strip(" .")
    key = short.lower()
    phrases = [content_words(p) for p in venue_short_names().get(key, [])]
    if any(_venue_phrase_in(phrase, name) for name in names for phrase in phrases):
        return True
    if not _ACRONYM.fullmatch(short) or sum(ch.isupper() for ch in short) < 2:
        return False
    initials = ["".join(w[0] for w in content_words(n) if not w.isdigit()) for n in names]
    if key in initials:
        return True
    # "CVPR" in "2019 IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)"
    return any(_PROCEEDINGS.search(n) and re.search(rf"\b{re.escape(short)}\b", n) for n in names)


def _venue_phrase_in(phrase: list[str], name: str) -> bool:
    """The venue's phrase is the title, or lies inside a proceedings title (with year, sponsor …)."""
    words = content_words(name)
    if not phrase or not all(any(_same_word(p, w) for w in words) for p in phrase):
        return False
    return bool(_PROCEEDINGS.search(name)) or all(any(_same_word(w, p) for p in phrase) for w in words)


def _venue_part(cited: str) -> str:
    """"Proc. NeurIPS 2019" → "NeurIPS": the short name without year, ordinal or "Proc."."""
    words = [w for w in re.split(r"[\s,]+", cited) if w and not _YEARISH.fullmatch(w)]
    words = [w for w in words if w.lower().strip(".:") not in {"proc", "proceedings", "in", "of", "the"}]
    return words[0] if len(words) == 1 else cited


def journal_agrees(cited: str | None, record: Record) -> bool | None:
    """Whether the cited journal is the record's; None when a Chinese name cannot be decided."""
    if not cited:
        return None
    names = [n for n in (record.journal, record.journal_abbrev) if n]
    if not names:
        return None
    if journal_matches(cited, record) or journal_matches(simplified(cited), record):
        return True
    if _CJK_RUN.search(cited):
        return True if translated_name_agrees(cited, names) else None
    return _acronym_agrees(_venue_part(cited), names)
