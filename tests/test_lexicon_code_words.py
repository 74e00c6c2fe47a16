"""More words once written in the code, now read from each lexicon (table-driven, issue 15).

A heading's "Section 2" and "Part One", the "and" before a further lead in the UN's
markup, the agenda line's words and the "and" between its numbers, a body's English
name in the Akoma Ntoso export, the conjunction that ends a list item and the formula
that closes a resolution: each row is a line as a language prints it and what that
language's profile reads in it. English's words are not applied to the other languages.
"""

from __future__ import annotations

import pathlib

import pytest
from lxml import etree

from resparse import _checks_lines, _classify, _line_shape
from resparse._language import profile
from resparse._scan import scan
from resparse.exports.akn import AKN_NAMESPACE, to_akn
from resparse.model import AgendaItem, Header, Resolution, Span
from resparse.readers.akn import from_akn

AKN = pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "akn"
_A = f"{{{AKN_NAMESPACE}}}"


@pytest.mark.parametrize(
    ("language", "line", "strong"),
    [
        ("en", "Section 3.", True),
        ("en", "Chapter IV.", True),
        ("en", "Part IV.", True),
        ("en", "Part One.", True),
        ("en", "Part one.", False),  # the words are matched as printed
        ("en", "Sección 3.", False),
        ("fr", "Titre XII.", True),
        ("fr", "Chapitre 3.", True),
        ("fr", "Partie II.", True),
        ("fr", "Section 3.", False),  # English's word is not French's
        ("es", "Sección 3.", True),
        ("es", "Parte IV.", True),
        ("es", "Section 3.", False),
        ("ru", "Раздел 3.", True),
        ("ru", "Часть IV.", True),
        ("ru", "Часть первая.", True),
        ("ru", "Chapter 3.", False),
        ("ar", "الباب 10.", True),
        ("ar", "Section 3.", False),
        ("zh", "Section 3.", False),
        ("zh", "II. 财务", True),  # a roman number and a title, in every language
    ],
)
def test_a_heading_line_reads_the_languages_words(language: str, line: str, strong: bool) -> None:
    (scanned,) = scan(line)
    kind = _classify.classify(scanned, None, profile(language))
    assert kind.heading_strong is strong
    # a line that ends as a sentence does is a heading only when it has the shape of one
    assert _line_shape.heading_like(line, local=profile(language)) is strong


def test_a_profile_gives_its_heading_words() -> None:
    assert profile("en").heading_words == ("Section", "Chapter")
    assert profile("en").part_number_words == ("One", "Two", "Three", "Four", "Five")
    assert profile("zh").heading_words == ()
    assert profile("fr").part_words == ("Partie",)


# A resolution as the UN's markup prints it: a cover with an agenda line, the formula and
# one paragraph whose text may hold a further lead.
MARKUP = (
    '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
    '<statement name="resolution"><meta><identification source="#un"><FRBRWork>'
    '<FRBRlanguage language="{language}"/></FRBRWork></identification></meta>'
    "<coverPage>{cover}</coverPage>"
    '<preamble><formula name="enactingFormula">'
    '<p><span class="italic">{formula}</span>,</p></formula></preamble>'
    '<mainBody><paragraph eId="para_1"><num>1.</num><content eId="c1"><p>'
    '<span class="italic">{lead}</span> {between}<span class="italic">{more}</span> x.</p>'
    "</content></paragraph></mainBody></statement></akomaNtoso>"
)
_FORMULAS = {
    "eng": ("The General Assembly", "Decides"),
    "fra": ("L’Assemblée générale", "Décide"),
    "spa": ("La Asamblea General", "Decide"),
    "rus": ("Генеральная Ассамблея", "постановляет"),
    "ara": ("إن الجمعية العامة", "تقرر"),
    "zho": ("大会", "决定"),
}


def _cover(agenda: str, title: str | None, names: tuple[str, ...]) -> str:
    """An agenda line (its number in ``title``, as the UN's markup gives it) and its titles."""
    number = "" if title is None else f' title="{title}"'
    lines = [f'<p><inline name="agenda item"{number}>{agenda}</inline></p>']
    lines += [f'<p><inline name="agenda item name">{name}</inline></p>' for name in names]
    return "".join(lines)


def _markup(language: str, cover: str = "", between: str = "to act; ", more: str = "also") -> str:
    formula, lead = _FORMULAS.get(language, _FORMULAS["eng"])
    return MARKUP.format(
        language=language, cover=cover, formula=formula, lead=lead, between=between, more=more
    )


@pytest.mark.parametrize(
    ("language", "between", "more", "found"),
    [
        ("eng", "to act, and ", "requests", ("requests",)),
        ("eng", "to act, ", "requests", ("requests",)),
        ("eng", "to act, et ", "requests", ()),  # "et" is French's "and", not English's
        ("fra", "d’agir, et ", "prie", ("prie",)),
        ("fra", "d’agir, and ", "prie", ()),
        ("spa", "actuar, y ", "pide", ("pide",)),
        ("rus", "действовать, и ", "просит", ("просит",)),
        ("deu", "zu handeln, and ", "ersucht", ("ersucht",)),  # no profile: English's
    ],
)
def test_from_akn_reads_a_further_lead_after_the_languages_and(
    language: str, between: str, more: str, found: tuple[str, ...]
) -> None:
    (paragraph,) = from_akn(_markup(language, between=between, more=more)).operative
    assert paragraph.more_leads == found


@pytest.mark.parametrize(
    ("language", "title", "agenda", "names", "numbers"),
    [
        ("eng", "14 and 121", "Agenda items 14 and 121", ("Culture", "Strategy"), ("14", "121")),
        (
            "ara",
            "14 و 121",
            "البندان 14 و 121 من جدول الأعمال",
            ("ثقافة", "استراتيجية"),
            ("14", "121"),
        ),
        ("zho", "14和121", "议程项目14和121", ("和平文化", "反恐战略"), ("14", "121")),
        ("eng", "68 (a) and (b)", "Agenda item 68 (a) and (b)", ("A", "B"), ("68 (a) and (b)",)),
        # a line whose markup gives no number: the language's agenda line gives it
        ("eng", None, "Agenda item 55", ("Title",), ("55",)),
        ("rus", None, "Пункт 69 a) повестки дня", ("Название",), ("69 a)",)),
        ("ara", None, "البند 5 من جدول الأعمال", ("عنوان",), ("5",)),
        ("fra", None, "Point 55 de l’ordre du jour", ("Titre",), ("55",)),
    ],
)
def test_from_akn_reads_the_agenda_line_in_the_documents_language(
    language: str, title: str | None, agenda: str, names: tuple[str, ...], numbers: tuple[str, ...]
) -> None:
    res = from_akn(_markup(language, _cover(agenda, title, names)))
    assert tuple(item.number for item in res.header.agenda_items) == numbers
    if len(numbers) == len(names):
        assert tuple(item.title for item in res.header.agenda_items) == names


@pytest.mark.parametrize("language", ["deu", "por", "xx"])
def test_from_akn_reads_a_language_without_a_profile_with_a_diagnostic(language: str) -> None:
    res = from_akn(_markup(language, _cover("Agenda item 55", "55", ("Title",))))
    assert res.language == language
    assert [p.lead for p in res.operative] == ["Decides"]
    assert "akn.language_unknown" in {d.code for d in res.diagnostics}
    assert "akn.language_unknown" not in {d.code for d in from_akn(_markup("eng")).diagnostics}


def test_from_akn_reads_a_drafts_sponsors_in_a_language_without_a_profile() -> None:
    """The sponsors line is read with English's words: it raised UnknownLanguageError."""
    text = (AKN / "drafts" / "S_2023_792.xml").read_text(encoding="utf-8")
    res = from_akn(text.replace('language="eng"', 'language="por"'))
    assert res.header.sponsors == ("United States of America",)
    assert "akn.language_unknown" in {d.code for d in res.diagnostics}


@pytest.mark.parametrize(
    ("language", "body", "actor", "name"),
    [
        ("en", "General Assembly", "unga", "General Assembly"),
        ("fr", "Assemblée générale", "unga", "General Assembly"),
        ("fr", "Conseil de sécurité", "unsc", "Security Council"),
        ("es", "Asamblea General", "unga", "General Assembly"),
        ("ru", "Совет Безопасности", "unsc", "Security Council"),
        ("ar", "الجمعية العامة", "unga", "General Assembly"),
        ("zh", "大会", "unga", "General Assembly"),
        ("xx", "Security Council", "unsc", "Security Council"),  # no profile: English's
    ],
)
def test_akn_export_names_the_body_by_its_english_name(
    language: str, body: str, actor: str, name: str
) -> None:
    header = Header(symbol="A/RES/99/1", body=body, number="99/1")
    xml = to_akn(Resolution(source="", header=header, language=language))
    tree = etree.fromstring(xml)
    uri = next(tree.iter(f"{_A}FRBRuri")).get("value") or ""
    assert f"/deliberation/{actor}/" in uri
    assert name in {e.get("showAs") for e in tree.iter(f"{_A}TLCOrganization")}


@pytest.mark.parametrize(
    ("language", "line", "printed"),
    [
        ("en", "Agenda item 55", "Agenda item 55"),
        ("fr", "Point 55 de l’ordre du jour", "Point 55 de l’ordre du jour"),
        ("es", "Tema 55 del programa", "Tema 55 del programa"),
        ("zh", "议程项目55", "议程项目55"),
        ("fr", "55", "Agenda item 55"),  # no agenda line printed: the writer's own
    ],
)
def test_akn_export_keeps_the_agenda_line_as_the_language_prints_it(
    language: str, line: str, printed: str
) -> None:
    item = AgendaItem("55", None, Span(0, len(line)))
    header = Header(symbol="A/RES/99/1", body="General Assembly", agenda_items=(item,))
    xml = to_akn(Resolution(source=line + "\n", header=header, language=language))
    inline = next(
        e for e in etree.fromstring(xml).iter(f"{_A}inline") if e.get("name") == "agenda item"
    )
    assert "".join(inline.itertext()) == printed


@pytest.mark.parametrize(
    ("language", "text", "ends"),
    [
        ("en", "the rights of the child; and", True),
        ("en", "the rights of the child; nor", True),
        ("en", "the rights of the child; et", False),
        ("en", "the rights of the child", False),
        ("fr", "les droits de l’enfant ; et", True),
        ("fr", "les droits de l’enfant; ou", True),
        ("es", "los derechos del niño; y", True),
        ("es", "los derechos del niño; e", True),
        ("ru", "права ребенка; и", True),
        ("ru", "права ребенка; and", False),
        ("ar", "حقوق الطفل; and", False),  # no conjunctions listed: none end an item
    ],
)
def test_a_list_item_ends_on_the_languages_conjunction(
    language: str, text: str, ends: bool
) -> None:
    assert (_checks_lines.list_end_re(language).search(text) is not None) is ends


@pytest.mark.parametrize(
    ("language", "text", "closes"),
    [
        ("en", "Decides to remain seized of the matter.", True),
        ("en", "Decides to remain actively seized of the question .", True),
        ("en", "Décide de rester saisi de la question.", False),
        ("fr", "Décide de rester activement saisi de la question.", True),
        ("fr", "Decides to remain seized of the matter.", False),
        ("es", "Decide seguir ocupándose activamente de la cuestión.", True),
        ("en", "Decides to remain actively seized of this matter.", True),
        ("en", "Decides to remain seized of the issue.", True),
        ("ru", "Decides to remain seized of the matter.", False),
        ("ru", "постановляет продолжать активно заниматься этим вопросом.", True),
        ("ru", "постановляет продолжать заниматься этим вопросом .", True),
        ("ru", "постановляет продолжать заниматься этим.", False),
        ("ar", "يقرر أن يبقي المسألة قيد نظره الفعلي.", True),
        ("ar", "يقرر إبقاء هذه المسألة قيد نظره.", True),
        ("ar", "يقرر أن يبقي المسألة.", False),
        ("zh", "决定继续积极处理此案。", True),
        ("zh", "决定继续处理此案。", True),
        ("zh", "决定继续处理。", False),
    ],
)
def test_the_closing_formula_is_the_languages(language: str, text: str, closes: bool) -> None:
    assert (profile(language).closing_re.search(text) is not None) is closes


@pytest.mark.parametrize(
    ("language", "title", "session"),
    [
        ("eng", "Seventy-seventh session", 77),
        ("fra", "Soixante-dix-septième session", 77),
        ("spa", "Septuagésimo séptimo período de sesiones", 77),
        ("rus", "Семьдесят седьмая сессия", 77),  # not the first word's 70
        ("ara", "الدورة السابعة والسبعون", 77),
        ("zho", "第七十七届会议", 77),
        ("deu", "Seventy-seventh session", 77),  # no profile: English's words
    ],
)
def test_from_akn_reads_a_session_title_in_the_documents_language(
    language: str, title: str, session: int
) -> None:
    """The markup gives no ``value``: the title's ordinal is read in its own language."""
    res = from_akn(_markup(language, f'<p><session refersTo="#ga">{title}</session></p>'))
    assert (res.header.session_title, res.header.session) == (title, session)
