"""The walk over the markup: writes the rendered text and records what each line is.

The rules for odd markup are listed in :mod:`resparse.readers.akn`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from resparse import _akn_header
from resparse._language import has_profile
from resparse.errors import InputError
from resparse.model import (
    Span,
)
from resparse.readers import _akn_votes
from resparse.readers.akn._body import _Annexes, _Body
from resparse.readers.akn._elements import (
    _LANGUAGES,
    _blocks,
    _child,
    _children,
    _find_date,
    _iso_date,
    _lead_emphasis,
    _local,
    _plain,
    _State,
    _VoteSource,
    _voting,
)
from resparse.readers.akn._front import _Front
from resparse.readers.akn._points import _Points
from resparse.readers.akn._writer import _Writer

if TYPE_CHECKING:
    import datetime as dt

    from lxml import etree


class _Renderer:
    """Walks the markup once, writing lines (``out``) and recording what each line is (``st``)."""

    def __init__(self) -> None:
        self.out = _Writer()
        self.st = _State()
        self.front = _Front(self.out, self.st)
        self.points = _Points(self.out, self.st)
        self.annexes = _Annexes(self.out, self.st)
        self.body = _Body(self.out, self.st, self.points, self.annexes)

    def document(self, root: etree._Element) -> None:
        top = next(_children(root), None)
        if top is None:
            msg = "the Akoma Ntoso document is empty"
            raise InputError(msg)
        language = next(
            (e.get("language") for e in top.iter() if _local(e) == "FRBRlanguage"), None
        )
        if language:
            self.out.language = _LANGUAGES.get(language, language)
            self.out.lead_class = _lead_emphasis(self.out.language)
            if not has_profile(self.out.language):
                message = (
                    f"no language profile for {self.out.language!r}: the markup is read"
                    " with English's words (dates, sponsors, annex and agenda lines)"
                )
                self.out.note("akn.language_unknown", message, None)
            self.out.lead_element = {"italic": "i", "bold": "b"}.get(self.out.lead_class, "i")
        components = [
            statement
            for holder in _children(root)
            if _local(holder) == "components"
            for component in _children(holder)
            for statement in _children(component)
        ]
        outer_meta = _child(top, "meta")
        self.st.own_header = _akn_header.read(outer_meta)
        if self.st.own_header is not None and not components:
            self.st.part = self.st.own_header.part
        self.statement(top, meta=outer_meta, component=False)
        for statement in components:
            self.statement(statement, meta=outer_meta, component=True)
        self.out.write_footnotes()

    def statement(
        self, statement: etree._Element, *, meta: etree._Element | None, component: bool
    ) -> None:
        own_meta = _child(statement, "meta")
        vote_meta = own_meta if own_meta is not None and _voting(own_meta) is not None else None
        inherited = vote_meta is None and component
        if vote_meta is None:
            vote_meta = meta
        votes_before = len(self.st.votes)
        for child in _children(statement):
            name = _local(child)
            if name in {"meta", "collectionBody"}:
                continue
            self.out.gap()
            if name == "coverPage":
                self.front.cover(child, vote_meta)
            elif name == "preface":
                self.front.preface(child, component=component)
            elif name == "conclusions":
                self.conclusions(child, vote_meta, inherited=inherited)
            else:
                self.block(child, name)
        step = _akn_votes.failed_step(vote_meta)
        if len(self.st.votes) == votes_before and step is not None:
            # a draft that failed prints no vote: the markup's meta is its only record
            date = _iso_date(step.get("date"))
            self.st.votes.append(
                _VoteSource(self.st.part, Span(self.out.pos, self.out.pos), None, date, vote_meta)
            )

    def block(self, child: etree._Element, name: str) -> None:
        """A block of the statement that needs no vote: preamble, mainBody, attachments."""
        if name == "preamble":
            self.front.preamble(child)
        elif name == "mainBody":
            self.st.para = self.st.last_para = None
            self.body.main_body(child)
            self.st.para = self.st.last_para = None
        elif name == "attachments":
            self.attachments(child)
        else:
            self.generic(child, "an element outside the known blocks")

    def generic(self, element: etree._Element, reason: str) -> None:
        """Render an element's paragraphs as lines nobody claims (with a diagnostic)."""
        for block_element in _blocks(element):
            written = self.out.line(block_element)
            if written is not None:
                self.st.unclassified.append((written[0], reason))

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
            written = self.out.line(p)
            if written is not None:
                spans.append(written[0])
        if not spans:
            return
        span = Span(spans[0].start, spans[-1].end)
        if adopted is None:
            adopted = _find_date(self.out.text[span.start : span.end], self.out.language)
        part = self.st.part_of(conclusions)
        self.st.votes.append(_VoteSource(part, span, meeting, adopted, meta, inherited=inherited))

    def attachments(self, attachments: etree._Element) -> None:
        for attachment in attachments.iter():
            if _local(attachment) != "doc":
                continue
            self.out.gap()
            self.st.in_annex = True
            self.st.annex_lines.append([])
            holder = attachment.getparent()  # an annex resparse wrote: its attachment says
            label = holder.get(_akn_header.LABEL) if holder is not None else None
            title = holder.get(_akn_header.TITLE) if holder is not None else None
            kept = (label, title) if label is not None else None
            self.st.annex_kept.append(kept)
            for child in _children(attachment):
                if _local(child) in {"meta", "attachments"}:
                    continue
                if _local(child) == "mainBody":
                    for item in _children(child):
                        self.body.body_item(item)
                else:
                    for block_element in _blocks(child):
                        self.annexes.annex_line(block_element)
            self.st.in_annex = False
