"""NLM Catalog lookups against a faithful fake: ../shared/data/journals.json (≈34,000 real titles
and abbreviations) served through esearch/esummary the way the catalogue answers (every serial
whose title or abbreviation contains the words). Real names are found; invented names are not,
although the catalogue answers them with real serials that contain their words."""

from __future__ import annotations

import json
import random
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qs

import pytest
import responses
from auditor.references.models import IdKind, LookupStatus
from auditor.references.ratelimit import NoHostLimiter
from auditor.references.sources.pubmed import CATALOG_HITS, PubMedSource

from tests.references.sources.sources_testkit import EUTILS, fake_config

JOURNALS = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "journals.json"
pytestmark = pytest.mark.skipif(not JOURNALS.exists(), reason="../shared/data/journals.json absent")
_PHRASE = re.compile(r'"([^"]{1,300})"\[Title\]')


@lru_cache(maxsize=1)
def _serials() -> list[tuple[str, str]]:
    return [(t, a) for t, a in json.loads(JOURNALS.read_text("utf-8"))["journals"]]


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "


def _esearch(request):  # type: ignore[no-untyped-def]
    query = parse_qs(request.url.split("?", 1)[1])
    if query["db"] == ["pubmed"]:  # "<name>"[ta]: PubMed's journal field is the whole title or abbreviation
        name = _words(query["term"][0].rsplit("[", 1)[0].strip('"'))
        count = sum(name in (_words(t), _words(a)) for t, a in _serials())
        body = {"esearchresult": {"count": str(count), "retmax": "0", "retstart": "0", "idlist": []}}
        return 200, {"Content-Type": "application/json; charset=UTF-8"}, json.dumps(body)
    phrase = _words(_PHRASE.search(query["term"][0]).group(1))
    hits = [str(i) for i, (t, a) in enumerate(_serials()) if phrase in _words(t) or phrase in _words(a)]
    retmax = int(query["retmax"][0])
    body = {
        "header": {"type": "esearch", "version": "0.3"},
        "esearchresult": {
            "count": str(len(hits)),
            "retmax": str(min(retmax, len(hits))),
            "retstart": "0",
            "idlist": hits[:retmax],
            "translationset": [],
            "querytranslation": "",
        },
    }
    return 200, {"Content-Type": "application/json; charset=UTF-8"}, json.dumps(body)


def _esummary(request):  # type: ignore[no-untyped-def]
    ids = parse_qs(request.body)["id"][0].split(",")
    result: dict[str, object] = {"uids": ids}
    for uid in ids:
        title, abbrev = _serials()[int(uid)]
        result[uid] = {
            "uid": uid,
            "nlmuniqueid": uid,
            "titlemainlist": [{"sorttitle": title.lower(), "title": title + "."}],
            "medlineta": abbrev,
            "isoabbreviation": abbrev,
        }
    return 200, {"Content-Type": "application/json; charset=UTF-8"}, json.dumps({"result": result})


@pytest.fixture
def catalog() -> PubMedSource:
    responses.add_callback(responses.GET, f"{EUTILS}/esearch.fcgi", callback=_esearch)
    responses.add_callback(responses.POST, f"{EUTILS}/esummary.fcgi", callback=_esummary)
    return PubMedSource(fake_config(), limiter=NoHostLimiter())


def _sample(n: int) -> list[str]:
    names = [name for pair in random.Random(7).sample(_serials(), n) for name in pair]
    return [n for n in names if 4 <= len(n) <= 120 and '"' not in n]


@responses.activate
def test_real_titles_and_abbreviations_are_known_or_at_worst_unverifiable(catalog: PubMedSource) -> None:
    outcomes = [catalog.lookup(IdKind.JOURNAL, name).status for name in _sample(60)]
    assert LookupStatus.NOT_FOUND not in outcomes
    assert outcomes.count(LookupStatus.FOUND) >= 0.8 * len(outcomes)


@pytest.mark.parametrize(
    "invented",
    [
        "Journal of Regenerative Exosome Therapeutics",
        "International Journal of Stem Cell Neurorepair",
        "Frontiers in Mesenchymal Cell Medicine",
        "Stem Cells Reviews",
        "Annals of Translational Stroke Cytotherapy",
    ],
)
@responses.activate
def test_invented_names_are_not_found(catalog: PubMedSource, invented: str) -> None:
    result = catalog.lookup(IdKind.JOURNAL, invented)
    assert result.status is LookupStatus.NOT_FOUND, result.reason


@pytest.mark.parametrize("name", ["Cell", "Blood", "Brain", "Science"])
@responses.activate
def test_a_one_word_title_that_thousands_of_serials_contain_is_known(
    catalog: PubMedSource, name: str
) -> None:
    result = catalog.lookup(IdKind.JOURNAL, name)
    assert result.status is LookupStatus.FOUND, result.reason  # among the hits, or by PubMed's [ta]


@responses.activate
def test_an_invented_one_word_title_stays_unverifiable_not_unknown(catalog: PubMedSource) -> None:
    assert catalog.lookup(IdKind.JOURNAL, "Cells Cells").status in (
        LookupStatus.FAILED,
        LookupStatus.NOT_FOUND,
    )


@responses.activate
def test_a_phrase_many_serials_contain_is_checked_against_every_hit_fetched(catalog: PubMedSource) -> None:
    result = catalog.lookup(IdKind.JOURNAL, "Stem Cells")
    assert result.status is LookupStatus.FOUND and result.record is not None
    assert result.record.journal_abbrev == "Stem Cells"
    assert CATALOG_HITS >= 20
