"""Link citation claims to the references they cite (pure: no I/O).

Numbered citations link by label number; author citations and named studies link by first author
(`references.matching.name_keys`: any script, romanised Chinese surnames, group authors across
languages) and exact year, with 2020a/2020b resolved; named studies also by journal + year, the
journal given in English or in a known Chinese translation, unless the study's sentence speaks of
a topic the entry's title does not (Chinese term table; `named_studies.off_topic`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from auditor.claims.extract.author_forms import GROUP_NAME
from auditor.claims.group_nouns import has_group_noun
from auditor.claims.models import Claim, ClaimKind
from auditor.claims.text import sentence_at
from auditor.named_studies import off_topic, on_topic
from auditor.references.matching import (
    name_keys,
    romanised_keys,
    translate_journal,
    year_matches,
)
from auditor.references.models import Reference
from auditor.references.section import LABEL

_MAX_TEXT_SCAN = 2000  # reference texts searched for a journal name only in lists up to this size
_JOURNAL_NOISE = re.compile(r"[^0-9a-z\u4e00-\u9fff]")


def journal_key(name: str) -> str:
    """A comparable form of a journal name: lower case, letters and digits only, no leading "the"."""
    folded = unicodedata.normalize("NFKC", name).casefold().strip()
    folded = folded.removeprefix("the ")
    return _JOURNAL_NOISE.sub("", folded)


def journal_names(name: str) -> set[str]:
    """Keys of a cited journal name and of its English names, when a translation is known."""
    keys = {journal_key(name), *(journal_key(form) for form in translate_journal(name))}
    return {k for k in keys if k}


def references_by_number(references: Sequence[Reference]) -> dict[int, Reference]:
    """Reference number → reference: its numeric label, else (unlabelled) its 1-based position.

    A reference with a non-numeric label (a BibTeX key such as "Smith2019") has no number; a label
    wins over a position ("[1]" after an unlabelled line is number 1).
    """
    labels = [(ref.label or "").strip().strip("[]().（）［］") for ref in references]
    by_label: dict[int, Reference] = {}
    for ref, label in zip(references, labels, strict=True):
        if label.isascii() and label.isdigit():
            by_label.setdefault(int(label), ref)
    for position, (ref, label) in enumerate(zip(references, labels, strict=True), start=1):
        if not label:  # an unlabelled entry takes its position, unless a labelled entry has it
            by_label.setdefault(position, ref)
    return by_label


_LEADING_NAME = re.compile(r"[^,，.。(（;；:：]{1,200}")
_FIRST_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def cited_group(claim: Claim, name: str) -> bool:
    """Whether `name` is the group author an author citation starts with."""
    norm = claim.normalized
    return bool(norm.get("group")) and name == (norm.get("authors") or [None])[0]


def cited_name_keys(claim: Claim, name: str) -> frozenset[str]:
    """Keys of a name as an author citation gives it (the first name may be a group author)."""
    return name_keys(name, group=cited_group(claim, name))


def reference_author_keys(ref: Reference) -> list[frozenset[str]]:
    """Keys of each author of an entry; an entry the parser found no authors in gives its lead."""
    keys = [name_keys(a.family, a.given, group=a.collective) for a in ref.parsed.authors if a.family]
    if keys:
        return keys
    head = LABEL.sub("", ref.text, count=1).strip()
    group = GROUP_NAME.match(head[:200])  # "RTS,S Clinical Trials Partnership. (2011)": a comma inside
    if group is not None:
        return [name_keys(group.group(), group=True)]
    lead = _LEADING_NAME.match(head)
    if lead is None:
        return []
    words = lead.group().split()
    if has_group_noun(lead.group()):
        return [name_keys(lead.group(), group=True)]
    return [name_keys(words[0])] if words else []


_ETAL_AFTER = re.compile(r"[\s,.;，、]{0,4}(?:et\.?\s{0,2}al\b|and\s{1,2}others\b|等)", re.IGNORECASE)
_ETAL_WINDOW = 40  # characters after the last listed name's surname


def author_list_truncated(ref: Reference) -> bool:
    """Whether the entry's author list ends in "et al."/"等" ("Cummings, S. R. et al. …"): an
    author not listed may still be one of the work's authors."""
    authors = [a for a in ref.parsed.authors if a.family]
    if not authors:
        return False
    head = ref.text[:2000]
    at = head.find(authors[-1].family)
    if at < 0:
        return False
    after = at + len(authors[-1].family)
    window = head[after : after + _ETAL_WINDOW]
    given = authors[-1].given
    skip = window.find(given) + len(given) if given and window.find(given) >= 0 else 0
    return _ETAL_AFTER.match(window, skip) is not None


def _year_of(ref: Reference) -> int | None:
    if ref.parsed.year is not None:
        return ref.parsed.year
    found = _FIRST_YEAR.search(ref.text[:2000])
    return int(found.group()) if found else None


class ReferenceIndex:
    """References indexed by author keys (any script, group authors) and journal key."""

    def __init__(self, references: Sequence[Reference]) -> None:
        self.references = list(references)
        self.first_author: dict[str, list[Reference]] = {}
        self.any_author: dict[str, list[Reference]] = {}
        self.journal: dict[str, list[Reference]] = {}
        self.years: dict[str, int | None] = {}
        self._romanised: dict[str, list[Reference]] | None = None  # built when a Latin name needs it
        # `by_authors` of each claim asked about (the link stage and several checks ask)
        self._by_authors: dict[int, tuple[Claim, list[Reference]]] = {}
        for ref in self.references:
            self._add(ref)

    def indexes(self, references: Sequence[Reference]) -> bool:
        """Whether this index was built from exactly `references` (the same objects, in order)."""
        return len(references) == len(self.references) and all(
            a is b for a, b in zip(references, self.references, strict=True)
        )

    def _add(self, ref: Reference) -> None:
        authors = reference_author_keys(ref)
        self.years[ref.id] = _year_of(ref)
        for key in authors[0] if authors else ():
            self.first_author.setdefault(key, []).append(ref)
        for key in dict.fromkeys(k for keys in authors for k in keys):
            self.any_author.setdefault(key, []).append(ref)
        if ref.parsed.journal:
            self.journal.setdefault(journal_key(ref.parsed.journal), []).append(ref)

    def by_authors(self, claim: Claim) -> list[Reference]:
        """Entries whose first author is the first cited name; else whose authors include all cited.

        Found once per claim (the same object) and index; a new list each time.
        """
        known = self._by_authors.get(id(claim))
        if known is None or known[0] is not claim:
            known = self._by_authors[id(claim)] = (claim, self._find_by_authors(claim))
        return list(known[1])

    def _find_by_authors(self, claim: Claim) -> list[Reference]:
        names = [str(n) for n in claim.normalized.get("authors") or [] if n]
        keys = [cited_name_keys(claim, name) for name in names]
        if not keys:
            return []
        first = _unique(r for key in keys[0] for r in self.first_author.get(key, []))
        if not first and not cited_group(claim, names[0]):
            first = self._across_scripts(names[0])
        if first or len(keys) < 2:
            return first  # one name ("Cao et al.") must be the first author, not any co-author
        pools = [{id(r): r for key in name for r in self.any_author.get(key, [])} for name in keys]
        return [r for ref_id, r in pools[0].items() if all(ref_id in pool for pool in pools[1:])]

    def _across_scripts(self, name: str) -> list[Reference]:
        """Entries whose first author is the cited name in the other script (曹彬 ↔ Cao B)."""
        romanised = romanised_keys(name)
        if romanised:
            return _unique(r for key in romanised for r in self.first_author.get(key, []))
        if self._romanised is None:
            self._romanised = {}
            for ref in self.references:
                first = ref.parsed.authors[0] if ref.parsed.authors else None
                for key in romanised_keys(first.family, first.given) if first else ():
                    self._romanised.setdefault(key, []).append(ref)
        return list(self._romanised.get(next(iter(name_keys(name)), ""), []))

    def by_journal(self, journal: str, year: int | None) -> list[Reference]:
        """References in that journal (or its known English name), in that year (±1) when given."""
        keys = journal_names(journal)
        hits = [r for k in keys for r in self.journal.get(k, [])]
        if not hits and len(self.references) <= _MAX_TEXT_SCAN:
            long_keys = [k for k in keys if len(k) >= 6]
            hits = [r for r in self.references if any(k in journal_key(r.text) for k in long_keys)]
        if year is None:
            return hits
        exact = [r for r in hits if self.years[r.id] == year]
        return exact or [r for r in hits if year_matches(year, self.years[r.id], tolerance=1)]

    def written_suffix(self, ref: Reference) -> str:
        """The a/b letter the entry writes after its year ("Ridker PM (2017a)" → "a"), else ""."""
        year = self.years.get(ref.id)
        if year is None:
            return ""
        found = re.search(rf"(?<!\d){year}([a-z])(?![a-z])", ref.text[:2000])
        return found.group(1) if found else ""

    def same_year(self, year: int | None, suffix: str | None, candidates: list[Reference]) -> list[Reference]:
        """The entries of that year, and of the `a`/`b` work of that year when a suffix is given.

        An author-year style lists the same author's works of one year as 2020a, 2020b…: the suffix
        written in the entry decides, else the order of the entries in the list.
        """
        if year is None:
            return candidates
        exact = [r for r in candidates if self.years[r.id] == year]
        if not exact:
            return [r for r in candidates if self.years[r.id] is None]  # an unknown year contradicts nothing
        if not suffix:
            return exact
        written = {r.id: letter for r in exact if (letter := self.written_suffix(r))}
        if written:
            return [r for r in exact if written.get(r.id) == suffix]
        index = ord(suffix) - ord("a")
        return [exact[index]] if 0 <= index < len(exact) else []


def _unique(refs: Iterable[Reference]) -> list[Reference]:
    return list({id(r): r for r in refs}.values())


def link_author_citation(
    claim: Claim, references: Sequence[Reference] | ReferenceIndex, sentence: str | None = None
) -> tuple[str, ...]:
    """Ids of the references an author citation or named study points to (may be empty).

    The first author (any script, group authors across languages) and the exact year must agree;
    a named study without authors links by journal and year (±1), unless its `sentence` (when
    given) speaks of a topic the entry's title does not (`named_studies.off_topic`); without a
    year, or with a year one off the entry's, only to an entry of the journal that is not on
    another topic than an English sentence.
    """
    index = references if isinstance(references, ReferenceIndex) else ReferenceIndex(references)
    norm = claim.normalized
    year = norm.get("year")
    hits = index.same_year(year, norm.get("suffix"), index.by_authors(claim))
    journal = norm.get("journal")
    if not hits and journal and (claim.kind is ClaimKind.NAMED_STUDY or not norm.get("authors")):
        hits = index.by_journal(str(journal), year)
        if sentence is not None:
            hits = [r for r in hits if not off_topic(sentence, r.parsed.title)]
        if year is None or all(index.years[r.id] != year for r in hits):
            # the journal alone, or with a year one off, is weak evidence: not on another topic
            hits = [r for r in hits if _agrees(claim, sentence, r)]
    return tuple(r.id for r in hits)


def _agrees(claim: Claim, sentence: str | None, ref: Reference) -> bool:
    """A yearless study and an entry of its journal: the entry names its institution, or its title
    does not speak of other things than the sentence (`named_studies.on_topic`: True, or unknown).

    Precision first: an entry whose title shares no topic with the sentence is not the study (R104
    follows); when the topic cannot be told (no title, a Chinese title, no known concept), the
    journal stands, as an unknown year contradicts nothing.
    """
    institution = str(claim.normalized.get("institution") or "")
    if len(key := journal_key(institution)) >= 4 and key in journal_key(ref.text[:2000]):
        return True
    if sentence is None:
        return True
    exclude = f"{institution} {claim.normalized.get('journal') or ''}"
    return on_topic(sentence, exclude, ref.parsed.title) is not False


def link_numbered_citation(claim: Claim, numbered: dict[int, Reference]) -> tuple[str, ...]:
    """Ids of the references a numbered citation points to, in the order cited."""
    ids: dict[str, None] = {}
    for number in claim.normalized.get("numbers") or []:
        ref = numbered.get(int(number))
        if ref is not None:
            ids.setdefault(ref.id)
    return tuple(ids)


def link_citations(
    claims: Sequence[Claim], references: Sequence[Reference] | ReferenceIndex, text: str | None = None
) -> dict[str, tuple[str, ...]]:
    """Claim id → ids of the references it cites, for every citation claim (empty tuple: none).

    `text` (the document's): named studies linked by journal and year are checked against the
    topic of their sentence.
    """
    index = references if isinstance(references, ReferenceIndex) else ReferenceIndex(references)
    numbered = references_by_number(index.references)
    links: dict[str, tuple[str, ...]] = {}
    for claim in claims:
        if claim.kind is ClaimKind.NUMBERED_CITATION:
            links[claim.id] = link_numbered_citation(claim, numbered)
        elif claim.kind is ClaimKind.AUTHOR_CITATION:
            links[claim.id] = link_author_citation(claim, index)
        elif claim.kind is ClaimKind.NAMED_STUDY:
            # only a study linked by its journal reads its sentence: the text's sentences are
            # split (once per text, cached by sentence_at) only when one needs it
            journal = claim.normalized.get("journal")
            sentence = _sentence(text, claim) if text is not None and journal else None
            links[claim.id] = link_author_citation(claim, index, sentence)
    return links


def _sentence(text: str, claim: Claim) -> str:
    start, end = sentence_at(text, claim.span.start)
    return text[start:end]
