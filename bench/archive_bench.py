"""Archive benchmark: `auditor audit DIR/` over ≥ 500 articles in nested folders, --jobs 1 vs 4.

    python bench/archive_bench.py [--articles 500] [--latency 0.05] [--jobs 1 4]

Copies the seed articles (../shared/seeds, when present) and the examples into a nested tree
(batch_NN/part_N/NNNN_name) until it holds `--articles` files, writes fixture records of our own
for the identifiers they contain, starts `bench.fake_services` on 127.0.0.1 and points the
AUDITOR_*_URL variables at it. A first, cold run fills a fresh AUDITOR_CACHE_DIR; then each
`--jobs` value runs the real command line (`auditor audit DIR --out-dir OUT --jobs N`) in a child
process on the warm cache. For every run it prints wall time, articles/s, HTTP requests the fake
services answered (warm runs must make none) and the child's peak resident memory. Loopback only.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.fake_services import FakeServices, FixtureRecords  # noqa: E402
from bench.network_bench import source_articles, unique_identifiers, write_fixture  # noqa: E402

# Runs the CLI in a child process and prints its own peak RSS (ru_maxrss: KiB on Linux) last,
# so each run's memory is its own, not the maximum over all children of this process.
CHILD = """
import resource, sys
from auditor.cli import main
code = main(sys.argv[1:])
print("maxrss_kib", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
sys.exit(code)
"""


def build_tree(count: int, root: Path) -> list[Path]:
    """`count` copies of the source articles in nested folders: batch_NN/part_N/NNNN_name."""
    sources = source_articles()
    paths: list[Path] = []
    for i in range(count):
        source = sources[i % len(sources)]
        folder = root / f"batch_{i // 100:02d}" / f"part_{i % 100 // 25}"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{i:04d}_{source.name}"
        shutil.copyfile(source, target)
        paths.append(target)
    return paths


def run_cli(tree: Path, out_dir: Path, cache_dir: Path, jobs: int) -> tuple[float, int, float]:
    """(wall seconds, exit code, peak RSS MB) of `auditor audit tree --out-dir out --jobs N -q`."""
    argv = [
        sys.executable, "-c", CHILD, "audit", str(tree), "--out-dir", str(out_dir),
        "--jobs", str(jobs), "--cache-dir", str(cache_dir), "--fail-on", "never", "-q",
    ]
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    rss = 0.0
    for line in done.stderr.splitlines():
        if line.startswith("maxrss_kib "):
            rss = int(line.split()[1]) / 1024
        elif line.strip():
            print(f"    stderr: {line}")
    return wall, done.returncode, rss


def audits_written(out_dir: Path) -> int:
    """How many per-article audits the run's index lists."""
    index = json.loads((out_dir / "index.json").read_text(encoding="utf-8"))
    articles = index.get("articles", index) if isinstance(index, dict) else index
    return len(articles)


def main() -> int:
    """Run the benchmark and print its figures; exit 1 when a warm run made a request."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds per fake request")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 4])
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory(prefix="auditor-archive-") as tmp:
        work = Path(tmp)
        paths = build_tree(args.articles, work / "archive")
        ids = unique_identifiers(paths)
        write_fixture(ids, work / "records.jsonl")
        size = sum(p.stat().st_size for p in paths)
        print(f"archive: {len(paths)} articles ({len(source_articles())} distinct), "
              f"{size / 1e6:.1f} MB, nested folders; unique identifiers: "
              + ", ".join(f"{k}={len(v)}" for k, v in ids.items()))
        with FakeServices(FixtureRecords.load(work / "records.jsonl"), latency=args.latency) as services:
            os.environ.update(services.base_urls())
            runs = [("cold", max(args.jobs))] + [("warm", jobs) for jobs in args.jobs]
            for n, (label, jobs) in enumerate(runs):
                before = sum(services.requests.values())
                out_dir = work / f"out{n}"
                wall, code, rss = run_cli(work / "archive", out_dir, work / "cache", jobs)
                requests = sum(services.requests.values()) - before
                written = audits_written(out_dir) if (out_dir / "index.json").exists() else 0
                print(f"{label:4} --jobs {jobs}: {wall:6.1f} s, {written / wall:5.1f} articles/s, "
                      f"{written} audits, HTTP requests {requests}, peak RSS {rss:.0f} MB, exit {code}")
                if label == "warm" and requests:
                    ok = False
                if code not in (0, 1) or written != len(paths):
                    ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
