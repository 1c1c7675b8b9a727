"""Statistics: p values (and missing ones), confidence intervals, HR/OR/RR, mean±SD, n=."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from auditor.claims.extract.patterns import NUM, NUM_TAIL, S2, Candidate, S, finditer_if, to_float
from auditor.claims.models import ClaimKind

_OPERATOR = r"(?P<op><=|>=|≤|≥|=|<|>)"
_P_VALUE = re.compile(rf"[pP](?<![A-Za-z][pP]){S2}{_OPERATOR}{S2}(?P<num>{NUM_TAIL}|\.\d{{1,8}})")
_P_MISSING = re.compile(r"\([ \t]{0,1}[pP][ \t]{0,1}(?P<op>[=<>])?[ \t]{0,1}\)")
_CI = re.compile(
    rf"(?P<level>\d\d(?:\.\d)?){S}%{S}CI{S}[:=,]?{S2}[\[(]?{S}"
    rf"(?P<lower>-?{NUM_TAIL}){S2}(?:-|~|to|,){S2}(?P<upper>-?{NUM_TAIL})"
)
_RATIO = re.compile(rf"(?P<name>aHR|aOR|HR|OR|RR|SMD|WMD|MD|AUC){S2}[=:]?{S2}(?P<num>{NUM_TAIL})(?![\d.])")
_MEAN_SD = re.compile(rf"(?P<mean>{NUM}){S}%?{S}(?:±|\+/-|\+-){S}(?P<sd>{NUM_TAIL})(?:{S}%)?")
_N = re.compile(r"[nN](?<![A-Za-z][nN])[ \t]{0,2}=[ \t]{0,2}(?P<num>\d{1,3}(?:,\d{3}){1,3}|\d{1,9})(?![\d.])")


def _statistic(name: str, value: float | None, **extra: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "name": name,
        "value": value,
        "operator": None,
        "lower": None,
        "upper": None,
        "sd": None,
        "missing_value": False,
    }
    payload.update(extra)
    return payload


def _p_values(text: str) -> Iterator[Candidate]:
    for match in finditer_if(_P_VALUE, text, ("=", "<", ">", "≤", "≥")):
        payload = _statistic("p", to_float(match.group("num")), operator=match.group("op"))
        yield Candidate(ClaimKind.STATISTIC, match.start(), match.end(), payload)
    for match in _P_MISSING.finditer(text):
        payload = _statistic("p", None, operator=match.group("op"), missing_value=True)
        yield Candidate(ClaimKind.STATISTIC, match.start(), match.end(), payload)


def _intervals_and_ratios(text: str) -> Iterator[Candidate]:
    for match in finditer_if(_CI, text, ("CI",)):
        lower, upper = to_float(match.group("lower")), to_float(match.group("upper"))
        payload = _statistic("CI", to_float(match.group("level")), lower=lower, upper=upper)
        yield Candidate(ClaimKind.STATISTIC, match.start(), match.end(), payload)
    for match in finditer_if(_RATIO, text, ("HR", "OR", "RR", "MD", "AUC")):
        if text[match.start() - 1 : match.start()].isalpha() and match.start() > 0:
            continue
        payload = _statistic(match.group("name"), to_float(match.group("num")), operator="=")
        yield Candidate(ClaimKind.STATISTIC, match.start(), match.end(), payload)


def _means_and_sizes(text: str) -> Iterator[Candidate]:
    for match in finditer_if(_MEAN_SD, text, ("±", "+")):
        payload = _statistic("mean_sd", to_float(match.group("mean")), sd=to_float(match.group("sd")))
        yield Candidate(ClaimKind.STATISTIC, match.start(), match.end(), payload)
    for match in finditer_if(_N, text, ("=",)):
        payload = _statistic("n", to_float(match.group("num")), operator="=")
        yield Candidate(ClaimKind.STATISTIC, match.start(), match.end(), payload)


def statistics(text: str) -> Iterator[Candidate]:
    """Every statistic in `text` (already width-folded)."""
    yield from _p_values(text)
    yield from _intervals_and_ratios(text)
    yield from _means_and_sizes(text)
