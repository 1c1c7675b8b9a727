"""The cheap pre-checks of the extractors never drop a claim the full patterns would read.

Each extractor skips work where a literal scan says no match can be (`CITATION_POSSIBLE`, the
Chinese-surname scan, the clauses `named_studies` reads, the qualifier's last character). These
tests compare each with the exhaustive reading on random mixtures of the words the patterns
look for, so a form or cue added later without its pre-check fails here.
"""

from __future__ import annotations

import random
import re

from auditor.claims.extract import authors, number_words, studies
from auditor.claims.extract.author_forms import _UPPER, _ZH_SURNAMES, FORMS, PARTICLE_START
from auditor.claims.extract.patterns import Candidate
from auditor.claims.text import sentence_bounds

_ANY_NAME_START = re.compile(f"[{_UPPER}{_ZH_SURNAMES}]")
_AUTHOR_WORDS = (
    "Smith", "van der Berg", "McDonald", "O'Neil", "Lee-Kim", "et al.", "et\nal", " and ", "&",
    "colleagues", "(", ")", "2020", "2019a", "1999", ",", ";", " ", "  ", "\t", "RECOVERY",
    "Collaborative Group", "Investigators", "The", "协作组", "研究组", "等人", "等", "团队", "王伟",
    "李明", "陈", "与", "和", "于", "在", "年", "发现", "那", "些", "GBD", "the", "e.g.", "see",
    "Cell Therapy", "found in ", "June", "x", "说", "。", "，", "\n", "(2019年)", "課題組", "顯示",
)


def _mixtures(words: tuple[str, ...], count: int, seed: int, longest: int = 14) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(words) for _ in range(rng.randint(1, longest))) for _ in range(count)]


def _every_form_at(text: str, pos: int) -> Candidate | None:
    """The longest citation any form reads at `pos`, every form tried (no pre-check)."""
    best = None
    for form in FORMS:
        match = form.pattern.match(text, pos)
        candidate = authors._READERS[form.name](text, match) if match else None
        if candidate is not None and (best is None or candidate.end > best.end):
            best = candidate
    return best


def test_author_start_positions_hold_every_citation() -> None:
    for text in _mixtures(_AUTHOR_WORDS, 20_000, seed=1):
        starts = set(authors._starts(text))
        positions = [m.start() for m in _ANY_NAME_START.finditer(text)]
        positions += [m.start() for m in PARTICLE_START.finditer(text)]
        for pos in positions:
            expected = _every_form_at(text, pos)
            if pos in starts:
                assert authors._longest_at(text, pos) == expected, (text, pos)
            else:
                assert expected is None, (text, pos)


_STUDY_WORDS = (
    "大学", "医院", "研究所", "公司", "斯坦福", "的研究", "发现", "于2019年", "2020年", "《柳叶刀》",
    "发表", "；", ";", "。", "University of Oxford", "Hospital", "researchers at", "funded by",
    "published in The Lancet", " a 2021 study ", "Nature", "\n", " ", "，", "由辉瑞公司", "发起",
)


def _clauses(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    clauses = []
    for start, end in sentences:
        cut = start
        for match in re.finditer("[;；]", text[start:end]):
            clauses.append((cut, start + match.start()))
            cut = start + match.end()
        clauses.append((cut, end))
    return clauses


def test_named_studies_read_every_clause_that_names_one() -> None:
    for text in _mixtures(_STUDY_WORDS, 8_000, seed=2, longest=20):
        sentences = sentence_bounds(text, unwrapped=True)
        journals = sorted(studies.journal_mentions(text), key=lambda c: c.start)
        expected = []
        for clause in _clauses(text, sentences):
            inside = [j for j in journals if clause[0] <= j.start and j.end <= clause[1]]
            found = studies._study_in_clause(text, clause, inside)
            if found is not None:
                expected.append(found)
        assert list(studies.named_studies(text, sentences, journals)) == expected, text


def test_qualifier_precheck_passes_every_window_that_ends_in_one() -> None:
    words = [*number_words._QUALIFIER_WORDS, *(w.upper() for w in number_words._QUALIFIER_WORDS)]
    marks = (" ", "\t", "\n", "了", "达", "x", "5", "，", "ı", "ſ")
    windows = _mixtures((*words, *marks), 50_000, seed=3, longest=5)
    for window in windows:
        if number_words._QUALIFIER.search(window) is not None:
            assert number_words._may_end_in_qualifier(window), window
