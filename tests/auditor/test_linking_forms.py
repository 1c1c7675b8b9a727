"""Author-year linking across scripts: groups, romanised Chinese names, 2020a/2020b, exact years."""

from __future__ import annotations

import pytest
from auditor.claims.extract import extract_claims
from auditor.claims.models import ClaimKind, Document
from auditor.references.parse import parse_reference_list

from auditor.linking import link_citations

# An unnumbered (author-year) list: real works, our own sentences around them.
ENTRIES = (
    'Chen L, Xu H, Wang Y, et al. Stem cell therapy for ischemic stroke: a pilot trial. Neurology, 2019, '
    '92(4): 233–241.',
    'RECOVERY Collaborative Group. (2021). Dexamethasone in hospitalized patients with Covid-19. The New '
    'England Journal of Medicine, 384(8), 693–704.',
    'FUTURE II Study Group. (2007). Quadrivalent vaccine against human papillomavirus to prevent high-'
    'grade cervical lesions. The New England Journal of Medicine, 356(19), 1915–1927.',
    'Cao, B., Wang, Y., Wen, D., et al. (2020). A trial of lopinavir–ritonavir in adults hospitalized '
    'with severe Covid-19. The New England Journal of Medicine, 382(19), 1787–1799.',
    'Ridker, P. M., Everett, B. M., Thuren, T., et al. (2017a). Antiinflammatory therapy with canakinumab'
    ' for atherosclerotic disease. The New England Journal of Medicine, 377(12), 1119–1131.',
    'Ridker, P. M., MacFadyen, J. G., Everett, B. M., et al. (2017b). Relationship of C-reactive protein '
    'reduction to cardiovascular event reduction following treatment with canakinumab. The Lancet, '
    '391(10118), 319–328.',
)
LIST = "\n## References\n\n" + "\n\n".join(ENTRIES) + "\n"


def _links(sentence: str) -> list[tuple[str, tuple[str, ...]]]:
    document = Document.from_text(sentence + "\n" + LIST)
    body_end = document.text.index("## References")
    claims = [c for c in extract_claims(document, body_end=body_end) if c.kind is ClaimKind.AUTHOR_CITATION]
    refs = parse_reference_list(document)
    links = link_citations(claims, refs)
    return [(c.text, links[c.id]) for c in claims]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Chen等人(2019)报道了这项试验。", [("Chen等人(2019)", ("r1",))]),
        ("陳等人(2019)報道了這項試驗。", []),  # one character before 等人 is not read as a name
        ("RECOVERY协作组(2021)发现死亡率下降。", [("RECOVERY协作组(2021)", ("r2",))]),
        (
            "The RECOVERY Collaborative Group (2021) reported it.",
            [("RECOVERY Collaborative Group (2021)", ("r2",))],
        ),
        ("FUTURE II研究組(2007)的結果。", [("FUTURE II研究組(2007)", ("r3",))]),
        ("曹彬课题组(2020)报告了阴性结果。", [("曹彬课题组(2020)", ("r4",))]),
        ("(Ridker et al., 2017a)", [("Ridker et al., 2017a", ("r5",))]),
        ("(Ridker et al., 2017b)", [("Ridker et al., 2017b", ("r6",))]),
        ("(Ridker et al., 2017c)", [("Ridker et al., 2017c", ())]),
        ("Chen et al. (2020) summarised it.", [("Chen et al. (2020)", ())]),  # the list has Chen 2019
        ("Wang et al. (2020) summarised it.", [("Wang et al. (2020)", ())]),  # Wang is not a first author
    ],
)
def test_author_year_links(sentence: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert _links(sentence) == expected
