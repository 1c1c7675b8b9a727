"""M4xx: references and identifiers against records (positive and negative cases)."""

from __future__ import annotations

import pytest
from auditor.claims.models import Claim, ClaimKind, Document, Span
from auditor.references.models import (
    Author,
    IdKind,
    LookupResult,
    LookupStatus,
    ParsedReference,
    Record,
    Reference,
    SearchResult,
    Update,
    UpdateKind,
)

from auditor.checks.metadata import (
    identifier_mismatch,
    identifier_not_found,
    metadata_mismatch,
    post_publication_notices,
)
from auditor.checks.metadata_existence import possibly_fabricated, unknown_journal
from auditor.checks.metadata_studies import named_study_lookups
from auditor.checks.registry import CheckContext, ReferenceResolution
from auditor.models import FindingKind, Severity

SPAN = Span(start=0, end=4, line=1, column=1)
WNT = Record(
    source="pubmed",
    id="11111111",
    pmid="11111111",
    doi="10.1000/wnt.2019.1",
    title="Wnt signalling drives axon regrowth after spinal cord injury in mice",
    authors=[Author(family="Okafor", given="CN"), Author(family="Lind", given="P")],
    year=2019,
    journal="Nature Neuroscience",
    journal_abbrev="Nat Neurosci",
    volume="22",
    pages="101-110",
)
FIBRE = Record(
    source="pubmed",
    id="22222222",
    pmid="22222222",
    title="Dietary fibre and the gut microbiome of toddlers",
    authors=[Author(family="Varga", given="E")],
    year=2015,
    journal="Gut",
    volume="64",
    pages="1-9",
)
CITED = dict(
    authors=[Author(family="Okafor", given="CN")],
    year=2019,
    title=WNT.title,
    journal="Nat Neurosci",
    volume="22",
    pages="101-10",
)


def ref(**fields: object) -> Reference:
    """Reference r1 with the given parsed fields."""
    return Reference(id="r1", label="1", text="1. a reference", span=SPAN, parsed=ParsedReference(**fields))  # type: ignore[arg-type]


def ctx(reference: Reference | None, resolution: ReferenceResolution | None, **kw: object) -> CheckContext:
    """A context around one reference and its resolution."""
    refs = (reference,) if reference else ()
    resolutions = {"r1": resolution} if resolution else {}
    return CheckContext(
        document=Document.from_text("text"),
        claims=kw.pop("claims", ()),
        references=refs,  # type: ignore[arg-type]
        resolutions=resolutions,
        **kw,
    )  # type: ignore[arg-type]


def found(record: Record, status: str = "identifier", searches: tuple = ()) -> ReferenceResolution:
    """A resolution to `record`."""
    return ReferenceResolution(status, record, None, (), searches)


@pytest.mark.parametrize(
    ("fields", "record", "expected"),
    [
        (dict(CITED, pmid="22222222"), FIBRE, 1),  # real PMID, other work
        (dict(CITED, pmid="11111111"), WNT, 0),
        # translated title, same author and year: not a mismatch
        (
            dict(
                CITED,
                pmid="11111111",
                title="Wnt信号促进小鼠脊髓损伤后轴突再生",
                journal="自然神经科学",
                translated=True,
            ),
            WNT,
            0,
        ),
        # same title, other first author: metadata problem, not identifier mismatch
        (dict(CITED, authors=[Author(family="Lind")], pmid="11111111"), WNT, 0),
    ],
)
def test_identifier_mismatch(fields: dict, record: Record, expected: int) -> None:
    out = list(identifier_mismatch(ctx(ref(**fields), found(record))))
    assert len(out) == expected
    if out:
        assert out[0].kind is FindingKind.IDENTIFIER_MISMATCH and out[0].severity is Severity.ERROR
        assert out[0].evidence["url"] == "https://pubmed.ncbi.nlm.nih.gov/22222222/"


def test_identifier_mismatch_suggests_work_found_by_search() -> None:
    search = SearchResult(source="pubmed", status=LookupStatus.FOUND, candidates=[WNT])
    (out,) = identifier_mismatch(ctx(ref(**CITED, pmid="22222222"), found(FIBRE, searches=(search,))))
    assert "11111111" in out.suggestion


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({}, set()),
        ({"year": 2016}, {"year"}),
        ({"year": 2020}, set()),  # ±1 tolerated
        ({"journal": "Cell"}, {"journal"}),
        ({"journal": "Nature neuroscience."}, set()),
        ({"volume": "23", "pages": "201-9"}, {"volume", "pages"}),
        ({"authors": [Author(family="Lind")]}, {"authors"}),
        ({"title": "Wnt信号促进轴突再生", "journal": "自然神经科学", "translated": True}, set()),
    ],
)
def test_metadata_mismatch(changes: dict, fields: set[str]) -> None:
    out = list(metadata_mismatch(ctx(ref(**dict(CITED, pmid="11111111", **changes)), found(WNT))))
    assert {k for f in out for k in f.evidence["differences"]} == fields
    assert all(f.kind is FindingKind.METADATA_MISMATCH and f.severity is Severity.WARNING for f in out)


def test_metadata_mismatch_skips_identifier_mismatch() -> None:
    assert list(metadata_mismatch(ctx(ref(**CITED, pmid="22222222"), found(FIBRE)))) == []


@pytest.mark.parametrize(
    ("resolution", "expected"),
    [
        (ReferenceResolution("not_found", None, "pmid 99 not found in pubmed"), 1),
        (ReferenceResolution("unverifiable", None, "pmid 99 (pubmed: timeout)"), 0),
        (found(WNT), 0),
    ],
)
def test_identifier_not_found(resolution: ReferenceResolution, expected: int) -> None:
    assert len(list(identifier_not_found(ctx(ref(**CITED, pmid="99"), resolution)))) == expected


@pytest.mark.parametrize(("status", "expected"), [(LookupStatus.NOT_FOUND, 1), (LookupStatus.FAILED, 0)])
def test_identifier_in_text_not_found(status: LookupStatus, expected: int) -> None:
    claim = Claim(
        id="c1", kind=ClaimKind.DOI, text="10.9999/nope", span=SPAN, normalized={"doi": "10.9999/nope"}
    )
    result = LookupResult(source="crossref", kind=IdKind.DOI, key="10.9999/nope", status=status)
    context = ctx(None, None, claims=(claim,), lookups={("doi", "10.9999/nope"): result})
    assert len(list(identifier_not_found(context))) == expected


@pytest.mark.parametrize(
    ("update", "code", "kind", "severity"),
    [
        (UpdateKind.RETRACTION, "M404", FindingKind.RETRACTED, Severity.ERROR),
        (UpdateKind.EXPRESSION_OF_CONCERN, "M405", FindingKind.METADATA_MISMATCH, Severity.WARNING),
        (UpdateKind.CORRECTION, "M406", FindingKind.METADATA_MISMATCH, Severity.INFO),
    ],
)
def test_notices_are_reported_as_themselves(
    update: UpdateKind, code: str, kind: FindingKind, severity: Severity
) -> None:
    record = WNT.model_copy(
        update={"updates": [Update(kind=update, notice_id="33333333", date="2021-05-01")]}
    )
    (out,) = post_publication_notices(ctx(ref(**CITED, pmid="11111111"), found(record)))
    assert (out.code, out.kind, out.severity) == (code, kind, severity)
    assert out.evidence["notice"] == "33333333" and out.evidence["date"] == "2021-05-01"


def test_no_notice_no_finding() -> None:
    assert list(post_publication_notices(ctx(ref(**CITED, pmid="11111111"), found(WNT)))) == []


def _search(status: LookupStatus, source: str = "pubmed") -> SearchResult:
    return SearchResult(source=source, status=status)


@pytest.mark.parametrize(
    ("fields", "searches", "status", "expected"),
    [
        (
            CITED,
            (_search(LookupStatus.NOT_FOUND), _search(LookupStatus.NOT_FOUND, "crossref")),
            "not_found",
            1,
        ),
        (CITED, (_search(LookupStatus.NOT_FOUND), _search(LookupStatus.FAILED, "crossref")), "not_found", 0),
        (dict(CITED, pmid="99"), (_search(LookupStatus.NOT_FOUND),), "not_found", 0),  # M401's business
        (CITED, (_search(LookupStatus.FOUND),), "matched", 0),
    ],
)
def test_possibly_fabricated_needs_every_source(
    fields: dict, searches: tuple, status: str, expected: int
) -> None:
    resolution = ReferenceResolution(status, WNT if status == "matched" else None, None, (), searches)
    assert len(list(possibly_fabricated(ctx(ref(**fields), resolution)))) == expected


@pytest.mark.parametrize(
    ("journal", "expected"),
    [("Cell Therapy", ["M412"]), (None, [])],  # no journal: a topic search that missed says little
)
def test_unlinked_author_citation_found_nowhere_is_at_most_a_warning(
    journal: str | None, expected: list[str]
) -> None:
    claim = Claim(
        id="c1",
        kind=ClaimKind.AUTHOR_CITATION,
        text="Zyx等人(2020年)",
        span=SPAN,
        normalized={"authors": ["Zyx"], "year": 2020, "et_al": True, "journal": journal},
    )
    resolution = ReferenceResolution("not_found", None, None, (), (_search(LookupStatus.NOT_FOUND),))
    context = CheckContext(
        document=Document.from_text("x"), claims=(claim,), references=(), resolutions={"c1": resolution}
    )
    assert list(possibly_fabricated(context)) == []
    found = list(named_study_lookups(context))
    assert [f.code for f in found] == expected
    assert all(f.severity is Severity.WARNING and f.claim_id == "c1" for f in found)


@pytest.mark.parametrize(
    ("journal", "status", "expected"),
    [
        ("Journal of Imaginary Results", LookupStatus.NOT_FOUND, 1),
        ("Journal of Imaginary Results", LookupStatus.FAILED, 0),
        ("Journal of Imaginary Results", LookupStatus.FOUND, 0),
        ("journal", LookupStatus.NOT_FOUND, 0),  # generic word, never looked up
    ],
)
def test_unknown_journal(journal: str, status: LookupStatus, expected: int) -> None:
    claims = tuple(
        Claim(
            id=f"c{i}",
            kind=ClaimKind.JOURNAL_MENTION,
            text=f"《{journal}》",
            span=SPAN,
            normalized={"journal": journal},
        )
        for i in range(2)
    )
    result = LookupResult(source="pubmed", kind=IdKind.JOURNAL, key=journal, status=status)
    context = ctx(None, None, claims=claims, lookups={("journal", journal): result})
    assert len(list(unknown_journal(context))) == expected
