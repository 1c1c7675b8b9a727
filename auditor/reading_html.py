"""The visible text of an HTML page, as `auditor.reading` reads it.

It is the text BeautifulSoup extracts: scripts, styles and page chrome dropped, white space collapsed
as a browser does, a `<br>` a newline, block elements separated by a blank line (a paragraph break
for the sentence splitter, `claims.text`), an `<ol>`'s items numbered, superscripts that read as
citations or powers kept in Unicode superscripts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from bs4 import BeautifulSoup, CData, NavigableString, PageElement, Tag

from auditor.claims.text import as_superscript
from auditor.collection_pause import fewer_collections

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


def html_text(markup: str) -> str:
    """Visible text of an HTML page, blocks separated by blank lines (see module docstring)."""
    with fewer_collections():  # a tag is an object that lives until the page is read
        return _visible_text(BeautifulSoup(markup, "html.parser"))


def _visible_text(soup: BeautifulSoup) -> str:
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
