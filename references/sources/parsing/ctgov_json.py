"""ClinicalTrials.gov API v2 study objects → `TrialRecord`s (../shared/fixtures/api/README.md §5)."""

from __future__ import annotations

from typing import Any

from auditor.references.models import TrialRecord
from auditor.references.sources.parsing import ParseError, collapse_space
from auditor.references.sources.parsing.eutils_json import load_json


def parse_study_body(text: str | bytes) -> TrialRecord:
    """A /studies/{nctId} answer → TrialRecord; ParseError when malformed."""
    data = load_json(text, "ClinicalTrials.gov")
    if not isinstance(data, dict) or not isinstance(data.get("protocolSection"), dict):
        raise ParseError("ClinicalTrials.gov answered without a study record")
    return trial_of_study(data)


def parse_studies_list(text: str | bytes) -> list[TrialRecord]:
    """The studies of a /studies?query… page."""
    data = load_json(text, "ClinicalTrials.gov search")
    studies = data.get("studies") if isinstance(data, dict) else None
    if not isinstance(studies, list):
        raise ParseError("ClinicalTrials.gov search answered without a list of studies")
    return [
        trial_of_study(s)
        for s in studies
        if isinstance(s, dict) and isinstance(s.get("protocolSection"), dict)
    ]


def _module(protocol: dict[str, Any], name: str) -> dict[str, Any]:
    value = protocol.get(name)
    return value if isinstance(value, dict) else {}


def _names(items: Any, key: str = "name") -> list[str]:
    names = [collapse_space(str(i.get(key))) for i in items or [] if isinstance(i, dict) and i.get(key)]
    return [n for n in names if n]


def trial_of_study(study: dict[str, Any]) -> TrialRecord:
    """One v2 study object → TrialRecord (id = the served nctId; aliases from nctIdAliases)."""
    protocol = study["protocolSection"]
    ident = _module(protocol, "identificationModule")
    status = _module(protocol, "statusModule")
    sponsors = _module(protocol, "sponsorCollaboratorsModule")
    design = _module(protocol, "designModule")
    enrollment = design.get("enrollmentInfo") or {}
    nct = str(ident.get("nctId", "")).upper()
    if not nct:
        raise ParseError("ClinicalTrials.gov answered a study without an nctId")
    return TrialRecord(
        id=nct,
        aliases=[str(a).upper() for a in ident.get("nctIdAliases", [])],
        acronym=collapse_space(ident.get("acronym")),
        brief_title=collapse_space(ident.get("briefTitle")),
        official_title=collapse_space(ident.get("officialTitle")),
        status=status.get("overallStatus"),
        why_stopped=collapse_space(status.get("whyStopped")),
        phases=[str(p) for p in design.get("phases", [])],
        conditions=[str(c) for c in _module(protocol, "conditionsModule").get("conditions", [])],
        interventions=_names(_module(protocol, "armsInterventionsModule").get("interventions")),
        lead_sponsor=collapse_space((sponsors.get("leadSponsor") or {}).get("name")),
        collaborators=_names(sponsors.get("collaborators")),
        organization=collapse_space((ident.get("organization") or {}).get("fullName")),
        enrollment=enrollment.get("count") if isinstance(enrollment.get("count"), int) else None,
        enrollment_type=enrollment.get("type"),
        start_date=(status.get("startDateStruct") or {}).get("date"),
        completion_date=(status.get("completionDateStruct") or {}).get("date"),
        locations=_locations(_module(protocol, "contactsLocationsModule").get("locations")),
        url=f"https://clinicaltrials.gov/study/{nct}",
    )


def _locations(items: Any) -> list[str]:
    places = []
    for item in items or []:
        if isinstance(item, dict):
            parts = [item.get("facility"), item.get("city"), item.get("country")]
            place = ", ".join(str(p) for p in parts if p)
            if place:
                places.append(place)
    return places
