"""Evidence of a finding as an editor reads it: a record line, a cited-vs-record table, short facts.

The checks put machine-readable evidence in `Finding.evidence` (the JSON report keeps it as is);
renderers show it through `evidence_view`, which turns it into three plain parts: the record the
citation resolved to (once, with its link), a small table of what the article cites beside what
the record says, and a line of facts (`part 57 · whole 71 · exact percent 80.28`). Empty values
(null, false, empty lists) are dropped: they say nothing the message does not. Format-neutral:
each renderer escapes what it writes.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

from auditor.reports.common import safe_url, shorten

# Keys shown apart from the facts line, or not at all (already the finding's own fields).
_RECORD_KEYS = ("record",)
_TABLE_KEYS = ("differences",)
_HIDDEN = {"span", "quote", "claim_id", "reference_id", "mention_claim_ids"}  # mentions: in cited_at
_NAMES = {"exact_percent": "exact percent", "stated_percent": "stated percent", "pmid": "PMID",
          "pmcid": "PMCID", "doi": "DOI", "nct": "NCT", "url": "link", "notice_label": "published as"}


@dataclass
class EvidenceView:
    """Evidence ready to render: a record line, a comparison table, facts and links."""

    record: str = ""
    record_url: str = ""
    table: list[tuple[str, str, str]] = field(default_factory=list)  # (field, cited, record)
    facts: list[tuple[str, str]] = field(default_factory=list)  # (name, value) in key order
    links: list[tuple[str, str]] = field(default_factory=list)  # (name, url)

    def is_empty(self) -> bool:
        """True when there is nothing to show."""
        return not (self.record or self.table or self.facts or self.links)


def label(key: str) -> str:
    """A key as words: `exact_percent` → `exact percent`."""
    return _NAMES.get(key, key.replace("_", " "))


def value_text(value: Any) -> str:
    """A value as short text: 57.0 → 57, 80.2817 → 80.28, lists joined, mappings as compact JSON."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        return str(int(value)) if value.is_integer() else f"{value:.4f}".rstrip("0").rstrip(".")
    if isinstance(value, (list, tuple)):
        return ("; " if any(_is_located_quote(item) for item in value) else ", ").join(
            value_text(item) for item in value
        )
    if _is_located_quote(value):
        return _located_quote_text(value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return shorten(str(value), 300)


def _is_located_quote(value: Any) -> bool:
    """A quoted piece of the article with where it is (`{"quote": …, "line": …, "records": […]}`)."""
    return isinstance(value, dict) and isinstance(value.get("quote"), str)


def _located_quote_text(value: dict[str, Any]) -> str:
    """`{"quote": "48 patients", "line": 3, "records": ["PMID 1"]}` → `"48 patients" (line 3; PMID 1)`."""
    where = [f"line {value['line']}"] if value.get("line") is not None else []
    records = value.get("records")
    if records:
        where.append(value_text(records))
    quote = shorten(value["quote"], 120)
    return f"“{quote}” ({'; '.join(where)})" if where else f"“{quote}”"


def _is_empty(value: Any) -> bool:
    return value is None or value is False or value == "" or value == [] or value == {}


def _differences(value: Any) -> list[tuple[str, str, str]]:
    """`{"year": {"cited": "2008", "record": "2006"}}` → [("year", "2008", "2006")]."""
    if not isinstance(value, dict):
        return []
    rows = []
    for name in sorted(value):
        pair = value[name]
        if isinstance(pair, dict) and ("cited" in pair or "record" in pair):
            cited, recorded = value_text(pair.get("cited", "")), value_text(pair.get("record", ""))
            rows.append((label(str(name)), cited, recorded))
    return rows


def evidence_view(evidence: dict[str, Any]) -> EvidenceView:
    """The parts of `evidence`, in key order within each part."""
    view = EvidenceView()
    for key in sorted(evidence):
        value = evidence[key]
        if key in _HIDDEN or _is_empty(value):
            continue
        if key in _RECORD_KEYS and isinstance(value, str):
            view.record = value
        elif key in _TABLE_KEYS and _differences(value):
            view.table = _differences(value)
        elif safe_url(value):
            view.links.append((label(key), str(value)))
        elif value is True:
            view.facts.append((label(key), ""))
        else:
            view.facts.append((label(key), value_text(value)))
    if view.record:
        urls = [url for name, url in view.links if name == "link"]
        view.record_url = urls[0] if urls else ""
        view.links = [item for item in view.links if item[1] != view.record_url]
    return view


def without_record(text: str, record: str) -> str:
    """`text` with its copy of the record removed (the record is shown once, beside it).

    "… has 2006: <record>." → "… has 2006."; "Correct the reference to: <record>" → "Correct the
    reference to the record shown."; "Reference 3 (<record>) was retracted." → "Reference 3 was
    retracted."; "the abstract of <record> states 7" → "the abstract of the record shown states 7".
    """
    if not record or record not in text:
        return text
    after = text[text.find(record) + len(record) :].strip(" .:;")
    if after and f" ({record})" not in text:
        return text.replace(record, "the record shown")  # mid-sentence: "the abstract of <record> states"
    head = text.replace(f" ({record})", "").replace(record, "").rstrip(" .:;")
    if head.endswith((" to", " as", " is")):
        head += " the record shown"
    return head + "."
