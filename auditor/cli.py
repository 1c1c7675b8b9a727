"""The command line: a click group whose commands only wire the library together.

`main(argv) -> int` returns the exit code (auditor.exit_codes.ExitCode: 0 nothing at or above
--fail-on, 1 findings at or above it, 2 unusable input or usage, 3 finished but incomplete, 130
interrupted) so tests call it in-process. Library errors become a one-line `Error: …` and exit 2;
no traceback ever reaches the user. A closed stdout (`auditor checks | head -1`) ends the command
quietly with 0.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

import click

from auditor import __version__
from auditor.cli_errors import USER_ERRORS, one_line
from auditor.exit_codes import ExitCode


class ClosedPipe(Exception):
    """Stdout was closed by its reader; raised instead of BrokenPipeError, which click would report."""


class AuditorGroup(click.Group):
    """The command group; a closed stdout ends any command quietly (see `main`)."""

    def invoke(self, ctx: click.Context) -> object:
        """Run the command; BrokenPipeError becomes `ClosedPipe` before click's handler sees it."""
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            raise ClosedPipe from None


@click.group(
    cls=AuditorGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.version_option(__version__, prog_name="auditor")
def cli() -> None:
    """Audit the citations and claims of articles (Chinese or English).

    \b
    Examples:
      auditor audit article.md
      auditor audit archive/ --out-dir runs/2026-01 --offline
      auditor diff --last
      auditor history list
    """


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code instead of exiting."""
    try:
        args = list(argv) if argv is not None else sys.argv[1:]
        result = cli.main(args=args, prog_name="auditor", standalone_mode=False, obj={"argv": args})
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        return int(ExitCode.INTERRUPTED)
    except click.exceptions.Abort as exc:  # click's own: Ctrl-C in a prompt, or a "no" to a confirmation
        interrupted = isinstance(exc.__context__, KeyboardInterrupt)
        click.echo("Interrupted." if interrupted else "Aborted.", err=True)
        return int(ExitCode.INTERRUPTED if interrupted else ExitCode.FINDINGS)
    except (BrokenPipeError, ClosedPipe):
        _silence_stdout()
        return int(ExitCode.OK)
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


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that flushing it at exit raises no second BrokenPipeError."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (CliRunner, capture): nothing to do
        pass


def _register_commands() -> None:
    """Attach the commands defined in the cli_* modules."""
    from auditor.cli_audit import audit
    from auditor.cli_cache import cache
    from auditor.cli_commands import checks, diff, report, schema
    from auditor.cli_history import history

    for command in (audit, report, diff, history, checks, cache, schema):
        cli.add_command(command)


_register_commands()
