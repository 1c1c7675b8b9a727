"""The nouns that make a name a group author: "… Collaborative Group", "… Investigators", "…协作组".

One list for every layer: the author-year grammar (`claims.extract.author_forms`), the reference
parser (`references.refstring.authors`) and the name keys of linking (`references.matching`) all
build their patterns from it, so a group author read in the text is a group author in the list.
"""

from __future__ import annotations

import re

# Latin nouns, in Title case; several words are separated by one space. Longest first, so an
# alternation built from them prefers "Collaborative Group" to "Group".
LATIN_GROUP_NOUNS: tuple[str, ...] = (
    "Collaborative Group", "Research Group", "Study Group", "Working Group", "Writing Group",
    "Writing Committee", "Steering Committee", "Research Team", "Task Force",
    "Collaborative", "Collaboration", "Collaborators", "Consortium", "Investigators", "Trialists",
    "Committee", "Council", "Network", "Society", "Association", "Organization", "Organisation",
    "Partnership",
    "Groups", "Group", "Team",
)

# Chinese nouns, simplified and traditional, longest first.
ZH_GROUP_NOUNS: tuple[str, ...] = (
    "合作团队", "合作團隊", "研究团队", "研究團隊",
    "协作组", "協作組", "研究组", "研究組", "合作组", "合作組", "课题组", "課題組", "工作组", "工作組",
    "委员会", "委員會", "联盟", "聯盟", "协会", "協會", "学会", "學會", "团队", "團隊", "小组", "小組",
    "中心",
)


# The acronym that leads a group author: "RECOVERY", "REMAP-CAP", "RTS,S" (a comma joining two
# capital runs, no space); no boundaries, bounded repetition.
GROUP_ACRONYM = r"[A-Z][A-Z0-9]{1,15}(?:[-,][A-Z0-9]{1,10})?"


def latin_group_noun(space: str = " ") -> str:
    """A regex alternation of the Latin nouns (no boundaries), `space` between the words of one."""
    return "(?:" + "|".join(re.escape(noun).replace(r"\ ", space) for noun in LATIN_GROUP_NOUNS) + ")"


def zh_group_noun() -> str:
    """A regex alternation of the Chinese nouns."""
    return "(?:" + "|".join(ZH_GROUP_NOUNS) + ")"


# A group noun anywhere in a name: a Latin noun as a whole word, in Title or UPPER case
# ("WORLD HEALTH ORGANIZATION"), or a Chinese noun.
_UPPER_NOUNS = "|".join(re.escape(noun.upper()) for noun in LATIN_GROUP_NOUNS)
GROUP_NOUN = re.compile(
    rf"(?<![A-Za-z])(?:{latin_group_noun()}|{_UPPER_NOUNS})(?![a-z])|{zh_group_noun()}"
)
_LAST_WORD_NOUN = re.compile(
    rf"(?:{'|'.join(noun for noun in LATIN_GROUP_NOUNS if ' ' not in noun)}|{_UPPER_NOUNS})"
)


def has_group_noun(name: str) -> bool:
    """True when `name` holds a group noun ("REMAP-CAP Investigators", "SPRINT研究组")."""
    return GROUP_NOUN.search(name[:300]) is not None


def is_group_noun(word: str) -> bool:
    """True when one word is a group noun ("Group", "GROUP", "Collaborators")."""
    return _LAST_WORD_NOUN.fullmatch(word.strip(".,;:")) is not None
