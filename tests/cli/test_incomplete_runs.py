"""Exit status 3 and what an unattended archive run leaves behind when it is incomplete."""

from __future__ import annotations

import io
import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from auditor.references.models import IdKind
from auditor.references.sources.fake import InMemorySource
from click.testing import Result

import auditor.cli_audit as cli_audit
from auditor.cli import main
from auditor.history import RunHistory
from auditor.sources import SourceSet
from tests.cli.cli_helpers import (
    BROKEN_EN,
    CLEAN_EN,
    CLEAN_ZH,
    FakeNetwork,
    smith_record,
    write,
)

Run = Callable[..., Result]
INCOMPLETE = "auditor: incomplete run: "


def _docx_bomb(path: Path) -> Path:
    """A small .docx whose document.xml expands to 60 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document>" + " " * 60_000_000 + "</w:document>")
    path.write_bytes(buffer.getvalue())
    return path


def _clean_archive(tmp_path: Path) -> Path:
    write(tmp_path / "archive" / "en.md", CLEAN_EN)
    write(tmp_path / "archive" / "zh.md", CLEAN_ZH)
    return tmp_path / "archive"


def test_three_broken_files_in_a_clean_archive_exit_3_and_are_listed(
    network: FakeNetwork, run: Run, tmp_path: Path
) -> None:
    archive = _clean_archive(tmp_path)
    write(archive / "empty.txt", "")
    (archive / "noise.txt").write_bytes(bytes(range(0x80, 0x100)) * 4)
    _docx_bomb(archive / "bomb.docx")
    out = tmp_path / "out"
    result = run("audit", archive, "--out-dir", out, "--quiet")
    assert result.exit_code == 3
    assert result.stderr == (
        f"{INCOMPLETE}3 of 5 file(s) could not be read (exit 3; --incomplete-ok: 0 or 1 by the findings)\n"
    )  # the one line --quiet keeps
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    errors = {Path(a["path"]).name: a["error"] for a in index["articles"] if a["error"]}
    assert sorted(errors) == ["bomb.docx", "empty.txt", "noise.txt"]
    assert "expands to 57.2 MB of XML" in errors["bomb.docx"]
    assert "cannot detect its encoding" in errors["noise.txt"]
    assert "could not be read" in (out / "index.md").read_text(encoding="utf-8")
    (entry,) = RunHistory(tmp_path / "cache").runs()
    assert sorted(Path(p).name for p in entry.failed) == ["bomb.docx", "empty.txt", "noise.txt"]
    assert run("audit", archive, "--out-dir", out, "--quiet", "--incomplete-ok").exit_code == 0


def test_incomplete_wins_over_findings(network: FakeNetwork, run: Run, tmp_path: Path) -> None:
    """An archive with errors AND an unreadable file is 3 (a cron job must see it was incomplete);
    --incomplete-ok gives the findings' status."""
    write(tmp_path / "a" / "b.md", BROKEN_EN)
    write(tmp_path / "a" / "empty.md", "")
    result = run("audit", tmp_path / "a", "--jsonl")
    assert result.exit_code == 3
    assert result.stderr.endswith(
        f"{INCOMPLETE}1 of 2 file(s) could not be read (exit 3; --incomplete-ok: 0 or 1 by the findings)\n"
    )
    assert run("audit", tmp_path / "a", "--jsonl", "--incomplete-ok").exit_code == 1


def test_only_unreadable_files_is_still_exit_2(network: FakeNetwork, run: Run, tmp_path: Path) -> None:
    result = run("audit", tmp_path / "missing.md")
    assert result.exit_code == 2 and "no such file" in result.stderr and INCOMPLETE not in result.stderr


def test_failed_lookups_exit_3(
    network: FakeNetwork, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(**_: object) -> SourceSet:
        records = {(IdKind.PMID, "31000001"): smith_record()}
        return SourceSet(pubmed=InMemorySource("pubmed", records, fail=["31000001"], kinds=[IdKind.PMID]))

    monkeypatch.setattr(cli_audit, "build_sources", failing)
    article = write(tmp_path / "a.md", CLEAN_EN)
    result = run("audit", article, "--quiet", "--format", "json")
    assert result.exit_code == 3
    assert result.stderr.startswith(INCOMPLETE) and "lookup(s) failed" in result.stderr
    assert run("audit", article, "--quiet", "--incomplete-ok").exit_code == 0


def test_offline_misses_are_not_incomplete(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--offline` with an empty cache: lookups not made (U902) are what was asked for, exit 0."""
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "cache"))
    article = write(tmp_path / "a.md", CLEAN_EN)
    result = run("audit", article, "--offline", "--quiet")
    assert result.exit_code == 0 and result.stderr == ""


def test_non_utf8_name_among_articles_keeps_the_archive_run(
    network: FakeNetwork, run: Run, tmp_path: Path
) -> None:
    archive = _clean_archive(tmp_path)
    raw = os.fsencode(archive) + b"/caf\xe9.md"
    with open(raw, "wb") as handle:
        handle.write(CLEAN_EN.encode("utf-8"))
    out = tmp_path / "out"
    result = run("audit", archive, "--out-dir", out, "--jsonl", "--quiet")
    assert result.exit_code == 0, result.output
    paths = [json.loads(line)["path"] for line in result.stdout.splitlines()]
    assert any(p.endswith("caf\\xe9.md") for p in paths) and len(paths) == 3
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert len(index["articles"]) == 3
    assert RunHistory(tmp_path / "cache").runs()[0].documents == 3


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifo_is_refused_and_the_others_go_on(network: FakeNetwork, run: Run, tmp_path: Path) -> None:
    article = write(tmp_path / "a.md", CLEAN_EN)
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    result = run("audit", article, fifo, "--jsonl")
    assert result.exit_code == 3
    assert "pipe.md: not a regular file (a FIFO); refused" in result.stderr


def test_cp1252_article_report_names_its_encoding(network: FakeNetwork, run: Run, tmp_path: Path) -> None:
    text = CLEAN_EN.replace("Smith J, Lee K.", "Smith J, Müller K.")
    article = write(tmp_path / "a.txt", text, encoding="cp1252")
    (document,) = json.loads(run("audit", article, "--format", "json").stdout)["documents"]
    assert document["encoding"] == "cp1252" and "Müller" in document["references"][0]["text"]
    markdown = run("audit", article).stdout
    assert "Encoding: cp1252" in markdown


def test_claim_limit_leaves_a_u903_finding(network: FakeNetwork, run: Run, tmp_path: Path) -> None:
    write(tmp_path / "auditor.toml", "max_claims = 2\n")
    body = "".join(f"Of {n} patients, {n - 1} ({100 * (n - 1) // n}%) improved.\n" for n in range(10, 20))
    article = write(tmp_path / "a.md", body)
    (document,) = json.loads(run("audit", article, "--format", "json").stdout)["documents"]
    assert len(document["claims"]) == 2
    (limit,) = [f for f in document["findings"] if f["code"] == "U903"]
    assert "more than 2 claims" in limit["message"] and limit["span"]["line"] == 2


def test_main_exits_130_on_ctrl_c(
    network: FakeNetwork, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_audit, "audit_paths", interrupted)
    assert main(["audit", str(write(tmp_path / "a.md", CLEAN_EN))]) == 130
    assert capsys.readouterr().err.strip() == "Interrupted."


def test_reference_lists_of_any_length_are_read_whole(network: FakeNetwork, run: Run, tmp_path: Path) -> None:
    """A list past 999 entries was cut there (three-digit labels); every entry is read now."""
    entries = "".join(
        f"{i}. Author{i} J, Writer K. Study number {i} of stem cells. Nature. 2019;570:{i}-{i + 5}.\n"
        for i in range(1, 1201)
    )
    article = write(tmp_path / "long.md", "Stem cells help [1] and [999].\n\nReferences\n" + entries)
    (document,) = json.loads(run("audit", article, "--format", "json").stdout)["documents"]
    labels = [r["label"] for r in document["references"]]
    assert len(labels) == 1200 and labels[-1] == "1200"
    assert document["references"][999]["text"].startswith("1000. Author1000 J")
