"""The command line: a click group whose commands only wire the library together.

`main(argv) -> int` returns the exit code (0 nothing at or above --fail-on, 1 findings at or
above it, 2 unusable input or usage) so tests call it in-process. Library errors become a
one-line `Error: …` and exit 2; no traceback ever reaches the user.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from auditor import __version__
from auditor.cli_errors import USER_ERRORS, one_line
from auditor.exit_codes import ExitCode


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="auditor")
def cli() -> None:
    """Audit the citations and claims of articles (Chinese or English).

    \b
    Examples:
      auditor audit article.md
      auditor audit archive/ --out-dir runs/2026-01 --offline
      auditor diff --last
    """


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code instead of exiting."""
    try:
        args = list(argv) if argv is not None else sys.argv[1:]
        result = cli.main(args=args, prog_name="auditor", standalone_mode=False, obj={"argv": args})
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        return int(ExitCode.USAGE)
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except USER_ERRORS as exc:
        click.echo(f"Error: {one_line(exc)}", err=True)
        return int(ExitCode.USAGE)
    except Exception as exc:  # noqa: BLE001 — the promise is: never a traceback at the CLI
        click.echo(f"Error: internal error ({type(exc).__name__}: {one_line(exc)})", err=True)
        return int(ExitCode.USAGE)
    return int(result) if isinstance(result, int) else int(ExitCode.OK)


def _register_commands() -> None:
    """Attach the commands defined in the cli_* modules."""
    from auditor.cli_audit import audit
    from auditor.cli_commands import cache, checks, diff, report, runs, schema

    for command in (audit, report, diff, checks, cache, schema, runs):
        cli.add_command(command)


_register_commands()
