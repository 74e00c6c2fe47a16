"""A language added from data files alone: a toy lexicon, registered and parsed in.

The toy language is made up (it is no natural language, so that no shipped word list
can do its work by accident): its formula, leads, numbering and vote words come only
from the files this test writes.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import TYPE_CHECKING

import pytest

import resparse
from resparse._language import profile

if TYPE_CHECKING:
    import pathlib

TOY_TOML = textwrap.dedent(
    """\
    code = "xq"
    name = "Toy"
    months = ["Unua", "Dua", "Tria", "Kvara", "Kvina", "Sesa",
              "Sepa", "Oka", "Naua", "Deka", "Dekunua", "Dekdua"]

    [bodies]
    "Asemblo Granda" = "General Assembly"

    [patterns]
    formula = '''
        (?P<formula>Ka\\s+(?P<body>Asemblo\\s+Granda))\\s?,\\s*$
    '''
    vote_start = '''\\[?\\s?Adoptita\\b'''

    [leads]
    preamble_suffixes = ["ante"]
    operative_suffixes = ["as"]

    [vote]
    without_vote = '''sen\\s+vo[cĉ]dono\\b'''
    counts = '''
        per\\s+(?P<yes><<NUM>>)\\s+kontra[uŭ]\\s+(?P<no><<NUM>>)
        (?:\\s+kaj\\s+(?P<abs><<NUM>>)\\s+sindetenoj)?
    '''

    [vote.labels]
    in_favour = ["Por"]
    against = ["Kontra"]
    """
)

# kind, phrase, inside, stop, shorter, ends: the shape scripts/build_lexicon.py writes
TOY_TSV = textwrap.dedent(
    """\
    # kind\tphrase\tinside\tstop\tshorter\tends
    pre\tmemorante\t20\t0\t0\t20
    pre\tnotante\t20\t0\t0\t5
    pre\tnotante kun\t15\t0\t0\t0
    pre\tnotante kun zorgo\t15\t0\t0\t15
    op\tdecidas\t30\t0\t0\t30
    op\tpetas\t20\t0\t0\t20
    """
)

TOY_RESOLUTION = textwrap.dedent(
    """\
    Ka Asemblo Granda,

    Memorante siajn antauajn rezoluciojn,

    Notante kun zorgo la situacion en la regiono,

    1. Decidas krei komitaton;

    2. Petas la Sekretarion raporti al la Asemblo;

    3. Decidas resti okupata pri la afero.

    [Adoptita per 20 kontrau 3 kaj 2 sindetenoj. Por: Chile, Peru Kontra: Cuba]
    """
)


@pytest.fixture(scope="module")
def toy(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("toy")
    (folder / "xq.toml").write_text(TOY_TOML, encoding="utf-8")
    (folder / "xq.tsv").write_text(TOY_TSV, encoding="utf-8")
    return resparse.register_language(folder / "xq.toml")


def test_toy_language_parses_from_data_files_alone(toy: str) -> None:
    result = resparse.parse(TOY_RESOLUTION, language=toy)
    assert result.language == "xq"
    assert [c.lead for c in result.preamble] == ["Memorante", "Notante kun zorgo"]
    assert [(p.number, p.lead) for p in result.operative] == [
        (1, "Decidas"),
        (2, "Petas"),
        (3, "Decidas"),
    ]
    assert result.vote is not None
    assert (result.vote.in_favour, result.vote.against, result.vote.abstaining) == (20, 3, 2)
    assert result.vote.in_favour_states == ("Chile", "Peru")
    assert result.vote.against_states == ("Cuba",)


def test_toy_language_reads_only_its_own_vote_words(toy: str) -> None:
    english = TOY_RESOLUTION.replace(
        "[Adoptita per 20 kontrau 3 kaj 2 sindetenoj. Por: Chile, Peru Kontra: Cuba]",
        "[Adoptita without a vote.]",
    )
    result = resparse.parse(english, language=toy)
    assert result.vote is not None
    assert result.vote.method is None  # "without a vote" is English, not the toy's
    own = english.replace("without a vote", "sen voĉdono")
    vote = resparse.parse(own, language=toy).vote
    assert vote is not None
    assert vote.method == "without_vote"


def test_toy_language_missing_keys_take_the_documented_defaults(toy: str) -> None:
    local = profile(toy)
    assert local.cased is True
    assert local.terminators == frozenset(",;:.")
    assert local.lead_emphasis == "italic"
    assert local.more_lead_conjunctions is None
    assert local.conjunctions == frozenset()
    assert local.header_fields == ()
    assert local.annex_re.search("Annex I") is None  # no annex words: no annex heading
    assert local.meeting_re.search("45th plenary meeting") is None
    assert local.vote.meeting_re.search("at the 45th meeting") is None
    assert local.vote.joiner_re is None
    assert local.vote.number_words == {}
    assert local.vote.label_kind("In favour") is None
    assert local.months["dekdua"] == 12
    # no words of its own before a part's letter or a heading's label: English's
    assert local.part_words == profile("en").part_words
    assert local.section_words == profile("en").section_words
    assert local.annex_words == profile("en").annex_words
    # no [date_display]: day, its own month, year
    assert local.written_date(dt.date(2023, 12, 7)) == "7 Dekdua 2023"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('code = "xr"\n[patterns\nformula = "x"\n', "not valid TOML"),
        ('code = "xr"\n', "patterns.formula"),
        ('name = "No code"\n[patterns]\nformula = "x"\n', "'code'"),
        ('code = "xr"\n[patterns]\nformula = "(unclosed"\n', "does not compile"),
        ('code = "xr"\n[patterns]\nformula = "x"\n[vote]\ncounts = 3\n', "counts"),
        ('code = "xr"\n[patterns]\nformula = "x"\n[vote.labels]\nfor = ["Y"]\n', "labels"),
        ('code = "xr"\nmonths = 3\n[patterns]\nformula = "x"\n', "wrong shape"),
        ('code = "xr"\n[date_display]\ndate = "{dia}"\n[patterns]\nformula = "x"\n', "wrong"),
    ],
)
def test_malformed_lexicon_gives_a_clear_typed_error(
    tmp_path: pathlib.Path, text: str, says: str
) -> None:
    file = tmp_path / "xr.toml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(resparse.LexiconError, match=says) as raised:
        resparse.register_language(file)
    assert isinstance(raised.value, ValueError)
    assert isinstance(raised.value, resparse.ResparseError)


def test_register_language_refuses_a_shipped_code_or_a_misnamed_file(
    tmp_path: pathlib.Path,
) -> None:
    shipped = tmp_path / "en.toml"
    shipped.write_text('code = "en"\n[patterns]\nformula = "x"\n', encoding="utf-8")
    with pytest.raises(resparse.LexiconError, match="shipped"):
        resparse.register_language(shipped)
    misnamed = tmp_path / "other.toml"
    misnamed.write_text('code = "xs"\n[patterns]\nformula = "x"\n', encoding="utf-8")
    with pytest.raises(resparse.LexiconError, match=r"xs\.toml"):
        resparse.register_language(misnamed)
    with pytest.raises(resparse.LexiconError, match="no lexicon file"):
        resparse.register_language(tmp_path / "absent.toml")


def test_an_unregistered_code_is_still_an_error() -> None:
    with pytest.raises(resparse.UnknownLanguageError):
        resparse.parse("Ka Asemblo Granda,\n", language="xz")


def test_toy_language_long_text_draws_no_language_mismatch(toy: str) -> None:
    """Detection cannot know a registered language with no markers: it is not compared."""
    long_text = TOY_RESOLUTION.replace(
        "Memorante", "Memorante " + "la rezolucion de la Asembleo " * 80, 1
    )
    assert len(long_text) > 2000
    result = resparse.parse(long_text, language=toy)
    assert "language.mismatch" not in [d.code for d in result.diagnostics]
