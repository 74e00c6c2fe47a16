"""The operative part: each mainBody element read by the rule that fits it; annex lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from resparse import _akn_header, _labels
from resparse.model import (
    Span,
)
from resparse.readers.akn._elements import (
    _LISTS,
    _OPERATIVE_NUM_RE,
    _PART_NUM_RE,
    _REPAIRED_NUM_RE,
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
    _child,
    _children,
    _classes,
    _Clause,
    _heading_like,
    _is_heading,
    _label,
    _local,
    _own_text,
    _paragraph_parts,
    _plain,
)
from resparse.readers.akn._layout import _Block

if TYPE_CHECKING:
    from lxml import etree

    from resparse.readers.akn._elements import _State
    from resparse.readers.akn._points import _Points
    from resparse.readers.akn._writer import _Writer


class _Body:
    """Which rule a mainBody element falls under (see :mod:`resparse.readers.akn`)."""

    def __init__(self, out: _Writer, st: _State, points: _Points, annexes: _Annexes) -> None:
        self.out = out
        self.st = st
        self.points = points
        self.annexes = annexes

    def main_body(self, body: etree._Element) -> None:
        for child in _children(body):
            self.body_item(child)

    def body_item(self, child: etree._Element) -> None:
        name = _local(child)
        self.st.item_part = self.st.part
        if name == "section":
            self.st.para = None
            for item in _children(child):
                if _local(item) in {"num", "heading", "subheading"}:
                    self.points.heading_line(item)
                else:
                    self.body_item(item)
        elif name in {"heading", "subheading", "num"}:
            self.st.para = None
            self.points.heading_line(child)
        elif name == "crossHeading":
            self.cross_heading(child)
        elif name == "paragraph":
            self.paragraph(child)
        elif name == "hcontainer" and child.get("name") == "unclassified" and not self.st.in_annex:
            self.kept_unclassified(child)
        elif (
            name in {"list", "blockList", "point", "item"}
            and self.st.para is not None
            and not self.st.in_annex
        ):
            self.st.para.subs.extend(self.points.list_items(child))
            self.points.extend_para()
        elif (
            name == "container"
            and not self.st.in_annex
            and self.st.para is None
            and self.st.last_para is not None
        ):
            # a table after a heading still belongs to the paragraph that announced it
            self.st.para = self.st.last_para
            self.loose(child)
        else:
            self.loose(child)

    def cross_heading(self, element: etree._Element) -> None:
        self.st.para = None
        if element.get("refersTo") != "#preamble" or self.st.in_annex:
            self.points.heading_line(element)
            return
        written = self.out.line(element)
        if written is None:
            return
        span = written[0]
        section = element.get(_akn_header.SECTION)
        part = self.st.part_of(element)
        self.st.clauses.append(_Clause(part, span.start, span.end, span.start, [span], section))
        self.out.note(
            "akn.preamble_in_body", "a preambular paragraph inside the operative part", span
        )

    def paragraph(self, element: etree._Element) -> None:
        """A mainBody paragraph, read by the first rule that fits it (see the module notes)."""
        label, body, headings = _paragraph_parts(element)
        self.st.section = element.get(_akn_header.SECTION)
        self.st.item_part = self.st.part_of(element)
        if not self.st.in_annex and "unnumbered" in _classes(element):
            self.unnumbered(body, headings)
        elif self.st.in_annex:
            for heading in headings:
                self.points.heading_line(heading)
            self.annexes.annex_paragraph(element, label, body)
        elif body and not label and all(_local(c) == "crossHeading" for c in body):
            for heading in headings:
                self.points.heading_line(heading)
            for cross in body:
                self.cross_heading(cross)
        elif not self.numbered(element, label, body, headings) and not self.lettered(
            element, label, body, headings
        ):
            if not body or _is_heading(element, label, body):
                self.points.heading_paragraph(label, body, headings)
            else:
                for heading in headings:
                    self.points.heading_line(heading)
                self.loose(element, label=label, body=body)

    def unnumbered(self, body: list[etree._Element], headings: list[etree._Element]) -> None:
        """A paragraph resparse marked as one it found without a number.

        It is read as one paragraph, neither a continuation of the one before nor a
        paragraph whose number is typed in its text.
        """
        for heading in headings:
            self.points.heading_line(heading)
        self.st.para = None
        self.points.operative(None, "", body)

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
            if typed is None and self.st.paras and self.st.paras[-1].number is not None:
                bare = _TEXT_BARE_NUMBER_RE.match(plain)
                if bare is not None and int(bare["n"]) == self.st.paras[-1].number + 1:
                    typed, strip = bare, _TEXT_BARE_NUMBER_STRIP_RE
        if number is None and typed is None:
            return False
        for heading in headings:
            self.points.heading_line(heading)
        if typed is None:
            printed = f"{number}." if label.startswith("l") else label
            self.points.operative(number, printed, body)
            return True
        para = self.points.operative(int(typed["n"]), typed["printed"], body, strip=strip)
        span = Span(para.start, para.end) if para is not None else None
        message = f"read the number {typed['printed']!r} typed in the text"
        self.out.note("akn.number_in_text", message, span)
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
        if self.st.para is None:
            return False
        if not body:
            return self.lettered_heading(label, headings)
        sub = _SUB_NUM_RE.fullmatch(label) if label else None
        part = self.next_part(label) if label and sub is None else None
        in_text = None if label else _TEXT_LABEL_RE.match(_plain(element).lstrip(_STRIPPABLE))
        if sub is None and part is None and in_text is None:
            return False
        for heading in headings:
            self.points.heading_line(heading)
        block = _Block()
        if in_text is not None:
            label = in_text["printed"]
            pending = self.points.start_sub(block, label, in_text["label"], body, strip_label=True)
        else:
            letter = sub["label"] if sub else part or label
            pending = self.points.start_sub(block, label, letter, body, part=part is not None)
        self.out.emit(block)
        _attach(self.st.para.subs, self.points.finish_sub(pending))
        self.points.extend_para()
        code = "akn.sub_outside_list" if in_text is None else "akn.label_in_text"
        self.out.note(code, f"paragraph {label} read as a sub-paragraph", self.points.last_span())
        return True

    def next_part(self, printed: str) -> str | None:
        """The letter of ``B.`` when the open paragraph's last point is the part ``A.``."""
        match = _PART_NUM_RE.fullmatch(printed.strip())
        if match is None or self.st.para is None or not self.st.para.subs:
            return None
        return match["label"] if self.follows_part(match["label"]) else None

    def follows_part(self, letter: str) -> bool:
        """Whether ``letter`` is the next lettered part of the open paragraph."""
        last = self.st.para.subs[-1] if self.st.para is not None and self.st.para.subs else None
        if last is None or not last.part:
            return False
        return _labels.follows(last.label, letter, "upper", self.out.profile().alphabet)

    def lettered_heading(self, label: str, headings: list[etree._Element]) -> bool:
        """A heading "A. Pension Administration" (or "ألف - ...") that is a lettered part.

        It is one right after a paragraph whose text ends with a colon ("... as set out in
        the table below:"), and so is the next letter after a part; as the parser reads
        the printed text. A file may print the letter in the num as well ("A.").
        """
        if len(headings) != 1 or self.st.para is None:
            return False
        local = self.out.profile()
        match = local.lettered_part_re.match(_plain(headings[0]).strip())
        if match is None:
            return False
        letter = match["label"]
        if _labels.first_label(letter, local.alphabet):
            last = self.st.para.pieces[-1] if self.st.para.pieces else None
            text = self.out.text[last.start : last.end].rstrip() if last is not None else ""
            if self.st.para.subs or not text.endswith((":", "：")):
                return False
        elif not self.follows_part(letter):
            return False
        block = _Block()
        printed = label or match[0].strip()
        pending = self.points.start_sub(
            block, printed, letter, headings, strip_label=local.lettered_part_re, part=True
        )
        self.out.emit(block)
        self.st.para.subs.append(self.points.finish_sub(pending))
        self.points.extend_para()
        message = f"heading {printed} read as a lettered part"
        self.out.note("akn.heading_part", message, self.points.last_span())
        return True

    def operative_number(self, label: str, element: etree._Element) -> int | None:
        match = _OPERATIVE_NUM_RE.fullmatch(label)
        if match is not None:
            return int(match["n"])
        repaired = _REPAIRED_NUM_RE.fullmatch(label)
        if repaired is not None and "l" in label and _child(element, "content") is not None:
            value = int(repaired["n"].replace("l", "1"))
            self.out.note(
                "akn.number_repaired", f"read the paragraph number {label!r} as {value}", None
            )
            return value
        return None

    def loose(
        self,
        element: etree._Element,
        *,
        label: str = "",
        body: list[etree._Element] | None = None,
    ) -> None:
        """Unnumbered text in the operative part: it continues the open paragraph or opens one."""
        if self.st.in_annex:
            self.annexes.annex_paragraph(element, label, body if body is not None else [element])
            return
        block_elements = body if body is not None else [element]
        if self.st.para is not None:
            if label:
                texts = [c for c in block_elements if _local(c) not in _LISTS]
                written = self.out.line(*texts, prefix=label)
                if written is not None:
                    self.st.para.pieces.append(written[0])
                block_elements = [c for c in block_elements if _local(c) in _LISTS]
            for child in block_elements:
                self.points.continue_para(child)
            self.points.extend_para()
            self.out.note(
                "akn.continuation",
                "unnumbered text read as part of the paragraph before it",
                self.points.last_span(),
            )
            return
        if not label and len(block_elements) == 1 and _heading_like(_plain(block_elements[0])):
            # a short line before the first numbered paragraph ("Somalia", "*") is a heading
            self.points.heading_line(block_elements[0])
            self.out.note(
                "akn.loose_heading",
                "a short unnumbered line read as a heading",
                self.points.last_span(),
            )
            return
        para = self.points.operative(None, label, block_elements)
        if para is not None:
            self.out.note(
                "akn.unnumbered_paragraph",
                "an unnumbered operative paragraph",
                Span(para.start, para.end),
            )

    def kept_unclassified(self, element: etree._Element) -> None:
        """``hcontainer name="unclassified"``: text an export of resparse could not place.

        Its text is kept as written (``title`` holds the reason), so that reading the export
        gives the same unclassified text back; it opens and closes nothing around it.
        """
        reason = element.get("title") or "text the export could not place"
        for block_element in _blocks(element):
            written = self.out.line(block_element)
            if written is not None:
                self.st.unclassified.append((written[0], reason))
                self.st.kept_text[written[0]] = _own_text(block_element)


_ANNEX_LISTS = frozenset({"list", "blockList"})


class _Annexes:
    """The lines of an annex: its paragraphs, lists and headings, each a line."""

    def __init__(self, out: _Writer, st: _State) -> None:
        self.out = out
        self.st = st

    def annex_paragraph(
        self, element: etree._Element, label: str, body: list[etree._Element]
    ) -> None:
        if label or body:
            block = _Block()
            content = self.out.start_content(block, label or None)
            intro_used, rest = self.out.first_text(body, block, _ANNEX_LISTS)
            used = rest[0] if intro_used else None
            block.close(content)
            written = self.out.emit(block)
            if written is not None:
                heading = (
                    _all_bold(body)
                    or (element.get("class") or "").startswith("H")
                    or any(_local(e) in {"heading", "subheading"} for b in body for e in b.iter())
                )
                self.st.annex_lines[-1].append(
                    _AnnexLine(written[0], heading=heading and not label)
                )
            for child in rest:
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
        written = self.out.line(element)
        if written is not None:
            self.st.annex_lines[-1].append(
                _AnnexLine(written[0], heading=_local(element) in {"heading", "subheading"})
            )
