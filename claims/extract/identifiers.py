"""Identifiers: trial registrations, DOIs, PMIDs, PMCIDs, ISSNs and other URLs.

A PubMed, PMC or doi.org URL yields the identifier claim (spanning the URL), not a url claim.
Malformed identifiers are kept when the text says what they are meant to be (a "doi:" label or a
doi.org URL, a "PMID"/"PMCID" label, a registry prefix), so that the identifier checks can flag
them; a bare number is never taken for an identifier.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from collections.abc import Iterator
from urllib.parse import unquote

from auditor.claims.extract.patterns import S2, Candidate, finditer_if
from auditor.claims.models import ClaimKind
from auditor.claims.registries import REGISTRIES

_URL_STOP = r"\s<>`\"'\u3000-\u9fff\uff00-\uffef“”"
# "http://", "https://" or "www." in any case, as a case-blind pattern reads them ("ſ" is an "s"),
# written out so that the pattern starts with one class and the engine skips to its letters.
_URL = re.compile(
    rf"[hHwW](?:(?<=[hH])[tT][tT][pP][sSſ]?://|(?<=[wW])[wW][wW]\.)[^{_URL_STOP}]{{1,500}}"
)
_BARE_PUBMED = re.compile(
    r"(?<![A-Za-z0-9./])(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov/|ncbi\.nlm\.nih\.gov/pubmed/)\d{1,9}/?"
)
_DOI = re.compile(rf"10(?<![A-Za-z0-9/.]10)\.(?P<prefix>\d{{1,9}})/[^{_URL_STOP}]{{1,200}}")
_DOI_LABEL_BEFORE = re.compile(rf"doi:{S2}$", re.IGNORECASE)
# What follows a "doi:" label or "doi.org/": any attempt at a DOI, well formed or not.
# (Each alternative starts with a letter and checks what precedes it after the fact, so that the
# regex engine can skip between "d"s instead of trying every position.)
_DOI_LABELLED = re.compile(
    rf"(?:doi(?<![A-Za-z]doi)(?:[ \t]{{0,2}}:[ \t\n]{{0,2}}|[ \t](?=\d))"
    rf"|dx\.(?<![A-Za-z0-9./]dx\.)doi\.org/|doi(?<![A-Za-z0-9./]doi)\.org/)"
    rf"(?P<token>[^{_URL_STOP}]{{1,200}})",
    re.IGNORECASE,
)
_DOI_ATTEMPT = re.compile(r"[1lI][0-9Oo][.,/:]")  # "10.", "1O.", "l0.", "10,", "10/", "10:"
# A registrant with subdivisions ("10.1000.10/…") is a DOI that is not flagged.
_DOI_SUBDIVIDED = re.compile(r"10\.\d{4,9}(?:\.\d{1,9}){1,3}/\S")
_DOI_URL = re.compile(r"(?:https?://)?(?:dx\.|www\.)?doi\.org/(?P<doi>.{1,200})", re.IGNORECASE)
_NEXT_LINE_TOKEN = re.compile(rf"\n[ \t]{{0,8}}([^{_URL_STOP}]{{1,200}})")
# "PMID: 17486113", "PMID 17486113", and "PMID写成196716550" / "PMID為…" (a Chinese "written as"/"is")
_PMID = re.compile(
    r"PMID(?<![A-Za-z]PMID)[ \t]{0,2}(?::|[写寫][成作]|[为為是])?[ \t]{0,2}(?P<id>\d{1,12})(?!\d)",
    re.IGNORECASE,
)
# Also "PMC12AB"-, "PMC-4455"- and "PMC12-345"-like malformed ids, for the identifier checks to flag
# ("PMC123-PMC456" is two ids).
_PMCID = re.compile(r"PMC(?<![A-Za-z]PMC)(?:\d[0-9A-Za-z]{0,11}(?:-\d{1,9})?|-\d{4,9})(?![0-9A-Za-z])")
_PMCID_LABELLED = re.compile(
    r"PMCID(?<![A-Za-z]PMCID)[ \t]{0,2}:?[ \t]{0,2}(?P<id>(?:PMC|pmc|\d)[0-9A-Za-z-]{0,15})(?![0-9A-Za-z-])"
)
_ISSN = re.compile(
    r"(?<![A-Za-z0-9-])(?:[EePp]-?)?[Ii][Ss][Ss][Nn](?:-L)?"
    r"(?:[ \t]?\((?:[Pp]rint|[Oo]nline|[Ee]lectronic|[Ll]inking)\))?"
    r"[ \t]{0,2}:?[ \t]{0,2}(?P<issn>\d{4}[-‐‑–]?\d{3}[\dXx])(?![\dA-Za-z])"
)
_EUDRACT_BARE = re.compile(r"(?:19|20)(?<![A-Za-z0-9-].{2})\d{2}-\d{6}-\d{2}(?![0-9])")
_EUDRACT_NUMBER = re.compile(r"\d[0-9-]{3,16}\d$")

_FAR = 1 << 62  # sorts after every end offset

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


def _well_formed_doi(value: str) -> bool:
    """10.<4–9 digits>/<suffix> (percent-encoded slashes allowed, as in URLs)."""
    value = unquote(value)
    found = _DOI.match(value)
    return (found is not None and len(found.group("prefix")) >= 4) or bool(_DOI_SUBDIVIDED.match(value))


def _continues_on_next_line(text: str, end: int, token: str) -> bool:
    """True when the DOI `token` ending at `end` is well formed once the next line is joined to it."""
    after = _NEXT_LINE_TOKEN.match(text, end)
    if after is None:
        return False
    return _well_formed_doi(token + text[after.start(1) : _trim(text, after.start(1), after.end(1))])


def trial_ids(text: str) -> Iterator[Candidate]:
    """Trial registration numbers, well formed or not; `id` is the canonical form (no spaces)."""
    for registry in REGISTRIES:
        if registry.prefix not in text:
            continue
        for match in registry.candidate.finditer(text):
            start, canonical = match.start(), match.group().replace(" ", "").replace("\t", "")
            if registry.label_only:
                number = _EUDRACT_NUMBER.search(match.group())
                if number is None:
                    continue
                start, canonical = match.start() + number.start(), number.group()
            yield Candidate(
                ClaimKind.TRIAL_ID, start, match.end(), {"registry": registry.name, "id": canonical}
            )
    if "-" in text:
        for match in _EUDRACT_BARE.finditer(text):
            yield Candidate(
                ClaimKind.TRIAL_ID, match.start(), match.end(), {"registry": "EudraCT", "id": match.group()}
            )


def _url_candidate(text: str, start: int, end: int) -> Candidate | None:
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
    doi = _DOI_URL.fullmatch(url)
    if doi and _DOI_ATTEMPT.match(doi.group("doi")):
        if _continues_on_next_line(text, end, doi.group("doi")):
            return None  # the rest of the URL is on the next line: not malformed, not read here
        return Candidate(ClaimKind.DOI, start, end, {"doi": doi.group("doi").lower()})
    return Candidate(ClaimKind.URL, start, end, {"url": url})


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    """True when `position` lies in one of `spans` (sorted, not overlapping); O(log n)."""
    index = bisect_right(spans, (position, _FAR)) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


# Text each pattern's every match contains, once lower-cased ("ı" matches "i" under IGNORECASE):
# a pattern whose needles are all absent is not run (such scans cost more than the rest together).
_URL_NEEDLES = ("http", "www.")
_BARE_PUBMED_NEEDLES = ("ncbi.nlm.nih.gov/",)
_DOI_LABEL_NEEDLES = ("doi", "\u0131")
_ISSN_NEEDLES = ("issn",)
# "PMID" in any case, as the case-blind pattern reads it ("ı" and "İ", lowered to "i̇", are an "i")
_PMID_NEEDLES = ("pmid", "pm\u0131d", "pmi\u0307d")


def _urls(text: str, lowered: str) -> tuple[list[Candidate], list[tuple[int, int]]]:
    """URL-borne candidates, and the sorted spans of every URL (a DOI URL cut by a line end yields none)."""
    found: list[Candidate] = []
    spans: list[tuple[int, int]] = []
    for pattern, needles in ((_URL, _URL_NEEDLES), (_BARE_PUBMED, _BARE_PUBMED_NEEDLES)):
        for match in finditer_if(pattern, text, needles, lowered):
            end = _trim(text, match.start(), match.end())
            if not _inside(spans, match.start()):
                insort(spans, (match.start(), end))
                candidate = _url_candidate(text, match.start(), end)
                if candidate is not None:
                    found.append(candidate)
    return found, spans


def _dois(text: str, lowered: str) -> Iterator[Candidate]:
    for match in _DOI.finditer(text):
        end = _trim(text, match.start(), match.end())
        if len(match.group("prefix")) < 4:
            continue  # malformed: kept below only when a label says it is a DOI
        label = _DOI_LABEL_BEFORE.search(text[max(0, match.start() - 8) : match.start()])
        start = match.start() - (len(label.group()) if label else 0)
        yield Candidate(ClaimKind.DOI, start, end, {"doi": text[match.start() : end].lower()})
    for match in finditer_if(_DOI_LABELLED, text, _DOI_LABEL_NEEDLES, lowered):
        end = _trim(text, match.start("token"), match.end("token"))
        token = text[match.start("token") : end]
        if not _DOI_ATTEMPT.match(token) or _well_formed_doi(token):
            continue
        if _continues_on_next_line(text, end, token):
            continue
        yield Candidate(ClaimKind.DOI, match.start(), end, {"doi": token.lower()})


def _bare_identifiers(text: str, lowered: str) -> Iterator[Candidate]:
    yield from _dois(text, lowered)
    for match in finditer_if(_PMID, text, _PMID_NEEDLES, lowered):
        yield Candidate(ClaimKind.PMID, match.start(), match.end(), {"pmid": match.group("id")})
    for match in _PMCID_LABELLED.finditer(text):
        value = match.group("id")
        value = "PMC" + value if value.isdigit() else value
        yield Candidate(ClaimKind.PMCID, match.start(), match.end(), {"pmcid": value})
    for match in _PMCID.finditer(text):
        yield Candidate(ClaimKind.PMCID, match.start(), match.end(), {"pmcid": match.group()})
    for match in finditer_if(_ISSN, text, _ISSN_NEEDLES, lowered):
        label = text[match.start() : match.start("issn")].rstrip(" \t:")
        digits = re.sub(r"[^0-9Xx]", "", match.group("issn")).upper()
        issn = f"{digits[:4]}-{digits[4:]}"
        yield Candidate(ClaimKind.ISSN, match.start(), match.end(), {"issn": issn, "label": label})


def identifiers(text: str) -> Iterator[Candidate]:
    """Every identifier and URL in `text` (already width-folded)."""
    lowered = text.lower()
    urls, spans = _urls(text, lowered)
    yield from urls
    for candidate in _bare_identifiers(text, lowered):
        if not _inside(spans, candidate.start):
            yield candidate
    yield from trial_ids(text)
