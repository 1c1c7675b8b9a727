"""The five seed articles audited online against a local fake serving their works' real records.

    PYTHONPATH=$PWD python bench/seeds_online.py [--seeds DIR] [--records FILE] [--only TEXT]

Starts `bench/fake_services.py` on 127.0.0.1 with `bench/seeds_online/records.jsonl` (the real
bibliographic facts of the works the seeds cite or name, with abstracts of our own wording), points
the AUDITOR_*_URL variables at it, and audits each seed in-process with a fresh temporary cache
(as `bench/corpus_eval.py` does for its online articles). Prints, per seed, every finding
(code, line:col, message) and how each reference was resolved, then the requests per service.
What the records establish, and whether each problem is flagged, is in `bench/seeds_online/README.md`.

The seeds are read from `../shared/seeds` and never copied; when they are absent the script says
so and exits 0.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEEDS = ROOT / ".." / "shared" / "seeds"
RECORDS = ROOT / "bench" / "seeds_online" / "records.jsonl"


def line_col(text: str, offset: int) -> str:
    """1-based "line:col" of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return f"{line}:{offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def audit_seed(path: Path, services: object) -> tuple[str, object]:
    """The text and the document report of one seed, audited online against `services`."""
    from auditor.pipeline import AuditOptions, audit_documents
    from auditor.reading import read_document
    from auditor.sources import build_sources

    document = read_document(path)
    with tempfile.TemporaryDirectory(prefix="auditor-seeds-") as cache:
        sources = build_sources(
            offline=False,
            refresh=False,
            cache_dir=Path(cache),
            env=services.base_urls(),  # type: ignore[attr-defined]
        )
        report = audit_documents([document], AuditOptions(), sources)
    return document.text, report.documents[0]


def describe(name: str, text: str, doc: object) -> list[str]:
    """Printable lines for one seed: findings, then references and their resolution."""
    lines = [f"== {name}"]
    findings = list(doc.findings)  # type: ignore[attr-defined]
    for f in findings:
        where = line_col(text, f.span.start) if f.span else "-"
        lines.append(f"  {f.code} {where} [{f.severity.value}] {' '.join(f.message.split())}")
    if not findings:
        lines.append("  (no findings)")
    verdicts = Counter(c.verdict.value for c in doc.claims)  # type: ignore[attr-defined]
    lines.append(
        f"  claims: {sum(verdicts.values())} ({', '.join(f'{k} {v}' for k, v in sorted(verdicts.items()))})"
    )
    resolved = Counter(r.resolution.value for r in doc.references)  # type: ignore[attr-defined]
    lines.append(
        f"  references: {len(doc.references)} ({', '.join(f'{k} {v}' for k, v in sorted(resolved.items()))})"  # type: ignore[attr-defined]
    )
    for r in doc.references:  # type: ignore[attr-defined]
        record = r.record or {}
        got = f"{record.get('source')}:{record.get('id')}" if record else "-"
        lines.append(f"    [{r.label or r.id}] {r.resolution.value:<12} {got}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Audit every seed and print the findings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="directory of the seed articles")
    parser.add_argument("--records", type=Path, default=RECORDS, help="records the fake serves")
    parser.add_argument("--only", default="", help="seeds whose file name contains TEXT")
    args = parser.parse_args(argv)
    seeds = sorted(p for p in args.seeds.glob("*.txt") if args.only in p.name) if args.seeds.is_dir() else []
    if not seeds:
        print(f"seeds_online: no seed articles in {args.seeds}; nothing to do")
        return 0
    from bench.fake_services import FakeServices, FixtureRecords

    records = FixtureRecords.load(args.records)
    served = f"{len(records.all)} records and {len(records.by_nct)} trials ({args.records.name})"
    print(f"{len(seeds)} seeds against {served}\n")
    with FakeServices(records, latency=0.0) as services:
        for path in seeds:
            text, doc = audit_seed(path, services)
            print("\n".join(describe(path.name, text, doc)) + "\n")
        print("requests: " + ", ".join(f"{k} {v}" for k, v in sorted(services.endpoints.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
