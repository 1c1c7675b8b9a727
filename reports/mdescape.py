"""Escaping of untrusted text (article quotes, paths, messages) for Markdown output.

Article text must never become Markdown structure or HTML: no table cell broken by `|`, no code
span opened by a backtick, no raw HTML tag, no link (`[x](javascript:…)`), no emphasis, no heading
or list or quote started by a leading `#`, `-`, `+`, `>` or `1.`. But the report is also read in a
terminal, so only what CommonMark/GFM would interpret is escaped: `[8]`, `p < 0.05`, `a & b`,
`snake_case` and `10~20例` stay as they are, while `](`, `<b`, `&amp;`, `*x*`, `_x_` and `~~x~~`
are neutralised.
"""

from __future__ import annotations

import re

_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# A `<` that could open a tag, a comment, a declaration or an autolink.
_TAG_OPEN = re.compile(r"<(?=[A-Za-z/!?])")
# An `&` that could start a character reference (`&amp;`, `&#39;`, `&#x27;`).
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]{1,32};)")
# A line that would start a block: heading, list item, ordered item, quote, rule.
_BLOCK_START = re.compile(r"([#+=>-]|[0-9]{1,9}[.)])")


def _space(char: str) -> bool:
    return not char or char.isspace()


def _needs_escape(text: str, index: int, tildes: bool) -> bool:
    """Whether text[index] (one of \\ ` * _ ~ ] |) would mean something to Markdown."""
    char = text[index]
    before = text[index - 1] if index else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    if char in "`|":
        return True
    if char == "\\":
        return after in _PUNCT
    if char == "*":
        return not (_space(before) and _space(after))
    if char == "_":
        return not (before.isalnum() and after.isalnum())
    if char == "~":
        return tildes
    return after != "" and after in "([:"  # "]": the end of a link text, image or definition


def md_inline(text: str) -> str:
    """`text` on one line, safe in Markdown flow text (not at a line start) and in table cells."""
    flat = " ".join(text.split())
    tildes = flat.count("~") > 1
    out = []
    for index, char in enumerate(flat):
        if char in "\\`*_~]|" and _needs_escape(flat, index, tildes):
            out.append("\\" + char)
        else:
            out.append(char)
    escaped = "".join(out)
    return _TAG_OPEN.sub("&lt;", _ENTITY.sub("&amp;", escaped))


def md_line(text: str) -> str:
    """`md_inline(text)` that may also start a line: a leading `#`, `-`, `+`, `>` or `1.` is escaped."""
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
