"""Header fields in the shapes the bodies and the extractors print them."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

import resparse

BODY = "\n\nThe General Assembly,\n\nRecalling its resolution 1/1,\n\n1. Decides to act.\n"

GA_PDFTOTEXT = """A/RES/78/109

United Nations

General Assembly

Distr.: General
11 December 2023

Seventy-eighth session
Agenda item 79
Report of the International Law Commission on the work
of its seventy-third and seventy-fourth sessions

Resolution adopted by the General Assembly
on 7 December 2023
[on the report of the Sixth Committee (A/78/435, para. 11)]

78/109.

Peremptory norms of general international law (jus cogens)
"""

SC_MODERN = """United Nations S/RES/1445 (2002)

Security Council Distr.: General
4 December 2002

Resolution 1445 (2002)

Adopted by the Security Council at its 4653rd meeting,
on 4 December 2002
"""


def test_header_general_assembly_pdftotext_shape() -> None:
    h = resparse.parse(GA_PDFTOTEXT + BODY).header
    assert h.symbol == "A/RES/78/109"
    assert h.body == "General Assembly"
    assert h.issued == dt.date(2023, 12, 11)
    assert h.session == 78
    assert h.agenda_items[0].number == "79"
    assert h.agenda_items[0].title == (
        "Report of the International Law Commission on the work of its seventy-third and seventy-fourth sessions"
    )
    assert h.adoption_line == "Resolution adopted by the General Assembly on 7 December 2023"
    assert h.adopted == dt.date(2023, 12, 7)
    assert h.report_line == "[on the report of the Sixth Committee (A/78/435, para. 11)]"
    assert h.number == "78/109"
    assert h.title == "Peremptory norms of general international law (jus cogens)"


def test_header_security_council_modern_shape() -> None:
    h = resparse.parse(SC_MODERN + BODY.replace("General Assembly", "Security Council")).header
    assert h.symbol == "S/RES/1445 (2002)"
    assert h.body == "Security Council"
    assert h.distribution == "General"
    assert h.issued == dt.date(2002, 12, 4)
    assert h.number == "1445 (2002)"
    assert h.adopted == dt.date(2002, 12, 4)
    assert h.title is None


@pytest.mark.parametrize(
    ("lines", "field", "value"),
    [
        ("161 (1961). Resolution of 21 February 1961\n[S/4741]", "number", "161 (1961)"),
        ("161 (1961). Resolution of 21 February 1961\n[S/4741]", "adopted", dt.date(1961, 2, 21)),
        ("Resolution 687 (1991)\nof 3 Apri] 1991", "adopted", dt.date(1991, 4, 3)),
        ("Tenth emergency special session", "session", 10),
        ("Agenda items 13 and 117", "agenda_items", None),
        ("Original: English", "original_language", "English"),
    ],
)
def test_header_fields_table(lines: str, field: str, value: object) -> None:
    h = resparse.parse(lines + BODY).header
    if field == "agenda_items":
        assert [a.number for a in h.agenda_items] == ["13 and 117"]
    else:
        assert getattr(h, field) == value


def test_header_ocr_date_repair_is_reported() -> None:
    r = resparse.parse("Resolution 687 (1991)\nof 3 Apri] 1991" + BODY)
    assert any(d.code == "ocr.date_repaired" for d in r.diagnostics)


def test_header_unknown_line_is_unclassified_not_lost() -> None:
    r = resparse.parse("United Nations A/RES/1/1\nSome stray words here\n" + BODY)
    assert [u.text for u in r.unclassified] == ["Some stray words here"]
    assert any(d.code == "text.unclassified" for d in r.diagnostics)
    assert r.uncovered() == []


def test_header_printed_volume_security_council() -> None:
    text = (
        "MILITARY STAFF COMMITTEE\n\n1 (1946) Resolution of 25 January 1946\n\n"
        "By Article 47 of the Charter, the United Nations have agreed ;\n\nTherefore\n\n"
        "1. The Security Council requests the permanent members to meet ;\n\n"
        "Adopted at the 2nd meeting. 22\n\n22 Adopted without vote.\n"
    )
    r = resparse.parse(text)
    assert r.header.subject == "MILITARY STAFF COMMITTEE"
    assert r.header.number == "1 (1946)"
    assert r.header.adopted == dt.date(1946, 1, 25)
    assert r.preamble[0].text.startswith("By Article 47")
    assert [(p.number, p.lead) for p in r.operative] == [(1, "requests")]
    assert [f.marker for f in r.footnotes] == ["22"]
    assert r.unclassified == ()


def test_header_adoption_line_broken_before_its_date() -> None:
    text = (
        "RESOLUTION 827 (1993)\n\nAdopted by the Security Council at its 3217th meeting, on\n25 May 1993\n"
        + BODY
    )
    h = resparse.parse(text).header
    assert h.adopted == dt.date(1993, 5, 25)
    assert (
        h.adoption_line == "Adopted by the Security Council at its 3217th meeting, on 25 May 1993"
    )


def test_header_draft_with_sponsors_and_cover_furniture() -> None:
    text = (
        "United Nations \nA/80/L.10\n \nGeneral Assembly \nDistr.: Limited \n5 November 2025 \n"
        "Original: English \n \n25-17857 (E)    121125     \n*2517857* \n \nEightieth session \n"
        "Agenda item 11 \nSport for development and peace \n \n"
        "Italy and Turkmenistan:* draft resolution  \n \n"
        " Building a peaceful and better world through sport and the \nOlympic ideal \n \n"
        "The General Assembly,  \n \nRecalling its resolution 78/10,\n\n1. Urges Member States to act.\n"
    )
    r = resparse.parse(text)
    h = r.header
    assert h.document_type == "draft resolution"
    assert h.sponsors == ("Italy", "Turkmenistan")
    assert h.title == "Building a peaceful and better world through sport and the Olympic ideal"
    assert h.distribution == "Limited"
    assert {f.kind for f in r.furniture} == {"job_number", "barcode"}
    assert r.unclassified == ()
    assert r.uncovered() == []


@pytest.mark.issue(8)
def test_header_field_never_runs_on_across_text_it_did_not_take() -> None:
    """Regression (long property run): a field continued past a left-over line overlapped it."""
    text = "Resolution adopted by the General Assembly\nstray words here\n 4 December 2023\n" + BODY
    r = resparse.parse(text)
    assert r.uncovered() == []
    spans = sorted(s for _, _, s in r.top_level())
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    text = "Resolution adopted by the General Assembly\non\n 4 December 2023\n" + BODY
    assert resparse.parse(text).header.adopted == dt.date(2023, 12, 4)


_COVER = (
    "United Nations\n{symbol}\n\nGeneral Assembly\nDistr.: General\n6 December 2023\n\n"
    "Seventy-eighth session\nAgenda item 99 (x)\n\n{adoption}\n\n"
    "78/48. The Arms Trade Treaty\n\nThe General Assembly,\n\n"
    "Recalling its resolution 77/1,\n\n1. Decides to act.\n"
)


@pytest.mark.issue(19)
def test_header_adoption_date_cut_by_a_line_end_is_read_whole() -> None:
    # the official PDF of A/RES/78/48 wraps "... on 4 December" / "2023"
    adoption = "Resolution adopted by the General Assembly on 4 December \n2023"
    r = resparse.parse(_COVER.format(symbol="A/RES/78/48", adoption=adoption))
    assert r.header.adopted == dt.date(2023, 12, 4)
    assert r.header.adoption_line == "Resolution adopted by the General Assembly on 4 December 2023"
    assert [d for d in r.diagnostics if d.severity != "info"] == []


@pytest.mark.issue(19)
def test_header_reissue_star_after_the_symbol_is_the_symbol_line() -> None:
    # A/RES/78/68* was reissued for technical reasons; the star is not unread text
    adoption = "Resolution adopted by the General Assembly on 4 December 2023"
    r = resparse.parse(_COVER.format(symbol="A/RES/78/68*", adoption=adoption))
    assert r.header.symbol == "A/RES/78/68"
    span = r.header.span_of("symbol")
    assert span is not None
    assert r.raw(span) == "A/RES/78/68*"
    assert [d for d in r.diagnostics if d.severity != "info"] == []


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("words", "language", "value"),
    [
        ("Seventy-ninth", "en", 79),
        ("Twenty-first", "en", 21),
        ("One hundred and fifth", "en", 105),
        ("Eleventh", "en", 11),
        ("Soixante-dix-neuvième", "fr", 79),
        ("Soixante et onzième", "fr", 71),
        ("Quatre-vingt-dixième", "fr", 90),
        ("Dix-septième", "fr", 17),
        ("Vingt et unième", "fr", 21),
        ("Septuagésimo noveno", "es", 79),
        ("Septuagesimo octavo", "es", 78),
        ("Decimotercero", "es", 13),
        ("Vigésimo primer", "es", 21),
        ("Семьдесят девятая", "ru", 79),
        ("Семьдесят четвёртая", "ru", 74),
        ("Одиннадцатая", "ru", 11),
        ("Сто первая", "ru", 101),
        ("التاسعة والسبعون", "ar", 79),
        ("الحادية عشرة", "ar", 11),
        ("الحادية والعشرون", "ar", 21),
        ("العاشرة", "ar", 10),
        ("七十九", "zh", 79),
        ("十一", "zh", 11),
        ("二十", "zh", 20),
        ("一百零五", "zh", 105),
        ("79", "zh", 79),
        ("78th", "en", 78),
        ("21st", "en", 21),
        ("78e", "fr", 78),
        ("1re", "fr", 1),
        ("78º", "es", 78),
        ("78-я", "ru", 78),
    ],
)
def test_header_ordinal_words_are_composed_by_rule(words: str, language: str, value: int) -> None:
    """Tens and units compose: each language lists its number words once, not 100 ordinals."""
    from resparse._dates import ordinal_value  # noqa: PLC0415 - the stage under test

    assert ordinal_value(words, language) == value


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("words", "language"),
    [
        ("Resumed", "en"),
        ("and", "en"),
        ("Reprise", "fr"),
        ("و", "ar"),
        ("届", "zh"),
        ("78e", "en"),  # digit endings are the language's own
        ("78th", "fr"),
        ("78th", "zh"),
    ],
)
def test_header_words_that_write_no_number_give_none(words: str, language: str) -> None:
    from resparse._dates import ordinal_value  # noqa: PLC0415 - the stage under test

    assert ordinal_value(words, language) is None


FRONT_BODY = "The General Assembly,\n\nRecalling its resolution 77/1,\n\n1. Decides to act.\n"


@pytest.mark.issue(16)
def test_header_front_matter_quoted_values_lists_and_unknown_keys() -> None:
    """Every key is accounted for: fields it names are read, the others listed (info)."""
    text = (
        '---\nsymbol: "A/RES/78/123"\nsession: Seventy-eighth\nagenda-item: 68\n'
        "sponsors:\n  - Chile\n  - Ghana\nurl: https://example.org/a\n"
        "title: Cooperation on test\n  matters\n---\n\n" + FRONT_BODY
    )
    r = resparse.parse(text)
    h = r.header
    assert h.symbol == "A/RES/78/123"
    assert h.session == 78
    assert [a.number for a in h.agenda_items] == ["68"]
    assert h.sponsors == ("Chile", "Ghana")
    assert h.title == "Cooperation on test matters"
    assert r.raw(h.spans["title"]).endswith("matters")
    assert r.uncovered() == []
    assert [d.code for d in r.diagnostics if d.severity != "info"] == []
    keys = [d for d in r.diagnostics if d.code == "header.front_matter_keys"]
    assert keys
    assert "url" in keys[0].message


@pytest.mark.issue(16)
def test_header_front_matter_session_in_english_on_a_french_text() -> None:
    """Front matter keys are English and its values often are: "78th" reads in any language."""
    body = "L’Assemblée générale,\n\nRappelant sa résolution 77/1,\n\n1. Décide d’agir.\n"
    for value in ("78th", "78e"):
        r = resparse.parse(f"---\nsymbol: A/RES/78/123\nsession: {value}\n---\n\n" + body)
        assert r.language == "fr"
        assert r.header.session == 78


@pytest.mark.issue(16)
def test_header_front_matter_gives_way_to_the_printed_cover_and_says_so() -> None:
    text = (
        "---\nsymbol: A/RES/78/999\nnumber: 78/123\n---\n\n"
        "United Nations A/RES/78/123\n\n78/123. Cooperation on test matters\n\n" + FRONT_BODY
    )
    r = resparse.parse(text)
    assert r.header.symbol == "A/RES/78/123"
    assert r.header.number == "78/123"
    disagree = [d for d in r.diagnostics if d.code == "header.front_matter_disagrees"]
    assert len(disagree) == 1  # the symbol; the number agrees
    assert disagree[0].span is not None
    assert r.raw(disagree[0].span) == "symbol: A/RES/78/999"


@pytest.mark.issue(16)
def test_header_front_matter_value_that_cannot_be_read_is_a_warning() -> None:
    r = resparse.parse("---\ndate: sometime soon\n---\n\n" + FRONT_BODY)
    assert r.header.adopted is None
    warned = [d for d in r.diagnostics if d.code == "header.front_matter_value"]
    assert warned
    assert warned[0].span is not None
    assert r.uncovered() == []


@pytest.mark.issue(16)
def test_header_rule_then_prose_is_not_front_matter() -> None:
    """Only a block of ``key: value`` lines is front matter; other text stays text."""
    r = resparse.parse("---\nA note on the text that follows.\n---\n\n" + FRONT_BODY)
    assert "front_matter" not in r.header.spans
    assert any("note on the text" in u.text for u in r.unclassified)


@pytest.mark.issue(16)
def test_header_front_matter_through_the_markdown_reader() -> None:
    from resparse.parser import parse_document  # noqa: PLC0415
    from resparse.readers.markdown import read_markdown  # noqa: PLC0415

    text = (
        "---\nsymbol: A/RES/78/123\ndate: '2023-12-18'\n---\n\n*The General Assembly*,\n\n"
        "*Recalling* its resolution 77/1,\n\n1. *Decides* to act.\n"
    )
    r = parse_document(read_markdown(text))
    assert r.header.symbol == "A/RES/78/123"
    assert r.header.adopted == dt.date(2023, 12, 18)
    assert [c.lead for c in r.preamble] == ["Recalling"]
    assert r.uncovered() == []


# "Agenda items 136 and 148" and its two titles, as A/RES/77/259 prints them in each language
AGENDA_TWO_ITEMS = {
    "en": (
        "Agenda items 136 and 148",
        (
            "Review of the efficiency of the administrative and financial functioning of the "
            "United Nations"
        ),
        "Report on the activities of the Office of Internal Oversight Services",
        "The General Assembly,\n\nRecalling its resolution 1/1,\n\n1. Decides to act.\n",
    ),
    "fr": (
        "Points 136 et 148 de l’ordre du jour",
        (
            "Examen de l’efficacité du fonctionnement administratif et financier de "
            "l’Organisation des Nations Unies"
        ),
        "Rapport sur les activités du Bureau des services de contrôle interne",
        "L’Assemblée générale,\n\nRappelant sa résolution 1/1,\n\n1. Décide d’agir ;\n",
    ),
    "es": (
        "Temas 136 y 148 del programa",
        (
            "Examen de la eficiencia del funcionamiento administrativo y financiero de las "
            "Naciones Unidas"
        ),
        "Informe sobre las actividades de la Oficina de Servicios de Supervisión Interna",
        "La Asamblea General,\n\nRecordando su resolución 1/1,\n\n1. Decide actuar;\n",
    ),
    "ru": (
        "Пункты 136 и 148 повестки дня",
        (
            "Обзор эффективности административного и финансового функционирования "
            "Организации Объединенных Наций"
        ),
        "Доклад о деятельности Управления служб внутреннего надзора",
        (
            "Генеральная Ассамблея,\n\nссылаясь на свою резолюцию 1/1,\n\n"
            "1. постановляет действовать;\n"
        ),
    ),
    "ar": (
        "البندان 136 و 148 من جدول الأعمال",
        "استعراض كفاءة الأداء الإداري والمالي للأمم المتحدة",
        "تقرير عن أنشطة مكتب خدمات الرقابة الداخلية",
        "إن الجمعية العامة،\n\nإذ تشير إلى قرارها 1/1،\n\n1 - تقرر أن تعمل؛\n",
    ),
    "zh": (
        "议程项目136和148",
        "审查联合国行政和财政业务效率",
        "关于内部监督事务厅活动的报告",
        "大会，\n\n回顾其第1/1号决议，\n\n1. 决定采取行动；\n",
    ),
}


@pytest.mark.issue(16)
@pytest.mark.parametrize("language", sorted(AGENDA_TWO_ITEMS))
def test_header_agenda_line_with_two_items_in_each_language(language: str) -> None:
    """Two numbers and two titles are two items, each number with its own title."""
    line, first, second, body = AGENDA_TWO_ITEMS[language]
    r = resparse.parse(f"A/RES/77/259\n{line}\n{first}\n{second}\n\n{body}", language=language)
    items = r.header.agenda_items
    assert [(a.number, a.title) for a in items] == [("136", first), ("148", second)]
    assert r.raw(items[1].span) == second
    assert r.uncovered() == []


@pytest.mark.issue(16)
def test_header_agenda_titles_that_wrap_still_pair_with_their_numbers() -> None:
    """A line that opens with a small letter continues the title before it."""
    cover = (
        "Agenda items 13 and 117\nIntegrated and coordinated implementation of and follow-up\n"
        "to the outcomes of the major United Nations conferences\nFollow-up to the outcome"
        " of the Millennium Summit\n"
    )
    h = resparse.parse(cover + BODY).header
    assert [a.number for a in h.agenda_items] == ["13", "117"]
    assert h.agenda_items[0].title == (
        "Integrated and coordinated implementation of and follow-up to the outcomes of the "
        "major United Nations conferences"
    )


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("line", "numbers"),
    [
        # sub-items of one item stay one item; numbers without titles to pair stay one line
        (
            "Agenda item 68 (a) and (b)\nPromotion and protection of human rights",
            ["68 (a) and (b)"],
        ),
        (
            "Agenda items 13, 14 and 117\nFirst title\nSecond title\nThird title",
            ["13", "14", "117"],
        ),
        ("Agenda items 13 and 117\nOne title for both", ["13 and 117"]),
    ],
)
def test_header_agenda_numbers_split_only_where_titles_pair(line: str, numbers: list[str]) -> None:
    h = resparse.parse(line + BODY).header
    assert [a.number for a in h.agenda_items] == numbers


# The sponsors line of the draft S/2023/212 (not adopted), as each language prints it
DRAFT_SPONSORS = {
    "en": (
        "Belarus, China, Nicaragua and Russian Federation: draft resolution",
        ("Belarus", "China", "Nicaragua", "Russian Federation"),
        "draft resolution",
        "The Security Council,\n\nCondemning the act of sabotage,\n\n1. Decides to act.\n",
    ),
    "fr": (
        "Bélarus, Chine, Nicaragua et Fédération de Russie : projet de résolution",
        ("Bélarus", "Chine", "Nicaragua", "Fédération de Russie"),
        "projet de résolution",
        "Le Conseil de sécurité,\n\nCondamnant l’acte de sabotage,\n\n1. Décide d’agir ;\n",
    ),
    "es": (
        "Belarús, China, Nicaragua y Federación de Rusia: proyecto de resolución",
        ("Belarús", "China", "Nicaragua", "Federación de Rusia"),
        "proyecto de resolución",
        "El Consejo de Seguridad,\n\nCondenando el acto de sabotaje,\n\n1. Decide actuar;\n",
    ),
    "ru": (
        "Беларусь, Китай, Никарагуа и Российская Федерация: проект резолюции",
        ("Беларусь", "Китай", "Никарагуа", "Российская Федерация"),
        "проект резолюции",
        "Совет Безопасности,\n\nосуждая диверсию,\n\n1. постановляет действовать;\n",
    ),
    "ar": (
        "الاتحاد الروسي، إريتريا، بيلاروس، الصين: مشروع قرار",
        ("الاتحاد الروسي", "إريتريا", "بيلاروس", "الصين"),
        "مشروع قرار",
        "إن مجلس الأمن،\n\nإذ يدين العمل التخريبي،\n\n1 - يقرر أن يعمل؛\n",
    ),
    "zh": (
        "白俄罗斯、中国、尼加拉瓜和阿拉伯叙利亚共和国：决议草案",
        ("白俄罗斯", "中国", "尼加拉瓜", "阿拉伯叙利亚共和国"),
        "决议草案",
        "安全理事会，\n\n最强烈地谴责破坏行为，\n\n1. 决定采取行动；\n",
    ),
}


@pytest.mark.issue(16)
@pytest.mark.parametrize("language", sorted(DRAFT_SPONSORS))
def test_header_draft_names_its_sponsors_in_each_language(language: str) -> None:
    """A draft's sponsors line is the header's, not unread text, and the draft has no title."""
    line, sponsors, kind, body = DRAFT_SPONSORS[language]
    r = resparse.parse(f"S/2023/212\n\n{line}\n\n{body}", language=language)
    assert r.header.symbol == "S/2023/212"
    assert r.header.sponsors == sponsors
    assert r.header.document_type == kind
    assert r.header.title is None
    assert r.unclassified == ()


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("cover", "symbol", "number", "title"),
    [
        # the Economic and Social Council: a four-digit year, its session in roman numerals
        (
            "E/RES/1972/1664(LII)\n\n1972/1664(LII). Concerted action against drug abuse",
            "E/RES/1972/1664(LII)",
            "1972/1664(LII)",
            "Concerted action against drug abuse",
        ),
        (
            "E/RES/2023/1\n\n2023/1. Ministerial declaration",
            "E/RES/2023/1",
            "2023/1",
            "Ministerial declaration",
        ),
        (
            "E/RES/1664 (LII)\n\n1664 (LII). Drug abuse",
            "E/RES/1664 (LII)",
            "1664 (LII)",
            "Drug abuse",
        ),
        # "Distr." alone, as a copy of the page may print it, is the distribution line
        ("Distr.\nA/HRC/RES/46/13\n\n46/13. Title", "A/HRC/RES/46/13", "46/13", "Title"),
    ],
)
def test_header_numbers_of_other_bodies(cover: str, symbol: str, number: str, title: str) -> None:
    r = resparse.parse(cover + BODY.replace("General Assembly", "Economic and Social Council"))
    assert (r.header.symbol, r.header.number, r.header.title) == (symbol, number, title)
    assert r.unclassified == ()


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("line", "language"),
    [
        ("Adopted by the Security Council at its 4088th meeting, on13 January 2000", "en"),
        ("Resolution adopted by the General Assembly on13 January 2000", "en"),
        ("Adoptée par le Conseil de sécurité à sa 4088e séance, le13 janvier 2000", "fr"),
        (
            "Aprobada por el Consejo de Seguridad en su 4088a sesión, celebrada el13 de enero de 2000",
            "es",
        ),
    ],
)
def test_header_adoption_date_glued_to_the_word_before_it(line: str, language: str) -> None:
    """ "on13 January 2000", as some copies print it, still gives the adoption date."""
    h = resparse.parse(f"{line}\n\n{BODY}", language=language).header
    assert h.adopted == dt.date(2000, 1, 13)


@pytest.mark.issue(16)
def test_header_meeting_line_above_the_number_gives_the_adoption_date() -> None:
    """ "1896th Plenary Meeting / 15 May 1974" among the cover lines is read, not left over."""
    cover = "Economic and Social Council\n\n1896th Plenary Meeting\n15 May 1974\n\n1974/1848(LVI). Title"
    r = resparse.parse(cover + BODY.replace("General Assembly", "Economic and Social Council"))
    assert r.header.adopted == dt.date(1974, 5, 15)
    assert r.header.number == "1974/1848(LVI)"
    assert r.unclassified == ()


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("line", "title"),
    [
        # a title glued to the number's full stop
        ("1974/1848(LVI).Periodicity of sessions", "Periodicity of sessions"),
        # the older note mark after a title belongs to the note
        ("1974/1848(LVI). Periodicity of sessions*/", "Periodicity of sessions"),
        ("78/12. Periodicity of sessions12/", "Periodicity of sessions"),
        # a title that ends with a figure keeps it
        ("78/12. Programme budget for 2024", "Programme budget for 2024"),
    ],
)
def test_header_number_line_shapes(line: str, title: str) -> None:
    assert resparse.parse(line + BODY).header.title == title


@pytest.mark.issue(16)
def test_header_arabic_emergency_session_number_in_arabic_letters() -> None:
    """Arabic prints "ES-11/6" as "دإط-11/6" (A/RES/ES-11/6)."""
    text = (
        "A/RES/ES-11/6\n\nدإط-11/6 مبادئ ميثاق الأمم المتحدة\n\n"
        "إن الجمعية العامة،\n\nإذ تشير إلى قرارها 77/1،\n\n1 - تقرر أن تعمل؛\n"
    )
    h = resparse.parse(text).header
    assert h.number == "دإط-11/6"
    assert h.title == "مبادئ ميثاق الأمم المتحدة"


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("title", "letter", "name", "rest"),
    [
        (
            "78/80. Questions relating to information",
            "A",
            "Information in the service of humanity",
            "The General Assembly,\n\nRecalling its resolution 77/1,\n\n1. Decides to act.\n",
        ),
        (
            "77/128. Questions relatives à l’information",
            "A",
            "L’information au service de l’humanité",
            "L’Assemblée générale,\n\nRappelant sa résolution 77/1,\n\n1. Décide d’agir ;\n",
        ),
    ],
)
def test_header_title_stops_before_the_first_part_and_its_name(
    title: str, letter: str, name: str, rest: str
) -> None:
    """ "A" and the part's name above the formula are the part's heading, not the title's."""
    r = resparse.parse(f"{title}\n\n{letter}\n{name}\n\n{rest}")
    assert r.header.title == title.split(". ", 1)[1]
    assert r.preamble[0].part == letter
    # the markup holds the letter and the name as two headings; so does the parse
    assert [h.text for h in r.headings][:2] == [letter, name]


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "formula", "lead"),
    [
        (
            "The Security Council:\n\nRecalling its resolution 1/1,\n\n1. Decides to act.\n",
            "The Security Council:",
            "Recalling",
        ),
        (
            "Le Conseil de sécurité :\n\nRappelant sa résolution 1/1,\n\n1. Décide d’agir ;\n",
            "Le Conseil de sécurité :",
            "Rappelant",
        ),
    ],
)
def test_header_formula_ending_with_a_colon(text: str, formula: str, lead: str) -> None:
    """An older text's "The Security Council:" is its formula, not its first clause."""
    r = resparse.parse(text)
    assert r.header.enacting_formula == formula
    assert [c.lead for c in r.preamble] == [lead]
    assert [d.code for d in r.diagnostics] == []


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    "sponsor_lines",
    [
        "Albania, France, United Kingdom of Great Britain\nand Northern Ireland and Guyana*: draft resolution",
        "Albania, France,\nUnited Kingdom of Great Britain and\nNorthern Ireland and Guyana: draft resolution",
    ],
)
def test_header_sponsors_list_that_wraps_keeps_its_first_lines(sponsor_lines: str) -> None:
    """The lines above the one ending with ': draft resolution' open the list; none is lost."""
    text = (
        "United Nations\nS/2023/792\n\nSecurity Council\n\nDistr.: General\n25 October 2023\n\n"
        f"Original: English\n\n{sponsor_lines}\n\nThe Security Council,\n\n"
        "Recalling its resolution 1/1,\n\n1. Decides to act.\n"
    )
    r = resparse.parse(text)
    names = [name for name, _ in resparse.sponsor_states(r)]
    assert names == [
        "Albania",
        "France",
        "United Kingdom of Great Britain and Northern Ireland",
        "Guyana",
    ]
    assert r.header.document_type == "draft resolution"
    assert not [d for d in r.diagnostics if d.code == "text.unclassified"]


@pytest.mark.issue(17)
def test_header_sentence_above_a_sponsors_line_is_not_taken_into_it() -> None:
    text = (
        "S/2023/792\n\nProvisional text.\nAlbania and France: draft resolution\n\n"
        "The Security Council,\n\nRecalling its resolution 1/1,\n\n1. Decides to act.\n"
    )
    r = resparse.parse(text)
    assert r.header.sponsors == ("Albania", "France")


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    "adoption",
    [
        "Aprobada por el Consejo de Seguridad en su 8700ª sesión, celebrada el 10 de\nenero de 2020",
        "Aprobada por el Consejo de Seguridad en su 8700ª sesión, celebrada el 10\nde enero de 2020",
        "Aprobada por el Consejo de Seguridad en su 8700ª sesión, celebrada el 10 de enero\nde 2020",
    ],
)
def test_header_spanish_adoption_line_cut_inside_its_date(adoption: str) -> None:
    """Regression: a Spanish adoption line wrapped inside its date ("... celebrada el 10 de"
    / "enero de 2020") matched no field, and the date was lost (SC Spanish wrapped at 80
    columns: header 83.50). Rule: the line may end with the start of a date (a day and up
    to three words), and the next line completes it."""
    text = (
        "S/RES/2504 (2020)\nConsejo de Seguridad\nResolución 2504 (2020)\n"
        f"{adoption}\n\nEl Consejo de Seguridad,\n\n"
        "Recordando sus resoluciones anteriores,\n\n1. Decide seguir ocupándose de la cuestión.\n"
    )
    r = resparse.parse(text, language="es")
    assert r.header.adopted == dt.date(2020, 1, 10)
    assert [d for d in r.diagnostics if d.severity != "info"] == []


# The cover of a Human Rights Council resolution as its PDF prints it (A/HRC/RES/55/5)
COUNCIL_COVER = """A/HRC/RES/55/5
United Nations
General Assembly
Distr.: General
5 April 2024
Original: English
Human Rights Council
Fifty-fifth session
Agenda item 3
Resolution adopted by the Human Rights Council
on 3 April 2024
55/5.
Mandate of Special Rapporteur in the field of cultural rights
The Human Rights Council,
Guided by the purposes and principles of the Charter of the United Nations,
1. Decides to extend the mandate for a period of three years;
2. Decides to continue its consideration of this question.
"""


@pytest.mark.issue(16)
def test_header_a_parent_organ_above_the_body_is_no_repeat() -> None:
    """Regression: the cover's "General Assembly" above "Human Rights Council" gave the
    Assembly as the body, with a repeated-field warning and the Council's line unread.
    Rule: a second cover line naming another body names the body that adopted the text;
    the first names its parent organ, read as ``parent_body``."""
    r = resparse.parse(COUNCIL_COVER)
    assert r.header.body == "Human Rights Council"
    assert r.source[r.header.spans["body"].start :].startswith("Human Rights Council")
    assert r.source[r.header.spans["parent_body"].start :].startswith("General Assembly")
    assert [d for d in r.diagnostics if d.severity != "info"] == []
    assert r.uncovered() == []


@pytest.mark.issue(16)
def test_header_the_same_body_twice_is_still_a_repeat() -> None:
    text = COUNCIL_COVER.replace("General Assembly\n", "Human Rights Council\n")
    r = resparse.parse(text)
    assert r.header.body == "Human Rights Council"
    assert "header.repeated_field" in [d.code for d in r.diagnostics]


COUNCIL_REPORT_TEXT = """Human Rights Council

Resolution 2/2. Human rights and extreme poverty

The Human Rights Council,

Deeply concerned that extreme poverty persists in all countries of the world,

1. Affirms that the fight against extreme poverty must remain a high priority;

2. Requests the High Commissioner to report to the Council at its seventh session.

{record}

31st meeting

27 November 2006
"""


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("record", "adopted"),
    [
        # Human Rights Council resolution 2/2 as the Council's report prints it: no cover,
        # the date only in the closing lines
        ("Adopted without a vote", dt.date(2006, 11, 27)),
        ("[Adopted by a recorded vote of 30 to 12, with 5 abstentions.]", dt.date(2006, 11, 27)),
        # a record that says the text was not adopted dates no adoption
        ("The draft resolution was rejected by a recorded vote of 12 to 30.", None),
    ],
)
def test_header_a_text_without_a_cover_date_is_dated_by_its_meeting(
    record: str, adopted: dt.date | None
) -> None:
    """Regression: ``header.adopted`` stayed empty though the closing meeting line dates
    the adoption (the vote record had the date). Rule: where the cover gives no date, the
    first adoption record's date is the header's, unless it records no adoption."""
    r = resparse.parse(COUNCIL_REPORT_TEXT.format(record=record))
    assert r.header.adopted == adopted


@pytest.mark.issue(16)
def test_header_a_joint_cover_of_two_principal_organs_keeps_the_first() -> None:
    """Review: a cover naming the General Assembly and then the Security Council is no
    parent and subsidiary; the later line stays a repeat, and the body the Assembly."""
    text = COUNCIL_COVER.replace("Human Rights Council\nFifty", "Security Council\nFifty")
    r = resparse.parse(text)
    assert r.header.body == "General Assembly"
    assert "parent_body" not in r.header.spans


@pytest.mark.issue(16)
def test_header_an_agenda_title_under_a_markdown_heading_keeps_its_start() -> None:
    """Review: under "### " the title read on the agenda line lost its first words' start."""
    text = (
        "### Agenda item 38 Necessity of ending the economic embargo\n\n"
        "The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides to act.\n"
    )
    r = resparse.parse(text)
    assert [(a.number, a.title) for a in r.header.agenda_items] == [
        ("38", "Necessity of ending the economic embargo")
    ]


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("lines", "title"),
    [
        (
            "Agenda item 99 (f) General and complete disarmament:\nregional disarmament",
            "General and complete disarmament: regional disarmament",
        ),
        (
            "Agenda item 99 General and complete\ndisarmament",
            "General and complete disarmament",
        ),
    ],
)
def test_header_an_agenda_title_on_its_line_that_wraps_is_read_once(lines: str, title: str) -> None:
    """Regression (GA 80/27, 80/20, 80/61 as PDF text): a title that opens on the agenda
    line and wraps onto the next was read from the field's end, not its line's: "disarmament:
    regional disarmament regional disarmament", silently. Rule: the title on the agenda line
    is located on that line; the lines after it continue it."""
    text = (
        f"General Assembly Distr.: General 5 December 2025\n\nEightieth session {lines}\n\n"
        "Resolution adopted by the General Assembly on 1 December 2025\n\n"
        "80/27. Regional disarmament\n\nThe General Assembly,\n\n"
        "Recalling its resolutions,\n\n1. Decides to act.\n"
    )
    r = resparse.parse(text)
    assert [a.title for a in r.header.agenda_items] == [title]
    assert r.header.agenda_items[0].number in ("99 (f)", "99")


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("cover", "formula", "language"),
    [
        (
            (
                "Резолюция 2672 (2023),\n"
                "принятая Советом Безопасности на его 9237-м заседании 9 января 2023 года"
            ),
            (
                "Совет Безопасности,\n\nссылаясь на свои резолюции,\n\n"
                "1. постановляет продолжать заниматься этим вопросом."
            ),
            "ru",
        ),
        (
            (
                "القرار 2722 (2024)\n"
                "الذي اتخذه مجلس الأمن في جلسته 9527، المعقودة في 10 كانون الثاني/يناير 2024"
            ),
            (
                "إن مجلس الأمن،\n\nإذ يؤكد من جديد مسؤوليته الرئيسية،\n\n"
                "1 - يقرر أن يبقي المسألة قيد نظره الفعلي."
            ),
            "ar",
        ),
    ],
    ids=["ru", "ar"],
)
def test_header_a_council_cover_that_runs_on_from_its_number(
    cover: str, formula: str, language: str
) -> None:
    """Regression (Council covers of 2023-2024 in Russian and Arabic, outside the development
    set): the adoption line that continues the number line ("Резолюция 2672 (2023)," /
    "принятая ...", "القرار 2722 (2024)" / "الذي اتخذه ...") was unread, or read as the
    title, and the number and date were lost. Rule: the cover's relative form opens the
    adoption line as its main-clause form does, and a comma may close the number."""
    r = resparse.parse(f"{cover}\n\n{formula}\n")
    assert r.language == language
    assert r.header.number in ("2672 (2023)", "2722 (2024)")
    assert r.header.adopted is not None
    assert r.header.title is None
    assert not [d for d in r.diagnostics if d.code == "text.unclassified"]
