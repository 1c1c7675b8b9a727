"""Phrases around identifiers that are not bibliographic fields ("doi:", "PMID: 123", "[Epub ahead of print]",
"Accessed on …"): one case-insensitive regular expression, built from the alternatives that can match.

Each alternative comes with literals one of which every match of it contains; an alternative none of
whose literals occurs in the text cannot match, so leaving it out changes no match, and the regex
tried at every position of the text then has a few alternatives instead of all of them.
"""

from __future__ import annotations

import re
from functools import lru_cache

# (literals, alternative), in the order the alternatives are tried
_ALTERNATIVES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("doi",), r"\b(?:doi|DOI|Doi)\s{0,2}[:：]\s{0,2}10[.,]\S{1,200}"),  # also "10.1O56/…", "10,1056/…"
    (("pmcid",), r"\bPMCID\s{0,3}[:：]?\s{0,3}PMC[0-9A-Za-z]{1,12}"),  # also a malformed "PMC68l2345"
    (("pmid", "pmcid"),
     r"(?:\bPub[Mm]ed\s{0,2}(?:Central\s{0,2})?)?PM(?:C)?ID\s{0,3}[:：]?\s{0,3}(?:PMC){0,2}\d{1,12}"),
    (("[doi]", "[pii]", "[pubmed]", "[pmid]", "[epub ahead of print]", "[preprint]", "[internet]", "[serial]",
      "[online]"), r"\[(?:doi|pii|pubmed|pmid|epub ahead of print|preprint|internet|serial|online)\]"),
    (("[available",), r"\[Available[^\]]{0,60}\]"),
    (("doi",), r"\b(?:doi|DOI|Doi)\s{0,2}[:：.]?\s{0,2}(?:10/\w{3,20}|[^\s\[\]]{0,80}\s?\[pii\]|(?=\s|$))"),
    (("issn",),
     r"\bissn\s{0,2}[:：]?\s{0,2}(?:\d{4}-\s?\d{3}[\dXx]\s{0,2}(?:\((?:Electronic|Print|Linking)\)\s{0,2})?){1,3}"),
    (("if",), r"\bIF\s{0,2}:\s{0,2}\d{1,3}(?:[.,]\d{1,4})?"),
    (("erratum", "comment", "retraction", "retracted", "update", "corrected and republished"),
     r"\b(?:Erratum|Comment|Retraction|Retracted|Update|Corrected and republished)\s(?:in|of|on|for)\s?:.*$"),
    (("url",), r"\bURL\b"),
    (("<",), r"</?[a-z]{1,10}>"),
    (("doi",), r"\b(?:doi|DOI)\s{0,2}:\s{0,2}[a-z0-9]{4,12}(?=[\s.,;]|$)"),
    (("epub",), r"\bEpub\b[^.;]{0,40}"),
    (("published online",), r"\bPublished online\b"),
    (("online ahead of print",), r"\bOnline ahead of print\b"),
    (("ahead of print",), r"\bahead of print\b"),
    (("available", "retrieved", "accessed"),
     r"\b(?:Available|Retrieved|Accessed)\b[^.;:]{0,40}?(?:\b(?:from|at)\b\s{0,2}:?|:)"),
    (("[",), r"\[(?:\d{4}-\d{1,2}-\d{1,2}|(?:cited|accessed)[^\]]{0,40})\]"),
    (("accessed", "cited", "retrieved", "online", "epub"),
     r"[(（](?:accessed|cited|retrieved|published online|online|epub)[^)）]{0,60}[)）]"),
)
_ENABLES: tuple[tuple[str, frozenset[int]], ...] = tuple(  # literal → the alternatives it lets match
    (literal, frozenset(i for i, (keys, _) in enumerate(_ALTERNATIVES) if literal in keys))
    for literal in dict.fromkeys(key for keys, _ in _ALTERNATIVES for key in keys)
)
_ODD_CASE = "İıſ"  # letters IGNORECASE matches to "i" or "s" that str.lower() does not turn into them


@lru_cache(maxsize=256)
def _pattern(chosen: tuple[int, ...]) -> re.Pattern[str]:
    """The alternatives `chosen`, in their order; the lookahead holds the first character of every
    alternative, so that other positions are left after one test."""
    body = "|".join(_ALTERNATIVES[i][1] for i in chosen)
    return re.compile(rf"(?=[pdieocrua\[<(（])(?:{body})", re.IGNORECASE)


def lowered(text: str) -> str | None:
    """`text.lower()`, in which a literal occurs wherever an IGNORECASE regex could match it; None
    when `text` holds a letter (İ ı ſ) that IGNORECASE matches to "i" or "s" and lower() does not."""
    if text.isascii() or not any(ch in text for ch in _ODD_CASE):
        return text.lower()
    return None


def noise_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the non-bibliographic phrases in `text`, left to right, not overlapping."""
    low = lowered(text)
    if low is None:  # keep every alternative
        chosen = tuple(range(len(_ALTERNATIVES)))
    else:
        enabled: set[int] = set()
        for literal, alternatives in _ENABLES:
            if literal in low:
                enabled |= alternatives
        chosen = tuple(sorted(enabled))
    if not chosen:
        return []
    return [m.span() for m in _pattern(chosen).finditer(text)]
