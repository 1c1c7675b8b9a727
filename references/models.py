"""References, metadata records and lookup results: the data of the `references` layer."""

from __future__ import annotations

from enum import Enum
from typing import Any

from auditor.claims.models import Span
from pydantic import BaseModel, ConfigDict, Field


class Author(BaseModel):
    """A person (or group) as cited or as recorded."""

    model_config = ConfigDict(frozen=True)

    family: str
    given: str = ""  # given names or initials, as written
    collective: bool = False

    def display(self) -> str:
        """"Family G" style, as PubMed shows names."""
        return f"{self.family} {self.given}".strip()


class ParsedReference(BaseModel):
    """Fields parsed out of one reference entry; every field is optional."""

    model_config = ConfigDict(frozen=True)

    authors: list[Author] = Field(default_factory=list)
    year: int | None = None
    title: str | None = None
    journal: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    url: str | None = None
    urls: list[str] = Field(default_factory=list)
    issn: str | None = None
    nct: str | None = None
    # True when title/journal are not in Latin script (e.g. Chinese translations of English ones).
    translated: bool = False


class Reference(BaseModel):
    """One entry of a reference list, from the article itself or from --references."""

    model_config = ConfigDict(frozen=True)

    id: str  # "r1", "r2", … in list order
    label: str | None = None  # the entry's own number/key as written: "1", "Smith2019", None
    text: str
    span: Span | None = None  # None for entries read from a --references file
    origin: str = "article"  # "article" or the path of the references file
    parsed: ParsedReference = Field(default_factory=ParsedReference)


class IdKind(str, Enum):
    """Kinds of identifiers a metadata source can look up."""

    PMID = "pmid"
    PMCID = "pmcid"
    DOI = "doi"
    NCT = "nct"
    JOURNAL = "journal"  # a journal title, looked up in a catalogue (NLM Catalog, Crossref)


class UpdateKind(str, Enum):
    """Post-publication notices attached to a work. Only RETRACTION means retracted."""

    RETRACTION = "retraction"
    EXPRESSION_OF_CONCERN = "expression_of_concern"
    CORRECTION = "correction"  # errata and corrigenda
    WITHDRAWAL = "withdrawal"
    OTHER = "other"


class Update(BaseModel):
    """A notice (retraction, correction, …) about a work, with where it came from."""

    model_config = ConfigDict(frozen=True)

    kind: UpdateKind
    notice_id: str | None = None  # PMID or DOI of the notice
    label: str | None = None
    source: str = ""  # "pubmed", "crossref", "retraction-watch"
    date: str | None = None


class Record(BaseModel):
    """Bibliographic metadata of one work, as a source returned it."""

    model_config = ConfigDict(frozen=True)

    source: str  # "pubmed", "crossref", "idconv", "nlmcatalog"
    id: str  # the source's own key (PMID, DOI, NLM unique ID)
    title: str | None = None
    authors: list[Author] = Field(default_factory=list)
    year: int | None = None
    journal: str | None = None
    journal_abbrev: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    issn: list[str] = Field(default_factory=list)
    publication_types: list[str] = Field(default_factory=list)
    updates: list[Update] = Field(default_factory=list)
    abstract: str | None = None
    trial_ids: list[str] = Field(default_factory=list)
    url: str | None = None


class TrialRecord(BaseModel):
    """A registry entry (ClinicalTrials.gov v2 study), reduced to what claims are checked against."""

    model_config = ConfigDict(frozen=True)

    source: str = "ctgov"
    id: str  # canonical NCT ID of the record served
    aliases: list[str] = Field(default_factory=list)
    acronym: str | None = None  # identificationModule.acronym ("RECOVERY", "ACTT-1")
    brief_title: str | None = None
    official_title: str | None = None
    status: str | None = None
    why_stopped: str | None = None  # statusModule.whyStopped (terminated / withdrawn / suspended)
    phases: list[str] = Field(default_factory=list)
    conditions: list[str] = Field(default_factory=list)
    interventions: list[str] = Field(default_factory=list)
    lead_sponsor: str | None = None
    collaborators: list[str] = Field(default_factory=list)
    organization: str | None = None
    enrollment: int | None = None
    enrollment_type: str | None = None
    start_date: str | None = None
    completion_date: str | None = None
    locations: list[str] = Field(default_factory=list)
    url: str | None = None


class LookupStatus(str, Enum):
    """Closed set of lookup outcomes: only NOT_FOUND is an authoritative "no such thing"."""

    FOUND = "found"
    NOT_FOUND = "not_found"
    FAILED = "failed"  # timeout, 5xx, 429 after retries, malformed body, offline miss


class LookupResult(BaseModel):
    """The answer of one source for one identifier (or one search)."""

    model_config = ConfigDict(frozen=True)

    source: str
    kind: IdKind
    key: str  # normalised identifier (or the search query string)
    status: LookupStatus
    record: Record | None = None
    trial: TrialRecord | None = None
    reason: str | None = None  # why FAILED / NOT_FOUND, one sentence
    from_cache: bool = False

    @property
    def failed(self) -> bool:
        """True when the source could not answer (never to be read as "not found")."""
        return self.status is LookupStatus.FAILED


class BibliographicQuery(BaseModel):
    """What is known of a cited work when it has no usable identifier."""

    model_config = ConfigDict(frozen=True)

    authors: list[str] = Field(default_factory=list)  # surnames, first author first
    year: int | None = None
    title: str | None = None
    journal: str | None = None
    volume: str | None = None
    first_page: str | None = None
    doi: str | None = None
    free_text: str | None = None  # the reference text, for Crossref query.bibliographic
    # named studies ("2023年，UCLA的研究团队在《…》发表"): the institution in English, and topic
    # words (English) of which at least one must be in the work's title or abstract
    affiliation: str | None = None
    topic: list[str] = Field(default_factory=list)

    def cache_key(self) -> str:
        """A stable, normalised key for caching search results (study fields only when set)."""
        parts: list[Any] = [
            ",".join(a.lower() for a in self.authors),
            self.year,
            (self.title or "").lower(),
            (self.journal or "").lower(),
            self.volume,
            self.first_page,
            (self.doi or "").lower(),
        ]
        if self.affiliation or self.topic:
            parts += [(self.affiliation or "").lower(), ",".join(t.lower() for t in self.topic)]
        return "|".join("" if p is None else str(p) for p in parts)


class SearchResult(BaseModel):
    """Candidates a source returned for a query; FAILED when the search itself failed."""

    model_config = ConfigDict(frozen=True)

    source: str
    status: LookupStatus
    candidates: list[Record] = Field(default_factory=list)
    trials: list[TrialRecord] = Field(default_factory=list)
    reason: str | None = None
    from_cache: bool = False
