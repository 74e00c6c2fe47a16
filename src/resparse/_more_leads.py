"""Further lead phrases inside a clause: "Welcoming ..., and *encouraging* ...".

The UN often italicizes a second (or third) lead where one clause or paragraph does two
things: "*Decides* to extend the mandate ..., and *requests* the Secretary-General ...". A
further lead opens after a comma or semicolon, optionally followed by the language's
"and", starts in lower case, and is an italic run whose first word opens enough leads of
the same kind in the UN's markup. Only italics decide: the UN's own practice varies (the
same "..., notes that ..., requests ..." is italicized in one resolution and not in the
next), so without italics no further lead is reported rather than one the UN may not
mark. Text inside quotation marks or brackets (a quoted title, a citation) is skipped.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import regex

from resparse import _lead_tables, _lead_words
from resparse._italics import SLACK as _SLACK
from resparse._language import profile

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from resparse._italics import Italics
    from resparse.model import Span

_OPENERS = {"“": "”", "(": ")", "«": "»", "[": "]"}


@functools.cache
def _separator(language: str) -> regex.Pattern[str] | None:
    """A comma or semicolon, the language's "and" if any, then a lower-case word."""
    words = profile(language).more_lead_conjunctions
    if words is None:
        return None
    conjunction = "|".join(regex.escape(word) for word in words)
    optional = rf"(?:(?:{conjunction})\s+)?" if conjunction else ""
    return regex.compile(rf"[,;]\s+{optional}(?=[*_]{{0,3}}\p{{Ll}})")  # "*requests*" in markdown


def find_more_leads(  # noqa: PLR0913 - the parse state a search needs, passed plainly
    source: str,
    pieces: Sequence[tuple[int, int]],
    after: int,
    *,
    kind: _lead_tables.Kind,
    language: str,
    italics: Italics | None,
) -> list[Span]:
    """Spans of the leads that open after ``after`` in a part's own text pieces.

    ``italics``: the document's italic runs; ``None`` (an input without italics) finds
    nothing. A further lead is an italic run opening just after its separator, so a
    piece where no run starts is not searched: a separator found from ``low`` on, ending
    by ``end``, takes a run starting after ``low`` and at most two characters past ``end``.
    """
    separator = _separator(language)
    if separator is None or italics is None:
        return []
    found: list[Span] = []
    italic_at = italics.at
    for start, end in pieces:
        if end <= after:
            continue
        low = max(start, after)
        if not italics.starts_between(low, end + _SLACK):
            continue
        for match in separator.finditer(source, low, end):
            span = _lead_at(source, match, end, kind=kind, language=language, italic_at=italic_at)
            if span is not None and not _quoted(source, pieces, after, match.start()):
                found.append(span)
    return found


def _quoted(source: str, pieces: Sequence[tuple[int, int]], after: int, position: int) -> bool:
    """Whether a quotation mark or bracket opened after ``after`` is still open at ``position``.

    Asked only of the rare candidates that passed the italic test, so it may count afresh.
    """
    text = "".join(source[max(s, after) : min(e, position)] for s, e in pieces if s < position)
    return any(text.count(opener) > text.count(closer) for opener, closer in _OPENERS.items())


def _lead_at(  # noqa: PLR0913
    source: str,
    separator: regex.Match[str],
    end: int,
    *,
    kind: _lead_tables.Kind,
    language: str,
    italic_at: Callable[[int], Span | None],
) -> Span | None:
    position = separator.end()
    italic = italic_at(position)  # the cheap test first: most commas open no italic run
    # the run opens at the word, or takes in the "and" before it
    if italic is None or not separator.start() < italic.start <= position + 2:
        return None
    words = _lead_words.opening_words(source, [(position, end)], limit=1)
    if not words or not _lead_tables.known_first_word(words[0][0], kind, language):
        return None
    return _lead_words.trim_lead_span(source, italic, position)
