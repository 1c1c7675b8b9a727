"""The words around a number that change what it claims: qualifiers and the group it belongs to.

A qualifier before a number makes it approximate ("约64例", "about 40%") or a bound ("超过20%",
"more than 600 patients", "up to 5%"); checks widen their tolerance for the first and do not
compare the second. A group label ("试验组", "placebo group", "in the vaccine arm") says the number
is a share or count of that group, not of the whole sample. All scans are bounded windows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.claims.text import after_last

_APPROX = r"约|約|大约|大約|近|将近|將近|approximately|approx\.|about|around|nearly|roughly|some|~|≈"
_LOWER = (
    r"超过|超過|逾|多于|多於|大于|大於|高于|高於|不少于|不少於|至少"
    r"|more than|over|above|at least|greater than|>|≥"
)
_UPPER = r"不到|不足|少于|少於|小于|小於|低于|低於|最多|up to|less than|fewer than|under|below|at most|<|≤"
_QUALIFIER = re.compile(
    rf"(?:(?P<approx>{_APPROX})|(?P<lower>{_LOWER})|(?P<upper>{_UPPER}))[ \t]{{0,1}}(?:了|达|達)?$",
    re.IGNORECASE,
)
_WINDOW = 16
# The last character of every qualifier word ("约", "than", "approx."), in a class that reads case
# as `_QUALIFIER` does: a window whose end holds none (past the optional blank and "了") has no match.
_QUALIFIER_WORDS = [re.sub(r"\\(.)", r"\1", word) for word in f"{_APPROX}|{_LOWER}|{_UPPER}".split("|")]
_QUALIFIER_LAST = re.compile(
    "[" + re.escape("".join(sorted({word[-1] for word in _QUALIFIER_WORDS}))) + "]", re.IGNORECASE
)


@dataclass(frozen=True)
class Qualifier:
    """What stands right before a number: approximate, a bound ("lower"/"upper"), and its length."""

    approx: bool
    bound: str | None
    length: int


_NONE = Qualifier(False, None, 0)


def _may_end_in_qualifier(window: str) -> bool:
    """False when no `_QUALIFIER` match can end `window` (before a final newline, as "$" reads)."""
    end = len(window) - 1 if window.endswith("\n") else len(window)
    end -= window[end - 1 : end] in ("了", "达", "達")
    end -= window[end - 1 : end] in (" ", "\t")
    return end > 0 and _QUALIFIER_LAST.match(window, end - 1) is not None


def qualifier_before(text: str, start: int) -> Qualifier:
    """The qualifier ending right at `start` ("约", "more than ", "超过"), or none."""
    window = text[max(0, start - _WINDOW) : start]
    if not _may_end_in_qualifier(window):
        return _NONE
    found = _QUALIFIER.search(window)
    if found is None:
        return _NONE
    head = window[: found.start()]
    if head[-1:].isascii() and head[-1:].isalpha() and found.group()[:1].isalpha():
        return _NONE  # "Moreover 5%": the word is the end of another word
    bound = "lower" if found.group("lower") else "upper" if found.group("upper") else None
    return Qualifier(True, bound, len(found.group()))


_ZH_GROUP = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{1,4}|[A-Za-z][A-Za-z0-9-]{0,11})(?:组|組|队列|隊列|臂)"
)
_NOT_GROUP = re.compile(r"(?:^|[例名人位只机機])[入分编編]$")  # "900例入组", "随机分组": a verb
_EN_GROUP_BEFORE = re.compile(
    r"(?:in|of|for|with)[ \t](?:the[ \t])?(?P<name>[A-Za-z-]{2,20})[ \t](?:group|arm|cohort)s?[ \t,:]{0,3}$",
    re.IGNORECASE,
)
_EN_GROUP_AFTER = re.compile(
    r"^[ \t]{0,2}(?:[A-Za-z]{2,12}[ \t]){0,2}(?:in|of|for|with|on)[ \t](?:the[ \t])?"
    r"(?P<name>[A-Za-z-]{2,20})(?:[ \t](?:group|arm|cohort)s?|(?![A-Za-z-]))",
    re.IGNORECASE,
)
_ZH_GROUP_MARK = re.compile("[组組队隊臂]")  # the first character of each noun `_ZH_GROUP` ends with
_EN_GROUP_NOUNS = ("group", "arm", "cohort")  # one is in every `_EN_GROUP_BEFORE` match (lower-cased)
_EN_GROUP_WORDS = frozenset(
    {"placebo", "control", "controls", "vaccine", "treatment", "treated", "intervention"}
)
_CLAUSE_BREAKS = "，,；;。.:：（(）)"
_CLAUSE_WINDOW = 24


def _clause_before(text: str, start: int) -> str:
    """The part of the clause of `start` before it, at most _CLAUSE_WINDOW characters."""
    return after_last(text[max(0, start - _CLAUSE_WINDOW) : start], _CLAUSE_BREAKS)


def group_of(text: str, start: int, end: int) -> str | None:
    """The group a number is stated for ("试验组", "placebo"), from its own clause; None if none."""
    before = _clause_before(text, start).rstrip(" \t")
    found = _ZH_GROUP.finditer(before) if _ZH_GROUP_MARK.search(before) else ()
    names = [m.group("name") for m in found]
    names = [name for name in names if not _NOT_GROUP.search(name)]
    if names:
        return (names[-1] if names[-1].isascii() else names[-1][-2:]) + "组"
    lowered = before.lower()
    en = _EN_GROUP_BEFORE.search(before) if any(noun in lowered for noun in _EN_GROUP_NOUNS) else None
    if en:
        return en.group("name").casefold()
    after = _EN_GROUP_AFTER.match(text[end : end + 48])
    if after:
        name = after.group("name").casefold()
        if after.group().casefold().rstrip().endswith(("group", "arm", "cohort", "groups", "arms")):
            return name
        if name in _EN_GROUP_WORDS:
            return name
    return None


_ZH_LABEL = re.compile(
    r"(?P<label>[\u4e00-\u9fff]{1,10}?)(?:率)?"
    r"(?:[占佔]比(?:为|為|是|约|約)?|占|佔|为|為|是|约占|約佔)[ \t]{0,1}$"
)
_EN_LABEL = re.compile(
    r"[ \t](?:of[ \t](?:the[ \t])?(?:[a-z-]{2,20}[ \t]){1,3}(?:were|was|are|is)[ \t]"
    r"|(?:were|was|are|is)[ \t])?"
    r"(?P<label>[a-z][a-z-]{1,20})(?![a-z-])",
    re.IGNORECASE,
)


def label_of(text: str, start: int, end: int) -> str | None:
    """The category a share is of: "男性" in "男性占61%", "women" in "62% were women", else None."""
    zh = _ZH_LABEL.search(_clause_before(text, start))
    if zh is not None:
        return zh.group("label") + ("率" if zh.group().find("率") > 0 else "")
    en = _EN_LABEL.match(text[end : end + 60])
    label = en.group("label").casefold() if en is not None else None
    return None if label in _FUNCTION_WORDS else label


_FUNCTION_WORDS = frozenset(
    [
        "of",
        "in",
        "with",
        "for",
        "among",
        "on",
        "at",
        "to",
        "by",
        "from",
        "versus",
        "vs",
        "and",
        "or",
        "the",
        "a",
        "an",
        "than",
        "were",
        "was",
        "are",
        "is",
        "had",
        "have",
        "reduction",
        "increase",
        "lower",
        "higher",
        "relative",
        "risk",
        "ci",
        "confidence",
    ]
)
