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
