"""Akoma Ntoso out: where each footnote goes, by the offset map of its part's clean text."""

from __future__ import annotations

import bisect
import difflib
import itertools
from typing import TYPE_CHECKING

import attrs

from resparse._text import CleanText, clean_ranges
from resparse.model import Heading, OperativeParagraph, PreambularClause, Span, SubParagraph

if TYPE_CHECKING:
    from collections.abc import Iterable

    from resparse.model import Resolution


def _mask(length: int, spans: Iterable[Span]) -> bytearray:
    """One byte per source character: 1 where a span the clean text leaves out covers it."""
    hidden = bytearray(length)
    for span in spans:
        lo, hi = max(span.start, 0), min(span.end, length)
        if lo < hi:
            hidden[lo:hi] = b"\x01" * (hi - lo)
    return hidden


def _visible_lines(source: str, span: Span, hidden: bytearray) -> list[tuple[int, int]]:
    """The ranges of ``span`` its clean text is read from: not ``hidden``, cut at line breaks."""
    lines: list[tuple[int, int]] = []
    start: int | None = None
    for i in range(span.start, min(span.end, len(source))):
        if hidden[i - span.start] or source[i] == "\n":
            if start is not None:
                lines.append((start, i))
                start = None
        elif start is None:
            start = i
    if start is not None:
        lines.append((start, min(span.end, len(source))))
    return lines


class _Places:
    """Where source offsets fall in a part's text, read off the offset map of its source.

    The part's source, less what its text leaves out (furniture, notes, their markers,
    the headings and sub-paragraphs inside it), is read again as clean text with its
    offset map. The part's own text is that reading less its label ("1.", "(a)"), so it
    starts somewhere in it; a text the parser read another way (``from_akn`` keeps
    underscores that ``parse`` drops) is matched to the reading block by block.
    """

    def __init__(self, reading: CleanText, text: str) -> None:
        self.reading = reading
        self.text = text
        shift = reading.text.find(text)
        if shift >= 0:
            self.blocks: list[tuple[int, int, int]] = [(shift, 0, len(text))]
        else:
            matcher = difflib.SequenceMatcher(None, reading.text, text, autojunk=False)
            self.blocks = [(m.a, m.b, m.size) for m in matcher.get_matching_blocks() if m.size]

    def at(self, offset: int) -> int:
        """Where source ``offset`` falls in the text.

        That is after the last character read before it that the text holds, and before the
        spaces after that character: a note follows the word it stands after.
        """
        k = self.reading.index(offset)
        place = 0
        for start, target, size in self.blocks:
            if start >= k:
                break
            place = target + min(k - start, size)
        while place > 0 and self.text[place - 1].isspace():
            place -= 1
        return place


@attrs.define(eq=False)
class _Notes:
    """Where each footnote goes: by the id of the part whose text holds it, or nowhere yet."""

    placed: dict[int, list[tuple[int, int]]] = attrs.field(factory=dict)  # (offset, note)
    orphans: list[tuple[int, int]] = attrs.field(factory=list)  # (source offset, note)


_Owner = PreambularClause | OperativeParagraph | SubParagraph | Heading


class _Holders:
    """Parts sorted by start, to find the smallest that holds a marker without a full scan."""

    def __init__(self, items: Iterable[_Owner]) -> None:
        self.items = sorted(items, key=lambda item: item.span.start)
        self.starts = [item.span.start for item in self.items]
        self.reach = list(itertools.accumulate((item.span.end for item in self.items), max))

    def of(self, anchor: Span) -> _Owner | None:
        """The smallest part whose span contains ``anchor`` (the first of equal ones)."""
        found: _Owner | None = None
        k = bisect.bisect_right(self.starts, anchor.start) - 1
        # no part before k reaches past the anchor once the running maximum of ends is short
        while k >= 0 and self.reach[k] >= anchor.end:
            item = self.items[k]
            if item.span.contains(anchor) and (found is None or _size(item) <= _size(found)):
                found = item
            k -= 1
        return found


def _place_notes(res: Resolution) -> _Notes:
    """Each note's place: in the clause, paragraph, sub-paragraph or heading holding its marker."""
    notes = _Notes()
    units = _Holders([*res.preamble, *res.operative])
    annexes = [annex.span for annex in res.annexes]
    headings = _Holders(h for h in res.headings if not any(a.contains(h.span) for a in annexes))
    excluded = [f.span for f in res.furniture]
    excluded.extend(f.span for f in res.footnotes)
    excluded.extend(f.anchor for f in res.footnotes if f.anchor is not None)
    excluded.extend(f.marker_span for f in res.footnotes if f.marker_span is not None)
    excluded.extend(u.span for u in res.unclassified)
    base = _mask(len(res.source), excluded)
    cut_headings = _mask(len(res.source), [*excluded, *(h.span for h in headings.items)])
    places: dict[int, _Places] = {}
    for index, note in enumerate(res.footnotes):
        anchor = note.anchor
        if anchor is None:
            notes.orphans.append((note.span.start, index))
            continue
        owner = units.of(anchor)
        inner: tuple[SubParagraph, ...] = ()
        if isinstance(owner, OperativeParagraph):
            inner = owner.subparagraphs
            subs = [s for top in inner for s in top.walk() if s.span.contains(anchor)]
            if subs:
                owner = min(subs, key=_size)
                inner = owner.subparagraphs
        if owner is None:
            # a marker the parser left in a heading (a clause's last line read as one)
            owner = headings.of(anchor)
        if owner is None:
            notes.orphans.append((anchor.start, index))
            continue
        place = places.get(id(owner))
        if place is None:
            span = owner.span
            if isinstance(owner, Heading):
                hidden = base[span.start : span.end]
                others = (h.span for h in headings.items if h is not owner)
                _hide(hidden, span, others)
            else:
                hidden = cut_headings[span.start : span.end]
                _hide(hidden, span, (s.span for s in inner))
            lines = _visible_lines(res.source, span, hidden)
            place = _Places(clean_ranges(res.source, lines, res.language), owner.text)
            places[id(owner)] = place
        notes.placed.setdefault(id(owner), []).append((place.at(anchor.start), index))
    return notes


def _hide(hidden: bytearray, span: Span, spans: Iterable[Span]) -> None:
    """Mark in ``hidden`` (the mask of ``span``) the characters that ``spans`` cover."""
    for other in spans:
        lo, hi = max(other.start, span.start), min(other.end, span.end)
        if lo < hi:
            hidden[lo - span.start : hi - span.start] = b"\x01" * (hi - lo)


def _size(part: PreambularClause | OperativeParagraph | SubParagraph | Heading) -> int:
    return len(part.span)
