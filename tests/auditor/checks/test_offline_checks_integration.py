"""The offline checks (R1xx, I2xx, N3xx) through the real extractor, section finder and parser.

The articles below are our own sentences with planted problems (and planted correct arithmetic
that must stay silent). The seed test runs the same path on ../shared/seeds when present.
"""

from __future__ import annotations

from collections import Counter

import pytest
from auditor.claims.extract import extract_claims
from auditor.claims.models import Document
from auditor.references.parse import parse_reference_list
from auditor.references.section import locate_reference_section

from auditor.checks.registry import CheckContext, all_checks
from auditor.linking import link_citations
from auditor.models import Finding
from tests.conftest import needs_seeds, seed_paths

OFFLINE = ("R1", "I2", "N3")

ZH_HANS = """干细胞治疗进展

研究显示，Wang等人2010年发现细胞可以存活(1)。Chen等人的研究也支持这一观点[2]。
一项试验共纳入50例患者，其中30例为男性，25例为女性。另一项试验共纳入9例，其中3例为低剂量组，6例为高剂量组。
在所审查的40篇研究中，大多数(30篇,80%)使用了大鼠模型。
结果显示有效率为85%(6/7)。治疗使血流提高38%(从5.2%增至7.2%)，差异显著(p)。
剂量约为1333×10?个细胞/公斤，外泌体为3×1011颗粒。
根据Toyoshima等的研究，动脉给药更安全。在分析的60项研究中，51%使用人源细胞，49%使用动物细胞。
注册号NCT0123456。

参考文献
(1) Wang L, Li H. Stem cells survive after transplantation. Stem Cells. 2009;27(3):100-110.
(2) Chen X, Zhao Y. Exosomes in stroke. Stroke. 2015;46:200-210.
(3) Liu Q. An uncited paper on something else. Cell. 2018;10:1-9.
"""

EN = """Stem cell therapy

Kim et al. (2012) showed that cells survive [1]. Park et al. (2015) disagreed [2].
A total of 20 patients were treated, of whom 12 patients improved and 10 patients did not.
Overall, 57 of 71 (82%) studies used rats, and 7 of 10 patients (70%) responded.
Fever was rare (Li et al., 2022).
The dose was 3×1011 particles.

References
1. Kim S, Lee J. Cells survive. Nature. 2012;1:1-2.
2. Wong T. Disagreement. Cell. 2015;3:4-5.
"""

ZH_HANT = """幹細胞療法

研究發現動脈內給藥有效(1)。Lee與Chung的研究顯示，中高劑量有效(2)。
共選定87篇文章；共選取71篇臨床前研究，4篇外泌體研究，12篇臨床研究。
在所審查的71篇研究中，大多數(57篇,80%)側重於缺血性卒中。
在分析的57項研究中，51%使用人源細胞，49%使用動物細胞。骨髓來源占主導(52%)，其次為臍帶(22%)和羊膜(10%)。
Bhatia等僅觀察到邊際趨勢，p=0.07。發生率為10.7%，對照組為5.6%。

參考文獻
(1) Hara T, Sato K. Intra-arterial delivery of stem cells. Stem Cell Res Ther. 2021;12:100.
(2) Lee PH, Chung SJ. Mesenchymal stem cells in multiple system atrophy. Ann Neurol. 2012;72:32-40.
"""


def offline_findings(text: str) -> tuple[Document, list[Finding]]:
    """Extract, parse, link and run every offline check on `text`."""
    doc = Document.from_text(text)
    section = locate_reference_section(text)
    claims = extract_claims(doc, body_end=section.start if section else None)
    refs = parse_reference_list(doc, section) if section else []
    ctx = CheckContext(
        document=doc, claims=tuple(claims), references=tuple(refs), links=link_citations(claims, refs)
    )
    found = [
        f for check in all_checks() if check.specs[0].code.startswith(OFFLINE) for f in check.function(ctx)
    ]
    return doc, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            ZH_HANS,
            {
                "R103": 1,
                "R105": 1,
                "R107": 1,
                "I204": 1,
                "N301": 1,
                "N302": 1,
                "N303": 1,
                "N307": 2,
                "N308": 1,
            },
        ),
        (EN, {"R102": 1, "R106": 1, "N301": 1, "N303": 1, "N307": 1}),
        (ZH_HANT, {"R103": 1}),
    ],
)
def test_planted_problems_are_found_and_correct_arithmetic_is_silent(
    text: str, expected: dict[str, int]
) -> None:
    doc, found = offline_findings(text)
    assert Counter(f.code for f in found) == expected
    for f in found:
        assert f.span is not None and doc.text[f.span.start : f.span.end] == f.quote


@needs_seeds
@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.name[:3])
def test_seed_findings_quote_the_text_and_raise_no_false_sum_alarms(path: object) -> None:
    from pathlib import Path

    assert isinstance(path, Path)
    doc, found = offline_findings(path.read_text("utf-8"))
    for f in found:
        if f.span is not None and f.claim_id is not None:
            assert doc.text[f.span.start : f.span.end] == f.quote
    # the seeds' sums (parts of a total, two shares of 100%, relative changes) are all correct
    assert not [f for f in found if f.code in ("N303", "N304", "N305", "N306")]


@needs_seeds
def test_seeds_yield_the_known_number_problems() -> None:
    codes = Counter(f.code for path in seed_paths() for f in offline_findings(path.read_text("utf-8"))[1])
    assert codes["N301"] >= 1 and codes["N307"] >= 20 and codes["N308"] >= 1
