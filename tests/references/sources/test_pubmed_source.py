"""PubMedSource against `responses`: efetch, DOI and journal lookups, search, every failure mode."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
import requests
import responses
from auditor.references.http import ServiceConfig
from auditor.references.models import BibliographicQuery, IdKind, LookupStatus, UpdateKind
from auditor.references.ratelimit import NoHostLimiter
from auditor.references.sources.pubmed import PubMedSource

from tests.references.sources.sources_testkit import EUTILS, SECRET, fake_config, fixture_bytes, no_limiter

config = pytest.fixture(fake_config)
limiter = pytest.fixture(no_limiter)

EFETCH = f"{EUTILS}/efetch.fcgi"
ESEARCH = f"{EUTILS}/esearch.fcgi"
ESUMMARY = f"{EUTILS}/esummary.fcgi"
ECITMATCH = f"{EUTILS}/ecitmatch.cgi"
TWO = fixture_bytes("eutils/efetch_30000001_30000002.xml")
BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    b'<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>'
    b"<PubmedArticleSet>&lol2;</PubmedArticleSet>"
)


@pytest.fixture
def source(config: ServiceConfig, limiter: NoHostLimiter) -> PubMedSource:
    return PubMedSource(config, limiter=limiter)


def _form(call: responses.Call) -> dict[str, list[str]]:
    body = call.request.body
    return parse_qs(body if isinstance(body, str) else (body or b"").decode())


@responses.activate
def test_pmids_found_and_not_found(source: PubMedSource) -> None:
    responses.post(EFETCH, body=TWO)
    results = source.lookup_many(IdKind.PMID, ["30000001", "30000002", "30000003"])
    assert results["30000001"].status is LookupStatus.FOUND
    assert results["30000002"].record is not None and results["30000002"].record.year == 1998
    assert results["30000003"].status is LookupStatus.NOT_FOUND
    form = _form(responses.calls[0])
    assert form["id"] == ["30000001,30000002,30000003"]
    assert form["tool"] == ["auditor"] and form["email"] == ["tests@example.org"] and form["db"] == ["pubmed"]
    assert source.requests_made == 1


@responses.activate
def test_retracted_record_fields(source: PubMedSource) -> None:
    responses.post(EFETCH, body=TWO)
    record = source.lookup(IdKind.PMID, "30000001").record
    assert record is not None
    assert record.title == "Effect of compound XY-7 on tumour growth in 120 mice."
    assert record.pmcid == "PMC7000001" and record.doi == "10.5555/jio.2018.0101"
    assert [a.display() for a in record.authors] == ["Zhang W", "Okafor AN", "XY-7 Study Group"]
    assert record.authors[2].collective
    assert record.trial_ids == ["NCT01234567"]
    assert [(u.kind, u.notice_id) for u in record.updates] == [(UpdateKind.RETRACTION, "30000999")]
    assert record.abstract is not None and "54 of 120" in record.abstract
    assert record.journal_abbrev == "J Invent Oncol" and record.pages == "101-9"


@responses.activate
def test_correction_and_concern_are_not_retractions(source: PubMedSource) -> None:
    responses.post(EFETCH, body=TWO)
    record = source.lookup(IdKind.PMID, "30000002").record
    assert record is not None
    kinds = {u.kind for u in record.updates}
    assert kinds == {UpdateKind.CORRECTION, UpdateKind.EXPRESSION_OF_CONCERN}
    assert record.doi == "10.5555/amm.7.55" and record.pmcid is None


@responses.activate
def test_450_pmids_take_exactly_three_posts(source: PubMedSource) -> None:
    responses.post(EFETCH, body=fixture_bytes("eutils/efetch_empty.xml"))
    pmids = [str(40000000 + i) for i in range(450)]
    results = source.lookup_many(IdKind.PMID, pmids)
    assert len(responses.calls) == 3
    sizes = [len(_form(c)["id"][0].split(",")) for c in responses.calls]
    assert sizes == [200, 200, 50]
    assert {r.status for r in results.values()} == {LookupStatus.NOT_FOUND}


@responses.activate
def test_429_with_retry_after_is_retried(source: PubMedSource) -> None:
    responses.post(EFETCH, status=429, headers={"Retry-After": "0"})
    responses.post(EFETCH, body=TWO)
    result = source.lookup(IdKind.PMID, "30000001")
    assert result.status is LookupStatus.FOUND
    assert len(responses.calls) == 2


@responses.activate
def test_5xx_exhausting_retries_is_failed_not_not_found(source: PubMedSource) -> None:
    responses.post(EFETCH, status=500)
    responses.post(EFETCH, status=503)
    result = source.lookup(IdKind.PMID, "30000001")
    assert result.status is LookupStatus.FAILED
    assert result.reason == "PubMed efetch answered HTTP 503 after 4 retries"
    assert len(responses.calls) == 5


@pytest.mark.parametrize(
    ("raised", "reason_part"),
    [
        (requests.exceptions.ConnectTimeout(f"{EFETCH}?api_key={SECRET}"), "timed out"),
        (requests.exceptions.ReadTimeout(f"{EFETCH}?api_key={SECRET}"), "timed out"),
        (requests.exceptions.ConnectionError(f"reset by peer api_key={SECRET}"), "could not be reached"),
        (requests.exceptions.ChunkedEncodingError("truncated"), "truncated"),
        (requests.exceptions.ContentDecodingError("bad gzip"), "could not be decoded"),
    ],
)
@responses.activate
def test_transport_errors_are_failed_without_the_key(
    source: PubMedSource, raised: Exception, reason_part: str
) -> None:
    responses.post(EFETCH, body=raised)
    result = source.lookup(IdKind.PMID, "30000001")
    assert result.status is LookupStatus.FAILED
    assert reason_part in (result.reason or "")
    assert SECRET not in (result.reason or "")


@pytest.mark.parametrize(
    "body",
    [
        TWO[: len(TWO) // 2],  # truncated mid-record
        b"<html><body>Service unavailable</body></html>",
        b"",
        BOMB,
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><PubmedArticleSet>&e;</PubmedArticleSet>',
    ],
    ids=["truncated", "html", "empty", "billion-laughs", "external-entity"],
)
@responses.activate
def test_malformed_xml_is_failed(source: PubMedSource, body: bytes) -> None:
    responses.post(EFETCH, body=body)
    result = source.lookup(IdKind.PMID, "30000001")
    assert result.status is LookupStatus.FAILED
    assert result.reason and "PubMed efetch" in result.reason


@responses.activate
def test_doi_via_esearch_then_efetch(source: PubMedSource) -> None:
    responses.get(ESEARCH, body=fixture_bytes("eutils/esearch_2hits.json"))
    responses.post(EFETCH, body=TWO)
    result = source.lookup(IdKind.DOI, "10.5555/amm.7.55")
    assert result.status is LookupStatus.FOUND
    assert result.record is not None and result.record.pmid == "30000002"  # the hit whose DOI matches
    assert parse_qs(responses.calls[0].request.url.split("?", 1)[1])["term"] == ['"10.5555/amm.7.55"[doi]']


@responses.activate
def test_doi_with_no_hits_is_not_found(source: PubMedSource) -> None:
    responses.get(ESEARCH, body=fixture_bytes("eutils/esearch_zero_hits.json"))
    result = source.lookup(IdKind.DOI, "10.5555/none")
    assert result.status is LookupStatus.NOT_FOUND
    assert len(responses.calls) == 1


@responses.activate
def test_esearch_error_body_with_raw_newline_is_failed(source: PubMedSource) -> None:
    responses.get(ESEARCH, body=fixture_bytes("eutils/esearch_error_raw_newline.txt"))
    result = source.lookup(IdKind.DOI, "10.5555/x")
    assert result.status is LookupStatus.FAILED
    assert result.reason == "malformed JSON from PubMed esearch"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (fixture_bytes("eutils/esearch_zero_hits.json"), LookupStatus.NOT_FOUND),
        (b'{"header":{},"esearchresult":{"ERROR":"Invalid db name"}}', LookupStatus.FAILED),
        (b'{"esearchresult": ', LookupStatus.FAILED),
    ],
)
@responses.activate
def test_journal_lookup_in_nlm_catalog(source: PubMedSource, body: bytes, status: LookupStatus) -> None:
    responses.get(ESEARCH, body=body)
    result = source.lookup(IdKind.JOURNAL, "Journal of Invented Oncology")
    assert result.status is status
    query = parse_qs(responses.calls[0].request.url.split("?", 1)[1])
    assert query["db"] == ["nlmcatalog"]
    assert query["term"] == ['"Journal of Invented Oncology"[Title] OR "Journal of Invented Oncology"[TA]']


CATALOG_HITS = (
    b'{"header":{"type":"esearch","version":"0.3"},"esearchresult":{"count":"2","retmax":"2",'
    b'"retstart":"0","idlist":["9304532","101535822"],"translationset":[],"querytranslation":""}}'
)


@pytest.mark.parametrize(
    ("cited", "status", "nlm_id"),
    [
        ("Stem Cells", LookupStatus.FOUND, "9304532"),
        ("Stem Cells International", LookupStatus.FOUND, "101535822"),
        ("Stem Cells Int", LookupStatus.FOUND, "101535822"),
        # the catalogue answers the phrase with both serials; neither is called this
        ("Stem Cells Reviews", LookupStatus.NOT_FOUND, None),
    ],
)
@responses.activate
def test_catalog_hit_counts_only_when_its_title_is_the_cited_name(
    source: PubMedSource, cited: str, status: LookupStatus, nlm_id: str | None
) -> None:
    responses.get(ESEARCH, body=CATALOG_HITS)
    responses.post(ESUMMARY, body=fixture_bytes("eutils/esummary_nlmcatalog_stem_cells.json"))
    result = source.lookup(IdKind.JOURNAL, cited)
    assert result.status is status
    assert (result.record.id if result.record else None) == nlm_id
    if result.record:
        assert result.record.source == "nlmcatalog" and result.record.url.endswith(nlm_id or "")


@pytest.mark.parametrize("status", [500, 429])
@responses.activate
def test_catalog_summary_failure_is_a_failed_lookup(source: PubMedSource, status: int) -> None:
    responses.get(ESEARCH, body=CATALOG_HITS)
    responses.post(ESUMMARY, status=status, headers={"Retry-After": "0"})
    assert source.lookup(IdKind.JOURNAL, "Stem Cells").status is LookupStatus.FAILED


@responses.activate
def test_search_uses_ecitmatch_and_esearch(source: PubMedSource) -> None:
    responses.get(ECITMATCH, body=fixture_bytes("eutils/ecitmatch_match.txt"))
    responses.get(ESEARCH, body=fixture_bytes("eutils/esearch_2hits.json"))
    responses.post(EFETCH, body=TWO)
    query = BibliographicQuery(
        authors=["Zhang"],
        year=2018,
        journal="J Invent Oncol",
        volume="12",
        first_page="101",
        title="Effect of XY-7",
    )
    result = source.search(query)
    assert result.status is LookupStatus.FOUND
    assert [c.pmid for c in result.candidates] == ["30000001", "30000002"]
    bdata = parse_qs(responses.calls[0].request.url.split("?", 1)[1])["bdata"][0]
    assert bdata == "J Invent Oncol|2018|12|101|Zhang|q|"
    term = parse_qs(responses.calls[1].request.url.split("?", 1)[1])["term"][0]
    assert term == '"Zhang"[au] AND 2018[dp] AND "J Invent Oncol"[ta] AND Effect[ti] AND XY-7[ti]'


@responses.activate
def test_search_without_any_match_is_not_found(source: PubMedSource) -> None:
    responses.get(ECITMATCH, body=fixture_bytes("eutils/ecitmatch_no_match.txt"))
    responses.get(ESEARCH, body=fixture_bytes("eutils/esearch_zero_hits.json"))
    query = BibliographicQuery(journal="J Invent Oncol", year=2018, volume="12", first_page="999")
    result = source.search(query)
    assert result.status is LookupStatus.NOT_FOUND
    assert len(responses.calls) == 2  # ecitmatch (no PMID in the last field), then esearch: no efetch


@responses.activate
def test_search_failure_is_failed(source: PubMedSource) -> None:
    responses.get(ESEARCH, status=502)
    result = source.search(BibliographicQuery(authors=["Wang"], year=2019, title="Outcomes of screening"))
    assert result.status is LookupStatus.FAILED


def test_search_with_nothing_known_sends_nothing(source: PubMedSource) -> None:
    with responses.RequestsMock() as mock:
        result = source.search(BibliographicQuery(title="单一的中文标题"))
        assert result.status is LookupStatus.NOT_FOUND and len(mock.calls) == 0


@responses.activate
def test_env_base_url_honoured_and_key_kept_out_of_reasons(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AUDITOR_EUTILS_URL", "http://fake.test/eutils")
    monkeypatch.setenv("NCBI_API_KEY", SECRET)
    responses.post(EFETCH, status=400)
    source = PubMedSource(ServiceConfig.from_env(backoff_factor=0), limiter=NoHostLimiter())
    result = source.lookup(IdKind.PMID, "30000001")
    assert _form(responses.calls[0])["api_key"] == [SECRET]
    assert result.status is LookupStatus.FAILED and SECRET not in (result.reason or "")


@pytest.mark.parametrize(
    ("kwargs", "statuses"),
    [
        (
            {"body": fixture_bytes("eutils/esummary_30000002_and_missing.json")},
            {"30000002": LookupStatus.FOUND, "39999999": LookupStatus.NOT_FOUND},
        ),
        (
            {"body": fixture_bytes("eutils/esummary_rate_limited.json")},
            {"30000002": LookupStatus.FAILED, "39999999": LookupStatus.FAILED},
        ),
        ({"status": 503}, {"30000002": LookupStatus.FAILED, "39999999": LookupStatus.FAILED}),
    ],
)
@responses.activate
def test_esummary_lookups(source: PubMedSource, kwargs: dict, statuses: dict[str, LookupStatus]) -> None:
    responses.post(f"{EUTILS}/esummary.fcgi", **kwargs)
    results = source.summaries(["30000002", "39999999"])
    assert {k: r.status for k, r in results.items()} == statuses
    if results["30000002"].failed:
        assert "esummary" in (results["30000002"].reason or "")


TRUNCATED_HITS = CATALOG_HITS.replace(b'"count":"2"', b'"count":"40"')


@pytest.mark.parametrize(
    ("answer", "status"),
    [
        (
            {
                "body": b'{"header":{},"esearchresult":{"count":"8123","retmax":"0",'
                b'"retstart":"0","idlist":[]}}'
            },
            LookupStatus.FOUND,
        ),
        (
            {"body": fixture_bytes("eutils/esearch_zero_hits.json")},
            LookupStatus.FAILED,
        ),  # unverifiable, not unknown
        ({"status": 500}, LookupStatus.FAILED),
    ],
)
@responses.activate
def test_truncated_catalog_answer_is_settled_by_pubmeds_journal_field(
    source: PubMedSource, answer: dict, status: LookupStatus
) -> None:
    responses.get(ESEARCH, body=TRUNCATED_HITS)
    responses.post(ESUMMARY, body=fixture_bytes("eutils/esummary_nlmcatalog_stem_cells.json"))
    for _ in range(6 if answer.get("status") == 500 else 1):
        responses.get(ESEARCH, **answer)
    result = source.lookup(IdKind.JOURNAL, "Stem Cells Translational Medicine")
    assert result.status is status
    second = parse_qs(responses.calls[2].request.url.split("?", 1)[1])
    assert second["db"] == ["pubmed"] and second["term"] == ['"Stem Cells Translational Medicine"[ta]']
