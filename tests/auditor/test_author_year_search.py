"""Author-year mentions with no reference entry: the search (first author, year, topic words or
journal), which candidate is the work, and the found work becoming the evidence of its sentence.
Real work: Bang OY et al., Ann Neurol 2005;57:874-82 (autologous MSCs in stroke patients)."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
import responses
from auditor.claims.extract import extract_claims
from auditor.claims.models import Claim, ClaimKind, Document
from auditor.references.models import Author, LookupStatus, Record
from auditor.references.sources.fake import InMemorySource
from auditor.references.sources.parsing.queries import pubmed_term
from auditor.references.sources.pubmed import PubMedSource

from auditor.checks.registry import ReferenceResolution
from auditor.evidence import claim_sentences
from auditor.named_studies import StudySearch, author_year_search, best_study, is_the_study
from auditor.resolve import DocumentInputs, Resolver
from auditor.sources import SourceSet
from tests.references.sources.sources_testkit import EUTILS, fake_config, fixture_bytes, no_limiter

BANG = Record(
    source="pubmed",
    id="15929052",
    pmid="15929052",
    doi="10.1002/ana.20501",
    title="Autologous mesenchymal stem cell transplantation in stroke patients.",
    abstract="Patients with cerebral infarcts were randomised; five received intravenous autologous "
    "mesenchymal stem cells and the others served as controls.",
    authors=[Author(family="Bang", given="OY"), Author(family="Lee", given="JS")],
    year=2005,
    journal="Annals of neurology",
    journal_abbrev="Ann Neurol",
    volume="57",
    pages="874-82",
)
ZH = "Bang等人于2005年的研究纳入了缺血性卒中患者，静脉输注自体骨髓来源的MSCs，结果显示安全。"
ZH_HANT = "Bang等人於2005年的研究納入了缺血性卒中患者，靜脈輸注自體骨髓來源的MSCs，結果顯示安全。"
EN = "Bang et al. (2005) gave intravenous autologous mesenchymal cells to stroke patients."


def _mention(text: str) -> tuple[Document, list[Claim], Claim]:
    document = Document.from_text(text)
    claims = extract_claims(document)
    return document, claims, next(c for c in claims if c.kind is ClaimKind.AUTHOR_CITATION)


@pytest.mark.parametrize("text", [ZH, ZH_HANT, EN])
def test_search_by_first_author_year_and_topic(text: str) -> None:
    _, _, claim = _mention(text)
    search = author_year_search(claim, text)
    assert search is not None and search.first_author == "Bang"
    assert search.query.year == 2005 and search.query.journal is None
    assert len(search.concepts) >= 2
    term = pubmed_term(search.query) or ""
    assert '"Bang"[au]' in term and "2005[dp]" in term and "[tiab]" in term


@pytest.mark.parametrize(
    "text",
    [
        "Bang等人于2005年的研究显示结果安全。",  # no topic: author and year alone are not searched
        "Bang等人于2005年的研究纳入了卒中患者。",  # one concept only: nothing could be accepted
    ],
)
def test_too_little_is_not_searched(text: str) -> None:
    _, _, claim = _mention(text)
    assert author_year_search(claim, text) is None


def _search() -> StudySearch:
    _, _, claim = _mention(ZH)
    search = author_year_search(claim, ZH)
    assert search is not None
    return search


@pytest.mark.parametrize(
    ("update", "accepted"),
    [
        ({}, True),
        ({"authors": [Author(family="Lee", given="JS")]}, False),  # another first author
        ({"year": 2006}, False),  # year must agree exactly
        ({"title": "Autologous cell transplantation.", "abstract": None}, False),  # one concept
    ],
)
def test_candidate_needs_surname_same_year_and_two_concepts(update: dict, accepted: bool) -> None:
    assert is_the_study(_search(), BANG.model_copy(update=update)) is accepted


def test_journal_named_is_enough_with_author_and_year() -> None:
    _, _, mention = _mention(ZH)
    normalized = {**mention.normalized, "journal": "Annals of Neurology"}
    claim = mention.model_copy(update={"normalized": normalized})
    search = author_year_search(claim, "Bang等人于2005年的研究显示结果安全。")
    assert search is not None and search.query.journal == "Annals of Neurology"
    assert search.query.topic == []  # author, year and journal are specific enough
    bare = BANG.model_copy(update={"abstract": None, "title": "A report."})
    assert is_the_study(search, bare)
    assert not is_the_study(search, bare.model_copy(update={"journal": "Stroke", "journal_abbrev": "Stroke"}))


def test_found_work_is_the_evidence_of_its_sentence() -> None:
    document, claims, claim = _mention(ZH)
    pubmed = InMemorySource("pubmed", search_index=[BANG])
    (res,) = Resolver(SourceSet(pubmed=pubmed, crossref=InMemorySource("crossref"))).resolve(
        [DocumentInputs(document, tuple(claims), (), {})]
    )
    resolution = res.resolutions[claim.id]
    assert isinstance(resolution, ReferenceResolution)
    assert resolution.status == "matched" and resolution.record is not None
    assert resolution.record.pmid == "15929052"
    (sentence,) = claim_sentences(document, claims, {}, res.resolutions)
    assert claim.id in sentence.evidence_ids


def test_other_authors_work_is_not_accepted() -> None:
    other = BANG.model_copy(update={"authors": [Author(family="Kim", given="S")]})
    assert best_study(_search(), [other]) is None


@responses.activate
def test_pubmed_search_of_a_mention_and_rejection_of_other_authors() -> None:
    """esearch gets [au]/[dp]/[tiab]; the hits (other first authors, other years) are not accepted."""
    responses.get(f"{EUTILS}/esearch.fcgi", body=fixture_bytes("eutils/esearch_2hits.json"))
    responses.post(f"{EUTILS}/efetch.fcgi", body=fixture_bytes("eutils/efetch_30000001_30000002.xml"))
    search = _search()
    result = PubMedSource(fake_config(), limiter=no_limiter()).search(search.query)
    assert result.status is LookupStatus.FOUND and result.candidates
    term = parse_qs(responses.calls[0].request.url.split("?", 1)[1])["term"][0]
    assert term.startswith('"Bang"[au] AND 2005[dp] AND (') and '"autologous"[tiab]' in term
    assert best_study(search, list(result.candidates)) is None
