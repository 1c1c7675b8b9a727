"""claims.text: sentences, width folding, Chinese numerals."""

from __future__ import annotations

import pytest
from auditor.claims.text import after_last, fold_width, parse_chinese_number, sentence_at, sentence_bounds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("２０２３年（ＵＣＬＡ）", "2023年(UCLA)"),
        ("８２％，ｐ＝０．０７", "82%,p=0.07"),
        ("a\u3000b", "a b"),
        ("5–10", "5-10"),
        ("中文不变。", "中文不变。"),
        ("", ""),
    ],
)
def test_fold_width_maps_full_width_ascii_and_keeps_length(text: str, expected: str) -> None:
    assert fold_width(text) == expected
    assert len(fold_width(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2000万", 2e7),
        ("5500万", 5.5e7),
        ("1000萬", 1e7),
        ("3.5亿", 3.5e8),
        ("两千", 2000.0),
        ("兩百", 200.0),
        ("一百二十", 120.0),
        ("十五", 15.0),
        ("一万二千", 12000.0),
        ("一亿二千万", 1.2e8),
        ("二〇二三", 2023.0),
        ("87", 87.0),
        ("", None),
        ("abc", None),
        ("二十x", None),
    ],
)
def test_parse_chinese_number(text: str, expected: float | None) -> None:
    assert parse_chinese_number(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第一句。第二句！第三句？", ["第一句。", "第二句！", "第三句？"]),
        ("第一行\n\n第二行", ["第一行", "第二行"]),
        ("One. Two? Three", ["One.", " Two?", " Three"]),
        ("Kim et al. (2012) found it. Next", ["Kim et al. (2012) found it.", " Next"]),
        ("值为3.5的结果", ["值为3.5的结果"]),
        ("", []),
    ],
)
def test_sentence_bounds(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in sentence_bounds(text)] == expected


def test_sentence_at_finds_the_enclosing_sentence() -> None:
    text = "前一句。Kim等人的研究证实了。\n后一句"
    start, end = sentence_at(text, text.index("Kim"))
    assert text[start:end] == "Kim等人的研究证实了。"
    assert sentence_at(text, text.index("\n")) == (text.index("\n"), text.index("\n"))


@pytest.mark.parametrize(
    ("window", "marks", "after"),
    [
        ("共纳入64例，其中", "，,", "其中"),
        ("a, b; of whom", ",;", " of whom"),
        ("no mark here", ",;", "no mark here"),
        ("ends with a mark,", ",", ""),
        ("", ",", ""),
        ("x.y(z", ".(", "z"),  # marks are literal characters, not a regex class to interpret
    ],
)
def test_after_last(window: str, marks: str, after: str) -> None:
    assert after_last(window, marks) == after
