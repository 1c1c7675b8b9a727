"""Escaping of untrusted text (article quotes, paths, messages) for Markdown output.

Article text must never become Markdown structure or HTML: no table cell broken by `|`, no code
span opened by a backtick, no raw HTML tag, no link (`[x](javascript:…)`), no emphasis, no heading
or list or quote started by a leading `#`, `-`, `+`, `>` or `1.`. Every character that CommonMark
gives a meaning to inline is backslash-escaped; `<`, `>` and `&` become entities.
"""

from __future__ import annotations

import re

# Characters with an inline meaning in CommonMark/GFM; backslash first so escapes are not doubled.
_BACKSLASHED = "\\`*_[]|~!"
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_TRANSLATION = str.maketrans(
    {**{char: "\\" + char for char in _BACKSLASHED}, **_ENTITIES}
)
# A line that would start a block: heading, list item, ordered item, quote (already &gt;), rule.
_BLOCK_START = re.compile(r"([#+=-]|[0-9]{1,9}[.)])")


def md_inline(text: str) -> str:
    """`text` on one line, safe in Markdown flow text (not at a line start) and in table cells."""
    return " ".join(text.split()).translate(_TRANSLATION)


def md_line(text: str) -> str:
    """`md_inline(text)` that may also start a line: a leading `#`, `-`, `+`, `=` or `1.` is escaped."""
    escaped = md_inline(text)
    match = _BLOCK_START.match(escaped)
    if match:
        end = match.end()  # the punctuation that would open a block ("1." → "1\\.", "#" → "\\#")
        escaped = escaped[: end - 1] + "\\" + escaped[end - 1 :]
    return escaped


def md_url(url: str) -> str:
    """A URL made safe for the destination of a Markdown link (no spaces, parentheses, angles)."""
    table = {" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E", "\\": "%5C"}
    return "".join(table.get(char, char) for char in url)


def md_link(label: str, url: str) -> str:
    """`[label](url)` with the label escaped and the destination percent-encoded."""
    return f"[{md_inline(label)}]({md_url(url)})"
