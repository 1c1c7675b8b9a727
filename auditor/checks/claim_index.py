"""Claims indexed by position, so checks relate neighbours in O(log n), never O(n) per claim."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from auditor.claims.models import Claim, ClaimKind

_LONGEST_CLAIM = 400  # claims longer than this are not searched backwards for overlaps


class ClaimIndex:
    """Claims of some kinds sorted by start offset, with range queries by bisection."""

    def __init__(self, claims: Iterable[Claim], *kinds: ClaimKind) -> None:
        chosen = [c for c in claims if not kinds or c.kind in kinds]
        self.claims = sorted(chosen, key=lambda c: (c.span.start, c.span.end))
        self._starts = [c.span.start for c in self.claims]

    def __len__(self) -> int:
        return len(self.claims)

    def starting_in(self, start: int, end: int, limit: int | None = None) -> list[Claim]:
        """Claims whose start lies in [start, end), at most `limit` of them (text order)."""
        first = bisect_left(self._starts, start)
        last = bisect_left(self._starts, end)
        if limit is not None:
            last = min(last, first + limit)
        return self.claims[first:last]

    def any_starting_in(self, start: int, end: int) -> bool:
        """True when some claim starts in [start, end)."""
        first = bisect_left(self._starts, start)
        return first < len(self._starts) and self._starts[first] < end

    def overlapping(self, start: int, end: int) -> Claim | None:
        """The first claim whose span overlaps [start, end)."""
        for claim in self.starting_in(max(0, start - _LONGEST_CLAIM), end):
            if claim.span.start < end and start < claim.span.end:
                return claim
        return None
