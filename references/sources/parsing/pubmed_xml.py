"""EFetch db=pubmed retmode=xml → `Record`s (paths per ../shared/fixtures/api/README.md §2.1).

Parsed with defusedxml: entity expansion (billion laughs) and external entities raise, and the
caller reports a FAILED lookup instead of crashing or exhausting memory.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element
from xml.etree.ElementTree import ParseError as XmlParseError

from auditor.references.models import Author, Record, Update, UpdateKind
from auditor.references.sources.parsing import ParseError, collapse_space
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

UPDATE_OF_REFTYPE = {
    "RetractionIn": UpdateKind.RETRACTION,
    "ExpressionOfConcernIn": UpdateKind.EXPRESSION_OF_CONCERN,
    "ErratumIn": UpdateKind.CORRECTION,
    "CorrectedandRepublishedIn": UpdateKind.CORRECTION,
    "RetractedandRepublishedIn": UpdateKind.RETRACTION,
}
RETRACTED_TYPE = "Retracted Publication"
TRIAL_BANKS = frozenset({"ClinicalTrials.gov", "ISRCTN", "ChiCTR", "ANZCTR", "EudraCT", "CTRI", "DRKS"})
_YEAR = re.compile(r"(1[89]\d\d|20\d\d)")


def parse_xml(body: bytes | str, what: str) -> Element:
    """The root element of a body, refusing entity tricks; ParseError when malformed."""
    try:
        return fromstring(body)
    except DefusedXmlException:
        raise ParseError(f"{what} sent XML with forbidden entity declarations") from None
    except (XmlParseError, ValueError, RecursionError):
        raise ParseError(f"malformed XML from {what}") from None


def parse_efetch(body: bytes | str) -> dict[str, Record]:
    """All PubmedArticle records of an efetch answer, keyed by PMID."""
    root = parse_xml(body, "PubMed efetch")
    if root.tag != "PubmedArticleSet":
        raise ParseError(f"PubMed efetch sent <{root.tag[:40]}> instead of a PubmedArticleSet")
    try:
        found = [record_of_article(article) for article in root.findall("PubmedArticle")]
    except RecursionError:  # absurdly deep inline markup
        raise ParseError("PubMed efetch sent XML nested too deeply to read") from None
    return {record.id: record for record in found if record is not None}


def _text(element: Element | None) -> str | None:
    """All text of an element, inline markup (<i>, <sup>…) flattened; None when empty."""
    return None if element is None else collapse_space("".join(element.itertext()))


def record_of_article(article: Element) -> Record | None:
    """One PubmedArticle → Record (None when it has no PMID)."""
    citation = article.find("MedlineCitation")
    pmid = _text(citation.find("PMID")) if citation is not None else None
    if citation is None or not pmid:
        return None
    art = citation.find("Article")
    if art is None:
        art = Element("Article")
    types = [t for t in (_text(e) for e in art.findall("PublicationTypeList/PublicationType")) if t]
    ids = _article_ids(article)
    return Record(
        source="pubmed",
        id=pmid,
        pmid=pmid,
        title=_text(art.find("ArticleTitle")) or _text(art.find("VernacularTitle")),
        authors=_authors(art),
        year=_year(art),
        journal=_text(art.find("Journal/Title")),
        journal_abbrev=_text(art.find("Journal/ISOAbbreviation"))
        or _text(citation.find("MedlineJournalInfo/MedlineTA")),
        volume=_text(art.find("Journal/JournalIssue/Volume")),
        issue=_text(art.find("Journal/JournalIssue/Issue")),
        pages=_text(art.find("Pagination/MedlinePgn")),
        doi=ids.get("doi") or _elocation_doi(art),
        pmcid=ids.get("pmc"),
        issn=_issns(art, citation),
        publication_types=types,
        updates=_updates(citation, types),
        abstract=_abstract(art),
        trial_ids=_trial_ids(art),
        url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/",
    )


def _authors(art: Element) -> list[Author]:
    authors: list[Author] = []
    for author in art.findall("AuthorList/Author"):
        collective = _text(author.find("CollectiveName"))
        if collective:
            authors.append(Author(family=collective, collective=True))
            continue
        family = _text(author.find("LastName"))
        if family:
            given = _text(author.find("Initials")) or _text(author.find("ForeName")) or ""
            authors.append(Author(family=family, given=given))
    return authors


def _year(art: Element) -> int | None:
    pub_date = art.find("Journal/JournalIssue/PubDate")
    candidates = (
        [] if pub_date is None else [_text(pub_date.find("Year")), _text(pub_date.find("MedlineDate"))]
    )
    candidates.append(_text(art.find("ArticleDate/Year")))
    for candidate in candidates:
        match = _YEAR.search(candidate or "")
        if match:
            return int(match.group(1))
    return None


def _article_ids(article: Element) -> dict[str, str]:
    """Record-level IDs (PubmedData/ArticleIdList only: the ReferenceList has its own lists)."""
    ids: dict[str, str] = {}
    for element in article.findall("PubmedData/ArticleIdList/ArticleId"):
        kind, value = element.get("IdType", ""), _text(element)
        if value and kind not in ids:
            ids[kind] = value
    return ids


def _elocation_doi(art: Element) -> str | None:
    for element in art.findall("ELocationID"):
        if element.get("EIdType") == "doi" and element.get("ValidYN", "Y") == "Y":
            return _text(element)
    return None


def _issns(art: Element, citation: Element) -> list[str]:
    found = [_text(e) for e in art.findall("Journal/ISSN")]
    found.append(_text(citation.find("MedlineJournalInfo/ISSNLinking")))
    return list(dict.fromkeys(issn for issn in found if issn))


def _updates(citation: Element, types: list[str]) -> list[Update]:
    updates: list[Update] = []
    for link in citation.findall("CommentsCorrectionsList/CommentsCorrections"):
        kind = UPDATE_OF_REFTYPE.get(link.get("RefType", ""))
        if kind is not None:
            notice = _text(link.find("PMID"))
            updates.append(
                Update(kind=kind, notice_id=notice, label=_text(link.find("RefSource")), source="pubmed")
            )
    retracted = any(u.kind is UpdateKind.RETRACTION for u in updates)
    if RETRACTED_TYPE in types and not retracted:
        updates.append(Update(kind=UpdateKind.RETRACTION, label=RETRACTED_TYPE, source="pubmed"))
    return updates


def _abstract(art: Element) -> str | None:
    parts: list[str] = []
    for section in art.findall("Abstract/AbstractText"):
        text = _text(section)
        if text:
            label = section.get("Label")
            parts.append(f"{label}: {text}" if label else text)
    return "\n".join(parts) or None


def _trial_ids(art: Element) -> list[str]:
    ids: list[str] = []
    for bank in art.findall("DataBankList/DataBank"):
        if _text(bank.find("DataBankName")) in TRIAL_BANKS:
            ids.extend(
                t.upper()
                for t in (_text(e) for e in bank.findall("AccessionNumberList/AccessionNumber"))
                if t
            )
    return list(dict.fromkeys(ids))
