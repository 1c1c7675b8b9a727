"""Identifiers (DOI, PMID, PMCID, NCT, URLs) found in a reference, and the text without them.

The text without them keeps its length: every removed span is blanked with spaces, so positions in
it are positions in the original string.
"""

from __future__ import annotations

import re

from auditor.references.identifiers import (
    ids_from_url,
    normalize_doi,
    normalize_nct,
    normalize_pmcid,
    normalize_pmid,
)

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'，。；、）]{1,2000}")
_DOI = re.compile(r"(?<![\w/])(?<!\d\.)10\s?\.\s?\d{4,9}/\s?[^\s，。；、]{1,500}")
_DOI_GLUE = re.compile(r"(?:\.?(?:pmid|pmcid|epub)\b|\[doi\]|\[pii\]).*$", re.IGNORECASE)
_PMID = re.compile(r"\bPMID\s{0,3}[:：]?\s{0,3}(\d{1,8})\b", re.IGNORECASE)
_PMCID = re.compile(r"\bPMC(?:PMC)?\d{1,9}\b", re.IGNORECASE)
_NCT = re.compile(r"\bNCT\d{8}\b")
# Phrases around identifiers that are not bibliographic fields; each is blanked out. (The lookahead
# holds the first character of every alternative: other positions are left after one test.)
_NOISE = re.compile(
    r"(?=[pdieocrua\[<(（])(?:"
    r"\b(?:doi|DOI|Doi)\s{0,2}[:：]\s{0,2}10[.,]\S{1,200}"  # also a malformed DOI ("10.1O56/…", "10,1056/…")
    r"|\bPMCID\s{0,3}[:：]?\s{0,3}PMC[0-9A-Za-z]{1,12}"  # also a malformed PMCID ("PMC68l2345")
    r"|(?:\bPub[Mm]ed\s{0,2}(?:Central\s{0,2})?)?PM(?:C)?ID\s{0,3}[:：]?\s{0,3}(?:PMC){0,2}\d{1,12}"
    r"|\[(?:doi|pii|pubmed|pmid|epub ahead of print|preprint|internet|serial|online)\]"
    r"|\[Available[^\]]{0,60}\]"
    r"|\b(?:doi|DOI|Doi)\s{0,2}[:：.]?\s{0,2}(?:10/\w{3,20}|[^\s\[\]]{0,80}\s?\[pii\]|(?=\s|$))"
    r"|\bissn\s{0,2}[:：]?\s{0,2}(?:\d{4}-\s?\d{3}[\dXx]\s{0,2}(?:\((?:Electronic|Print|Linking)\)\s{0,2})?){1,3}"
    r"|\bIF\s{0,2}:\s{0,2}\d{1,3}(?:[.,]\d{1,4})?"
    r"|\b(?:Erratum|Comment|Retraction|Retracted|Update|Corrected and republished)\s(?:in|of|on|for)\s?:.*$"
    r"|\bURL\b|</?[a-z]{1,10}>"
    r"|\b(?:doi|DOI)\s{0,2}:\s{0,2}[a-z0-9]{4,12}(?=[\s.,;]|$)"
    r"|\bEpub\b[^.;]{0,40}"
    r"|\bPublished online\b|\bOnline ahead of print\b|\bahead of print\b"
    r"|\b(?:Available|Retrieved|Accessed)\b[^.;:]{0,40}?(?:\b(?:from|at)\b\s{0,2}:?|:)"
    r"|\[(?:\d{4}-\d{1,2}-\d{1,2}|(?:cited|accessed)[^\]]{0,40})\]"
    r"|[(（](?:accessed|cited|retrieved|published online|online|epub)[^)）]{0,60}[)）])",
    re.IGNORECASE,
)


_EMPTY = re.compile(r"[\[(（]\s{0,200}[\])）]")  # brackets left empty by what was blanked


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with every span replaced by as many spaces (one pass, linear)."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


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
    the phrases around them blanked, plain only without URLs and DOIs."""
    ids: dict[str, str] = {}
    urls: list[str] = []
    url_spans = []
    for match in _URL.finditer(norm):
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
    for pattern, key, normaliser in ((_PMID, "pmid", normalize_pmid), (_NCT, "nct", normalize_nct)):
        found = next((v for v in (normaliser(m.group(1) if m.groups() else m.group())
                                  for m in pattern.finditer(norm)) if v), None)
        if found:
            ids.setdefault(key, found)
    pmc = next((m.group() for m in _PMCID.finditer(norm)), None)
    if pmc:
        pmcid = normalize_pmcid(re.sub(r"(?i)^PMCPMC", "PMC", pmc))
        if pmcid:
            ids.setdefault("pmcid", pmcid)
    plain = core
    core = _blank(core, [m.span() for m in _NOISE.finditer(core)] + _retrieved_spans(core))
    core = _blank(core, [m.span() for m in _EMPTY.finditer(core)])
    return ids, urls, _blank(core, [m.span() for m in _NCT.finditer(core)]), plain
