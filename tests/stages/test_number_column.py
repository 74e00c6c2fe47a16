"""The number-column stage: paragraph numbers printed apart from their text (table-driven)."""

from __future__ import annotations

import pytest

import resparse
from resparse import _classify
from resparse._language import profile
from resparse._number_column import FURNITURE_KIND, paired_numbers
from resparse._scan import scan

HEAD = "The General Assembly,\n\nRecalling its resolution 77/263,\n\n"
# A/RES/78/253 section I as pdfminer reads the official PDF (United Nations): the two
# numbers in a text box of their own, then the two paragraphs, the second broken in two
COLUMN = (
    "1.\n\n2.\n\nTakes note of the report of the Secretary-General;\n\n"
    "Endorses the conclusions and recommendations contained in the report of\n\n"
    "the Advisory Committee;\n"
)


def test_a_column_of_numbers_is_given_to_the_paragraphs_in_order() -> None:
    """Regression: paragraph 1 came back empty and paragraph 2 held both texts."""
    result = resparse.parse(HEAD + COLUMN)
    second = (
        "Endorses the conclusions and recommendations contained in the report of "
        "the Advisory Committee;"
    )
    assert [(p.number, p.text) for p in result.operative] == [
        (1, "Takes note of the report of the Secretary-General;"),
        (2, second),
    ]
    assert [(f.kind, f.text) for f in result.furniture] == [
        (FURNITURE_KIND, "1."),
        (FURNITURE_KIND, "2."),
    ]
    apart = [d for d in result.diagnostics if d.code == "operative.numbers_apart"]
    assert [(d.severity, result.raw(d.span)) for d in apart] == [("info", "1.\n\n2.")]
    assert not [d for d in result.diagnostics if d.severity == "warning"]
    assert result.uncovered() == []


@pytest.mark.parametrize(
    "body",
    [
        # one number alone on its line: its text follows it, as in most extracted texts
        "1.\n\nTakes note of the report;\n\n2. Decides to act.\n",
        # the numbers do not run on ("1.", "3.")
        "1.\n\n3.\n\nTakes note of the report;\n\nDecides to act;\n",
        # fewer openings than numbers: the column is not one of these paragraphs
        "1.\n\n2.\n\n3.\n\nTakes note of the report;\n\nDecides to act;\n\n4. Requests more.\n",
        # more openings than numbers
        "1.\n\n2.\n\nTakes note of the report;\n\nDecides to act;\n\nRequests more;\n",
        # the text after the column does not open with an operative verb
        "1.\n\n2.\n\nthe report of the Committee;\n\nDecides to act;\n",
    ],
)
def test_numbers_that_are_no_column_are_left_alone(body: str) -> None:
    lines = scan(HEAD + body)
    local = profile("en")
    kinds = _classify.classify_lines(lines, [None] * (len(lines) - 1), local, start=1)
    paired, diagnostics = paired_numbers(kinds, 1, local.terminators)
    assert paired == kinds
    assert diagnostics == ()


def test_a_comma_ends_no_paragraph_of_a_column() -> None:
    # "Endorses" after a line ending with a comma is inside the first paragraph's sentence
    body = "1.\n\n2.\n\nTakes note of the report,\n\nEndorses the plan;\n\nDecides to act;\n"
    lines = scan(HEAD + body)
    local = profile("en")
    kinds = _classify.classify_lines(lines, [None] * (len(lines) - 1), local, start=1)
    paired, _ = paired_numbers(kinds, 1, local.terminators)
    numbered = [(k.line.text, k.number) for k in paired if k.number and k.furniture is None]
    assert numbered == [("Takes note of the report,", 1), ("Decides to act;", 2)]
