"""What keeps a dead, hanging or hostile service from costing a run more than seconds.

- `CircuitBreaker`: after `threshold` consecutive connection failures or timeouts (attempts, not
  calls: urllib3's retries count one by one) a service is "unavailable" and its remaining lookups
  fail at once; after `cooldown` seconds one trial request may close it again.
- `RunDeadline`: the run's overall deadline (`auditor audit --timeout`); no request starts after it
  and none waits past it.
- `GuardedRetry`: urllib3 `Retry` that caps Retry-After, counts every retry as a request, feeds the
  breaker and stops retrying once the breaker opens or the deadline passes.
- `read_capped`: a response body read in chunks with a size cap (and a time cap against servers
  that trickle bytes), so a 300 MB body is refused without being held in memory.
Clocks are injectable, so tests count instead of timing.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import requests
from urllib3.exceptions import (
    ConnectTimeoutError,
    MaxRetryError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
)
from urllib3.util.retry import Retry

LOG = logging.getLogger("auditor.references.http")
TRANSPORT_ERRORS = (ConnectTimeoutError, NewConnectionError, ReadTimeoutError, ProtocolError, OSError)
Clock = Callable[[], float]


class CircuitBreaker:
    """Consecutive transport failures of one service; open = do not ask it (until a trial succeeds)."""

    def __init__(
        self, label: str, *, threshold: int = 3, cooldown: float = 30.0, clock: Clock = time.monotonic
    ):
        self.label, self.threshold, self.cooldown, self.clock = label, threshold, cooldown, clock
        self.failures = 0
        self.opened_at: float | None = None
        self.trips = 0
        self._lock = threading.Lock()

    @property
    def is_open(self) -> bool:
        """Whether requests are being refused right now."""
        with self._lock:
            return self.opened_at is not None and self.clock() - self.opened_at < self.cooldown

    def allow(self) -> bool:
        """May a request start? When open past the cooldown, one trial is let through (half-open)."""
        with self._lock:
            if self.opened_at is None:
                return True
            if self.clock() - self.opened_at < self.cooldown:
                return False
            self.opened_at = self.clock()  # the trial: others wait for its outcome
            self.failures = self.threshold - 1  # one more failure re-opens at once
            return True

    def success(self) -> None:
        """The service answered (any HTTP status): it is reachable."""
        with self._lock:
            self.failures, self.opened_at = 0, None

    def failure(self) -> bool:
        """A connection failure or timeout; True when the breaker is (now) open."""
        with self._lock:
            self.failures += 1
            if self.failures >= self.threshold and self.opened_at is None:
                self.opened_at = self.clock()
                self.trips += 1
                LOG.warning(
                    "%s unavailable: %d connection failures or timeouts in a row; its remaining lookups "
                    "are not made (unverifiable)",
                    self.label,
                    self.failures,
                )
            elif self.failures >= self.threshold:
                self.opened_at = self.clock()
            return self.opened_at is not None


class RunDeadline:
    """An absolute deadline on `clock` (None: no deadline)."""

    def __init__(self, at: float | None = None, *, clock: Clock = time.time) -> None:
        self.at, self.clock = at, clock

    @classmethod
    def after(cls, seconds: float | None, *, clock: Clock = time.time) -> RunDeadline:
        """A deadline `seconds` from now (None: none)."""
        return cls(None if seconds is None else clock() + seconds, clock=clock)

    def remaining(self) -> float | None:
        """Seconds left (≤ 0 once passed), or None without a deadline."""
        return None if self.at is None else self.at - self.clock()

    @property
    def passed(self) -> bool:
        """Whether the deadline is behind us."""
        left = self.remaining()
        return left is not None and left <= 0


class RetryHooks:
    """What one client's retries report to: its request counter, its breaker, the run's deadline."""

    def __init__(self, breaker: CircuitBreaker, deadline: RunDeadline, on_request: Callable[[], None]):
        self.breaker, self.deadline, self.on_request = breaker, deadline, on_request
        self._local = threading.local()

    def begin(self, pace: Callable[[], None] | None = None) -> None:
        """A call starts (in this thread): no transport failure seen yet; `pace` waits for the
        host's rate before each retry (a retry is a request like any other)."""
        self._local.failures = 0
        self._local.pace = pace

    def pace(self) -> None:
        """A retry is about to be sent: wait for the host's pace (TimeoutError past the deadline)."""
        pace = getattr(self._local, "pace", None)
        if pace is not None:
            pace()

    @property
    def failures_this_call(self) -> int:
        """Transport failures the retries of this thread's current call reported."""
        return int(getattr(self._local, "failures", 0))

    def transport_failure(self) -> bool:
        """Count one failed attempt; True when retrying must stop (breaker open)."""
        self._local.failures = self.failures_this_call + 1
        return self.breaker.failure()


class GuardedRetry(Retry):
    """urllib3 Retry with capped Retry-After waits and the hooks above (bound per client by `bind`)."""

    max_retry_after: float = 30.0
    hooks: RetryHooks | None = None

    @classmethod
    def bind(cls, max_retry_after: float, hooks: RetryHooks | None) -> type[GuardedRetry]:
        """A subclass carrying one client's cap and hooks (urllib3 copies Retry objects by class)."""
        return type("GuardedRetry", (cls,), {"max_retry_after": max_retry_after, "hooks": hooks})

    def get_retry_after(self, response: Any) -> float | None:
        """The server's Retry-After in seconds, at most `max_retry_after`."""
        value = super().get_retry_after(response)
        return None if value is None else min(value, self.max_retry_after)

    def increment(  # type: ignore[override]  # urllib3 passes its arguments by keyword
        self, method: Any = None, url: Any = None, *args: Any, **kwargs: Any
    ) -> Retry:
        """One failed attempt: stop at once when the breaker opens or the deadline passed."""
        hooks = self.hooks
        error, response = kwargs.get("error"), kwargs.get("response")
        if hooks is not None:
            if isinstance(error, TRANSPORT_ERRORS) and hooks.transport_failure():
                raise MaxRetryError(kwargs.get("_pool"), url, error)  # type: ignore[arg-type]
            if response is not None:
                hooks.breaker.success()
            if hooks.deadline.passed:
                reason = error or ProtocolError("run deadline reached")
                raise MaxRetryError(kwargs.get("_pool"), url, reason)  # type: ignore[arg-type]
        new = super().increment(method, url, *args, **kwargs)
        if hooks is not None:
            hooks.on_request()  # the retry about to be sent is a request like the first
        return new

    def sleep(self, response: Any = None) -> None:
        """The backoff or Retry-After wait, then the host's pace: a retry is paced when it is sent."""
        super().sleep(response)
        if self.hooks is not None:
            try:
                self.hooks.pace()
            except TimeoutError:
                raise MaxRetryError(None, "", ProtocolError("run deadline reached")) from None  # type: ignore[arg-type]


class BodyTooLarge(Exception):
    """A response body over the cap."""


class BodyTooSlow(Exception):
    """A response body that took longer than allowed to arrive."""


def read_capped(
    response: requests.Response, *, max_bytes: int, max_seconds: float, clock: Clock = time.monotonic
) -> bytes:
    """The (decoded) body of a streamed response, refusing more than `max_bytes` or `max_seconds`."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        response.close()
        raise BodyTooLarge(declared)
    chunks: list[bytes] = []
    size, start = 0, clock()
    for chunk in response.iter_content(chunk_size=65536):
        size += len(chunk)
        if size > max_bytes:
            response.close()
            raise BodyTooLarge(str(size))
        if clock() - start > max_seconds:
            response.close()
            raise BodyTooSlow(str(size))
        chunks.append(chunk)
    body = b"".join(chunks)
    response._content = body  # noqa: SLF001 — what requests itself sets after reading a body
    response._content_consumed = True  # noqa: SLF001
    return body
