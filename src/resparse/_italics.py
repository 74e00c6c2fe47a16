"""The italic runs of a document, looked up by offset.

Readers that see fonts give the italic runs as spans; markdown writes them as ``*x*`` or
``_x_``; plain text has none (``None``: unknown, as opposed to an empty tuple: known to
have none). Leads are found where an italic run opens a part.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import attrs

from resparse._patterns import MARKDOWN_ITALIC_RE
from resparse.model import Span

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    import regex

SLACK = 2  # a run may start this many characters after the offset asked about ("*Notes")


@attrs.frozen
class Italics:
    """Sorted italic spans with their starts, for lookups by bisection."""

    spans: tuple[Span, ...]
    starts: tuple[int, ...]

    @classmethod
    def of(cls, spans: Sequence[Span]) -> Italics:
        """The lookup table of these spans (in reading order)."""
        return cls(tuple(spans), tuple(span.start for span in spans))

    def at(self, pos: int, source: str | None = None) -> Span | None:
        """The italic span that starts at (or within two characters of) ``pos``.

        With the ``source`` the spans index, the characters passed over must hold no
        letter: a mark or a quote may stand before a run ("*Notes"), a word may not
        ("特别" before an italic "注意到" is a word of the clause's own).
        """
        i = bisect.bisect_right(self.starts, pos + SLACK) - 1
        if i >= 0:
            span = self.spans[i]
            if span.start <= pos + SLACK and span.end > pos:
                passed = source[pos : span.start] if source is not None else ""
                return None if any(char.isalpha() for char in passed) else span
        return None

    def starts_between(self, low: int, high: int) -> bool:
        """Whether a run starts after ``low`` and at or before ``high``."""
        i = bisect.bisect_right(self.starts, low)
        return i < len(self.starts) and self.starts[i] <= high

    def next_start(self, pos: int) -> int | None:
        """Where the first italic run at or after ``pos`` starts, if any."""
        i = bisect.bisect_left(self.starts, pos)
        return self.starts[i] if i < len(self.starts) else None


def markdown_italics(source: str) -> list[Span] | None:
    """Italic runs written as ``*x*`` or ``_x_``; ``None`` when the text has none."""
    if "*" not in source and "_" not in source:
        return None
    spans = []
    for match in _runs(source):
        group = "a" if match["a"] is not None else "b"
        spans.append(Span(match.start(group), match.end(group)))
    return spans or None


def _runs(source: str) -> Iterator[regex.Match[str]]:
    """``MARKDOWN_ITALIC_RE.finditer(source)``, tried only where a "*" or a "_" stands.

    Each match opens with its "*" or "_" (the look-behinds before it take no
    characters), so the leftmost match from a place is the first such character there
    at which the pattern matches; a plain search finds them, where the pattern's own
    search would try its look-behinds at every character of the text.
    """
    done = 0  # where the last match ended: the next starts there or later
    star, under = source.find("*"), source.find("_")
    while star >= 0 or under >= 0:
        at = star if under < 0 or 0 <= star < under else under
        if at >= done:
            match = MARKDOWN_ITALIC_RE.match(source, at)
            if match is not None:
                yield match
                done = match.end()
        if at == star:
            star = source.find("*", at + 1)
        else:
            under = source.find("_", at + 1)
