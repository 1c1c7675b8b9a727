"""The labels of enumerated parts, and whether they split one whole along one dimension.

"其中皮肤来源52个、血液来源41个" labels its parts before the numbers, "898名接受仑卡奈单抗、897名接受
安慰剂" and "605 received the drug and 615 received placebo" after them. Parts whose labels are
groups, a pair of opposites (男性/女性, 有效/无效), or categories with one head ("…来源", "…段",
"… cells", "cervical, thoracic and lumbar injuries") cannot overlap; "糖尿病120例、高血压100例"
(conditions: a patient may have both) and "900例入组、898例接受治疗" (stages: a subset of a subset)
can, so their sum may exceed the whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from auditor.checks.share_categories import label_split
from auditor.claims.models import Claim

_SEPARATOR = re.compile(r"[，,、；;：:]|[ \t](?:and|or)[ \t]|[和及与與或]")
_CUES = (
    "其中",
    "分别为",
    "分別為",
    "分别",
    "分別",
    "包括",
    "including",
    "of whom",
    "of which",
    "of these",
    "of them",
    "among them",
    "有",
    "为",
    "為",
    "是",
)
_LEADING = ("were ", "was ", "are ", "is ", "为", "為", "是")
_LABEL_REACH = 32
_AFTER_REACH = 48  # "198 with clarithromycin triple therapy": a label after its part may run longer
_PERSONS = ("患者", "病人", "者", "人", "例", "名", "patients", "participants", "people", "cases")
# Heads of categories that may overlap: a patient can have two diseases, symptoms, infections.
_CONDITION_HEADS = (
    "病",
    "症",
    "炎",
    "感染",
    "史",
    "disease",
    "diseases",
    "infection",
    "infections",
    "symptom",
    "symptoms",
    "condition",
    "conditions",
    "events",
)
_HAVING = ("with ", "had ", "having ", "has ", "合并", "合併", "伴有", "伴", "患有")
_GROUP_HEADS = ("组", "組", "group", "arm", "cohort")
_IRREGULAR_VERBS = frozenset(
    ["had", "took", "underwent", "got", "went", "did", "made", "gave", "became", "began", "remained", "died"]
)
_ADJECTIVE = re.compile(r"(?:al|ic|ar|ous|ive|ary|ory|ant|ent|ile|ian)$")
_NEGATED_TAIL = re.compile(r"[ \t](?:did|were|was|had|could)[ \t]not(?![A-Za-z])|^[ \t]?(?:未|不|没有|沒有)")


def _strip_cues(label: str) -> str:
    label = label.strip(" \t\n()（）")
    changed = True
    while changed:
        changed = False
        for cue in _CUES:
            if label.casefold().startswith(cue):
                label, changed = label[len(cue) :].strip(), True
    return label


def _before(text: str, start: int, end: int) -> str:
    """The label written right before a part: what follows the last separator in `text[start:end]`."""
    segment = text[max(start, end - _LABEL_REACH) : end]
    cut = 0
    for found in _SEPARATOR.finditer(segment):
        cut = found.end()
    return _strip_cues(segment[cut:])


def _raw_after(text: str, end: int, stop: int) -> str:
    limit = min(stop, end + _AFTER_REACH)
    segment = text[end:limit]
    found = _SEPARATOR.search(segment)
    if found is None and text[limit - 1 : limit + 1].isascii() and text[limit - 1 : limit + 1].isalpha():
        segment = segment[: segment.rfind(" ") + 1]  # "with clarithromycin triple ther": no cut word
    return (segment[: found.start()] if found else segment).strip(" \t\n。.")


def _without_copula(label: str) -> str:
    for word in _LEADING:
        if label.casefold().startswith(word):
            return label[len(word) :].strip()
    return label


def _after(text: str, end: int, stop: int) -> str:
    """The label written right after a part, up to the next separator (or `stop`), copula dropped."""
    return _without_copula(_raw_after(text, end, stop))


def part_labels(text: str, whole: Claim, parts: Sequence[Claim], stop: int) -> list[str]:
    """Each part's label: the words before it if any (after the last separator), else those after it."""
    labels = []
    for index, part in enumerate(parts):
        start = parts[index - 1].span.end if index else whole.span.end
        following = parts[index + 1].span.start if index + 1 < len(parts) else stop
        label = _before(text, start, part.span.start) or _after(text, part.span.end, following)
        labels.append(label)
    return labels


def _verb_like(word: str) -> bool:
    return word.endswith("ed") or word in _IRREGULAR_VERBS


def _continues(first: str, later: str) -> bool:
    """Whether `later` (a label after a part) continues the statement of `first` in parallel."""
    if _NEGATED_TAIL.search(" " + later) or not later:
        return True
    if first.isascii() != later.isascii():
        return False
    if not first.isascii():
        return first[:1] == later[:1] or (len(first) <= 2 and len(later) <= 2)
    a, b = first.casefold().split(), later.casefold().split()
    if not a or b[0] == a[0] or b[0] in a[1:]:
        return True  # the same verb, or an elided one ("… assigned to X and 4231 to Y")
    return not _verb_like(b[0])  # the verb elided: "18 were adults and 12 children", "70 thoracic"


def parallel(text: str, whole: Claim, parts: Sequence[Claim], stop: int) -> bool:
    """False when parts labelled after the number say different things of them: "900 were randomized,
    and 898 received a dose", "900例入组、898例接受治疗" are stages (a subset of a subset), not a split."""
    for index, part in enumerate(parts):
        start = parts[index - 1].span.end if index else whole.span.end
        if _before(text, start, part.span.start):
            return True  # categories named before the numbers
    following = [p.span.start for p in parts[1:]] + [stop]
    labels = [_raw_after(text, p.span.end, f) for p, f in zip(parts, following, strict=True)]
    return all(_continues(labels[0], label) for label in labels[1:])


def _without_person(label: str) -> str:
    for noun in _PERSONS:
        if label.casefold().endswith(noun) and len(label) > len(noun):
            return label[: -len(noun)].rstrip()
    return label


def _shared_head(labels: Sequence[str]) -> str:
    """The ending all labels share: last word (English) or common final characters (Chinese)."""
    bare = [_without_person(label) for label in labels]
    if all(label.isascii() for label in bare):
        words = [label.casefold().split() for label in bare]
        if all(words) and len({w[-1] for w in words}) == 1:
            return words[0][-1]
        # "had cervical, 70 thoracic and 45 lumbar injuries": adjectives sharing the last noun
        if all(words) and all(_ADJECTIVE.search(w[-1]) for w in words[:-1]) and len(words[-1]) >= 2:
            return words[-1][-1]
        return ""
    shortest = min(len(label) for label in bare)
    size = 0
    while size < shortest and len({label[len(label) - size - 1] for label in bare}) == 1:
        size += 1
    return bare[0][len(bare[0]) - size :] if size else ""


def one_dimension(labels: Sequence[str]) -> bool:
    """True when the labels name categories that cannot overlap (see the module docstring)."""
    if len(labels) < 2 or not all(labels):
        return False
    if all(label.casefold().endswith(_GROUP_HEADS) for label in labels):
        return len(set(labels)) == len(labels)
    if len(labels) == 2 and label_split(labels[0], labels[1]) is not None:
        return True
    head = _shared_head(labels)
    if not head or head.casefold().endswith(_CONDITION_HEADS) or len(set(labels)) < len(labels):
        return False
    return all(label.casefold() != head for label in labels)


def names_a_condition(labels: Sequence[str]) -> bool:
    """True when some label names a condition ("糖尿病", "infections", "with diabetes", "合并高血压"):
    conditions may co-occur, so such parts can add up to more than the whole."""
    return any(
        _without_person(label).casefold().endswith(_CONDITION_HEADS) or label.casefold().startswith(_HAVING)
        for label in labels
    )


def complement_after(text: str, part: Claim) -> bool:
    """ "… and 12 did not", "…，10例未接受": the last part is the rest of the whole."""
    return _NEGATED_TAIL.search(text[part.span.end : part.span.end + 14]) is not None
