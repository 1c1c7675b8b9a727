"""Writes `evidence.records.jsonl`: the works and trials the `ev-*` articles cite, for the fake services.

    python bench/corpus/make_evidence_records.py

Bibliographic data, trial numbers and results are those of the real publications and registry
entries; the abstract texts are our own sentences stating those results (not the published
abstracts). Registry fields we could not establish are left empty rather than guessed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from auditor.references.models import Author, Record, TrialRecord  # noqa: E402


def _authors(names: str) -> list[Author]:
    """ "Wright JT Jr, Van Gaal LF" → authors (family, initials), a "Jr" suffix dropped as PubMed's
    LastName/Initials do."""
    people = [n.removesuffix(" Jr") for n in names.split(", ")]
    return [Author(family=n.rsplit(" ", 1)[0], given=n.rsplit(" ", 1)[1]) for n in people]


def _work(
    pmid: str,
    doi: str,
    authors: str,
    title: str,
    journal: str,
    abbrev: str,
    citation: str,
    abstract: str,
    trials: tuple[str, ...] = (),
) -> Record:
    year, volume, pages = citation.split(";")
    return Record(
        source="pubmed",
        id=pmid,
        pmid=pmid,
        doi=doi,
        title=title,
        authors=_authors(authors),
        year=int(year),
        journal=journal,
        journal_abbrev=abbrev,
        volume=volume,
        pages=pages,
        abstract=abstract,
        trial_ids=list(trials),
        publication_types=["Journal Article"],
    )


NEJM = ("The New England journal of medicine", "N Engl J Med")
LANCET = ("Lancet (London, England)", "Lancet")

WORKS = [
    _work(
        "32678530",
        "10.1056/NEJMoa2021436",
        "Horby P, Lim WS, Emberson JR, Mafham M, Bell JL",
        "Dexamethasone in Hospitalized Patients with Covid-19.",
        *NEJM,
        "2021;384;693-704",
        "BACKGROUND: Whether glucocorticoids help patients hospitalized with Covid-19 was unknown.\n"
        "METHODS: In this open-label platform trial, patients were randomly assigned to oral or intravenous "
        "dexamethasone at a dose of 6 mg once daily for up to 10 days or to usual care alone. The primary "
        "outcome was death within 28 days.\n"
        "RESULTS: A total of 2104 patients were assigned to dexamethasone and 4321 to usual care. Death "
        "within 28 days occurred in 482 patients (22.9%) in the dexamethasone group and in 1110 patients "
        "(25.7%) in the usual care group (age-adjusted rate ratio, 0.83; 95% CI, 0.75 to 0.93; P<0.001). "
        "Among patients receiving invasive mechanical ventilation, mortality was 29.3% with dexamethasone "
        "and 41.4% with usual care (rate ratio, 0.64; 95% CI, 0.51 to 0.81). Among patients receiving "
        "oxygen without invasive ventilation it was 23.3% and 26.2% (rate ratio, 0.82; 95% CI, 0.72 to "
        "0.94). Among patients receiving no respiratory support it was 17.8% and 14.0% (rate ratio, 1.19; "
        "95% CI, 0.92 to 1.55).\n"
        "CONCLUSIONS: Dexamethasone lowered 28-day mortality among hospitalized patients with Covid-19 "
        "who were receiving invasive mechanical ventilation or oxygen alone, but not among those "
        "receiving no respiratory support.",
        ("NCT04381936",),
    ),
    _work(
        "33031652",
        "10.1056/NEJMoa2022926",
        "Horby P, Mafham M, Linsell L, Bell JL, Staplin N",
        "Effect of Hydroxychloroquine in Hospitalized Patients with Covid-19.",
        *NEJM,
        "2020;383;2030-2040",
        "METHODS: In this randomized, controlled, open-label platform trial, hospitalized patients with "
        "Covid-19 were assigned to hydroxychloroquine or to usual care. The primary outcome was 28-day "
        "mortality.\n"
        "RESULTS: 1561 patients were assigned to hydroxychloroquine and 3155 to usual care. Death within "
        "28 days occurred in 421 patients (27.0%) in the hydroxychloroquine group and in 790 (25.0%) in "
        "the usual-care group (rate ratio, 1.09; 95% CI, 0.97 to 1.23; P=0.15). Patients in the "
        "hydroxychloroquine group were less likely to be discharged alive within 28 days (59.6% vs. "
        "62.9%; rate ratio, 0.90; 95% CI, 0.83 to 0.98).\n"
        "CONCLUSIONS: Hydroxychloroquine did not reduce 28-day mortality among patients hospitalized "
        "with Covid-19.",
        ("NCT04381936",),
    ),
    _work(
        "33031764",
        "10.1016/S0140-6736(20)32013-4",
        "Horby PW, Mafham M, Bell JL, Linsell L, Staplin N",
        "Lopinavir-ritonavir in patients admitted to hospital with COVID-19 (RECOVERY): a randomised, "
        "controlled, open-label, platform trial.",
        *LANCET,
        "2020;396;1345-1352",
        "METHODS: Patients admitted to hospital with COVID-19 were randomly allocated to usual care plus "
        "lopinavir 400 mg and ritonavir 100 mg by mouth every 12 h for 10 days, or to usual care alone. "
        "The primary outcome was 28-day all-cause mortality.\n"
        "FINDINGS: 1616 patients were allocated to lopinavir-ritonavir and 3424 to usual care. Overall, "
        "374 (23%) patients in the lopinavir-ritonavir group and 767 (22%) in the usual care group died "
        "within 28 days (rate ratio 1.03, 95% CI 0.91-1.17; p=0.60).\n"
        "INTERPRETATION: Lopinavir-ritonavir was not associated with reductions in 28-day mortality, "
        "duration of hospital stay, or risk of progressing to invasive mechanical ventilation or death.",
        ("NCT04381936",),
    ),
    _work(
        "32445440",
        "10.1056/NEJMoa2007764",
        "Beigel JH, Tomashek KM, Dodd LE, Mehta AK, Zingman BS",
        "Remdesivir for the Treatment of Covid-19 - Final Report.",
        *NEJM,
        "2020;383;1813-1826",
        "METHODS: We conducted a double-blind, randomized, placebo-controlled trial of intravenous "
        "remdesivir in adults hospitalized with Covid-19 and lower respiratory tract infection. Patients "
        "received remdesivir (a 200 mg loading dose on day 1, then 100 mg daily for up to 9 more days) or "
        "placebo for up to 10 days. The primary outcome was the time to recovery.\n"
        "RESULTS: A total of 1062 patients underwent randomization, 541 to remdesivir and 521 to placebo. "
        "The median recovery time was 10 days (95% CI, 9 to 11) with remdesivir and 15 days (95% CI, 13 to "
        "18) with placebo (rate ratio for recovery, 1.29; 95% CI, 1.12 to 1.49; P<0.001). Mortality by day "
        "29 was 11.4% with remdesivir and 15.2% with placebo (hazard ratio, 0.73; 95% CI, 0.52 to 1.03). "
        "Serious adverse events occurred in 131 of 532 patients given remdesivir (24.6%) and in 163 of "
        "516 given placebo (31.6%).\n"
        "CONCLUSIONS: Remdesivir was superior to placebo in shortening the time to recovery in adults "
        "hospitalized with Covid-19.",
        ("NCT04280705",),
    ),
    _work(
        "32423584",
        "10.1016/S0140-6736(20)31022-9",
        "Wang Y, Zhang D, Du G, Du R, Zhao J",
        "Remdesivir in adults with severe COVID-19: a randomised, double-blind, placebo-controlled, "
        "multicentre trial.",
        *LANCET,
        "2020;395;1569-1578",
        "METHODS: At ten hospitals in Hubei, adults with severe COVID-19 were randomly assigned 2:1 to "
        "intravenous remdesivir (200 mg on day 1 followed by 100 mg on days 2-10) or the same volume of "
        "placebo. The primary endpoint was time to clinical improvement up to day 28.\n"
        "FINDINGS: 237 patients were enrolled and randomly assigned, 158 to remdesivir and 79 to placebo. "
        "Remdesivir was not associated with a difference in time to clinical improvement (hazard ratio "
        "1.23, 95% CI 0.87-1.75). Adverse events were reported in 102 (66%) of 155 remdesivir recipients "
        "and 50 (64%) of 78 placebo recipients. The trial was stopped early because the outbreak was "
        "controlled and no more eligible patients could be enrolled.\n"
        "INTERPRETATION: Remdesivir was not associated with statistically significant clinical benefits "
        "in this trial.",
        ("NCT04257656",),
    ),
    _work(
        "26378978",
        "10.1056/NEJMoa1504720",
        "Zinman B, Wanner C, Lachin JM, Fitchett D, Bluhmki E",
        "Empagliflozin, Cardiovascular Outcomes, and Mortality in Type 2 Diabetes.",
        *NEJM,
        "2015;373;2117-2128",
        "METHODS: Patients with type 2 diabetes at high cardiovascular risk were randomly assigned to "
        "receive 10 mg or 25 mg of empagliflozin or placebo once daily.\n"
        "RESULTS: A total of 7020 patients were treated, and the median observation time was 3.1 years. "
        "The primary outcome occurred in 490 of 4687 patients (10.5%) in the pooled empagliflozin group "
        "and in 282 of 2333 patients (12.1%) in the placebo group (hazard ratio, 0.86; 95.02% CI, 0.74 to "
        "0.99; P=0.04 for superiority). The empagliflozin group had significantly lower rates of death "
        "from cardiovascular causes (3.7% vs. 5.9%; 38% relative risk reduction), hospitalization for "
        "heart failure (2.7% vs. 4.1%; 35% relative risk reduction) and death from any cause (5.7% vs. "
        "8.3%; 32% relative risk reduction). There was no significant difference between the groups in "
        "the rates of myocardial infarction or stroke.\n"
        "CONCLUSIONS: Patients with type 2 diabetes at high cardiovascular risk who received empagliflozin "
        "had a lower rate of the primary composite cardiovascular outcome and of death from any cause.",
        ("NCT01131676",),
    ),
    _work(
        "31535829",
        "10.1056/NEJMoa1911303",
        "McMurray JJV, Solomon SD, Inzucchi SE, Køber L, Kosiborod MN",
        "Dapagliflozin in Patients with Heart Failure and Reduced Ejection Fraction.",
        *NEJM,
        "2019;381;1995-2008",
        "METHODS: We randomly assigned 4744 patients with New York Heart Association class II, III or IV "
        "heart failure and an ejection fraction of 40% or less to dapagliflozin 10 mg once daily or "
        "placebo.\n"
        "RESULTS: Over a median of 18.2 months, the primary outcome occurred in 386 of 2373 patients "
        "(16.3%) in the dapagliflozin group and in 502 of 2371 patients (21.2%) in the placebo group "
        "(hazard ratio, 0.74; 95% CI, 0.65 to 0.85; P<0.001). Death from cardiovascular causes occurred "
        "in 9.6% and 11.5% (hazard ratio, 0.82; 95% CI, 0.69 to 0.98), and death from any cause in 11.6% "
        "and 13.9% (hazard ratio, 0.83; 95% CI, 0.71 to 0.97). Results in patients with diabetes were "
        "similar to those in patients without diabetes.\n"
        "CONCLUSIONS: Among patients with heart failure and a reduced ejection fraction, the risk of "
        "worsening heart failure or death from cardiovascular causes was lower with dapagliflozin than "
        "with placebo, regardless of the presence or absence of diabetes.",
        ("NCT03036124",),
    ),
    _work(
        "25176015",
        "10.1056/NEJMoa1409077",
        "McMurray JJ, Packer M, Desai AS, Gong J, Lefkowitz MP",
        "Angiotensin-neprilysin inhibition versus enalapril in heart failure.",
        *NEJM,
        "2014;371;993-1004",
        "METHODS: We randomly assigned 8442 patients with class II, III or IV heart failure and an ejection "
        "fraction of 40% or less to LCZ696 (200 mg twice daily) or enalapril (10 mg twice daily).\n"
        "RESULTS: The trial was stopped early, at a median follow-up of 27 months, because the boundary "
        "for an overwhelming benefit had been crossed. The primary outcome occurred in 914 patients "
        "(21.8%) in the LCZ696 group and 1117 patients (26.5%) in the enalapril group (hazard ratio, 0.80; "
        "95% CI, 0.73 to 0.87; P<0.001). A total of 711 patients (17.0%) receiving LCZ696 and 835 patients "
        "(19.8%) receiving enalapril died (hazard ratio for death from any cause, 0.84; 95% CI, 0.76 to "
        "0.93; P<0.001).\n"
        "CONCLUSIONS: LCZ696 was superior to enalapril in reducing the risks of death and of "
        "hospitalization for heart failure.",
        ("NCT01035255",),
    ),
    _work(
        "29658856",
        "10.1056/NEJMoa1801005",
        "Gandhi L, Rodríguez-Abreu D, Gadgeel S, Esteban E, Felip E",
        "Pembrolizumab plus Chemotherapy in Metastatic Non-Small-Cell Lung Cancer.",
        *NEJM,
        "2018;378;2078-2092",
        "METHODS: Patients with metastatic nonsquamous non-small-cell lung cancer without sensitizing "
        "EGFR or ALK mutations were randomly assigned in a 2:1 ratio to pembrolizumab 200 mg or placebo "
        "every 3 weeks, each with pemetrexed and a platinum-based drug for 4 cycles.\n"
        "RESULTS: Of 616 patients, 410 were assigned to the pembrolizumab combination and 206 to the "
        "placebo combination. After a median follow-up of 10.5 months, the estimated rate of overall "
        "survival at 12 months was 69.2% in the pembrolizumab-combination group and 49.4% in the "
        "placebo-combination group (hazard ratio for death, 0.49; 95% CI, 0.38 to 0.64; P<0.001). Median "
        "progression-free survival was 8.8 months and 4.9 months (hazard ratio, 0.52; 95% CI, 0.43 to "
        "0.64; P<0.001). Adverse events of grade 3 or higher occurred in 67.2% and 65.8% of patients.\n"
        "CONCLUSIONS: Adding pembrolizumab to standard chemotherapy resulted in significantly longer "
        "overall and progression-free survival than chemotherapy alone.",
        ("NCT02578680",),
    ),
    _work(
        "32227755",
        "10.1056/NEJMoa1915922",
        "Maron DJ, Hochman JS, Reynolds HR, Bangalore S, O'Brien SM",
        "Initial Invasive or Conservative Strategy for Stable Coronary Disease.",
        *NEJM,
        "2020;382;1395-1407",
        "METHODS: We randomly assigned 5179 patients with stable coronary disease and moderate or severe "
        "ischemia to an initial invasive strategy (angiography and revascularization when feasible) plus "
        "medical therapy or an initial conservative strategy of medical therapy alone.\n"
        "RESULTS: Over a median of 3.2 years, 318 primary outcome events occurred in the invasive-strategy "
        "group and 352 in the conservative-strategy group. The estimated cumulative event rate was 5.3% "
        "and 3.4% at 6 months and 16.4% and 18.2% at 5 years (adjusted hazard ratio, 0.93; 95% CI, 0.80 to "
        "1.08; P=0.34).\n"
        "CONCLUSIONS: We did not find evidence that an initial invasive strategy, as compared with an "
        "initial conservative strategy, reduced the risk of ischemic cardiovascular events or death from "
        "any cause.",
        ("NCT01471522",),
    ),
    _work(
        "29103656",
        "10.1016/S0140-6736(17)32714-9",
        "Al-Lamee R, Thompson D, Dehbi HM, Sen S, Tang K",
        "Percutaneous coronary intervention in stable angina (ORBITA): a double-blind, randomised "
        "controlled trial.",
        *LANCET,
        "2018;391;31-40",
        "METHODS: Patients with severe single-vessel coronary stenosis and stable angina received six "
        "weeks of medical optimisation and were then randomly assigned to percutaneous coronary "
        "intervention or a placebo procedure.\n"
        "FINDINGS: 230 patients were enrolled; 200 were randomly assigned, 105 to PCI and 95 to placebo. "
        "There was no significant difference in the increment in exercise time between the groups (PCI "
        "minus placebo 16.6 s, 95% CI -8.9 to 42.0, p=0.200).\n"
        "INTERPRETATION: In patients with medically treated angina and severe coronary stenosis, PCI did "
        "not increase exercise time by more than the effect of a placebo procedure.",
        ("NCT02062593",),
    ),
    _work(
        "33301246",
        "10.1056/NEJMoa2034577",
        "Polack FP, Thomas SJ, Kitchin N, Absalon J, Gurtman A",
        "Safety and Efficacy of the BNT162b2 mRNA Covid-19 Vaccine.",
        *NEJM,
        "2020;383;2603-2615",
        "METHODS: Participants 16 years of age or older were randomly assigned 1:1 to two doses of "
        "BNT162b2 (30 μg per dose) or placebo, given 21 days apart.\n"
        "RESULTS: A total of 43,548 participants underwent randomization, of whom 43,448 received "
        "injections: 21,720 with BNT162b2 and 21,728 with placebo. There were 8 cases of Covid-19 with "
        "onset at least 7 days after the second dose among participants assigned to BNT162b2 and 162 "
        "cases among those assigned to placebo; BNT162b2 was 95% effective in preventing Covid-19 (95% "
        "credible interval, 90.3 to 97.6).\n"
        "CONCLUSIONS: A two-dose regimen of BNT162b2 conferred 95% protection against Covid-19 in persons "
        "16 years of age or older.",
        ("NCT04368728",),
    ),
    _work(
        "33378609",
        "10.1056/NEJMoa2035389",
        "Baden LR, El Sahly HM, Essink B, Kotloff K, Frey S",
        "Efficacy and Safety of the mRNA-1273 SARS-CoV-2 Vaccine.",
        *NEJM,
        "2021;384;403-416",
        "METHODS: Adults at high risk of SARS-CoV-2 infection were randomly assigned 1:1 to two "
        "intramuscular injections of mRNA-1273 (100 μg) or placebo 28 days apart.\n"
        "RESULTS: The trial enrolled 30,420 volunteers, 15,210 in each group. Symptomatic Covid-19 "
        "illness was confirmed in 185 participants in the placebo group and in 11 participants in the "
        "mRNA-1273 group; vaccine efficacy was 94.1% (95% CI, 89.3 to 96.8%; P<0.001). Severe Covid-19 "
        "occurred in 30 participants in the placebo group and in none in the mRNA-1273 group.\n"
        "CONCLUSIONS: The mRNA-1273 vaccine showed 94.1% efficacy at preventing Covid-19 illness.",
        ("NCT04470427",),
    ),
    _work(
        "33567185",
        "10.1056/NEJMoa2032183",
        "Wilding JPH, Batterham RL, Calanna S, Davies M, Van Gaal LF",
        "Once-Weekly Semaglutide in Adults with Overweight or Obesity.",
        *NEJM,
        "2021;384;989-1002",
        "METHODS: In this double-blind trial, we enrolled 1961 adults with a body-mass index of 30 or "
        "greater (or 27 or greater with at least one weight-related coexisting condition) who did not "
        "have diabetes, and randomly assigned them 2:1 to 68 weeks of once-weekly subcutaneous semaglutide "
        "at a dose of 2.4 mg or placebo, plus lifestyle intervention.\n"
        "RESULTS: The mean change in body weight from baseline to week 68 was -14.9% in the semaglutide "
        "group and -2.4% in the placebo group (estimated treatment difference, -12.4 percentage points; "
        "95% CI, -13.4 to -11.5; P<0.001). A weight reduction of 5% or more was reached by 86.4% of the "
        "semaglutide group and 31.5% of the placebo group.\n"
        "CONCLUSIONS: In participants with overweight or obesity, 2.4 mg of semaglutide once weekly plus "
        "lifestyle intervention led to a sustained, clinically relevant reduction in body weight.",
        ("NCT03548935",),
    ),
    _work(
        "36449413",
        "10.1056/NEJMoa2212948",
        "van Dyck CH, Swanson CJ, Aisen P, Bateman RJ, Chen C",
        "Lecanemab in Early Alzheimer's Disease.",
        *NEJM,
        "2023;388;9-21",
        "METHODS: In this 18-month, multicenter, double-blind, phase 3 trial, persons 50 to 90 years of age "
        "with early Alzheimer's disease were randomly assigned 1:1 to intravenous lecanemab (10 mg per "
        "kilogram of body weight every 2 weeks) or placebo.\n"
        "RESULTS: A total of 1795 participants were enrolled, 898 assigned to lecanemab and 897 to "
        "placebo. The adjusted mean change from baseline at 18 months in the CDR-SB score was 1.21 with "
        "lecanemab and 1.66 with placebo (difference, -0.45; 95% CI, -0.67 to -0.23; P<0.001). Lecanemab "
        "resulted in infusion-related reactions in 26.4% of participants and in amyloid-related imaging "
        "abnormalities with edema or effusions in 12.6%.\n"
        "CONCLUSIONS: Lecanemab reduced markers of amyloid in early Alzheimer's disease and resulted in "
        "moderately less decline on measures of cognition and function than placebo at 18 months.",
        ("NCT03887455",),
    ),
    _work(
        "26551272",
        "10.1056/NEJMoa1511939",
        "Wright JT Jr, Williamson JD, Whelton PK, Snyder JK, Sink KM",
        "A Randomized Trial of Intensive versus Standard Blood-Pressure Control.",
        *NEJM,
        "2015;373;2103-2116",
        "METHODS: We randomly assigned 9361 persons with a systolic blood pressure of 130 mm Hg or higher "
        "and an increased cardiovascular risk, but without diabetes, to a systolic target of less than "
        "120 mm Hg (intensive treatment) or less than 140 mm Hg (standard treatment).\n"
        "RESULTS: The intervention was stopped early, after a median follow-up of 3.26 years, because the "
        "rate of the primary composite outcome was significantly lower in the intensive-treatment group "
        "(1.65% per year vs. 2.19% per year; hazard ratio, 0.75; 95% CI, 0.64 to 0.89; P<0.001). All-cause "
        "mortality was also significantly lower with intensive treatment (hazard ratio, 0.73; 95% CI, "
        "0.60 to 0.90; P=0.003).\n"
        "CONCLUSIONS: Among patients at high cardiovascular risk but without diabetes, a systolic target "
        "of less than 120 mm Hg resulted in lower rates of fatal and nonfatal major cardiovascular events "
        "and death from any cause.",
        ("NCT01206062",),
    ),
    _work(
        "32187464",
        "10.1056/NEJMoa2001282",
        "Cao B, Wang Y, Wen D, Liu W, Wang J",
        "A Trial of Lopinavir-Ritonavir in Adults Hospitalized with Severe Covid-19.",
        *NEJM,
        "2020;382;1787-1799",
        "METHODS: Hospitalized adults with confirmed SARS-CoV-2 infection were randomly assigned to "
        "lopinavir-ritonavir (400 mg and 100 mg, twice daily for 14 days) plus standard care or to "
        "standard care alone.\n"
        "RESULTS: A total of 199 patients underwent randomization, 99 to the lopinavir-ritonavir group "
        "and 100 to the standard-care group. Lopinavir-ritonavir was not associated with a difference "
        "from standard care in the time to clinical improvement (hazard ratio, 1.31; 95% CI, 0.95 to "
        "1.80). Mortality at 28 days was similar in the two groups (19.2% vs. 25.0%).\n"
        "CONCLUSIONS: In hospitalized adults with severe Covid-19, no benefit was observed with "
        "lopinavir-ritonavir treatment beyond standard care.",
    ),
]


def _trial(
    nct: str,
    acronym: str | None,
    title: str,
    status: str,
    phases: list[str],
    conditions: list[str],
    interventions: list[str],
    lead: str,
    collaborators: list[str],
    enrollment: int | None,
    start: str,
    why: str | None = None,
) -> TrialRecord:
    return TrialRecord(
        id=nct,
        acronym=acronym,
        brief_title=title,
        status=status,
        phases=phases,
        conditions=conditions,
        interventions=interventions,
        lead_sponsor=lead,
        collaborators=collaborators,
        enrollment=enrollment,
        enrollment_type="ACTUAL" if enrollment else None,
        start_date=start,
        why_stopped=why,
        url=f"https://clinicaltrials.gov/study/{nct}",
    )


TRIALS = [
    _trial(
        "NCT04381936",
        "RECOVERY",
        "Randomised Evaluation of COVID-19 Therapy",
        "RECRUITING",
        ["PHASE2", "PHASE3"],
        ["Severe Acute Respiratory Syndrome", "COVID-19"],
        ["Drug: Dexamethasone", "Drug: Hydroxychloroquine", "Drug: Lopinavir-Ritonavir"],
        "University of Oxford",
        [],
        None,
        "2020-03-19",
    ),
    _trial(
        "NCT04280705",
        "ACTT",
        "Adaptive COVID-19 Treatment Trial (ACTT)",
        "COMPLETED",
        ["PHASE3"],
        ["COVID-19"],
        ["Drug: Remdesivir", "Other: Placebo"],
        "National Institute of Allergy and Infectious Diseases (NIAID)",
        [],
        1062,
        "2020-02-21",
    ),
    _trial(
        "NCT04257656",
        None,
        "Severe 2019-nCoV Remdesivir RCT",
        "TERMINATED",
        ["PHASE3"],
        ["2019-nCoV Severe Pneumonia"],
        ["Drug: Remdesivir", "Drug: Remdesivir placebo"],
        "Capital Medical University",
        [],
        237,
        "2020-02-06",
        "The outbreak was brought under control and no further eligible patients could be enrolled.",
    ),
    _trial(
        "NCT01131676",
        "EMPA-REG OUTCOME",
        "BI 10773 (Empagliflozin) Cardiovascular Outcome Event Trial in Type 2 Diabetes Mellitus Patients",
        "COMPLETED",
        ["PHASE3"],
        ["Diabetes Mellitus, Type 2"],
        ["Drug: Placebo", "Drug: BI 10773 low dose", "Drug: BI 10773 high dose"],
        "Boehringer Ingelheim",
        ["Eli Lilly and Company"],
        7064,
        "2010-07",
    ),
    _trial(
        "NCT03036124",
        "DAPA-HF",
        "Study to Evaluate the Effect of Dapagliflozin on the Incidence of Worsening Heart Failure or "
        "Cardiovascular Death in Patients With Chronic Heart Failure",
        "COMPLETED",
        ["PHASE3"],
        ["Heart Failure With Reduced Ejection Fraction"],
        ["Drug: Dapagliflozin", "Drug: Placebo"],
        "AstraZeneca",
        [],
        4744,
        "2017-02-08",
    ),
    _trial(
        "NCT01035255",
        "PARADIGM-HF",
        "This Study Will Evaluate the Efficacy and Safety of LCZ696 Compared to Enalapril on Morbidity "
        "and Mortality of Patients With Chronic Heart Failure",
        "COMPLETED",
        ["PHASE3"],
        ["Chronic Heart Failure With Reduced Ejection Fraction"],
        ["Drug: LCZ696", "Drug: Enalapril"],
        "Novartis Pharmaceuticals",
        [],
        8442,
        "2009-12",
    ),
    _trial(
        "NCT02578680",
        "KEYNOTE-189",
        "Study of Pemetrexed+Platinum Chemotherapy With or Without Pembrolizumab (MK-3475) in "
        "Participants With First Line Metastatic Nonsquamous Non-small Cell Lung Cancer",
        "ACTIVE_NOT_RECRUITING",
        ["PHASE3"],
        ["Non-small Cell Lung Carcinoma"],
        ["Biological: Pembrolizumab", "Drug: Pemetrexed", "Drug: Cisplatin", "Drug: Carboplatin"],
        "Merck Sharp & Dohme LLC",
        [],
        616,
        "2016-01-15",
    ),
    _trial(
        "NCT01471522",
        "ISCHEMIA",
        "International Study of Comparative Health Effectiveness With Medical and Invasive Approaches",
        "COMPLETED",
        ["NA"],
        ["Coronary Disease", "Ischemia"],
        ["Procedure: Cardiac catheterization", "Drug: Optimal medical therapy"],
        "NYU Langone Health",
        ["National Heart, Lung, and Blood Institute (NHLBI)"],
        5179,
        "2012-07",
    ),
    _trial(
        "NCT02062593",
        "ORBITA",
        "Objective Randomised Blinded Investigation With Optimal Medical "
        "Therapy of Angioplasty in Stable Angina",
        "COMPLETED",
        ["NA"],
        ["Stable Angina"],
        ["Procedure: Percutaneous coronary intervention", "Procedure: Placebo procedure"],
        "Imperial College London",
        [],
        230,
        "2014-01",
    ),
    _trial(
        "NCT04368728",
        None,
        "Study to Describe the Safety, Tolerability, Immunogenicity, and "
        "Efficacy of RNA Vaccine Candidates Against COVID-19 in Healthy Individuals",
        "COMPLETED",
        ["PHASE2", "PHASE3"],
        ["SARS-CoV-2 Infection", "COVID-19"],
        ["Biological: BNT162b2", "Other: Placebo"],
        "BioNTech SE",
        ["Pfizer"],
        None,
        "2020-04-29",
    ),
    _trial(
        "NCT04470427",
        "COVE",
        "A Study to Evaluate Efficacy, Safety, and Immunogenicity of mRNA-1273 "
        "Vaccine in Adults Aged 18 Years and Older to Prevent COVID-19",
        "COMPLETED",
        ["PHASE3"],
        ["SARS-CoV-2"],
        ["Biological: mRNA-1273", "Biological: Placebo"],
        "ModernaTX, Inc.",
        [
            "Biomedical Advanced Research and Development Authority",
            "National Institute of Allergy and Infectious Diseases (NIAID)",
        ],
        30420,
        "2020-07-27",
    ),
    _trial(
        "NCT03548935",
        "STEP 1",
        "Research Study Investigating How Well Semaglutide Works in People "
        "Suffering From Overweight or Obesity",
        "COMPLETED",
        ["PHASE3"],
        ["Overweight", "Obesity"],
        ["Drug: Semaglutide", "Drug: Placebo (semaglutide)"],
        "Novo Nordisk A/S",
        [],
        1961,
        "2018-06-04",
    ),
    _trial(
        "NCT03887455",
        "Clarity AD",
        "A Study to Confirm Safety and Efficacy of Lecanemab in Participants With Early Alzheimer's Disease",
        "ACTIVE_NOT_RECRUITING",
        ["PHASE3"],
        ["Early Alzheimer's Disease"],
        ["Drug: Lecanemab", "Drug: Placebo"],
        "Eisai Inc.",
        ["Biogen"],
        None,
        "2019-03-22",
    ),
    _trial(
        "NCT01206062",
        "SPRINT",
        "Systolic Blood Pressure Intervention Trial",
        "COMPLETED",
        ["PHASE3"],
        ["Hypertension"],
        ["Other: Intensive blood pressure goal", "Other: Standard blood pressure goal"],
        "National Heart, Lung, and Blood Institute (NHLBI)",
        [],
        9361,
        "2010-10",
    ),
]


def main() -> None:
    """Write the records file beside this script."""
    lines = [{"type": "record", **r.model_dump()} for r in WORKS]
    lines += [{"type": "trial", **t.model_dump()} for t in TRIALS]
    out = HERE / "evidence.records.jsonl"
    out.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    print(f"wrote {len(lines)} records to {out}")


if __name__ == "__main__":
    main()
