"""Typed quantities of a sentence — counts, percentages, ratios with CIs, p-values, durations, doses.

One extractor for both sides of a comparison: the article's claim sentence (zh-Hans, zh-Hant, en)
and the sentences of a cited work's English abstract. Numbers are parsed with the extraction
layer's own number fragments (`claims.extract.patterns`); every pattern is bounded, so extraction
is linear in the text. A quantity carries its kind, a comparable value (durations in days, doses
in mg or mg/kg), a role where the words around it give one, and its offsets in the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.claims.extract.patterns import NUM_TAIL, to_float
from auditor.claims.text import fold_width

# a comma before a number ends a clause unless a digit precedes it (folded "，" is ",")
_N = rf"(?<![\d.])(?<!\d,)(?P<num>-?{NUM_TAIL})"
_RATIO_NAMES = (
    ("HR", r"hazard ratios?|aHR|HR|风险比|風險比|危险比|危險比"),
    ("OR", r"odds ratios?|aOR|OR|比值比|优势比|優勢比"),
    ("RR", r"risk ratios?|relative risks?|RR|相对危险度|相對危險度|相对风险|相對風險"),
    ("rate ratio", r"rate ratios?|率比"),
)
# a time point between a ratio's name and its value ("rate ratio for 28-day death of 1.09")
_TIME_POINT = r"\d{1,3}[ \t]?-?(?:days?|weeks?|months?|years?)\b|\d{1,3}(?:天|日|周|週|个月|個月|年)"
_RATIO = re.compile(
    r"(?<![A-Za-z])(?:" + "|".join(f"(?P<{k.replace(' ', '_')}>{p})" for k, p in _RATIO_NAMES) + r")"
    rf"(?![A-Za-z])(?:[^0-9;；。]|{_TIME_POINT}){{0,45}}?{_N}(?!\d|\.\d|[ \t]?-?(?:day|week|month|year)s?\b"
    r"|天|日|周|週|个月|個月|年)"
)
_CI = re.compile(
    r"[^0-9。]{0,6}?(?:9[059](?:\.\d{1,2})?[ \t]?%[ \t]?(?:CI|credible interval|置信区间|置信區間|可信区间)"
    rf"[ \t]{{0,2}}[,:：]?[ \t]{{0,2}})?[\[(（]?(?P<lower>-?{NUM_TAIL})[ \t]{{0,2}}"
    rf"(?:to|-|~|～|–|—|至)[ \t]{{0,2}}(?P<upper>-?{NUM_TAIL})"
)
_P = re.compile(rf"(?<![A-Za-z])[Pp][ \t]{{0,2}}(?P<op>[=<>≤≥])[ \t]{{0,2}}(?P<num>\.\d{{1,6}}|{NUM_TAIL})")
_CI_LEVEL = re.compile(r"[ \t]?(?:CI|credible|confidence|置信|可信)")
_PERCENT = re.compile(rf"{_N}[ \t]?%")
# up to two words between a number and the people it counts ("162 placebo recipients", "30 stroke
# patients"), never a preposition or a unit ("2 groups of patients", "10 mg patients")
_PEOPLE_MODIFIER = (
    r"(?:(?!(?:of|per|in|with|and|or|to|at|for|from|by|on|than|mg|ml|kg|years?|months?|weeks?|days?)"
    r"[ \t])[a-z][a-z-]{0,19}[ \t]){0,2}"
)
_PEOPLE = (
    rf"{_PEOPLE_MODIFIER}(?:patients?|participants?|adults|volunteers|persons|people|subjects|individuals"
    r"|children|recipients)|例患者|例|名患者|名受试者|名受試者|名志愿者|名志願者|名|人|位"
)
_EVENTS = r"(?:[a-z-]{1,20}[ \t]){0,2}(?:events|cases|deaths)|例(?:新冠)?病例|起(?:主要结局)?事件|起"
_UNIT_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEEN_WORDS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS_WORDS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUES = {
    **{w: i + 1 for i, w in enumerate(_UNIT_WORDS)},
    **{w: i + 10 for i, w in enumerate(_TEEN_WORDS)},
    **{w: 10 * (i + 2) for i, w in enumerate(_TENS_WORDS)},
}
# English number words up to ninety-nine ("Seven subjects", "twenty-one patients"), longest first
_WORD_NUMBER = (
    rf"(?i:(?:{'|'.join(_TENS_WORDS)})(?:-(?:{'|'.join(_UNIT_WORDS)}))?"
    rf"|{'|'.join(sorted(_TEEN_WORDS + _UNIT_WORDS, key=len, reverse=True))})(?![A-Za-z-])"
)
_WORD_NUMBER_RE = re.compile(rf"(?<![A-Za-z-]){_WORD_NUMBER}")
_COUNT = re.compile(
    rf"(?<![\d.:A-Za-z-])(?<!\d,)(?P<num>\d{{1,3}}(?:,\d{{3}}){{1,3}}|\d{{1,7}}|{_WORD_NUMBER})"
    r"(?![\d.,]\d)[ \t]?"
    rf"(?:(?P<events>{_EVENTS})|(?P<people>{_PEOPLE})"
    r"|(?:were |was )?(?P<verb>assigned|allocated|randomi[sz]ed|received|treated|enrolled)"
    r"|to (?:the |a |receive )?(?P<arm>[A-Za-z]))"
)
_UNITS_DAYS = {"day": 1.0, "week": 7.0, "month": 30.4375, "year": 365.25}
_ZH_UNITS = {
    "天": "day",
    "日": "day",
    "周": "week",
    "週": "week",
    "个月": "month",
    "個月": "month",
    "年": "year",
}
_DURATION = re.compile(
    rf"{_N}[ \t]?(?P<unit>days?|weeks?|months?|years?|天|日|周|週|个月|個月|年)(?![A-Za-z])"
)
_DOSE = re.compile(
    rf"{_N}[ \t]?(?P<unit>mg|μg|µg|ug|mcg|g)(?P<perkg>[ \t]?/[ \t]?kg|[ \t]per[ \t]kilogram)?(?![A-Za-z/])"
)
_SCALE = re.compile(
    r"(?<![A-Za-z])(?P<scale>CDR-SB|ADAS-Cog(?:1[134])?|MMSE|MoCA|EDSS|NIHSS|KCCQ|HAM-D|MADRS|PANSS"
    r"|ALSFRS-R|MDS-UPDRS|UPDRS|iADRS|ADCS-ADL|PASI|EASI|DAS28|WOMAC)(?![A-Za-z])",
    re.I,
)
_THRESHOLD = r"or (?:more|higher|greater|less|lower)|以上|以下|及以上"
# after the scale's name: its score words and a copula, then the value ("score was", "評分變化為")
_SCORE_VALUE = re.compile(
    r"[^0-9。；;.!?]{0,24}?(?:\bwas|\bwere|\bof|为|為|是|达|達|:|：)[ \t]{0,2}"
    rf"(?P<num>-?{NUM_TAIL})(?![\d.]|[ \t]?(?:%|-|~|～|至|to\b|分的|points? or|{_THRESHOLD}))"
)
_SCORE_NUMBER = re.compile(
    rf"(?<![\d.])(?P<num>-?{NUM_TAIL})"
    r"(?![\d.]|[ \t]?(?:%|-?(?:days?|weeks?|months?|years?)|天|日|周|週|个月|個月|年))"
)
_CLAUSE_END = re.compile(r"[;；。(（\[【]|\.(?:\s|$)")
_SCORE_REACH = 60  # characters after a score's first value where the other arms' values stand
_ROLE_WINDOW = 30
_DURATION_ROLES = (
    ("interval", re.compile(r"apart|间隔|間隔|interval", re.I)),
    ("time_to_event", re.compile(r"recovery|improvement|survival|恢复|恢復|改善|生存|存活", re.I)),
    (
        "follow_up",
        re.compile(r"follow-up|followed|observation|median|随访|隨訪|追蹤|追踪|观察|觀察|中位", re.I),
    ),
    ("treatment", re.compile(r"\bfor\b|lasted|ran\b|period|疗程|療程|持续|持續", re.I)),
)
_AFTER_ROLES = (
    ("interval", re.compile(r"^[ \t]?apart", re.I)),
    ("treatment", re.compile(r"^[ \t]of[ \t](?!age)", re.I)),
)
_TIMEPOINT = re.compile(r"(?:\bat|\bby|\bwithin|\bday|\bweek|第)[ \t]{0,2}$", re.I)
# "28-day", "18个月时", "12个月总生存率": a duration followed by a time-point word or a rate noun
_TIMEPOINT_AFTER = re.compile(r"^[ \t]?(?:-day|-month|-week|时|時|内|內|[\u4e00-\u9fff]{0,5}率)", re.I)
_PLANNED = re.compile(
    r"(?:plan(?:s|ned)? to|will|aims? to|expect(?:s|ed)? to|target(?:s|ed)?|intend(?:s|ed)? to|"
    r"计划|計劃|拟|擬|预计|預計|目标|目標)[^。；;.]{0,12}$",
    re.I,
)
_NUMBER = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3}){1,3}|\d{1,9})(?:\.\d{1,6})?(?![\d,]\d)")
_EVENT_WORDS = re.compile(
    r"occurred|confirmed|died|symptomatic|infected|死亡|确诊|確診|发生|發生|事件|病例|出现|出現", re.I
)


@dataclass(frozen=True)
class Quantity:
    """One typed number of a sentence."""

    kind: str  # count | percent | ratio | p | duration | dose
    value: float
    start: int  # offsets in the sentence it was read from
    end: int
    name: str = ""  # ratio: HR/OR/RR/rate ratio; dose: mg or mg/kg; count: participants/events
    role: str = ""  # duration: follow_up/treatment/interval/time_to_event; p: operator
    lower: float | None = None  # confidence interval of a ratio
    upper: float | None = None
    decimals: int = 0

    def same_value(self, other: Quantity) -> bool:
        """Equal after rounding to the less precise of the two (95% = 95.0%, 0.2 = 0.200); durations
        within 1.5% (27 months = 2.25 years) or one rounding unit of their own unit."""
        places = min(self.decimals, other.decimals)
        tolerance = 0.5 * 10**-places + 1e-9
        if self.kind == "duration":
            unit = max(_UNITS_DAYS.get(self.name, 1.0), _UNITS_DAYS.get(other.name, 1.0))
            tolerance = max(tolerance * unit, 0.015 * abs(other.value))
        return abs(abs(self.value) - abs(other.value)) <= tolerance


def word_value(word: str) -> float:
    """The value of an English number word ("Seven" → 7.0, "twenty-one" → 21.0)."""
    tens, _, unit = word.lower().partition("-")
    return float(_WORD_VALUES[tens] + (_WORD_VALUES[unit] if unit else 0))


def _count_value(num: str) -> float:
    return to_float(num) if num[0].isdigit() else word_value(num)


def _decimals(text: str) -> int:
    return len(text.split(".", 1)[1]) if "." in text else 0


def _ratio_name(match: re.Match[str]) -> str:
    return next(k for k, _ in _RATIO_NAMES if match.group(k.replace(" ", "_")))


def _ratios(text: str) -> list[Quantity]:
    found = []
    for m in _RATIO.finditer(text):
        num = m.group("num")
        ci = _CI.match(text, m.end())
        lower = to_float(ci.group("lower")) if ci else None
        upper = to_float(ci.group("upper")) if ci else None
        end = ci.end() if ci else m.end()
        found.append(
            Quantity("ratio", to_float(num), m.start(), end, _ratio_name(m), "", lower, upper, _decimals(num))
        )
    return found


def _percents(text: str) -> list[Quantity]:
    """Percentages, and the bounds of a percentage's CI ("95% (95% CI 90.3 to 97.6)") as percentages."""
    found = []
    for m in _PERCENT.finditer(text):
        if _CI_LEVEL.match(text, m.end()):
            continue  # "95% CI": a confidence level, not a result
        num = m.group("num")
        found.append(Quantity("percent", to_float(num), m.start(), m.end(), decimals=_decimals(num)))
        ci = _CI.match(text, m.end())
        if ci and "%" in text[m.end() : ci.start("lower")]:
            for bound in ("lower", "upper"):
                value = ci.group(bound)
                found.append(
                    Quantity(
                        "percent", to_float(value), *ci.span(bound), name="ci", decimals=_decimals(value)
                    )
                )
    return found


def _p_values(text: str) -> list[Quantity]:
    found = []
    for m in _P.finditer(text):
        num = m.group("num")
        value = to_float("0" + num if num.startswith(".") else num)
        found.append(Quantity("p", value, m.start(), m.end(), role=m.group("op"), decimals=_decimals(num)))
    return found


def _counts(text: str) -> list[Quantity]:
    found = []
    for m in _COUNT.finditer(text):
        if text[m.end("num") : m.end("num") + 1] == "%" or text[max(0, m.start() - 3) : m.start()].endswith(
            "NCT"
        ):
            continue
        window = text[max(0, m.start() - _ROLE_WINDOW) : m.end() + _ROLE_WINDOW]
        events = bool(m.group("events")) or bool(m.group("people") and _EVENT_WORDS.search(window))
        planned = _PLANNED.search(text[max(0, m.start() - 24) : m.start()])
        name = "planned" if planned else "events" if events else "participants"
        num = m.group("num")
        found.append(Quantity("count", _count_value(num), m.start(), m.end("num"), name=name))
    return found


def _duration_role(text: str, start: int, end: int) -> str:
    """follow_up, treatment, interval or time_to_event; "" for a time point or no telling words."""
    before, after = text[max(0, start - _ROLE_WINDOW) : start], text[end : end + 12]
    if _TIMEPOINT.search(before) or _TIMEPOINT_AFTER.match(after):
        return ""
    late = next((role for role, pattern in _AFTER_ROLES if pattern.match(after)), "")
    return late or next((role for role, pattern in _DURATION_ROLES if pattern.search(before)), "")


def _durations(text: str) -> list[Quantity]:
    found = []
    for m in _DURATION.finditer(text):
        role = _duration_role(text, m.start(), m.end())  # "": a time point or no telling words
        unit = _ZH_UNITS.get(m.group("unit"), m.group("unit").rstrip("s"))
        num = m.group("num")
        days = to_float(num) * _UNITS_DAYS[unit]
        found.append(
            Quantity("duration", days, m.start(), m.end(), name=unit, role=role, decimals=_decimals(num))
        )
    return found


def _doses(text: str) -> list[Quantity]:
    found = []
    for m in _DOSE.finditer(text):
        unit = m.group("unit")
        scale = {"g": 1000.0, "mg": 1.0}.get(unit, 0.001)
        name = "mg/kg" if m.group("perkg") else "mg"
        num = m.group("num")
        found.append(
            Quantity("dose", to_float(num) * scale, m.start(), m.end(), name=name, decimals=_decimals(num))
        )
    return found


def numbers_in(text: str) -> set[float]:
    """Every plain number of a text ("21,720" → 21720.0, "seven" → 7.0): what an abstract states at all."""
    folded = fold_width(text)
    words = {word_value(m.group()) for m in _WORD_NUMBER_RE.finditer(folded)}
    return {to_float(m.group()) for m in _NUMBER.finditer(folded)} | words


def _scores(text: str) -> list[Quantity]:
    """Scores on a named rating scale ("CDR-SB評分變化為1.51", "the CDR-SB score was 1.21 with
    lecanemab and 1.66 with placebo"): the number after a copula, and the numbers that follow it
    in the same clause; a range or a threshold ("mRS 0-2", "NIHSS ≥ 6") is not a score."""
    found = []
    for m in _SCALE.finditer(text):
        name = m.group("scale").upper().replace("-", "").replace(" ", "")
        first = _SCORE_VALUE.match(text, m.end())
        if first is None:
            continue
        clause_end = _CLAUSE_END.search(text, first.start("num"))
        stop = min(clause_end.start() if clause_end else len(text), first.start("num") + _SCORE_REACH)
        for n in _SCORE_NUMBER.finditer(text, first.start("num"), stop):
            num = n.group("num")
            found.append(Quantity("score", to_float(num), *n.span("num"), name=name, decimals=_decimals(num)))
    return found


def extract_quantities(sentence: str) -> list[Quantity]:
    """Every typed quantity of a sentence, in text order (offsets into `sentence`)."""
    text = fold_width(sentence)
    found = [
        *_ratios(text),
        *_percents(text),
        *_p_values(text),
        *_counts(text),
        *_durations(text),
        *_doses(text),
        *_scores(text),
    ]
    return sorted(found, key=lambda q: (q.start, q.kind))
