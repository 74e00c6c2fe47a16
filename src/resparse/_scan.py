"""Text -> lines with offsets. No classification happens here.

Lines are cut at every line boundary Python knows (``str.splitlines``), so form feeds from
PDF extractors end a line and start a new page. Blank lines are not returned; each line
records how many blank lines and page breaks came before it instead.
"""

from __future__ import annotations

import re

import attrs

from resparse._deadline import checked

_TERMINATORS = "\r\n\f\v\x1c\x1d\x1e\x85\u2028\u2029"
# a rule of three hyphens or underscores at the end of a line of text, after a space
_GLUED_RULE_RE = re.compile(r"(?<=\S)\s+(-{3,}|_{3,})$")


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
            rule = _GLUED_RULE_RE.search(text) if text[-1] in "-_" else None
            if rule is not None:
                # "... regional and international ---": the rule over a page's notes, run
                # onto the last line of text, is a line of its own
                before = text[: rule.start()].rstrip()
                lines.append(
                    Line(len(lines), start, start + len(before), before, page, blanks, page_break)
                )
                blanks, page_break = 0, False
                start, text = start + rule.start(1), rule[1]
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
