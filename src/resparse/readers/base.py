"""What every reader produces: the text it read plus the emphasis it saw, as offsets."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from resparse.model import Diagnostic, Span


@attrs.frozen
class Document:
    r"""Text produced by a reader, with italic ranges and notes about the reading.

    ``text`` becomes ``Resolution.source``; every offset in ``italics`` points into it.
    ``italics`` is ``None`` when the input shape cannot carry italics at all (plain text),
    and a (possibly empty) tuple when it can. Pages are separated by form feeds (``\\f``)
    in ``text``, so the page of any offset is derivable from the text alone.
    ``superscripts`` marks raised characters (footnote markers) and ``small`` marks text set
    in a smaller type than the body (footnote blocks), where the reader can see them.
    """

    text: str
    reader: str = "text"
    italics: tuple[Span, ...] | None = None
    diagnostics: tuple[Diagnostic, ...] = ()
    path: str | None = None
    superscripts: tuple[Span, ...] | None = None
    small: tuple[Span, ...] | None = None


# --- small helpers the markup readers share ------------------------------------------------

_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def roman(value: int) -> str:
    """A positive counter as a lower-case roman numeral ("iv"), as lists print it."""
    numeral = ""
    for size, letters in _ROMAN:
        count, value = divmod(value, size)
        numeral += letters * count
    return numeral


def int_or(value: str | None, default: int) -> int:
    """A list attribute as a number; a missing or malformed one gives ``default``."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def add_range(spans: list[tuple[int, int]], start: int, end: int) -> None:
    """Add a range, extending the last one when the two touch."""
    if spans and spans[-1][1] == start:
        spans[-1] = (spans[-1][0], end)
    elif end > start:
        spans.append((start, end))
