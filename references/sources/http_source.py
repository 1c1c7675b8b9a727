"""What every HTTP-backed source shares: its configuration, one `ServiceClient`, the request count."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from references.http import ServiceClient, ServiceConfig
from references.ratelimit import HostLimiter
from references.sources.interface import MetadataSource


class HttpSource(MetadataSource):
    """A source that talks to one web service through its own session, retries and rate limit."""

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

    @property
    def requests_made(self) -> int:
        """HTTP requests sent so far."""
        return self.client.requests_made
