"""Hand-built audit reports for renderer tests (our own sentences; no seed text)."""

from __future__ import annotations

from typing import Any

from auditor.claims.models import Span

from auditor.models import (
    AuditReport,
    ClaimReport,
    DocumentReport,
    Finding,
    FindingKind,
    ReferenceReport,
    Resolution,
    Severity,
    Summary,
    ToolInfo,
    Verdict,
)

ZH_HANS_TEXT = (
    "一项纳入57篇研究的荟萃分析显示，有效率为85%(1)。\n"
    "\n"
    "2021年某大学团队在《柳叶刀》发表的试验(NCT01234567)共纳入2000万人|`代码`。\n"
    "\n"
    "参考文献\n"
    "1. Zhang W, Li Q. 一项研究. Lancet. 2020;395:1-10. doi:10.1016/S0140-6736(20)30001-1\n"
)

ZH_HANT_TEXT = "研究顯示，6/7的患者（85.7%）有所改善 [2]。<script>alert(1)</script>\n"

EN_TEXT = (
    "Kim et al. (2012) reported p < 0.05 in 57 of 71 patients (80%).\n"
    "An attacker wrote <img src=x onerror=alert(1)> and [x](javascript:alert(1)) and **bold**.\n"
    "# not a heading | pipe `tick` end"
)


def span_of(text: str, needle: str, occurrence: int = 0) -> Span:
    """The span of the `occurrence`-th `needle` in `text`, with 1-based line and column."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return Span(start=start, end=start + len(needle), line=line, column=column)


def claim(cid: str, kind: str, text: str, needle: str, verdict: Verdict, fids: list[str]) -> ClaimReport:
    """A claim over `needle` in `text`."""
    span = span_of(text, needle)
    return ClaimReport(id=cid, kind=kind, text=needle, span=span, verdict=verdict, finding_ids=fids)


def finding(fid: str, code: str, kind: FindingKind, severity: Severity, text: str, needle: str | None,
            **extra: Any) -> Finding:
    """A finding quoting `needle` in `text` (no span when `needle` is None)."""
    span = span_of(text, needle) if needle else None
    fields: dict[str, Any] = {"message": f"{code} message.", "suggestion": f"Fix {code}."} | extra
    return Finding(id=fid, code=code, kind=kind, severity=severity, span=span, quote=needle or "", **fields)


def zh_hans_document() -> DocumentReport:
    """A simplified-Chinese document with findings of every severity."""
    t = ZH_HANS_TEXT
    findings = [
        finding("f1", "N301", FindingKind.ARITHMETIC_INCONSISTENCY, Severity.ERROR, t, "85%", claim_id="c2",
                evidence={"computed": 0.8, "fraction": "57/67"}),
        finding("f2", "T501", FindingKind.TRIAL_NOT_FOUND, Severity.WARNING, t, "NCT01234567", claim_id="c5",
                evidence={"url": "https://clinicaltrials.gov/study/NCT01234567", "sources": ["ctgov"]}),
        finding("f3", "R102", FindingKind.UNCITED_REFERENCE, Severity.INFO, t, None, reference_id="r1"),
        finding("f4", "M402", FindingKind.METADATA_MISMATCH, Severity.WARNING, t, "《柳叶刀》", claim_id="c4",
                evidence={"record": {"journal": "Lancet", "year": 2020}}),
    ]
    claims = [
        claim("c1", "count", t, "57篇", Verdict.SUPPORTED, []),
        claim("c2", "percentage", t, "85%", Verdict.INCONSISTENT, ["f1"]),
        claim("c3", "numbered_citation", t, "(1)", Verdict.SUPPORTED, []),
        claim("c4", "named_study", t, "2021年某大学团队在《柳叶刀》", Verdict.INCONSISTENT, ["f4"]),
        claim("c5", "trial_id", t, "NCT01234567", Verdict.UNSUPPORTED, ["f2"]),
        claim("c6", "quantity", t, "2000万人|`代码`", Verdict.NOT_CHECKABLE, []),
        claim("c7", "journal_mention", t, "《柳叶刀》", Verdict.UNVERIFIABLE, []),
    ]
    record = {"source": "pubmed", "id": "31234567", "pmid": "31234567", "pmcid": "PMC7654321",
              "doi": "10.1016/S0140-6736(20)30001-1", "title": "A study"}
    ref_text = t[t.index("1. Zhang"):].rstrip("\n")
    references = [ReferenceReport(id="r1", label="1", text=ref_text, span=span_of(t, ref_text), record=record,
                                  resolution=Resolution.IDENTIFIER)]
    return DocumentReport(path="articles/zh_hans.txt", sha256="a" * 64, language="zh-Hans", claims=claims,
                          references=references, findings=findings, text=t)


def zh_hant_document() -> DocumentReport:
    """A traditional-Chinese document whose text carries a script tag, with overlapping claims."""
    t = ZH_HANT_TEXT
    findings = [
        finding("f1", "N302", FindingKind.SUM_INCONSISTENCY, Severity.ERROR, t, "6/7的患者（85.7%）",
                claim_id="c1"),
        finding("f2", "R101", FindingKind.MISSING_REFERENCE, Severity.ERROR, t, "[2]", claim_id="c3",
                evidence={"cited": 2, "references": 0}),
    ]
    claims = [
        claim("c1", "fraction", t, "6/7的患者", Verdict.INCONSISTENT, ["f1"]),
        # overlaps c1 and extends beyond it
        claim("c2", "percentage", t, "患者（85.7%）", Verdict.SUPPORTED, []),
        claim("c3", "numbered_citation", t, "[2]", Verdict.UNSUPPORTED, ["f2"]),
        claim("c4", "url", t, "<script>alert(1)</script>\n", Verdict.UNVERIFIABLE, []),
    ]
    return DocumentReport(path="articles/zh_hant.txt", sha256="b" * 64, language="zh-Hant", claims=claims,
                          findings=findings, text=t)


def en_document() -> DocumentReport:
    """An English document with injection attempts, nested claims and a claim at the very end."""
    t = EN_TEXT
    findings = [
        finding("f1", "M401", FindingKind.RETRACTED, Severity.ERROR, t, "Kim et al. (2012)", claim_id="c1",
                evidence={"pmid": "22222222", "notice": "https://pubmed.ncbi.nlm.nih.gov/33333333/"}),
        finding("f2", "N303", FindingKind.MISSING_STATISTIC, Severity.WARNING, t, "p < 0.05", claim_id="c2"),
        finding("f3", "U901", FindingKind.UNVERIFIABLE, Severity.INFO, t, "<img src=x onerror=alert(1)>",
                message="Lookup failed <b>timeout</b>.", suggestion="Retry `later` | now.",
                evidence={"reason": "javascript:alert(1)"}),
        finding("f4", "I201", FindingKind.MALFORMED_IDENTIFIER, Severity.WARNING, t, "pipe `tick` end",
                claim_id="c7"),
    ]
    claims = [
        claim("c1", "author_citation", t, "Kim et al. (2012)", Verdict.INCONSISTENT, ["f1"]),
        claim("c2", "statistic", t, "p < 0.05", Verdict.UNSUPPORTED, ["f2"]),
        claim("c3", "fraction", t, "57 of 71", Verdict.SUPPORTED, []),
        claim("c4", "count", t, "71 patients", Verdict.SUPPORTED, []),
        claim("c5", "percentage", t, "80%", Verdict.SUPPORTED, []),
        claim("c6", "url", t, "[x](javascript:alert(1))", Verdict.NOT_CHECKABLE, []),
        claim("c7", "doi", t, "tick` end", Verdict.INCONSISTENT, ["f4"]),
    ]
    references = [
        ReferenceReport(id="r1", label=None, text="Trial <b>x</b> | NCT09876543",
                        resolution=Resolution.MATCHED, record={"source": "ctgov", "id": "NCT09876543"}),
        ReferenceReport(id="r2", label="[2]", text="Fake ref", resolution=Resolution.UNVERIFIABLE,
                        resolution_reason="offline", parsed={"doi": "javascript:alert(1)"}),
        ReferenceReport(id="r3", label="3", text="Not found ref", resolution=Resolution.NOT_FOUND),
    ]
    return DocumentReport(path="articles/en|`x`.md", sha256="c" * 64, language="en", claims=claims,
                          references=references, findings=findings, text=t)


def unreadable_document() -> DocumentReport:
    """A document that could not be read."""
    return DocumentReport(path="articles/broken.docx", sha256="", language="en",
                          error="not a valid .docx file <zip>")


def full_report() -> AuditReport:
    """A report with every severity, many kinds, three languages and an unreadable document."""
    documents = [zh_hans_document(), zh_hant_document(), en_document(), unreadable_document()]
    summary = Summary(errors=4, warnings=4, infos=2, claims=18, references=4, requests=12, cache_hits=30,
                      failed_lookups=1)
    return AuditReport(tool=ToolInfo(version="0.1.0"), run_id="run-1", created="2026-01-02T03:04:05Z",
                       documents=documents, summary=summary)


def clean_report() -> AuditReport:
    """A report with one document and no findings."""
    text = "All good (1)."
    document = DocumentReport(path="ok.txt", sha256="d" * 64, language="en", text=text,
                              claims=[claim("c1", "numbered_citation", text, "(1)", Verdict.SUPPORTED, [])])
    return AuditReport(tool=ToolInfo(version="0.1.0"), created="2026-01-02T03:04:05Z", documents=[document],
                       summary=Summary(claims=1))
