"""Identifier syntax: DOIs, PubMed/PMC IDs, trial registry numbers, ISSNs and the URLs that carry them.

Everything here is pure string work. Normalisers return the canonical form or ``None`` when the
input is not that kind of identifier; they never guess.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from auditor.claims.registries import REGISTRIES, registry_named

DOI_SYNTAX = re.compile(r"10\.\d{4,9}/\S{1,1000}")
# A shortDOI (https://shortdoi.org): an alias "10/abcde" that doi.org resolves like the DOI it
# stands for; a few lower-case letters and digits, at least one letter ("10/12" is a fraction).
SHORT_DOI_SYNTAX = re.compile(r"10/(?=[0-9]{0,9}[a-z])[a-z0-9]{1,10}")
_DOI_PREFIX = re.compile(
    r"^(?:https?://)?(?:dx\.)?(?:www\.)?doi\.org/|^doi\s{0,3}[:：]?\s{0,3}", re.IGNORECASE
)
_TRAILING = ".,;:。，、；：'\"]>》」"
_PMID = re.compile(r"(?:PMID\s{0,3}[:：]?\s{0,3})?(\d{1,8})", re.IGNORECASE)
_PMCID = re.compile(r"PMC\s{0,2}(\d{1,9})", re.IGNORECASE)
_NCT = re.compile(r"NCT(\d{8})", re.IGNORECASE)
_NCT_ANY = re.compile(r"NCT(\d{1,20})", re.IGNORECASE)

# Registry name → full-match pattern of its identifiers (the table in claims/data/registries.json).
TRIAL_PATTERNS: dict[str, re.Pattern[str]] = {r.name: r.shape for r in REGISTRIES}
# Per-registry URL templates; a registry without a stable per-trial page has no entry.
_REGISTRY_URLS = {
    "ClinicalTrials.gov": "https://clinicaltrials.gov/study/{id}",
    "ChiCTR": "https://www.chictr.org.cn/searchprojEN.html?regno={id}",
    "CTR": "http://www.chinadrugtrials.org.cn/clinicaltrials.searchlist.dhtml?keywords={id}",
    "ISRCTN": "https://www.isrctn.com/{id}",
    "EudraCT": "https://www.clinicaltrialsregister.eu/ctr-search/search?query={id}",
    "ANZCTR": "https://www.anzctr.org.au/{id}.aspx",
    "jRCT": "https://jrct.niph.go.jp/en-latest-detail/{id}",
    "DRKS": "https://drks.de/search/en/trial/{id}",
}


def _strip_trailing(s: str) -> str:
    """Drop sentence punctuation glued to an identifier; keep a ')' that closes a '(' inside it."""
    while s:
        if s[-1] in _TRAILING or s[-1] in "）" or s[-1] == ")" and s.count("(") < s.count(")"):
            s = s[:-1]
        else:
            break
    return s


def normalize_doi(s: str) -> str | None:
    """Canonical DOI (lower-case, no resolver prefix, no trailing punctuation) or None.

    A shortDOI alias ("10/dvq", "https://doi.org/10/g8r7pm") is a DOI name too (`is_short_doi`).
    """
    candidate = s.strip()
    if "%" in candidate:
        candidate = unquote(candidate)
    candidate = _DOI_PREFIX.sub("", candidate, count=1).strip()
    candidate = _strip_trailing(candidate).lower()
    return candidate if DOI_SYNTAX.fullmatch(candidate) or SHORT_DOI_SYNTAX.fullmatch(candidate) else None


def is_short_doi(doi: str | None) -> bool:
    """True for a normalised shortDOI alias ("10/dvq"): doi.org resolves it, but Crossref and PubMed
    index only the DOI it stands for, so it cannot be looked up there."""
    return doi is not None and SHORT_DOI_SYNTAX.fullmatch(doi) is not None


def is_valid_doi(s: str) -> bool:
    """True when `s` (with or without resolver prefix) is a syntactically valid DOI."""
    return normalize_doi(s) is not None


def normalize_pmid(s: str) -> str | None:
    """PMID as digits without leading zeros ("PMID: 0123" → "123"), or None."""
    m = _PMID.fullmatch(s.strip())
    if not m:
        return None
    digits = m.group(1).lstrip("0")
    return digits or None


def normalize_pmcid(s: str) -> str | None:
    """"PMC" + digits, upper-case ("pmc 3753739" → "PMC3753739"), or None."""
    m = _PMCID.fullmatch(s.strip())
    if not m or not m.group(1).lstrip("0"):
        return None
    return "PMC" + m.group(1).lstrip("0")


def normalize_nct(s: str) -> str | None:
    """"NCT" + exactly 8 digits, upper-case, or None (other lengths are malformed)."""
    m = _NCT.fullmatch(s.strip())
    return "NCT" + m.group(1) if m else None


def is_malformed_nct(s: str) -> bool:
    """True for an NCT-looking identifier whose digit count is not 8 ("NCT0123456")."""
    m = _NCT_ANY.fullmatch(s.strip())
    return m is not None and len(m.group(1)) != 8


def issn_check_digit_ok(issn: str) -> bool:
    """Validate an ISSN's mod-11 check digit ("0028-0836" ok; "X" stands for 10)."""
    compact = issn.strip().replace("-", "").upper()
    if len(compact) != 8 or not compact[:7].isdigit() or not (compact[7].isdigit() or compact[7] == "X"):
        return False
    total = sum(int(d) * w for d, w in zip(compact[:7], range(8, 1, -1), strict=True))
    expected = (11 - total % 11) % 11
    return compact[7] == ("X" if expected == 10 else str(expected))


def canonical_registry(name: str) -> str | None:
    """Canonical registry name for a name or alias ("NCT" → "ClinicalTrials.gov")."""
    found = registry_named(name)
    return found.name if found else None


def trial_registry_of(trial_id: str) -> str | None:
    """Which registry issued `trial_id` (canonical registry name), or None if no pattern fits."""
    candidate = trial_id.strip()
    for registry, pattern in TRIAL_PATTERNS.items():
        if pattern.fullmatch(candidate):
            return registry
    return None


def registry_url(registry: str | None, trial_id: str) -> str | None:
    """Public page of a trial in its registry, or None when the registry has no stable page."""
    name = canonical_registry(registry) if registry else trial_registry_of(trial_id)
    template = _REGISTRY_URLS.get(name or "")
    if template is None:
        return None
    ident = trial_id.strip()
    if name == "EudraCT":
        ident = re.sub(r"^EudraCT\s?", "", ident)
    return template.format(id=ident)


_PUBMED_PATH = re.compile(r"^/(?:pubmed/)?(\d{1,8})/?$")
_PMC_PATH = re.compile(r"/(?:pmc/)?articles/(PMC\d{1,9})", re.IGNORECASE)
_DOI_IN_PATH = re.compile(
    r"/(?:doi|articles?)/(?:(?:full|abs|abstract|pdf|epdf|fullHtml|fulltext)/)?(10\.\d{4,9}/\S{1,500})",
    re.IGNORECASE,
)
_VIEW_SUFFIX = re.compile(r"/(?:full|abstract|abs|pdf|epdf|html|fulltext|meta)/?$", re.IGNORECASE)
_EUROPEPMC_PATH = re.compile(r"/(?:article|abstract)/(MED|PMC)/(PMC\d{1,9}|\d{1,8})", re.IGNORECASE)
_NCT_PATH = re.compile(r"/(?:ct2/show|study)/(NCT\d{8})\b", re.IGNORECASE)


def ids_from_url(url: str) -> dict[str, str]:
    """Identifiers a URL names: keys among "pmid", "pmcid", "doi", "nct" (empty when none)."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    path = unquote(parts.path)
    found: dict[str, str] = {}
    if host in {"pubmed.ncbi.nlm.nih.gov", "ncbi.nlm.nih.gov"}:
        m = _PUBMED_PATH.match(path)
        if m and (host.startswith("pubmed") or path.startswith("/pubmed/")):
            _put(found, "pmid", normalize_pmid(m.group(1)))
    if host in {"ncbi.nlm.nih.gov", "pmc.ncbi.nlm.nih.gov", "europepmc.org"}:
        m = _PMC_PATH.search(path)
        if m:
            _put(found, "pmcid", normalize_pmcid(m.group(1)))
    if host in {"doi.org", "dx.doi.org"}:
        _put(found, "doi", normalize_doi(path.lstrip("/")))
    elif (m := _DOI_IN_PATH.search(path)) is not None:
        _put(found, "doi", normalize_doi(_VIEW_SUFFIX.sub("", m.group(1))))
    if host == "europepmc.org" and (m := _EUROPEPMC_PATH.search(path)) is not None:
        key = "pmid" if m.group(1).upper() == "MED" else "pmcid"
        _put(found, key, normalize_pmid(m.group(2)) if key == "pmid" else normalize_pmcid(m.group(2)))
    if host == "clinicaltrials.gov" and (m := _NCT_PATH.search(path)) is not None:
        _put(found, "nct", normalize_nct(m.group(1)))
    return found


def _put(found: dict[str, str], key: str, value: str | None) -> None:
    if value:
        found[key] = value
