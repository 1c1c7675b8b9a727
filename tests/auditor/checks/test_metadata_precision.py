"""M402/M403/M404 on real works: what real records differ by is not flagged; altered details are.

Records are real works (facts: authors, titles, journals, volumes, pages, identifiers); the
citations are written the ways people cite them, or altered the ways fabricators alter them.
"""

from __future__ import annotations

import pytest
from auditor.claims.models import Document, Span
from auditor.references.models import Author, ParsedReference, Record, Reference, Update, UpdateKind
from known_records import TAKAHASHI_2006

from auditor.checks.metadata import identifier_mismatch, metadata_mismatch, post_publication_notices
from auditor.checks.registry import CheckContext, ReferenceResolution
from auditor.models import FindingKind

SPAN = Span(start=0, end=4, line=1, column=1)
IPS = TAKAHASHI_2006
RESNET = Record(
    source="crossref",
    id="10.1109/cvpr.2016.90",
    doi="10.1109/cvpr.2016.90",
    title="Deep Residual Learning for Image Recognition",
    authors=[Author(family=f) for f in ("He", "Zhang", "Ren", "Sun")],
    year=2016,
    journal="2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)",
    pages="770-778",
)
CONSORT = Record(
    source="pubmed",
    id="20334633",
    pmid="20334633",
    doi="10.1186/1741-7015-8-18",
    title="CONSORT 2010 statement: updated guidelines for reporting parallel group randomised trials.",
    authors=[
        Author(family="Schulz", given="KF"),
        Author(family="Altman", given="DG"),
        Author(family="Moher", given="D"),
    ],
    year=2010,
    journal="BMC medicine",
    journal_abbrev="BMC Med",
    volume="8",
    pages="18",
)
GAIA = Record(
    source="crossref",
    id="10.1051/0004-6361/201833051",
    doi="10.1051/0004-6361/201833051",
    title="<i>Gaia</i> Data Release 2",
    authors=[Author(family="Gaia Collaboration", collective=True), Author(family="Brown", given="A. G. A.")],
    year=2018,
    journal="Astronomy &amp; Astrophysics",
    journal_abbrev="A&amp;A",
    volume="616",
    pages="A1",
)
STAP = Record(
    source="pubmed",
    id="24476887",
    pmid="24476887",
    doi="10.1038/nature12968",
    title="Stimulus-triggered fate conversion of somatic cells into pluripotency.",
    authors=[Author(family="Obokata", given="H"), Author(family="Wakayama", given="T")],
    year=2014,
    journal="Nature",
    journal_abbrev="Nature",
    volume="505",
    pages="641-7",
    publication_types=["Journal Article", "Retracted Publication"],
    updates=[Update(kind=UpdateKind.RETRACTION, notice_id="24990753", source="pubmed")],
)


def _ref(text: str, **fields: object) -> Reference:
    return Reference(id="r1", label="1", text=text, span=SPAN, parsed=ParsedReference(**fields))  # type: ignore[arg-type]


def _ctx(reference: Reference, record: Record) -> CheckContext:
    return CheckContext(
        document=Document.from_text("text"),
        claims=(),
        references=(reference,),
        resolutions={"r1": ReferenceResolution("identifier", record, None, (), ())},
    )


def _names(*families: str) -> list[Author]:
    return [Author(family=f) for f in families]


IPS_CITED = dict(
    authors=_names("Takahashi", "Yamanaka"),
    year=2006,
    title=IPS.title,
    journal="Cell",
    volume="126",
    pages="663-676",
    pmid="16904174",
)
NOT_FLAGGED = [
    ("exact", IPS, "Takahashi K, Yamanaka S. …", IPS_CITED),
    (
        "journal in Chinese translation",
        CONSORT,
        "Schulz KF, Altman DG, Moher D. CONSORT 2010…BMC医药",
        dict(
            authors=_names("Schulz", "Altman", "Moher"),
            year=2010,
            title=CONSORT.title,
            journal="BMC医药",
            volume="8",
            pages="18",
            pmid="20334633",
        ),
    ),
    (
        "traditional Chinese journal",
        CONSORT,
        "Schulz KF, Altman DG, Moher D. …BMC醫藥",
        dict(
            authors=_names("Schulz", "Altman", "Moher"),
            year=2010,
            journal="BMC醫藥",
            volume="8",
            pages="18",
            pmid="20334633",
        ),
    ),
    (
        "title in Chinese translation",
        IPS,
        "Takahashi K, Yamanaka S. 通过特定因子诱导多能干细胞[J]. 细胞",
        dict(
            IPS_CITED,
            title="通过特定因子从小鼠胚胎和成年成纤维细胞培养物中诱导多能干细胞",
            journal="细胞",
            translated=True,
        ),
    ),
    (
        "conference short name, et al",
        RESNET,
        "He K, Zhang X, et al. Deep residual learning. CVPR 2016",
        dict(
            authors=_names("He", "Zhang"),
            year=2016,
            title="Deep residual learning for image recognition",
            journal="CVPR",
            pages="770-8",
            doi="10.1109/cvpr.2016.90",
        ),
    ),
    (
        "markup and entities in the record",
        GAIA,
        "Gaia Collaboration, Brown AGA, et al. Gaia Data Release 2",
        dict(
            authors=[Author(family="Gaia Collaboration", collective=True), Author(family="Brown")],
            year=2018,
            title="Gaia Data Release 2",
            journal="Astronomy & Astrophysics",
            volume="616",
            pages="A1",
            doi="10.1051/0004-6361/201833051",
        ),
    ),
    (
        "acronym of the journal",
        GAIA,
        "Brown AGA, et al. Gaia DR2. A&A 2018;616:A1",
        dict(
            authors=_names("Brown"),
            year=2018,
            journal="A&A",
            volume="616",
            pages="A1",
            doi="10.1051/0004-6361/201833051",
        ),
    ),
    ("online-first year", IPS, "Takahashi K, Yamanaka S. …", dict(IPS_CITED, year=2007)),
    (
        "reprint year",
        IPS,
        "Takahashi K, Yamanaka S. … Cell. 2016 (reprinted from 2006)",
        dict(IPS_CITED, year=2016),
    ),
    (
        "subtitle dropped",
        CONSORT,
        "Schulz KF, Altman DG, Moher D. CONSORT 2010 statement. BMC Med",
        dict(
            authors=_names("Schulz", "Altman", "Moher"),
            year=2010,
            title="CONSORT 2010 statement",
            journal="BMC Med",
            volume="8",
            pages="18",
            pmid="20334633",
        ),
    ),
    (
        "British spelling",
        CONSORT,
        "Schulz KF, Altman DG, Moher D. … randomized trials",
        dict(
            authors=_names("Schulz", "Altman", "Moher"),
            year=2010,
            journal="BMC Med",
            title="CONSORT 2010 statement: updated guidelines for reporting parallel group randomized trials",
            volume="8",
            pages="18",
            pmid="20334633",
        ),
    ),
]


@pytest.mark.parametrize(("case", "record", "text", "fields"), NOT_FLAGGED, ids=[c[0] for c in NOT_FLAGGED])
def test_real_record_differences_are_not_flagged(case: str, record: Record, text: str, fields: dict) -> None:
    context = _ctx(_ref(text, **fields), record)
    assert list(metadata_mismatch(context)) == [] and list(identifier_mismatch(context)) == []


FLAGGED = [
    (
        "near-miss title",
        IPS,
        "Takahashi K, Yamanaka S. …",
        dict(IPS_CITED, title=IPS.title.replace("mouse", "human")),
        "title",
        "human",
    ),
    (
        "truncated author list",
        RESNET,
        "He K, Zhang X. Deep residual learning for image recognition. CVPR",
        dict(
            authors=_names("He", "Zhang"),
            year=2016,
            title=RESNET.title,
            journal="CVPR",
            doi="10.1109/cvpr.2016.90",
        ),
        "authors",
        "Ren, Sun",
    ),
    (
        "altered author",
        RESNET,
        "He K, Zhang X, Ren S, Wang J. Deep residual learning. CVPR",
        dict(
            authors=_names("He", "Zhang", "Ren", "Wang"),
            year=2016,
            title=RESNET.title,
            journal="CVPR",
            doi="10.1109/cvpr.2016.90",
        ),
        "authors",
        "Wang",
    ),
    (
        "first author swapped",
        IPS,
        "Yamanaka S, Takahashi K. …",
        dict(IPS_CITED, authors=_names("Yamanaka", "Takahashi")),
        "authors",
        "Yamanaka",
    ),
    (
        "other journal",
        IPS,
        "Takahashi K, Yamanaka S. … Cell Rep",
        dict(IPS_CITED, journal="Cell Reports"),
        "journal",
        "Cell Reports",
    ),
]


@pytest.mark.parametrize(
    ("case", "record", "text", "fields", "field", "named"), FLAGGED, ids=[c[0] for c in FLAGGED]
)
def test_altered_details_are_flagged(
    case: str, record: Record, text: str, fields: dict, field: str, named: str
) -> None:
    (finding,) = metadata_mismatch(_ctx(_ref(text, **fields), record))
    assert field in finding.evidence["differences"] and named in finding.message


def test_mathml_and_entities_in_a_record_title_are_not_a_different_title() -> None:
    from auditor.references.models import BibliographicQuery

    from auditor.candidates import altered_title_words, compare

    marked = IPS.model_copy(
        update={
            "title": 'Induction of <mml:math xmlns:mml="http://www.w3.org/1998/Math/MathML">'
            "<mml:msub><mml:mi>Oct</mml:mi><mml:mn>4</mml:mn></mml:msub></mml:math>"
            " &amp; pluripotent stem cells"
        }
    )
    query = BibliographicQuery(
        authors=["Takahashi"], year=2006, title="Induction of Oct4 & pluripotent stem cells"
    )
    assert compare(query, marked).title_score == 100.0
    assert altered_title_words(query.title, marked.title) is None


def test_real_doi_with_invented_authors_and_altered_title_is_another_work() -> None:
    cited = _ref(
        "Brennan P, Ochoa R. Conversion of adult mouse fibroblasts into multipotent progenitors by "
        "defined culture factors. Cell. 2006;126:663-76. doi:10.1016/j.cell.2006.07.024",
        authors=_names("Brennan", "Ochoa"),
        year=2006,
        journal="Cell",
        volume="126",
        pages="663-76",
        title="Conversion of adult mouse fibroblasts into multipotent progenitors by defined culture factors",
        doi="10.1016/j.cell.2006.07.024",
    )
    context = _ctx(cited, IPS)
    (finding,) = identifier_mismatch(context)
    assert finding.kind is FindingKind.IDENTIFIER_MISMATCH
    assert list(metadata_mismatch(context)) == []


def test_identifier_of_another_retracted_work_reports_the_retraction_as_evidence_only() -> None:
    cited = _ref(
        "Takahashi K, Yamanaka S. Induction of pluripotent stem cells … PMID: 24476887",
        **dict(IPS_CITED, pmid="24476887"),
    )
    context = _ctx(cited, STAP)
    (finding,) = identifier_mismatch(context)
    assert finding.code == "M402" and "another work (itself retracted)" in finding.message
    assert finding.evidence["record_notices"][0] == {
        "kind": "retraction",
        "notice": "24990753",
        "label": None,
        "date": None,
    }
    assert list(post_publication_notices(context)) == []  # the citation is not "retracted"


def test_the_retracted_work_itself_is_still_retracted() -> None:
    cited = _ref(
        "Obokata H, Wakayama T. Stimulus-triggered fate conversion … Nature. 2014",
        authors=_names("Obokata", "Wakayama"),
        year=2014,
        title=STAP.title,
        journal="Nature",
        pmid="24476887",
    )
    codes = [f.code for f in post_publication_notices(_ctx(cited, STAP))]
    assert codes == ["M404"]
