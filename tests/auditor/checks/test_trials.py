"""T5xx: trial IDs against registry records, in zh-Hans, zh-Hant and English."""

from __future__ import annotations

import re

import pytest
from auditor.claims.models import Claim, ClaimKind, Document
from auditor.references.models import IdKind, LookupResult, LookupStatus, TrialRecord

from auditor.checks.registry import CheckContext
from auditor.checks.trial_compare import enrollment_in_text, phases_in_text
from auditor.checks.trials import registry_without_api, trial_mismatch, trial_not_found, trial_stopped
from auditor.models import Severity

NCT = "NCT04567890"
SCI_TRIAL = TrialRecord(
    id=NCT,
    brief_title="Umbilical Cord MSC-derived Exosomes for Acute Spinal Cord Injury",
    status="RECRUITING",
    phases=["PHASE1"],
    conditions=["Spinal Cord Injuries"],
    interventions=["Biological: MSC exosomes"],
    lead_sponsor="Stanford University",
    enrollment=40,
    enrollment_type="ESTIMATED",
)
KNEE_TRIAL = TrialRecord(
    id=NCT,
    brief_title="Hyaluronic Acid Injection in Knee Osteoarthritis",
    status="COMPLETED",
    phases=["PHASE3"],
    conditions=["Knee Osteoarthritis"],
    interventions=["Drug: hyaluronic acid"],
    lead_sponsor="Acme Pharma Ltd",
    enrollment=300,
    enrollment_type="ACTUAL",
)


def context(text: str, trial: TrialRecord | None, status: LookupStatus = LookupStatus.FOUND) -> CheckContext:
    """A context with one trial-ID claim per ID in `text` and the lookup answering `trial`."""
    document = Document.from_text(text)
    claims = []
    for i, match in enumerate(re.finditer(r"NCT[0-9]{8}|ChiCTR[0-9]{10}", text)):
        registry = "ClinicalTrials.gov" if match.group().startswith("NCT") else "ChiCTR"
        claims.append(
            Claim(
                id=f"c{i + 1}",
                kind=ClaimKind.TRIAL_ID,
                text=match.group(),
                span=document.span(match.start(), match.end()),
                normalized={"registry": registry, "id": match.group()},
            )
        )
    result = LookupResult(source="ctgov", kind=IdKind.NCT, key=NCT, status=status, trial=trial)
    return CheckContext(
        document=document, claims=tuple(claims), references=(), lookups={("nct", NCT): result}
    )


@pytest.mark.parametrize(
    ("text", "trial", "fields"),
    [
        # zh-Hans: another sponsor, condition, intervention → wrong ID, error
        (
            f"斯坦福大学正在开展一项外泌体治疗帕金森病的1期试验（{NCT}）。",
            KNEE_TRIAL,
            {"sponsor", "condition", "intervention", "phase"},
        ),
        (f"斯坦福大学正在开展一项外泌体治疗脊髓损伤的1期试验（{NCT}），计划招募40名患者。", SCI_TRIAL, set()),
        (f"该试验（{NCT}）计划招募120名患者。", SCI_TRIAL, {"enrollment"}),
        (f"该2/3期试验（{NCT}）已完成。", SCI_TRIAL, {"phase", "status"}),
        # zh-Hant
        (f"史丹佛大學以外泌體治療脊髓損傷（{NCT}）。", SCI_TRIAL, set()),
        (f"史丹佛大學以幹細胞治療中風（{NCT}），招募120名受試者。", SCI_TRIAL, {"condition", "enrollment"}),
        # en
        (f"A phase 1 trial at Stanford ({NCT}) is testing exosomes in spinal cord injury.", SCI_TRIAL, set()),
        (
            f"A phase 2 trial ({NCT}) enrolled 120 patients with Alzheimer disease.",
            SCI_TRIAL,
            {"phase", "enrollment", "condition"},
        ),
        (f"The trial {NCT} enrolled 42 patients.", SCI_TRIAL, set()),  # within 10 %
        (
            f"Acme's trial ({NCT}) of hyaluronic acid in osteoarthritis was completed in 2020.",
            KNEE_TRIAL,
            set(),
        ),
    ],
)
def test_trial_mismatch_fields(text: str, trial: TrialRecord, fields: set[str]) -> None:
    found = list(trial_mismatch(context(text, trial)))
    got = {d["field"] for f in found for d in f.evidence["disagreements"]}
    assert got == fields


def test_sponsor_and_condition_disagreeing_is_an_error() -> None:
    text = f"斯坦福大学开展的外泌体治疗帕金森病试验（{NCT}）。"
    found = list(trial_mismatch(context(text, KNEE_TRIAL)))
    assert {f.code for f in found} == {"T503"} and len(found) == 3  # sponsor, condition, intervention
    assert all(f.severity is Severity.ERROR for f in found)
    assert found[0].evidence["record"]["lead_sponsor"] == "Acme Pharma Ltd"
    assert [f.quote for f in found] == ["斯坦福", "帕金森", "外泌体"]  # each where the text says it


def test_other_trial_in_paragraph_limits_context_to_sentence() -> None:
    text = f"帕金森病试验NCT11111111另有报道。本试验（{NCT}）研究脊髓损伤。"
    assert list(trial_mismatch(context(text, SCI_TRIAL))) == []


def test_alias_served_is_not_a_mismatch() -> None:
    aliased = SCI_TRIAL.model_copy(update={"id": "NCT09999999", "aliases": [NCT]})
    assert list(trial_mismatch(context(f"Exosomes for spinal cord injury ({NCT}).", aliased))) == []


@pytest.mark.parametrize(
    ("status", "expected"),
    [(LookupStatus.NOT_FOUND, 1), (LookupStatus.FAILED, 0), (LookupStatus.FOUND, 0)],
)
def test_trial_not_found_only_on_authoritative_answer(status: LookupStatus, expected: int) -> None:
    trial = SCI_TRIAL if status is LookupStatus.FOUND else None
    assert len(list(trial_not_found(context(f"见{NCT}。", trial, status)))) == expected


def test_registry_without_api_gives_registry_url_once() -> None:
    ctx = context("注册号ChiCTR2000031234，另见ChiCTR2000031234。", None)
    (note,) = registry_without_api(ctx)
    assert note.severity is Severity.INFO
    assert note.evidence["registry"] == "ChiCTR"
    assert list(registry_without_api(context(f"See {NCT}.", SCI_TRIAL))) == []


@pytest.mark.parametrize(
    ("sentence", "phases"),
    [
        ("a phase ii trial", {2}),
        ("一项2/3期试验", {2, 3}),
        ("三期臨床試驗", {3}),
        ("第12期杂志", set()),
        ("治疗期间", set()),
        ("phase iv", {4}),
    ],
)
def test_phases_in_text(sentence: str, phases: set[int]) -> None:
    assert phases_in_text(sentence) == phases


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("计划招募120名患者", 120),
        ("納入1,200名受試者", 1200),
        ("enrolled 57 adults", 57),
        ("纳入2000万元", None),
        ("120名患者", None),
    ],
)
def test_enrollment_in_text(sentence: str, count: int | None) -> None:
    assert enrollment_in_text(sentence) == count


def test_adversarial_context_is_fast() -> None:
    text = "(" * 200_000 + f" {NCT} " + "1" * 200_000 + "期" + "招募" * 1000
    assert list(trial_mismatch(context(text, SCI_TRIAL))) is not None


@pytest.mark.parametrize(
    ("status", "why", "expected"),
    [
        ("TERMINATED", "Sponsor decision", "terminated (Sponsor decision)"),
        ("WITHDRAWN", None, "withdrawn"),
        ("SUSPENDED", "Safety review", "suspended (Safety review)"),
    ],
)
@pytest.mark.parametrize(
    "text", [f"该试验（{NCT}）显示", f"該試驗（{NCT}）顯示", f"The trial ({NCT}) showed"]
)
def test_stopped_trial_is_reported(status: str, why: str | None, expected: str, text: str) -> None:
    trial = SCI_TRIAL.model_copy(update={"status": status, "why_stopped": why})
    (only,) = trial_stopped(context(text + f"，另见{NCT}。", trial))
    assert only.code == "T504" and expected in only.message and only.evidence["status"] == status


@pytest.mark.parametrize("status", ["RECRUITING", "COMPLETED", "ACTIVE_NOT_RECRUITING", None])
def test_running_or_completed_trial_is_not_reported(status: str | None) -> None:
    trial = SCI_TRIAL.model_copy(update={"status": status})
    assert list(trial_stopped(context(f"The trial ({NCT}) showed", trial))) == []
    assert list(trial_stopped(context(f"The trial ({NCT}) showed", None, LookupStatus.FAILED))) == []


RECOVERY = TrialRecord(
    id=NCT,
    acronym="RECOVERY",
    brief_title="Randomised Evaluation of COVID-19 Therapy",
    status="RECRUITING",
    phases=["PHASE2", "PHASE3"],
    conditions=["COVID-19"],
    interventions=["Drug: Dexamethasone"],
    lead_sponsor="University of Oxford",
    collaborators=["Pfizer"],
    enrollment=50000,
    enrollment_type="ESTIMATED",
    start_date="2020-03-19",
)
ENDED = RECOVERY.model_copy(
    update={
        "status": "TERMINATED",
        "why_stopped": "slow accrual",
        "enrollment": 237,
        "enrollment_type": "ACTUAL",
    }
)


@pytest.mark.parametrize(
    ("text", "trial", "codes"),
    [
        (f"The RECOVERY trial ({NCT}) started in 2020 and is still recruiting.", RECOVERY, set()),
        (f"The ACTT-1 trial ({NCT}) tested dexamethasone.", RECOVERY, {"T509"}),
        (f"RECOVERY研究（{NCT}）于2019年启动。", RECOVERY, {"T508"}),
        (f"RECOVERY試驗（{NCT}）已完成。", RECOVERY, {"T507"}),
        (f"The trial ({NCT}) was completed in 2021.", ENDED, {"T507"}),
        (f"The trial ({NCT}) was terminated early.", ENDED, set()),
        (f"The trial ({NCT}) is sponsored by Pfizer.", RECOVERY, {"T510"}),
        (f"该试验（{NCT}）由牛津大学发起。", RECOVERY, set()),
        (f"该试验（{NCT}）由辉瑞发起。", RECOVERY, {"T510"}),
        # enrollment: planned against anticipated is compared, planned against actual is not
        (f"The trial ({NCT}) plans to enrol 50,000 patients.", RECOVERY, set()),
        (f"The trial ({NCT}) plans to enrol 5,000 patients.", RECOVERY, {"T506"}),
        (f"该试验（{NCT}）计划纳入300例患者。", ENDED, set()),
        (f"该试验（{NCT}）共纳入300例患者。", ENDED, {"T506"}),
        (f"該試驗（{NCT}）共納入237名患者，為2/3期研究。", ENDED, set()),
        (f"In the trial ({NCT}), 260 patients were randomized.", ENDED, {"T506"}),
        # the sentence after the ID's sentence is read too, unless it names another trial
        (f"We cite {NCT}. It was a phase 1 trial.", RECOVERY, {"T505"}),
        (f"We cite {NCT}. NCT11111111 was a phase 1 trial.", RECOVERY, set()),
    ],
)
def test_trial_field_codes(text: str, trial: TrialRecord, codes: set[str]) -> None:
    got = {f.code for f in trial_mismatch(context(text, trial))}
    assert got == codes


def test_status_disagreement_gives_why_the_trial_stopped() -> None:
    (only,) = trial_mismatch(context(f"The trial ({NCT}) was completed in 2021.", ENDED))
    assert "TERMINATED (slow accrual)" in only.message


def test_a_condition_named_only_as_excluded_is_not_a_disagreement() -> None:
    text = f"The trial ({NCT}) enrolled adults without diabetes. 该试验纳入无糖尿病的成人。"
    assert list(trial_mismatch(context(text, RECOVERY))) == []


def test_a_phase_claimed_for_a_trial_without_phases_is_flagged_where_it_is_said() -> None:
    no_phase = RECOVERY.model_copy(update={"phases": ["NA"]})
    text = f"The RECOVERY trial ({NCT}), a phase 3 study, started in 2020."
    (only,) = trial_mismatch(context(text, no_phase))
    assert only.code == "T505" and only.quote == "phase 3" and "not applicable" in only.message


def test_a_randomisation_ratio_is_not_an_enrollment() -> None:
    assert enrollment_in_text("616 patients were randomized 2:1 to pembrolizumab") == 616
    assert enrollment_in_text("randomized 2:1 to semaglutide or placebo") is None


def test_every_mention_of_a_trial_is_read_and_each_disagreement_reported_once() -> None:
    text = f"RECOVERY试验（{NCT}）于2020年启动。\n后来，该研究（{NCT}）被描述为1期试验，另见{NCT}。"
    found = list(trial_mismatch(context(text, RECOVERY)))
    assert [f.code for f in found] == ["T505"] and found[0].quote == "1期"
