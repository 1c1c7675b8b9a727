"""Expanding the command line's inputs: files, directories (recursive), manifests (`@list.txt`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from auditor.reading import INPUT_SUFFIXES, InputError


def read_manifest(path: Path) -> list[str]:
    """Paths listed one per line (blank lines and `#` comments skipped), relative to the manifest."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise InputError(f"{path}: manifest not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: manifest cannot be read ({exc})") from None
    entries = [
        line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip() for line in lines
    ]
    base = Path(path).parent
    return [str(e if Path(e).is_absolute() else base / e) for e in entries if e]


def files_under(directory: Path) -> list[Path]:
    """Every article file under `directory` (by suffix), sorted, hidden folders skipped."""
    found = (
        p
        for p in directory.rglob("*")
        if p.is_file()
        and p.suffix.lower() in INPUT_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(directory).parts)
    )
    return sorted(found)


def expand_inputs(arguments: Sequence[str], manifests: Iterable[Path] = ()) -> list[Path]:
    """Files to audit, in order, without duplicates. Missing plain files are kept (reported later)."""
    pending = list(arguments)
    for manifest in manifests:
        pending.extend(read_manifest(manifest))
    out: list[Path] = []
    for argument in pending:
        if argument.startswith("@"):
            candidates = [Path(p) for p in read_manifest(Path(argument[1:]))]
        elif Path(argument).is_dir():
            candidates = files_under(Path(argument))
        else:
            candidates = [Path(argument)]
        out.extend(c for c in candidates if c not in out)
    return out
