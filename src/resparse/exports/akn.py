r"""Akoma Ntoso out: a Resolution as AKN 3.0, written the way the UN writes AKN4UN.

The UN publishes its resolutions as Akoma Ntoso, so a parse result written in the same
shape can go wherever the UN's files go and be compared with them element by element.
:func:`to_akn` follows the UN's files (see ``fixtures/akn``): ``statement
name="resolution"``; ``meta`` with the FRBR identification derived from the header, the
adoption step in ``workflow``, the vote in ``analysis/parliamentary/voting`` (counts, and
voters as ``akn4un:voters/organization``) and a ``references`` entry for every
``refersTo``; a ``coverPage`` of one ``p`` per printed line; a ``preface`` with number and
title (not for the Security Council, whose number and adoption line sit on the cover);
the ``preamble`` with the enacting ``formula`` and one ``container`` per clause; the
``mainBody`` with ``paragraph``/``num``/``content`` and ``list``/``point`` for
sub-paragraphs; ``conclusions`` with the meeting and date; ``attachments`` for annexes.
A lead opens the ``p`` of its clause or paragraph as ``span class="italic"`` (``"bold"``
in languages whose UN markup sets leads in bold). A resolution in parts becomes a
``documentCollection`` with one statement per part among its ``components``.

Placement rules that the model leaves open:

* A clause that follows an operative paragraph (the section preambles of budget
  resolutions) is a ``crossHeading refersTo="#preamble"`` in the mainBody, inside a
  ``paragraph`` because the schema admits a crossHeading only inside a hierarchy.
* A heading between paragraphs is a ``paragraph`` holding only a ``subheading``; a
  heading inside the preamble is a ``p``.
* A footnote goes where its marker stood, after the word before it: the part's source is
  read again as clean text with its offset map (``resparse._text.CleanText``), which
  carries the marker's offset into the text; a marker the parser left in a heading stays
  in it; a note whose marker is nowhere in the text goes to the conclusions (with no
  conclusions to hold it, it closes the last paragraph).
* A resolution with more votes than lettered parts (the parser missed a part's letter)
  is cut after each vote, so that each part keeps its own vote; its parts are lettered
  in order.
* Dates: the manifestation's date is the publication's, so an input always gives the same
  bytes; a date the header does not give is the UN's placeholder ``0001-01-01``.
* Text the parser could not place is an ``hcontainer name="unclassified"`` in the
  mainBody, where it stood among the paragraphs (text before the first paragraph opens
  the mainBody), so the export holds every character the parse kept.

What the UN's vocabulary has no place for is said in resparse's own namespace
(``resparse._akn_header``), which ``from_akn`` reads back and the UN's files never carry:
the header values in ``meta/proprietary``, ``class="unnumbered"`` on a paragraph without
a number, ``resparse:section`` and ``resparse:part`` on clauses and paragraphs,
``resparse:lead`` on a lead that does not open its text (``resparse:more`` on a further
lead no comma announces), ``resparse:label`` and
``resparse:title`` on an annex's attachment, and ``resparse:supplied`` on a part's letter
the writer made up. With them the round trip
``from_akn(to_akn(r))`` is exact (``resparse._akn_round_trip`` says what "exact" means).

Text is handed to lxml as text, never as markup, so it is escaped; characters that XML
1.0 cannot carry are dropped. :func:`outline` reads back the structure that the UN's file
and an export must share, and :func:`first_difference` names where two outlines part.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from resparse import _akn_header
from resparse.exports._akn_base import _Entry
from resparse.exports._akn_front import _failed_step, _Front
from resparse.exports._akn_groups import (
    _A,
    _ID_UNSAFE_RE,
    AKN4UN_NAMESPACE,
    AKN_NAMESPACE,
    _Group,
    _groups,
    _printed_label,
    _written_date,
)
from resparse.exports._akn_outline import AknOutline, ParagraphOutline, first_difference, outline
from resparse.model import Heading, OperativeParagraph, PreambularClause, SubParagraph

if TYPE_CHECKING:
    from collections.abc import Sequence

    from lxml import etree

    from resparse.model import Annex, Resolution, Unclassified, VoteRecord

__all__ = [
    "AKN4UN_NAMESPACE",
    "AKN_NAMESPACE",
    "AknOutline",
    "ParagraphOutline",
    "first_difference",
    "outline",
    "to_akn",
]

# --- the writer ---------------------------------------------------------------------------


class _Writer(_Front):
    """The document: one statement, or a collection of parts; each statement's body."""

    def document(self) -> etree._Element:
        root: etree._Element = self.etree.Element(
            _A + "akomaNtoso",
            nsmap={
                None: AKN_NAMESPACE,
                "akn4un": AKN4UN_NAMESPACE,
                "resparse": _akn_header.NAMESPACE,
            },
        )
        groups = _groups(self.res)
        starts = [g.start for g in groups]
        for position, index in self.notes.orphans:
            groups[max(bisect.bisect_right(starts, position) - 1, 0)].orphans.append(index)
        self.place_formulas(groups)
        if len(groups) == 1:
            self.reads_as = groups[0].part
            top = self.el(root, "statement", {"name": "resolution"})
            meta = self.meta(top, groups[0], self.work_number())
            self.cover(top, groups[0])
            self.preface(top)
            self.statement_body(top, groups[0], "")
        else:
            top = self.el(root, "documentCollection", {"name": "publication"})
            meta = self.meta(top, None, self.work_number())
            self.cover(top, None)
            self.preface(top)
            self.components(root, top, groups)
        self.unwritten_notes(root)
        self.references(meta)
        lone = groups[0].part if len(groups) == 1 else None
        _akn_header.write(meta, self.header, self.ref("resparse"), lone)
        return root

    def components(
        self, root: etree._Element, collection: etree._Element, groups: list[_Group]
    ) -> None:
        """A resolution in parts: the collection lists its parts, each a statement of its own."""
        body = self.el(collection, "collectionBody")
        holder = self.el(root, "components")
        for i, group in enumerate(groups, start=1):
            letter = group.part or str(i)
            listed = self.el(body, "component", {"eId": self.eid(f"dref_{i}")})
            ref = {"eId": self.eid(f"dref_{i}__ref"), "href": f"#cmp_{i}"}
            self.el(listed, "documentRef", {**ref, "showAs": f"Resolution {letter}"})
            component = self.el(holder, "component", {"eId": self.eid(f"cmp_{i}")})
            statement = self.el(component, "statement", {"name": "resolution"})
            self.meta(statement, group, self.work_number() + letter)
            preface = self.el(statement, "preface")
            attrib = {"refersTo": self.ref("letter")}
            if group.supplied:
                attrib[_akn_header.SUPPLIED] = "true"  # from_akn neither prints nor applies it
            elif not any(h.text.strip() == letter for h in self.res.headings):
                attrib[_akn_header.UNPRINTED] = "true"  # applied, but the text had no such line
            self.line(preface, "docNumber", attrib, letter)
            self.reads_as = None if group.supplied else group.part
            self.statement_body(statement, group, f"cmp_{i}__")

    def statement_body(self, statement: etree._Element, group: _Group, prefix: str) -> None:
        """Everything before the first operative paragraph is preamble, the rest mainBody."""
        entries = [_Entry(h.span.start, 0, h) for h in group.headings]
        entries.extend(_Entry(c.span.start, 1, c) for c in group.clauses)
        entries.extend(_Entry(p.span.start, 2, p) for p in group.paragraphs)
        entries.sort(key=lambda e: (e.start, e.order))
        first = min((p.span.start for p in group.paragraphs), default=None)
        before = [e for e in entries if first is None or e.start < first]
        if group.formula is not None or before:
            self.preamble(statement, group.formula, before, prefix)
        self.main_body(statement, group, entries[len(before) :], prefix)
        self.conclusions(statement, group, prefix)
        if group.annexes:
            self.attachments(statement, group.annexes, prefix)

    def preamble(
        self,
        statement: etree._Element,
        formula: Heading | None,
        entries: list[_Entry],
        prefix: str,
    ) -> None:
        preamble = self.el(statement, "preamble")
        for entry in entries:
            if formula is not None and formula.span.start <= entry.start:
                self.formula(preamble, formula.text, prefix)
                formula = None
            if isinstance(entry.item, PreambularClause):
                self.container(preamble, entry.item, prefix)
            else:
                span = self.el(self.el(preamble, "p"), "span", {"class": "bold"})
                self.fill(span, entry.item.text, None, self.notes.placed.get(id(entry.item), []))
        if formula is not None:
            self.formula(preamble, formula.text, prefix)

    def formula(self, parent: etree._Element, text: str, prefix: str) -> None:
        """``The General Assembly,`` with the organ in italics, as the UN writes it."""
        attrib = {"name": "enactingFormula", "eId": self.eid(f"{prefix}formula_1")}
        p = self.el(self.el(parent, "formula", attrib), "p")
        words = text.strip().rstrip(",")
        span = self.el(p, "span", {"class": "italic"}, words)
        self.add_text(p, span, text.strip()[len(words) :])

    def container(self, parent: etree._Element, clause: PreambularClause, prefix: str) -> None:
        eid = self.eid(f"{prefix}preamble__container_{clause.index}")
        container = self.el(parent, "container", {"name": clause.lead or "clause", "eId": eid})
        if clause.section is not None:
            container.set(_akn_header.SECTION, _akn_header.xml_text(clause.section))
        self.mark_part(container, clause.part)
        p = self.el(container, "p")
        notes = self.notes.placed.get(id(clause), [])
        self.fill(p, clause.text, self.marked(clause), notes, clause.more_leads)

    def main_body(
        self, statement: etree._Element, group: _Group, entries: list[_Entry], prefix: str
    ) -> None:
        body = self.el(statement, "mainBody")
        unplaced = list(reversed(group.unclassified))
        for seq, entry in enumerate(entries, start=1):
            while unplaced and unplaced[-1].span.start < entry.start:
                self.unclassified(body, unplaced.pop(), prefix)
            pid = self.eid(f"{prefix}para_{seq}")
            item = entry.item
            if isinstance(item, OperativeParagraph):
                self.paragraph(body, item, pid)
                continue
            holder = self.el(body, "paragraph", {"eId": pid})
            if isinstance(item, PreambularClause):
                attrib = {"refersTo": self.ref("preamble"), "eId": self.eid(f"{pid}__crossHeading")}
                cross = self.el(holder, "crossHeading", attrib)
                if item.section is not None:
                    cross.set(_akn_header.SECTION, _akn_header.xml_text(item.section))
                self.mark_part(cross, item.part)
                self.fill(cross, item.text, self.marked(item), self.notes.placed.get(id(item), []))
            else:
                heading = self.el(holder, "subheading")
                self.fill(heading, item.text, None, self.notes.placed.get(id(item), []))
        while unplaced:
            self.unclassified(body, unplaced.pop(), prefix)
        if not len(body):
            self.empty_paragraph(body, f"{prefix}para_1")
        if group.orphans and not self.has_conclusions(group):
            holder = self.last_text(body)
            for index in group.orphans:
                self.footnote(holder, index)

    def unclassified(self, body: etree._Element, text: Unclassified, prefix: str) -> None:
        """Text the parser could not place: an ``hcontainer`` of its own, where it stood.

        The text is written as it is and the reason as the ``title``: ``from_akn`` reads it
        back as the same unclassified text, so an export loses nothing the parse kept.
        Text before the first operative paragraph opens the mainBody.
        """
        attrib = {"name": "unclassified", "eId": self.eid(f"{prefix}unclassified_1")}
        if text.reason:
            attrib["title"] = text.reason
        holder = self.el(body, "hcontainer", attrib)
        self.el(self.el(holder, "content"), "p", text=text.text)

    def paragraph(self, parent: etree._Element, para: OperativeParagraph, pid: str) -> None:
        element = self.el(parent, "paragraph", {"eId": pid})
        if para.number is not None:
            self.el(element, "num", text=f"{para.number}.")
        else:
            element.set("class", "unnumbered")  # from_akn reads it as a paragraph of its own
        if para.section is not None:
            element.set(_akn_header.SECTION, _akn_header.xml_text(para.section))
        self.mark_part(element, para.part)
        notes = self.notes.placed.get(id(para), [])
        if not para.subparagraphs:
            content = self.el(element, "content", {"eId": self.eid(f"{pid}__content")})
            self.fill(self.el(content, "p"), para.text, self.marked(para), notes, para.more_leads)
            return
        lid = self.eid(f"{pid}__list_1")
        items = self.el(element, "list", {"eId": lid})
        if para.text or notes:
            intro = self.el(items, "intro", {"eId": self.eid(f"{lid}__intro")})
            self.fill(self.el(intro, "p"), para.text, self.marked(para), notes, para.more_leads)
        self.points(items, para.subparagraphs, lid)

    def points(self, parent: etree._Element, subs: Sequence[SubParagraph], base: str) -> None:
        for n, sub in enumerate(subs, start=1):
            slug = _ID_UNSAFE_RE.sub("", sub.label.replace(".", "-")) or str(n)
            point_id = self.eid(f"{base}__point_{slug}")
            point = self.el(parent, "point", {"eId": point_id})
            self.el(point, "num", text=_printed_label(sub.label))
            content = self.el(point, "content", {"eId": self.eid(f"{point_id}__content")})
            self.fill(self.el(content, "p"), sub.text, None, self.notes.placed.get(id(sub), []))
            if sub.subparagraphs:
                # the UN writes a point's own items as a sublist right after it
                nested = self.eid(f"{point_id}__list_1")
                self.points(self.el(parent, "sublist", {"eId": nested}), sub.subparagraphs, nested)

    def concluding(self, group: _Group) -> list[tuple[VoteRecord, str]]:
        """The votes the conclusions print, each with its line; the cover holds the Council's.

        A vote read without its text is printed from its meeting and date; a vote with
        neither has no line, and from_akn cannot see a vote without one.
        """
        cover_vote = self.cover_vote(group)
        lines = []
        for vote in group.votes:
            date = _written_date(vote.date, self.res.language) if vote.date is not None else None
            text = vote.text or " ".join(part for part in (vote.meeting, date) if part)
            if not vote.text and not len(vote.span) and _failed_step(vote) is not None:
                continue  # a failed draft's vote is known from meta alone; it prints no line
            if vote is not cover_vote and text.strip():
                lines.append((vote, text))
        return lines

    def has_conclusions(self, group: _Group) -> bool:
        return bool(self.concluding(group))

    def conclusions(self, statement: etree._Element, group: _Group, prefix: str) -> None:
        """The meeting and date of adoption, the lines that carry the votes."""
        lines = self.concluding(group)
        if not lines:
            return
        conclusions = self.el(statement, "conclusions", {"eId": self.eid(f"{prefix}conclusions")})
        self.mark_part(conclusions, lines[0][0].part)
        for vote, text in lines:
            self.meeting_and_date(self.el(conclusions, "p"), text, vote, event=True)
        for index in group.orphans:
            self.footnote(conclusions[-1], index)

    def attachments(self, statement: etree._Element, annexes: list[Annex], prefix: str) -> None:
        attachments = self.el(statement, "attachments")
        for n, annex in enumerate(annexes, start=1):
            attachment = self.el(attachments, "attachment")
            attachment.set(
                _akn_header.LABEL, _akn_header.xml_text(annex.label)
            )  # from_akn keeps them
            if annex.title is not None:
                attachment.set(_akn_header.TITLE, _akn_header.xml_text(annex.title))
            doc = self.el(attachment, "doc", {"name": "annex"})
            self.identification(self.el(doc, "meta"), self.work_number(), f"!annex_{n}")
            body = self.el(doc, "mainBody")
            base = f"{prefix}att_{n}__para"
            for heading in (annex.label, annex.title):
                if heading:
                    holder = self.el(body, "paragraph", {"eId": self.eid(base)})
                    self.el(holder, "heading", text=heading)
            for text in (t.strip() for t in annex.text.split("\n")):
                if text:
                    pid = self.eid(base)
                    paragraph = self.el(body, "paragraph", {"eId": pid})
                    content = self.el(paragraph, "content", {"eId": self.eid(f"{pid}__content")})
                    self.el(content, "p", text=text)
            if not len(body):
                self.empty_paragraph(body, base)


def to_akn(resolution: Resolution) -> bytes:
    """The resolution as Akoma Ntoso 3.0 XML (UTF-8), in the shape of the UN's AKN4UN.

    It validates against the OASIS schema ``akomantoso30.xsd``, and ``from_akn`` reads it
    back into a result with the same content (``resparse._akn_round_trip.differences``).
    """
    writer = _Writer(resolution)
    root = writer.document()
    return bytes(writer.etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
