"""The Akoma Ntoso reader against six real UN resolutions (fixtures/akn) and unsafe XML.

The fixtures are unofficial copies of United Nations documents from the UN's UNxml
repositories; see fixtures/akn/README.md for their origin.
"""

from __future__ import annotations

import datetime as dt
import pathlib
import socket
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("lxml", reason="the Akoma Ntoso reader needs lxml")

import resparse
from resparse.errors import InputError, UnsafeInputError
from resparse.readers.akn import from_akn, render_akn

if TYPE_CHECKING:
    from collections.abc import Iterator

    from resparse.model import OperativeParagraph, PreambularClause, Resolution, Span

AKN = pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "akn"
FILES = sorted(AKN.glob("*.xml"))
NAMES = [path.name for path in FILES]


def read(name: str) -> Resolution:
    return from_akn(AKN / name)


def units(res: Resolution) -> list[PreambularClause | OperativeParagraph]:
    return [*res.preamble, *res.operative]


def spans_of(res: Resolution) -> Iterator[tuple[str, Span]]:
    yield from ((f"header.{name}", span) for name, span in res.header.spans.items())
    yield from (("agenda", item.span) for item in res.header.agenda_items)
    for unit in units(res):
        yield "unit", unit.span
        if unit.lead_span is not None:
            yield "lead", unit.lead_span
    for top in (top for para in res.operative for top in para.subparagraphs):
        yield from ((f"sub {sub.label}", sub.span) for sub in top.walk())
    for note in res.footnotes:
        yield "footnote", note.span
        if note.anchor is not None:
            yield "anchor", note.anchor
    yield from (("vote", part.span) for part in res.votes)
    yield from (("heading", part.span) for part in res.headings)
    yield from (("annex", part.span) for part in res.annexes)
    yield from (("furniture", part.span) for part in res.furniture)
    yield from (("unclassified", part.span) for part in res.unclassified)


def raw(res: Resolution, span: Span | None) -> str:
    assert span is not None
    return res.source[span.start : span.end]


# --- invariants over every fixture ------------------------------------------------------


def test_six_fixtures_are_there() -> None:
    assert len(FILES) == 6


@pytest.mark.parametrize("name", NAMES)
def test_every_span_lies_inside_the_source(name: str) -> None:
    res = read(name)
    for kind, span in spans_of(res):
        assert 0 <= span.start <= span.end <= len(res.source), (kind, span)


@pytest.mark.parametrize("name", NAMES)
def test_leads_are_the_text_under_their_spans(name: str) -> None:
    res = read(name)
    italics = render_akn(AKN / name).italics or ()
    for unit in units(res):
        if unit.lead is None:
            continue
        assert unit.lead_italic is True
        assert raw(res, unit.lead_span) == unit.lead
        assert unit.lead_span is not None
        assert unit.span.contains(unit.lead_span)
        assert any(i.start <= unit.lead_span.start < i.end for i in italics)


@pytest.mark.parametrize("name", NAMES)
def test_rendering_is_deterministic_and_is_the_source(name: str) -> None:
    path = AKN / name
    first, second = render_akn(path), render_akn(path)
    assert first == second
    assert render_akn(path.read_bytes()).text == first.text
    assert render_akn(path.read_text(encoding="utf-8")).text == first.text
    assert from_akn(path).source == first.text
    assert first.reader == "akn"
    assert first.path == str(path)


@pytest.mark.parametrize("name", NAMES)
def test_italics_and_anchors(name: str) -> None:
    doc = render_akn(AKN / name)
    res = read(name)
    assert doc.italics
    assert list(doc.italics) == sorted(doc.italics)
    for span in doc.italics:
        text = doc.text[span.start : span.end]
        assert text
        assert text == text.strip()
    for note in res.footnotes:
        assert note.anchor is not None
        assert raw(res, note.anchor) == note.marker
        assert note.anchor in (doc.superscripts or ())
        assert raw(res, note.span).startswith(f"{note.marker}\t")
        assert note.anchor.end <= note.span.start


@pytest.mark.parametrize("name", NAMES)
def test_clean_texts_carry_no_markers_and_no_runs_of_spaces(name: str) -> None:
    res = read(name)
    for unit in units(res):
        assert "  " not in unit.text
        assert "\t" not in unit.text
        assert "\n" not in unit.text
    anchored = {(n.anchor.start, n.anchor.end) for n in res.footnotes if n.anchor}
    for clause in res.preamble:
        for start, end in anchored:
            if clause.span.start <= start < clause.span.end:
                marker = res.source[start:end]
                before = res.source[clause.span.start : start].split()[-1].rstrip(marker)
                assert before + marker not in clause.text


# --- A/RES/78/109: a plain General Assembly resolution ------------------------------------


def test_plain_ga_layout() -> None:
    text = render_akn(AKN / "A_RES_78_109.xml").text
    cover = [
        "United Nations",
        "A/RES/78/109",
        "General Assembly",
        "Distr.: General",
        "11 December 2023",
        "Seventy-eighth session",
        "Agenda item 79",
        (
            "Report of the International Law Commission on the work of its seventy-third and "
            "seventy-fourth sessions"
        ),
        "Resolution adopted by the General Assembly on 7 December 2023",
        "[on the report of the Sixth Committee (A/78/435, para. 11)]",
        "",
        "78/109. Peremptory norms of general international law (jus cogens)",
        "",
        "The General Assembly,",
    ]
    assert text.split("\n")[: len(cover)] == cover
    assert "seventy-third session,1 which contains" in text
    assert "\n1.\tWelcomes the conclusion" in text
    assert (
        "\n\n45th plenary meeting\n7\xa0December 2023\n\n__________________\n1\tOfficial Records"
        in text
    )
    assert text.endswith("www.un.org/en/ga/sixth/.\n")


def test_plain_ga_header() -> None:
    res = read("A_RES_78_109.xml")
    h = res.header
    assert h.symbol == "A/RES/78/109"
    assert h.body == "General Assembly"
    assert h.distribution == "General"
    assert h.issued == dt.date(2023, 12, 11)
    assert h.session == 78
    assert h.session_title == "Seventy-eighth session"
    assert h.adoption_line == "Resolution adopted by the General Assembly on 7 December 2023"
    assert h.adopted == dt.date(2023, 12, 7)
    assert h.report_line == "[on the report of the Sixth Committee (A/78/435, para. 11)]"
    assert h.number == "78/109"
    assert h.title == "Peremptory norms of general international law (jus cogens)"
    assert h.enacting_formula == "The General Assembly,"
    assert h.publisher == "United Nations"
    (item,) = h.agenda_items
    assert item.number == "79"
    assert item.title is not None
    assert item.title.startswith("Report of the International Law Commission")
    assert raw(res, item.span).startswith("Agenda item 79\nReport of")
    assert raw(res, h.span_of("symbol")) == "A/RES/78/109"
    assert raw(res, h.span_of("title")) == h.title
    assert raw(res, h.span_of("number")) == "78/109."
    assert raw(res, h.span_of("enacting_formula")) == "The General Assembly,"
    expected = {"publisher", "symbol", "body", "distribution", "issued", "session", "session_title"}
    expected |= {"adoption_line", "adopted", "report_line", "number", "title", "enacting_formula"}
    assert set(h.spans) == expected


def test_plain_ga_parts() -> None:
    res = read("A_RES_78_109.xml")
    assert [c.lead for c in res.preamble] == [
        "Having considered",
        "Taking note",
        "Emphasizing",
        "Noting",
    ]
    assert [c.index for c in res.preamble] == [1, 2, 3, 4]
    assert res.preamble[0].text.startswith("Having considered chapter IV of the report")
    assert "seventy-third session, which contains" in res.preamble[0].text
    assert [p.number for p in res.operative] == [1, 2, 3, 4]
    leads = ["Welcomes", "Expresses its appreciation", "Takes note", "Also takes note"]
    assert [p.lead for p in res.operative] == leads
    assert res.operative[0].text.startswith("Welcomes the conclusion")
    assert raw(res, res.operative[0].span).startswith("1.\tWelcomes")
    assert [n.marker for n in res.footnotes] == ["1", "2", "3", "4"]
    assert res.footnotes[1].text == "Ibid., para. 41."
    assert res.source[: res.footnotes[0].anchor.end].endswith("session,1")  # type: ignore[union-attr]
    assert [f.kind for f in res.furniture] == ["separator"]
    vote = res.vote
    assert vote is not None
    assert vote.method == "without_vote"
    assert vote.meeting == "45th plenary meeting"
    assert vote.date == dt.date(2023, 12, 7)
    assert vote.in_favour is None
    assert raw(res, vote.span) == "45th plenary meeting\n7\xa0December 2023"
    assert res.reader == "akn"
    assert res.language == "en"
    assert res.uncovered() == []
    assert res.diagnostics == ()


# --- A/RES/78/64: sub-paragraph lists and many footnotes -----------------------------------


def test_lists_and_footnotes() -> None:
    res = read("A_RES_78_64.xml")
    assert len(res.preamble) == 9
    assert [p.number for p in res.operative] == list(range(1, 16))
    para = res.operative[7]
    assert para.lead == "Recalls"
    assert para.text.startswith("Recalls the following decisions by the Sixth Review Conference")
    assert "(a)" not in para.text
    assert [s.label for s in para.subparagraphs] == ["a", "b", "c", "d", "e"]
    assert [s.label for s in para.subparagraphs[3].subparagraphs] == ["i", "ii", "iii", "iv", "v"]
    sub_a = para.subparagraphs[0]
    assert raw(res, sub_a.span).startswith("(a)\tTo continue the work")
    assert sub_a.text.startswith("To continue the work")
    assert "Convention,12 adhering" not in sub_a.text
    assert "Convention, adhering" in sub_a.text
    assert para.span.contains(para.subparagraphs[-1].span)
    assert para.subparagraphs[3].span.contains(para.subparagraphs[3].subparagraphs[-1].span)
    assert [n.marker for n in res.footnotes] == [str(i) for i in range(1, 17)]
    assert res.footnotes[0].text == "United Nations, Treaty Series, vol. 1342, No. 22495."
    assert res.uncovered() == []


# --- A/RES/77/256 A-B: a resolution in two parts -----------------------------------------


def test_parts() -> None:
    res = read("A_RES_77_256_A-B.xml")
    text = res.source
    assert res.header.symbol == "A/RES/77/256 A-B"
    assert res.header.number == "77/256"
    assert res.header.title == "United Nations common system"
    assert "\n\n77/256. United Nations common system\n\nA\n\nThe General Assembly,\n" in text
    assert "\n\nB\n\nThe General Assembly,\n" in text
    assert [c.part for c in res.preamble[:2]] == ["A", "A"]
    assert {c.part for c in res.preamble[2:]} == {"B"}
    assert [p.number for p in res.operative if p.part == "A"] == [1, 2, 3, 4, 5]
    assert [v.part for v in res.votes] == ["A", "B"]
    assert res.vote == res.votes[0]
    assert all(v.method == "without_vote" for v in res.votes)
    assert res.votes[0].meeting == "56th (resumed) plenary meeting"
    assert res.votes[0].span.end < res.votes[1].span.start


def test_quoted_articles_become_sub_paragraphs_of_the_paragraph_before() -> None:
    res = read("A_RES_77_256_A-B.xml")
    first = res.operative[0]
    assert first.lead == "Recalls"
    assert [s.label for s in first.subparagraphs] == ["a", "b", "c", "d", "a", "b", "c"]
    assert first.subparagraphs[0].text.startswith("The broad principles")
    assert "The Commission shall make recommendations to the General Assembly on:" in first.text
    assert "Article 10" not in first.text
    headings = [h.text for h in res.headings]
    assert "Article 10" in headings
    assert "Article 11" in headings
    assert raw(res, first.span).startswith("1.\tRecalls")
    assert first.span.contains(next(h.span for h in res.headings if h.text == "Article 11"))
    codes = {d.code for d in res.diagnostics}
    assert {"akn.sub_outside_list", "akn.preamble_in_body", "akn.vote_inherited"} <= codes


def test_section_preambles_are_clauses() -> None:
    res = read("A_RES_77_256_A-B.xml")
    sections = [
        c for c in res.preamble if c.span.start > res.operative[0].span.start and c.part == "B"
    ]
    assert [c.lead for c in sections[-2:]] == ["Recalling", "Recalling"]
    assert sections[-1].text.startswith("Recalling section I.B of its resolution 51/216")


# --- A/RES/77/5: an annex ------------------------------------------------------------------


def test_annex() -> None:
    res = read("A_RES_77_5.xml")
    (annex,) = res.annexes
    assert annex.label == "Annex"
    assert annex.title is not None
    assert annex.title.startswith("Organizational arrangements for the plenary meetings")
    assert annex.text
    assert res.vote is not None
    assert res.vote.span.end < annex.span.start
    assert annex.span.end < res.furniture[0].span.start
    assert raw(res, annex.span).startswith("Annex\nOrganizational arrangements")
    assert res.operative[0].number is None
    assert res.operative[0].lead == "Decides"
    assert res.uncovered() == []


# --- Security Council ---------------------------------------------------------------------


def test_security_council_2020() -> None:
    res = read("S_RES_2547_2020.xml")
    h = res.header
    assert h.symbol == "S/RES/2547 (2020)"
    assert h.body == "Security Council"
    assert h.number == "2547 (2020)"
    assert raw(res, h.span_of("number")) == "Resolution 2547 (2020)"
    assert h.title is None
    assert h.session is None
    assert h.enacting_formula == "The Security Council,"
    assert h.adopted == dt.date(2020, 10, 15)
    assert h.adoption_line is not None
    assert h.adoption_line.startswith("Adopted by the Security Council at its 8768th meeting")
    assert [c.lead for c in res.preamble] == ["Recalling", "Recalling", "Reiterating"]
    assert [(p.number, p.lead) for p in res.operative] == [(1, "Decides"), (2, "Decides")]
    vote = res.vote
    assert vote is not None
    assert (vote.method, vote.in_favour, vote.against, vote.abstaining) == ("recorded", 13, 0, 2)
    assert vote.abstaining_states == ("CHINA", "RUSSIAN FEDERATION")
    assert len(vote.in_favour_states) == 13
    assert vote.meeting == "8768th meeting"
    assert vote.date == dt.date(2020, 10, 15)
    assert vote.span == h.span_of("adoption_line")
    assert "RUSSIAN FEDERATION" not in res.source  # the printed text carries no vote


def test_security_council_2022() -> None:
    res = read("S_RES_2623_2022.xml")
    assert res.header.number == "2623 (2022)"
    assert [c.lead for c in res.preamble] == ["Having considered", "Taking into account"]
    assert [(p.number, p.lead) for p in res.operative] == [(None, "Decides")]
    vote = res.vote
    assert vote is not None
    assert (vote.in_favour, vote.against, vote.abstaining) == (11, 1, 3)
    assert vote.against_states == ("RUSSIAN FEDERATION",)
    assert vote.abstaining_states == ("CHINA", "INDIA", "UNITED ARAB EMIRATES")
    assert vote.meeting == "8980th meeting"


# --- untrusted input ------------------------------------------------------------------------

MINIMAL = (
    '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
    '<statement name="resolution"><preamble><formula name="enactingFormula">'
    '<p><span class="italic">The General Assembly</span>,</p></formula>'
    '<container name="Recalling"><p>\t<span class="italic">Recalling</span> {body}</p></container>'
    "</preamble></statement></akomaNtoso>"
)
LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE akomaNtoso [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
""" + MINIMAL.format(body="&lol4;")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        msg = "network access attempted"
        raise AssertionError(msg)

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_minimal_document_reads() -> None:
    res = from_akn(MINIMAL.format(body="its resolution 1/1,"))
    assert res.source == "The General Assembly,\nRecalling its resolution 1/1,\n"
    assert res.preamble[0].lead == "Recalling"


@pytest.mark.usefixtures("no_network")
def test_billion_laughs_is_refused() -> None:
    with pytest.raises(UnsafeInputError):
        from_akn(LAUGHS)
    with pytest.raises(UnsafeInputError):
        render_akn(LAUGHS.encode("utf-8"))


@pytest.mark.usefixtures("no_network")
def test_utf16_entities_are_refused() -> None:
    with pytest.raises(UnsafeInputError):
        render_akn(LAUGHS.replace('<?xml version="1.0"?>', "").encode("utf-16"))


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("url", ["http://example.invalid/akn.dtd", "file:///etc/hostname"])
def test_external_dtd_is_refused(url: str) -> None:
    xml = f'<!DOCTYPE akomaNtoso SYSTEM "{url}">\n' + MINIMAL.format(body="text")
    with pytest.raises(UnsafeInputError):
        from_akn(xml)
    public = f'<!DOCTYPE akomaNtoso PUBLIC "-//UN//AKN" "{url}">\n' + MINIMAL.format(body="text")
    with pytest.raises(UnsafeInputError):
        render_akn(public)


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("url", ["http://example.invalid/secret", "file:///etc/passwd"])
def test_external_entity_is_refused(url: str, tmp_path: pathlib.Path) -> None:
    xml = f'<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "{url}">]>\n' + MINIMAL.format(body="&xxe;")
    with pytest.raises(UnsafeInputError):
        from_akn(xml)
    path = tmp_path / "xxe.xml"
    path.write_text(xml, encoding="utf-8")
    with pytest.raises(UnsafeInputError) as caught:
        render_akn(path)
    assert caught.value.path == str(path)


@pytest.mark.usefixtures("no_network")
def test_parameter_entity_is_refused() -> None:
    xml = (
        '<!DOCTYPE akomaNtoso [<!ENTITY % remote SYSTEM "http://example.invalid/x.dtd"> %remote;]>\n'
        + MINIMAL.format(body="text")
    )
    with pytest.raises(UnsafeInputError):
        from_akn(xml)


def test_malformed_xml_is_an_input_error() -> None:
    with pytest.raises(InputError) as caught:
        from_akn("<akomaNtoso><statement></akomaNtoso>")
    assert not isinstance(caught.value, UnsafeInputError)


def test_other_xml_is_an_input_error() -> None:
    with pytest.raises(InputError, match="not Akoma Ntoso"):
        render_akn("<html><body/></html>")


def test_missing_file_is_an_input_error(tmp_path: pathlib.Path) -> None:
    with pytest.raises(InputError):
        render_akn(tmp_path / "absent.xml")


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE akomaNtoso [<!ENTITY xxe "inner">]>',
        '<!DOCTYPE akomaNtoso SYSTEM "http://example.invalid/akn.dtd">',
    ],
)
def test_the_parsed_tree_is_checked_too(doctype: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the byte scan, the parser still expands nothing and the tree check refuses."""
    from resparse.readers import akn  # noqa: PLC0415

    monkeypatch.setattr(akn, "_refuse_doctype", lambda _data, _path: None)
    body = "&xxe;" if "ENTITY" in doctype else "text"
    with pytest.raises(UnsafeInputError):
        from_akn(doctype + "\n" + MINIMAL.format(body=body))


# --- a lead the print set in roman --------------------------------------------------------

ROMAN = (
    '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
    '<statement name="resolution"><preamble><formula name="enactingFormula">'
    '<p><span class="italic">The General Assembly</span>,</p></formula>'
    '<container name="clause"><p>\t{clause}</p></container>'
    "</preamble></statement></akomaNtoso>"
)


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("clause", "lead", "italic"),
    [
        ('<span class="italic">Recalling</span> its resolution 1/1,', "Recalling", True),
        ("Recalling its resolution 1/1,", "Recalling", False),
        ("Deeply concerned by the situation,", "Deeply concerned", False),
        ("Recalling also its resolution 1/1,", "Recalling also", False),
        ('Recalling <span class="italic">Official Records</span>,', "Recalling", False),
        ("The Government of India should act,", None, False),
    ],
)
def test_from_akn_reads_a_lead_without_italics_by_its_words(
    clause: str, lead: str | None, italic: bool
) -> None:
    """The UN's converter leaves a lead the print set in roman as plain text."""
    res = from_akn(ROMAN.format(clause=clause))
    assert res.preamble[0].lead == lead
    assert res.preamble[0].lead_italic is italic
    span = res.preamble[0].lead_span
    assert (res.source[span.start : span.end] if span else None) == lead


@pytest.mark.issue(5)
def test_from_akn_reads_the_roman_recalling_of_a_res_78_263() -> None:
    """Regression: its first clause had no lead, unlike the same PDF read by parse_file."""
    res = from_akn(AKN / "slips" / "A_RES_78_263.xml")
    first, second = res.preamble[:2]
    assert (first.lead, first.lead_italic) == ("Recalling", False)
    assert first.text.startswith("Recalling the report of the Open-ended Ad Hoc Working Group")
    assert (second.lead, second.lead_italic) == ("Recalling also", True)
    assert sum(c.lead_italic is False for c in res.preamble) == 1


# --- lettered parts that a table parts -------------------------------------------------------

PARTS = (
    '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
    '<statement name="resolution"><preamble><formula name="enactingFormula">'
    '<p><span class="italic">The General Assembly</span>,</p></formula></preamble>'
    '<mainBody><paragraph eId="para_1"><num>1.</num><list eId="l"><intro eId="i"><p>'
    '<span class="italic">Approves</span> the changes set out in the table below:</p></intro>'
    '<point eId="p"><num>{first}</num><content eId="c"><p>Pension Administration</p></content>'
    "</point></list></paragraph>"
    '<container name="table" eId="t"><p>New post P-4 1</p></container>'
    '<paragraph eId="para_2"><num>{second}</num><content eId="c2">'
    "<p>Office of Investment Management</p></content></paragraph>"
    "</mainBody></statement></akomaNtoso>"
)


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("first", "second", "labels"),
    [
        ("A.", "B.", ["A", "B"]),  # the next letter after the table goes on with the list
        ("A.", "C.", ["A"]),  # a letter that does not follow is a heading
        ("(a)", "B.", ["a"]),  # so is "B." after a list of small letters
    ],
)
def test_from_akn_reads_the_next_lettered_part_after_a_table(
    first: str, second: str, labels: list[str]
) -> None:
    res = from_akn(PARTS.format(first=first, second=second))
    paragraph = res.operative[0]
    assert [s.label for s in paragraph.subparagraphs] == labels
    assert len(res.operative) == 1
    # the table after a lettered part is its own; after "(a)" it is the paragraph's
    table_in_part = paragraph.subparagraphs[0].text.endswith("New post P-4 1")
    assert table_in_part is (first == "A.")


@pytest.mark.issue(5)
def test_from_akn_reads_both_parts_of_the_staffing_table_of_a_res_77_258() -> None:
    """Regression: part B, a paragraph of its own in the UN's file, was read as a heading."""
    res = from_akn(AKN / "slips" / "A_RES_77_258.xml")
    paragraph = next(p for p in res.operative if "staffing table" in p.text)
    assert paragraph.number == 35
    first, second = paragraph.subparagraphs
    assert (first.label, second.label) == ("A", "B")
    # each part keeps its table; the paragraph keeps its own words
    assert first.text.startswith("Pension Administration Action Title of post")
    assert second.text.startswith("Office of Investment Management Action Title of post")
    assert paragraph.text == (
        "Approves the changes to the staffing table as set out in the table below:"
    )
    assert "akn.sub_outside_list" in {d.code for d in res.diagnostics}


HEADING_PARTS = (
    '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
    '<statement name="resolution"><meta><identification source="#un"><FRBRWork>'
    '<FRBRlanguage language="{language}"/></FRBRWork></identification></meta>'
    '<preamble><formula name="enactingFormula">'
    '<p><span class="italic">The General Assembly</span>,</p></formula></preamble>'
    '<mainBody><paragraph eId="para_1"><num>1.</num><content eId="c1"><p>'
    '<span class="italic">Approves</span> the changes set out in the table below{end}</p>'
    "</content></paragraph>"
    '<paragraph eId="para_2"><num>{num}</num><heading>{first}</heading></paragraph>'
    '<container name="table" eId="t"><p>New post P-4 1</p></container>'
    '<paragraph eId="para_3"><heading>{second}</heading></paragraph>'
    "</mainBody></statement></akomaNtoso>"
)


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("fields", "labels"),
    [
        # A/RES/75/246: the parts are headings, the letter in the num and the heading
        (("eng", ":", "A.", "A.\tPension Administration", "B.\tOffice"), ["A", "B"]),
        # the Arabic text of A/RES/77/258 names the letters: "ألف -", "باء -"
        (("ara", ":", "", "ألف -\tإدارة المعاشات", "باء -\tمكتب"), ["ألف", "باء"]),
        # without the colon they stay headings
        (("eng", ";", "A.", "A.\tPension Administration", "B.\tOffice"), []),
    ],
)
def test_from_akn_reads_headings_that_are_lettered_parts(
    fields: tuple[str, str, str, str, str], labels: list[str]
) -> None:
    language, end, num, first, second = fields
    xml = HEADING_PARTS.format(language=language, end=end, num=num, first=first, second=second)
    res = from_akn(xml)
    paragraph = res.operative[0]
    assert [s.label for s in paragraph.subparagraphs] == labels
    if labels:
        assert paragraph.subparagraphs[0].text.endswith("New post P-4 1")
        assert "akn.heading_part" in {d.code for d in res.diagnostics}
    # the letter is printed once, before the part's words
    assert res.source.count(num or first.split(maxsplit=1)[0]) == 1


@pytest.mark.issue(18)
@pytest.mark.parametrize("encoding", ["utf-16-be", "utf-16-le", "utf-32-le", "utf-32-be", "cp500"])
def test_reader_akn_entities_are_refused_in_any_encoding(encoding: str) -> None:
    declaration = f'<?xml version="1.0" encoding="{encoding}"?>'
    xml = declaration + '<!DOCTYPE a [<!ENTITY e "x">]><akomaNtoso>&e;</akomaNtoso>'
    with pytest.raises(UnsafeInputError, match="entities"):
        from_akn(xml.encode(encoding))  # no byte-order mark


TYPED_WITHOUT_PERIOD = (
    '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
    '<statement name="resolution"><meta><identification source="#un"><FRBRWork>'
    '<FRBRlanguage language="eng"/></FRBRWork></identification></meta>'
    '<preamble><formula name="enactingFormula">'
    '<p><span class="italic">The General Assembly</span>,</p></formula></preamble>'
    '<mainBody><paragraph eId="para_1"><num>17.</num><content eId="c1"><p>'
    '<span class="italic">Requests</span> the Secretary-General to report;</p>'
    "</content></paragraph>"
    '<paragraph eId="para_2"><content eId="c2"><p>\t{typed}\t'
    '<span class="italic">Appropriates</span> an amount of 10,902,400 dollars;</p>'
    "</content></paragraph></mainBody></statement></akomaNtoso>"
)


@pytest.mark.issue(16)
@pytest.mark.parametrize(("typed", "numbers"), [("18", [17, 18]), ("25", [17])])
def test_from_akn_reads_the_next_number_typed_without_its_period(
    typed: str, numbers: list[int]
) -> None:
    """A/RES/77/263: "18\\tAppropriates" in a paragraph with no <num> is paragraph 18.

    Only the next number is read so; any other stays text of the paragraph before.
    """
    res = from_akn(TYPED_WITHOUT_PERIOD.format(typed=typed))
    assert [p.number for p in res.operative] == numbers
    if typed == "18":
        assert res.operative[1].text.startswith("Appropriates an amount")
        assert res.operative[1].lead == "Appropriates"


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("name", "sponsors"),
    [
        ("S_2023_792.xml", ("United States of America",)),
        ("S_2023_507.xml", ("Russian Federation",)),
    ],
)
def test_from_akn_reads_a_drafts_sponsors_line_as_its_sponsors(
    name: str, sponsors: tuple[str, ...]
) -> None:
    """The preface's docTitle refersTo="sponsors" names the sponsors, as the text does."""
    res = from_akn(AKN / "drafts" / name)
    assert res.header.sponsors == sponsors
    assert res.header.document_type == "draft resolution"
    assert res.header.title is None
    parsed = resparse.parse(res.source)
    assert parsed.header.sponsors == sponsors


# --- one builder for text and markup (issue 15) ----------------------------------------------

_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def _statement(body: str) -> bytes:
    return (
        f'<akomaNtoso xmlns="{_NS}"><statement name="resolution">{body}</statement></akomaNtoso>'
    ).encode()


@pytest.mark.issue(15)
def test_from_akn_makes_its_parts_with_the_text_builder(monkeypatch: pytest.MonkeyPatch) -> None:
    from resparse import _build  # noqa: PLC0415 - the builder's own helpers are watched

    made: list[str] = []
    clause, paragraph = _build._clause, _build._paragraph

    def watch_clause(*args: object, **kwargs: object) -> object:
        made.append("clause")
        return clause(*args, **kwargs)  # type: ignore[arg-type]

    def watch_paragraph(*args: object, **kwargs: object) -> object:
        made.append("paragraph")
        return paragraph(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(_build, "_clause", watch_clause)
    monkeypatch.setattr(_build, "_paragraph", watch_paragraph)
    res = from_akn(
        _statement(
            '<preamble><container name="pp"><p><i>Recalling</i> its work,</p></container>'
            "</preamble><mainBody><paragraph><num>1.</num><content><p><i>Decides</i> to act;"
            "</p></content></paragraph></mainBody>"
        )
    )
    assert made == ["clause", "paragraph"]
    assert (res.preamble[0].lead, res.operative[0].lead) == ("Recalling", "Decides")
    assert res.reader == "akn"


@pytest.mark.issue(15)
def test_build_marked_needs_a_markup_reading() -> None:
    from resparse import _build  # noqa: PLC0415
    from resparse._blocks import Segmentation  # noqa: PLC0415
    from resparse._language import profile  # noqa: PLC0415
    from resparse.model import Header  # noqa: PLC0415

    reading = _build.Reading(source="", profile=profile("en"), scope=None, italics=None)
    with pytest.raises(ValueError, match="marks"):
        _build.build_marked(reading, Segmentation(), _build.Marked(Header(), "en"))


@pytest.mark.issue(15)
@pytest.mark.parametrize(
    ("body", "text", "sub_labels"),
    [
        # the first child's text opens the line; a list after it gives the points
        (
            (
                "<content><p>Decides:</p></content><list><point><num>(a)</num><content><p>one;"
                "</p></content></point></list>"
            ),
            "Decides:",
            ["a"],
        ),
        # a list that opens the paragraph gives its intro to the paragraph's line
        (
            (
                "<list><intro><p>Requests:</p></intro><point><num>(a)</num><content><p>one;</p>"
                "</content></point><point><num>(b)</num><content><p>two.</p></content></point>"
                "</list>"
            ),
            "Requests:",
            ["a", "b"],
        ),
    ],
)
def test_operative_paragraph_first_text(body: str, text: str, sub_labels: list[str]) -> None:
    res = from_akn(_statement(f"<mainBody><paragraph><num>1.</num>{body}</paragraph></mainBody>"))
    (para,) = res.operative
    assert para.text == text
    assert [sub.label for sub in para.subparagraphs] == sub_labels


@pytest.mark.issue(15)
def test_annex_paragraph_first_text_is_one_line_and_its_list_the_next() -> None:
    res = from_akn(
        _statement(
            "<mainBody><paragraph><num>1.</num><content><p>Decides.</p></content></paragraph>"
            "</mainBody><attachments><attachment><doc name='annex'><mainBody><paragraph>"
            "<num>1.</num><blockList><listIntroduction>Terms:</listIntroduction><item>"
            "<num>(a)</num><p>first</p></item></blockList></paragraph></mainBody></doc>"
            "</attachment></attachments>"
        )
    )
    lines = res.source[res.annexes[0].span.start : res.annexes[0].span.end].splitlines()
    assert lines[0].startswith("1.\t")
    assert any(line.startswith("(a)\tfirst") for line in lines)


@pytest.mark.issue(15)
def test_a_marker_after_a_space_takes_the_space_back() -> None:
    from resparse.readers.akn._layout import _Block, _lay_out  # noqa: PLC0415

    block = _Block()
    block.text("word ")
    tag = block.marker("note", "3")
    block.text(" more")
    layout = _lay_out(block)
    assert layout.text == "word3 more"
    assert layout.text[tag.start : tag.end] == "3"


@pytest.mark.issue(18)
def test_reader_akn_cover_field_with_its_value_on_the_next_line_stays_covered() -> None:
    """ "Distr." alone on its line: the field has no value, but its line is read, not lost.

    Found by the round-trip property test: from_akn dropped the span of a cover field whose
    kept value was empty, and the "Distr." line came back uncovered.
    """
    seed = (pathlib.Path(__file__).parent.parent / "fixtures" / "A_HRC_RES_46_13.txt").read_text(
        encoding="utf-8"
    )
    text = seed.replace("Distr.: General", "Distr.\n: General", 1)
    r = resparse.parse(text)
    back = from_akn(r.to_akn())
    assert r.uncovered() == []
    assert back.uncovered() == []


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    "sub",
    [
        # a point whose own list opens with an intro (S/RES/1591 (2005), 3 (a))
        (
            "<list><point><num>(a)</num><list><intro><p>to establish a Committee:</p></intro>"
            "<point><num>(i)</num><content><p>to monitor;</p></content></point></list></point>"
            "</list>"
        ),
        # the same as a lettered paragraph after the numbered one (the markup of S/RES/1591)
        None,
    ],
)
def test_a_sub_paragraphs_list_intro_is_its_own_text(sub: str | None) -> None:
    intro = (
        "<list><intro><p>to establish a Committee:</p></intro><point><num>(i)</num><content>"
        "<p>to monitor;</p></content></point></list>"
    )
    if sub is None:
        body = (
            "<paragraph><num>1.</num><content><p>Decides,</p></content></paragraph>"
            f"<paragraph><num>(a)</num>{intro}</paragraph>"
        )
    else:
        body = f"<paragraph><num>1.</num><content><p>Decides,</p></content>{sub}</paragraph>"
    res = from_akn(_statement(f"<mainBody>{body}</mainBody>"))
    (para,) = res.operative
    assert para.text == "Decides,"
    (first,) = para.subparagraphs
    assert (first.label, first.text) == ("a", "to establish a Committee:")
    assert [(s.label, s.text) for s in first.subparagraphs] == [("i", "to monitor;")]
    assert res.uncovered() == []
