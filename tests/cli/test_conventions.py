"""CLI conventions: -v, --select/--ignore, `-`, closed pipes, refused flags, cache, config, schema."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from auditor.references.cache import CACHE_FILE, LookupStore
from auditor.references.models import IdKind, LookupResult, LookupStatus
from click.testing import Result

import auditor.cli_cache as cli_cache
import auditor.cli_outputs as cli_outputs
from auditor.cli import main
from auditor.cli_observe import RedactSecrets
from tests.cli.cli_helpers import (
    BROKEN_EN,
    CLEAN_EN,
    FakeNetwork,
    smith_record,
    write,
)

Run = Callable[..., Result]
README = Path(__file__).resolve().parents[2] / "README.md"


def _codes(result: Result) -> set[str]:
    return {f["code"] for d in json.loads(result.stdout)["documents"] for f in d["findings"]}


def test_verbose_logs_each_lookup_on_stderr(network: FakeNetwork, run: Run, tmp_path: Path) -> None:
    article = write(tmp_path / "a.md", CLEAN_EN)
    quiet = run("audit", article)
    loud = run("audit", article, "-v")
    assert quiet.stderr == ""
    assert "auditor: pubmed: 1 pmid lookup(s): 1 found; 0 from the cache, 1 request(s)" in loud.stderr
    assert "auditor:" not in loud.stdout and loud.stdout.startswith("# ")  # the report stays clean


def test_log_lines_never_carry_the_key_or_the_email() -> None:
    message = '"GET /esearch.fcgi?db=pubmed&api_key=%s&email=%s"'
    record = logging.LogRecord("urllib3", logging.DEBUG, "x", 1, message, ("SECRET1", "me@example.org"), None)
    RedactSecrets().filter(record)
    assert record.getMessage() == '"GET /esearch.fcgi?db=pubmed&api_key=REDACTED&email=REDACTED"'


def test_select_and_ignore_take_code_prefixes(network: FakeNetwork, run: Run, tmp_path: Path) -> None:
    article = write(tmp_path / "b.md", BROKEN_EN)
    everything = _codes(run("audit", article, "--format", "json"))
    assert {"R101", "R105"} <= everything
    assert _codes(run("audit", article, "--format", "json", "--ignore", "R10")) == {
        c for c in everything if not c.startswith("R10")
    }
    assert _codes(run("audit", article, "--format", "json", "--select", "R101,R105")) == {"R101", "R105"}
    bad = run("audit", article, "--ignore", "Z9")
    assert bad.exit_code == 2 and "no check code starts with 'Z9'" in bad.stderr


def test_dash_reads_stdin_and_o_dash_writes_stdout(network: FakeNetwork, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from auditor.cli import cli

    result = CliRunner().invoke(cli, ["audit", "-", "--format", "json", "-o", "-"], input=BROKEN_EN)
    (document,) = json.loads(result.stdout)["documents"]
    assert document["path"] == "<stdin>" and result.exit_code == 1
    assert not (tmp_path / "-").exists()
    empty = CliRunner().invoke(cli, ["audit", "-"], input="")
    assert empty.exit_code == 2 and "<stdin>: no input" in empty.stderr


class _ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


@pytest.mark.parametrize("argv", [["checks"], ["cache", "export"], ["history", "list"], ["schema"]])
def test_closed_pipe_is_quiet(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    store = LookupStore(tmp_path / CACHE_FILE)
    result = LookupResult(source="pubmed", kind=IdKind.PMID, key="31000001", status=LookupStatus.FOUND,
                          record=smith_record())
    store.put_many([result])
    store.close()
    from auditor.history import RunHistory
    from tests.auditor.test_history import report

    RunHistory(tmp_path).record(report("r1", "2026-01-01T00:00:00+00:00"), ["audit"], inputs=["/a"])
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr("sys.stdout", _ClosedPipe())
    assert main(argv) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("args", "env", "fragment"),
    [
        (["--offline", "--refresh"], {}, "--refresh and --offline contradict each other"),
        (["--refresh"], {"AUDITOR_OFFLINE": "1"}, "--refresh and --offline contradict each other"),
        (["--format", "html", "--jsonl"], {}, "--jsonl prints one summary line per article"),
        (["--jsonl", "-o", "-"], {}, "--jsonl prints one summary line per article"),
        (["--jsonl", "-o", "-", "--out-dir", "runs"], {}, "--jsonl prints one summary line per article"),
        (["--format", "html", "--out-dir", "runs"], {}, "--out-dir writes one JSON audit per article"),
        (["--references-mode", "replace"], {}, "--references-mode replace needs --references FILE"),
    ],
)
def test_contradictory_flags_are_refused(
    network: FakeNetwork, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    args: list[str], env: dict[str, str], fragment: str,
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = run("audit", write(tmp_path / "a.md", CLEAN_EN), *args)
    assert result.exit_code == 2 and fragment in result.stderr and result.stdout == ""


def test_jsonl_with_a_report_file_is_fine(network: FakeNetwork, run: Run, tmp_path: Path) -> None:
    article = write(tmp_path / "a.md", CLEAN_EN)
    result = run("audit", article, "--format", "html", "--jsonl", "-o", tmp_path / "r.html")
    assert result.exit_code == 0 and (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE")


def _filled_cache(tmp_path: Path) -> Path:
    store = LookupStore(tmp_path / "cache" / CACHE_FILE)
    store.put_many([LookupResult(source="pubmed", kind=IdKind.PMID, key="31000001",
                                 status=LookupStatus.FOUND, record=smith_record())])
    store.close()
    return tmp_path / "cache"


def test_cache_stats_for_people_and_for_tools(run: Run, tmp_path: Path) -> None:
    cache = _filled_cache(tmp_path)
    text = run("cache", "stats", "--cache-dir", cache).stdout
    assert text.startswith(f"cache: {cache / CACHE_FILE} (")
    assert "entries: 1 (oldest 20" in text and "+00:00" in text and "pubmed    1 found" in text
    stats = json.loads(run("cache", "stats", "--format", "json", "--cache-dir", cache).stdout)
    assert stats["entries"] == 1 and stats["oldest"].endswith("+00:00")


def test_cache_clear_asks_on_a_terminal_and_needs_yes_elsewhere(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from auditor.cli import cli

    cache = _filled_cache(tmp_path)
    refused = run("cache", "clear", "--cache-dir", cache)
    assert refused.exit_code == 2 and "pass --yes" in refused.stderr
    monkeypatch.setattr(cli_cache, "stdin_is_tty", lambda: True)
    declined = CliRunner().invoke(cli, ["cache", "clear", "--cache-dir", str(cache)], input="n\n")
    assert declined.exit_code == 1 and "Delete every cached lookup" in declined.stderr
    assert "entries: 1" in run("cache", "stats", "--cache-dir", cache).stdout
    agreed = CliRunner().invoke(cli, ["cache", "clear", "--cache-dir", str(cache)], input="y\n")
    assert agreed.exit_code == 0 and "removed 1" in agreed.stdout


def test_bad_environment_value_names_the_variable(
    network: FakeNetwork, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUDITOR_FAIL_ON", "sometimes")
    result = run("audit", write(tmp_path / "a.md", CLEAN_EN))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: AUDITOR_FAIL_ON: bad value 'sometimes'")


def test_malformed_bib_is_one_line_without_bibtexparser_logs(
    network: FakeNetwork, run: Run, tmp_path: Path
) -> None:
    article = write(tmp_path / "a.md", CLEAN_EN)
    bib = write(tmp_path / "refs.bib", "@article{broken,\n title = {Unclosed\n")
    result = run("audit", article, "--references", bib)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("Error: ")


def test_schema_matches_what_format_json_writes(network: FakeNetwork, run: Run, tmp_path: Path) -> None:
    schema = json.loads(run("schema").stdout)
    written = json.loads(run("audit", write(tmp_path / "b.md", BROKEN_EN), "--format", "json").stdout)
    jsonschema.validate(written, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"tool": {"name": "auditor", "version": "1"}}, schema)


def test_progress_bars_only_on_a_terminal(
    network: FakeNetwork, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = write(tmp_path / "a.md", CLEAN_EN)
    assert run("audit", article).stderr == ""
    monkeypatch.setattr(cli_outputs, "stderr_is_tty", lambda: True)
    shown = run("audit", article).stderr
    assert "articles:" in shown and "lookups:" in shown and "article/s" in shown
    assert run("audit", article, "-q").stderr == ""


def test_shell_completion_is_documented() -> None:
    text = README.read_text(encoding="utf-8")
    assert "_AUDITOR_COMPLETE=bash_source auditor" in text and "zsh_source" in text


def test_verbose_shows_requests_and_retries_without_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """-v against a local fake of the services: request and retry lines, key and e-mail redacted."""
    from click.testing import CliRunner

    from auditor.cli import cli
    from bench.fake_services import FakeServices, Faults
    from tests.cli.test_service_faults import ARTICLE, EMAIL, KEY, _environment, _records

    with FakeServices(_records(), latency=0, faults=Faults(server_errors=0.5, seed=3)) as fake:
        _environment(monkeypatch, fake.base_urls(), tmp_path / "cache")
        article = write(tmp_path / "article.md", ARTICLE)
        result = CliRunner().invoke(cli, ["audit", str(article), "-v", "-o", str(tmp_path / "r.md")])
    logged = result.stderr
    assert '"GET /eutils/' in logged or '"POST /eutils/' in logged  # urllib3's request lines
    assert "Retry" in logged and "auditor: pubmed:" in logged
    assert KEY not in logged and EMAIL not in logged and "api_key=REDACTED" in logged
