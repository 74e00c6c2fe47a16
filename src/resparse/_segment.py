"""Classified lines -> blocks: the zone machine that decides what each line is in context.

The document is read top to bottom through zones: header, preamble, operative, adoption
record, annexes. Each line either opens a new part (a clause, a numbered paragraph, a
sub-paragraph, a heading, a vote, a footnote block) or continues the one that is open.
Page furniture and footnote blocks that interrupt a part are recorded as parts of their
own and left out of the clean text of the part they interrupt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from resparse import _classify, _labels, _markers
from resparse._blocks import Block, Segmentation, VoteBlock
from resparse._deadline import check_deadline, checked
from resparse._furniture import RunningTitle, furniture_of
from resparse._header import HeaderResult, read_header
from resparse._language import profile
from resparse._patterns import FOOTNOTE_LINE_RE
from resparse._text import clean
from resparse.model import Diagnostic, Furniture, Span

if TYPE_CHECKING:
    from collections.abc import Sequence

    from resparse._classify import ClassifiedLine
    from resparse._italics import Italics
    from resparse._language import Profile
    from resparse._scan import Line
    from resparse.readers.base import Document

_PRE, _OP, _AFTER, _ANNEX = "preamble", "operative", "after", "annex"
_FULL_STOPS = frozenset("。.")


@attrs.define
class _Unit:
    """A part being built: its raw pieces, and for paragraphs their number and children."""

    kind: str
    start: int
    pieces: list[tuple[int, int]]
    number: int | None = None
    label: str | None = None
    level: int = 0
    style: str = ""
    children: list[_Unit] = attrs.field(factory=list)
    part: str | None = None
    section: str | None = None
    head_end: int = 0  # the end of the line that opened the part ("1." alone on its line)

    @property
    def end(self) -> int:
        own = self.pieces[-1][1] if self.pieces else self.start
        return max([own, self.head_end, *(c.end for c in self.children)])

    def own_end(self) -> int:
        return self.pieces[-1][1] if self.pieces else self.start


@attrs.define
class _Vote:
    start: int
    end: int
    bracket: bool
    meeting_line: bool
    closed: bool = False
    part: str | None = None


_CLAUSE_COMMAS = frozenset(_classify.FORMULA_COMMAS)
_SIBLING_REACH = 30  # lines searched for a first label's next sibling
_KNOWN = 5  # leads a first word must open in the tables to count as opening one
_STRONG = 30  # ... to count as a frequent lead
_FORMULA_MAX = 120  # characters of the longest formula line
_SENTENCE_ENDS = frozenset(".;؛；。")  # what ends a paragraph, not a clause's comma


class _Builder:
    """Holds the state of one pass over the body lines."""

    def __init__(
        self,
        doc: Document,
        kinds: tuple[ClassifiedLine, ...],
        italics: Italics | None,
        language: str,
    ) -> None:
        self.doc = doc
        self.language = language
        self.profile = profile(language)
        self.source = doc.text
        self.kinds = kinds
        self.italics = italics
        self.zone = _PRE
        self.part: str | None = None
        self.section: str | None = None
        self.clauses: list[_Unit] = []
        self.paragraphs: list[_Unit] = []
        self.headings: list[Span] = []
        self.furniture: list[Furniture] = []
        self.footnote_blocks: list[list[Line]] = []
        self.votes: list[_Vote] = []
        self.annexes: list[_Unit] = []
        self.unclassified: list[tuple[Span, str]] = []
        self.diagnostics: list[Diagnostic] = []
        self.current: _Unit | None = None  # the clause or paragraph open now
        self.sub_stack: list[_Unit] = []  # open sub-paragraphs, outermost first
        self.in_footnotes = False
        self.vote: _Vote | None = None
        self.last_number = 0
        self.last_furniture_line = -2
        self.blank_separated = _blank_separated(kinds)
        self.formula_body: str | None = None  # the body the first formula names
        self.part_title_end = -1  # the formula line after a part's letter and title

    # --- helpers ---------------------------------------------------------------------

    def open_unit(self) -> _Unit | None:
        return self.sub_stack[-1] if self.sub_stack else self.current

    def text_of_unit(self) -> str:
        unit = self.open_unit()
        if unit is None or not unit.pieces:
            return ""
        start, end = unit.pieces[-1]
        return self.source[start:end]

    def terminated(self) -> bool:
        """Whether the open part's text ends where a clause or paragraph may end."""
        return _classify.ends_clause(self.text_of_unit(), self.profile.terminators)

    def leaves_footnotes(self, line: Line, kind: ClassifiedLine) -> bool:
        """Body text after a footnote block on a page the extractor did not break."""
        if kind.formula or kind.meeting is not None:
            return True
        if kind.number is not None:
            return kind.number == self.last_number + 1 and (self.zone == _OP or kind.number == 1)
        return kind.strong_preamble_lead and line.blanks_before > 0 and self.zone == _PRE

    def furnish(self, line: Line, kind: str) -> None:
        self.furniture.append(Furniture(kind, line.text, Span(line.start, line.end)))
        self.last_furniture_line = line.index

    # --- zones -----------------------------------------------------------------------

    def feed(self, line: Line, kind: ClassifiedLine) -> None:  # noqa: C901, PLR0912 - one branch per line kind
        if line.page_break_before:
            self.in_footnotes = False
        if kind.furniture:
            self.furnish(line, kind.furniture)
            if kind.furniture == "running_header":
                self.in_footnotes = False  # a page the extractor did not break begins
            return
        if kind.separator:
            self.furnish(line, "separator")
            self.in_footnotes = True
            self.footnote_blocks.append([])
            return
        if self.in_footnotes:
            if self.leaves_footnotes(line, kind):
                self.in_footnotes = False
            else:
                self.footnote_blocks[-1].append(line)
                return
        if self.vote is not None and not self.vote.closed and self.continue_vote(line, kind):
            return
        if kind.formula:
            if self.opens_part(line):
                self.start_part(line)
                return
            # a body's name over the paragraphs about it: a heading
            heading = _classify.heading_like(line.text, local=self.profile)
            kind = kind._replace(formula=False, heading=heading)
        if self.zone == _ANNEX:
            self.feed_annex(line, kind)
            return
        if kind.meeting is not None and self.zone in {_PRE, _OP, _AFTER}:
            self.start_meeting(line)
            return
        if kind.vote and self.zone in {_OP, _AFTER}:
            self.start_vote(line, bracket=line.text.startswith("["))
            return
        if kind.annex and self.zone in {_OP, _AFTER} and self.annex_may_open(kind):
            self.start_annex(line)
            return
        if self.zone == _PRE:
            self.feed_preamble(line, kind)
        elif self.zone == _OP:
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
        self.zone = _PRE
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
        if _classify.formula_has_comma(line.text):
            return True
        if self.zone == _ANNEX:
            return False  # the body's name over what an annex sets out ("Annex I", its title)
        body = _classify.formula_body(line.text, self.profile)
        return body is not None and body == self.formula_body

    def start_part(self, line: Line) -> None:
        """A second enacting formula: the next lettered part of the resolution begins."""
        self.close_units()
        self.zone = _PRE
        self.last_number = 0
        self.section = None
        self.headings.append(Span(line.start, line.end))
        if self.part is None:
            self.part = "A"
        elif len(self.part) == 1 and self.part.isalpha():
            self.part = chr(ord(self.part) + 1)

    def heading_before_paragraph(self, line: Line, kind: ClassifiedLine) -> bool:
        """A heading-like line that leads, through other such lines, to the next number."""
        after_heading = self.just_after_heading(line)
        # a long heading wraps: its later lines may open in lower case ("section 34, ...")
        heading = kind.heading or (after_heading and kind.heading_continued)
        if not heading or not (self.terminated() or self.current is None):
            return False
        if self.zone == _PRE and kind.preamble_lead and not after_heading:
            return False
        if kind.strong_preamble_lead and after_heading and self.clause_before_number(line):
            return False  # a section's own preamble: "VIII", its title, "Having considered ...,"
        under_section = (
            _classify.section_label(line.text, self.profile) is not None or after_heading
        )
        for following in self.kinds[line.index + 1 : line.index + 9]:
            number = following.number_text
            if number is not None:
                return number.isdigit() and int(number) in {self.last_number + 1, 1}
            if following.pre_count >= _KNOWN and (self.zone == _PRE or under_section):
                return True
            if self.zone == _OP and under_section and following.op_count >= _KNOWN:
                return True  # a section of one unnumbered paragraph ("XX", title, "Approves ...")
            # a long heading wraps: its later lines may open in lower case ("of Cambodia")
            if not following.heading_continued:
                return False
        return False

    def clause_before_number(self, line: Line) -> bool:
        """Whether the lines from ``line`` to the next paragraph end like a clause (",").

        The next paragraph is a numbered line, or an operative verb after the comma (a
        section of one unnumbered paragraph: "Having considered ...," / "Takes note ...").
        """
        last = line
        for following in self.kinds[line.index + 1 : line.index + 9]:
            ends = _classify.ends_clause(last.text, _CLAUSE_COMMAS)
            if following.number_text is not None:
                return ends
            if ends and following.op_count >= _KNOWN:
                return True
            last = following.line
        return False

    def just_after_heading(self, line: Line) -> bool:
        return bool(self.headings) and self.headings[-1].end == self.previous_end(line)

    def add_heading(self, line: Line) -> None:
        """Record a heading; a numbered one ("II", "B.") names the section that follows."""
        self.close_units()
        self.headings.append(Span(line.start, line.end))
        label = _classify.section_label(line.text, self.profile)
        if label is not None:
            self.section = label

    def feed_preamble(self, line: Line, kind: ClassifiedLine) -> None:
        if kind.number is not None and self.plausible_number(kind.number, line, kind):
            self.zone = _OP
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
                self.zone = _OP
                self.start_paragraph(line, kind, unnumbered=True)
                return
            if (
                current is None
                and kind.operative_lead
                and not kind.preamble_lead
                and not self.clauses
            ):
                self.zone = _OP
                self.start_paragraph(line, kind, unnumbered=True)
                return
            self.close_units()
            self.current = _Unit(
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
            # a frequent lead after a blank line still opens the next clause
            return kind.strong_preamble_lead and line.blanks_before > 0
        if line.blanks_before > 0 and not line.page_break_before:
            return True
        if self.blank_separated and line.index - 1 != self.last_furniture_line:
            return False  # this document separates its paragraphs with blank lines
        lead_like = kind.preamble_lead or kind.operative_lead
        if self.doc.italics:
            # a reader that sees fonts marks every lead; titles are italic too, so both count
            return lead_like and self.lead_marked(line, kind)
        return lead_like

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

    def plausible_number(self, number: int, line: Line, kind: ClassifiedLine) -> bool:
        """A line-initial number opens a paragraph only where the numbering allows it."""
        if kind.loose_number:
            # "26 Condemns": without its period a number opens only the next paragraph,
            # after a finished one (or the preamble's last clause)
            return number == self.last_number + 1 and (self.current is None or self.terminated())
        if number == self.last_number + 1:
            # the next number followed by a verb ("51. Welcomes") opens a paragraph even
            # when the text before it lost its final semicolon
            return self.terminated() or self.current is None or self.verb_follows(line, kind)
        if number == 1 and self.current is None and self.just_after_heading(line):
            return True  # numbering restarts under a new heading ("II", "1.", "2.", ...)
        if number == 1 and self.opens_section() and self.terminated():
            return True  # after a section's unnumbered opening ("Recalls ...,", "1. Notes")
        if self.last_number == 0 and self.current is not None and not self.paragraphs_in_part():
            return number == 1 and self.terminated()
        if number <= self.last_number or not self.terminated():
            return False
        # a gap in the numbering (a paragraph lost in extraction) is reported, not followed
        return line.blanks_before > 0 or (
            number - self.last_number <= 3 and self.verb_follows(line, kind)
        )

    def try_list_item(self, line: Line, kind: ClassifiedLine) -> bool:
        """A sub-paragraph, lettered ("(b)") or numbered inside a paragraph ("2.")."""
        if kind.number is not None and self.try_numbered_item(line, kind):
            return True
        if kind.number is None and kind.sub_label is None and self.try_lettered_part(line, kind):
            return True
        return (
            kind.sub_label is not None
            and self.current is not None
            and self.try_subparagraph(line, kind.sub_label, kind.content_start)
        )

    def try_lettered_part(self, line: Line, kind: ClassifiedLine) -> bool:
        """A lettered part of what a paragraph sets out: "A. Pension Administration".

        "6. Approves the changes to the staffing table as set out in the table below:" is
        followed by "A. Pension Administration", its table, "B. Office of Investment
        Management" and its table: parts A and B of the paragraph. "A." opens them only
        right after the paragraph's colon, and "B." only while "A." is open; anywhere else
        "A. Title" is a heading.
        """
        if self.current is None:
            return False
        match = self.profile.lettered_part_re.match(line.text, kind.content_start - line.start)
        if match is None:
            return False
        letter = match["label"]
        alphabet = self.profile.alphabet
        if _labels.first_label(letter, alphabet):
            if self.sub_stack or not self.text_of_unit().rstrip().endswith((":", "：")):
                return False
        elif not any(
            item.style == "upper"
            and item.label is not None
            and _labels.follows(item.label, letter, "upper", alphabet)
            for item in self.sub_stack
        ):
            return False
        return self.try_subparagraph(line, letter, line.start + match.end())

    def try_numbered_item(self, line: Line, kind: ClassifiedLine) -> bool:
        """A numbered list inside a paragraph: an agenda after "... agenda:", "1." to "7."."""
        number = kind.number
        if number is None or self.current is None or number > self.last_number:
            return False
        if self.sub_stack:
            item = self.sub_stack[-1]
            if item.style != "digit" or item.label != str(number - 1):
                return False
        elif number != 1 or not self.text_of_unit().rstrip().endswith((":", "：")):
            return False
        return self.try_subparagraph(line, str(number), kind.content_start)

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
            return self.kinds[line.index + 1].op_count >= _KNOWN
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
                        f"paragraph {number} follows paragraph {self.last_number}",
                        "warning",
                        Span(line.start, line.end),
                    )
                )
            self.last_number = number
        pieces = [(start, line.end)] if start < line.end else []
        self.current = _Unit(
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

    def open_list_on_number_line(self, line: Line, start: int) -> None:
        """A paragraph that opens straight into its list: "11. (a) Expresses concern ..."."""
        current = self.current
        label = self.profile.label_re.match(line.text, start - line.start)
        if current is None or label is None:
            return
        name = label["label"]
        if not _labels.first_label(name, self.profile.alphabet):
            return
        content = line.start + label.end()
        while content < line.end and self.source[content] in " \t":
            content += 1
        if content >= line.end:
            return
        current.pieces = []
        style = _labels.label_style(name, None, self.profile.alphabet)
        unit = _Unit(
            "sub",
            line.start + label.start(),
            [(content, line.end)],
            label=name,
            style=style,
            head_end=line.end,
        )
        current.children.append(unit)
        self.sub_stack.append(unit)

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
                self.zone = _PRE
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
        unit = self.open_unit()
        if unit is not None:
            self.doubt_continuation(line, kind, current)
            unit.pieces.append((line.start, line.end))

    def doubt_continuation(self, line: Line, kind: ClassifiedLine, current: _Unit) -> None:
        """Say so where a line read as a paragraph's text looks like the next paragraph.

        A number above the last one that the numbering did not let open a paragraph
        ("2. ..." then "9. ..."), the last number again, or a frequent operative verb
        opening the line right after a finished sentence ("...;" then "Condemns ...", its
        number lost), may be a paragraph merged into the one before it.
        """
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
            and _classify.ends_clause(self.text_of_unit(), _SENTENCE_ENDS)
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
            and kind.op_count >= _STRONG
            and _classify.ends_clause(self.text_of_unit(), _SENTENCE_ENDS)
        ):
            message = (
                f"a line inside paragraph {current.number} opens with an operative verb after "
                "a finished sentence; it may be the next paragraph without its number"
            )
            self.diagnostics.append(
                Diagnostic("operative.lead_in_text", message, "warning", Span(line.start, line.end))
            )

    def numbering_decides(self, line: Line) -> bool:
        """Whether paragraph 1 is still to come, where a lead's word cannot tell the parts apart.

        Chinese uses one verb for both kinds ("回顾" recalling or recalls, "吁请"): a clause
        before the next "1." belongs to the preamble (of the resolution or of a section).
        """
        return (
            self.profile.shared_leads
            and self.next_number(line, 120) == "1"
            and (self.zone == _PRE) == (self.last_number == 0)
        )

    def ends_sentence(self, line: Line) -> bool:
        """A full stop ends the line, where a lead's word cannot tell the parts apart.

        Preambular clauses end with a comma, so such a line is the operative part (unnumbered
        in a one-paragraph resolution: "表示注意到人权理事会的报告。").
        """
        return self.profile.shared_leads and _classify.ends_clause(line.text, _FULL_STOPS)

    def next_number(self, line: Line, window: int) -> str | None:
        """The number of the next numbered line within ``window`` lines below this one."""
        for following in self.kinds[line.index + 1 : line.index + window]:
            if following.number_text is not None:
                return following.number_text
        return None

    def try_subparagraph(self, line: Line, label: str, content: int) -> bool:
        """Place "(b)" or "(ii)" in the open nesting, or refuse when it does not fit."""
        alphabet = self.profile.alphabet
        if (
            (
                not self.sub_stack
                and not self.terminated()
                and not self.text_of_unit().rstrip().endswith((":", "："))
            )
            and (not _labels.first_label(label, alphabet) or line.blanks_before == 0)
            and not self.sibling_follows(line, label)
        ):
            return False
        level_index = self.place_label(label)
        if level_index is None:
            return False
        # a sibling keeps its list's style: "(j)" after an alphabetic "(i)" is alphabetic too
        if level_index < len(self.sub_stack):
            style = self.sub_stack[level_index].style
        else:
            style = _labels.label_style(label, None, alphabet)
        del self.sub_stack[level_index:]
        unit = _Unit(
            "sub",
            line.start,
            [(content, line.end)] if content < line.end else [],
            label=label,
            style=style,
            head_end=line.end,
        )
        parent = self.sub_stack[-1] if self.sub_stack else self.current
        assert parent is not None  # noqa: S101 - a paragraph is open
        parent.children.append(unit)
        self.sub_stack.append(unit)
        return True

    def sibling_follows(self, line: Line, label: str) -> bool:
        """A first label whose list goes on: the next label line is its next sibling.

        "... shall" then "(a) prioritize ...;" and "(b) further advise ..." is a list even
        without a colon before it; a lone "(a)" that a wrapped line put at a line start
        ("paragraph 3" / "(a) above") is not followed by "(b)".
        """
        alphabet = self.profile.alphabet
        if not _labels.first_label(label, alphabet):
            return False
        style = _labels.label_style(label, None, alphabet)
        for following in self.kinds[line.index + 1 : line.index + 1 + _SIBLING_REACH]:
            if following.bare_number:
                return False
            if following.bare_label is not None:
                return _labels.follows(label, following.bare_label, style, alphabet)
        return False

    def place_label(self, label: str) -> int | None:
        """The nesting level a label belongs to: a sibling of an open item, or a new level."""
        alphabet = self.profile.alphabet
        for depth in range(len(self.sub_stack) - 1, -1, -1):
            open_item = self.sub_stack[depth]
            if open_item.label is not None and _labels.follows(
                open_item.label, label, open_item.style, alphabet
            ):
                return depth
        if _labels.first_label(label, alphabet):
            style = _labels.label_style(label, None, alphabet)
            if self.sub_stack and style == self.sub_stack[-1].style:
                return self.restart_list()
            return len(self.sub_stack)
        return None

    def restart_list(self) -> int | None:
        """A list that starts again at "(a)" under a new intro, at the open item's level.

        A quoted statute prints "Article 10", its intro, "(a)" to "(d)", then "Article 11",
        its intro ending in a colon, and "(a)" again. The lines after the open item's last
        finished sentence are that new intro: they go back to the parent, and the new "(a)"
        is a sibling. Without a finished sentence before a colon, "(a)" is refused as before.
        """
        item = self.sub_stack[-1]
        if not self.text_of_unit().rstrip().endswith((":", "：")):
            return None
        terminators = self.profile.terminators
        cut = next(
            (
                k + 1
                for k in range(len(item.pieces) - 2, -1, -1)
                if _classify.ends_clause(self.source[slice(*item.pieces[k])], terminators)
            ),
            None,
        )
        if cut is None:
            return None
        parent = self.sub_stack[-2] if len(self.sub_stack) > 1 else self.current
        if parent is None:
            return None
        parent.pieces.extend(item.pieces[cut:])
        del item.pieces[cut:]
        return len(self.sub_stack) - 1

    def start_meeting(self, line: Line) -> None:
        self.close_units()
        self.zone = _AFTER
        self.vote = _Vote(line.start, line.end, bracket=False, meeting_line=True, part=self.part)
        self.votes.append(self.vote)

    def start_vote(self, line: Line, *, bracket: bool) -> None:
        self.close_units()
        self.zone = _AFTER
        if (
            self.vote is not None
            and self.vote.meeting_line
            and self.vote.part == self.part
            and not self.vote.bracket
            and self.vote.end == self.previous_end(line)
        ):
            self.vote.end = line.end
            self.vote.bracket = bracket
            self.vote.closed = self.vote_ends(line, bracket=bracket)
            return
        self.vote = _Vote(line.start, line.end, bracket=bracket, meeting_line=False, part=self.part)
        self.vote.closed = self.vote_ends(line, bracket=bracket)
        self.votes.append(self.vote)

    @staticmethod
    def vote_ends(line: Line, *, bracket: bool) -> bool:
        text = _markers.strip_trailing_marker(line.text)
        if bracket:
            return text.endswith(("]", "].", "]*"))
        return text.endswith((".", ".)", ")."))

    def continue_vote(self, line: Line, kind: ClassifiedLine) -> bool:
        vote = self.vote
        assert vote is not None  # noqa: S101 - checked by the caller
        if vote.meeting_line and not vote.bracket:
            if self.profile.date_line_re.match(line.text) and vote.end == self.previous_end(line):
                vote.end = line.end
                return True
            vote.closed = True
            return False
        if not vote.bracket and (line.blanks_before > 1 or kind.formula or kind.annex):
            vote.closed = True
            return False
        vote.end = line.end
        vote.closed = self.vote_ends(line, bracket=vote.bracket)
        return True

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
            if titles == _classify.PART_TITLE_LINES or not (
                following.heading or (titles and following.heading_continued)
            ):
                return None
            titles += 1
        return None

    def previous_end(self, line: Line) -> int:
        return self.kinds[line.index - 1].line.end if line.index > 0 else 0

    def annex_may_open(self, kind: ClassifiedLine) -> bool:
        """An annex line with its title ("Annex 1 - Terms of reference") follows a full stop.

        A bare "Annex" line is never a sentence's text; with a title after a dash it might
        be ("... as set out in" / "annex I - ..."), so the paragraph before must be finished.
        """
        if not kind.annex_titled or self.zone == _AFTER or self.current is None:
            return True
        return _classify.ends_clause(self.text_of_unit(), _SENTENCE_ENDS)

    def start_annex(self, line: Line) -> None:
        self.close_units()
        self.zone = _ANNEX
        match = self.profile.annex_re.match(line.text)
        label = clean(match["label"]) if match else clean(line.text)
        self.current = _Unit(
            "annex", line.start, [(line.start, line.end)], label=label, part=self.part
        )
        self.annexes.append(self.current)

    def feed_annex(self, line: Line, kind: ClassifiedLine) -> None:
        if kind.annex:
            self.start_annex(line)
            return
        if self.current is not None:
            self.current.pieces.append((line.start, line.end))

    def feed_after(self, line: Line, kind: ClassifiedLine) -> None:
        if kind.vote:
            self.start_vote(line, bracket=line.text.startswith("["))
            return
        if FOOTNOTE_LINE_RE.match(line.text) and kind.footnote_like:
            if not self.footnote_blocks or (
                self.footnote_blocks[-1] and self.footnote_blocks[-1][-1].index != line.index - 1
            ):
                self.footnote_blocks.append([])
            self.footnote_blocks[-1].append(line)
            return
        if (
            self.footnote_blocks
            and self.footnote_blocks[-1]
            and self.footnote_blocks[-1][-1].index == line.index - 1
        ):
            self.footnote_blocks[-1].append(line)
            return
        self.unclassified.append((Span(line.start, line.end), "text after the adoption record"))

    def close_units(self) -> None:
        self.current = None
        self.sub_stack.clear()

    def segmentation(self) -> Segmentation:
        """What the pass found, frozen for the builder."""
        return Segmentation(
            clauses=tuple(_freeze(unit) for unit in self.clauses),
            paragraphs=tuple(_freeze(unit) for unit in self.paragraphs),
            annexes=tuple(_freeze(unit) for unit in self.annexes),
            headings=tuple(self.headings),
            furniture=tuple(self.furniture),
            note_blocks=tuple(tuple(block) for block in self.footnote_blocks),
            votes=tuple(
                VoteBlock(v.start, v.end, meeting_line=v.meeting_line, part=v.part)
                for v in self.votes
            ),
            unclassified=tuple(self.unclassified),
            diagnostics=tuple(self.diagnostics),
        )


def _freeze(unit: _Unit) -> Block:
    return Block(
        kind=unit.kind,
        start=unit.start,
        end=unit.end,
        pieces=tuple(unit.pieces),
        number=unit.number,
        label=unit.label,
        children=tuple(_freeze(child) for child in unit.children),
        part=unit.part,
        section=unit.section,
    )


def locate_body(
    lines: list[Line], language: str, diagnostics: list[Diagnostic]
) -> tuple[int | None, int] | None:
    """The enacting formula's line and the first body line; None when neither is found."""
    local = profile(language)
    formula_index = _classify.find_formula(lines, local)
    if formula_index is None:
        formula_index = _formula_with_a_colon(lines, local)
    if formula_index is not None:
        return formula_index, formula_index
    body_start = _classify.find_body_start(lines, language)
    if body_start is None:
        return None
    message = "found no enacting formula such as 'The General Assembly,'"
    diagnostics.append(Diagnostic("header.no_formula", message, "warning"))
    return None, body_start


_FORMULA_LENGTH = 120  # the longest line read as a formula, as find_formula allows


def _formula_with_a_colon(lines: list[Line], local: Profile) -> int | None:
    """An older text's formula that ends with a colon ("The Security Council:").

    Read as the same formula with its comma; without this the formula line became the
    first preambular clause.
    """
    for line in lines:
        text = line.text.rstrip()
        if (
            len(text) < _FORMULA_LENGTH
            and text.endswith(":")
            and local.formula_re.match(_with_its_comma(text)) is not None
        ):
            return line.index
    return None


def _with_its_comma(text: str) -> str:
    """A formula line with a closing colon written as the comma ("The Council:" -> ",")."""
    stripped = text.rstrip()
    return stripped[:-1].rstrip() + "," if stripped.endswith(":") else text


def read_header_zone(
    source: str,
    lines: list[Line],
    formula_index: int | None,
    body_start: int,
    language: str,
) -> tuple[HeaderResult, int, Line | None, list[tuple[Line, str]]]:
    """Read the header; returns it, the (maybe moved) body start and a part letter line."""
    header_lines = lines[:body_start]
    # the first page's footer (job number, barcode) often sits among the cover lines
    local = profile(language)
    number_re = dict(local.header_fields).get("number")

    def cover_furniture(line: Line) -> str | None:
        kind = furniture_of(line, RunningTitle(), local)
        if kind == "page_number" and number_re is not None and number_re.fullmatch(line.text):
            return None  # "77/27": a resolution number printed without a dot (Arabic)
        return kind

    kinds = [cover_furniture(line) for line in header_lines]
    furniture = [(line, kind) for line, kind in zip(header_lines, kinds, strict=True) if kind]
    header_lines = [line for line, kind in zip(header_lines, kinds, strict=True) if not kind]
    part_heading: Line | None = None
    at = _classify.part_heading_at(header_lines, local)
    if at is not None:
        part_heading = header_lines[at]
        header_lines = header_lines[:at]
    formula = lines[formula_index] if formula_index is not None else None
    formula_body = (
        _classify.formula_body(_with_its_comma(formula.text), local)
        if formula is not None
        else None
    )
    head = read_header(source, header_lines, formula, formula_body, language)
    if formula is None and head.leftovers:
        # without a formula, sentences after the last header field already belong to the body
        trailing = [line for line in head.leftovers if line.start >= head.fields_end]
        if trailing:
            body_start = trailing[0].index
            header_lines = [line for line in header_lines if line.index < body_start]
            head = read_header(source, header_lines, formula, formula_body, language)
    furniture = [(line, kind) for line, kind in furniture if line.index < body_start]
    return head, body_start, part_heading, furniture


def _blank_separated(kinds: tuple[ClassifiedLine, ...]) -> bool:
    """Whether the document puts a blank line before (nearly) every clause and paragraph."""
    opening = [
        k.line
        for k in checked(kinds, "looking for blank lines")
        if k.pre_count >= _STRONG or k.bare_number
    ]
    if len(opening) < 4:
        return False
    return sum(line.blanks_before > 0 or line.page_break_before for line in opening) >= 0.9 * len(
        opening
    )


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
) -> Segmentation:
    """Run the zone machine over the body lines (from ``start``) into blocks."""
    builder = _Builder(doc, kinds, italics, local.code)
    if formula is not None:
        builder.formula_body = _classify.formula_body(formula.text, local)
    for cover_line, furniture_kind in cover_furniture:
        builder.furnish(cover_line, furniture_kind)
    if part_heading is not None:
        # the first part's letter, and its title lines ("A", "Capital master plan")
        builder.part = _classify.part_letter(part_heading.text, local)
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
