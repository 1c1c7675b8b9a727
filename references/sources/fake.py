"""An in-memory metadata source: records served from dicts, for pipeline and resolver tests.

It behaves like a batching service: one `lookup_many` call counts as one request, whatever
the number of keys, so tests can assert on batching and de-duplication.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import ClassVar

from auditor.references.models import (
    BibliographicQuery,
    IdKind,
    LookupResult,
    LookupStatus,
    Record,
    SearchResult,
    TrialRecord,
)
from auditor.references.sources.interface import MetadataSource

RecordKey = tuple[IdKind, str]
SearchMatcher = Callable[[BibliographicQuery], bool]


class InMemorySource(MetadataSource):
    """A `MetadataSource` answering from `records`; keys in `fail` answer FAILED."""

    name: ClassVar[str] = "memory"
    searchable: ClassVar[bool] = True

    def __init__(
        self,
        name: str,
        records: Mapping[RecordKey, Record | TrialRecord] | None = None,
        *,
        search_index: Iterable[Record | TrialRecord] = (),
        fail: Iterable[str] = (),
        kinds: Iterable[IdKind] = tuple(IdKind),
        search_fails: bool = False,
    ) -> None:
        self.name = name  # type: ignore[misc]  # instance name shadows the class default
        self.kinds = frozenset(kinds)  # type: ignore[misc]
        self._records = dict(records or {})
        self._search_index = list(search_index)
        self._fail = set(fail)
        self._search_fails = search_fails
        self.requests = 0
        self.calls: list[tuple[IdKind, tuple[str, ...]]] = []
        self.queries: list[BibliographicQuery] = []

    @property
    def requests_made(self) -> int:
        """One per `lookup_many` or `search` call."""
        return self.requests

    def lookup_many(self, kind: IdKind, keys: Sequence[str]) -> dict[str, LookupResult]:
        """Answer every key from the dict; unknown keys are NOT_FOUND, `fail` keys FAILED."""
        self.requests += 1
        self.calls.append((kind, tuple(keys)))
        return {key: self._answer(kind, key) for key in keys}

    def _answer(self, kind: IdKind, key: str) -> LookupResult:
        if key in self._fail or kind not in self.kinds:
            reason = "simulated failure" if key in self._fail else f"{self.name} cannot look up {kind.value}"
            status = LookupStatus.FAILED
            return LookupResult(source=self.name, kind=kind, key=key, status=status, reason=reason)
        item = self._records.get((kind, key))
        if item is None:
            return LookupResult(
                source=self.name, kind=kind, key=key, status=LookupStatus.NOT_FOUND, reason="no such record"
            )
        if isinstance(item, TrialRecord):
            return LookupResult(source=self.name, kind=kind, key=key, status=LookupStatus.FOUND, trial=item)
        return LookupResult(source=self.name, kind=kind, key=key, status=LookupStatus.FOUND, record=item)

    def search(self, query: BibliographicQuery) -> SearchResult:
        """Candidates from `search_index` sharing the first author's surname (case-insensitive)."""
        self.requests += 1
        self.queries.append(query)
        if self._search_fails:
            return SearchResult(source=self.name, status=LookupStatus.FAILED, reason="simulated failure")
        records = [r for r in self._search_index if isinstance(r, Record) and _shares_author(r, query)]
        status = LookupStatus.FOUND if records else LookupStatus.NOT_FOUND
        return SearchResult(source=self.name, status=status, candidates=records)


def _shares_author(record: Record, query: BibliographicQuery) -> bool:
    """A crude stand-in for a real search engine: any author surname in common, or a title word;
    for a named study (topic words), the journal and any topic word in the title or abstract."""
    if query.topic:
        text = f"{record.title or ''} {record.abstract or ''}".lower()
        same_journal = (query.journal or "").lower() in (record.journal or "").lower()
        return same_journal and any(t.lower() in text for t in query.topic)
    wanted = {a.lower() for a in query.authors}
    if wanted & {a.family.lower() for a in record.authors}:
        return True
    title = (query.title or "").lower()
    return bool(title) and bool(record.title) and title[:20] in (record.title or "").lower()
