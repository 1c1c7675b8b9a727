"""`auditor diff`, `checks`, `cache`, `schema`, `history`, and the README covering every command and code."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from auditor.references.cache import CACHE_FILE, LookupStore
from auditor.references.models import IdKind, LookupResult, LookupStatus
from click.testing import Result

from auditor.checks.registry import all_specs
from auditor.cli import cli
from tests.cli.cli_helpers import (
    BROKEN_EN,
    CLEAN_EN,
    CLEAN_ZH,
    TRIAL_EN,
    FakeNetwork,
    smith_record,
    write,
)

Run = Callable[..., Result]
README = Path(__file__).resolve().parents[2] / "README.md"


def archive_run(run: Run, tmp_path: Path, name: str) -> Path:
    out = tmp_path / "runs" / name
    result = run("audit", tmp_path / "archive", "--out-dir", out, "--fail-on", "never", "--quiet")
    assert result.exit_code == 0, result.output
    return out


def test_diff_reports_exactly_the_newly_retracted_reference(
    network: FakeNetwork, run: Run, tmp_path: Path
) -> None:
    write(tmp_path / "archive" / "en.md", CLEAN_EN)
    write(tmp_path / "archive" / "zh.md", CLEAN_ZH)
    write(tmp_path / "archive" / "other.md", BROKEN_EN.replace("PMID: 31000001", ""))
    first = archive_run(run, tmp_path, "first")
    network.retracted = True
    second = archive_run(run, tmp_path, "second")
    result = run("diff", first, second, "--format", "json")
    assert result.exit_code == 1, result.output  # new findings at error severity
    assert run("diff", first, second, "--fail-on", "never").exit_code == 0
    diff = json.loads(result.stdout)
    new = [(Path(d["path"]).name, f["kind"]) for d in diff["documents"] for f in d["new"]]
    assert sorted(new) == [("en.md", "retracted"), ("zh.md", "retracted")]
    assert diff["summary"]["resolved"] == 0 and diff["summary"]["unchanged"] > 0
    last = run("diff", "--last", "--format", "json")
    assert json.loads(last.stdout)["summary"] == diff["summary"]
    assert run("diff", "--last").stdout.strip()


def test_diff_reports_a_trial_stopped_since_the_last_run(
    network: FakeNetwork, run: Run, tmp_path: Path
) -> None:
    write(tmp_path / "archive" / "trial.md", TRIAL_EN)
    write(tmp_path / "archive" / "en.md", CLEAN_EN)
    first = archive_run(run, tmp_path, "first")
    network.trial_status = "TERMINATED"
    second = archive_run(run, tmp_path, "second")
    diff = json.loads(run("diff", first, second, "--format", "json").stdout)
    new = [(Path(d["path"]).name, f["code"], f["message"]) for d in diff["documents"] for f in d["new"]]
    assert new == [
        ("trial.md", "T504", "ClinicalTrials.gov lists NCT04567890 as terminated (Funding withdrawn).")
    ]
    assert diff["summary"]["resolved"] == 0


def test_diff_by_run_ids_and_history_listing(network: FakeNetwork, run: Run, tmp_path: Path) -> None:
    article = write(tmp_path / "a.md", BROKEN_EN)
    run("audit", article, "--quiet", "--fail-on", "never", "--format", "json")
    run("audit", article, "--quiet", "--fail-on", "never", "--format", "json")
    listing = run("history", "list").stdout.splitlines()
    assert len(listing) == 2
    newer, older = (line.split()[0] for line in listing)
    diff = json.loads(run("diff", older, newer, "--format", "json").stdout)
    assert diff["summary"]["new"] == 0 and diff["summary"]["unchanged"] >= 2


def test_diff_usage_errors(network: FakeNetwork, run: Run) -> None:
    assert run("diff").exit_code == 2
    empty = run("diff", "--last")  # nothing to compare is not an error
    assert empty.exit_code == 0 and "nothing to compare" in empty.stderr and empty.stdout == ""
    assert run("diff", "a", "b", "--last").exit_code == 2


def test_checks_table_and_json_list_every_code(run: Run) -> None:
    codes = [s.code for s in all_specs()]
    table = run("checks").stdout
    assert all(re.search(rf"^{code}\s", table, re.M) for code in codes)
    rows = json.loads(run("checks", "--format", "json").stdout)
    assert [r["code"] for r in rows] == codes
    assert set(rows[0]) == {"code", "kind", "severity", "network", "summary"}


def test_cache_commands(run: Run, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    store = LookupStore(cache_dir / CACHE_FILE)
    record = smith_record()
    store.put_many(
        [
            LookupResult(
                source="pubmed", kind=IdKind.PMID, key="31000001", status=LookupStatus.FOUND, record=record
            )
        ]
    )
    store.close()
    stats = json.loads(run("cache", "stats", "--format", "json", "--cache-dir", cache_dir).stdout)
    assert stats["entries"] == 1
    exported = tmp_path / "lookups.jsonl"
    assert run("cache", "export", exported, "--cache-dir", cache_dir).exit_code == 0
    assert len(exported.read_text(encoding="utf-8").splitlines()) == 1
    assert "removed 1" in run("cache", "clear", "--yes", "--cache-dir", cache_dir).stdout
    assert "imported 1" in run("cache", "import", exported, "--cache-dir", cache_dir).stdout
    assert (
        json.loads(run("cache", "export", "--cache-dir", cache_dir).stdout.splitlines()[0])["key"]
        == "31000001"
    )
    bad = write(tmp_path / "bad.jsonl", "not json\n")
    result = run("cache", "import", bad, "--cache-dir", cache_dir)
    assert result.exit_code == 2 and "Error" in result.stderr


def test_schema_is_the_report_schema(run: Run) -> None:
    schema = json.loads(run("schema").stdout)
    assert {"documents", "summary", "schema_version"} <= set(schema["properties"])


def test_help_has_examples(run: Run) -> None:
    for command in (["--help"], ["audit", "--help"], ["diff", "--help"], ["report", "--help"]):
        assert "Example" in run(*command).stdout


def command_names() -> list[str]:
    names = []
    for name, command in sorted(cli.commands.items()):
        names.append(name)
        names.extend(f"{name} {sub}" for sub in sorted(getattr(command, "commands", {})))
    return names


@pytest.mark.parametrize("name", command_names())
def test_every_command_is_in_the_readme(name: str) -> None:
    assert f"auditor {name}" in README.read_text(encoding="utf-8"), (
        f"README.md does not show `auditor {name}`"
    )


def test_every_check_code_is_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [s.code for s in all_specs() if s.code not in text]
    assert not missing, f"README.md does not document {missing}"
