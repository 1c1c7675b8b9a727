"""What a person watching a run sees on stderr: `-v` logging and the progress bars.

`-v` logs every lookup call (how many identifiers, how many answered by the cache, how many
requests it took) under the `auditor` logger, and urllib3's request and retry lines; `-vv` adds
everything at DEBUG. Secrets never reach a log line: a filter redacts `api_key`, `email` and
`mailto` values. Library log lines (bibtexparser's among them) are not shown without `-v`.
Progress bars (tqdm) are drawn on stderr only when it is a terminal, one over articles and one over
lookups.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Sequence
from typing import IO, Any

from tqdm import tqdm

from auditor.cli_warnings import LIBRARY_LOGGER
from auditor.references.models import BibliographicQuery, IdKind, LookupResult, SearchResult
from auditor.references.sources.interface import MetadataSource
from auditor.sources import SourceSet

log = logging.getLogger("auditor")
_THIRD_PARTY = {"urllib3": 1, "bibtexparser": 1, "pyrate_limiter": 1, "charset_normalizer": 2}
_SECRET_PARAMS = re.compile(r"((?:api_key|email|mailto)=)[^&\s\"']{1,500}", re.IGNORECASE)


class RedactSecrets(logging.Filter):
    """Replace the values of api_key / email / mailto parameters in a record's message."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Always keep the record, with its message redacted."""
        message = record.getMessage()
        redacted = _SECRET_PARAMS.sub(r"\1REDACTED", message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


class _NotLibraryWarnings(logging.Filter):
    """Drop the library's warnings, which `library_warnings` already prints."""

    def filter(self, record: logging.LogRecord) -> bool:
        """False for WARNING and above from the `references` loggers."""
        return not (record.name.startswith(LIBRARY_LOGGER) and record.levelno >= logging.WARNING)


def setup_logging(verbosity: int, stream: IO[str] | None = None) -> None:
    """With -v, log INFO (-vv: DEBUG) to stderr; without, only the library's warnings are shown.

    The library's warnings (`references` loggers) are printed by `cli_warnings.library_warnings`
    as `warning: …`; this handler leaves them to it. Without -v, third-party loggers (urllib3,
    bibtexparser) are silenced: their lines are not ours to print, and a malformed .bib file is
    reported once, as our own one-line error.
    """
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_auditor", False)]:
        root.removeHandler(old)
    if verbosity >= 1:
        handler = logging.StreamHandler(stream or sys.stderr)
        handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
        handler.addFilter(RedactSecrets())
        handler.addFilter(_NotLibraryWarnings())
        handler._auditor = True  # type: ignore[attr-defined]
        root.addHandler(handler)
        root.setLevel(logging.DEBUG if verbosity >= 2 else logging.INFO)
    silent = logging.CRITICAL + 1
    for name, shown_from in _THIRD_PARTY.items():
        logging.getLogger(name).setLevel(logging.DEBUG if verbosity >= shown_from else silent)


class Progress:
    """Two tqdm bars on stderr (articles, lookups), drawn only when stderr is a terminal."""

    def __init__(self, articles: int, *, enabled: bool) -> None:
        self.enabled = enabled
        self.articles = tqdm(total=articles, desc="articles", unit="article", file=sys.stderr,
                             disable=not enabled, leave=False, position=0)
        self.lookups = tqdm(desc="lookups", unit="lookup", file=sys.stderr,
                            disable=not enabled, leave=False, position=1)

    def article_done(self) -> None:
        """One more article read and checked."""
        self.articles.update(1)

    def looked_up(self, count: int) -> None:
        """`count` more identifiers or searches answered (from the cache or a service)."""
        self.lookups.update(count)

    def close(self) -> None:
        """Remove the bars."""
        self.lookups.close()
        self.articles.close()


class ObservedSource(MetadataSource):
    """A source that logs each call and advances the lookup bar; everything else is the inner's."""

    def __init__(self, inner: MetadataSource, progress: Progress | None) -> None:
        self.inner, self.progress = inner, progress
        self.name = inner.name  # type: ignore[misc]
        self.kinds = inner.kinds  # type: ignore[misc]
        self.searchable = inner.searchable  # type: ignore[misc]

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.inner, attribute)  # counters: cache_hits, not_made, failed_lookups…

    @property
    def requests_made(self) -> int:
        """HTTP requests of the inner source."""
        return self.inner.requests_made

    def lookup_many(self, kind: IdKind, keys: Sequence[str]) -> dict[str, LookupResult]:
        """The inner source's answer, logged."""
        before = self._counters()
        results = self.inner.lookup_many(kind, keys)
        hits, requests = (now - was for now, was in zip(self._counters(), before, strict=True))
        statuses: dict[str, int] = {}
        for result in results.values():
            statuses[result.status.value] = statuses.get(result.status.value, 0) + 1
        log.info("%s: %d %s lookup(s): %s; %d from the cache, %d request(s)", self.name, len(keys),
                 kind.value, ", ".join(f"{n} {s}" for s, n in sorted(statuses.items())), hits, requests)
        if self.progress:
            self.progress.looked_up(len(keys))
        return results

    def search(self, query: BibliographicQuery) -> SearchResult:
        """The inner source's search, logged."""
        before = self._counters()
        result = self.inner.search(query)
        hits, requests = (now - was for now, was in zip(self._counters(), before, strict=True))
        log.info("%s: search: %s, %d candidate(s); %d from the cache, %d request(s)", self.name,
                 result.status.value, len(result.candidates), hits, requests)
        if self.progress:
            self.progress.looked_up(1)
        return result

    def _counters(self) -> tuple[int, int]:
        return int(getattr(self.inner, "cache_hits", 0)), self.inner.requests_made


def observed(sources: SourceSet, progress: Progress | None) -> SourceSet:
    """The same sources, each logging its calls and advancing the lookup bar."""
    def wrap(source: MetadataSource | None) -> MetadataSource | None:
        return None if source is None else ObservedSource(source, progress)

    return SourceSet(pubmed=wrap(sources.pubmed), idconv=wrap(sources.idconv),
                     crossref=wrap(sources.crossref), ctgov=wrap(sources.ctgov))
