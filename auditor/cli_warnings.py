"""Warnings of the library (the `references` loggers: cache trouble, services unavailable) on stderr.

The library logs; only the command line decides where that goes. Each message is one line,
`warning: …`; `--quiet` drops them (and keeps Python's last-resort handler from printing them).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import click

LIBRARY_LOGGER = "auditor.references"


class StderrWarnings(logging.Handler):
    """Echo WARNING and above as `warning: …` on stderr (through click, so tests capture it)."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Print one record."""
        line = f"warning: {record.getMessage()}".splitlines()[0]
        self.lines.append(line)
        click.echo(line, err=True)


@contextmanager
def library_warnings(*, quiet: bool) -> Iterator[StderrWarnings | logging.NullHandler]:
    """While the block runs, the library's warnings go to stderr (or nowhere with `quiet`)."""
    logger = logging.getLogger(LIBRARY_LOGGER)
    handler: StderrWarnings | logging.NullHandler = logging.NullHandler() if quiet else StderrWarnings()
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
