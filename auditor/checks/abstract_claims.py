"""A6xx: what a sentence says against the abstracts of the works it cites.

Every sentence that cites works whose records carry an abstract (PubMed efetch, Crossref), and
every sentence after it that goes on about the cited study (`evidence_carry`), is read for typed
quantities (participants, events, percentages, ratios with CIs, p-values, durations, doses,
rating-scale scores) and for the direction of an effect, and compared with those abstracts like
with like (`abstract_compare`, `abstract_arms`, `abstract_subgroups`). A601–A609 and A612
`abstract_contradiction`: the abstract states comparable values and none is the claim's, or it
reports the opposite direction (for the subgroup the claim names); A610 `citation_mismatch`: the
values are absent from the cited abstract but all stated by another cited work's abstract. A
number the abstract does not state is not a flag: A611 is one info note per document listing
those numbers (they could not be checked). Pure: reads claims, links and resolutions.
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.checks.abstract_compare import compare_carried, compare_sentence, unchecked
from auditor.checks.abstract_quantities import Quantity
from auditor.checks.abstract_reading import Abstract, Disagreement, read_abstract
from auditor.checks.claim_index import ClaimIndex
from auditor.checks.metadata_compare import is_identifier_mismatch
from auditor.checks.registry import CheckContext, CheckSpec, finding, register
from auditor.claims.models import ClaimKind
from auditor.claims.text import sentence_at
from auditor.evidence import ClaimSentence, claim_sentences
from auditor.evidence_carry import carried_sentences
from auditor.models import Finding, FindingKind, Severity
from auditor.references.models import Record

_SPEC = {
    "count": ("A601", "A count of participants or events differs from the cited abstract's."),
    "percent": ("A602", "A percentage differs from those the cited abstract gives for the same outcome."),
    "ratio": ("A603", "A hazard, odds, risk or rate ratio differs from the cited abstract's."),
    "ci": ("A604", "A ratio's confidence interval differs from the cited abstract's."),
    "p": ("A605", "A p-value disagrees with the cited abstract's."),
    "duration": ("A606", "A follow-up, treatment or dosing interval differs from the cited abstract's."),
    "dose": ("A607", "A dose differs from the doses the cited abstract gives."),
    "score": (
        "A612",
        "A score on a named rating scale (CDR-SB, EDSS, NIHSS…) differs from the cited abstract's.",
    ),
    "direction_effect": (
        "A608",
        "The text claims an effect where the cited abstract reports none for that outcome.",
    ),
    "direction_none": ("A609", "The text says there was no effect where the cited abstract reports one."),
}
_WHAT = {
    "count": "count",
    "percent": "percentage",
    "ratio": "ratio",
    "ci": "confidence interval",
    "p": "p-value",
    "duration": "duration",
    "dose": "dose",
    "score": "score",
}
_SPECS = [
    CheckSpec(code, FindingKind.ABSTRACT_CONTRADICTION, Severity.WARNING, summary, network=True)
    for code, summary in _SPEC.values()
]
_SPECS.append(
    CheckSpec(
        "A611",
        FindingKind.UNVERIFIABLE,
        Severity.INFO,
        "Numbers of citing sentences that the cited abstract does not state (one note per document).",
        network=True,
    )
)
_NOTE_SHOWN = 8  # numbers named in the note's message
_NOTE_KEPT = 200  # numbers listed in its evidence
_SPECS.append(
    CheckSpec(
        "A610",
        FindingKind.CITATION_MISMATCH,
        Severity.WARNING,
        "The numbers belong to another cited work: absent from the cited abstract, stated by another's.",
        network=True,
    )
)


def _record(ctx: CheckContext, evidence_id: str) -> Record | None:
    resolution = ctx.resolutions.get(evidence_id)
    if resolution is None or resolution.status not in ("identifier", "matched"):
        return None
    return resolution.record


def _abstracts(ctx: CheckContext) -> dict[str, Abstract]:
    """Evidence id → its abstract, for every resolved reference (or citation) that has one.

    A record whose identifier belongs to another work (M402) is not evidence for the citation."""
    read: dict[str, Abstract] = {}
    for evidence_id in [r.id for r in ctx.references] + [c.id for c in ctx.claims if c.id in ctx.resolutions]:
        record = _record(ctx, evidence_id)
        if record is None or not record.abstract or evidence_id in read:
            continue
        reference = ctx.reference(evidence_id)
        if reference is not None and is_identifier_mismatch(reference, record):
            continue
        read[evidence_id] = read_abstract(evidence_id, record.abstract)
    return read


_BRACKETS = str.maketrans("()（）[]", "      ")


def _name(ctx: CheckContext, evidence_id: str) -> str:
    """How the text knows the work: "reference 3", "Horby et al., 2020a" (its citation, in an
    author-year style), "Horby et al. 2020" (an entry not cited), else "the cited work"."""
    ref = ctx.reference(evidence_id)
    if ref is not None and ref.label:
        return f"reference {ref.label}"
    citing = next(
        (c for c in ctx.claims if c.id == evidence_id or evidence_id in ctx.links.get(c.id, ())), None
    )
    if citing is not None and citing.kind is ClaimKind.AUTHOR_CITATION:
        return " ".join(citing.text.translate(_BRACKETS).split())
    if ref is not None and ref.parsed.authors and ref.parsed.year:
        return f"{ref.parsed.authors[0].family} et al. {ref.parsed.year}"
    return "the cited work"


def _label(ctx: CheckContext, evidence_id: str) -> str:
    record = _record(ctx, evidence_id)
    name = _name(ctx, evidence_id)
    ident = (
        f"PMID {record.pmid}"
        if record and record.pmid
        else (f"doi:{record.doi}" if record and record.doi else "")
    )
    return f"{name} ({ident})" if ident else name


def _url(ctx: CheckContext, evidence_id: str) -> str | None:
    record = _record(ctx, evidence_id)
    if record is None:
        return None
    if record.pmid:
        return f"https://pubmed.ncbi.nlm.nih.gov/{record.pmid}/"
    return f"https://doi.org/{record.doi}" if record.doi else record.url


def _message(ctx: CheckContext, d: Disagreement, quote: str, carried: bool = False) -> str:
    source = _label(ctx, d.abstract.evidence_id) + (" (cited in an earlier sentence)" if carried else "")
    if d.what == "attribution" and d.other is not None:
        return (
            f"{d.extra['values']} is not in the abstract of {source} but is in that of "
            f"{_label(ctx, d.other.evidence_id)}: the claim may cite the wrong work."
        )
    if d.extra.get("claim") == "confined":
        return (
            f'The text confines the effect to a subgroup ("{quote}"), but the abstract of {source} '
            f"reports it regardless of {d.extra['subgroup']}."
        )
    if d.extra.get("claim") == "subgroup":
        return (
            f'The text says "{quote}" about the subgroup "{d.extra["subgroup"]}", but the abstract of '
            f"{source} reports the opposite in that subgroup."
        )
    if d.what == "direction_effect":
        return f'The text says "{quote}", but the abstract of {source} reports no effect on that outcome.'
    if d.what == "direction_none":
        return f'The text says "{quote}", but the abstract of {source} reports an effect on that outcome.'
    if d.extra.get("role") == "treated":
        return (
            f"The text gives all {quote} participants as treated where the abstract of {source} "
            f"states {d.stated[0]}."
        )
    return (
        f"The text gives {_WHAT[d.what]} {quote} where the abstract of {source} states {', '.join(d.stated)}."
    )


def _finding(
    ctx: CheckContext, index: ClaimIndex, where: ClaimSentence, sentence: str, d: Disagreement
) -> Finding:
    code = "A610" if d.what == "attribution" else _SPEC[d.what][0]
    start, end = where.start + d.start, where.start + d.end
    claim = index.overlapping(start, end) or (where.citations[0] if where.citations else None)
    quote = ctx.document.text[start:end]
    shown = d.other if d.other is not None else d.abstract
    evidence = {
        "sentence": " ".join(sentence.split()),
        "abstract_sentences": list(d.evidence),
        "record": _label(ctx, shown.evidence_id),
        "url": _url(ctx, shown.evidence_id),
    }
    if d.stated:
        evidence["abstract_values"] = list(d.stated)
    if where.carried_from is not None:
        start_at, end_at = sentence_at(ctx.document.text, where.carried_from)
        evidence["cited_in"] = " ".join(ctx.document.text[start_at:end_at].split())
    suggestion = (
        "Cite the work that reports these numbers, or correct them to the cited work's."
        if d.what == "attribution"
        else "Check the claim against the cited work and correct it (or cite the work that supports it)."
    )
    return finding(
        code,
        _message(ctx, d, quote, where.carried_from is not None),
        span=ctx.document.span(start, end),
        quote=quote,
        claim_id=claim.id if claim else None,
        reference_id=d.abstract.evidence_id if ctx.reference(d.abstract.evidence_id) else None,
        evidence=evidence,
        suggestion=suggestion,
    )


def _unchecked_entry(
    ctx: CheckContext, where: ClaimSentence, q: Quantity, cited: list[Abstract]
) -> dict[str, object]:
    span = ctx.document.span(where.start + q.start, where.start + q.end)
    return {
        "quote": ctx.document.text[span.start : span.end],
        "line": span.line,
        "start": span.start,
        "records": [_label(ctx, a.evidence_id) for a in cited],
    }


def _not_stated(entries: list[dict[str, object]]) -> Finding:
    """One note per document: the numbers of citing sentences that the cited abstracts do not state."""
    shown = ", ".join(f"{e['quote']} (line {e['line']})" for e in entries[:_NOTE_SHOWN])
    more = f" and {len(entries) - _NOTE_SHOWN} more" if len(entries) > _NOTE_SHOWN else ""
    return finding(
        "A611",
        f"{len(entries)} number(s) in sentences citing a work are not stated in its abstract, so they "
        f"could not be checked against it: {shown}{more}.",
        evidence={"not_stated": entries[:_NOTE_KEPT], "count": len(entries)},
        suggestion="Check these numbers against the full text of the cited work.",
    )


@register(*_SPECS)
def abstract_contradictions(ctx: CheckContext) -> Iterator[Finding]:
    """Compare every citing sentence with the abstracts of the works it cites."""
    abstracts = _abstracts(ctx)
    if not abstracts:
        return
    text = ctx.document.text
    index = ctx.claim_index()
    citing = claim_sentences(ctx.document, ctx.claims, ctx.links, ctx.resolutions)
    not_stated: list[dict[str, object]] = []
    for sentence in citing + carried_sentences(ctx.document, ctx.claims, citing):
        cited = [abstracts[i] for i in sentence.evidence_ids if i in abstracts]
        if not cited:
            continue
        raw = text[sentence.start : sentence.end]
        if sentence.carried_from is not None:
            found = compare_carried(raw, cited)
        else:
            found = compare_sentence(
                raw, cited, [a for i, a in abstracts.items() if i not in sentence.evidence_ids]
            )
        for disagreement in found:
            yield _finding(ctx, index, sentence, raw, disagreement)
        if not found:
            not_stated += [_unchecked_entry(ctx, sentence, q, cited) for q in unchecked(raw, cited)]
    if not_stated:
        yield _not_stated(not_stated)
