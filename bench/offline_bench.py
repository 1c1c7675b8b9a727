"""Offline benchmark: throughput of extraction + reference parsing + internal checks, and linearity.

Not a test: it prints figures. Run from the repository root:

    python bench/offline_bench.py            # throughput on ≥ 10 MB, then adversarial linearity
    python bench/offline_bench.py --quick    # 1 MB corpus, adversarial at 0.2 MB and 2 MB

Throughput: the seed articles (../shared/seeds, when present) and the examples, repeated until the
corpus holds at least `--corpus-mb` million characters, audited offline (no metadata source).
Linearity: for each adversarial pattern, time per MB at 1 MB and at 10 MB and their ratio; a
ratio above 1.5 means some stage is worse than linear on that input.
Memory (`--memory`): for each pattern, a fresh process audits 10 MB (2 MB with --quick) of it and
reports wall time and peak RSS above the process's baseline, per MB of text (goal ≤ 50 MB/MB and
under 60 s for 10 MB).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

from auditor.claims.models import Document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples"
MB = 1_000_000  # characters; the report also gives UTF-8 bytes
MAX_RATIO = 1.5

Runner = Callable[[Sequence[Document]], int]


def pipeline_runner(max_claims: int | None = None) -> Runner:
    """Audit documents offline with the real pipeline; returns the number of findings.

    `max_claims`: the per-document claim limit (default: the configuration's). The dense
    adversarial patterns reach the default limit within their first few kilobytes, after which
    extraction stops; a high limit makes them exercise extraction and checks over the whole text.
    """
    from auditor.config import AuditorConfig
    from auditor.pipeline import AuditOptions, audit_documents

    config = AuditorConfig() if max_claims is None else AuditorConfig(max_claims=max_claims)
    options = AuditOptions(config=config, offline=True)

    def run(documents: Sequence[Document]) -> int:
        report = audit_documents(list(documents), options, None)
        return sum(len(d.findings) for d in report.documents)

    return run


def corpus_texts() -> list[tuple[str, str]]:
    """(name, text) of every seed and example article (examples decoded as the reader would)."""
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in seeds]
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix in {".md", ".txt"} and path.name != "EXPECTED.md":
            texts.append((path.name, decode_example(path.read_bytes())))
    return texts


def decode_example(data: bytes) -> str:
    """UTF-8, else Big5 (the traditional-Chinese example is Big5 on purpose)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("big5")


def repeated_corpus(texts: list[tuple[str, str]], min_chars: int) -> list[Document]:
    """Documents cycling through `texts` until their total length reaches `min_chars`."""
    documents: list[Document] = []
    total = 0
    while total < min_chars:
        for name, text in texts:
            documents.append(Document.from_text(text, path=f"{len(documents)}-{name}"))
            total += len(text)
            if total >= min_chars:
                break
    return documents


def peak_rss_mb() -> float:
    """Peak resident set size of this process, in MB (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def throughput(run: Runner, min_chars: int) -> None:
    """Print characters/s, articles/s and peak memory for the repeated corpus."""
    texts = corpus_texts()
    documents = repeated_corpus(texts, min_chars)
    chars = sum(len(d.text) for d in documents)
    size = sum(len(d.text.encode("utf-8")) for d in documents)
    print(f"corpus: {len(texts)} distinct articles, {len(documents)} documents, "
          f"{chars / MB:.1f} M chars, {size / MB:.1f} MB UTF-8")
    start = time.perf_counter()
    findings = run(documents)
    elapsed = time.perf_counter() - start
    print(f"throughput: {elapsed:.1f} s, {chars / elapsed:,.0f} chars/s, "
          f"{len(documents) / elapsed:,.1f} articles/s, {findings} findings")
    tracemalloc.start()
    run(documents[: max(1, len(documents) // 4)])
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"memory: tracemalloc peak {peak / MB:.1f} MB (quarter of the corpus), "
          f"ru_maxrss {peak_rss_mb():.1f} MB (whole run)")


def adversarial_patterns() -> dict[str, Callable[[int], str]]:
    """Generators of hostile text of (about) n characters, by name."""
    def fill(unit: str) -> Callable[[int], str]:
        return lambda n: (unit * (n // len(unit) + 1))[:n]

    def with_newlines(unit: str) -> Callable[[int], str]:
        return lambda n: "\n".join(fill(unit)(999) for _ in range(max(1, n // 1000)))

    return {
        "parens ((((": fill("(((("),
        "10^10^10": fill("10^10^"),
        "digit run": fill("1234567890"),
        "lost exponent ×10?": fill("×10?"),
        "Kim等人": fill("Kim等人"),
        "citations [1][2]": with_newlines("[1][2,3]"),
        "1 MB line, no newline": fill("57 of 82 (75%) rose from 40 to 48, p = 0.04; "),
        "percent lines": with_newlines("71例中有49例（62%），"),
        "mixed (((([1(12/30, 45%": fill("(((([1(12/30, 45%"),
    }


def time_text(run: Runner, text: str) -> float:
    """Seconds to audit one document holding `text` (best of two below 1 MB, where noise dominates)."""
    repeats = 2 if len(text) < MB else 1
    document = Document.from_text(text, path="adversarial.txt")
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run([document])
        best = min(best, time.perf_counter() - start)
    return best


def time_html(size: int) -> float:
    """Seconds to read (auditor.reading) an HTML file of deep <div> nesting of about `size` chars."""
    from auditor.reading import read_document

    depth = size // 11
    html = "<html><body>" + "<div>" * depth + "x 1 of 2 (50%)" + "</div>" * depth + "</body></html>"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "deep.html"
        path.write_text(html, encoding="utf-8")
        start = time.perf_counter()
        try:
            read_document(path)
        except ValueError as error:  # InputError: an unreadable file is a result, not a hang
            print(f"    (reader refused deep HTML: {error})")
        return time.perf_counter() - start


def timed_sizes(
    timer: Callable[[int], float], sizes: Sequence[int], budget: float
) -> list[tuple[int, float]]:
    """(size, seconds) for each size in turn, stopping when the next run would exceed `budget` s.

    The estimate assumes the growth seen between the last two sizes continues, so a quadratic
    stage is reported from smaller sizes instead of hanging the benchmark.
    """
    results: list[tuple[int, float]] = []
    for size in sizes:
        if results:
            last_size, last_time = results[-1]
            growth = 1.0
            if len(results) >= 2 and results[-2][1] > 0:
                prev_size, prev_time = results[-2]
                growth = max(1.0, (last_time / prev_time) / (last_size / prev_size))
            if last_time * (size / last_size) * growth > budget:
                break
        results.append((size, timer(size)))
    return results


def linearity(run: Runner, small: int, large: int, budget: float, only: str = "") -> bool:
    """Print time per MB at `small` and `large` chars for each pattern; True when all ratios ≤ 1.5."""
    print(f"adversarial linearity ({small / MB:g} MB vs {large / MB:g} MB; ratio must be ≤ {MAX_RATIO}):")
    timers: dict[str, Callable[[int], float]] = {
        name: (lambda n, make=make: time_text(run, make(n))) for name, make in adversarial_patterns().items()
    }
    timers["deep HTML <div>"] = time_html
    ok = True
    for name, timer in timers.items():
        if only not in name:
            continue
        results = timed_sizes(timer, [small // 100, small // 10, small, large], budget)
        ok = report_pattern(name, results, small, large) and ok
    return ok


def report_pattern(name: str, results: list[tuple[int, float]], small: int, large: int) -> bool:
    """Print one pattern's per-MB times and ratio; True when the ratio is within MAX_RATIO."""
    per_mb = {size: seconds / (size / MB) for size, seconds in results}
    if small in per_mb and large in per_mb:
        ratio = per_mb[large] / per_mb[small] if per_mb[small] > 0 else 0.0
        verdict = "ok" if ratio <= MAX_RATIO else "NOT LINEAR"
        print(f"  {name:24} {per_mb[small]:8.3f} s/MB  {per_mb[large]:8.3f} s/MB  "
              f"ratio {ratio:5.2f}  {verdict}")
        return ratio <= MAX_RATIO
    measured = ", ".join(f"{per:.3f} s/MB at {size / MB:g} MB" for size, per in per_mb.items())
    sizes = list(per_mb)
    ratio = per_mb[sizes[-1]] / per_mb[sizes[-2]] if len(sizes) >= 2 and per_mb[sizes[-2]] > 0 else None
    linear = ratio is not None and ratio <= MAX_RATIO
    shown = f"ratio {ratio:.2f}" if ratio is not None else "no ratio"
    verdict = "ok up to the last size run" if linear else "NOT LINEAR"
    print(f"  {name:24} {large / MB:g} MB skipped (over the time budget): {measured}; {shown}  {verdict}")
    return linear


def child_memory(name: str, size: int) -> None:
    """In a fresh process: audit `size` chars of pattern `name`; print seconds and peak RSS (JSON)."""
    run = pipeline_runner()
    baseline = peak_rss_mb()  # before the text is built: the figure includes the text itself
    text = adversarial_patterns()[name](size)
    start = time.perf_counter()
    run([Document.from_text(text, path="adversarial.txt")])
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "rss_mb": peak_rss_mb() - baseline, "baseline_mb": baseline}))


def memory(size: int, only: str = "", timeout: float = 600.0) -> bool:
    """Per pattern, in a fresh process: seconds and peak RSS per MB; True when every goal is met."""
    print(f"memory per MB of text ({size / MB:g} MB of each pattern, one process each; "
          "goal ≤ 50 MB/MB, 10 MB in < 60 s):")
    ok = True
    for name in adversarial_patterns():
        if only not in name:
            continue
        command = [sys.executable, __file__, "--child-memory", name, str(size)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)
        except (subprocess.TimeoutExpired, subprocess.CalledProcessError) as error:
            print(f"  {name:24} FAILED ({type(error).__name__})")
            ok = False
            continue
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        per_mb = figures["rss_mb"] / (size / MB)
        fast = figures["seconds"] * (10 * MB / size) < 60
        verdict = "ok" if per_mb <= 50 and fast else "OVER GOAL"
        print(f"  {name:24} {figures['seconds']:7.1f} s  peak RSS +{figures['rss_mb']:7.1f} MB  "
              f"{per_mb:6.1f} MB per MB  {verdict}")
        ok = ok and verdict == "ok"
    return ok


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks; exit 1 when a pattern is not linear."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (smoke run)")
    parser.add_argument("--corpus-mb", type=float, default=10.0, help="corpus size in M chars")
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--skip-linearity", action="store_true")
    parser.add_argument("--budget", type=float, default=300.0, help="max seconds for one timed run")
    parser.add_argument("--only", default="", help="only patterns whose name has this")
    parser.add_argument("--memory", action="store_true", help="peak RSS per MB of each pattern")
    parser.add_argument("--max-claims", type=int, default=None,
                        help="per-document claim limit (default: the configuration's, 5,000)")
    parser.add_argument("--child-memory", nargs=2, metavar=("PATTERN", "CHARS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_memory:
        child_memory(args.child_memory[0], int(args.child_memory[1]))
        return 0
    run = pipeline_runner(args.max_claims)
    corpus = int((1.0 if args.quick else args.corpus_mb) * MB)
    small, large = (200_000, 2_000_000) if args.quick else (MB, 10 * MB)
    if args.memory:
        return 0 if memory(large, args.only) else 1
    if not args.skip_throughput:
        throughput(run, corpus)
    if not args.skip_linearity:
        return 0 if linearity(run, small, large, args.budget, args.only) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
