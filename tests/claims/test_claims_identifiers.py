"""Trial IDs, DOIs, PMIDs, PMCIDs and URLs."""

from __future__ import annotations

from typing import Any

import pytest
from auditor.claims.models import ClaimKind
from claimtest_helpers import extract, of_kind


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


# ------------------------------------------------ attempts at identifiers, well formed or not


@pytest.mark.parametrize(
    ("text", "quoted", "doi"),
    [
        ("doi:10.1056NEJMoa2022190 was printed", "doi:10.1056NEJMoa2022190", "10.1056nejmoa2022190"),
        ("DOI：1O.1126/science.1099314。", "DOI:1O.1126/science.1099314", "1o.1126/science.1099314"),
        ("doi: 10,1056/NEJMoa1706198.", "doi: 10,1056/NEJMoa1706198", "10,1056/nejmoa1706198"),
        ("全文見 doi: 10./nature02446。", "doi: 10./nature02446", "10./nature02446"),
        ("doi.org/10.1056-NEJMoa2031994 (print)", "doi.org/10.1056-NEJMoa2031994", "10.1056-nejmoa2031994"),
        ("see https://doi.org/10.1038, now", "https://doi.org/10.1038", "10.1038"),
        ("DOI: 10.1016.j.cell.2011.02.01、", "DOI: 10.1016.j.cell.2011.02.01", "10.1016.j.cell.2011.02.01"),
    ],
)
def test_labelled_malformed_dois_are_kept(text: str, quoted: str, doi: str) -> None:
    found = [(c.text, c.normalized) for c in of_kind(text, ClaimKind.DOI)]
    assert [(q.replace("：", ":"), n) for q, n in found] == [(quoted, {"doi": doi})]


@pytest.mark.parametrize(
    ("text", "doi"),
    [
        ("Lancet. 2020;395:497-506. doi:10.1016/S0140-6736(20)30183-5.", "10.1016/s0140-6736(20)30183-5"),
        ("N Engl J Med (doi:10.1056/NEJMoa2021436)", "10.1056/nejmoa2021436"),
        ("[doi: 10.1038/nature12373]", "10.1038/nature12373"),
        ("发表于Nature，DOI：10.1038/s41586-020-2012-7。", "10.1038/s41586-020-2012-7"),
        ("https://doi.org/10.1126/science.abb2507).", "10.1126/science.abb2507"),
        ("http://dx.doi.org/10.1002%2Fsim.1186 here", "10.1002%2fsim.1186"),
    ],
)
def test_well_formed_dois_with_punctuation_and_prefixes(text: str, doi: str) -> None:
    assert [c.normalized["doi"] for c in of_kind(text, ClaimKind.DOI)] == [doi]


@pytest.mark.parametrize(
    ("text", "kind", "payload"),
    [
        ("PMID: 2909155701.", "pmid", {"pmid": "2909155701"}),
        ("PMID：0，", "pmid", {"pmid": "0"}),
        ("PMCID: PMCA5996391", "pmcid", {"pmcid": "PMCA5996391"}),
        ("PMCID：PMC10-447226 全文", "pmcid", {"pmcid": "PMC10-447226"}),
        ("印成了PMCID: PMC、", "pmcid", {"pmcid": "PMC"}),
        ("印成了PMC-445566、", "pmcid", {"pmcid": "PMC-445566"}),
        ("PMCID: 7092803.", "pmcid", {"pmcid": "PMC7092803"}),
    ],
)
def test_labelled_pmids_and_pmcids(text: str, kind: str, payload: dict[str, str]) -> None:
    assert [(c.kind.value, c.normalized) for c in extract(text)] == [(kind, payload)]


@pytest.mark.parametrize(
    ("text", "quoted", "issn", "label"),
    [
        ("Nature (ISSN 0028-0836) published", "ISSN 0028-0836", "0028-0836", "ISSN"),
        ("eISSN 1476-4687.", "eISSN 1476-4687", "1476-4687", "eISSN"),
        ("p-ISSN: 0140-6736;", "p-ISSN: 0140-6736", "0140-6736", "p-ISSN"),
        ("《科学通报》（ISSN：0023-074x）", "ISSN：0023-074x", "0023-074X", "ISSN"),
        ("ISSN (Print) 0009-7322", "ISSN (Print) 0009-7322", "0009-7322", "ISSN (Print)"),
        ("期刊編號ISSN 00280836。", "ISSN 00280836", "0028-0836", "ISSN"),
    ],
)
def test_issns(text: str, quoted: str, issn: str, label: str) -> None:
    found = of_kind(text, ClaimKind.ISSN)
    assert [(c.text, c.normalized) for c in found] == [(quoted, {"issn": issn, "label": label})]
    assert of_kind(text, ClaimKind.COUNT) == [] and of_kind(text, ClaimKind.QUANTITY) == []


@pytest.mark.parametrize(
    "text",
    [
        "PMCA4 is a calcium pump",
        "the 1234-5678 range",
        "ISSN pending",
        "ISSN 0028-08361",
        "MISSN 0028-0836",
        "doi 10 patients",
        "registered in ChiCTR (www.chictr.org.cn)",
        "ISRCTN registry",
        "CTR 2021",
        "EudraCT",
    ],
)
def test_look_alikes_are_not_identifiers(text: str) -> None:
    kinds = {ClaimKind.DOI, ClaimKind.PMID, ClaimKind.PMCID, ClaimKind.ISSN, ClaimKind.TRIAL_ID}
    assert [c for c in extract(text) if c.kind in kinds] == []


@pytest.mark.parametrize(
    ("text", "registry", "canonical"),
    [
        ("印成ChiCTR20000，", "ChiCTR", "ChiCTR20000"),
        ("listed as ChiCTR-TRC-1200, and", "ChiCTR", "ChiCTR-TRC-1200"),
        ("寫成ISRCTN1063，", "ISRCTN", "ISRCTN1063"),
        ("gave EudraCT 2017-00335-38, which", "EudraCT", "2017-00335-38"),
        ("EudraCT number: 2004-004386-19.", "EudraCT", "2004-004386-19"),
        ("ACTRN1262000044597 was", "ANZCTR", "ACTRN1262000044597"),
        ("CTRI/2020/05/02511 was", "CTRI", "CTRI/2020/05/02511"),
        ("DRKS0002123 was", "DRKS", "DRKS0002123"),
        ("KCT000515 was", "CRIS", "KCT000515"),
        ("NCT 0445、", "ClinicalTrials.gov", "NCT0445"),
        ("jRCTs031180356 was", "jRCT", "jRCTs031180356"),
    ],
)
def test_attempts_at_registry_numbers(text: str, registry: str, canonical: str) -> None:
    found = of_kind(text, ClaimKind.TRIAL_ID)
    assert [c.normalized for c in found] == [{"registry": registry, "id": canonical}]
