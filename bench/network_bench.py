"""Network benchmark: ≥ 50 articles audited against the loopback fake services, cold then warm.

    python bench/network_bench.py [--copies N] [--latency 0.05] [--api-key-rate] [--email]
    python bench/network_bench.py --synthetic-pmids 1000 [--copies 60]

Copies the seed articles (../shared/seeds, when present) and examples/* into a temporary
directory until there are at least 50, writes fixture records of our own for the identifiers
they contain, starts `bench.fake_services` on 127.0.0.1, points the AUDITOR_*_URL variables at
it, and runs the pipeline twice with a fresh AUDITOR_CACHE_DIR: cold, then warm (which must make
zero requests). Prints requests per endpoint, requests per unique PMID and the lower bound on
wall time that the published rate limits set (`--api-key-rate`: NCBI's 10/s with a key; `--email`:
Crossref's polite pool, as with AUDITOR_EMAIL). Loopback only; stops by itself.

The seeds cite few PMIDs, too few to show batching. `--synthetic-pmids N` instead writes `--copies`
articles of our own text, each citing 30 numbered references whose PMIDs are drawn from a pool of
N (so the articles share many), with matching fixture records: the figure to read is then
efetch requests per unique PMID (one POST per 200 PMIDs across the whole run).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.references.http import ServiceConfig, limit_for, listing_limit_for  # noqa: E402
from auditor.references.models import Author, Record, TrialRecord  # noqa: E402
from auditor.references.ratelimit import NCBI_SERVICES  # noqa: E402

from bench.fake_services import FakeServices, FixtureRecords  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
PATTERNS = {
    "pmid": re.compile(r"PMID:?\s{0,3}([0-9]{5,9})"),
    "pmcid": re.compile(r"PMC([0-9]{5,9})"),
    "doi": re.compile(r"\b(10\.[0-9]{4,9}/[^\s\"<>，。；)）]{1,200})"),
    "nct": re.compile(r"NCT[0-9]{8}"),
}
def rates(ncbi_key: bool, email: bool) -> dict[str, tuple[int, float]]:
    """(requests, per seconds) of each pacing bucket, as references/http.py paces this run.

    Each window admits a burst of its size. Crossref searches also wait for the listing pace.
    """
    config = ServiceConfig(
        ncbi_api_key="bench-loopback-only" if ncbi_key else None,
        email="bench@example.org" if email else None,
    )
    listing = listing_limit_for("crossref", config)
    assert listing is not None
    paces = {
        "ncbi": limit_for("eutils", config),
        "crossref": limit_for("crossref", config),
        "crossref search": listing,
        "ctgov": limit_for("ctgov", config),
    }
    return {name: (limit.requests, limit.per_seconds) for name, limit in paces.items()}


def source_articles() -> list[Path]:
    """The seed articles and the examples (not examples/EXPECTED.md) that the benchmarks copy."""
    sources = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    examples = (ROOT / "examples").iterdir()
    sources += sorted(p for p in examples if p.suffix in (".txt", ".md", ".html") and p.stem != "EXPECTED")
    if not sources:
        raise SystemExit("no articles: neither ../shared/seeds nor examples/ has any")
    return sources


def articles(min_count: int, workdir: Path) -> list[Path]:
    """Copies of the seeds and examples, numbered, until there are at least `min_count`."""
    sources = source_articles()
    out: list[Path] = []
    while len(out) < min_count:
        for source in sources:
            target = workdir / f"{len(out):03d}_{source.name}"
            shutil.copyfile(source, target)
            out.append(target)
    return out


def synthetic_articles(count: int, pool: int, workdir: Path) -> tuple[list[Path], list[Record]]:
    """`count` English articles of our own, 30 numbered references each, PMIDs from a pool of `pool`."""
    records = [
        Record(
            source="pubmed",
            id=str(31_000_000 + 7 * i),
            pmid=str(31_000_000 + 7 * i),
            title=f"Marrow stromal cell dose {i} and recovery after ischaemic injury in cohort {i % 97}",
            year=2000 + i % 25,
            authors=[Author(family=f"Author{i % 311}", given="A"), Author(family="Second", given="B")],
            journal="Journal of Benchmark Medicine",
            volume=str(1 + i % 40),
            pages=f"{100 + i % 800}-{110 + i % 800}",
        )
        for i in range(pool)
    ]
    paths: list[Path] = []
    for n in range(count):
        cited = [records[(n * 131 + k * 37) % pool] for k in range(30)]
        body = " ".join(
            f"Trial group {k + 1} reported a change in outcome after treatment [{k + 1}]." for k in range(30)
        )
        entries = "\n".join(
            f"{k + 1}. {r.authors[0].family} A, Second B. {r.title}. {r.journal}. "
            f"{r.year};{r.volume}:{r.pages}. PMID: {r.pmid}."
            for k, r in enumerate(cited)
        )
        path = workdir / f"{n:03d}_synthetic.md"
        path.write_text(f"# Synthetic review {n}\n\n{body}\n\n## References\n\n{entries}\n", encoding="utf-8")
        paths.append(path)
    return paths, records


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


def write_records(path: Path, records: Sequence[Record], trials: Sequence[TrialRecord] = ()) -> None:
    """Fixture records as the JSON Lines that `FixtureRecords.load` reads."""
    lines = [{"type": "record", **r.model_dump()} for r in records]
    lines += [{"type": "trial", **t.model_dump()} for t in trials]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")


def write_fixture(ids: dict[str, set[str]], path: Path) -> None:
    """Synthetic records (our own text) for every identifier found, as JSON Lines."""
    records = [
        Record(
            source="pubmed",
            id=pmid,
            pmid=pmid,
            title=f"Synthetic work {i}",
            year=2000 + i % 25,
            authors=[Author(family="Bench", given="A")],
            journal="Journal of Benchmarks",
        )
        for i, pmid in enumerate(sorted(ids["pmid"]))
    ]
    records += [
        Record(source="crossref", id=doi, doi=doi, title=f"Synthetic DOI work {i}", year=2010)
        for i, doi in enumerate(sorted(ids["doi"]))
    ]
    trials = [
        TrialRecord(id=nct.upper(), status="COMPLETED", phases=["PHASE2"], enrollment=100)
        for nct in sorted(ids["nct"])
    ]
    write_records(path, records, trials)


def run_once(paths: list[Path], cache_dir: Path) -> tuple[float, int, int]:
    """Audit every path once through the real sources; (seconds, requests counted by sources, cache hits)."""
    from auditor.pipeline import AuditOptions, audit_paths
    from auditor.sources import build_sources

    sources = build_sources(offline=False, refresh=False, cache_dir=cache_dir)
    start = time.perf_counter()
    audit_paths(paths, AuditOptions(), sources)
    return time.perf_counter() - start, sources.requests, sources.cache_hits


def bucket_requests(endpoints: dict[str, int]) -> dict[str, int]:
    """Requests per pacing bucket from the fake services' endpoint counts.

    Crossref searches count in both Crossref buckets: they wait for the host's pace and for the
    slower pace of listings.
    """
    buckets = {"ncbi": 0, "crossref": 0, "crossref search": 0, "ctgov": 0}
    for endpoint, count in endpoints.items():
        service = endpoint.split("/", 1)[0]
        bucket = "ncbi" if service in NCBI_SERVICES else service
        buckets[bucket] += count
        if endpoint == "crossref/works":
            buckets["crossref search"] += count
    return buckets


def lower_bound(endpoints: dict[str, int], pace: dict[str, tuple[int, float]]) -> float:
    """Seconds the rate limits alone impose on these requests, the hosts asked in parallel.

    k requests through a window of n per w seconds need (ceil(k / n) - 1) * w seconds: the first
    window's burst is free. The resolver asks identifiers first and searches after (a search
    depends on what the identifiers found), so its wall time is above this floor.
    """
    floors = {
        name: max(0, math.ceil(count / pace[name][0]) - 1) * pace[name][1]
        for name, count in bucket_requests(endpoints).items()
    }
    return max(floors.values())


def main() -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=50, help="minimum number of articles")
    parser.add_argument("--latency", type=float, default=0.05, help="seconds per fake request")
    parser.add_argument("--api-key-rate", action="store_true", help="NCBI at 10/s (a dummy key, loopback)")
    parser.add_argument("--email", action="store_true", help="Crossref's polite pool (AUDITOR_EMAIL set)")
    parser.add_argument(
        "--synthetic-pmids", type=int, default=0, metavar="N",
        help="articles of our own text citing PMIDs from a pool of N, instead of the seeds",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="auditor-bench-") as tmp:
        workdir = Path(tmp)
        (workdir / "articles").mkdir()
        if args.synthetic_pmids:
            paths, records = synthetic_articles(args.copies, args.synthetic_pmids, workdir / "articles")
            ids = unique_identifiers(paths)
            write_records(workdir / "records.jsonl", records)
        else:
            paths = articles(args.copies, workdir / "articles")
            ids = unique_identifiers(paths)
            write_fixture(ids, workdir / "records.jsonl")
        with FakeServices(FixtureRecords.load(workdir / "records.jsonl"), latency=args.latency) as services:
            os.environ.update(services.base_urls())
            if args.api_key_rate:
                os.environ["NCBI_API_KEY"] = "bench-loopback-only"
            if args.email:
                os.environ["AUDITOR_EMAIL"] = "bench@example.org"
            cold = run_once(paths, workdir / "cache")
            cold_endpoints = dict(services.endpoints)
            warm = run_once(paths, workdir / "cache")
            warm_requests = sum(services.endpoints.values()) - sum(cold_endpoints.values())
        pace = rates(args.api_key_rate, args.email)
        report(len(paths), ids, cold_endpoints, cold, warm, warm_requests, pace)
    return 0 if warm_requests == 0 else 1


def report(
    n: int,
    ids: dict[str, set[str]],
    endpoints: dict[str, int],
    cold: tuple[float, int, int],
    warm: tuple[float, int, int],
    warm_requests: int,
    pace: dict[str, tuple[int, float]],
) -> None:
    """Print the figures (request counts are the cold run's, as the fake services saw them)."""
    unique_pmids = max(1, len(ids["pmid"]))
    efetches = endpoints.get("eutils/efetch.fcgi", 0)
    eutils = sum(v for k, v in endpoints.items() if k.startswith("eutils/"))
    print(f"articles: {n}")
    print("unique identifiers: " + ", ".join(f"{k}={len(v)}" for k, v in ids.items()))
    print(
        "cold HTTP requests: "
        + ", ".join(f"{k}={v}" for k, v in sorted(endpoints.items()))
        + f" (total {sum(endpoints.values())})"
    )
    print(f"efetch requests per unique PMID: {efetches / unique_pmids:.3f} (batches of up to 200)")
    print(f"all eutils requests per unique PMID: {eutils / unique_pmids:.3f} (incl. DOI, journal, searches)")
    print(f"cold wall time: {cold[0]:.2f} s (sources counted {cold[1]} requests, {cold[2]} cache hits)")
    print(f"warm wall time: {warm[0]:.2f} s, requests {warm_requests} (cache hits {warm[2]})")
    paces = ", ".join(f"{name} {n}/{w:g} s" for name, (n, w) in pace.items())
    print(f"rate-limit lower bound (cold; {paces}): {lower_bound(endpoints, pace):.1f} s")


if __name__ == "__main__":
    raise SystemExit(main())
