"""The parsers and sources against the real recorded responses in ../shared/fixtures/api.

Skipped when ../shared is absent. The files are read in place, never copied into the project.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import responses
from auditor.references.http import ServiceConfig
from auditor.references.models import IdKind, LookupStatus, UpdateKind
from auditor.references.ratelimit import NoHostLimiter
from auditor.references.sources.crossref import CrossrefSource
from auditor.references.sources.ctgov import CtGovSource
from auditor.references.sources.idconv import IdConvSource
from auditor.references.sources.parsing import ParseError
from auditor.references.sources.parsing.eutils_json import parse_ecitmatch, parse_esearch, parse_esummary
from auditor.references.sources.pubmed import PubMedSource

from tests.conftest import API_FIXTURES, needs_api_fixtures
from tests.references.sources.sources_testkit import CROSSREF, CTGOV, EUTILS, IDCONV, fake_config, no_limiter

config = pytest.fixture(fake_config)
limiter = pytest.fixture(no_limiter)

pytestmark = needs_api_fixtures


def real(relative: str) -> bytes:
    """A real recorded body."""
    return (API_FIXTURES / relative).read_bytes()


@pytest.fixture
def pubmed(config: ServiceConfig) -> PubMedSource:
    return PubMedSource(config, limiter=NoHostLimiter())


@responses.activate
def test_retracted_31844417(pubmed: PubMedSource) -> None:
    responses.post(f"{EUTILS}/efetch.fcgi", body=real("eutils/efetch_pubmed_31844417_retracted.xml"))
    record = pubmed.lookup(IdKind.PMID, "31844417").record
    assert record is not None
    assert [(u.kind, u.notice_id) for u in record.updates] == [(UpdateKind.RETRACTION, "40251503")]
    assert record.pmcid == "PMC6894134" and record.doi == "10.1186/s11658-019-0184-7"
    assert (
        record.year == 2019 and record.pages == "66" and "Retracted Publication" in record.publication_types
    )


@responses.activate
def test_trial_article_22663011(pubmed: PubMedSource) -> None:
    responses.post(f"{EUTILS}/efetch.fcgi", body=real("eutils/efetch_pubmed_22663011.xml"))
    record = pubmed.lookup(IdKind.PMID, "22663011").record
    assert record is not None
    assert record.trial_ids == ["NCT01245062"] and record.doi == "10.1056/NEJMoa1203421"
    assert record.journal_abbrev == "N Engl J Med" and record.authors[0].family == "Flaherty"
    assert any(a.collective for a in record.authors) and record.updates == []
    assert record.abstract is not None and record.abstract.startswith("BACKGROUND:")


@responses.activate
def test_two_record_files_in_request_order(pubmed: PubMedSource) -> None:
    responses.post(
        f"{EUTILS}/efetch.fcgi", body=real("eutils/efetch_pubmed_12091962_9997_rettype_abstract.xml")
    )
    results = pubmed.lookup_many(IdKind.PMID, ["12091962", "9997"])
    no_abstract, old = results["12091962"].record, results["9997"].record
    assert no_abstract is not None and no_abstract.abstract is None and no_abstract.doi is None
    assert no_abstract.year == 1990
    assert old is not None and old.year == 1976 and old.doi == "10.1016/0005-2795(76)90109-4"


def test_esearch_esummary_ecitmatch_samples() -> None:
    assert parse_esearch(real("eutils/esearch_pubmed_1hit.json")) == ["18033691"]
    assert len(parse_esearch(real("eutils/esearch_pubmed_count40362_retmax100.json"))) == 100
    with pytest.raises(ParseError):
        parse_esearch(real("eutils/esearch_pubmed_error_retstart_over_9998_invalid_json.txt"))
    summary = parse_esummary(real("eutils/esummary_pubmed_7647779_reserialized.json"))["7647779"]
    assert (
        summary is not None and summary.doi == "10.1038/ng0595-111" and summary.journal_abbrev == "Nat Genet"
    )
    assert parse_esummary(real("eutils/esummary_pubmed_missing_uid_99999999_reserialized.json")) == {
        "99999999": None
    }
    with pytest.raises(ParseError, match="rate limit"):
        parse_esummary(real("eutils/esummary_pubmed_rate_limit_exceeded_redacted.json"))
    assert parse_ecitmatch(real("eutils/ecitmatch_pubmed_response.txt").decode()) == {"citation_1": "2014248"}


@responses.activate
def test_crossref_jclinpath_title_is_clean(config: ServiceConfig) -> None:
    url = f"{CROSSREF}/works/10.1136/jclinpath-2020-206745"
    responses.get(url, body=real("crossref/works_10.1136_jclinpath-2020-206745.json"))
    record = (
        CrossrefSource(config, limiter=NoHostLimiter())
        .lookup(IdKind.DOI, "10.1136/jclinpath-2020-206745")
        .record
    )
    assert record is not None and record.title is not None
    assert "<" not in record.title and "\n" not in record.title and "  " not in record.title
    assert "KRAS/NRAS/EGFR/BRAF/MET" in record.title
    assert record.year == 2020 and record.journal_abbrev == "J Clin Pathol"


@responses.activate
def test_crossref_pone_correction_is_not_a_retraction(config: ServiceConfig) -> None:
    url = f"{CROSSREF}/works/10.1371/journal.pone.0033693"
    responses.get(url, body=real("crossref/works_10.1371_journal.pone.0033693_updated-by_correction.json"))
    record = (
        CrossrefSource(config, limiter=NoHostLimiter())
        .lookup(IdKind.DOI, "10.1371/journal.pone.0033693")
        .record
    )
    assert record is not None
    assert [u.kind for u in record.updates] == [UpdateKind.CORRECTION]


@responses.activate
def test_crossref_esmoopen_trials_and_404(config: ServiceConfig) -> None:
    source = CrossrefSource(config, limiter=NoHostLimiter())
    responses.get(
        f"{CROSSREF}/works/10.1136/esmoopen-2020-000776",
        body=real("crossref/works_10.1136_esmoopen-2020-000776.json"),
    )
    responses.get(
        f"{CROSSREF}/works/10.1371/notarealdoi",
        status=404,
        body=real("crossref/works_404_10.1371_notarealdoi.txt"),
    )
    record = source.lookup(IdKind.DOI, "10.1136/esmoopen-2020-000776").record
    assert (
        record is not None
        and record.trial_ids == ["NCT03797326", "NCT04008797"]
        and record.pages == "e000776"
    )
    assert source.lookup(IdKind.DOI, "10.1371/notarealdoi").status is LookupStatus.NOT_FOUND


@responses.activate
def test_ctgov_alias_and_404(config: ServiceConfig) -> None:
    source = CtGovSource(config, limiter=NoHostLimiter())
    responses.get(
        f"{CTGOV}/studies/NCT07048704",
        body=real("ctgov/study_NCT07048704_alias_served_as_NCT07280598_exact.json"),
    )
    responses.get(f"{CTGOV}/studies/NCT99999999", status=404, body=real("ctgov/study_NCT99999999_404.txt"))
    trial = source.lookup(IdKind.NCT, "NCT07048704").trial
    assert trial is not None and trial.id == "NCT07280598" and trial.aliases == ["NCT07048704"]
    assert source.lookup(IdKind.NCT, "NCT99999999").status is LookupStatus.NOT_FOUND


@responses.activate
def test_ctgov_study_with_collaborator_and_search_pages(config: ServiceConfig) -> None:
    source = CtGovSource(config, limiter=NoHostLimiter())
    responses.get(f"{CTGOV}/studies/NCT00909532", body=real("ctgov/study_NCT00909532_fields_exact.json"))
    trial = source.lookup(IdKind.NCT, "NCT00909532").trial
    assert trial is not None and trial.collaborators == ["Cystic Fibrosis Foundation"]
    assert (trial.enrollment, trial.phases, trial.start_date) == (167, ["PHASE3"], "2009-06")
    for name in sorted(p.name for p in (API_FIXTURES / "ctgov").glob("studies_search_*.json")):
        responses.get(f"{CTGOV}/studies", body=real(f"ctgov/{name}"))
        from auditor.references.models import BibliographicQuery

        result = source.search(BibliographicQuery(free_text="cystic fibrosis"))
        assert result.status in (LookupStatus.FOUND, LookupStatus.NOT_FOUND)
        assert (result.status is LookupStatus.NOT_FOUND) == ("zero_hits" in name)


@responses.activate
def test_idconv_samples(config: ServiceConfig) -> None:
    source = IdConvSource(config, limiter=NoHostLimiter())
    responses.get(IDCONV, body=real("idconv/idconv_api_v1_2026_doi_not_in_pmc_reserialized.json"))
    assert source.lookup(IdKind.DOI, "10.1056/NEJMoa1504720").status is LookupStatus.NOT_FOUND
    responses.replace(
        responses.GET, IDCONV, body=real("idconv/idconv_v1.0_legacy_2022_doi_10.1038_ng.590.json")
    )
    found = source.lookup(IdKind.DOI, "10.1038/ng.590").record
    assert found is not None and (found.pmcid, found.pmid) == ("PMC2883744", "20495566")
    responses.replace(
        responses.GET,
        IDCONV,
        status=404,
        body=real("idconv/idconv_v1.0_legacy_2022_error_404_idtype_mismatch.json"),
    )
    failed = source.lookup(IdKind.DOI, "28371833")
    assert failed.status is LookupStatus.FAILED and "ID type 'doi' mismatch" in (failed.reason or "")


def test_fixture_dir_is_where_conftest_says() -> None:
    assert Path(__file__).resolve().parents[3].parent / "shared" / "fixtures" / "api" == API_FIXTURES
