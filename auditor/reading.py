"""Read an input file (.txt, .md, .html, .docx) into a `Document`.

Spans index `Document.text`. For plain text that is the decoded file exactly as it is (no newline
normalisation, nothing stripped). For HTML it is the visible text BeautifulSoup extracts (scripts,
styles and page chrome dropped, white space collapsed as a browser does, a `<br>` a newline, block
elements separated by a blank line); for .docx the paragraphs and table rows (cells joined by tabs),
separated by a blank line. A blank line is a paragraph break for the sentence splitter
(`claims.text`), so a block or a .docx paragraph never runs into the next one, while a newline
inside a paragraph may be a soft wrap. `sha256` is always the digest of the raw bytes of the file.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
from bs4 import BeautifulSoup, CData, NavigableString, PageElement, Tag
from docx.document import Document as DocxDocument
from docx.opc.exceptions import OpcError
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml.etree import LxmlError

from auditor.claims.language import detect_language
from auditor.claims.models import Document
from auditor.claims.text import as_superscript
from auditor.decoding import decode_text
from auditor.input_files import (
    STDIN,
    InputError,
    check_docx_sizes,
    check_text_length,
    display_path,
    read_input_bytes,
    read_stdin_bytes,
)

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
DOCX_SUFFIXES = frozenset({".docx"})
INPUT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES

_HTML_SNIFF = re.compile(rb"\A\s{0,64}<(?:!doctype\s{1,8}html|html|head|body|meta|div|p)[\s>]", re.I)
_DROPPED_TAGS = frozenset(
    {"script", "style", "nav", "header", "footer", "aside", "noscript", "template", "head"}
)
_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "li", "ul", "ol", "table", "tr", "h1", "h2", "h3",
    "h4", "h5", "h6", "blockquote", "pre", "figure", "figcaption", "dd", "dt", "dl", "hr", "title",
    "td", "th", "caption",
})
_LINE_BREAKING = _BLOCK_TAGS | {"br"}
_SOURCE_BREAKS = str.maketrans("\r\n", "  ")  # a line end in the markup is white space


def read_document(path: Path) -> Document:
    """Read a .txt/.md/.html/.docx file (other suffixes and `-`, standard input, are sniffed).

    `Document.path` is the path as shown in reports (`display_path`: non-UTF-8 bytes escaped).
    """
    raw = read_stdin_bytes() if str(path) == STDIN else read_input_bytes(path)
    kind = _kind_of(path, raw)
    if kind == "docx":
        text, encoding, media = _docx_text(path, raw), "utf-8", "application/vnd.openxmlformats"
    else:
        text, encoding = decode_text(raw, display_path(path))
        media = "text/plain"
        if kind == "html":
            text, media = html_text(text), "text/html"
    if not check_text_length(text, path).strip():
        raise InputError(f"{display_path(path)}: no text to audit")
    return Document(
        path=display_path(path),
        text=text,
        sha256=hashlib.sha256(raw).hexdigest(),
        language=detect_language(text),
        encoding=encoding,
        media_type=media,
    )


def _kind_of(path: Path, raw: bytes) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in DOCX_SUFFIXES:
        return "docx"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    if raw[:4] == b"PK\x03\x04":
        return "docx"
    return "html" if _HTML_SNIFF.match(raw[:4096]) else "text"


def html_text(markup: str) -> str:
    """Visible text of an HTML page, blocks separated by blank lines (see module docstring)."""
    soup = BeautifulSoup(markup, "html.parser")
    pieces: list[str] = []  # "\n" ends a block, "\r" is a <br>; source line ends are spaces
    numbers: dict[int, str] = {}  # id(<li>) → "3. ", filled once per <ol> (linear in the list)
    for node in walk_html(soup, leaf=_is_raised):
        if node is None:  # the end of a block element
            pieces.append("\n")
        elif isinstance(node, Tag):
            if node.name in _LINE_BREAKING:
                pieces.append("\r" if node.name == "br" else "\n")
            if _is_raised(node):
                pieces.append(as_superscript(node.get_text()) or "")  # "¹²", "10⁶" stay one token
            elif node.name == "li":
                if id(node) not in numbers:
                    numbers.update(_list_numbers(node))
                pieces.append(numbers.get(id(node), ""))
        else:
            pieces.append(str(node).translate(_SOURCE_BREAKS))
    blocks = ("\n".join(_collapsed(block.split("\r"))) for block in "".join(pieces).split("\n"))
    return "\n\n".join(block for block in blocks if block) + "\n"


def _collapsed(lines: list[str]) -> Iterator[str]:
    """The non-blank lines of a block, white space collapsed."""
    for line in lines:
        collapsed = " ".join(line.split())
        if collapsed:
            yield collapsed


def _is_raised(tag: Tag) -> bool:
    """A `<sup>` whose text has a Unicode superscript form (a citation or a power)."""
    return tag.name == "sup" and as_superscript(tag.get_text()) is not None


def walk_html(root: Tag, leaf: Callable[[Tag], bool] = lambda tag: False) -> Iterator[PageElement | None]:
    """Every visible node under `root` once, in document order; None after each block element.

    Iterative, one visit per node: deep nesting (50,000 nested ``<div>``) neither recurses nor
    re-walks descendants, so the work stays linear in the size of the page. Dropped elements
    (scripts, styles, page chrome) and comments are skipped with their contents; the contents of a
    `br` or of a tag for which `leaf` is true are not visited.
    """
    stack: list[PageElement | None] = [root]
    while stack:
        node = stack.pop()
        if node is None:
            yield None
        elif isinstance(node, Tag):
            if node.name in _DROPPED_TAGS:
                continue
            yield node
            if node.name == "br" or leaf(node):
                continue
            if node.name in _BLOCK_TAGS:
                stack.append(None)
            stack.extend(reversed(node.contents))
        elif type(node) is NavigableString or isinstance(node, CData):
            yield node


def _list_numbers(item: Tag) -> dict[int, str]:
    """{id(li): "3. "} for every item of the `<ol>` holding `item` (honouring `start` and `value`)."""
    parent = item.parent
    if not isinstance(parent, Tag) or parent.name != "ol":
        return {id(item): ""}
    number = _int_attribute(parent, "start", 1)
    numbers = {}
    for sibling in parent.find_all("li", recursive=False):
        number = _int_attribute(sibling, "value", number)
        numbers[id(sibling)] = f"{number}. "
        number += 1
    return numbers


def _int_attribute(tag: Tag, name: str, default: int) -> int:
    value = str(tag.get(name) or "").strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 6 else default


def _docx_text(path: Path, raw: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            check_docx_sizes(archive, path)
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError, LxmlError, OpcError) as exc:
        if isinstance(exc, InputError):
            raise
        raise InputError(f"{display_path(path)}: not a readable .docx file ({type(exc).__name__})") from None
    return "\n\n".join(block for block in _docx_blocks(document) if block.strip()) + "\n"


def _docx_blocks(document: DocxDocument) -> list[str]:
    """Paragraphs and table rows (cells joined by tabs) in body order."""
    blocks: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag.endswith("}p"):
            blocks.append(_paragraph_text(Paragraph(child, document)))
        elif child.tag.endswith("}tbl"):
            table = Table(child, document)
            blocks.extend("\t".join(cell.text for cell in row.cells) for row in table.rows)
    return blocks


def _paragraph_text(paragraph: Paragraph) -> str:
    """The paragraph's text, superscript runs (citations, powers) in Unicode superscripts."""
    if not any(run.font.superscript for run in paragraph.runs):
        return paragraph.text
    parts = []
    for item in paragraph.iter_inner_content():
        raised = as_superscript(item.text) if isinstance(item, Run) and item.font.superscript else None
        parts.append(raised if raised is not None else item.text)
    return "".join(parts)
