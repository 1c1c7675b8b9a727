"""I2xx: identifier syntax, in the text's claims and in parsed reference fields (offline).

A DOI must be `10.<4–9 digits>/<suffix>`; a PMID 1–8 digits and not 0; a PMCID "PMC" + digits;
an NCT number exactly 8 digits; an ISSN's mod-11 check digit must hold; other trial registry
numbers (ChiCTR, CTR, ISRCTN, EudraCT, …) must have their registry's shape.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from auditor.checks.registry import CheckContext, CheckSpec, finding, register
from auditor.models import Finding, FindingKind, Severity
from claims.models import Claim, ClaimKind, Span
from references.identifiers import (
    canonical_registry,
    is_malformed_nct,
    is_valid_doi,
    issn_check_digit_ok,
    trial_registry_of,
)
from references.models import Reference

_PMID_PREFIX = re.compile(r"^\s{0,3}PMID\s{0,3}[:：]?\s{0,3}", re.IGNORECASE)
_PMCID = re.compile(r"PMC\d{1,9}", re.IGNORECASE)
_NCT_LIKE = re.compile(r"NCT\d{1,20}", re.IGNORECASE)


def pmid_ok(value: str) -> bool:
    """1–8 digits, not all zeros (an optional "PMID:" prefix is allowed)."""
    digits = _PMID_PREFIX.sub("", value).strip()
    return digits.isascii() and digits.isdigit() and 1 <= len(digits) <= 8 and int(digits) > 0


def pmcid_ok(value: str) -> bool:
    """ "PMC" followed by digits (not all zeros)."""
    compact = value.strip().replace(" ", "")
    return bool(_PMCID.fullmatch(compact)) and int(compact[3:]) > 0


def trial_id_problem(registry: str | None, trial_id: str) -> str | None:
    """Why a trial registry number is malformed ("NCT with 7 digits", …), or None when it is fine."""
    value = trial_id.strip()
    if _NCT_LIKE.fullmatch(value):
        digits = len(value) - 3
        return f"an NCT number has 8 digits, this one has {digits}" if is_malformed_nct(value) else None
    expected = canonical_registry(registry) if registry else None
    actual = trial_registry_of(value)
    if expected and actual != expected:
        return f"it does not have the shape of a {expected} number"
    return None


# identifier field → (code, validator, the rule it enforces), for claims and reference fields
_SIMPLE: dict[str, tuple[str, Callable[[str], bool], str]] = {
    "doi": ("I201", is_valid_doi, "a DOI is 10.<registrant>/<suffix>, e.g. 10.1000/xyz123"),
    "pmid": ("I202", pmid_ok, "a PMID is 1–8 digits, e.g. 31978945"),
    "pmcid": ("I203", pmcid_ok, "a PMCID is PMC followed by digits, e.g. PMC7092803"),
}


def _claim_problems(claim: Claim) -> Iterator[tuple[str, str, str]]:
    """(code, value, why) for each malformed identifier in one claim."""
    norm = claim.normalized
    field = claim.kind.value
    if field in _SIMPLE:
        code, valid, why = _SIMPLE[field]
        value = str(norm.get(field) or claim.text)
        if not valid(value) and not valid(claim.text):
            yield code, value, why
    elif claim.kind is ClaimKind.TRIAL_ID:
        value = str(norm.get("id") or claim.text)
        problem = trial_id_problem(norm.get("registry"), value)
        if problem:
            yield ("I204" if value.upper().startswith("NCT") else "I206"), value, problem


def _reference_problems(ref: Reference) -> Iterator[tuple[str, str, str]]:
    """(code, value, why) for each malformed identifier field of one parsed reference."""
    parsed = ref.parsed
    for field, (code, valid, why) in _SIMPLE.items():
        value = getattr(parsed, field)
        if value and not valid(value):
            yield code, value, why
    if parsed.nct:
        problem = trial_id_problem(None, parsed.nct)
        if problem:
            yield "I204", parsed.nct, problem
    if parsed.issn and not issn_check_digit_ok(parsed.issn):
        yield "I205", parsed.issn, "its mod-11 check digit does not match the first seven digits"


def _span_in_reference(ctx: CheckContext, ref: Reference, value: str) -> Span | None:
    """The span of `value` inside the reference's text, else the whole reference."""
    if ref.span is None:
        return None
    at = ref.text.find(value)
    if at < 0:
        return ref.span
    start = ref.span.start + at
    return ctx.document.span(start, start + len(value))


_NAMES = {
    "I201": "DOI",
    "I202": "PMID",
    "I203": "PMCID",
    "I204": "NCT number",
    "I205": "ISSN",
    "I206": "trial ID",
}
_FIXES = {
    "I201": "correct the DOI from the publisher's page or Crossref",
    "I202": "correct the PMID from PubMed",
    "I203": "correct the PMCID from PubMed Central",
    "I204": "correct the NCT number from ClinicalTrials.gov (NCT + 8 digits)",
    "I205": "correct the ISSN from the ISSN portal or the NLM Catalog",
    "I206": "correct the registration number from the trial registry",
}


def _spec(code: str, summary: str) -> CheckSpec:
    return CheckSpec(code, FindingKind.MALFORMED_IDENTIFIER, Severity.ERROR, summary)


@register(
    _spec("I201", "DOI that is not syntactically valid (10.<registrant>/<suffix>)."),
    _spec("I202", "PMID that is not 1–8 digits or is 0."),
    _spec("I203", "PMCID that is not PMC followed by digits."),
    _spec("I204", "NCT number with other than 8 digits."),
    _spec("I205", "ISSN whose check digit is wrong."),
    _spec(
        "I206", "Trial registration number without its registry's shape (ChiCTR, CTR, ISRCTN, EudraCT, …)."
    ),
)
def malformed_identifier(ctx: CheckContext) -> Iterator[Finding]:
    """Syntax of identifiers in the text and in the reference list."""
    for claim in ctx.claims:
        for code, value, why in _claim_problems(claim):
            message = f"The {_NAMES[code]} {value} is malformed: {why}."
            yield finding(
                code,
                message,
                span=claim.span,
                quote=claim.text,
                claim_id=claim.id,
                evidence={"value": value, "rule": why},
                suggestion=_FIXES[code],
            )
    for ref in ctx.references:
        for code, value, why in _reference_problems(ref):
            message = f"The {_NAMES[code]} {value} in reference {ref.label or ref.id} is malformed: {why}."
            yield finding(
                code,
                message,
                span=_span_in_reference(ctx, ref, value),
                quote=value,
                reference_id=ref.id,
                evidence={"value": value, "rule": why},
                suggestion=_FIXES[code],
            )
