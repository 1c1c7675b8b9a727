"""`auditor history` and `auditor diff` over runs labelled by what they audited."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import Result

from tests.cli.cli_helpers import (
    BROKEN_EN,
    CLEAN_EN,
    CLEAN_ZH,
    FakeNetwork,
    write,
)

Run = Callable[..., Result]


def _archive(tmp_path: Path, names: list[str]) -> Path:
    texts = {"en.md": CLEAN_EN, "zh.md": CLEAN_ZH, "broken.md": BROKEN_EN}
    for name in names:
        write(tmp_path / "archive" / name, texts.get(name, CLEAN_EN))
    return tmp_path / "archive"


def _audit(run: Run, *args: object) -> Result:
    result = run("audit", *args, "--fail-on", "never", "--quiet", "--format", "json")
    assert result.exit_code == 0, result.output
    return result


def test_history_list_show_and_prune(network: FakeNetwork, run: Run, tmp_path: Path) -> None:
    archive = _archive(tmp_path, ["en.md", "zh.md"])
    _audit(run, archive)
    _audit(run, write(tmp_path / "other.md", CLEAN_EN))
    lines = run("history", "list").stdout.splitlines()
    assert len(lines) == 2
    assert str(tmp_path / "other.md") in lines[0] and str(archive) in lines[1]
    run_id = lines[1].split()[0]
    shown = run("history", "show", run_id[:6]).stdout
    assert f"run:       {run_id}" in shown and f"  {archive}" in shown and "articles:  2" in shown
    listed = json.loads(run("history", "list", "--format", "json").stdout)
    assert [r["inputs"] for r in listed] == [[str(tmp_path / "other.md")], [str(archive)]]
    assert run("history", "prune").exit_code == 2
    assert "removed 1 run(s)" in run("history", "prune", "--keep", "1").stdout
    assert len(run("history", "list").stdout.splitlines()) == 1
    unknown = run("history", "show", "zzz")
    assert unknown.exit_code == 2 and "no run 'zzz'" in unknown.stderr


def test_diff_last_compares_runs_over_the_same_inputs(network: FakeNetwork, run: Run, tmp_path: Path) -> None:
    archive = _archive(tmp_path, ["en.md", "zh.md"])
    _audit(run, archive)
    _audit(run, write(tmp_path / "other.md", CLEAN_EN))  # an ad-hoc run in between
    none = run("diff", "--last")
    assert none.exit_code == 0 and "No earlier run over the same inputs" in none.stderr
    network.retracted = True
    _audit(run, archive)
    diff = json.loads(run("diff", "--last", "--format", "json").stdout)
    assert sorted(Path(d["path"]).name for d in diff["documents"]) == ["en.md", "zh.md"]
    assert diff["summary"]["new"] == 2 and diff["summary"]["resolved"] == 0
    assert run("diff", "--last").exit_code == 1  # new retractions are errors
    assert run("diff", "--last", "--fail-on", "never").exit_code == 0


def test_article_missing_from_the_newer_run_is_not_audited(
    network: FakeNetwork, run: Run, tmp_path: Path
) -> None:
    archive = _archive(tmp_path, ["en.md", "broken.md"])
    _audit(run, archive)
    (archive / "broken.md").unlink()
    _audit(run, archive)
    diff = json.loads(run("diff", "--last", "--format", "json").stdout)
    assert diff["summary"]["resolved"] == 0 and diff["summary"]["articles_not_audited"] == 1
    assert [Path(p).name for p in diff["not_audited_paths"]] == ["broken.md"]
    markdown = run("diff", "--last").stdout
    assert "## Not audited in the newer run" in markdown and "### Resolved findings" not in markdown


def test_diff_markdown_lists_only_changed_articles(network: FakeNetwork, run: Run, tmp_path: Path) -> None:
    archive = _archive(tmp_path, ["en.md", "zh.md", *(f"same{i}.md" for i in range(5))])
    for i in range(5):
        write(archive / f"same{i}.md", BROKEN_EN.replace("PMID: 31000001", ""))
    _audit(run, archive)
    network.retracted = True
    _audit(run, archive)
    markdown = run("diff", "--last", "--fail-on", "never").stdout
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert [Path(h[3:]).name for h in headings] == ["en.md", "zh.md"]
    total = markdown.splitlines()[4]
    assert total.startswith("2 new, 0 resolved, ") and "2 of 7 article(s) changed" in total


def test_report_exits_like_the_audit_did(network: FakeNetwork, run: Run, tmp_path: Path) -> None:
    saved = tmp_path / "a.json"
    run("audit", write(tmp_path / "b.md", BROKEN_EN), "--format", "json", "-o", saved)
    assert run("report", saved).exit_code == 1
    assert run("report", saved, "--fail-on", "never").exit_code == 0
    out = tmp_path / "out"
    run("audit", write(tmp_path / "c" / "a.md", CLEAN_EN), tmp_path / "c" / "gone.md", "--out-dir", out)
    partial = run("report", out)
    assert partial.exit_code == 3 and "1 of 2 file(s) could not be read" in partial.stderr
