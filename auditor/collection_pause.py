"""Fewer garbage collections while a stage builds many objects that live on (an audit, an HTML tree)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

GC_FIRST_THRESHOLD = 50_000  # container allocations between young collections inside the block


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the collector's first-generation threshold while the block runs, then restore it.

    An audit allocates many short-lived containers (matches, claims, models) and keeps many alive,
    and an HTML page becomes a tree of one object per tag; at the default threshold (700) the
    collector runs tens of thousands of times over the live ones, and on a page of 180,000 nested
    tags that made reading grow faster than the page. Nothing built inside depends on prompt cycle
    collection; memory stays bounded by the threshold, and the previous thresholds come back even
    when the block raises.
    """
    previous = gc.get_threshold()
    gc.set_threshold(max(previous[0], GC_FIRST_THRESHOLD), *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)
