"""Evidence carried forward: the sentences after a citation that go on talking about the cited study.

"Macêdo et al. (2024) treated patients with chronic cervical injury. … The sample was only 6
patients." The last sentence relies on the cited work although it cites nothing. A citing sentence's
evidence is carried through the sentences that follow it in its paragraph and stops at another
citation, trial ID or named study, at a topic change ("another study", "in contrast", "另一项",
"同年", "our patients", "本院"), after `_MAX_CARRIED` sentences, and at the paragraph end; a citing
sentence that ends its paragraph reaches into the next one when (after at most one heading line)
that paragraph opens by referring back ("The patients …", "患者接受了…", "该研究…"). Only carried
sentences that name the study themselves ("the trial", "these patients", "该研究", "其中", "样本量")
are returned: those are the ones whose numbers can be compared with the cited abstract.
Pure and linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from auditor.claims.models import CITATION_KINDS, Claim, ClaimKind, Document
from auditor.claims.text import sentence_bounds
from auditor.evidence import ClaimSentence

_MAX_CARRIED = 5  # sentences after the citing one
_HEADING_CHARS = 80
_TAIL = 64  # characters looked back for the end of a sentence before a line break
_TERMINAL = tuple("。.!?！？;；:：")
_TOPIC_CHANGE = re.compile(
    r"\b(?:another|other (?:studies|trials|groups|teams|investigators|work)"
    r"|an? (?:separate|second|later|subsequent|different|larger|smaller|earlier|newer|recent) (?:study|trial)"
    r"|in contrast|by contrast|by comparison|conversely|meanwhile|previously|in general|taken together"
    r"|collectively|in summary|in conclusion|more broadly|worldwide|globally|the same year)\b"
    r"|\boverall,|另一|另外一|其他研究|其它研究|其他试验|其他試驗|其他团队|其他團隊|此前|先前|相比之下|与此相反|與此相反"
    r"|同年|同期|总之|總之|综上|綜上|总体而言|總體而言|总的来说|總的來說|全球|全世界"
    # the author's own patients or study
    r"|\b(?:our|we|us)\b|我们|我們|本院|本科|本研究|本文|笔者|筆者",
    re.I,
)
_NAMES_STUDY = re.compile(
    r"\b(?:the|this|that|their|its)(?: same)? (?:study|trial|cohort|investigators|authors|researchers|team"
    r"|sample|patients|participants|subjects|volunteers)\b"
    r"|\b(?:these|those) (?:patients|participants|subjects)\b"
    r"|\bthose (?:treated|given|receiving|who received|assigned|randomi[sz]ed|enrolled)\b"
    r"|\b(?:the|in the) [a-z0-9-]{1,30} (?:group|arm)\b|\b(?:with|for|on|than) placebo\b"
    r"|\bof (?:these|them)\b|\bthey\b|\bsample size\b"
    r"|该研究|該研究|此研究|这项研究|這項研究|这一研究|這一研究|该试验|該試驗|此试验|此試驗|这项试验|這項試驗"
    r"|研究者|研究人员|研究人員|研究团队|研究團隊|作者|其中|这些患者|這些患者|该组|該組|受试者|受試者"
    r"|参与者|參與者|研究对象|研究對象|安慰剂|安慰劑|[\u4e00-\u9fff]组|[\u4e00-\u9fff]組"
    r"|样本量|樣本量|纳入|納入|入组|入組|他们|他們|^[ \t]*患者",
    re.I,
)
_OPENS_BY_REFERRING_BACK = re.compile(
    r"[ \t]*(?:(?:the|these|this|those|their|its|in (?:this|that|the))(?: same)? (?:study|trial|patients"
    r"|participants|subjects|authors|investigators|researchers|cohort)\b|they\b"
    r"|该|該|此项|此項|这项|這項|这些|這些|患者|受试者|受試者|参与者|參與者|研究对象|研究對象|研究者|研究人员|研究人員"
    r"|其中|他们|他們)",
    re.I,
)


def _stops(claims: Sequence[Claim]) -> list[int]:
    """Offsets of every citation, named study and trial ID: a sentence holding one is its own evidence."""
    kinds = CITATION_KINDS | {ClaimKind.TRIAL_ID}
    return sorted(c.span.start for c in claims if c.kind in kinds)


def _holds_stop(stops: list[int], start: int, end: int) -> bool:
    i = bisect_left(stops, start)
    return i < len(stops) and stops[i] < end


def _paragraph_break(text: str, end: int, start: int) -> bool:
    """True when a paragraph ends between two sentences (a blank line, or a line ending a sentence)."""
    gap = text[end:start]
    if "\n" not in gap:
        return False
    before = text[max(0, end - _TAIL) : end].rstrip()  # a bounded look back: linear over the text
    return "\n\n" in gap.replace(" ", "").replace("\t", "") or before.endswith(_TERMINAL)


def _is_heading(text: str, bounds: tuple[int, int]) -> bool:
    """A short line of its own without a sentence terminator (a title or a Markdown heading)."""
    start, end = bounds
    line = text[start:end].strip()
    whole_line = (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")
    return whole_line and 0 < len(line) <= _HEADING_CHARS and not line.endswith(_TERMINAL)


def _chain(text: str, bounds: list[tuple[int, int]], first: int, stops: list[int]) -> list[tuple[int, int]]:
    """The sentences after bounds[first] that carry its evidence (all of them, named or not)."""
    chain: list[tuple[int, int]] = []
    bridged = False
    i = first + 1
    while i < len(bounds) and len(chain) < _MAX_CARRIED:
        start, end = bounds[i]
        if _paragraph_break(text, bounds[i - 1][1], start):
            if bridged or i > first + 1:
                break  # only a citing sentence that ends its paragraph reaches into the next one
            bridged = True
            if _is_heading(text, bounds[i]) and i + 1 < len(bounds) and not _holds_stop(stops, start, end):
                i += 1
                start, end = bounds[i]
            if not _OPENS_BY_REFERRING_BACK.match(text, start):
                break
        sentence = text[start:end]
        if _holds_stop(stops, start, end) or _TOPIC_CHANGE.search(sentence):
            break
        chain.append((start, end))
        i += 1
    return chain


def carried_sentences(
    document: Document, claims: Sequence[Claim], cited: Sequence[ClaimSentence]
) -> list[ClaimSentence]:
    """Sentences without a citation of their own that rely on the work cited just before them and
    name it ("the trial", "these patients", "该研究", "样本量"), with that citing sentence's evidence."""
    text = document.text
    bounds = [b for b in sentence_bounds(text) if text[b[0] : b[1]].strip()]
    starts = [b[0] for b in bounds]
    stops = _stops(claims)
    carried: list[ClaimSentence] = []
    for source in cited:
        if not source.evidence_ids:
            continue
        first = bisect_right(starts, source.start) - 1
        if first < 0 or bounds[first][1] <= source.start:
            continue
        for start, end in _chain(text, bounds, first, stops):
            if _NAMES_STUDY.search(text[start:end]):
                carried.append(
                    ClaimSentence(
                        start, end, (), source.evidence_ids, source.trials, carried_from=source.start
                    )
                )
    return carried
