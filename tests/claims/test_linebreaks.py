"""claims.linebreaks: which newlines are soft wraps; the splitter and extractors across them."""

from __future__ import annotations

import pytest
from auditor.claims.extract import extract_candidates
from auditor.claims.linebreaks import soft_breaks, unwrap
from auditor.claims.models import ClaimKind
from auditor.claims.text import next_sentence, previous_sentence, sentence_bounds, unwrapped_slice

_LINE = "The second trial enrolled older patients with longer disease and"  # 65 columns, no stop
_ZH = "第二项试验纳入了病程更长的老年患者，随访时间也更长，其中"  # 28 characters, 56 columns


def _sentences(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in sentence_bounds(text)]


@pytest.mark.parametrize(
    "lower",
    [
        "11 were lost to follow-up.",
        "(81%) finished it.",
        "al.^2^ reported it.",
        "more frequent visits.",
    ],
)
def test_a_wrapped_line_goes_on(lower: str) -> None:
    text = f"{_LINE}\n{lower} Next."
    assert _sentences(text) == [f"{_LINE}\n{lower}", "Next."]
    assert len(soft_breaks(text)) == 1


@pytest.mark.parametrize(
    ("upper", "lower"),
    [
        (_LINE, ""),  # blank line
        (_LINE, "# Results"),
        (_LINE, "- a list item that goes on"),
        (_LINE, "* a list item that goes on"),
        (_LINE, "1. a numbered item"),
        (_LINE, "(1) a numbered item"),
        (_LINE, "[1] Smith J. A reference entry"),
        (_LINE, "| a | table |"),
        (_LINE, "a\ttable\trow"),
        (_LINE, "Smith, J. (2020). A reference entry."),
        (_LINE, "Smith JA, Lee K. A reference entry."),
        ("# A heading that is long enough to be a wrapped line of", "text"),
        ("| a | table row that is long enough to be a wrapped line |", "text"),
        ("A line that ends a sentence and is long enough to wrap.", "text"),
        ("A line that ends a sentence with a citation at its end.^3^", "text"),
        ("A line that ends a sentence with a citation at its end.³", "text"),
        ("一行以句号结束的中文文字，长度也足够作为换行的一行文字。[3]", "下一段"),
        ("Results", "the text"),  # too short to be a wrapped line: a heading
        ("A title of moderate length that is no wrapped line", _LINE + " and a bit more"),
        ("一、从实验室到临床的二十年：诱导多能干细胞的历史回顾", "下一段"),
    ],
)
def test_a_line_end_that_stays_a_boundary(upper: str, lower: str) -> None:
    text = f"{upper}\n{lower}"
    assert soft_breaks(text) == []
    assert len(sentence_bounds(text)) >= (2 if lower else 1)


def test_a_wrapped_line_after_a_list_item_goes_on() -> None:
    text = f"- {_LINE}\n  more frequent visits.\n- second item"
    assert _sentences(text) == [f"- {_LINE}\n  more frequent visits.", "- second item"]


def test_windows_line_ends_and_indentation_are_part_of_the_break() -> None:
    text = f"{_LINE}  \r\n    11 were lost."
    (start, end), = soft_breaks(text)
    assert text[start:end] == "  \r\n    "
    assert unwrap(text).text == f"{_LINE} 11 were lost."


def test_unwrap_joins_cjk_without_a_space_and_maps_offsets_back() -> None:
    text = f"前文。{_ZH}\n8名中有7名（87%）。"
    joined = unwrap(text)
    assert joined.text == f"前文。{_ZH}8名中有7名（87%）。"
    start = joined.text.index("7名")
    assert joined.original_span(start, start + 2) == (text.index("7名"), text.index("7名") + 2)
    start = joined.text.index(_ZH[-2:])
    assert text[slice(*joined.original_span(start, start + 3))] == _ZH[-2:] + "\n8"


def test_claims_across_a_soft_wrap_keep_their_original_spans() -> None:
    text = f"{_LINE} fell from 3.9\nto 0.3 per year, a 82% reduction, by 9 of 11\n(81%)."
    found = {(c.kind, text[c.start : c.end]) for c in extract_candidates(text)}
    assert {(ClaimKind.FRACTION, "9 of 11"), (ClaimKind.PERCENTAGE, "81%")} <= found
    changes = [c.normalized for c in extract_candidates(text) if c.kind is ClaimKind.RELATIVE_CHANGE]
    assert [(c["change"], c["base"], c["new"]) for c in changes] == [(-82.0, 3.9, 0.3)]


def test_a_soft_wrap_inside_a_claim_stays_in_its_span() -> None:
    text = f"{_ZH}8名中有7名\n（87%）。"
    percent = [c for c in extract_candidates(text) if c.kind is ClaimKind.PERCENTAGE]
    assert [text[c.start : c.end] for c in percent] == ["87%"]


def test_next_and_previous_sentence_stop_at_a_paragraph_break() -> None:
    text = f"First one. {_LINE}\nmore visits. Third.\n\nFourth."
    first, second, third, fourth = sentence_bounds(text)
    assert next_sentence(text, first[1]) == second
    assert previous_sentence(text, second[0]) == first
    assert next_sentence(text, second[1]) == third
    assert next_sentence(text, third[1]) is None
    assert previous_sentence(text, fourth[0]) is None


def test_every_line_of_a_wrapped_block_is_joined() -> None:
    text = ("x" * 50 + "\n") * 20_000
    assert len(soft_breaks(text)) == 20_000 - 1


def test_unwrapped_slice_reads_soft_breaks_as_the_extractors_do() -> None:
    text = f"{_LINE} 9 of 11\n(81%) finished.\n\n{_ZH}\n8名。"
    assert unwrapped_slice(text, text.index("11"), text.index("81")) == "11 ("
    assert unwrapped_slice(text, text.index("finished"), text.index(_ZH)) == "finished.\n\n"
    assert unwrapped_slice(text, text.index("其中"), len(text)) == "其中8名。"
    assert unwrapped_slice(text, 0, 5) == text[:5]
