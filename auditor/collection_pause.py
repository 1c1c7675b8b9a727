"""Fewer garbage collections while a stage builds many objects that live on (an audit, an HTML tree)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

GC_FIRST_THRESHOLD = 50_000  # container allocations between young collections inside the block

_lock = threading.Lock()
_depth = 0  # blocks open now, in any thread: the thresholds are the process's, not a thread's
_saved: tuple[int, ...] = ()


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the collector's first-generation threshold while the block runs, then restore it.

    An audit allocates many short-lived containers (matches, claims, models) and keeps many alive,
    and an HTML page becomes a tree of one object per tag; at the default threshold (700) the
    collector runs tens of thousands of times over the live ones, and on a page of 180,000 nested
    tags that made reading grow faster than the page. Nothing built inside depends on prompt cycle
    collection; memory stays bounded by the threshold.

    Blocks may nest and overlap across threads (files are read in parallel): the first to open
    saves the thresholds and the last to close restores them, even when a block raises.
    """
    global _depth, _saved
    with _lock:
        if _depth == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(max(_saved[0], GC_FIRST_THRESHOLD), *_saved[1:])
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                gc.set_threshold(*_saved)
