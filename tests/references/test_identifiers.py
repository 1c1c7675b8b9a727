"""Identifier normalisers, registry patterns, ISSN check digits and identifiers carried by URLs."""

from __future__ import annotations

import pytest
from auditor.references.identifiers import (
    ids_from_url,
    is_malformed_nct,
    is_short_doi,
    is_valid_doi,
    issn_check_digit_ok,
    normalize_doi,
    normalize_nct,
    normalize_pmcid,
    normalize_pmid,
    registry_url,
    trial_registry_of,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("10.1000/ABC.123", "10.1000/abc.123"),
        ("https://doi.org/10.3390/ijms99990001", "10.3390/ijms99990001"),
        ("http://dx.doi.org/10.1016/j.cell.2020.01.001", "10.1016/j.cell.2020.01.001"),
        ("doi:10.1056/NEJMoa000001.", "10.1056/nejmoa000001"),
        ("DOI: 10.1097/XYZ.0000000000000001", "10.1097/xyz.0000000000000001"),
        ("10.1000/abc-1;", "10.1000/abc-1"),
        ("10.1000/abc-1。", "10.1000/abc-1"),
        ("10.1000/abc-1，", "10.1000/abc-1"),
        ("10.1002/(SICI)1097-0258(19980815)17:15<1661::AID>3.0.CO;2-2",
         "10.1002/(sici)1097-0258(19980815)17:15<1661::aid>3.0.co;2-2"),
        ("(10.1000/xyz)", None),  # leading paren: not a DOI as given
        ("10.1000/xyz)", "10.1000/xyz"),
        ("10.12/abc", None),  # registrant code too short
        ("11.1000/abc", None),
        ("10.1000/", None),
        ("not a doi", None),
        ("10/dvq", "10/dvq"),  # shortDOI aliases (shortdoi.org)
        ("https://doi.org/10/G8R7PM", "10/g8r7pm"),
        ("doi:10/aabbe.", "10/aabbe"),
        ("10/12", None),  # a fraction, not an alias
        ("10/", None),
        ("10/abc-def", None),
        ("10/abcdefghijklmnop", None),
    ],
)
def test_normalize_doi(raw: str, expected: str | None) -> None:
    assert normalize_doi(raw) == expected
    assert is_valid_doi(raw) is (expected is not None)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("12345678", "12345678"), ("PMID: 30100000", "30100000"), ("pmid 42", "42"), ("00123", "123"),
     ("123456789", None), ("0", None), ("12a", None), ("", None)],
)
def test_normalize_pmid(raw: str, expected: str | None) -> None:
    assert normalize_pmid(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("PMC3753739", "PMC3753739"), ("pmc 123", "PMC123"), ("PMC", None), ("3753739", None), ("PMC12x", None)],
)
def test_normalize_pmcid(raw: str, expected: str | None) -> None:
    assert normalize_pmcid(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected", "malformed"),
    [("NCT01234567", "NCT01234567", False), ("nct01234567", "NCT01234567", False),
     ("NCT0123456", None, True), ("NCT012345678", None, True), ("ISRCTN12345678", None, False)],
)
def test_normalize_nct(raw: str, expected: str | None, malformed: bool) -> None:
    assert normalize_nct(raw) == expected
    assert is_malformed_nct(raw) is malformed


@pytest.mark.parametrize(
    ("trial_id", "registry"),
    [
        ("NCT01234567", "ClinicalTrials.gov"),
        ("ChiCTR2000031234", "ChiCTR"),
        ("ChiCTR-TRC-12002345", "ChiCTR"),
        ("CTR20221234", "CTR"),
        ("ISRCTN12345678", "ISRCTN"),
        ("2004-000123-45", "EudraCT"),
        ("ACTRN12610000123456", "ANZCTR"),
        ("jRCT2031200123", "jRCT"),
        ("jRCTs031180001", "jRCT"),
        ("CTRI/2020/05/025000", "CTRI"),
        ("DRKS00012345", "DRKS"),
        ("KCT0001234", "CRIS"),
        ("UMIN000012345", "UMIN"),
        ("NCT123", None),
        ("CTR123", None),
        ("ISRCTN1234", None),
        ("hello", None),
    ],
)
def test_trial_registry_of(trial_id: str, registry: str | None) -> None:
    assert trial_registry_of(trial_id) == registry


@pytest.mark.parametrize(
    ("registry", "trial_id", "url"),
    [
        ("ClinicalTrials.gov", "NCT01234567", "https://clinicaltrials.gov/study/NCT01234567"),
        (None, "NCT01234567", "https://clinicaltrials.gov/study/NCT01234567"),
        ("NCT", "NCT01234567", "https://clinicaltrials.gov/study/NCT01234567"),
        ("ChiCTR", "ChiCTR2000031234", "https://www.chictr.org.cn/searchprojEN.html?regno=ChiCTR2000031234"),
        ("ISRCTN", "ISRCTN12345678", "https://www.isrctn.com/ISRCTN12345678"),
        ("EudraCT", "EudraCT 2004-000123-45",
         "https://www.clinicaltrialsregister.eu/ctr-search/search?query=2004-000123-45"),
        ("ACTRN", "ACTRN12610000123456", "https://www.anzctr.org.au/ACTRN12610000123456.aspx"),
        ("jRCT", "jRCT2031200123", "https://jrct.niph.go.jp/en-latest-detail/jRCT2031200123"),
        (None, "CTRI/2020/05/025000", None),
        ("nowhere", "X1", None),
    ],
)
def test_registry_url(registry: str | None, trial_id: str, url: str | None) -> None:
    assert registry_url(registry, trial_id) == url


def test_registry_url_for_china_drug_trials_names_the_id() -> None:
    url = registry_url("CTR", "CTR20221234")
    assert url is not None and url.startswith("http://www.chinadrugtrials.org.cn/") and "CTR20221234" in url


@pytest.mark.parametrize(
    ("issn", "ok"),
    [("0028-0836", True), ("2041-1723", True), ("0000-006X", True), ("0028-0837", False),
     ("1234-567", False), ("abcd-efgh", False), ("0000-006x", True)],
)
def test_issn_check_digit(issn: str, ok: bool) -> None:
    assert issn_check_digit_ok(issn) is ok


@pytest.mark.parametrize(
    ("url", "ids"),
    [
        ("https://pubmed.ncbi.nlm.nih.gov/30100000/", {"pmid": "30100000"}),
        ("https://www.ncbi.nlm.nih.gov/pubmed/12345", {"pmid": "12345"}),
        ("https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1234567/", {"pmcid": "PMC1234567"}),
        ("https://pmc.ncbi.nlm.nih.gov/articles/PMC7654321/", {"pmcid": "PMC7654321"}),
        ("https://doi.org/10.3390/ijms99990001", {"doi": "10.3390/ijms99990001"}),
        ("http://dx.doi.org/10.1000/ABC", {"doi": "10.1000/abc"}),
        ("https://doi.org/10/dvq", {"doi": "10/dvq"}),
        ("https://journals.example.com/doi/full/10.1002/abc.18-0001", {"doi": "10.1002/abc.18-0001"}),
        ("https://journals.example.com/doi/pdf/10.1002/abc.1", {"doi": "10.1002/abc.1"}),
        ("https://journals.example.com/doi/abs/10.1002/abc.2", {"doi": "10.1002/abc.2"}),
        ("https://clinicaltrials.gov/ct2/show/NCT01234567", {"nct": "NCT01234567"}),
        ("https://clinicaltrials.gov/study/NCT01234567?tab=results", {"nct": "NCT01234567"}),
        ("https://clinicaltrials.gov/study/NCT0123", {}),
        ("https://www.ncbi.nlm.nih.gov/pubmed", {}),
        ("https://example.com/post/12345", {}),
        ("https://link.springer.com/article/10.1007/s00001-019-0001-2",
         {"doi": "10.1007/s00001-019-0001-2"}),
        ("https://www.frontiersin.org/articles/10.3389/fmed.2018.00001/full",
         {"doi": "10.3389/fmed.2018.00001"}),
        ("https://europepmc.org/article/MED/30100001", {"pmid": "30100001"}),
        ("https://europepmc.org/article/PMC/PMC7000001", {"pmcid": "PMC7000001"}),
        ("https://example.com/articles/12345", {}),
        ("https://example.com/pubmed/12345", {}),
    ],
)
def test_ids_from_url(url: str, ids: dict[str, str]) -> None:
    assert ids_from_url(url) == ids


def test_short_doi_is_told_from_a_full_doi() -> None:
    assert is_short_doi("10/dvq")
    assert not is_short_doi("10.1093/hmg/ddp202")
    assert not is_short_doi(None)
