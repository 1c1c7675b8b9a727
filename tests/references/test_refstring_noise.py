"""The noise regex built from the alternatives that can match finds what the whole one finds."""

from __future__ import annotations

import json

import pytest
from auditor.references.refstring.noise import _ALTERNATIVES, _pattern, noise_spans

from tests.conftest import SHARED

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


@pytest.mark.skipif(not (SHARED / "refparse" / "dev.jsonl").is_file(), reason="../shared/refparse is absent")
def test_dev_strings_same_spans() -> None:
    lines = (SHARED / "refparse" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    strings = [json.loads(line)["string"] for line in lines if line]
    assert [noise_spans(s) for s in strings] == [[m.span() for m in WHOLE.finditer(s)] for s in strings]
