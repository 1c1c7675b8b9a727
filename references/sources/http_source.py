"""What every HTTP-backed source shares: its configuration, one `ServiceClient`, the request count,
and the guarantee that no text a service sent back carries the API key or the e-mail address."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, TypeVar

from auditor.references.http import ServiceClient, ServiceConfig
from auditor.references.models import LookupResult, SearchResult
from auditor.references.ratelimit import HostLimiter
from auditor.references.sources.interface import MetadataSource

F = TypeVar("F", bound=Callable[..., Any])


class HttpSource(MetadataSource):
    """A source that talks to one web service through its own session, retries and rate limit.

    Every subclass's `lookup_many` and `search` are wrapped so that the reasons of their results
    (error text from the service, URLs from exceptions) are redacted before anything sees them.
    """

    service: ClassVar[str]  # key of the service in `references.http` ("eutils", "crossref", …)
    service_title: ClassVar[str]  # how messages name it ("PubMed", "Crossref", …)

    def __init__(
        self,
        config: ServiceConfig | None = None,
        *,
        limiter: HostLimiter | None = None,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.config = config or ServiceConfig.from_env(env)
        self.client = ServiceClient(self.service, self.service_title, self.config, limiter=limiter)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name in ("lookup_many", "search"):
            if name in cls.__dict__:
                setattr(cls, name, _redacting(cls.__dict__[name]))

    @property
    def requests_made(self) -> int:
        """HTTP requests sent so far (every retry included)."""
        return self.client.requests_made

    def redacted_result(self, result: Any) -> Any:
        """A LookupResult / SearchResult whose reason carries no secret."""
        if isinstance(result, (LookupResult, SearchResult)) and result.reason:
            clean = self.client.redact(result.reason)
            if clean != result.reason:
                return result.model_copy(update={"reason": clean})
        return result


def _redacting(method: F) -> F:
    @functools.wraps(method)
    def wrapper(self: HttpSource, *args: Any, **kwargs: Any) -> Any:
        answer = method(self, *args, **kwargs)
        if isinstance(answer, dict):
            return {key: self.redacted_result(value) for key, value in answer.items()}
        return self.redacted_result(answer)

    return wrapper  # type: ignore[return-value]
