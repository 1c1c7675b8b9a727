"""Evaluation on our own corpus: recall and false alarms per check code and per language.

    python bench/corpus_eval.py [--verbose] [--only TEXT] [--json FILE] [--corpus DIR]

Audits every article of `bench/corpus/` that has a key (`*.key.json`, format in
`bench/corpus/README.md`) through the library, in-process: offline with an empty cache, or, when
the key names a `records` file, online against `bench/fake_services.py` serving those records on
127.0.0.1 (a fresh cache per article). A finding matches a key entry when its span overlaps the
entry's quote (a slack of `SLACK` characters either side, so that a superscript the reader renders
differently still meets the words beside it) and its code, prefix or kind is one the entry expects.
False alarms are findings on must-not-flag quotes plus findings that match no entry; lookup notes
(`IGNORED`) are neither. Exit status 0, or 2 when the corpus is malformed.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus_key import (  # noqa: E402
    CORPUS,
    LANGUAGES,
    ArticleKey,
    CorpusError,
    KeyEntry,
    load_corpus,
    locate,
    matches,
)

SLACK = 2
# "could not look up", "check this registry / CNKI / the DOI's agency / the full text by hand":
# notes, not claims
IGNORED = ("U901", "U902", "T502", "M411", "M414", "A611")


@dataclass
class Outcome:
    """What one article's audit scored against its key."""

    key: ArticleKey
    found: list[KeyEntry] = field(default_factory=list)
    missed: list[KeyEntry] = field(default_factory=list)
    correct: list[KeyEntry] = field(default_factory=list)  # must-not-flag entries
    false_alarms: list[tuple[str, str, str]] = field(default_factory=list)  # (code, quote, why)
    errors: list[str] = field(default_factory=list)  # U999 and unreadable articles


def audit_findings(key: ArticleKey, text_out: list[str], services: Any = None) -> list:  # type: ignore[type-arg]
    """The findings of one article's audit: offline, or online against `services` (a running
    `bench.fake_services.FakeServices` serving the key's records), with a fresh cache either way."""
    from auditor.references.ratelimit import NoHostLimiter

    from auditor.pipeline import AuditOptions, audit_documents
    from auditor.reading import read_document
    from auditor.sources import build_sources

    document = read_document(key.article_path)
    text_out.append(document.text)
    with tempfile.TemporaryDirectory(prefix="auditor-corpus-") as cache:
        if key.records_path is None:
            sources = build_sources(offline=True, refresh=False, cache_dir=Path(cache), env={})
            report = audit_documents([document], AuditOptions(offline=True), sources)
        else:
            if services is None:
                raise CorpusError(f"{key.path.name}: an online article needs the fake services")
            sources = build_sources(  # no pace: the services are ours, on 127.0.0.1
                offline=False,
                refresh=False,
                cache_dir=Path(cache),
                env=services.base_urls(),
                limiter=NoHostLimiter(),
            )
            report = audit_documents([document], AuditOptions(), sources)
    return list(report.documents[0].findings)


def score(key: ArticleKey, services: Any = None) -> Outcome:
    """Audit one article (online ones against `services`) and score its findings against its key."""
    text_out: list[str] = []
    findings = audit_findings(key, text_out, services)
    return score_findings(key, findings, text_out[0])


def score_all(keys: list[ArticleKey]) -> list[Outcome]:
    """Every article scored, in order; one fake-services server per records file, shared by the
    online articles that name it (each still audited with a cache of its own)."""
    from bench.fake_services import FakeServices, FixtureRecords

    with ExitStack() as stack:
        servers: dict[Path, Any] = {}
        outcomes = []
        for key in keys:
            path = key.records_path
            if path is not None and path not in servers:
                servers[path] = stack.enter_context(FakeServices(FixtureRecords.load(path), latency=0.0))
            outcomes.append(score(key, servers.get(path) if path else None))
        return outcomes


def score_findings(key: ArticleKey, findings: list, text: str) -> Outcome:  # type: ignore[type-arg]
    """Score findings (`auditor.models.Finding`) of the article whose text is `text` against its key."""
    spans = [(entry, *locate(entry.quote, text, key.path.name)) for entry in key.entries]
    outcome = Outcome(key, correct=[e for e in key.entries if not e.planted])
    hit: set[int] = set()
    for f in findings:
        if f.code in IGNORED:
            continue
        if f.code == "U999":
            outcome.errors.append(f.message)
            continue
        near = [(i, e) for i, (e, s, t) in enumerate(spans) if _overlaps(f, s, t, text)]
        kind = f.kind.value
        planted = [i for i, e in near if e.planted and any(matches(x, f.code, kind) for x in e.expect)]
        if planted:
            hit.update(planted)
            continue
        guarded = [e for _, e in near if not e.planted and matches(e.must_not_flag or "", f.code, kind)]
        why = f"on a correct claim ({guarded[0].note or guarded[0].quote})" if guarded else "matches no entry"
        outcome.false_alarms.append((f.code, f.quote or _span_text(f, text), why))
    for i, (entry, _, _) in enumerate(spans):
        if entry.planted:
            (outcome.found if i in hit else outcome.missed).append(entry)
    return outcome


def _overlaps(finding, start: int, end: int, text: str) -> bool:  # type: ignore[no-untyped-def]
    if finding.span is not None:
        return finding.span.start < end + SLACK and finding.span.end > start - SLACK
    quote = finding.quote.strip()
    return bool(quote) and (quote in text[start:end] or text[start:end] in quote)


def _span_text(finding, text: str) -> str:  # type: ignore[no-untyped-def]
    return text[finding.span.start : finding.span.end] if finding.span else finding.message


def code_table(outcomes: list[Outcome]) -> list[tuple[str, ...]]:
    """Rows per expected code (planted, found, recall per language) and per flagged code (false alarms)."""
    planted: Counter[tuple[str, str]] = Counter()
    found: Counter[tuple[str, str]] = Counter()
    alarms: Counter[str] = Counter()
    for o in outcomes:
        for e in o.found + o.missed:
            planted[(e.label, o.key.language)] += 1
        for e in o.found:
            found[(e.label, o.key.language)] += 1
        alarms.update(code for code, _, _ in o.false_alarms)
    codes = sorted({label for label, _ in planted} | set(alarms))
    rows = [_row("code", "planted", "found", "recall", *LANGUAGES, "false alarms")]
    for code in codes:
        per_lang = [_ratio(found[(code, lang)], planted[(code, lang)]) for lang in LANGUAGES]
        total_p = sum(planted[(code, lang)] for lang in LANGUAGES)
        total_f = sum(found[(code, lang)] for lang in LANGUAGES)
        rows.append(_row(code, total_p, total_f, _recall(total_f, total_p), *per_lang, alarms[code]))
    return rows


def language_table(outcomes: list[Outcome]) -> list[tuple[str, ...]]:
    """Per-language totals, then all languages; the last four lines of the output."""
    header = ("language", "articles", "planted", "found", "recall", "correct", "false alarms", "FA % correct")
    rows = [_row(*header)]
    groups = [(lang, [o for o in outcomes if o.key.language == lang]) for lang in LANGUAGES]
    for name, group in [*groups, ("all", outcomes)]:
        p = sum(len(o.found) + len(o.missed) for o in group)
        f = sum(len(o.found) for o in group)
        c = sum(len(o.correct) for o in group)
        fa = sum(len(o.false_alarms) for o in group)
        pct = f"{100 * fa / c:.1f}%" if c else "-"
        rows.append(_row(name, len(group), p, f, _recall(f, p), c, fa, pct))
    return rows


def _ratio(found: int, planted: int) -> str:
    return f"{found}/{planted}" if planted else "-"


def _recall(found: int, planted: int) -> str:
    return f"{found / planted:.2f}" if planted else "-"


def _row(*cells: object) -> tuple[str, ...]:
    return tuple(str(c) for c in cells)


def aligned(rows: list[tuple[str, ...]]) -> list[str]:
    """Rows as text, each column as wide as its widest cell (numbers right-aligned)."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    cells = (enumerate(zip(row, widths, strict=True)) for row in rows)
    return ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in row).rstrip() for row in cells]


def details(outcomes: list[Outcome]) -> list[str]:
    """Misses and false alarms, article by article (--verbose)."""
    lines: list[str] = []
    for o in outcomes:
        lines += [f"{o.key.article}: MISSED {e.label}: {e.quote!r} {e.note}".rstrip() for e in o.missed]
        lines += [f"{o.key.article}: FALSE ALARM {c}: {q!r} ({why})" for c, q, why in o.false_alarms]
        lines += [f"{o.key.article}: INTERNAL ERROR {message}" for message in o.errors]
    return lines


def as_json(outcomes: list[Outcome]) -> list[dict[str, object]]:
    """One object per article (--json)."""
    return [
        {
            "article": o.key.article,
            "language": o.key.language,
            "online": o.key.records is not None,
            "found": [e.label for e in o.found],
            "missed": [{"label": e.label, "quote": e.quote} for e in o.missed],
            "correct": len(o.correct),
            "false_alarms": [{"code": c, "quote": q, "why": w} for c, q, w in o.false_alarms],
            "internal_errors": o.errors,
        }
        for o in outcomes
    ]


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="directory of articles and keys")
    parser.add_argument("--only", default="", help="articles whose file name contains TEXT")
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses and false alarms")
    parser.add_argument("--json", type=Path, help="write per-article outcomes to FILE")
    args = parser.parse_args(argv)
    try:
        keys = [k for k in load_corpus(args.corpus) if args.only in k.article]
        outcomes = score_all(keys)
    except CorpusError as exc:
        print(f"corpus_eval: {exc}", file=sys.stderr)
        return 2
    if args.json:
        args.json.write_text(json.dumps(as_json(outcomes), ensure_ascii=False, indent=1), encoding="utf-8")
    if args.verbose:
        print("\n".join(details(outcomes)) + "\n")
    online = [o for o in outcomes if o.key.records]
    offline = [o for o in outcomes if not o.key.records]
    print(f"{len(outcomes)} articles ({len(online)} online against bench/fake_services.py)\n")
    print("\n".join(aligned(code_table(outcomes))) + "\n")
    for title, group in (("offline articles", offline), ("online articles", online)):
        if group and len(group) < len(outcomes):
            print(title + ":\n" + "\n".join(aligned(language_table(group))) + "\n")
    print("\n".join(aligned(language_table(outcomes))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
