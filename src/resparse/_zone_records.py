"""The zones after the operative part: the adoption record, the annexes, what follows.

A meeting line or a vote statement opens the adoption record, which runs to its closing
full stop or bracket; an annex line opens an annex that takes every line up to the next.
Footnotes printed after the record are gathered into note blocks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from resparse import _line_shape, _markers
from resparse._patterns import FOOTNOTE_LINE_RE
from resparse._text import clean
from resparse._zone_state import AFTER, ANNEX, SENTENCE_ENDS, State, Unit, Vote
from resparse.model import Span

if TYPE_CHECKING:
    from resparse._classify import ClassifiedLine
    from resparse._scan import Line


class Records(State):
    """Feeds the adoption record, the annexes and the text after them."""

    def record_may_open(self, line: Line) -> bool:
        """Whether a meeting or vote line may open the adoption record here.

        Mid-sentence text is never a record: a line that goes on from a paragraph whose
        sentence is unfinished, with no blank line or page break between, is that
        paragraph's text however it opens ("..., الذي" / "اعتُمد في الجزء الثالث ...",
        which was adopted at ..., in wrapped Arabic where no case tells).
        """
        if self.current is None or line.blanks_before or line.page_break_before:
            return True
        if self.last_furniture_line == line.index - 1:
            return True
        return self.terminated()

    def start_meeting(self, line: Line) -> None:
        self.close_units()
        self.zone = AFTER
        self.vote = Vote(line.start, line.end, bracket=False, meeting_line=True, part=self.part)
        self.votes.append(self.vote)

    def start_vote(self, line: Line, *, bracket: bool) -> None:
        self.close_units()
        self.zone = AFTER
        if (
            self.vote is not None
            and self.vote.meeting_line
            and self.vote.part == self.part
            and not self.vote.bracket
            and self.vote.end == self.previous_end(line)
        ):
            self.vote.end = line.end
            self.vote.bracket = bracket
            self.vote.statement = True
            self.vote.closed = self.vote_ends(line, bracket=bracket)
            return
        self.vote = Vote(line.start, line.end, bracket=bracket, meeting_line=False)
        self.vote.part = self.part
        self.vote.statement = True
        self.vote.closed = self.vote_ends(line, bracket=bracket)
        self.votes.append(self.vote)

    @staticmethod
    def vote_ends(line: Line, *, bracket: bool) -> bool:
        text = _markers.strip_trailing_marker(line.text)
        if bracket:
            return text.endswith(("]", "].", "]*"))
        return text.endswith((".", ".)", ")."))

    def lists_go_on(self, line: Line) -> bool:
        """Whether a closed vote statement's printed lists follow it ("In favour:").

        Without its brackets the statement closes at its full stop ("... with 6
        abstentions."); the labelled lists after it are still its own.
        """
        vote = self.vote
        if vote is None or not vote.closed or not vote.statement or vote.bracket:
            return False
        if line.blanks_before > 1 or self.previous_end(line) != vote.end:
            return False
        label = self.profile.vote.list_label_re.match(line.text)
        return label is not None and label.start() == 0

    def continue_vote(self, line: Line, kind: ClassifiedLine) -> bool:
        vote = self.vote
        assert vote is not None  # noqa: S101 - checked by the caller
        if vote.meeting_line and not vote.bracket and not vote.statement:
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

    def annex_may_open(self, kind: ClassifiedLine) -> bool:
        """An annex line with its title ("Annex 1 - Terms of reference") follows a full stop.

        A bare "Annex" line is never a sentence's text; with a title after a dash it might
        be ("... as set out in" / "annex I - ..."), so the paragraph before must be finished.
        """
        if not kind.annex_titled or self.zone == AFTER or self.current is None:
            return True
        return _line_shape.ends_clause(self.text_of_unit(), SENTENCE_ENDS)

    def start_annex(self, line: Line) -> None:
        self.close_units()
        self.zone = ANNEX
        match = self.profile.annex_re.match(line.text)
        label = clean(match["label"]) if match else clean(line.text)
        self.current = Unit(
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
        # a note after the record: "1 Text", or "(1) Text" (read as a sub-paragraph's label)
        if FOOTNOTE_LINE_RE.match(line.text) and (kind.footnote_like or line.text[:1] == "("):
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
