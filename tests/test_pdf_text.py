"""Text a PDF library reads from an official PDF, passed to ``parse()`` (issue 16).

pdfium's and pypdf's text keeps the page furniture and the footnotes where the pages
put them, joins a footer's two fields with one space, loses the italics and leaves a
footnote marker a space after its comma. Each test is a minimal text of that shape, and
the fixture PDFs, read by pdfium as a user's script reads them, must give the parse
that ``parse_file`` gives.
"""

from __future__ import annotations

import pathlib

import pytest

import resparse
from resparse._furniture import RunningTitle, furniture_of
from resparse._language import profile
from resparse._scan import scan

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "fixtures"

COVER = """United Nations A/RES/78/123
General Assembly Distr.: General
20 December 2023
Seventy-eighth session
Agenda item 68
Resolution adopted by the General Assembly on 18 December 2023
78/123. Commodities
The General Assembly,
Recalling its resolution 76/1 of 1 January 2022 on commodities and on the trade and
development of developing countries,
Recalling also the Plan of Implementation of the World Summit on Sustainable
Development 1
"""
NOTES = """__________________
1 Report of the World Summit on Sustainable Development, held on 4 and 5 September 2008,
28 and 29 June 2012 and 22 and 23 June 2023, respectively.
2 Resolution 60/288.
"""
END = """Reaffirming its resolution 70/1 of 25 September 2015, entitled “Transforming
our world: the 2030 Agenda for Sustainable Development”,
1. Welcomes the report of the Secretary-General on the trade of commodities and
development;
2. Decides to remain seized of the matter.
"""


def _furniture(text: str) -> str | None:
    line = scan(text)[0]
    return furniture_of(line, RunningTitle.of("A/RES/78/123", "Commodities"), profile("en"))


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("2/7 23-24925", "page_number"),
        ("23-24925 3/7", "job_number"),
        ("23-24925 (E) 3/7", "job_number"),
        ("6/18      23-23999", "page_number"),
        ("Resolution 2/7 of 1990", None),
        ("2/7 of the members", None),
        ("Commodities A/RES/78/123", "running_header"),
        ("A/RES/78/123 Commodities", "running_header"),
        ("Commodities and trade A/RES/78/123", None),
    ],
)
def test_a_footer_or_header_on_one_line(line: str, kind: str | None) -> None:
    """A page number and a job number joined by one space are a footer, in either order;
    the symbol beside the whole title is the running header, however short the title."""
    assert _furniture(line) == kind


@pytest.mark.issue(16)
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["LF", "CRLF"])
def test_a_page_break_in_pdf_library_text_keeps_every_clause(newline: str) -> None:
    """The notes, header and footer of a page break go out; the clauses around them stay."""
    text = COVER + NOTES + "A/RES/78/123 Commodities\n2/7 23-24925\n"
    text += "the outcome document of the Conference, entitled “The future we want”, 2\n" + END
    result = resparse.parse(text.replace("\n", newline))
    assert [c.lead for c in result.preamble] == ["Recalling", "Recalling also", "Reaffirming"]
    # the note's marker, set apart after the name at the page's foot, is cut out
    assert "Development the outcome document" in result.preamble[1].text
    assert result.footnotes[0].anchor is not None
    assert result.headings == ()
    assert {f.kind for f in result.furniture} >= {"page_number", "running_header"}
    assert [p.number for p in result.operative] == [1, 2]


@pytest.mark.issue(16)
def test_a_note_line_that_opens_with_a_date_goes_on_the_note_before() -> None:
    """ "28 and 29 June 2012" after note 1 is that note's next line, not note 28."""
    result = resparse.parse(COVER + NOTES + END)
    assert [f.marker for f in result.footnotes] == ["1", "2"]
    assert "28 and 29 June 2012" in result.footnotes[0].text


@pytest.mark.issue(16)
def test_a_note_the_text_lost_does_not_join_the_notes_after_it() -> None:
    """Notes 1, 2, 4, 5: the numbering may skip a note; "4" still opens one."""
    notes = "__________________\n1 Resolution 60/288.\n2 Ibid., annex.\n4 A/71/849.\n5 Resolution 70/1.\n"
    result = resparse.parse(COVER + notes + END)
    assert [f.marker for f in result.footnotes] == ["1", "2", "4", "5"]


@pytest.mark.issue(16)
def test_a_marker_apart_from_its_comma_ends_the_clause_not_a_heading() -> None:
    """A line ending "”, 5" closes its clause; it is no heading over the next one."""
    body = (
        NOTES
        + "A/RES/78/123 Commodities\n2/7 23-24925\n"
        + "and the United Nations Conference on Sustainable Development, held in Rio de Janeiro,\n"
        + "Brazil, from 20 to 22 June 2012, entitled “The future we want”, 2\n"
    )
    result = resparse.parse(COVER + body + END)
    assert result.headings == ()
    assert [c.lead for c in result.preamble] == ["Recalling", "Recalling also", "Reaffirming"]
    assert result.preamble[1].text.endswith("“The future we want”, 2")


@pytest.mark.issue(16)
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["LF", "CRLF"])
def test_a_marker_on_a_line_of_its_own_ends_the_clause_before_a_page_break(newline: str) -> None:
    """ "... 2019," then "3" then the page's notes: the clause ended; "Mindful" opens the next."""
    cover = COVER.replace(
        "Development 1\n", "Development, held in Baku on 25 and 26 October 2019,\n2\n"
    )
    body = NOTES + "A/RES/78/123 Commodities\n2/7 23-24925\n"
    body += "Mindful of the changes in international relations that have taken place since\n"
    body += "the adoption of the Final Document,\n"
    result = resparse.parse((cover + body + END).replace("\n", newline))
    leads = [c.lead for c in result.preamble]
    assert leads == ["Recalling", "Recalling also", "Mindful", "Reaffirming"]
    assert result.headings == ()


def _pdfium_text(path: pathlib.Path) -> str:
    """Each page's text as pypdfium2 gives it, the pages joined by a line end."""
    import pypdfium2  # type: ignore[import-untyped]  # noqa: PLC0415 - loads where used

    document = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


@pytest.mark.issue(16)
@pytest.mark.parametrize("name", sorted(p.name for p in (FIXTURES / "pdf").glob("*.pdf")))
def test_pdf_library_text_parses_as_the_pdf_does(name: str) -> None:
    """Without the italics, the same clauses, paragraphs, numbers, leads and headings as
    parse_file: a footnote marker on a line of its own ("2") is no heading."""
    path = FIXTURES / "pdf" / name
    from_pdf = resparse.parse_file(path)
    from_text = resparse.parse(_pdfium_text(path))
    assert from_text.header.symbol == from_pdf.header.symbol
    assert [c.lead for c in from_text.preamble] == [c.lead for c in from_pdf.preamble]
    assert [(p.number, p.lead) for p in from_text.operative] == [
        (p.number, p.lead) for p in from_pdf.operative
    ]
    # the texts differ where the markers are: plain text keeps them inline ("Committee, 4")
    assert [h.text for h in from_text.headings] == [h.text for h in from_pdf.headings]
