"""Small constructors of `LookupResult`s, shared by the sources."""

from __future__ import annotations

from collections.abc import Iterable

from auditor.references.models import IdKind, LookupResult, LookupStatus, Record, TrialRecord


def found(
    source: str, kind: IdKind, key: str, record: Record | None = None, trial: TrialRecord | None = None
) -> LookupResult:
    """A FOUND result carrying its record (or trial)."""
    return LookupResult(
        source=source, kind=kind, key=key, status=LookupStatus.FOUND, record=record, trial=trial
    )


def not_found(source: str, kind: IdKind, key: str, reason: str) -> LookupResult:
    """An authoritative "the service has no such thing"."""
    return LookupResult(source=source, kind=kind, key=key, status=LookupStatus.NOT_FOUND, reason=reason)


def failed(source: str, kind: IdKind, key: str, reason: str) -> LookupResult:
    """The service could not be asked or did not answer usably: never to be read as "not found"."""
    return LookupResult(source=source, kind=kind, key=key, status=LookupStatus.FAILED, reason=reason)


def all_failed(source: str, kind: IdKind, keys: Iterable[str], reason: str) -> dict[str, LookupResult]:
    """The same failure for every key of a batch."""
    return {key: failed(source, kind, key, reason) for key in keys}


def unsupported(source: str, kind: IdKind, keys: Iterable[str]) -> dict[str, LookupResult]:
    """FAILED for a kind the source cannot look up (a wiring mistake, reported, not hidden)."""
    return all_failed(source, kind, keys, f"{source} cannot look up {kind.value} identifiers")


def batches(keys: list[str], size: int) -> list[list[str]]:
    """Keys cut into consecutive batches of at most `size`."""
    return [keys[i : i + size] for i in range(0, len(keys), size)]


def unique(keys: Iterable[str]) -> list[str]:
    """Keys without repeats and blanks, in first-seen order."""
    return list(dict.fromkeys(k for k in keys if k))
