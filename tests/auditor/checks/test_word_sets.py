"""`WordSet.found_in` answers exactly what `any(word in text for word in words)` answers."""

from __future__ import annotations

import random

from auditor.checks.word_sets import WordSet


def test_same_answer_as_substring_tests() -> None:
    rng = random.Random(3)
    words = ["of", "in all", "共", "a.b", "(x", "其中", "?"]
    found = WordSet(words)
    for _ in range(2000):
        text = "".join(rng.choice("ofinal 共其中.(x?b") for _ in range(rng.randint(0, 12)))
        assert found.found_in(text) == any(word in text for word in words), text


def test_no_words_and_the_empty_word() -> None:
    assert not WordSet([]).found_in("anything")
    assert WordSet(["x", ""]).found_in("")
    assert not WordSet(["x"]).found_in("")
