"""The text of a .docx file, as `auditor.reading` reads it: the paragraphs and table rows (cells
joined by tabs), separated by a blank line, superscript runs in Unicode superscripts."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.opc.exceptions import OpcError
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml.etree import LxmlError

from auditor.claims.text import as_superscript
from auditor.input_files import InputError, check_docx_sizes, display_path


def docx_text(path: Path, raw: bytes) -> str:
    """The text of the .docx bytes `raw` read from `path`; InputError when it is not a readable one."""
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
