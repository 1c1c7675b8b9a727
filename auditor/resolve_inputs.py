"""What the resolver looks up for each reference and claim: normalised keys and search queries.

Pure functions. Identifiers are normalised with `references.identifiers` so that keys are comparable across
documents and match the cache's keys.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from auditor.candidates import query_of
from auditor.claims.models import Claim, ClaimKind
from auditor.claims.script import has_cjk
from auditor.journal_names import simplified
from auditor.references.identifiers import (
    ids_from_url,
    is_short_doi,
    normalize_doi,
    normalize_nct,
    normalize_pmcid,
    normalize_pmid,
)
from auditor.references.matching import translate_journal
from auditor.references.models import BibliographicQuery, IdKind, LookupResult, Record, Reference

Key = tuple[IdKind, str]

_NORMALIZERS: dict[IdKind, Callable[[str], str | None]] = {
    IdKind.PMID: normalize_pmid,
    IdKind.PMCID: normalize_pmcid,
    IdKind.DOI: normalize_doi,
    IdKind.NCT: normalize_nct,
}
_SPACES = re.compile(r"\s{1,200}")
# Words that are not journal names even when written in 《》 or after "in".
GENERIC_JOURNAL_WORDS = frozenset({"journal", "the journal", "review", "science news", "news", "preprint"})


def normalize_key(kind: IdKind, raw: str | None) -> str | None:
    """Canonical form of an identifier for lookups (references.identifiers), or None."""
    if not raw:
        return None
    normalizer = _NORMALIZERS.get(kind)
    if normalizer is not None:
        return normalizer(raw.strip())
    return _SPACES.sub(" ", raw.strip())


def _keys(pairs: Iterable[tuple[IdKind, str | None]]) -> list[Key]:
    out: list[Key] = []
    for kind, raw in pairs:
        key = normalize_key(kind, raw)
        if kind is IdKind.DOI and is_short_doi(key):
            continue  # an alias: Crossref and PubMed would answer "no such DOI" for a real work
        if key is not None and (kind, key) not in out:
            out.append((kind, key))
    return out


def reference_identifiers(reference: Reference) -> list[Key]:
    """The PMID, PMCID, DOI and NCT ID a reference gives."""
    p = reference.parsed
    return _keys([(IdKind.PMID, p.pmid), (IdKind.PMCID, p.pmcid), (IdKind.DOI, p.doi), (IdKind.NCT, p.nct)])


_CLAIM_ID_FIELDS = {
    ClaimKind.PMID: (IdKind.PMID, "pmid"),
    ClaimKind.PMCID: (IdKind.PMCID, "pmcid"),
    ClaimKind.DOI: (IdKind.DOI, "doi"),
    ClaimKind.TRIAL_ID: (IdKind.NCT, "id"),
}


_JOURNAL_CLAIM_KINDS = (ClaimKind.JOURNAL_MENTION, ClaimKind.NAMED_STUDY)
# The kinds `claim_lookup_keys` or `journal_names` give keys for (every other claim has none).
KEYED_CLAIM_KINDS = frozenset({*_CLAIM_ID_FIELDS, ClaimKind.URL, *_JOURNAL_CLAIM_KINDS})


def claim_identifiers(claim: Claim) -> list[Key]:
    """The identifier a DOI/PMID/PMCID/NCT claim names (other registries are not looked up)."""
    spec = _CLAIM_ID_FIELDS.get(claim.kind)
    if spec is None:
        return []
    return _keys([(spec[0], str(claim.normalized.get(spec[1]) or ""))])


_URL_ID_KINDS = {"pmid": IdKind.PMID, "pmcid": IdKind.PMCID, "doi": IdKind.DOI, "nct": IdKind.NCT}


def url_identifiers(url: str) -> list[Key]:
    """Identifiers a PubMed / PMC / doi.org / CT.gov URL names, normalised for lookups."""
    found = ids_from_url(url).items()
    return _keys([(_URL_ID_KINDS[name], raw) for name, raw in found if name in _URL_ID_KINDS])


def claim_lookup_keys(claim: Claim) -> list[Key]:
    """The identifiers a claim names: a DOI/PMID/PMCID/NCT claim's own, or those its URL names."""
    if claim.kind is ClaimKind.URL:
        return url_identifiers(str(claim.normalized.get("url") or claim.text))
    return claim_identifiers(claim)


def idconv_keys(record: Record | None) -> list[Key]:
    """The PMID and DOI the PMC ID converter gave for a PMCID (each looked up in its turn)."""
    if record is None:
        return []
    return _keys([(IdKind.PMID, record.pmid), (IdKind.DOI, record.doi)])


def english_journal_name(name: str | None) -> str | None:
    """The name to look up: Latin-script names as written, Chinese ones via the known translations.

    A name with Chinese characters ("细胞通信和信令:CCS", "中华医学杂志") is looked up only under
    the English title the translation table gives; otherwise it is not looked up at all (the
    catalogues index English titles; a Chinese-language journal is checked in CNKI or Wanfang).
    """
    if not name:
        return None
    cleaned = _SPACES.sub(" ", name.strip(" 《》<>\"'“”.,;:"))
    if has_cjk(cleaned):
        translated = translate_journal(cleaned) or translate_journal(simplified(cleaned))
        cleaned = translated[0] if translated else ""
    if len(cleaned) < 3 or cleaned.lower() in GENERIC_JOURNAL_WORDS:
        return None
    return cleaned


def journal_names(*, claim: Claim | None = None, reference: Reference | None = None) -> list[str]:
    """Journal names to check in the catalogues for a claim or reference (English, de-duplicated)."""
    raw: list[str | None] = []
    if claim is not None and claim.kind in _JOURNAL_CLAIM_KINDS:
        raw.append(claim.normalized.get("journal"))
    if reference is not None:
        raw.append(reference.parsed.journal)
    names = [english_journal_name(n) for n in raw]
    return list(dict.fromkeys(n for n in names if n))


def unlinked_citation_claims(claims: Iterable[Claim], links: Mapping[str, tuple[str, ...]]) -> list[Claim]:
    """Author citations and named studies that cite no reference of the list."""
    kinds = (ClaimKind.AUTHOR_CITATION, ClaimKind.NAMED_STUDY)
    return [c for c in claims if c.kind in kinds and not links.get(c.id)]


def reference_query(reference: Reference) -> BibliographicQuery:
    """The search for a reference: a Chinese journal name is searched under its English title."""
    query = query_of(reference.parsed, reference.text)
    if has_cjk(query.journal):
        query = query.model_copy(update={"journal": english_journal_name(query.journal)})
    return query


def describe_failure(result: LookupResult) -> str:
    """"pmid 123 (pubmed: timeout)": which lookup failed and why."""
    return f"{result.kind.value} {result.key} ({result.source}: {result.reason or 'no answer'})"
