"""Nested or binary JSON given to `report`, `diff` or `cache import`: one line, exit 2, no RecursionError."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from auditor.cli import cli

BAD = {
    "nested_list": ("[" * 100_000 + "\n").encode(),
    "nested_object": ('{"a":' * 50_000 + "1" + "}" * 50_000 + "\n").encode(),
    "binary": bytes(range(256)) * 20,
}


@pytest.mark.parametrize("kind", sorted(BAD))
@pytest.mark.parametrize("command", ["report", "diff", "cache import"])
def test_bad_json_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, command: str
) -> None:
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "bad.json"
    path.write_bytes(BAD[kind])
    args = {"report": ["report", str(path)], "diff": ["diff", str(path), str(path)]}.get(
        command, ["cache", "import", str(path)]
    )
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    assert "internal error" not in result.output and "Recursion" not in result.output
