"""Work the pipeline does once per article, counted (not timed): stages hand their output on."""

from __future__ import annotations

import auditor.references.parse as parse
import pytest
from auditor.claims.models import Document
from auditor.references import section

import auditor.linking as linking
import auditor.pipeline as pipeline
from auditor.pipeline import AuditOptions, audit_documents

AUTHOR_YEAR = (
    "Smith et al. (2019) reported a benefit, and Wang and Li (2020) did not (Kim, 2018).\n\n"
    "References\n"
    "Smith J, Lee K. Stem cells in stroke. Nature. 2019;570:1-10.\n"
    "Wang L, Li M. A negative trial. Cell. 2021;1:2-3.\n"
)
NO_CITATIONS = "Nothing is cited here.\n\nReferences\n1. Wang L. Unused work. Cell. 2018;1:2-3.\n"


@pytest.mark.parametrize("texts", [[AUTHOR_YEAR], [NO_CITATIONS], [AUTHOR_YEAR, NO_CITATIONS, AUTHOR_YEAR]])
def test_reference_index_is_built_once_per_article(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[int] = []
    original = linking.ReferenceIndex.__init__

    def counting(self: linking.ReferenceIndex, references: object) -> None:
        built.append(len(references))  # type: ignore[arg-type]
        original(self, references)  # type: ignore[arg-type]

    monkeypatch.setattr(linking.ReferenceIndex, "__init__", counting)
    documents = [Document.from_text(text, path=f"{i}.txt") for i, text in enumerate(texts)]
    report = audit_documents(documents, AuditOptions(offline=True), None)
    codes = [{f.code for f in d.findings} for d in report.documents]
    expected = [{"R102", "R103"} if text is AUTHOR_YEAR else {"R105"} for text in texts]
    assert [found & {"R102", "R103", "R105"} for found in codes] == expected  # the checks did run
    assert len(built) == len(texts)


def test_reference_list_is_located_once_per_article(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pipeline locates the list once and parses it from there (not a second search of the text)."""
    located: list[int] = []

    def counting(text: str) -> section.ReferenceSection | None:
        located.append(len(text))
        return section.locate_reference_section(text)

    monkeypatch.setattr(pipeline, "locate_reference_section", counting)
    monkeypatch.setattr(parse, "locate_reference_section", counting)
    texts = [AUTHOR_YEAR, NO_CITATIONS]
    documents = [Document.from_text(text, path=f"{i}.txt") for i, text in enumerate(texts)]
    report = audit_documents(documents, AuditOptions(offline=True), None)
    assert [len(d.references) for d in report.documents] == [2, 1]
    assert located == [len(AUTHOR_YEAR), len(NO_CITATIONS)]
