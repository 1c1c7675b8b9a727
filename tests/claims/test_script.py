"""claims.script: the one "is CJK" test."""

from __future__ import annotations

import re

import pytest
from auditor.claims.script import CJK_CLASS, has_cjk, is_cjk


@pytest.mark.parametrize(
    ("ch", "expected"),
    [
        ("王", True), ("㐀", True), ("鿿", True), ("豈", True),
        ("。", False), ("Ａ", False), ("a", False), ("ア", False),
    ],
)
def test_is_cjk_and_the_regex_class_agree(ch: str, expected: bool) -> None:
    assert is_cjk(ch) is expected
    assert bool(re.fullmatch(f"[{CJK_CLASS}]", ch)) is expected


def test_has_cjk() -> None:
    assert has_cjk("Wang 王")
    assert not has_cjk("Wang")
    assert not has_cjk("")
    assert not has_cjk(None)
