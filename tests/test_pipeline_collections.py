"""The audit and the HTML reader raise the collector's young-generation threshold only while they run."""

from __future__ import annotations

import gc

import pytest
from auditor.claims.models import Document

from auditor.collection_pause import GC_FIRST_THRESHOLD, fewer_collections
from auditor.pipeline import AuditOptions, audit_documents


@pytest.fixture
def default_thresholds():
    previous = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*previous)


def test_threshold_raised_inside_and_restored_after(default_thresholds) -> None:
    with fewer_collections():
        assert gc.get_threshold() == (GC_FIRST_THRESHOLD, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)


def test_restored_when_the_block_raises(default_thresholds) -> None:
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("boom")
    assert gc.get_threshold() == (700, 10, 10)


def test_a_higher_threshold_set_by_the_caller_is_kept(default_thresholds) -> None:
    gc.set_threshold(GC_FIRST_THRESHOLD * 2, 5, 5)
    with fewer_collections():
        assert gc.get_threshold() == (GC_FIRST_THRESHOLD * 2, 5, 5)
    assert gc.get_threshold() == (GC_FIRST_THRESHOLD * 2, 5, 5)


def test_audit_documents_leaves_the_thresholds_as_it_found_them(default_thresholds) -> None:
    document = Document.from_text("Smith (2020) found 12 of 30 (40%).\n", path="a.txt")
    audit_documents([document], AuditOptions(offline=True), None)
    assert gc.get_threshold() == (700, 10, 10)


def test_html_is_parsed_under_the_raised_threshold(default_thresholds, monkeypatch) -> None:
    import auditor.reading_html as reading_html

    seen = []
    real = reading_html.BeautifulSoup

    def recording(markup, parser):
        seen.append(gc.get_threshold())
        return real(markup, parser)

    monkeypatch.setattr(reading_html, "BeautifulSoup", recording)
    assert reading_html.html_text("<p>12 of 30 (40%)</p>") == "12 of 30 (40%)\n"
    assert seen == [(GC_FIRST_THRESHOLD, 10, 10)]
    assert gc.get_threshold() == (700, 10, 10)


def test_overlapping_blocks_in_two_threads_restore_the_thresholds(default_thresholds) -> None:
    import threading

    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    inside_after_first_closed = []

    def first() -> None:
        with fewer_collections():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with fewer_collections():
            second_in.set()
            first_out.wait(5)  # the first block closes while this one is open
            inside_after_first_closed.append(gc.get_threshold())

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert first_out.is_set() and second_in.is_set()
    assert inside_after_first_closed == [(GC_FIRST_THRESHOLD, 10, 10)]
    assert gc.get_threshold() == (700, 10, 10)
