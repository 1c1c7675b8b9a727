"""End-to-end: the example articles' planted problems are found, and their correct claims are not.

Each example in examples/ (see examples/EXPECTED.md) is audited by the real pipeline. Offline
(no sources at all) the citation, identifier-syntax and number checks must find every planted
problem at its line; with the bundled snapshot (examples/records.jsonl) imported into a fresh
cache, the metadata and trial checks must also find the planted network problems.

Planted problems are located by an anchor string: the expected line is the anchor's line in the
decoded text. Correct claims are located the same way and must not be covered by any warning or
error finding.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from auditor.models import AuditReport, DocumentReport, Finding, Severity

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SNAPSHOT = EXAMPLES / "records.jsonl"


@dataclass(frozen=True)
class Planted:
    """A problem that must be found: a finding of `kind` (and `code`, if given) on the anchor's line."""

    anchor: str
    kind: str
    code: str | None = None
    severity: str | None = None


@dataclass(frozen=True)
class Example:
    """One example article with its planted problems and its correct claims."""

    name: str
    encoding: str
    offline: tuple[Planted, ...]
    network: tuple[Planted, ...]
    correct: tuple[str, ...]
    network_correct: tuple[str, ...] = ()  # references that resolve cleanly against the snapshot


ZH_HANS = Example(
    name="zh-hans-stroke.md",
    encoding="utf-8",
    offline=(
        Planted("归巢效率仍是瓶颈[8]", "missing_reference", "R101"),
        Planted("[4] Valadi", "uncited_reference", "R105"),
        Planted("Kim等人于2019年", "missing_reference", "R103"),
        Planted("Hess等人(2016年)", "citation_mismatch", "R107"),
        Planted("[5] Hess", "duplicate_reference", "R108"),
        Planted("NCT0143648", "malformed_identifier", "I204"),
        Planted("PMC12AB", "malformed_identifier", "I203"),
        Planted("10.123/stroke-data", "malformed_identifier", "I201"),
        Planted("71例患者中有49例（62%）", "arithmetic_inconsistency", "N301"),
        Planted("3例中有2例（66%）", "arithmetic_inconsistency", "N302", severity="info"),
        Planted("共纳入120例，其中男性68例", "sum_inconsistency", "N303"),
        Planted("减少了35%", "arithmetic_inconsistency", "N305"),
        Planted("1.2×10?个细胞", "malformed_number", "N307"),
        Planted("4×108个细胞", "malformed_number", "N307"),
        Planted("改善更明显（p）", "missing_statistic", "N308"),
        Planted("斯坦福大学", "missing_reference", "R104"),
        Planted("(Levy et al., 2019)", "missing_reference", "R102"),
    ),
    network=(
        Planted("[2] Takahashi", "metadata_mismatch", "M403"),
        Planted("[3] Obokata", "retracted", "M404"),
    ),
    correct=(
        "安慰剂对照的2期试验中被用于急性期患者[1]",
        "奠定了重编程的基础[2]",
        "[1] Hess",
        "40例中有30例（75%）",
        "治疗组45例、对照组45例",
        "男性占55%，女性占45%",
        "从60提高到75，提高了25%",
        "1×10⁶个细胞/kg",
        "p=0.03",
    ),
    network_correct=("[1] Hess", "[4] Valadi"),
)

ZH_HANT = Example(
    name="zh-hant-exosome.txt",
    encoding="big5",
    offline=(
        Planted("軸突再生（6）", "missing_reference", "R101"),
        Planted("(4) Obokata", "uncited_reference", "R105"),
        Planted("Wong等人的研究", "missing_reference", "R103"),
        Planted("Valadi等人(2008年)", "citation_mismatch", "R107"),
        Planted("(5) Valadi", "duplicate_reference", "R108"),
        Planted("NCT0412345", "malformed_identifier", "I204"),
        Planted("PMC12AB", "malformed_identifier", "I203"),
        Planted("10.123/exo-data", "malformed_identifier", "I201"),
        Planted("58例患者中有41例（64%）", "arithmetic_inconsistency", "N301"),
        Planted("9例中有5例（55%）", "arithmetic_inconsistency", "N302", severity="info"),
        Planted("共收錄150例", "sum_inconsistency", "N303"),
        Planted("下降了30%", "arithmetic_inconsistency", "N305"),
        Planted("2×10?個", "malformed_number", "N307"),
        Planted("3×1011個", "malformed_number", "N307"),
        Planted("明顯下降（p）", "missing_statistic", "N308"),
        Planted("哈佛大學醫學院", "missing_reference", "R104"),
        Planted("(Chen et al., 2022, Theranostics)", "missing_reference", "R102"),
    ),
    network=(Planted("(2) Li, H.", "retracted", "M404"),),
    correct=(
        "可轉移的mRNA與microRNA（1）",
        "(1) Valadi",
        "(3) Takahashi",
        "50例中有20例（40%）",
        "男性48例、女性32例",
        "男性佔60%，女性佔40%",
        "由40升至50，上升了25%",
        "6例中有5例（83.3%）",
        "1×10^9",
        "p<0.01",
    ),
    network_correct=("(1) Valadi", "(3) Takahashi"),
)

EN = Example(
    name="en-msc-review.md",
    encoding="utf-8",
    offline=(
        Planted("reviewed elsewhere [9]", "missing_reference", "R101"),
        Planted("[6] Li H", "uncited_reference", "R105"),
        Planted("Smith et al. (2019)", "missing_reference", "R103"),
        Planted("Hess et al. (2016)", "citation_mismatch", "R107"),
        Planted("[7] Takahashi", "duplicate_reference", "R108"),
        Planted("NCT0190984", "malformed_identifier", "I204"),
        Planted("PMC12AB", "malformed_identifier", "I203"),
        Planted("10.123/msc-data", "malformed_identifier", "I201"),
        Planted("57 of 82 patients (75%)", "arithmetic_inconsistency", "N301"),
        Planted("2 of 3 (66%)", "arithmetic_inconsistency", "N302", severity="info"),
        Planted("A total of 200 patients", "sum_inconsistency", "N303"),
        Planted("a 30% increase", "arithmetic_inconsistency", "N305"),
        Planted("1.5×10? cells", "malformed_number", "N307"),
        Planted("2×1011 cells", "malformed_number", "N307"),
        Planted("improved significantly (p)", "missing_statistic", "N308"),
        Planted("University of Toronto", "missing_reference", "R104"),
        Planted("(Park et al., 2021, Stem Cell Research & Therapy)", "missing_reference", "R102"),
    ),
    network=(
        Planted("[1] Valadi", "identifier_mismatch", "M402"),
        Planted("[4] Obokata", "retracted", "M404"),
        Planted("[5] Moreau", "unknown_journal", "M408"),
        Planted("who received MSCs", "trial_mismatch", "T503"),
        Planted("enrolled 40 patients", "trial_mismatch", "T506"),
    ),
    correct=(
        "recipient cells can translate [1]",
        "[2] Takahashi",
        "[3] Hess",
        "45 of 60 (75%)",
        "72 were men and 48 were women",
        "men made up 60% and women 40%",
        "from 10% to 8%, a 20% decrease",
        "1×10^6 cells/kg",
        "p = 0.004",
    ),
    network_correct=("[2] Takahashi", "[3] Hess"),
)

EXAMPLE_TABLE = (ZH_HANS, ZH_HANT, EN)


def example_text(example: Example) -> str:
    """The decoded text of an example, as the reader must decode it."""
    return (EXAMPLES / example.name).read_bytes().decode(example.encoding)


def anchor_range(text: str, anchor: str) -> tuple[int, int, int]:
    """(start, end, line) of the single occurrence of `anchor` in `text`."""
    start = text.find(anchor)
    assert start >= 0, f"anchor {anchor!r} not in the example"
    return start, start + len(anchor), text.count("\n", 0, start) + 1


def _audit(paths: list[Path], sources: object | None) -> AuditReport:
    """Run the real pipeline on `paths` (sources=None: offline, no cache)."""
    from auditor.pipeline import AuditOptions, audit_paths

    return audit_paths(paths, AuditOptions(offline=True), sources)


@cache
def offline_report(name: str) -> DocumentReport:
    """The offline audit of one example (no metadata sources at all)."""
    report = _audit([EXAMPLES / name], None)
    (document,) = report.documents
    return document


@cache
def snapshot_report(cache_dir: str, name: str) -> DocumentReport:
    """The audit of one example answered offline from a cache holding only the bundled snapshot.

    Offline, stored entries count whatever their age, so this does not depend on when the
    snapshot was made (tests/test_readme.py runs the CLI path of `auditor cache import`).
    """
    from auditor.references.cache import CACHE_FILE, LookupStore

    from auditor.sources import build_sources

    store = LookupStore(Path(cache_dir) / CACHE_FILE)
    with SNAPSHOT.open(encoding="utf-8") as lines:
        store.import_jsonl(lines)
    store.close()
    report = _audit([EXAMPLES / name], build_sources(offline=True, refresh=False, cache_dir=Path(cache_dir)))
    (document,) = report.documents
    return document


def matches(finding: Finding, planted: Planted, where: tuple[int, int, int]) -> bool:
    """True when `finding` is the planted problem: on its line, over its anchor, same kind/code/severity."""
    start, end, line = where
    if finding.span is None or finding.span.line != line:
        return False
    if not (finding.span.start < end and start < finding.span.end):
        return False
    if planted.kind and finding.kind.value != planted.kind:
        return False
    if planted.code and finding.code != planted.code:
        return False
    return not planted.severity or finding.severity.value == planted.severity


def describe(findings: list[Finding]) -> str:
    """One line per finding, for assertion messages."""
    return "\n".join(
        f"  {f.code} {f.kind.value} {f.severity.value} line {f.span.line if f.span else '-'}: {f.quote!r}"
        for f in findings
    )


def assert_found(document: DocumentReport, text: str, planted: Planted) -> None:
    """Assert that a finding for `planted` exists on its anchor's line."""
    where = anchor_range(text, planted.anchor)
    line = where[2]
    assert any(matches(f, planted, where) for f in document.findings), (
        f"planted {planted.kind or planted.severity} {planted.code or ''} at line {line} "
        f"({planted.anchor!r}) not found; findings were:\n{describe(document.findings)}"
    )


def offline_cases() -> list[tuple[Example, Planted]]:
    """Every (example, offline planted problem) pair."""
    return [(ex, p) for ex in EXAMPLE_TABLE for p in ex.offline]


def network_cases() -> list[tuple[Example, Planted]]:
    """Every (example, network planted problem) pair."""
    return [(ex, p) for ex in EXAMPLE_TABLE for p in ex.network]


def correct_cases() -> list[tuple[Example, str]]:
    """Every (example, correct claim anchor) pair."""
    return [(ex, anchor) for ex in EXAMPLE_TABLE for anchor in ex.correct]


def case_id(case: object) -> str:
    """Readable test ids: the example name or the anchor."""
    if isinstance(case, Example):
        return case.name
    if isinstance(case, Planted):
        return f"{case.kind or case.severity}:{case.anchor}"
    return str(case)


@pytest.mark.parametrize(("example", "planted"), offline_cases(), ids=case_id)
def test_offline_planted_problem_is_found(example: Example, planted: Planted) -> None:
    """Offline, every planted citation/identifier/number problem is reported at its line."""
    assert_found(offline_report(example.name), example_text(example), planted)


@pytest.mark.parametrize(("example", "anchor"), correct_cases(), ids=case_id)
def test_correct_claim_is_not_flagged(example: Example, anchor: str) -> None:
    """No warning or error covers a correct claim (info findings are allowed)."""
    document = offline_report(example.name)
    start, end, _ = anchor_range(example_text(example), anchor)
    covering = [
        f
        for f in document.findings
        if f.span is not None and f.span.start < end and start < f.span.end
        and f.severity is not Severity.INFO
    ]
    assert not covering, f"correct claim {anchor!r} flagged:\n{describe(covering)}"


def network_correct_cases() -> list[tuple[Example, str]]:
    """Every (example, correctly cited reference) pair."""
    return [(ex, anchor) for ex in EXAMPLE_TABLE for anchor in ex.network_correct]


@pytest.mark.parametrize(("example", "anchor"), network_correct_cases(), ids=case_id)
def test_correct_reference_has_no_metadata_finding(
    example: Example, anchor: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A correctly cited real paper gets no metadata finding from the snapshot (precision first)."""
    document = snapshot_report(_snapshot_cache_dir(tmp_path_factory), example.name)
    _, _, line = anchor_range(example_text(example), anchor)
    wrong = [f for f in document.findings if f.span and f.span.line == line and f.code[:1] in "MTU"]
    assert not wrong, describe(wrong)


@pytest.mark.parametrize("example", EXAMPLE_TABLE, ids=case_id)
def test_offline_run_reports_no_network_kind(example: Example) -> None:
    """Offline with no cache, nothing claims a record was retracted, mismatched or absent."""
    network_kinds = {"retracted", "identifier_mismatch", "metadata_mismatch", "not_found", "trial_mismatch"}
    document = offline_report(example.name)
    wrong = [f for f in document.findings if f.kind.value in network_kinds]
    assert not wrong, describe(wrong)


@pytest.mark.parametrize("example", EXAMPLE_TABLE, ids=case_id)
def test_example_is_decoded_and_language_detected(example: Example) -> None:
    """The reader decodes each example (Big5 included) to the text the anchors come from."""
    document = offline_report(example.name)
    expected = {"zh-hans-stroke.md": "zh-Hans", "zh-hant-exosome.txt": "zh-Hant", "en-msc-review.md": "en"}
    assert document.language == expected[example.name]
    assert document.error is None


@pytest.mark.parametrize(("example", "planted"), network_cases(), ids=case_id)
def test_snapshot_planted_network_problem_is_found(
    example: Example, planted: Planted, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """With only the bundled snapshot in the cache, the planted metadata/trial problems are found."""
    cache_dir = _snapshot_cache_dir(tmp_path_factory)
    assert_found(snapshot_report(cache_dir, example.name), example_text(example), planted)


_CACHE_DIRS: dict[str, str] = {}


def _snapshot_cache_dir(factory: pytest.TempPathFactory) -> str:
    """One cache directory per test session, filled from the snapshot once per example."""
    if "dir" not in _CACHE_DIRS:
        _CACHE_DIRS["dir"] = str(factory.mktemp("snapshot-cache"))
    return _CACHE_DIRS["dir"]


def test_examples_do_not_copy_the_seeds() -> None:
    """No line of 30+ characters of an example appears in a seed article."""
    from tests.conftest import seed_paths

    seeds = [p.read_text(encoding="utf-8", errors="replace") for p in seed_paths()]
    if not seeds:
        pytest.skip("../shared/seeds is absent")
    for example in EXAMPLE_TABLE:
        for line in example_text(example).splitlines():
            if len(line) >= 30 and not line.startswith(("[", "(")):
                assert not any(line in seed for seed in seeds), f"{example.name}: {line!r}"


def test_html_example_drops_script_and_navigation() -> None:
    """In the HTML example only the article is audited: [3] is missing; script/nav text is not read."""
    report = _audit([EXAMPLES / "en-short.html"], None)
    (document,) = report.documents
    missing = [f for f in document.findings if f.code == "R101"]
    assert [f.quote for f in missing] == ["[3]"], describe(document.findings)
    dropped = ("[99]", "[12]", "NCT123", "57 of 82", "3 of 4")
    leaked = [f for f in document.findings if any(d in f.quote for d in dropped)]
    assert not leaked, describe(leaked)
    assert not [c for c in document.claims if any(d in c.text for d in dropped)]


def test_snapshot_is_what_the_generator_writes(tmp_path: Path) -> None:
    """examples/records.jsonl is current: regenerating it (make_snapshot.py) gives the same lines.

    Search entries are keyed by the parsed reference, so a change in reference parsing shows up
    here first: rerun `python examples/make_snapshot.py` and commit the result.
    """
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_snapshot", EXAMPLES / "make_snapshot.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fresh = tmp_path / "records.jsonl"
    module.write_snapshot(fresh)
    assert fresh.read_text(encoding="utf-8") == SNAPSHOT.read_text(encoding="utf-8")
