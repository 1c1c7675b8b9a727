"""Service faults through the real command line against a local fake of the four services (127.0.0.1).

Each fault run is compared with a clean run of the same article: the verdicts are the same, except
that lookups which could not be made are `unverifiable` (never "not found", never an unknown journal
that the clean run does not report), and stderr says what happened in one line. Nothing here times
anything: the fake counts requests.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from auditor.references.models import Author, Record
from click.testing import CliRunner
from known_records import TAKAHASHI_2006

from auditor.cli import cli
from bench.fake_services import FakeServices, Faults, FixtureRecords

KEY = "FAULTKEY5e1c7a9d"
EMAIL = "integrity-desk@example.org"
ARTICLE = (
    "Reprogramming adult cells into pluripotent stem cells needed only four factors [1]. A later\n"
    "claim of stress-induced pluripotency [2] did not hold, and organoids now model disease [3].\n\n"
    "References\n"
    "1. Takahashi K, Yamanaka S. Induction of pluripotent stem cells from mouse embryonic and adult "
    "fibroblast cultures by defined factors. Cell. 2006;126(4):663-676. PMID: 16904174.\n"
    "2. Obokata H, Wakayama T, Sasai Y, et al. Stimulus-triggered fate conversion of somatic cells into "
    "pluripotency. Nature. 2014;505(7485):641-647. doi:10.1038/nature12968.\n"
    "3. Lancaster MA, Knoblich JA. Organogenesis in a dish: modeling development and disease using "
    "organoid technologies. Science. 2014;345(6194):1247125. doi:10.1126/science.1247125.\n"
)
RECORDS = [
    TAKAHASHI_2006,
    Record(
        source="pubmed",
        id="24476887",
        pmid="24476887",
        doi="10.1038/nature12968",
        title="Stimulus-triggered fate conversion of somatic cells into pluripotency.",
        authors=[Author(family="Obokata", given="H"), Author(family="Wakayama", given="T")],
        year=2014,
        journal="Nature",
        journal_abbrev="Nature",
        volume="505",
        pages="641-7",
    ),
    Record(
        source="pubmed",
        id="25035496",
        pmid="25035496",
        doi="10.1126/science.1247125",
        title="Organogenesis in a dish: modeling development and disease using organoid technologies.",
        authors=[Author(family="Lancaster", given="MA"), Author(family="Knoblich", given="JA")],
        year=2014,
        journal="Science",
        journal_abbrev="Science",
        volume="345",
        pages="1247125",
    ),
]


def _records() -> FixtureRecords:
    return FixtureRecords(RECORDS, [])


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _environment(monkeypatch: pytest.MonkeyPatch, urls: dict[str, str], cache: Path) -> None:
    for name, value in urls.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("NCBI_API_KEY", KEY)
    monkeypatch.setenv("AUDITOR_EMAIL", EMAIL)
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(cache))
    monkeypatch.setenv("AUDITOR_HTTP_TIMEOUT", "0.5")
    for name in ("AUDITOR_OFFLINE", "AUDITOR_FAIL_ON", "AUDITOR_FORMAT"):
        monkeypatch.delenv(name, raising=False)


def _audit(tmp_path: Path, *extra: str) -> tuple[dict[str, Any], str, dict[str, str]]:
    """(JSON report, stderr, every output file's text) of `auditor audit` on ARTICLE."""
    article = tmp_path / "article.md"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        ["audit", str(article), "--format", "json", "-o", str(tmp_path / "a.json"), *extra],
        catch_exceptions=False,
    )
    assert result.exit_code in (0, 1, 3), result.output  # 3: finished, but lookups failed
    report = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    outputs = {"stderr": result.stderr, "json": (tmp_path / "a.json").read_text(encoding="utf-8"),
               "status": str(result.exit_code)}
    for fmt in ("markdown", "html"):
        target = tmp_path / f"a.{fmt}"
        CliRunner().invoke(cli, ["report", str(tmp_path / "a.json"), "--format", fmt, "-o", str(target)])
        outputs[fmt] = target.read_text(encoding="utf-8")
    history = tmp_path / "cache" / "history.sqlite3"
    outputs["history"] = history.read_bytes().decode("utf-8", "replace") if history.exists() else ""
    del out
    return report, result.stderr, outputs


def _verdicts(report: dict[str, Any]) -> dict[str, Any]:
    (document,) = report["documents"]
    return {
        "claims": {c["id"]: c["verdict"] for c in document["claims"]},
        "references": {r["id"]: r["resolution"] for r in document["references"]},
        "codes": sorted({f["code"] for f in document["findings"] if not f["code"].startswith("U9")}),
    }


def _same_or_unverifiable(fault: dict[str, Any], clean: dict[str, Any]) -> None:
    for kind in ("claims", "references"):
        assert fault[kind].keys() == clean[kind].keys()
        for key, verdict in fault[kind].items():
            assert verdict in (clean[kind][key], "unverifiable"), (kind, key, verdict, clean[kind][key])
    lookup_codes = {"M401", "M402", "M403", "M404", "M405", "M406", "M407", "M408", "T501", "T503", "T504"}
    assert set(fault["codes"]) - set(clean["codes"]) == set(), (
        "a fault produced a finding a clean run has not"
    )
    assert set(clean["codes"]) - set(fault["codes"]) <= lookup_codes


@pytest.fixture
def clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The verdicts of a run whose services all answer."""
    with FakeServices(_records(), latency=0) as fake:
        _environment(monkeypatch, fake.base_urls(), tmp_path / "clean" / "cache")
        (tmp_path / "clean").mkdir(exist_ok=True)
        report, stderr, _ = _audit(tmp_path / "clean")
    assert "warning" not in stderr
    verdicts = _verdicts(report)
    assert set(verdicts["references"].values()) == {"identifier"}
    return verdicts


@pytest.fixture
def workdir(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "fault"
    path.mkdir()
    yield path


def test_dead_port_trips_the_breakers_and_changes_no_verdict(
    clean: dict[str, Any], workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    port = _closed_port()
    urls = {
        "AUDITOR_EUTILS_URL": f"http://127.0.0.1:{port}/eutils",
        "AUDITOR_IDCONV_URL": f"http://127.0.0.1:{port}/idconv/",
        "AUDITOR_CROSSREF_URL": f"http://127.0.0.1:{port}/crossref",
        "AUDITOR_CTGOV_URL": f"http://127.0.0.1:{port}/ctgov",
    }
    _environment(monkeypatch, urls, workdir / "cache")
    report, stderr, outputs = _audit(workdir)
    assert outputs["status"] == "3" and "auditor: incomplete run: " in stderr  # never looks like success
    verdicts = _verdicts(report)
    _same_or_unverifiable(verdicts, clean)
    assert set(verdicts["references"].values()) == {"unverifiable"}
    assert "warning: PubMed unavailable: 3 connection failures or timeouts in a row" in stderr
    assert report["summary"]["failed_lookups"] > 0
    assert report["summary"]["requests"] <= 3 * 2 + 2  # the breaker stopped the retries at once


def test_hanging_server_costs_a_few_timeouts_not_one_per_lookup(
    clean: dict[str, Any], workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with FakeServices(_records(), latency=0, faults=Faults(hangs=1.0, hang_seconds=60)) as fake:
        _environment(monkeypatch, fake.base_urls(), workdir / "cache")
        report, stderr, _ = _audit(workdir)
        seen = dict(fake.requests)
    verdicts = _verdicts(report)
    _same_or_unverifiable(verdicts, clean)
    assert set(verdicts["references"].values()) == {"unverifiable"}
    assert "unavailable" in stderr
    assert seen.get("eutils", 0) <= 4 and seen.get("crossref", 0) <= 4  # then the breaker answered
    assert "UNKNOWN_JOURNAL" not in json.dumps(report).upper() and "M408" not in verdicts["codes"]


def test_429s_and_5xx_are_retried_to_the_clean_verdicts_and_every_request_is_counted(
    clean: dict[str, Any], workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    faults = Faults(throttled=0.25, server_errors=0.2, retry_after="0", seed=3)
    with FakeServices(_records(), latency=0, faults=faults) as fake:
        _environment(monkeypatch, fake.base_urls(), workdir / "cache")
        report, _, _ = _audit(workdir)
        seen = sum(fake.requests.values())
        injected = sum(fake.faulted.values())
    assert injected > 0
    assert _verdicts(report) == clean
    assert report["summary"]["requests"] == seen  # retries included


def test_an_error_body_echoing_the_key_leaks_nowhere(
    clean: dict[str, Any], workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with FakeServices(_records(), latency=0, faults=Faults(echo_request=True)) as fake:
        _environment(monkeypatch, fake.base_urls(), workdir / "cache")
        report, _, outputs = _audit(workdir)
    _same_or_unverifiable(_verdicts(report), clean)
    assert "cannot serve" in outputs["json"]  # the service's text did reach the report…
    for name, text in outputs.items():
        assert KEY not in text, name  # …but not the key
        assert EMAIL not in text and EMAIL.replace("@", "%40") not in text, name


def test_truncated_bodies_are_asked_again(
    clean: dict[str, Any], workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with FakeServices(_records(), latency=0, faults=Faults(truncated=0.3, seed=3)) as fake:
        _environment(monkeypatch, fake.base_urls(), workdir / "cache")
        report, _, _ = _audit(workdir)
        assert fake.faulted["truncate"] > 0
    _same_or_unverifiable(_verdicts(report), clean)


def test_run_deadline_leaves_the_lookups_unverifiable(
    clean: dict[str, Any], workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with FakeServices(_records(), latency=0) as fake:
        _environment(monkeypatch, fake.base_urls(), workdir / "cache")
        report, _, _ = _audit(workdir, "--timeout", "0.000001")
        assert sum(fake.requests.values()) == 0
    verdicts = _verdicts(report)
    _same_or_unverifiable(verdicts, clean)
    assert set(verdicts["references"].values()) == {"unverifiable"}
    assert "--timeout" in json.dumps(report)


def test_locked_cache_changes_no_verdict_and_warns_once(
    clean: dict[str, Any], workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from auditor.references.cache_db import CacheDatabase

    def locked(database: str, **kwargs: Any) -> sqlite3.Connection:
        kwargs["timeout"] = 0.05
        db = sqlite3.connect(database, **kwargs)
        holder = sqlite3.connect(database, isolation_level=None, check_same_thread=False)
        holder.execute("PRAGMA journal_mode=WAL")
        holder.execute("CREATE TABLE IF NOT EXISTS held (a)")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("INSERT INTO held VALUES (1)")
        locked.holders.append(holder)  # type: ignore[attr-defined]
        return db

    locked.holders = []  # type: ignore[attr-defined]
    monkeypatch.setattr(CacheDatabase, "connect", staticmethod(locked))
    with FakeServices(_records(), latency=0) as fake:
        _environment(monkeypatch, fake.base_urls(), workdir / "cache")
        report, stderr, _ = _audit(workdir)
    assert _verdicts(report) == clean
    assert stderr.count("warning: the lookup cache") == 1 and "locked by another process" in stderr


def test_corrupted_cache_changes_no_verdict_is_named_and_cache_clear_repairs_it(
    clean: dict[str, Any], workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = workdir / "cache"
    cache.mkdir()
    (cache / "lookups.sqlite3").write_bytes(b"\x00garbage, not SQLite\n" * 300)
    with FakeServices(_records(), latency=0) as fake:
        _environment(monkeypatch, fake.base_urls(), cache)
        report, stderr, _ = _audit(workdir)
    assert _verdicts(report) == clean
    assert f"warning: the lookup cache {cache / 'lookups.sqlite3'} is corrupted" in stderr
    stats = CliRunner().invoke(cli, ["cache", "stats"])
    assert stats.exit_code == 2 and str(cache / "lookups.sqlite3") in stats.output
    repaired = CliRunner().invoke(cli, ["cache", "clear", "--yes"])
    assert repaired.exit_code == 0 and "corrupted" in repaired.output
    assert CliRunner().invoke(cli, ["cache", "stats"]).exit_code == 0


@pytest.mark.parametrize(
    ("extra", "deadline"),
    [((), 3600.0), (("--timeout", "90"), 90.0), (("--timeout", "0"), None)],
    ids=["default", "given", "none"],
)
def test_lookups_have_a_deadline_by_default(
    extra: tuple[str, ...], deadline: float | None, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cron job never waits on a slow service without end: one hour of lookups unless told."""
    import auditor.cli_audit

    given: list[float | None] = []
    real = auditor.cli_audit.build_sources

    def spy(**kwargs: Any) -> Any:
        given.append(kwargs["timeout"])
        return real(**kwargs)

    monkeypatch.setattr(auditor.cli_audit, "build_sources", spy)
    with FakeServices(_records(), latency=0) as fake:
        _environment(monkeypatch, fake.base_urls(), workdir / "cache")
        _audit(workdir, *extra)
    assert given == [deadline]
