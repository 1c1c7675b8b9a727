"""Quantities: scientific notation with units ("1.5×10⁶ cells/kg"), lost exponents ("1.3×10?颗粒",
"3×1011颗粒"), 万/亿 amounts ("2000万"), and measured values or ranges with units ("40-150nm")."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

from auditor.claims.extract.number_words import group_of
from auditor.claims.extract.patterns import (
    NUM,
    NUM_TAIL,
    RANGE_SEP,
    SUPERSCRIPT_DIGITS,
    Candidate,
    S,
    finditer_if,
    from_superscript,
    to_float,
)
from auditor.claims.models import ClaimKind
from auditor.claims.text import parse_chinese_number

# Units after a count of things (cells, particles) with an optional "/kg", "/2mL", "/次" denominator.
_THING = (
    r"个细胞|個細胞|个外泌体|個外泌體|个颗粒|個顆粒|个|個|细胞|細胞|颗粒|顆粒|外泌体|外泌體|拷贝|拷貝"
    r"|cells|particles|exosomes|copies|CFU|IU|vg|viral[ \t]{1}genomes"
)
_PER = r"(?:[ \t]{0,1}/[ \t]{0,1}(?:\d{1,4}[ \t]{0,1})?(?:公斤|千克|kg|mL|ml|μL|L|次|天|d|只|人|例|m2|m²))?"
_THING_UNIT = rf"(?P<unit>(?:{_THING}){_PER})"
_SUP = f"[{SUPERSCRIPT_DIGITS}]"
_EXPONENT = (
    rf"(?:(?P<sup>⁻?{_SUP}{{1,3}})|\^{S}(?P<caret>-?\d{{1,3}})|[eE](?P<e>-?\d{{1,3}})"
    r"|(?P<flat>\d{1,2})|(?P<lost>[?？\ufffd]{1,2})|(?P<none>))"
)
_TIMES = r"[ \t]{0,1}[×xX*][ \t]{0,1}10"
_SCIENTIFIC = re.compile(
    rf"(?:(?P<mantissa>{NUM}){_TIMES}|10(?<![\d.×xX*]10)(?=\^|{_SUP}))(?P<exp>{_EXPONENT})(?![\d{SUPERSCRIPT_DIGITS}]){S}(?:{_THING_UNIT})?"
)

# "6-9×10?cells/kg", "3–160×10⁶": the low end of a range whose high end carries the exponent.
_LOW_END_BEFORE = re.compile(rf"(?<![\d.])(?P<low>{NUM_TAIL}){S}(?:-|~|～|至|到|to){S}$")
_MEASURE_UNITS = (
    r"μm|µm|um|nm|mm|cm|微米|纳米|納米|毫米|厘米|mL|ml|毫升|μL|µL|mg/kg|mg|μg|µg|ng|kg|g|mmol/L|μmol/L"
    r"|分钟|分鐘|小时|小時|天|周|週|个月|個月|岁|歲|年|min|h|hours|days|weeks|months|years"
)
_MEASURE = re.compile(
    rf"(?P<low>{NUM})(?:{S}{RANGE_SEP}{S}(?P<high>{NUM_TAIL}))?{S}(?P<unit>{_MEASURE_UNITS})(?![A-Za-z])"
)
_MYRIAD = re.compile(rf"(?P<num>{NUM})(?P<mult>万|萬|亿|億)(?:{_THING_UNIT})?(?!人|例|名|篇|项|項|位|只|家)")


def _quantity(
    mantissa: float | None, exponent: int | None, value: float | None, unit: str, lost: bool
) -> dict[str, Any]:
    return {"mantissa": mantissa, "exponent": exponent, "value": value, "unit": unit, "exponent_lost": lost}


def _exponent_of(match: re.Match[str]) -> tuple[int | None, bool]:
    """(exponent, exponent_lost) for one scientific-notation match."""
    for group in ("sup", "caret", "e"):
        if match.group(group):
            return int(from_superscript(match.group(group))), False
    if match.group("flat"):
        return int(match.group("flat")), True  # "3×1011": a superscript flattened into the line
    return None, True


def scientific(text: str) -> Iterator[Candidate]:
    """ "1.5×10⁶ cells/kg", "3×10^11", "10^9", "1.3×10?顆粒" (lost), "3×1011颗粒" (flattened)."""
    for match in _SCIENTIFIC.finditer(text):
        mantissa = to_float(match.group("mantissa")) if match.group("mantissa") else 1.0
        exponent, lost = _exponent_of(match)
        unit = (match.group("unit") or "").strip()
        if match.group("none") is not None and not unit and not _bare_lost_ok(text, match.end()):
            continue
        value = None if lost or exponent is None else _scaled(mantissa, exponent)
        end = match.end("unit") if unit else match.end("exp")
        payload = _quantity(mantissa, exponent, value, unit, lost)
        low = _LOW_END_BEFORE.search(text[max(0, match.start() - 16) : match.start()])
        start = match.start()
        if low and match.group("mantissa"):
            start -= len(low.group())
            payload |= {"low": to_float(low.group("low")), "high": mantissa}
        yield Candidate(ClaimKind.QUANTITY, start, end, payload)


def _scaled(mantissa: float, exponent: int) -> float | None:
    """mantissa × 10^exponent, or None where a float cannot hold it ("10^310")."""
    try:
        value = mantissa * 10.0**exponent
    except OverflowError:
        return None
    return value if math.isfinite(value) else None


def _bare_lost_ok(text: str, end: int) -> bool:
    """ "(0.4×10)" or "×10 个" with nothing where the exponent goes: lost only before ) or a space/unit."""
    return text[end : end + 1] in (")", "）", "", " ", "、", ",", "和", "-")


def measures(text: str) -> Iterator[Candidate]:
    """ "10-15微米", "40-150nm", "11 μm", "6分鐘": value or low/high with the unit as written."""
    for match in _MEASURE.finditer(text):
        low, high, unit = match.group("low"), match.group("high"), match.group("unit")
        if unit == "年" and re.fullmatch(r"(?:19|20)\d{2}", low):
            continue  # a calendar year, not a duration
        if high is None:
            payload = _quantity(None, None, to_float(low), unit, False)
            payload["group"] = group_of(text, match.start(), match.end())
        else:
            payload = _quantity(None, None, None, unit, False) | {
                "low": to_float(low),
                "high": to_float(high),
            }
        yield Candidate(ClaimKind.QUANTITY, match.start(), match.end(), payload)


def myriads(text: str) -> Iterator[Candidate]:
    """ "2000万", "5500万个细胞": a number times 万/亿 (followed by a count unit it is a count instead)."""
    for match in finditer_if(_MYRIAD, text, ("万", "萬", "亿", "億")):
        value = parse_chinese_number(match.group("num").replace(",", "") + match.group("mult"))
        unit = match.group("unit") or ""
        payload = _quantity(to_float(match.group("num")), None, value, unit, False) | {
            "multiplier": match.group("mult")
        }
        yield Candidate(ClaimKind.QUANTITY, match.start(), match.end(), payload)


def link_ranges(text: str, found: list[Candidate]) -> list[Candidate]:
    """In "10^9-10^11个外泌体" the first end takes the unit of the second."""
    ordered = sorted(found, key=lambda c: c.start)
    for first, second in reversed(list(zip(ordered, ordered[1:], strict=False))):
        gap = text[first.end : second.start].strip()
        if (
            not first.normalized["unit"]
            and second.normalized["unit"]
            and re.fullmatch(RANGE_SEP + "|和|、|,", gap)
        ):
            first.normalized["unit"] = second.normalized["unit"]
    return ordered


def quantities(text: str) -> Iterator[Candidate]:
    """Every quantity in `text` (already width-folded)."""
    yield from link_ranges(text, list(scientific(text)))
    yield from measures(text)
    yield from myriads(text)
