"""Fast paths of the reference-string parser find what the plain forms find: the noise regex built
from the alternatives that can match, the token regex behind its lookaheads, the DOI regex with its
literal first, the locator layouts tried only on signatures ending in a letter they can end with, the
sentence-stop, "et al." and affiliation regexes with their look-behinds after the character they follow."""

from __future__ import annotations

import json
import re
import sys
from typing import Any

import pytest
from auditor.references import section as section_module
from auditor.references.refstring import authors as authors_module
from auditor.references.refstring.authors import (
    _AFFILIATION,
    _ETAL,
    _INITIAL_WORD,
    _INITIALS,
    _LETTER_INITIAL,
    _shape,
)
from auditor.references.refstring.head import _BOUNDARY, _SENTENCE
from auditor.references.refstring.ids import _DOI, _blank
from auditor.references.refstring.noise import _ALTERNATIVES, _pattern, noise_spans
from auditor.references.refstring.tail import _LAYOUTS, _TRAILING
from auditor.references.refstring.text import normalise
from auditor.references.refstring.tokens import _TOKEN

from tests.conftest import SHARED

if sys.version_info >= (3, 11):
    import re._constants as sre
    import re._parser as sre_parse
else:  # pragma: no cover
    import sre_constants as sre
    import sre_parse

WHOLE = _pattern(tuple(range(len(_ALTERNATIVES))))
MADE_UP = [
    "Smith J. A trial. Lancet. 2001;357:1-9. doi: 10.1016/x [Epub ahead of print] PMID: 11111111",
    "Lee K. Title. Journal. Published online 2020. Accessed March 3, 2021. ISSN 1234-5678 (Print)",
    "王明. 题目[J]. 期刊, 2019, 3(2): 1-5 [2020-01-02]. IF: 3.2 <i>x</i> Erratum in: Nature 2001",
    "Doe J. Title (accessed 2 May 2020). URL [cited 2019 Jan 1] Retrieved from: site",
    "Title. ıSSN 1234-5678. İF: 2.5. Epub 2019 ſomething",  # letters IGNORECASE folds, lower() does not
    "No phrase here at all, 2001, 12(3): 45-67.",
]


@pytest.mark.parametrize("text", MADE_UP)
def test_chosen_alternatives_find_what_all_find(text: str) -> None:
    assert noise_spans(text) == [m.span() for m in WHOLE.finditer(text)]


def test_dotless_i_still_matches() -> None:
    """IGNORECASE reads "ıSSN" as "issn" though lower() keeps the "ı": that text keeps every alternative."""
    assert noise_spans("Title. ıSSN 1234-5678.")


DEV = SHARED / "refparse" / "dev.jsonl"
needs_dev = pytest.mark.skipif(not DEV.is_file(), reason="../shared/refparse is absent")


def _dev_strings() -> list[str]:
    lines = DEV.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["string"] for line in lines if line]


@needs_dev
def test_dev_strings_same_spans() -> None:
    strings = _dev_strings()
    assert [noise_spans(s) for s in strings] == [[m.span() for m in WHOLE.finditer(s)] for s in strings]


LOOKAHEADS = r"(?=\S)(?:(?=[A-Za-z]{0,2}\d)(?:"
PLAIN_TOKEN = re.compile(_TOKEN.pattern.replace(LOOKAHEADS, "(?:(?:"))


def _tokens(pattern: re.Pattern[str], text: str) -> list[tuple[str | None, tuple[int, int]]]:
    return [(m.lastgroup, m.span()) for m in pattern.finditer(text)]


NUMBERS = "S278-S280 e12404 1999a 2019-20 Vol. 3 第12卷 第 3 期 ab12 abc12 x"


@pytest.mark.parametrize("text", [*MADE_UP, NUMBERS])
def test_token_lookaheads_change_no_token(text: str) -> None:
    assert LOOKAHEADS in _TOKEN.pattern
    assert _tokens(_TOKEN, normalise(text)) == _tokens(PLAIN_TOKEN, normalise(text))


@needs_dev
def test_token_lookaheads_change_no_token_on_dev_strings() -> None:
    texts = [normalise(s) for s in _dev_strings()]
    assert [_tokens(_TOKEN, t) for t in texts] == [_tokens(PLAIN_TOKEN, t) for t in texts]


PLAIN_DOI = re.compile(r"(?<![\w/])(?<!\d\.)10\s?\.\s?\d{4,9}/\s?[^\s，。；、]{1,500}")  # lookbehinds first
DOI_CASES = ["10.1000/x", "a10.1000/x", "/10.1000/x", "1.10.1000/x", "x 10.1000/abc", "9.10.1234/z",
             "(10. 1234/ab)"]


@pytest.mark.parametrize("text", DOI_CASES)
def test_doi_literal_first_finds_the_same(text: str) -> None:
    assert [m.span() for m in _DOI.finditer(text)] == [m.span() for m in PLAIN_DOI.finditer(text)]


@needs_dev
def test_doi_literal_first_finds_the_same_on_dev_strings() -> None:
    texts = [normalise(s) for s in _dev_strings()]
    assert [[m.span() for m in _DOI.finditer(t)] for t in texts] == [
        [m.span() for m in PLAIN_DOI.finditer(t)] for t in texts]


def _last_letters(items: Any) -> tuple[set[str], bool]:
    """(letters a match of the parsed sequence can end with, whether it can match empty)."""
    letters: set[str] = set()
    for op, arg in reversed(list(items)):
        if op is sre.LITERAL:
            found, empty = {chr(arg)}, False
        elif op is sre.IN:
            assert all(kind is sre.LITERAL for kind, _ in arg), "a class of letters, each named"
            found, empty = {chr(code) for _, code in arg}, False
        elif op is sre.SUBPATTERN:
            found, empty = _last_letters(arg[-1])
        elif op is sre.BRANCH:
            ends = [_last_letters(branch) for branch in arg[1]]
            found, empty = set().union(*(e[0] for e in ends)), any(e[1] for e in ends)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            found, empty = _last_letters(arg[2])
            empty = empty or arg[0] == 0
        else:
            raise AssertionError(f"no rule for {op}")
        letters |= found
        if not empty:
            return letters, False
    return letters, True


@pytest.mark.parametrize(("name", "ends", "pattern"), _LAYOUTS, ids=[layout[0] for layout in _LAYOUTS])
def test_layout_end_letters_are_those_of_its_pattern(name: str, ends: str, pattern: str) -> None:
    """A layout is tried only on signatures ending in its letters: all those its pattern can end with."""
    letters, empty = _last_letters(sre_parse.parse(pattern))
    assert not empty
    assert set(ends) == letters - _TRAILING


PLAIN_BOUNDARY = re.compile(  # the look-behinds before the "."
    r"[.?!](?=[\s\"“‘'《]|[^\x00-\x7f]|$)|:(?=[\s\"“‘'《]|[^\x00-\x7f])|。|(?<=\s)\.(?=[A-Z][a-z])")
PLAIN_SENTENCE = re.compile(
    r"[.?!](?=\s|[^\x00-\x7f]|$)|。|(?<=\s)\.(?=[A-Z])|(?<=[a-z]{3})\.(?=[A-Z][A-Za-z]{0,3}\s)")
STOPS = ["Smith J .Title", "abc.Ab c", "x .A", "Lee K. Title? Journal! 2001。 x", "in vitro.Nat Med", ".Ab"]


def _same_stops(text: str) -> bool:
    patterns = (_BOUNDARY, PLAIN_BOUNDARY, _SENTENCE, PLAIN_SENTENCE)
    spans = [[m.span() for m in p.finditer(text)] for p in patterns]
    return spans[0] == spans[1] and spans[2] == spans[3]


@pytest.mark.parametrize("text", STOPS)
def test_stop_look_behinds_after_the_dot_find_the_same(text: str) -> None:
    assert _same_stops(text)


@needs_dev
def test_stop_look_behinds_after_the_dot_on_dev_strings() -> None:
    assert all(_same_stops(normalise(s)) for s in _dev_strings())


PLAIN_ETAL = re.compile(r"\bet\.?\s?al\b\.?|\band others\b|等人?", re.IGNORECASE)
PLAIN_AFFILIATION = re.compile(r"(?<=[a-z])(?:,[a-z](?![a-z]))+,?\*?|\*")
NAMES = ["Smith J, Lee K, et al.", "Wang L,a,b Li M,c*", "Jones A ET AL", "王明, 李华等", "Ray B and others",
         "Lee, Fa-Kunga; Lin, Yu-Lanb", "x,a,bc ,a *", "Petal E, Metal A"]


def _same_name_marks(text: str) -> bool:
    etal = [m.span() for m in _ETAL.finditer(text)] == [m.span() for m in PLAIN_ETAL.finditer(text)]
    return etal and _AFFILIATION.sub("", text) == PLAIN_AFFILIATION.sub("", text)


@pytest.mark.parametrize("text", NAMES)
def test_name_marks_fast_forms_find_the_same(text: str) -> None:
    assert _same_name_marks(text)


@needs_dev
def test_name_marks_fast_forms_on_dev_strings() -> None:
    assert all(_same_name_marks(s) for s in _dev_strings())


UPPER_AS_A = str.maketrans({chr(code): "A" for code in range(ord("A"), ord("Z") + 1)})
WORDS = ["J.", "JY", "J.-Y.", "H.B", "Ch.", "Mc", "McMurray", "S.P.", "A. B.", "Fa-Kung", "KIM", "e", "Jr",
         "ABCDE"]


@pytest.mark.parametrize("word", WORDS)
def test_initials_patterns_take_ascii_letters_as_they_are(word: str) -> None:
    """`_shape` leaves ASCII text alone: the patterns read it as they would its upper case as "A"."""
    for pattern in (_INITIALS, _INITIAL_WORD, _LETTER_INITIAL):
        assert bool(pattern.fullmatch(_shape(word))) == bool(pattern.fullmatch(word.translate(UPPER_AS_A)))


@pytest.mark.parametrize("pattern", [_INITIALS, _INITIAL_WORD, _LETTER_INITIAL])
def test_initials_patterns_name_no_letter(pattern: re.Pattern[str]) -> None:
    """Letters appear only in the classes [A-Z] and [a-z] (and escapes like \\s): case shapes suffice."""
    rest = re.sub(r"\\[a-zA-Z]", "", pattern.pattern.replace("[A-Z]", "").replace("[a-z]", ""))
    assert not re.search("[A-Za-z]", rest), rest


@pytest.mark.parametrize(("spans", "blanked"), [
    ([(5, 7), (1, 3), (2, 6)], "a      h"),  # unsorted and overlapping
    ([(0, 8), (2, 3)], "        "),  # one inside another
    ([(3, 3), (7, 8)], "abcdefg "),  # empty span
])
def test_blank_keeps_length_and_blanks_the_union(spans: list[tuple[int, int]], blanked: str) -> None:
    assert _blank("abcdefgh", spans) == blanked


# Patterns whose leading lookahead lists the first character of every alternative by hand: each must
# still find every alternative, in the cases its flags allow (a character missing from the
# lookahead would hide that alternative).
_LOOKAHEAD_ALTERNATIVES = [
    (section_module._BOILERPLATE_ANYWHERE, [
        "all rights reserved", "ALL RIGHTS RESERVED", "All Rights Reserved", "版权所有", "版權所有", "上一篇",
        "下一篇", "扫码关注", "掃碼關注", "长按识别", "長按識別", "未经授权", "未經授權"]),
    (section_module._IDENT, [
        "10.1000/x", "http://", "HTTPS://", "PMID", "pmid", "PMC1", "pmc1", "www.", "WWW."]),
    (authors_module._ETAL, ["et al", "ET AL.", "et. al.", "and others", "AND OTHERS", "等", "等人"]),
    (authors_module._SEP, [  # case-sensitive: "AND" is no separator
        ";", "、", "&", " and ", " And ", " und ", " et ", "和", "与", "與", ",", "…", "..."]),
]


@pytest.mark.parametrize(
    ("pattern", "samples"), _LOOKAHEAD_ALTERNATIVES, ids=["footer", "ident", "etal", "sep"]
)
def test_a_lookahead_keeps_every_alternative(pattern: re.Pattern[str], samples: list[str]) -> None:
    assert [s for s in samples if pattern.search(f" {s} ") is None] == []
