"""Akoma Ntoso out: the writer's elements, ids, references and the text of a part with its notes."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import attrs

from resparse import _akn_header
from resparse.exports._akn_groups import (
    _A,
    _BEFORE_LEAD,
    _ID_UNSAFE_RE,
    _LANGUAGES,
    _SLUG_RE,
    _TLCS,
    _body_of,
    _Group,
    _lead_class,
    _local,
    _more_lead_re,
    _profile,
    _roman_leads,
    _squash,
    _votes,
)
from resparse.exports._akn_notes import _place_notes
from resparse.model import Heading, OperativeParagraph, PreambularClause, Span

if TYPE_CHECKING:
    from collections.abc import Sequence

    from lxml import etree

    from resparse.model import Resolution


@attrs.frozen
class _Entry:
    """A clause, paragraph or heading of a statement, in source order."""

    start: int
    order: int  # headings before clauses before paragraphs at the same offset
    item: PreambularClause | OperativeParagraph | Heading


class _Base:
    """Builds the tree of one Resolution; keeps eIds unique and records every refersTo."""

    def __init__(self, res: Resolution) -> None:
        from lxml import etree  # noqa: PLC0415 - lxml loads only when AKN is written

        self.etree = etree
        self.res = res
        self.header = res.header
        self.body = _body_of(res.header, res.language)
        self.ids: set[str] = set()
        self.refs: dict[str, tuple[str, str, str]] = {}
        self.notes = _place_notes(res)
        self.note_count = 0
        self.written: set[int] = set()
        self.language = _LANGUAGES.get(res.language, res.language or "und")
        self.lead_class = _lead_class(res.language)
        self.roman = _roman_leads(res)
        dates = (v.date for v in _votes(res) if v.date is not None)
        self.adopted = res.header.adopted or next(dates, None)
        self.issued = res.header.issued or self.adopted
        self.reads_as: str | None = None  # the part from_akn gives what the statement holds

    def mark_part(self, element: etree._Element, part: str | None) -> None:
        """Say the part of what ``element`` holds where from_akn would read another one."""
        if part != self.reads_as:
            element.set(_akn_header.PART, _akn_header.xml_text(part or ""))

    def marked(self, item: PreambularClause | OperativeParagraph) -> str | None:
        """The lead to set in the lead's face; none for a lead the input printed in roman."""
        return None if id(item) in self.roman else item.lead

    def el(
        self,
        parent: etree._Element,
        tag: str,
        attrib: dict[str, str] | None = None,
        text: str | None = None,
    ) -> etree._Element:
        element = self.etree.SubElement(parent, tag if tag.startswith("{") else _A + tag)
        for key, value in (attrib or {}).items():
            element.set(key, _akn_header.xml_text(value))
        if text is not None:
            element.text = _akn_header.xml_text(text)
        return element

    def line(self, parent: etree._Element, tag: str, attrib: dict[str, str], text: str) -> None:
        """A ``p`` holding one element: a line of the cover page."""
        self.el(self.el(parent, "p"), tag, attrib, text)

    def empty_paragraph(self, body: etree._Element, eid: str) -> None:
        """The schema wants a mainBody to hold something: an empty paragraph."""
        content = self.el(self.el(body, "paragraph", {"eId": self.eid(eid)}), "content")
        self.el(content, "p")

    def eid(self, wanted: str) -> str:
        """A unique, well-formed eId: letters, digits, ``_`` and ``-``, opening with a letter."""
        base = _ID_UNSAFE_RE.sub("", wanted) or "id"
        if not base[0].isalpha():
            base = "id_" + base
        candidate, n = base, 1
        while candidate in self.ids:
            n += 1
            candidate = f"{base}_{n}"
        self.ids.add(candidate)
        return candidate

    def ref(self, key: str, *, kind: str = "TLCConcept", href: str = "", show: str = "") -> str:
        """``#key``, noting that ``references`` must define it."""
        if key not in self.refs:
            self.refs[key] = _TLCS.get(key) or (kind, href, show or key)
        return "#" + key

    @staticmethod
    def add_text(parent: etree._Element, last: etree._Element | None, text: str) -> None:
        """Text after ``last`` (a child of ``parent``), or at the start of ``parent``."""
        if not text:
            return
        if last is None:
            parent.text = (parent.text or "") + _akn_header.xml_text(text)
        else:
            last.tail = (last.tail or "") + _akn_header.xml_text(text)

    def fill(
        self,
        p: etree._Element,
        text: str,
        lead: str | None,
        notes: Sequence[tuple[int, int]],
        more: Sequence[str] = (),
    ) -> None:
        """The text of a clause or paragraph: its leads marked, its footnotes at their offsets.

        ``more`` are the further leads (``more_leads``), each marked where it follows a comma
        or "and" after the previous one.
        """
        lead_start = len(text) - len(text.lstrip(_BEFORE_LEAD))
        lead_end = lead_start + len(lead) if lead and text.startswith(lead, lead_start) else 0
        inner = None  # a lead after words of the text ("وإذ تشير", "特别表示注意到"): where it is
        if lead and not lead_end and (at := text.find(lead, lead_start)) >= 0:
            inner, lead_end = at, at + len(lead)
        marks = [(lead_start if inner is None else inner, lead_end)] if lead_end else []
        cursor = lead_end
        unusual: set[int] = set()  # further leads not after a comma or "and": marked
        joints = _profile(self.res.language).more_lead_conjunctions
        for phrase in more:
            found = _more_lead_re(phrase, joints).search(text, cursor)
            if found is not None:
                marks.append((found.start(), found.end()))
                cursor = found.end()
            elif phrase and (at := text.find(phrase, cursor)) >= 0:
                marks.append((at, at + len(phrase)))
                unusual.add(at)
                cursor = at + len(phrase)
        events = sorted(
            [(start, 0, end) for start, end in marks]
            + [(min(max(at, lead_end), len(text)), 1, index) for at, index in notes]
        )
        last: etree._Element | None = None
        cursor = 0
        for at, is_note, value in events:
            position = max(at, cursor)  # a note inside a further lead goes after it
            self.add_text(p, last, text[cursor:position])
            if is_note:
                last = self.footnote(p, value)
                cursor = position
            else:
                attrib = {"class": self.lead_class}
                if position == inner and value == lead_end:
                    attrib[_akn_header.LEAD] = "true"  # from_akn takes it as the lead
                elif position in unusual:
                    attrib[_akn_header.MORE] = "true"  # and this as a further lead
                last = self.el(p, "span", attrib, text[position:value])
                cursor = value
        self.add_text(p, last, text[cursor:])

    def footnote(self, parent: etree._Element, index: int) -> etree._Element:
        note = self.res.footnotes[index]
        self.written.add(index)
        self.note_count += 1
        attrib = {"marker": note.marker, "placement": "bottom"}
        attrib["eId"] = self.eid(f"authorialNote_{self.note_count}")
        element = self.el(parent, "authorialNote", attrib)
        self.el(element, "p", text=note.text)
        return element

    def unwritten_notes(self, root: etree._Element) -> None:
        """Notes whose holder was not written (a heading that became a formula): at the end."""
        missing = [i for i in range(len(self.res.footnotes)) if i not in self.written]
        if not missing:
            return
        holders = list(root.iter(_A + "conclusions"))
        if holders and len(holders[-1]):
            holder = holders[-1][-1]
        else:
            holder = self.last_text(list(root.iter(_A + "mainBody"))[-1])
        for index in missing:
            self.footnote(holder, index)

    def last_text(self, body: etree._Element) -> etree._Element:
        """The last element of a mainBody that holds its text (not a footnote's)."""
        texts = [
            element
            for element in body.iter(_A + "p", _A + "crossHeading", _A + "subheading")
            if not any(_local(a) == "authorialNote" for a in element.iterancestors())
        ]
        return texts[-1] if texts else self.el(body, "p")

    def work_number(self) -> str:
        """The FRBR number: ``78/109`` -> ``78-109``, ``2623 (2022)`` -> ``2623-2022``."""
        number = self.header.number
        if not number and self.header.symbol:
            number = self.header.symbol.rpartition("RES/")[2]
        return _SLUG_RE.sub("-", number or "").strip("-") or "0"

    def place_formulas(self, groups: list[_Group]) -> None:
        """The header's formula for its part; a later part's is the heading that repeats it."""
        formula = self.header.enacting_formula
        if not formula:
            return
        span = self.header.span_of("enacting_formula") or Span(0, 0)
        owner = groups[max(bisect.bisect_right([g.start for g in groups], span.start) - 1, 0)]
        owner.formula = Heading(formula, span)
        for group in groups:
            repeated = [h for h in group.headings if _squash(h.text) == _squash(formula)]
            if group.formula is None and repeated:
                group.formula = repeated[0]
                group.headings.remove(repeated[0])
