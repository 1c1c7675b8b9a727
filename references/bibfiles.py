"""Reference lists supplied as files (`--references`): BibTeX, RIS and CSL-JSON.

Only this module of the pure `references` side reads files. Every problem with a file (unreadable,
unparsable, empty) is a `ReferenceFileError` with a one-line message; a file that parses only in
part is an error too, since silently dropped entries would turn into false "uncited" flags.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import bibtexparser
import rispy
from auditor.references.identifiers import ids_from_url, normalize_doi, normalize_pmcid, normalize_pmid
from auditor.references.models import Author, ParsedReference, Reference
from pylatexenc import latexwalker, macrospec
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

_YEAR = re.compile(r"(?<!\d)((?:1[5-9]|20)\d{2})(?!\d)")
# pylatexenc's default \href spec reads one argument and then indexes a second (IndexError), so
# links are declared here: \href{url}{text} → text, \url{u} → u.
_WALKER_CONTEXT = latexwalker.get_default_latex_context_db()
_WALKER_CONTEXT.add_context_category(
    "links", prepend=True, macros=[macrospec.MacroSpec("href", "{{"), macrospec.MacroSpec("url", "{")]
)
_TEXT_CONTEXT = get_default_latex_context_db()
_TEXT_CONTEXT.add_context_category(
    "links",
    prepend=True,
    macros=[MacroTextSpec("href", simplify_repl="%(2)s"), MacroTextSpec("url", simplify_repl="%(1)s")],
)
_LATEX = LatexNodes2Text(latex_context=_TEXT_CONTEXT)
_COMMAND = re.compile(r"\\[A-Za-z]{1,30}\*?|[{}]")


class ReferenceFileError(ValueError):
    """A references file that cannot be used; the message is one line naming the file."""


def load_references(path: Path) -> list[Reference]:
    """References from a .bib/.bibtex, .ris or CSL-JSON file (format sniffed for other extensions)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReferenceFileError(f"{path}: cannot read references file ({exc.__class__.__name__})") from exc
    loader = _loader_for(path, text)
    parsed = loader(text, path)
    if not parsed:
        raise ReferenceFileError(f"{path}: no references found")
    return [
        Reference(id=f"r{i}", label=label, text=_display(fields), origin=str(path), parsed=fields)
        for i, (label, fields) in enumerate(parsed, start=1)
    ]


Loaded = list[tuple[str | None, ParsedReference]]


def _loader_for(path: Path, text: str) -> Callable[[str, Path], Loaded]:
    """Pick the parser by extension, else by the first meaningful characters."""
    suffix = path.suffix.lower()
    if suffix in {".bib", ".bibtex"}:
        return _load_bibtex
    if suffix == ".ris":
        return _load_ris
    if suffix in {".json", ".csl", ".csljson"}:
        return _load_csl_json
    head = text.lstrip()[:2000]
    if head.startswith(("[", "{")):
        return _load_csl_json
    if re.search(r"^TY  - ", head, re.MULTILINE):
        return _load_ris
    if re.search(r"^\s{0,8}@\w{1,30}\s{0,8}[{(]", head, re.MULTILINE):
        return _load_bibtex
    raise ReferenceFileError(f"{path}: unknown references format (expected BibTeX, RIS or CSL-JSON)")


# ---------------------------------------------------------------- BibTeX


def _load_bibtex(text: str, path: Path) -> Loaded:
    """BibTeX via bibtexparser v2; names split brace-aware, LaTeX decoded."""
    library = bibtexparser.parse_string(text)
    if library.failed_blocks:
        line = (library.failed_blocks[0].start_line or 0) + 1
        raise ReferenceFileError(f"{path}: unparsable BibTeX entry near line {line}")
    return [(entry.key, _bibtex_fields({f.key.lower(): f.value for f in entry.fields}))
            for entry in library.entries]


def _latex(value: Any) -> str | None:
    if value is None or not str(value).strip():
        return None
    try:
        text = _LATEX.latex_to_text(str(value), latex_context=_WALKER_CONTEXT)
    except Exception:  # noqa: BLE001 - pylatexenc raises bare IndexError/KeyError on odd macros
        text = _COMMAND.sub(" ", str(value))  # a readable title beats a crashed audit
    return " ".join(text.split()) or None


def _bibtex_fields(fields: dict[str, Any]) -> ParsedReference:
    eprint_type = str(fields.get("eprinttype", fields.get("archiveprefix", ""))).lower()
    eprint = str(fields.get("eprint", ""))
    pmid = fields.get("pmid") or (eprint if eprint_type in {"pubmed", "pmid"} else None)
    pmcid = fields.get("pmcid") or (eprint if eprint_type in {"pmc", "pmcid"} else None)
    return _with_ids(
        authors=[_bibtex_name(n) for n in _split_top_level_and(str(fields.get("author", "")))
                 if n != "others"],  # "and others" is BibTeX's et al.
        year=_year(fields.get("year") or fields.get("date")),
        title=_latex(fields.get("title")),
        journal=_latex(fields.get("journal") or fields.get("journaltitle") or fields.get("booktitle")),
        volume=_latex(fields.get("volume")),
        issue=_latex(fields.get("number") or fields.get("issue")),
        pages=_pages(_latex(fields.get("pages"))),
        doi=fields.get("doi"), pmid=pmid, pmcid=pmcid, urls=_as_list(fields.get("url")),
        issn=_latex(fields.get("issn")),
    )


def _split_top_level_and(value: str) -> list[str]:
    """Split a BibTeX name list on " and " outside braces."""
    names: list[str] = []
    current: list[str] = []
    depth = 0
    tokens = re.split(r"(\s+and\s+|[{}])", value)
    for token in tokens:
        depth += {"{": 1, "}": -1}.get(token, 0)
        if depth == 0 and re.fullmatch(r"\s+and\s+", token):
            names.append("".join(current))
            current = []
        else:
            current.append(token)
    names.append("".join(current))
    return [n.strip() for n in names if n.strip()]


def _bibtex_name(name: str) -> Author:
    """"{Group Name}" (collective), "Last, First" or "First Last"."""
    if name.startswith("{") and name.endswith("}") and name.count("{") == 1:
        return Author(family=_latex(name) or name, collective=True)
    if "," in name:
        family, given = name.split(",", 1)
        return Author(family=_latex(family) or family, given=_latex(given) or "")
    words = name.split()
    return Author(family=_latex(words[-1]) or words[-1], given=_latex(" ".join(words[:-1])) or "")


# ---------------------------------------------------------------- RIS


def _load_ris(text: str, path: Path) -> Loaded:
    """RIS via rispy; labels are the ID tags."""
    try:
        entries = rispy.loads(text)
    except Exception as exc:  # rispy raises plain IOError/ValueError/KeyError on malformed files
        raise ReferenceFileError(f"{path}: unparsable RIS ({exc.__class__.__name__})") from exc
    return [(_str(e.get("id")), _ris_fields(e)) for e in entries]


def _ris_fields(entry: dict[str, Any]) -> ParsedReference:
    names = entry.get("authors") or entry.get("first_authors") or []
    database = f"{entry.get('name_of_database', '')} {entry.get('database_provider', '')}".lower()
    accession = _str(entry.get("accession_number"))
    start, end = _str(entry.get("start_page")), _str(entry.get("end_page"))
    journal = (entry.get("journal_name") or entry.get("alternate_title3") or entry.get("secondary_title")
               or entry.get("alternate_title2") or entry.get("alternate_title1"))
    return _with_ids(
        authors=[_comma_name(n) for n in names],
        year=_year(entry.get("year") or entry.get("publication_year") or entry.get("date")),
        title=_str(entry.get("primary_title") or entry.get("title")),
        journal=_str(journal), volume=_str(entry.get("volume")), issue=_str(entry.get("number")),
        pages=f"{start}-{end}" if start and end else start,
        doi=entry.get("doi"), urls=_as_list(entry.get("urls")), issn=_str(entry.get("issn")),
        pmid=accession if ("pubmed" in database or "medline" in database) else None,
    )


def _comma_name(name: str) -> Author:
    family, _, given = name.partition(",")
    return Author(family=family.strip(), given=given.strip())


# ---------------------------------------------------------------- CSL-JSON


def _load_csl_json(text: str, path: Path) -> Loaded:
    """CSL-JSON: a list of items (or one item, or {"items": [...]})."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReferenceFileError(f"{path}: unparsable JSON (line {exc.lineno})") from exc
    items = data.get("items", [data]) if isinstance(data, dict) else data
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise ReferenceFileError(f"{path}: not CSL-JSON (expected a list of items)")
    return [(_str(item.get("id")), _csl_fields(item)) for item in items]


def _csl_fields(item: dict[str, Any]) -> ParsedReference:
    issued = item.get("issued") or {}
    parts = issued.get("date-parts") if isinstance(issued, dict) else None
    year = parts[0][0] if parts and parts[0] else (issued.get("raw") if isinstance(issued, dict) else None)
    return _with_ids(
        authors=[_csl_name(a) for a in item.get("author", []) if isinstance(a, dict)],
        year=_year(year), title=_str(item.get("title")), journal=_str(item.get("container-title")),
        volume=_str(item.get("volume")), issue=_str(item.get("issue")), pages=_pages(_str(item.get("page"))),
        doi=item.get("DOI"), pmid=item.get("PMID"), pmcid=item.get("PMCID"), urls=_as_list(item.get("URL")),
        issn=_str(item.get("ISSN")),
    )


def _csl_name(author: dict[str, Any]) -> Author:
    if "family" in author:
        return Author(family=str(author["family"]), given=str(author.get("given", "")))
    return Author(family=str(author.get("literal", "")), collective=True)


# ---------------------------------------------------------------- shared


def _with_ids(*, doi: Any, pmid: Any, urls: list[str], pmcid: Any = None, **fields: Any) -> ParsedReference:
    """Normalise identifiers; fill the missing ones from URLs."""
    ids: dict[str, Any] = {
        "doi": normalize_doi(str(doi)) if doi else None,
        "pmid": normalize_pmid(str(pmid)) if pmid else None,
        "pmcid": normalize_pmcid(str(pmcid)) if pmcid else None,
    }
    for url in urls:
        for key, value in ids_from_url(url).items():
            if key in ids and not ids[key]:
                ids[key] = value
    return ParsedReference(url=urls[0] if urls else None, urls=urls, **ids, **fields)


def _str(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    text = str(value).strip() if value is not None else ""
    return text or None


def _as_list(value: Any) -> list[str]:
    values: Iterable[Any] = value if isinstance(value, list) else [value] if value else []
    return [str(v).strip() for v in values if str(v).strip()]


def _year(value: Any) -> int | None:
    match = _YEAR.search(str(value)) if value is not None else None
    return int(match.group(1)) if match else None


def _pages(value: str | None) -> str | None:
    return re.sub(r"\s{0,3}[-–—]{1,3}\s{0,3}", "-", value) if value else None


def _display(fields: ParsedReference) -> str:
    """A one-line rendering of a file entry, for reports (the file has no "text as written")."""
    names = ", ".join(a.display() for a in fields.authors[:3])
    names += " et al." if len(fields.authors) > 3 else ""
    details = " ".join(p for p in (fields.journal, fields.volume and f"{fields.volume}", fields.pages) if p)
    year = f" ({fields.year})" if fields.year else ""
    return " ".join(p for p in (f"{names}{year}.", fields.title and f"{fields.title}.", details) if p).strip()
