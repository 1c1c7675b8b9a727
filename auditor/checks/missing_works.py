"""Author citations the reference list lacks, grouped into the works they cite (pure).

One missing work is often mentioned several times ("Ridker et al., 2017c … (Ridker et al.,
2017c)", "Peto等學者也曾預測（Peto et al., 2000）", "Cui的實驗 … Cui發現 … Cui等"), and it is one
problem, reported once with every mention. Mentions are the same work when they name the same
first author and the same year and suffix. A mention without a year belongs to the dated work of
that author in its own sentence, else to the only dated work of that author, else to that
author's other yearless mentions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from auditor.claims.models import Claim
from auditor.claims.text import sentence_at
from auditor.linking import cited_name_keys

_WorkKey = tuple[frozenset[str], int | None, str | None]


@dataclass(frozen=True)
class MissingWork:
    """Mentions (in text order) of one work the list lacks; `lead` is the one the finding is about."""

    mentions: tuple[Claim, ...]
    lead: Claim
    formal: bool  # some mention is a formal (parenthetical author-year) citation


def _author_key(claim: Claim) -> frozenset[str]:
    names = [str(n) for n in claim.normalized.get("authors") or [] if n]
    keys = cited_name_keys(claim, names[0]) if names else frozenset()
    return keys or frozenset({f"claim:{claim.id}"})  # a mention without a readable name stands alone


def _key(claim: Claim) -> _WorkKey:
    year = claim.normalized.get("year")
    return _author_key(claim), year if isinstance(year, int) else None, claim.normalized.get("suffix")


class _DatedWorks:
    """The dated works, indexed by author and by the sentences they are mentioned in."""

    def __init__(self, text: str, dated: dict[_WorkKey, list[Claim]]) -> None:
        self.text = text
        self.by_author: dict[frozenset[str], list[_WorkKey]] = {}
        self.sentences: dict[_WorkKey, set[tuple[int, int]]] = {}
        for key, members in dated.items():
            self.by_author.setdefault(key[0], []).append(key)
            self.sentences[key] = {sentence_at(text, m.span.start) for m in members}

    def home(self, claim: Claim) -> _WorkKey:
        """The work a yearless mention belongs to."""
        author = _author_key(claim)
        same_author = self.by_author.get(author, [])
        sentence = sentence_at(self.text, claim.span.start)
        for key in same_author:
            if sentence in self.sentences[key]:
                return key
        return same_author[0] if len(same_author) == 1 else (author, None, None)


def missing_works(
    text: str, claims: Sequence[Claim], is_formal: Callable[[Claim], bool]
) -> list[MissingWork]:
    """The works `claims` (author citations no entry matches) cite, in order of first mention."""
    dated: dict[_WorkKey, list[Claim]] = {}
    yearless: list[Claim] = []
    for claim in claims:
        key = _key(claim)
        if key[1] is None:
            yearless.append(claim)
        else:
            dated.setdefault(key, []).append(claim)
    works = dict(dated)
    index = _DatedWorks(text, dated)
    for claim in yearless:
        works.setdefault(index.home(claim), []).append(claim)
    out = []
    for members in works.values():
        mentions = tuple(sorted(members, key=lambda c: c.span.start))
        formal = [c for c in mentions if is_formal(c)]
        dated_first = [c for c in mentions if isinstance(c.normalized.get("year"), int)]
        lead = (formal or dated_first or list(mentions))[0]
        out.append(MissingWork(mentions, lead, bool(formal)))
    return sorted(out, key=lambda w: w.mentions[0].span.start)
