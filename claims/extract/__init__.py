"""Claim extraction: every checkable statement of a document, with exact spans.

`extract_claims` runs each family extractor over the width-folded text (same length as the
original) with its soft line breaks joined (`claims.linebreaks.unwrap`: a paragraph written over
several lines reads as one line; offsets are mapped back to the original), drops duplicates and
look-alikes, and numbers the claims.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from auditor.claims.extract.authors import author_citations
from auditor.claims.extract.citations import numbered_citations
from auditor.claims.extract.comparisons import attach_comparisons
from auditor.claims.extract.count_lists import labelled_counts
from auditor.claims.extract.identifiers import identifiers
from auditor.claims.extract.implied_counts import implied_counts
from auditor.claims.extract.numbers import counts, fractions, percentages, relative_changes
from auditor.claims.extract.patterns import Candidate, merged_spans
from auditor.claims.extract.quantities import quantities
from auditor.claims.extract.statistics import statistics
from auditor.claims.extract.studies import journal_mentions, named_studies
from auditor.claims.linebreaks import unwrap
from auditor.claims.models import IDENTIFIER_KINDS, Claim, ClaimKind, Document, trusted_model
from auditor.claims.text import fold_width, sentence_bounds

__all__ = ["extract_claims", "extract_candidates", "extract_identifiers"]

_LINK_KINDS = IDENTIFIER_KINDS | {ClaimKind.URL}
WINDOW_CHARS = 262_144  # text is extracted in windows of about this many characters
_WINDOW_CUTS = ("\n\n", "\n", "。", ". ", "; ", " ")
_LOOKAHEAD_CHARS = 400  # read past the end of a region, for identifiers cut by a line end
_KIND_ORDER = {kind: index for index, kind in enumerate(ClaimKind)}


def _journal_parts_of_citations(citations: list[Candidate]) -> list[Candidate]:
    """ "(Li et al., 2022, Cell Therapy)" also mentions the journal "Cell Therapy"."""
    mentions = []
    for citation in citations:
        journal = citation.normalized.get("journal")
        if journal:
            mentions.append(
                Candidate(
                    ClaimKind.JOURNAL_MENTION, citation.end - len(journal), citation.end, {"journal": journal}
                )
            )
    return mentions


def _text_candidates(text: str, sentences: list[tuple[int, int]]) -> list[Candidate]:
    authors = list(author_citations(text))
    journals = list(journal_mentions(text))
    studies = list(named_studies(text, sentences, journals))
    journals += _journal_parts_of_citations(authors)
    _attach_authors(studies, authors)
    return [*numbered_citations(text), *authors, *journals, *studies]


def _number_candidates(
    text: str, sentences: list[tuple[int, int]], taken: list[Candidate]
) -> list[Candidate]:
    found = [
        *percentages(text),
        *fractions(text),
        *counts(text),
        *relative_changes(text, sentences),
        *statistics(text),
        *quantities(text),
    ]
    found += implied_counts(text, sentences, found + taken)
    found += labelled_counts(text, sentences, found + taken)
    attach_comparisons(text, sentences, found)
    return found


def _attach_authors(studies: list[Candidate], authors: list[Candidate]) -> None:
    starts = sorted((a.start, index) for index, a in enumerate(authors))
    keys = [start for start, _ in starts]
    for study in studies:
        index = bisect_right(keys, study.start - 1)
        while index < len(keys) and keys[index] < study.end:
            study.normalized["authors"].extend(authors[starts[index][1]].normalized["authors"])
            index += 1


def _outside(candidates: Iterable[Candidate], spans: list[tuple[int, int]]) -> list[Candidate]:
    """Candidates that start in none of the (sorted, start-ordered) `spans`."""
    starts = [start for start, _ in spans]
    kept = []
    for candidate in candidates:
        index = bisect_right(starts, candidate.start) - 1
        if index < 0 or spans[index][1] <= candidate.start:
            kept.append(candidate)
    return kept


def _without_contained(candidates: list[Candidate]) -> list[Candidate]:
    """Drop exact duplicates and candidates lying inside another of the same kind."""
    kept: list[Candidate] = []
    reach: dict[ClaimKind, int] = {}
    for candidate in sorted(candidates, key=lambda c: (_KIND_ORDER[c.kind], c.start, -c.end)):
        if candidate.end <= reach.get(candidate.kind, -1):
            continue
        reach[candidate.kind] = candidate.end
        kept.append(candidate)
    return kept


def _without_interval_levels(candidates: list[Candidate]) -> list[Candidate]:
    """The "95%" of "95% CI" is a confidence level, not a percentage claim."""
    levels = sorted(
        (c.start, c.end) for c in candidates if c.kind is ClaimKind.STATISTIC and c.normalized["name"] == "CI"
    )
    percents = [c for c in candidates if c.kind is ClaimKind.PERCENTAGE]
    others = [c for c in candidates if c.kind is not ClaimKind.PERCENTAGE]
    return others + _outside(percents, levels)


def _moved(candidate: Candidate, start: int, end: int) -> Candidate:
    """The candidate at other offsets (what `dataclasses.replace` gives, without its field walk)."""
    return Candidate(candidate.kind, start, end, candidate.normalized)


def extract_candidates(text: str) -> list[Candidate]:
    """All candidates of `text` (original or folded), filtered, sorted by start; offsets into `text`."""
    joined = unwrap(fold_width(text))
    folded = joined.text
    sentences = sentence_bounds(folded, unwrapped=True)
    links = _without_contained(list(identifiers(folded)))
    link_spans = sorted((c.start, c.end) for c in links)
    words = _text_candidates(folded, sentences)
    others = _outside(words + _number_candidates(folded, sentences, words + links), merged_spans(link_spans))
    kept = _without_interval_levels(_without_contained(others)) + links
    if joined.joins:
        kept = [_moved(c, *joined.original_span(c.start, c.end)) for c in kept]
    return sorted(kept, key=lambda c: (c.start, c.end, _KIND_ORDER[c.kind]))


def _claim(claim_id: str, candidate: Candidate, document: Document, start: int, end: int) -> Claim:
    """The claim of a candidate at document.text[start:end]. Every field is already of its type (a
    ClaimKind, strings, a Span, the payload dict the extractor built for this candidate alone), so
    it is not validated again (`trusted_model`): a long text has many claims."""
    values = {
        "id": claim_id,
        "kind": candidate.kind,
        "text": document.text[start:end],
        "span": document.span(start, end),
        "normalized": candidate.normalized,
    }
    return trusted_model(Claim, values)


def extract_claims(
    document: Document, *, body_end: int | None = None, limit: int | None = None
) -> list[Claim]:
    """Every claim of `document` before `body_end` (the reference list), ids c1, c2, … in text order.

    At most `limit` claims (all when None). Text longer than WINDOW_CHARS is read window by window
    (cut at a blank line, else a line end, else a sentence end), so memory stays bounded by one
    window's candidates plus the claims kept; no claim spans a paragraph break, and shorter texts
    (every real article) are one window.
    """
    text = document.text if body_end is None else document.text[: max(0, body_end)]
    claims: list[Claim] = []
    for offset, end in text_windows(text):
        for candidate in extract_candidates(text[offset:end]):
            if limit is not None and len(claims) >= limit:
                return claims
            start, stop = candidate.start + offset, candidate.end + offset
            claims.append(_claim(f"c{len(claims) + 1}", candidate, document, start, stop))
    return claims


def extract_identifiers(document: Document, start: int, end: int) -> list[Claim]:
    """Identifier claims (DOI, PMID, PMCID, ISSN, trial IDs) starting in `document.text[start:end]`.

    For the reference list, whose entries are parsed into fields rather than read as claims: the
    identifier checks read these (ids i1, i2, …), so that an identifier is read the same way in a
    reference entry as in running text. A little text after `end` is read too, so that a DOI cut
    by the line end that closes the list is seen whole. Spans are into `document.text`.
    """
    found: list[Claim] = []
    scanned = document.text[start : end + _LOOKAHEAD_CHARS]
    for offset, stop in text_windows(scanned):
        links = _without_contained(list(identifiers(fold_width(scanned[offset:stop]))))
        for candidate in sorted(links, key=lambda c: (c.start, c.end)):
            first, last = candidate.start + start + offset, candidate.end + start + offset
            if candidate.kind is ClaimKind.URL or first >= end:
                continue
            found.append(_claim(f"i{len(found) + 1}", candidate, document, first, last))
    return found


def text_windows(text: str, size: int = WINDOW_CHARS) -> list[tuple[int, int]]:
    """(start, end) windows of at most `size` characters, cut where no claim can go on."""
    windows: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        for separator in _WINDOW_CUTS:  # a paragraph end, else a line end, else a sentence end
            cut = text.rfind(separator, start + size // 2, start + size)
            if cut != -1:
                end = cut + len(separator)
                break
        windows.append((start, end))
        start = end
    windows.append((start, len(text)))
    return windows
