"""Fuzzy comparison of cited details with recorded ones: surnames, titles, journals, years.

Precision first: a helper answers "these agree" only when the evidence says so, and the
Chinese↔English journal table (`data/journal_translations.json`) lists only real journals.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from auditor.claims.group_nouns import GROUP_ACRONYM, has_group_noun
from auditor.claims.script import has_cjk
from auditor.references.models import Author, Record
from rapidfuzz import fuzz

_TAG = re.compile(r"<[^<>]{0,200}>")
_NON_WORD = re.compile(r"[^\w\s]|_")
_SPACES = re.compile(r"\s{1,1000}")
_PARENTHETICAL = re.compile(r"\s{0,3}[(（][^()（）]{0,80}[)）]")
_STOPWORDS = frozenset({"the", "of", "and", "in", "for", "on", "de", "la", "und", "fur"})
_NAME_NOISE = re.compile(r"[\s\-'’.‐‑_]")
_ACRONYM = rf"{GROUP_ACRONYM}(?![A-Za-z0-9])"
_GROUP_HEAD = re.compile(rf"\s{{0,3}}({_ACRONYM}(?:[ \-]{{1,2}}(?:{_ACRONYM}|\d{{1,4}}(?![\d.,])))"
                         rf"{{0,4}}|{_ACRONYM})")
_PAGE_SEP = re.compile(r"\s{0,3}[-–—~‐‑−]\s{0,3}")
_COMPOUND_SURNAMES = frozenset(
    {"欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "东方", "東方", "皇甫", "令狐", "公孙", "公孫"}
)
_TRUNCATED_WORDS = 5
_TRUNCATED_SCORE = 95.0


def _fold(text: str) -> str:
    """NFKD, accents removed, casefolded (Macêdo → macedo)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def surname_key(name: str | Author) -> str:
    """Comparable surname: casefolded, accents, spaces, hyphens, dots and apostrophes removed.

    Letters of every script are kept ("王" → "王"), so a Chinese name is never an empty key.
    """
    return _surname_key(name.family if isinstance(name, Author) else name)


@lru_cache(maxsize=65536)
def _surname_key(family: str) -> str:
    return _NAME_NOISE.sub("", _fold(family))


def surnames_match(cited: str, recorded: str) -> bool:
    """Same surname after folding; a compound surname ("Torres Crigna") matches either part."""
    a, b = surname_key(cited), surname_key(recorded)
    if not a or not b:
        return False
    if a == b:
        return True
    parts_a, parts_b = _name_parts(cited), _name_parts(recorded)
    return len(parts_a) != len(parts_b) and bool(set(parts_a) & set(parts_b))


def _name_parts(name: str) -> list[str]:
    return [part for part in (surname_key(p) for p in re.split(r"[\s\-‐]", name)) if len(part) > 2]


def group_key(name: str) -> str | None:
    """Key of a group author across languages: its leading acronym (and number) tokens, else None.

    "RECOVERY Collaborative Group", "RECOVERY协作组" → "recovery"; "RTS,S Clinical Trials
    Partnership", "RTS,S臨床試驗合作組" → "rtss"; "GBD 2019 Tobacco Collaborators",
    "GBD 2019菸草合作團隊" → "gbd2019"; "SPRINT Research Group" → "sprint".
    """
    match = _GROUP_HEAD.match(unicodedata.normalize("NFKC", name[:200]))
    return _SPACES.sub("", match.group(1)).replace("-", "").replace(",", "").casefold() if match else None


@lru_cache(maxsize=65536)
def name_keys(family: str, given: str = "", *, group: bool = False) -> frozenset[str]:
    """Every key under which a name may be found, in any script.

    A group author gives one `g:` key (`group_key`, else its folded name). A Latin surname gives
    its `surname_key`. A Chinese name gives its full name and its surname (曹彬 → 曹彬, 曹);
    `romanised_keys` adds the surname's pinyin (cao) when a Latin name must be compared.
    """
    if group or has_group_noun(f"{family} {given}"):
        key = group_key(family) or surname_key(family)
        return frozenset({f"g:{key}"} if key else ())
    if not has_cjk(family):
        key = surname_key(family)
        return frozenset({key} if key else ())
    full = surname_key(family + given)
    return frozenset({full, surname_key(_chinese_surname(family, given))}) - {""}


def _chinese_surname(family: str, given: str) -> str:
    return family if given else family[: 2 if family[:2] in _COMPOUND_SURNAMES else 1]


def romanised_keys(family: str, given: str = "") -> frozenset[str]:
    """Pinyin keys of a Chinese-script surname (曹彬 → cao; 曾 → zeng, ceng; 吕 → lu, lv, lyu); else empty.

    So 曹彬课题组 finds "Cao B", and "Chen" finds 陳. The character table (pypinyin's) is loaded on
    first use only.
    """
    if not has_cjk(family) or has_group_noun(family):
        return frozenset()
    return frozenset(_romanised(_chinese_surname(family, given)))


def _romanised(surname: str) -> set[str]:
    readings = [""]
    for char in surname[:2]:
        options = _char_readings(char)
        if not options:
            return set()
        readings = [r + o for r in readings for o in options][:16]
    return set(readings)


@lru_cache(maxsize=4096)
def _char_readings(char: str) -> tuple[str, ...]:
    raw = _pinyin_table().get(ord(char), "")
    plain = {_fold(reading) for reading in raw.split(",") if reading}
    if "\u0308" in unicodedata.normalize("NFD", raw):  # ü: written u, v or yu (Lü → Lu, Lv, Lyu)
        plain |= {p.replace("u", "v") for p in plain} | {p.replace("u", "yu") for p in plain}
    return tuple(sorted(plain))


@lru_cache(maxsize=1)
def _pinyin_table() -> dict[int, str]:
    """pypinyin's character table, loaded on first use from its data module alone.

    `import pypinyin.pinyin_dict` would first run the package's `__init__`, which loads the phrase
    dictionary and trains a segmenter: 0.1 s, and some 190,000 lists that every later full garbage
    collection of the run has to scan. Readings of single characters need the table only.
    """
    package = importlib.util.find_spec("pypinyin")
    if package is None or not package.submodule_search_locations:
        raise ImportError("pypinyin is not installed (pip install 'pypinyin>=0.50')")
    path = Path(next(iter(package.submodule_search_locations))) / "pinyin_dict.py"
    spec = importlib.util.spec_from_file_location("_auditor_pinyin_dict", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"pypinyin's character table is missing: {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module.pinyin_dict)


def _title_words(title: str) -> str:
    text = _TAG.sub(" ", unicodedata.normalize("NFKC", title))
    return _SPACES.sub(" ", _NON_WORD.sub(" ", _fold(text))).strip()


def title_similarity(a: str | None, b: str | None) -> float:
    """0–100 similarity of two titles (tags, case, accents, punctuation and word order ignored).

    A title cut short (the first ≥ 5 words of the other, e.g. a dropped subtitle) scores 95: the
    same work, but not proof that the titles are identical. Extra words otherwise lower the score
    (a short title is not "contained" in every longer one).
    """
    if not a or not b:
        return 0.0
    left, right = _title_words(a), _title_words(b)
    if not left or not right:
        return 0.0
    score = float(fuzz.token_sort_ratio(left, right))
    short, long = sorted((left, right), key=len)
    if short != long and len(short.split()) >= _TRUNCATED_WORDS and long.startswith(short + " "):
        return max(score, _TRUNCATED_SCORE)
    return score


def title_word_changes(a: str | None, b: str | None) -> tuple[list[str], list[str]]:
    """Words only in `a` and words only in `b`, after the normalisation `title_similarity` uses."""
    left, right = (_title_words(a or "").split(), _title_words(b or "").split())
    return [w for w in left if w not in right], [w for w in right if w not in left]


def year_gap(cited: int | None, recorded: int | None) -> int | None:
    """Absolute difference of two years; None when either is unknown."""
    return None if cited is None or recorded is None else abs(cited - recorded)


def year_matches(cited: int | None, record: int | None, tolerance: int = 1) -> bool:
    """Years agree within `tolerance` (online-first vs print); an unknown year contradicts nothing."""
    gap = year_gap(cited, record)
    return gap is None or gap <= tolerance


def first_page(pages: str | None) -> str | None:
    """First page of a page range ("233–241", "233-41", "e1002" → "233", "233", "e1002")."""
    if not pages:
        return None
    first = _PAGE_SEP.split(unicodedata.normalize("NFKC", pages).strip(), maxsplit=1)[0].strip()
    return first.lstrip("pP. ") or None


def pages_agree(cited: str | None, recorded: str | None) -> bool:
    """Same first page, whatever the dash ("233–241" = "233-241" = "233-41"); unknown agrees."""
    a, b = first_page(cited), first_page(recorded)
    return a is None or b is None or a.casefold() == b.casefold()


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


@dataclass(frozen=True)
class JournalEntry:
    """A journal of the translation table: English title, ISO abbreviation, language of publication."""

    title: str
    abbrev: str
    language: str  # ISO 639-1: "en", "zh"


@lru_cache(maxsize=1)
def _translation_entries() -> dict[str, JournalEntry]:
    """Chinese name → its journal, from data/journal_translations.json."""
    raw = resources.files("auditor.references").joinpath("data/journal_translations.json").read_text("utf-8")
    return {zh: JournalEntry(*values) for zh, values in json.loads(raw)["journals"].items()}


def journal_translations() -> dict[str, str]:
    """The known Chinese names of journals → their English full titles."""
    return {zh: entry.title for zh, entry in _translation_entries().items()}


def _entry_of_chinese_name(zh: str) -> JournalEntry | None:
    table = _translation_entries()
    base = zh.strip().strip("《》〈〉 ")
    forms = [base, _PARENTHETICAL.sub("", base).strip(), re.split(r"[:：]", base, maxsplit=1)[0].strip()]
    for form in forms:
        key = form.replace(" ", "")
        if key in table:
            return table[key]
    return None


def translate_journal(zh: str) -> list[str]:
    """[English full title, ISO abbreviation] of a journal cited under a Chinese name, or []."""
    entry = _entry_of_chinese_name(zh)
    return [entry.title, entry.abbrev] if entry else []


@lru_cache(maxsize=4096)
def journal_language(name: str) -> str | None:
    """Language of publication ("en", "zh") of a journal the table knows, named in Chinese, by its
    English title or by its ISO abbreviation; None for a journal the table does not list."""
    entry = _entry_of_chinese_name(name)
    if entry is not None:
        return entry.language
    journals = dict.fromkeys(_translation_entries().values())
    return next((j.language for j in journals if journal_matches(name, j.title, j.abbrev)), None)


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
    if has_cjk(cited_family) != has_cjk(record_family):
        return None
    return surname_key(cited_family) == surname_key(record_family)
