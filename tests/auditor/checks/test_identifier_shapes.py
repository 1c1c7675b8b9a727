"""I201–I206 on malformed identifiers whose label still says what they are meant to be: a hyphen in a
PMCID, a Chinese "written as" between "PMID" and its number, a colon for the dot of "10.", a Pan
African registry number cut short; with the correct neighbours that must stay silent. Whole offline
pipeline, our own sentences; real identifiers where they are correct.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.offline_articles import audit_offline

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    ("全文见PMC12-345，另见PMC7092803。", [("I203", "PMC12-345")]),
    ("全文見PMC4567-8。", [("I203", "PMC4567-8")]),
    ("两篇全文PMC7092803-PMC7092810均可下载。", []),  # a range of two ids, both well formed
    ("该文的PMID写成196716550，漏看了一位。", [("I202", "PMID写成196716550")]),
    ("該文的PMID寫成091822111。", [("I202", "PMID寫成091822111")]),
    ("该文的PMID为17486113。", []),
    ("The trial report (PMID: 17486113) is open.", []),
    ("正文把DOI写成doi:10:1056/NEJMoa067312。", [("I201", "doi:10:1056/NEJMoa067312")]),
    ("The report is doi:10.1056/NEJMoa067312.", []),
    ("登記號寫成PACTR2020。", [("I206", "PACTR2020")]),
    ("The MATCH trial (PACTR201609001751384) enrolled children.", []),
    ("PMC 2019年的年报", []),  # a year after "PMC" is no PMCID
]


def _identifier_findings(text: str, tmp_path: Path) -> list[tuple[str, str]]:
    findings = audit_offline(text, tmp_path).findings
    return [(f.code, f.quote or "") for f in findings if f.code.startswith("I2")]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_malformed_identifiers(text: str, expected: list[tuple[str, str]], tmp_path: Path) -> None:
    assert _identifier_findings(text, tmp_path) == expected
