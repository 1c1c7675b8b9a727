"""Two processes sharing a cache directory share one pace per service (counted by the fake server)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench.fake_services import FakeServices, FixtureRecords
from references.ratelimit import PyrateHostLimiter, shared_limiter

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import sys
sys.path.insert(0, {root!r})
from pathlib import Path
from references.http import ServiceClient, ServiceConfig
from references.ratelimit import shared_limiter
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


def test_two_processes_with_one_cache_directory_keep_ncbis_pace_together(tmp_path: Path) -> None:
    with FakeServices(FixtureRecords([], []), latency=0) as fake:
        _two_processes(fake.url, tmp_path / "cache")
        assert fake.requests["eutils"] == 12
        assert fake.peak_per_second(("eutils",)) <= 3
    assert (tmp_path / "cache" / "ratelimit.sqlite3").is_file()


def test_without_a_shared_directory_each_process_paces_alone(tmp_path: Path) -> None:
    with FakeServices(FixtureRecords([], []), latency=0) as fake:
        _two_processes(fake.url, None)
        assert fake.peak_per_second(("eutils",)) > 3  # what the shared pace prevents


def test_shared_limiter_is_one_per_directory(tmp_path: Path) -> None:
    assert shared_limiter(tmp_path) is shared_limiter(tmp_path)
    assert shared_limiter(tmp_path) is not shared_limiter(None)
    assert isinstance(shared_limiter(None), PyrateHostLimiter) and shared_limiter(None).path is None
