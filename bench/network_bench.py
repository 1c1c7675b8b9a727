"""Network benchmark: ≥ 50 articles audited against the loopback fake services, cold then warm.

    python bench/network_bench.py [--copies N] [--latency 0.05] [--api-key-rate]

Copies the seed articles (../shared/seeds, when present) and examples/* into a temporary
directory until there are at least 50, writes fixture records of our own for the identifiers
they contain, starts `bench.fake_services` on 127.0.0.1, points the AUDITOR_*_URL variables at
it, and runs the pipeline twice with a fresh AUDITOR_CACHE_DIR: cold, then warm (which must make
zero requests). Prints requests per service, requests per unique PMID and the lower bound on
wall time that the published rate limits set. Loopback only; stops by itself.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.fake_services import FakeServices, FixtureRecords  # noqa: E402
from references.models import Author, Record, TrialRecord  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
PATTERNS = {
    "pmid": re.compile(r"PMID:?\s{0,3}([0-9]{5,9})"),
    "pmcid": re.compile(r"PMC([0-9]{5,9})"),
    "doi": re.compile(r"\b(10\.[0-9]{4,9}/[^\s\"<>，。；)）]{1,200})"),
    "nct": re.compile(r"NCT[0-9]{8}"),
}
# Requests per second each service allows (DESIGN.md): NCBI 3 (10 with a key), Crossref 5, CT.gov ~50/min.
RATES = {"eutils": 3.0, "idconv": 3.0, "crossref": 5.0, "ctgov": 50 / 60}


def articles(min_count: int, workdir: Path) -> list[Path]:
    """Copies of the seeds and examples, numbered, until there are at least `min_count`."""
    sources = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    sources += sorted(p for p in (ROOT / "examples").glob("*") if p.suffix in (".txt", ".md", ".html"))
    if not sources:
        raise SystemExit("no articles: neither ../shared/seeds nor examples/ has any")
    out: list[Path] = []
    while len(out) < min_count:
        for source in sources:
            target = workdir / f"{len(out):03d}_{source.name}"
            shutil.copyfile(source, target)
            out.append(target)
    return out


def unique_identifiers(paths: list[Path]) -> dict[str, set[str]]:
    """Identifiers per kind found in the articles (a rough scan, for the figures)."""
    found: dict[str, set[str]] = {kind: set() for kind in PATTERNS}
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        for kind, pattern in PATTERNS.items():
            found[kind].update(
                m.group(m.lastindex or 0).rstrip(".,;").lower() for m in pattern.finditer(text)
            )
    return found


def write_fixture(ids: dict[str, set[str]], path: Path) -> None:
    """Synthetic records (our own text) for every identifier found, as JSON Lines."""
    lines = []
    for i, pmid in enumerate(sorted(ids["pmid"])):
        record = Record(
            source="pubmed",
            id=pmid,
            pmid=pmid,
            title=f"Synthetic work {i}",
            year=2000 + i % 25,
            authors=[Author(family="Bench", given="A")],
            journal="Journal of Benchmarks",
        )
        lines.append({"type": "record", **record.model_dump()})
    for i, doi in enumerate(sorted(ids["doi"])):
        record = Record(source="crossref", id=doi, doi=doi, title=f"Synthetic DOI work {i}", year=2010)
        lines.append({"type": "record", **record.model_dump()})
    for nct in sorted(ids["nct"]):
        trial = TrialRecord(id=nct.upper(), status="COMPLETED", phases=["PHASE2"], enrollment=100)
        lines.append({"type": "trial", **trial.model_dump()})
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")


def run_once(paths: list[Path], cache_dir: Path) -> tuple[float, int, int]:
    """Audit every path once through the real sources; (seconds, requests counted by sources, cache hits)."""
    from auditor.pipeline import AuditOptions, audit_paths
    from auditor.sources import build_sources

    sources = build_sources(offline=False, refresh=False, cache_dir=cache_dir)
    start = time.perf_counter()
    audit_paths(paths, AuditOptions(), sources)
    return time.perf_counter() - start, sources.requests, sources.cache_hits


def lower_bound(requests: dict[str, int], ncbi_rate: float) -> float:
    """Seconds the rate limits alone impose: requests per host ÷ allowed rate (hosts in parallel)."""
    rates = {**RATES, "eutils": ncbi_rate, "idconv": ncbi_rate}
    ncbi = (requests.get("eutils", 0) + requests.get("idconv", 0)) / ncbi_rate  # same host
    others = [requests.get(s, 0) / rates[s] for s in ("crossref", "ctgov")]
    return max([ncbi, *others])


def main() -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=50, help="minimum number of articles")
    parser.add_argument("--latency", type=float, default=0.05, help="seconds per fake request")
    parser.add_argument("--api-key-rate", action="store_true", help="NCBI at 10/s (a dummy key, loopback)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="auditor-bench-") as tmp:
        workdir = Path(tmp)
        (workdir / "articles").mkdir()
        paths = articles(args.copies, workdir / "articles")
        ids = unique_identifiers(paths)
        write_fixture(ids, workdir / "records.jsonl")
        with FakeServices(FixtureRecords.load(workdir / "records.jsonl"), latency=args.latency) as services:
            os.environ.update(services.base_urls())
            if args.api_key_rate:
                os.environ["NCBI_API_KEY"] = "bench-loopback-only"
            cold = run_once(paths, workdir / "cache")
            cold_requests = dict(services.requests)
            efetches = services.endpoints["eutils/efetch.fcgi"]
            warm = run_once(paths, workdir / "cache")
            warm_requests = sum(services.requests.values()) - sum(cold_requests.values())
        print(
            f"efetch requests (cold): {efetches}; per unique PMID {efetches / max(1, len(ids['pmid'])):.3f}"
        )
        report(len(paths), ids, cold_requests, cold, warm, warm_requests, 10.0 if args.api_key_rate else 3.0)
    return 0 if warm_requests == 0 else 1


def report(
    n: int,
    ids: dict[str, set[str]],
    cold_requests: dict[str, int],
    cold: tuple[float, int, int],
    warm: tuple[float, int, int],
    warm_requests: int,
    ncbi_rate: float,
) -> None:
    """Print the figures."""
    total = sum(cold_requests.values())
    print(f"articles: {n}")
    print("unique identifiers: " + ", ".join(f"{k}={len(v)}" for k, v in ids.items()))
    print(
        "cold HTTP requests: "
        + ", ".join(f"{k}={v}" for k, v in sorted(cold_requests.items()))
        + f" (total {total})"
    )
    per_pmid = cold_requests.get("eutils", 0) / max(1, len(ids["pmid"]))
    print(f"eutils requests per unique PMID: {per_pmid:.3f} (all eutils calls, incl. DOI/journal/search)")
    print(f"cold wall time: {cold[0]:.2f} s (sources counted {cold[1]} requests, {cold[2]} cache hits)")
    print(f"warm wall time: {warm[0]:.2f} s, requests {warm_requests} (cache hits {warm[2]})")
    print(
        f"rate-limit lower bound (cold): {lower_bound(cold_requests, ncbi_rate):.1f} s "
        f"at NCBI {ncbi_rate:g}/s"
    )


if __name__ == "__main__":
    raise SystemExit(main())
