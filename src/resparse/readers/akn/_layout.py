"""Blocks of running text with tagged ranges, laid out as lines: the renderer's typesetting.

A block collects text, literals and open/close tags; laying it out collapses the markup's
whitespace and gives each tag its offsets in the written line.
"""

from __future__ import annotations

import attrs
import regex

# Whitespace that collapses to one space; no-break spaces are text and stay as they are.
_SPACES_RE = regex.compile(r"[^\S\xa0\u202f]+")


@attrs.define(eq=False)
class _Tag:
    """A range of a block, placed once the block is laid out (italics, fields, markers)."""

    kind: str
    start: int = -1
    end: int = -1


@attrs.frozen
class _Open:
    tag: _Tag


@attrs.frozen
class _Close:
    tag: _Tag


@attrs.frozen
class _Literal:
    """Text written as it is: the tab after a number, a footnote marker (glued to the left)."""

    text: str
    glue: bool = False


@attrs.frozen
class _Marker:
    """A footnote marker: glued to the text before it, with a tag around it.

    One piece where an open tag, a glued literal and a close would be three: a paragraph
    may hold thousands of markers, and each piece lives until the paragraph is written.
    """

    tag: _Tag
    text: str


_BREAK = object()
_Piece = str | _Open | _Close | _Literal | _Marker | object


@attrs.define(eq=False)
class _Block:
    """One or more lines of output, built from XML text and tags before layout."""

    pieces: list[_Piece] = attrs.field(factory=list)

    def text(self, text: str) -> None:
        self.pieces.append(text)

    def literal(self, text: str, *, glue: bool = False) -> None:
        self.pieces.append(_Literal(text, glue))

    def open(self, kind: str) -> _Tag:
        tag = _Tag(kind)
        self.pieces.append(_Open(tag))
        return tag

    def close(self, tag: _Tag) -> None:
        self.pieces.append(_Close(tag))

    def line_break(self) -> None:
        self.pieces.append(_BREAK)

    def marker(self, kind: str, text: str) -> _Tag:
        """Add a glued footnote marker and return its tag."""
        tag = _Tag(kind)
        self.pieces.append(_Marker(tag, text))
        return tag


@attrs.define
class _Layout:
    """A laid-out block: its text and the tags it placed (offsets within the block)."""

    text: str
    tags: list[_Tag]


class _Typesetter:
    """Lays out a block: whitespace collapsed across pieces, tags placed on the result."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.tags: list[_Tag] = []
        self.size = 0
        self.line_start = 0
        self.last = ""

    def put(self, text: str) -> None:
        if text:
            self.out.append(text)
            self.size += len(text)
            self.last = text[-1]

    def text(self, piece: str) -> None:
        text = _SPACES_RE.sub(" ", piece)
        if text.startswith(" ") and (self.size == self.line_start or self.last in {" ", "\t"}):
            text = text[1:]
        self.put(text)

    def drop_space(self) -> None:
        """Take back a trailing space (before a break, a tab or a glued marker)."""
        if self.size > self.line_start and self.last == " ":
            self.out[-1] = self.out[-1][:-1]
            self.size -= 1
            self.last = ""
            for tag in self.tags:
                tag.start = min(tag.start, self.size)
                if tag.end >= 0:
                    tag.end = min(tag.end, self.size)

    def line_break(self) -> None:
        self.drop_space()
        if self.size > self.line_start:
            self.put("\n")
            self.line_start = self.size
            self.last = ""

    def finish(self) -> _Layout:
        self.drop_space()
        text = "".join(self.out).removesuffix("\n")
        size = len(text)
        for tag in self.tags:
            tag.start = min(tag.start, size)
            tag.end = max(tag.start, min(tag.end if tag.end >= 0 else size, size))
            while tag.start < tag.end and text[tag.start] in " \n":
                tag.start += 1
            while tag.end > tag.start and text[tag.end - 1] in " \n":
                tag.end -= 1
        return _Layout(text, self.tags)


def _lay_out(block: _Block) -> _Layout:
    """Collapse whitespace across the pieces and place every tag on the result."""
    setter = _Typesetter()
    for piece in block.pieces:
        if isinstance(piece, str):
            setter.text(piece)
        elif isinstance(piece, _Literal):
            if piece.glue or piece.text == "\t":
                setter.drop_space()
            setter.put(piece.text)
        elif isinstance(piece, _Open):
            piece.tag.start = setter.size
            setter.tags.append(piece.tag)
        elif isinstance(piece, _Close):
            piece.tag.end = setter.size
        elif isinstance(piece, _Marker):
            setter.drop_space()
            piece.tag.start = setter.size
            setter.tags.append(piece.tag)
            setter.put(piece.text)
            piece.tag.end = setter.size
        elif piece is _BREAK:
            setter.line_break()
    return setter.finish()
