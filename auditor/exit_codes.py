"""Named exit statuses of the command line (like a linter's)."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What `auditor` returns to the shell."""

    OK = 0  # nothing at or above --fail-on
    FINDINGS = 1  # findings at or above --fail-on
    USAGE = 2  # unusable input, configuration or usage (click usage errors are 2 too)
