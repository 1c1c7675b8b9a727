"""The evaluation corpus (bench/corpus) and its answer keys are well formed.

Not a recall target: these tests fail when a key quotes text that is not in its article (or is
there twice), names a code that does not exist, or when the corpus loses the coverage it
promises (8 offline articles per language, every input format, every offline check planted).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from auditor.checks.registry import all_specs
from auditor.models import FindingKind
from auditor.reading import read_document
from bench.corpus_key import (
    CORPUS,
    LANGUAGES,
    ArticleKey,
    CorpusError,
    KeyEntry,
    label_is_known,
    load_corpus,
    locate,
    matches,
)

KEYS = load_corpus()
CODES = {spec.code for spec in all_specs()}
KINDS = {kind.value for kind in FindingKind}
OFFLINE_CODES = {spec.code for spec in all_specs() if not spec.network and spec.code[0] in "RIN"}


@pytest.mark.parametrize("key", KEYS, ids=lambda k: k.article)
def test_every_quote_occurs_once_in_the_text_the_reader_produces(key: ArticleKey) -> None:
    text = read_document(key.article_path).text
    for entry in key.entries:
        locate(entry.quote, text, key.path.name)  # raises CorpusError


@pytest.mark.parametrize("key", KEYS, ids=lambda k: k.article)
def test_every_label_is_a_registered_code_prefix_or_kind(key: ArticleKey) -> None:
    for entry in key.entries:
        labels = entry.expect or [entry.must_not_flag or ""]
        unknown = [label for label in labels if not label_is_known(label, CODES, KINDS)]
        assert not unknown, f"{key.path.name}: {entry.quote!r} names unknown {unknown}"


@pytest.mark.parametrize("key", [k for k in KEYS if k.records], ids=lambda k: k.article)
def test_records_files_load_as_fake_service_records(key: ArticleKey) -> None:
    from bench.fake_services import FixtureRecords

    assert key.records_path is not None
    records = FixtureRecords.load(key.records_path)
    assert records.by_pmid or records.by_doi or records.by_nct


def test_each_language_has_eight_offline_articles_and_every_format_is_used() -> None:
    offline = [k for k in KEYS if not k.records]
    per_language = Counter(k.language for k in offline)
    assert all(per_language[lang] >= 8 for lang in LANGUAGES), per_language
    assert {Path(k.article).suffix for k in offline} >= {".md", ".txt", ".html", ".docx"}


def test_every_offline_check_is_planted_beside_at_least_as_many_correct_claims() -> None:
    offline = [k for k in KEYS if not k.records]
    planted = {label for k in offline for e in k.entries for label in e.expect}
    missing = sorted(OFFLINE_CODES - planted)  # each code named exactly by some entry
    assert not missing, f"offline codes never planted: {missing}"
    for lang in LANGUAGES:
        entries = [e for k in offline if k.language == lang for e in k.entries]
        assert sum(not e.planted for e in entries) >= sum(e.planted for e in entries), lang


def test_every_article_has_a_key_and_every_docx_is_built_by_make_docx() -> None:
    articles = {p.name for p in CORPUS.iterdir() if p.suffix in (".md", ".txt", ".html", ".docx")}
    keyed = {k.article for k in KEYS}
    assert articles - {"README.md"} == keyed
    script = (CORPUS / "make_docx.py").read_text(encoding="utf-8")
    assert all(name in script for name in keyed if name.endswith(".docx"))


def test_an_entry_has_expect_or_must_not_flag_and_expect_may_be_a_string() -> None:
    assert KeyEntry.model_validate({"quote": "x", "expect": "R101"}).expect == ["R101"]
    with pytest.raises(ValueError):
        KeyEntry.model_validate({"quote": "x"})
    with pytest.raises(ValueError):
        KeyEntry.model_validate({"quote": "x", "expect": "R101", "must_not_flag": "any"})


def test_locate_rejects_absent_and_repeated_quotes() -> None:
    assert locate("b", "abc") == (1, 2)
    with pytest.raises(CorpusError):
        locate("z", "abc")
    with pytest.raises(CorpusError):
        locate("a", "aba")


def test_labels_match_codes_prefixes_and_kinds() -> None:
    assert matches("N30", "N301", "arithmetic_inconsistency")
    assert matches("arithmetic_inconsistency", "N301", "arithmetic_inconsistency")
    assert matches("any", "R105", "uncited_reference")
    assert not matches("R101", "R105", "uncited_reference")
    assert not label_is_known("R", CODES, KINDS)  # a one-letter prefix would match a whole family


def test_a_malformed_key_is_a_corpus_error(tmp_path: Path) -> None:
    from bench.corpus_key import load_key

    (tmp_path / "a.md").write_text("text", encoding="utf-8")
    bad = {"article": "a.md", "language": "fr", "entries": [{"quote": "text", "expect": "R101"}]}
    (tmp_path / "a.key.json").write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(CorpusError):
        load_key(tmp_path / "a.key.json")


def _finding(code: str, start: int, end: int, text: str):  # type: ignore[no-untyped-def]
    from auditor.claims.models import Span

    from auditor.checks.registry import finding

    span = Span(start=start, end=end, line=1, column=start + 1)
    return finding(code, "m", span=span, quote=text[start:end])


def test_scoring_counts_hits_misses_and_both_kinds_of_false_alarm(tmp_path: Path) -> None:
    from bench.corpus_eval import score_findings

    text = "Smith (2019) said so [9]. Then t(28) = 2.20 was seen. 5 of 7 (71%)."
    key = ArticleKey(
        article="a.md",
        language="en",
        path=tmp_path / "a.key.json",
        entries=[
            KeyEntry(quote="[9]", expect=["R101"]),
            KeyEntry(quote="Smith (2019)", expect=["R103", "R102"]),
            KeyEntry(quote="t(28) = 2.20", must_not_flag="R1"),
            KeyEntry(quote="5 of 7 (71%)", must_not_flag="N3"),
        ],
    )
    at = text.index
    findings = [
        _finding("R101", at("[9]") + 1, at("[9]") + 2, text),  # inside the quote: found
        _finding("R101", at("(28)"), at("(28)") + 4, text),  # on a correct claim
        _finding("N301", at("Then"), at("Then") + 4, text),  # on no entry
        _finding("U902", 0, 1, text),  # a lookup note: ignored
    ]
    outcome = score_findings(key, findings, text)
    assert [e.quote for e in outcome.found] == ["[9]"]
    assert [e.quote for e in outcome.missed] == ["Smith (2019)"]
    assert [(code, why.split(" (")[0]) for code, _, why in outcome.false_alarms] == [
        ("R101", "on a correct claim"),
        ("N301", "matches no entry"),
    ]
    assert len(outcome.correct) == 2
