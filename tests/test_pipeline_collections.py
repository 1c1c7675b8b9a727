"""The audit raises the collector's young-generation threshold only while it runs."""

from __future__ import annotations

import gc

import pytest
from auditor.claims.models import Document

from auditor.pipeline import GC_FIRST_THRESHOLD, AuditOptions, audit_documents, fewer_collections


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
