"""CLI test helpers: fixtures and articles (not named conftest.py: tests/conftest.py owns that name)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from auditor.references.models import Author, IdKind, Record, TrialRecord, Update, UpdateKind
from auditor.references.sources.fake import InMemorySource
from click.testing import CliRunner, Result

import auditor.cli_audit as cli_audit
from auditor.cli import cli
from auditor.sources import SourceSet

CLEAN_EN = (
    "Stem cells improved recovery after stroke [1].\n\n"
    "References\n"
    "1. Smith J, Lee K. Stem cells in stroke recovery. Nature. 2019;570(7760):1-10. PMID: 31000001.\n"
)
BROKEN_EN = (
    "Stem cells improved recovery after stroke [1]. A later trial disagreed [3].\n\n"
    "References\n"
    "1. Smith J, Lee K. Stem cells in stroke recovery. Nature. 2019;570(7760):1-10. PMID: 31000001.\n"
    "2. Wang L, Chen H. An uncited review of exosomes. Cell. 2018;172(1):2-30.\n"
)
CLEAN_ZH = (
    "干细胞改善了卒中后的恢复（1）。\n\n"
    "参考文献\n"
    "1. Smith J, Lee K. Stem cells in stroke recovery. Nature. 2019;570(7760):1-10. PMID: 31000001.\n"
)


TRIAL_EN = (
    "In the randomised trial NCT04567890, exosomes were given after spinal cord injury.\n"
)


def sci_trial(status: str) -> TrialRecord:
    """The ClinicalTrials.gov record of the trial TRIAL_EN names, with the given overall status."""
    return TrialRecord(
        id="NCT04567890",
        brief_title="Exosomes for Acute Spinal Cord Injury",
        status=status,
        why_stopped="Funding withdrawn" if status == "TERMINATED" else None,
        conditions=["Spinal Cord Injuries"],
        interventions=["Biological: exosomes"],
    )


def smith_record(*, retracted: bool = False) -> Record:
    """The PubMed record of the work the test articles cite."""
    updates = [Update(kind=UpdateKind.RETRACTION, notice_id="39000001", source="pubmed")] if retracted else []
    return Record(
        source="pubmed",
        id="31000001",
        pmid="31000001",
        title="Stem cells in stroke recovery",
        authors=[Author(family="Smith", given="J"), Author(family="Lee", given="K")],
        year=2019,
        journal="Nature",
        volume="570",
        issue="7760",
        pages="1-10",
        updates=updates,
        publication_types=["Journal Article"],
    )


class FakeNetwork:
    """What `build_sources` returns in CLI tests; `retracted` / `trial_status` change records between runs."""

    def __init__(self) -> None:
        self.retracted = False
        self.trial_status = "RECRUITING"
        self.calls = 0

    def build(self, **_: object) -> SourceSet:
        self.calls += 1
        records = {(IdKind.PMID, "31000001"): smith_record(retracted=self.retracted)}
        trials = {(IdKind.NCT, "NCT04567890"): sci_trial(self.trial_status)}
        return SourceSet(
            pubmed=InMemorySource("pubmed", records, kinds=[IdKind.PMID, IdKind.DOI]),
            ctgov=InMemorySource("ctgov", trials, kinds=[IdKind.NCT]),  # type: ignore[arg-type]
        )


@pytest.fixture(name="network")
def network_fixture(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> FakeNetwork:
    """No real sources; the cache and history live in tmp_path."""
    fake = FakeNetwork()
    monkeypatch.setattr(cli_audit, "build_sources", fake.build)
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "cache"))
    for var in ("AUDITOR_FAIL_ON", "AUDITOR_FORMAT", "AUDITOR_OFFLINE", "AUDITOR_EMAIL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)
    return fake


@pytest.fixture(name="run")
def run_fixture() -> Callable[..., Result]:
    """Invoke the CLI in-process."""
    runner = CliRunner()

    def invoke(*args: str) -> Result:
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """Write an article file, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path
