"""M409/M410 (identifiers of one reference agree), M411 (Chinese-language journals), M414 (DOI
held by another agency), and M407 not firing for what cannot be checked. Real works as records."""

from __future__ import annotations

from auditor.claims.models import Document, Span
from auditor.references.models import (
    Author,
    IdKind,
    LookupResult,
    LookupStatus,
    ParsedReference,
    Record,
    Reference,
    SearchResult,
)

from auditor.checks.metadata_agreement import doi_held_elsewhere, identifiers_disagree
from auditor.checks.metadata_existence import not_covered, possibly_fabricated
from auditor.checks.registry import CheckContext, ReferenceResolution

SPAN = Span(start=0, end=4, line=1, column=1)
IPS = Record(
    source="pubmed",
    id="16904174",
    pmid="16904174",
    doi="10.1016/j.cell.2006.07.024",
    title="Induction of pluripotent stem cells from mouse embryonic and adult fibroblast cultures by "
    "defined factors.",
    authors=[Author(family="Takahashi", given="K")],
    year=2006,
    journal="Cell",
)
STAP = Record(
    source="crossref",
    id="10.1038/nature12968",
    doi="10.1038/nature12968",
    title="Stimulus-triggered fate conversion of somatic cells into pluripotency",
    authors=[Author(family="Obokata", given="H")],
    year=2014,
    journal="Nature",
)


def _result(
    kind: IdKind,
    key: str,
    record: Record | None,
    status: LookupStatus = LookupStatus.FOUND,
    source: str = "pubmed",
    reason: str | None = None,
) -> LookupResult:
    return LookupResult(source=source, kind=kind, key=key, status=status, record=record, reason=reason)


def _ctx(
    reference: Reference, *results: LookupResult, resolution: ReferenceResolution | None = None
) -> CheckContext:
    return CheckContext(
        document=Document.from_text("text"),
        claims=(),
        references=(reference,),
        resolutions={reference.id: resolution} if resolution else {},
        lookups={(r.kind.value, r.key): r for r in results},
        online=True,
    )


def _ref(**fields: object) -> Reference:
    return Reference(
        id="r1", label="1", text="1. Takahashi K, Yamanaka S. …", span=SPAN, parsed=ParsedReference(**fields)
    )  # type: ignore[arg-type]


def test_fabricated_doi_beside_a_real_pmid() -> None:
    fake = "10.1016/j.cell.2006.99.999"
    reference = _ref(pmid="16904174", doi=fake)
    ctx = _ctx(
        reference,
        _result(IdKind.PMID, "16904174", IPS),
        _result(IdKind.DOI, fake, None, LookupStatus.NOT_FOUND, "doira", "doi.org says it does not exist"),
    )
    (finding,) = identifiers_disagree(ctx)
    assert finding.code == "M410" and fake in finding.message
    assert "10.1016/j.cell.2006.07.024" in finding.suggestion


def test_doi_of_another_work_beside_a_real_pmid() -> None:
    reference = _ref(pmid="16904174", doi="10.1038/nature12968")
    ctx = _ctx(
        reference,
        _result(IdKind.PMID, "16904174", IPS),
        _result(IdKind.DOI, "10.1038/nature12968", STAP, source="crossref"),
    )
    (finding,) = identifiers_disagree(ctx)
    assert finding.code == "M409" and "Stimulus-triggered" in finding.message


def test_identifiers_of_the_same_work_agree() -> None:
    reference = _ref(pmid="16904174", doi="10.1016/j.cell.2006.07.024")
    crossref_copy = IPS.model_copy(update={"source": "crossref", "pmid": None, "title": IPS.title.upper()})
    ctx = _ctx(
        reference,
        _result(IdKind.PMID, "16904174", IPS),
        _result(IdKind.DOI, "10.1016/j.cell.2006.07.024", crossref_copy, source="crossref"),
    )
    assert list(identifiers_disagree(ctx)) == []


def test_own_doi_is_not_questioned_when_crossref_lacks_it() -> None:
    reference = _ref(pmid="16904174", doi="10.1016/j.cell.2006.07.024")
    ctx = _ctx(
        reference,
        _result(IdKind.PMID, "16904174", IPS),
        _result(IdKind.DOI, "10.1016/j.cell.2006.07.024", None, LookupStatus.NOT_FOUND, "crossref"),
    )
    assert list(identifiers_disagree(ctx)) == []


def test_failed_or_agency_held_doi_is_no_disagreement() -> None:
    reference = _ref(pmid="16904174", doi="10.5061/dryad.8515")
    held = _result(IdKind.DOI, "10.5061/dryad.8515", None, source="doira", reason="registered with DataCite")
    ctx = _ctx(reference, _result(IdKind.PMID, "16904174", IPS), held)
    assert list(identifiers_disagree(ctx)) == []
    (note,) = doi_held_elsewhere(ctx)
    assert note.code == "M414" and note.evidence["agency"] == "DataCite"
    failed = _result(IdKind.DOI, "10.5061/dryad.8515", None, LookupStatus.FAILED, "doira", "timeout")
    assert list(identifiers_disagree(_ctx(reference, _result(IdKind.PMID, "16904174", IPS), failed))) == []


NOT_FOUND = ReferenceResolution(
    "not_found",
    None,
    "no source found the cited work",
    (),
    (
        SearchResult(source="pubmed", status=LookupStatus.NOT_FOUND),
        SearchResult(source="crossref", status=LookupStatus.NOT_FOUND),
    ),
)


def test_chinese_language_journal_is_unverifiable_with_where_to_check() -> None:
    reference = _ref(
        authors=[Author(family="王")],
        year=2019,
        title="间充质干细胞治疗缺血性脑卒中的临床研究",
        journal="中国组织工程研究杂志社刊",
        translated=True,
    )
    ctx = _ctx(reference, resolution=NOT_FOUND)
    assert list(possibly_fabricated(ctx)) == []
    (finding,) = not_covered(ctx)
    assert (
        finding.code == "M411"
        and "kns.cnki.net" in finding.suggestion
        and "wanfangdata" in finding.suggestion
    )


def test_english_work_not_found_anywhere_is_still_possibly_fabricated() -> None:
    reference = _ref(
        authors=[Author(family="Okafor")],
        year=2019,
        title="Wnt signalling drives axon regrowth",
        journal="Nature Neuroscience",
    )
    ctx = _ctx(reference, resolution=NOT_FOUND)
    assert [f.code for f in possibly_fabricated(ctx)] == ["M407"] and list(not_covered(ctx)) == []
