"""Loading --references files: BibTeX, RIS, CSL-JSON, format sniffing and one-line errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from auditor.references.bibfiles import ReferenceFileError, load_references

from tests.conftest import FIXTURES

BIB = FIXTURES / "bib"


def test_bibtex() -> None:
    refs = load_references(BIB / "sample.bib")
    assert [(r.id, r.label) for r in refs] == [("r1", "Smith2019"), ("r2", "who2020")]
    first, second = refs[0].parsed, refs[1].parsed
    expected_authors = [("Smith", "John"), ("Lee", "K."), ("Müller", "Anna")]
    assert [(a.family, a.given) for a in first.authors] == expected_authors
    assert (first.year, first.title, first.volume, first.issue, first.pages) == (
        2019, "A Randomised Trial of Stem Cells", "380", "3", "211-220")
    assert (first.doi, first.pmid) == ("10.1056/nejmoa1900001", "30100001")
    assert second.authors[0].collective and second.authors[0].family == "World Health Organization"
    assert [(a.family, a.given) for a in second.authors[1:]] == [("Doe", "Jane")]  # "and others" dropped
    assert (second.year, second.journal, second.pmid, second.pmcid) == (
        2020, "Bulletin of the WHO", "30100002", "PMC7000001")
    assert refs[0].origin == str(BIB / "sample.bib") and refs[0].span is None
    assert "Smith John" in refs[0].text and "(2019)" in refs[0].text


def test_ris() -> None:
    refs = load_references(BIB / "sample.ris")
    assert [r.label for r in refs] == ["Kim2012", "Honda2025"]
    kim, honda = refs[0].parsed, refs[1].parsed
    assert [(a.family, a.given) for a in kim.authors] == [("Kim", "Seong"), ("Chang", "Keun-A")]
    assert (kim.year, kim.journal, kim.volume, kim.issue, kim.pages) == (2012, "PLoS ONE", "7", "9", "e45001")
    assert (kim.doi, kim.pmid) == ("10.1371/journal.pone.0045001", "23000001")
    assert (honda.title, honda.journal, honda.pages, honda.doi) == (
        "Delivery of cells for brain disease", "Int J Mol Sci", "7001-7010", "10.3390/ijms26007001")
    assert honda.pmid is None  # a Web of Science accession number is not a PMID


def test_csl_json() -> None:
    refs = load_references(BIB / "sample.json")
    assert [r.label for r in refs] == ["trounson2009", "nodate"]
    trent, undated = refs[0].parsed, refs[1].parsed
    assert trent.authors[1].collective and trent.authors[1].family == "Stem Cell Consortium"
    assert (trent.year, trent.journal, trent.pages, trent.pmid, trent.pmcid) == (
        2009, "BMC Medicine", "29-31", "19500001", "PMC2700001")
    assert (undated.year, undated.pmid, undated.authors[0].family) == (None, "31000001", "Macêdo")


@pytest.mark.parametrize(("source", "suffix"), [("sample.bib", ".txt"), ("sample.ris", ".refs"),
                                                ("sample.json", "")])
def test_format_is_sniffed_when_extension_is_unknown(source: str, suffix: str, tmp_path: Path) -> None:
    target = tmp_path / f"library{suffix}"
    shutil.copy(BIB / source, target)
    assert len(load_references(target)) == 2


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.bib", "% nothing here\n", "no references"),
        ("broken.bib", "@article{ok, title={A}}\n@article{bad, title={unclosed\n", "unparsable BibTeX"),
        ("broken.json", "[{\"id\": 1,", "unparsable JSON"),
        ("wrong.json", "{\"items\": 3}", "not CSL-JSON"),
        ("empty.json", "[]", "no references"),
        ("empty.ris", "", "no references"),
        ("notes.txt", "just some notes\n", "unknown references format"),
    ],
)
def test_errors_are_one_line(name: str, content: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ReferenceFileError) as info:
        load_references(path)
    assert message in str(info.value) and "\n" not in str(info.value) and name in str(info.value)


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(ReferenceFileError, match="cannot read"):
        load_references(tmp_path / "missing.bib")
    binary = tmp_path / "binary.bib"
    binary.write_bytes(b"\xff\xfe\x00\x81 not utf-8")
    with pytest.raises(ReferenceFileError, match="cannot read"):
        load_references(binary)


def test_reference_file_error_is_a_value_error() -> None:
    assert issubclass(ReferenceFileError, ValueError)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # pylatexenc's own \href spec raised IndexError and crashed the whole audit
        (r"The \href{https://www.cosmos.esa.int/gaia}{Gaia} mission", "The Gaia mission"),
        (
            r"{\"U}ber die \emph{Quantenmechanik} der Sto{\ss}vorg{\"a}nge",
            "Über die Quantenmechanik der Stoßvorgänge",
        ),
        (r"The $\alpha$-helix \textit{in vivo}", "The α-helix in vivo"),
        (r"See \url{https://example.org/a} here", "See https://example.org/a here"),
        # a literal % starts a LaTeX comment: decoding fails, the fallback keeps the words
        (r"\href{https://example.org/a%20b}{Linked} title", "https://example.org/a%20b Linked title"),
    ],
)
def test_latex_titles_are_decoded_without_crashing(title: str, expected: str, tmp_path: Path) -> None:
    path = tmp_path / "latex.bib"
    path.write_text(
        "@article{born1926,\n  title = {" + title + "},\n  author = {Born, Max},\n"
        "  journal = {Zeitschrift f{\\\"u}r Physik},\n  year = {1926},\n}\n",
        encoding="utf-8",
    )
    (reference,) = load_references(path)
    assert reference.parsed.title == expected
    assert reference.parsed.journal == "Zeitschrift für Physik"
