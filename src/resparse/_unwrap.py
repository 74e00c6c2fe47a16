"""The lines a writer broke, in a text wrapped to a width: what the line checks read there.

Text rendered from markup or a word processor breaks a line only between parts, so a
check can read a line break inside a part as a part boundary. A text wrapped to a fixed
width (an e-mail, a plain-text archive, a terminal copy) breaks lines everywhere, but a
greedy wrap breaks only where the next word does not fit: a line that left room for the
next line's first word ended where its writer ended it. Joining every line that was filled
to the width with the line after it gives back the writer's lines, and the checks that
read line breaks as part breaks can run on those.

A logical line joins its physical lines with one space in place of each line break, so
its offset and length in the source stay exact for a warning's span. Only texts with no
page furniture, no page break and no note inside a part are unwrapped: there a filled line
may be followed by a running header or a note instead of the sentence's next words.
"""

from __future__ import annotations

import bisect
import itertools
from typing import TYPE_CHECKING

import attrs

from resparse._zone_state import (
    FILLED_LINES,
    FILLED_SHARE,
    LONG_LINE,
    WIDTH_SLACK,
    columns,
    filled_count,
    needed_columns,
    wrap_width,
)

if TYPE_CHECKING:
    from resparse.model import Resolution, Span


@attrs.frozen
class Wrap:
    """A text's wrap: its width in columns, and how far short of it a filled line may end."""

    width: int
    slack: float = WIDTH_SLACK


def text_wrap(source: str) -> Wrap | None:
    """How a text's lines were wrapped, or None where its lines are not wrapped.

    Wrapped means most long lines reach the width (a few end their paragraphs short): a
    text rendered from markup has about one long line in six near its longest. The slack
    is the text's own: a line that goes on in lower case on the next was surely wrapped,
    and the room nearly all of them left (a fixed-width font leaves none; proportional
    type fits more narrow letters than wide ones) says how short of the width a filled
    line may end. A wrap where more than one in ten left more room than proportional type
    does (a formatter that balances its lines) breaks lines where words would fit, and is
    not read.
    """
    lines = source.split("\n")
    widths = sorted(columns(line.rstrip()) for line in lines if len(line.strip()) >= LONG_LINE)
    if len(widths) < FILLED_LINES:
        return None
    width = wrap_width(widths)
    if width is None or width > _WIDEST_PAGE:
        return None  # lines of paragraph length, all about as long: one line per part
    if filled_count(widths, width) < FILLED_SHARE * len(widths):
        return None
    shares = [
        _needed(line, following) / width
        for line, following in itertools.pairwise(lines)
        if len(line.strip()) >= LONG_LINE and following.lstrip()[:1].islower()
    ]
    if len(shares) < _SURE_WRAPS:
        return Wrap(width)
    shares.sort()
    roomy = bisect.bisect_left(shares, 1 - WIDTH_SLACK)
    if roomy > _ROOMY_SHARE * len(shares):
        return None  # a wrap that leaves room where a word would fit: not greedy, unreadable
    least = shares[int(_SURE_SHARE * (len(shares) - 1))]
    return Wrap(width, min(WIDTH_SLACK, max(0.0, 1 - least)))


# columns a page's line may reach (a landscape page, a 132-column printout): wider lines of
# about one length are a writer's paragraphs
_WIDEST_PAGE = 160
# lowercase line starts that tell the text's own slack: at least this many, and the room
# the widest but this share of them left (a lowercase paragraph after a short line is no
# wrap, and leaves any room)
_SURE_WRAPS = 10
_SURE_SHARE = 0.05
# more than this share of them leaving more room than proportional type does: no greedy wrap
_ROOMY_SHARE = 0.1


def unwrap_for(result: Resolution) -> Wrap | None:
    """How to unwrap a result's parts, or None where its line breaks stay as they are."""
    source = result.source
    if result.furniture or "\f" in source:
        return None
    parts = [c.span for c in result.preamble] + [p.span for p in result.operative]
    for note in result.footnotes:
        if any(part.start <= note.span.start < part.end for part in parts):
            return None
    return text_wrap(source)


def _needed(line: str, following: str) -> int:
    """The columns ``line`` would take with the first word of ``following`` after it."""
    return needed_columns(line.rstrip(), following.lstrip())


def filled(line: str, following: str, wrap: Wrap) -> bool:
    """Whether ``line`` was filled to the width: the first word of ``following`` did not fit."""
    return _needed(line, following) > wrap.width * (1 - wrap.slack)


def logical_lines(source: str, span: Span, wrap: Wrap) -> list[tuple[int, str]]:
    """The lines of ``span`` with each filled line joined to the next, and their offsets.

    A blank line is never joined: it ends the line above it, as it ends a paragraph.
    """
    lines: list[tuple[int, str]] = []
    # the last physical line read, from its real start: a span may open inside its line
    # (a sub-paragraph's span starts at its label, after the tab before it)
    last = source[source.rfind("\n", 0, span.start) + 1 : span.start]
    start = span.start
    for line in source[span.start : span.end].split("\n"):
        if not lines:
            last += line
            lines.append((start, line))
        elif line.strip() and last.strip() and filled(last, line, wrap):
            joined_start, joined = lines[-1]
            lines[-1] = (joined_start, f"{joined} {line}")
            last = line
        else:
            lines.append((start, line))
            last = line
        start += len(line) + 1
    return lines
