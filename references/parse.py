"""Reference lists as written in articles: split into entries, then parse each entry's fields.

Styles handled (each detected by its own layout): GB/T 7714 (`作者.题名[J].刊名,年,卷(期):页.`),
APA-like with a parenthesised year (English or with Chinese punctuation, `(2013)。`, `(2009 年，3 月
20 日)`, `(nd)`), MDPI (`Authors. Title. Journal Year, Vol, Pages.`), journal-website
(`… Journal 83(4):p 323-324, April 2020. | DOI: …`) and Vancouver (`Journal. 2019;380(3):211-20.`).
Identifiers (DOI, PMID, PMCID, NCT) come from the text and from the URLs it carries.
"""

from __future__ import annotations

import re
from typing import Any

from claims.models import Document
from references.identifiers import ids_from_url, normalize_doi, normalize_nct, normalize_pmcid, normalize_pmid
from references.models import Author, ParsedReference, Reference
from references.section import LABEL, locate_reference_section

_URL = re.compile(r"https?://[^\s<>\"'，。；、）]{1,2000}")
_DOI = re.compile(r"(?<![\w/.])10\.\d{4,9}/[^\s，。；、]{1,500}")
_PMID = re.compile(r"PMID\s{0,3}[:：]?\s{0,3}(\d{1,8})\b", re.IGNORECASE)
_PMCID = re.compile(r"\bPMC\d{1,9}\b")
_NCT = re.compile(r"\bNCT\d{8}\b")
_RETRIEVED = re.compile(r"(?:Retrieved|Accessed|Available)(?:[^.。]{0,40}?)\s(?:from|at)\s*$"
                        r"|[^。.]{0,30}检索自\s*$"
                        r"|[^。.]{0,30}檢索自\s*$", re.IGNORECASE)
_DOI_MARK = re.compile(r"\|?\s{0,3}(?:doi|DOI)\s{0,2}[:：]?\s{0,2}$")
_GBT_TYPE = re.compile(r"\[(?:J|M|C|D|R|S|P|N|Z|G|A|EB/OL|J/OL|M/OL|DB/OL)\]")
_GBT_TAIL = re.compile(
    r"[.．]?\s{0,3}(?P<journal>[^,，]{1,200}?)\s{0,3}[,，]\s{0,3}(?P<year>(?:19|20)\d{2})"
    r"(?:\s{0,3}[,，]\s{0,3}(?P<vol>\d{1,6})?\s{0,3}(?:[(（](?P<issue>[^)）]{1,12})[)）])?)?"
    r"(?:\s{0,3}[:：]\s{0,3}(?P<pages>[\dA-Za-z]{1,10}(?:\s{0,2}[-–—~]\s{0,2}[\dA-Za-z]{1,10})?))?"
)
_APA_YEAR = re.compile(
    r"[(（]\s{0,3}(?:(?P<year>(?:19|20)\d{2})[a-z]?(?:\s{0,3}年)?[^()（）]{0,30}|n\.?\s{0,2}d\.?)\s{0,3}[)）]",
    re.IGNORECASE,
)
_MDPI_TAIL = re.compile(
    r"\s(?P<year>(?:19|20)\d{2})\s{0,2},\s{0,2}(?P<vol>\d{1,6})\s{0,2}(?:\((?P<issue>[^)]{1,12})\))?"
    r"\s{0,2},\s{0,2}(?P<pages>[A-Za-z]{0,2}\d{1,8}(?:[-–]\d{1,8})?)"
)
_SITE_TAIL = re.compile(
    r"\s(?P<vol>\d{1,6})\((?P<issue>[^)]{1,12})\)\s{0,2}:\s{0,2}(?:p\s{0,2})?(?P<pages>[\w]{1,8}(?:[-–][\w]{1,8})?)"
    r"\s{0,2},\s{0,2}(?:[A-Z][a-z]{2,9}\.?\s{1,2})?(?:\d{1,2}\s{1,2})?(?P<year>(?:19|20)\d{2})"
)
_VANCOUVER_TAIL = re.compile(
    r"(?:^|[.。]\s{0,2}|\s)(?P<year>(?:19|20)\d{2})(?:\s[A-Z][a-z]{2}(?:\s\d{1,2})?)?\s{0,2};\s{0,2}(?P<vol>\d{1,6})"
    r"(?:\((?P<issue>[^)]{1,12})\))?\s{0,2}:\s{0,2}(?P<pages>[\w]{1,8}(?:[-–][\w]{1,8})?)"
)
_APA_SOURCE = re.compile(
    r"(?P<journal>[^,，]{1,200}?)\s{0,2}[,，]\s{0,2}(?P<vol>\d{1,6})\s{0,2}(?:\((?P<issue>[^)]{1,12})\))?"
    r"(?:\s{0,2}[,，]\s{0,2}(?:pp?\.\s{0,2})?(?P<pages>[A-Za-z]{0,2}\d{1,8}(?:[-–][A-Za-z]{0,2}\d{1,8})?))?"
)
_QUOTED_TITLE = re.compile(r"\s{0,2}['‘“\"](?P<title>[^'’”\"]{1,600})['’”\"]\s{0,2}[,，.。]?\s{0,2}")
_PLAIN_TAIL = re.compile(
    r"(?P<journal>[^,，.。]{1,200})[,，]\s{0,3}(?P<year>(?:19|20)\d{2})\s{0,3}[,，]\s{0,3}(?P<vol>\d{1,6})?"
    r"\s{0,3}(?:[(（](?P<issue>[^)）]{1,12})[)）])?\s{0,3}[:：]\s{0,3}"
    r"(?P<pages>[\dA-Za-z]{1,10}(?:\s{0,2}[-–—~]\s{0,2}[\dA-Za-z]{1,10})?)\s{0,3}$"
)
_ANY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_SENTENCE_END = re.compile(r"[。？！]|[.?!](?:\s|$)")
_ENTRY_ENDINGS = frozenset(".。")
MAX_PARSED_CHARS = 4000  # no real entry is longer; bounds the work on adversarial input

# ---------------------------------------------------------------- splitting a list into entries


def parse_reference_list(document: Document) -> list[Reference]:
    """Every entry of the document's reference list, ids r1…, spans into `document.text`."""
    section = locate_reference_section(document.text)
    if section is None:
        return []
    blocks = _entry_blocks(document.text, section.body_start, section.end)
    refs = []
    for number, (start, end) in enumerate(blocks, start=1):
        raw = document.text[start:end]
        label_match = LABEL.match(raw)
        label = next((g for g in label_match.groups() if g), None) if label_match else None
        refs.append(Reference(id=f"r{number}", label=label, text=raw, span=document.span(start, end),
                              parsed=parse_reference_text(raw)))
    return refs


def _line_bounds(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Non-blank lines of text[start:end] (trimmed) as offsets, each flagged if a blank line precedes it."""
    bounds = []
    pos = start
    after_blank = False
    for line in text[start:end].split("\n"):
        stripped = line.strip()
        if stripped:
            lead = pos + line.index(stripped[0])
            bounds.append((lead, lead + len(stripped), after_blank))
        after_blank = not stripped
        pos += len(line) + 1
    return bounds


def _entry_blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Numbered entries absorb continuation lines; unnumbered ones are paragraphs, else lines."""
    lines = _line_bounds(text, start, end)
    numbered = any(LABEL.match(text[s:e]) for s, e, _ in lines)
    paragraphs = not numbered and any(blank for _, _, blank in lines[1:])
    blocks: list[tuple[int, int]] = []
    for s, e, after_blank in lines:
        if numbered:
            starts_entry = after_blank or bool(LABEL.match(text[s:e]))
        else:  # a wrapped paragraph line continues a sentence; a finished line ends its entry
            previous_end = text[blocks[-1][1] - 1] if blocks else "."
            starts_entry = after_blank or not paragraphs or previous_end in _ENTRY_ENDINGS
        if starts_entry or not blocks:
            blocks.append((s, e))
        else:
            blocks[-1] = (blocks[-1][0], e)
    return blocks


# ---------------------------------------------------------------- one entry


def parse_reference_text(text: str) -> ParsedReference:
    """Fields of one reference entry (label optional); fields it cannot find stay None."""
    body = text[:MAX_PARSED_CHARS].strip()
    label = LABEL.match(body)
    body = body[label.end():].strip() if label else body
    ids, urls = _identifiers(body)
    core = _strip_identifiers(body)
    fields = (_parse_gbt(core) or _parse_vancouver(core) or _parse_apa(core) or _parse_semicolon(core)
              or _parse_plain_gbt(core))
    fields = fields or {"year": _first_year(core)}
    fields.update(ids)
    title, journal = fields.get("title"), fields.get("journal")
    fields["translated"] = _mostly_cjk(title) or _mostly_cjk(journal)
    return ParsedReference(url=urls[0] if urls else None, urls=urls, **fields)


def _identifiers(body: str) -> tuple[dict[str, str], list[str]]:
    """DOI, PMID, PMCID, NCT from the text and its URLs; the URLs without trailing punctuation."""
    urls = [u.rstrip(".,;:)]。") for u in _URL.findall(body)]
    ids: dict[str, str] = {}
    for url in urls:
        for key, value in ids_from_url(url).items():
            ids.setdefault(key, value)
    without_urls = _URL.sub(" ", body)
    candidates = {
        "doi": [normalize_doi(m) for m in _DOI.findall(without_urls)],
        "pmid": [normalize_pmid(m) for m in _PMID.findall(body)],
        "pmcid": [normalize_pmcid(m) for m in _PMCID.findall(without_urls)],
        "nct": [normalize_nct(m) for m in _NCT.findall(body)],
    }
    for key, values in candidates.items():
        found = next((v for v in values if v), None)
        if found and key not in ids:
            ids[key] = found
    return ids, urls


def _strip_identifiers(body: str) -> str:
    """The entry without URLs, DOIs and "retrieved from" phrases: the bibliographic core."""
    pieces = []
    rest = body
    for match in list(_URL.finditer(body))[::-1]:
        rest = body[: match.start()]
        pieces.append(body[match.end():])
        body = rest
    core = "".join([_RETRIEVED.sub("", rest), *reversed(pieces)])
    doi = _DOI.search(core)
    if doi:
        core = _DOI_MARK.sub("", core[: doi.start()]) + core[doi.end():]
    core = re.sub(r"\s{0,3}\|\s{0,3}$", "", core.strip())
    return core.strip(" 。.,，;；|")


def _first_year(text: str) -> int | None:
    match = _ANY_YEAR.search(text)
    return int(match.group(1)) if match else None


def _mostly_cjk(text: str | None) -> bool:
    if not text:
        return False
    letters = [ch for ch in text if ch.isalpha()]
    cjk = sum(1 for ch in letters if "\u3400" <= ch <= "\u9fff")
    return bool(letters) and cjk * 2 > len(letters)


def _clean(s: str | None) -> str | None:
    if s is None:
        return None
    cleaned = s.strip(" \t.,，。;；:：")
    if cleaned.startswith("《") and cleaned.endswith("》"):
        cleaned = cleaned[1:-1].strip()
    return cleaned or None


def _tail_fields(match: re.Match[str]) -> dict[str, Any]:
    """year/volume/issue/pages from a match of one of the tail patterns."""
    groups = match.groupdict()
    return {
        "year": int(groups["year"]) if groups.get("year") else None,
        "volume": groups.get("vol"),
        "issue": groups.get("issue"),
        "pages": re.sub(r"\s", "", groups["pages"]) if groups.get("pages") else None,
    }


def _split_title(text: str) -> tuple[str | None, str | None]:
    """Title and what follows it, split at the first sentence end that is not an abbreviation."""
    for match in _SENTENCE_END.finditer(text):
        before = text[: match.start()]
        word = re.search(r"(\S{1,40})$", before)
        if match.group().startswith(".") and word and _is_abbreviation(word.group(1)):
            continue
        keep = match.group().strip() if match.group().strip() in "?？!！" else ""
        return _clean(before + keep) if keep else _clean(before), _clean(text[match.end():])
    return _clean(text), None


def _is_abbreviation(word: str) -> bool:
    """"Int", "J", "Mol" end with a dot in journal abbreviations; "Disease" does not."""
    return len(word) <= 3 and word.isalpha() and word[:1].isupper() and not _mostly_cjk(word)


# ---------------------------------------------------------------- styles


def _parse_gbt(core: str) -> dict[str, Any] | None:
    """GB/T 7714: `作者,作者,等.题名[J].刊名,2021,41(06):628-632`."""
    kind = _GBT_TYPE.search(core)
    if not kind:
        return None
    head = core[: kind.start()]
    split = re.search(r"[.．]\s{0,3}", head)
    authors_text, title = (head[: split.start()], head[split.end():]) if split else ("", head)
    fields: dict[str, Any] = {"authors": parse_authors(authors_text, family_first=True),
                                 "title": _clean(title)}
    tail = _GBT_TAIL.match(core[kind.end():])
    if tail:
        fields.update(_tail_fields(tail), journal=_clean(tail.group("journal")))
    return fields


def _parse_apa(core: str) -> dict[str, Any] | None:
    """Author list, `(year)` or `(nd)`, title, journal[, vol(issue), pages]."""
    year = _APA_YEAR.search(core)
    if not year or year.start() == 0:
        return None
    after = core[year.end():].lstrip(" 。.,，:：")
    quoted = _QUOTED_TITLE.match(after)
    title, rest = (quoted.group("title"), after[quoted.end():]) if quoted else _split_title(after)
    fields: dict[str, Any] = {"authors": parse_authors(core[: year.start()]), "title": title,
                                 "year": int(year.group("year")) if year.group("year") else None}
    if rest:
        source = _APA_SOURCE.match(rest)
        if source:
            fields.update(_tail_fields(source), year=fields["year"], journal=_clean(source.group("journal")))
        else:
            fields["journal"] = _split_title(rest)[0]
    return fields


def _parse_semicolon(core: str) -> dict[str, Any] | None:
    """`Family, G.; Family, G. Title. Journal 2025, 26, 7405` and the journal-website layout."""
    if ";" not in core[:400]:
        return None
    *firsts, last = core.split(";")
    last_author = re.match(r"\s{0,3}([^,.;]{1,60},\s{0,2}[^.]{1,40}?)\.\s{1,3}(?=\S)", last)
    if not last_author:
        return None
    authors = parse_authors(";".join([*firsts, last_author.group(1)]))
    rest = last[last_author.end():]
    tail = _MDPI_TAIL.search(rest) or _SITE_TAIL.search(rest)
    fields: dict[str, Any] = {"authors": authors}
    before = rest[: tail.start()] if tail else rest
    fields["title"], fields["journal"] = _split_title(before)
    if tail:
        fields.update(_tail_fields(tail))
    else:
        fields["year"] = _first_year(rest)
    return fields


_AUTHORS_END = re.compile(r"\.\s(?![A-Z][.,])")  # not the dot between initials ("Vacanti M. P.,")


def _parse_plain_gbt(core: str) -> dict[str, Any] | None:
    """GB/T without a type mark: `陈明，王芳。题名。刊名，2019，23（5）：801-806`."""
    tail = _PLAIN_TAIL.search(core)
    if not tail:
        return None
    split = re.search(r"[。.．]\s{0,3}", core[: tail.start()])
    if not split:
        return None
    return {"authors": parse_authors(core[: split.start()], family_first=True),
            "title": _clean(core[split.end(): tail.start()]), "journal": _clean(tail.group("journal")),
            **_tail_fields(tail)}


def _parse_vancouver(core: str) -> dict[str, Any] | None:
    """`Smith J, Lee K. Title. Journal. 2019;380(3):211-20`."""
    tail = _VANCOUVER_TAIL.search(core)
    if not tail:
        return None
    head = core[: tail.start()]
    split = _AUTHORS_END.search(head)
    if not split:
        return None
    title, journal = _split_title(head[split.end():])
    return {"authors": parse_authors(head[: split.start()]), "title": title, "journal": journal,
            **_tail_fields(tail)}


# ---------------------------------------------------------------- authors

_ETAL = re.compile(r"\bet\s?al\.?|等人?$|…|\.\s\.\s\.|\.{3}", re.IGNORECASE)
_AUTHOR_SEP = re.compile(r"\s{0,2}(?:[、;；&]|\band\b|\s和\s?|…|\.\s\.\s\.\s?)\s{0,2}")
_INITIALS = re.compile(r"(?:[A-Z][a-z]?\.?[\s-]{0,2}){1,4}|[A-Z]{1,4}|(?:[A-Z]\.\s?){1,3}[a-z]\.")
_GIVEN_FIRST = re.compile(r"((?:[A-Z]\.\s?){1,3})\s{0,2}([A-Z][\w'-]{1,40})")
_COMPOUND_SURNAMES = (
    "欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "东方", "東方", "皇甫", "尉迟", "公孙",
)
_AFFILIATION = re.compile(r"(?:,[a-z*](?![a-z]))+\*?$|\*$")


def parse_authors(text: str, *, family_first: bool = False) -> list[Author]:
    """Authors of an entry: `、`/`;`/`&`/`and`/`和` separated, "Family, G." pairs or "Family G"."""
    chunks = [c.strip(" ,，.") for c in _AUTHOR_SEP.split(text) if c and c.strip(" ,，.")]
    authors: list[Author] = []
    for chunk in chunks:
        if _ETAL.fullmatch(chunk) or chunk in {"等", "et al"}:
            continue
        authors.extend(_chunk_authors(chunk, family_first))
    return _strip_affiliation_letters(authors)


def _chunk_authors(chunk: str, family_first: bool) -> list[Author]:
    """One separated chunk: may hold several comma-separated names ("Kim, S., Chang, K.-A.")."""
    chunk = _AFFILIATION.sub("", chunk)
    tokens = [t.strip() for t in re.split(r"[,，]", chunk) if t.strip()]
    if len(tokens) == 2 and not _mostly_cjk(chunk) and " " not in tokens[0] and not family_first:
        return [Author(family=tokens[0], given=tokens[1].rstrip("."))]
    authors: list[Author] = []
    for token in tokens:
        if authors and not authors[-1].given and _is_initials(token):
            authors[-1] = Author(family=authors[-1].family, given=token.rstrip("."))
        elif token not in {"等", "et al", "et al."}:
            authors.append(_single_name(token, family_first))
    return authors


def _is_initials(token: str) -> bool:
    initials = len(token) <= 8 and _INITIALS.fullmatch(token) is not None
    return initials or _AFFILIATION.search(token) is not None


def _single_name(token: str, family_first: bool) -> Author:
    """"Conaty P" / "D. Karussis" / "Shi Hua" (GB/T pinyin) / "胡可" / a collective name."""
    if _mostly_cjk(token):
        return _cjk_name(token)
    given_first = _GIVEN_FIRST.fullmatch(token)
    if given_first:
        return Author(family=given_first.group(2), given=given_first.group(1).strip())
    words = token.split()
    initials = 0  # trailing initials: "Conaty P", "Hess D C", "Vacanti M. P."
    while initials < len(words) - 1 and re.fullmatch(r"[A-Z]{1,3}\.?|(?:[A-Z]\.){1,3}", words[-1 - initials]):
        initials += 1
    if initials:
        return Author(family=" ".join(words[:-initials]), given=" ".join(words[-initials:]).rstrip("."))
    if len(words) >= 2 and family_first:
        return Author(family=words[0], given=" ".join(words[1:]))
    if len(words) > 4:
        return Author(family=token, collective=True)
    return Author(family=token)


def _cjk_name(token: str) -> Author:
    """Chinese names: surname first (two characters for compound surnames); long names are groups."""
    name = token.replace(" ", "")
    if len(name) > 4:
        return Author(family=name, collective=True)
    size = 2 if name[:2] in _COMPOUND_SURNAMES else 1
    return Author(family=name[:size], given=name[size:])


def _strip_affiliation_letters(authors: list[Author]) -> list[Author]:
    """Drop affiliation superscripts glued to given names ("Fa-Kunga; Yu-Lanb; Peng-Huic,d,*").

    Conservative: only markers after a comma/star, or trailing letters that run a, b, c… in order
    across at least two authors, count as affiliations.
    """
    givens = [_AFFILIATION.sub("", a.given) for a in authors]
    tails = [g[-1:] for g in givens]
    run = len(authors) >= 2 and all(
        len(g) > 2 and g[-2].islower() and t == chr(ord("a") + i)
        for i, (g, t) in enumerate(zip(givens, tails, strict=True))
    )
    stripped = [g[:-1] if run else g for g in givens]
    return [a.model_copy(update={"given": g}) for a, g in zip(authors, stripped, strict=True)]
