"""Per-host request pacing: a rate (pyrate-limiter v4) plus a concurrency cap per host.

Limits (see ../shared/fixtures/api/README.md §6):
- NCBI (E-utilities and the PMC ID converter share one bucket, as NCBI's etiquette is per client):
  3 requests/s, 10/s with an API key (https://support.nlm.nih.gov/kbArticle/?pn=KA-05510).
- Crossref since Dec 2025: public pool 5/s and 1 concurrent; polite pool (mailto) 10/s and 3
  concurrent (https://www.crossref.org/blog/announcing-changes-to-rest-api-rate-limits/).
- ClinicalTrials.gov publishes no limit and sends no rate headers; robots.txt says Crawl-delay: 1.
  We default to 50 requests/minute (the pace third-party guides call safe), configurable.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol

from pydantic import BaseModel, ConfigDict
from pyrate_limiter import Duration, Limiter, Rate


class HostLimit(BaseModel):
    """How fast and how concurrently one host may be asked."""

    model_config = ConfigDict(frozen=True)

    requests: int
    per_seconds: float = 1.0
    concurrency: int = 1


class HostLimiter(Protocol):
    """Anything that paces requests per host (the real limiter, or a no-op one in tests)."""

    def slot(self, bucket: str, limit: HostLimit) -> AbstractContextManager[None]:
        """A context manager held while one request to `bucket` is in flight."""
        ...


NCBI_SERVICES = frozenset({"eutils", "idconv"})


def bucket_of(host: str, service: str) -> str:
    """The pacing bucket of a request to `service` at `host`.

    Every *.ncbi.nlm.nih.gov host shares the "ncbi" bucket (NCBI's limit is per client, across
    E-utilities and the ID converter). Any other host is paced per service: a mirror or proxy that
    serves several services under one host name (or the loopback fakes of the benchmarks) must not
    make Crossref wait on NCBI's pace, nor NCBI's two services exceed it together.
    """
    host = host.lower().split(":")[0]
    if host == "ncbi.nlm.nih.gov" or host.endswith(".ncbi.nlm.nih.gov"):
        return "ncbi"
    return f"{host}/{'ncbi' if service in NCBI_SERVICES else service}"


class PyrateHostLimiter:
    """Real pacing: one pyrate-limiter `Limiter` and one semaphore per bucket, created on first use."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._limiters: dict[str, Limiter] = {}
        self._semaphores: dict[str, threading.BoundedSemaphore] = {}

    def _parts(self, bucket: str, limit: HostLimit) -> tuple[Limiter, threading.BoundedSemaphore]:
        with self._lock:
            if bucket not in self._limiters:
                window_ms = int(limit.per_seconds * Duration.SECOND)
                self._limiters[bucket] = Limiter(Rate(limit.requests, window_ms))
                self._semaphores[bucket] = threading.BoundedSemaphore(limit.concurrency)
            return self._limiters[bucket], self._semaphores[bucket]

    @contextmanager
    def slot(self, bucket: str, limit: HostLimit) -> Iterator[None]:
        """Wait for a free concurrency slot, then for the rate; release the slot afterwards."""
        limiter, semaphore = self._parts(bucket, limit)
        with semaphore:
            limiter.try_acquire(bucket, blocking=True)
            yield


class NoHostLimiter:
    """Pacing that never waits (tests, and offline use)."""

    def __init__(self) -> None:
        self.acquired: list[str] = []

    @contextmanager
    def slot(self, bucket: str, limit: HostLimit) -> Iterator[None]:
        """Record the bucket and go on at once."""
        self.acquired.append(bucket)
        yield


_shared_lock = threading.Lock()
_shared: PyrateHostLimiter | None = None


def shared_limiter() -> PyrateHostLimiter:
    """The process-wide limiter, so that every source hitting one host shares its pace."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = PyrateHostLimiter()
        return _shared
