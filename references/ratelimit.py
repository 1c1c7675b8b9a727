"""Per-host request pacing: a rate (pyrate-limiter v4) plus a concurrency cap per host.

Processes that share a cache directory share the pace too: `shared_limiter(directory)` keeps
each bucket in `<directory>/ratelimit.sqlite3` (pyrate-limiter's SQLite bucket behind a file
lock), so two cron jobs together stay within a service's limit. They share the concurrency cap as
well: a bucket allowed N requests in flight has N lock files `<directory>/ratelimit.<bucket>.<i>.lock`,
and a request is sent only while holding one of them (an OS file lock, released when the process
dies, so a killed run cannot leave a slot taken). Without a directory (tests, library use) the
buckets and the cap live in memory.

Limits (see ../shared/fixtures/api/README.md §6):
- NCBI (E-utilities and the PMC ID converter share one bucket, as NCBI's etiquette is per client):
  3 requests/s, 10/s with an API key (https://support.nlm.nih.gov/kbArticle/?pn=KA-05510).
- Crossref since Dec 2025: public pool 5/s and 1 concurrent; polite pool (mailto) 10/s and 3
  concurrent (https://www.crossref.org/blog/announcing-changes-to-rest-api-rate-limits/).
- ClinicalTrials.gov publishes no limit and sends no rate headers; robots.txt says Crawl-delay: 1.
  We default to 50 requests/minute (the pace third-party guides call safe), configurable.
"""

from __future__ import annotations

import logging
import math
import re
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from pathlib import Path
from typing import Protocol

from filelock import FileLock, Timeout
from pydantic import BaseModel, ConfigDict
from pyrate_limiter import Duration, Limiter, Rate, SQLiteBucket

LOG = logging.getLogger("auditor.references.ratelimit")
RATE_FILE = "ratelimit.sqlite3"
JITTER_MARGIN_MS = 150
SLOT_POLL_SECONDS = 0.02  # how often a request waiting for a slot held by another process looks again


class HostLimit(BaseModel):
    """How fast and how concurrently one host may be asked."""

    model_config = ConfigDict(frozen=True)

    requests: int
    per_seconds: float = 1.0
    concurrency: int = 1


class HostLimiter(Protocol):
    """Anything that paces requests per host (the real limiter, or a no-op one in tests)."""

    def slot(
        self, bucket: str, limit: HostLimit, *, timeout: float | None = None
    ) -> AbstractContextManager[None]:
        """A context manager held while one request to `bucket` is in flight.

        Raises TimeoutError when the pace would make the request wait longer than `timeout` seconds.
        """
        ...

    def pace(self, bucket: str, limit: HostLimit, *, timeout: float | None = None) -> None:
        """Wait for the rate only (a retry sent from inside a slot already held); TimeoutError as above."""
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


def _table_name(bucket: str, limit: HostLimit) -> str:
    """A SQLite table name for a bucket and its rate (a different rate is a different bucket)."""
    name = re.sub(r"[^a-z0-9]+", "_", bucket.lower()).strip("_")[:80]
    return f"pace_{name}_{limit.requests}_per_{int(limit.per_seconds * 1000)}ms"


class SharedSlots:
    """`count` concurrency slots of one bucket shared by every process using `directory`: one lock
    file per slot; holding a slot is holding an exclusive OS lock on its file."""

    def __init__(self, directory: Path, bucket: str, count: int) -> None:
        name = re.sub(r"[^a-z0-9]+", "_", bucket.lower()).strip("_")[:80]
        self.paths = [directory / f"ratelimit.{name}.{i}.lock" for i in range(count)]
        self.attempts = 0  # rounds over the slot files (tests count them; no wall clock)

    def _take(self) -> FileLock | None:
        self.attempts += 1
        for path in self.paths:
            lock = FileLock(path, thread_local=False)
            try:
                lock.acquire(timeout=0)
            except Timeout:
                continue
            return lock
        return None

    @contextmanager
    def hold(self, timeout: float | None) -> Iterator[None]:
        """Hold a free slot (TimeoutError when none frees up within `timeout` seconds)."""
        give_up = None if timeout is None else time.monotonic() + timeout
        lock = self._take()
        while lock is None:
            if give_up is not None and time.monotonic() >= give_up:
                raise TimeoutError(str(self.paths[0]))
            time.sleep(SLOT_POLL_SECONDS)
            lock = self._take()
        try:
            yield
        finally:
            lock.release()


class PyrateHostLimiter:
    """Real pacing: one pyrate-limiter `Limiter` and one semaphore per bucket, created on first use.

    With `path`, each bucket is a table of that SQLite file, and its concurrency slots are lock files
    beside it (`SharedSlots`), shared by every process using them.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._limiters: dict[str, Limiter] = {}
        self._semaphores: dict[str, threading.BoundedSemaphore] = {}
        self.slots: dict[str, SharedSlots] = {}

    def _limiter(self, bucket: str, limit: HostLimit) -> Limiter:
        # the window is a little longer than the published one: requests reach the service with
        # a few ms of jitter, and the service counts arrivals, not our acquisitions
        rate = Rate(limit.requests, int(limit.per_seconds * Duration.SECOND) + JITTER_MARGIN_MS)
        if self.path is not None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                shared = SQLiteBucket.init_from_file(
                    [rate], table=_table_name(bucket, limit), db_path=str(self.path), use_file_lock=True
                )
                return Limiter(shared)
            except Exception as error:  # noqa: BLE001 — sqlite3, filelock and OS errors alike
                LOG.warning(
                    "request pacing is not shared with other processes (%s: %s); pacing this process only",
                    self.path,
                    type(error).__name__,
                )
                self.path = None
        return Limiter(rate)

    def _shared_slots(self, bucket: str, limit: HostLimit) -> SharedSlots | None:
        if self.path is None:
            return None
        slots = SharedSlots(self.path.parent, bucket, limit.concurrency)
        try:
            for path in slots.paths:
                path.touch(exist_ok=True)
        except OSError as error:
            LOG.warning(
                "the concurrency cap is not shared with other processes (%s: %s); capping this process only",
                slots.paths[0],
                type(error).__name__,
            )
            return None
        return slots

    def _parts(self, bucket: str, limit: HostLimit) -> tuple[Limiter, threading.BoundedSemaphore]:
        with self._lock:
            if bucket not in self._limiters:
                self._limiters[bucket] = self._limiter(bucket, limit)
                self._semaphores[bucket] = threading.BoundedSemaphore(limit.concurrency)
                shared = self._shared_slots(bucket, limit)
                if shared is not None:
                    self.slots[bucket] = shared
            return self._limiters[bucket], self._semaphores[bucket]

    @contextmanager
    def slot(self, bucket: str, limit: HostLimit, *, timeout: float | None = None) -> Iterator[None]:
        """Wait for a free concurrency slot (this process's, then one shared with other processes),
        then for the rate; release the slot afterwards."""
        _, semaphore = self._parts(bucket, limit)
        if timeout is not None and timeout <= 0:
            raise TimeoutError(bucket)
        give_up = None if timeout is None else time.monotonic() + timeout
        if not semaphore.acquire(timeout=timeout):
            raise TimeoutError(bucket)
        try:
            with ExitStack() as stack:
                shared = self.slots.get(bucket)
                if shared is not None:
                    stack.enter_context(shared.hold(_left(give_up)))
                self.pace(bucket, limit, timeout=_left(give_up))
                yield
        finally:
            semaphore.release()

    def pace(self, bucket: str, limit: HostLimit, *, timeout: float | None = None) -> None:
        """Wait for the bucket's rate (TimeoutError when that would take longer than `timeout`)."""
        limiter, _ = self._parts(bucket, limit)
        if timeout is not None and timeout <= 0:
            raise TimeoutError(bucket)
        wait = -1 if timeout is None else max(1, math.ceil(timeout))
        if not limiter.try_acquire(bucket, blocking=True, timeout=wait):
            raise TimeoutError(bucket)


def _left(give_up: float | None) -> float | None:
    """Seconds until `give_up` (a time.monotonic() value), or None for no limit."""
    return None if give_up is None else give_up - time.monotonic()


class NoHostLimiter:
    """Pacing that never waits (tests, and offline use)."""

    def __init__(self) -> None:
        self.acquired: list[str] = []

    @contextmanager
    def slot(self, bucket: str, limit: HostLimit, *, timeout: float | None = None) -> Iterator[None]:
        """Record the bucket and go on at once."""
        self.acquired.append(bucket)
        yield

    def pace(self, bucket: str, limit: HostLimit, *, timeout: float | None = None) -> None:
        """Record the bucket (a retry) and go on at once."""
        self.acquired.append(bucket)


_shared_lock = threading.Lock()
_shared: dict[Path | None, PyrateHostLimiter] = {}


def shared_limiter(directory: Path | None = None) -> PyrateHostLimiter:
    """The process-wide limiter (per cache directory), so that every source hitting one host shares
    its pace; with a directory, processes using the same directory share it as well."""
    key = Path(directory).resolve() / RATE_FILE if directory is not None else None
    with _shared_lock:
        if key not in _shared:
            _shared[key] = PyrateHostLimiter(key)
        return _shared[key]
