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
