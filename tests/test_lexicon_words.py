"""Words once written in English in the code, now read from each lexicon (table-driven).

"Part", "Section", "Annex", "Page", the Councils' names and the months of a written date:
each row is a line as a language prints it and what the language's profile reads in it.
A language that gives no words of its own reads English's, as every language did when
the words were written in the code.
"""

from __future__ import annotations

import collections
import datetime as dt
from typing import TYPE_CHECKING

import attrs
import pytest
from lxml import etree

import resparse
from resparse import _classify
from resparse._dates import find_date
from resparse._landmarks import part_letter, section_label
from resparse._language import profile
from resparse._patterns import page_number_re
from resparse._scan import scan
from resparse._vote_words import list_furniture_re
from resparse.exports.akn import AKN_NAMESPACE, to_akn
from resparse.model import Header, Resolution, Span, VoteRecord
from resparse.readers.akn import from_akn

if TYPE_CHECKING:
    import pathlib


@pytest.mark.parametrize(
    ("language", "line", "label"),
    [
        ("en", "Section II", "II"),
        ("en", "Part IV", "IV"),
        ("en", "Chapter III. Financing", "III"),
        ("en", "II. Financing", "II"),
        ("en", "Titre IV", None),
        ("fr", "Titre IV", "IV"),
        ("fr", "Chapitre II", "II"),
        ("fr", "II. Financement", "II"),
        ("fr", "Section II", None),  # English's word is not French's
        ("es", "Parte IV", "IV"),
        ("es", "Sección II", "II"),
        ("ru", "Часть IV", "IV"),
        ("ru", "Раздел II", "II"),
        ("ru", "Part IV", None),
        ("ar", "Part IV", "IV"),  # no words of its own: English's
        ("zh", "Section II", "II"),
    ],
)
def test_section_label_reads_the_languages_word(language: str, line: str, label: str) -> None:
    assert section_label(line, profile(language)) == label


@pytest.mark.parametrize(
    ("language", "line", "letter"),
    [
        ("en", "Part B", "B"),
        ("en", "B", "B"),
        ("en", "B1", "B"),
        ("en", "Parte B", None),
        ("es", "Parte B", "B"),
        ("es", "Part B", None),
        ("es", "C", "C"),
        ("ru", "Часть A", "A"),
        ("fr", "Partie B", "B"),
        ("fr", "Part B", None),
        ("zh", "Part B", "B"),  # no part_words of its own: English's
        ("ar", "باء", "باء"),  # the language's own letter names
    ],
)
def test_part_letter_reads_the_languages_word(language: str, line: str, letter: str) -> None:
    assert part_letter(line, profile(language)) == letter


def test_without_a_profile_the_words_are_englishs() -> None:
    assert section_label("Section II") == "II"
    assert part_letter("Part B") == "B"
    assert section_label("Sección II") is None


@pytest.mark.parametrize(
    ("language", "line", "letter"),
    [("en", "Part B", "B"), ("es", "Parte B", "B"), ("ru", "Часть C", "C"), ("es", "Part B", None)],
)
def test_classify_reads_a_part_letter_through_the_languages_gate(
    language: str, line: str, letter: str | None
) -> None:
    (scanned,) = scan(line)
    assert _classify.classify(scanned, None, profile(language)).part_letter == letter


# A resolution whose one annex opens with its label, then its title, then its text, as
# the UN's markup prints them (A/RES/77/100 in each language).
ANNEXED = (
    '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
    '<statement name="resolution"><meta><identification source="#un"><FRBRWork>'
    '<FRBRlanguage language="{language}"/></FRBRWork></identification></meta>'
    '<preamble><formula name="enactingFormula">'
    '<p><span class="italic">{formula}</span>,</p></formula></preamble>'
    '<mainBody><paragraph eId="para_1"><num>1.</num><content eId="c1"><p>'
    '<span class="italic">{lead}</span> x.</p></content></paragraph></mainBody>'
    '<attachments><attachment><doc name="annex"><mainBody>'
    '<paragraph eId="para_2"><content eId="c2"><p><heading>{label}</heading></p></content>'
    "</paragraph>"
    '<paragraph eId="para_3"><content eId="c3"><p><heading>{title}</heading></p></content>'
    "</paragraph>"
    '<paragraph eId="para_4"><content eId="c4"><p>Text.</p></content></paragraph>'
    "</mainBody></doc></attachment></attachments></statement></akomaNtoso>"
)


@pytest.mark.parametrize(
    ("language", "formula", "lead", "label", "title"),
    [
        ("eng", "The General Assembly", "Adopts", "Annex I", "Oath of office"),
        ("eng", "The General Assembly", "Adopts", "Appendix", "Oath of office"),
        ("fra", "L’Assemblée générale", "Adopte", "Annexe I", "Serment"),
        ("spa", "La Asamblea General", "Aprueba", "Anexo", "Juramento"),
        ("rus", "Генеральная Ассамблея", "принимает", "Приложение I", "Присяга"),
        ("ara", "إن الجمعية العامة", "تعتمد", "المرفق", "القسم"),
        ("zho", "大会", "通过", "附件", "誓言"),
    ],
)
def test_from_akn_takes_the_label_of_an_annex_in_the_documents_language(
    language: str, formula: str, lead: str, label: str, title: str
) -> None:
    xml = ANNEXED.format(language=language, formula=formula, lead=lead, label=label, title=title)
    (annex,) = from_akn(xml).annexes
    assert (annex.label, annex.title, annex.text) == (label, title, "Text.")


def test_from_akn_reads_no_other_languages_annex_word() -> None:
    xml = ANNEXED.format(
        language="fra", formula="L’Assemblée générale", lead="Adopte", label="Anexo", title="T"
    )
    (annex,) = from_akn(xml).annexes
    assert annex.label == "Annex"  # the default label: "Anexo" is Spanish, not French


# A General Assembly text whose recorded vote names three States; the rows below give
# its body the name another body has in some language.
VOTED = (
    "United Nations A/RES/75/99\n\nGeneral Assembly\n\nResolution adopted by the General "
    "Assembly on 4 December 2020\n\nThe General Assembly,\n\nRecalling its resolutions,\n\n"
    "1. Decides to remain seized of the matter.\n\n"
    "[Adopted by a recorded vote. The voting was as follows:\n\nIn favour:\n\nAlgeria, "
    "Brazil\n\nAgainst:\n\nIsrael]\n"
)


@pytest.mark.parametrize(
    ("language", "body", "unlisted"),
    [
        ("en", "General Assembly", "absent"),
        ("en", "Security Council", "not_member"),
        ("en", "Human Rights Council", "not_member"),
        ("fr", "Assemblée générale", "absent"),
        ("fr", "Conseil de sécurité", "not_member"),
        ("es", "Consejo de Seguridad", "not_member"),
        ("fr", "Conseil des droits de l’homme", "not_member"),
        ("ru", "Совет Безопасности", "not_member"),
        ("zh", "安全理事会", "not_member"),
        ("xx", "Security Council", "not_member"),  # no profile: the name as printed
    ],
)
def test_roll_call_knows_the_councils_by_their_name_in_any_language(
    language: str, body: str, unlisted: str
) -> None:
    parsed = resparse.parse(VOTED)
    header = attrs.evolve(parsed.header, body=body)
    rows = resparse.roll_call(attrs.evolve(parsed, header=header, language=language))
    counts = collections.Counter(row.vote for row in rows)
    assert (counts["yes"], counts["no"]) == (2, 1)
    assert counts[unlisted] == len(rows) - 3


@pytest.mark.parametrize(
    ("language", "written", "issued"),
    [
        ("en", "7 December 2023", "7 December 2023"),
        ("fr", "7 décembre 2023", "7 décembre 2023"),
        ("es", "7 de diciembre de 2023", "7 de diciembre de 2023"),
        ("ru", "7 декабря 2023 года", "7 December 2023"),  # the cover's date is English
        ("ar", "7 كانون الأول/ديسمبر 2023", "7 December 2023"),
        ("zh", "2023年12月7日", "7 December 2023"),
    ],
)
def test_written_date_takes_the_languages_months_and_shape(
    language: str, written: str, issued: str
) -> None:
    local = profile(language)
    day = dt.date(2023, 12, 7)
    assert local.written_date(day) == written
    assert local.written_date(day, issued=True) == issued
    # what is written is read back as the same date
    assert find_date(written, language=language)[0] == day


def test_written_date_of_the_first_of_a_month() -> None:
    assert profile("fr").written_date(dt.date(2022, 12, 1)) == "1er décembre 2022"
    assert profile("en").written_date(dt.date(2022, 12, 1)) == "1 December 2022"


@pytest.mark.parametrize(
    ("language", "meeting", "formula", "line", "issued"),
    [
        ("en", "9th meeting", "The General Assembly,", "1 December 2023", "19 December 2023"),
        ("fr", "9e séance", "L’Assemblée générale,", "1er décembre 2023", "19 décembre 2023"),
        ("es", "9ª sesión", "La Asamblea General,", "1 de diciembre de 2023", None),
        ("ru", "9-е заседание", "Генеральная Ассамблея,", "1 декабря 2023 года", None),
        ("zh", "第9次会议", "大会，", "2023年12月1日", "19 December 2023"),
    ],
)
def test_akn_export_writes_dates_in_the_documents_language(
    language: str, meeting: str, formula: str, line: str, issued: str | None
) -> None:
    vote = VoteRecord(
        "recorded", Span(0, 0), in_favour=120, meeting=meeting, date=dt.date(2023, 12, 1)
    )
    header = Header(
        symbol="A/RES/99/1",
        body="General Assembly",
        number="99/1",
        enacting_formula=formula,
        issued=dt.date(2023, 12, 19),
    )
    res = Resolution(source="", header=header, vote=vote, votes=(vote,), language=language)
    xml = to_akn(res)
    dates = {
        element.get("refersTo"): "".join(element.itertext())
        for element in etree.fromstring(xml).iter(f"{{{AKN_NAMESPACE}}}docDate")
    }
    assert dates["#adoptionDate"] == line  # the vote's line, and its date marked whole
    if issued is not None:
        assert dates["#dateOfIssuance"] == issued
    (back,) = from_akn(xml).votes
    assert (back.text, back.date) == (f"{meeting} {line}", dt.date(2023, 12, 1))


@pytest.mark.parametrize(
    ("language", "line", "furniture"),
    [
        ("en", "2/7", True),
        ("en", "Page 2/7", True),
        ("en", "Página 2/7", False),
        ("en", "2/7 of the members", False),
        ("fr", "2/7", True),
        ("fr", "Page 2/7", True),  # no page_words of its own: English's
        ("zh", "12/12", True),
    ],
)
def test_page_number_reads_the_languages_word(language: str, line: str, furniture: bool) -> None:
    assert (page_number_re(profile(language).page_words).match(line) is not None) is furniture


PAGED = (
    "The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides to act.\n\n"
    "[Adopted by a recorded vote. The voting was as follows:\n\nIn favour:\n\nAlgeria, "
    "Brazil,\n{page}\nChile\n\nAgainst:\n\nIsrael]\n"
)


@pytest.mark.parametrize(
    ("page", "states"),
    [
        ("Page 2", ("Algeria", "Brazil", "Chile")),
        ("2/7", ("Algeria", "Brazil", "Chile")),
    ],
)
def test_a_page_number_inside_a_vote_list_is_dropped(page: str, states: tuple[str, ...]) -> None:
    vote = resparse.parse(PAGED.format(page=page)).vote
    assert vote is not None
    assert vote.in_favour_states == states


def test_a_language_with_its_own_page_word_reads_that_word(tmp_path: pathlib.Path) -> None:
    file = tmp_path / "xp.toml"
    file.write_text(
        'code = "xp"\npage_words = ["Pago"]\n[patterns]\nformula = "x"\n', encoding="utf-8"
    )
    local = profile(resparse.register_language(file))
    assert local.page_words == ("Pago",)
    pattern = page_number_re(local.page_words)
    assert pattern.match("Pago 2/7") is not None
    assert pattern.match("Page 2/7") is None
    assert list_furniture_re(local.page_words).sub("", "Chile\nPago 2\nPeru") == "Chile\n\nPeru"
