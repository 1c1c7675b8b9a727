"""The publication year a clause states for the work its numbered citation points to.

"a 2019 paper⁴", "published in March 2018 [3]", "reported it in 1988¹", "一項在2019年發表的試驗²",
"詹納於1798年出版的這本書²":
a year bound to a publication word, in the clause that ends at the citation. Years of events
("In 2019, the outbreak began [3]", "1980年5月8日，世界衛生大會宣布³") have no publication word and
give nothing, nor does an online date (the issue is often dated a year later); a clause with two
different years gives nothing (which one the citation is about cannot be told). The clause stops
at a comma, a sentence end or an earlier citation, so a year is never carried across to another
statement. Bounded window: linear in the length of the text.
"""

from __future__ import annotations

import re

_WINDOW = 90  # characters before a citation searched for its clause
_YEAR = r"(?:1[6-9]|20)\d{2}"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_EN_WORK = r"(?:paper|article|report|review|publication|study|meta-analysis|analysis|book|monograph)s?"
_DETERMINER = r"(?:[Aa]n?|[Tt]he|[Tt]heir|[Hh]is|[Hh]er|[Ii]ts|[Tt]his|[Tt]hat)"
_PUBLICATION = re.compile(
    rf"(?<![A-Za-z]){_DETERMINER}[ \t](?P<en_a>{_YEAR})[ \t]{_EN_WORK}(?![A-Za-z])"
    rf"|(?<![A-Za-z])(?:[Pp]ublished|reported|described|appeared)[ \t](?:(?:it|them|this|these)[ \t])?"
    rf"(?:online[ \t])?in[ \t]"
    rf"(?:(?:early|late|mid)[ \t-])?(?:{_MONTH}[ \t])?(?P<en_b>{_YEAR})(?!\d)"
    rf"|(?<!\d)(?P<zh_a>{_YEAR})[ \t]?年(?:[ \t]?\d{{1,2}}[ \t]?月)?(?:所|间|間)?"
    r"(?:發表|发表|出版|刊登|刊出|發布|发布|問世|问世)"
    rf"|(?:發表|发表|出版|刊登|刊出)(?:於|于|在)[ \t]?(?P<zh_b>{_YEAR})[ \t]?年"
)
_ANY_YEAR = re.compile(rf"(?<!\d){_YEAR}(?!\d)")
_CLAUSE_END = re.compile(r"[。；;！？!?，,：:]|\.[ \t\n]|\n[ \t]*\n")


def stated_year(text: str, start: int, floor: int = 0) -> int | None:
    """The publication year stated in the clause that ends at `start` (a citation), or None.

    `floor`: where the previous citation ended; the clause never reaches back past it.
    """
    low = max(floor, start - _WINDOW)
    head = text[low:start]
    ends = list(_CLAUSE_END.finditer(head))
    clause = head[ends[-1].end() :] if ends else head
    years = {m.group() for m in _ANY_YEAR.finditer(clause)}
    if len(years) != 1:
        return None  # no year, or two: which one the citation is about cannot be told
    phrases = list(_PUBLICATION.finditer(clause))
    if len(phrases) != 1 or "online" in phrases[0].group():
        return None  # "published online in December 2019": the issue may well be dated 2020
    groups = phrases[0].groupdict()
    return int(next(v for v in groups.values() if v))
