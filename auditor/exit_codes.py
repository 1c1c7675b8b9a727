"""Named exit statuses of the command line (like a linter's), and the status of a finished run.

Precedence: 2 (nothing could be audited, or bad usage) > 3 (finished, but incomplete: files that
could not be read, lookups that were tried and failed, checks that crashed) > 1 (findings at or
above --fail-on) > 0. Incomplete wins over findings: a cron job must be able to tell a run that
checked everything from one that could not (an outage over an archive that also has errors), and
the findings are in the output either way. `--incomplete-ok` gives the status without the
incompleteness (1 or 0). Lookups not made because the run was offline are not "incomplete":
offline was asked for, and U902 says which lookups were not made.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from auditor.models import AuditReport, Severity


class ExitCode(IntEnum):
    """What `auditor` returns to the shell."""

    OK = 0  # nothing at or above --fail-on
    FINDINGS = 1  # findings at or above --fail-on
    USAGE = 2  # unusable input, configuration or usage (click usage errors are 2 too)
    INCOMPLETE = 3  # finished, but files could not be read or lookups failed (--incomplete-ok: 0)
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT, as shells report it)


THRESHOLD = {"error": Severity.ERROR.rank, "warning": Severity.WARNING.rank}


@dataclass(frozen=True)
class Incompleteness:
    """What a run could not do: unreadable files, failed lookups, crashed checks."""

    unreadable: tuple[str, ...] = ()
    failed_lookups: int = 0
    crashed_checks: int = 0
    documents: int = 0

    def __bool__(self) -> bool:
        return bool(self.unreadable or self.failed_lookups or self.crashed_checks)

    def line(self, status: ExitCode) -> str:
        """The one stderr line that says so (printed even with --quiet)."""
        parts = []
        if self.unreadable:
            parts.append(f"{len(self.unreadable)} of {self.documents} file(s) could not be read")
        if self.failed_lookups:
            parts.append(f"{self.failed_lookups} lookup(s) failed")
        if self.crashed_checks:
            parts.append(f"{self.crashed_checks} check(s) failed with an internal error")
        tail = (
            "exit 3; --incomplete-ok: 0 or 1 by the findings"
            if status is ExitCode.INCOMPLETE
            else f"exit {int(status)}"
        )
        return f"auditor: incomplete run: {', '.join(parts)} ({tail})"


def incompleteness(report: AuditReport) -> Incompleteness:
    """What `report` says could not be done."""
    failed_items = sum(f.code == "U901" for d in report.documents for f in d.findings)
    return Incompleteness(
        unreadable=tuple(d.path for d in report.documents if d.error),
        # the lookups themselves; U901 findings (one per claim a failed lookup leaves unchecked) only
        # when the summary has no count (an audit saved by an older version)
        failed_lookups=report.summary.failed_lookups or failed_items,
        crashed_checks=sum(f.code == "U999" for d in report.documents for f in d.findings),
        documents=len(report.documents),
    )


def findings_status(report: AuditReport, fail_on: str) -> ExitCode:
    """1 when any finding is at or above `fail_on` ("never": never), else 0."""
    threshold = THRESHOLD.get(fail_on)
    if threshold is None:
        return ExitCode.OK
    ranks = (f.severity.rank for d in report.documents for f in d.findings)
    return ExitCode.FINDINGS if any(rank >= threshold for rank in ranks) else ExitCode.OK


def run_status(report: AuditReport, fail_on: str, *, incomplete_ok: bool = False) -> ExitCode:
    """The exit status of a finished run (see the module docstring for the precedence)."""
    if report.documents and all(d.error for d in report.documents):
        return ExitCode.USAGE
    if incompleteness(report) and not incomplete_ok:
        return ExitCode.INCOMPLETE
    return findings_status(report, fail_on)
