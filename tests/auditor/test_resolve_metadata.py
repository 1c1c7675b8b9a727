"""Resolver: doi.org for DOIs nobody knows, Chinese journals searched under their English titles,
translated titles accepted on authors + year + volume + page (real works)."""

from __future__ import annotations

import responses
from auditor.claims.models import Document
from auditor.references.http import ServiceConfig
from auditor.references.models import Author, IdKind, ParsedReference, Record, Reference
from auditor.references.ratelimit import NoHostLimiter
from auditor.references.sources.doira import DoiRaSource
from auditor.references.sources.fake import InMemorySource
from known_records import TAKAHASHI_2006

from auditor.resolve import DocumentInputs, Resolver
from auditor.sources import SourceSet

IPS = TAKAHASHI_2006
DRYAD = "10.5061/dryad.8515"
DOIRA = "http://fake.test/doira"


def _doc(*references: Reference) -> DocumentInputs:
    return DocumentInputs(Document.from_text("text", language=None), (), references, {})


def _doira() -> DoiRaSource:
    config = ServiceConfig(doira_url=DOIRA, backoff_factor=0)
    return DoiRaSource(config, limiter=NoHostLimiter())


@responses.activate
def test_doi_unknown_to_pubmed_and_crossref_is_asked_at_doi_org() -> None:
    responses.get(
        f"{DOIRA}/{DRYAD}", body=b'[\n  {\n    "DOI": "10.5061/dryad.8515",\n    "RA": "DataCite"\n  }\n]'
    )
    sources = SourceSet(
        pubmed=InMemorySource("pubmed", {}, kinds=[IdKind.DOI]),
        crossref=InMemorySource("crossref", {}, kinds=[IdKind.DOI]),
        doira=_doira(),
    )
    reference = Reference(id="r1", text="Data. doi:10.5061/dryad.8515", parsed=ParsedReference(doi=DRYAD))
    res = Resolver(sources).resolve([_doc(reference)])[0]
    assert res.resolutions["r1"].status == "unverifiable"
    assert "DataCite" in (res.resolutions["r1"].reason or "")
    assert len(responses.calls) == 1


@responses.activate
def test_doi_org_is_not_asked_for_a_doi_crossref_knows() -> None:
    record = Record(source="crossref", id=IPS.doi or "", doi=IPS.doi, title=IPS.title)
    sources = SourceSet(crossref=InMemorySource("crossref", {(IdKind.DOI, IPS.doi): record}), doira=_doira())
    reference = Reference(id="r1", text="…", parsed=ParsedReference(doi=IPS.doi))
    assert Resolver(sources).resolve([_doc(reference)])[0].resolutions["r1"].status == "identifier"
    assert len(responses.calls) == 0


def test_title_in_chinese_translation_is_found_by_authors_year_volume_and_page() -> None:
    pubmed = InMemorySource("pubmed", {}, search_index=[IPS])
    reference = Reference(
        id="r1",
        text="Takahashi K, Yamanaka S. 通过特定因子从小鼠胚胎和成年成纤维细胞培养物中诱导多能干细胞[J]. "
        "细胞, 2006, 126(4): 663-676.",
        parsed=ParsedReference(
            authors=[Author(family="Takahashi", given="K"), Author(family="Yamanaka", given="S")],
            year=2006,
            title="通过特定因子从小鼠胚胎和成年成纤维细胞培养物中诱导多能干细胞",
            journal="细胞",
            volume="126",
            pages="663-676",
            translated=True,
        ),
    )
    res = Resolver(SourceSet(pubmed=pubmed)).resolve([_doc(reference)])[0]
    assert res.resolutions["r1"].status == "matched" and res.resolutions["r1"].record == IPS
    assert pubmed.queries[0].journal == "Cell"  # the Chinese name searched under its English title
