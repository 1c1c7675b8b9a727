"""Percentages, fractions, counts and relative changes."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from typing import Any

from auditor.claims.extract.number_words import group_of, label_of, qualifier_before
from auditor.claims.extract.patterns import (
    NUM,
    NUM_TAIL,
    RANGE_SEP,
    S2,
    Candidate,
    S,
    W,
    decimals_of,
    finditer_if,
    line_start_before,
    to_float,
)
from auditor.claims.models import ClaimKind
from auditor.claims.text import parse_chinese_number, sentence_at

_PERCENT = re.compile(rf"(?P<num>{NUM}){S}(?P<unit>%|‰)")
_RANGE_BEFORE = re.compile(rf"\d{S}[%‰]?{S}{RANGE_SEP}{S}$")
_RANGE_AFTER = re.compile(rf"{S}{RANGE_SEP}{S}\d")
_PERCENT_RANGE_LOW = re.compile(rf"(?P<num>{NUM}){S}{RANGE_SEP}{S}{NUM_TAIL}{S}(?P<unit>%|‰)")
_PERCENT_SIGNS = ("%", "‰")  # in every match of the two patterns above (see `finditer_if`)

_FRACTION = re.compile(r"(?P<a>\d(?<![A-Za-z0-9./\-]\d)\d{0,5})[ \t]{0,1}/[ \t]{0,1}(?P<b>\d{1,6})(?![\d/.])")
_OF = re.compile(rf"(?P<a>{NUM}){W}(?:of|out{W}of){W}(?P<b>{NUM_TAIL})(?![\d.])")
# "142 events among the 8901 on rosuvastatin": a count and the group it occurred in (a few words apart)
_AMONG = re.compile(
    rf"(?P<a>{NUM})(?:[ \t][A-Za-z-]{{2,15}}){{0,3}}[ \t]among[ \t](?:the[ \t])?(?P<b>{NUM_TAIL})"
    r"(?![\d.%‰]|[ \t]?[-–](?=\w)|[ \t](?:years?|months?|weeks?|days?|hours?)(?![A-Za-z]))"
)
_NOT_FRACTION_AFTER = re.compile(r"[ \t]{0,1}(?:期|phase|Phase|月|日)")

_COUNT_UNITS = (
    r"例患者|例|篇|名|人|项|項|只|位|家|份|株"
    r"|[个個](?!月|小时|小時|星期|周|週|疗程|療程|百分|工作日|季度|阶段|階段)"
    r"|patients|participants|subjects|studies|articles|trials|mice|rats|samples"
    r"|children|cases|people|adults|infants|volunteers"
)
_MULTIPLIER = r"(?P<mult>万|萬|亿|億)?"
# "75 infused patients", "12 healthy volunteers": one describing word between a number and its noun
_ADJECTIVE = r"(?:[a-z]{2,14}(?:ed|ing|ble|al|ic|ive|ous|ent|ant|ary|ory|ly|y)[ \t])?"
_COUNT = re.compile(rf"(?P<num>{NUM}){_MULTIPLIER}{S}{_ADJECTIVE}(?P<unit>{_COUNT_UNITS})(?![A-Za-z])")
# "20 164名", "12 500 patients": digit groups of exactly three after a space, thin space or narrow
# no-break space are one number when a count's noun follows; the first group has 1–3 digits.
_SPACED_COUNT = re.compile(
    r"(?P<num>\d(?<![A-Za-z0-9.,]\d)\d{0,2}(?:[ \u00a0\u2009\u202f]\d{3}){1,4})(?![\d.,])"
    rf"{_MULTIPLIER}{S}{_ADJECTIVE}(?P<unit>{_COUNT_UNITS})(?![A-Za-z])"
)
# Before a spaced count: a number list ("3 5 100 patients", "2, 3 100") or a label taking a
# number ("day 3 100 patients", "第3 100名", "2019 年 3 100例") make the first group a number of its own.
_NOT_SPACED_BEFORE = re.compile(
    r"(?:\d[ \t,、;；]{1,2}|(?:(?<![A-Za-z])(?:day|week|month|year|visit|table|figure|fig\.|group|arm|cohort"
    r"|phase|stage|grade|step|level|no\.|n[ \t]?=)|第|表|图|圖|组|組|年|月|日|周|週|期)[ \t]{0,2})$",
    re.IGNORECASE,
)
_ZH_DIGITS = "一二三四五六七八九十百千万两〇零"
_ZH_NUMERAL = "[一二三四五六七八九十百千两〇零]"
_ZH_COUNT = re.compile(rf"(?P<num>{_ZH_NUMERAL}{_ZH_NUMERAL}{{0,7}})(?P<unit>例患者|例|篇|名|位)")

_UP = r"提高|增加|升高|上升|提升|增长|增長|增高|改善|延长|延長"
_DOWN = r"降低|下降|减少|減少|减轻|減輕|缩短|縮短|减低|減低|减缓|減緩"
_EN_UP = "increased|improved|rose|grew"
_EN_DOWN = "decreased|reduced|fell|dropped|declined|lowered"
# The verb of a change, rises before falls: one alternation of words, so that the engine skips to
# their first letters (group `verb`; `_RISES` tells the direction).
_ZH_CHANGE = re.compile(
    rf"(?P<verb>{_UP}|{_DOWN})(?:了|约|約|达|達|近|\s){{0,3}}(?P<num>{NUM_TAIL}){S}(?P<unit>%|倍)"
)
_EN_CHANGE = re.compile(
    rf"(?P<verb>{_EN_UP}|{_EN_DOWN}){W}by{W}(?:about |approximately )?"
    rf"(?P<num>{NUM_TAIL}){S}(?P<unit>%|-fold|倍)"
)
_RISES = frozenset(f"{_UP}|{_EN_UP}".split("|"))
_EN_CHANGE_NOUN = re.compile(
    rf"(?P<num>{NUM}){S}(?P<unit>%|-fold){W}(?P<relative>relative[ \t](?:risk[ \t])?|risk[ \t])?"
    r"(?:(?P<up>increase|improvement|rise|higher|gain)|(?P<down>reduction|decrease|decline|drop|fall|lower))"
)
_EN_CHANGE_OF = re.compile(
    r"(?=[rigd])(?P<relative>relative[ \t](?:risk[ \t])?)?"
    r"(?:(?P<up>increase|improvement|rise|gain)|(?P<down>reduction|decrease|decline|drop))"
    r"(?:[ \t]\([A-Z]{2,5}\))?[ \t]of[ \t](?:about |approximately )?"
    rf"(?P<num>{NUM_TAIL}){S}(?P<unit>%)(?![ \t]?(?:of|to|in)[ \t])"
)
_EFFICACY_WORD = re.compile(
    r"Efficacy|efficacy|Effectiveness|effectiveness|Protection|protection"
    r"|保护效力|保護效力|疫苗效力|保护效果|保護效果|保护率|保護率"
)
_EFFICACY_AFTER = re.compile(
    r"(?:(?:efficacy|effectiveness)(?:[ \t](?:of|was|is|were|reached|estimated[ \t]at)){0,2}"
    r"(?:[ \t](?:about|approximately))?[ \t]{0,2}[:=(,]?"
    r"|(?:保护效力|保護效力|疫苗效力|保护效果|保護效果|保护率|保護率)(?:为|為|达|達|是|:|[ \t]){0,3})"
    rf"[ \t]{{0,2}}(?P<num>{NUM_TAIL}){S}%",
    re.IGNORECASE,
)
_EFFICACY_BEFORE = re.compile(rf"(?P<num>{NUM}){S}%[ \t](?:vaccine[ \t])?$", re.IGNORECASE)
# A value of a from-to, with the unit it may carry ("12天", "5.1個月", "105 kg", "20分").
_FROM_UNIT = (
    r"(?:/[ \t]?(?:\d{1,7}[ \t]?)?(?:万|萬|千|百)?(?:人年|人)?(?![\d.])"  # a rate: "466/10万", "3.1/1000人年"
    r"|[ \t]?(?:[A-Za-zµμ/]{1,6}(?<![ \t]to)|个月|個月|天|日|周|週|月|年|小时|小時|分钟|分鐘|分|秒"
    r"|公斤|千克|毫克|克|吨|噸|升|毫升|元|次|例|人|名|株|岁|歲|厘米|毫米|cm))?"
)
_TIMES = r"(?:万|萬|亿|億)?"  # "由1000萬降至200萬": a multiplier right after the value
_VALUE = rf"{NUM_TAIL}{_TIMES}{S}%?(?:{S}±{S}{NUM_TAIL}{S}%?)?"
# "由每10萬人94例", "由每千人年3.3", "由每年1000萬": a rate's "per …" before its value
_PER = r"(?:每[ \t]?(?:\d{1,7}[ \t]?|[十百千万萬]{1,3})?(?:万|萬)?(?:人年|人|例|名|年|月|天|日|周|週)?)?"
_FROM_TO = re.compile(
    rf"(?:从|從|由|from){S2}{_PER}(?P<base>{_VALUE}){_FROM_UNIT}{S2}"
    r"(?P<conn>增至|增加到|增加至|提高到|提高至|提升至|提升到|升至|上升至|上升到|降至|降到|下降到|下降至|减少到|减少至|減少到"
    r"|减至|減至|延长到|延長到|延长至|延長至|缩短到|縮短到|缩短至|縮短至|增長到|增长到|到|至|to)"
    rf"{S2}{_PER}(?P<new>{_VALUE})"
)
_LEADING_NUMBER = re.compile(rf"(?P<num>{NUM_TAIL})(?P<times>万|萬|亿|億)?")
_MULTIPLIERS = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8}


def percentages(text: str) -> Iterator[Candidate]:
    """ "82%", "约50%", "2.1‰", and the low end of "5-10%" (its own claim)."""
    for match in finditer_if(_PERCENT, text, _PERCENT_SIGNS):
        num = match.group("num")
        qualifier = qualifier_before(text, match.start())
        payload = {
            "value": to_float(num),
            "decimals": decimals_of(num),
            "unit": match.group("unit"),
            "approx": qualifier.approx,
            "bound": qualifier.bound,
            "group": group_of(text, match.start(), match.end()),
            "range": _in_range(text, match.start(), match.end()),
            "label": label_of(text, match.start(), match.end()),
        }
        yield Candidate(ClaimKind.PERCENTAGE, match.start() - qualifier.length, match.end(), payload)
    for match in finditer_if(_PERCENT_RANGE_LOW, text, _PERCENT_SIGNS):
        num = match.group("num")
        payload = {
            "value": to_float(num),
            "decimals": decimals_of(num),
            "unit": match.group("unit"),
            "approx": False,
            "bound": None,
            "group": None,
            "range": True,
            "label": None,
        }
        yield Candidate(ClaimKind.PERCENTAGE, match.start("num"), match.end("num"), payload)


def _in_range(text: str, start: int, end: int) -> bool:
    """ "4%-9%", "4-9%": an end of a range, not a value of its own."""
    return bool(_RANGE_BEFORE.search(text[max(0, start - 8) : start]) or _RANGE_AFTER.match(text, end))


def _is_date_or_phase(text: str, match: re.Match[str]) -> bool:
    a, b = int(match.group("a")), int(match.group("b"))
    after_phase = text[max(0, match.start() - 7) : match.start()].lower().rstrip().endswith("phase")
    if _NOT_FRACTION_AFTER.match(text, match.end()) or after_phase or 1900 <= a <= 2100:
        return True
    return b == 0 or a > b or text[match.start() - 1 : match.start()] in ("Ⅰ", "Ⅱ", "I", "/")


def fractions(text: str) -> Iterator[Candidate]:
    """ "6/7", "57 of 71", "7 out of 10", "12 deaths among the 300" (dates, phases "2/3期" and ratios
    above one excluded)."""
    for match in finditer_if(_FRACTION, text, ("/",)):
        if not _is_date_or_phase(text, match):
            payload = {"numerator": float(match.group("a")), "denominator": float(match.group("b"))}
            yield Candidate(ClaimKind.FRACTION, match.start(), match.end(), payload)
    for match in (*finditer_if(_OF, text, ("of",)), *finditer_if(_AMONG, text, ("among",))):
        a, b = to_float(match.group("a")), to_float(match.group("b"))
        if b > 0 and a <= b:
            yield Candidate(
                ClaimKind.FRACTION, match.start(), match.end(), {"numerator": a, "denominator": b}
            )


def counts(text: str) -> Iterator[Candidate]:
    """ "87例", "71篇", "2000万人", "39 patients", "三名"; list numbers at a line start excluded."""
    for match in _COUNT.finditer(text):
        value = parse_chinese_number(match.group("num").replace(",", "") + (match.group("mult") or ""))
        if value is None or (
            line_start_before(text, match.start()) and text[match.end("num") : match.end("num") + 1] in "、."
        ):
            continue
        yield _count(text, match, value)
    for match in _SPACED_COUNT.finditer(text):
        if not _NOT_SPACED_BEFORE.search(text[max(0, match.start() - 8) : match.start()]):
            yield _count(text, match, float("".join(match.group("num").split())) * _times(match))
    for match in _ZH_COUNT.finditer(text):
        value = parse_chinese_number(match.group("num"))
        if text[match.start() - 1 : match.start()] in _ZH_DIGITS and match.start() > 0:
            continue
        if value is not None and match.group("num") != "一":
            yield _count(text, match, value)


def _times(match: re.Match[str]) -> float:
    return _MULTIPLIERS.get(match.group("mult") or "", 1.0)


def _count(text: str, match: re.Match[str], value: float) -> Candidate:
    """A count with its qualifier ("约", "more than") and the group it belongs to, if named."""
    qualifier = qualifier_before(text, match.start())
    payload = {
        "value": value,
        "unit": match.group("unit"),
        "approx": qualifier.approx,
        "bound": qualifier.bound,
        "group": group_of(text, match.start(), match.end()),
        "implied": False,
    }
    return Candidate(ClaimKind.COUNT, match.start(), match.end(), payload)


def _precision_of(text: str) -> dict[str, Any]:
    """Decimals of a from-to value and whether it is an exact count (an integer, not a % or ×万)."""
    found = _LEADING_NUMBER.search(text)
    if found is None:
        return {"decimals": 0, "exact": False}
    decimals = decimals_of(found.group("num"))
    exact = decimals == 0 and "%" not in text and not found.group("times")
    return {"decimals": decimals, "exact": exact}


def _value_of(text: str) -> float:
    found = _LEADING_NUMBER.search(text)
    if found is None:
        return 0.0
    return to_float(found.group("num")) * _MULTIPLIERS.get(found.group("times") or "", 1.0)


_NEUTRAL = re.compile(r"improv|改善")


def _change_payload(match: re.Match[str]) -> dict[str, Any]:
    groups = match.groupdict()
    verb = groups.get("verb")
    rise = groups["up"] if verb is None else verb if verb in _RISES else None  # the word of a rise
    sign = 1.0 if rise else -1.0
    number = to_float(match.group("num"))
    if match.group("unit") == "%":
        payload: dict[str, Any] = {"change": sign * number, "base": None, "new": None}
        if _NEUTRAL.match(rise or ""):
            payload["neutral"] = True  # "improvement": better may be higher or lower
        return payload
    return {"change": None, "base": None, "new": None, "factor": number}


_RELATIVE_ZH = re.compile(r"相[对對](?:危险|危險|风险|風險)?度?$")  # "相对风险降低25%"


def _relative_before(text: str, start: int) -> bool:
    return _RELATIVE_ZH.search(text, max(0, start - 5), start) is not None


# A literal in every match of each pattern of a stated change (see `finditer_if`).
_CHANGE_NEEDLES = {_EN_CHANGE: ("by",), _EN_CHANGE_NOUN: ("%", "-fold"), _EN_CHANGE_OF: ("of",)}


def _changes_stated(text: str) -> Iterator[Candidate]:
    for pattern in (_ZH_CHANGE, _EN_CHANGE, _EN_CHANGE_NOUN, _EN_CHANGE_OF):
        needles = _CHANGE_NEEDLES.get(pattern)
        for match in pattern.finditer(text) if needles is None else finditer_if(pattern, text, needles):
            payload = _change_payload(match)
            if "relative" in pattern.groupindex and match.group("relative"):
                payload["relative"] = True
            elif pattern is _ZH_CHANGE and _relative_before(text, match.start()):
                payload["relative"] = True  # "相对降低25%": not a difference in points
            yield Candidate(ClaimKind.RELATIVE_CHANGE, match.start(), match.end(), payload)
    yield from _efficacies(text)


def _efficacies(text: str) -> Iterator[Candidate]:
    """ "efficacy of 95%", "95% vaccine efficacy", "保护效力为95%": a relative reduction of the attack rate.

    Found from the word (a literal scan), then read around it, so texts without one cost nothing.
    """
    for word in _EFFICACY_WORD.finditer(text):
        after = _EFFICACY_AFTER.match(text, word.start())
        before = _EFFICACY_BEFORE.search(text[max(0, word.start() - 28) : word.start()])
        if after is not None:
            start, end, number = after.start(), after.end(), after.group("num")
        elif before is not None and not text[word.end() : word.end() + 1].isalpha():
            start, end, number = word.start() - len(before.group()), word.end(), before.group("num")
        else:
            continue
        payload = {"change": -to_float(number), "base": None, "new": None, "measure": "efficacy"}
        yield Candidate(ClaimKind.RELATIVE_CHANGE, start, end, payload)


def relative_changes(text: str, sentences: list[tuple[int, int]]) -> Iterator[Candidate]:
    """ "提高38%", "下降28%", "提升4倍" (factor), "increased by 38%", "从5.2%增至7.2%" (base, new).

    A stated change takes base/new from the nearest unused from-to phrase of its sentence (the
    closest one before it, else the first after it); a from-to phrase left over is its own claim
    with change None.
    """
    from_to = [
        (m, _value_of(m.group("base")), _value_of(m.group("new")))
        for m in finditer_if(_FROM_TO, text, ("从", "從", "由", "from"))
        if _is_change(text, m)
    ]
    precision = [_from_to_precision(m) for m, _, _ in from_to]
    # "由20%降至10%" is a change of percentages (points can be meant); "由120噸降至90噸" is not
    in_percent = [("%" in m.group("base") or "%" in m.group("new")) for m, _, _ in from_to]
    starts = [match.start() for match, _, _ in from_to]
    used: set[int] = set()
    for candidate in sorted(_changes_stated(text), key=lambda c: c.start):
        clause = _clause_at(text, sentence_at(text, candidate.start, sentences), candidate.start)
        index = _nearest_from_to(starts, used, clause, candidate.start)
        if index is not None:
            candidate.normalized.update(
                {
                    "base": from_to[index][1],
                    "new": from_to[index][2],
                    "percent_values": in_percent[index],
                    **precision[index],
                }
            )
            used.add(index)
        yield candidate
    for index, (match, base, new) in enumerate(from_to):
        if index not in used:
            yield Candidate(
                ClaimKind.RELATIVE_CHANGE,
                match.start(),
                match.end(),
                {"change": None, "base": base, "new": new, "percent_values": in_percent[index]},
            )


def _from_to_precision(match: re.Match[str]) -> dict[str, Any]:
    """The stated precision of both values of a from-to (the check allows the interval it implies)."""
    base, new = _precision_of(match.group("base")), _precision_of(match.group("new"))
    return {
        "base_decimals": base["decimals"],
        "new_decimals": new["decimals"],
        "exact_values": base["exact"] and new["exact"],
    }


_CLAUSE_REACH = 300


def _clause_at(text: str, sentence: tuple[int, int], offset: int) -> tuple[int, int]:
    """The part of `sentence` around `offset` between semicolons: "由50例降至20例，下降60%；另一城市由8%…"."""
    lo = max(sentence[0], offset - _CLAUSE_REACH)
    hi = min(sentence[1], offset + _CLAUSE_REACH)
    before = max(text.rfind(";", lo, offset), text.rfind("；", lo, offset))
    after = [pos for pos in (text.find(";", offset, hi), text.find("；", offset, hi)) if pos != -1]
    return (before + 1 if before != -1 else sentence[0], min(after) if after else sentence[1])


_VERB_BEFORE_FROM = re.compile(
    r"(?:rose|fell|increased|decreased|declined|dropped|improved|reduced|grew|shrank|went|changed"
    r"|rises?|falls?|increases?|decreases?|declines?|drops?|improves?|reduces?|grows?|shrinks?|goes|go"
    r"|提高|增加|升高|上升|提升|增长|增長|降低|下降|减少|減少|缩短|縮短|延长|延長|改善)[ \t]{0,2}$",
    re.IGNORECASE,
)


def _is_change(text: str, match: re.Match[str]) -> bool:
    """ "从1到6小时" is a span of time; a from-to is a change with "%", a change verb as connector,
    or a change verb right before it ("fell from 92 to 30 mg/dL")."""
    if "%" in match.group() or match.group("conn") not in ("到", "至", "to"):
        return True
    return bool(_VERB_BEFORE_FROM.search(text[max(0, match.start() - 16) : match.start()]))


def _nearest_from_to(starts: list[int], used: set[int], sentence: tuple[int, int], offset: int) -> int | None:
    """Index of the unused from-to closest before `offset` in the sentence, else the first after."""
    first, split, last = (bisect_left(starts, x) for x in (sentence[0], offset, sentence[1]))
    before = next((i for i in range(split - 1, first - 1, -1) if i not in used), None)
    return before if before is not None else next((i for i in range(split, last) if i not in used), None)
