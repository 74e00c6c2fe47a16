"""Which numbers open operative paragraphs: the numbering's form, order and restarts.

"1)" after "1)", a number without its period where the paragraph before had one, a
restart under a heading or in the next part: the feeders (``_zone_feeders``) open a
paragraph only on a number these rules allow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from resparse import _line_shape
from resparse._patterns import CLAUSE_COMMAS
from resparse._zone_starts import ClauseStarts
from resparse._zone_state import KNOWN, OP, PRE

if TYPE_CHECKING:
    from resparse._classify import ClassifiedLine
    from resparse._scan import Line


_NUMBERING_WINDOW = 80  # lines below a first "1)" within which its "2)" must stand


class Numbering(ClauseStarts):
    """Whether a numbered line opens the next operative paragraph."""

    def numbered_alike(self, line: Line, kind: ClassifiedLine) -> bool:
        """Whether a number without its period before a word of any kind opens a paragraph.

        Where the open paragraph was numbered in the same form ("1) Calls upon", "2)
        Acknowledges"), the next number so printed opens the next paragraph whatever verb
        follows ("3) Declares that:"): after a finished part, a blank line (a list of
        names ends with no terminator) or a heading. The first paragraph so printed, after
        the formula or the preamble's last comma, needs the next number in the same form
        below it, after a finished part: "1 其中" after a comma is a footnote marker that a
        wrapped line put first (A/RES/77/94, Chinese), and no "2 ..." follows it.
        Elsewhere "3) Border corridors" is an item and "15 States" a quantity.
        """
        number = kind.number
        if number is None:
            return False
        if number != self.last_number + 1:
            return number == 1 and self.restarts_alike(line, kind)
        if self.zone == PRE:
            return (
                number == 1
                and (self.current is None or self.text_of_unit().rstrip().endswith(CLAUSE_COMMAS))
                and self.numbering_goes_on(line, kind)
            )
        if self.zone != OP or self.number_form != kind.number_form:
            return False
        if self.current is None:
            return True  # after a heading, the numbering goes on ("11)", a title, "12)")
        return self.numbered_so(kind) and (line.blanks_before > 0 or self.terminated())

    def restarts_alike(self, line: Line, kind: ClassifiedLine) -> bool:
        """Whether "1)" under a new heading starts the numbering again, in the same form.

        Sections of a budget resolution number their paragraphs from 1 ("XV", a title,
        "1) утверждает ..."), as their periods would.
        """
        return (
            self.zone == OP
            and self.current is None
            and self.just_after_heading(line)
            and self.number_form == kind.number_form
        )

    def numbering_goes_on(self, line: Line, kind: ClassifiedLine) -> bool:
        """Whether the next number printed in this line's form below it is 2, after a full stop."""
        kinds = self.kinds
        for index in range(line.index + 1, min(len(kinds), line.index + _NUMBERING_WINDOW)):
            below = kinds[index]
            reading = below.as_paragraph or (below if below.loose_number else None)
            if reading is not None and reading.number_form == kind.number_form:
                before = kinds[index - 1].line.text
                return reading.number == 2 and _line_shape.ends_clause(
                    before, self.profile.terminators
                )
        return False

    def numbered_so(self, kind: ClassifiedLine) -> bool:
        """Whether the open paragraph's number was printed as this line's is ("2)", "3)")."""
        current = self.current
        return (
            current is not None
            and current.number is not None
            and current.number == self.last_number
            and self.number_form == kind.number_form
        )

    def plausible_number(self, number: int, line: Line, kind: ClassifiedLine) -> bool:
        """A line-initial number opens a paragraph only where the numbering allows it."""
        if kind.table_row and self.current is not None:
            return False  # a table's own row numbers ("2. General income   19 265 100")
        if kind.loose_number:
            # "26 Condemns": without its period a number opens only the next paragraph,
            # after a finished one (or the preamble's last clause), or after one numbered
            # the same way (a list of names closes "1) Decides ...:" with no terminator)
            if number != self.last_number + 1:
                return number == 1 and self.restarts_alike(line, kind)
            return self.current is None or self.terminated() or self.numbered_so(kind)
        if number == self.last_number + 1:
            # the next number followed by a verb ("51. Welcomes") opens a paragraph even
            # when the text before it lost its final semicolon; a table's last row of
            # figures ends its paragraph with no terminator ("Total   3 208 080 100")
            return (
                self.terminated()
                or self.current is None
                or self.verb_follows(line, kind)
                or (kind.capital and _line_shape.table_row(self.text_of_unit()))
            )
        if number == 1 and self.current is None and self.just_after_heading(line):
            return True  # numbering restarts under a new heading ("II", "1.", "2.", ...)
        if number == 1 and self.opens_section() and self.terminated():
            return True  # after a section's unnumbered opening ("Recalls ...,", "1. Notes")
        if self.last_number == 0 and not self.paragraphs_in_part():
            return self.first_of_part(number, line, kind)
        if number <= self.last_number or not self.terminated():
            return False
        # a gap in the numbering (a paragraph lost in extraction) is reported, not followed
        return line.blanks_before > 0 or (
            number - self.last_number <= 3 and self.verb_follows(line, kind)
        )

    def first_of_part(self, number: int, line: Line, kind: ClassifiedLine) -> bool:
        """Whether a number other than 1 may open a part's first paragraph.

        An excerpt, or a text whose first paragraphs were lost, opens its operative part
        past 1: a numbered line that an operative verb follows, first in the body or on a
        line of its own after a finished clause (the gap is reported when it opens).
        """
        if self.current is None:
            return self.verb_follows(line, kind)
        if not self.terminated():
            return False
        return number == 1 or (line.blanks_before > 0 and self.verb_follows(line, kind))

    def opens_section(self) -> bool:
        """Whether the open paragraph is an unnumbered one, the first under the last heading."""
        current = self.current
        if current is None or current.number is not None or self.sub_stack or not self.headings:
            return False
        if self.paragraphs[-1] is not current:
            return False
        heading = self.headings[-1]
        earlier = self.paragraphs[-2] if len(self.paragraphs) > 1 else None
        return current.start >= heading.end and (earlier is None or earlier.start < heading.start)

    def verb_follows(self, line: Line, kind: ClassifiedLine) -> bool:
        """Whether an operative verb follows a paragraph number, on its line or the next."""
        if kind.content_start < line.end:
            return kind.operative_lead and kind.capital
        if line.index + 1 < len(self.kinds):
            return self.kinds[line.index + 1].op_count >= KNOWN
        return False

    def paragraphs_in_part(self) -> bool:
        return any(p.part == self.part for p in self.paragraphs)
