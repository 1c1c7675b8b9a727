"""Helpers shared by the renderers: ordering of findings, record links, shortening of text.

Nothing here escapes for a particular output format; each renderer escapes what it writes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from auditor.models import Finding, ReferenceReport, Severity, Verdict

SEVERITY_ORDER: tuple[Severity, ...] = (Severity.ERROR, Severity.WARNING, Severity.INFO)
SEVERITY_HEADINGS = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Info"}
SEVERITY_NOUNS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}

# Worst first: the colour of a highlight covered by several claims is the worst verdict among them.
VERDICT_ORDER: tuple[Verdict, ...] = (
    Verdict.INCONSISTENT,
    Verdict.UNSUPPORTED,
    Verdict.UNVERIFIABLE,
    Verdict.SUPPORTED,
    Verdict.NOT_CHECKABLE,
)
VERDICT_LABELS = {
    Verdict.INCONSISTENT: "inconsistent: the evidence contradicts it",
    Verdict.UNSUPPORTED: "unsupported: evidence should exist and does not",
    Verdict.UNVERIFIABLE: "unverifiable: could not be checked",
    Verdict.SUPPORTED: "supported",
    Verdict.NOT_CHECKABLE: "not checkable",
}

# Identifiers become links only when they have exactly the expected shape: nothing else from a
# report can turn into a URL (no "javascript:", no markup smuggled through a DOI).
_PMID = re.compile(r"[1-9][0-9]{0,9}")
_PMCID = re.compile(r"PMC[0-9]{1,10}")
_NCT = re.compile(r"NCT[0-9]{8}")
_DOI = re.compile(r"10\.[0-9]{4,9}/[^\s]{1,300}")
_SAFE_URL = re.compile(r"https?://[A-Za-z0-9._~:/?#@!$&'()*+,;=%\[\]-]{1,2000}")


def findings_by_severity(findings: Iterable[Finding]) -> list[tuple[Severity, list[Finding]]]:
    """Findings grouped error → warning → info, each group in input order; empty groups omitted."""
    groups: dict[Severity, list[Finding]] = {severity: [] for severity in SEVERITY_ORDER}
    for item in findings:
        groups[item.severity].append(item)
    return [(severity, groups[severity]) for severity in SEVERITY_ORDER if groups[severity]]


def worst_verdict(verdicts: Iterable[Verdict]) -> Verdict:
    """The first of `VERDICT_ORDER` among `verdicts` (not_checkable when empty)."""
    present = set(verdicts)
    for verdict in VERDICT_ORDER:
        if verdict in present:
            return verdict
    return Verdict.NOT_CHECKABLE


def plural(count: int, noun: str) -> str:
    """`1 claim`, `2 claims` (info stays info)."""
    return f"{count} {noun}" if count == 1 or noun == "info" else f"{count} {noun}s"


def one_line(text: str) -> str:
    """Whitespace (including newlines) collapsed to single spaces."""
    return " ".join(text.split())


def shorten(text: str, limit: int = 80) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis when longer."""
    flat = one_line(text)
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def location(finding: Finding) -> str:
    """`line:column` of a finding, or "—" when it has no span."""
    return f"{finding.span.line}:{finding.span.column}" if finding.span else "—"


def safe_url(value: Any) -> str | None:
    """`value` when it is a plain http(s) URL of safe characters, else None."""
    if isinstance(value, str) and _SAFE_URL.fullmatch(value):
        return value
    return None


def _identifiers(reference: ReferenceReport) -> dict[str, str]:
    """pmid / pmcid / doi / nct of a reference: the record's first, then the parsed citation's."""
    found: dict[str, str] = {}
    for source in (reference.record or {}, reference.parsed):
        for key in ("pmid", "pmcid", "doi", "nct"):
            value = source.get(key)
            if isinstance(value, str) and value and key not in found:
                found[key] = value.strip()
    record = reference.record or {}
    record_id = record.get("id")
    if record.get("source") == "ctgov" and isinstance(record_id, str) and "nct" not in found:
        found["nct"] = record_id
    return found


def identifier_links(identifiers: dict[str, str]) -> list[tuple[str, str]]:
    """(label, URL) for each well-formed identifier: PubMed, PMC, DOI, ClinicalTrials.gov."""
    links: list[tuple[str, str]] = []
    pmid, pmcid = identifiers.get("pmid", ""), identifiers.get("pmcid", "").upper()
    doi, nct = identifiers.get("doi", ""), identifiers.get("nct", "").upper()
    if _PMID.fullmatch(pmid):
        links.append((f"PMID {pmid}", f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"))
    if _PMCID.fullmatch(pmcid):
        links.append((pmcid, f"https://pmc.ncbi.nlm.nih.gov/articles/{pmcid}/"))
    if _DOI.fullmatch(doi):
        links.append((f"DOI {doi}", "https://doi.org/" + quote(doi, safe="/:;._-")))
    if _NCT.fullmatch(nct):
        links.append((nct, f"https://clinicaltrials.gov/study/{nct}"))
    return links


def reference_links(reference: ReferenceReport) -> list[tuple[str, str]]:
    """(label, URL) of the record a reference resolved to, or of the identifiers it cites."""
    return identifier_links(_identifiers(reference))
