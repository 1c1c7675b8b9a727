"""Cache export and import as JSON Lines: strict JSON out, and nothing doubtful in.

Export writes strict JSON (no NaN/Infinity). Import is all or nothing and refuses, with the line
number: lines that are not JSON objects (or nest too deeply), non-finite numbers, a `stored_at`
that is not a finite time at or before now (an entry from the future would never expire), failed
results, and entries whose payload does not validate.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Iterable, Sequence
from typing import IO, Any

from auditor.references.cache_db import CacheError
from auditor.references.models import IdKind, LookupResult, LookupStatus, SearchResult
from pydantic import BaseModel, ValidationError, field_validator

LOG = logging.getLogger("auditor.references.cache")
SEARCH_KIND = "search"
CLOCK_SKEW = 300.0  # seconds a stored_at may lie ahead of this machine's clock
MAX_LINE = 20_000_000  # characters of one export line
_PAYLOAD_FIELDS = ("record", "trial", "candidates", "trials", "reason")
Row = tuple[str, str, str, str, str, float]


class CacheImportError(CacheError, ValueError):
    """An export file with lines that are not cache entries (a one-line message with line numbers)."""


class ExportLine(BaseModel):
    """One line of an export: an entry with its payload fields."""

    source: str
    kind: str
    key: str
    status: LookupStatus
    stored_at: float
    entry: dict[str, Any]

    @field_validator("stored_at")
    @classmethod
    def _finite(cls, value: float) -> float:
        if not math.isfinite(value) or value < 0:
            raise ValueError("stored_at is not a finite time")
        return value


def _payload(entry: dict[str, Any]) -> dict[str, Any]:
    return {name: entry[name] for name in _PAYLOAD_FIELDS if name in entry}


def export_lines(rows: Iterable[Sequence[Any]], fp: IO[str]) -> int:
    """Write (source, kind, key, status, value, stored_at) rows as strict JSON Lines; the count."""
    count = 0
    for source, kind, key, status, value, stored_at in rows:
        if not isinstance(stored_at, (int, float)) or not math.isfinite(stored_at):
            LOG.warning("not exported: cache entry %s %s %s has no finite stored_at", source, kind, key)
            continue
        try:
            entry = json.loads(value)
        except (ValueError, RecursionError):
            LOG.warning("not exported: cache entry %s %s %s is malformed", source, kind, key)
            continue
        line = {"source": source, "kind": kind, "key": key, "status": status, "stored_at": stored_at}
        fp.write(json.dumps({**line, **_payload(entry)}, ensure_ascii=False, allow_nan=False) + "\n")
        count += 1
    return count


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number strict JSON allows")


def row_of_line(text: str, *, now: float) -> Row:
    """Validate one export line and rebuild the stored value from it (ValueError says why not)."""
    if len(text) > MAX_LINE:
        raise ValueError("line too long")
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg})") from None
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    fields = {k: data.get(k) for k in ("source", "kind", "key", "status", "stored_at")}
    if isinstance(fields["stored_at"], bool):
        raise ValueError("stored_at is not a time")
    line = ExportLine.model_validate({**fields, "entry": data})
    if line.stored_at > now + CLOCK_SKEW:
        raise ValueError("stored_at is in the future")
    if line.status is LookupStatus.FAILED:
        raise ValueError("failed results are not cache entries")
    payload = _payload(data)
    if line.kind == SEARCH_KIND:
        value = SearchResult(source=line.source, status=line.status, **payload).model_dump_json()
    else:
        value = LookupResult(
            source=line.source, kind=IdKind(line.kind), key=line.key, status=line.status, **payload
        ).model_dump_json()
    return (line.source, line.kind, line.key, line.status.value, value, line.stored_at)


def _why(error: Exception) -> str:
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        return f"{where}: {first['msg']}" if where else first["msg"]
    return str(error)


def import_rows(fp: IO[str], *, now: float) -> list[Row]:
    """Every row of an export, or CacheImportError naming the bad lines (and why the first is bad)."""
    rows: list[Row] = []
    bad: list[tuple[int, str]] = []
    number = 0
    lines = iter(fp)
    while True:
        number += 1
        try:
            text = next(lines)
        except StopIteration:
            break
        except UnicodeDecodeError:
            raise CacheImportError(f"not a cache export: line {number} is not UTF-8 text") from None
        if not text.strip():
            continue
        try:
            rows.append(row_of_line(text, now=now))
        except (ValueError, TypeError, ValidationError) as error:
            bad.append((number, _why(error)))
    if bad:
        shown = ", ".join(str(n) for n, _ in bad[:10]) + (" …" if len(bad) > 10 else "")
        first_line, reason = bad[0]
        raise CacheImportError(
            f"not a cache export (line {first_line}: {reason}): bad entries at line(s) {shown}"
        )
    return rows
