"""Paragraph numbers printed apart from their text, given back to the paragraphs in order.

A text extractor that groups a page into text boxes (pdfminer's layout analysis) may put
the numbers of short paragraphs in a box of their own: the text reads "1." / "2." and then
"Takes note of the report;" / "Endorses the conclusions ...;". Read line by line, the
first number is an empty paragraph and the second holds both texts. Between the line
classifier and the segmenter, this stage reads such a run of consecutive bare numbers
and the paragraph openings after it: where the openings are exactly as many as the
numbers, each takes its number in order and the number lines become furniture of the
kind ``paragraph_number``, so that every character is still accounted for. Where they
are not as many, nothing is changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from resparse import _line_shape
from resparse.model import Diagnostic, Span

if TYPE_CHECKING:
    from collections.abc import Sequence

    from resparse._classify import ClassifiedLine

FURNITURE_KIND = "paragraph_number"
_MINIMUM_RUN = 2  # one number alone on its line is a number whose text follows it
_COMMAS = frozenset(",،，、")


def paired_numbers(
    kinds: Sequence[ClassifiedLine], start: int, terminators: frozenset[str]
) -> tuple[tuple[ClassifiedLine, ...], tuple[Diagnostic, ...]]:
    """The classified lines with each run of detached numbers given to its paragraphs.

    ``terminators``: the language's clause ends; a paragraph ends on any but a comma.
    """
    ends = terminators - _COMMAS
    out = list(kinds)
    diagnostics: list[Diagnostic] = []
    at = start
    while at < len(out):
        run = _run_of_numbers(out, at)
        if len(run) < _MINIMUM_RUN:
            at += 1
            continue
        after = run[-1] + 1
        openings = _openings(out, after, len(run), ends)
        if openings is None:
            at = after
            continue
        first = out[run[0]].number or 0
        for index in run:
            out[index] = out[index]._replace(furniture=FURNITURE_KIND)
        for offset, index in enumerate(openings):
            out[index] = out[index]._replace(number=first + offset)
        span = Span(out[run[0]].line.start, out[run[-1]].line.end)
        numbers = f"{first}-{first + len(run) - 1}"
        message = (
            f"paragraphs {numbers} have their numbers printed apart from their text, "
            "in a column of their own; each number was given to the paragraph that "
            "opens in its turn after the column"
        )
        diagnostics.append(Diagnostic("operative.numbers_apart", message, "info", span))
        at = openings[-1] + 1
    return tuple(out), tuple(diagnostics)


def _bare(kind: ClassifiedLine) -> bool:
    """A line that is a paragraph's number and nothing else ("2.")."""
    return (
        kind.number is not None
        and kind.bare_number
        and kind.furniture is None
        and not kind.table_row
        and kind.content_start >= kind.line.end
    )


def _run_of_numbers(kinds: Sequence[ClassifiedLine], at: int) -> list[int]:
    """The indexes of the consecutive bare numbers from ``at`` ("1.", "2.", "3.")."""
    if not _bare(kinds[at]):
        return []
    run = [at]
    index = at + 1
    while index < len(kinds) and _bare(kinds[index]):
        if kinds[index].number != (kinds[run[-1]].number or 0) + 1:
            break
        run.append(index)
        index += 1
    return run


def _openings(
    kinds: Sequence[ClassifiedLine], at: int, wanted: int, ends: frozenset[str]
) -> list[int] | None:
    """The lines that open the ``wanted`` paragraphs after a column, or None.

    The first text line opens the first; each later one opens the next where it opens
    with an operative lead after a line that ended a paragraph. The search stops at the
    next number, heading, formula, annex, vote or footnote rule: the texts of the column
    are all before it, or the column is not one.
    """
    found: list[int] = []
    previous: ClassifiedLine | None = None
    for index in range(at, len(kinds)):
        kind = kinds[index]
        if kind.furniture is not None:
            continue
        if (
            kind.number is not None
            or kind.separator
            or kind.formula
            or kind.annex
            or kind.vote
            or kind.meeting is not None
            or kind.table_row
        ):
            break
        ended = previous is not None and _line_shape.ends_clause(previous.line.text, ends)
        opens = kind.operative_lead and (previous is None or ended)
        if previous is None and not opens:
            return None  # the column's first paragraph must open right after it
        if opens:
            if len(found) == wanted:
                return None  # more paragraphs than numbers: not a column of these
            found.append(index)
        elif kind.heading and ended:
            break
        previous = kind
    return found if len(found) == wanted else None
