"""Two processes sharing a cache directory share one pace per service (counted by the fake server)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from auditor.references.ratelimit import PyrateHostLimiter, shared_limiter

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


def _acquisitions(database: Path) -> dict[str, list[int]]:
    """The shared bucket's own record: acquisition times (ms) per pace table."""
    with sqlite3.connect(database) as connection:
        tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {name: sorted(int(row[-1]) for row in connection.execute(f'SELECT * FROM "{name}"'))
                for name in tables}


def test_two_processes_with_one_cache_directory_keep_ncbis_pace_together(tmp_path: Path) -> None:
    """Both processes take their turns from ONE bucket, and that bucket never grants a 4th request in
    a 1 s window. Asserted on the limiter's own record, not on arrival times at the server, which a
    loaded machine can bunch (the arrival-time pace is measured by bench/faults_bench.py)."""
    with FakeServices(FixtureRecords([], []), latency=0) as fake:
        _two_processes(fake.url, tmp_path / "cache")
        assert fake.requests["eutils"] == 12
    tables = _acquisitions(tmp_path / "cache" / "ratelimit.sqlite3")
    (ncbi,) = [times for name, times in tables.items() if "ncbi_3_per_1000ms" in name]
    assert len(ncbi) == 12  # six from each process, in the same bucket
    assert all(later - earlier >= 1000 for earlier, later in zip(ncbi, ncbi[3:], strict=False))


def test_shared_limiter_is_one_per_directory(tmp_path: Path) -> None:
    assert shared_limiter(tmp_path) is shared_limiter(tmp_path)
    assert shared_limiter(tmp_path) is not shared_limiter(None)
    assert isinstance(shared_limiter(None), PyrateHostLimiter) and shared_limiter(None).path is None
