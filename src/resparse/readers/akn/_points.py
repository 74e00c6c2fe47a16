"""Writing an operative paragraph and its sub-paragraphs, and the heading lines between them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from resparse.model import (
    Span,
)
from resparse.readers.akn._elements import (
    _PART_NUM_RE,
    _TEXT_LABEL_RE,
    _AnnexLine,
    _blocks,
    _child,
    _children,
    _label,
    _local,
    _Para,
    _PendingSub,
    _plain,
    _strip_text_label,
    _Sub,
    _sub_label,
)
from resparse.readers.akn._layout import _Block, _lay_out, _Tag

if TYPE_CHECKING:
    import regex
    from lxml import etree

    from resparse.readers.akn._elements import _State
    from resparse.readers.akn._writer import _Writer


_PARAGRAPH_LISTS = frozenset({"list"})  # a paragraph's own lists; others are its text


class _Points:
    """Operative paragraphs as written: their first line, lists, points and own lines."""

    def __init__(self, out: _Writer, st: _State) -> None:
        self.out = out
        self.st = st

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
        content = self.out.start_content(block, printed or None)
        text_from = len(block.pieces)
        intro_used, rest = self.out.first_text(body, block, _PARAGRAPH_LISTS)
        lists = [child for child in rest if _local(child) in _PARAGRAPH_LISTS]
        later = [child for child in rest if _local(child) not in _PARAGRAPH_LISTS]
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
        written = self.out.emit(block)
        span = written[0] if written is not None else Span(self.out.pos, self.out.pos)
        para = _Para(number, self.st.item_part, span.start, span.end, content.start)
        para.section = self.st.section
        if content.end > content.start:
            para.pieces.append(Span(content.start, content.end))
        self.st.paras.append(para)
        self.st.para = self.st.last_para = para
        for index, list_element in enumerate(lists):
            subs = [self.finish_sub(pending)] if pending is not None and index == 0 else []
            para.subs.extend(
                self.list_items(list_element, skip=skip if index == 0 else 0, subs=subs)
            )
        return para

    def list_items(
        self,
        element: etree._Element,
        *,
        skip: int = 0,
        subs: list[_Sub] | None = None,
        owner: _Sub | None = None,
    ) -> list[_Sub]:
        """A list's points as sub-paragraphs; a sublist belongs to the point before it.

        ``skip`` leaves out the first children (an intro already written on the paragraph's
        line, and a point written there with it), whose sub-paragraphs come in ``subs``.
        ``owner``: the sub-paragraph whose list this is; its intro and wrap-up are that
        sub-paragraph's text ("(a) to establish ... a Committee ...:" before its (i), (ii)),
        not the paragraph's.
        """
        out: list[_Sub] = subs if subs is not None else []
        for child in list(_children(element))[skip:]:
            name = _local(child)
            if name in {"intro", "wrapUp"}:
                self.own_lines(child, owner=owner)
            elif name in {"point", "item"}:
                out.append(self.point(child))
            elif name in {"sublist", "list", "blockList"}:
                nested = self.list_items(child, owner=out[-1] if out else owner)
                if out:
                    out[-1].children.extend(nested)
                else:
                    out.extend(nested)
            elif name in {"heading", "subheading"}:
                self.sub_heading(child)
            else:
                self.own_lines(child)
        return out

    def own_lines(self, element: etree._Element, *, owner: _Sub | None = None) -> None:
        """Lines that belong to the open paragraph's own text (an intro, a wrap-up).

        After a lettered part ("A. Pension Administration") they are that part's table;
        with an ``owner`` they are that sub-paragraph's text.
        """
        part = owner if owner is not None else self.open_part()
        for block_element in _blocks(element):
            written = self.out.line(block_element)
            if written is None or self.st.para is None:
                continue
            if part is not None:
                part.pieces.append(written[0])
                part.end = written[0].end
            else:
                self.st.para.pieces.append(written[0])

    def open_part(self) -> _Sub | None:
        """The open paragraph's lettered part still waiting for its table, if any."""
        part = self.st.para.subs[-1] if self.st.para is not None and self.st.para.subs else None
        if part is not None and not (part.part and not part.children):
            return None
        return part

    def sub_heading(self, element: etree._Element) -> None:
        written = self.out.line(element)
        if written is not None:
            self.st.headings.append(written[0])

    def point(self, element: etree._Element) -> _Sub:
        block = _Block()
        pending = self.start_point(element, block)
        self.out.emit(block)
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
                self.out.inline_all(child, block)
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
        start = whole.start if whole.end > whole.start else self.out.pos
        sub = _Sub(pending.label, start, max(start, whole.end), part=pending.part)
        if pending.content.end > pending.content.start:
            sub.pieces.append(Span(pending.content.start, pending.content.end))
        for child in pending.rest:
            if _local(child) in {"sublist", "list", "blockList"}:
                sub.children.extend(self.list_items(child, owner=sub))
            else:
                for block_element in _blocks(child):
                    more = self.out.line(block_element)
                    if more is not None:
                        sub.pieces.append(more[0])
                        sub.end = more[0].end
        sub.end = sub.last_end()
        return sub

    def continue_para(self, element: etree._Element) -> None:
        name = _local(element)
        if name in {"list", "blockList"} and self.st.para is not None:
            self.st.para.subs.extend(self.list_items(element))
            return
        if name in {"point", "item"} and self.st.para is not None:
            self.st.para.subs.append(self.point(element))
            return
        self.own_lines(element)

    def extend_para(self) -> None:
        para = self.st.para
        if para is None:
            return
        ends = [para.end, *(p.end for p in para.pieces), *(s.last_end() for s in para.subs)]
        para.end = max(ends)

    def last_span(self) -> Span | None:
        para = self.st.para
        return Span(para.start, para.end) if para is not None else None

    def heading_line(self, element: etree._Element) -> Span | None:
        written = self.out.line(element)
        if written is None:
            return None
        if self.st.in_annex:
            self.st.annex_lines[-1].append(_AnnexLine(written[0], heading=True))
        else:
            self.st.headings.append(written[0])
        return written[0]

    def heading_line_of(self, label: str, body: list[etree._Element]) -> Span | None:
        block = _Block()
        if label:
            block.text(label)
        for element in body:
            block.text(" ")
            self.out.inline(element, block)
        written = self.out.emit(block)
        if written is None:
            return None
        self.st.headings.append(written[0])
        return written[0]

    def heading_paragraph(
        self, label: str, body: list[etree._Element], headings: list[etree._Element]
    ) -> None:
        """A paragraph that is a heading: its number and heading, or its bold text, as lines."""
        self.st.para = None
        if headings and not body:
            # a number beside its heading reads as one line ("(i) Exemptions ...")
            if not _plain(headings[0]).startswith(label):
                self.heading_line_of(label, headings[:1])
                headings = headings[1:]
            label = ""
        if body or label:
            span = self.heading_line_of(label, body)
            if span is not None:
                self.out.note("akn.heading_paragraph", "a paragraph read as a heading", span)
        for heading in headings:
            self.heading_line(heading)
