"""The walk over the markup: writes the rendered text and records what each line is.

The rules for odd markup are listed in :mod:`resparse.readers.akn`.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from resparse import _akn_header, _labels
from resparse._header import read_sponsors_line
from resparse._language import Profile, has_profile, profile
from resparse.errors import InputError
from resparse.model import (
    Diagnostic,
    Furniture,
    Span,
)
from resparse.readers import _akn_votes
from resparse.readers.akn._elements import (
    _AGENDA_NUMBER_RE,
    _LANGUAGES,
    _LISTS,
    _OPERATIVE_NUM_RE,
    _PART_NUM_RE,
    _REPAIRED_NUM_RE,
    _SC_NUMBER_RE,
    _SEPARATOR,
    _STRIPPABLE,
    _SUB_NUM_RE,
    _TEXT_BARE_NUMBER_RE,
    _TEXT_BARE_NUMBER_STRIP_RE,
    _TEXT_LABEL_RE,
    _TEXT_NUMBER_RE,
    _TEXT_NUMBER_STRIP_RE,
    _all_bold,
    _AnnexLine,
    _attach,
    _blocks,
    _bracketed_note,
    _child,
    _children,
    _classes,
    _Clause,
    _find_date,
    _heading_like,
    _is_heading,
    _is_part_letter,
    _iso_date,
    _label,
    _lead_emphasis,
    _local,
    _Note,
    _Para,
    _paragraph_parts,
    _PendingSub,
    _plain,
    _PrefaceLine,
    _previous_cell,
    _session_number,
    _strip_text_label,
    _Sub,
    _sub_label,
    _VoteSource,
    _voting,
)
from resparse.readers.akn._layout import _SPACES_RE, _Block, _lay_out, _Layout, _Open, _Tag

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    import regex
    from lxml import etree


class _Renderer:
    """Walks the markup once, writing lines and recording what each line is."""

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
        # per attachment, the label and title a resparse export kept (None in the UN's files)
        self.annex_kept: list[tuple[str, str | None] | None] = []
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
            elif tag.kind == "lead":
                self.marked_leads.append(Span(tag.start, tag.end))
            elif tag.kind == "more":
                self.marked_more.add(tag.start)
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
        if child.get(_akn_header.LEAD):
            tags.append(block.open("lead"))  # resparse's mark: the lead, where it stands
        if child.get(_akn_header.MORE):
            tags.append(block.open("more"))  # and a further lead where no rule finds one
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
                self.kept_text[written[0]] = _own_text(block_element)

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
            unprinted = next((e for e in p.iter() if e.get(_akn_header.UNPRINTED)), None)
            if unprinted is not None:
                self.part = _plain(unprinted) or None  # a letter the text printed on no line
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
                    line.sponsors = child.get("refersTo") == "sponsors"
                    line.title = line.block.open("title")
                    self.inline(child, line.block)
                    line.block.close(line.title)
                else:
                    self.element(child, line.block)
                self.add_text(child.tail, line.block)
            self.preface_line(line, titles, component=component)
        if titles:
            span = Span(titles[0].start, titles[-1].end)
            self.fields.append(("title", self.clean([(t.start, t.end) for t in titles]), span))

    def preface_line(self, line: _PrefaceLine, titles: list[Span], *, component: bool) -> None:
        written = self.emit(line.block)
        if written is None:
            return
        if line.letter:
            self.part = self.clean([(written[0].start, written[0].end)]) or None
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
            span = Span(line.title.start, line.title.end)
            read = read_sponsors_line(self.text[span.start : span.end], self.language)
            if line.sponsors and read is not None:
                # "United States of America: draft resolution" names the sponsors, not a title
                self.fields.append(("sponsors", read[0], span))
                self.fields.append(("document_type", read[1], span))
            else:
                titles.append(span)

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
        strip = _TEXT_NUMBER_STRIP_RE
        if number is None and not label and body:
            plain = _plain(element).lstrip(_STRIPPABLE)
            typed = _TEXT_NUMBER_RE.match(plain)
            if typed is None and self.paras and self.paras[-1].number is not None:
                bare = _TEXT_BARE_NUMBER_RE.match(plain)
                if bare is not None and int(bare["n"]) == self.paras[-1].number + 1:
                    typed, strip = bare, _TEXT_BARE_NUMBER_STRIP_RE
        if number is None and typed is None:
            return False
        for heading in headings:
            self.heading_line(heading)
        if typed is None:
            printed = f"{number}." if label.startswith("l") else label
            self.operative(number, printed, body)
            return True
        para = self.operative(int(typed["n"]), typed["printed"], body, strip=strip)
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
            holder = attachment.getparent()  # an annex resparse wrote: its attachment says
            label = holder.get(_akn_header.LABEL) if holder is not None else None
            title = holder.get(_akn_header.TITLE) if holder is not None else None
            kept = (label, title) if label is not None else None
            self.annex_kept.append(kept)
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


def _own_text(element: etree._Element) -> str:
    """An element's text as written, without the footnotes it holds (those are notes)."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and _local(child) != "authorialNote":
            parts.append(_own_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
