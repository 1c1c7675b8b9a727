"""Trial registries and the shape of their registration numbers, read from `data/registries.json`.

The table is data: each registry's prefix, what the extractor takes for an attempt at a number
(`candidate`), the full shape of a well-formed number, and the check code for one that misses it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Registry:
    """One trial registry: its canonical name and the syntax of its registration numbers."""

    name: str
    prefix: str
    aliases: tuple[str, ...]
    candidate: re.Pattern[str]  # prefix + loose rest, not glued to a preceding letter or digit
    shape: re.Pattern[str]  # full match of a well-formed canonical number
    code: str
    rule: str
    example: str
    label_only: bool  # the prefix is a label ("EudraCT 2020-…"), not part of the number

    def fits(self, trial_id: str) -> bool:
        """True when `trial_id` (canonical, no spaces) has this registry's shape."""
        return self.shape.fullmatch(trial_id.strip()) is not None


def _candidate(prefix: str, rest: str) -> re.Pattern[str]:
    # The look-behind follows the prefix so that the engine can scan for the literal quickly.
    escaped = re.escape(prefix)
    return re.compile(rf"{escaped}(?<![A-Za-z0-9].{{{len(prefix)}}})(?:{rest})(?![0-9])")


def _load() -> tuple[Registry, ...]:
    raw = json.loads(resources.files("auditor.claims").joinpath("data/registries.json").read_text("utf-8"))
    return tuple(
        Registry(
            name=r["name"],
            prefix=r["prefix"],
            aliases=tuple(r["aliases"]),
            candidate=_candidate(r["prefix"], r["candidate"]),
            shape=re.compile(r["shape"]),
            code=r["code"],
            rule=r["rule"],
            example=r["example"],
            label_only=bool(r.get("label_only", False)),
        )
        for r in raw["registries"]
    )


REGISTRIES: tuple[Registry, ...] = _load()
_BY_NAME = {r.name: r for r in REGISTRIES} | {a: r for r in REGISTRIES for a in r.aliases}


def registry_named(name: str) -> Registry | None:
    """The registry with that canonical name or alias ("NCT" → ClinicalTrials.gov), else None."""
    return _BY_NAME.get(name) or _BY_NAME.get(name.strip().casefold())


def registry_by_prefix(trial_id: str) -> Registry | None:
    """The registry whose prefix starts `trial_id` (the longest such prefix), else None."""
    fitting = [r for r in REGISTRIES if not r.label_only and trial_id.startswith(r.prefix)]
    return max(fitting, key=lambda r: len(r.prefix), default=None)
