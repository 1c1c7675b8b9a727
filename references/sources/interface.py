"""The one small interface every metadata source implements (cf. pip-audit's VulnerabilityService).

A source answers "what is this identifier?" (`lookup_many`) and "which works match this
citation?" (`search`). "Not known to the service" is data (LookupStatus.NOT_FOUND), and a failure
to get an answer is data too (LookupStatus.FAILED with a reason): sources raise only
`SourceError` subclasses for misconfiguration that makes the whole source unusable.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import ClassVar

from auditor.references.models import BibliographicQuery, IdKind, LookupResult, LookupStatus, SearchResult


class SourceError(Exception):
    """A source cannot be used at all (bad base URL, invalid configuration)."""


class MetadataSource(ABC):
    """Looks identifiers up and searches for cited works in one external service."""

    name: ClassVar[str]
    kinds: ClassVar[frozenset[IdKind]] = frozenset()  # identifier kinds `lookup_many` accepts
    searchable: ClassVar[bool] = False  # whether `search` does anything

    @abstractmethod
    def lookup_many(self, kind: IdKind, keys: Sequence[str]) -> dict[str, LookupResult]:
        """Look up many normalised identifiers of one kind; returns one result per key."""

    def lookup(self, kind: IdKind, key: str) -> LookupResult:
        """Look up one identifier."""
        return self.lookup_many(kind, [key])[key]

    def search(self, query: BibliographicQuery) -> SearchResult:
        """Candidate records for a citation; sources that cannot search say so."""
        return SearchResult(source=self.name, status=LookupStatus.NOT_FOUND, reason="search unsupported")

    @property
    def requests_made(self) -> int:
        """HTTP requests sent so far (0 for sources that never touch the network)."""
        return 0
