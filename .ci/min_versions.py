"""Print the declared lower bounds of pyproject.toml as `name==version` pins (one a line).

`.ci/run` installs them into a separate environment and runs the suite there, so a lower bound
that does not really work fails CI. Markers (`; python_version < '3.11'`) are kept.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
LOWER = re.compile(r"^\s*([A-Za-z0-9_.\-\[\]]+)\s*>=\s*([^,;\s]+)[^;]*(;.*)?$")


def pins(extras: tuple[str, ...] = ("test",)) -> list[str]:
    """The `==` pins of the project's dependencies and of the given extras."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for extra in extras:
        requirements += [r for r in project["optional-dependencies"][extra] if not r.startswith("auditor")]
    out = []
    for requirement in requirements:
        match = LOWER.match(requirement)
        if not match:
            raise SystemExit(f"{requirement!r}: every dependency needs a lower bound (>=)")
        name, version, marker = match.groups()
        out.append(f"{name}=={version}{(' ' + marker) if marker else ''}")
    return out


if __name__ == "__main__":
    sys.stdout.write("\n".join(pins()) + "\n")
