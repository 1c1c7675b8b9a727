"""fold_width translates runs of foldable characters; detect_language counts by removing runs."""

from __future__ import annotations

from auditor.claims.language import detect_language
from auditor.claims.models import Language
from auditor.claims.text import fold_width


def test_every_foldable_character_is_folded_between_others() -> None:
    foldable = [chr(c) for c in range(0xFF01, 0xFF5F)] + ["\u3000", "\u2013", "\u2212", "\u2010", "\u2011"]
    text = "中".join(foldable) + "ａｂ\u3000１２"
    folded = fold_width(text)
    assert len(folded) == len(text)
    assert folded.split("中")[:3] == ["!", '"', "#"]
    assert folded.endswith("ab 12")
    assert "".join(fold_width(c) for c in ["\u2013", "\u2212", "\u2010", "\u2011", "\u3000"]) == "---- "


def test_characters_outside_the_table_are_kept() -> None:
    text = "—‒\uff00\uff5f°é这"
    assert fold_width(text) == text


def test_language_by_counts() -> None:
    assert detect_language("研究显示这个结果与之前的报告一致 in 2020") is Language.ZH_HANS
    assert detect_language("研究顯示這個結果與之前的報告一致") is Language.ZH_HANT
    assert detect_language("Most of this text is English with one 中 character") is Language.EN
