"""HTTP plumbing shared by the metadata sources: configuration, sessions, retries, pacing, errors.

Every request goes through `ServiceClient.call`, which paces it per host, lets urllib3 retry what is
transient (timeouts, 408, 429 honouring Retry-After, 5xx), and turns whatever still goes wrong into
a `FetchError` whose reason is one sentence and never contains the NCBI API key.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Mapping
from contextlib import ExitStack
from importlib.metadata import PackageNotFoundError, version
from typing import Any
from urllib.parse import urlsplit

import requests
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from references.ratelimit import NCBI_SERVICES, HostLimit, HostLimiter, bucket_of, shared_limiter
from references.sources.interface import SourceError

PROJECT_URL = "https://github.com/auditor-project/auditor"
RETRY_STATUSES = (408, 429, 500, 502, 503, 504)
_ENV_FIELDS = {
    "AUDITOR_EUTILS_URL": "eutils_url",
    "AUDITOR_IDCONV_URL": "idconv_url",
    "AUDITOR_CROSSREF_URL": "crossref_url",
    "AUDITOR_CTGOV_URL": "ctgov_url",
    "AUDITOR_DOIRA_URL": "doira_url",
    "NCBI_API_KEY": "ncbi_api_key",
    "AUDITOR_EMAIL": "email",
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
    read_timeout: float = Field(default=30.0, gt=0)
    ctgov_requests_per_minute: int = Field(default=50, ge=1)
    max_retry_after: float = Field(default=30.0, ge=0)

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


class CappedRetry(Retry):
    """urllib3 Retry whose Retry-After waits are capped, so a server asking for an hour cannot hang a run."""

    max_retry_after: float = 30.0

    def get_retry_after(self, response: Any) -> float | None:
        """The server's Retry-After in seconds, at most `max_retry_after`."""
        value = super().get_retry_after(response)
        return None if value is None else min(value, self.max_retry_after)


def build_retry(config: ServiceConfig) -> Retry:
    """The retry policy: transient statuses and errors only, Retry-After honoured (capped), POST included."""
    retry_class = type("CappedRetry", (CappedRetry,), {"max_retry_after": config.max_retry_after})
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


def redact(text: str, secret: str | None) -> str:
    """Text with the API key (as a value and as an api_key= parameter) blanked out."""
    text = re.sub(r"(api_key=)[^&\s'\"]{1,200}", r"\1***", text)
    return text.replace(secret, "***") if secret else text


class ServiceClient:
    """Paced, retried, counted requests to one service; failures become `FetchError`s."""

    def __init__(
        self,
        service: str,
        label: str,
        config: ServiceConfig,
        *,
        limiter: HostLimiter | None = None,
        session: requests.Session | None = None,
    ) -> None:
        self.service = service
        self.label = label
        self.config = config
        self.limiter: HostLimiter = limiter if limiter is not None else shared_limiter()
        self.limit = limit_for(service, config)
        self.session = session or build_session(
            service, user_agent=user_agent(config.email), retries=build_retry(config), timeout=config.timeout
        )
        self.requests_made = 0
        self._count_lock = threading.Lock()

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
        """Send one request; return the response when its status is in `ok`, else raise FetchError.

        `listing` marks a query/list request, which services like Crossref pace more slowly than
        single-record lookups: it then also waits for the host's separate "lists" bucket.
        """
        bucket = bucket_of(urlsplit(url).netloc, self.service)
        list_limit = listing_limit_for(self.service, self.config) if listing else None
        with self.limiter.slot(bucket, self.limit), ExitStack() as stack:
            if list_limit is not None:
                stack.enter_context(self.limiter.slot(f"{bucket}/lists", list_limit))
            with self._count_lock:
                self.requests_made += 1
            response = self._send(what, method, url, params, data)
        if response.status_code not in ok:
            raise FetchError(self._status_reason(what, response.status_code))
        return response

    def _send(
        self,
        what: str,
        method: str,
        url: str,
        params: Mapping[str, Any] | None,
        data: Mapping[str, Any] | None,
    ) -> requests.Response:
        try:
            return self.session.request(method, url, params=params, data=data)
        except requests.exceptions.RequestException as error:
            raise FetchError(self._transport_reason(what, error)) from None

    def _transport_reason(self, what: str, error: requests.exceptions.RequestException) -> str:
        retries = self.config.retries
        exc = requests.exceptions
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
        return redact(f"{what} failed: {type(error).__name__}", self.config.api_key)

    def _status_reason(self, what: str, status: int) -> str:
        if status in RETRY_STATUSES:
            return f"{what} answered HTTP {status} after {self.config.retries} retries"
        return f"{what} answered HTTP {status}"
