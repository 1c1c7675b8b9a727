"""Where an article's reference list is: its heading, its entries, and where the entries stop.

A list usually sits under a heading (`参考资料:`, `參考文獻`, `## References` …); some articles end
with a bare numbered list instead. Web pages append boilerplate after the list (copyright notices,
disclaimers, "previous/next article" links, company blurbs), which is not part of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADING = re.compile(
    r"#{0,6}[ \t]{0,3}[*_]{0,2}[ \t]{0,3}"
    r"(?:[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[.、．]?)?[ \t]{0,3}"  # "五、参考文献", "## 7. References"
    r"(?:参考|参考资料|參考資料|参考文献|參考文獻|参考文獻|參考文献|引用文献|引用文獻|主要参考文献|主要參考文獻|"
    r"资料来源|資料來源|参考书目|參考書目|文献|文獻|注释|注釋|註釋|註解|注解|附注|附註|"
    r"参考文献与注释|參考文獻與註釋|注释与参考文献|註釋與參考文獻|"
    r"references?|bibliography|literature cited|works cited|cited literature|sources|"
    r"references and notes|notes and references|notes|endnotes|literature|reference list|further reading)"
    r"[ \t]{0,3}[*_]{0,2}[ \t]{0,3}[:：]?[ \t]{0,3}[*_]{0,2}",
    re.IGNORECASE,
)
LABEL = re.compile(
    r"[ \t]{0,8}(?:[(（](\d{1,5})[)）]|[\[［](\d{1,5})[\]］][:：]?|(\d{1,5})[.)、．](?!\d)"
    r"|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,5})(?=[ \t]))[ \t]{0,4}"
)
_TO_ASCII_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def label_of(match: re.Match[str] | None) -> str | None:
    """The number of an entry's label in ASCII digits ("[12]" → "12", "¹²" → "12"), or None."""
    number = next((g for g in match.groups() if g), None) if match else None
    return number.translate(_TO_ASCII_DIGITS) if number else None
# Page furniture that ends a list. Most markers count only at the start of a line (after bullets or
# brackets), so that a title containing "来源" or "关注" is not mistaken for a footer.
_BOILERPLATE_START = re.compile(
    r"[\s*#>【\[(（●■▲▶◆★☆•·\-]{0,4}"
    r"(?:版权声明|版權聲明|版权所有|版權所有|免责说明|免責說明|免责声明|免責聲明|郑重声明|鄭重聲明|声明|聲明|"
    r"扫码|掃碼|扫描|掃描|长按|長按|关注|關注|点击|點擊|阅读原文|閱讀原文|原文链接|原文鏈接|"
    r"相关阅读|相關閱讀|相关文章|相關文章|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|热门|熱門|上一篇|下一篇|"
    r"来源|來源|作者简介|作者簡介|责任编辑|責任編輯|编辑|編輯|"
    r"审核|審核|校对|校對|排版|图片|圖片|"
    r"联系我们|聯繫我們|聯絡我們|公司简介|公司簡介|关于我们|關於我們|标签|標籤|"
    r"copyright|©|disclaimer|share this|share on|related articles?|related posts?|read more|"
    r"(?:previous|next) (?:article|post|page|story)|"
    r"about the authors?|author information|tags?\s{0,2}[:：]|posted in|filed under|subscribe|follow us)"
    r"|[«»<>←→]",
    re.IGNORECASE,
)
# the lookaheads hold the first character of every alternative, so other positions are left after one test
_BOILERPLATE_ANYWHERE = re.compile(
    r"(?=[a版上下扫掃长長未])(?:all rights reserved|版权所有|版權所有|上一篇|下一篇|扫码关注|掃碼關注|"
    r"长按识别|長按識別|未经授权|未經授權)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)|\(n\.?\s?d\.?\)", re.IGNORECASE)
_IDENT = re.compile(r"(?=[1hpw])(?:10\.\d{4,9}/|https?://|PMID|PMC\d|www\.)", re.IGNORECASE)
_BIBLIO = re.compile(
    r"\[[JMCDRSPNZ](?:/OL)?\]|\bet al\b|等[.．,，]|\d{4}\s?[;,]\s?\d{1,4}|\d{1,4}\s?\(\d{1,4}\)\s?[:,]|"
    r"\(\d{4}[a-z]?\)|[A-Z][a-z]{1,20},\s?[A-Z]\.|[A-Z][a-z]{1,20} [A-Z]{1,3}[,.;]"
)
_MAX_NOTES = 2
_SUBHEADING_CHARS = 40
_MAX_FOOTER_LINES = 12
_SHORT_LINE = 60
MAX_ENTRY_CHARS = 20_000  # a longer line is page content, not a bibliographic entry


@dataclass(frozen=True)
class ReferenceSection:
    """Offsets of a reference list: heading (or first entry) start, entries start, entries end."""

    start: int  # where the article body stops: the heading, or the first entry when there is none
    body_start: int  # where the first entry may begin (after the heading line)
    end: int  # end of the last entry (trailing boilerplate excluded)
    heading: str | None = None


def _lines(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each line from `start` on, without the newline."""
    bounds = []
    pos = start
    while pos <= len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl == -1 else nl
        bounds.append((pos, end))
        if nl == -1:
            break
        pos = nl + 1
    return bounds


def is_boilerplate(line: str) -> bool:
    """True for page furniture that follows a list: copyright, disclaimers, navigation."""
    head = line.strip()[:200]
    return bool(_BOILERPLATE_START.match(head) or _BOILERPLATE_ANYWHERE.search(head))


def is_subheading(line: str, following: str) -> bool:
    """A group title inside a numbered list ("經典與背景", "Primary sources"): short, no digits,
    unlabelled, and followed by a labelled entry."""
    stripped = line.strip()
    return (
        len(stripped) <= _SUBHEADING_CHARS
        and not any(map(str.isdigit, stripped))
        and not LABEL.match(stripped)
        and bool(LABEL.match(following))
    )


def looks_like_entry(line: str) -> bool:
    """True when a line reads like a bibliographic entry (label, year, identifier or citation layout)."""
    stripped = line.strip()
    if not 12 <= len(stripped) <= MAX_ENTRY_CHARS or is_boilerplate(stripped):
        return False
    if _IDENT.search(stripped):
        return True
    return bool(_YEAR.search(stripped)) and (bool(LABEL.match(stripped)) or bool(_BIBLIO.search(stripped)))


def _is_heading(line: str) -> bool:
    return len(line) < 80 and _HEADING.fullmatch(line.strip()) is not None


def _entries_end(text: str, body_start: int) -> int | None:
    """End offset of the last entry line of the run of entries starting at/after `body_start`."""
    last_end: int | None = None
    skipped = 0  # a note under the heading ("按引用顺序排列") may precede the first entry
    lines = [(s, e) for s, e in _lines(text, body_start) if text[s:e].strip()]
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        if looks_like_entry(line) or last_end is not None and _is_continuation(text, lines, index):
            last_end = start + len(line.rstrip())
        elif last_end is not None or is_boilerplate(line) or skipped >= _MAX_NOTES:
            break
        else:
            skipped += 1
    return last_end


def _is_continuation(text: str, lines: list[tuple[int, int]], index: int) -> bool:
    """A wrapped line of a numbered entry: between two entries, not page furniture."""
    if index + 1 >= len(lines) or is_boilerplate(text[slice(*lines[index])]):
        return False
    following = text[slice(*lines[index + 1])]
    short_enough = len(text[slice(*lines[index])]) <= MAX_ENTRY_CHARS
    return short_enough and bool(LABEL.match(following)) and looks_like_entry(following)


def _headed_section(text: str) -> ReferenceSection | None:
    """The last heading that is followed by at least one entry."""
    for start, end in reversed(_lines(text)):
        line = text[start:end]
        if not _is_heading(line):
            continue
        body_start = min(end + 1, len(text))
        entries_end = _entries_end(text, body_start)
        if entries_end is not None:
            return ReferenceSection(start, body_start, entries_end, line.strip())
    return None


def _is_reference_like(line: str) -> bool:
    if len(line) > MAX_ENTRY_CHARS:
        return False
    stripped = LABEL.sub("", line, count=1)
    return bool(_YEAR.search(stripped)) and bool(_IDENT.search(stripped) or _BIBLIO.search(stripped))


def _is_footer_line(line: str) -> bool:
    """Boilerplate, or a short line (a byline, a product name) that is not an entry."""
    stripped = line.strip()
    return is_boilerplate(stripped) or len(stripped) <= _SHORT_LINE and not looks_like_entry(stripped)


def _trailing_numbered_list(text: str) -> ReferenceSection | None:
    """A heading-less numbered list of ≥2 reference-like entries, last thing before boilerplate."""
    entries: list[tuple[int, int]] = []
    footer_lines = 0
    for start, end in reversed(_lines(text)):
        line = text[start:end]
        if not line.strip():
            continue
        if LABEL.match(line) and _is_reference_like(line):
            entries.append((start, start + len(line.rstrip())))
        elif entries or not _is_footer_line(line) or footer_lines >= _MAX_FOOTER_LINES:
            break  # the text does not end with a list (an article paragraph, or too much after it)
        else:
            footer_lines += 1
    if len(entries) < 2:
        return None
    first = entries[-1][0]
    return ReferenceSection(first, first, entries[0][1], None)


def locate_reference_section(text: str) -> ReferenceSection | None:
    """The reference list of an article with its heading and its end, or None."""
    return _headed_section(text) or _trailing_numbered_list(text)


