"""N309/N310: a relative difference against the two values it compares (pure; precision first).

The extractor gives a stated improvement, relative reduction or efficacy the two values its
sentence compares ("6.2 versus 4.1 months, a 15% improvement"; "8 cases in the vaccine group vs
162 in the placebo group, efficacy 95%"). The check computes |A − B| / B for every value within the
precision each was stated with (a count is exact; "4.0%" may be 3.95–4.05) and for both orders
(which value is the reference is not always said), and reports only a stated figure that none of
them rounds to. A difference in percentage points that equals the stated figure is not reported
(the writer may mean points); an approximate figure ("about 50%") gets one unit of slack.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from auditor.checks.number_relations import (
    HEDGE,
    decimals_of,
    format_value,
    relative_difference_range,
    stated_halves,
    within,
)
from auditor.checks.registry import CheckContext, CheckSpec, finding, register
from auditor.claims.models import Claim, ClaimKind
from auditor.models import Finding, FindingKind, Severity


@dataclass(frozen=True)
class ComparisonProblem:
    """A stated relative difference that no reading of the two compared values gives."""

    claim: Claim
    stated: float
    decimals: int
    base: float
    new: float
    reference_first: float  # |new − base| / base · 100 (B is the reference)
    reference_second: float  # |new − base| / new · 100 (A is the reference)
    reference: float  # the value the words make the reference (base when either may be)
    either: bool  # True when the words allow either value as the reference

    @property
    def efficacy(self) -> bool:
        """True for a vaccine efficacy (1 − attack-rate ratio)."""
        return self.claim.normalized.get("measure") == "efficacy"

    @property
    def from_counts(self) -> bool:
        """True when the compared values are case counts (arms of equal size assumed)."""
        return self.claim.normalized.get("compared") == "count"


def _readings(norm: dict[str, Any]) -> list[tuple[float, float, float, float]]:
    """(value, half, reference, half) readings of |value − reference| / reference the words allow.

    An increase is relative to the smaller value and a reduction to the larger, whatever their
    order; an "improvement" (better may be higher or lower) to the value the text makes the
    reference (the control, else the one stated second); an efficacy, or values whose reference
    the text does not tell, either way.
    """
    new, base = float(norm["new"]), float(norm["base"])
    new_half, base_half = stated_halves(norm)
    first, second = (new, new_half), (base, base_half)
    both = [(*first, *second), (*second, *first)]
    if norm.get("measure") == "efficacy":
        return both
    if norm.get("neutral"):
        reference = norm.get("reference")
        return {"second": both[:1], "first": both[1:]}.get(str(reference), both)
    small, large = sorted((first, second))
    return [(*large, *small)] if float(norm["change"]) > 0 else [(*small, *large)]


def _consistent(stated: float, decimals: int, approx: bool, norm: dict[str, Any]) -> bool:
    for reading in _readings(norm):
        bounds = relative_difference_range(*reading)
        if bounds is None or within(stated, bounds, decimals, approx=approx):
            return True  # a reference near zero cannot be judged; a matching reading is enough
    new, base = float(norm["new"]), float(norm["base"])
    new_half, base_half = stated_halves(norm)
    points = abs(new - base)
    if norm.get("compared") == "percent" and not norm.get("relative"):
        slack = new_half + base_half
        return within(stated, (points - slack, points + slack), decimals, approx=approx)
    return False


def comparison_problem(claim: Claim) -> ComparisonProblem | None:
    """The problem of one relative-change claim with compared values, or None when it is consistent."""
    norm = claim.normalized
    if claim.kind is not ClaimKind.RELATIVE_CHANGE or not norm.get("comparison"):
        return None
    if norm.get("change") is None or norm.get("base") is None or norm.get("new") is None:
        return None
    stated = abs(float(norm["change"]))
    decimals = decimals_of(claim.text, stated)
    if _consistent(stated, decimals, bool(HEDGE.search(claim.text)), norm):
        return None
    new, base = float(norm["new"]), float(norm["base"])
    readings = _readings(norm)
    return ComparisonProblem(
        claim,
        stated,
        decimals,
        base,
        new,
        reference_first=100.0 * abs(new - base) / base,
        reference_second=100.0 * abs(new - base) / new,
        reference=readings[0][2],
        either=len(readings) > 1,
    )


def _wording(problem: ComparisonProblem) -> tuple[str, str, str]:
    """(code, message, suggestion) for one problem."""
    b, a = f"{problem.base:g}", f"{problem.new:g}"
    if problem.efficacy:
        right = format_value(problem.reference_first, problem.decimals)
        if problem.claim.normalized.get("compared") == "rate":
            a, b = f"{100 * problem.new:.3g}%", f"{100 * problem.base:.3g}%"
        basis = f"attack rates {a} vs {b}"
        if problem.from_counts:
            basis = f"{a} vs {b} cases (arms of equal size)"
        message = (
            f"An efficacy of {problem.stated:g}% does not match {basis}: "
            f"1 − {a}/{b} = {problem.reference_first:.1f}%."
        )
        return "N310", message, f"write {right}% or check the case counts and group sizes"
    expected = 100.0 * abs(problem.new - problem.base) / problem.reference
    right = format_value(expected, problem.decimals)
    other = problem.new if problem.reference == problem.base else problem.base
    message = (
        f"A relative difference of {problem.stated:g}% does not match {a} vs {b}: "
        f"|{a} − {b}| / {problem.reference:g} = {expected:.1f}%"
    )
    if problem.either:
        message += f" (or {100.0 * abs(problem.new - problem.base) / other:.1f}% relative to {other:g})"
    return "N309", message + ".", f"write {right}% or check the two values compared"


def _finding(problem: ComparisonProblem) -> Finding:
    code, message, suggestion = _wording(problem)
    claim = problem.claim
    evidence = {
        "stated_percent": problem.stated,
        "base": problem.base,
        "new": problem.new,
        "relative_to_base_percent": round(problem.reference_first, 4),
        "relative_to_new_percent": round(problem.reference_second, 4),
        "compared": claim.normalized.get("compared"),
        "exact_values": bool(claim.normalized.get("exact_values")),
    }
    return finding(
        code,
        message,
        span=claim.span,
        quote=claim.text,
        claim_id=claim.id,
        evidence=evidence,
        suggestion=suggestion,
    )


@register(
    CheckSpec(
        "N309",
        FindingKind.ARITHMETIC_INCONSISTENCY,
        Severity.ERROR,
        "Relative difference (improvement, relative reduction) that disagrees with the two values compared.",
    ),
    CheckSpec(
        "N310",
        FindingKind.ARITHMETIC_INCONSISTENCY,
        Severity.ERROR,
        "Vaccine efficacy that disagrees with the case counts or attack rates stated for the two groups.",
    ),
)
def comparison_matches(ctx: CheckContext) -> Iterator[Finding]:
    """`6.2 versus 4.1 months, a 15% improvement` (it is 51%); `8 vs 162 cases, efficacy 95%` is right."""
    for claim in ctx.claims_of(ClaimKind.RELATIVE_CHANGE):
        problem = comparison_problem(claim)
        if problem is not None:
            yield _finding(problem)
