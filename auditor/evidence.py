"""Claims attached to their evidence: which references, records and trials each sentence relies on.

A sentence relies on the works its citations point to (numbered and author-year citations, named
studies: `links`, or the claim's own resolution when it was searched directly) and on the trials it
names (an NCT ID in the sentence, or in the sentence before when it names none itself). Findings
about a cited work get `cited_at`: the span and sentence of every in-text citation of that work
(for a work the list lacks, of every mention the finding names in `evidence["mention_claim_ids"]`).
Pure: reads the claims, links and resolutions of earlier stages, never the network.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from auditor.claims.models import CITATION_KINDS, Claim, ClaimKind, Document
from auditor.claims.text import sentence_at
from auditor.models import CitedSpan, Finding, FindingKind
from auditor.references.identifiers import normalize_nct

# Kinds of findings about a cited work (its entry in the list): they list where the text cites it.
CITED_WORK_KINDS = frozenset(
    {
        FindingKind.RETRACTED,
        FindingKind.NOT_FOUND,
        FindingKind.IDENTIFIER_MISMATCH,
        FindingKind.METADATA_MISMATCH,
    }
)
_SENTENCE_SHOWN = 400  # characters of a citing sentence kept in `cited_at`


@dataclass(frozen=True)
class ClaimSentence:
    """One sentence with the evidence it relies on."""

    start: int
    end: int
    citations: tuple[Claim, ...]  # citation claims inside the sentence, in text order
    evidence_ids: tuple[str, ...]  # reference ids (or claim ids of directly resolved citations)
    trials: tuple[str, ...]  # canonical NCT IDs of the sentence, else of the sentence before
    carried_from: int | None = None  # start of the citing sentence whose evidence this one carries

    def text(self, document_text: str) -> str:
        """The sentence as written."""
        return document_text[self.start : self.end]


def _evidence_of(claim: Claim, links: Mapping[str, tuple[str, ...]], resolved: Iterable[str]) -> list[str]:
    linked = list(links.get(claim.id, ()))
    return linked or ([claim.id] if claim.id in resolved else [])


def _ncts(claims: Iterable[Claim]) -> tuple[str, ...]:
    found = (normalize_nct(str(c.normalized.get("id") or "")) for c in claims if c.kind is ClaimKind.TRIAL_ID)
    return tuple(dict.fromkeys(n for n in found if n))


def _group_by_sentence(text: str, claims: Sequence[Claim]) -> dict[tuple[int, int], list[Claim]]:
    groups: dict[tuple[int, int], list[Claim]] = {}
    for claim in claims:
        if claim.kind in CITATION_KINDS or claim.kind is ClaimKind.TRIAL_ID:
            groups.setdefault(sentence_at(text, claim.span.start), []).append(claim)
    return groups


def claim_sentences(
    document: Document,
    claims: Sequence[Claim],
    links: Mapping[str, tuple[str, ...]],
    resolved: Iterable[str] = (),
) -> list[ClaimSentence]:
    """Every sentence that cites a work or names a trial, with what it relies on, in text order."""
    text, resolved_ids = document.text, set(resolved)
    groups = _group_by_sentence(text, claims)
    sentences: list[ClaimSentence] = []
    previous_trials: tuple[str, ...] = ()
    previous_end = -1
    for bounds in sorted(groups):
        members = groups[bounds]
        trials = _ncts(members)
        if not trials and _adjacent(text, previous_end, bounds[0]):
            trials = previous_trials
        citations = tuple(c for c in members if c.kind in CITATION_KINDS)
        ids = [i for c in citations for i in _evidence_of(c, links, resolved_ids)]
        sentences.append(ClaimSentence(bounds[0], bounds[1], citations, tuple(dict.fromkeys(ids)), trials))
        previous_trials, previous_end = _ncts(members), bounds[1]
    return sentences


def _adjacent(text: str, previous_end: int, start: int) -> bool:
    """True when the sentence starting at `start` directly follows one ending at `previous_end`."""
    if previous_end <= 0 or previous_end > start or text[previous_end - 1] == "\n":
        return False
    return text[previous_end:start].strip(" \t") == ""


def citations_by_reference(
    claims: Sequence[Claim], links: Mapping[str, tuple[str, ...]]
) -> dict[str, list[Claim]]:
    """Reference id → the citation claims that point to it, in text order."""
    cited: dict[str, list[Claim]] = {}
    for claim in claims:
        for ref_id in links.get(claim.id, ()):
            cited.setdefault(ref_id, []).append(claim)
    return cited


def cited_span(document: Document, claim: Claim) -> CitedSpan:
    """The citation's span with the sentence around it."""
    start, end = sentence_at(document.text, claim.span.start)
    sentence = " ".join(document.text[start:end].split())
    if len(sentence) > _SENTENCE_SHOWN:
        sentence = sentence[: _SENTENCE_SHOWN - 1] + "…"
    span = claim.span
    return CitedSpan(start=span.start, end=span.end, line=span.line, column=span.column, sentence=sentence)


def attach_cited_at(
    findings: Sequence[Finding],
    document: Document,
    claims: Sequence[Claim],
    links: Mapping[str, tuple[str, ...]],
) -> list[Finding]:
    """Findings about a cited work with `cited_at` filled from the citations of that work."""
    cited: dict[str, list[Claim]] | None = None  # indexes built when a finding needs them
    by_id: dict[str, Claim] | None = None
    out = []
    for f in findings:
        if f.cited_at:
            out.append(f)
            continue
        if f.kind in CITED_WORK_KINDS and f.reference_id:
            cited = citations_by_reference(claims, links) if cited is None else cited
            spans = [cited_span(document, c) for c in cited.get(f.reference_id, [])]
            f = f.model_copy(update={"cited_at": spans}) if spans else f
        elif ids := f.evidence.get("mention_claim_ids"):  # a work the list lacks: every mention of it
            by_id = {c.id: c for c in claims} if by_id is None else by_id
            spans = [cited_span(document, by_id[i]) for i in ids if i in by_id]
            f = f.model_copy(update={"cited_at": spans}) if spans else f
        out.append(f)
    return out
