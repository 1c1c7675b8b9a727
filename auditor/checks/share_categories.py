"""Whether the categories of two shares are disjoint, and whether together they are everything.

"男性"/"女性", "men"/"women", "X"/"非X" (and "smokers"/"non-smokers") split a whole in two: the
shares must make 100%. "支持"/"反對", "HER2陽性"/"HER2陰性", "never-smokers"/"current smokers",
"under 12"/"between 12 and 17" cannot overlap but may leave people out (undecided, equivocal,
former smokers, adults): their shares may make less than 100%, never more. Labels come from the
extractor (`label`) or from a bounded window after the percentage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.claims.models import Claim


@dataclass(frozen=True)
class Split:
    """How two categories relate: never both (disjoint), and together all (exhaustive)."""

    disjoint: bool
    exhaustive: bool


PARTITION = Split(disjoint=True, exhaustive=True)
DISJOINT = Split(disjoint=True, exhaustive=False)
BANDS = Split(disjoint=True, exhaustive=False)  # numeric bands ("under 12", "12 to 17"): disjoint

# Words of a whole split in two (both scripts: labels may come unfolded).
_EXHAUSTIVE_PAIRS = (
    ("男", "女"),
    ("城市", "农村"),
    ("城市", "農村"),
    ("城镇", "农村"),
    ("城鎮", "農村"),
    ("儿童", "成人"),
    ("兒童", "成人"),
    ("men", "women"),
    ("man", "woman"),
    ("male", "female"),
    ("males", "females"),
    ("boys", "girls"),
    ("urban", "rural"),
    ("children", "adults"),
    ("present", "absent"),
)
# Categories that exclude each other but may leave a third group out.
_DISJOINT_PAIRS = (
    ("支持", "反对"),
    ("支持", "反對"),
    ("赞成", "反对"),
    ("贊成", "反對"),
    ("阳性", "阴性"),
    ("陽性", "陰性"),
    ("社区", "院内"),
    ("社區", "院內"),
    ("社区", "医院"),
    ("社區", "醫院"),
    ("良好", "差"),
    ("良好", "不良"),
    ("positive", "negative"),
    ("support", "oppose"),
    ("supported", "opposed"),
    ("in favour", "against"),
    ("in favor", "against"),
)
_NEGATIONS = ("非", "未", "不", "无", "無", "没有", "沒有", "non-", "non ", "not ")
_WITHIN = ("者", "人", "组", "組", "患", "男", "女")
_EN_NEGATIONS = ("never-", "never ", "non-", "non ")


def _rate_within(label: str) -> bool:
    """ "吸烟者死亡率", "男性吸烟率": a rate within a group (a whole of its own), not a share of the whole."""
    own = label.rsplit("中", 1)[-1]  # "患者中知晓率": among the patients, the awareness rate
    return own.endswith("率") and any(word in own for word in _WITHIN)


def negation_pair(a: str, b: str) -> bool:
    """ "携带者"/"非携带者", "服药依从者"/"不依从者", "smokers"/"non-smokers": a category, its complement.

    "知晓率"/"未知晓率" are too, but "吸烟者死亡率"/"非吸烟者死亡率" are rates in two groups."""
    if _rate_within(a) or _rate_within(b):
        return False
    for plain, negated in ((a, b), (b, a)):
        for prefix in _NEGATIONS:
            if negated.startswith(prefix) and len(negated) > len(prefix) + 1:
                rest = negated[len(prefix) :]
                if plain.endswith(rest) or rest.endswith(plain) or _object_elided(plain, rest):
                    return True
    return False


_NOMINALISERS = ("的", "者")


def _object_elided(plain: str, rest: str) -> bool:
    """ "知道结核病可以治愈的"/"(不)知道的", "愿意让孩子接种者"/"(不)愿意者": the negated side names the
    same verb and leaves its object out."""
    plain = plain.rsplit("中", 1)[-1]  # "受訪家長中願意…者": among the parents, those willing
    if not rest.endswith(_NOMINALISERS) or rest[-1] != plain[-1:]:
        return False
    verb = rest[:-1]
    return len(verb) >= 2 and plain.startswith(verb)


def _elided(x: str, y: str) -> bool:
    """Two remainders around a pair word that say the same thing ("接種者"/"者", "感染"/"感染", "")."""
    return x == y or not x or not y or x.endswith(y) or y.endswith(x)


def _context_prefix(x: str, y: str) -> bool:
    """What precedes the pair words: the same, absent or shortened on one side ("用药依从性"/"依从性"),
    or an "among …" ("接種者中")."""
    return x == y or not x or not y or x.endswith("中") or x.endswith(y) or y.endswith(x)


def _cjk_pair(a: str, b: str, pairs: tuple[tuple[str, str], ...]) -> bool:
    """ "HER2陽性"/"HER2陰性", "支持接種者"/"反對者", "社區感染"/"院內感染": one pair word in each label."""
    if a.endswith("率") or b.endswith("率"):
        return False  # "男性吸烟率"/"女性吸烟率": a rate in each group, two wholes
    for p, q in pairs:
        if p.isascii():
            continue
        for x, y in ((a, b), (b, a)):
            i, j = x.find(p), y.find(q)
            if i < 0 or j < 0 or (p == "男" and "女" in x):
                continue
            rest_x, rest_y = x[i + len(p) :], y[j + len(q) :]
            if "中" in rest_x + rest_y:
                continue  # "男性中吸烟者" / "女性中吸烟者": shares among men and among women
            if _context_prefix(x[:i], y[:j]) and _elided(rest_x, rest_y):
                return True
    return False


def _en_pair(a: str, b: str, pairs: tuple[tuple[str, str], ...]) -> bool:
    return any({a, b} == {p, q} for p, q in pairs if p.isascii())


def label_split(a: str, b: str) -> Split | None:
    """How the categories named by two labels relate, or None when the labels do not say."""
    if not a or not b or a == b:
        return None
    if _en_pair(a, b, _EXHAUSTIVE_PAIRS) or _cjk_pair(a, b, _EXHAUSTIVE_PAIRS) or negation_pair(a, b):
        return PARTITION
    if _en_pair(a, b, _DISJOINT_PAIRS) or _cjk_pair(a, b, _DISJOINT_PAIRS):
        return DISJOINT
    return None


_CONNECTOR = re.compile(r"(?:,?[ \t]{1,2}(?:and|while|whereas|but)|,)[ \t]*$")
_CLAUSE_END = re.compile(r"[,;:.()\[\]，；。\n]")
_PHRASE_REACH = 60
_COPULA = ("were ", "was ", "are ", "is ")


def _normal(words: str) -> str:
    return " ".join(words.split()).casefold()


def phrases(text: str, first: Claim, second: Claim) -> tuple[str, str]:
    """The words after each of two percentages: "were never-smokers", "former smokers".

    The first runs to the second (its connector " and " dropped); the second to its clause's end.
    """
    gap = text[first.span.end : second.span.start]
    connector = _CONNECTOR.search(gap)
    window = text[second.span.end : second.span.end + _PHRASE_REACH]
    end = _CLAUSE_END.search(window)
    own = gap[: connector.start()] if connector else gap
    return _normal(own), _normal(window[: end.start()] if end else window)


def _predicate(phrase: str) -> tuple[str, str]:
    """("of the patients", "never-smokers") from "of the patients were never-smokers"."""
    qualifier = ""
    if phrase.startswith("of "):
        cut = min((phrase.find(c) for c in _COPULA if c in phrase), default=-1)
        if cut == -1:
            return phrase, ""
        qualifier, phrase = phrase[:cut].strip(), phrase[cut:]
    for copula in _COPULA:
        if phrase.startswith(copula):
            return qualifier, phrase[len(copula) :]
    return qualifier, phrase


def _never_pair(a: str, b: str) -> bool:
    """ "never-smokers" / "former or current smokers": never X beside some X."""
    for x, y in ((a, b), (b, a)):
        for prefix in _EN_NEGATIONS:
            if x.startswith(prefix) and len(x) > len(prefix) + 2:
                noun = x[len(prefix) :].split(" ")[-1]
                if y.split(" ")[-1] == noun and not y.startswith(_EN_NEGATIONS):
                    return True
    return False


def phrase_split(first: str, second: str) -> Split | None:
    """How two English predicates after percentages relate ("were never-smokers", "former smokers").

    The second share may leave out the copula and its "of …" (elided), but may not name a whole of its
    own: "45% of boys … and 60% of girls …" are shares of two wholes.
    """
    q1, p1 = _predicate(first)
    q2, p2 = _predicate(second)
    if (q2 and q2 != q1) or not p1 or not p2:
        return None
    band1, band2 = age_band(p1), age_band(p2)
    if band1 is not None and band2 is not None:
        low, high = sorted((band1, band2))
        return BANDS if low[1] <= high[0] else None
    if _never_pair(p1, p2):
        return DISJOINT
    if _none_of(p1, p2):
        return DISJOINT  # "57% reported some benefit and 48% reported none" (some may be unclear)
    return None


_NONE = re.compile(r"^(?:(?P<verb>[a-z]+)[ \t])?(?:none|nothing|(?:did|were|was|had)[ \t]not)$")
_NO = re.compile(r"^(?:(?P<verb>[a-z]+)[ \t])?no[ \t](?P<what>.+)$")


def _none_of(p1: str, p2: str) -> bool:
    """ "reported some benefit" / "reported none", "had complications" / "had no complications"."""
    words = p1.split()
    if not words or words[0] in ("no", "none", "never"):
        return False
    none = _NONE.match(p2)
    if none is not None:
        return none.group("verb") in (None, words[0])
    no = _NO.match(p2)
    return no is not None and no.group("verb") in (None, words[0]) and p1.endswith(" " + no.group("what"))


_NUMBER = r"(\d{1,3})"
_YEARS = r"(?:[ \t]years?(?:[ \t]old)?)?"
_BANDS = (
    (re.compile(rf"(?:aged[ \t])?(?:under|below|younger than|less than)[ \t]{_NUMBER}{_YEARS}$"), "below"),
    (re.compile(rf"(?:aged[ \t])?(?:over|above|older than)[ \t]{_NUMBER}{_YEARS}$"), "above"),
    (re.compile(rf"(?:aged[ \t])?{_NUMBER}{_YEARS}[ \t](?:or|and)[ \t](?:older|over|above)$"), "from"),
    (re.compile(rf"(?:aged[ \t])?(?:between[ \t])?{_NUMBER}[ \t](?:and|to)[ \t]{_NUMBER}{_YEARS}$"), "range"),
)


def age_band(predicate: str) -> tuple[float, float] | None:
    """[low, high) of "under 12", "between 12 and 17", "65 or older", "aged 18 to 64"; else None."""
    for pattern, kind in _BANDS:
        found = pattern.fullmatch(predicate.strip())
        if found is None:
            continue
        a = float(found.group(1))
        if kind == "below":
            return (0.0, a)
        if kind == "above":
            return (a + 1, float("inf"))
        if kind == "from":
            return (a, float("inf"))
        b = float(found.group(2))
        return (a, b + 1) if a <= b else None
    return None
