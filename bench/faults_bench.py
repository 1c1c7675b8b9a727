"""Faults benchmark: an archive of ≥ 50 articles through the real CLI against faulty loopback services.

    python bench/faults_bench.py [--copies 50] [--latency 0.02] [--skip-two] [--skip-outage]

Runs `auditor audit DIR --format json` in child processes (fresh cache directories) against
`bench.fake_services` on 127.0.0.1, with the records the articles cite (as network_bench does):

1. clean: every service answers;
2. faults: 30% 5xx, 10% truncated bodies, 10% hangs (the client's read timeout is 2 s here; 15 s by
   default), 10% 429s, and Crossref killed once a third of the clean run's requests were served;
3. two processes at once sharing one cache directory, clean services: the pace they keep together;
4. outage: all four services on a closed port (connection refused).

Prints wall times, the findings and verdicts of run 2 that differ from run 1 (goal 0; a clean-run
finding replaced by a U901 on the same claim or reference counts as "unverifiable", which the issue
allows; anything else is a difference), requests per second per pacing bucket as the fake saw them
(goal ≤ the documented limit), and for the outage whether every lookup was unverifiable and the
run finished in under 30 s with exit status 3 (incomplete). Exit status 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.references.models import Author, Record, TrialRecord  # noqa: E402

from bench.fake_services import FakeServices, Faults, FixtureRecords  # noqa: E402
from bench.network_bench import PATTERNS, articles, write_records  # noqa: E402

LIMITS = {"ncbi": 3, "crossref": 5, "ctgov per minute": 50}  # documented, no key, no mailto
LOOKUP_FREE = ("U9",)  # codes that only say a lookup was not made


def consistent_fixture(paths: list[Path], out: Path) -> None:
    """Records of our own for every identifier the articles hold, one record per work: a PMID and a
    DOI on the same reference line are the same record (as in PubMed and Crossref), so a run that
    falls back from one source to the other sees the same facts (network_bench's fixture gives each
    identifier its own record, which would make a fault change what is found)."""
    works: dict[str, Record] = {}
    trials: set[str] = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            found = {
                k: [m.group(m.lastindex or 0).rstrip(".,;") for m in p.finditer(line)]
                for k, p in PATTERNS.items()
            }
            trials.update(n.upper() for n in found["nct"])
            pmid = found["pmid"][0] if found["pmid"] else None
            doi = found["doi"][0].lower() if found["doi"] else None
            key = pmid or doi
            if key is None or key in works or (doi and doi in works):
                continue
            n = len(works)
            works[key] = Record(
                source="pubmed" if pmid else "crossref",
                id=key,
                pmid=pmid,
                doi=doi,
                title=f"Synthetic work {n}",
                year=2000 + n % 25,
                authors=[Author(family="Bench", given="A")],
                journal="Journal of Benchmarks",
            )
            if doi and pmid:
                works[doi] = works[key]
    records = list({id(r): r for r in works.values()}.values())
    trial_records = [
        TrialRecord(id=t, status="COMPLETED", phases=["PHASE2"], enrollment=100) for t in sorted(trials)
    ]
    write_records(out, records, trial_records)


def environment(urls: dict[str, str], cache: Path) -> dict[str, str]:
    """The child's environment: services, a cache directory, a 2 s read timeout, no key or e-mail."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUDITOR_") and k != "NCBI_API_KEY"}
    env.update(urls)
    env.update({"AUDITOR_CACHE_DIR": str(cache), "AUDITOR_HTTP_TIMEOUT": "2", "PYTHONPATH": str(ROOT)})
    return env


def start_audit(tree: Path, out: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    """`auditor audit TREE --format json -o OUT` in a child process."""
    command = [sys.executable, "-m", "auditor", "audit", str(tree), "--format", "json", "-o", str(out)]
    return subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def run_audit(tree: Path, out: Path, env: dict[str, str]) -> tuple[float, dict[str, Any], str]:
    """(seconds, report, stderr with the exit status appended) of one child run."""
    start = time.perf_counter()
    child = start_audit(tree, out, env)
    _, stderr = child.communicate()
    seconds = time.perf_counter() - start
    return (
        seconds,
        json.loads(out.read_text(encoding="utf-8")),
        f"{stderr.decode()}exit status {child.returncode}\n",
    )


def subjects(
    report: dict[str, Any],
) -> tuple[set[tuple[str, ...]], dict[tuple[str, str], str], set[tuple[str, str]]]:
    """(findings as (file, code, subject), claim verdicts, subjects with a U9xx finding) of a report."""
    findings: set[tuple[str, ...]] = set()
    verdicts: dict[tuple[str, str], str] = {}
    unverifiable: set[tuple[str, str]] = set()
    for document in report["documents"]:
        name = Path(document["path"]).name
        for claim in document.get("claims", []):
            verdicts[(name, claim["id"])] = claim["verdict"]
        for f in document.get("findings", []):
            if f["code"].startswith(LOOKUP_FREE):  # a lookup for this subject was not made
                unverifiable.add((name, f.get("reference_id") or f.get("claim_id") or ""))
            else:
                findings.add((name, f["code"], f.get("reference_id") or f.get("claim_id") or ""))
    return findings, verdicts, unverifiable


def differences(clean: dict[str, Any], faulty: dict[str, Any]) -> tuple[list[Any], list[Any], int]:
    """(findings that differ, verdicts that differ, subjects left unverifiable) of a fault run.

    A finding the clean run has and the fault run lacks is excused only when the fault run has a U9xx
    finding (a lookup that failed or was not made) on the same subject (reference or claim); an extra
    finding never is. A verdict may only stay the same or become `unverifiable`.
    """
    clean_findings, clean_verdicts, _ = subjects(clean)
    fault_findings, fault_verdicts, unverifiable = subjects(faulty)
    extra = sorted(fault_findings - clean_findings)
    missing = sorted(f for f in clean_findings - fault_findings if (f[0], f[2]) not in unverifiable)
    changed = sorted(
        (key, clean_verdicts.get(key), verdict)
        for key, verdict in fault_verdicts.items()
        if verdict != clean_verdicts.get(key) and verdict != "unverifiable"
    )
    return [("extra", *f) for f in extra] + [("missing", *f) for f in missing], changed, len(unverifiable)


def paces(fake: FakeServices) -> dict[str, int]:
    """Peak requests per pacing bucket as the fake saw them (1 s windows; CT.gov per minute)."""
    return {
        "ncbi": fake.peak_per_second(("eutils", "idconv")),
        "crossref": fake.peak_per_second(("crossref",)),
        "ctgov per minute": fake.peak_in_window(("ctgov",), 60.0),
    }


def kill_after(fake: FakeServices, service: str, requests: int) -> threading.Thread:
    """Kill `service` once the fake has served `requests` requests in all."""

    def watch() -> None:
        while sum(fake.requests.values()) < requests and not fake.stopped:
            time.sleep(0.05)
        fake.kill(service)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


def closed_port_urls() -> dict[str, str]:
    """AUDITOR_*_URL variables pointing at a port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    return {
        "AUDITOR_EUTILS_URL": f"{base}/eutils",
        "AUDITOR_IDCONV_URL": f"{base}/idconv/",
        "AUDITOR_CROSSREF_URL": f"{base}/crossref",
        "AUDITOR_CTGOV_URL": f"{base}/ctgov",
    }


def main() -> int:
    """Run the four runs and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=50)
    parser.add_argument("--latency", type=float, default=0.02)
    parser.add_argument("--skip-two", action="store_true", help="skip the two-process run")
    parser.add_argument("--skip-outage", action="store_true", help="skip the outage run")
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory(prefix="auditor-faults-") as tmp:
        work = Path(tmp)
        tree = work / "articles"
        tree.mkdir()
        paths = articles(args.copies, tree)
        consistent_fixture(paths, work / "records.jsonl")
        records = FixtureRecords.load(work / "records.jsonl")
        print(f"{len(paths)} articles, fake latency {args.latency * 1000:.0f} ms per request")

        with FakeServices(records, latency=args.latency) as fake:
            clean_s, clean, _ = run_audit(
                tree, work / "clean.json", environment(fake.base_urls(), work / "c1")
            )
            clean_requests = sum(fake.requests.values())
            clean_pace = paces(fake)
        print(f"clean:  {clean_s:6.1f} s, {clean_requests} requests, peak {clean_pace}")

        faults = Faults(server_errors=0.3, truncated=0.1, hangs=0.1, hang_seconds=30, throttled=0.1, seed=7)
        with FakeServices(records, latency=args.latency, faults=faults) as fake:
            kill_after(fake, "crossref", clean_requests // 3)
            fault_s, faulty, stderr = run_audit(
                tree, work / "faults.json", environment(fake.base_urls(), work / "c2")
            )
            injected, fault_requests, fault_pace = (
                dict(fake.faulted),
                sum(fake.requests.values()),
                paces(fake),
            )
        differ, changed, unverifiable = differences(clean, faulty)
        counted = faulty["summary"]["requests"]
        print(
            f"faults: {fault_s:6.1f} s, {fault_requests} requests seen by the fake, "
            f"{counted} counted by auditor"
        )
        print(f"        injected {injected}; peak {fault_pace}")
        print(
            f"        findings that differ from the clean run: {len(differ)}; "
            f"verdicts that differ: {len(changed)}"
        )
        print(
            f"        subjects left unverifiable: {unverifiable}; "
            f"failed lookups {faulty['summary']['failed_lookups']}"
        )
        for line in sorted({ln for ln in stderr.splitlines() if ln.startswith(("warning:", "exit"))})[:6]:
            print(f"        stderr: {line}")
        for item in (differ + changed)[:10]:
            print(f"        differs: {item}")
        ok &= not differ and not changed

        if not args.skip_two:
            with FakeServices(records, latency=args.latency) as fake:
                env = environment(fake.base_urls(), work / "shared")
                start = time.perf_counter()
                children = [start_audit(tree, work / f"two{n}.json", env) for n in (1, 2)]
                for child in children:
                    child.communicate()
                two_s, two_pace = time.perf_counter() - start, paces(fake)
                two_flight = fake.peak_in_flight["crossref"]
            print(f"two processes, one cache dir: {two_s:6.1f} s, peak {two_pace} (limits {LIMITS})")
            print(f"        Crossref requests in flight at once, both processes: {two_flight} (cap 1)")
            ok &= all(two_pace[k] <= LIMITS[k] for k in LIMITS) and all(
                fault_pace[k] <= LIMITS[k] for k in LIMITS
            )
            ok &= two_flight <= 1

        if not args.skip_outage:
            outage_s, outage, stderr = run_audit(
                tree, work / "outage.json", environment(closed_port_urls(), work / "c3")
            )
            resolutions = {r["resolution"] for d in outage["documents"] for r in d.get("references", [])}
            everything = resolutions <= {"unverifiable"}
            print(
                f"outage (all four unreachable): {outage_s:6.1f} s, "
                f"{outage['summary']['requests']} requests, reference resolutions {sorted(resolutions)}, "
                f"failed lookups {outage['summary']['failed_lookups']}"
            )
            for line in sorted({ln for ln in stderr.splitlines() if ln.startswith(("warning:", "exit"))})[:6]:
                print(f"        stderr: {line}")
            ok &= everything and outage_s < 30 and stderr.endswith("exit status 3\n")
    print("goals met" if ok else "GOAL MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
