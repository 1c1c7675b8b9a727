"""Which trial the text means, when it started, and who leads it, against the registry (pure).

Split from `trial_compare`: the trial's name (an acronym such as "the RECOVERY trial" next to the
ID, which must be the record's acronym or occur in its title), its start year ("started in 2019",
"2019年启动") and its lead sponsor ("sponsored by Pfizer", "由辉瑞发起": named in the record, but
only as a collaborator). Patterns are bounded and run in linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from auditor.checks.trial_terms import INSTITUTIONS, Term
from auditor.references.models import TrialRecord

_ACRONYM = re.compile(
    r"(?<![A-Za-z0-9-])(?P<name>[A-Z][A-Z0-9]{1,14}(?:-[A-Z0-9]{1,10}){0,2}"
    r"(?:[ \t][A-Z][A-Z0-9]{2,14}){0,2}(?:[ \t]\d{1,3})?)[ \t]{0,2}"
    r"(?:trial|study|试验|試驗|研究)(?![A-Za-z])"
)
# Capitalised words that name kinds of things, not a trial.
_NOT_NAMES = frozenset(
    {
        "NCT",
        "RCT",
        "MSC",
        "MSCS",
        "CAR-T",
        "FDA",
        "NIH",
        "EMA",
        "US",
        "UK",
        "EU",
        "II",
        "III",
        "IV",
        "HIV",
        "COVID-19",
        "SARS-COV-2",
        "MRNA",
        "DNA",
        "RNA",
        "PCI",
        "CABG",
        "ICU",
        "III期",
        "PHASE",
    }
)
_NEAR_ID = 80  # characters between a trial's name and its ID
_START = re.compile(
    r"(?:began|begun|started|launched|initiated|commenced|start(?:ed)?[ \t]recruiting)"
    r"(?:[ \t](?:in|on))?[ \t](?:[A-Z][a-z]{2,8}[ \t])?(?P<en>(?:19|20)\d{2})(?!\d)"
    r"|(?P<zh>(?:19|20)\d{2})年(?:\d{1,2}月)?(?:\d{1,2}日)?[ \t]{0,2}"
    r"(?:启动|啟動|开始|開始|开展|開展|首次入组|首例入组)"
)
_LEAD = re.compile(
    r"(?:sponsored|led)[ \t]by[ \t](?P<who>[^;,.()]{1,40})"
    r"|由(?P<zh>[^。；，、（）()]{1,20}?)(?:发起|發起|主导|主導|资助|資助|牵头|牽頭|申办|申辦)",
    re.I,
)


@dataclass(frozen=True)
class TrialDisagreement:
    """One field where the text and the registry disagree."""

    field: str  # sponsor | lead_sponsor | condition | intervention | phase | enrollment | status | …
    text_says: str
    record_says: str
    start: int = -1  # where the text says it: offsets into the context compared (then the document)
    end: int = -1

    def as_evidence(self) -> dict[str, Any]:
        """The disagreement as JSON-ready evidence."""
        return {"field": self.field, "text": self.text_says, "registry": self.record_says}

    def shifted(self, base: int) -> TrialDisagreement:
        """The same disagreement with its offsets moved by `base` (context → document)."""
        if self.start < 0:
            return self
        return replace(self, start=self.start + base, end=self.end + base)


def fold_name(name: str) -> str:
    """Letters and digits only, lower case: "ACTT-1" and "ACTT 1" compare equal."""
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def trial_names(context: str, trial_id: str) -> list[re.Match[str]]:
    """Acronyms the context gives as the name of the trial whose ID it holds ("the RECOVERY trial")."""
    at = context.find(trial_id)
    names = []
    for match in _ACRONYM.finditer(context):
        name = match.group("name").strip()
        near = at < 0 or abs(match.start() - at) <= _NEAR_ID
        if near and name.upper() not in _NOT_NAMES and sum(ch.isalpha() for ch in name) >= 3:
            names.append(match)
    return names


def names_trial(name: str, trial: TrialRecord) -> bool:
    """True when `name` is the record's acronym (give or take a trailing number: ACTT-1 for ACTT) or
    occurs in one of its titles."""
    key = fold_name(name)
    acronym = fold_name(trial.acronym or "")
    if acronym and (key == acronym or key.rstrip("0123456789") == acronym.rstrip("0123456789")):
        return True
    known = [trial.acronym or "", trial.brief_title or "", trial.official_title or ""]
    return any(key and key in fold_name(k) for k in known)


def identity_field(context: str, trial_id: str, trial: TrialRecord) -> list[TrialDisagreement]:
    """The text names the trial by an acronym the record (acronym, titles) does not have."""
    if not (trial.acronym or trial.brief_title or trial.official_title):
        return []
    wrong = [m for m in trial_names(context, trial_id) if not names_trial(m.group("name"), trial)]
    if not wrong:
        return []
    shown = trial.acronym or trial.brief_title or trial.official_title or ""
    said = ", ".join(dict.fromkeys(m.group("name").strip() for m in wrong))
    where = wrong[0].span()
    return [TrialDisagreement("identity", said, f"{shown} ({trial.brief_title or trial.id})", *where)]


def start_year_field(context: str, trial: TrialRecord) -> list[TrialDisagreement]:
    """The text's start year differs from the record's start date."""
    match = _START.search(context)
    recorded = (trial.start_date or "")[:4]
    if match is None or not recorded.isdigit():
        return []
    said = match.group("en") or match.group("zh")
    if said == recorded:
        return []
    return [TrialDisagreement("start_year", said, trial.start_date or "", *match.span())]


def _named(who: str) -> list[Term]:
    lowered = who.lower()
    return [t for t in INSTITUTIONS if any(w in lowered for w in t.text_words)]


def lead_sponsor_field(context: str, trial: TrialRecord) -> list[TrialDisagreement]:
    """The text says X sponsors or leads the trial; the record lists X only as a collaborator."""
    lead = (trial.lead_sponsor or "").lower()
    partners = " ".join(trial.collaborators).lower()
    for match in _LEAD.finditer(context):
        for term in _named(match.group("who") or match.group("zh")):
            in_lead = any(w in lead for w in term.record_words)
            if not in_lead and any(w in partners for w in term.record_words):
                shown = f"{trial.lead_sponsor} (collaborators: {', '.join(trial.collaborators)})"
                return [TrialDisagreement("lead_sponsor", term.name, shown, *match.span())]
    return []
