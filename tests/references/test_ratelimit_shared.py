"""Two processes sharing a cache directory share one pace per service (counted by the fake server)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from auditor.references.http import ServiceConfig, limit_for
from auditor.references.ratelimit import (
    RATE_FILE,
    HostLimit,
    PyrateHostLimiter,
    _table_name,
    bucket_of,
    shared_limiter,
)

from bench.fake_services import FakeServices, FixtureRecords

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import sys
sys.path.insert(0, {root!r})
from pathlib import Path
from auditor.references.http import ServiceClient, ServiceConfig
from auditor.references.ratelimit import shared_limiter
limiter = shared_limiter({directory})
client = ServiceClient("eutils", "PubMed", ServiceConfig(backoff_factor=0), limiter=limiter)
for _ in range(6):
    client.call("PubMed esearch", "GET", {url!r} + "/eutils/esearch.fcgi", params={{"term": "x"}})
"""


def _two_processes(url: str, directory: Path | None) -> None:
    code = CHILD.format(
        root=str(ROOT), url=url, directory=f"Path({str(directory)!r})" if directory else "None"
    )
    children = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(2)]
    assert [child.wait(timeout=120) for child in children] == [0, 0]


def _log_grants(database: Path, url: str) -> str:
    """Create the NCBI pace table the children will share (this process takes one grant doing so) and
    a trigger copying every grant into `grants`. The limiter's background leaker deletes grants older
    than the window from its own table (on a loaded machine it can run before the children finish),
    so the bucket table alone would under-count."""
    limit = limit_for("eutils", ServiceConfig())
    bucket = bucket_of(urlsplit(url).netloc, "eutils")
    shared_limiter(database.parent).pace(bucket, limit)
    table = _table_name(bucket, limit)
    with sqlite3.connect(database) as connection:
        connection.execute("CREATE TABLE grants (item_timestamp INTEGER)")
        connection.execute(
            f'CREATE TRIGGER log_grants AFTER INSERT ON "{table}" '
            "BEGIN INSERT INTO grants VALUES (NEW.item_timestamp); END"
        )
    return table


def _grants(database: Path) -> list[int]:
    with sqlite3.connect(database) as connection:
        return sorted(int(stamp) for (stamp,) in connection.execute("SELECT item_timestamp FROM grants"))


def test_two_processes_with_one_cache_directory_keep_ncbis_pace_together(tmp_path: Path) -> None:
    """Both processes take their turns from ONE bucket, and that bucket never grants a 4th request in
    a 1 s window. Asserted on the limiter's own grants, not on arrival times at the server, which a
    loaded machine can bunch (the arrival-time pace is measured by bench/faults_bench.py)."""
    database = tmp_path / "cache" / RATE_FILE
    with FakeServices(FixtureRecords([], []), latency=0) as fake:
        _log_grants(database, fake.url)
        _two_processes(fake.url, tmp_path / "cache")
        assert fake.requests["eutils"] == 12
    grants = _grants(database)
    assert len(grants) == 12  # six from each process, in the one bucket this process created
    # the parent's own grant came before the trigger; with it, no 1 s window holds four grants
    assert all(later - earlier >= 1000 for earlier, later in zip(grants, grants[3:], strict=False))


def test_shared_limiter_is_one_per_directory(tmp_path: Path) -> None:
    assert shared_limiter(tmp_path) is shared_limiter(tmp_path)
    assert shared_limiter(tmp_path) is not shared_limiter(None)
    assert isinstance(shared_limiter(None), PyrateHostLimiter) and shared_limiter(None).path is None


CROSSREF_PUBLIC = HostLimit(requests=5, concurrency=1)  # Crossref's public pool: one request at a time
HOLDER = """
import sys
sys.path.insert(0, {root!r})
from pathlib import Path
from auditor.references.ratelimit import HostLimit, PyrateHostLimiter
limiter = PyrateHostLimiter(Path({database!r}))
with limiter.slot("api.crossref.org/crossref", HostLimit(requests=5, concurrency=1)):
    print("holding", flush=True)
    sys.stdin.readline()
"""


def test_another_process_holding_crossrefs_one_slot_makes_this_one_wait(tmp_path: Path) -> None:
    """The one-at-a-time cap is one for all processes sharing the cache directory: while a child holds
    the slot, this process cannot take it; once the child lets go, it can."""
    database = tmp_path / RATE_FILE
    code = HOLDER.format(root=str(ROOT), database=str(database))
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "holding"
        limiter = PyrateHostLimiter(database)
        busy = limiter.slot("api.crossref.org/crossref", CROSSREF_PUBLIC, timeout=0.2)
        with pytest.raises(TimeoutError), busy:
            pass
        assert limiter.slots["api.crossref.org/crossref"].attempts >= 1
    finally:
        child.communicate("\n", timeout=60)
    assert child.returncode == 0
    with limiter.slot("api.crossref.org/crossref", CROSSREF_PUBLIC, timeout=30):
        pass


def test_shared_slots_cap_requests_in_flight_across_limiters(tmp_path: Path) -> None:
    """Two limiters on one file (as two processes): with a cap of 2, a third request waits; slots of
    another bucket are separate."""
    first, second = PyrateHostLimiter(tmp_path / RATE_FILE), PyrateHostLimiter(tmp_path / RATE_FILE)
    two = HostLimit(requests=100, concurrency=2)
    with first.slot("a", two), second.slot("a", two):
        with pytest.raises(TimeoutError), second.slot("a", two, timeout=0.1):
            pass
        with first.slot("b", two):
            pass
    with second.slot("a", two, timeout=30):
        pass


def test_no_directory_means_no_lock_files(tmp_path: Path) -> None:
    limiter = PyrateHostLimiter(None)
    with limiter.slot("a", CROSSREF_PUBLIC):
        pass
    assert limiter.slots == {}
