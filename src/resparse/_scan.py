"""Text -> lines with offsets. No classification happens here.

Lines are cut at every line boundary Python knows (``str.splitlines``), so form feeds from
PDF extractors end a line and start a new page. Blank lines are not returned; each line
records how many blank lines and page breaks came before it instead.
"""

from __future__ import annotations

import attrs

from resparse._deadline import checked

_TERMINATORS = "\r\n\f\v\x1c\x1d\x1e\x85\u2028\u2029"


@attrs.define(slots=True)
class Line:
    """One non-blank line: where it is, its stripped text, and what came before it."""

    index: int
    start: int  # first non-whitespace character
    end: int  # one past the last non-whitespace character
    text: str
    page: int
    blanks_before: int
    page_break_before: bool


def scan(source: str) -> list[Line]:
    """Cut ``source`` into its non-blank lines, with offsets, pages and blank-line counts."""
    lines: list[Line] = []
    offset = 0
    page = 1
    blanks = 0
    page_break = False
    for raw in checked(source.splitlines(keepends=True), "reading the lines", 4096):
        body = raw.rstrip(_TERMINATORS)
        text = body.strip()
        if text:
            lead = len(body) - len(body.lstrip())
            start = offset + lead
            lines.append(Line(len(lines), start, start + len(text), text, page, blanks, page_break))
            blanks = 0
            page_break = False
        else:
            blanks += 1
        if "\f" in raw:  # a form feed ends the line or sits in it
            page += 1
            page_break = True
        offset += len(raw)
    return lines
