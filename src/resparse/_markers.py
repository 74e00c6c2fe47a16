"""Footnote markers in the body text: where a note's number is set against a word.

Extractors print a marker as a plain digit after the word or punctuation it marks
("Council,1"), in brackets in Arabic print ("(2)"), or as markdown ("[^3]"); readers that
see fonts give raised markers as ``superscripts``. Numbers that count something (a
paragraph's number, a decimal, "Add.1", a list of numbers) are told apart here.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import attrs
import regex

from resparse.model import Span

if TYPE_CHECKING:
    from collections.abc import Collection, Iterator, Sequence


def strip_trailing_marker(text: str) -> str:
    """A line without a footnote marker after its final punctuation ("meeting. 22")."""
    return _TRAILING_MARKER_RE.sub("", text.rstrip())


_TRAILING_MARKER_RE = regex.compile(r"(?<=[.;,:\])])\s?\d{1,3}$")


_ANCHOR_CACHE: dict[str, regex.Pattern[str]] = {}


@attrs.frozen
class MarkerStyle:
    """How a language's numbers read, for telling a footnote marker from a count.

    ``decimal_comma``: numbers are written "1,5" (a digit after a comma and a number is a
    decimal). ``counting_words``: the capitalized words a number after a space counts
    ("Article 5"); where a language gives them, a marker set apart by spaces after a name
    ("United Nations 5 and") is looked for too.
    """

    decimal_comma: bool = False
    counting_words: frozenset[str] = frozenset()


def find_anchor(
    source: str,
    marker: str,
    before: int,
    superscripts: Sequence[Span] | None,
    style: MarkerStyle = MarkerStyle(),
) -> Span | None:
    """Where a footnote's marker sits in the body: the nearest plausible one before the note.

    A number that ``Markers`` takes for no marker is none here either: one that opens a
    line (a paragraph's number, or a note's own, which pdftotext prints as "2" / "Ibid.,
    para. 41."), a decimal ("16.4,"), one in a list of numbers or after "No.".
    """
    if not marker:
        return None
    if superscripts:
        # the last raised marker before the note; readers list them in reading order
        for index in range(bisect.bisect_right(superscripts, before, key=_span_end) - 1, -1, -1):
            span = superscripts[index]
            if source[span.start : span.end].strip().strip("()") == marker:  # Arabic: "(2)"
                return _with_markup(source, span)
    window = max(0, before - 8000)
    window = max(window, source.rfind("\f", window, before))
    # a markdown reference: its definitions gather at the end of the text, far from it
    written = source.rfind(f"[^{marker}]", max(0, before - _MARKDOWN_REACH), before)
    if written >= 0:
        return Span(written, written + len(marker) + 3)
    return _last_plain_anchor(source, marker, window, before, style)


def _last_plain_anchor(
    source: str, marker: str, window: int, before: int, style: MarkerStyle
) -> Span | None:
    """The last plain-text marker in ``[window, before)``.

    Set against a word or punctuation; else, where the language lists its counting
    words, set apart after a name.
    """
    decimal_comma = style.decimal_comma
    last = None
    for match in _anchor_pattern(marker).finditer(source, window, before):
        if _plausible(source, *match.span(), decimal_comma=decimal_comma):
            last = Span(*match.span())
    if last is None and style.counting_words:
        for match in _after_name_pattern(marker).finditer(source, window, before):
            at, stop = match.span("n")
            if match["word"] not in style.counting_words and _plausible(
                source, at, stop, decimal_comma=decimal_comma
            ):
                last = Span(at, stop)
    return last


# What a marker may be set against: a letter (not a Chinese character: "第1段" is a
# paragraph's number) or closing punctuation, in Latin, Arabic and Chinese print.
_PUNCTUATION = r"""[,.;:)”’"»،؛，；。：、》」』）]"""


_BEFORE = rf"(?:[\p{{L}}--\p{{Han}}]|{_PUNCTUATION})"


_AFTER = r"(?=[\s,.;:)،؛，；。：、》」』）]|$)"


# numbers that count something after a space: "1949, 2 continued", "by 3 per cent", "1, 2 3";
# a number on the next line is the next paragraph's ("thereto; 3" / "2. Expresses")
_NOT_A_COUNT = r"(?!\s+(?:\p{L}{3,}\s+\d{4}|per\s?cent|%|and\s+\d|to\s+\d))(?![ \t\xa0]+\d)"


# Arabic prints its markers in brackets: "بالموضوع(2)،", "لعام 2022(1)،", "2015-2030(6)"
_BRACKETED_AFTER = r"(?<=\p{Arabic}[^\p{Latin}\n(]{0,24})"


# a number glued to small letters that make it an ordinal: "2nd", "3rd", "1er", "2ème"
_NOT_AN_ORDINAL = r"(?!(?:st|nd|rd|th|er|ème|eme|re)(?!\p{L}))"


_AFTER_NAME_CACHE: dict[str, regex.Pattern[str]] = {}


def _after_name_pattern(marker: str) -> regex.Pattern[str]:
    """A marker set apart by a space after a capitalized word, before a letter or a mark.

    "United Nations 5 and", "Secretary-General 10 and", "Agreement 3,".
    """
    pattern = _AFTER_NAME_CACHE.get(marker)
    if pattern is None:
        m = regex.escape(marker)
        pattern = regex.compile(
            rf"(?<![\p{{L}}\d])(?P<word>\p{{Lu}}[\p{{L}}\-’']*)[ \t\xa0](?P<n>{m})"
            rf"(?=[ \t\xa0]+\p{{Ll}}|[ \t\xa0]*[,;.:)]|[ \t\xa0]*\r?$)",
            regex.VERSION1 | regex.MULTILINE,
        )
        _AFTER_NAME_CACHE[marker] = pattern
    return pattern


def _anchor_pattern(marker: str) -> regex.Pattern[str]:
    """A footnote marker set against the word or the punctuation before it: "Council,1".

    A copy that lost the superscript may glue it to the next word instead, after the
    comma and space it followed ("Secretary-General, 2and expressing"): no count is
    printed against a word in small letters.
    """
    pattern = _ANCHOR_CACHE.get(marker)
    if pattern is None:
        m = regex.escape(marker)
        pattern = regex.compile(
            rf"""(?<={_BEFORE}){m}{_AFTER}{_NOT_A_COUNT}
               | (?<={_PUNCTUATION}\s){m}{_AFTER}{_NOT_A_COUNT}
               | (?<=[,;]\s){m}(?=\p{{Ll}}{{2,}}){_NOT_AN_ORDINAL}
               | {_BRACKETED_AFTER}\({m}\)""",
            regex.VERSION1 | regex.VERBOSE,
        )
        _ANCHOR_CACHE[marker] = pattern
    return pattern


_DECIMAL_RE = regex.compile(r"\d\.")


# a document symbol's word up to the number: a slash in it, and the number after a point
# or a slash ("A/80/L." + "11", "S/2023/" + "605", "A/C.3/80/L." + "4")
_IN_SYMBOL_RE = regex.compile(r"(?<![^\s(\[（［\p{Han}])[\p{Lu}\d][\w.-]*/[\w./-]*[./]$")
_SYMBOL_REACH = 40


_NUMBER_BEFORE_COMMA_RE = regex.compile(r"(?<![\w/.-])(\d+),$")


# what stands before a number that counts something: an abbreviation or a list of numbers
# ("programmes 2, 10, 17"), a year before a comma aside ("12 August 1949, 2 continue")
_NUMBERED_BEFORE_RE = regex.compile(
    r"(?:\b(?:Add|Corr|Rev|No|Nos|para|paras|chap|vol|sect|art|Art|p|pp)\.\s?"
    r"|(?<!\b(?:19|20)\d)\d,\s)$"
)


def first_anchor(
    source: str, marker: str, start: int, end: int, *, decimal_comma: bool = False
) -> Span | None:
    """The first plausible marker ``marker`` between ``start`` and ``end`` (see ``Markers``)."""
    found = Markers(source, start, end, decimal_comma=decimal_comma).after(marker, start, end)
    return next(found, None)


class Markers:
    """Every plausible footnote marker of a stretch of text, by number, in reading order.

    Notes gathered at the end of a text (a Word export, a rendering of the UN's markup) sit
    far from their markers; their markers come in order, so the marker of a note not yet
    placed is the first one after the marker of the note before it. One pass collects the
    candidates, so placing many notes stays linear. A number that opens a line is a
    paragraph's, one after a digit and a point inside a line is a decimal ("5.6
    million"), as is, where ``decimal_comma`` says numbers are written so, one after a
    comma and a number other than a year ("1,5 degré"); one after "Add." or "No." or in a
    list of numbers counts something: none of them is a marker. A markdown reference
    ("[^3]") says itself what it is and comes first.
    """

    def __init__(
        self,
        source: str,
        start: int,
        end: int,
        *,
        decimal_comma: bool,
        wanted: Collection[str] | None = None,
    ) -> None:
        """Collect the candidates; with ``wanted``, only those for these markers."""
        self.written: dict[str, list[Span]] = {}
        self.plain: dict[str, list[Span]] = {}
        for reference in _MARKDOWN_REFERENCE_RE.finditer(source, start, end):
            self.written.setdefault(reference["n"], []).append(Span(*reference.span()))
        for run in _DIGITS_RE.finditer(source, start, end):
            # inline, for the many runs (years, paragraph numbers) no note wants: a run
            # can be a wanted marker only as all of it or as what follows a year (see
            # _marker_in); a year alone leaves "", which no marker is
            digits = run[0]
            if wanted is not None and (digits if len(digits) <= 3 else digits[4:]) not in wanted:
                continue
            if len(digits) <= _MARKER_DIGITS and _alone(source, run.start(), run.end()):
                self.plain.setdefault(digits, []).append(Span(*run.span()))
                continue
            found = _marker_in(source, run.start(), run.end(), end)
            if found is None:
                continue
            at, stop = found.span()
            if _plausible(source, at, stop, decimal_comma=decimal_comma):
                self.plain.setdefault(found["n"], []).append(Span(at, stop))

    def after(self, marker: str, start: int, end: int) -> Iterator[Span]:
        """The candidates for ``marker`` that start in ``[start, end)``, markdown first."""
        for table in (self.written, self.plain):
            spans = table.get(marker, [])
            index = bisect.bisect_left(spans, start, key=_span_start)
            while index < len(spans) and spans[index].start < end:
                yield spans[index]
                index += 1


def _marker_in(source: str, start: int, stop: int, end: int) -> regex.Match[str] | None:
    """The marker a run of digits may be: all of it, in brackets, or what follows a year.

    Looking only where digits are keeps the search cheap on long texts.
    """
    length = stop - start
    if length <= 3:
        if start > 0 and source[start - 1] == "(":
            bracketed = _ANY_MARKER_RE.match(source, start - 1, end)
            if bracketed is not None:
                return bracketed
        return _ANY_MARKER_RE.match(source, start, end)
    if 5 <= length <= 7 and source.startswith(("19", "20"), start):
        return _ANY_MARKER_RE.match(source, start + 4, end)  # "30 June 20211"
    return None


def _plausible(source: str, at: int, stop: int, *, decimal_comma: bool) -> bool:
    line_start = source.rfind("\n", 0, at) + 1
    if not source[line_start:at].strip():
        return False  # a number opening a line: "11.\t", or a note's own number
    if _IN_SYMBOL_RE.search(source, max(line_start, at - _SYMBOL_REACH), at):
        return False  # a part of a document symbol: "(A/80/L.11)", "S/2023/605"
    if _DECIMAL_RE.match(source, max(0, at - 2)) and source[stop : stop + 2].strip():
        return False  # "5.6 million"
    number = _NUMBER_BEFORE_COMMA_RE.search(source, max(0, at - 12), at)
    if decimal_comma and number is not None and not _YEAR_RE.fullmatch(number[1]):
        return False  # "1,5 degrés"
    return not _NUMBERED_BEFORE_RE.search(source, max(0, at - 12), at)


_MARKER_DIGITS = 3


def _alone(source: str, at: int, stop: int) -> bool:
    """Whether the digits at ``at`` are the whole of their line, and the line is set apart.

    Both tests step over a few characters at most, so that a text of many numbers is
    read in time proportional to its length.
    """
    line_start = _back_over_spaces(source, at)
    if line_start == 0 or source[line_start - 1] != "\n":
        return False  # something stands before the number on its line
    return _set_apart(source, line_start, stop)


def _back_over_spaces(source: str, at: int) -> int:
    """Where the run of spaces and tabs that ends at ``at`` begins."""
    while at > 0 and source[at - 1] in _LINE_SPACES:
        at -= 1
    return at


def _over_spaces(source: str, at: int) -> int:
    """Where the run of spaces and tabs that starts at ``at`` ends."""
    while at < len(source) and source[at] in _LINE_SPACES:
        at += 1
    return at


_LINE_SPACES = " \t\r\xa0"  # what may stand around a number alone on its line


def _set_apart(source: str, line_start: int, stop: int) -> bool:
    """Whether a number alone on its line is a superscript an extractor put on a line of its own.

    pdfium's text sets a note's marker apart: "... debates of the Sixth Committee," / "4" /
    "including those made ...". The line before goes on (it ends with no full stop,
    semicolon or colon) and the line after goes on in small letters; a paragraph's number
    on its own line opens a part in capitals or follows one that ended, and a note's own
    number opens its text.
    """
    line_end = _over_spaces(source, stop)
    if line_end < len(source) and source[line_end] != "\n":
        return False  # the line goes on after the number
    if line_start < 2:
        return False
    end_before = _back_over_spaces(source, line_start - 1)  # the line before, its spaces off
    before = source[end_before - 1 : end_before] if end_before > 0 else ""
    after = source[line_end : line_end + 80].lstrip()[:1]
    return bool(before.strip()) and before not in _ENDS_A_PART and after.islower()


_ENDS_A_PART = frozenset(".;:。；：!?！？")


def _span_start(span: Span) -> int:
    return span.start


_YEAR_RE = regex.compile(r"(?:19|20)\d\d")


_DIGITS_RE = regex.compile(r"\d+")


_MARKDOWN_REFERENCE_RE = regex.compile(r"\[\^(?P<n>[\w-]{1,12})\]")


# A marker where the order of the notes vouches for it: besides the places
# ``_anchor_pattern`` allows, against a year ("30 June 20211"), after a Chinese character
# before a space ("报告1 以及"), or set against a comma before a number ("2011,5 19/1").
_ANY_MARKER_RE = regex.compile(
    rf"""(?<={_BEFORE}|\b(?:19|20)\d\d)(?P<n>\d{{1,3}}){_AFTER}(?!\s*(?:per\s?cent|%))
       | (?<=\p{{Han}})(?P<n>\d{{1,3}})(?=\s)
       | (?<={_PUNCTUATION}\s)(?P<n>\d{{1,3}}){_AFTER}{_NOT_A_COUNT}
       | (?<=[,;]\s)(?P<n>\d{{1,3}})(?=\p{{Ll}}{{2,}}){_NOT_AN_ORDINAL}
       | {_BRACKETED_AFTER}\((?P<n>\d{{1,3}})\)""",
    regex.VERSION1 | regex.VERBOSE,
)


_MARKDOWN_REACH = 200_000


def _with_markup(source: str, span: Span) -> Span:
    """A raised marker with the markup that wrote it ("[^1]", "<sup>1</sup>"), all cut out."""
    for opening, closing in (("[^", "]"), ("<sup>", "</sup>")):
        if source.startswith(opening, span.start - len(opening)) and source.startswith(
            closing, span.end
        ):
            return Span(span.start - len(opening), span.end + len(closing))
    return span


def _span_end(span: Span) -> int:
    return span.end


def plausible_marker(
    marker: str, notes: Sequence[tuple[str | None, object]], *, skipped: int = 0
) -> bool:
    """A line-initial number opens a new note only if it follows the previous note's marker.

    ``skipped``: how many numbers the notes may skip (a note the text lost); a date or a
    count that opens a note's next line ("28 and 29 June" after note 2) jumps further.
    """
    previous = next((m for m, _ in reversed(notes) if m is not None), None)
    if previous is None or not previous.isdigit() or not marker.isdigit():
        return True
    return 0 < int(marker) - int(previous) <= 1 + skipped
