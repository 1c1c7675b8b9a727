"""Faults through the whole chain: real sources (HTTP replayed by `responses`) → resolver → checks → report.

Whatever the services do (time out, reset the connection, answer 429/500/503 until the retries run
out, send malformed or truncated JSON/XML, an XML bomb, an empty body), the audit finishes, nothing is
called "not found", every reference stays `unverifiable`, and the report names the failed lookups.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import requests
import responses
from auditor.claims.models import Document
from auditor.references.cache import CachingSource, LookupStore
from auditor.references.sources.crossref import CrossrefSource
from auditor.references.sources.ctgov import CtGovSource
from auditor.references.sources.idconv import IdConvSource
from auditor.references.sources.pubmed import PubMedSource

from auditor.models import FindingKind
from auditor.pipeline import AuditOptions, audit_documents
from auditor.sources import SourceSet
from tests.references.sources.sources_testkit import SECRET, fake_config, no_limiter

ARTICLE = (
    "Exosomes improved recovery after spinal cord injury [1], as a trial (NCT04567890) reported [2].\n"
    "A later cohort confirmed it [3].\n\n"
    "References\n"
    "[1] Okafor CN, Lind P. Wnt signalling drives axon regrowth after spinal cord injury in mice. "
    "Nat Neurosci. 2019;22(3):301-310. PMID: 30700000.\n"
    "[2] Haddad R, Brennan T. Exosomes for acute spinal cord injury: a phase 1 trial. "
    "Spinal Cord. 2021;59(2):100-108. doi:10.1038/s41393-020-0001-1.\n"
    "[3] Moreau L, Okafor CN. Cohort outcomes after cell therapy. Stem Cell Res Ther. 2020;11:45. "
    "PMCID: PMC7000001.\n"
)
ANY = re.compile(r"https://fake\.test/.*")
BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>'
    b"<eSearchResult><Count>&lol2;</Count></eSearchResult>"
)


def _every_request(**kwargs: object) -> Callable[[], None]:
    def install() -> None:
        for method in (responses.GET, responses.POST):
            responses.add(method, ANY, **kwargs)  # type: ignore[arg-type]

    return install


FAULTS: dict[str, Callable[[], None]] = {
    "timeout": _every_request(body=requests.exceptions.ReadTimeout("read timed out")),
    "connection_reset": _every_request(body=requests.exceptions.ConnectionError("Connection reset by peer")),
    "429_retry_after": _every_request(status=429, headers={"Retry-After": "0"}, body="Too Many Requests"),
    "500": _every_request(status=500, body="Internal Server Error"),
    "503": _every_request(status=503, body="Service Unavailable"),
    "malformed_json": _every_request(
        status=200, body='{"esearchresult": {"idlist": [', content_type="application/json"
    ),
    "truncated_xml": _every_request(
        status=200, body="<PubmedArticleSet><PubmedArticle><Medline", content_type="text/xml"
    ),
    "xml_bomb": _every_request(status=200, body=BOMB, content_type="text/xml"),
    "empty_body": _every_request(status=200, body=""),
}


def _sources(store: LookupStore) -> SourceSet:
    """The real sources behind the lookup cache, as `build_sources` wires them (fast retries, no pacing)."""
    config, limiter = fake_config(), no_limiter()
    return SourceSet(
        pubmed=CachingSource(PubMedSource(config, limiter=limiter), store),
        idconv=CachingSource(IdConvSource(config, limiter=limiter), store),
        crossref=CachingSource(CrossrefSource(config, limiter=limiter), store),
        ctgov=CachingSource(CtGovSource(config, limiter=limiter), store),
    )


@pytest.mark.parametrize("fault", sorted(FAULTS))
@responses.activate
def test_fault_leaves_everything_unverifiable_and_listed(fault: str, tmp_path: Path) -> None:
    FAULTS[fault]()
    store = LookupStore(tmp_path / "cache.sqlite3")
    sources = _sources(store)
    report = audit_documents([Document.from_text(ARTICLE, path="a.md")], AuditOptions(), sources)
    (document,) = report.documents
    assert document.error is None
    assert len(document.references) == 3
    assert {r.resolution for r in document.references} == {"unverifiable"}, [
        r.resolution for r in document.references
    ]
    kinds = {f.kind for f in document.findings}
    assert not kinds & {FindingKind.NOT_FOUND, FindingKind.TRIAL_NOT_FOUND, FindingKind.UNKNOWN_JOURNAL}
    failed = [f for f in document.findings if f.code in ("U901", "U902")]
    assert failed, [f.code for f in document.findings]
    listed = " ".join(str(f.evidence) + f.message for f in failed)
    for lookup in ("pmid 30700000", "doi 10.1038/s41393-020-0001-1", "pmcid PMC7000001", "nct NCT04567890"):
        assert lookup in listed, (lookup, listed)
    assert report.summary.failed_lookups > 0 and sources.requests > 0
    assert SECRET not in report.model_dump_json()
    assert store.stats()["entries"] == 0  # failures are never cached: the next run asks again
