"""Parsers of the services' response bodies: pure functions from text/bytes to our models.

Each parser raises `ParseError` (a one-sentence reason) when a body is malformed; a source turns
that into a FAILED result, never into NOT_FOUND.
"""

from __future__ import annotations

import html
import re

_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]{0,40}+)[^<>]{0,1000}>")
_INLINE = frozenset(
    {"i", "b", "em", "strong", "u", "sup", "sub", "sc", "italic", "bold", "underline", "span"}
)
_SPACE = re.compile(r"\s+")


class ParseError(ValueError):
    """A response body that cannot be read as the documented format."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def clean_markup(text: str | None) -> str | None:
    """Text without inline HTML/JATS tags or entities, whitespace collapsed; None when empty."""
    if text is None:
        return None
    plain = _SPACE.sub(" ", html.unescape(_TAG.sub(_tag_replacement, text))).strip()
    plain = re.sub(r" (?=[/,.;:)\]])|(?<=[/(\[]) ", "", plain)
    return plain or None


def _tag_replacement(match: re.Match[str]) -> str:
    name = match.group(2).rsplit(":", 1)[-1].lower()
    return "" if name in _INLINE else " "


def collapse_space(text: str | None) -> str | None:
    """Whitespace collapsed to single spaces; None when empty."""
    if text is None:
        return None
    return _SPACE.sub(" ", text).strip() or None
