"""The clean reading of a part: its pieces of raw text joined, markup and breaks removed."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import regex

from resparse._deadline import check_deadline
from resparse._hyphens import keeps_hyphen
from resparse._language import has_profile, profile
from resparse._patterns import EMPHASIS_MARK_RE

if TYPE_CHECKING:
    from collections.abc import Iterable

_SPACES_RE = regex.compile(r"[^\S\xa0\u202f]+")
# whitespace other than the plain and non-breaking spaces: if none is there, no regex runs
_ONLY_SPACES = frozenset(
    "\t\n\r\f\v\x1c\x1d\x1e\x1f\x85\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u205f\u3000"
)
_SOFT_HYPHEN_BREAK_RE = regex.compile(r"(?<=\p{Ll})-$")
# matched from the end backwards ((?r)): the same match as a forward search, found without
# trying every position of the line first
_WORD_TAIL_RE = regex.compile(r"(?r)(\w+(?:-\w+)*)-$")
_WORD_HEAD_RE = regex.compile(r"\w+(?:-\w+)*")
_HYPHEN_END_RE = regex.compile(r"[\p{L}\p{N}]-$")
# "Secretary -General": pdftotext spaces a justified line's hyphen apart from its word
_SPACED_HYPHEN_RE = regex.compile(r"(\p{L}+) -(?=[\p{L}\p{N}])")
# How much of the end of a line the hyphen rules read: longer than any word, and a bound
# that keeps a text of thousands of lines ending in "-" from being scanned again and again.
_TAIL = 256


def join_lines(pieces: Iterable[str], language: str = "en") -> str:
    """Join the lines of a paragraph with single spaces, mending words broken at line ends.

    A line that ends in a hyphen after a letter or digit goes on in the same word: before a
    capital or a digit the hyphen stays ("Secretary-" / "General"); before a small letter
    ``keeps_hyphen`` tells a hyphenated word ("capacity-building") from a broken one, by
    the words of ``language``. Only the last ``_TAIL`` characters of a stretch are looked
    at, so a text of many joined lines takes time in proportion to its length.
    """
    stretches: list[list[str]] = []  # each stretch: the lines that run on without a space
    end = ""  # the last _TAIL characters of the last stretch
    for index, piece in enumerate(pieces):
        if not index % 4096:
            check_deadline("joining lines")
        if stretches and piece and end.endswith("-"):
            stretch = stretches[-1]
            if piece[0].islower():
                tail = _WORD_TAIL_RE.search(end)
                head = _WORD_HEAD_RE.match(piece)
                if (
                    tail
                    and head
                    and _SOFT_HYPHEN_BREAK_RE.search(end)
                    and not keeps_hyphen(tail[1], head[0], language)
                ):
                    stretch[-1] = stretch[-1][:-1]
                    end = end[:-1]
                stretch.append(piece)
                end = (end + piece)[-_TAIL:]
                continue
            if piece[0].isalnum() and _HYPHEN_END_RE.search(end):
                stretch.append(piece)
                end = (end + piece)[-_TAIL:]
                continue
        stretches.append([piece])
        end = piece[-_TAIL:]
    return " ".join("".join(stretch) for stretch in stretches)


def clean(text: str, conjunctions: frozenset[str] = frozenset()) -> str:
    """Drop emphasis markers, close "word -word" up and collapse runs of whitespace.

    After one of ``conjunctions`` (the language's "and", "or") the spaced hyphen is a
    suspended one ("data collection and -sharing") and keeps its space. Non-breaking
    spaces stay.
    """
    if "*" in text or "_" in text:
        text = EMPHASIS_MARK_RE.sub("", text)
    if " -" in text:

        def close_up(match: regex.Match[str]) -> str:
            word = match[1]
            return match[0] if word.casefold() in conjunctions else word + "-"

        text = _SPACED_HYPHEN_RE.sub(close_up, text)
    if "  " in text or not _ONLY_SPACES.isdisjoint(text):
        text = _SPACES_RE.sub(" ", text)
    return text.strip()


def clean_pieces(source: str, ranges: Iterable[tuple[int, int]], language: str = "en") -> str:
    """The clean text of a part made of several raw ranges of ``source``.

    Ranges are lines, joined with a space; two ranges with nothing but a cut-out footnote
    marker between them ("budgétaires4,") are one stretch of a line, joined with nothing.
    """
    stretches: list[str] = []
    last_end = -1
    for start, end in ranges:
        if end <= start:
            continue
        gap = source[last_end:start] if 0 <= last_end <= start else " "
        if stretches and not any(char.isspace() for char in gap):
            stretches[-1] += source[start:end]
        else:
            stretches.append(source[start:end])
        last_end = end
    joined = join_lines((stretch.strip() for stretch in stretches), language)
    return clean(joined, _conjunctions(language))


@functools.cache
def _conjunctions(language: str) -> frozenset[str]:
    """The words before a suspended hyphen in ``language`` (none for a language unknown)."""
    return profile(language).conjunctions if has_profile(language) else frozenset()
