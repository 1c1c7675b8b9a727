"""HTTP plumbing shared by the metadata sources: configuration, sessions, retries, pacing, errors.

Every request goes through `ServiceClient.call`, which paces it per host, lets urllib3 retry what is
transient (timeouts, 408, 429 honouring Retry-After, 5xx), counts every request sent (retries
included), reads the body with a size cap, stops asking a service whose circuit breaker is open or
once the run's deadline passed (`references.http_guard`), and turns whatever still goes wrong into
a `FetchError` whose reason is one sentence and never contains the API key or the e-mail address.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable, Mapping
from contextlib import ExitStack
from importlib.metadata import PackageNotFoundError, version
from typing import Any
from urllib.parse import urlsplit

import requests
from auditor.references.http_guard import (
    BodyTooLarge,
    BodyTooSlow,
    CircuitBreaker,
    GuardedRetry,
    RetryHooks,
    RunDeadline,
    read_capped,
)
from auditor.references.ratelimit import NCBI_SERVICES, HostLimit, HostLimiter, bucket_of, shared_limiter
from auditor.references.sources.interface import SourceError
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

PROJECT_URL = "https://github.com/auditor-project/auditor"
RETRY_STATUSES = (408, 429, 500, 502, 503, 504)
BODY_RETRIES = 2  # extra attempts after a truncated or stalled body (urllib3 retries only up to headers)
_ENV_FIELDS = {
    "AUDITOR_EUTILS_URL": "eutils_url",
    "AUDITOR_IDCONV_URL": "idconv_url",
    "AUDITOR_CROSSREF_URL": "crossref_url",
    "AUDITOR_CTGOV_URL": "ctgov_url",
    "AUDITOR_DOIRA_URL": "doira_url",
    "NCBI_API_KEY": "ncbi_api_key",
    "AUDITOR_EMAIL": "email",
    "AUDITOR_HTTP_TIMEOUT": "read_timeout",
}


class FetchError(Exception):
    """A request got no usable answer; `reason` is the one sentence a report shows."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ServiceConfig(BaseModel):
    """Where the services are and how politely to ask them; validated before any request."""

    model_config = ConfigDict(frozen=True)

    eutils_url: str = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
    idconv_url: str = "https://pmc.ncbi.nlm.nih.gov/tools/idconv/api/v1/articles/"
    crossref_url: str = "https://api.crossref.org"
    ctgov_url: str = "https://clinicaltrials.gov/api/v2"
    doira_url: str = "https://doi.org/doiRA"  # which agency registered a DOI (doi.org's RA lookup)
    ncbi_api_key: SecretStr | None = None
    email: str | None = None
    retries: int = Field(default=4, ge=0, le=10)
    backoff_factor: float = Field(default=0.5, ge=0)
    connect_timeout: float = Field(default=5.0, gt=0)
    # between two reads of one response: NCBI and Crossref start answering in a few seconds even for
    # 200-ID batches and bibliographic queries; a hang costs this much (then a retry) until the breaker
    # opens after `breaker_threshold` in a row (AUDITOR_HTTP_TIMEOUT changes it)
    read_timeout: float = Field(default=15.0, gt=0)
    ctgov_requests_per_minute: int = Field(default=50, ge=1)
    max_retry_after: float = Field(default=30.0, ge=0)
    max_body_bytes: int = Field(default=20_000_000, ge=1)
    # a whole body, however it trickles in (a stall between two reads is the read timeout's)
    max_body_seconds: float = Field(default=120.0, gt=0)
    breaker_threshold: int = Field(default=3, ge=1)
    breaker_cooldown: float = Field(default=30.0, ge=0)
    deadline: float | None = None  # time.time() after which no request starts (auditor audit --timeout)

    @field_validator("eutils_url", "idconv_url", "crossref_url", "ctgov_url", "doira_url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"not an http(s) URL: {value!r}")
        return value

    @field_validator("email")
    @classmethod
    def _plain_email(cls, value: str | None) -> str | None:
        if value is not None and (not re.fullmatch(r"[^@\s]{1,200}@[^@\s]{1,200}", value)):
            raise ValueError("AUDITOR_EMAIL must be an e-mail address without spaces")
        return value or None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> ServiceConfig:
        """Configuration from the environment (and explicit overrides); SourceError when invalid."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {field: env[name] for name, field in _ENV_FIELDS.items() if env.get(name)}
        values.update(overrides)
        try:
            return cls(**values)
        except ValidationError as error:
            first = error.errors()[0]
            raise SourceError(f"invalid service configuration: {first['loc'][0]}: {first['msg']}") from None

    @property
    def api_key(self) -> str | None:
        """The NCBI API key in clear (only for request parameters, never for messages)."""
        return self.ncbi_api_key.get_secret_value() if self.ncbi_api_key else None

    @property
    def timeout(self) -> tuple[float, float]:
        """(connect, read) timeout of every request."""
        return (self.connect_timeout, self.read_timeout)


def package_version() -> str:
    """The installed version of auditor (or "0" when running from an uninstalled tree)."""
    try:
        return version("auditor")
    except PackageNotFoundError:
        return "0"


def user_agent(email: str | None) -> str:
    """A polite User-Agent with a project URL and, when known, a contact address."""
    contact = f"; mailto:{email}" if email else ""
    return f"auditor/{package_version()} (+{PROJECT_URL}{contact})"


def build_retry(config: ServiceConfig, hooks: RetryHooks | None = None) -> Retry:
    """The retry policy: transient statuses and errors only, Retry-After honoured (capped), POST included."""
    retry_class = GuardedRetry.bind(config.max_retry_after, hooks)
    return retry_class(
        total=config.retries,
        connect=config.retries,
        read=config.retries,
        status=config.retries,
        backoff_factor=config.backoff_factor,
        status_forcelist=RETRY_STATUSES,
        allowed_methods=frozenset({"GET", "HEAD", "POST"}),
        respect_retry_after_header=True,
        raise_on_status=False,
    )


class TimeoutSession(requests.Session):
    """A session whose requests default to an explicit (connect, read) timeout."""

    def __init__(self, timeout: tuple[float, float]) -> None:
        super().__init__()
        self.default_timeout = timeout

    def request(self, method: Any, url: Any, *args: Any, **kwargs: Any) -> requests.Response:
        """Send a request, with the default timeout unless one is given."""
        kwargs.setdefault("timeout", self.default_timeout)
        return super().request(method, url, *args, **kwargs)


def build_session(
    service: str, *, user_agent: str, retries: Retry, timeout: tuple[float, float]
) -> requests.Session:
    """One session for one service: retrying adapters, a User-Agent and a default timeout."""
    session = TimeoutSession(timeout)
    adapter = HTTPAdapter(max_retries=retries)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = user_agent
    session.headers["X-Auditor-Service"] = service
    return session


def limit_for(service: str, config: ServiceConfig) -> HostLimit:
    """The published (or prudent) pace of a service; see references/ratelimit.py for sources."""
    if service in NCBI_SERVICES:
        return HostLimit(requests=10 if config.api_key else 3)
    if service == "crossref":
        return HostLimit(requests=10, concurrency=3) if config.email else HostLimit(requests=5)
    if service == "ctgov":
        return HostLimit(requests=config.ctgov_requests_per_minute, per_seconds=60.0, concurrency=2)
    return HostLimit(requests=1)


def listing_limit_for(service: str, config: ServiceConfig) -> HostLimit | None:
    """The extra pace of list/query requests: Crossref allows 1/s public, 3/s polite (Dec 2025)."""
    if service == "crossref":
        return HostLimit(requests=3, concurrency=3) if config.email else HostLimit(requests=1)
    return None


_SECRET_PARAMS = re.compile(
    r"((?:api_key|api-key|email|mailto)[=:]\s{0,3}\"?)[^&\s'\",;)]{1,200}", re.IGNORECASE
)


def redact(text: str, *secrets: str | None) -> str:
    """Text with the API key and e-mail (as values and as api_key=/email=/mailto= parameters) blanked."""
    text = _SECRET_PARAMS.sub(r"\1***", text)
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "***")
    return text


class ServiceClient:
    """Paced, retried, counted, guarded requests to one service; failures become `FetchError`s."""

    def __init__(
        self,
        service: str,
        label: str,
        config: ServiceConfig,
        *,
        limiter: HostLimiter | None = None,
        session: requests.Session | None = None,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.service = service
        self.label = label
        self.config = config
        self.limiter: HostLimiter = limiter if limiter is not None else shared_limiter()
        self.limit = limit_for(service, config)
        self.monotonic = monotonic
        threshold, cooldown = config.breaker_threshold, config.breaker_cooldown
        self.breaker = CircuitBreaker(label, threshold=threshold, cooldown=cooldown, clock=monotonic)
        self.deadline = RunDeadline(config.deadline, clock=clock)
        self.hooks = RetryHooks(self.breaker, self.deadline, self._count)
        self.session = session or build_session(
            service,
            user_agent=user_agent(config.email),
            retries=build_retry(config, self.hooks),
            timeout=config.timeout,
        )
        self.requests_made = 0
        self._count_lock = threading.Lock()

    def _count(self) -> None:
        with self._count_lock:
            self.requests_made += 1

    def redact(self, text: str) -> str:
        """`text` without this client's API key and e-mail address."""
        return redact(text, self.config.api_key, self.config.email)

    def call(
        self,
        what: str,
        method: str,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        data: Mapping[str, Any] | None = None,
        ok: tuple[int, ...] = (200,),
        listing: bool = False,
    ) -> requests.Response:
        """Send one request; return the response (body read) when its status is in `ok`, else FetchError.

        `listing` marks a query/list request, which services like Crossref pace more slowly than
        single-record lookups: it then also waits for the host's separate "lists" bucket. A
        truncated or stalled body is asked again (at most BODY_RETRIES times).
        """
        reason = f"{what} failed"
        for _ in range(1 + BODY_RETRIES):
            response = self._paced(what, method, url, params, data, listing)
            if response.status_code not in ok:
                response.close()
                raise FetchError(self._status_reason(what, response.status_code))
            try:
                read_capped(
                    response,
                    max_bytes=self.config.max_body_bytes,
                    max_seconds=self.config.max_body_seconds,
                    clock=self.monotonic,
                )
                return response
            except BodyTooLarge:
                megabytes = self.config.max_body_bytes / 1e6
                raise FetchError(f"{what} sent a response too large (over {megabytes:g} MB)") from None
            except (BodyTooSlow, requests.exceptions.RequestException) as error:
                reason = self._body_reason(what, error)
        raise FetchError(reason)

    def _paced(
        self,
        what: str,
        method: str,
        url: str,
        params: Mapping[str, Any] | None,
        data: Mapping[str, Any] | None,
        listing: bool,
    ) -> requests.Response:
        """One request (and urllib3's retries) inside the host's pacing slot(s)."""
        self._check_allowed(what)
        bucket = bucket_of(urlsplit(url).netloc, self.service)
        list_limit = listing_limit_for(self.service, self.config) if listing else None
        wait = self.deadline.remaining()
        try:
            with self.limiter.slot(bucket, self.limit, timeout=wait), ExitStack() as stack:
                if list_limit is not None:
                    stack.enter_context(self.limiter.slot(f"{bucket}/lists", list_limit, timeout=wait))
                self._check_allowed(what)  # the wait for the pace may have outlasted either
                self._count()

                def pace() -> None:
                    left = self.deadline.remaining()
                    self.limiter.pace(bucket, self.limit, timeout=left)
                    if list_limit is not None:
                        self.limiter.pace(f"{bucket}/lists", list_limit, timeout=left)

                return self._send(what, method, url, params, data, pace)
        except TimeoutError:
            raise FetchError(self._deadline_reason(what)) from None

    def _check_allowed(self, what: str) -> None:
        if self.deadline.passed:
            raise FetchError(self._deadline_reason(what))
        if not self.breaker.allow():
            raise FetchError(
                f"{what} not made: service unavailable ({self.label} failed "
                f"{self.breaker.threshold} times in a row)"
            )

    @staticmethod
    def _deadline_reason(what: str) -> str:
        return f"{what} not made: the run's deadline (--timeout) was reached"

    def _timeout(self) -> tuple[float, float]:
        left = self.deadline.remaining()
        connect, read = self.config.timeout
        if left is None:
            return connect, read
        left = max(left, 0.01)
        return min(connect, left), min(read, left)

    def _send(
        self,
        what: str,
        method: str,
        url: str,
        params: Mapping[str, Any] | None,
        data: Mapping[str, Any] | None,
        pace: Callable[[], None] | None = None,
    ) -> requests.Response:
        self.hooks.begin(pace)
        try:
            response = self.session.request(
                method, url, params=params, data=data, stream=True, timeout=self._timeout()
            )
        except requests.exceptions.RequestException as error:
            transport = isinstance(error, (requests.exceptions.ConnectionError, requests.exceptions.Timeout))
            if transport and self.hooks.failures_this_call == 0:  # urllib3's retries did not see it
                self.breaker.failure()
            if self.deadline.passed:
                raise FetchError(self._deadline_reason(what)) from None
            raise FetchError(self._transport_reason(what, error)) from None
        self.breaker.success()
        return response

    def _body_reason(self, what: str, error: Exception) -> str:
        if isinstance(error, (BodyTooSlow, requests.exceptions.Timeout)) or "timed out" in str(error):
            self.breaker.failure()
            return f"{what} stalled while sending its response body"
        return self._transport_reason(what, error)  # type: ignore[arg-type]

    def _transport_reason(self, what: str, error: requests.exceptions.RequestException) -> str:
        retries = self.config.retries
        exc = requests.exceptions
        if self.breaker.is_open:
            return f"{what} failed: service unavailable ({self.label} could not be reached)"
        if isinstance(error, exc.Timeout):
            return f"{what} timed out after {retries} retries"
        if isinstance(error, exc.ChunkedEncodingError):
            return f"{what} sent a truncated response body"
        if isinstance(error, exc.ContentDecodingError):
            return f"{what} sent a response body that could not be decoded"
        if isinstance(error, exc.RetryError):
            return f"{what} kept failing after {retries} retries"
        if isinstance(error, exc.TooManyRedirects):
            return f"{what} redirected too many times"
        if isinstance(error, exc.ConnectionError):
            return f"{what} could not be reached (connection failed after {retries} retries)"
        return self.redact(f"{what} failed: {type(error).__name__}")

    def _status_reason(self, what: str, status: int) -> str:
        if status in RETRY_STATUSES:
            return f"{what} answered HTTP {status} after {self.config.retries} retries"
        return f"{what} answered HTTP {status}"
