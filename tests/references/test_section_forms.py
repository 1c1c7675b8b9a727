"""Reference-list headings and entry labels in every common form (zh-Hans, zh-Hant, en)."""

from __future__ import annotations

import pytest
from auditor.claims.models import Document
from auditor.references.parse import parse_reference_list
from auditor.references.section import LABEL, label_of, locate_reference_section

ENTRIES = [
    "Takahashi K, Yamanaka S. Induction of pluripotent stem cells from mouse embryonic and adult "
    "fibroblast cultures by defined factors. Cell. 2006;126(4):663-676.",
    "Obokata H, Wakayama T, Sasai Y, et al. Stimulus-triggered fate conversion of somatic cells into "
    "pluripotency. Nature. 2014;505(7485):641-647.",
]
BODY = "Reprogramming was reported first (1) and disputed later (2).\n\n"


@pytest.mark.parametrize(
    "heading",
    [
        "参考文献",
        "參考文獻",
        "References",
        "## References",
        "Bibliography",
        "Literature cited",
        "文献",
        "註釋",
        "Notes",
        "五、参考文献",
        "**參考資料：**",
        "Reference list",
    ],
)
def test_headings(heading: str) -> None:
    text = BODY + heading + "\n\n" + "\n".join(f"[{n}] {e}" for n, e in enumerate(ENTRIES, 1)) + "\n"
    section = locate_reference_section(text)
    assert section is not None and text[section.start :].startswith(heading.strip())


@pytest.mark.parametrize(
    ("template", "labels"),
    [
        ("[{n}] {e}", ["1", "2"]),
        ("[{n}]: {e}", ["1", "2"]),
        ("({n}) {e}", ["1", "2"]),
        ("{n}. {e}", ["1", "2"]),
        ("{sup} {e}", ["1", "2"]),
        ("{e}", [None, None]),
    ],
)
def test_entry_labels(template: str, labels: list[str | None]) -> None:
    sups = "¹²"
    lines = [template.format(n=n, e=e, sup=sups[n - 1]) for n, e in enumerate(ENTRIES, 1)]
    text = BODY + "References\n\n" + "\n\n".join(lines) + "\n"
    refs = parse_reference_list(Document.from_text(text))
    assert [r.label for r in refs] == labels
    assert all(r.text.endswith("647.") or r.text.endswith("676.") for r in refs)


@pytest.mark.parametrize(
    ("raw", "label"), [("[12] X", "12"), ("¹² X", "12"), ("（3）X", "3"), ("3.5 mg", None)]
)
def test_label_of(raw: str, label: str | None) -> None:
    assert label_of(LABEL.match(raw)) == label


def test_group_titles_inside_a_numbered_list_are_not_entries() -> None:
    text = BODY + "参考文献\n经典文献\n1. " + ENTRIES[0] + "\n近期进展\n2. " + ENTRIES[1] + "\n"
    refs = parse_reference_list(Document.from_text(text))
    assert [r.label for r in refs] == ["1", "2"]
