"""The segmenter's output: which raw pieces of the source make each part.

These are frozen values handed from the segmenter to the builder (``_build``). A block
knows its offsets, the pieces of its own text (page furniture and notes left out) and,
for paragraphs and sub-paragraphs, its number or label and its children; it knows no
lead, no clean text and no vote fields: reading those is the builder's job.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from resparse._scan import Line
    from resparse.model import Diagnostic, Furniture, Span

Pieces = tuple[tuple[int, int], ...]


@attrs.frozen
class Block:
    """A clause, paragraph, sub-paragraph or annex: where it is and its own text pieces."""

    kind: str  # "clause", "paragraph", "sub" or "annex"
    start: int
    end: int
    pieces: Pieces
    number: int | None = None
    label: str | None = None
    children: tuple[Block, ...] = ()
    part: str | None = None
    section: str | None = None


@attrs.frozen
class VoteBlock:
    """The lines of an adoption record: a meeting line, a vote statement, or both."""

    start: int
    end: int
    meeting_line: bool
    part: str | None = None


@attrs.frozen
class Segmentation:
    """Every block of a document's body, in reading order within each kind."""

    clauses: tuple[Block, ...] = ()
    paragraphs: tuple[Block, ...] = ()
    annexes: tuple[Block, ...] = ()
    headings: tuple[Span, ...] = ()
    furniture: tuple[Furniture, ...] = ()
    note_blocks: tuple[tuple[Line, ...], ...] = ()
    votes: tuple[VoteBlock, ...] = ()
    unclassified: tuple[tuple[Span, str], ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
