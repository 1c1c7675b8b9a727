"""Author lists as references print them, and whether a stretch of text is one.

Handles "Family AB", "Family, A. B.", "Family, A.B.;", "A. B. Family", "FAMILY A B", pinyin
"Shi Ming" (family first in GB/T), CJK names (family + given) and group names; "et al."/"等" end a list.
"""

from __future__ import annotations

import re

from auditor.claims.group_nouns import has_group_noun, is_group_noun
from auditor.claims.script import has_cjk, is_cjk
from auditor.references.models import Author

# The lookaheads hold the first character of every match and the look-behind follows the "," it is
# about, so that other positions are left after one test.
_ETAL = re.compile(r"(?=[ea等])(?:\bet\.?\s?al\b\.?|\band others\b|等人?)", re.IGNORECASE)
_SEP = re.compile(
    r"(?=[\s;、&Aaue和与與,….])\s{0,3}(?:;|、|&|\b[Aa]nd\b|\bund\b|\bet\b(?!\s?al)|和|与|與|,|…|\.\s?\.\s?\.)\s{0,3}")
_AFFILIATION = re.compile(r",(?<=[a-z],)[a-z](?![a-z])(?:,[a-z](?![a-z]))*,?\*?|\*")  # ",a,b" after a name
_INITIALS = re.compile(
    r"(?:(?:[A-Z][a-z]?\.|[A-Z])\s?-?\s?){1,6}|[A-Z]{1,4}\.?|(?:[A-Z]\.-?\s?){1,3}[a-z]\.?")
_INITIAL_WORD = re.compile(r"[A-Z]{1,4}\.?|(?:[A-Z]\.-?){1,4}|(?:[A-Z]\.){1,3}[A-Z]|[A-Z]\.?-[A-Z]{1,2}\.?")
_NOT_NAMES = frozenset({"the", "of", "in", "on", "for", "with", "to", "from", "by", "at", "an", "a", "is",
                        "are"})
_PARTICLES = frozenset((
    "van", "von", "der", "den", "de", "da", "di", "du", "dos", "das", "del", "della", "la", "le",
    "ten", "ter",
    "bin", "al", "el", "y", "st", "Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV",
))
_LETTER_INITIAL = re.compile(r"[A-Z]\.?|(?:[A-Z]\.-?){1,4}")
_COMPOUND_SURNAMES = ("欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "东方", "東方", "皇甫", "尉迟",
                      "公孙")
_PINYIN_GIVEN = re.compile(r"[A-Z][a-z]{1,6}(?:-[a-z]{1,6})?")
# a name transliterated into Chinese with the original after it: "斯特凡·里德爾(Stefan Riedel)"
_TRANSLITERATED = re.compile(
    r"[\u3400-\u9fff·・•]{2,20}\s{0,2}[(（]\s{0,2}([A-Za-z][A-Za-z .'’\-]{1,60})[)）]")


def _shape(text: str) -> str:
    """Non-ASCII letters as A/a by case, so the initials patterns read "Ł." or "É." like "L." (same
    length). The patterns name no letter, only the classes [A-Z] and [a-z], which take ASCII letters
    as they are: ASCII text is returned unchanged."""
    if text.isascii():
        return text
    return "".join("A" if ch.isupper() else "a" if ch.islower() and not ch.isascii() else ch for ch in text)


def _initial_word(word: str) -> bool:
    return _INITIAL_WORD.fullmatch(_shape(word)) is not None


def _letter_initial(word: str) -> bool:
    return _LETTER_INITIAL.fullmatch(_shape(word)) is not None


def _surname_word(word: str) -> bool:
    """"Smith", "O’Farrell", "McMurray", "KRUEGER", "Fals-Stewart", "d'Alembert", "Écija"."""
    core = word.rstrip(".")
    if not core or len(core) > 40 or not all(ch.isalpha() or ch in "-’'ʼ" for ch in core):
        return False
    if core[0].isupper():
        return True
    head, _, rest = core.partition("'" if "'" in core else "’")
    return len(head) <= 3 and rest[:1].isupper()


def _group_name(token: str) -> bool:
    """"RECOVERY Collaborative Group", "World Health Organization": capitalised words, a group word last."""
    words = token.split()
    if not words or len(token) > 120 or has_cjk(token) or not is_group_noun(words[-1]):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w in _PARTICLES or w.lower() in _NOT_NAMES for w in words)


def _cjk_name(name: str) -> Author:
    name = name.replace(" ", "")
    if len(name) > 4 or has_group_noun(name):
        return Author(family=name, collective=True)
    size = 2 if name[:2] in _COMPOUND_SURNAMES else 1
    return Author(family=name[:size], given=name[size:])


def _is_initials(token: str) -> bool:
    return len(token) <= 20 and _INITIALS.fullmatch(_shape(token.strip())) is not None


def _person(token: str, family_first: bool) -> Author | None:
    """One person (or group) from one token; None when it does not look like a name."""
    token = token.strip(" .,")
    if _group_name(token):
        return Author(family=token, collective=True)  # "GBD 2019 Tobacco Collaborators"
    if not token or any(map(str.isdigit, token)):
        return None
    if (original := _TRANSLITERATED.fullmatch(token)) is not None:
        return _person(original.group(1), False)  # the original name is the one other lists give
    if has_cjk(token):
        cjk = "".join(ch for ch in token if is_cjk(ch) or ch == "·")
        return _cjk_name(cjk) if len(cjk) == len(token.replace(" ", "")) and len(cjk) >= 2 else None
    words = token.split()
    if len(words) > 5 or any(w.lower() in _NOT_NAMES and len(w) > 1 for w in words):
        return None
    lead = 0
    while lead < len(words) - 1 and _initial_word(words[lead]):
        lead += 1
    tail = len(words)
    while tail > 1 and (_initial_word(words[tail - 1]) or words[tail - 1] in _PARTICLES):
        tail -= 1
    if lead and tail == len(words):  # "N. A. Lorentzos"
        family, given = words[lead:], words[:lead]
    elif tail < len(words):  # "Conaty P", "Hess D C", "Veen P H van der"
        family, given = words[:tail], words[tail:]
    elif (middle := [i for i, w in enumerate(words[1:-1], 1) if _initial_word(w)]):
        family, given = words[middle[-1] + 1:], words[:middle[-1] + 1]  # "Cynthia H. Y. Fu"
    elif len(words) == 2 and (family_first or _PINYIN_GIVEN.fullmatch(words[1]) and "-" in words[1]):
        family, given = words[:1], words[1:]  # GB/T pinyin "Shi Ming", "Jie Xiao-su"
    elif len(words) in (2, 3) and not family_first:  # "Wolfgang Huber", "Charles A. Reich"
        family, given = words[-1:], words[:-1]
    else:
        family, given = words, []
    if not all(_surname_word(w) or w in _PARTICLES for w in family):
        return None
    if not all(_initial_word(w) or _surname_word(w) or w in _PARTICLES for w in given):
        return None
    return Author(family=" ".join(family), given=" ".join(given).rstrip("."))


def _tokens(text: str, etal: re.Match[str] | None) -> list[str]:
    """Name tokens, up to "et al."/"等" (`etal`: where `_ETAL` matches in `text`)."""
    if etal:
        text = text[: etal.start()]
    return [t for t in _SEP.split(text) if t and t.strip(" .,")]


def read_authors(text: str, *, family_first: bool = False) -> list[Author] | None:
    """The authors of `text`, or None when some part of it is not a name (then it is no author list)."""
    text = text.strip(" .,;:")
    if not text or len(text) > 3000:
        return None
    etal = _ETAL.search(text)
    if etal and text[etal.end():].strip(" .,;:，；：()（）"):
        return None  # "et al." ends a list: what follows it is a title, not more names
    names = _AFFILIATION.sub("", text)
    tokens = _tokens(names, etal if names == text else _ETAL.search(names))
    if not tokens:
        return [] if etal else None
    authors: list[Author] = []
    index = 0
    while index < len(tokens):
        token = tokens[index].strip(" .")
        after = tokens[index + 1].strip(" .") if index + 1 < len(tokens) else None
        pairs = after and (_is_initials(after) or " " not in token and _full_given(after))
        if pairs and after is not None and _bare_surname(token):
            authors.append(Author(family=token, given=after.rstrip(".")))  # "Marso, S. P.", "Lee, Fa-Kung"
            index += 2
            continue
        if _only_initials(token):
            return None  # initials with no surname: not a complete name
        person = _person(token, family_first)
        if person is None:
            return None
        authors.append(person)
        index += 1
    return _strip_affiliation_letters(authors)


def _strip_affiliation_letters(authors: list[Author]) -> list[Author]:
    """Drop affiliation letters glued to given names when they run a, b, c… across all authors
    ("Lee, Fa-Kunga; Lin, Yu-Lanb")."""
    givens = [a.given for a in authors]
    run = len(authors) >= 2 and all(
        len(g) > 2 and g[-2].islower() and g[-1] == chr(ord("a") + i) for i, g in enumerate(givens))
    return [a.model_copy(update={"given": a.given[:-1]}) for a in authors] if run else authors


def _bare_surname(token: str) -> bool:
    """A surname without initials: "Marso", "da Silva", "Torres Crigna", "KIM" (before "J. Y.")."""
    words = token.split()
    if has_cjk(token) or not words or len(words) > 4 or any(map(str.isdigit, token)):
        return False
    return len(words) == 1 or not any(_letter_initial(w) for w in words)


def _only_initials(token: str) -> bool:
    words = token.split()
    if not words or has_cjk(token) or not all(_initial_word(w) for w in words):
        return False
    return len(words) == 1 or all(len(w.rstrip(".")) <= 1 for w in words)


def _full_given(token: str) -> bool:
    """A given name written out after "Family," ("Lee, Fa-Kung", "Reich, Charles A.")."""
    words = token.split()
    if not 1 <= len(words) <= 3 or not all(_surname_word(w) or _initial_word(w) for w in words):
        return False
    first = words[0].split("-")
    return all(len(p) >= 2 and p[0].isalpha() and p[1:].isalpha() and p[1:].islower() for p in first) \
        and first[0][0].isupper()
