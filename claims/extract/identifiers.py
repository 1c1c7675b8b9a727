"""Identifiers: trial registrations, DOIs, PMIDs, PMCIDs and other URLs.

A PubMed, PMC or doi.org URL yields the identifier claim (spanning the URL), not a url claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from claims.extract.patterns import S2, Candidate
from claims.models import ClaimKind


def _trial_pattern(prefix: str, rest: str, width: int = 0) -> re.Pattern[str]:
    """`prefix` + `rest`, not preceded by a letter or digit (the look-behind follows the prefix
    so that the engine can scan for the prefix quickly)."""
    return re.compile(rf"{prefix}(?<![A-Za-z0-9].{{{width or len(prefix)}}}){rest}(?![0-9])")


# (registry, literal that every id contains, pattern)
_TRIALS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("ClinicalTrials.gov", "NCT", _trial_pattern("NCT", r"[ \t]?\d{5,12}")),
    ("ChiCTR", "ChiCTR", _trial_pattern("ChiCTR", r"(?:-[A-Z]{2,5}-)?-?\d{8,12}")),
    ("CTR", "CTR", _trial_pattern("CTR", r"\d{8}")),
    ("ISRCTN", "ISRCTN", _trial_pattern("ISRCTN", r"[ \t]?\d{8}")),
    ("EudraCT", "-", _trial_pattern("(?:19|20)", r"\d{2}-\d{6}-\d{2}", width=2)),
    ("ANZCTR", "ACTRN", _trial_pattern("ACTRN", r"\d{14}")),
    ("jRCT", "jRCT", _trial_pattern("jRCT", r"[a-z]?\d{7,12}")),
    ("CTRI", "CTRI/", _trial_pattern("CTRI/", r"\d{4}/\d{2,3}/\d{6}")),
    ("DRKS", "DRKS", _trial_pattern("DRKS", r"\d{8}")),
    ("CRIS", "KCT", _trial_pattern("KCT", r"\d{7}")),
    ("UMIN", "UMIN", _trial_pattern("UMIN", r"\d{9}")),
)

_URL_STOP = r"\s<>\"'\u3000-\u9fff\uff00-\uffef“”"
_URL = re.compile(rf"(?:https?://|www\.)[^{_URL_STOP}]{{1,500}}", re.IGNORECASE)
_BARE_PUBMED = re.compile(
    r"(?<![A-Za-z0-9./])(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov/|ncbi\.nlm\.nih\.gov/pubmed/)\d{1,9}/?"
)
# Prefixes shorter than four digits are malformed; they are kept only after a "doi:" label so that
# a check can flag them.
_DOI = re.compile(rf"10(?<![A-Za-z0-9/.]10)\.(?P<prefix>\d{{1,9}})/[^{_URL_STOP}]{{1,200}}")
_DOI_LABEL_BEFORE = re.compile(rf"doi:{S2}$", re.IGNORECASE)
_PMID = re.compile(r"PMID(?<![A-Za-z]PMID)[ \t]{0,2}:?[ \t]{0,2}(?P<id>\d{1,9})(?!\d)", re.IGNORECASE)
# Also "PMC12AB"-like malformed ids, for the identifier checks to flag.
_PMCID = re.compile(r"PMC(?<![A-Za-z]PMC)\d[0-9A-Za-z]{0,11}(?![0-9A-Za-z])")

_IN_URL = (
    (
        ClaimKind.PMID,
        "pmid",
        re.compile(r"(?:pubmed\.ncbi\.nlm\.nih\.gov/|/pubmed/)(\d{1,9})", re.IGNORECASE),
    ),
    (ClaimKind.PMCID, "pmcid", re.compile(r"/(?:pmc/)?articles/(PMC\d{4,9})", re.IGNORECASE)),
    (ClaimKind.DOI, "doi", re.compile(r"doi\.org/(10\.\d{4,9}/.{1,200})", re.IGNORECASE)),
)


def _trim(text: str, start: int, end: int) -> int:
    """End offset without trailing punctuation (")" only when unbalanced)."""
    while end > start and text[end - 1] in ".,;:!?'\"])}>":
        if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break
        end -= 1
    return end


def trial_ids(text: str) -> Iterator[Candidate]:
    """Trial registration numbers; `id` is the canonical form (no spaces, upper-case prefix)."""
    for registry, literal, pattern in _TRIALS:
        if literal not in text:
            continue
        for match in pattern.finditer(text):
            canonical = match.group().replace(" ", "")
            if registry in ("ClinicalTrials.gov", "ISRCTN", "ChiCTR"):
                canonical = canonical.upper().replace("CHICTR", "ChiCTR")
            yield Candidate(
                ClaimKind.TRIAL_ID, match.start(), match.end(), {"registry": registry, "id": canonical}
            )


def _url_candidate(text: str, start: int, end: int) -> Candidate:
    url = text[start:end]
    for kind, key, pattern in _IN_URL:
        found = pattern.search(url)
        if found:
            value = found.group(1)
            value = (
                value.lower()
                if kind is ClaimKind.DOI
                else value.upper()
                if kind is ClaimKind.PMCID
                else value
            )
            return Candidate(kind, start, end, {key: value})
    return Candidate(ClaimKind.URL, start, end, {"url": url})


def _urls(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    for pattern in (_URL, _BARE_PUBMED):
        for match in pattern.finditer(text):
            end = _trim(text, match.start(), match.end())
            if not any(c.start <= match.start() < c.end for c in found):
                found.append(_url_candidate(text, match.start(), end))
    return found


def _bare_identifiers(text: str) -> Iterator[Candidate]:
    for match in _DOI.finditer(text):
        end = _trim(text, match.start(), match.end())
        label = _DOI_LABEL_BEFORE.search(text[max(0, match.start() - 8) : match.start()])
        if not label and len(match.group("prefix")) < 4:
            continue
        start = match.start() - (len(label.group()) if label else 0)
        yield Candidate(ClaimKind.DOI, start, end, {"doi": text[match.start() : end].lower()})
    for match in _PMID.finditer(text):
        yield Candidate(ClaimKind.PMID, match.start(), match.end(), {"pmid": match.group("id")})
    for match in _PMCID.finditer(text):
        yield Candidate(ClaimKind.PMCID, match.start(), match.end(), {"pmcid": match.group()})


def identifiers(text: str) -> Iterator[Candidate]:
    """Every identifier and URL in `text` (already width-folded)."""
    urls = _urls(text)
    yield from urls
    for candidate in _bare_identifiers(text):
        if not any(u.start <= candidate.start < u.end for u in urls):
            yield candidate
    yield from trial_ids(text)
