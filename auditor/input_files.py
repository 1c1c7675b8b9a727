"""Opening input files safely: regular files only, bounded sizes, .docx bombs refused, names shown.

Every limit is checked before the work it protects: the file size from `stat` and a bounded read
(a 5 GB file is never read whole), a .docx's uncompressed part sizes from its zip directory
before any XML is parsed. A file that breaks a limit is an `InputError` for that file; the run
goes on with the others.
"""

from __future__ import annotations

import os
import stat
import sys
import zipfile
from pathlib import Path

MAX_FILE_BYTES = 64 * 1024 * 1024  # an article file larger than this is refused
MAX_TEXT_CHARS = 16_000_000  # decoded or extracted text longer than this is refused
MAX_DOCX_XML_BYTES = 48 * 1024 * 1024  # uncompressed XML of a .docx (document, notes, styles…)
MAX_DOCX_TOTAL_BYTES = 512 * 1024 * 1024  # uncompressed size of every part, images included
MAX_DOCX_PARTS = 10_000
_MB = 1024 * 1024


class InputError(ValueError):
    """An input file cannot be read; the message is one line."""


def display_path(path: Path | str) -> str:
    """The path as text for reports: bytes that are not UTF-8 are shown escaped (`\\xe9`)."""
    if str(path) == STDIN:
        return STDIN_NAME
    return escaped(path)


def escaped(text: Path | str) -> str:
    """`text` with bytes that are not UTF-8 (surrogate escapes from the OS) shown as `\\xe9`."""
    return os.fsencode(text).decode("utf-8", errors="backslashreplace")


def read_input_bytes(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most `limit` bytes (FIFOs, devices, sockets refused)."""
    limit = MAX_FILE_BYTES if limit is None else limit
    shown = display_path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{shown}: no such file") from None
    except OSError as exc:
        raise InputError(f"{shown}: cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{shown}: is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{shown}: not a regular file ({_file_type(info.st_mode)}); refused")
    if info.st_size > limit:
        raise InputError(f"{shown}: {_size(info.st_size)} is larger than the limit of {_size(limit)}")
    try:
        with open(path, "rb") as handle:
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise InputError(f"{shown}: cannot be read ({exc.strerror or exc})") from None
    if len(raw) > limit:  # the file grew after stat (or stat lies, as in /proc)
        raise InputError(f"{shown}: larger than the limit of {_size(limit)}")
    if not raw.strip():
        raise InputError(f"{shown}: file is empty")
    return raw


STDIN = "-"  # the input path that means standard input
STDIN_NAME = "<stdin>"  # how standard input is named in reports


def read_stdin_bytes(limit: int | None = None) -> bytes:
    """Standard input's bytes, at most `limit` (a bounded read, like a file's)."""
    limit = MAX_FILE_BYTES if limit is None else limit
    raw = sys.stdin.buffer.read(limit + 1)
    if len(raw) > limit:
        raise InputError(f"{STDIN_NAME}: larger than the limit of {_size(limit)}")
    if not raw.strip():
        raise InputError(f"{STDIN_NAME}: no input")
    return raw


def check_text_length(text: str, path: Path | str) -> str:
    """`text`, or an `InputError` when it is longer than MAX_TEXT_CHARS."""
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(
            f"{display_path(path)}: {len(text):,} characters of text is more than the limit of "
            f"{MAX_TEXT_CHARS:,}"
        )
    return text


def check_docx_sizes(archive: zipfile.ZipFile, path: Path | str) -> None:
    """Refuse a .docx whose parts would expand past the limits (checked on the zip directory)."""
    members = archive.infolist()
    shown = display_path(path)
    if len(members) > MAX_DOCX_PARTS:
        raise InputError(f"{shown}: .docx has {len(members):,} parts (limit {MAX_DOCX_PARTS:,}); refused")
    xml = sum(m.file_size for m in members if m.filename.endswith((".xml", ".rels")))
    total = sum(m.file_size for m in members)
    if xml > MAX_DOCX_XML_BYTES:
        raise InputError(
            f"{shown}: .docx expands to {_size(xml)} of XML (limit {_size(MAX_DOCX_XML_BYTES)}); refused"
        )
    if total > MAX_DOCX_TOTAL_BYTES:
        raise InputError(
            f"{shown}: .docx expands to {_size(total)} (limit {_size(MAX_DOCX_TOTAL_BYTES)}); refused"
        )


def _size(count: int) -> str:
    return f"{count / _MB:,.1f} MB" if count >= _MB else f"{count:,} bytes"


def _file_type(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a plain file"
