"""The renderer's typesetting: text written block by block, with its marked ranges."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from resparse import _akn_header
from resparse._language import Profile, profile_or_english
from resparse.model import (
    Diagnostic,
    Furniture,
    Span,
)
from resparse.readers.akn._elements import (
    _SEPARATOR,
    _bracketed_note,
    _child,
    _children,
    _classes,
    _local,
    _Note,
    _previous_cell,
)
from resparse.readers.akn._layout import _SPACES_RE, _Block, _lay_out, _Layout, _Open, _Tag

if TYPE_CHECKING:
    from collections.abc import Iterable

    from lxml import etree


class _Writer:
    """The rendered text as it is written, with the ranges marked in it and the notes.

    It knows nothing of resolutions: it lays out running text (``_layout``), places the
    italic, superscript, lead and note-marker ranges, and collects the footnotes to
    write after the text.
    """

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.gap_pending = False
        self.italics: list[Span] = []
        self.superscripts: list[Span] = []
        self.marked_leads: list[Span] = []  # leads resparse marked inside their text
        self.marked_more: set[int] = set()  # where further leads resparse marked start
        self.small: list[Span] = []
        self.notes: list[_Note] = []
        self.anchors: list[Span] = []
        self.anchor_ends: list[int] = []
        self.watch: dict[etree._Element, _Tag] = {}  # cover elements whose range is wanted
        self.diagnostics: list[Diagnostic] = []
        self.furniture: list[Furniture] = []
        self.language = "en"
        # how this language's markup marks a lead: italics, or bold in Chinese
        self.lead_class = "italic"
        self.lead_element = "i"

    @property
    def text(self) -> str:
        if len(self.parts) > 1:
            self.parts[:] = ["".join(self.parts)]
        return self.parts[0] if self.parts else ""

    def gap(self) -> None:
        """Ask for a blank line before the next block (blocks of the document)."""
        self.gap_pending = True

    def emit(self, block: _Block) -> tuple[Span, _Layout] | None:
        """Write a block as its own line(s); ``None`` when it holds no text."""
        return self.place(_lay_out(block))

    def place(self, layout: _Layout) -> tuple[Span, _Layout] | None:
        """Write a laid-out block at the end of the text and place its tags there."""
        if not layout.text:
            return None
        if self.gap_pending and self.pos > 0:
            self.parts.append("\n")
            self.pos += 1
        self.gap_pending = False
        start = self.pos
        for tag in layout.tags:
            tag.start += start
            tag.end += start
            if tag.end <= tag.start:
                continue
            if tag.kind == "italic":
                self.italics.append(Span(tag.start, tag.end))
            elif tag.kind == "sup":
                self.superscripts.append(Span(tag.start, tag.end))
            elif tag.kind == "lead":
                self.marked_leads.append(Span(tag.start, tag.end))
            elif tag.kind == "more":
                self.marked_more.add(tag.start)
            elif tag.kind == "note":
                marker = Span(tag.start, tag.end)
                self.superscripts.append(marker)
                self.anchors.append(marker)
                self.anchor_ends.append(tag.end)
        self.parts.append(layout.text + "\n")
        self.pos += len(layout.text) + 1
        return Span(start, start + len(layout.text)), layout

    def note(self, code: str, message: str, span: Span | None) -> None:
        self.diagnostics.append(Diagnostic(code, message, "info", span))

    def inline(self, element: etree._Element, block: _Block) -> None:
        """An element's mixed content as running text: text, children, tails.

        Arabic texts raise a note's brackets around it, ``<sup>(</sup>`` note
        ``<sup>)</sup>``: the brackets belong to the marker, "(2)".
        """
        self.add_text(element.text, block)
        children = [child for child in element if isinstance(child.tag, str)]
        skip: set[int] = set()
        for index, child in enumerate(children):
            if index in skip:
                continue
            if _bracketed_note(children, index):
                self.footnote(children[index + 1], block, brackets=True)
                skip.update({index + 1, index + 2})
                self.add_text(children[index + 2].tail, block)
                continue
            self.element(child, block)
            self.add_text(child.tail, block)

    @staticmethod
    def add_text(text: str | None, block: _Block) -> None:
        # whitespace that holds a line break is the markup's indentation, not text
        if text and (text.strip() or "\n" not in text):
            block.text(text)

    def element(self, child: etree._Element, block: _Block) -> None:
        name = _local(child)
        if name in {"img", "meta"}:
            return
        if name in {"eol", "br"}:
            block.line_break()
            return
        if name == "authorialNote":
            self.footnote(child, block)
            return
        tags = self.open_tags(child, name, block)
        if name == "p":
            block.text(" ")
        elif name in {"td", "th"} and _previous_cell(child):
            block.literal("\t")
        self.inline(child, block)
        for tag in reversed(tags):
            block.close(tag)

    def open_tags(self, child: etree._Element, name: str, block: _Block) -> list[_Tag]:
        """Open the ranges an element marks: a watched field, italics, a superscript."""
        tags: list[_Tag] = []
        watched = self.watch.get(child)
        if watched is not None:
            block.pieces.append(_Open(watched))
            tags.append(watched)
        classes = _classes(child)
        if self.lead_class in classes or name == self.lead_element:
            tags.append(block.open("italic"))
        if name == "sup" or "superscript" in classes:
            tags.append(block.open("sup"))
        if child.get(_akn_header.LEAD):
            tags.append(block.open("lead"))  # resparse's mark: the lead, where it stands
        if child.get(_akn_header.MORE):
            tags.append(block.open("more"))  # and a further lead where no rule finds one
        return tags

    def footnote(self, element: etree._Element, block: _Block, *, brackets: bool = False) -> None:
        given = element.get("marker")
        # marker="" is a note the text printed without a marker (resparse writes it so)
        marker = "" if given == "" else (given or "").strip() or str(len(self.notes) + 1)
        anchor = block.marker("note", f"({marker})" if brackets else marker)
        note_block = _Block()
        note_block.literal(marker)
        note_block.literal("\t")
        body = note_block.open("body")
        for child in _children(element):
            note_block.text(" ")
            if _local(child) == "p":
                self.inline(child, note_block)
            else:
                self.element(child, note_block)
        note_block.close(body)
        # laid out now, written after the text: the block's pieces need not live that long
        self.notes.append(_Note(marker, anchor, _lay_out(note_block), body))

    def line(
        self, *elements: etree._Element, prefix: str | None = None
    ) -> tuple[Span, _Layout] | None:
        """Elements' running text as one block, after ``prefix`` and a tab if given."""
        block = _Block()
        content = self.start_content(block, prefix)
        for element in elements:
            block.text(" ")
            self.inline(element, block)
        block.close(content)
        return self.emit(block)

    @staticmethod
    def start_content(block: _Block, prefix: str | None) -> _Tag:
        if prefix:
            block.literal(prefix)
            block.literal("\t")
        return block.open("content")

    def first_text(
        self, body: list[etree._Element], block: _Block, lists: frozenset[str]
    ) -> tuple[bool, list[etree._Element]]:
        """Write the first text of a paragraph (operative or annex) into ``block``.

        That is the first child's text, or the intro of a list (a name in ``lists``) that
        opens the paragraph: then the first value is ``True``. The rest, in order, is what
        the paragraph writes after its first line: every list, and the children after
        the first.
        """
        rest: list[etree._Element] = []
        intro_used = False
        first = True
        for child in body:
            if _local(child) in lists:
                intro = _child(child, "intro")
                if first and intro is not None:
                    self.inline_all(intro, block)
                    intro_used = True
                first = False
                rest.append(child)
            elif first:
                self.inline_all(child, block)
                first = False
            else:
                rest.append(child)
        return intro_used, rest

    def inline_all(self, element: etree._Element, block: _Block) -> None:
        """The running text of an element that may wrap its text in ``p`` children."""
        paragraphs = [c for c in _children(element) if _local(c) == "p"]
        if paragraphs and len(paragraphs) == len(list(_children(element))):
            for p in paragraphs:
                block.text(" ")
                self.inline(p, block)
        else:
            self.inline(element, block)

    def write_footnotes(self) -> None:
        if not self.notes:
            return
        self.gap()
        block = _Block()
        block.literal(_SEPARATOR)
        written = self.emit(block)
        if written is not None:
            self.furniture.append(Furniture("separator", _SEPARATOR, written[0]))
        for note in self.notes:
            written = self.place(note.layout)
            if written is not None:
                note.span = written[0]
                self.small.append(written[0])

    def clean(self, pieces: Iterable[tuple[int, int]], source: str | None = None) -> str:
        """The clean text of some ranges: footnote markers cut out, whitespace collapsed."""
        text = self.text if source is None else source
        anchors = self.anchors
        out: list[str] = []
        for start, end in pieces:
            cursor = start
            chunk: list[str] = []
            # anchors are written in order and never overlap: start at the first that may cut
            index = bisect.bisect_right(self.anchor_ends, cursor)
            while index < len(anchors) and anchors[index].start < end:
                anchor = anchors[index]
                chunk.append(text[cursor : anchor.start])
                cursor = max(cursor, anchor.end)
                index += 1
            chunk.append(text[cursor:end])
            out.append("".join(chunk))
        return _SPACES_RE.sub(" ", " ".join(out)).strip(" ")

    def profile(self) -> Profile:
        """The language profile of the markup (English for a language without one)."""
        return profile_or_english(self.language)
