"""`auditor audit`: formats, exit codes, archive runs, manifests, JSON Lines, one-line errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

import auditor.cli_outputs as cli_outputs
from auditor.cli import main
from auditor.history import RunHistory
from tests.cli.cli_helpers import (
    BROKEN_EN,
    CLEAN_EN,
    CLEAN_ZH,
    FakeNetwork,
    write,
)

Run = Callable[..., Result]


def test_clean_article_exits_0_and_prints_markdown(network: FakeNetwork, run: Run, tmp_path: Path) -> None:
    article = write(tmp_path / "clean.md", CLEAN_EN)
    result = run("audit", article, "--fail-on", "warning")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("#")
    assert network.calls == 1


@pytest.mark.parametrize(
    ("fail_on", "expected"),
    [("error", 1), ("warning", 1), ("never", 0)],
)
def test_fail_on_threshold(
    network: FakeNetwork, run: Run, tmp_path: Path, fail_on: str, expected: int
) -> None:
    article = write(tmp_path / "broken.md", BROKEN_EN)
    result = run("audit", article, "--fail-on", fail_on, "--format", "json")
    assert result.exit_code == expected
    codes = {f["code"] for f in json.loads(result.stdout)["documents"][0]["findings"]}
    assert {"R101", "R105"} <= codes, codes


def test_fail_on_from_environment(
    network: FakeNetwork, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = write(tmp_path / "broken.md", BROKEN_EN)
    monkeypatch.setenv("AUDITOR_FAIL_ON", "never")
    assert run("audit", article).exit_code == 0
    assert run("audit", article, "--fail-on", "error").exit_code == 1


def test_json_output_file_then_report_command(network: FakeNetwork, run: Run, tmp_path: Path) -> None:
    article = write(tmp_path / "zh.txt", CLEAN_ZH, "gb18030")
    out = tmp_path / "audit.json"
    result = run("audit", article, "--format", "json", "-o", out, "--fail-on", "never")
    assert result.exit_code == 0 and result.stdout == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema_version"] == 1 and data["documents"][0]["language"] == "zh-Hans"
    assert data["documents"][0]["text"] == CLEAN_ZH
    rendered = run("report", out, "--format", "html")
    assert rendered.exit_code == 0 and "<html" in rendered.stdout.lower()
    assert run("report", out).stdout.startswith("#")


def test_archive_run_writes_per_article_audits_and_index(
    network: FakeNetwork, run: Run, tmp_path: Path
) -> None:
    write(tmp_path / "archive" / "2024" / "a.md", CLEAN_EN)
    write(tmp_path / "archive" / "2025" / "a.md", BROKEN_EN)
    write(tmp_path / "archive" / "notes.csv", "not an article")
    result = run("audit", tmp_path / "archive", "--out-dir", tmp_path / "out", "--fail-on", "never")
    assert result.exit_code == 0
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert "index.json" in names and "index.md" in names
    assert len([n for n in names if n.startswith("a-") and n.endswith(".json")]) == 2
    index = json.loads((tmp_path / "out" / "index.json").read_text(encoding="utf-8"))
    assert [Path(a["path"]).parent.name for a in index["articles"]] == ["2024", "2025"]


def test_jsonl_one_line_per_article_and_unreadable_article_does_not_stop_the_run(
    network: FakeNetwork, run: Run, tmp_path: Path
) -> None:
    write(tmp_path / "a.md", CLEAN_EN)
    write(tmp_path / "b.md", BROKEN_EN)
    write(tmp_path / "empty.txt", "")
    manifest = write(tmp_path / "list.txt", "# articles of this month\na.md\n\nb.md\nempty.txt\n")
    result = run("audit", f"@{manifest}", "--jsonl", "--fail-on", "never", "--quiet")
    assert result.exit_code == 3  # finished, but one file could not be read
    assert result.stderr == (
        "auditor: incomplete run: 1 of 3 file(s) could not be read"
        " (exit 3; --incomplete-ok: 0 or 1 by the findings)\n"
    )
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(line["path"]).name for line in lines] == ["a.md", "b.md", "empty.txt"]
    assert lines[1]["errors"] >= 1 and lines[2]["error"]
    assert set(lines[0]) == {"path", "errors", "warnings", "infos", "claims", "references", "error"}


def test_manifest_option(network: FakeNetwork, run: Run, tmp_path: Path) -> None:
    write(tmp_path / "a.md", CLEAN_EN)
    manifest = write(tmp_path / "m.txt", "a.md  \n# b.md\n")
    result = run("audit", "--manifest", manifest, "--jsonl")
    assert [Path(json.loads(line)["path"]).name for line in result.stdout.splitlines()] == ["a.md"]


def test_references_file_is_added(network: FakeNetwork, run: Run, tmp_path: Path) -> None:
    article = write(tmp_path / "a.md", "Exosomes carry RNA (Wang et al., 2018).\n")
    bib = write(
        tmp_path / "refs.bib",
        "@article{wang2018, author={Wang, Li and Chen, Hui},\n"
        " title={Exosomes}, journal={Cell}, year={2018}}\n",
    )
    result = run("audit", article, "--references", bib, "--format", "json", "--fail-on", "never")
    references = json.loads(result.stdout)["documents"][0]["references"]
    assert [(r["id"], r["label"]) for r in references] == [("r1", "wang2018")]


@pytest.mark.parametrize(
    ("args", "files", "fragment"),
    [
        (["audit", "missing.md"], {}, "no such file"),
        (["audit", "empty.md"], {"empty.md": ""}, "empty"),
        (
            ["audit", "a.md", "--references", "refs.bib"],
            {"a.md": CLEAN_EN, "refs.bib": "@article{broken"},
            "refs.bib",
        ),
        (["audit", "a.md"], {"a.md": CLEAN_EN, "auditor.toml": 'fail_on = "sometimes"\n'}, "fail_on"),
        (["audit", "a.md"], {"a.md": CLEAN_EN, "auditor.toml": "colour = 1\n"}, "unknown setting"),
        (["audit", "@nolist.txt"], {}, "manifest not found"),
        (
            ["audit", "a.md"],
            {"a.md": CLEAN_EN, "auditor.toml": 'ignore = ["Z9"]\n'},
            "no check code starts with",
        ),
        (["audit"], {}, "no input files"),
        (["report", "bad.json"], {"bad.json": "{nope"}, "not JSON"),
        (["report", "gone.json"], {}, "no such file"),
        (["diff", "x.json", "y.json"], {}, "x.json: no such file or directory, and no run 'x.json'"),
        (["audit", "a.md", "--format", "pdf"], {"a.md": CLEAN_EN}, "pdf"),
    ],
)
def test_unusable_input_exits_2_with_one_line(
    network: FakeNetwork,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    files: dict[str, str],
    fragment: str,
) -> None:
    for name, text in files.items():
        write(tmp_path / name, text)
    code = main(args)
    captured = capsys.readouterr()
    assert code == 2
    assert "Traceback" not in captured.err + captured.out
    assert fragment in captured.err
    assert "Error" in captured.err


def test_main_returns_codes(network: FakeNetwork, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = write(tmp_path / "b.md", BROKEN_EN)
    assert main(["audit", str(article), "--quiet"]) == 1
    assert main(["audit", str(article), "--fail-on", "never", "-q"]) == 0
    assert main(["--version"]) == 0
    capsys.readouterr()
    newest = RunHistory(tmp_path / "cache").runs()[0]
    assert newest.args == ["audit", str(article), "--fail-on", "never", "-q"]


def test_no_progress_on_stderr_when_not_a_tty(network: FakeNetwork, run: Run, tmp_path: Path) -> None:
    article = write(tmp_path / "a.md", CLEAN_EN)
    result = run("audit", article, "--fail-on", "never")
    assert result.stderr == ""


def test_offline_run_with_the_real_sources_and_an_empty_cache(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the real build_sources: offline never fails the run; lookups are unverifiable."""
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    article = write(tmp_path / "a.md", CLEAN_EN)
    result = run("audit", article, "--offline", "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    (document,) = json.loads(result.stdout)["documents"]
    assert [r["resolution"] for r in document["references"]] == ["unverifiable"]
    assert json.loads(result.stdout)["summary"]["requests"] == 0


def test_progress_on_stderr_when_it_is_a_tty(
    network: FakeNetwork, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_outputs, "stderr_is_tty", lambda: True)
    article = write(tmp_path / "a.md", CLEAN_EN)
    result = run("audit", article, "--fail-on", "never")
    assert "auditing 1 article(s)" in result.stderr and "done:" in result.stderr
    assert "auditing" not in result.stdout
    assert run("audit", article, "--quiet").stderr == ""
