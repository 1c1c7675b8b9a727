"""Build examples/records.jsonl: the bundled snapshot of real records the examples need.

Every fact below was verified by hand (see examples/EXPECTED.md, "Real records used"). The lines
are written by the lookup cache itself (`LookupStore.put_many` / `put_search`, then
`export_jsonl`), so the snapshot is always in the format `auditor cache import` reads.

    python examples/make_snapshot.py            # rewrites examples/records.jsonl
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from auditor.references.cache import LookupStore
from auditor.references.models import (
    Author,
    IdKind,
    LookupResult,
    LookupStatus,
    Record,
    SearchResult,
    TrialRecord,
    Update,
    UpdateKind,
)

EXAMPLES = Path(__file__).resolve().parent
OUT = EXAMPLES / "records.jsonl"
VERIFIED_AT = 1795392000.0  # 2026-11-23T00:00:00Z, when the facts were checked


def authors(*names: str) -> list[Author]:
    """Authors from "Family Initials" strings (PubMed display form)."""
    return [Author(family=n.rsplit(" ", 1)[0], given=n.rsplit(" ", 1)[1]) for n in names]


TAKAHASHI_2006 = Record(
    source="pubmed", id="16904174", pmid="16904174", doi="10.1016/j.cell.2006.07.024",
    title="Induction of pluripotent stem cells from mouse embryonic and adult fibroblast cultures "
    "by defined factors.",
    authors=authors("Takahashi K", "Yamanaka S"),
    journal="Cell", journal_abbrev="Cell", year=2006, volume="126", issue="4", pages="663-76",
)
OBOKATA_2014 = Record(
    source="pubmed", id="24476887", pmid="24476887", doi="10.1038/nature12968",
    title="Stimulus-triggered fate conversion of somatic cells into pluripotency.",
    authors=authors("Obokata H", "Wakayama T", "Sasai Y", "Kojima K", "Vacanti MP", "Niwa H",
                    "Yamato M", "Vacanti CA"),
    journal="Nature", journal_abbrev="Nature", year=2014, volume="505", issue="7485", pages="641-7",
    publication_types=["Journal Article", "Retracted Publication"],
    updates=[Update(kind=UpdateKind.RETRACTION, notice_id="24990753", label="Nature 511, 112 (2014)",
                    source="pubmed", date="2014-07-02")],
)
VALADI_2007 = Record(
    source="pubmed", id="17486113", pmid="17486113",
    title="Exosome-mediated transfer of mRNAs and microRNAs is a novel mechanism of genetic exchange "
    "between cells.",
    authors=authors("Valadi H", "Ekström K", "Bossios A", "Sjöstrand M", "Lee J", "Lötvall J"),
    journal="Nature cell biology", journal_abbrev="Nat Cell Biol", year=2007, volume="9", issue="6",
    pages="654-9",
)
FLAHERTY_2012 = Record(
    source="pubmed", id="22663011", pmid="22663011", doi="10.1056/NEJMoa1203421",
    title="Improved survival with MEK inhibition in BRAF-mutated melanoma.",
    authors=authors("Flaherty KT", "Robert C", "Hersey P", "Nathan P", "Garbe C", "Milhem M",
                    "Demidov LV", "Hassel JC", "Rutkowski P", "Mohr P", "Dummer R", "Trefzer U",
                    "Larkin JM", "Utikal J", "Dreno B", "Nyakas M", "Middleton MR", "Becker JC",
                    "Casey M", "Sherman LJ", "Wu FS", "Ouellet D", "Martin AM", "Patel K",
                    "Schadendorf D") + [Author(family="METRIC Study Group", collective=True)],
    journal="The New England journal of medicine", journal_abbrev="N Engl J Med", year=2012,
    volume="367", issue="2", pages="107-14",
    publication_types=["Clinical Trial, Phase III", "Comparative Study", "Journal Article",
                       "Multicenter Study", "Randomized Controlled Trial",
                       "Research Support, Non-U.S. Gov't"],
    trial_ids=["NCT01245062"],
)
LI_2019 = Record(
    source="pubmed", id="31844417", pmid="31844417", pmcid="PMC6894134", doi="10.1186/s11658-019-0184-7",
    title="MicroRNA-582-3p negatively regulates cell proliferation and cell cycle progression in acute "
    "myeloid leukemia by targeting cyclin B2.",
    authors=authors("Li H", "Tian X", "Wang P", "Huang M", "Xu R", "Nie T"),
    journal="Cellular & molecular biology letters", journal_abbrev="Cell Mol Biol Lett", year=2019,
    volume="24", pages="66",
    publication_types=["Journal Article", "Retracted Publication"],
    updates=[Update(kind=UpdateKind.RETRACTION, notice_id="40251503",
                    label="Cell Mol Biol Lett. 2025;30(1):51", source="pubmed", date="2025-04-18")],
)
HESS_2017 = Record(
    source="crossref", id="10.1016/s1474-4422(17)30046-7", doi="10.1016/s1474-4422(17)30046-7",
    title="Safety and efficacy of multipotent adult progenitor cells in acute ischaemic stroke (MASTERS): "
    "a randomised, double-blind, placebo-controlled, phase 2 trial",
    authors=authors("Hess DC", "Wechsler LR", "Clark WM", "Savitz SI", "Ford GA", "Chiu D", "Yavagal DR",
                    "Uchino K", "Liebeskind DS", "Auchus AP", "Sen S", "Sila C", "Vest J", "Mays RW"),
    journal="The Lancet Neurology", journal_abbrev="Lancet Neurol", year=2017, volume="16", issue="5",
    pages="360-368",
)
STRIVE = TrialRecord(
    id="NCT00909532",
    brief_title="Study of Ivacaftor in Cystic Fibrosis Subjects Aged 12 Years and Older "
    "With the G551D Mutation",
    official_title="A Phase 3, Randomized, Double-Blind, Placebo-Controlled, Parallel Group Study to "
    "Evaluate the Efficacy and Safety of VX-770 in Subjects With Cystic Fibrosis and the G551D Mutation",
    status="COMPLETED", phases=["PHASE3"], conditions=["Cystic Fibrosis"],
    interventions=["Ivacaftor", "Placebo"],
    lead_sponsor="Vertex Pharmaceuticals Incorporated", collaborators=["Cystic Fibrosis Foundation"],
    organization="Vertex Pharmaceuticals Incorporated", enrollment=167, enrollment_type="ACTUAL",
    start_date="2009-06", completion_date="2012-11", url="https://clinicaltrials.gov/study/NCT00909532",
)
# The invented journal of the fabricated [5] entry of en-msc-review.md: no catalogue knows it.
UNKNOWN_JOURNAL = "J Transl Neuroregen Exosomics"
# Journals named in the text of zh-hans-stroke.md (the README's example), as the NLM Catalog knows them:
# esearch db=nlmcatalog for "Nature" gives NLM ID 0410462 first.
NATURE_CATALOG = Record(source="nlmcatalog", id="0410462", journal="Nature")


def found(source: str, kind: IdKind, key: str, record: Record | None = None,
          trial: TrialRecord | None = None) -> LookupResult:
    """A FOUND lookup result."""
    return LookupResult(
        source=source, kind=kind, key=key, status=LookupStatus.FOUND, record=record, trial=trial
    )


def lookups() -> list[LookupResult]:
    """Every identifier lookup the examples trigger, answered as the real services answer."""
    papers = (TAKAHASHI_2006, OBOKATA_2014, VALADI_2007, FLAHERTY_2012, LI_2019)
    results = [found("pubmed", IdKind.PMID, r.pmid or r.id, r) for r in papers]
    results += [found("pubmed", IdKind.DOI, r.doi.lower(), r) for r in papers if r.doi]
    results.append(found("crossref", IdKind.DOI, HESS_2017.id, HESS_2017))
    results.append(found("ctgov", IdKind.NCT, STRIVE.id, trial=STRIVE))
    # journals: the NLM Catalog first, then Crossref's /journals for what it lacks
    results.append(LookupResult(
        source="pubmed", kind=IdKind.JOURNAL, key=UNKNOWN_JOURNAL, status=LookupStatus.NOT_FOUND,
        reason=f"the NLM Catalog has no journal titled {UNKNOWN_JOURNAL!r}",
    ))
    results.append(LookupResult(
        source="crossref", kind=IdKind.JOURNAL, key=UNKNOWN_JOURNAL, status=LookupStatus.NOT_FOUND,
        reason=f"Crossref lists no journal titled {UNKNOWN_JOURNAL!r}",
    ))
    results.append(found("pubmed", IdKind.JOURNAL, "Nature", NATURE_CATALOG))
    return results


def searches() -> list[tuple[str, SearchResult]]:
    """Searches for the fabricated reference: both bibliographic sources answer "no match"."""
    from auditor.claims.models import Document
    from auditor.references.parse import parse_reference_list

    from auditor.candidates import query_of

    text = (EXAMPLES / "en-msc-review.md").read_text(encoding="utf-8")
    references = parse_reference_list(Document.from_text(text, path="en-msc-review.md"))
    fabricated = [r for r in references if r.text.startswith("[5]")]
    out = []
    for reference in fabricated:
        key = query_of(reference.parsed, reference.text).cache_key()
        for source, name in (("pubmed", "PubMed"), ("crossref", "Crossref")):
            reason = f"{name} found no match"
            result = SearchResult(source=source, status=LookupStatus.NOT_FOUND, reason=reason)
            out.append((key, result))
    return out


def write_snapshot(path: Path) -> int:
    """Write the snapshot through the cache's own serialisation; returns the number of lines."""
    with tempfile.TemporaryDirectory() as tmp:
        store = LookupStore(Path(tmp) / "snapshot.sqlite3", clock=lambda: VERIFIED_AT)
        store.put_many(lookups())
        for key, result in searches():
            store.put_search(key, result)
        with path.open("w", encoding="utf-8") as out:
            count = store.export_jsonl(out)
        store.close()
    return count


if __name__ == "__main__":
    print(f"wrote {write_snapshot(OUT)} lines to {OUT}", file=sys.stderr)
