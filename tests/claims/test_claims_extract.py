"""extract_claims: ids, ordering, spans, body_end, and robustness on arbitrary text."""

from __future__ import annotations

from auditor.claims.extract import extract_claims
from auditor.claims.models import ClaimKind, Document
from hypothesis import given, settings
from hypothesis import strategies as st

ARTICLE = (
    "2021年,英国牛津大学的研究团队在《Cell Stem Cell》发表研究。\n"
    "Park等人的研究纳入64例患者,其中41例(64%)好转(p<0.05)[3]。\n"
    "試驗註冊號NCT01234567,劑量2.6×10?顆粒。\n"
    "Parenthetical (Jones & Patel, 2018) and 41 of 60 responders.\n"
    "参考文献\n"
    "[1] Park J. Title. 2019. doi:10.1000/abc\n"
)


def _claims(text: str = ARTICLE, body_end: int | None = None) -> list:
    return extract_claims(Document.from_text(text), body_end=body_end)


def test_ids_are_sequential_and_claims_sorted_by_start() -> None:
    claims = _claims()
    assert [c.id for c in claims] == [f"c{n}" for n in range(1, len(claims) + 1)]
    starts = [c.span.start for c in claims]
    assert starts == sorted(starts)


def test_every_span_slices_the_original_text_and_has_line_and_column() -> None:
    for claim in _claims():
        assert claim.text == ARTICLE[claim.span.start : claim.span.end]
        line_start = ARTICLE.rfind("\n", 0, claim.span.start) + 1
        assert claim.span.line == ARTICLE.count("\n", 0, claim.span.start) + 1
        assert claim.span.column == claim.span.start - line_start + 1


def test_all_families_found_in_a_mixed_article() -> None:
    kinds = {c.kind for c in _claims()}
    expected = {
        ClaimKind.NAMED_STUDY,
        ClaimKind.JOURNAL_MENTION,
        ClaimKind.AUTHOR_CITATION,
        ClaimKind.COUNT,
        ClaimKind.PERCENTAGE,
        ClaimKind.STATISTIC,
        ClaimKind.NUMBERED_CITATION,
        ClaimKind.TRIAL_ID,
        ClaimKind.QUANTITY,
        ClaimKind.FRACTION,
        ClaimKind.DOI,
    }
    assert expected <= kinds


def test_body_end_stops_extraction_at_the_reference_list() -> None:
    body_end = ARTICLE.index("参考文献")
    claims = _claims(body_end=body_end)
    assert all(c.span.end <= body_end for c in claims)
    assert ClaimKind.DOI not in {c.kind for c in claims}
    assert [c.text for c in claims if c.kind is ClaimKind.NUMBERED_CITATION] == ["[3]"]


def test_body_end_zero_and_empty_text_give_no_claims() -> None:
    assert _claims(body_end=0) == []
    assert _claims("") == []


def test_full_width_text_is_matched_but_quoted_as_written() -> None:
    text = "有效率为８２％（ｐ＝０．０３）"
    claims = _claims(text)
    assert [(c.kind, c.text) for c in claims] == [
        (ClaimKind.PERCENTAGE, "８２％"),
        (ClaimKind.STATISTIC, "ｐ＝０．０３"),
    ]
    assert claims[1].normalized["value"] == 0.03


_ALPHABET = st.sampled_from(
    list("0123456789()[]%‰.,;:/-×x^?？ \n年例篇万等人的研究《》大学pPnN=<±⁰¹²³⁶⁸KimetalNCTdoi10.")
    + ["等人", "Kim", " et al.", "10^", "×10⁶", "NCT", "ChiCTR", "https://", "doi:10.", "PMID:", "提高", "从"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_extraction_never_raises_and_spans_slice(text: str) -> None:
    claims = _claims(text)
    for claim in claims:
        assert claim.text == text[claim.span.start : claim.span.end]
        assert claim.span.start < claim.span.end


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_extraction_on_any_unicode(text: str) -> None:
    for claim in _claims(text):
        assert claim.text == text[claim.span.start : claim.span.end]
