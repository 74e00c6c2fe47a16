"""``parse()`` given a page's markup as a string reads it as ``parse_file`` would.

Regression: an HTML page passed to ``parse()`` came back with no clause at all (the
tags read as prose), where ``parse_file`` on the same page read every clause.
"""

from __future__ import annotations

import pathlib

import pytest

import resparse

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "fixtures"

PAGE = (
    "<!DOCTYPE html>\n<html><body>"
    "<p>The General Assembly,</p>\n"
    "<p><i>Recalling</i> its resolution 70/1 of 25 September 2015,</p>\n"
    "<p>1.\t<i>Decides</i> to remain seized of the matter;</p>\n"
    "<p>2.\t<i>Requests</i> the Secretary-General to report.</p>"
    "</body></html>"
)


def test_html_string_is_read_by_the_html_reader() -> None:
    pytest.importorskip("selectolax")
    result = resparse.parse(PAGE)
    assert [c.lead for c in result.preamble] == ["Recalling"]
    assert [(p.number, p.lead) for p in result.operative] == [(1, "Decides"), (2, "Requests")]
    assert result.preamble[0].lead_italic is True
    notes = [d for d in result.diagnostics if d.code == "input.markup"]
    assert [d.severity for d in notes] == ["info"]
    assert "<p>" not in result.source
    span = result.operative[0].span
    assert result.source[span.start : span.end].endswith("seized of the matter;")


def test_html_fragment_is_read_as_html() -> None:
    pytest.importorskip("selectolax")
    body = PAGE.split("<body>", 1)[1].split("</body>", 1)[0]
    result = resparse.parse(body)
    assert [(p.number, p.lead) for p in result.operative] == [(1, "Decides"), (2, "Requests")]


def test_akn_string_reads_as_parse_file_reads_the_file() -> None:
    path = FIXTURES / "akn" / "A_RES_78_64.xml"
    from_string = resparse.parse(path.read_text(encoding="utf-8"))
    from_file = resparse.parse_file(path)
    assert from_string.preamble
    assert from_string.operative
    assert [c.text for c in from_string.preamble] == [c.text for c in from_file.preamble]
    assert [p.text for p in from_string.operative] == [p.text for p in from_file.operative]
    assert any(d.code == "input.markup" for d in from_string.diagnostics)


@pytest.mark.parametrize(
    "text",
    [
        "<untitled draft>\nThe General Assembly,\n1. Decides to act;",
        "  <Note>\nThe General Assembly,\n1. Decides to act;",
        "<p> marks a paragraph in the draft\nThe General Assembly,\n1. Decides to act;",
    ],
)
def test_text_opening_with_an_angle_bracket_stays_text(text: str) -> None:
    result = resparse.parse(text)
    assert not any(d.code == "input.markup" for d in result.diagnostics)
    assert result.source == text
    assert [p.number for p in result.operative] == [1]
