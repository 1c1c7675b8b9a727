"""U9xx: lookups that could not be made, said once and plainly.

Each reference or claim left unverifiable by a lookup that was tried and failed (timeout, 5xx,
malformed answer) gets one U901 warning naming the lookup and why: every reference and claim whose
check needed it (its identifiers, the PMID/DOI idconv gave, its journal in the catalogues, its
search; a journal named twice makes both mentions unverifiable), and every claim of a sentence that
cites a work whose lookup failed (its abstract could not be compared). So a fault never changes a
verdict into another one: each stays what a clean run says, or becomes unverifiable.

Lookups that were not made (offline and not in the cache) are not failures: the document gets ONE
U902 note listing them, as it does when no source answered anything at all (`ctx.online` False),
instead of a flood of warnings.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from auditor.checks.metadata_evidence import reference_finding_fields
from auditor.checks.registry import CheckContext, CheckSpec, finding, register
from auditor.claims.models import Claim, ClaimKind
from auditor.evidence import claim_sentences
from auditor.models import Finding, FindingKind, Severity
from auditor.references.cache import OFFLINE_REASON
from auditor.references.models import IdKind, LookupResult, LookupStatus, Reference, SearchResult
from auditor.resolve_inputs import (
    KEYED_CLAIM_KINDS,
    Key,
    claim_lookup_keys,
    describe_failure,
    idconv_keys,
    journal_names,
)

_LISTED = 200  # at most this many lookups listed in the U902 evidence
_SEARCHED = (ClaimKind.AUTHOR_CITATION, ClaimKind.NAMED_STUDY)  # claims searched for when unlisted


@dataclass(frozen=True)
class UnmadeLookup:
    """A reference or claim that could not be checked, and the lookups that failed for it."""

    subject: str  # "reference 3", "claim 10.1000/x"
    fields: dict[str, Any]  # span / quote / reference_id / claim_id of the finding
    failures: tuple[str, ...]  # lookups that were tried and failed
    not_made: tuple[str, ...] = ()  # lookups not made: offline and not in the cache


def _describe_search(search: SearchResult) -> str:
    return f"search ({search.source}: {search.reason or 'no answer'})"


def _split(results: Iterable[LookupResult], searches: Iterable[SearchResult]) -> tuple[tuple[str, ...], ...]:
    """(failed, not made offline) descriptions of the failed lookups and searches."""
    failed: list[str] = []
    offline: list[str] = []
    for result in results:
        if result.failed:
            (offline if result.reason == OFFLINE_REASON else failed).append(describe_failure(result))
    for search in searches:
        if search.status is LookupStatus.FAILED:
            (offline if search.reason == OFFLINE_REASON else failed).append(_describe_search(search))
    return tuple(dict.fromkeys(failed)), tuple(dict.fromkeys(offline))


def _merged(ctx: CheckContext, keys: Iterable[Key]) -> list[LookupResult]:
    """The run's answers for `keys`, PMCIDs followed by the PMID and DOI the ID converter gave
    (callers skip computing keys when the run has no answers at all)."""
    results: list[LookupResult] = []
    for kind, value in dict.fromkeys(keys):
        result = ctx.lookups.get((kind.value, value))
        if result is None:
            continue
        results.append(result)
        if kind is IdKind.PMCID:
            mapped = result.record if result.status is LookupStatus.FOUND else None
            results.extend(_merged(ctx, idconv_keys(mapped)))
    return results


def _reference_keys(ctx: CheckContext, reference: Reference) -> list[Key]:
    journals = [(IdKind.JOURNAL, n) for n in journal_names(reference=reference)]
    return ctx.identifiers_of(reference) + journals


def _reference_failures(ctx: CheckContext) -> Iterator[UnmadeLookup]:
    """References with a lookup of theirs that failed: an identifier, their journal, or the search."""
    for reference in ctx.references:
        resolution = ctx.resolutions.get(reference.id)
        results = _merged(ctx, _reference_keys(ctx, reference)) if ctx.lookups else []
        searches: tuple[SearchResult, ...] = ()
        if resolution is not None and resolution.status == "unverifiable":
            results += resolution.lookups
            searches = resolution.searches
        split = _split(results, searches)
        if any(split):
            subject = f"reference {reference.label or reference.id}"
            yield UnmadeLookup(subject, reference_finding_fields(reference), *split)


def claim_keys(claim: Claim) -> list[Key]:
    """What was looked up to check a claim: the identifiers it names (or its URL names), its journal."""
    return claim_lookup_keys(claim) + [(IdKind.JOURNAL, n) for n in journal_names(claim=claim)]


def _claim_failures(ctx: CheckContext) -> Iterator[UnmadeLookup]:
    """Claims with a lookup of theirs that failed, each claim on its own (a failure seen by two
    claims makes both unverifiable: the clean run's verdict of either may rest on that lookup).
    Only claims with lookup keys or a search of their own can have one."""
    for claim in ctx.claims:
        if claim.kind not in KEYED_CLAIM_KINDS and claim.kind not in _SEARCHED:
            continue
        results = _merged(ctx, claim_keys(claim)) if ctx.lookups else []
        searches: tuple[SearchResult, ...] = ()
        resolution = ctx.resolutions.get(claim.id) if claim.kind in _SEARCHED else None
        if resolution is not None and resolution.status == "unverifiable":
            results += resolution.lookups
            searches = resolution.searches
        split = _split(results, searches)
        if any(split):
            fields = {"span": claim.span, "quote": claim.text, "claim_id": claim.id}
            yield UnmadeLookup(f'"{claim.text}"', fields, *split)


def unmade_lookups(ctx: CheckContext) -> list[UnmadeLookup]:
    """Every reference and claim left unverifiable by a failed lookup or search."""
    return [*_reference_failures(ctx), *_claim_failures(ctx)]


def _subject_id(item: UnmadeLookup) -> str | None:
    return item.fields.get("reference_id") or item.fields.get("claim_id")


def dependent_failures(ctx: CheckContext, unmade: list[UnmadeLookup]) -> Iterator[UnmadeLookup]:
    """Claims of a sentence citing a work whose lookup failed: the comparison with the work's
    abstract (A6xx, on any claim of the sentence) could not be made. Claims with a failure of
    their own are left to it."""
    failed = {_subject_id(u): u for u in unmade if u.failures}
    if not failed:
        return
    own = {u.fields.get("claim_id") for u in unmade}
    index = ctx.claim_index()
    for sentence in claim_sentences(ctx.document, ctx.claims, ctx.links, ctx.resolutions):
        causes = [failed[i] for i in sentence.evidence_ids if i in failed]
        if not causes:
            continue
        why = tuple(dict.fromkeys(f for u in causes for f in u.failures))
        works = ", ".join(u.subject for u in causes)
        for claim in index.starting_in(sentence.start, sentence.end):
            if claim.id in own:
                continue
            own.add(claim.id)
            fields = {"span": claim.span, "quote": claim.text, "claim_id": claim.id}
            yield UnmadeLookup(f'"{claim.text}" against {works}', fields, why)


@register(
    CheckSpec(
        "U901",
        FindingKind.UNVERIFIABLE,
        Severity.WARNING,
        "A lookup failed (network, rate limit, malformed answer), so this could not be checked.",
        network=True,
    ),
    CheckSpec(
        "U902",
        FindingKind.UNVERIFIABLE,
        Severity.INFO,
        "Lookups not made (offline and not cached, or no source answered): one note per document.",
        network=True,
    ),
)
def lookups_not_made(ctx: CheckContext) -> Iterator[Finding]:
    """U901 per item for lookups that failed; one U902 note for the lookups not made.

    Not made: offline and not in the cache, or every lookup of the document failed (no source
    answered anything: the network is down), where one note says more than a warning per item.
    """
    unmade = unmade_lookups(ctx)
    if not unmade:
        return
    summarised = [u for u in unmade if u.not_made or not ctx.online]
    if summarised:
        lookups = list(
            dict.fromkeys(
                f for u in summarised for f in (u.not_made if ctx.online else u.failures + u.not_made)
            )
        )
        offline = ctx.online or all(not u.failures for u in unmade)
        what = "not checked offline (not in the cache)" if offline else "not made (no source answered)"
        yield finding(
            "U902",
            f"Lookups {what}: {len(lookups)}; references or claims left unchecked: {len(summarised)}.",
            evidence={
                "lookups": lookups[:_LISTED],
                "lookups_total": len(lookups),
                "unchecked": [u.subject for u in summarised][:_LISTED],
            },
            suggestion="Run again online (without --offline), or import a cache export that holds them.",
        )
    if not ctx.online:
        return
    for item in [*unmade, *dependent_failures(ctx, unmade)]:
        if item.failures:
            yield finding(
                "U901",
                f"Could not check {item.subject}: {'; '.join(item.failures)}.",
                **item.fields,
                evidence={"failed_lookups": list(item.failures)},
                suggestion="Run the audit again later; the lookup may succeed.",
            )
