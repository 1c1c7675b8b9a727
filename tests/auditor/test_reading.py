"""read_document: formats, encodings, sniffing and one-line errors."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from auditor.claims.models import Language
from auditor.claims.text import sentence_bounds
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor import input_files, reading_docx
from auditor.decoding import decode_text
from auditor.reading import InputError, read_document
from auditor.reading_html import html_text, walk_html

HANS = "研究显示，在纳入120例患者的试验中，有效率为85%（102/120）。"
HANT = "研究顯示，在納入120例患者的試驗中，有效率為85%（102/120）。"


def zip_of(files: dict[str, str]) -> bytes:
    """A zip archive holding `files` (a .docx is a zip with particular parts)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


EN = "In a trial of 120 patients, 85% (102/120) responded [1].\n"


@pytest.mark.parametrize(
    ("text", "encoding", "language"),
    [
        (HANS, "utf-8", Language.ZH_HANS),
        (HANS, "gb18030", Language.ZH_HANS),
        (HANT, "big5", Language.ZH_HANT),
        (HANT, "utf-8", Language.ZH_HANT),
        (EN, "utf-8", Language.EN),
        ("短文本说明", "gb18030", Language.ZH_HANS),
    ],
)
def test_text_files_decode_to_the_original(
    tmp_path: Path, text: str, encoding: str, language: Language
) -> None:
    path = tmp_path / "article.txt"
    raw = text.encode(encoding)
    path.write_bytes(raw)
    document = read_document(path)
    assert document.text == text
    assert document.encoding == encoding
    assert document.language is language
    assert document.sha256 == hashlib.sha256(raw).hexdigest()


def test_text_is_kept_exactly_as_decoded(tmp_path: Path) -> None:
    text = "  Line one (1).\r\nLine two\t[2]\r\n\r\n"
    path = tmp_path / "a.md"
    path.write_bytes(text.encode("utf-8"))
    assert read_document(path).text == text


def test_utf8_bom_is_removed_but_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + HANS.encode("utf-8"))
    assert read_document(path).text == HANS


def test_html_drops_page_chrome_and_keeps_blocks(tmp_path: Path) -> None:
    markup = (
        "<html><head><title>T</title><style>p{}</style></head><body>"
        "<nav>Home | About</nav><header>Site header</header><h1>A study</h1>"
        "<p>Of 57 of 71 patients (80%) <b>improved</b> [1].</p><script>var x = 1;</script>"
        "<aside>Ads</aside><ul><li>first</li><li>second</li></ul><footer>© site</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(markup, encoding="utf-8")
    document = read_document(path)
    assert document.text == "A study\n\nOf 57 of 71 patients (80%) improved [1].\n\nfirst\n\nsecond\n"
    assert document.media_type == "text/html"
    for dropped in ("Home", "Site header", "var x", "Ads", "© site"):
        assert dropped not in document.text


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    made = docx.Document()
    made.add_paragraph("研究纳入120例患者（1）。")
    table = made.add_table(rows=2, cols=2)
    for (r, c), value in {(0, 0): "组别", (0, 1): "例数", (1, 0): "治疗组", (1, 1): "60"}.items():
        table.cell(r, c).text = value
    made.add_paragraph("参考文献")
    path = tmp_path / "article.docx"
    made.save(path)
    document = read_document(path)
    assert document.text == "研究纳入120例患者（1）。\n\n组别\t例数\n\n治疗组\t60\n\n参考文献\n"
    assert document.language is Language.ZH_HANS


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "page.data",
            b"<!DOCTYPE html><html><body><p>Hello [1]</p><script>x</script></body></html>",
            "Hello [1]\n",
        ),
        ("notes.data", b"Plain text (1).", "Plain text (1)."),
    ],
)
def test_unknown_suffix_is_sniffed(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert read_document(path).text == expected


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("corrupt.docx", b"PK\x03\x04 not really a zip", "docx"),
        ("plain.docx", b"just text", "docx"),
        ("other.docx", zip_of({"hello.txt": "hi"}), "docx"),
        ("broken.docx", zip_of({"[Content_Types].xml": "<bad"}), "docx"),
        ("empty.html", b"<html><body><script>only()</script></body></html>", "no text"),
    ],
)
def test_bad_inputs_raise_one_line_input_errors(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert message in str(info.value)
    assert "\n" not in str(info.value)
    assert name in str(info.value)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        read_document(tmp_path)


def test_undecodable_bytes_are_rejected_or_decoded_never_crash() -> None:
    text, encoding = decode_text("café au lait".encode("cp1252"))
    assert "caf" in text and encoding


def test_large_adversarial_html_is_read() -> None:
    markup = "<p>" + "((((" * 250_000 + "</p>" + "<div>" * 2000 + "10^10^10" * 10_000
    text = html_text(markup)
    assert text.startswith("((((") and text.rstrip().endswith("10^10^10")


def _nested_divs(depth: int) -> str:
    return "<html><body>" + "<div>x " * depth + "</div>" * depth + "</body></html>"


def test_deeply_nested_html_keeps_every_block_on_its_own_line() -> None:
    text = html_text(_nested_divs(50_000))
    assert text.count("x") == 50_000
    assert text == "x\n\n" * 49_999 + "x\n"  # one block each, blank lines between


def _visits(depth: int) -> int:
    return sum(1 for _ in walk_html(BeautifulSoup(_nested_divs(depth), "html.parser")))


def test_deeply_nested_html_is_walked_once_per_node() -> None:
    # work counted, not timed: each <div> is visited once and closed once (2 visits), plus the
    # text nodes; re-walking the nested descendants (as html_text once did) is quadratic
    small, large = _visits(12_500), _visits(50_000)
    assert large - small == 3 * (50_000 - 12_500)
    assert large <= 4 * small + 10


def test_html_table_cells_are_separate_blocks(tmp_path: Path) -> None:
    path = tmp_path / "t.htm"
    markup = "<table><tr><th>組別</th><th>例數</th></tr><tr><td>治療組</td><td>60</td></tr></table>"
    path.write_text(markup, encoding="big5")
    assert read_document(path).text == "組別\n\n例數\n\n治療組\n\n60\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".html", ".docx", ".bin"]))
def test_any_bytes_give_a_document_or_an_input_error(tmp_path: Path, raw: bytes, suffix: str) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(raw)
    try:
        document = read_document(path)
    except InputError as exc:
        assert "\n" not in str(exc)
    else:
        assert document.text.strip()
        assert document.sha256 == hashlib.sha256(raw).hexdigest()


# --- encodings beyond UTF-8 / GB18030 / Big5 -------------------------------------------------

LATIN_EN = "Müller and Groß (2019) found that 45% of 120 patients improved [1]. “Café” – a note.\n"
JAPANESE = "幹細胞治療の臨床試験では、患者の45%が改善したと報告されている。\n"


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        (LATIN_EN, "cp1252", "cp1252"),
        ("Dr. Jürgen Groß and Søren Berg reported 12/30 in 1999.\n", "latin-1", "cp1252"),
        (JAPANESE, "shift_jis", "cp932"),
        ("The study by 王伟 (Wang Wei) in Beijing reported 45% recovery.\n", "gb18030", "gb18030"),
    ],
)
def test_legacy_encodings_are_detected_and_named(
    tmp_path: Path, text: str, encoding: str, expected: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(encoding))
    document = read_document(path)
    assert document.text == text
    assert document.encoding == expected


def test_cp1252_article_gives_no_false_missing_reference(tmp_path: Path) -> None:
    from auditor.pipeline import AuditOptions, audit_paths

    body = "Müller et al. reported that 45% of patients improved [1].\n\nReferences\n"
    entry = "1. Müller K, Groß T. Stem cells after stroke. Nature. 2019;570:1-10.\n"
    path = tmp_path / "cp1252.txt"
    path.write_bytes((body + entry).encode("cp1252"))
    report = audit_paths([path], AuditOptions(offline=True), None)
    document = report.documents[0]
    assert document.encoding == "cp1252"
    assert [f.code for f in document.findings if f.code == "R101"] == []
    assert "Müller" in document.references[0].text


def test_undetectable_bytes_are_an_error_not_nonsense(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 4)
    with pytest.raises(InputError, match="cannot detect its encoding"):
        read_document(path)


# --- names and file types ---------------------------------------------------------------------


def test_non_utf8_file_name_is_read_and_shown_escaped(tmp_path: Path) -> None:
    raw_name = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(raw_name, "wb") as handle:
        handle.write(EN.encode("utf-8"))
    document = read_document(Path(os.fsdecode(raw_name)))
    assert document.path.endswith("caf\\xe9.txt")
    document.model_dump_json()  # the name can be written to JSON


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file \\(a FIFO\\)"):
        read_document(fifo)


def test_device_is_refused() -> None:
    with pytest.raises(InputError, match="not a regular file \\(a device\\)"):
        read_document(Path("/dev/zero"))


# --- limits -----------------------------------------------------------------------------------


def test_file_over_the_size_limit_is_refused_from_stat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(input_files, "MAX_FILE_BYTES", 1_000)
    path = tmp_path / "big.txt"
    with open(path, "wb") as handle:  # sparse: 5 GB on paper, nothing on disk
        handle.truncate(5 * 1024**3)
    opened: list[object] = []
    monkeypatch.setattr("builtins.open", lambda *a, **k: opened.append(a) or io.BytesIO(b""))
    with pytest.raises(InputError, match="5,120.0 MB is larger than the limit of 1,000 bytes"):
        read_document(path)
    assert opened == []  # refused from stat, never opened


def test_file_that_grows_past_the_limit_is_refused_by_a_bounded_read(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(EN * 10, encoding="utf-8")
    with pytest.raises(InputError, match="larger than the limit"):
        input_files.read_input_bytes(path, limit=len(EN))


def test_text_over_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(input_files, "MAX_TEXT_CHARS", 100)
    path = tmp_path / "long.txt"
    path.write_text(EN * 5, encoding="utf-8")
    with pytest.raises(InputError, match="characters of text is more than the limit of 100"):
        read_document(path)


def _docx_bomb(size: int) -> bytes:
    """A .docx whose document.xml expands to `size` bytes (compresses to almost nothing)."""
    body = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    filler = " " * (size - len(body) - 30)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", body + filler + "</w:body></w:document>")
    return buffer.getvalue()


def test_docx_bomb_is_refused_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(_docx_bomb(60 * 1024 * 1024))
    assert path.stat().st_size < 200_000
    parsed: list[object] = []
    monkeypatch.setattr(reading_docx.docx, "Document", lambda *a: parsed.append(a))
    with pytest.raises(InputError, match=r"bomb\.docx: \.docx expands to 60\.0 MB of XML \(limit 48\.0 MB\)"):
        read_document(path)
    assert parsed == []  # the XML was never handed to the parser


def test_docx_with_too_many_parts_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(input_files, "MAX_DOCX_PARTS", 3)
    path = tmp_path / "parts.docx"
    path.write_bytes(zip_of({f"word/media/{i}.png": "x" for i in range(5)}))
    with pytest.raises(InputError, match="5 parts"):
        read_document(path)


def test_html_line_ends_in_the_markup_are_spaces_and_blocks_stay_apart(tmp_path: Path) -> None:
    path = tmp_path / "wrapped.html"
    path.write_text(
        "<p>Nine of eleven adolescents, 9 of 11\n(81%), returned\r\nto school.</p>"
        "<p>Line one<br>line two</p><h2>Results</h2><p>Next.</p>",
        encoding="utf-8",
    )
    text = read_document(path).text
    first = "Nine of eleven adolescents, 9 of 11 (81%), returned to school."
    assert text == f"{first}\n\nLine one\nline two\n\nResults\n\nNext.\n"
    sentences = [text[a:b].strip() for a, b in sentence_bounds(text)]
    assert sentences == [first, "Line one", "line two", "Results", "Next."]


def test_reading_plain_text_loads_neither_html_nor_docx_parser() -> None:
    code = (
        "import sys; import auditor.cli, auditor.pipeline, auditor.reading; "
        "print(sorted(m for m in ('bs4', 'docx') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
