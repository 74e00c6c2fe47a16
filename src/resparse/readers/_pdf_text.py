"""The PDF reader's text: printed lines laid out as text, their emphasis as spans.

Spaces between runs, paragraph breaks between lines and form feeds between pages are
decided here, from the geometry ``_pdf_layout`` left; so are the italic, raised and small
ranges, trimmed and merged into spans.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from resparse.model import Diagnostic, Span
from resparse.readers._pdf_layout import _MARKER_START
from resparse.readers.base import Document

if TYPE_CHECKING:
    from resparse.readers._pdf_layout import _Line, _Page, _Run

# Text thresholds, in multiples of the font size involved.
_WORD_GAP = 0.17  # a gap between runs wider than this is a space (a space is ~0.25)
_PARAGRAPH_GAP = 1.45  # baseline distance above which a line starts a new paragraph
_SIZE_STEP = 0.1  # lines whose type sizes differ by more than this belong to separate blocks
_INDENT = 0.8  # a first line indented this much past the margin starts a new paragraph
_MARGIN_SLACK = 0.5  # how close to the left margin a line must start to count as at it
_RIGHT_SLACK = 1.5  # how close to the right margin a justified line ends
_SMALL = 0.9  # type smaller than this relative to the body text is small


def _joint(left: _Run, right: _Run) -> str:
    """What goes between two runs of one line: a space or nothing."""
    if not left.text or not right.text or left.text[-1].isspace() or right.text[0].isspace():
        return ""
    if right.raised and not left.raised and right.text[0] in _MARKER_START:
        return " "  # a footnote marker is set apart from the word it follows
    return " " if right.x0 - left.x1 > _WORD_GAP * _gap_unit(left, right) else ""


def _gap_unit(left: _Run, right: _Run) -> float:
    return right.size if left.raised else min(left.size, right.size)


def _body_size(pages: list[_Page]) -> float:
    """The most common type size, weighted by characters: the size of the body text."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            for run in line.runs:
                if not run.raised:
                    sizes[round(run.size, 1)] += len(run.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _margins(lines: list[_Line]) -> tuple[float, float]:
    """The page's text block: the most common left edge and right edge of its lines."""
    if not lines:
        return 0.0, 0.0
    left = Counter(round(line.x0) for line in lines).most_common(1)[0][0]
    right = Counter(round(line.x1) for line in lines).most_common(1)[0][0]
    return float(left), float(right)


def _paragraph_break(
    previous: _Line, line: _Line, margins: tuple[float, float], small: float
) -> bool:
    """Whether ``line`` opens a paragraph: extra space, a new type size, an indent, a footnote.

    An indent counts when the line before starts at the left margin and this one, though
    indented, runs to the right margin as the first line of a justified paragraph does (a
    centred second line of a heading does not).
    """
    if line.group == previous.group:
        return False
    size = max(previous.size, line.size)
    if (
        previous.base - line.base > _PARAGRAPH_GAP * size
        or abs(previous.size - line.size) > _SIZE_STEP * size
    ):
        return True
    left, right = margins
    if (
        line.x0 - previous.x0 >= _INDENT * line.size
        and abs(previous.x0 - left) <= _MARGIN_SLACK * previous.size
        and line.x1 >= right - _RIGHT_SLACK * line.size
    ):
        return True
    return line.size < small and line.opens_with_marker()


class _Builder:
    """Accumulates the text and the character ranges of each kind of emphasis."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offset = 0
        self.italics: list[tuple[int, int]] = []
        self.raised: list[tuple[int, int]] = []
        self.small: list[tuple[int, int]] = []

    def add(self, text: str) -> int:
        start = self.offset
        if text:
            self.parts.append(text)
            self.offset += len(text)
        return start


def _compose(pages: list[_Page], diagnostics: list[Diagnostic], path: str | None) -> Document:
    """Lay the pages out as text and turn the emphasis of the runs into spans."""
    small_below = _SMALL * _body_size(pages)
    out = _Builder()
    for number, page in enumerate(pages):
        if number:
            out.add("\f")
        margins = _margins(page.lines)
        previous: _Line | None = None
        for line in page.lines:
            if previous is not None:
                out.add("\n\n" if _paragraph_break(previous, line, margins, small_below) else "\n")
            _emit(out, line, small_below)
            previous = line
    text = "".join(out.parts)
    unmapped = text.count("\ufffd")
    if unmapped:
        message = f"{unmapped} character(s) have no Unicode mapping in the PDF; they read as U+FFFD"
        diagnostics.append(Diagnostic("pdf.unmapped", message, "warning"))
    return Document(
        text=text,
        reader="pdf",
        italics=_spans(text, out.italics, bridge=True),
        diagnostics=tuple(diagnostics),
        path=path,
        superscripts=_spans(text, out.raised, bridge=False),
        small=_spans(text, out.small, bridge=True),
    )


def _emit(out: _Builder, line: _Line, small_below: float) -> None:
    """Write one line's runs, with a space where the gap between two of them is a word gap."""
    small_line = line.size < small_below
    before: _Run | None = None
    for run in line.runs:
        if before is not None:
            out.add(_joint(before, run))
        start = out.add(run.text)
        end = out.offset
        if run.italic:
            out.italics.append((start, end))
        if run.raised:
            out.raised.append((start, end))
        if run.size < small_below and (small_line or not run.raised):
            out.small.append((start, end))
        before = run


def _stuck_punctuation(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has no letter or digit and follows a character directly."""
    return (
        start > 0
        and not text[start - 1].isspace()
        and not any(char.isalnum() for char in text[start:end])
    )


def _spans(text: str, ranges: list[tuple[int, int]], *, bridge: bool) -> tuple[Span, ...]:
    """Trim whitespace off each range and merge neighbours.

    With ``bridge``, ranges separated only by spaces and at most one line break merge, so an
    italic lead that wraps to the next line is one span; a blank line or a page break ends
    it, and so does punctuation stuck to the end of an upright word (the italic "." of a
    paragraph number "6.") so that it stays apart from the lead after it.
    """
    merged: list[list[int]] = []
    for first, last_plus_one in ranges:
        start, end = first, last_plus_one
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        if merged:
            last = merged[-1]
            between = text[last[1] : start]
            if not between or (
                bridge
                and not _stuck_punctuation(text, last[0], last[1])
                and between.isspace()
                and between.count("\n") <= 1
                and "\f" not in between
            ):
                last[1] = max(last[1], end)
                continue
        merged.append([start, end])
    return tuple(Span(start, end) for start, end in merged)
