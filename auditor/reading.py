"""Read an input file (.txt, .md, .html, .docx) into a `Document`.

Spans index `Document.text`. For plain text that is the decoded file exactly as it is (no newline
normalisation, nothing stripped). For HTML it is the visible text BeautifulSoup extracts (scripts,
styles and page chrome dropped, block elements separated by newlines); for .docx the paragraphs and
table rows, one per line. `sha256` is always the digest of the raw bytes of the file.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path

import docx
from bs4 import BeautifulSoup, CData, NavigableString, PageElement, Tag
from charset_normalizer import from_bytes
from docx.document import Document as DocxDocument
from docx.opc.exceptions import OpcError
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml.etree import LxmlError

from claims.language import detect_language
from claims.models import Document
from claims.text import as_superscript

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
DOCX_SUFFIXES = frozenset({".docx"})
INPUT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Frequent characters and punctuation of Chinese prose, in both scripts: the right legacy
# encoding decodes into many of them, the wrong one into rare characters and private-use code points.
_FREQUENT = frozenset(
    "的一是不了在人有我他这這个個们們中来來上大为為和国國地到以说說时時要就出会會可也对對生能而子"
    "得于於着著下自之年过過发發后後作里裡用道行所然家种種事成方多经經去法学學如都同现現当當没沒动動"
    "面起看定天分还還进進好小部其些主样樣理心本前开開但因只从從想实實日者意无無力与與长長把机機十"
    "民第此已工使情明性知全三又关關点點正业業外将將两兩高间間由问問很最重并並物手应應向头頭文体體"
    "研究患者治疗療病例试試验驗组組数數结結果据據报報显顯示率及表等"
    "，。、；：（）《》「」“”"
)
_HTML_SNIFF = re.compile(rb"\A\s{0,64}<(?:!doctype\s{1,8}html|html|head|body|meta|div|p)[\s>]", re.I)
_LEGACY_CJK = ("gb18030", "big5")
_DROPPED_TAGS = frozenset(
    {"script", "style", "nav", "header", "footer", "aside", "noscript", "template", "head"}
)
_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "li", "ul", "ol", "table", "tr", "h1", "h2", "h3",
    "h4", "h5", "h6", "blockquote", "pre", "figure", "figcaption", "dd", "dt", "dl", "hr", "title",
    "td", "th", "caption",
})


class InputError(ValueError):
    """An input file cannot be read; the message is one line."""


def read_document(path: Path) -> Document:
    """Read a .txt/.md/.html/.docx file (other suffixes are sniffed) into a `Document`."""
    raw = _read_bytes(path)
    kind = _kind_of(path, raw)
    if kind == "docx":
        text, encoding, media = _docx_text(path, raw), "utf-8", "application/vnd.openxmlformats"
    else:
        text, encoding = decode_text(raw, path)
        media = "text/plain"
        if kind == "html":
            text, media = html_text(text), "text/html"
    if not text.strip():
        raise InputError(f"{path}: no text to audit")
    return Document(
        path=str(path),
        text=text,
        sha256=hashlib.sha256(raw).hexdigest(),
        language=detect_language(text),
        encoding=encoding,
        media_type=media,
    )


def _read_bytes(path: Path) -> bytes:
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if not raw.strip():
        raise InputError(f"{path}: file is empty")
    return raw


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


def decode_text(raw: bytes, path: Path | str = "<bytes>") -> tuple[str, str]:
    """Decode bytes: BOM, then UTF-8, then the likeliest of GB18030 / Big5 / what charset-normalizer says."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError:
                raise InputError(f"{path}: cannot be decoded as {encoding}") from None
    if b"\x00" in raw:
        raise InputError(f"{path}: looks like a binary file, not text")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_legacy(raw, path)


def _decode_legacy(raw: bytes, path: Path | str) -> tuple[str, str]:
    candidates: dict[str, str] = {}
    for encoding in _LEGACY_CJK:
        try:
            candidates[encoding] = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    guess = from_bytes(raw).best()
    if guess is not None and guess.encoding not in candidates:
        candidates[guess.encoding] = str(guess)
    if not candidates:
        raise InputError(f"{path}: cannot be decoded (not UTF-8, GB18030 or Big5)")
    encoding = max(candidates, key=lambda enc: _plausibility(candidates[enc]))
    text = candidates[encoding]
    if _control_share(text) > 0.05:
        raise InputError(f"{path}: looks like a binary file, not text")
    return text, encoding


def _plausibility(text: str) -> float:
    """Higher when a decoding yields frequent Chinese characters and no private-use code points."""
    sample = text[:100_000]
    frequent = sum(1 for ch in sample if ch in _FREQUENT)
    private = sum(1 for ch in sample if "\ue000" <= ch <= "\uf8ff")
    return frequent - 5 * private


def _control_share(text: str) -> float:
    sample = text[:100_000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / max(1, len(sample))


def html_text(markup: str) -> str:
    """Visible text of an HTML page, block elements on their own lines (see module docstring).

    The tree is walked iteratively, once: deep nesting (50,000 nested ``<div>``) neither
    recurses nor re-walks descendants, so the time stays linear in the size of the page.
    """
    soup = BeautifulSoup(markup, "html.parser")
    pieces: list[str] = []
    stack: list[PageElement | None] = [soup]
    while stack:
        node = stack.pop()
        if node is None:  # the end of a block element
            pieces.append("\n")
        elif isinstance(node, Tag):
            if node.name in _DROPPED_TAGS:
                continue
            if node.name == "br":
                pieces.append("\n")
                continue
            if node.name in _BLOCK_TAGS:
                pieces.append("\n")
                stack.append(None)
            if node.name == "sup" and (raised := as_superscript(node.get_text())) is not None:
                pieces.append(raised)  # a superscript citation or power stays one: "¹²", "10⁶"
                continue
            if node.name == "li":
                pieces.append(_list_number(node))
            stack.extend(reversed(node.contents))
        elif type(node) is NavigableString or isinstance(node, CData):
            pieces.append(str(node))
    lines = (" ".join(line.split()) for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line) + "\n"


def _list_number(item: Tag) -> str:
    """ "3. " for the third item of an `<ol>` (honouring `start` and `value`); "" elsewhere."""
    parent = item.parent
    if not isinstance(parent, Tag) or parent.name != "ol":
        return ""
    number = _int_attribute(parent, "start", 1)
    for sibling in parent.find_all("li", recursive=False):
        number = _int_attribute(sibling, "value", number)
        if sibling is item:
            return f"{number}. "
        number += 1
    return ""


def _int_attribute(tag: Tag, name: str, default: int) -> int:
    value = str(tag.get(name) or "").strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 6 else default


def _docx_text(path: Path, raw: bytes) -> str:
    try:
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError, LxmlError, OpcError) as exc:
        raise InputError(f"{path}: not a readable .docx file ({type(exc).__name__})") from None
    return "\n".join(_docx_blocks(document)) + "\n"


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
