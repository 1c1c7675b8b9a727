"""The set of metadata sources a run uses, and how to build it from the environment.

Every real source is wrapped in `CachingSource`; offline, the cache answers alone
(`CachingSource(inner=None, …)`), so `--offline` never opens a socket.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from auditor.references.sources.interface import MetadataSource

if TYPE_CHECKING:
    from auditor.references.ratelimit import HostLimiter
    from auditor.references.sources.http_source import HttpSource


@dataclass
class SourceSet:
    """The services the resolver talks to; any may be None (not configured).

    `doira` (doi.org) only says which agency registered a DOI that PubMed and Crossref do not know.
    """

    pubmed: MetadataSource | None = None
    idconv: MetadataSource | None = None
    crossref: MetadataSource | None = None
    ctgov: MetadataSource | None = None
    doira: MetadataSource | None = None

    def all(self) -> Iterator[MetadataSource]:
        """The configured sources."""
        sources = (self.pubmed, self.idconv, self.crossref, self.ctgov, self.doira)
        return (s for s in sources if s is not None)

    @property
    def requests(self) -> int:
        """HTTP requests made by all sources so far."""
        return sum(s.requests_made for s in self.all())

    @property
    def cache_hits(self) -> int:
        """Lookups answered by the cache (0 for sources without one)."""
        return sum(int(getattr(s, "cache_hits", 0)) for s in self.all())

    @property
    def failed_lookups(self) -> int:
        """Lookups tried that failed (network, malformed answer) so far, where the source counts them."""
        return sum(int(getattr(s, "failed_lookups", 0)) for s in self.all())


def build_sources(
    *,
    offline: bool,
    refresh: bool,
    cache_dir: Path | None = None,
    env: Mapping[str, str] = os.environ,
    found_days: float = 7.0,
    not_found_days: float = 1.0,
    timeout: float | None = None,
    limiter: HostLimiter | None = None,
) -> SourceSet:
    """The real sources (PubMed, PMC idconv, Crossref, CT.gov), each behind the lookup cache.

    `found_days` / `not_found_days`: how long stored "found" and "not found" answers are used
    before they are asked again (the `cache_found_days` / `cache_not_found_days` settings).
    `timeout`: seconds from now after which no request starts (lookups not made are unverifiable).
    Request pacing is shared with every process using the same cache directory; `limiter` replaces
    it (`NoHostLimiter()` for services of our own on 127.0.0.1, which need no pace).
    """
    import time

    from auditor.references.cache import CACHE_FILE, DAY, CachingSource, LookupStore, cache_directory
    from auditor.references.http import ServiceConfig
    from auditor.references.ratelimit import shared_limiter

    # an audit runs without a cache it cannot use (one warning), never stops because of it
    directory = cache_directory(cache_dir, env)
    store = LookupStore(
        directory / CACHE_FILE,
        found_ttl=found_days * DAY,
        not_found_ttl=not_found_days * DAY,
        tolerant=True,
    )
    classes = _source_classes()
    inners: dict[str, MetadataSource] = {}
    if not offline:
        deadline = None if timeout is None else time.time() + timeout
        config = ServiceConfig.from_env(env, deadline=deadline)
        limiter = shared_limiter(directory) if limiter is None else limiter
        inners = {name: cls(config, limiter=limiter) for name, cls in classes.items()}

    def wrap(name: str) -> MetadataSource:
        cls = classes[name]
        return CachingSource(
            inners.get(name),
            store,
            refresh=refresh,
            offline=offline,
            name=name,
            kinds=cls.kinds,
            searchable=cls.searchable,
        )

    return SourceSet(
        pubmed=wrap("pubmed"),
        idconv=wrap("idconv"),
        crossref=wrap("crossref"),
        ctgov=wrap("ctgov"),
        doira=wrap("doira"),
    )


def _source_classes() -> dict[str, type[HttpSource]]:
    """The HTTP sources (configured from the environment: base URLs, API key, e-mail)."""
    from auditor.references.sources.crossref import CrossrefSource
    from auditor.references.sources.ctgov import CtGovSource
    from auditor.references.sources.doira import DoiRaSource
    from auditor.references.sources.idconv import IdConvSource
    from auditor.references.sources.pubmed import PubMedSource

    return {
        "pubmed": PubMedSource,
        "idconv": IdConvSource,
        "crossref": CrossrefSource,
        "ctgov": CtGovSource,
        "doira": DoiRaSource,
    }
