"""Reading a wrapped text's lines as its writer broke them, for the line checks (issue 16).

A text wrapped to a width breaks lines everywhere, so the checks that read a line break
inside a part as a part boundary stayed off there, and a wrapped copy of a wrongly cut
item was silent where the same text with one line per part was warned. A greedy wrap
breaks only where the next word does not fit: these tests pin that reading and the
checks it turns on.
"""

from __future__ import annotations

import pytest

import resparse
from resparse import _unwrap
from resparse._eval_cases import as_wrapped
from resparse._zone_state import WIDTH_SLACK
from resparse.model import Span

_WRAP = _unwrap.Wrap(width=40, slack=0.0)


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        # a line that left room for the next one's first word ended where its writer did
        ("Decides that the mandate shall be:\nTo protect civilians;", [0, 35]),
        # a filled line goes on with the next
        ("Decides that the mandate shall include\nthe protection of civilians;", [0]),
        # a blank line always ends the line above it
        ("Decides that the mandate shall include\n\nthe protection of civilians;", [0, 39, 40]),
        # a wide character takes two columns: twenty of them fill forty
        ("决" * 20 + "\n" + "定" * 5, [0]),
        ("决" * 10 + "\n" + "定" * 5, [0, 11]),
    ],
)
def test_logical_lines(text: str, lines: list[int]) -> None:
    found = _unwrap.logical_lines(text, Span(0, len(text)), _WRAP)
    assert [start for start, _ in found] == lines
    for start, line in found:  # each join is one space for one line break: offsets stay
        assert text[start : start + len(line)].replace("\n", " ") == line


def test_a_span_that_opens_inside_its_line_is_measured_from_the_lines_start() -> None:
    """A sub-paragraph's span starts at its label, after a tab: the line is that long still."""
    # from the span's start the line and "all" take 37 columns, under the width; from the
    # line's start, with "\t(a)\t", 42: the line was filled
    text = "\t(a)\tThe mandate shall include all the\nall of civilians;"
    span = Span(text.index("The"), len(text))
    assert len(_unwrap.logical_lines(text, span, _WRAP)) == 1
    assert (
        len(_unwrap.logical_lines(text[span.start :], Span(0, len(text) - span.start), _WRAP)) == 2
    )


def test_a_blank_line_with_a_carriage_return_is_blank() -> None:
    text = "a" * 39 + "\r\n\r\nbbbb"
    assert [start for start, _ in _unwrap.logical_lines(text, Span(0, len(text)), _WRAP)] == [
        0,
        41,
        43,
    ]


def test_the_slack_is_the_texts_own() -> None:
    """A fixed-width wrap leaves no room on a line it wrapped; the default is kept without proof."""
    words = " ".join(f"word{i} and the following lowercase words" for i in range(60))
    wrap = _unwrap.text_wrap(as_wrapped(words))
    assert wrap is not None
    assert wrap.slack == 0.0
    assert 75 <= wrap.width <= 80
    # no line goes on in lower case: nothing shows the slack, and the default stays
    capitals = " ".join(f"Word{i} And The Following Capital Words" for i in range(60))
    wrap = _unwrap.text_wrap(as_wrapped(capitals))
    assert wrap is not None
    assert wrap.slack == WIDTH_SLACK


def test_a_wrap_that_leaves_room_where_words_fit_is_not_read() -> None:
    """A formatter that balances its lines breaks where the next word would fit: unreadable."""
    words = " ".join(f"word{i} and the following lowercase words" for i in range(60))
    greedy = as_wrapped(words).split("\n")
    # every fourth line broken early, as a balancing formatter does
    lines: list[str] = []
    for n, line in enumerate(greedy):
        if n % 4 == 0 and len(line) > 70:
            cut = line.rfind(" ", 0, 60)
            lines += [line[:cut], line[cut + 1 :]]
        else:
            lines.append(line)
    assert _unwrap.text_wrap("\n".join(lines)) is None


def test_text_with_one_line_per_part_is_not_wrapped() -> None:
    lines = [f"Recalling resolution {i} and the " + "long text " * (i % 9 + 1) for i in range(30)]
    assert _unwrap.text_wrap("\n".join(lines)) is None


_CLAUSE = (
    "the effective implementation of the measures agreed by the States concerned and by "
    "the regional organizations of the system"
)


def _mandate(tasks: str) -> str:
    """A Council text whose paragraph 4 lists a mandate, item (a) with the lines ``tasks``."""
    preamble = "".join(f"Recalling {_CLAUSE} in every region, and {_CLAUSE},\n" for _ in range(4))
    paragraphs = "".join(f"{n}.\tRequests {_CLAUSE}, and also {_CLAUSE};\n" for n in (1, 2, 3))
    return (
        "The Security Council,\n"
        + preamble
        + paragraphs
        + "4.\tDecides that the mission shall have the following mandate:\n"
        + "(a)\tProtection of civilians:\n"
        + tasks
        + f"(b)\tTo support {_CLAUSE}, and {_CLAUSE};\n"
        + "5.\tDecides to remain seized of the matter.\n"
    )


@pytest.mark.issue(16)
def test_an_items_unlabelled_lines_are_warned_in_wrapped_text() -> None:
    """Regression (S/RES/2514 (2020), 2531, 2552, 2584, 2605 and 2640 of the development set
    as markup-wrapped text): an item's title with unlabelled tasks under it ("(a)
    Protection of civilians:" / "To protect ...;" / "To support ...;") was warned with one
    line per part but silent once wrapped at 80 columns. Rule: in a text wrapped to a
    width with no page furniture, a line that left room for the next line's first word
    ended where its writer broke it, and the line checks read such lines as parts."""
    text = _mandate(f"To protect civilians under threat, with {_CLAUSE};\nTo support {_CLAUSE};\n")
    for shape in (text, as_wrapped(text)):
        result = resparse.parse(shape)
        warned = [d for d in result.diagnostics if d.code == "subparagraph.more_lines"]
        assert len(warned) == 1
        assert warned[0].span is not None
        assert result.raw(warned[0].span).startswith("To protect civilians")


@pytest.mark.issue(16)
def test_a_wrapped_item_that_is_one_sentence_stays_quiet() -> None:
    text = _mandate(
        f"to protect civilians under threat, with {_CLAUSE}, and to support {_CLAUSE};\n"
    )
    text = text.replace("(a)\tProtection of civilians:\n", "(a)\tProtection of civilians, namely ")
    wrapped = as_wrapped(text)
    assert wrapped.count("\n") > text.count("\n") + 10  # wrapped indeed
    result = resparse.parse(wrapped)
    assert [s.label for s in result.operative[3].subparagraphs] == ["a", "b"]
    assert not [d for d in result.diagnostics if d.severity == "warning"]


def test_a_wrapped_text_with_page_furniture_keeps_its_lines() -> None:
    """A filled line before a running header is no writer's line: such texts are not unwrapped."""
    text = as_wrapped(_mandate(f"To protect civilians, with {_CLAUSE};\n"))
    lines = text.split("\n")
    assert _unwrap.unwrap_for(resparse.parse(text)) is not None
    with_break = [*lines[:20], "\fS/RES/9999 (2030)", *lines[20:]]
    assert _unwrap.unwrap_for(resparse.parse("\n".join(with_break))) is None
    # a page's number inside a clause, and no form feed: the furniture alone says so
    with_number = [*lines[:3], "2/7", *lines[3:]]
    result = resparse.parse("\n".join(with_number))
    assert [f.kind for f in result.furniture] == ["page_number"]
    assert _unwrap.unwrap_for(result) is None


def test_long_lines_of_one_length_are_no_page() -> None:
    """Paragraphs of about one length, each one line, are as filled as a wrap: but no page is 300 wide."""
    lines = [
        f"{n}. Requests the Secretary-General {_CLAUSE} {_CLAUSE} report {n};" for n in range(20)
    ]
    assert _unwrap.text_wrap("\n".join(lines)) is None
