"""I2xx: identifier syntax, in the text's claims, in the reference list's text and in parsed fields.

A DOI must be `10.<4–9 digits>/<suffix>`; a PMID 1–8 digits and not 0; a PMCID "PMC" + digits;
an NCT number exactly 8 digits; an ISSN's mod-11 check digit must hold; other trial registry
numbers (ChiCTR, CTR, ISRCTN, EudraCT, …) must have their registry's shape (`claims/data/
registries.json`). Identifiers in the reference list come from the extraction stage
(`CheckContext.reference_identifiers`); entries read from a --references file have no text, so
their parsed fields are checked instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from auditor.checks.registry import CheckContext, CheckSpec, finding, register
from auditor.claims.models import Claim, ClaimKind, Span
from auditor.claims.registries import registry_by_prefix, registry_named
from auditor.models import Finding, FindingKind, Severity
from auditor.references.identifiers import is_malformed_nct, is_valid_doi, issn_check_digit_ok
from auditor.references.models import Reference

_PMID_PREFIX = re.compile(r"^\s{0,3}PMID\s{0,3}[:：]?\s{0,3}", re.IGNORECASE)
_PMCID = re.compile(r"PMC\d{1,9}", re.IGNORECASE)
_NCT_LIKE = re.compile(r"NCT\d{1,20}", re.IGNORECASE)
_ISSN_RULE = "its mod-11 check digit does not match the first seven digits"


def pmid_ok(value: str) -> bool:
    """1–8 digits, not all zeros (an optional "PMID:" prefix is allowed)."""
    digits = _PMID_PREFIX.sub("", value).strip()
    return digits.isascii() and digits.isdigit() and 1 <= len(digits) <= 8 and int(digits) > 0


def pmcid_ok(value: str) -> bool:
    """ "PMC" followed by digits (not all zeros)."""
    compact = value.strip().replace(" ", "")
    return bool(_PMCID.fullmatch(compact)) and int(compact[3:]) > 0


def trial_id_problem(registry: str | None, trial_id: str) -> str | None:
    """Why a trial registry number is malformed ("NCT with 7 digits", …), or None when it is fine.

    The registry is the one named (`registry`), else the one whose prefix starts the id; an id of
    no known registry is not judged.
    """
    value = trial_id.strip()
    if _NCT_LIKE.fullmatch(value):
        digits = len(value) - 3
        return f"an NCT number has 8 digits, this one has {digits}" if is_malformed_nct(value) else None
    known = (registry_named(registry) if registry else None) or registry_by_prefix(value)
    if known is None or known.fits(value):
        return None
    return f"{known.name} numbers are {known.rule}, e.g. {known.example}"


# identifier field → (code, validator, the rule it enforces), for claims and reference fields
_SIMPLE: dict[str, tuple[str, Callable[[str], bool], str]] = {
    "doi": ("I201", is_valid_doi, "a DOI is 10.<registrant>/<suffix>, e.g. 10.1000/xyz123"),
    "pmid": ("I202", pmid_ok, "a PMID is 1–8 digits, e.g. 31978945"),
    "pmcid": ("I203", pmcid_ok, "a PMCID is PMC followed by digits, e.g. PMC7092803"),
}


# The claim kinds `_claim_problems` reads (every other claim has no identifier to check).
_IDENTIFIER_CLAIM_KINDS = frozenset(
    {*(ClaimKind(field) for field in _SIMPLE), ClaimKind.TRIAL_ID, ClaimKind.ISSN}
)


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
    elif claim.kind is ClaimKind.ISSN:
        value = str(norm.get("issn") or "")
        if value and not issn_check_digit_ok(value):
            yield "I205", value, _ISSN_RULE


def _field_problems(ref: Reference) -> Iterator[tuple[str, str, str]]:
    """(code, value, why) for each malformed identifier field of a parsed reference."""
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
        yield "I205", parsed.issn, _ISSN_RULE


def _reference_at(ctx: CheckContext, span: Span) -> Reference | None:
    """The reference entry whose text holds `span`."""
    return next(
        (r for r in ctx.references if r.span is not None and r.span.start <= span.start < r.span.end), None
    )


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


def _listed_findings(ctx: CheckContext) -> Iterator[Finding]:
    """Malformed identifiers in the reference list: in its text, then in parsed fields not seen there."""
    seen: set[tuple[str, str | None]] = set()
    for claim in ctx.reference_identifiers:
        problems = list(_claim_problems(claim))
        if not problems:
            continue  # the usual case: its entry need not be looked for
        ref = _reference_at(ctx, claim.span)
        where = f" in reference {ref.label or ref.id}" if ref else " in the reference list"
        for code, value, why in problems:
            seen.add((code, ref.id if ref else None))
            yield finding(
                code,
                f"The {_NAMES[code]} {value}{where} is malformed: {why}.",
                span=claim.span,
                quote=claim.text,
                reference_id=ref.id if ref else None,
                evidence={"value": value, "rule": why},
                suggestion=_FIXES[code],
            )
    for ref in ctx.references:
        for code, value, why in _field_problems(ref):
            if (code, ref.id) not in seen:
                yield _field_finding(ctx, ref, code, value, why)


def _field_finding(ctx: CheckContext, ref: Reference, code: str, value: str, why: str) -> Finding:
    """A malformed identifier field of a parsed reference (read from a file, or not seen in its text)."""
    return finding(
        code,
        f"The {_NAMES[code]} {value} in reference {ref.label or ref.id} is malformed: {why}.",
        span=_span_in_reference(ctx, ref, value),
        quote=value,
        reference_id=ref.id,
        evidence={"value": value, "rule": why},
        suggestion=_FIXES[code],
    )


def _span_in_reference(ctx: CheckContext, ref: Reference, value: str) -> Span | None:
    """The span of `value` inside the reference's text, else the whole reference (None from a file)."""
    if ref.span is None:
        return None
    at = ref.text.find(value)
    if at < 0:
        return ref.span
    start = ref.span.start + at
    return ctx.document.span(start, start + len(value))


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
        if claim.kind not in _IDENTIFIER_CLAIM_KINDS:
            continue
        for code, value, why in _claim_problems(claim):
            yield finding(
                code,
                f"The {_NAMES[code]} {value} is malformed: {why}.",
                span=claim.span,
                quote=claim.text,
                claim_id=claim.id,
                evidence={"value": value, "rule": why},
                suggestion=_FIXES[code],
            )
    yield from _listed_findings(ctx)
