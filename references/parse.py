"""Reference lists as written in articles: split into entries, then parse each entry's fields.

Splitting (numbered entries with their continuation lines, unnumbered paragraphs or lines) is here;
one entry's fields come from `references.refstring` (a small grammar per family of styles: Vancouver/
NLM, AMA, APA, Harvard, Nature, MDPI, Elsevier, IEEE-like, GB/T 7714 numeric and author-date, Chinese
note style), which keeps only the fields it is confident of.
"""

from __future__ import annotations

from auditor.claims.models import Document
from auditor.references.models import ParsedReference, Reference
from auditor.references.refstring.entry import parse_entry
from auditor.references.section import (
    LABEL,
    ReferenceSection,
    is_subheading,
    label_of,
    locate_reference_section,
)

_ENTRY_ENDINGS = frozenset(".。")
MAX_PARSED_CHARS = 4000  # no real entry is longer; bounds the work on adversarial input

# ---------------------------------------------------------------- splitting a list into entries


def parse_reference_list(document: Document, section: ReferenceSection | None = None) -> list[Reference]:
    """Every entry of the document's reference list, ids r1…, spans into `document.text`.

    `section`: where the list is, when the caller has located it (else it is located here).
    """
    section = section or locate_reference_section(document.text)
    if section is None:
        return []
    blocks = _entry_blocks(document.text, section.body_start, section.end)
    refs = []
    for number, (start, end) in enumerate(blocks, start=1):
        raw = document.text[start:end]
        label_match = LABEL.match(raw)
        label = label_of(label_match)
        refs.append(Reference(id=f"r{number}", label=label, text=raw, span=document.span(start, end),
                              parsed=parse_reference_text(raw)))
    return refs


def _line_bounds(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Non-blank lines of text[start:end] (trimmed) as offsets, each flagged if a blank line precedes it."""
    bounds = []
    pos = start
    after_blank = False
    for line in text[start:end].split("\n"):
        stripped = line.strip()
        if stripped:
            lead = pos + line.index(stripped[0])
            bounds.append((lead, lead + len(stripped), after_blank))
        after_blank = not stripped
        pos += len(line) + 1
    return bounds


def _entry_blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Numbered entries absorb continuation lines; unnumbered ones are paragraphs, else lines."""
    lines = _line_bounds(text, start, end)
    numbered = any(LABEL.match(text[s:e]) for s, e, _ in lines)
    paragraphs = not numbered and any(blank for _, _, blank in lines[1:])
    blocks: list[tuple[int, int]] = []
    for index, (s, e, after_blank) in enumerate(lines):
        following = text[lines[index + 1][0] : lines[index + 1][1]] if index + 1 < len(lines) else ""
        if numbered and is_subheading(text[s:e], following):
            continue
        if numbered:
            starts_entry = after_blank or bool(LABEL.match(text[s:e]))
        else:  # a wrapped paragraph line continues a sentence; a finished line ends its entry
            previous_end = text[blocks[-1][1] - 1] if blocks else "."
            starts_entry = after_blank or not paragraphs or previous_end in _ENTRY_ENDINGS
        if starts_entry or not blocks:
            blocks.append((s, e))
        else:
            blocks[-1] = (blocks[-1][0], e)
    return blocks


# ---------------------------------------------------------------- one entry


def parse_reference_text(text: str) -> ParsedReference:
    """Fields of one reference entry (label optional); fields it cannot find stay None."""
    body = text[:MAX_PARSED_CHARS].strip()
    label = LABEL.match(body)
    return parse_entry(body[label.end():].strip() if label else body)
