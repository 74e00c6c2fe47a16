"""Classified lines -> blocks: the zone machine that decides what each line is in context.

The document is read top to bottom through zones: header, preamble, operative, adoption
record, annexes. Each line either opens a new part (a clause, a numbered paragraph, a
sub-paragraph, a heading, a vote, a footnote block) or continues the one that is open.
Page furniture and footnote blocks that interrupt a part are recorded as parts of their
own and left out of the clean text of the part they interrupt.

This module dispatches each line to its zone and handles what crosses zones (furniture,
footnote blocks, lettered parts and their formulas); the zones' feeders live in
``_zone_feeders`` (preamble, operative; where a clause starts in ``_zone_starts``, which
number opens a paragraph in ``_zone_numbering``), ``_zone_lists`` (sub-paragraphs) and
``_zone_records`` (adoption record, annexes), their shared state in ``_zone_state``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from resparse import _landmarks, _line_shape
from resparse._deadline import check_deadline, checked
from resparse._markers import MarkerStyle, find_anchor
from resparse._patterns import FOOTNOTE_LINE_RE
from resparse._zone_feeders import Feeders
from resparse._zone_records import Records
from resparse._zone_state import AFTER, ANNEX, OP, PRE
from resparse.model import Span

if TYPE_CHECKING:
    from collections.abc import Sequence

    from resparse._blocks import Segmentation
    from resparse._classify import ClassifiedLine
    from resparse._furniture import RunningTitle
    from resparse._italics import Italics
    from resparse._language import Profile
    from resparse._scan import Line
    from resparse.readers.base import Document

_FORMULA_MAX = 120  # characters of the longest formula line
_BARE_MARKER_RE = regex.compile(r"\s*\d{1,3}\s*")  # a note's number on a line of its own


def _note_marker(text: str) -> str | None:
    """The number a note line opens with ("1 Official Records", "(1) ..."), if it is one."""
    match = FOOTNOTE_LINE_RE.match(text)
    if match is None or match["marker"] is None or not match["marker"].isdigit():
        return None
    return str(match["marker"])


class Builder(Feeders, Records):
    """One pass over the body lines: each line to the zone it belongs to."""

    def leaves_footnotes(self, line: Line, kind: ClassifiedLine) -> bool:
        """Body text after a footnote block on a page the extractor did not break."""
        if kind.formula or kind.meeting is not None:
            return True
        if kind.number is not None:
            return kind.number == self.last_number + 1 and (self.zone == OP or kind.number == 1)
        if (
            line.blanks_before
            and self.profile.cased
            and line.text[:1].islower()
            and self.current is not None
            and self.last_note_ended()
            and not self.terminated()
        ):
            # "... and international" / the notes / "levels, on the role ...": the sentence
            # the notes broke goes on (a note cut short goes on itself: "... No. 53A and" /
            # "corrigenda (A/69/53/Add.1), chap. IV.")
            return True
        return kind.strong_preamble_lead and line.blanks_before > 0 and self.zone == PRE

    def last_note_ended(self) -> bool:
        """Whether the open note block's last line ends with a full stop, as notes end."""
        block = self.footnote_blocks[-1] if self.footnote_blocks else []
        return bool(block) and block[-1].text.endswith(".")

    def opens_unruled_notes(self, line: Line, kind: ClassifiedLine) -> bool:
        """Whether a paragraph of its own is the next footnote, printed with no rule above it.

        A copy of a PDF's text may drop the rule over a page's notes ("... the Meeting,1" /
        "" / "1 Official Records of the General Assembly ..."): a line set apart by a blank
        that opens with the next note's number, with no full stop after it, no operative
        verb after it, and a marker of that number in the text since the last note, is
        that note, wherever the sentence it broke goes on.
        """
        if (
            self.zone not in (PRE, OP, ANNEX)
            or self.current is None
            or not line.blanks_before
            or kind.number is not None  # "12 - تقرر": a paragraph's number
            or kind.operative_lead
            or not line.text[:1].isdigit()
        ):
            return False
        marker = _note_marker(line.text)
        if marker is None:
            return False
        if not line.text[len(marker) : len(marker) + 1].isspace():
            return False  # "1. Decides": a paragraph's number
        if int(marker) != self.last_note_number() + 1:
            return False
        first = (self.clauses or self.paragraphs or [self.current])[0]
        since = self.footnote_blocks[-1][-1].end if self.footnote_blocks else first.start
        if self.zone == ANNEX:
            # an annex's rows ("1 Albania ...") are no notes: its note cites a marker in
            # the annex itself, and ends with its full stop
            since = max(since, self.current.start)
            if not line.text.rstrip().endswith("."):
                return False
        style = MarkerStyle(self.profile.decimal_comma, self.profile.counting_words)
        anchor = find_anchor(self.source, marker, line.start, None, style)
        return anchor is not None and anchor.start >= since

    def leaves_unruled_notes(self, line: Line) -> bool:
        """Whether a line set apart by a blank ends a block of notes that had no rule.

        Each such note is a paragraph of its own, its wrapped lines with no blank between
        them; after a blank, only the next note's number goes on with the block.
        """
        if not self.unruled_notes or not line.blanks_before:
            return False
        marker = _note_marker(line.text)
        return marker is None or int(marker) != self.last_note_number() + 1

    def last_note_number(self) -> int:
        """The number of the last numbered note read so far, 0 before any."""
        for block in reversed(self.footnote_blocks):
            for note_line in reversed(block):
                marker = _note_marker(note_line.text)
                if marker is not None:
                    return int(marker)
        return 0

    def note_awaits_text(self, line: Line) -> bool:
        """Whether the line is the text of a footnote whose number stands alone before it.

        pdftotext may print a page's note as its number, the job number, then its text
        ("1" / "23-20100 (E)" / "High-level political forum on sustainable development
        ..."): words the running title repeats are then the note's own, not a running
        header. A line with a slash may be the symbol, and is left as furniture.
        """
        if not self.in_footnotes or line.page_break_before or "/" in line.text:
            return False
        block = self.footnote_blocks[-1] if self.footnote_blocks else []
        return bool(block) and _BARE_MARKER_RE.fullmatch(block[-1].text) is not None

    def feed(self, line: Line, kind: ClassifiedLine) -> None:  # noqa: C901, PLR0912 - one branch per line kind
        if line.page_break_before:
            self.in_footnotes = self.unruled_notes = False
        if kind.furniture == "running_header" and self.note_awaits_text(line):
            self.footnote_blocks[-1].append(line)  # a note's words that its title repeats
            return
        if kind.furniture:
            self.furnish(line, kind.furniture)
            if kind.furniture == "running_header":
                # a page the extractor did not break begins
                self.in_footnotes = self.unruled_notes = False
            return
        if kind.separator:
            self.furnish(line, "separator")
            self.in_footnotes, self.unruled_notes = True, False
            self.footnote_blocks.append([])
            return
        if self.in_footnotes:
            if line.blanks_before and self.running_title.heads_page_after_notes(line.text):
                # "1 Resolution S-10/2." / "Regional disarmament": the next page's title
                self.furnish(line, "running_header")
                self.in_footnotes = self.unruled_notes = False
                return
            if self.leaves_footnotes(line, kind) or self.leaves_unruled_notes(line):
                self.in_footnotes = self.unruled_notes = False
            else:
                self.footnote_blocks[-1].append(line)
                return
        if self.opens_unruled_notes(line, kind):
            self.in_footnotes = self.unruled_notes = True
            self.footnote_blocks.append([line])
            return
        if self.vote is not None and not self.vote.closed and self.continue_vote(line, kind):
            return
        if self.vote is not None and self.lists_go_on(line):
            self.vote.closed = False
            self.continue_vote(line, kind)
            return
        if kind.formula and self.current is not None and not self.terminated():
            # mid-sentence text opens nothing: "... по распределению, устанавливаемому" /
            # "Генеральной Ассамблеей," is the sentence going on, not the next part's
            # formula; under an annex's heading ("Annex" / "The Security Council,") it
            # opens the statement the resolution adopts, which stays in the annex
            kind = kind._replace(formula=False, heading=False)
        if kind.formula:
            if self.opens_part(line):
                self.start_part(line)
                return
            # a body's name over the paragraphs about it: a heading
            heading = _line_shape.heading_like(line.text, local=self.profile)
            kind = kind._replace(formula=False, heading=heading)
        if self.zone == ANNEX:
            self.feed_annex(line, kind)
            return
        if (
            kind.meeting is not None
            and self.zone in {PRE, OP, AFTER}
            and self.record_may_open(line)
        ):
            self.start_meeting(line)
            return
        if kind.vote and self.zone in {OP, AFTER} and self.record_may_open(line):
            self.start_vote(line, bracket=line.text.startswith("["))
            return
        if kind.annex and self.zone in {OP, AFTER} and self.annex_may_open(kind):
            self.start_annex(line)
            return
        if kind.as_paragraph is not None and self.numbered_alike(line, kind.as_paragraph):
            kind = kind.as_paragraph
        if self.zone == PRE:
            self.feed_preamble(line, kind)
        elif self.zone == OP:
            self.feed_operative(line, kind)
        else:
            self.feed_after(line, kind)

    def feed_part_marker(self, line: Line, kind: ClassifiedLine) -> bool:
        """A part letter before a formula ("B"), its title lines, or the formula after them."""
        if kind.furniture is None and line.index < self.part_title_end:
            self.headings.append(Span(line.start, line.end))  # "Strategic heritage plan"
            return True
        formula_at = self.formula_after_title(line) if kind.part_letter else None
        if formula_at is not None:
            self.close_units()
            self.part = kind.part_letter
            self.part_title_end = formula_at
        elif not (kind.formula and self.part is not None and self.just_after_heading(line)):
            return False
        self.close_units()
        self.headings.append(Span(line.start, line.end))
        self.zone = PRE
        self.last_number = 0
        self.section = None
        return True

    def opens_part(self, line: Line) -> bool:
        """A formula in the body opens a part if it has its comma or names the same body.

        "The Committee" alone on a line is a heading over the paragraphs about the
        sanctions committee, not the Committee enacting a part of the resolution. In an
        annex, only the formula with its comma does: "The Security Council" under "Annex
        I" and its title heads a statement the resolution adopts (S/RES/1353 (2001)).
        """
        if _landmarks.formula_has_comma(line.text):
            return True
        if self.zone == ANNEX:
            return False  # the body's name over what an annex sets out ("Annex I", its title)
        body = _landmarks.formula_body(line.text, self.profile)
        return body is not None and body == self.formula_body

    def start_part(self, line: Line) -> None:
        """A second enacting formula: the next lettered part of the resolution begins."""
        self.close_units()
        self.zone = PRE
        self.last_number = 0
        self.section = None
        self.headings.append(Span(line.start, line.end))
        if self.part is None:
            self.part = "A"
        elif len(self.part) == 1 and self.part.isalpha():
            self.part = chr(ord(self.part) + 1)

    def formula_after_title(self, line: Line) -> int | None:
        """The index of a formula line after a part letter and at most two title lines.

        "B" / "Strategic heritage plan" / "The General Assembly,": the title is a short
        line that ends like no sentence; page furniture between them is passed over.
        """
        titles = 0
        for following in self.kinds[line.index + 1 : line.index + 8]:
            if following.furniture is not None:
                continue
            if following.formula_like and len(following.line.text) < _FORMULA_MAX:
                return following.line.index
            if titles == _landmarks.PART_TITLE_LINES or not (
                following.heading or (titles and following.heading_continued)
            ):
                return None
            titles += 1
        return None


def segment(  # noqa: PLR0913 - the lines and what the header stage found before them
    doc: Document,
    kinds: tuple[ClassifiedLine, ...],
    *,
    local: Profile,
    start: int,
    italics: Italics | None,
    formula: Line | None,
    cover_furniture: Sequence[tuple[Line, str]],
    part_heading: Line | None,
    running_title: RunningTitle | None = None,
) -> Segmentation:
    """Run the zone machine over the body lines (from ``start``) into blocks."""
    builder = Builder(doc, kinds, italics, local.code)
    if running_title is not None:
        builder.running_title = running_title
    if formula is not None:
        builder.formula_body = _landmarks.formula_body(formula.text, local)
    for cover_line, furniture_kind in cover_furniture:
        builder.furnish(cover_line, furniture_kind)
    if part_heading is not None:
        # the first part's letter, and its title lines ("A", "Capital master plan")
        builder.part = _landmarks.part_letter(part_heading.text, local)
        furnished = {line.index for line, _ in cover_furniture}
        last = formula.index if formula is not None else start
        builder.headings.extend(
            Span(kind.line.start, kind.line.end)
            for kind in kinds[part_heading.index : last]
            if kind.line.index not in furnished
        )
    for kind in checked(kinds[start:], "segmenting the lines", 512):
        line = kind.line
        if not builder.feed_part_marker(line, kind):
            builder.feed(line, kind)
    check_deadline("the end of the text")
    return builder.segmentation()
