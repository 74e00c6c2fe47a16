"""The preamble and operative zones: each line opens a clause or a paragraph, or goes on.

A preambular clause opens on a lead after a finished clause; an operative paragraph opens
on the number the numbering allows, or on an operative verb where numbers are missing.
Everything else continues the part that is open, with a warning where it looks like the
next part.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from resparse import _line_shape
from resparse._zone_numbering import Numbering
from resparse._zone_state import OP, PRE, SENTENCE_ENDS, STRONG, Unit
from resparse.model import Diagnostic, Span

if TYPE_CHECKING:
    from resparse._classify import ClassifiedLine
    from resparse._scan import Line


class Feeders(Numbering):
    """Feeds the lines of the preamble and of the operative part."""

    def feed_preamble(self, line: Line, kind: ClassifiedLine) -> None:
        if kind.number is not None and self.plausible_number(kind.number, line, kind):
            self.zone = OP
            self.start_paragraph(line, kind)
            return
        if self.heading_before_paragraph(line, kind):
            self.add_heading(line)
            return
        current = self.current
        if current is not None and kind.sub_label is not None:
            current.pieces.append((line.start, line.end))  # "(a) ..." items of a clause's list
            return
        if current is None or self.starts_clause(line, kind):
            if (
                current is not None
                and kind.operative_lead
                and (not kind.preamble_lead or self.ends_sentence(line))
                and not self.numbering_decides(line)
            ):
                self.zone = OP
                self.start_paragraph(line, kind, unnumbered=True)
                return
            if (
                current is None
                and kind.operative_lead
                and not kind.preamble_lead
                and not self.clauses
            ):
                self.zone = OP
                self.start_paragraph(line, kind, unnumbered=True)
                return
            self.close_units()
            self.current = Unit(
                "clause", line.start, [(line.start, line.end)], part=self.part, section=self.section
            )
            self.clauses.append(self.current)
            return
        current.pieces.append((line.start, line.end))

    def start_paragraph(
        self, line: Line, kind: ClassifiedLine, *, unnumbered: bool = False
    ) -> None:
        self.close_units()
        start = line.start + (0 if unnumbered else kind.content_start - line.start)
        number = None if unnumbered else kind.number
        if number is not None:
            if number not in {self.last_number + 1, 1}:  # numbering restarts under a heading
                self.diagnostics.append(
                    Diagnostic(
                        "operative.numbering_gap",
                        f"paragraph {number} follows paragraph {self.last_number}"
                        if self.last_number
                        else f"the operative part opens at paragraph {number}",
                        "warning",
                        Span(line.start, line.end),
                    )
                )
            self.last_number = number
            self.number_form = kind.number_form
        pieces = [(start, line.end)] if start < line.end else []
        self.current = Unit(
            "paragraph",
            line.start,
            pieces,
            number=number,
            part=self.part,
            section=self.section,
            head_end=line.end,
        )
        self.paragraphs.append(self.current)
        if number is not None:
            self.open_list_on_number_line(line, start)

    def feed_operative(self, line: Line, kind: ClassifiedLine) -> None:
        if kind.number is not None and self.plausible_number(kind.number, line, kind):
            self.start_paragraph(line, kind)
            return
        if self.try_list_item(line, kind):
            return
        if self.heading_before_paragraph(line, kind):
            self.add_heading(line)
            return
        current = self.current
        if current is None:
            if (
                kind.preamble_lead
                and (not kind.operative_lead or self.numbering_decides(line))
                and self.headings
            ):
                # a section with a preamble of its own ("II", title, "Recalling ...", "1. ...")
                self.zone = PRE
                self.last_number = 0
                self.feed_preamble(line, kind)
                return
            if kind.capital:
                self.start_paragraph(line, kind, unnumbered=True)
            else:
                self.unclassified.append(
                    (Span(line.start, line.end), "text after a heading that opens no paragraph")
                )
            return
        if (
            current.number is None
            and not self.sub_stack
            and line.blanks_before > 0
            and kind.operative_lead
            and self.terminated()
        ):
            self.start_paragraph(line, kind, unnumbered=True)
            return
        if self.sub_stack and self.wraps_up_list(line, kind):
            del self.sub_stack[:]  # the paragraph's own sentence goes on after its list
        unit = self.open_unit()
        if unit is not None:
            self.doubt_continuation(line, kind, current)
            unit.pieces.append((line.start, line.end))

    def wraps_up_list(self, line: Line, kind: ClassifiedLine) -> bool:
        """Whether a line after a finished item goes on with the paragraph's own sentence.

        "Recalls the adoption of:", "(a) ...;", "(c) ...;" then "and stresses the
        importance of their implementation ...": a line that opens in lower case with a
        conjunction after an item that ended as items do is the paragraph's text after its
        list (the markup's wrap-up), not more of the last item.
        """
        if kind.number is not None or kind.sub_label is not None:
            return False
        if not _line_shape.ends_clause(self.text_of_unit(), SENTENCE_ENDS):
            return False
        text = line.text.lstrip()
        first = text[:1]
        if first.isalpha() and not first.islower() and not first.isupper():
            return self.lines_are_parts  # a script with no case: only a line break tells
        words = text.split(maxsplit=1)
        return len(words) > 1 and first.islower() and words[0] in self.profile.conjunctions

    def doubt_continuation(self, line: Line, kind: ClassifiedLine, current: Unit) -> None:
        """Say so where a line read as a paragraph's text looks like the next paragraph.

        A number above the last one that the numbering did not let open a paragraph
        ("2. ..." then "9. ..."), the last number again, or a frequent operative verb
        opening the line right after a finished sentence ("...;" then "Condemns ...", its
        number lost), may be a paragraph merged into the one before it.
        """
        if kind.table_row:
            return  # a table's numbered row of figures, inside the paragraph that holds it
        if kind.number is not None and kind.number >= self.last_number:
            repeated = kind.number == self.last_number
            code = "operative.numbering_repeat" if repeated else "operative.number_in_text"
            message = (
                f"a line opens with the number {kind.number} inside paragraph "
                f"{current.number or '(unnumbered)'}; it is read as that paragraph's text"
            )
            self.diagnostics.append(
                Diagnostic(code, message, "warning", Span(line.start, line.end))
            )
        elif (
            kind.number == 1
            and self.last_number > 1
            and not self.sub_stack
            and _line_shape.ends_clause(self.text_of_unit(), SENTENCE_ENDS)
        ):
            # numbering that starts again after the last paragraph, with no heading: an
            # annex's points ("Decides to remain seized of the matter." / "1. The panel ...")
            message = (
                f"the numbering starts again at 1 inside paragraph "
                f"{current.number or '(unnumbered)'}; it is read as that paragraph's text"
            )
            self.diagnostics.append(
                Diagnostic(
                    "operative.number_in_text", message, "warning", Span(line.start, line.end)
                )
            )
        elif (
            kind.number is None
            and kind.sub_label is None
            and not self.sub_stack
            and current.number is not None
            and kind.capital
            and kind.op_count >= STRONG
            and _line_shape.ends_clause(self.text_of_unit(), SENTENCE_ENDS)
        ):
            message = (
                f"a line inside paragraph {current.number} opens with an operative verb after "
                "a finished sentence; it may be the next paragraph without its number"
            )
            self.diagnostics.append(
                Diagnostic("operative.lead_in_text", message, "warning", Span(line.start, line.end))
            )
