"""Finding the reference list: headings in three scripts, bare numbered lists, trailing boilerplate."""

from __future__ import annotations

import pytest
from auditor.references.section import locate_reference_section
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.workcount import assert_linear_work

ZH_HANS = (
    "干细胞研究近年进展迅速(1)。多项研究证实了这一点(2)。\n"
    "参考资料:\n"
    "(1) Wang, L.、Chen, MA 和 Zhou, W. (2015)。 某项研究的标题? 干细胞国际。https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1111111/。\n"
    "(2) Zhao Q;Li X; (nd). 另一项研究。分子生物学方法。https://pubmed.ncbi.nlm.nih.gov/11111111/。\n"
    "版权声明:本网站所有文字版权归本站所有,未经授权不得转载。\n"
    "扫码关注我们\n"
)
ZH_HANT = (
    "動脈內給藥的研究越來越多[1]。\n"
    "參考資料:\n"
    "[1]:Tanaka, K.; Sato, M. A Study of Delivery Routes. Int. J. Mol. Sci. 2024, 25, 1234. https://doi.org/10.3390/ijms25001234\n"
    "免責說明:本文僅用于傳播科普知識,不構成任何診斷建議。\n"
)
EN = (
    "Cells cross the barrier [1, 2].\n\n"
    "## References\n\n"
    "1. Smith J, Lee K. A trial of cells. N Engl J Med. 2019;380(3):211-20. doi:10.1056/NEJMoa000001\n"
    "2. Brown A, Green B. Another trial. Lancet. 2020;395(1):10-19.\n\n"
    "Share this article\n"
    "Next article: something else\n"
)
GBT = (
    "正文到此结束。\n\n参考文献\n\n"
    "王明,李华,张强,等.间充质干细胞的研究进展[J].某医学院学报,2020,40(05):100-105.\n\n"
    "Li Ming, Wang Hua. A study of cells in rats[J]. "
    "Chinese Journal of Tissue Engineering Research, 2018, 22(3): 100-105.\n\n"
    "免责说明:本文仅用于传播科普知识。\n\n"
    "« 上一篇 2025年1月1日\n"
)


def _bounds(text: str) -> tuple[int, int] | None:
    """(start, end) of the located list: where extraction stops and where the last entry ends."""
    section = locate_reference_section(text)
    return (section.start, section.end) if section else None


@pytest.mark.parametrize(
    ("text", "heading", "first", "last"),
    [
        (ZH_HANS, "参考资料:", "(1) Wang", "11111111/。"),
        (ZH_HANT, "參考資料:", "[1]:Tanaka", "ijms25001234"),
        (EN, "## References", "1. Smith", "10-19."),
        (GBT, "参考文献", "王明", "100-105."),
    ],
)
def test_headed_sections(text: str, heading: str, first: str, last: str) -> None:
    section = locate_reference_section(text)
    assert section is not None
    assert section.heading == heading
    assert text[section.start:].startswith(heading)
    assert text[section.body_start:].lstrip().startswith(first)
    assert text[: section.end].endswith(last)


@pytest.mark.parametrize(
    "heading",
    ["References", "References:", "REFERENCES", "Bibliography", "Literature cited", "Works cited",
     "参考:", "参考文献：", "參考文獻", "**References**", "### 参考资料", "五、参考文献", "## 7. References",
     "Sources", "资料来源:", "References and notes"],
)
def test_heading_variants(heading: str) -> None:
    text = f"Body text.\n{heading}\n[1] Kim S, Park J. Title here. Stem Cells. 2012;30(1):1-10.\n"
    assert _bounds(text) == (text.index(heading), len(text) - 1)


def test_heading_word_inside_a_sentence_is_not_a_heading() -> None:
    text = "我们还查看了初步搜索中选定的论文中引用的参考文献。\n结论如下。\n"
    assert _bounds(text) is None


def test_heading_without_entries_is_ignored() -> None:
    assert _bounds("Intro.\nReferences\nNone were used in this piece.\n") is None


def test_trailing_numbered_list_without_heading() -> None:
    text = (
        "Body of the article.\n"
        "1. Smith J, Lee K. A trial of cells. N Engl J Med. 2019;380(3):211-20.\n"
        "2. Brown A. Another trial. Lancet. 2020;395(1):10-19. https://doi.org/10.1000/abc\n"
        "Copyright 2024 Example Media.\n"
    )
    section = locate_reference_section(text)
    assert section is not None and section.heading is None
    assert text[section.start:].startswith("1. Smith")
    assert text[: section.end].endswith("/abc")


@pytest.mark.parametrize(
    "text",
    [
        "正文。\n1. 运动类型与严重程度;\n2. 解剖分布(单侧/双侧);\n3. 病因时间窗口。\n",
        "Body.\n1. First point about cells.\n2. Second point about cells.\n",
        "Only one entry.\n1. Smith J. A trial. Lancet. 2019;1(1):1-2.\n",
        "公司产品推荐\n试剂盒AC-1001027\n试剂盒AC-1001028\n来源:某公司\n",
        "",
    ],
)
def test_no_section(text: str) -> None:
    assert _bounds(text) is None


@pytest.mark.parametrize(
    "text",
    ["(" * 2_000_000, "10^10^10 " * 200_000, "1" * 3_000_000, "References\n" + "[1] " * 500_000,
     "参考资料:\n" + ("2020, 1(1): 1-2. " * 100_000)],
    ids=["parens", "powers", "digits", "labels", "tails"],
)
def test_adversarial_input_is_searched_with_linear_work(text: str) -> None:
    _bounds(text)
    heading = text[: text.index("\n") + 1] if "\n" in text[:20] else ""
    unit = text[len(heading) : len(heading) + 20]
    assert_linear_work(lambda n: lambda: _bounds(heading + unit * n), 1_000)


def test_heading_far_from_any_entry_is_not_a_section() -> None:
    text = ("References\nOne paragraph.\nAnother paragraph.\nA third.\n"
            "[1] Smith J. T. Lancet. 2019;1(1):1-2.\n")
    assert _bounds(text) is None


def test_short_note_under_heading_is_skipped() -> None:
    text = "正文。\n参考文献\n(按引用顺序排列)\n[1] Smith J. T. Lancet. 2019;1(1):1-2.\n"
    section = locate_reference_section(text)
    assert section is not None and text[: section.end].endswith("1-2.")


def test_overlong_line_is_not_an_entry() -> None:
    text = "References\n[1] " + "a" * 30_000 + " 2020;1(1):1-2.\n"
    assert _bounds(text) is None


@pytest.mark.parametrize(
    "footer",
    ["版权声明:本站所有文字版权归本站所有。", "【免责声明】本文仅供参考。", "免責說明:本文僅用于科普。",
     "郑重声明:转载请注明出处。", "扫码关注公众号,获取更多资讯", "掃碼關注我們", "相关阅读 干细胞能治疗什么?",
     "« 上一篇 2025年4月29日",
     "下一篇:干细胞的来源有哪些?", "来源:某某生物公司", "作者简介:张三,2010年毕业于某大学。",
     "About the author: J. Smith, PhD, joined in 2010, 5 years after graduating.",
     "Copyright 2024 Example Media, 12 Main St.", "© 2024 Example Media. All rights reserved.",
     "Share this article on 2024, 3 platforms"],
)
def test_footer_ends_the_list(footer: str) -> None:
    entry = "[1] Smith J, Lee K. A trial. Lancet. 2019;1(1):1-2."
    text = f"Body.\nReferences\n{entry}\n{footer}\n"
    assert _bounds(text) == (text.index("References"), text.index(entry) + len(entry))


@pytest.mark.parametrize(
    "entry",
    ["[2] 王明,李华.间充质干细胞来源:脐带还是骨髓[J].某医学杂志,2020,40(5):1-5.",
     "[2] 张三.值得关注的干细胞研究进展[J].某学报,2019,12(3):10-15.",
     "[2] Next J, Previous K. Tags and labels in cells. Cell. 2020;180(1):1-10."],
)
def test_title_words_are_not_footers(entry: str) -> None:
    text = f"Body.\nReferences\n[1] Smith J, Lee K. A trial. Lancet. 2019;1(1):1-2.\n{entry}\n"
    assert _bounds(text) == (text.index("References"), len(text) - 1)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("([1.;,。 )]年\n参考资料:References2019版权声明 JK")),
               max_size=400))
def test_section_bounds_are_inside_the_text(text: str) -> None:
    found = locate_reference_section(text)
    if found is not None:
        assert 0 <= found.start <= found.body_start <= found.end <= len(text)


def test_numbered_list_in_the_middle_of_an_article_is_not_a_reference_section() -> None:
    text = (
        "Intro.\n"
        "1. Smith J, Lee K. A trial. N Engl J Med. 2019;380(3):211-20.\n"
        "2. Brown A. Another trial. Lancet. 2020;395(1):10-19.\n"
        "After these studies the field moved on to larger cohorts and longer follow-up.\n"
        "Short footer\n"
    )
    assert _bounds(text) is None


def test_trailing_list_before_a_short_footer() -> None:
    text = (
        "Body paragraph of the article, long enough to be a paragraph and not a footer line at all.\n"
        "1. Smith J, Lee K. A trial. N Engl J Med. 2019;380(3):211-20.\n"
        "2. Brown A. Another trial. Lancet. 2020;395(1):10-19.\n"
        "Example Media Ltd\n"
        "Product AC-1001027\n"
    )
    section = locate_reference_section(text)
    assert section is not None and text[section.start:].startswith("1. Smith")
