"""Resolutions as a pandas DataFrame: one row per clause, paragraph and sub-paragraph.

pandas is an optional extra (``pip install 'resparse[pandas]'``), so it is imported only
when :func:`to_frame` runs. Rows keep the source offsets of their part, so a frame can
always be joined back to ``Resolution.source``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from resparse.errors import MissingExtraError
from resparse.model import Resolution

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from pandas import DataFrame  # type: ignore[import-untyped, unused-ignore]

    from resparse.model import OperativeParagraph, SubParagraph

COLUMNS: tuple[str, ...] = (
    "symbol",
    "body",
    "kind",
    "index",
    "number",
    "label",
    "parent",
    "part",
    "section",
    "lead",
    "lead_italic",
    "text",
    "start",
    "end",
)
KINDS: tuple[str, ...] = ("preambular", "operative", "subparagraph")
_TEXT_COLUMNS = ("symbol", "body", "kind", "label", "parent", "part", "section", "lead", "text")
DTYPES: dict[str, str] = {
    **dict.fromkeys(_TEXT_COLUMNS, "string"),
    "index": "int64",
    "number": "Int64",
    "lead_italic": "boolean",
    "start": "int64",
    "end": "int64",
}


def to_frame(resolutions: Resolution | Iterable[Resolution]) -> DataFrame:
    """One row per preambular clause, operative paragraph and sub-paragraph, in document order.

    ``kind`` is ``"preambular"``, ``"operative"`` or ``"subparagraph"``. ``index`` is the
    clause's own index for preambular rows, the 1-based position in the operative part for
    operative rows, and the 1-based position in document order inside its paragraph for
    sub-paragraph rows. ``number`` is the operative number (a sub-paragraph repeats its
    paragraph's, so ``frame[frame.number == 3]`` is paragraph 3 with all its items).
    ``parent`` is the path of what holds a sub-paragraph: ``"3"`` for ``3(a)``, ``"3(a)"``
    for ``3(a)(i)``; an unnumbered paragraph stands in by its position. ``start`` and
    ``end`` are the part's span in ``Resolution.source``.
    """
    try:
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]  # noqa: PLC0415
    except ImportError as error:
        raise MissingExtraError(feature="to_frame", extra="pandas") from error
    items = (resolutions,) if isinstance(resolutions, Resolution) else resolutions
    rows: list[dict[str, Any]] = []
    for item in items:
        if not isinstance(item, Resolution):
            msg = f"to_frame takes Resolution objects, not {type(item).__name__}"
            raise TypeError(msg)
        rows.extend(_rows(item))
    frame = pd.DataFrame.from_records(rows, columns=list(COLUMNS))
    # Nullable dtypes throughout: a missing value is pd.NA in every column, never a float
    # NaN in one and None in another, and it is the same under pandas 2 and 3.
    return frame.astype(DTYPES)


def _rows(resolution: Resolution) -> Iterator[dict[str, Any]]:
    """The rows of one resolution: the preamble first, then each paragraph and its items."""
    common = {"symbol": resolution.header.symbol, "body": resolution.header.body}
    for clause in resolution.preamble:
        yield {
            **common,
            "kind": "preambular",
            "index": clause.index,
            "number": None,
            "label": None,
            "parent": None,
            "part": clause.part,
            "section": clause.section,
            "lead": clause.lead,
            "lead_italic": clause.lead_italic,
            "text": clause.text,
            "start": clause.span.start,
            "end": clause.span.end,
        }
    for position, paragraph in enumerate(resolution.operative, start=1):
        yield {
            **common,
            "kind": "operative",
            "index": position,
            "number": paragraph.number,
            "label": None,
            "parent": None,
            "part": paragraph.part,
            "section": paragraph.section,
            "lead": paragraph.lead,
            "lead_italic": paragraph.lead_italic,
            "text": paragraph.text,
            "start": paragraph.span.start,
            "end": paragraph.span.end,
        }
        root = str(paragraph.number if paragraph.number is not None else position)
        for item_index, (parent, item) in enumerate(_items(paragraph, root), start=1):
            yield {
                **common,
                "kind": "subparagraph",
                "index": item_index,
                "number": paragraph.number,
                "label": item.label,
                "parent": parent,
                "part": paragraph.part,
                "section": paragraph.section,
                "lead": None,
                "lead_italic": None,
                "text": item.text,
                "start": item.span.start,
                "end": item.span.end,
            }


def _items(paragraph: OperativeParagraph, root: str) -> Iterator[tuple[str, SubParagraph]]:
    """Every sub-paragraph in document order with the label path of what holds it."""

    def walk(parent: str, items: tuple[SubParagraph, ...]) -> Iterator[tuple[str, SubParagraph]]:
        for item in items:
            yield parent, item
            yield from walk(f"{parent}({item.label})", item.subparagraphs)

    return walk(root, paragraph.subparagraphs)
