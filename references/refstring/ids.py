"""Identifiers (DOI, PMID, PMCID, NCT, URLs) found in a reference, and the text without them.

The text without them keeps its length: every removed span is blanked with spaces, so positions in
it are positions in the original string.
"""

from __future__ import annotations

import re

from auditor.claims.extract.patterns import finditer_if, merged_spans
from auditor.references.identifiers import (
    ids_from_url,
    normalize_doi,
    normalize_nct,
    normalize_pmcid,
    normalize_pmid,
)
from auditor.references.refstring.noise import noise_spans

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'，。；、）]{1,2000}")
# "10" first, so that the engine jumps from one "10" to the next; the lookbehinds then test what precedes it
_DOI = re.compile(r"10(?<![\w/]10)(?<!\d\.10)\s?\.\s?\d{4,9}/\s?[^\s，。；、]{1,500}")
_DOI_GLUE = re.compile(r"(?:\.?(?:pmid|pmcid|epub)\b|\[doi\]|\[pii\]).*$", re.IGNORECASE)
_PMID = re.compile(r"\bPMID\s{0,3}[:：]?\s{0,3}(\d{1,8})\b", re.IGNORECASE)
_PMCID = re.compile(r"\bPMC(?:PMC)?\d{1,9}\b", re.IGNORECASE)
_NCT = re.compile(r"\bNCT\d{8}\b")
_EMPTY = re.compile(r"[\[(（]\s{0,200}[\])）]")  # brackets left empty by what was blanked


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with every span replaced by as many spaces (spans may overlap; one pass over them)."""
    if not spans:
        return text
    pieces: list[str] = []
    done = 0  # text[:done] is in `pieces`
    for start, end in merged_spans(spans):
        pieces += (text[done:start], " " * (end - start))
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def _retrieved_spans(core: str) -> list[tuple[int, int]]:
    """"2021 年 2 月 23 日检索自": the Chinese "retrieved on <date> from", back to the previous stop."""
    spans = []
    for marker in ("检索自", "檢索自"):
        end = core.find(marker)
        while end != -1:
            start = max(core.rfind("。", 0, end), core.rfind(".", 0, end), end - 30) + 1
            spans.append((start, end + len(marker)))
            end = core.find(marker, end + 1)
    return spans


def _url_ids(url: str) -> dict[str, str]:
    try:
        return ids_from_url(url)
    except ValueError:  # urlsplit rejects some hosts ("http://[a]"): such a URL names nothing
        return {}


def find_identifiers(norm: str) -> tuple[dict[str, str], list[str], str, str]:
    """(ids, urls, core, plain): ids from the text and its URLs; core is `norm` with all of them and
    the phrases around them blanked, plain only without URLs and DOIs.

    Each pattern runs only where the literal every match of it holds occurs ("://", "/", "pmid"…).
    """
    ids: dict[str, str] = {}
    urls: list[str] = []
    url_spans = []
    for match in finditer_if(_URL, norm, ("://", "www.")):
        url = match.group().rstrip(".,;:)]。")
        urls.append(url)
        for key, value in _url_ids(url).items():
            ids.setdefault(key, value)
        url_spans.append(match.span())
    core = _blank(norm, url_spans)
    doi_spans = []
    for match in _DOI.finditer(core):
        doi = normalize_doi(_DOI_GLUE.sub("", match.group()).replace(" ", ""))
        if doi:
            ids.setdefault("doi", doi)
        doi_spans.append(match.span())
    core = _blank(core, doi_spans)
    _labelled_ids(norm, ids)
    plain = core
    core = _blank(core, noise_spans(core) + _retrieved_spans(core))
    core = _blank(core, [m.span() for m in _EMPTY.finditer(core)])
    return ids, urls, _blank(core, _nct_spans(core)), plain


def _labelled_ids(norm: str, ids: dict[str, str]) -> None:
    """The first valid PMID, NCT number and PMCID written in `norm`, unless a URL gave one."""
    labelled = "pm" in norm.lower()  # in every PMID and PMCID (no other letter folds to p or m)
    for pattern, key, normaliser, present in ((_PMID, "pmid", normalize_pmid, labelled),
                                              (_NCT, "nct", normalize_nct, "NCT" in norm)):
        found = next((v for v in (normaliser(m.group(1) if m.groups() else m.group())
                                  for m in pattern.finditer(norm)) if v), None) if present else None
        if found:
            ids.setdefault(key, found)
    pmc = next((m.group() for m in _PMCID.finditer(norm)), None) if labelled else None
    if pmc:
        pmcid = normalize_pmcid(re.sub(r"(?i)^PMCPMC", "PMC", pmc))
        if pmcid:
            ids.setdefault("pmcid", pmcid)


def _nct_spans(core: str) -> list[tuple[int, int]]:
    return [m.span() for m in _NCT.finditer(core)] if "NCT" in core else []
