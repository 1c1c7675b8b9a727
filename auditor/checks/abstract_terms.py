"""Bilingual terms for reading a claim against an abstract: what was measured, and which way it went.

`OUTCOMES` maps outcome concepts to the words articles (zh-Hans, zh-Hant, en) and English abstracts
use for them, so that a percentage or a direction word is compared only with abstract sentences
about the same outcome. `direction` reads a sentence as reporting an effect ("significantly
reduced", "superior", "显著改善", "證實有效"), no effect ("no significant difference", "did not",
"non-inferior", "similar", "无显著差异"), both, or neither. Data and pure functions only.
"""

from __future__ import annotations

import re

from auditor.checks.abstract_quantities import Quantity

OUTCOMES: dict[str, tuple[str, ...]] = {
    "death": ("mortality", "death", "died", "deaths", "死亡"),
    "efficacy": ("efficacy", "effective", "protection", "效力", "保护", "保護"),
    "adverse events": ("adverse event", "不良事件", "不良反应", "不良反應"),
    "infusion reactions": ("infusion", "输注", "輸注"),
    "imaging abnormalities": (
        "amyloid-related imaging",
        "aria",
        "影像异常",
        "影像異常",
        "edema",
        "水肿",
        "水腫",
    ),
    "body weight": ("body weight", "weight", "体重", "體重"),
    "overall survival": ("overall survival", "总生存", "總生存", "总存活", "總存活"),
    "progression-free survival": ("progression-free", "无进展", "無進展", "无恶化", "無惡化"),
    "primary outcome": (
        "primary outcome",
        "primary composite",
        "主要结局",
        "主要結局",
        "主要复合",
        "主要複合",
    ),
    "cardiovascular events": (
        "cardiovascular event",
        "ischemic cardiovascular",
        "缺血性心血管",
        "心血管事件",
    ),
    "event rate": ("event rate", "事件率"),
    "stroke": ("stroke", "卒中", "中风", "中風"),
    "myocardial infarction": ("myocardial infarction", "心肌梗死", "心肌梗塞"),
    "heart failure hospitalization": ("hospitalization for heart failure", "心衰住院", "心衰竭住院"),
    "discharge": ("discharged", "discharge", "出院"),
    "recovery": ("recovery", "恢复", "恢復"),
    "clinical improvement": (
        "clinical improvement",
        "clinical benefit",
        "clinical outcome",
        "临床改善",
        "臨床改善",
        "临床结局",
        "臨床結局",
        "临床获益",
        "臨床獲益",
    ),
    "exercise time": ("exercise time", "运动时间", "運動時間"),
    "cognition": ("cdr-sb", "cognition", "cognitive", "认知", "認知"),
    "covid-19 cases": (
        "cases of covid-19",
        "covid-19 illness",
        "symptomatic covid-19",
        "新冠病例",
        "确诊",
        "確診",
    ),
    "severe covid-19": ("severe covid-19", "重症"),
    "mechanical ventilation": ("mechanical ventilation", "机械通气", "機械通氣"),
}

# 没有 is "no effect" only before an effect word ("没有显著改善"), not "without" ("没有糖尿病的成人")
_WITHOUT_EFFECT = (
    r"(?:没有|沒有)(?=[^，,。；;]{0,4}(?:显著|顯著|明显|明顯|改善|降低|减少|減少|差异|差異|获益|獲益|效果|延长|延長"
    r"|缩短|縮短|提高|影响|影響|区别|區別))"
)
_NEGATIVE = re.compile(
    r"no (?:statistically )?significant|not (?:statistically )?significant|did not|does not|was not|were not"
    r"|not associated|no benefit|no difference|no evidence|similar|non-?inferior|not superior|but not"
    r"|无显著|無顯著|未显著|未顯著|并未|並未|"
    + _WITHOUT_EFFECT
    + r"|无明显|無明顯|相近|相似|未能|无效|無效|无差异|無差異"
    r"|無差別|无差别",
    re.I,
)
_POSITIVE = re.compile(
    r"significantly|superior|confirmed efficacy|effective|markedly|reduced|lowered|improved|shortened"
    r"|reduction|lower rate|less decline|benefit|protection|conferred"
    r"|显著|顯著|证实有效|證實有效|有效|降低|改善|优于|優於|缩短|縮短|减少|減少|明显|明顯",
    re.I,
)
_SIGNIFICANCE = 0.05
# A negation reaches to the end of its clause: "not associated with statistically significant
# clinical benefits", "did not find evidence that …, reduced the risk" (commas do not end it).
_NEGATED_SCOPE = re.compile(
    "(?:" + _NEGATIVE.pattern + r")(?:(?!\bbut\b|\bwhereas\b|\bhowever\b|但|然而)[^;.；。]){0,160}", re.I
)


def outcomes_in(text: str) -> set[str]:
    """The outcome concepts a sentence names."""
    lowered = text.lower()
    return {name for name, words in OUTCOMES.items() if any(w in lowered for w in words)}


def _ratio_direction(quantities: list[Quantity]) -> tuple[bool, bool]:
    """(significant, not significant) from the p-values and ratio CIs of a sentence."""
    significant = any(q.kind == "p" and q.value < _SIGNIFICANCE and q.role in "<=≤" for q in quantities)
    intervals = [q for q in quantities if q.kind == "ratio" and q.lower is not None and q.upper is not None]
    crossing = any(
        q.lower is not None and q.upper is not None and q.lower <= 1.0 <= q.upper for q in intervals
    )
    excluding = any(
        q.lower is not None and q.upper is not None and not q.lower <= 1.0 <= q.upper for q in intervals
    )
    return significant or excluding, crossing and not significant


def direction(text: str, quantities: list[Quantity] | None = None) -> str:
    """ "positive" (an effect), "negative" (no effect), "mixed", or "" (says neither).

    Words decide first (a negative phrase wins over the positive word it contains: "did not
    significantly reduce"); in an abstract sentence without such words, p < 0.05 or a ratio whose
    CI excludes 1 reads as an effect, and a CI including 1 as none.
    """
    negative = bool(_NEGATIVE.search(text))
    positive = bool(_POSITIVE.search(_NEGATED_SCOPE.sub(" ", text)))
    if quantities is not None and not (negative or positive):
        positive, negative = _ratio_direction(quantities)
    if negative and positive:
        return "mixed"
    return "negative" if negative else "positive" if positive else ""


def direction_match(text: str) -> tuple[int, int]:
    """(start, end) of the first direction phrase of a sentence ((0, len) when none is found)."""
    found = _NEGATIVE.search(text) or _POSITIVE.search(text)
    return found.span() if found else (0, len(text))
