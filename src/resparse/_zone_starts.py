"""Where a clause starts: the line shapes that tell a new preambular clause from a wrapped line.

A lead after a finished clause opens the next one; after a line filled to the width, or
where a capital opens a name or a title, the same word may be the sentence going on.
The zone feeders (``_zone_feeders``) ask these questions line by line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from resparse import _classify, _lead_tables, _leads, _line_shape
from resparse._zone_lists import Lists
from resparse._zone_state import KNOWN, STRONG

if TYPE_CHECKING:
    from resparse._classify import ClassifiedLine
    from resparse._scan import Line


_COLONS = frozenset(":：")
_OPENING_QUOTES = frozenset("\"'“‘«„")
_EMPHASIS = " \t*_"  # markdown's emphasis before a lead ("*Tomando nota*")


class ClauseStarts(Lists):
    """Whether a line opens a preambular clause or goes on with the open part."""

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
