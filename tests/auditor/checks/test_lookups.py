"""U9xx: failed lookups are reported per item online, and summarised once offline."""

from __future__ import annotations

import pytest
from auditor.claims.models import Claim, ClaimKind, Document, Span
from auditor.references.cache import OFFLINE_REASON
from auditor.references.models import (
    IdKind,
    LookupResult,
    LookupStatus,
    ParsedReference,
    Record,
    Reference,
    SearchResult,
)

from auditor.checks.lookups import lookups_not_made
from auditor.checks.registry import CheckContext, ReferenceResolution
from auditor.models import Severity

SPAN = Span(start=0, end=3, line=1, column=1)


def failed(kind: IdKind, key: str, reason: str = "timeout after 3 retries") -> LookupResult:
    """A failed lookup."""
    return LookupResult(source="pubmed", kind=kind, key=key, status=LookupStatus.FAILED, reason=reason)


def references(n: int) -> tuple[Reference, ...]:
    """n references with PMIDs 1..n."""
    return tuple(
        Reference(id=f"r{i}", label=str(i), text=f"{i}. ref", parsed=ParsedReference(pmid=str(i)))
        for i in range(1, n + 1)
    )


def unverifiable(i: int) -> ReferenceResolution:
    """A resolution left unverifiable by a failed PMID lookup."""
    return ReferenceResolution("unverifiable", None, "x", (failed(IdKind.PMID, str(i)),))


def context(
    n: int, *, online: bool, claims: tuple[Claim, ...] = (), lookups: dict | None = None
) -> CheckContext:
    """n references whose lookups failed."""
    return CheckContext(
        document=Document.from_text("文本"),
        claims=claims,
        references=references(n),
        resolutions={f"r{i}": unverifiable(i) for i in range(1, n + 1)},
        lookups=lookups or {},
        online=online,
    )


def test_online_one_warning_per_reference_naming_the_lookup() -> None:
    out = list(lookups_not_made(context(3, online=True)))
    assert [f.code for f in out] == ["U901"] * 3
    assert out[0].severity is Severity.WARNING
    assert "pmid 1 (pubmed: timeout after 3 retries)" in out[0].message
    assert out[0].reference_id == "r1"


def test_offline_one_summary_per_document() -> None:
    (only,) = lookups_not_made(context(40, online=False))
    assert only.code == "U902" and only.severity is Severity.INFO
    assert only.evidence["lookups_total"] == 40
    assert "pmid 7 (pubmed: timeout after 3 retries)" in only.evidence["lookups"]


@pytest.mark.parametrize("status", ["identifier", "matched", "not_found"])
def test_resolved_or_authoritative_answers_are_not_reported(status: str) -> None:
    resolution = ReferenceResolution(status, None, None, (failed(IdKind.DOI, "10.1/x"),))
    ctx = CheckContext(
        document=Document.from_text("t"),
        claims=(),
        references=references(1),
        resolutions={"r1": resolution},
        online=True,
    )
    assert list(lookups_not_made(ctx)) == []


def test_unverifiable_without_a_failure_is_not_reported() -> None:
    resolution = ReferenceResolution("unverifiable", None, "not searched: too little to search")
    ctx = CheckContext(
        document=Document.from_text("t"),
        claims=(),
        references=references(1),
        resolutions={"r1": resolution},
        online=True,
    )
    assert list(lookups_not_made(ctx)) == []


def test_failed_search_is_reported() -> None:
    search = SearchResult(source="crossref", status=LookupStatus.FAILED, reason="HTTP 503")
    resolution = ReferenceResolution("unverifiable", None, "search failed", (), (search,))
    ctx = CheckContext(
        document=Document.from_text("t"),
        claims=(),
        references=references(1),
        resolutions={"r1": resolution},
        online=True,
    )
    (out,) = lookups_not_made(ctx)
    assert "crossref: HTTP 503" in out.message


@pytest.mark.parametrize(
    ("kind", "normalized", "key"),
    [
        (
            ClaimKind.TRIAL_ID,
            {"registry": "ClinicalTrials.gov", "id": "NCT01234567"},
            (IdKind.NCT, "NCT01234567"),
        ),
        (ClaimKind.DOI, {"doi": "10.1000/abc"}, (IdKind.DOI, "10.1000/abc")),
        (ClaimKind.JOURNAL_MENTION, {"journal": "Nature Medicine"}, (IdKind.JOURNAL, "Nature Medicine")),
        (
            ClaimKind.NAMED_STUDY,
            {"journal": "Nature Medicine", "year": 2020, "institution": "UCLA", "authors": []},
            (IdKind.JOURNAL, "Nature Medicine"),
        ),
        (ClaimKind.URL, {"url": "https://pubmed.ncbi.nlm.nih.gov/16904174/"}, (IdKind.PMID, "16904174")),
    ],
)
def test_failed_claim_lookup_reported_on_every_claim_it_would_have_checked(
    kind: ClaimKind, normalized: dict, key: tuple[IdKind, str]
) -> None:
    """Each mention's clean-run verdict may rest on the lookup (M408 goes to the first mention, a
    found DOI makes every mention supported): each is unverifiable when it failed."""
    claims = tuple(Claim(id=f"c{i}", kind=kind, text="x", span=SPAN, normalized=normalized) for i in range(2))
    lookups = {(key[0].value, key[1]): failed(*key)}
    out = list(lookups_not_made(context(0, online=True, claims=claims, lookups=lookups)))
    assert [(f.code, f.claim_id) for f in out] == [("U901", "c0"), ("U901", "c1")]


def test_pmcid_claim_reports_the_failed_lookup_of_the_pmid_idconv_gave() -> None:
    claim = Claim(id="c1", kind=ClaimKind.PMCID, text="PMC1", span=SPAN, normalized={"pmcid": "PMC1"})
    mapped = Record(source="idconv", id="PMC1", pmcid="PMC1", pmid="7")
    lookups = {
        ("pmcid", "PMC1"): LookupResult(
            source="idconv", kind=IdKind.PMCID, key="PMC1", status=LookupStatus.FOUND, record=mapped
        ),
        ("pmid", "7"): failed(IdKind.PMID, "7"),
    }
    (out,) = lookups_not_made(context(0, online=True, claims=(claim,), lookups=lookups))
    assert out.claim_id == "c1" and "pmid 7" in out.message


def _one_reference(parsed: ParsedReference, status: str, lookups: dict) -> CheckContext:
    reference = Reference(id="r1", label="1", text="1. ref", parsed=parsed)
    return CheckContext(
        document=Document.from_text("t"),
        claims=(),
        references=(reference,),
        resolutions={"r1": ReferenceResolution(status, None, None)},
        lookups=lookups,
        online=True,
    )


def test_failed_journal_lookup_of_a_reference_is_reported_on_it() -> None:
    """A reference found nowhere whose journal lookup failed: M408 cannot be decided, so U901."""
    parsed = ParsedReference(title="A study", journal="J Obscure Res")
    lookups = {("journal", "J Obscure Res"): failed(IdKind.JOURNAL, "J Obscure Res")}
    ctx = _one_reference(parsed, "not_found", lookups)
    (out,) = lookups_not_made(ctx)
    assert out.code == "U901" and out.reference_id == "r1" and "journal J Obscure Res" in out.message


def test_failed_doi_beside_a_found_pmid_is_reported() -> None:
    """The PMID resolved, the DOI lookup failed: whether the two agree is not known (U901)."""
    found = LookupResult(source="pubmed", kind=IdKind.PMID, key="5", status=LookupStatus.FOUND)
    lookups = {("pmid", "5"): found, ("doi", "10.1000/x"): failed(IdKind.DOI, "10.1000/x")}
    ctx = _one_reference(ParsedReference(pmid="5", doi="10.1000/x"), "identifier", lookups)
    (out,) = lookups_not_made(ctx)
    assert out.reference_id == "r1" and "doi 10.1000/x" in out.message


def test_found_claim_lookup_not_reported() -> None:
    claim = Claim(id="c1", kind=ClaimKind.PMID, text="PMID 5", span=SPAN, normalized={"pmid": "5"})
    ok = LookupResult(source="pubmed", kind=IdKind.PMID, key="5", status=LookupStatus.FOUND)
    assert list(lookups_not_made(context(0, online=True, claims=(claim,), lookups={("pmid", "5"): ok}))) == []


def test_offline_misses_are_one_note_even_when_the_cache_answered_some() -> None:
    """Offline with a partial cache: what is not cached was not made, which is no failure (no U901)."""
    ctx = CheckContext(
        document=Document.from_text("t"),
        claims=(),
        references=references(2),
        resolutions={
            "r1": ReferenceResolution("unverifiable", None, "x", (failed(IdKind.PMID, "1", OFFLINE_REASON),)),
            "r2": ReferenceResolution("identifier", None, None, ()),
        },
        online=True,
    )
    (only,) = lookups_not_made(ctx)
    assert only.code == "U902" and only.evidence["unchecked"] == ["reference 1"]
    assert "not checked offline (not in the cache)" in only.message


def test_real_failures_stay_warnings_beside_the_offline_note() -> None:
    search = SearchResult(source="crossref", status=LookupStatus.FAILED, reason=OFFLINE_REASON)
    ctx = CheckContext(
        document=Document.from_text("t"),
        claims=(),
        references=references(2),
        resolutions={
            "r1": ReferenceResolution("unverifiable", None, "x", (failed(IdKind.PMID, "1"),), (search,)),
            "r2": ReferenceResolution("unverifiable", None, "x", (failed(IdKind.PMID, "2", OFFLINE_REASON),)),
        },
        online=True,
    )
    out = list(lookups_not_made(ctx))
    assert [f.code for f in out] == ["U902", "U901"]
    assert out[0].evidence["unchecked"] == ["reference 1", "reference 2"]
    assert out[1].reference_id == "r1" and "timeout" in out[1].message and "offline" not in out[1].message
