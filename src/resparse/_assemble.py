"""Lines -> Resolution: the zone machine that turns classified lines into parts.

The document is read top to bottom through zones: header, preamble, operative, adoption
record, annexes. Each line either opens a new part (a clause, a numbered paragraph, a
sub-paragraph, a heading, a vote, a footnote block) or continues the one that is open.
Page furniture and footnote blocks that interrupt a part are recorded as parts of their
own and left out of the clean text of the part they interrupt.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any

import attrs

from resparse import _classify, _leads
from resparse._deadline import checked
from resparse._header import HeaderResult, read_header
from resparse._language import profile
from resparse._more_leads import find_more_leads
from resparse._patterns import (
    FOOTNOTE_LINE_RE,
    FOOTNOTE_MARKER_ONLY_RE,
    LINE_MARKUP_RE,
)
from resparse._scan import Line, scan
from resparse._text import clean, clean_pieces
from resparse._vote import read_vote
from resparse.model import (
    Annex,
    Diagnostic,
    Footnote,
    Furniture,
    Header,
    Heading,
    OperativeParagraph,
    PreambularClause,
    Resolution,
    Span,
    SubParagraph,
    Unclassified,
    VoteRecord,
)

if TYPE_CHECKING:
    import regex

    from resparse._classify import LineKind
    from resparse._deadline import Deadline
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


class _Builder:
    """Holds the state of one pass over the body lines."""

    def __init__(
        self,
        doc: Document,
        lines: list[Line],
        italics: list[Span] | None,
        scope: str | None,
        language: str,
    ) -> None:
        self.doc = doc
        self.language = language
        self.profile = profile(language)
        self.source = doc.text
        self.lines = lines
        self.italics = italics
        self._italic_starts = [s.start for s in italics] if italics else []
        self.scope = scope
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
        self.blank_separated = _blank_separated(lines, language)
        self.formula_body: str | None = None  # the body the first formula names

    # --- helpers ---------------------------------------------------------------------

    def italic_at(self, pos: int) -> Span | None:
        """The italic span that starts at (or within two characters of) ``pos``."""
        if not self.italics:
            return None
        i = bisect.bisect_right(self._italic_starts, pos + 2) - 1
        if i >= 0:
            span = self.italics[i]
            if span.start <= pos + 2 and span.end > pos:
                return span
        return None

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

    def leaves_footnotes(self, line: Line, kind: LineKind) -> bool:
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

    def feed(self, line: Line, kind: LineKind) -> None:  # noqa: C901, PLR0912 - one branch per line kind
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
            kind.formula = False  # a body's name over the paragraphs about it: a heading
            kind.heading = _classify.heading_like(line.text, local=self.profile)
        if self.zone == _ANNEX:
            self.feed_annex(line, kind)
            return
        if kind.meeting is not None and self.zone in {_PRE, _OP, _AFTER}:
            self.start_meeting(line)
            return
        if kind.vote and self.zone in {_OP, _AFTER}:
            self.start_vote(line, bracket=line.text.startswith("["))
            return
        if kind.annex and self.zone in {_OP, _AFTER}:
            self.start_annex(line)
            return
        if self.zone == _PRE:
            self.feed_preamble(line, kind)
        elif self.zone == _OP:
            self.feed_operative(line, kind)
        else:
            self.feed_after(line, kind)

    def feed_part_marker(self, line: Line, kind: LineKind) -> bool:
        """A part letter before a formula ("B"), or the formula right after it."""
        if kind.part_letter and _next_is_formula(self.lines, line.index, self.language):
            self.close_units()
            self.part = kind.part_letter
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
        sanctions committee, not the Committee enacting a part of the resolution.
        """
        if _classify.formula_has_comma(line.text):
            return True
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

    def heading_before_paragraph(self, line: Line, kind: LineKind) -> bool:
        """A heading-like line that leads, through other such lines, to the next number."""
        after_heading = self.just_after_heading(line)
        # a long heading wraps: its later lines may open in lower case ("section 34, ...")
        heading = kind.heading or (
            after_heading and _classify.heading_like(line.text, continued=True, local=self.profile)
        )
        if not heading or not (self.terminated() or self.current is None):
            return False
        if self.zone == _PRE and kind.preamble_lead and not after_heading:
            return False
        if kind.strong_preamble_lead and after_heading and self.clause_before_number(line):
            return False  # a section's own preamble: "VIII", its title, "Having considered ...,"
        for following in self.lines[line.index + 1 : line.index + 9]:
            text = following.text
            number = self.number_on(text)
            if number is not None:
                return number["n"].isdigit() and int(number["n"]) in {self.last_number + 1, 1}
            under_section = (
                _classify.section_label(line.text, self.profile) is not None or after_heading
            )
            if _classify.opens_preambular_clause(text, self.language) and (
                self.zone == _PRE or under_section
            ):
                return True
            if (
                self.zone == _OP
                and under_section
                and _classify.opens_operative_paragraph(text, self.language)
            ):
                return True  # a section of one unnumbered paragraph ("XX", title, "Approves ...")
            # a long heading wraps: its later lines may open in lower case ("of Cambodia")
            if not _classify.heading_like(text, continued=True, local=self.profile):
                return False
        return False

    def number_on(self, text: str) -> regex.Match[str] | None:
        """The paragraph number a line opens with, after any list markup ("- 3.")."""
        markup = LINE_MARKUP_RE.match(text)
        return self.profile.number_re.match(text, markup.end() if markup else 0)

    def clause_before_number(self, line: Line) -> bool:
        """Whether the lines from ``line`` to the next paragraph end like a clause (",").

        The next paragraph is a numbered line, or an operative verb after the comma (a
        section of one unnumbered paragraph: "Having considered ...," / "Takes note ...").
        """
        last = line
        for following in self.lines[line.index + 1 : line.index + 9]:
            ends = _classify.ends_clause(last.text, _CLAUSE_COMMAS)
            if self.number_on(following.text) is not None:
                return ends
            if ends and _classify.opens_operative_paragraph(following.text, self.language):
                return True
            last = following
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

    def feed_preamble(self, line: Line, kind: LineKind) -> None:
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

    def starts_clause(self, line: Line, kind: LineKind) -> bool:
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

    def lead_marked(self, line: Line, kind: LineKind) -> bool:
        """Whether the reader's lead marking opens the line, or follows a short opening.

        Chinese may put a phrase before the lead ("在这方面" then a bold "欢迎": in this
        regard, welcoming); up to six characters without punctuation are allowed.
        """
        if self.italic_at(kind.content_start) is not None:
            return True
        i = bisect.bisect_left(self._italic_starts, kind.content_start)
        if i == len(self._italic_starts):
            return False
        start = self._italic_starts[i]
        opening = self.source[kind.content_start : start]
        terminators = self.profile.terminators
        return start < line.end and len(opening) <= 6 and not any(c in terminators for c in opening)

    def plausible_number(self, number: int, line: Line, kind: LineKind) -> bool:
        """A line-initial number opens a paragraph only where the numbering allows it."""
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

    def try_list_item(self, line: Line, kind: LineKind) -> bool:
        """A sub-paragraph, lettered ("(b)") or numbered inside a paragraph ("2.")."""
        if kind.number is not None and self.try_numbered_item(line, kind):
            return True
        if kind.number is None and kind.sub_label is None and self.try_lettered_part(line, kind):
            return True
        return (
            kind.sub_label is not None
            and self.current is not None
            and self.try_subparagraph(line, kind)
        )

    def try_lettered_part(self, line: Line, kind: LineKind) -> bool:
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
        if _classify.first_label(letter, alphabet):
            if self.sub_stack or not self.text_of_unit().rstrip().endswith((":", "：")):
                return False
        elif not any(
            item.style == "upper"
            and item.label is not None
            and _classify.follows(item.label, letter, "upper", alphabet)
            for item in self.sub_stack
        ):
            return False
        content_start = kind.content_start
        kind.sub_label, kind.content_start = letter, line.start + match.end()
        if self.try_subparagraph(line, kind):
            return True
        kind.sub_label, kind.content_start = None, content_start
        return False

    def try_numbered_item(self, line: Line, kind: LineKind) -> bool:
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
        kind.sub_label = str(number)
        if self.try_subparagraph(line, kind):
            return True
        kind.sub_label = None
        return False

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

    def verb_follows(self, line: Line, kind: LineKind) -> bool:
        """Whether an operative verb follows a paragraph number, on its line or the next."""
        if kind.content_start < line.end:
            return kind.operative_lead and kind.capital
        if line.index + 1 < len(self.lines):
            return _classify.opens_operative_paragraph(
                self.lines[line.index + 1].text, self.language
            )
        return False

    def paragraphs_in_part(self) -> bool:
        return any(p.part == self.part for p in self.paragraphs)

    def start_paragraph(self, line: Line, kind: LineKind, *, unnumbered: bool = False) -> None:
        self.close_units()
        start = line.start + (0 if unnumbered else kind.content_start - line.start)
        number = None if unnumbered else kind.number
        if number is not None:
            if number != self.last_number + 1:
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
        if not _classify.first_label(name, self.profile.alphabet):
            return
        content = line.start + label.end()
        while content < line.end and self.source[content] in " \t":
            content += 1
        if content >= line.end:
            return
        current.pieces = []
        style = _classify.label_style(name, None, self.profile.alphabet)
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

    def feed_operative(self, line: Line, kind: LineKind) -> None:
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
            if not unit.pieces:
                unit.pieces.append((line.start, line.end))
            else:
                unit.pieces.append((line.start, line.end))

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
        for following in self.lines[line.index + 1 : line.index + window]:
            number = self.number_on(following.text)
            if number is not None:
                return number["n"]
        return None

    def try_subparagraph(self, line: Line, kind: LineKind) -> bool:
        """Place "(b)" or "(ii)" in the open nesting, or refuse when it does not fit."""
        label = kind.sub_label
        assert label is not None  # noqa: S101 - checked by the caller
        alphabet = self.profile.alphabet
        if (
            (
                not self.sub_stack
                and not self.terminated()
                and not self.text_of_unit().rstrip().endswith((":", "："))
            )
            and (not _classify.first_label(label, alphabet) or line.blanks_before == 0)
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
            style = _classify.label_style(label, None, alphabet)
        del self.sub_stack[level_index:]
        content = kind.content_start
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
        if not _classify.first_label(label, alphabet):
            return False
        style = _classify.label_style(label, None, alphabet)
        for following in self.lines[line.index + 1 : line.index + 1 + _SIBLING_REACH]:
            text = following.text.lstrip()
            if self.profile.number_re.match(text):
                return False
            match = self.profile.label_re.match(text)
            if match is not None:
                return _classify.follows(label, match["label"], style, alphabet)
        return False

    def place_label(self, label: str) -> int | None:
        """The nesting level a label belongs to: a sibling of an open item, or a new level."""
        alphabet = self.profile.alphabet
        for depth in range(len(self.sub_stack) - 1, -1, -1):
            open_item = self.sub_stack[depth]
            if open_item.label is not None and _classify.follows(
                open_item.label, label, open_item.style, alphabet
            ):
                return depth
        if _classify.first_label(label, alphabet):
            style = _classify.label_style(label, None, alphabet)
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
        text = _classify.strip_trailing_marker(line.text)
        if bracket:
            return text.endswith(("]", "].", "]*"))
        return text.endswith((".", ".)", ")."))

    def continue_vote(self, line: Line, kind: LineKind) -> bool:
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

    def previous_end(self, line: Line) -> int:
        return self.lines[line.index - 1].end if line.index > 0 else 0

    def start_annex(self, line: Line) -> None:
        self.close_units()
        self.zone = _ANNEX
        match = self.profile.annex_re.match(line.text)
        label = clean(match["label"]) if match else clean(line.text)
        self.current = _Unit(
            "annex", line.start, [(line.start, line.end)], label=label, part=self.part
        )
        self.annexes.append(self.current)

    def feed_annex(self, line: Line, kind: LineKind) -> None:
        if kind.annex:
            self.start_annex(line)
            return
        if self.current is not None:
            self.current.pieces.append((line.start, line.end))

    def feed_after(self, line: Line, kind: LineKind) -> None:
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


def assemble(
    doc: Document, *, language: str = "en", deadline: Deadline | None = None
) -> Resolution:
    """Read a document into a Resolution."""
    source = doc.text
    lines = scan(source)
    diagnostics: list[Diagnostic] = list(doc.diagnostics)
    if not lines:
        diagnostics.append(Diagnostic("input.empty", "the input holds no text", "error"))
        return Resolution(
            source=source, diagnostics=tuple(diagnostics), language=language, reader=doc.reader
        )
    located = _locate_body(lines, language, diagnostics)
    if located is None:
        span = Span(lines[0].start, lines[-1].end)
        message = "found no enacting formula, preambular clause or numbered paragraph"
        diagnostics.append(Diagnostic("input.not_a_resolution", message, "error", span))
        return Resolution(
            source=source,
            unclassified=(Unclassified(source[span.start : span.end], span, "not a resolution"),),
            diagnostics=tuple(diagnostics),
            language=language,
            reader=doc.reader,
        )
    formula_index, body_start = located
    head, body_start, part_heading, header_furniture = _read_header_zone(
        source, lines, formula_index, body_start, language
    )
    header = head.header
    diagnostics.extend(head.diagnostics)
    scope = _classify.scope_of(header.body, language)
    italics = list(doc.italics) if doc.italics is not None else _classify.markdown_italics(source)
    known_italics = italics if (italics or doc.italics is not None) else None
    builder = _Builder(doc, lines, known_italics, scope, language)
    if formula_index is not None:
        builder.formula_body = _classify.formula_body(lines[formula_index].text, profile(language))
    for cover_line, furniture_kind in header_furniture:
        builder.furnish(cover_line, furniture_kind)
    if part_heading is not None:
        builder.part = _classify.part_letter(part_heading.text, profile(language))
        builder.headings.append(Span(part_heading.start, part_heading.end))
    context = _classify.Context(
        symbol=header.symbol, title=header.title, language=language, scope=scope
    )
    start = body_start + 1 if formula_index is not None else body_start
    for line in lines[start:]:
        if deadline is not None and not line.index % 512:
            deadline.check(f"line {line.index + 1} of {len(lines)}")
        kind = _classify.classify(line, context)
        if not builder.feed_part_marker(line, kind):
            builder.feed(line, kind)
    if deadline is not None:
        deadline.check("the end of the text")
    reason = "header text that opens no field"
    leftovers = [(Span(line.start, line.end), reason) for line in head.leftovers]
    leftovers += [(span, reason) for span in head.unread]
    return _finish(builder, head, diagnostics, leftovers, language)


def _locate_body(
    lines: list[Line], language: str, diagnostics: list[Diagnostic]
) -> tuple[int | None, int] | None:
    """The enacting formula's line and the first body line; None when neither is found."""
    formula_index = _classify.find_formula(lines, profile(language))
    if formula_index is not None:
        return formula_index, formula_index
    body_start = _classify.find_body_start(lines, language)
    if body_start is None:
        return None
    message = "found no enacting formula such as 'The General Assembly,'"
    diagnostics.append(Diagnostic("header.no_formula", message, "warning"))
    return None, body_start


def _read_header_zone(
    source: str,
    lines: list[Line],
    formula_index: int | None,
    body_start: int,
    language: str,
) -> tuple[HeaderResult, int, Line | None, list[tuple[Line, str]]]:
    """Read the header; returns it, the (maybe moved) body start and a part letter line."""
    header_lines = lines[:body_start]
    # the first page's footer (job number, barcode) often sits among the cover lines
    context = _classify.Context(symbol=None, title=None, language=language)
    number_re = dict(profile(language).header_fields).get("number")

    def cover_furniture(line: Line) -> str | None:
        kind = _classify.furniture_of(line, context)
        if kind == "page_number" and number_re is not None and number_re.fullmatch(line.text):
            return None  # "77/27": a resolution number printed without a dot (Arabic)
        return kind

    furniture = [(line, kind) for line in header_lines if (kind := cover_furniture(line))]
    header_lines = [line for line in header_lines if not cover_furniture(line)]
    part_heading: Line | None = None
    if header_lines and _classify.part_letter(header_lines[-1].text, profile(language)):
        part_heading = header_lines[-1]
        header_lines = header_lines[:-1]
    formula = lines[formula_index] if formula_index is not None else None
    local = profile(language)
    formula_body = _classify.formula_body(formula.text, local) if formula is not None else None
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


def _blank_separated(lines: list[Line], language: str) -> bool:
    """Whether the document puts a blank line before (nearly) every clause and paragraph."""
    opening = [
        line
        for line in checked(lines, "looking for blank lines")
        if _classify.opens_preambular_clause(line.text, language, minimum=30)
        or profile(language).number_re.match(line.text)
    ]
    if len(opening) < 4:
        return False
    return sum(line.blanks_before > 0 or line.page_break_before for line in opening) >= 0.9 * len(
        opening
    )


def _next_is_formula(lines: list[Line], index: int, language: str) -> bool:
    return (
        index + 1 < len(lines)
        and _classify.find_formula(lines[index + 1 : index + 2], profile(language)) is not None
    )


def _finish(
    b: _Builder,
    head: HeaderResult,
    diagnostics: list[Diagnostic],
    leftovers: list[tuple[Span, str]],
    language: str,
) -> Resolution:
    source = b.source
    header = head.header
    footnotes, anchors = _footnotes(b, source)
    italics_known = b.italics is not None

    def pieces_of(unit: _Unit) -> list[tuple[int, int]]:
        return _without(unit.pieces, anchors)

    preamble: list[PreambularClause] = []
    for index, unit in enumerate(b.clauses, start=1):
        text = clean_pieces(source, pieces_of(unit), language)
        lead, lead_span, italic, doubt = _lead(b, unit, "pre", italics_known=italics_known)
        if lead is None:
            diagnostics.append(
                Diagnostic(
                    "preamble.lead_unknown",
                    f"preambular clause {index} opens with no known lead phrase",
                    "info",
                    Span(unit.start, unit.end),
                )
            )
        elif doubt:
            diagnostics.append(doubt)
        preamble.append(
            PreambularClause(
                index=index,
                lead=lead,
                text=text,
                span=Span(unit.start, unit.end),
                lead_span=lead_span,
                lead_italic=italic,
                part=unit.part,
                section=unit.section,
                **_more(b, "pre", lead_span, pieces_of(unit)),
            )
        )

    operative: list[OperativeParagraph] = []
    for unit in b.paragraphs:
        text = clean_pieces(source, pieces_of(unit), language)
        lead, lead_span, italic, doubt = _lead(b, unit, "op", italics_known=italics_known)
        if lead is None:
            diagnostics.append(
                Diagnostic(
                    "operative.lead_unknown",
                    f"operative paragraph {unit.number} opens with no known verb",
                    "info",
                    Span(unit.start, unit.end),
                )
            )
        elif doubt:
            diagnostics.append(doubt)
        operative.append(
            OperativeParagraph(
                number=unit.number,
                lead=lead,
                text=text,
                span=Span(unit.start, unit.end),
                lead_span=lead_span,
                lead_italic=italic,
                subparagraphs=tuple(
                    _sub(source, child, anchors, language) for child in unit.children
                ),
                part=unit.part,
                section=unit.section,
                **_more(b, "op", lead_span, pieces_of(unit)),
            )
        )

    votes = _votes(b, header, head.meeting, footnotes, diagnostics)

    annexes = []
    for unit in b.annexes:
        first, *rest = unit.pieces
        title = clean(source[rest[0][0] : rest[0][1]]) if rest else None
        annexes.append(
            Annex(
                label=unit.label or "Annex",
                title=title,
                text=clean_pieces(source, rest, language),
                span=Span(unit.start, unit.end),
            )
        )
        del first

    unclassified = [
        Unclassified(clean(source[s.start : s.end]), s, reason)
        for s, reason in leftovers + b.unclassified
    ]
    diagnostics.extend(
        Diagnostic(
            "text.unclassified", f"could not place text: {item.reason}", "warning", item.span
        )
        for item in unclassified
    )
    if not preamble and not operative:
        diagnostics.append(
            Diagnostic(
                "input.no_structure",
                "found no preambular clause and no operative paragraph",
                "error",
            )
        )
    diagnostics.sort(key=lambda d: (d.span.start if d.span else -1, d.code))
    return Resolution(
        source=source,
        header=header,
        preamble=tuple(preamble),
        operative=tuple(operative),
        vote=votes[0] if votes else None,
        votes=tuple(votes),
        footnotes=tuple(footnotes),
        unclassified=tuple(sorted(unclassified, key=lambda u: u.span.start)),
        diagnostics=tuple(diagnostics),
        headings=tuple(Heading(clean(source[s.start : s.end]), s) for s in b.headings),
        annexes=tuple(annexes),
        furniture=tuple(b.furniture),
        language=language,
        reader=b.doc.reader,
    )


def _votes(
    b: _Builder,
    header: Header,
    header_meeting: str | None,
    footnotes: list[Footnote],
    diagnostics: list[Diagnostic],
) -> list[VoteRecord]:
    """The adoption records: meeting lines and vote statements, read with their notes."""
    source = b.source
    notes = {note.marker: note.text for note in footnotes if note.marker}
    votes: list[VoteRecord] = []
    for vote in b.votes:
        raw = source[vote.start : vote.end]
        fields = read_vote(
            raw, vote.start, is_state=_is_state, body=header.body, notes=notes, language=b.language
        )
        first_line = raw.split("\n", 1)[0].strip()
        meeting_match = b.profile.meeting_re.match(first_line) if vote.meeting_line else None
        meeting = clean(meeting_match["meeting"]) if meeting_match is not None else fields.meeting
        diagnostics.extend(fields.diagnostics)
        votes.append(
            VoteRecord(
                method=fields.method,
                span=Span(vote.start, vote.end),
                in_favour=fields.in_favour,
                against=fields.against,
                abstaining=fields.abstaining,
                in_favour_states=fields.in_favour_states,
                against_states=fields.against_states,
                abstaining_states=fields.abstaining_states,
                meeting=meeting,
                date=fields.date,
                text=clean(raw),
                part=vote.part,
            )
        )
    adoption = header.span_of("adoption_line")
    if not votes and header_meeting is not None and adoption is not None:
        # "Adopted by the Security Council at its 8700th meeting, on ...": the header
        # line is the only adoption record the text has
        votes.append(
            VoteRecord(
                method=None,
                span=adoption,
                meeting=header_meeting,
                date=header.adopted,
                text=header.adoption_line or "",
            )
        )
    return votes


def _sub(source: str, unit: _Unit, anchors: list[Span], language: str) -> SubParagraph:
    return SubParagraph(
        label=unit.label or "",
        text=clean_pieces(source, _without(unit.pieces, anchors), language),
        span=Span(unit.start, unit.end),
        subparagraphs=tuple(_sub(source, child, anchors, language) for child in unit.children),
    )


def _without(pieces: list[tuple[int, int]], holes: list[Span]) -> list[tuple[int, int]]:
    """Cut the footnote markers (sorted, not overlapping) out of a part's pieces."""
    if not holes:
        return pieces
    out: list[tuple[int, int]] = []
    for start, end in pieces:
        cursor = start
        # the first hole that may reach into this piece; earlier ones end before it
        index = bisect.bisect_right(holes, start, key=_span_end)
        while index < len(holes) and holes[index].start < end:
            hole = holes[index]
            if hole.start > cursor:
                out.append((cursor, hole.start))
            cursor = max(cursor, hole.end)
            index += 1
        if cursor < end:
            out.append((cursor, end))
    return out


def _span_end(span: Span) -> int:
    return span.end


def _lead(
    b: _Builder, unit: _Unit, kind: _leads.Kind, *, italics_known: bool
) -> tuple[str | None, Span | None, bool | None, Diagnostic | None]:
    """The lead of a clause or paragraph: the italic run if there is one, else the tables."""
    if not unit.pieces:
        return None, None, (False if italics_known else None), None
    words = _classify.lead_words(b.source, unit.pieces, kind, b.language)
    if not words:
        return None, None, (False if italics_known else None), None
    first_start = words[0][1]
    italic = b.italic_at(first_start)
    if italic is not None:
        span = _classify.trim_lead_span(b.source, italic, first_start)
        if span is not None:
            return clean(b.source[span.start : span.end]), span, True, None
    found = _classify.lead_by_words(words, kind, b.language, b.scope)
    if found is None:
        return None, None, (False if italics_known else None), None
    return clean(b.source[found.start : found.end]), found, (False if italics_known else None), None


def _more(
    b: _Builder,
    kind: _leads.Kind,
    lead_span: Span | None,
    pieces: list[tuple[int, int]],
) -> dict[str, Any]:
    """``more_leads`` and ``more_lead_spans`` of a clause or paragraph with a lead."""
    if lead_span is None:
        return {}
    italic_at = b.italic_at if b.italics is not None else None
    spans = find_more_leads(
        b.source,
        pieces,
        lead_span.end,
        kind=kind,
        language=b.language,
        italic_at=italic_at,
    )
    if not spans:
        return {}
    return {
        "more_leads": tuple(clean(b.source[s.start : s.end]) for s in spans),
        "more_lead_spans": tuple(spans),
    }


def _is_state(name: str) -> bool:
    from resparse.states import resolve_state  # noqa: PLC0415 - the State table loads on first use

    return resolve_state(name) is not None


def _footnotes(b: _Builder, source: str) -> tuple[list[Footnote], list[Span]]:
    """Footnote blocks -> Footnote parts, each linked to its marker in the body if found."""
    notes: list[Footnote] = []
    for block in b.footnote_blocks:
        notes.extend(_split_block(block))
    anchors: list[Span] = []
    taken: set[Span] = set()
    linked: list[Footnote] = []
    # notes gathered after the last paragraph (no page bottoms): markers are found in order
    in_order = not b.doc.superscripts and _gathered_at_end(b)
    for note in notes:
        if in_order:
            linked.append(note)
            continue
        anchor = _classify.find_anchor(source, note.marker, note.span.start, b.doc.superscripts)
        if anchor is not None and anchor in taken:
            anchor = None
        if anchor is not None:
            anchors.append(anchor)
            taken.add(anchor)
        linked.append(attrs.evolve(note, anchor=anchor))
    units = b.clauses or b.paragraphs
    _place_in_order(
        linked,
        source,
        units[0].start if units else len(source),
        anchors,
        taken,
        decimal_comma=b.profile.decimal_comma,
    )
    anchors.sort()
    return linked, anchors


def _gathered_at_end(b: _Builder) -> bool:
    """Whether every footnote block stands after the last clause and paragraph."""
    units = [*b.clauses, *b.paragraphs]
    if not units or not b.footnote_blocks:
        return False
    last = max(unit.end for unit in units)
    return all(not block or block[0].start >= last for block in b.footnote_blocks)


def _place_in_order(  # noqa: PLR0913 - the notes, where to look, and what is taken
    notes: list[Footnote],
    source: str,
    body_start: int,
    anchors: list[Span],
    taken: set[Span],
    *,
    decimal_comma: bool,
) -> None:
    """Link the notes left without a marker to the first one after the previous note's marker.

    ``find_anchor`` looks back from a note a page's length at most; notes gathered at the
    end of the text need their markers found in order instead, each between the markers
    of the notes before and after it, in the body (not the header), and never inside a
    note's own text.
    """
    if all(note.anchor is not None or not note.marker.isdigit() for note in notes):
        return
    # the marker of each note's next neighbour that has one bounds the search from above
    next_starts: list[int] = []
    bound = len(source)
    for note in reversed(notes):
        next_starts.append(bound)
        if note.anchor is not None:
            bound = note.anchor.start
    next_starts.reverse()
    note_spans = sorted(note.span for note in notes)
    markers = _classify.Markers(
        source, body_start, max(n.span.start for n in notes), decimal_comma=decimal_comma
    )
    start = body_start
    for i, note in enumerate(notes):
        if note.anchor is not None:
            start = max(start, note.anchor.end)
            continue
        if not note.marker.isdigit():
            continue
        end = min(next_starts[i], note.span.start)
        for anchor in markers.after(note.marker, start, end):
            if anchor not in taken and not _inside(anchor, note_spans):
                notes[i] = attrs.evolve(note, anchor=anchor)
                anchors.append(anchor)
                taken.add(anchor)
                start = anchor.end
                break


def _inside(span: Span, spans: list[Span]) -> bool:
    """Whether ``span`` starts inside one of ``spans`` (sorted, not overlapping)."""
    index = bisect.bisect_right(spans, span.start, key=_span_start) - 1
    return index >= 0 and spans[index].start <= span.start < spans[index].end


def _span_start(span: Span) -> int:
    return span.start


def _split_block(block: list[Line]) -> list[Footnote]:
    """Cut a block of footnote lines into notes.

    Extractors print a note's marker on the note's first line ("1 Official Records") or
    on a line of its own, sometimes before all the texts of the page ("12", "13", text,
    text) and sometimes after them. Markers wait in a queue and go to the next note that
    starts without one; markers left over go to the notes that got none, in order.
    """
    notes: list[list[Line]] = []
    markers: list[Line | None] = []
    queue: list[Line] = []
    previous: Line | None = None
    for line in block:
        if FOOTNOTE_MARKER_ONLY_RE.match(line.text):
            queue.append(line)
            previous = None
            continue
        match = FOOTNOTE_LINE_RE.match(line.text)
        known = [_marker_text(m) for m in markers if m is not None]
        if (
            match
            and match["marker"].isdigit()
            and _classify.plausible_marker(match["marker"], [(k, None) for k in known])
        ):
            notes.append([line])
            markers.append(None)
        elif (
            not notes
            or previous is None
            or (queue and previous.text.rstrip().endswith((".", ")", "]")))
        ):
            notes.append([line])
            markers.append(queue.pop(0) if queue else None)
        else:
            notes[-1].append(line)
        previous = line
    for i, waiting in enumerate(markers):
        if waiting is None and queue and not FOOTNOTE_LINE_RE.match(notes[i][0].text):
            markers[i] = queue.pop(0)
    result: list[Footnote] = []
    for note_lines, marker_line in zip(notes, markers, strict=True):
        start, end = note_lines[0].start, note_lines[-1].end
        body = " ".join(line.text for line in note_lines)
        label = _marker_text(marker_line) if marker_line is not None else ""
        match = FOOTNOTE_LINE_RE.match(body)
        if marker_line is None and match is not None:
            label, body = match["marker"], match["text"]
        marker_span = Span(marker_line.start, marker_line.end) if marker_line is not None else None
        result.append(
            Footnote(marker=label, text=clean(body), span=Span(start, end), marker_span=marker_span)
        )
    # markers with no text at all: still accounted for
    result.extend(
        Footnote(marker=_marker_text(m), text="", span=Span(m.start, m.end)) for m in queue
    )
    return result


def _marker_text(line: Line) -> str:
    match = FOOTNOTE_MARKER_ONLY_RE.match(line.text)
    return match["marker"] if match else line.text.strip()
