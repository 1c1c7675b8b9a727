"""A610 in an author-year style: numbers cited to one of two works of the same author and year
(2020a, 2020b) that belong to the other. The works are told apart by author, year and suffix."""

from __future__ import annotations

import pytest
from auditor.claims.extract import extract_claims
from auditor.claims.models import Document
from auditor.references.models import Record
from auditor.references.parse import parse_reference_list

from auditor.checks.abstract_claims import abstract_contradictions
from auditor.checks.registry import CheckContext, ReferenceResolution
from auditor.linking import link_citations

# Our own sentences stating the results of two RECOVERY reports of 2020 (real trials, real numbers).
HYDROXYCHLOROQUINE = (
    "RESULTS: 1561 patients were assigned to hydroxychloroquine and 3155 to usual care. Death within 28 "
    "days occurred in 27.0% and 25.0% (rate ratio, 1.09; 95% CI, 0.97 to 1.23)."
)
LOPINAVIR = (
    "FINDINGS: 1616 patients were allocated to lopinavir-ritonavir and 3424 to usual care. In all, 23% "
    "and 22% died within 28 days (rate ratio 1.03, 95% CI 0.91-1.17)."
)
ENTRIES = {
    # suffixes written in the list
    "written": (
        "Horby, P., Mafham, M., Linsell, L., et al. (2020a). Effect of Hydroxychloroquine in Hospitalized "
        "Patients with Covid-19. N Engl J Med, 383(21), 2030-2040. https://doi.org/10.1056/NEJMoa2022926\n"
        "Horby, P. W., Mafham, M., Bell, J. L., et al. (2020b). Lopinavir-ritonavir in patients admitted to "
        "hospital with COVID-19. Lancet, 396(10259), 1345-1352. https://doi.org/10.1016/S0140-6736(20)32013-4\n"
    ),
    # no suffix in the list: the order of the entries decides
    "ordered": (
        "Horby P, Mafham M, Linsell L, et al. Effect of Hydroxychloroquine in Hospitalized Patients with "
        "Covid-19. N Engl J Med, 2020, 383(21): 2030-2040. DOI: 10.1056/NEJMoa2022926.\n"
        "Horby PW, Mafham M, Bell JL, et al. Lopinavir-ritonavir in patients admitted to hospital with "
        "COVID-19. Lancet, 2020, 396(10259): 1345-1352. DOI: 10.1016/S0140-6736(20)32013-4.\n"
    ),
}


def _findings(body: str, entries: str) -> list:
    text = body + "\n\nReferences\n" + entries
    document = Document.from_text(text)
    claims = tuple(extract_claims(document, body_end=len(body)))
    references = tuple(parse_reference_list(document))
    records = {
        "r1": Record(source="pubmed", id="33031652", pmid="33031652", abstract=HYDROXYCHLOROQUINE, year=2020),
        "r2": Record(source="pubmed", id="33031764", pmid="33031764", abstract=LOPINAVIR, year=2020),
    }
    ctx = CheckContext(
        document=document,
        claims=claims,
        references=references,
        links=dict(link_citations(claims, references)),
        resolutions={k: ReferenceResolution(status="identifier", record=r) for k, r in records.items()},
        online=True,
    )
    return list(abstract_contradictions(ctx))


@pytest.mark.parametrize("entries", ["written", "ordered"])
@pytest.mark.parametrize(
    "body",
    [
        "Hydroxychloroquine did not help: 23% and 22% of patients died within 28 days (Horby et al., 2020a).",
        "Horby等（2020a）报告，羟氯喹组与常规治疗组28天死亡率分别为23%和22%。",
        "Horby等人（2020a）指出，1616例患者接受洛匹那韦，3424例接受常规治疗。",
    ],
)
def test_numbers_of_the_other_work_of_that_year_are_a610(body: str, entries: str) -> None:
    (only,) = _findings(body, ENTRIES[entries])
    assert only.code == "A610" and only.reference_id == "r1"
    assert "2020a" in only.message and "PMID 33031764" in only.message


@pytest.mark.parametrize("entries", ["written", "ordered"])
def test_the_right_work_of_that_year_is_silent(entries: str) -> None:
    body = "Lopinavir did not help: 23% and 22% of patients died within 28 days (Horby et al., 2020b)."
    assert _findings(body, ENTRIES[entries]) == []


def test_a_year_without_suffix_cites_both_works_and_is_not_a_mismatch() -> None:
    body = "In 2020, 23% and 22% of patients died within 28 days (Horby et al., 2020)."
    assert _findings(body, ENTRIES["ordered"]) == []
