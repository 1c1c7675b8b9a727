"""The one list of group-author nouns, and the three layers that read it agree."""

from __future__ import annotations

import pytest
from auditor.claims.extract.author_forms import GROUP_NAME
from auditor.claims.group_nouns import has_group_noun, is_group_noun
from auditor.references.matching import name_keys
from auditor.references.refstring.authors import read_authors


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("RECOVERY Collaborative Group", True),
        ("SPRINT Research Group", True),
        ("GBD 2019 Tobacco Collaborators", True),
        ("REMAP-CAP Investigators", True),
        ("Antithrombotic Trialists", True),
        ("WORLD HEALTH ORGANIZATION", True),
        ("Medical Research Council", True),
        ("RECOVERY协作组", True),
        ("GBD 2019菸草合作團隊", True),
        ("SPRINT研究组", True),
        ("中国疾病预防控制中心", True),
        ("Smith", False),
        ("Groupman", False),  # a surname that starts like a noun
        ("Teamster", False),
        ("王伟", False),
    ],
)
def test_has_group_noun(name: str, expected: bool) -> None:
    assert has_group_noun(name) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Group", True), ("GROUP", True), ("Collaborators,", True), ("Team", True), ("Council", True),
     ("Smith", False), ("group", False), ("Subgroup", False)],
)
def test_is_group_noun(word: str, expected: bool) -> None:
    assert is_group_noun(word) is expected


@pytest.mark.parametrize(
    "name",
    ["RECOVERY Collaborative Group", "SPRINT Research Group", "ISIS-2 Collaborative Group",
     "REMAP-CAP Investigators", "CRASH-2 Trialists", "RECOVERY协作组", "SPRINT研究組"],
)
def test_text_grammar_and_name_keys_agree(name: str) -> None:
    """A group read by the author-year grammar gets a group key in matching (one list for both)."""
    assert GROUP_NAME.fullmatch(name) is not None
    assert all(key.startswith("g:") for key in name_keys(name))


@pytest.mark.parametrize(
    "authors",
    ["RECOVERY Collaborative Group", "CRASH-2 Trialists", "Medical Research Council", "Writing Group"],
)
def test_reference_parser_reads_a_group_author(authors: str) -> None:
    parsed = read_authors(authors)
    assert parsed and parsed[0].collective
