"""The errors the command line turns into a one-line `Error: …` and exit status 2."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar

import click

from auditor.archive import AuditFileError
from auditor.config import ConfigError
from auditor.exit_codes import ExitCode
from auditor.reading import InputError
from auditor.references.bibfiles import ReferenceFileError
from auditor.references.cache_db import CacheError
from auditor.references.sources.interface import SourceError

F = TypeVar("F", bound=Callable[..., Any])
USER_ERRORS = (
    InputError,
    ReferenceFileError,
    ConfigError,
    AuditFileError,
    CacheError,
    SourceError,
    sqlite3.Error,
    OSError,
)


class AuditorError(click.ClickException):
    """A one-line error that ends the command with exit status 2."""

    exit_code = int(ExitCode.USAGE)


def user_errors(function: F) -> F:
    """Turn the library's errors into `AuditorError` (one line, exit 2)."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except BrokenPipeError:
            raise  # the reader went away (`| head`): `main` ends quietly
        except USER_ERRORS as exc:
            raise AuditorError(one_line(exc)) from None

    return wrapper  # type: ignore[return-value]


def one_line(exc: BaseException) -> str:
    """The first line of an exception's message (its class name when it has none)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
