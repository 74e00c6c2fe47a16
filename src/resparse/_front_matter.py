"""YAML front matter: the ``---`` block of ``key: value`` lines that opens a markdown file.

Converters and static-site tools put a document's metadata there (symbol, date, title).
Only the flat shape is read: one ``key: value`` a line, a value optionally quoted, an
indented line continuing the value before it (or adding an item, ``- Chile``, to a
list). That is all such blocks hold for a resolution, and it needs no YAML library. A
block that holds anything else is not taken as front matter: its lines are read as text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import regex

from resparse.model import Span

if TYPE_CHECKING:
    from collections.abc import Sequence

    from resparse._scan import Line

_OPEN = "---"
_CLOSE = frozenset({"---", "..."})
_ENTRY_RE = regex.compile(r"(?P<key>[A-Za-z_][\w.\- ]{0,60}?)\s*:(?:\s+(?P<value>.*))?$")
# the longest block read as front matter, in lines: metadata, never a document
_MAX_LINES = 200


@attrs.frozen
class Entry:
    """One ``key: value`` of the block, with the span of its whole line (or lines)."""

    key: str
    value: str
    span: Span


@attrs.frozen
class FrontMatter:
    """The block's entries, its span from fence to fence, and the first line after it."""

    entries: tuple[Entry, ...]
    span: Span
    next_line: int


def read_front_matter(source: str, lines: Sequence[Line]) -> FrontMatter | None:
    """The front matter that opens ``lines``, or None when the text does not open with one."""
    if not lines or lines[0].text != _OPEN or source[: lines[0].start].strip():
        return None
    entries: list[Entry] = []
    for line in lines[1 : _MAX_LINES + 1]:
        if line.text in _CLOSE:
            span = Span(lines[0].start, line.end)
            return FrontMatter(tuple(entries), span, line.index + 1)
        if entries and _indented(source, line):
            # a folded value goes on after a space, a list ("- Chile") after a comma
            last, item = entries[-1], line.text.removeprefix("- ")
            joint = ", " if item != line.text and last.value else " "
            value = f"{last.value}{joint}{_unquote(item)}".strip()
            entries[-1] = Entry(last.key, value, Span(last.span.start, line.end))
            continue
        match = _ENTRY_RE.match(line.text)
        if match is None:
            return None  # not the flat shape: leave the lines to be read as text
        value = _unquote((match["value"] or "").strip())
        entries.append(Entry(match["key"].strip(), value, Span(line.start, line.end)))
    return None


def _indented(source: str, line: Line) -> bool:
    """Whether the line starts after white space on its own line (a continued value)."""
    line_start = source.rfind("\n", 0, line.start) + 1
    return line.start > line_start


def _unquote(value: str) -> str:
    """``"A/RES/78/123"`` or ``'...'`` -> the text between the quotes."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value
