"""Trial IDs, DOIs, PMIDs, PMCIDs and URLs."""

from __future__ import annotations

from typing import Any

import pytest
from claimtest_helpers import extract

from claims.models import ClaimKind


def _found(text: str) -> list[tuple[str, str, dict[str, Any]]]:
    return [(c.kind.value, c.text, c.normalized) for c in extract(text)]


@pytest.mark.parametrize(
    ("text", "quoted", "registry", "canonical"),
    [
        ("临床试验(NCT01234567)正在招募", "NCT01234567", "ClinicalTrials.gov", "NCT01234567"),
        ("registered as NCT 01234567.", "NCT 01234567", "ClinicalTrials.gov", "NCT01234567"),
        ("编号NCT0123456有误", "NCT0123456", "ClinicalTrials.gov", "NCT0123456"),
        ("編號NCT012345678有誤", "NCT012345678", "ClinicalTrials.gov", "NCT012345678"),
        ("注册号ChiCTR2100012345。", "ChiCTR2100012345", "ChiCTR", "ChiCTR2100012345"),
        ("注册号ChiCTR-IOR-15006789。", "ChiCTR-IOR-15006789", "ChiCTR", "ChiCTR-IOR-15006789"),
        ("药物临床试验登记号CTR20211234", "CTR20211234", "CTR", "CTR20211234"),
        ("ISRCTN87654321 trial", "ISRCTN87654321", "ISRCTN", "ISRCTN87654321"),
        ("EudraCT 2010-012345-67", "2010-012345-67", "EudraCT", "2010-012345-67"),
        ("ACTRN12619000123456", "ACTRN12619000123456", "ANZCTR", "ACTRN12619000123456"),
        ("jRCTb030190001", "jRCTb030190001", "jRCT", "jRCTb030190001"),
        ("CTRI/2019/05/019876", "CTRI/2019/05/019876", "CTRI", "CTRI/2019/05/019876"),
        ("DRKS00098765", "DRKS00098765", "DRKS", "DRKS00098765"),
        ("KCT0004321", "KCT0004321", "CRIS", "KCT0004321"),
    ],
)
def test_trial_ids(text: str, quoted: str, registry: str, canonical: str) -> None:
    assert _found(text) == [("trial_id", quoted, {"registry": registry, "id": canonical})]


@pytest.mark.parametrize("text", ["NCTX1234567", "XNCT01234567", "CTR2021", "ABCTR20211234", "2010-01-02"])
def test_trial_id_look_alikes(text: str) -> None:
    assert [c for c in extract(text) if c.kind is ClaimKind.TRIAL_ID] == []


@pytest.mark.parametrize(
    ("text", "quoted", "doi"),
    [
        ("见 10.1000/abc.123。", "10.1000/abc.123", "10.1000/abc.123"),
        ("doi:10.1000/ABC-9.", "doi:10.1000/ABC-9", "10.1000/abc-9"),
        ("DOI: 10.1000/xyz;", "DOI: 10.1000/xyz", "10.1000/xyz"),
        ("https://doi.org/10.1000/Q.7,", "https://doi.org/10.1000/Q.7", "10.1000/q.7"),
        ("(10.1000/s1-2(19)30-4)", "10.1000/s1-2(19)30-4", "10.1000/s1-2(19)30-4"),
        ("全文10.1000/a/b）。", "10.1000/a/b", "10.1000/a/b"),
    ],
)
def test_dois(text: str, quoted: str, doi: str) -> None:
    assert _found(text) == [("doi", quoted, {"doi": doi})]


@pytest.mark.parametrize(
    ("text", "kind", "quoted", "payload"),
    [
        ("PMID: 11223344", "pmid", "PMID: 11223344", {"pmid": "11223344"}),
        ("PMID 998877.", "pmid", "PMID 998877", {"pmid": "998877"}),
        (
            "见https://pubmed.ncbi.nlm.nih.gov/11223344/。",
            "pmid",
            "https://pubmed.ncbi.nlm.nih.gov/11223344/",
            {"pmid": "11223344"},
        ),
        (
            "pubmed.ncbi.nlm.nih.gov/11223344/ 中",
            "pmid",
            "pubmed.ncbi.nlm.nih.gov/11223344/",
            {"pmid": "11223344"},
        ),
        ("www.ncbi.nlm.nih.gov/pubmed/5566", "pmid", "www.ncbi.nlm.nih.gov/pubmed/5566", {"pmid": "5566"}),
        ("PMC1234567 全文", "pmcid", "PMC1234567", {"pmcid": "PMC1234567"}),
        (
            "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1234567/",
            "pmcid",
            "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1234567/",
            {"pmcid": "PMC1234567"},
        ),
        (
            "网站https://example.org/a?b=1。",
            "url",
            "https://example.org/a?b=1",
            {"url": "https://example.org/a?b=1"},
        ),
        ("(see www.example.com/x).", "url", "www.example.com/x", {"url": "www.example.com/x"}),
        (
            "https://example.org/pubmed）上检索",
            "url",
            "https://example.org/pubmed",
            {"url": "https://example.org/pubmed"},
        ),
    ],
)
def test_pubmed_pmc_and_urls(text: str, kind: str, quoted: str, payload: dict[str, str]) -> None:
    assert _found(text) == [(kind, quoted, payload)]


def test_trial_url_gives_url_and_trial_id() -> None:
    found = _found("https://clinicaltrials.gov/study/NCT01234567")
    assert [kind for kind, _, _ in found] == ["url", "trial_id"]


def test_numbers_inside_identifiers_are_not_number_claims() -> None:
    text = "https://example.org/2020/01/50%25 and doi:10.1000/j.2020.12/3"
    kinds = {c.kind for c in extract(text)}
    assert kinds == {ClaimKind.URL, ClaimKind.DOI}


@pytest.mark.parametrize(
    ("text", "kind", "quoted", "payload"),
    [
        ("补充材料写作PMC12AB，", "pmcid", "PMC12AB", {"pmcid": "PMC12AB"}),
        ("數據集寫作doi: 10.12/data-set。", "doi", "doi: 10.12/data-set", {"doi": "10.12/data-set"}),
    ],
)
def test_malformed_identifiers_are_kept_for_the_checks(
    text: str, kind: str, quoted: str, payload: dict
) -> None:
    assert _found(text) == [(kind, quoted, payload)]


@pytest.mark.parametrize("text", ["比值为10.12/3", "PMCID: none", "PMCs"])
def test_short_prefix_without_label_or_pmc_word_is_nothing(text: str) -> None:
    assert _found(text) == []
