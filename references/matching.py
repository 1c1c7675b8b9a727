"""Fuzzy comparison of cited details with recorded ones: surnames, titles, journals, years.

Precision first: a helper answers "these agree" only when the evidence says so, and the
Chinese↔English journal table (`data/journal_translations.json`) lists only real journals.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz

from references.models import Author, Record

_TAG = re.compile(r"<[^<>]{0,200}>")
_NON_WORD = re.compile(r"[^\w\s]|_")
_SPACES = re.compile(r"\s{1,1000}")
_PARENTHETICAL = re.compile(r"\s{0,3}[(（][^()（）]{0,80}[)）]")
_STOPWORDS = frozenset({"the", "of", "and", "in", "for", "on", "de", "la", "und", "fur"})


def _fold(text: str) -> str:
    """NFKD, accents removed, casefolded (Macêdo → macedo)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def surname_key(name: str | Author) -> str:
    """Comparable surname: casefolded, accents, spaces, hyphens and apostrophes removed."""
    family = name.family if isinstance(name, Author) else name
    return re.sub(r"[\s\-'’.‐]", "", _fold(family))


author_surname_key = surname_key  # the name docs/ARCHITECTURE.md uses


def _title_words(title: str) -> str:
    text = _TAG.sub(" ", unicodedata.normalize("NFKC", title))
    return _SPACES.sub(" ", _NON_WORD.sub(" ", _fold(text))).strip()


def title_similarity(a: str | None, b: str | None) -> float:
    """0–100 token-set similarity of two titles (tags, case, accents and punctuation ignored)."""
    if not a or not b:
        return 0.0
    return float(fuzz.token_set_ratio(_title_words(a), _title_words(b)))


def _journal_words(name: str) -> list[str]:
    """Casefolded words of a journal name: no parenthetical, no punctuation, no leading "the"."""
    text = _PARENTHETICAL.sub(" ", unicodedata.normalize("NFKC", name)).replace("&", " and ")
    words = _SPACES.sub(" ", _NON_WORD.sub(" ", _fold(text))).split()
    return words[1:] if words[:1] == ["the"] else words


def _abbreviates(short: str, word: str) -> bool:
    """"natl" abbreviates "national": same first letter, letters in order."""
    if not short or short[0] != word[0]:
        return False
    position = 0
    for letter in short:
        position = word.find(letter, position) + 1
        if position == 0:
            return False
    return True


def _same_journal_name(cited: str, name: str) -> bool:
    cited_words, name_words = _journal_words(cited), _journal_words(name)
    if not cited_words or not name_words:
        return False
    if cited_words == name_words:
        return True
    short = [w for w in cited_words if w not in _STOPWORDS]
    full = [w for w in name_words if w not in _STOPWORDS]
    return len(short) == len(full) and all(_abbreviates(s, f) for s, f in zip(short, full, strict=True))


def journal_matches(cited: str | None, full: str | Record | None, abbrev: str | None = None) -> bool:
    """Whether a cited journal names the recorded one (full title, ISO abbreviation, known translation).

    `full` may be a `Record`; its `journal` and `journal_abbrev` are then used.
    """
    if isinstance(full, Record):
        names = [n for n in (full.journal, abbrev or full.journal_abbrev) if n]
    else:
        names = [n for n in (full, abbrev) if n]
    names += [n.split(":")[0] for n in names if ":" in n]  # "Cell Commun Signal : CCS"
    if not cited or not names:
        return False
    candidates = [cited, *translate_journal(cited)]
    return any(_same_journal_name(c, n) for c in candidates for n in names)


@lru_cache(maxsize=1)
def _translation_entries() -> dict[str, tuple[str, str]]:
    """Chinese name → (English full title, ISO abbreviation), from data/journal_translations.json."""
    raw = resources.files("references").joinpath("data/journal_translations.json").read_text("utf-8")
    return {zh: (names[0], names[1]) for zh, names in json.loads(raw)["journals"].items()}


def journal_translations() -> dict[str, str]:
    """The known Chinese names of English-language journals → their English full titles."""
    return {zh: names[0] for zh, names in _translation_entries().items()}


def translate_journal(zh: str) -> list[str]:
    """[English full title, ISO abbreviation] of a journal cited under a Chinese name, or []."""
    table = _translation_entries()
    base = zh.strip().strip("《》〈〉 ")
    forms = [base, _PARENTHETICAL.sub("", base).strip(), re.split(r"[:：]", base, maxsplit=1)[0].strip()]
    for form in forms:
        key = form.replace(" ", "")
        if key in table:
            return list(table[key])
    return []


def year_matches(cited: int | None, record: int | None, tolerance: int = 1) -> bool:
    """Years agree within `tolerance` (online-first vs print); an unknown year contradicts nothing."""
    if cited is None or record is None:
        return True
    return abs(cited - record) <= tolerance


def _is_cjk(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def first_author_matches(
    cited_authors: Sequence[Author | str], record_authors: Sequence[Author | str]
) -> bool | None:
    """Whether the first cited author is the record's first author; None when it cannot be compared.

    Not comparable: either list empty, a group author, or a Chinese-script name against a Latin one.
    """
    if not cited_authors or not record_authors:
        return None
    cited, recorded = cited_authors[0], record_authors[0]
    if any(isinstance(a, Author) and a.collective for a in (cited, recorded)):
        return None
    cited_family = cited.family if isinstance(cited, Author) else cited
    record_family = recorded.family if isinstance(recorded, Author) else recorded
    if _is_cjk(cited_family) != _is_cjk(record_family):
        return None
    return surname_key(cited_family) == surname_key(record_family)
