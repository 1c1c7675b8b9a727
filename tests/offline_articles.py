"""Small test articles with a reference list, audited offline by the whole pipeline."""

from __future__ import annotations

from pathlib import Path

from auditor.claims.models import Document

from auditor.models import DocumentReport
from auditor.pipeline import AuditOptions, audit_documents
from auditor.sources import build_sources


def article_with_references(body: str, entries: list[str], heading: str = "References") -> str:
    """A titled article: `body`, then `heading` and the entries, one paragraph each."""
    return f"Title\n\n{body}\n\n{heading}\n\n" + "\n\n".join(entries) + "\n"


def audit_offline(text: str, cache_dir: Path) -> DocumentReport:
    """The report of `text` audited offline, with an empty cache in `cache_dir`."""
    sources = build_sources(offline=True, refresh=False, cache_dir=cache_dir, env={})
    return audit_documents([Document.from_text(text)], AuditOptions(offline=True), sources).documents[0]
