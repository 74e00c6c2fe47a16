"""Cover page, preface and preamble: the header's fields and the preambular clauses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from resparse import _akn_header
from resparse._header import read_sponsors_line
from resparse.model import (
    Span,
)
from resparse.readers.akn._elements import (
    _SC_NUMBER_RE,
    _agenda_number,
    _all_bold,
    _blocks,
    _child,
    _children,
    _Clause,
    _find_date,
    _is_part_letter,
    _iso_date,
    _label,
    _local,
    _plain,
    _PrefaceLine,
    _session_number,
    _VoteSource,
)
from resparse.readers.akn._layout import _SPACES_RE, _Tag

if TYPE_CHECKING:
    from lxml import etree

    from resparse.readers.akn._elements import _State
    from resparse.readers.akn._writer import _Writer


class _Front:
    """The cover page, the preface and the preamble: header fields and clauses."""

    def __init__(self, out: _Writer, st: _State) -> None:
        self.out = out
        self.st = st

    def cover(self, cover: etree._Element, meta: etree._Element | None) -> None:
        for p in _children(cover):
            watched: list[tuple[str, etree._Element, _Tag]] = []
            for element in p.iter():
                field = _cover_field(element)
                if field is not None:
                    tag = _Tag(field)
                    self.out.watch[element] = tag
                    watched.append((field, element, tag))
            written = self.out.line(p)
            for _, element, _ in watched:
                del self.out.watch[element]
            if written is None:
                continue
            span, layout = written
            claimed = False
            for field, element, tag in watched:
                claimed |= self.cover_field(
                    field, element, Span(tag.start, tag.end), span, layout.text
                )
            if not claimed:
                self.st.unclassified.append((span, "a cover page line of unknown kind"))
        if self.st.sc_adoption is not None:
            meeting, adopted, line = self.st.sc_adoption
            self.st.votes.append(_VoteSource(self.st.part, line, meeting, adopted, meta))

    def cover_field(
        self, field: str, element: etree._Element, span: Span, line: Span, text: str
    ) -> bool:
        value = _SPACES_RE.sub(" ", self.text_at(span, text, line)).strip()
        if field == "distribution":
            self.st.fields.append((field, value.rpartition(":")[2].strip() or value, span))
        elif field in {"publisher", "symbol", "body", "report_line"}:
            self.st.fields.append((field, value, span))
        elif field == "issued":
            self.st.fields.append(
                (
                    "issued",
                    _iso_date(element.get("date")) or _find_date(value, self.out.language),
                    span,
                )
            )
        elif field == "session_title":
            self.st.fields.append(("session_title", value, span))
            session = _session_number(element.get("value"), value, self.out.language)
            self.st.fields.append(("session", session, span))
        elif field == "agenda":
            number = element.get("title") or ""
            printed = number.strip() or _agenda_number(value, self.out.language)
            self.st.agenda.append((printed, line))
        elif field == "agenda_title":
            self.st.agenda_titles.append((value, line))
        elif field == "adoption_line":
            dates = [e for e in element.iter() if _local(e) == "docDate"]
            adopted = _iso_date(dates[0].get("date")) if dates else None
            self.st.fields.append(("adoption_line", value, line))
            self.st.fields.append(
                ("adopted", adopted or _find_date(value, self.out.language), line)
            )
        elif field == "sc_number":
            match = _SC_NUMBER_RE.search(value)
            self.st.fields.append(("number", match["value"] if match else value, span))
        elif field == "sc_adoption":
            dates = [e for e in element.iter() if _local(e) == "docDate"]
            meetings = [
                e
                for e in element.iter()
                if _local(e) == "inline" and e.get("name") == "adoptionMeeting"
            ]
            adopted = _iso_date(dates[0].get("date")) if dates else None
            adopted = adopted or _find_date(value, self.out.language)
            self.st.fields.append(("adoption_line", value, line))
            self.st.fields.append(("adopted", adopted, line))
            self.st.sc_adoption = (_plain(meetings[0]) if meetings else "") or None, adopted, line
        else:
            return field == "adoption_date"
        return True

    def text_at(self, span: Span, text: str, line: Span) -> str:
        return text[span.start - line.start : span.end - line.start]

    def preface(self, preface: etree._Element, *, component: bool) -> None:
        """Number and title on one line; a part's letter, and its title, on lines of their own."""
        titles: list[Span] = []
        for p in _children(preface):
            if any(element.get(_akn_header.SUPPLIED) for element in p.iter()):
                self.st.part = None  # a letter resparse gave a part the text did not letter
                continue
            unprinted = next((e for e in p.iter() if e.get(_akn_header.UNPRINTED)), None)
            if unprinted is not None:
                self.st.part = _plain(unprinted) or None  # a letter the text printed on no line
                continue
            line = _PrefaceLine()
            self.out.add_text(p.text, line.block)
            for child in _children(p):
                name = _local(child)
                if name == "docNumber" and (
                    line.number is not None or line.letter or _is_part_letter(child)
                ):
                    self.preface_line(line, titles, component=component)
                    line = _PrefaceLine(letter=True)
                    self.out.inline(child, line.block)
                elif name == "docNumber":
                    line.number = line.block.open("number")
                    self.out.inline(child, line.block)
                    line.block.close(line.number)
                elif name == "docTitle":
                    if line.title is not None or line.letter:
                        self.preface_line(line, titles, component=component)
                        line = _PrefaceLine()
                    line.block.text(" ")
                    line.sponsors = child.get("refersTo") == "sponsors"
                    line.title = line.block.open("title")
                    self.out.inline(child, line.block)
                    line.block.close(line.title)
                else:
                    self.out.element(child, line.block)
                self.out.add_text(child.tail, line.block)
            self.preface_line(line, titles, component=component)
        if titles:
            span = Span(titles[0].start, titles[-1].end)
            self.st.fields.append(
                ("title", self.out.clean([(t.start, t.end) for t in titles]), span)
            )

    def preface_line(self, line: _PrefaceLine, titles: list[Span], *, component: bool) -> None:
        written = self.out.emit(line.block)
        if written is None:
            return
        if line.letter:
            self.st.part = self.out.clean([(written[0].start, written[0].end)]) or None
            self.st.letter_seen = True
            self.st.headings.append(written[0])
            return
        if component or self.st.letter_seen:
            self.st.headings.append(written[0])
            return
        if line.number is not None and line.number.end > line.number.start:
            number = self.out.text[line.number.start : line.number.end].rstrip(". ")
            self.st.fields.append(("number", number, Span(line.number.start, line.number.end)))
        if line.title is not None and line.title.end > line.title.start:
            span = Span(line.title.start, line.title.end)
            read = read_sponsors_line(self.out.text[span.start : span.end], self.out.profile().code)
            if line.sponsors and read is not None:
                # "United States of America: draft resolution" names the sponsors, not a title
                self.st.fields.append(("sponsors", read[0], span))
                self.st.fields.append(("document_type", read[1], span))
            else:
                titles.append(span)

    def preamble(self, preamble: etree._Element) -> None:
        for child in _children(preamble):
            name = _local(child)
            if name == "formula":
                self.formula(child)
            elif name == "container":
                self.container(child)
            elif name == "blockList":
                clause = self.st.clauses[-1] if self.st.clauses else None
                for span in self.block_list(child):
                    if clause is not None:
                        clause.pieces.append(span)
                        clause.end = span.end
                    else:
                        self.st.unclassified.append(
                            (span, "a list before any preambular paragraph")
                        )
            else:
                for block_element in _blocks(child):
                    written = self.out.line(block_element)
                    if written is not None:
                        self.st.headings.append(written[0])

    def formula(self, formula: etree._Element) -> None:
        written = self.out.line(formula)
        if written is None:
            return
        span, layout = written
        if self.st.formula_seen:
            self.st.headings.append(span)
            return
        self.st.formula_seen = True
        self.st.fields.append(("enacting_formula", _SPACES_RE.sub(" ", layout.text).strip(), span))

    def container(self, container: etree._Element) -> None:
        if not container.get("name") and _all_bold(list(_children(container))):
            for block_element in _blocks(container):
                written = self.out.line(block_element)
                if written is not None:
                    self.st.headings.append(written[0])
                    self.out.note(
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
                written = self.out.line(child)
                if written is not None:
                    spans.append(written[0])
        if spans:
            self.st.clauses.append(
                _Clause(
                    self.st.part_of(container),
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
                written = self.out.line(*rest, prefix=_label(num) or None)
            elif name == "num":
                continue
            else:
                written = self.out.line(child)
            if written is not None:
                spans.append(written[0])
        return spans


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
