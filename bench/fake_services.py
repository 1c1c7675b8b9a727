"""A local HTTP fake of E-utilities, PMC idconv, Crossref and ClinicalTrials.gov, for benchmarks.

Serves records from a JSON Lines file of our own (`Record` / `TrialRecord` dumps, one per line,
with "type": "record" | "trial"), rendered into the real wire formats the parsers read. Binds to
127.0.0.1 on a free port, sleeps `latency` seconds per request, and counts requests per service
(with their arrival times, for requests-per-second figures). Never used by tests that need the
network: it IS the network, on loopback.

`Faults` injects what real services do on a bad day, decided per request by a seeded random
generator: 5xx answers, truncated bodies (a Content-Length longer than what is sent), hangs (no
answer for `hang_seconds`), 429s with Retry-After, error bodies that echo the request (API key
included), and services killed mid-run (`kill(service)`: the connection is closed unanswered).
"""

from __future__ import annotations

import json
import random
import re
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlencode, urlsplit
from xml.sax.saxutils import escape

from auditor.references.models import Record, TrialRecord


class FixtureRecords:
    """Records indexed by PMID, DOI, PMCID, NCT and journal name."""

    def __init__(
        self, records: list[Record], trials: list[TrialRecord], agencies: dict[str, str] | None = None
    ) -> None:
        self.all = list(records)
        self.agencies = {k.lower(): v for k, v in (agencies or {}).items()}  # DOI → agency (doi.org)
        self.by_pmid = {r.pmid: r for r in records if r.pmid}
        self.by_doi = {r.doi.lower(): r for r in records if r.doi}
        self.by_pmcid = {r.pmcid.upper(): r for r in records if r.pmcid}
        self.by_nct = {t.id: t for t in trials}
        self.journals = {(r.journal or "").lower() for r in records} | {
            (r.journal_abbrev or "").lower() for r in records
        }
        self.serials = sorted({(r.journal, r.journal_abbrev) for r in records if r.journal}, key=str)
        self.serials += list(_catalogue())  # the NLM Catalog knows real journals beyond the records

    @classmethod
    def load(cls, path: Path) -> FixtureRecords:
        """Read a JSONL fixture file."""
        records: list[Record] = []
        trials: list[TrialRecord] = []
        agencies: dict[str, str] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                data = json.loads(line)
                kind = data.pop("type", "record")
                if kind == "agency":  # {"type": "agency", "doi": …, "ra": "DataCite"}: doi.org only
                    agencies[data["doi"]] = data["ra"]
                    continue
                (trials.append(TrialRecord(**data)) if kind == "trial" else records.append(Record(**data)))
        return cls(records, trials, agencies)


def efetch_xml(records: list[Record]) -> str:
    """PubMed efetch XML (the elements `pubmed_xml` reads)."""
    return "<PubmedArticleSet>" + "".join(_article_xml(r) for r in records) + "</PubmedArticleSet>"


def _article_xml(r: Record) -> str:
    authors = "".join(
        f"<Author><LastName>{escape(a.family)}</LastName><Initials>{escape(a.given)}</Initials></Author>"
        for a in r.authors
    )
    ids = "".join(
        f'<ArticleId IdType="{k}">{escape(v)}</ArticleId>'
        for k, v in (("pubmed", r.pmid), ("doi", r.doi), ("pmc", r.pmcid))
        if v
    )
    return (
        f"<PubmedArticle><MedlineCitation><PMID>{r.pmid}</PMID><Article>"
        f"<Journal><JournalIssue><Volume>{escape(r.volume or '')}</Volume>"
        f"<PubDate><Year>{r.year or ''}</Year>"
        f"</PubDate></JournalIssue><Title>{escape(r.journal or '')}</Title>"
        f"<ISOAbbreviation>{escape(r.journal_abbrev or '')}</ISOAbbreviation></Journal>"
        f"<ArticleTitle>{escape(r.title or '')}</ArticleTitle>"
        f"<Pagination><MedlinePgn>{escape(r.pages or '')}</MedlinePgn></Pagination>"
        f"{_abstract_xml(r.abstract)}<AuthorList>{authors}</AuthorList>{_types_xml(r)}</Article>"
        f"{_notices_xml(r)}</MedlineCitation>"
        f"<PubmedData><ArticleIdList>{ids}</ArticleIdList></PubmedData></PubmedArticle>"
    )


def _types_xml(r: Record) -> str:
    types = "".join(f"<PublicationType>{escape(t)}</PublicationType>" for t in r.publication_types)
    return f"<PublicationTypeList>{types}</PublicationTypeList>" if types else ""


_REFTYPES = {
    "retraction": "RetractionIn",
    "expression_of_concern": "ExpressionOfConcernIn",
    "correction": "ErratumIn",
}


def _notices_xml(r: Record) -> str:
    links = "".join(
        f'<CommentsCorrections RefType="{_REFTYPES[u.kind.value]}"><RefSource>{escape(u.label or "")}'
        f"</RefSource><PMID>{escape(u.notice_id or '')}</PMID></CommentsCorrections>"
        for u in r.updates
        if u.kind.value in _REFTYPES and u.source == "pubmed"
    )
    return f"<CommentsCorrectionsList>{links}</CommentsCorrectionsList>" if links else ""


def _abstract_xml(abstract: str | None) -> str:
    """`<Abstract>` with one AbstractText per line ("LABEL: text" lines become labelled sections)."""
    if not abstract:
        return ""
    sections = []
    for line in abstract.splitlines():
        label, sep, rest = line.partition(": ")
        if sep and label.isupper() and len(label) <= 40:
            sections.append(f'<AbstractText Label="{escape(label)}">{escape(rest)}</AbstractText>')
        elif line.strip():
            sections.append(f"<AbstractText>{escape(line)}</AbstractText>")
    return "<Abstract>" + "".join(sections) + "</Abstract>"


def crossref_work(r: Record) -> dict[str, Any]:
    """A Crossref /works message for a record."""
    return {
        "DOI": r.doi,
        "title": [r.title or ""],
        "container-title": [r.journal or ""],
        "author": [
            {"name": a.family} if a.collective else {"family": a.family, "given": a.given} for a in r.authors
        ],
        "short-container-title": [r.journal_abbrev] if r.journal_abbrev else [],
        "abstract": r.abstract,
        "issued": {"date-parts": [[r.year]]} if r.year else {},
        "volume": r.volume,
        "page": r.pages,
    }


def ctgov_study(t: TrialRecord) -> dict[str, Any]:
    """A ClinicalTrials.gov v2 study for a trial record."""
    return {
        "protocolSection": {
            "identificationModule": {
                "nctId": t.id,
                "nctIdAliases": t.aliases,
                "briefTitle": t.brief_title,
                "officialTitle": t.official_title,
                "acronym": t.acronym,
            },
            "statusModule": {
                "overallStatus": t.status,
                "whyStopped": t.why_stopped,
                "startDateStruct": {"date": t.start_date},
            },
            "designModule": {
                "phases": t.phases,
                "enrollmentInfo": {"count": t.enrollment, "type": t.enrollment_type},
            },
            "conditionsModule": {"conditions": t.conditions},
            "armsInterventionsModule": {"interventions": [{"name": n} for n in t.interventions]},
            "sponsorCollaboratorsModule": {
                "leadSponsor": {"name": t.lead_sponsor},
                "collaborators": [{"name": n} for n in t.collaborators],
            },
        }
    }


@dataclass
class Faults:
    """Fault injection: each rate is the share of requests (per service) that get that fault."""

    server_errors: float = 0.0  # 500/502/503
    truncated: float = 0.0  # body cut short of its Content-Length
    hangs: float = 0.0  # no answer for hang_seconds
    hang_seconds: float = 30.0
    throttled: float = 0.0  # 429 with Retry-After
    retry_after: str = "1"  # seconds the 429s ask the client to wait
    echo_request: bool = False  # error bodies that quote the request line (api_key and all)
    seed: int = 11
    killed: set[str] = field(default_factory=set)  # services whose connections are closed unanswered

    def draw(self, rng: random.Random) -> str | None:
        """The fault of one request (None: answer normally)."""
        roll = rng.random()
        for name, rate in (
            ("hang", self.hangs),
            ("error", self.server_errors),
            ("truncate", self.truncated),
            ("throttle", self.throttled),
        ):
            if roll < rate:
                return name
            roll -= rate
        return None


class FakeServices:
    """The four services on one loopback server; `base_urls()` gives the env vars to point at it."""

    def __init__(
        self, records: FixtureRecords, *, latency: float = 0.05, faults: Faults | None = None
    ) -> None:
        self.records, self.latency = records, latency
        self.faults = faults or Faults()
        self._rng = random.Random(self.faults.seed)
        self.requests: Counter[str] = Counter()
        self.arrivals: defaultdict[str, list[float]] = defaultdict(list)  # time.monotonic() per request
        self.faulted: Counter[str] = Counter()  # "hang", "error", … as injected
        self.endpoints: Counter[str] = Counter()  # "eutils/efetch.fcgi", "crossref/works", …
        self.in_flight: Counter[str] = Counter()  # requests being answered now, per service
        self.peak_in_flight: Counter[str] = Counter()  # the most at once, per service
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> FakeServices:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopping.set()  # hung handlers return at once
        self._server.shutdown()
        self._server.server_close()

    def kill(self, service: str) -> None:
        """From now on, close every connection to `service` without an answer (a dead backend)."""
        with self._lock:
            self.faults.killed.add(service)

    def fault_for(self, service: str) -> str | None:
        """The fault to inject into this request (decided under the lock: reproducible per seed)."""
        with self._lock:
            if service in self.faults.killed:
                return "killed"
            return self.faults.draw(self._rng)

    def wait_hung(self) -> None:
        """Hang like a stuck backend: until hang_seconds pass or the server stops."""
        self._stopping.wait(self.faults.hang_seconds)

    @property
    def stopped(self) -> bool:
        """Whether the server is shutting down."""
        return self._stopping.is_set()

    def peak_per_second(self, services: tuple[str, ...]) -> int:
        """The most requests the given services received together in any 1-second window."""
        return self.peak_in_window(services, 1.0)

    def peak_in_window(self, services: tuple[str, ...], window: float) -> int:
        """The most requests the given services received together in any `window` seconds."""
        with self._lock:
            times = sorted(t for s in services for t in self.arrivals.get(s, []))
        peak, start = 0, 0
        for end, at in enumerate(times):
            while at - times[start] >= window:
                start += 1
            peak = max(peak, end - start + 1)
        return peak

    @property
    def url(self) -> str:
        """http://127.0.0.1:PORT"""
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def base_urls(self) -> dict[str, str]:
        """AUDITOR_*_URL environment variables pointing at this server."""
        return {
            "AUDITOR_EUTILS_URL": f"{self.url}/eutils",
            "AUDITOR_IDCONV_URL": f"{self.url}/idconv/",
            "AUDITOR_CROSSREF_URL": f"{self.url}/crossref",
            "AUDITOR_CTGOV_URL": f"{self.url}/ctgov",
            "AUDITOR_DOIRA_URL": f"{self.url}/doira",
        }

    @contextmanager
    def serving(self, service: str) -> Iterator[None]:
        """Count a request as in flight while it is answered (the most at once: `peak_in_flight`)."""
        with self._lock:
            self.in_flight[service] += 1
            self.peak_in_flight[service] = max(self.peak_in_flight[service], self.in_flight[service])
        try:
            yield
        finally:
            with self._lock:
                self.in_flight[service] -= 1

    def count(self, service: str) -> None:
        """Count one request to a service (and when it arrived)."""
        with self._lock:
            self.requests[service] += 1
            self.arrivals[service].append(time.monotonic())

    def answer(self, path: str, params: dict[str, str]) -> tuple[int, str, str]:
        """(status, content type, body) for a request."""
        service = path.split("/")[1] if "/" in path else path
        self.count(service)
        with self._lock:
            self.endpoints[endpoint_name(service, path)] += 1
        route = {
            "eutils": self._eutils,
            "idconv": self._idconv,
            "crossref": self._crossref,
            "ctgov": self._ctgov,
            "doira": self._doira,
        }
        handler = route.get(service)
        return handler(path, params) if handler else (404, "text/plain", "no such service")

    def _eutils(self, path: str, params: dict[str, str]) -> tuple[int, str, str]:
        ids = [i for i in params.get("id", "").split(",") if i]
        if path.endswith("efetch.fcgi"):
            return (
                200,
                "text/xml",
                efetch_xml([self.records.by_pmid[i] for i in ids if i in self.records.by_pmid]),
            )
        if path.endswith("esearch.fcgi"):
            return 200, "application/json", json.dumps({"esearchresult": {"idlist": self._esearch(params)}})
        if path.endswith("esummary.fcgi") and params.get("db") == "nlmcatalog":
            return 200, "application/json", json.dumps({"result": self._catalog_summaries(ids)})
        if path.endswith("esummary.fcgi"):
            return 200, "application/json", json.dumps({"result": {"uids": []}})
        if path.endswith("ecitmatch.cgi"):
            return 200, "text/plain", params.get("bdata", "") + "NOT_FOUND\n"
        return 404, "text/plain", "unknown endpoint"

    def _esearch(self, params: dict[str, str]) -> list[str]:
        term = params.get("term", "")
        if params.get("db") == "nlmcatalog":  # every serial whose title or abbreviation has the words
            words = _words(term.split("[")[0].strip('" '))
            return [
                str(i)
                for i, names in enumerate(self.records.serials)
                if any(words in _words(n or "") for n in names)
            ]
        if term.endswith("[doi]"):
            record = self.records.by_doi.get(term[: -len("[doi]")].strip('"').lower())
            return [record.pmid] if record and record.pmid else []
        return [r.pmid for r in self.records.all if r.pmid and _term_matches(term, r)]

    def _catalog_summaries(self, ids: list[str]) -> dict[str, Any]:
        result: dict[str, Any] = {"uids": ids}
        for uid in ids:
            title, abbrev = self.records.serials[int(uid)]
            result[uid] = {
                "uid": uid,
                "nlmuniqueid": uid,
                "titlemainlist": [{"title": f"{title}."}],
                "medlineta": abbrev or title,
            }
        return result

    def _doira(self, path: str, params: dict[str, str]) -> tuple[int, str, str]:
        out = []
        for doi in unquote(path.split("/doira/", 1)[-1]).split(","):
            agency = self.records.agencies.get(doi.lower()) or (
                "Crossref" if doi.lower() in self.records.by_doi else None
            )
            out.append({"DOI": doi, "RA": agency} if agency else {"DOI": doi, "status": "DOI does not exist"})
        return 200, "application/json;charset=UTF-8", json.dumps(out, indent=2)

    def _idconv(self, path: str, params: dict[str, str]) -> tuple[int, str, str]:
        out = []
        for raw in (i for i in params.get("ids", "").split(",") if i):
            r = self.records.by_pmcid.get(raw.upper())
            out.append(
                {"requested-id": raw, "pmcid": r.pmcid, "pmid": r.pmid, "doi": r.doi}
                if r
                else {"requested-id": raw, "status": "error", "errmsg": "invalid article id"}
            )
        return 200, "application/json", json.dumps({"status": "ok", "records": out})

    def _crossref(self, path: str, params: dict[str, str]) -> tuple[int, str, str]:
        if path.rstrip("/").endswith("/journals"):  # titles with every word of the query
            words = _words(params.get("query", ""))
            hits = [t for t, _ in self.records.serials if words in _words(t)]
            items = [{"title": t, "ISSN": []} for t in hits[: int(params.get("rows", 20))]]
            body = {
                "status": "ok",
                "message-type": "journal-list",
                "message": {"total-results": len(hits), "items": items},
            }
            return 200, "application/json", json.dumps(body)
        if path.rstrip("/").endswith("/works"):
            items = [crossref_work(r) for r in self.records.all if r.doi and _crossref_matches(params, r)]
            return (
                200,
                "application/json",
                json.dumps({"message": {"items": items[: int(params.get("rows", 5))]}}),
            )
        record = self.records.by_doi.get(unquote(path.split("/works/", 1)[-1]).lower())
        if record is None:
            return 404, "text/plain", "Resource not found."
        return 200, "application/json", json.dumps({"status": "ok", "message": crossref_work(record)})

    def _ctgov(self, path: str, params: dict[str, str]) -> tuple[int, str, str]:
        if path.rstrip("/").endswith("/studies"):
            return 200, "application/json", json.dumps({"studies": []})
        trial = self.records.by_nct.get(path.rsplit("/", 1)[-1].upper())
        if trial is None:
            return 404, "application/json", json.dumps({"message": "not found"})
        return 200, "application/json", json.dumps(ctgov_study(trial))


JOURNALS = Path(__file__).resolve().parent.parent / ".." / "shared" / "data" / "journals.json"


@lru_cache(maxsize=1)
def _catalogue() -> tuple[tuple[str, str | None], ...]:
    """Real journal titles and abbreviations (../shared/data/journals.json), when present."""
    if not JOURNALS.exists():
        return ()
    return tuple((t, a) for t, a in json.loads(JOURNALS.read_text("utf-8"))["journals"])


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "


_FIELD = re.compile(r'"([^"]{1,300})"\[(au|dp|ta|ti|tiab|ad)\]|(\d{4})\[dp\]|(\w{1,60})\[(ti)\]')


def _term_matches(term: str, r: Record) -> bool:
    """A search engine in miniature: every field of the term must hold ([ad]: records carry no
    affiliations, so it is not checked); the OR-group of [tiab] words holds if any word does."""
    text = _words(f"{r.title or ''} {r.abstract or ''}")
    ors = [m.group(1) for m in re.finditer(r'"([^"]{1,100})"\[tiab\]', term)]
    if ors and not any(_words(w) in text for w in ors):
        return False
    for m in _FIELD.finditer(term):
        value, field = (
            (m.group(1), m.group(2))
            if m.group(1)
            else (m.group(3) or m.group(4), "dp" if m.group(3) else "ti")
        )
        if field == "au" and not any(_words(a.family) == _words(value) for a in r.authors):
            return False
        if field == "dp" and str(r.year) != value:
            return False
        if field == "ta" and _words(value) not in (_words(r.journal or ""), _words(r.journal_abbrev or "")):
            return False
        if field == "ti" and _words(value) not in _words(r.title or ""):
            return False
    return bool(_FIELD.search(term))


def _crossref_matches(params: dict[str, str], r: Record) -> bool:
    """Crossref search in miniature: year filter, container title, and shared words with the title."""
    years = re.findall(r"(?:from|until)-pub-date:(\d{4})", params.get("filter", ""))
    if len(years) == 2 and not (int(years[0]) <= (r.year or 0) <= int(years[1])):
        return False
    container = params.get("query.container-title")
    if container and _words(container) not in (_words(r.journal or ""), _words(r.journal_abbrev or "")):
        return False
    wanted = set(_words(params.get("query.bibliographic", "")).split())
    return len(wanted & set(_words(f"{r.title or ''} {r.abstract or ''}").split()) - _COMMON) >= 2


_COMMON = frozenset({"the", "of", "and", "in", "a", "for", "on", "with", "to", "from", "by", "j"})


def endpoint_name(service: str, path: str) -> str:
    """ "eutils/efetch.fcgi", "crossref/works" (a search), "crossref/works/{doi}", "ctgov/studies/{nct}"."""
    if service in ("crossref", "ctgov") and not path.rstrip("/").endswith(("/works", "/studies")):
        collection = "works" if service == "crossref" else "studies"
        return f"{service}/{collection}/{{id}}"
    return f"{service}/{path.rstrip('/').rsplit('/', 1)[-1]}"


def _handler_for(services: FakeServices) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _reply(self, params: dict[str, str]) -> None:
            path = urlsplit(self.path).path
            service = path.split("/")[1] if "/" in path else path
            with services.serving(service):
                self._answer(path, service, params)

        def _answer(self, path: str, service: str, params: dict[str, str]) -> None:
            time.sleep(services.latency)
            fault = services.fault_for(service)
            if fault is not None:
                services.count(service)
                with services._lock:
                    services.faulted[fault] += 1
                self._inject(fault)
                return
            status, content_type, body = services.answer(path, params)
            if services.faults.echo_request and service in ("eutils", "idconv"):
                status, content_type, body = self._echo(service, params)
            self._send(status, content_type, body.encode("utf-8"))

        def _send(self, status: int, content_type: str, payload: bytes, *, length: int | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload) if length is None else length))
            if status == 429:
                self.send_header("Retry-After", services.faults.retry_after)
            self.end_headers()
            self.wfile.write(payload)

        def _inject(self, fault: str) -> None:
            if fault == "killed":
                self.close_connection = True
                return
            if fault == "hang":
                services.wait_hung()
                self.close_connection = True
                return
            if fault == "truncate":
                body = b'{"esearchresult": {"idlist": ["1", "2", "3"], "count": "3"}}' * 4
                self._send(200, "application/json", body[: len(body) // 2], length=len(body))
                self.close_connection = True
                return
            status = 429 if fault == "throttle" else random.choice((500, 502, 503))
            self._send(status, "text/plain", b"Service temporarily unavailable")

        def _echo(self, service: str, params: dict[str, str]) -> tuple[int, str, str]:
            """An error body that quotes the request (query and form), as some proxies and backends do."""
            first = {k: params[k] for k in ("api_key", "email") if k in params}  # quoted first, like NCBI
            rest = {k: v for k, v in params.items() if k not in first}
            request = f"{self.command} {urlsplit(self.path).path}?{urlencode(rest)}"
            quoted = f"cannot serve {urlencode(first)} for {request}"
            if service == "idconv":
                return 200, "application/json", json.dumps({"status": "error", "message": quoted})
            return 200, "application/json", json.dumps({"error": quoted})

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            self._reply(_flat(parse_qs(urlsplit(self.path).query)))

        def do_POST(self) -> None:  # noqa: N802
            length = min(int(self.headers.get("Content-Length") or 0), 10_000_000)
            body = self.rfile.read(length).decode("utf-8", "replace")
            self._reply({**_flat(parse_qs(urlsplit(self.path).query)), **_flat(parse_qs(body))})

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (quiet)
            return

    return Handler


def _flat(query: dict[str, list[str]]) -> dict[str, str]:
    return {k: v[0] for k, v in query.items() if v}
