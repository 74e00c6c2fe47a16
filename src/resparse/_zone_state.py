"""The zone machine's state: the parts being built, and what every zone asks of it.

``State`` holds one pass over the body lines: the open clause or paragraph, its open
sub-paragraphs, the headings, furniture, votes and note blocks found so far, and the
look-aheads that read the classified lines after the current one. The feeders of each
zone (``_zone_feeders``, ``_zone_lists``, ``_zone_records``, with ``_zone_starts`` and
``_zone_numbering``) build on it.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

import attrs
import regex

from resparse import _landmarks, _line_shape
from resparse._blocks import Block, Segmentation, VoteBlock
from resparse._deadline import checked
from resparse._furniture import RunningTitle
from resparse._language import profile
from resparse._patterns import FIRST_WIDE, WIDE_CHARACTERS, WIDE_RE
from resparse.model import Diagnostic, Furniture, Span

if TYPE_CHECKING:
    from resparse._classify import ClassifiedLine
    from resparse._italics import Italics
    from resparse._scan import Line
    from resparse.readers.base import Document

PRE, OP, AFTER, ANNEX = "preamble", "operative", "after", "annex"
_FULL_STOPS = frozenset("。.")
_PARAGRAPH_ENDS = frozenset("。.；;")  # how an operative paragraph ends; a clause ends "，"
_CLAUSE_COMMAS = frozenset(_landmarks.FORMULA_COMMAS)
KNOWN = 5  # leads a first word must open in the tables to count as opening one
STRONG = 30  # ... to count as a frequent lead
SENTENCE_ENDS = frozenset(".;؛；。")  # what ends a paragraph, not a clause's comma


@attrs.define
class Unit:
    """A part being built: its raw pieces, and for paragraphs their number and children."""

    kind: str
    start: int
    pieces: list[tuple[int, int]]
    number: int | None = None
    label: str | None = None
    level: int = 0
    style: str = ""
    children: list[Unit] = attrs.field(factory=list)
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
class Vote:
    start: int
    end: int
    bracket: bool
    meeting_line: bool
    closed: bool = False
    part: str | None = None
    statement: bool = False  # holds the vote statement ("Adopted by a recorded vote ...")


class State:
    """Holds the state of one pass over the body lines, and the questions all zones ask."""

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
        self.zone = PRE
        self.part: str | None = None
        self.section: str | None = None
        self.clauses: list[Unit] = []
        self.paragraphs: list[Unit] = []
        self.headings: list[Span] = []
        self.furniture: list[Furniture] = []
        self.footnote_blocks: list[list[Line]] = []
        self.votes: list[Vote] = []
        self.annexes: list[Unit] = []
        self.unclassified: list[tuple[Span, str]] = []
        self.diagnostics: list[Diagnostic] = []
        self.current: Unit | None = None  # the clause or paragraph open now
        self.sub_stack: list[Unit] = []  # open sub-paragraphs, outermost first
        self.in_footnotes = False
        self.unruled_notes = False  # the open note block had no rule above it
        self.running_title = RunningTitle()  # the title a page's top repeats
        self.vote: Vote | None = None
        self.last_number = 0
        self.number_form: str | None = None  # how the last numbered paragraph's number reads
        self.last_furniture_line = -2
        self.blank_separated = blank_separated(kinds)
        widths = long_line_columns(kinds)
        self.lines_are_parts = lines_are_parts(kinds, self.profile.terminators, widths)
        self.wrap_width = None if self.lines_are_parts else wrap_width(widths)
        self.formula_body: str | None = None  # the body the first formula names
        self.part_title_end = -1  # the formula line after a part's letter and title

    # --- helpers ---------------------------------------------------------------------

    def open_unit(self) -> Unit | None:
        return self.sub_stack[-1] if self.sub_stack else self.current

    def text_of_unit(self) -> str:
        """The open part's last line; with the line before it when that line is a number.

        A PDF library's text may put a footnote marker on a line of its own, after the
        clause's comma ("... 2019," then "3"): the clause ended with the comma.
        """
        unit = self.open_unit()
        if unit is None or not unit.pieces:
            return ""
        start, end = unit.pieces[-1]
        text = self.source[start:end]
        if len(unit.pieces) > 1 and text.strip().isdigit():
            before, after = unit.pieces[-2]
            return f"{self.source[before:after]} {text}"
        return text

    def terminated(self) -> bool:
        """Whether the open part's text ends where a clause or paragraph may end."""
        return _line_shape.ends_clause(self.text_of_unit(), self.profile.terminators)

    def filled_before(self, line: Line) -> bool:
        """Whether the open part's last line was filled to the text's width before this line.

        In wrapped text a line is cut where the next word does not fit: after a filled
        line, the end of the line says nothing about the end of the sentence, and a word
        shaped like a lead ("Stockpiling", "United", "включая") may be the sentence going
        on. A line that left room for this line's first word ended where its writer did.
        """
        width = self.wrap_width
        if width is None or line.blanks_before or line.page_break_before:
            return False
        before = self.text_of_unit().rstrip()
        if not before:
            return False
        return needed_columns(before, line.text) > width * (1 - WIDTH_SLACK)

    def runs_on(self, line: Line) -> bool:
        """Whether a caseless line goes on with a clause that broke at its comma in wrapped text.

        Both the open part's last line, ended on a clause's comma (a footnote marker after
        it aside), and this line fill the width, and this line opens with no capital:
        nothing marks it as a title.
        """
        width = self.wrap_width
        first = line.text.lstrip()[:1]
        return (
            width is not None
            and not self.profile.cased
            and not first.isupper()
            and _line_shape.ends_clause(self.text_of_unit(), _CLAUSE_COMMAS)
            and self.filled_before(line)
            and columns(line.text.rstrip()) >= width * (1 - WIDTH_SLACK)
        )

    def furnish(self, line: Line, kind: str) -> None:
        self.furniture.append(Furniture(kind, line.text, Span(line.start, line.end)))
        self.last_furniture_line = line.index

    def previous_end(self, line: Line) -> int:
        return self.kinds[line.index - 1].line.end if line.index > 0 else 0

    def just_after_heading(self, line: Line) -> bool:
        return bool(self.headings) and self.headings[-1].end == self.previous_end(line)

    def close_units(self) -> None:
        self.current = None
        self.sub_stack.clear()

    def next_number(self, line: Line, window: int) -> str | None:
        """The number of the next numbered line within ``window`` lines below this one."""
        for following in self.kinds[line.index + 1 : line.index + window]:
            if following.number_text is not None:
                return following.number_text
        return None

    def numbering_decides(self, line: Line) -> bool:
        """Whether paragraph 1 is still to come, where a lead's word cannot tell the parts apart.

        Chinese uses one verb for both kinds ("回顾" recalling or recalls, "吁请"): a clause
        before the next "1." belongs to the preamble (of the resolution or of a section),
        unless a section closes first: a line that ends as a paragraph does ("；", "。"),
        then a heading, is a section of unnumbered paragraphs, and the "1." is a later one's.
        The adoption record or an annex ends the resolution: an annex's "1." after them is
        no paragraph of it ("决定通过本决议附件所载的 ...。", "第27次全体会议", "附件", "1.").
        """
        if not self.profile.shared_leads or (self.zone == PRE) != (self.last_number == 0):
            return False
        previous = line
        for following in self.kinds[line.index + 1 : line.index + 120]:
            if following.meeting is not None or following.vote or following.annex:
                return False
            if following.number_text is not None:
                return following.number_text == "1"
            if following.heading and _line_shape.ends_clause(previous.text, _PARAGRAPH_ENDS):
                # a line ends as an operative paragraph does and a heading follows: the
                # section closed, unnumbered, before any "1." ("十九", title, "注意到...；")
                return False
            previous = following.line
        return False

    def ends_sentence(self, line: Line) -> bool:
        """A full stop ends the line, where a lead's word cannot tell the parts apart.

        Preambular clauses end with a comma, so such a line is the operative part (unnumbered
        in a one-paragraph resolution: "表示注意到人权理事会的报告。").
        """
        return self.profile.shared_leads and _line_shape.ends_clause(line.text, _FULL_STOPS)

    def heading_before_paragraph(self, line: Line, kind: ClassifiedLine) -> bool:
        """A heading-like line that leads, through other such lines, to the next number."""
        after_heading = self.just_after_heading(line)
        # a long heading wraps: its later lines may open in lower case ("section 34, ...")
        heading = kind.heading or (after_heading and kind.heading_continued)
        if not heading or not (self.terminated() or self.current is None):
            return False
        if self.zone == PRE and kind.preamble_lead and not after_heading:
            return False
        if not after_heading and self.runs_on(line):
            # where no capital tells a title from a sentence, a line that fills the width
            # after a clause's comma at the width is the sentence going on ("其中大会通过了
            # ...", "并强调"); a Russian title opens with a capital ("Доклад об исполнении")
            return False
        if (
            kind.strong_preamble_lead
            and after_heading
            and self.clause_before_number(line)
            and not self.title_before_clause(line)
        ):
            return False  # a section's own preamble: "VIII", its title, "Having considered ...,"
        under_section = (
            _landmarks.section_label(line.text, self.profile) is not None or after_heading
        )
        return self.leads_to_paragraph(line, under_section=under_section)

    def title_before_clause(self, line: Line) -> bool:
        """Whether a line after a section's number is its title, before the section's first clause.

        A title ends on no clause punctuation and a frequent lead opens the next line
        ("七" / "关于2021年方案预算的财务执行情况报告" / "回顾其 ...，"): the line is not
        a clause of the section's own preamble, however its first word counts as a lead
        (in Chinese "关" opens "关切", concerned).
        """
        following = self.kinds[line.index + 1] if line.index + 1 < len(self.kinds) else None
        return (
            following is not None
            and following.strong_preamble_lead
            and following.capital
            and not _line_shape.ends_clause(line.text, self.profile.terminators)
        )

    def leads_to_paragraph(self, line: Line, *, under_section: bool) -> bool:
        """Whether the lines after a heading-like line reach the next paragraph as a heading."""
        introduced = False
        for following in self.kinds[line.index + 1 : line.index + 9]:
            number = following.number_text
            if number is not None:
                # a table's numbered rows under its column heads are no section's paragraphs
                return (
                    number.isdigit()
                    and int(number) in {self.last_number + 1, 1}
                    and not following.table_row
                )
            if introduced:
                return False  # one line may introduce the section's paragraphs, no more
            if not under_section and self.bare_section_label(following.line.text):
                # a subject heading over a lettered section: "Conditions of service ...",
                # "A", "Base/floor salary scale", then the section's own clause
                under_section = True
                continue
            if following.pre_count >= KNOWN and (self.zone == PRE or under_section):
                return True
            if self.zone == OP and under_section and following.op_count >= KNOWN:
                return True  # a section of one unnumbered paragraph ("XX", title, "Approves ...")
            if (
                self.zone == OP
                and under_section
                and following.capital
                and _line_shape.ends_clause(following.line.text, _CLAUSE_COMMAS)
            ):
                # a section's own opening phrase before its paragraphs: "B" / "With regard
                # to the trade in arms," / "8. Encourages ..." (S/RES/1295 (2000))
                introduced = True
                continue
            # a long heading wraps: its later lines may open in lower case ("of Cambodia")
            if not following.heading_continued:
                return False
        return False

    def bare_section_label(self, text: str) -> bool:
        """Whether a line is a section's label and nothing else ("A", "II.").

        A wrapped line may open with a letter that is no label ("B от 30 июня ...", the
        end of "75/250 B"); a label alone on its line is one.
        """
        label = _landmarks.section_label(text, self.profile)
        return label is not None and text.strip().rstrip(".") == label

    def clause_before_number(self, line: Line) -> bool:
        """Whether the lines from ``line`` to the next paragraph end like a clause (",").

        The next paragraph is a numbered line, or an operative verb after the comma (a
        section of one unnumbered paragraph: "Having considered ...," / "Takes note ...").
        """
        last = line
        for following in self.kinds[line.index + 1 : line.index + 9]:
            ends = _line_shape.ends_clause(last.text, _CLAUSE_COMMAS)
            if following.number_text is not None:
                return ends
            if ends and following.op_count >= KNOWN:
                return True
            last = following.line
        return False

    def add_heading(self, line: Line) -> None:
        """Record a heading; a numbered one ("II", "B.") names the section that follows."""
        self.close_units()
        self.headings.append(Span(line.start, line.end))
        label = _landmarks.section_label(line.text, self.profile)
        if label is not None:
            self.section = label

    def segmentation(self) -> Segmentation:
        """What the pass found, frozen for the builder."""
        return Segmentation(
            clauses=tuple(freeze(unit) for unit in self.clauses),
            paragraphs=tuple(freeze(unit) for unit in self.paragraphs),
            annexes=tuple(freeze(unit) for unit in self.annexes),
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


def freeze(unit: Unit) -> Block:
    return Block(
        kind=unit.kind,
        start=unit.start,
        end=unit.end,
        pieces=tuple(unit.pieces),
        number=unit.number,
        label=unit.label,
        children=tuple(freeze(child) for child in unit.children),
        part=unit.part,
        section=unit.section,
    )


def blank_separated(kinds: tuple[ClassifiedLine, ...]) -> bool:
    """Whether the document puts a blank line before (nearly) every clause and paragraph."""
    opening = [
        k.line
        for k in checked(kinds, "looking for blank lines")
        if k.pre_count >= STRONG or k.bare_number
    ]
    if len(opening) < 4:
        return False
    return sum(line.blanks_before > 0 or line.page_break_before for line in opening) >= 0.9 * len(
        opening
    )


# lines shorter than this (titles, cover fields, headings) say nothing of how text wraps
LONG_LINE = 20
# any character from the first wide one on, as a class of the standard library's ``re``:
# its search tests each character against a bitmap, quick enough to run on every line
_MAYBE_WIDE_RE = re.compile(f"[{chr(FIRST_WIDE)}-\U0010ffff]")
# a line's first word: one character in scripts written without spaces, which wrap anywhere
_FIRST_WORD = regex.compile(f"[{WIDE_CHARACTERS}]|[^\\s{WIDE_CHARACTERS}]+")
# a wrapped line's width: the length this share of the long lines reach or stay under
_WIDTH_SHARE = 0.9
# in wrapped text hardly a line runs past the width: if this share of the long lines do
# not stay within this many times it, the text was not wrapped to a width
_BEYOND_SHARE = 0.97
_BEYOND = 1.15
# proportional type fits more narrow letters on one line than wide ones: a line this much
# shorter than the width may still have been filled
WIDTH_SLACK = 0.08
# share of the long lines that end as a part does: about 0.9 in text rendered from
# markup (0.65 where tables and headings abound), under 0.4 in a PDF's wrapped text
_PARTS_SHARE = 0.55
_PARTS_LINES = 4
# under this share of the long lines may be filled to the width: about 0.17 in text
# rendered from markup, most lines but each paragraph's last in wrapped text
FILLED_SHARE = 0.5
# ... counted where there are at least this many long lines: a few one-line clauses of
# about the same length are no sign of wrapping
FILLED_LINES = 12
# at most this share of the long lines may go on in lower case on the next line
_WRAPS_SHARE = 0.05


def columns(text: str) -> int:
    """How wide a text is printed: a Chinese or Japanese character takes two columns."""
    if text.isascii() or _MAYBE_WIDE_RE.search(text) is None:  # isascii reads a flag
        return len(text)
    return len(text) + len(WIDE_RE.findall(text))


def needed_columns(before: str, following: str) -> int:
    """The columns ``before`` would take with the first word of ``following`` after it.

    A wrap that broke there found that word too wide for the line: more than the width.
    """
    word = _FIRST_WORD.match(following)
    return columns(before) + 1 + (columns(word[0]) if word is not None else 1)


def filled_count(widths: list[int], width: int) -> int:
    """How many of the sorted ``widths`` reach ``width``, short of it by the slack at most."""
    return len(widths) - bisect.bisect_left(widths, width * (1 - WIDTH_SLACK))


def long_line_columns(kinds: tuple[ClassifiedLine, ...]) -> list[int]:
    """The widths, in columns, of the text's long lines, narrowest first."""
    return sorted(columns(kind.line.text) for kind in kinds if len(kind.line.text) >= LONG_LINE)


def wrap_width(lengths: list[int]) -> int | None:
    """The width, in columns, the long lines (``long_line_columns``) were wrapped to.

    None if there are too few, or if lines run well past it.
    """
    if len(lengths) < _PARTS_LINES:
        return None
    width = lengths[int(_WIDTH_SHARE * (len(lengths) - 1))]
    if lengths[int(_BEYOND_SHARE * (len(lengths) - 1))] > width * _BEYOND:
        return None  # lines run well past it: not wrapped to a width (one line per part)
    return width


def lines_are_parts(
    kinds: tuple[ClassifiedLine, ...],
    terminators: frozenset[str],
    widths: list[int] | None = None,
) -> bool:
    """Whether the text breaks its lines between parts only (markup, a word processor).

    In such a text a line that follows a finished part opens the next one, whatever its
    first words. In a page's wrapped lines most long lines end in mid-sentence, in a
    cased script many go on in lower case on the next line, and most are filled to the
    width (``wrap_width`` of the long lines' sorted ``widths``): any of these says
    no. The last matters where commas are frequent and no case tells a wrap (Chinese:
    "，" ends many a wrapped line).
    """
    long_lines = ends = wraps = 0
    filled = 0
    width = wrap_width(widths) if widths else None
    if widths and width is not None:
        filled = filled_count(widths, width)
    open_line = False  # the last long line with text ended in mid-sentence
    for kind in checked(kinds, "looking at line ends"):
        text = kind.line.text.strip()
        if not text:
            continue
        if open_line and text[:1].islower():
            wraps += 1
        open_line = False
        if len(text) >= LONG_LINE:
            long_lines += 1
            if _line_shape.ends_clause(text, terminators):
                ends += 1
            else:
                open_line = True
    if long_lines < _PARTS_LINES:
        return False
    return (
        ends >= _PARTS_SHARE * long_lines
        and wraps <= _WRAPS_SHARE * long_lines
        and (filled < FILLED_SHARE * long_lines or long_lines < FILLED_LINES)
    )
