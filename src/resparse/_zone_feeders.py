"""The preamble and operative zones: which line opens a clause or a paragraph.

A preambular clause opens on a lead after a finished clause; an operative paragraph opens
on the number the numbering allows, or on an operative verb where numbers are missing.
Everything else continues the part that is open, with a warning where it looks like the
next part.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from resparse import _classify, _lead_tables, _leads, _line_shape
from resparse._patterns import CLAUSE_COMMAS
from resparse._zone_lists import Lists
from resparse._zone_state import KNOWN, OP, PRE, SENTENCE_ENDS, STRONG, Unit
from resparse.model import Diagnostic, Span

if TYPE_CHECKING:
    from resparse._classify import ClassifiedLine
    from resparse._scan import Line


_COLONS = frozenset(":：")
_NUMBERING_WINDOW = 80  # lines below a first "1)" within which its "2)" must stand
_OPENING_QUOTES = frozenset("\"'“‘«„")
_EMPHASIS = " \t*_"  # markdown's emphasis before a lead ("*Tomando nota*")


class Feeders(Lists):
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

    def starts_clause(self, line: Line, kind: ClassifiedLine) -> bool:
        """Whether a line opens a new preambular clause rather than continuing one."""
        if not kind.capital:
            return False
        if not self.terminated():
            # extractors that reorder justified lines can leave a clause without its comma;
            # a frequent lead after a blank line still opens the next clause, and so does
            # one after a line of wrapped text that ended short of the width, or one in
            # capitals where each line is a part ("... for 20221" / "Taking note of ..."):
            # where leads open in lower case or no case tells, a line judged so may still
            # be a wrapped one ("... 并表示严重" / "关切 ...")
            return kind.strong_preamble_lead and (
                line.blanks_before > 0
                or (self.lines_are_parts and line.text.lstrip(_EMPHASIS)[:1].isupper())
                or self.ended_short(line)
            )
        if line.blanks_before > 0 and not line.page_break_before:
            return True
        if self.blank_separated and line.index - 1 != self.last_furniture_line:
            return False  # this document separates its paragraphs with blank lines
        lead_like = kind.preamble_lead or kind.operative_lead
        if self.doc.italics:
            # a reader that sees fonts marks every lead; titles are italic too, so both count.
            # Where each line is a part, an unmarked line after a finished clause opens the
            # next one too: the markup or the document dropped its italics ("Acting under
            # Chapter VII ...,", S/RES/1519), as a plain text's would
            if lead_like and self.lead_marked(line, kind):
                return True
            return self.follows_finished_part(line)
        if lead_like and not self.profile.cased and self.filled_before(line):
            # where leads open in lower case or no case tells, only the word can tell a
            # lead from the sentence going on: after a line filled to the width, a word
            # the tables do not know as opening preambular leads ("включая", including),
            # or know as a frequent operative verb only ("促进", promotes), goes on with
            # the sentence
            if not self.opens_known_lead(kind):
                return False
            return kind.pre_count >= KNOWN and (kind.pre_count >= STRONG or kind.op_count < STRONG)
        if (
            lead_like
            and max(kind.pre_count, kind.op_count) < KNOWN
            and (
                (kind.operative_lead and not kind.preamble_lead)
                or self.opens_name(line)
                or not self.shaped_like_preamble_lead(kind)
            )
            and self.filled_before(line)
        ):
            # a capital opens names too: after a filled line, a word the tables never saw
            # open a lead goes on with the sentence where it is only shaped like an
            # operative verb ("Asia, América Latina", "Tercera y Cuarta"), opens a name
            # or a title ("Federated States of", "United Arab Emirates", "“Living in",
            # "Stockpiling and Use of"), or is not shaped like a preambular lead word
            # such as "Particularly in Africa", "Al-Qaida-affiliated groups" or "Afghan-led"
            return False
        return lead_like or self.follows_finished_part(line)

    def ended_short(self, line: Line) -> bool:
        """Whether, in wrapped text, the line before this one ended where no wrap did.

        A page wraps a line only when the next word does not fit: a line that left room
        for it ended its paragraph ("... en los países de renta media" / "Tomando nota
        también ...", a clause whose comma the text lost), unless a page break or page
        furniture came between.
        """
        return (
            self.wrap_width is not None
            and line.blanks_before == 0
            and not line.page_break_before
            and line.index - 1 != self.last_furniture_line
            and bool(self.text_of_unit().strip())
            and not self.filled_before(line)
        )

    def opens_known_lead(self, kind: ClassifiedLine) -> bool:
        """Whether a Chinese line opens with a lead the tables saw whole (any other: True).

        Chinese tables count characters, and a first character's counts say little
        ("注" opens 330 leads, all "注意到", none "注重"): after a filled line, "注重",
        "特别是" or "还必须" go on with the sentence; "提及", rare as it is, opens a clause.
        """
        text = self.source[kind.content_start : kind.line.end]
        if not _lead_tables.CHARACTER_RE.match(text[:1]):
            return True
        return _leads.opens_whole_lead(text, "pre", self.profile.code)

    def opens_name(self, line: Line) -> bool:
        """Whether a line opens with a quotation or a name: a second word with a capital.

        A lead is followed by its object in small letters ("Responding to the request");
        "Federated States of Micronesia" and "“Living in harmony" are the sentence going on.
        """
        text = line.text
        if text[:1] in _OPENING_QUOTES:
            return True
        words = text.split(maxsplit=3)
        if len(words) > 2 and words[1].casefold() in self.profile.conjunctions:
            return words[2][:1].isupper()  # a title's words joined: "Sustaining and Strengthening"
        return len(words) > 1 and words[1][:1].isupper()

    def shaped_like_preamble_lead(self, kind: ClassifiedLine) -> bool:
        """Whether the line's lead word has a preambular lead's shape, though the tables lack it.

        A participle or an adjective of the language's lead shapes (an unseen
        "Underlining", "Deeply troubled": past an opening adverb, its head), not a word
        joined by hyphens ("Afghan-led"), which names and compound adjectives are, and
        leads are not; "Particularly in Africa" has no head of that shape.
        """
        language = self.profile.code
        words = _line_shape.first_words(self.source[kind.content_start : kind.line.end], 2)
        suffixes = _lead_tables.morphology(language).adverb_suffixes
        if len(words) > 1 and (
            words[0] in _classify.CLAUSE_INTENSIFIERS or (suffixes and words[0].endswith(suffixes))
        ):
            words = words[1:]
        if not words or "-" in words[0]:
            return False
        return _lead_tables.looks_like_lead_word(words[0], "pre", language)

    def follows_finished_part(self, line: Line) -> bool:
        """Whether, in a text that breaks lines between parts only, a part ended before.

        A lead the tables never saw ("倾听了", "Keenly alive to") then still opens the next
        clause. After a colon the lines may be the clause's own list or quotation, so they
        go on with it, as do the lines of a clause that already holds such a list; a line
        opening with a conjunction ("и на ...") goes on with the sentence.
        """
        current = self.current
        if not self.lines_are_parts or current is None or self.sub_stack:
            return False
        words = line.text.split(maxsplit=1)
        if words and words[0].casefold() in self.profile.conjunctions:
            return False
        for start, end in current.pieces:
            if self.source[start:end].rstrip()[-1:] in _COLONS:
                return False
        return True

    def lead_marked(self, line: Line, kind: ClassifiedLine) -> bool:
        """Whether the reader's lead marking opens the line, or follows a short opening.

        Chinese may put a phrase before the lead ("在这方面" then a bold "欢迎": in this
        regard, welcoming); up to six characters without punctuation are allowed.
        """
        italics = self.italics
        if italics is None:
            return False
        if italics.at(kind.content_start) is not None:
            return True
        start = italics.next_start(kind.content_start)
        if start is None:
            return False
        opening = self.source[kind.content_start : start]
        terminators = self.profile.terminators
        return start < line.end and len(opening) <= 6 and not any(c in terminators for c in opening)

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
