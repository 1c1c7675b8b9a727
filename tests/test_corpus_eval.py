"""bench/corpus_eval.py runs online articles against one loopback fake per records file, unpaced,
each with a cache of its own (so one article's lookups never answer another's)."""

from __future__ import annotations

import pytest

import bench.fake_services as fake_services
from bench.corpus_eval import score_all
from bench.corpus_key import load_corpus

ONLINE = [k for k in load_corpus() if k.records_path is not None]


@pytest.mark.skipif(not ONLINE, reason="no online article in the corpus")
def test_one_server_per_records_file_and_a_fresh_cache_per_article(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[fake_services.FakeServices] = []
    original = fake_services.FakeServices.__enter__

    def enter(self: fake_services.FakeServices) -> fake_services.FakeServices:
        started.append(self)
        return original(self)

    monkeypatch.setattr(fake_services.FakeServices, "__enter__", enter)
    key = ONLINE[0]
    first, again = score_all([key, key])
    assert len(started) == 1
    assert [e.quote for e in first.found] == [e.quote for e in again.found]
    assert first.false_alarms == again.false_alarms
    single = sum(started[0].requests.values())
    started.clear()
    score_all([key])
    assert single == 2 * sum(started[0].requests.values()) > 0  # the second audit asked again
