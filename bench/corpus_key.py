"""The answer keys of the evaluation corpus (`bench/corpus/*.key.json`): model, loading, validation.

One key file per article (format in `bench/corpus/README.md`). Quotes are located in the text the
reader produces (`auditor.reading.read_document(...).text`: for .html the visible text, for .docx
the paragraphs), so a quote never contains markup. Every quote must occur exactly once.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

CORPUS = Path(__file__).resolve().parent / "corpus"
LANGUAGES = ("zh-Hans", "zh-Hant", "en")


class CorpusError(ValueError):
    """The corpus or one of its keys is malformed; the message is one line."""


class KeyEntry(BaseModel):
    """One claim of an article: a planted problem (`expect`) or a correct claim (`must_not_flag`)."""

    model_config = ConfigDict(extra="forbid")

    quote: str = Field(min_length=1)
    expect: list[str] = Field(default_factory=list)  # codes, code prefixes or finding kinds; any one
    must_not_flag: str | None = None  # a code, a prefix, a finding kind, or "any"
    note: str = ""

    @model_validator(mode="before")
    @classmethod
    def _listify(cls, data: object) -> object:
        if isinstance(data, dict) and isinstance(data.get("expect"), str):
            return {**data, "expect": [data["expect"]]}
        return data

    @model_validator(mode="after")
    def _one_of(self) -> KeyEntry:
        if bool(self.expect) == (self.must_not_flag is not None):
            raise ValueError("an entry has either `expect` or `must_not_flag`, not both or neither")
        return self

    @property
    def planted(self) -> bool:
        """True for a planted problem, False for a correct claim."""
        return bool(self.expect)

    @property
    def label(self) -> str:
        """The row this entry counts in: its first expected code, or its must-not-flag family."""
        return self.expect[0] if self.expect else f"not {self.must_not_flag}"


class ArticleKey(BaseModel):
    """The key of one article: where it is, its language, how to audit it, its entries."""

    model_config = ConfigDict(extra="forbid")

    article: str
    language: Literal["zh-Hans", "zh-Hant", "en"]
    records: str | None = None  # JSON Lines for bench/fake_services.py: audited online when set
    entries: list[KeyEntry] = Field(min_length=1)
    path: Path = Field(default=Path("."), exclude=True)  # the key file (set by `load_key`)

    @property
    def article_path(self) -> Path:
        """The article file, beside its key."""
        return self.path.parent / self.article

    @property
    def records_path(self) -> Path | None:
        """The records served to an online audit, or None for an offline article."""
        return self.path.parent / self.records if self.records else None


def load_key(path: Path) -> ArticleKey:
    """Read and validate one key file (its article and records must exist)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        key = ArticleKey.model_validate(data).model_copy(update={"path": path})
    except (OSError, json.JSONDecodeError, ValidationError) as exc:
        first = str(exc).splitlines()
        raise CorpusError(f"{path.name}: {' '.join(first[:3])}") from None
    if not key.article_path.is_file():
        raise CorpusError(f"{path.name}: article {key.article} does not exist")
    if key.records_path is not None and not key.records_path.is_file():
        raise CorpusError(f"{path.name}: records {key.records} do not exist")
    return key


def load_corpus(directory: Path = CORPUS) -> list[ArticleKey]:
    """Every key of the corpus, sorted by file name."""
    paths = sorted(directory.glob("*.key.json"))
    if not paths:
        raise CorpusError(f"{directory}: no *.key.json files")
    return [load_key(p) for p in paths]


def locate(quote: str, text: str, where: str = "") -> tuple[int, int]:
    """(start, end) of the one occurrence of `quote` in `text`; CorpusError when absent or repeated."""
    start = text.find(quote)
    if start < 0:
        raise CorpusError(f"{where}: quote not in the article text: {quote!r}")
    if text.find(quote, start + 1) >= 0:
        raise CorpusError(f"{where}: quote occurs more than once: {quote!r}")
    return start, start + len(quote)


def label_is_known(label: str, codes: set[str], kinds: set[str]) -> bool:
    """A registered code, a prefix of one (at least 2 characters), a finding kind, or "any"."""
    if label == "any" or label in kinds:
        return True
    return len(label) >= 2 and any(code.startswith(label) for code in codes)


def matches(label: str, code: str, kind: str) -> bool:
    """Does a finding of `code`/`kind` answer to `label` (code, prefix, kind or "any")?"""
    return label == "any" or label == kind or code.startswith(label)
