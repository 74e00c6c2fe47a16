"""Footnote markers in the body, where the notes stand at the end of the text."""

from __future__ import annotations

import pathlib

import pytest

import resparse
from resparse._classify import first_anchor

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
