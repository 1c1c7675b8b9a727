"""I2xx: identifier syntax in claims and in parsed reference fields."""

from __future__ import annotations

from typing import Any

import pytest
from auditor.claims.models import Claim, ClaimKind, Document
from auditor.references.models import ParsedReference, Reference

from auditor.checks.identifier_syntax import malformed_identifier, pmcid_ok, pmid_ok, trial_id_problem
from auditor.checks.registry import CheckContext
from auditor.pipeline import AuditOptions, prepare_document


def claim_ctx(text: str, quote: str, kind: ClaimKind, **norm: Any) -> CheckContext:
    """A context holding one claim over `quote`."""
    doc = Document.from_text(text)
    start = doc.text.index(quote)
    claim = Claim(id="c1", kind=kind, text=quote, span=doc.span(start, start + len(quote)), normalized=norm)
    return CheckContext(document=doc, claims=(claim,), references=())


@pytest.mark.parametrize(
    ("text", "quote", "kind", "norm", "expected"),
    [
        ("doi: 10.1038/nm.4321.", "10.1038/nm.4321", ClaimKind.DOI, {"doi": "10.1038/nm.4321"}, []),
        ("doi：10.10/abc。", "10.10/abc", ClaimKind.DOI, {"doi": "10.10/abc"}, ["I201"]),
        ("PMID: 31978945", "PMID: 31978945", ClaimKind.PMID, {"pmid": "31978945"}, []),
        ("PMID：0", "PMID：0", ClaimKind.PMID, {"pmid": "0"}, ["I202"]),
        ("PMID 123456789", "PMID 123456789", ClaimKind.PMID, {"pmid": "123456789"}, ["I202"]),
        ("見PMC7092803。", "PMC7092803", ClaimKind.PMCID, {"pmcid": "PMC7092803"}, []),
        ("见PMCabc", "PMCabc", ClaimKind.PMCID, {"pmcid": "PMCabc"}, ["I203"]),
        (
            "注册号NCT01234567。",
            "NCT01234567",
            ClaimKind.TRIAL_ID,
            {"registry": "ClinicalTrials.gov", "id": "NCT01234567"},
            [],
        ),
        (
            "註冊號NCT0123456。",
            "NCT0123456",
            ClaimKind.TRIAL_ID,
            {"registry": "ClinicalTrials.gov", "id": "NCT0123456"},
            ["I204"],
        ),
        (
            "trial NCT012345678",
            "NCT012345678",
            ClaimKind.TRIAL_ID,
            {"registry": "ClinicalTrials.gov", "id": "NCT012345678"},
            ["I204"],
        ),
        (
            "注册号ChiCTR2000029308。",
            "ChiCTR2000029308",
            ClaimKind.TRIAL_ID,
            {"registry": "ChiCTR", "id": "ChiCTR2000029308"},
            [],
        ),
        (
            "注册号ChiCTR20001。",
            "ChiCTR20001",
            ClaimKind.TRIAL_ID,
            {"registry": "ChiCTR", "id": "ChiCTR20001"},
            ["I206"],
        ),
        (
            "ISRCTN12345678 trial",
            "ISRCTN12345678",
            ClaimKind.TRIAL_ID,
            {"registry": "ISRCTN", "id": "ISRCTN12345678"},
            [],
        ),
        (
            "ISRCTN1234 trial",
            "ISRCTN1234",
            ClaimKind.TRIAL_ID,
            {"registry": "ISRCTN", "id": "ISRCTN1234"},
            ["I206"],
        ),
        (
            "EudraCT 2015-001234-12",
            "2015-001234-12",
            ClaimKind.TRIAL_ID,
            {"registry": "EudraCT", "id": "2015-001234-12"},
            [],
        ),
        (
            "EudraCT 2015-0012-12",
            "2015-0012-12",
            ClaimKind.TRIAL_ID,
            {"registry": "EudraCT", "id": "2015-0012-12"},
            ["I206"],
        ),
        ("CTR20201234 试验", "CTR20201234", ClaimKind.TRIAL_ID, {"registry": "CTR", "id": "CTR20201234"}, []),
        (
            "Up 38%.",
            "38%",
            ClaimKind.PERCENTAGE,
            {"value": 38.0, "decimals": 0, "unit": "%", "approx": False},
            [],
        ),
    ],
)
def test_identifier_claims(
    text: str, quote: str, kind: ClaimKind, norm: dict[str, Any], expected: list[str]
) -> None:
    found = list(malformed_identifier(claim_ctx(text, quote, kind, **norm)))
    assert [f.code for f in found] == expected
    assert all(f.quote == quote and f.claim_id == "c1" for f in found)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {
                "doi": "10.1016/j.stem.2019.01.001",
                "pmid": "30827889",
                "pmcid": "PMC6789",
                "issn": "0028-0836",
            },
            [],
        ),
        ({"doi": "10.1016"}, ["I201"]),
        ({"pmid": "12a45"}, ["I202"]),
        ({"pmcid": "PMC"}, ["I203"]),
        ({"nct": "NCT123"}, ["I204"]),
        ({"issn": "0028-0837"}, ["I205"]),
        ({"issn": "2049-3630"}, []),
    ],
)
def test_identifier_fields_of_references(fields: dict[str, str], expected: list[str]) -> None:
    text = "1. Lee J. A title. Nature. 2019. " + " ".join(fields.values())
    doc = Document.from_text("Body.\n\n" + text)
    start = doc.text.index(text)
    ref = Reference(
        id="r1",
        label="1",
        text=text,
        span=doc.span(start, start + len(text)),
        parsed=ParsedReference.model_validate(fields),
    )
    found = list(malformed_identifier(CheckContext(document=doc, claims=(), references=(ref,))))
    assert [f.code for f in found] == expected
    for f in found:
        assert f.span is not None and doc.text[f.span.start : f.span.end] == f.quote


@pytest.mark.parametrize(
    ("value", "ok"), [("1", True), ("00000000", False), ("PMID:123", True), ("１２３", False)]
)
def test_pmid_ok(value: str, ok: bool) -> None:
    assert pmid_ok(value) is ok


@pytest.mark.parametrize(("value", "ok"), [("pmc123", True), ("PMC0", False), ("123", False)])
def test_pmcid_ok(value: str, ok: bool) -> None:
    assert pmcid_ok(value) is ok


def test_trial_id_problem_names_the_digit_count() -> None:
    assert trial_id_problem("ClinicalTrials.gov", "NCT123") == "an NCT number has 8 digits, this one has 3"
    assert trial_id_problem("SomeRegistry", "ABC-1") is None


# ------------------------------------------------ end to end: text → extraction → this check


def _codes_of_article(text: str) -> list[tuple[str, str, str | None]]:
    """(code, quoted text, reference id) of every I2xx finding on an article, body and list."""
    prepared = prepare_document(Document.from_text(text), AuditOptions())
    ctx = CheckContext(
        document=prepared.document,
        claims=prepared.claims,
        references=prepared.references,
        reference_identifiers=prepared.reference_identifiers,
    )
    found = list(malformed_identifier(ctx))
    for f in found:
        assert f.span is not None and prepared.document.text[f.span.start : f.span.end] == f.quote
    return [(f.code, f.quote, f.reference_id) for f in found]


_BODY = {
    "en": "Background text about the trials [1].\n\nReferences\n\n",
    "zh-Hans": "试验结果见文献[1]。\n\n参考文献\n\n",
    "zh-Hant": "試驗結果見文獻[1]。\n\n參考文獻\n\n",
}
_ENTRY = "[1] Lee J, Chen L. A randomised trial. N Engl J Med. 2020;383:1413-24. "


@pytest.mark.parametrize("language", sorted(_BODY))
@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        ("doi:10.108/nature22341.", [("I201", "doi:10.108/nature22341")]),
        ("doi:10.1056NEJMoa2022190", [("I201", "doi:10.1056NEJMoa2022190")]),
        ("https://doi.org/10.1001jama.2020.17023", [("I201", "https://doi.org/10.1001jama.2020.17023")]),
        ("PMID: 214231890.", [("I202", "PMID: 214231890")]),
        ("PMID: 0", [("I202", "PMID: 0")]),
        ("PMCID: PMCA5996391", [("I203", "PMCID: PMCA5996391")]),
        ("PMCID: PMC68l2345.", [("I203", "PMCID: PMC68l2345")]),
        ("ISSN 0028-4794.", [("I205", "ISSN 0028-4794")]),
        ("Registered as ChiCTR200002976.", [("I206", "ChiCTR200002976")]),
        ("Registered as ISRCTN1234567.", [("I206", "ISRCTN1234567")]),
        ("Registered as NCT0237154.", [("I204", "NCT0237154")]),
        # well formed, with trailing punctuation, labels, resolver URLs and line ends: nothing
        ("doi:10.1056/NEJMoa2022190.", []),
        ("doi: 10.1016/S0140-6736(20)30183-5).", []),
        ("https://doi.org/10.1056/NEJMoa2022190]", []),
        ("DOI：10.1056/NEJMoa2022190。", []),
        ("doi:10.\n1056/NEJMoa2022190", []),
        ("https://doi.org/10.1056/\nNEJMoa2022190", []),
        ("PMID: 32678530. PMCID: PMC7556338.", []),
        ("ISSN 0028-4793; eISSN 1533-4406.", []),
        ("ISSN：0023-074X。", []),
        ("ChiCTR2000029308; ChiCTR-IOR-17013146; CTR20200164.", []),
        ("ISRCTN50189673; EudraCT 2020-001113-21; ACTRN12620000445976.", []),
        ("jRCT2031200032; CTRI/2020/05/025114; DRKS00021235; KCT0005157.", []),
        ("Pages 1234-5678, vol 2020-21, 10.5 mg.", []),
    ],
)
def test_identifiers_in_reference_entries(
    language: str, tail: str, expected: list[tuple[str, str]]
) -> None:
    found = _codes_of_article(_BODY[language] + _ENTRY + tail + "\n")
    assert [(code, quote.replace("：", ":")) for code, quote, _ in found] == [
        (code, quote.replace("：", ":")) for code, quote in expected
    ]
    assert all(ref == "r1" for _, _, ref in found)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("期刊本身的编号是ISSN 0028-0836。", []),
        ("新闻稿把编号印成了ISSN 0028-0837、PMID: 2909155701。", ["I205", "I202"]),
        ("新聞稿把編號印成了EudraCT 2017-00335-38與ChiCTR20000。", ["I206", "I206"]),
        ("The abstract gave CTRI/2020/05/02511 and DRKS0002123.", ["I206", "I206"]),
        ("It used jRCT203120003 and KCT000515, not ACTRN1262000044597.", ["I206", "I206", "I206"]),
    ],
)
def test_identifiers_in_running_text(body: str, expected: list[str]) -> None:
    found = _codes_of_article(body)
    assert [code for code, _, _ in found] == expected
    assert all(ref is None for _, _, ref in found)


@pytest.mark.parametrize(
    ("registry", "trial_id", "ok"),
    [
        ("ChiCTR", "ChiCTR2000029308", True),
        ("ChiCTR", "ChiCTR-IOR-17013146", True),
        ("ChiCTR", "ChiCTR20000297", False),
        ("CTR", "CTR20200164", True),
        ("CTR", "CTR2020016", False),
        ("EudraCT", "2020-001113-21", True),
        ("EudraCT", "2017-00335-38", False),
        ("UMIN", "UMIN000040617", True),
        ("UMIN", "UMIN00004061", False),
        (None, "ISRCTN1063", False),
        (None, "ABC-1", True),
    ],
)
def test_registry_shapes(registry: str | None, trial_id: str, ok: bool) -> None:
    assert (trial_id_problem(registry, trial_id) is None) is ok


def test_a_field_read_from_a_file_is_checked_without_a_span() -> None:
    ref = Reference(id="r1", text="", parsed=ParsedReference(issn="0028-0837"))
    doc = Document.from_text("Body.")
    found = list(malformed_identifier(CheckContext(document=doc, claims=(), references=(ref,))))
    assert [(f.code, f.span, f.reference_id) for f in found] == [("I205", None, "r1")]
