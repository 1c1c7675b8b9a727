"""The HTML report in a real browser: headless Chromium runs our script, and nothing injected.

CI note: skipped wherever Chromium is absent (no /usr/bin/chromium and no `chromium` on PATH);
install it with `apt-get install -y chromium` to run these. No network is used (file:// only;
background networking disabled).
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from auditor.reports.html import HtmlRenderer
from bs4 import BeautifulSoup
from report_builders import claim, finding, zh_hans_document

from auditor.models import AuditReport, DocumentReport, FindingKind, Severity, ToolInfo, Verdict

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")

HOSTILE = (
    "Results <script>alert(1)</script> were (12%) of 57 of 71.\n"
    "Figure <img src=x onerror=alert(1)> and [x](javascript:alert(1)) with **bold** text.\n"
)
PAGE_PROBLEMS = ("Uncaught", "Refused to", "violates the following Content Security Policy")


def _chromium(tmp_path: Path, page: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium on a local page, isolated profile, logs on stderr."""
    command = [
        str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
        "--virtual-time-budget=2000", *extra, page.as_uri(),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def _console_problems(stderr: str) -> list[str]:
    """Console lines of the page that report an uncaught error or a CSP refusal."""
    lines = [line for line in stderr.splitlines() if "CONSOLE" in line]
    return [line for line in lines if any(problem in line for problem in PAGE_PROBLEMS)]


def _hostile_report() -> AuditReport:
    """A report whose article text tries to inject markup, script and a link."""
    text = HOSTILE
    claims = [
        claim("c1", "percentage", text, "12%", Verdict.INCONSISTENT, ["f1"]),
        claim("c2", "fraction", text, "57 of 71", Verdict.SUPPORTED, []),
        claim("c3", "url", text, "<img src=x onerror=alert(1)>", Verdict.NOT_CHECKABLE, []),
        claim("c4", "count", text, "of 71.\nFigure", Verdict.UNVERIFIABLE, []),  # crosses a line
        claim("c5", "url", text, "text.\n", Verdict.UNSUPPORTED, []),  # the very end of the text
    ]
    findings = [finding("f1", "N301", FindingKind.ARITHMETIC_INCONSISTENCY, Severity.ERROR, text,
                        "<script>alert(1)</script>", claim_id="c1")]
    document = DocumentReport(path="hostile<script>.md", sha256="9" * 64, language="en", claims=claims,
                              findings=findings, text=text)
    return AuditReport(tool=ToolInfo(version="0.1.0"), documents=[document, zh_hans_document()])


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(work dir, page) of the hostile report."""
    work = tmp_path_factory.mktemp("browser")
    page = work / "report.html"
    page.write_text(HtmlRenderer().render(_hostile_report()), encoding="utf-8")
    return work, page


def test_dumped_dom_has_highlights_and_no_injection(rendered: tuple[Path, Path]) -> None:
    work, page = rendered
    result = _chromium(work, page, "--dump-dom")
    dom = BeautifulSoup(result.stdout, "html.parser")
    assert dom.body is not None and dom.body.get("data-ready") == "1", result.stderr[-2000:]
    marked = {cid for mark in dom.find_all("mark") for cid in str(mark["data-claim-ids"]).split()}
    report = _hostile_report()
    assert marked == {c.id for d in report.documents for c in d.claims}
    assert dom.find("img") is None and dom.find("strong", string="bold") is None
    scripts = dom.find_all("script")
    assert len(scripts) == 1 and "alert" not in scripts[0].get_text()
    assert not [a for a in dom.find_all("a") if str(a.get("href", "")).lower().startswith("javascript:")]
    form = dom.select_one("form#filters")
    assert form is not None and not form.has_attr("hidden")  # our script revealed the filters
    assert "<script>alert(1)</script>" in dom.get_text()
    assert _console_problems(result.stderr) == []


def test_console_capture_sees_a_refused_script(tmp_path: Path) -> None:
    """Control: the log check above would catch a script the policy blocks."""
    page = tmp_path / "bad.html"
    page.write_text(HtmlRenderer().render(_hostile_report()).replace("<script>", "<script>var x = 1;", 1),
                    encoding="utf-8")
    result = _chromium(tmp_path, page, "--dump-dom")
    assert _console_problems(result.stderr)
    assert 'data-ready="1"' not in result.stdout


def test_screenshot(rendered: tuple[Path, Path]) -> None:
    work, page = rendered
    shot = work / "report.png"
    _chromium(work, page, f"--screenshot={shot}", "--window-size=1280,900")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 900)
