"""The grammar of author-year citations: names, connectors, years and the forms built from them.

Names: Latin surnames (accents, particles `van der`, hyphens, `Mc`/`O'`), Latin group authors
(`RECOVERY Collaborative Group`, `SPRINT Research Group`, `GBD 2019 Tobacco Collaborators`),
Chinese-script group authors led by a Latin acronym (`RECOVERY协作组`, `GBD 2019菸草合作團隊`),
and Chinese personal names (`王伟等(2019)`, only with a year). Forms (`FORMS`, in priority order):

- `parenthetical` — an item of `(Smith, 2020)`, `(Smith & Lee, 2020; Kim et al., 2021a)`;
- `narrative` — `Smith et al. (2020a)`, `RECOVERY Collaborative Group (2021)`;
- `listed` — `Smith et al., 2020` in running text;
- `et-al` — `Hoshino et al. [6]`, `Mali and colleagues⁵` (no year; "In 2013, X et al." gives one);
- `zh` — `X等人(2020)`, `X等(2020年)`, `X团队`, `X課題組`, `X與Y(2019)`, `X等人于2005年`.

Every fragment has bounded repetition, so each form's regex runs in linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from auditor.claims.extract.patterns import S2, S, W
from auditor.claims.group_nouns import GROUP_ACRONYM, latin_group_noun, zh_group_noun

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĪŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŹŻŽ"
_LOWER = "a-zß-öø-ÿāăąćčďđēęěğīłńňōőœřśşšţťūůűźżž"
_NOT_BEFORE = rf"(?<![{_UPPER}{_LOWER}'’\-])"
_NOT_AFTER = rf"(?![{_UPPER}{_LOWER}])"
# Lower-case name particles ("van der Berg"): read before a surname, and start positions of their own.
_PARTICLES = (
    "van", "von", "de", "der", "den", "del", "della", "di", "da", "dos", "du", "la", "le", "ter", "ten"
)
_PARTICLE = (
    rf"(?:(?:{'|'.join(_PARTICLES)})[ \t]){{0,3}}"
    r"|(?:Le|La|De|Van|Von|Du|Da|Di|Del|Della|Dos)[ \t](?=[A-Z][a-z])"
)
_CAPITAL_WORD = rf"(?:Mc|Mac|O['’])?[{_UPPER}][{_LOWER}]{{1,19}}"
LATIN_SURNAME = rf"{_NOT_BEFORE}(?:{_PARTICLE}){_CAPITAL_WORD}(?:-{_CAPITAL_WORD}){{0,1}}{_NOT_AFTER}"

_GROUP_NOUN = latin_group_noun(r"[ \t]")
_GROUP_WORD = r"(?:[A-Z][A-Za-z0-9'’\-]{0,24}|(?:19|20)\d{2}|of|the|for|and|on|in)"
_GROUP_LEAD = rf"(?:{GROUP_ACRONYM}(?![A-Za-z0-9'’\-])|[A-Z][A-Za-z0-9'’\-]{{0,24}})"  # "RTS,S", "GBD"
LATIN_GROUP = (
    rf"(?<![A-Za-z]){_GROUP_LEAD}(?:[ \t]{_GROUP_WORD}){{0,7}}[ \t]{_GROUP_NOUN}(?![A-Za-z])"
)
_ZH_GROUP_NOUN = zh_group_noun()
_ACRONYM = GROUP_ACRONYM
ZH_GROUP = (
    rf"(?<![A-Za-z]){_ACRONYM}(?:[ \t]{{1,2}}(?:{_ACRONYM}|(?:19|20)\d{{2}}))?{S}"
    rf"[\u4e00-\u9fff]{{0,8}}?{_ZH_GROUP_NOUN}"
)
# The commonest Chinese surnames: a Chinese-script name must start with one of them.
_ZH_SURNAMES = (
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾"
    "肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方"
    "白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯"
    "乔喬庞龐樊兰蘭殷施牛洪季包鲍鮑关關凌柳易常温溫康俞章祁芦蘆伍葛聂聶柴左翟车車彭裴"
    "焦鲁魯邢詹申尚童游岳苗齐齊宁寧习習艾华華安欧歐阳陽诸葛司马馬上官"
)
ZH_PERSON = rf"[{_ZH_SURNAMES}](?:(?![等的与與和及团團课課])[\u4e00-\u9fff]){{1,2}}"

YEAR = r"(?<!\d)(?P<year>(?:19|20)\d{2})(?P<suffix>[a-z])?(?![\da-z])"
EN_AND = rf"(?:{W}(?:&|and){W}|{S2}&{S2})"
ZH_AND = r"[ \t]{0,2}(?:与|與|和|及|、|&)[ \t]{0,2}"
ET_AL = rf"(?P<etal>{W}et(?:{W}|\n)al\.?|{W}and{W}(?:colleagues|co-?workers|others))"
_NAME = rf"(?:{LATIN_GROUP}|{LATIN_SURNAME})"
_AUTHORS = rf"(?P<a1>{_NAME})(?:{ET_AL}|{EN_AND}(?P<a2>{LATIN_SURNAME}))?"
_NOT_YEAR_AFTER = rf"(?!{S2},?{S2}\(?{S2}(?:19|20)\d{{2}})"
_LATIN_NAME = re.compile(f"{LATIN_GROUP}|{LATIN_SURNAME}")
GROUP_NAME = re.compile(f"{ZH_GROUP}|{LATIN_GROUP}")
PERSON_ZH = re.compile(ZH_PERSON)

ZH_CUE = (
    r"等人|等|團隊|团队|那組|那组|那|小组|小組|研究组|研究組|课题组|課題組|组|組"
    r"|的研究|的實驗|的实验|的試驗|的试验|發現|发现|报道|報道|报告|報告|观察到|觀察到|指出|证实|證實|显示|顯示"
)
ZH_YEAR = (
    rf"{S2}(?:于|於|在)?{S2}(?:\({S}(?P<pyear>(?:19|20)\d{{2}})(?P<psuffix>[a-z])?{S}年?{S}\)"
    rf"|(?P<tyear>(?:19|20)\d{{2}}){S}年)"
)
_YEAR_AHEAD = r"[ \t]{0,2}(?:于|於|在)?[ \t]{0,2}[(\d]"
_ZH_NAME = rf"(?:{ZH_GROUP}|{LATIN_GROUP}|{LATIN_SURNAME}|{ZH_PERSON})"


# Where a form may start: a capital (Latin, accented), a common Chinese surname, or a lower-case
# particle ("van der Berg"). A plain character class lets the regex engine skip quickly between
# candidates; each form is then tried only there (`pattern.match`).
# Each particle's first letter comes first and the no-letter-before check after it, so that the
# engine skips to candidates by that letter.
PARTICLE_START = re.compile(
    "(?:" + "|".join(f"{p[0]}(?<![A-Za-z]{p[0]}){p[1:]}" for p in _PARTICLES) + r")[ \t]"
)


# What every form needs right after its first name, a few blanks on: a connector ("&", "and",
# "与"), "et al.", "(" or "," before a year, a year, or a Chinese cue ("等人", "团队", "于"). A
# position where no name is followed by one of these starts no citation (`CITATION_POSSIBLE`
# matches wherever any form does), so the forms themselves are tried only where it matches.
_ZH_FOLLOW = "".join(sorted({cue[0] for cue in ZH_CUE.split("|")} | set("与與和及、于於在")))
_FOLLOW = rf"[ \t]{{0,4}}(?:[&(,\d{_ZH_FOLLOW}]|and|et)"
CITATION_POSSIBLE = re.compile(rf"(?:{_ZH_NAME}){_FOLLOW}")
# The scans for start positions check it right after the first character (the look-behind steps
# back onto it), so the engine still skips between candidates by that character. A Chinese-script
# name starts only the `zh` form (a Chinese surname starts no other name).
LATIN_NAME_START = re.compile(rf"[{_UPPER}](?<=(?={CITATION_POSSIBLE.pattern}).)")
ZH_NAME_START = re.compile(rf"[{_ZH_SURNAMES}](?<=(?={ZH_PERSON}{_FOLLOW}).)")


@dataclass(frozen=True)
class AuthorForm:
    """One written form of an author citation: its regex and how its claim is classified."""

    name: str
    pattern: re.Pattern[str]
    parenthetical: bool  # the formal form of an author-year style: "(Smith, 2020)"


FORMS: tuple[AuthorForm, ...] = (
    AuthorForm(
        "zh",
        re.compile(
            rf"(?P<a1>{_ZH_NAME})(?:{ZH_AND}(?P<a2>{_ZH_NAME}))?{S2}"
            rf"(?:(?P<cue>{ZH_CUE})|(?={_YEAR_AHEAD}))(?P<tail>{ZH_YEAR})?"
        ),
        False,
    ),
    AuthorForm(
        "narrative",
        re.compile(rf"{_AUTHORS}{S2}\({S2}{YEAR}(?:{S2},{S2}(?:19|20)\d{{2}}[a-z]?){{0,5}}{S2}\)"),
        False,
    ),
    AuthorForm("parenthetical", re.compile(rf"{_AUTHORS}(?P<sep>,{S2}|{W}){YEAR}"), True),
    AuthorForm("et-al", re.compile(rf"(?P<a1>{_NAME}){ET_AL}{_NOT_YEAR_AFTER}"), False),
)
