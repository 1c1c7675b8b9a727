"""What rich-text markup means for claims: superscript runs and ordered-list numbers survive reading."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from auditor.claims.extract import extract_claims
from auditor.references.parse import parse_reference_list

from auditor.reading import read_document
from auditor.reading_html import html_text


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<p>Cells migrate<sup>1</sup>.</p>", "Cells migrate¹.\n"),
        ("<p>Cells migrate<sup>1,3-5</sup>.</p>", "Cells migrate¹,³⁻⁵.\n"),
        ("<p>Cells migrate<sup>2–4</sup>.</p>", "Cells migrate²⁻⁴.\n"),
        ("<p>Cells migrate<sup>[6]</sup>.</p>", "Cells migrate[6].\n"),
        ("<p>1.5×10<sup>6</sup> cells/kg</p>", "1.5×10⁶ cells/kg\n"),
        ("<p>Nature<sup>®</sup> and H<sub>2</sub>O</p>", "Nature® and H2O\n"),
    ],
)
def test_html_superscripts_become_unicode_superscripts(markup: str, text: str) -> None:
    assert html_text(markup) == text


def test_html_superscript_citation_is_a_numbered_citation(tmp_path: Path) -> None:
    page = tmp_path / "a.html"
    page.write_text("<p>干细胞可以穿越血脑屏障<sup>2</sup>。</p><p>Later work<sup>3-4</sup>.</p>", "utf-8")
    claims = extract_claims(read_document(page))
    assert [(c.text, c.normalized["numbers"]) for c in claims] == [("²", [2]), ("³⁻⁴", [3, 4])]


@pytest.mark.parametrize(
    ("markup", "labels"),
    [
        ("<ol><li>A</li><li>B</li></ol>", ["1. A", "2. B"]),
        ('<ol start="7"><li>A</li><li>B</li></ol>', ["7. A", "8. B"]),
        ('<ol><li>A</li><li value="5">B</li><li>C</li></ol>', ["1. A", "5. B", "6. C"]),
        ("<ul><li>A</li><li>B</li></ul>", ["A", "B"]),
        ('<ol start="x"><li>A</li></ol>', ["1. A"]),
    ],
)
def test_ordered_list_items_keep_their_numbers(markup: str, labels: list[str]) -> None:
    assert html_text(markup).rstrip("\n").split("\n\n") == labels  # one block per item


def test_html_ordered_reference_list_is_numbered(tmp_path: Path) -> None:
    entries = [
        "Takahashi K, Yamanaka S. Induction of pluripotent stem cells from mouse embryonic and adult "
        "fibroblast cultures by defined factors. Cell. 2006;126(4):663-676.",
        "Obokata H, Wakayama T, Sasai Y, et al. Stimulus-triggered fate conversion of somatic cells into "
        "pluripotency. Nature. 2014;505(7485):641-647.",
    ]
    items = "".join(f"<li>{e}</li>" for e in entries)
    page = tmp_path / "a.html"
    page.write_text(f'<p>Reprogramming<sup>11</sup> was later disputed<sup>12</sup>.</p><h2>References</h2>'
                    f'<ol start="11">{items}</ol>', "utf-8")
    refs = parse_reference_list(read_document(page))
    assert [r.label for r in refs] == ["11", "12"]


def test_docx_superscript_runs_become_unicode_superscripts(tmp_path: Path) -> None:
    made = docx.Document()
    paragraph = made.add_paragraph("Cells cross the barrier")
    paragraph.add_run("1,2").font.superscript = True
    paragraph.add_run(" in 1.5×10")
    paragraph.add_run("6").font.superscript = True
    paragraph.add_run(" doses; see note")
    paragraph.add_run("a").font.superscript = True
    made.add_paragraph("Plain paragraph (3).")
    path = tmp_path / "a.docx"
    made.save(str(path))
    document = read_document(path)
    assert document.text == "Cells cross the barrier¹,² in 1.5×10⁶ doses; see notea\n\nPlain paragraph (3).\n"
    cited = [c.normalized["numbers"] for c in extract_claims(document) if c.kind.value == "numbered_citation"]
    assert cited == [[1, 2], [3]]
