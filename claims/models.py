"""Documents, spans and claims: the immutable output of reading and extraction.

A `Claim` always points back into the decoded original text of its document: `text ==
document.text[span.start:span.end]`. The `normalized` payload is a plain dict whose keys
depend on the claim kind; the table below is the contract that checks and reports rely on.

| kind               | normalized keys                                                                 |
|--------------------|---------------------------------------------------------------------------------|
| numbered_citation  | numbers: list[int] (ranges expanded, in text order), style: "paren"/"bracket"/"superscript" |
| author_citation    | authors: list[str] (surnames or group names as written), et_al: bool, year: int or None, suffix: "a"/"b"/… or None, journal: str or None, group: bool, form: "parenthetical"/"narrative" |
| named_study        | institution: str or None, journal: str or None, year: int or None, authors: list[str] |
| journal_mention    | journal: str (as written, without 《》)                                          |
| trial_id           | registry: str (e.g. "ClinicalTrials.gov", "ChiCTR", "CTR", "ISRCTN"), id: str (canonical form) |
| doi                | doi: str (lower-cased, no resolver prefix; as written when malformed)           |
| pmid               | pmid: str                                                                       |
| pmcid              | pmcid: str ("PMC" + digits; as written when malformed)                          |
| issn               | issn: str ("NNNN-NNNC" as written, check digit not verified), label: "ISSN"/"eISSN"/"p-ISSN"/… |
| url                | url: str                                                                        |
| percentage         | value: float, decimals: int, unit: "%" or "‰", approx: bool, bound: "lower"/"upper" or None ("超过", "up to"), group: str or None ("试验组", "placebo"), range: bool (an end of "4-9%") |
| fraction           | numerator: float, denominator: float                                            |
| count              | value: float, unit: str (例, 篇, 名, 人, patients, studies, …), approx: bool, bound, group (as for percentage), implied: False or how the noun was carried over ("list", "allocated", "outcome") |
| relative_change    | change: float (percent, signed), base: float or None, new: float or None; optional: factor, relative: True, measure: "efficacy", comparison: "versus"/"respectively"/"groups" with compared ("percent", "count", "rate", "quantity", "number"), base_decimals, new_decimals, exact_values |
| statistic          | name: "p"/"CI"/"HR"/"OR"/"RR"/"mean_sd"/"n"/…, value: float or None, operator: str or None, lower/upper/sd: float or None, missing_value: bool |
| quantity           | mantissa: float or None, exponent: int or None, value: float or None, unit: str, exponent_lost: bool |
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from enum import Enum
from functools import cached_property
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field

_Model = TypeVar("_Model", bound=BaseModel)


def trusted_model(cls: type[_Model], values: dict[str, Any]) -> _Model:
    """An instance of `cls` from `values` that give every field, each already of its field's type:
    the instance state `model_construct` sets, without validation and without its per-field alias
    and default look-ups (2–4x faster; a long text has many claims, a report many claim reports).
    `values` becomes the instance's own dict."""
    instance = cls.__new__(cls)
    object.__setattr__(instance, "__dict__", values)
    object.__setattr__(instance, "__pydantic_fields_set__", set(values))
    object.__setattr__(instance, "__pydantic_extra__", None)
    object.__setattr__(instance, "__pydantic_private__", None)
    return instance


class Language(str, Enum):
    """Script/language of a document."""

    ZH_HANS = "zh-Hans"
    ZH_HANT = "zh-Hant"
    EN = "en"


class Span(BaseModel):
    """Character offsets into the decoded original text, plus 1-based line and column."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    line: int
    column: int


class LineIndex:
    """Maps character offsets to 1-based (line, column) in O(log n)."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        pos = text.find("\n")
        while pos != -1:
            self._starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def span(self, start: int, end: int) -> Span:
        """Build a `Span` for text[start:end]."""
        line = bisect_right(self._starts, start)
        column = start - self._starts[line - 1] + 1
        return trusted_model(Span, {"start": start, "end": end, "line": line, "column": column})


class Document(BaseModel):
    """A decoded article: its text is what every span indexes."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    path: str
    text: str
    sha256: str
    language: Language = Language.EN
    encoding: str = "utf-8"
    media_type: str = "text/plain"

    @classmethod
    def from_text(cls, text: str, path: str = "<string>", language: Language | None = None) -> Document:
        """Build a document from text already decoded (tests, examples)."""
        from auditor.claims.language import detect_language

        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return cls(path=path, text=text, sha256=digest, language=language or detect_language(text))

    @cached_property
    def line_index(self) -> LineIndex:
        """Offset → line/column index, built once per document."""
        return LineIndex(self.text)

    def span(self, start: int, end: int) -> Span:
        """A `Span` over text[start:end]."""
        return self.line_index.span(start, end)


class ClaimKind(str, Enum):
    """Every kind of checkable statement the extractors find."""

    NUMBERED_CITATION = "numbered_citation"
    AUTHOR_CITATION = "author_citation"
    NAMED_STUDY = "named_study"
    JOURNAL_MENTION = "journal_mention"
    TRIAL_ID = "trial_id"
    DOI = "doi"
    PMID = "pmid"
    PMCID = "pmcid"
    ISSN = "issn"
    URL = "url"
    PERCENTAGE = "percentage"
    FRACTION = "fraction"
    COUNT = "count"
    RELATIVE_CHANGE = "relative_change"
    STATISTIC = "statistic"
    QUANTITY = "quantity"


CITATION_KINDS = frozenset(
    {ClaimKind.NUMBERED_CITATION, ClaimKind.AUTHOR_CITATION, ClaimKind.NAMED_STUDY}
)
IDENTIFIER_KINDS = frozenset({ClaimKind.TRIAL_ID, ClaimKind.DOI, ClaimKind.PMID, ClaimKind.PMCID})
NUMBER_KINDS = frozenset(
    {
        ClaimKind.PERCENTAGE,
        ClaimKind.FRACTION,
        ClaimKind.COUNT,
        ClaimKind.RELATIVE_CHANGE,
        ClaimKind.STATISTIC,
        ClaimKind.QUANTITY,
    }
)


class Claim(BaseModel):
    """One checkable statement found in a document (see the module table for `normalized`)."""

    model_config = ConfigDict(frozen=True)

    id: str
    kind: ClaimKind
    text: str
    span: Span
    normalized: dict[str, Any] = Field(default_factory=dict)
