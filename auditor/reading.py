"""Read an input file (.txt, .md, .html, .docx) into a `Document`.

Spans index `Document.text`. For plain text that is the decoded file exactly as it is (no newline
normalisation, nothing stripped). For HTML it is the visible text BeautifulSoup extracts
(`auditor.reading_html`); for .docx the paragraphs and table rows (`auditor.reading_docx`). Both
readers are imported when a file of their kind is read, so an audit of plain text does not load
BeautifulSoup or python-docx. `sha256` is always the digest of the raw bytes of the file.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from auditor.claims.language import detect_language
from auditor.claims.models import Document
from auditor.decoding import decode_text
from auditor.input_files import (
    STDIN,
    InputError,
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


def read_document(path: Path) -> Document:
    """Read a .txt/.md/.html/.docx file (other suffixes and `-`, standard input, are sniffed).

    `Document.path` is the path as shown in reports (`display_path`: non-UTF-8 bytes escaped).
    """
    raw = read_stdin_bytes() if str(path) == STDIN else read_input_bytes(path)
    kind = _kind_of(path, raw)
    if kind == "docx":
        from auditor.reading_docx import docx_text

        text, encoding, media = docx_text(path, raw), "utf-8", "application/vnd.openxmlformats"
    else:
        text, encoding = decode_text(raw, display_path(path))
        media = "text/plain"
        if kind == "html":
            from auditor.reading_html import html_text

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
