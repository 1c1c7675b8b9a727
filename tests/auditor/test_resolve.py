"""Resolver tests with in-memory sources: batching, de-duplication, candidate re-checks, failures."""

from __future__ import annotations

import pytest
from auditor.claims.models import Claim, ClaimKind, Document, Span
from auditor.references.matching import title_similarity
from auditor.references.models import (
    Author,
    BibliographicQuery,
    IdKind,
    LookupResult,
    LookupStatus,
    ParsedReference,
    Record,
    Reference,
    TrialRecord,
)
from auditor.references.sources.fake import InMemorySource

from auditor.candidates import compare
from auditor.resolve import DocumentInputs, Resolver, merge_results
from auditor.sources import SourceSet

SPAN = Span(start=0, end=1, line=1, column=1)
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
OTHER = Record(
    source="pubmed",
    id="22222222",
    pmid="22222222",
    title="Dietary fibre and the gut microbiome of toddlers",
    authors=[Author(family="Varga", given="E")],
    year=2015,
    journal="Gut",
)


def ref(ref_id: str, **fields: object) -> Reference:
    """A reference with parsed fields given by hand."""
    return Reference(id=ref_id, text=f"reference {ref_id}", parsed=ParsedReference(**fields))  # type: ignore[arg-type]


def doc(*references: Reference, claims: tuple[Claim, ...] = (), links: dict | None = None) -> DocumentInputs:
    """Document inputs around hand-built references and claims."""
    return DocumentInputs(Document.from_text("text", language=None), claims, references, links or {})


def pubmed(records: dict | None = None, **kw: object) -> InMemorySource:
    """A fake PubMed with WNT and OTHER under their PMIDs and WNT's DOI."""
    default = {(IdKind.PMID, "11111111"): WNT, (IdKind.PMID, "22222222"): OTHER, (IdKind.DOI, WNT.doi): WNT}
    return InMemorySource("pubmed", records if records is not None else default, **kw)  # type: ignore[arg-type]


def test_identifier_resolves_reference() -> None:
    res = Resolver(SourceSet(pubmed=pubmed())).resolve([doc(ref("r1", pmid="11111111"))])[0]
    assert res.resolutions["r1"].status == "identifier"
    assert res.resolutions["r1"].record == WNT


def test_two_documents_citing_same_pmid_make_one_lookup() -> None:
    source = pubmed()
    Resolver(SourceSet(pubmed=source)).resolve(
        [doc(ref("r1", pmid="11111111")), doc(ref("r1", pmid="11111111"))]
    )
    assert source.calls == [(IdKind.PMID, ("11111111",))]
    assert source.requests == 1


def test_one_batch_per_kind_across_documents() -> None:
    source = pubmed()
    items = [doc(ref("r1", pmid="11111111")), doc(ref("r1", pmid="22222222"), ref("r2", pmid="11111111"))]
    Resolver(SourceSet(pubmed=source)).resolve(items)
    assert source.calls == [(IdKind.PMID, ("11111111", "22222222"))]


def test_failed_lookup_is_unverifiable_never_not_found() -> None:
    res = Resolver(SourceSet(pubmed=pubmed(fail={"11111111"}))).resolve([doc(ref("r1", pmid="11111111"))])[0]
    assert res.resolutions["r1"].status == "unverifiable"
    assert res.failed and "11111111" in res.failed[0]


def test_authoritative_empty_answer_is_not_found() -> None:
    res = Resolver(SourceSet(pubmed=pubmed())).resolve([doc(ref("r1", pmid="99999999"))])[0]
    assert res.resolutions["r1"].status == "not_found"


def test_pmcid_goes_through_idconv_then_pubmed() -> None:
    idconv = InMemorySource(
        "idconv", {(IdKind.PMCID, "PMC123"): Record(source="idconv", id="PMC123", pmid="11111111")}
    )
    source = pubmed()
    res = Resolver(SourceSet(pubmed=source, idconv=idconv)).resolve([doc(ref("r1", pmcid="pmc123"))])[0]
    assert res.resolutions["r1"].record == WNT
    assert source.calls == [(IdKind.PMID, ("11111111",))]


def test_doi_falls_back_to_crossref_only_for_what_pubmed_lacks() -> None:
    crossref_record = Record(source="crossref", id="10.2000/x", doi="10.2000/x", title="A book chapter")
    crossref = InMemorySource("crossref", {(IdKind.DOI, "10.2000/x"): crossref_record})
    items = [doc(ref("r1", doi="10.1000/WNT.2019.1"), ref("r2", doi="https://doi.org/10.2000/x"))]
    res = Resolver(SourceSet(pubmed=pubmed(), crossref=crossref)).resolve(items)[0]
    assert crossref.calls == [(IdKind.DOI, ("10.2000/x",))]
    assert res.resolutions["r2"].record == crossref_record
    assert res.lookups[("doi", "10.1000/wnt.2019.1")].status is LookupStatus.FOUND


SEARCHED = dict(
    authors=[Author(family="Okafor")],
    title="Wnt signalling drives axon regrowth after spinal cord injury in mice",
    journal="Nat Neurosci",
)


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        (dict(SEARCHED, year=2019), "matched"),
        (dict(SEARCHED, year=2020), "matched"),  # ±1 year
        (dict(SEARCHED, year=2016), "not_found"),  # wrong year: candidate rejected
        (dict(SEARCHED, year=2019, authors=[Author(family="Lindqvist")]), "not_found"),  # wrong first author
        (dict(SEARCHED, year=2019, title="Cortical maps of toddlers' language"), "not_found"),  # other title
        (
            dict(
                authors=[Author(family="Okafor")],
                year=2019,
                title="Wnt信号促进小鼠脊髓损伤后轴突再生",
                journal="Nature Neuroscience",
                translated=True,
            ),
            "matched",
        ),  # translated title, journal agrees
    ],
)
def test_search_candidates_are_rechecked(fields: dict, status: str) -> None:
    source = pubmed(search_index=[WNT, OTHER])
    res = Resolver(SourceSet(pubmed=source)).resolve([doc(ref("r1", **fields))])[0]
    assert res.resolutions["r1"].status == status
    if status == "matched":
        assert res.resolutions["r1"].score is not None


def test_search_failure_is_unverifiable() -> None:
    source = pubmed(search_index=[WNT], search_fails=True)
    res = Resolver(SourceSet(pubmed=source)).resolve([doc(ref("r1", **SEARCHED, year=2019))])[0]
    assert res.resolutions["r1"].status == "unverifiable"


def test_unlinked_author_citation_is_searched_and_linked_one_is_not() -> None:
    source = pubmed(search_index=[WNT])
    cited = Claim(
        id="c1",
        kind=ClaimKind.AUTHOR_CITATION,
        text="(Okafor et al., 2019, Nature Neuroscience)",
        span=SPAN,
        normalized={"authors": ["Okafor"], "et_al": True, "year": 2019, "journal": "Nature Neuroscience"},
    )
    linked = Claim(
        id="c2",
        kind=ClaimKind.AUTHOR_CITATION,
        text="Varga (2015)",
        span=SPAN,
        normalized={"authors": ["Varga"], "et_al": False, "year": 2015, "journal": None},
    )
    res = Resolver(SourceSet(pubmed=source)).resolve([doc(claims=(cited, linked), links={"c2": ("r1",)})])[0]
    assert res.resolutions["c1"].status == "matched"
    assert "c2" not in res.resolutions


def test_author_and_year_alone_are_not_searched() -> None:
    """"Okafor等人(2019年)" fits thousands of works: neither a hit nor an empty answer means anything."""
    source = pubmed(search_index=[WNT])
    thin = Claim(
        id="c1",
        kind=ClaimKind.AUTHOR_CITATION,
        text="Okafor等人(2019年)",
        span=SPAN,
        normalized={"authors": ["Okafor"], "et_al": True, "year": 2019, "journal": None},
    )
    res = Resolver(SourceSet(pubmed=source)).resolve([doc(claims=(thin,))])[0]
    assert "c1" not in res.resolutions and source.queries == []


def test_nct_and_journal_lookups_reach_the_right_sources() -> None:
    trial = TrialRecord(id="NCT01234567", conditions=["Spinal Cord Injuries"])
    ctgov = InMemorySource("ctgov", {(IdKind.NCT, "NCT01234567"): trial})
    catalog = pubmed({(IdKind.JOURNAL, "Nature Neuroscience"): Record(source="nlmcatalog", id="9809671")})
    claims = (
        Claim(
            id="c1",
            kind=ClaimKind.TRIAL_ID,
            text="nct01234567",
            span=SPAN,
            normalized={"registry": "ClinicalTrials.gov", "id": "NCT01234567"},
        ),
        Claim(
            id="c2",
            kind=ClaimKind.JOURNAL_MENTION,
            text="《Nature Neuroscience》",
            span=SPAN,
            normalized={"journal": "Nature Neuroscience"},
        ),
    )
    res = Resolver(SourceSet(pubmed=catalog, ctgov=ctgov)).resolve([doc(claims=claims)])[0]
    assert res.lookups[("nct", "NCT01234567")].trial == trial
    assert res.lookups[("journal", "Nature Neuroscience")].status is LookupStatus.FOUND


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ((LookupStatus.NOT_FOUND, LookupStatus.FOUND), LookupStatus.FOUND),
        ((LookupStatus.NOT_FOUND, LookupStatus.FAILED), LookupStatus.FAILED),
        ((LookupStatus.NOT_FOUND, LookupStatus.NOT_FOUND), LookupStatus.NOT_FOUND),
    ],
)
def test_merge_prefers_found_then_failed(statuses: tuple, expected: LookupStatus) -> None:
    results = [
        LookupResult(source=f"s{i}", kind=IdKind.DOI, key="10.1/x", status=s) for i, s in enumerate(statuses)
    ]
    merged = merge_results(results)
    assert merged is not None and merged.status is expected


@pytest.mark.parametrize(
    ("title", "low", "high"),
    [
        ("Wnt signalling drives axon regrowth after spinal cord injury in mice.", 95, 100),
        ("Dietary fibre and the gut microbiome of toddlers", 0, 60),
    ],
)
def test_title_similarity(title: str, low: float, high: float) -> None:
    assert low <= title_similarity(title, WNT.title) <= high


def test_comparison_of_unrelated_record() -> None:
    query = BibliographicQuery(authors=["Okafor"], year=2019, title=WNT.title)
    assert compare(query, OTHER).same_work is False
    assert compare(query, WNT).same_work is True


def test_offline_sources_answer_failed_without_network(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from auditor.sources import build_sources

    sources = build_sources(offline=True, refresh=False, cache_dir=tmp_path, env={})
    res = Resolver(sources).resolve([doc(ref("r1", pmid="11111111"))])[0]
    assert res.resolutions["r1"].status == "unverifiable"
    assert sources.requests == 0


def test_author_and_year_alone_accept_no_candidate() -> None:
    thin = BibliographicQuery(authors=["Okafor"], year=2019)
    assert compare(thin, WNT).same_work is False
    with_journal = BibliographicQuery(authors=["Okafor"], year=2019, journal="Nature Neuroscience")
    assert compare(with_journal, WNT).same_work is True


def test_journal_of_a_resolved_reference_is_not_looked_up() -> None:
    """A found record proves its journal exists; only unresolved references' journals go to the catalogue."""
    source = pubmed()
    resolved = ref("r1", pmid="11111111", journal="Nature Neuroscience")
    unresolved = ref("r2", pmid="99999999", journal="Journal of Imaginary Results")
    Resolver(SourceSet(pubmed=source)).resolve([doc(resolved, unresolved)])
    journals = [keys for kind, keys in source.calls if kind is IdKind.JOURNAL]
    assert journals == [("Journal of Imaginary Results",)]


def test_crossref_is_not_searched_for_what_pubmed_found() -> None:
    crossref = InMemorySource("crossref", {}, search_index=[WNT])
    source = pubmed(search_index=[WNT])
    items = [doc(ref("r1", **SEARCHED, year=2019))]
    res = Resolver(SourceSet(pubmed=source, crossref=crossref)).resolve(items)[0]
    assert res.resolutions["r1"].status == "matched" and crossref.queries == []
