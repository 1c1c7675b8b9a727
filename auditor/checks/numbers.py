"""N3xx: numbers checked against each other inside the article (offline, precision first).

Percentages against their own fraction/count, parts against a stated whole, complementary shares
against 100%, relative changes against their base and new values, lost exponents, and p-values
announced without a value. Pairing and arithmetic live in `number_pairs`, `number_sums`,
`number_relations` and `number_exponents`; this module turns their results into findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.checks.number_exponents import bare_p_values, exponent_problems
from auditor.checks.number_pairs import SharePair, share_pairs
from auditor.checks.number_relations import (
    HEDGE,
    Agreement,
    agreement,
    decimals_of,
    exact_percentage,
    exact_relative_change,
    format_value,
    relative_difference_range,
    stated_halves,
    within,
)
from auditor.checks.number_shares import share_problems
from auditor.checks.number_sums import sum_problems
from auditor.checks.registry import CheckContext, CheckSpec, finding, register
from auditor.claims.models import Claim, ClaimKind
from auditor.models import Finding, FindingKind, Severity

_ARITH = FindingKind.ARITHMETIC_INCONSISTENCY


def _quote(ctx: CheckContext, start: int, end: int) -> tuple[str, dict[str, object]]:
    return ctx.document.text[start:end], {"span": ctx.document.span(start, end)}


def _share_wording(
    verdict: Agreement, stated: float, counts: str, exact: float, right: str
) -> tuple[str, str, str]:
    """(code, message, suggestion) for a percentage that is not its fraction rounded."""
    if verdict is Agreement.TRUNCATED:
        message = f"{stated:g}% is {counts} = {exact:.2f}% truncated, not rounded ({right}%)."
        return "N302", message, f"write {right}% ({counts})"
    message = f"{stated:g}% does not match {counts} = {exact:.2f}%, which rounds to {right}%."
    return "N301", message, f"write {right}% ({counts}) or check the counts"


def _plain(value: float) -> str:
    """ "1270000" rather than "1.27e+06" for a whole number."""
    return str(int(value)) if value == int(value) and abs(value) < 1e15 else f"{value:g}"


def _share_finding(ctx: CheckContext, pair: SharePair) -> Finding | None:
    exact = exact_percentage(pair.part, pair.whole)
    if exact is None:
        return None
    norm = pair.percent.normalized
    stated, decimals = float(norm["value"]), int(norm.get("decimals", 0))
    verdict = agreement(stated, exact, decimals, approx=bool(norm.get("approx")))
    if verdict is Agreement.ROUNDED:
        return None
    right = format_value(exact, decimals)
    counts = f"{_plain(pair.part)}/{_plain(pair.whole)}"
    code, message, suggestion = _share_wording(verdict, stated, counts, exact, right)
    quote, where = _quote(ctx, pair.start, pair.end)
    evidence = {
        "part": pair.part,
        "whole": pair.whole,
        "exact_percent": round(exact, 4),
        "stated_percent": stated,
        "decimals": decimals,
        "rounded": float(right),
    }
    return finding(
        code,
        message,
        quote=quote,
        claim_id=pair.percent.id,
        evidence=evidence,
        suggestion=suggestion,
        **where,
    )


@register(
    CheckSpec("N301", _ARITH, Severity.ERROR, "Percentage that does not match its own fraction or count."),
    CheckSpec("N302", _ARITH, Severity.INFO, "Percentage truncated instead of rounded (6/7 written as 85%)."),
)
def percentage_matches_fraction(ctx: CheckContext) -> Iterator[Finding]:
    """`85%患者(6/7)`, `57 of 71 (82%)`, `71篇中…(57篇,82%)`: the percentage must equal the share."""
    for pair in share_pairs(ctx.document.text, ctx.claims):
        found = _share_finding(ctx, pair)
        if found is not None:
            yield found


@register(
    CheckSpec(
        "N303",
        FindingKind.SUM_INCONSISTENCY,
        Severity.ERROR,
        "Enumerated parts that do not add up to the whole stated for them.",
    ),
    CheckSpec(
        "N304",
        FindingKind.SUM_INCONSISTENCY,
        Severity.WARNING,
        "Two complementary shares of one whole that do not add up to 100%.",
    ),
)
def parts_add_up(ctx: CheckContext) -> Iterator[Finding]:
    """`共纳入50例，其中30例…25例` and `51%…，49%…` must add up."""
    text = ctx.document.text
    for problem in sum_problems(text, ctx.claims):
        quote, where = _quote(ctx, problem.whole.span.start, problem.parts[-1].span.end)
        values = [float(p.normalized["value"]) for p in problem.parts]
        shown = " + ".join(f"{v:g}" for v in values)
        yield finding(
            "N303",
            f"The parts {shown} = {problem.total:g} do not add up to the stated total of {problem.stated:g}.",
            quote=quote,
            claim_id=problem.whole.id,
            evidence={"whole": problem.stated, "parts": values, "sum": problem.total},
            **where,
            suggestion="check the total and each part",
        )
    for share in share_problems(text, ctx.claims):
        quote, where = _quote(ctx, share.first.span.start, share.second.span.end)
        values = [float(share.first.normalized["value"]), float(share.second.normalized["value"])]
        yield finding(
            "N304",
            f"The two shares {values[0]:g}% and {values[1]:g}% add up to {share.total:g}%, not 100%.",
            quote=quote,
            claim_id=share.first.id,
            evidence={"shares": values, "sum": share.total, "tolerance": round(share.tolerance, 6)},
            **where,
            suggestion="check both percentages; if they are not two parts of one whole, say so",
        )


def _change_wording(
    change: float, base: float, new: float, exact: float, decimals: int, percent_values: bool
) -> tuple[str, str, str]:
    """(code, message, suggestion) for a relative change that disagrees with its base and new values.

    Points written as percent (N306) only when the two values are percentages themselves.
    """
    points, right = new - base, format_value(exact, decimals)
    if percent_values and agreement(change, points, decimals) is not Agreement.INCONSISTENT:
        message = (
            f"The change of {change:g}% equals {base:g} → {new:g} in percentage points; "
            f"as a relative change it is {right}%."
        )
        return "N306", message, f"write {points:g} percentage points, or {right}%"
    message = f"A change from {_plain(base)} to {_plain(new)} is {exact:+.1f}%, not {change:+g}%."
    return "N305", message, f"write {right}% or check the base and new values"


def _change_consistent(claim: Claim, change: float, exact: float, decimals: int) -> bool:
    """True when the stated change could be (new − base) / base for values within their stated
    precision ("1.8%→0.5%" may be 1.75–1.85 → 0.45–0.55), one unit looser after a hedge ("约65%")."""
    approx = bool(HEDGE.search(claim.text))
    if agreement(change, exact, decimals, approx=approx) is not Agreement.INCONSISTENT:
        return True
    norm = claim.normalized
    if (change < 0) != (exact < 0) and abs(exact) > 0:
        return False  # a fall stated as a rise (or the reverse) is wrong whatever the rounding
    new_half, base_half = stated_halves(norm)
    bounds = relative_difference_range(float(norm["new"]), new_half, float(norm["base"]), base_half)
    return bounds is not None and within(abs(change), bounds, decimals, approx=approx)


def _change_finding(claim: Claim) -> Finding | None:
    norm = claim.normalized
    if norm.get("change") is None or norm.get("base") is None or norm.get("new") is None:
        return None
    if norm.get("comparison"):
        return None  # two values compared, not a from-to change: N309/N310 judge it
    change, base, new = float(norm["change"]), float(norm["base"]), float(norm["new"])
    exact = exact_relative_change(base, new)
    decimals = decimals_of(claim.text, change)
    if exact is None or _change_consistent(claim, change, exact, decimals):
        return None
    percent_values = bool(norm.get("percent_values", True))
    code, message, suggestion = _change_wording(change, base, new, exact, decimals, percent_values)
    evidence = {
        "stated_change": change,
        "base": base,
        "new": new,
        "exact_change_percent": round(exact, 4),
        "difference_in_points": round(new - base, 6),
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
        "N305", _ARITH, Severity.ERROR, "Relative change that disagrees with the base and new values stated."
    ),
    CheckSpec(
        "N306",
        _ARITH,
        Severity.WARNING,
        "Relative change that equals the difference in percentage points (points written as percent).",
    ),
)
def relative_change_matches(ctx: CheckContext) -> Iterator[Finding]:
    """`提高38%(从5.2%增至7.2%)`: (7.2 − 5.2) / 5.2 = 38.5% is consistent."""
    for claim in ctx.claims_of(ClaimKind.RELATIVE_CHANGE):
        found = _change_finding(claim)
        if found is not None:
            yield found


@register(
    CheckSpec(
        "N307",
        FindingKind.MALFORMED_NUMBER,
        Severity.WARNING,
        "Number whose exponent was lost (1333×10?) or flattened into the base (3×1011).",
    ),
)
def lost_exponent(ctx: CheckContext) -> Iterator[Finding]:
    """One finding per number whose superscript exponent did not survive."""
    quantities = ctx.claim_index(ClaimKind.QUANTITY)
    covered: set[str] = set()
    for problem in exponent_problems(ctx.document.text):
        claim = quantities.overlapping(problem.start, problem.end)
        if claim is not None:
            covered.add(claim.id)
        quote, where = _quote(ctx, problem.start, problem.end)
        yield _exponent_finding(quote, where, claim, problem.restored())
    for claim in quantities.claims:
        if claim.normalized.get("exponent_lost") and claim.id not in covered:
            yield _exponent_finding(claim.text, {"span": claim.span}, claim, None)


def _exponent_finding(
    quote: str, where: dict[str, object], claim: Claim | None, restored: str | None
) -> Finding:
    if restored:
        message = f"{quote} probably lost its superscript: it reads as {restored}."
        suggestion = f"write {restored}"
    else:
        message = f"The exponent of {quote} is missing, so the number cannot be read."
        suggestion = "restore the exponent (e.g. ×10⁶)"
    return finding(
        "N307",
        message,
        quote=quote,
        claim_id=claim.id if claim else None,
        evidence={"restored": restored, "exponent_lost": restored is None},
        suggestion=suggestion,
        **where,
    )


_SIGNIFICANCE = re.compile(
    r"\d|显著|顯著|signific|差异|差異|增加|降低|提高|下降|改善|improv|reduc|increas|decreas"
)


_CLAUSE_ENDS = re.compile(r"[。！？!?；;\n]|\.\s")


def _clause_before(text: str, start: int) -> str:
    """Up to 80 characters before `start`, from the last sentence or clause end on."""
    window = text[max(0, start - 80) : start]
    ends = [m.end() for m in _CLAUSE_ENDS.finditer(window)]
    return window[ends[-1] :] if ends else window


@register(
    CheckSpec(
        "N308",
        FindingKind.MISSING_STATISTIC,
        Severity.WARNING,
        "Significance claim whose p-value (or other statistic) is announced but missing.",
    ),
)
def missing_statistic(ctx: CheckContext) -> Iterator[Finding]:
    """`增加23%(p)`, `(p=)`: the statistic's value is missing."""
    text = ctx.document.text
    statistics = ctx.claim_index(ClaimKind.STATISTIC)
    reported: set[str] = set()
    for start, end in bare_p_values(text):
        if not _SIGNIFICANCE.search(_clause_before(text, start)):
            continue
        claim = statistics.overlapping(start, end)
        if claim is not None:
            reported.add(claim.id)
        quote, where = _quote(ctx, start, end)
        yield _statistic_finding(quote, where, claim)
    for claim in statistics.claims:
        if claim.normalized.get("missing_value") and claim.id not in reported:
            yield _statistic_finding(claim.text, {"span": claim.span}, claim)


def _statistic_finding(quote: str, where: dict[str, object], claim: Claim | None) -> Finding:
    name = str(claim.normalized.get("name") or "p") if claim else "p"
    return finding(
        "N308",
        f"The {name}-value announced in {quote} has no value.",
        quote=quote,
        claim_id=claim.id if claim else None,
        evidence={"statistic": name, "value": None},
        suggestion=f"give the {name}-value (e.g. p=0.03) or remove the marker",
        **where,
    )
