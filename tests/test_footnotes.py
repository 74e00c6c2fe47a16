"""Footnote markers in the body, where the notes stand at the end of the text."""

from __future__ import annotations

import pathlib

import pytest

import resparse
from resparse import _markers
from resparse._markers import Markers, MarkerStyle, find_anchor, first_anchor
from resparse.model import Span
from resparse.readers.akn import render_akn

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "fixtures"


@pytest.mark.parametrize(
    ("text", "marker", "found"),
    [
        ("the Paris Agreement4 and", "4", "Agreement4"),
        ("on Human Rights,2\nReaffirming", "2", ",2"),
        ("from 1 July 2020 to 30 June 20211 and the", "1", "20211"),  # against a year
        ("S-17/1 of 23 August 2011,4 S-18/1 of", "4", ",4"),
        ("and 2011,5 19/1 of 1 March 2012", "5", ",5"),  # before a number, set on a comma
        ("the reference[^3] and", "3", "[^3]"),  # markdown says what it is
        # not markers
        ("accountability;\n11.\tCalls upon", "11", None),  # a paragraph number
        ("more than 5.6 million people", "6", None),  # a decimal
        ("document A/58/508/Add.1 of 25 June", "1", None),
        ("its Order No. 1 of the Court", "1", None),
        ("Goals and targets 9, 11, 16 and 17", "11", None),
        ("grew by 3 per cent", "3", None),
        # Arabic brackets its markers; Chinese sets them after its own punctuation
        ("المتعلقة بالموضوع(2)، وإذ", "2", "(2)"),
        ("خطة التنمية المستدامة لعام 2030(1)، وإذ", "1", "(1)"),
        ("under Article 5(1) of the Charter", "1", None),  # a Latin text's article
        ("咨询委员会的有关报告，2\n", "2", "2"),
        ("秘书长的报告1 以及行政和预算问题", "1", "1"),
        ("《公约》第1段", "1", None),  # a paragraph's number
        ("the Rio Declaration and Agenda 21,2 the Programme", "2", ",2"),
        # pdfium's text sets a marker on a line of its own (A/RES/78/109 as pdfium-text)
        ("debates of the Sixth Committee,\r\n4\r\nincluding those made", "4", "4"),
        ("debates of the Sixth Committee,\n4\nincluding those made", "4", "4"),
        # not markers: a note's own number, and a paragraph's on its own line
        ("of the Sixth Committee.\n4\nThe written comments", "4", None),
        ("to the host country;\n4\nAlso recalls that", "4", None),
        ("of all delegations;\n4\nпостановляет продолжать", "4", None),
        # a document symbol's number (GA 80/10's report line "(A/80/L.11)")
        ("on the report of the Main Committee (A/80/L.11)] and", "11", None),
        ("the letter S/2023/605 and its annex", "605", None),
        ("根据主要委员会的报告（A/80/L.11）通过", "11", None),
    ],
)
def test_first_anchor(text: str, marker: str, found: str | None) -> None:
    span = first_anchor(text, marker, 0, len(text))
    if found is None:
        assert span is None
    else:
        assert span is not None
        assert found.endswith(text[span.start : span.end])
        assert text[: span.end].endswith(found)


def test_notes_at_the_end_of_a_text_find_their_markers_in_order() -> None:
    """Regression: notes printed after the adoption line (a plain rendering of the UN's
    markup, a Word export) were too far from their markers, which stayed in the text
    ("the United Nations1 and"); A/RES/75/127 linked 2 of its 16 notes."""
    text = (FIXTURES / "golden" / "markup_75_127_E.txt").read_text(encoding="utf-8")
    res = resparse.parse(text)
    assert len(res.footnotes) == 16
    assert all(note.anchor is not None for note in res.footnotes)
    starts = [note.anchor.start for note in res.footnotes if note.anchor is not None]
    assert starts == sorted(starts)
    assert res.preamble[1].text.endswith(
        "assistance of the United Nations and on the Central Emergency Response Fund,"
    )
    assert res.operative[73].text.endswith("the World Humanitarian Summit;")
    assert res.uncovered() == []


def test_a_decimal_before_the_marker_is_passed_over() -> None:
    """Regression: note 6 took the "6" of "5.6 million" and the notes after it lost their
    place (A/RES/77/230)."""
    text = (
        "The General Assembly,\n\n"
        "Recalling its resolution 76/1,1\n\n"
        "Noting that more than 5.6 million people are displaced,\n\n"
        "Noting also the report of the Secretary-General,2\n\n"
        "1.\tDecides to remain seized of the matter.\n\n"
        "__________________\n"
        "1\tResolution 76/1.\n"
        "2\tA/77/1.\n"
    )
    res = resparse.parse(text)
    assert [note.marker for note in res.footnotes] == ["1", "2"]
    assert [c.text for c in res.preamble] == [
        "Recalling its resolution 76/1,",
        "Noting that more than 5.6 million people are displaced,",
        "Noting also the report of the Secretary-General,",
    ]


@pytest.mark.parametrize(
    ("text", "decimal_comma", "found"),
    [
        ("une hausse de 1,5 degré", True, False),  # French writes decimals with a comma
        ("résolutions de 2011,5 et", True, True),  # a year
        ("the Rio Declaration and Agenda 21,2 the", False, True),  # English: no decimal
    ],
)
def test_first_anchor_decimal_comma(text: str, *, decimal_comma: bool, found: bool) -> None:
    marker = text.split(",")[1][0]
    span = first_anchor(text, marker, 0, len(text), decimal_comma=decimal_comma)
    assert (span is not None) is found


def test_arabic_markup_keeps_a_notes_brackets_with_its_marker() -> None:
    """Regression: the UN's Arabic markup raises "(" and ")" around a note; the brackets
    stayed in the text read from it ("لعام 2030()،")."""
    xml = (
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
        '<statement name="resolution"><meta><identification source="#un"><FRBRWork>'
        '<FRBRlanguage language="ara"/></FRBRWork></identification></meta><preamble>'
        '<formula name="enactingFormula"><p>إن الجمعية العامة،</p></formula>'
        '<container name="x"><p><span class="italic">إذ تشير</span> إلى خطة التنمية المستدامة'
        ' لعام 2030<sup>(</sup><authorialNote marker="1" placement="bottom">'
        "<p>القرار 70/1.</p></authorialNote><sup>)</sup>، </p></container></preamble>"
        '<mainBody><paragraph eId="para_1"><num>1 -</num><content><p><span class="italic">'
        "تقرر</span> أن تبقي المسألة قيد نظرها.</p></content></paragraph></mainBody>"
        "</statement></akomaNtoso>"
    )
    res = resparse.from_akn(xml)
    assert res.preamble[0].text == "إذ تشير إلى خطة التنمية المستدامة لعام 2030،"
    (note,) = res.footnotes
    assert note.anchor is not None
    assert res.raw(note.anchor) == "(1)"
    # rendered as text with its raised markers, then parsed: the raised "(1)" is the marker
    parsed = resparse.parse_document(render_akn(xml.encode("utf-8")), language="ar")
    assert parsed.preamble[0].text == res.preamble[0].text


def test_a_raised_arabic_marker_matches_its_note_without_brackets() -> None:
    """Regression: the raised "(1)" of an Arabic text was compared with the marker "1"
    and missed; far from its note, the marker then stayed in the text."""
    source = "لعام 2030(1)، وإذ\n" + "x" * 9000 + "\n1\tالقرار 70/1."
    raised = Span(9, 12)
    assert source[raised.start : raised.end] == "(1)"
    assert find_anchor(source, "1", len(source) - 14, [raised]) == raised


@pytest.mark.parametrize(
    "chunk", ["1", "a1", ",1 ", "(1)", "2021", "1,5 ", "报告1 ", "لعام(1)", " ", "Ab", "A 1"]
)
def test_marker_patterns_are_linear_on_adversarial_input(chunk: str) -> None:
    """Long runs of what the marker patterns look at must not make them backtrack."""
    text = chunk * 3000 + "!"
    _markers._ANY_MARKER_RE.search(text, timeout=2.0)
    _markers._anchor_pattern("1").search(text, timeout=2.0)
    _markers._after_name_pattern("1").search(text, timeout=2.0)
    Markers(text, 0, len(text), decimal_comma=True)


def test_many_notes_at_the_end_are_placed_in_one_pass() -> None:
    """Regression: each note searched the text from the previous marker on, and notes that
    found none searched it again, so 50 MB took 11.7x the time of 10 MB."""
    body = "".join(f"Recalling the report of the year,{i}\n" for i in range(1, 301))
    notes = "".join(f"{i}\tA/78/{i}.\n" for i in range(1, 301))
    text = f"The General Assembly,\n\n{body}\n1.\tDecides to remain seized.\n\n__________\n{notes}"
    scans = 0
    original = _markers.Markers.__init__

    def counting(self: Markers, *args: object, **kwargs: bool) -> None:
        nonlocal scans
        scans += 1
        original(self, *args, **kwargs)  # type: ignore[arg-type]

    Markers.__init__ = counting  # type: ignore[method-assign]
    try:
        res = resparse.parse(text)
    finally:
        Markers.__init__ = original  # type: ignore[method-assign]
    assert scans == 1
    assert len(res.footnotes) == 300
    assert all(note.anchor is not None for note in res.footnotes)
    assert {c.text for c in res.preamble} == {"Recalling the report of the year,"}


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "marker", "found"),
    [
        # a paragraph's number on a line of its own after a clause's comma is no marker
        ("in international\nrelations,\n1.\nWelcomes the work;\nNOTE", "1", None),
        # pdftotext prints a page's notes as their number, then their text
        ("the report, 2\nEmphasizing the work,\n____\nIbid.\n2\nNOTE", "2", "report, 2"),
        # a marker at a paragraph's end, before the next paragraph's number
        ("commentaries thereto; 3\n2.\nExpresses its thanks;\nNOTE", "3", "thereto; 3"),
        # a marker set apart by spaces inside a line
        ("its third session, 1 which contains\nNOTE", "1", "session, 1"),
        # a number that counts something is still no marker
        ("the States, 2 3 and 4 of them\nNOTE", "2", None),
    ],
)
def test_find_anchor_never_takes_a_number_that_opens_a_line(
    text: str, marker: str, found: str | None
) -> None:
    """Regression: in pdftotext's text of A/RES/78/109 note 1 was linked to paragraph
    number "1." and notes 2 and 3 to their own numbers, so their markers stayed in the
    clause text ("session, 1 which"): text exact 70.56 -> 75.65 on pdftotext's text of the
    99 PDFs once fixed. Rule: a number that opens a line is a paragraph's or a note's own,
    never a marker; a note's marker is looked for before the note's own number."""
    _assert_anchor(text, marker, found, MarkerStyle())


def _assert_anchor(text: str, marker: str, found: str | None, style: MarkerStyle) -> None:
    """The anchor found before "NOTE" is none, or ends ``found`` and is ``marker`` itself."""
    anchor = find_anchor(text, marker, text.index("NOTE"), None, style)
    if found is None:
        assert anchor is None
    else:
        assert anchor is not None
        assert text[anchor.start : anchor.end] == marker
        assert text[anchor.end - len(found) : anchor.end] == found


PDFTOTEXT_PAGE = """United Nations\tA/RES/78/1
General Assembly\tDistr.: General
10 October 2023

Seventy-eighth session
Agenda item 19

Resolution adopted by the General Assembly on 15 September 2023

78/1. Political declaration of the high-level political forum on sustainable
development convened under the auspices of the General Assembly

The General Assembly,

Recalling its resolution 70/1 of 25 September 2015,

1.
Adopts the political declaration of the forum, held at the Sustainable Development
Goals Summit, 1 as annexed to the present resolution;
__________________
1

23-20100 (E)

High-level political forum on sustainable development convened under the auspices of the
General Assembly (Sustainable Development Goals Summit).

271023

*2320100*
\f
A/RES/78/1

Political declaration of the high-level political forum on sustainable
development convened under the auspices of the General Assembly

2.
Decides to remain seized of the matter.
"""


@pytest.mark.issue(16)
def test_a_notes_words_that_the_running_title_repeats_are_the_notes_text() -> None:
    """Regression: pdftotext printed note 1 of A/RES/78/1 as "1", the job number, then
    its text, whose first line the running title repeats: the line was cut as a running
    header and the note came back empty ("footnote.no_text"). Rule: in a page's notes, a
    line after a note's bare number is that note's text, even where it repeats the
    running title; a line with a slash (the symbol) is still furniture."""
    result = resparse.parse(PDFTOTEXT_PAGE)
    (note,) = result.footnotes
    assert note.text.startswith("High-level political forum on sustainable development")
    assert note.text.endswith("(Sustainable Development Goals Summit).")
    assert "footnote.no_text" not in [d.code for d in result.diagnostics]
    assert [p.number for p in result.operative] == [1, 2]
    assert result.operative[0].text.endswith("Summit, as annexed to the present resolution;")
    assert result.uncovered() == []


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "marker", "found"),
    [
        # pdftotext sets a marker apart after a name: "United Nations 5 and"
        ("the Charter of the United Nations 5 and the Declaration\nNOTE", "5", "Nations 5"),
        ("the Secretary-General 10 and the oral report\nNOTE", "10", "Secretary-General 10"),
        # a number after a word that counts is no marker
        ("as set out in Article 5 and in its rules\nNOTE", "5", None),
        ("to achieve Goal 16 and its targets\nNOTE", "16", None),
        # a decimal, or a number in a list, is no marker either
        ("specifically target 16.4, which aims at\nNOTE", "4", None),
        ("for programmes 2, 10, 17, 25 and 26\nNOTE", "10", None),
        # a marker after a year and its comma still is one
        ("of 12 August 1949, 2 continue to apply\nNOTE", "2", "1949, 2"),
    ],
)
def test_find_anchor_after_a_name_or_a_year(text: str, marker: str, found: str | None) -> None:
    """Regression: on pdftotext's and pypdf's text of the GA 78 PDFs a marker set apart by
    spaces after a name stayed in the text ("United Nations 5 and"), and a decimal or a
    list of numbers lost a number ("target 16.", "programmes 2, , 17"). Rule: after a
    capitalized word that is not one the language counts with ("Article", "Goal"), a
    number set apart by spaces before a small letter or punctuation may be a marker,
    where none stands against a word or punctuation; a decimal, a number in a list or one
    that opens a line never is; after a year and its comma it may be."""
    from resparse._language import profile  # noqa: PLC0415

    _assert_anchor(text, marker, found, MarkerStyle(counting_words=profile("en").counting_words))


def test_markers_take_every_number_set_apart_on_many_lines() -> None:
    """Each of many numbers alone on their lines between two lines that go on is a
    candidate (the search steps over a few characters around each, never the text before
    it: the first version copied that text for every number, quadratic on long texts)."""
    text = "word\n12\nnext\n" * 2000
    found = Markers(text, 0, len(text), decimal_comma=False)
    assert len(found.plain.get("12", [])) == 2000


_UNRULED = "The General Assembly,\n\n"


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("body", "clauses", "paragraphs", "notes"),
    [
        # a note between two clauses
        (
            (
                "Recalling its resolution 70/1,\n\nNoting the report,1\n\n1 A/80/1.\n\n"
                "Welcoming the plan,\n\n1. Decides to remain seized of the matter."
            ),
            ["Recalling its resolution 70/1,", "Noting the report,", "Welcoming the plan,"],
            ["Decides to remain seized of the matter."],
            [("1", "A/80/1.")],
        ),
        # notes whose words open with capitals, the marker a clause before them
        (
            (
                "Recalling the report of the Meeting,1\n\nNoting the initiatives,2\n\n"
                "1 Official Records of the General Assembly, Supplement No. 45.\n\n"
                "2 A/57/759.\n\nConvinced that participation is important,\n\n"
                "1. Takes note of the report;\n\n2. Requests the Secretary-General to report."
            ),
            [
                "Recalling the report of the Meeting,",
                "Noting the initiatives,",
                "Convinced that participation is important,",
            ],
            ["Takes note of the report;", "Requests the Secretary-General to report."],
            [
                ("1", "Official Records of the General Assembly, Supplement No. 45."),
                ("2", "A/57/759."),
            ],
        ),
        # notes in the middle of a sentence, one of them wrapped over two lines
        (
            (
                "Recalling its resolution 70/1,1\n\n1. Urges work on the treaty2 on the prevention of the\n\n"
                "1 See CD/1839.\n\n2 Argentina, Armenia,\nBelarus and Brazil.\n\n"
                "threat of force against objects in orbit;\n\n2. Decides to remain seized."
            ),
            ["Recalling its resolution 70/1,"],
            [
                (
                    "Urges work on the treaty on the prevention of the threat of force against "
                    "objects in orbit;"
                ),
                "Decides to remain seized.",
            ],
            [("1", "See CD/1839."), ("2", "Argentina, Armenia, Belarus and Brazil.")],
        ),
    ],
    ids=["between-clauses", "capitals", "mid-sentence"],
)
def test_notes_printed_with_no_rule_above_them_are_notes(
    body: str, clauses: list[str], paragraphs: list[str], notes: list[tuple[str, str]]
) -> None:
    """Regression (GA 80/13, 80/20, 80/27 as PDF text with the rule over the notes dropped,
    outside the development set): "1 A/80/1." was glued into the clause before it, its
    marker left in the text, or read as operative paragraph 1 that swallowed the rest,
    silently. Rule: a line set apart by a blank that opens with the next note's number
    (no full stop, no operative verb) while a marker of that number stands in the text
    since the last note is a note; after a blank only the next note's number goes on."""
    r = resparse.parse(_UNRULED + body + "\n")
    assert [c.text for c in r.preamble] == clauses
    assert [p.text for p in r.operative] == paragraphs
    assert [(n.marker, n.text) for n in r.footnotes] == notes
    assert not r.diagnostics


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    "body",
    [
        # a paragraph numbered without its full stop stays a paragraph
        "Noting the report,1\n\n1 Decides to remain seized of the matter.",
        # a number with no marker of it in the text opens no note
        "Noting the report,\n\n1 A/80/1.\n\n2. Decides to act.",
    ],
    ids=["paragraph", "no-marker"],
)
def test_a_line_that_opens_with_a_number_is_no_note_without_its_marker(body: str) -> None:
    """The other side of the rule above: no note is made of a paragraph or of a number
    that no marker in the text calls for."""
    r = resparse.parse(_UNRULED + body + "\n")
    assert not r.footnotes


@pytest.mark.issue(16)
def test_a_note_in_brackets_after_the_adoption_record_is_a_note() -> None:
    """Regression (GA texts of session 79 in Arabic, outside the development set): the
    note "(1) United Nations, Treaty Series ..." after the meeting line was unclassified
    and its marker "الميثاق(1)" stayed in the clause, silently. Rule: after the adoption
    record, a line that opens with a number in brackets is a note, like "1 Text"."""
    text = (
        "إن الجمعية العامة،\n\nإذ تشير إلى المادة 3 من الميثاق(1) التي يُعهد بموجبها،\n\n"
        "1 - تطلب إلى الأمين العام أن يقدم تقريرا.\n\nالجلسة العامة 39\n"
        "18 تشرين الثاني/نوفمبر 2024\n\n(1) United Nations, Treaty Series, vol. 70, No. 241.\n"
    )
    r = resparse.parse(text)
    assert [c.text for c in r.preamble] == ["إذ تشير إلى المادة 3 من الميثاق التي يُعهد بموجبها،"]
    assert [(n.marker, n.text) for n in r.footnotes] == [
        ("1", "United Nations, Treaty Series, vol. 70, No. 241.")
    ]
    assert not r.unclassified


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("ending", "number"),
    [("Supplément no", "8 (E/2009/28), chap. I."), ("vol.", "1015, No. 14860.")],
)
def test_a_note_line_that_ends_on_a_counting_word_goes_on_with_its_number(
    ending: str, number: str
) -> None:
    """Regression (a French ECOSOC reference outside the development set): a note
    wrapped after "Supplément no" put its "8 (E/2009/28)" on the next line, which became
    note 8, swallowing note 7, whose marker stayed in the clause, silently. Rule: a
    number that opens a note's line right after a word a count follows ("no", "No.",
    "vol.", "para.", "№") is that count."""
    text = (
        "L'Assemblée générale,\n\nRappelant le rapport,6 et le document final,7\n\n"
        "1. Décide de poursuivre.\n\n__________________\n"
        f"6 Documents officiels, {ending}\n{number}\n7 A/64/1.\n"
    )
    r = resparse.parse(text)
    assert [(n.marker, n.text) for n in r.footnotes] == [
        ("6", f"Documents officiels, {ending} {number}"),
        ("7", "A/64/1."),
    ]
    assert r.preamble[0].text == "Rappelant le rapport, et le document final,"


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the report of the Secretary-General, 2and expressing", "2"),
        ("at its 2nd meeting, 2nd session", None),
        ("the Council, 2e séance", None),
    ],
)
def test_a_marker_glued_to_the_next_word_after_a_comma(text: str, found: str | None) -> None:
    """Regression (GA 80/61 as markdown, outside the development set): "Secretary-General,
    2and expressing" kept "2and" in the clause though note 2 stood below, silently. Rule:
    after a comma and a space, a number glued to a word in small letters is a marker, as
    no count is printed so; an ordinal ("2nd", "1er") is none."""
    span = find_anchor(text, "2", len(text), None, MarkerStyle())
    assert (text[span.start : span.end] if span else None) == found
    full = (
        f"The General Assembly,\n\nTaking note of {text},\n\n1. Decides to act.\n\n"
        "__________\n2 A/80/122.\n"
    )
    r = resparse.parse(full)
    assert (r.footnotes[0].anchor is not None) == (found is not None)
