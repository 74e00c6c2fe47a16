r"""The UN's own Akoma Ntoso markup (AKN 3.0, AKN4UN) as plain text and as a Resolution.

The UN publishes its resolutions as Akoma Ntoso XML. That markup is the ground truth for
the structure resparse must find in plain or PDF-extracted text, so this reader does two
things from one rendering: :func:`render_akn` lays the markup out as the text a user
would get by copying the official document (one element per line, a blank line between
blocks, footnotes at the end), and :func:`from_akn` reads the same rendering into a
:class:`~resparse.model.Resolution` whose every span points into that text.

The emphasis spans of the rendered document (``Document.italics``) are the UN's lead
marking: the runs the markup sets in italics, or in bold where the language's profile
says its leads are bold (``lead_emphasis`` in ``lexicon/zh.toml``). The parser and the
gold leads read them alike, whichever face the language uses.

Layout of the text: the cover page (one line per element, images skipped), the number
and title, the enacting formula and one line per preambular paragraph, one line per
operative paragraph (``"1.\t"`` and its text; a list's intro stays on that line, each
point is a line of its own, ``"(a)\t..."``), headings on lines of their own, the meeting
and date of adoption, the annexes, then ``"__________________"`` and one line per footnote
(``"1\tText"``); a footnote's marker is written right after the text it follows. A blank
line parts these blocks, and each part of a resolution in parts starts with its letter.
Vote data in ``meta`` is not printed, as the official text carries none.

Odd markup is read by a few fixed rules; each notes an ``info`` diagnostic with an
``akn.`` code, so a corpus run (``scripts/check_akn.py``) can count the files it needed:

* ``akn.sub_outside_list``: a mainBody ``paragraph`` numbered ``(a)``, ``(ii)`` or
  ``1.1`` that follows an operative paragraph outside any ``list`` is a sub-paragraph of
  that paragraph (quoted articles, flattened lists); ``(i)`` after ``(a)`` nests under it.
* ``akn.label_in_text``: the same for an unnumbered paragraph whose text starts with the
  label (``"(a)\tThe ..."``); the label is taken out of the text.
* ``akn.continuation``: other unnumbered text after an operative paragraph (paragraphs,
  tables, alineas, stray lists) continues it: own lines, text joined to the paragraph's.
  A table after a heading still belongs to the last paragraph of its part.
* ``akn.unnumbered_paragraph``: unnumbered text with no operative paragraph open in its
  part opens an operative paragraph whose number is ``None``.
* ``akn.heading_paragraph``: a paragraph that is only bold text, or is numbered ``A.`` or
  ``IV`` (not ``N.``), is a heading line; its number and heading share the line.
  (Paragraphs holding only a ``heading`` or ``subheading`` are headings without a note.)
* ``akn.heading_container``: an unnamed preamble ``container`` of bold text is a heading.
* ``akn.preamble_in_body``: a ``crossHeading`` referring to ``#preamble`` inside the
  mainBody (the section preambles of budget resolutions) is a preambular clause.
* ``akn.number_repaired``: a paragraph number typed with a letter l for the digit 1.
* ``akn.number_in_text``: an unnumbered paragraph whose text starts with ``N.`` (or the
  Arabic ``N -``, ``N –``) is operative paragraph N; the number is taken out of the text.
* ``akn.vote_inherited``: a part of a resolution in parts whose markup gives no vote of
  its own takes the vote that the markup gives for the whole resolution.

A file that resparse wrote carries a few marks of its own (``resparse._akn_header``;
the UN's files have none), read before any rule above: the header values in
``meta/proprietary`` are taken over the cover's reading; ``hcontainer
name="unclassified"`` is unclassified text, kept as written; ``paragraph
class="unnumbered"`` opens a paragraph numbered ``None``; ``resparse:section`` and
``resparse:part`` give an item's section and part; a part letter marked
``resparse:supplied`` is neither printed nor applied.
"""

from __future__ import annotations

import bisect
import datetime as dt
import os
import pathlib
from typing import TYPE_CHECKING, Any

import attrs
import regex

from resparse import _akn_header, _dates, _labels
from resparse._language import Profile, has_profile, profile
from resparse._leads import lead_by_words, lead_words, scope_of
from resparse.errors import InputError, UnsafeInputError
from resparse.model import (
    AgendaItem,
    Annex,
    Diagnostic,
    Footnote,
    Furniture,
    Header,
    Heading,
    OperativeParagraph,
    PreambularClause,
    Resolution,
    Span,
    SpanMap,
    SubParagraph,
    Unclassified,
    VoteRecord,
)
from resparse.readers import _akn_votes
from resparse.readers._prolog import xml_encoding
from resparse.readers.base import Document

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml import etree

    from resparse._leads import Kind

__all__ = ["from_akn", "render_akn"]

XmlInput = str | bytes | os.PathLike[str]

_SEPARATOR = "__________________"
# Whitespace that collapses to one space; no-break spaces are text and stay as they are.
_SPACES_RE = regex.compile(r"[^\S\xa0\u202f]+")
# "1." and the Arabic "1 -" or "1 –"
_OPERATIVE_NUM_RE = regex.compile(r"(?P<n>\d{1,4})(?:\.|\s?[-–])")
_REPAIRED_NUM_RE = regex.compile(r"(?P<n>[l\d]{1,4})\.")
_SUB_NUM_RE = regex.compile(
    r"\(?(?P<label>[a-z]{1,5}|[A-Z]|\d{1,3}|[\p{Arabic}\p{Cyrillic}\u0640]{1,3})\)"
    r"|(?P<label>\d{1,3}\.\d{1,3})\.?"
)
_HEADING_NUM_RE = regex.compile(r"[A-Z]\.|[IVXLC]{1,7}\.?")
_ROMAN_RE = regex.compile(r"[ivxl]{1,6}")
_TEXT_LABEL_RE = regex.compile(
    r"(?P<printed>\((?P<label>[a-z]{1,5}|\d{1,3})\))[\u200e\u200f]*(?=\s)\s*"
)
_TEXT_NUMBER_RE = regex.compile(
    r"(?P<printed>(?P<n>\d{1,3})(?:\.|\s?[-–]))[\u200e\u200f]*(?=\s)\s*"
)
# the same number at the start of the first text piece, which may end right after it
# ("\t2 –" before the lead's own span)
_TEXT_NUMBER_STRIP_RE = regex.compile(
    r"(?P<printed>(?P<n>\d{1,3})(?:\.|\s?[-–]))[\u200e\u200f]*(?=\s|$)\s*"
)
# what stands before a further lead: a comma or semicolon, and the language's "and"
_MORE_LEAD_BEFORE_RE = regex.compile(r"[,;،]\s+(?:(?:and|et|y|e|и|а)\s+)?$")
_LISTS = frozenset({"list", "blockList", "sublist"})
_PART_RE = regex.compile(r"[A-Z]\d?")
_ANNEX_RE = regex.compile(
    r"(?P<label>(?:Annex|Appendix)(?:\s+(?:[IVXLC]{1,6}|\d{1,3}|[A-Z]))?)(?:\s*[\u2013\u2014:-]\s*(?P<title>\S.*))?",
    regex.IGNORECASE,
)
_FORMAT_RE = regex.compile(r"[\u200b-\u200f\u2060\ufeff]")
_STRIPPABLE = " \t\r\n\u200e\u200f\ufeff"
_LEAD_SKIP = frozenset(" \t\xa0\u202f\u200e\u200f\ufeff")
_LEAD_TRIM_RE = regex.compile(r"[\s,;:.،؛，；：。\u200e\u200f]+$")
_SC_NUMBER_RE = regex.compile(r"(?P<value>\d{1,4}\s?\(\d{4}\))")
_AGENDA_NUMBER_RE = regex.compile(r"(?:Agenda\s+items?|Items?)\s+(?P<value>.+)", regex.IGNORECASE)
_AGENDA_SPLIT_RE = regex.compile(r"\s*,\s*|\s+and\s+")
_EXTERNAL_DTD_RE = regex.compile(rb"<!DOCTYPE[^>\[]*\b(?:SYSTEM|PUBLIC)\b", regex.IGNORECASE)
_NO_ENTITIES = "the XML declares entities, which resparse does not expand"
_NO_DTD = "the XML names an external DTD, which resparse does not load"
_ENTITY_RE = regex.compile(rb"<!ENTITY", regex.IGNORECASE)
_XML_DECL_RE = regex.compile(r"^\s*<\?xml[^>]*\?>")
_LANGUAGES = {
    "eng": "en",
    "fre": "fr",
    "fra": "fr",
    "spa": "es",
    "rus": "ru",
    "ara": "ar",
    "chi": "zh",
    "zho": "zh",
}


# --- text layout ---------------------------------------------------------------------


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


_BREAK = object()
_Piece = str | _Open | _Close | _Literal | object


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
        elif piece is _BREAK:
            setter.line_break()
    return setter.finish()


# --- records of what was rendered -----------------------------------------------------


@attrs.define(eq=False)
class _Sub:
    label: str
    start: int
    end: int
    pieces: list[Span] = attrs.field(factory=list)
    children: list[_Sub] = attrs.field(factory=list)
    # a lettered part of what its paragraph sets out ("A. Pension Administration"),
    # whose table follows it
    part: bool = False

    def last_end(self) -> int:
        return max([self.end, *(child.last_end() for child in self.children)])


@attrs.define(eq=False)
class _PrefaceLine:
    """A line of the preface being built: number and title, or a part's letter."""

    block: _Block = attrs.field(factory=_Block)
    number: _Tag | None = None
    title: _Tag | None = None
    letter: bool = False


@attrs.define(eq=False)
class _PendingSub:
    """A sub-paragraph whose first line is built but not yet written."""

    label: str
    whole: _Tag
    content: _Tag
    rest: list[etree._Element]
    part: bool = False


@attrs.define(eq=False)
class _Para:
    number: int | None
    part: str | None
    start: int
    end: int
    content_start: int
    pieces: list[Span] = attrs.field(factory=list)
    subs: list[_Sub] = attrs.field(factory=list)
    section: str | None = None


@attrs.define(eq=False)
class _Clause:
    part: str | None
    start: int
    end: int
    content_start: int
    pieces: list[Span] = attrs.field(factory=list)
    section: str | None = None


@attrs.define(eq=False)
class _Note:
    marker: str
    anchor: _Tag
    block: _Block
    body: _Tag
    span: Span | None = None


@attrs.define(eq=False)
class _VoteSource:
    """Where a statement's vote is printed and what its meta says."""

    part: str | None
    span: Span
    meeting: str | None
    date: dt.date | None
    meta: etree._Element | None
    inherited: bool = False


@attrs.define(eq=False)
class _AnnexLine:
    span: Span
    heading: bool


def _local(element: etree._Element) -> str:
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _children(element: etree._Element) -> Iterator[etree._Element]:
    return (child for child in element if isinstance(child.tag, str))


def _child(element: etree._Element, name: str) -> etree._Element | None:
    return next((c for c in _children(element) if _local(c) == name), None)


def _heading_like(text: str) -> bool:
    """Short, and not ending like a sentence or a clause."""
    stripped = " ".join(text.split())
    return bool(stripped) and len(stripped.split()) <= 16 and stripped[-1] not in ".;:,،؛，；：。"


def _plain(element: etree._Element) -> str:
    """An element's text with whitespace collapsed (for attributes-like content: nums)."""
    return _SPACES_RE.sub(" ", "".join(element.itertext())).strip()


def _previous_cell(cell: etree._Element) -> bool:
    previous = cell.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()
    return previous is not None and _local(previous) in {"td", "th"}


def _label(num: etree._Element | None) -> str:
    """A printed number or label, without the direction marks Word leaves in some."""
    return _FORMAT_RE.sub("", _plain(num)).strip() if num is not None else ""


def _classes(element: etree._Element) -> list[str]:
    return (element.get("class") or "").split()


def _find_date(text: str, language: str) -> dt.date | None:
    """A date printed in the document's language (English where resparse has no profile)."""
    return _dates.find_date(text, language=language if has_profile(language) else "en")[0]


def _lead_emphasis(language: str) -> str:
    """The class the language's markup gives its leads ("italic"; "bold" in Chinese)."""
    return profile(language).lead_emphasis if has_profile(language) else "italic"


def _iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        found = dt.date.fromisoformat(value.strip())
    except ValueError:
        return None
    return found if found.year > 1 else None


# --- the renderer ---------------------------------------------------------------------


class _Renderer:
    """Walks the markup once, writing lines and recording what each line is."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.gap_pending = False
        self.italics: list[Span] = []
        self.superscripts: list[Span] = []
        self.small: list[Span] = []
        self.notes: list[_Note] = []
        self.anchors: list[Span] = []
        self.anchor_ends: list[int] = []
        self.watch: dict[etree._Element, _Tag] = {}
        self.diagnostics: list[Diagnostic] = []
        # header
        self.fields: list[tuple[str, object, Span]] = []
        self.agenda: list[tuple[str, Span]] = []
        self.agenda_titles: list[tuple[str, Span]] = []
        self.sc_adoption: tuple[str | None, dt.date | None, Span] | None = None
        # body
        self.part: str | None = None
        self.clauses: list[_Clause] = []
        self.paras: list[_Para] = []
        self.para: _Para | None = None
        self.last_para: _Para | None = None
        self.headings: list[Span] = []
        self.unclassified: list[tuple[Span, str]] = []
        # the text resparse itself could not place, as an export kept it: span -> text
        self.kept_text: dict[Span, str] = {}
        self.furniture: list[Furniture] = []
        self.annex_lines: list[list[_AnnexLine]] = []
        self.in_annex = False
        self.votes: list[_VoteSource] = []
        self.own_header: _akn_header.Kept | None = None
        self.item_part: str | None = None  # the part of the paragraph being read
        self.section: str | None = None  # resparse's own mark on the paragraph being read
        self.letter_seen = False  # a part's letter line: the preface lines after it are headings
        self.formula_seen = False
        self.language = "en"
        # how this language's markup marks a lead: italics, or bold in Chinese
        self.lead_class = "italic"
        self.lead_element = "i"

    # --- writing ----------------------------------------------------------------------

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
        layout = _lay_out(block)
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
            elif tag.kind == "note":
                self.superscripts.append(Span(tag.start, tag.end))
                self.anchors.append(Span(tag.start, tag.end))
                self.anchor_ends.append(tag.end)
        self.parts.append(layout.text + "\n")
        self.pos += len(layout.text) + 1
        return Span(start, start + len(layout.text)), layout

    def note(self, code: str, message: str, span: Span | None) -> None:
        self.diagnostics.append(Diagnostic(code, message, "info", span))

    # --- running text -----------------------------------------------------------------

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
        return tags

    def footnote(self, element: etree._Element, block: _Block, *, brackets: bool = False) -> None:
        given = element.get("marker")
        # marker="" is a note the text printed without a marker (resparse writes it so)
        marker = "" if given == "" else (given or "").strip() or str(len(self.notes) + 1)
        anchor = block.open("note")
        block.literal(f"({marker})" if brackets else marker, glue=True)
        block.close(anchor)
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
        self.notes.append(_Note(marker, anchor, note_block, body))

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

    # --- document -----------------------------------------------------------------------

    def document(self, root: etree._Element) -> None:
        top = next(_children(root), None)
        if top is None:
            msg = "the Akoma Ntoso document is empty"
            raise InputError(msg)
        language = next(
            (e.get("language") for e in top.iter() if _local(e) == "FRBRlanguage"), None
        )
        if language:
            self.language = _LANGUAGES.get(language, language)
            self.lead_class = _lead_emphasis(self.language)
            self.lead_element = {"italic": "i", "bold": "b"}.get(self.lead_class, "i")
        components = [
            statement
            for holder in _children(root)
            if _local(holder) == "components"
            for component in _children(holder)
            for statement in _children(component)
        ]
        outer_meta = _child(top, "meta")
        self.own_header = _akn_header.read(outer_meta)
        if self.own_header is not None and not components:
            self.part = self.own_header.part
        self.statement(top, meta=outer_meta, component=False)
        for statement in components:
            self.statement(statement, meta=outer_meta, component=True)
        self.write_footnotes()

    def statement(
        self, statement: etree._Element, *, meta: etree._Element | None, component: bool
    ) -> None:
        own_meta = _child(statement, "meta")
        vote_meta = own_meta if own_meta is not None and _voting(own_meta) is not None else None
        inherited = vote_meta is None and component
        if vote_meta is None:
            vote_meta = meta
        votes_before = len(self.votes)
        for child in _children(statement):
            name = _local(child)
            if name in {"meta", "collectionBody"}:
                continue
            self.gap()
            if name == "coverPage":
                self.cover(child, vote_meta)
            elif name == "preface":
                self.preface(child, component=component)
            elif name == "conclusions":
                self.conclusions(child, vote_meta, inherited=inherited)
            else:
                self.block(child, name)
        step = _akn_votes.failed_step(vote_meta)
        if len(self.votes) == votes_before and step is not None:
            # a draft that failed prints no vote: the markup's meta is its only record
            date = _iso_date(step.get("date"))
            self.votes.append(
                _VoteSource(self.part, Span(self.pos, self.pos), None, date, vote_meta)
            )

    def kept_unclassified(self, element: etree._Element) -> None:
        """``hcontainer name="unclassified"``: text an export of resparse could not place.

        Its text is kept as written (``title`` holds the reason), so that reading the export
        gives the same unclassified text back; it opens and closes nothing around it.
        """
        reason = element.get("title") or "text the export could not place"
        for block_element in _blocks(element):
            written = self.line(block_element)
            if written is not None:
                self.unclassified.append((written[0], reason))
                self.kept_text[written[0]] = "".join(block_element.itertext())

    def part_of(self, element: etree._Element) -> str | None:
        """The part of what ``element`` holds: the statement's, unless resparse marked another."""
        marked = element.get(_akn_header.PART)
        return self.part if marked is None else marked or None

    def block(self, child: etree._Element, name: str) -> None:
        """A block of the statement that needs no vote: preamble, mainBody, attachments."""
        if name == "preamble":
            self.preamble(child)
        elif name == "mainBody":
            self.para = self.last_para = None
            self.main_body(child)
            self.para = self.last_para = None
        elif name == "attachments":
            self.attachments(child)
        else:
            self.generic(child, "an element outside the known blocks")

    def generic(self, element: etree._Element, reason: str) -> None:
        """Render an element's paragraphs as lines nobody claims (with a diagnostic)."""
        for block_element in _blocks(element):
            written = self.line(block_element)
            if written is not None:
                self.unclassified.append((written[0], reason))

    # --- cover page -------------------------------------------------------------------------

    def cover(self, cover: etree._Element, meta: etree._Element | None) -> None:
        for p in _children(cover):
            watched: list[tuple[str, etree._Element, _Tag]] = []
            for element in p.iter():
                field = _cover_field(element)
                if field is not None:
                    tag = _Tag(field)
                    self.watch[element] = tag
                    watched.append((field, element, tag))
            written = self.line(p)
            for _, element, _ in watched:
                del self.watch[element]
            if written is None:
                continue
            span, layout = written
            claimed = False
            for field, element, tag in watched:
                claimed |= self.cover_field(
                    field, element, Span(tag.start, tag.end), span, layout.text
                )
            if not claimed:
                self.unclassified.append((span, "a cover page line of unknown kind"))
        if self.sc_adoption is not None:
            meeting, adopted, line = self.sc_adoption
            self.votes.append(_VoteSource(self.part, line, meeting, adopted, meta))

    def cover_field(
        self, field: str, element: etree._Element, span: Span, line: Span, text: str
    ) -> bool:
        value = _SPACES_RE.sub(" ", self.text_at(span, text, line)).strip()
        if field == "distribution":
            self.fields.append((field, value.rpartition(":")[2].strip() or value, span))
        elif field in {"publisher", "symbol", "body", "report_line"}:
            self.fields.append((field, value, span))
        elif field == "issued":
            self.fields.append(
                ("issued", _iso_date(element.get("date")) or _find_date(value, self.language), span)
            )
        elif field == "session_title":
            self.fields.append(("session_title", value, span))
            self.fields.append(("session", _session_number(element.get("value"), value), span))
        elif field == "agenda":
            number = element.get("title") or ""
            match = _AGENDA_NUMBER_RE.match(value)
            self.agenda.append((number.strip() or (match["value"] if match else value), line))
        elif field == "agenda_title":
            self.agenda_titles.append((value, line))
        elif field == "adoption_line":
            dates = [e for e in element.iter() if _local(e) == "docDate"]
            adopted = _iso_date(dates[0].get("date")) if dates else None
            self.fields.append(("adoption_line", value, line))
            self.fields.append(("adopted", adopted or _find_date(value, self.language), line))
        elif field == "sc_number":
            match = _SC_NUMBER_RE.search(value)
            self.fields.append(("number", match["value"] if match else value, span))
        elif field == "sc_adoption":
            dates = [e for e in element.iter() if _local(e) == "docDate"]
            meetings = [
                e
                for e in element.iter()
                if _local(e) == "inline" and e.get("name") == "adoptionMeeting"
            ]
            adopted = _iso_date(dates[0].get("date")) if dates else None
            adopted = adopted or _find_date(value, self.language)
            self.fields.append(("adoption_line", value, line))
            self.fields.append(("adopted", adopted, line))
            self.sc_adoption = (_plain(meetings[0]) if meetings else "") or None, adopted, line
        else:
            return field == "adoption_date"
        return True

    def text_at(self, span: Span, text: str, line: Span) -> str:
        return text[span.start - line.start : span.end - line.start]

    # --- preface ------------------------------------------------------------------------------

    def preface(self, preface: etree._Element, *, component: bool) -> None:
        """Number and title on one line; a part's letter, and its title, on lines of their own."""
        titles: list[Span] = []
        for p in _children(preface):
            if any(element.get(_akn_header.SUPPLIED) for element in p.iter()):
                self.part = None  # a letter resparse gave a part the text did not letter
                continue
            line = _PrefaceLine()
            self.add_text(p.text, line.block)
            for child in _children(p):
                name = _local(child)
                if name == "docNumber" and (
                    line.number is not None or line.letter or _is_part_letter(child)
                ):
                    self.preface_line(line, titles, component=component)
                    line = _PrefaceLine(letter=True)
                    self.inline(child, line.block)
                elif name == "docNumber":
                    line.number = line.block.open("number")
                    self.inline(child, line.block)
                    line.block.close(line.number)
                elif name == "docTitle":
                    if line.title is not None or line.letter:
                        self.preface_line(line, titles, component=component)
                        line = _PrefaceLine()
                    line.block.text(" ")
                    line.title = line.block.open("title")
                    self.inline(child, line.block)
                    line.block.close(line.title)
                else:
                    self.element(child, line.block)
                self.add_text(child.tail, line.block)
            self.preface_line(line, titles, component=component)
        if titles:
            span = Span(titles[0].start, titles[-1].end)
            self.fields.append(("title", self.clean(titles), span))

    def preface_line(self, line: _PrefaceLine, titles: list[Span], *, component: bool) -> None:
        written = self.emit(line.block)
        if written is None:
            return
        if line.letter:
            self.part = self.clean([written[0]]) or None
            self.letter_seen = True
            self.headings.append(written[0])
            return
        if component or self.letter_seen:
            self.headings.append(written[0])
            return
        if line.number is not None and line.number.end > line.number.start:
            number = self.text[line.number.start : line.number.end].rstrip(". ")
            self.fields.append(("number", number, Span(line.number.start, line.number.end)))
        if line.title is not None and line.title.end > line.title.start:
            titles.append(Span(line.title.start, line.title.end))

    # --- preamble -----------------------------------------------------------------------------

    def preamble(self, preamble: etree._Element) -> None:
        for child in _children(preamble):
            name = _local(child)
            if name == "formula":
                self.formula(child)
            elif name == "container":
                self.container(child)
            elif name == "blockList":
                clause = self.clauses[-1] if self.clauses else None
                for span in self.block_list(child):
                    if clause is not None:
                        clause.pieces.append(span)
                        clause.end = span.end
                    else:
                        self.unclassified.append((span, "a list before any preambular paragraph"))
            else:
                for block_element in _blocks(child):
                    written = self.line(block_element)
                    if written is not None:
                        self.headings.append(written[0])

    def formula(self, formula: etree._Element) -> None:
        written = self.line(formula)
        if written is None:
            return
        span, layout = written
        if self.formula_seen:
            self.headings.append(span)
            return
        self.formula_seen = True
        self.fields.append(("enacting_formula", _SPACES_RE.sub(" ", layout.text).strip(), span))

    def container(self, container: etree._Element) -> None:
        if not container.get("name") and _all_bold(list(_children(container))):
            for block_element in _blocks(container):
                written = self.line(block_element)
                if written is not None:
                    self.headings.append(written[0])
                    self.note(
                        "akn.heading_container",
                        "a preamble container read as a heading",
                        written[0],
                    )
            return
        spans: list[Span] = []
        for child in _children(container):
            if _local(child) == "blockList":
                spans.extend(self.block_list(child))
            else:
                written = self.line(child)
                if written is not None:
                    spans.append(written[0])
        if spans:
            self.clauses.append(
                _Clause(
                    self.part_of(container),
                    spans[0].start,
                    spans[-1].end,
                    spans[0].start,
                    spans,
                    container.get(_akn_header.SECTION),
                )
            )

    def block_list(self, block_list: etree._Element) -> list[Span]:
        spans: list[Span] = []
        for child in _children(block_list):
            name = _local(child)
            if name == "item":
                num = _child(child, "num")
                rest = [c for c in _children(child) if c is not num]
                written = self.line(*rest, prefix=_label(num) or None)
            elif name == "num":
                continue
            else:
                written = self.line(child)
            if written is not None:
                spans.append(written[0])
        return spans

    # --- main body ---------------------------------------------------------------------------

    def main_body(self, body: etree._Element) -> None:
        for child in _children(body):
            self.body_item(child)

    def body_item(self, child: etree._Element) -> None:
        name = _local(child)
        self.item_part = self.part
        if name == "section":
            self.para = None
            for item in _children(child):
                if _local(item) in {"num", "heading", "subheading"}:
                    self.heading_line(item)
                else:
                    self.body_item(item)
        elif name in {"heading", "subheading", "num"}:
            self.para = None
            self.heading_line(child)
        elif name == "crossHeading":
            self.cross_heading(child)
        elif name == "paragraph":
            self.paragraph(child)
        elif name == "hcontainer" and child.get("name") == "unclassified" and not self.in_annex:
            self.kept_unclassified(child)
        elif (
            name in {"list", "blockList", "point", "item"}
            and self.para is not None
            and not self.in_annex
        ):
            self.para.subs.extend(self.list_items(child))
            self.extend_para()
        elif (
            name == "container"
            and not self.in_annex
            and self.para is None
            and self.last_para is not None
        ):
            # a table after a heading still belongs to the paragraph that announced it
            self.para = self.last_para
            self.loose(child)
        else:
            self.loose(child)

    def heading_line(self, element: etree._Element) -> Span | None:
        written = self.line(element)
        if written is None:
            return None
        if self.in_annex:
            self.annex_lines[-1].append(_AnnexLine(written[0], heading=True))
        else:
            self.headings.append(written[0])
        return written[0]

    def cross_heading(self, element: etree._Element) -> None:
        self.para = None
        if element.get("refersTo") != "#preamble" or self.in_annex:
            self.heading_line(element)
            return
        written = self.line(element)
        if written is None:
            return
        span = written[0]
        section = element.get(_akn_header.SECTION)
        part = self.part_of(element)
        self.clauses.append(_Clause(part, span.start, span.end, span.start, [span], section))
        self.note("akn.preamble_in_body", "a preambular paragraph inside the operative part", span)

    def paragraph(self, element: etree._Element) -> None:
        """A mainBody paragraph, read by the first rule that fits it (see the module notes)."""
        label, body, headings = _paragraph_parts(element)
        self.section = element.get(_akn_header.SECTION)
        self.item_part = self.part_of(element)
        if not self.in_annex and "unnumbered" in _classes(element):
            self.unnumbered(body, headings)
        elif self.in_annex:
            for heading in headings:
                self.heading_line(heading)
            self.annex_paragraph(element, label, body)
        elif body and not label and all(_local(c) == "crossHeading" for c in body):
            for heading in headings:
                self.heading_line(heading)
            for cross in body:
                self.cross_heading(cross)
        elif not self.numbered(element, label, body, headings) and not self.lettered(
            element, label, body, headings
        ):
            if not body or _is_heading(element, label, body):
                self.heading_paragraph(label, body, headings)
            else:
                for heading in headings:
                    self.heading_line(heading)
                self.loose(element, label=label, body=body)

    def unnumbered(self, body: list[etree._Element], headings: list[etree._Element]) -> None:
        """A paragraph resparse marked as one it found without a number.

        It is read as one paragraph, neither a continuation of the one before nor a
        paragraph whose number is typed in its text.
        """
        for heading in headings:
            self.heading_line(heading)
        self.para = None
        self.operative(None, "", body)

    def numbered(
        self,
        element: etree._Element,
        label: str,
        body: list[etree._Element],
        headings: list[etree._Element],
    ) -> bool:
        """An operative paragraph: numbered ``N.`` (or ``l.``), or with ``N.`` typed in its text."""
        number = self.operative_number(label, element)
        typed = None
        if number is None and not label and body:
            typed = _TEXT_NUMBER_RE.match(_plain(element).lstrip(_STRIPPABLE))
        if number is None and typed is None:
            return False
        for heading in headings:
            self.heading_line(heading)
        if typed is None:
            printed = f"{number}." if label.startswith("l") else label
            self.operative(number, printed, body)
            return True
        para = self.operative(int(typed["n"]), typed["printed"], body, strip=_TEXT_NUMBER_STRIP_RE)
        span = Span(para.start, para.end) if para is not None else None
        message = f"read the number {typed['printed']!r} typed in the text"
        self.note("akn.number_in_text", message, span)
        return True

    def lettered(
        self,
        element: etree._Element,
        label: str,
        body: list[etree._Element],
        headings: list[etree._Element],
    ) -> bool:
        """A paragraph labelled ``(a)`` (in its num or typed in its text) after an operative one.

        A paragraph numbered ``B.`` after an operative paragraph whose last point is ``A.``
        (a table between them) is its next lettered part: the UN's converter ends the list
        at the table, where the printed paragraph goes on with its parts A and B.
        """
        if self.para is None:
            return False
        if not body:
            return self.lettered_heading(label, headings)
        sub = _SUB_NUM_RE.fullmatch(label) if label else None
        part = self.next_part(label) if label and sub is None else None
        in_text = None if label else _TEXT_LABEL_RE.match(_plain(element).lstrip(_STRIPPABLE))
        if sub is None and part is None and in_text is None:
            return False
        for heading in headings:
            self.heading_line(heading)
        block = _Block()
        if in_text is not None:
            label = in_text["printed"]
            pending = self.start_sub(block, label, in_text["label"], body, strip_label=True)
        else:
            letter = sub["label"] if sub else part or label
            pending = self.start_sub(block, label, letter, body, part=part is not None)
        self.emit(block)
        _attach(self.para.subs, self.finish_sub(pending))
        self.extend_para()
        code = "akn.sub_outside_list" if in_text is None else "akn.label_in_text"
        self.note(code, f"paragraph {label} read as a sub-paragraph", self.last_span())
        return True

    def next_part(self, printed: str) -> str | None:
        """The letter of ``B.`` when the open paragraph's last point is the part ``A.``."""
        match = _PART_NUM_RE.fullmatch(printed.strip())
        if match is None or self.para is None or not self.para.subs:
            return None
        return match["label"] if self.follows_part(match["label"]) else None

    def follows_part(self, letter: str) -> bool:
        """Whether ``letter`` is the next lettered part of the open paragraph."""
        last = self.para.subs[-1] if self.para is not None and self.para.subs else None
        if last is None or not last.part:
            return False
        return _labels.follows(last.label, letter, "upper", self.profile().alphabet)

    def lettered_heading(self, label: str, headings: list[etree._Element]) -> bool:
        """A heading "A. Pension Administration" (or "ألف - ...") that is a lettered part.

        It is one right after a paragraph whose text ends with a colon ("... as set out in
        the table below:"), and so is the next letter after a part; as the parser reads
        the printed text. A file may print the letter in the num as well ("A.").
        """
        if len(headings) != 1 or self.para is None:
            return False
        local = self.profile()
        match = local.lettered_part_re.match(_plain(headings[0]).strip())
        if match is None:
            return False
        letter = match["label"]
        if _labels.first_label(letter, local.alphabet):
            last = self.para.pieces[-1] if self.para.pieces else None
            text = self.text[last.start : last.end].rstrip() if last is not None else ""
            if self.para.subs or not text.endswith((":", "：")):
                return False
        elif not self.follows_part(letter):
            return False
        block = _Block()
        printed = label or match[0].strip()
        pending = self.start_sub(
            block, printed, letter, headings, strip_label=local.lettered_part_re, part=True
        )
        self.emit(block)
        self.para.subs.append(self.finish_sub(pending))
        self.extend_para()
        message = f"heading {printed} read as a lettered part"
        self.note("akn.heading_part", message, self.last_span())
        return True

    def profile(self) -> Profile:
        """The language profile of the markup (English for a language without one)."""
        return profile(self.language if has_profile(self.language) else "en")

    def heading_paragraph(
        self, label: str, body: list[etree._Element], headings: list[etree._Element]
    ) -> None:
        """A paragraph that is a heading: its number and heading, or its bold text, as lines."""
        self.para = None
        if headings and not body:
            # a number beside its heading reads as one line ("(i) Exemptions ...")
            if not _plain(headings[0]).startswith(label):
                self.heading_line_of(label, headings[:1])
                headings = headings[1:]
            label = ""
        if body or label:
            span = self.heading_line_of(label, body)
            if span is not None:
                self.note("akn.heading_paragraph", "a paragraph read as a heading", span)
        for heading in headings:
            self.heading_line(heading)

    def heading_line_of(self, label: str, body: list[etree._Element]) -> Span | None:
        block = _Block()
        if label:
            block.text(label)
        for element in body:
            block.text(" ")
            self.inline(element, block)
        written = self.emit(block)
        if written is None:
            return None
        self.headings.append(written[0])
        return written[0]

    def operative_number(self, label: str, element: etree._Element) -> int | None:
        match = _OPERATIVE_NUM_RE.fullmatch(label)
        if match is not None:
            return int(match["n"])
        repaired = _REPAIRED_NUM_RE.fullmatch(label)
        if repaired is not None and "l" in label and _child(element, "content") is not None:
            value = int(repaired["n"].replace("l", "1"))
            self.note(
                "akn.number_repaired", f"read the paragraph number {label!r} as {value}", None
            )
            return value
        return None

    def operative(
        self,
        number: int | None,
        printed: str,
        body: list[etree._Element],
        *,
        strip: regex.Pattern[str] | None = None,
    ) -> _Para | None:
        """Write a paragraph: its number, its first text (or list intro), then the rest.

        ``strip`` drops a number the markup typed at the start of the text.
        """
        block = _Block()
        content = self.start_content(block, printed or None)
        text_from = len(block.pieces)
        lists: list[etree._Element] = []
        later: list[etree._Element] = []
        intro_used = False
        first = True
        for child in body:
            if _local(child) == "list":
                intro = _child(child, "intro")
                if first and intro is not None:
                    self.inline_all(intro, block)
                    intro_used = True
                first = False
                lists.append(child)
            elif first:
                self.inline_all(child, block)
                first = False
            else:
                later.append(child)
        if strip is not None:
            _strip_text_label(block, text_from, strip)
        block.close(content)
        if number is None and not lists and not later and not _lay_out(block).text:
            return None
        para = self.open_para(number, block, content, lists, intro_used=intro_used)
        for child in later:
            self.continue_para(child)
        self.extend_para()
        return para

    def open_para(
        self,
        number: int | None,
        block: _Block,
        content: _Tag,
        lists: list[etree._Element],
        *,
        intro_used: bool,
    ) -> _Para:
        """Write a paragraph's first line and its lists; a list with an empty intro starts on it."""
        pending: _PendingSub | None = None
        items = list(_children(lists[0])) if lists else []
        skip = 1 if intro_used else 0
        if intro_used and not _plain(items[0]) and len(items) > 1:
            head = items[1]
            if _local(head) in {"point", "item"} and _child(head, "subheading") is None:
                pending = self.start_point(head, block)
                skip = 2
        written = self.emit(block)
        span = written[0] if written is not None else Span(self.pos, self.pos)
        para = _Para(number, self.item_part, span.start, span.end, content.start)
        para.section = self.section
        if content.end > content.start:
            para.pieces.append(Span(content.start, content.end))
        self.paras.append(para)
        self.para = self.last_para = para
        for index, list_element in enumerate(lists):
            subs = [self.finish_sub(pending)] if pending is not None and index == 0 else []
            para.subs.extend(
                self.list_items(list_element, skip=skip if index == 0 else 0, subs=subs)
            )
        return para

    def inline_all(self, element: etree._Element, block: _Block) -> None:
        """The running text of an element that may wrap its text in ``p`` children."""
        paragraphs = [c for c in _children(element) if _local(c) == "p"]
        if paragraphs and len(paragraphs) == len(list(_children(element))):
            for p in paragraphs:
                block.text(" ")
                self.inline(p, block)
        else:
            self.inline(element, block)

    def list_items(
        self, element: etree._Element, *, skip: int = 0, subs: list[_Sub] | None = None
    ) -> list[_Sub]:
        """A list's points as sub-paragraphs; a sublist belongs to the point before it.

        ``skip`` leaves out the first children (an intro already written on the paragraph's
        line, and a point written there with it), whose sub-paragraphs come in ``subs``.
        """
        out: list[_Sub] = subs if subs is not None else []
        for child in list(_children(element))[skip:]:
            name = _local(child)
            if name in {"intro", "wrapUp"}:
                self.own_lines(child)
            elif name in {"point", "item"}:
                out.append(self.point(child))
            elif name in {"sublist", "list", "blockList"}:
                nested = self.list_items(child)
                if out:
                    out[-1].children.extend(nested)
                else:
                    out.extend(nested)
            elif name in {"heading", "subheading"}:
                self.sub_heading(child)
            else:
                self.own_lines(child)
        return out

    def own_lines(self, element: etree._Element) -> None:
        """Lines that belong to the open paragraph's own text (an intro, a wrap-up).

        After a lettered part ("A. Pension Administration") they are that part's table.
        """
        part = self.para.subs[-1] if self.para is not None and self.para.subs else None
        if part is not None and not (part.part and not part.children):
            part = None
        for block_element in _blocks(element):
            written = self.line(block_element)
            if written is None or self.para is None:
                continue
            if part is not None:
                part.pieces.append(written[0])
                part.end = written[0].end
            else:
                self.para.pieces.append(written[0])

    def sub_heading(self, element: etree._Element) -> None:
        written = self.line(element)
        if written is not None:
            self.headings.append(written[0])

    def point(self, element: etree._Element) -> _Sub:
        block = _Block()
        pending = self.start_point(element, block)
        self.emit(block)
        return self.finish_sub(pending)

    def start_point(self, element: etree._Element, block: _Block) -> _PendingSub:
        num = _child(element, "num")
        printed = _label(num)
        body = [c for c in _children(element) if _local(c) != "num"]
        part = _PART_NUM_RE.fullmatch(printed.strip()) is not None
        return self.start_sub(block, printed, _sub_label(printed), body, part=part)

    def start_sub(  # noqa: PLR0913 - two keyword-only switches of one builder
        self,
        block: _Block,
        printed: str,
        label: str,
        body: list[etree._Element],
        *,
        strip_label: bool | regex.Pattern[str] = False,
        part: bool = False,
    ) -> _PendingSub:
        """A sub-paragraph's label and first text, into ``block``; the rest waits for the line.

        ``strip_label`` drops the label from the start of the text, where the markup typed it
        (a pattern: a label of that form). A lettered part's heading is its text.
        """
        whole = block.open("sub")
        if printed:
            block.literal(printed)
            block.literal("\t")
        content = block.open("content")
        text_from = len(block.pieces)
        rest: list[etree._Element] = []
        first = True
        for child in body:
            name = _local(child)
            if name in {"heading", "subheading"} and first and not part:
                self.sub_heading(child)
            elif name in {"sublist", "list", "blockList"} or not first:
                rest.append(child)
            else:
                self.inline_all(child, block)
                first = False
        if strip_label:
            pattern = _TEXT_LABEL_RE if strip_label is True else strip_label
            _strip_text_label(block, text_from, pattern)
        block.close(content)
        block.close(whole)
        return _PendingSub(label, whole, content, rest, part)

    def finish_sub(self, pending: _PendingSub) -> _Sub:
        """The sub-paragraph of a written line, with what follows it (its own sublists)."""
        whole = pending.whole
        start = whole.start if whole.end > whole.start else self.pos
        sub = _Sub(pending.label, start, max(start, whole.end), part=pending.part)
        if pending.content.end > pending.content.start:
            sub.pieces.append(Span(pending.content.start, pending.content.end))
        for child in pending.rest:
            if _local(child) in {"sublist", "list", "blockList"}:
                sub.children.extend(self.list_items(child))
            else:
                for block_element in _blocks(child):
                    more = self.line(block_element)
                    if more is not None:
                        sub.pieces.append(more[0])
                        sub.end = more[0].end
        sub.end = sub.last_end()
        return sub

    def continue_para(self, element: etree._Element) -> None:
        name = _local(element)
        if name in {"list", "blockList"} and self.para is not None:
            self.para.subs.extend(self.list_items(element))
            return
        if name in {"point", "item"} and self.para is not None:
            self.para.subs.append(self.point(element))
            return
        self.own_lines(element)

    def loose(
        self,
        element: etree._Element,
        *,
        label: str = "",
        body: list[etree._Element] | None = None,
    ) -> None:
        """Unnumbered text in the operative part: it continues the open paragraph or opens one."""
        if self.in_annex:
            self.annex_paragraph(element, label, body if body is not None else [element])
            return
        block_elements = body if body is not None else [element]
        if self.para is not None:
            if label:
                texts = [c for c in block_elements if _local(c) not in _LISTS]
                written = self.line(*texts, prefix=label)
                if written is not None:
                    self.para.pieces.append(written[0])
                block_elements = [c for c in block_elements if _local(c) in _LISTS]
            for child in block_elements:
                self.continue_para(child)
            self.extend_para()
            self.note(
                "akn.continuation",
                "unnumbered text read as part of the paragraph before it",
                self.last_span(),
            )
            return
        if not label and len(block_elements) == 1 and _heading_like(_plain(block_elements[0])):
            # a short line before the first numbered paragraph ("Somalia", "*") is a heading
            self.heading_line(block_elements[0])
            self.note(
                "akn.loose_heading", "a short unnumbered line read as a heading", self.last_span()
            )
            return
        para = self.operative(None, label, block_elements)
        if para is not None:
            self.note(
                "akn.unnumbered_paragraph",
                "an unnumbered operative paragraph",
                Span(para.start, para.end),
            )

    def extend_para(self) -> None:
        para = self.para
        if para is None:
            return
        ends = [para.end, *(p.end for p in para.pieces), *(s.last_end() for s in para.subs)]
        para.end = max(ends)

    def last_span(self) -> Span | None:
        para = self.para
        return Span(para.start, para.end) if para is not None else None

    # --- conclusions ----------------------------------------------------------------------------

    def conclusions(
        self, conclusions: etree._Element, meta: etree._Element | None, *, inherited: bool
    ) -> None:
        spans: list[Span] = []
        meeting: str | None = None
        adopted: dt.date | None = None
        for p in _children(conclusions):
            for element in p.iter():
                name = _local(element)
                if name == "location" or (
                    name == "inline" and element.get("name") == "adoptionMeeting"
                ):
                    meeting = meeting or _plain(element) or None
                elif name == "docDate":
                    adopted = adopted or _iso_date(element.get("date"))
            written = self.line(p)
            if written is not None:
                spans.append(written[0])
        if not spans:
            return
        span = Span(spans[0].start, spans[-1].end)
        if adopted is None:
            adopted = _find_date(self.text[span.start : span.end], self.language)
        part = self.part_of(conclusions)
        self.votes.append(_VoteSource(part, span, meeting, adopted, meta, inherited=inherited))

    # --- annexes ----------------------------------------------------------------------------------

    def attachments(self, attachments: etree._Element) -> None:
        for attachment in attachments.iter():
            if _local(attachment) != "doc":
                continue
            self.gap()
            self.in_annex = True
            self.annex_lines.append([])
            for child in _children(attachment):
                if _local(child) in {"meta", "attachments"}:
                    continue
                if _local(child) == "mainBody":
                    for item in _children(child):
                        self.body_item(item)
                else:
                    for block_element in _blocks(child):
                        self.annex_line(block_element)
            self.in_annex = False

    def annex_paragraph(
        self, element: etree._Element, label: str, body: list[etree._Element]
    ) -> None:
        if label or body:
            block = _Block()
            content = self.start_content(block, label or None)
            lists = []
            used: etree._Element | None = None
            first = True
            for child in body:
                if _local(child) in {"list", "blockList"}:
                    intro = _child(child, "intro")
                    if first and intro is not None:
                        self.inline_all(intro, block)
                        used = child
                    first = False
                    lists.append(child)
                elif first:
                    self.inline_all(child, block)
                    first = False
                else:
                    lists.append(child)
            block.close(content)
            written = self.emit(block)
            if written is not None:
                heading = (
                    _all_bold(body)
                    or (element.get("class") or "").startswith("H")
                    or any(_local(e) in {"heading", "subheading"} for b in body for e in b.iter())
                )
                self.annex_lines[-1].append(_AnnexLine(written[0], heading=heading and not label))
            for child in lists:
                self.annex_rest(child, skip_intro=child is used)

    def annex_rest(self, element: etree._Element, *, skip_intro: bool) -> None:
        for child in (
            _children(element) if _local(element) in {"list", "blockList", "sublist"} else [element]
        ):
            name = _local(child)
            if name == "intro" and skip_intro:
                continue
            if name in {"point", "item"}:
                num = _child(child, "num")
                body = [c for c in _children(child) if _local(c) not in {"num", "sublist", "list"}]
                self.annex_paragraph(child, _label(num), body)
                for nested in _children(child):
                    if _local(nested) in {"sublist", "list"}:
                        self.annex_rest(nested, skip_intro=False)
            elif name in {"sublist", "list", "blockList"}:
                self.annex_rest(child, skip_intro=False)
            else:
                for block_element in _blocks(child):
                    self.annex_line(block_element)

    def annex_line(self, element: etree._Element) -> None:
        written = self.line(element)
        if written is not None:
            self.annex_lines[-1].append(
                _AnnexLine(written[0], heading=_local(element) in {"heading", "subheading"})
            )

    # --- footnotes -------------------------------------------------------------------------------

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
            written = self.emit(note.block)
            if written is not None:
                note.span = written[0]
                self.small.append(written[0])

    # --- reading back ---------------------------------------------------------------

    def clean(self, pieces: list[Span], source: str | None = None) -> str:
        """The clean text of some ranges: footnote markers cut out, whitespace collapsed."""
        text = self.text if source is None else source
        out: list[str] = []
        for piece in pieces:
            cursor = piece.start
            chunk: list[str] = []
            # anchors are written in order and never overlap: start at the first that may cut
            index = bisect.bisect_right(self.anchor_ends, cursor)
            for anchor in self.anchors[index:]:
                if anchor.start >= piece.end:
                    break
                chunk.append(text[cursor : anchor.start])
                cursor = max(cursor, anchor.end)
            chunk.append(text[cursor : piece.end])
            out.append("".join(chunk))
        return _SPACES_RE.sub(" ", " ".join(out)).strip(" ")


_COVER_FIELDS = {
    "docNumber": "symbol",
    "docStatus": "distribution",
    "session": "session_title",
    "docProponent": "report_line",
}
_COVER_INLINES = {"agenda item": "agenda", "agenda item name": "agenda_title"}
_COVER_TITLES = {"#resolutionNumber": "sc_number", "#adoption": "sc_adoption"}


def _cover_field(element: etree._Element) -> str | None:
    """Which header field a cover page element gives, if any."""
    name = _local(element)
    refers = element.get("refersTo") or ""
    if name == "docAuthority":
        return "publisher" if refers == "#publisher" else "body"
    if name == "docDate":
        parent = element.getparent()
        return "adoption_date" if parent is not None and _local(parent) == "docTitle" else "issued"
    if name == "inline":
        return _COVER_INLINES.get(element.get("name") or "")
    if name == "docTitle":
        return _COVER_TITLES.get(refers, "adoption_line")
    return _COVER_FIELDS.get(name)


def _paragraph_parts(
    element: etree._Element,
) -> tuple[str, list[etree._Element], list[etree._Element]]:
    """A paragraph's printed number, its other children, and its headings."""
    num = _child(element, "num")
    inner = _child(element, "p")
    if num is None and inner is not None:
        num = _child(inner, "num")  # <p><num>XIII</num></p>
    label = _label(num)
    body = [c for c in _children(element) if _local(c) not in {"num", "heading", "subheading"}]
    if num is not None and inner is not None and _plain(inner) == label:
        body.remove(inner)
    headings = [c for c in _children(element) if _local(c) in {"heading", "subheading"}]
    return label, body, headings


def _strip_text_label(block: _Block, start: int, pattern: regex.Pattern[str]) -> None:
    """Drop a label typed at the start of the text ("(a) The ...") from the first text piece."""
    for index in range(start, len(block.pieces)):
        piece = block.pieces[index]
        if isinstance(piece, str) and piece.strip():
            block.pieces[index] = pattern.sub("", piece.lstrip(_STRIPPABLE), count=1)
            return


def _attach(subs: list[_Sub], sub: _Sub) -> None:
    """Add a sub-paragraph from outside a list; ``(i)`` after ``(a)`` nests under it."""
    if subs and _ROMAN_RE.fullmatch(sub.label) and not _ROMAN_RE.fullmatch(subs[0].label or "x"):
        last = subs[-1]
        successor = (
            len(last.label) == 1 and last.label.isalpha() and chr(ord(last.label) + 1) == sub.label
        )
        if not successor:
            last.children.append(sub)
            last.end = last.last_end()
            return
    subs.append(sub)


def _is_part_letter(number: etree._Element) -> bool:
    """A ``docNumber`` that gives the letter of a part ("A", "B1"), not a resolution number."""
    return number.get("refersTo") == "#letter" or bool(_PART_RE.fullmatch(_plain(number)))


def _blocks(element: etree._Element) -> list[etree._Element]:
    """The elements of a container that each make one line: ``p``, table rows, or itself."""
    name = _local(element)
    if name in {"p", "heading", "subheading", "num", "listIntroduction", "crossHeading"}:
        return [element]
    if name == "tr":
        return [element]
    found: list[etree._Element] = []
    for child in _children(element):
        if _local(child) in {"tr", "p", "heading", "subheading", "num"}:
            found.append(child)
        else:
            found.extend(_blocks(child))
    if not found and "".join(element.itertext()).strip():
        return [element]
    return found


def _bracketed_note(children: list[etree._Element], index: int) -> bool:
    """``<sup>(</sup>``, a note and ``<sup>)</sup>``, with nothing between them."""
    if index + 2 >= len(children):
        return False
    opening, note, closing = children[index : index + 3]
    return (
        _local(note) == "authorialNote"
        and _local(opening) == "sup"
        and _local(closing) == "sup"
        and (opening.text or "").strip() == "("
        and (closing.text or "").strip() == ")"
        and len(opening) == 0
        and len(closing) == 0
        and not (opening.tail or "").strip()
        and not (note.tail or "").strip()
    )


def _all_bold(body: list[etree._Element]) -> bool:
    """Whether every word of these elements is set in bold (a heading printed as text)."""
    texts: list[tuple[str, bool]] = []

    def walk(element: etree._Element, *, bold: bool) -> None:
        bold = bold or "bold" in _classes(element) or _local(element) == "b"
        if element.text:
            texts.append((element.text, bold))
        for child in _children(element):
            if _local(child) == "authorialNote":
                continue
            walk(child, bold=bold)
        texts.extend((child.tail, bold) for child in element if child.tail)

    for element in body:
        walk(element, bold=False)
    words = [(text, bold) for text, bold in texts if text.strip()]
    return bool(words) and all(bold for _, bold in words)


def _is_heading(element: etree._Element, label: str, body: list[etree._Element]) -> bool:
    if label and _HEADING_NUM_RE.fullmatch(label):
        return True
    if _all_bold(body):
        return True
    return (element.get("class") or "").startswith("H") and not label and len(_plain(element)) < 200


_PART_NUM_RE = regex.compile(r"(?P<label>[A-Z])\.")


def _sub_label(printed: str) -> str:
    label = printed.strip().strip("()’‘").rstrip(".").strip()
    return label or printed


def _session_number(value: str | None, title: str) -> int | None:
    if value and value.strip().isdigit():
        return int(value.strip())
    for word in title.split():
        number = _dates.ordinal_value(word)
        if number is not None:
            return number
    return None


def _voting(meta: etree._Element) -> etree._Element | None:
    return next((e for e in meta.iter() if _local(e) == "voting"), None)


# --- input ------------------------------------------------------------------------------------


def _read_input(xml: XmlInput) -> tuple[bytes, str | None]:
    """The XML bytes and the path they came from (a ``str`` starting with ``<`` is XML)."""
    if isinstance(xml, bytes):
        return xml, None
    if isinstance(xml, str) and xml.lstrip("\ufeff \t\r\n").startswith("<"):
        text = _XML_DECL_RE.sub("", xml, count=1)
        return text.encode("utf-8"), None
    path = os.fspath(xml)
    try:
        return pathlib.Path(path).read_bytes(), path
    except OSError as error:
        msg = f"cannot read the file: {error.strerror or error}"
        raise InputError(msg, path=path) from error


def _refuse_doctype(data: bytes, path: str | None) -> None:
    """Refuse entity declarations and external DTDs before the parser sees them."""
    probe = data
    encoding = xml_encoding(data[:4])  # UTF-16 or UTF-32 with or without a mark, EBCDIC
    if encoding != "utf-8":
        probe = data.decode(encoding, "replace").encode("utf-8", "replace")
    if _ENTITY_RE.search(probe):
        raise UnsafeInputError(_NO_ENTITIES, path=path)
    if _EXTERNAL_DTD_RE.search(probe):
        raise UnsafeInputError(_NO_DTD, path=path)


def _parse(xml: XmlInput) -> tuple[etree._Element, str | None]:
    try:
        from lxml import etree  # noqa: PLC0415 - lxml is needed only for Akoma Ntoso input
    except ImportError as error:  # pragma: no cover - depends on the environment
        msg = "reading Akoma Ntoso needs lxml: pip install lxml"
        raise InputError(msg) from error
    data, path = _read_input(xml)
    _refuse_doctype(data, path)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
    )
    try:
        tree = etree.fromstring(data, parser=parser).getroottree()
    except etree.XMLSyntaxError as error:
        msg = f"malformed XML: {error}"
        raise InputError(msg, path=path) from error
    docinfo = tree.docinfo
    if docinfo.system_url or docinfo.public_id:
        raise UnsafeInputError(_NO_DTD, path=path)
    dtd = docinfo.internalDTD
    root = tree.getroot()
    entities = any(True for _ in dtd.iterentities()) if dtd is not None else False
    if entities or any(isinstance(node, etree._Entity) for node in root.iter()):  # noqa: SLF001
        raise UnsafeInputError(_NO_ENTITIES, path=path)
    if _local(root) != "akomaNtoso":
        msg = f"not Akoma Ntoso: the root element is <{_local(root)}>"
        raise InputError(msg, path=path)
    return root, path


def _render(xml: XmlInput) -> tuple[_Renderer, str | None]:
    root, path = _parse(xml)
    renderer = _Renderer()
    renderer.document(root)
    return renderer, path


# --- public API -------------------------------------------------------------------------------


def render_akn(xml: XmlInput) -> Document:
    """The markup as the text of the printed resolution, with its lead marking as spans.

    ``italics`` holds the runs that mark leads: italics, or bold where the language sets
    its leads in bold (Chinese). ``xml`` is XML text (a ``str`` starting with ``<``, or
    ``bytes``) or a path. Vote data from ``meta`` is not printed: the official text carries
    none.
    """
    renderer, path = _render(xml)
    return _document(renderer, path)


def _document(renderer: _Renderer, path: str | None) -> Document:
    return Document(
        text=renderer.text,
        reader="akn",
        # runs parted only by spaces are one lead ("وإذ" and "تلاحظ" set as two spans)
        italics=tuple(_merge_runs(sorted(renderer.italics), renderer.text)),
        diagnostics=tuple(renderer.diagnostics),
        path=path,
        superscripts=tuple(sorted(renderer.superscripts)),
        small=tuple(renderer.small),
    )


def from_akn(xml: XmlInput) -> Resolution:
    """The markup as a Resolution whose source is exactly ``render_akn(xml).text``."""
    renderer, _ = _render(xml)
    source = renderer.text
    builder = _Builder(renderer, source)
    votes = builder.votes()
    unclassified = builder.unclassified()  # adds a diagnostic for each
    diagnostics = sorted(
        renderer.diagnostics, key=lambda d: (d.span.start if d.span else -1, d.code)
    )
    return Resolution(
        source=source,
        header=builder.header(),
        preamble=builder.preamble(),
        operative=builder.operative(),
        vote=votes[0] if votes else None,
        votes=votes,
        footnotes=builder.footnotes(),
        unclassified=unclassified,
        diagnostics=tuple(diagnostics),
        headings=tuple(Heading(builder.clean([span]), span) for span in sorted(renderer.headings)),
        annexes=builder.annexes(),
        furniture=tuple(renderer.furniture),
        language=renderer.language,
        reader="akn",
    )


class _Builder:
    """Turns the renderer's records into model objects, reading text from the source."""

    def __init__(self, renderer: _Renderer, source: str) -> None:
        self.r = renderer
        self.source = source
        self.italic_runs = _merge_runs(sorted(renderer.italics), source)
        self.run_starts = [run.start for run in self.italic_runs]
        body = next((value for name, value, _ in renderer.fields if name == "body"), None)
        self.words_language = renderer.language if has_profile(renderer.language) else None
        self.scope = (
            scope_of(body if isinstance(body, str) else None, self.words_language)
            if self.words_language
            else None
        )

    def clean(self, pieces: list[Span]) -> str:
        return self.r.clean(pieces, self.source)

    def lead(
        self, content_start: int, limit: int, kind: Kind
    ) -> tuple[str | None, Span | None, bool | None]:
        """The lead that opens the text at ``content_start``, and whether it is italic.

        The italic run there, without trailing punctuation; where the markup has none (the
        UN's converter keeps a lead the print set in roman as plain text) the lead tables
        read the opening words, as they read plain text, and the lead is not italic.
        """
        start = content_start
        while start < limit and self.source[start] in _LEAD_SKIP:
            start += 1
        index = bisect.bisect_left(self.run_starts, start)
        if index < len(self.italic_runs):
            run = self.italic_runs[index]
            if run.start == start and run.end <= limit:
                trimmed = _LEAD_TRIM_RE.sub("", self.source[run.start : run.end])
                if trimmed:
                    return trimmed, Span(run.start, run.start + len(trimmed)), True
        if self.words_language is None or start >= limit:
            return None, None, None
        words = lead_words(self.source, [(start, limit)], kind, self.words_language)
        if not words or self.italic_at(words[0][1]):
            return None, None, False  # an italic run later in the words is not a lead
        found = lead_by_words(words, kind, self.words_language, self.scope)
        if found is None:
            return None, None, False
        return self.source[found.start : found.end], found, False

    def italic_at(self, offset: int) -> bool:
        """Whether an italic run covers ``offset``."""
        index = bisect.bisect_right(self.run_starts, offset) - 1
        return index >= 0 and self.italic_runs[index].end > offset

    def more_leads(self, pieces: list[Span], after: int) -> dict[str, Any]:
        """Further italic leads in the first piece: lower case, after a comma or "and"."""
        if after <= 0 or not pieces:
            return {}
        limit = pieces[0].end
        spans: list[Span] = []
        index = bisect.bisect_right(self.run_starts, after)
        while index < len(self.italic_runs) and self.italic_runs[index].start < limit:
            run = self.italic_runs[index]
            index += 1
            before = self.source[max(0, run.start - 12) : run.start]
            if not run.end <= limit or not _MORE_LEAD_BEFORE_RE.search(before):
                continue
            trimmed = _LEAD_TRIM_RE.sub("", self.source[run.start : run.end])
            if trimmed[:1].islower():
                spans.append(Span(run.start, run.start + len(trimmed)))
        if not spans:
            return {}
        return {
            "more_leads": tuple(self.source[s.start : s.end] for s in spans),
            "more_lead_spans": tuple(spans),
        }

    def header(self) -> Header:
        values: dict[str, object] = {}
        spans: list[tuple[str, Span]] = []
        for name, value, span in self.r.fields:
            if name in values or value is None:
                continue
            values[name] = value
            spans.append((name, span))
        agenda = self.agenda_items()
        if self.r.own_header is not None:
            kept = self.r.own_header
            return self.own_header(spans, agenda, kept.values, kept.agenda)
        kwargs = {
            k: v for k, v in values.items() if k in attrs.fields_dict(Header) and v is not None
        }
        return Header(agenda_items=agenda, spans=SpanMap.from_pairs(spans), **kwargs)  # type: ignore[arg-type]

    @staticmethod
    def own_header(
        spans: list[tuple[str, Span]],
        read: tuple[AgendaItem, ...],
        values: _akn_header.HeaderValues,
        agenda: tuple[tuple[str, str | None], ...],
    ) -> Header:
        """The header a resparse export kept in its ``proprietary`` block, on the cover's spans.

        Each value keeps the span of the cover line it was printed on; an agenda item takes
        the span of the item read in its place (the last one when fewer were read).
        """
        kept = [(name, span) for name, span in spans if values.get(name) is not None]
        items = tuple(
            AgendaItem(number, title, read[min(i, len(read) - 1)].span if read else Span(0, 0))
            for i, (number, title) in enumerate(agenda)
        )
        return Header(agenda_items=items, spans=SpanMap.from_pairs(kept), **values)

    def agenda_items(self) -> tuple[AgendaItem, ...]:
        """One item per number; "Agenda items 13 and 75 (a)" pairs each number with its title line.

        The first item's span runs from the "Agenda item(s)" line to its title, the others
        cover their title lines. When numbers and titles do not pair up, the line is one item.
        """
        items: list[AgendaItem] = []
        titles = self.r.agenda_titles
        for number_text, line in self.r.agenda:
            numbers = [n for n in _AGENDA_SPLIT_RE.split(number_text) if n]
            if len(self.r.agenda) == 1 and len(numbers) == len(titles) > 1:
                for i, (number, (title, title_line)) in enumerate(
                    zip(numbers, titles, strict=True)
                ):
                    start = line.start if i == 0 else title_line.start
                    items.append(AgendaItem(number, title, Span(start, title_line.end)))
            else:
                joined = " ".join(t for t, _ in titles) or None
                end = titles[-1][1].end if titles else line.end
                items.append(AgendaItem(number_text, joined, Span(line.start, end)))
        return tuple(items)

    def preamble(self) -> tuple[PreambularClause, ...]:
        out: list[PreambularClause] = []
        for index, clause in enumerate(sorted(self.r.clauses, key=lambda c: c.start), start=1):
            lead, lead_span, italic = self.lead(clause.content_start, clause.pieces[0].end, "pre")
            out.append(
                PreambularClause(
                    index=index,
                    lead=lead,
                    text=self.clean(clause.pieces),
                    span=Span(clause.start, clause.end),
                    lead_span=lead_span,
                    lead_italic=italic,
                    part=clause.part,
                    section=clause.section,
                    **self.more_leads(clause.pieces, lead_span.end if lead_span else 0),
                )
            )
        return tuple(out)

    def operative(self) -> tuple[OperativeParagraph, ...]:
        out: list[OperativeParagraph] = []
        for para in self.r.paras:
            limit = para.pieces[0].end if para.pieces else para.content_start
            lead, lead_span, italic = self.lead(para.content_start, limit, "op")
            out.append(
                OperativeParagraph(
                    number=para.number,
                    lead=lead,
                    text=self.clean(para.pieces),
                    span=Span(para.start, para.end),
                    lead_span=lead_span,
                    lead_italic=italic,
                    subparagraphs=tuple(self.sub(s) for s in para.subs),
                    part=para.part,
                    section=para.section,
                    **self.more_leads(para.pieces, lead_span.end if lead_span else 0),
                )
            )
        return tuple(out)

    def sub(self, sub: _Sub) -> SubParagraph:
        return SubParagraph(
            label=sub.label,
            text=self.clean(sub.pieces),
            span=Span(sub.start, sub.last_end()),
            subparagraphs=tuple(self.sub(child) for child in sub.children),
        )

    def votes(self) -> tuple[VoteRecord, ...]:
        out: list[VoteRecord] = []
        for source in self.r.votes:
            fields = _vote_fields(source.meta)
            if source.inherited and fields.method is not None:
                self.r.note(
                    "akn.vote_inherited",
                    "the markup gives one vote for the whole resolution",
                    source.span,
                )
            out.append(
                VoteRecord(
                    method=fields.method,
                    span=source.span,
                    in_favour=fields.counts.get("in_favour"),
                    against=fields.counts.get("against"),
                    abstaining=fields.counts.get("abstaining"),
                    in_favour_states=fields.states.get("in_favour", ()),
                    against_states=fields.states.get("against", ()),
                    abstaining_states=fields.states.get("abstaining", ()),
                    meeting=source.meeting,
                    date=source.date,
                    text=self.clean([source.span]),
                    part=source.part,
                    **_outcome_fields(source.meta, fields.method),
                )
            )
        return tuple(out)

    def footnotes(self) -> tuple[Footnote, ...]:
        out: list[Footnote] = []
        for note in self.r.notes:
            if note.span is None:
                continue
            anchor = (
                Span(note.anchor.start, note.anchor.end)
                if note.anchor.end > note.anchor.start
                else None
            )
            body = Span(note.body.start, note.body.end)
            out.append(Footnote(note.marker, self.clean([body]), note.span, anchor))
        return tuple(out)

    def annexes(self) -> tuple[Annex, ...]:
        out: list[Annex] = []
        for lines in self.r.annex_lines:
            groups: list[list[_AnnexLine]] = []
            for line in lines:
                text = self.source[line.span.start : line.span.end].strip()
                if _ANNEX_RE.fullmatch(text) or not groups:
                    groups.append([line])
                else:
                    groups[-1].append(line)
            for group in groups:
                first = self.clean([group[0].span])
                rest = group
                label = "Annex"
                title = None
                named = _ANNEX_RE.fullmatch(first)
                if named is not None:
                    label = named["label"]
                    title = named["title"]
                    rest = group[1:]
                if title is None and rest and rest[0].heading:
                    title = self.clean([rest[0].span])
                    rest = rest[1:]
                out.append(
                    Annex(
                        label=label,
                        title=title,
                        text=self.clean([line.span for line in rest]),
                        span=Span(group[0].span.start, group[-1].span.end),
                    )
                )
        return tuple(out)

    def unclassified(self) -> tuple[Unclassified, ...]:
        out = [
            Unclassified(self.r.kept_text.get(span) or self.clean([span]), span, reason)
            for span, reason in self.r.unclassified
        ]
        for item in out:
            self.r.diagnostics.append(
                Diagnostic(
                    "text.unclassified",
                    f"could not place text: {item.reason}",
                    "warning",
                    item.span,
                )
            )
        return tuple(sorted(out, key=lambda u: u.span.start))


def _merge_runs(italics: list[Span], source: str) -> list[Span]:
    """Italic spans that touch, or are parted only by spaces, read as one run."""
    runs: list[Span] = []
    for span in italics:
        if runs and not source[runs[-1].end : span.start].strip(" "):
            runs[-1] = Span(runs[-1].start, max(runs[-1].end, span.end))
        else:
            runs.append(span)
    return runs


@attrs.define
class _VoteFields:
    """What ``meta`` says about a vote."""

    method: str | None = None
    counts: dict[str, int | None] = attrs.field(factory=dict)
    states: dict[str, tuple[str, ...]] = attrs.field(factory=dict)


_COUNT_NAMES = {"inFavour": "in_favour", "against": "against", "abstaining": "abstaining"}
_TALLY_RE = regex.compile(r"(\d{1,3})-(\d{1,3})-(\d{1,3})")


def _vote_fields(meta: etree._Element | None) -> _VoteFields:
    """Method, counts and voters from ``meta``: analysis/parliamentary/voting and workflow."""
    fields = _VoteFields()
    if meta is None:
        return fields
    voting = _voting(meta)
    steps = (e for e in meta.iter() if _local(e) == "step" and e.get("outcome") == "adopted")
    adopted_by = " ".join(e.get("by") or "" for e in steps).casefold()
    outcome = (voting.get("outcome") or "") if voting is not None else ""
    counts = [e for e in voting.iter() if _local(e) == "count"] if voting is not None else []
    for count in counts:
        key = _COUNT_NAMES.get((count.get("refersTo") or "").lstrip("#"))
        if key is None:
            continue
        value = (count.get("value") or "").strip()
        fields.counts[key] = int(value) if value.isdigit() else None
        voters = (_plain(e) for e in count.iter() if _local(e) == "organization")
        fields.states[key] = tuple(name for name in voters if name)
    if fields.counts:
        # a tally that names no one against (or abstaining) counts zero there
        for key in _COUNT_NAMES.values():
            fields.counts.setdefault(key, 0)
    elif (tally := _TALLY_RE.search(outcome)) is not None:
        fields.counts = dict(
            zip(_COUNT_NAMES.values(), (int(g) for g in tally.groups()), strict=True)
        )
    fields.method = _vote_method(outcome, adopted_by, fields.counts)
    if _akn_votes.failed_step(meta) is not None:
        fields.method = "rejected"
    return fields


def _outcome_fields(meta: etree._Element | None, method: str | None) -> dict[str, Any]:
    """The VoteRecord fields on the outcome, absentees and vetoes (see ``_akn_votes``)."""
    told = _akn_votes.read_outcome(meta, method)
    return {
        "outcome": told.outcome,
        "absent_states": told.absent,
        "not_participating_states": told.not_participating,
        "vetoed_by": told.vetoed_by,
    }


def _vote_method(outcome: str, adopted_by: str, counts: dict[str, int | None]) -> str | None:
    if "unanimous" in adopted_by:
        return "unanimous"
    without = ("without vote", "acclamation")
    if outcome == "adoptedWithoutVote" or any(
        w in outcome.casefold() or w in adopted_by for w in without
    ):
        return "without_vote"
    if any(counts.values()) or outcome == "adoptedRecordedVote":
        return "recorded"
    return None
