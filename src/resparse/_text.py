"""The clean reading of a part: its pieces of raw text joined, markup and breaks removed."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

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
# Left halves that keep their hyphen when a word is broken at the end of a line.
_KEEP_HYPHEN = frozenset(
    {
        "co",
        "non",
        "self",
        "well",
        "follow",
        "long",
        "short",
        "cross",
        "ex",
        "all",
        "cease",
        "anti",
        "sub",
        "semi",
        "mid",
        "multi",
        "pre",
        "post",
        "low",
        "high",
        "middle",
        "small",
        "large",
        "decision",
        "capacity",
        "gender",
        "age",
        "child",
        "state",
        "peace",
        "nation",
        "land",
        "sea",
        "air",
        "law",
        "rule",
        "war",
        "south",
        "north",
        "east",
        "west",
        "inter",
        "intra",
        "socio",
        "trans",
        "counter",
        "re",
        "de",
        "vice",
        "mine",
        "life",
        "up",
        "down",
        "off",
        "one",
        "two",
        "three",
        "four",
        "five",
        "ten",
        "first",
        "second",
        "third",
        "top",
        "end",
        "cost",
        "time",
        "evidence",
        "results",
        "human",
        "community",
        "country",
        "people",
        "region",
        "sector",
        "rights",
        "science",
        "risk",
        "climate",
        "youth",
        "victim",
        "survivor",
        "market",
        "data",
        "technology",
        "women",
        "man",
        "made",
    }
)
_WORD_TAIL_RE = regex.compile(r"(\w+)-$")


def join_lines(pieces: Iterable[str]) -> str:
    """Join the lines of a paragraph with single spaces, mending words broken at line ends."""
    out: list[str] = []
    for piece in pieces:
        if out and out[-1].endswith("-") and piece[:1].islower():
            tail = _WORD_TAIL_RE.search(out[-1])
            if (
                tail
                and tail[1].casefold() not in _KEEP_HYPHEN
                and _SOFT_HYPHEN_BREAK_RE.search(out[-1])
            ):
                out[-1] = out[-1][:-1] + piece
                continue
            out[-1] += piece
            continue
        out.append(piece)
    return " ".join(out)


def clean(text: str) -> str:
    """Drop emphasis markers and collapse runs of whitespace (non-breaking spaces stay)."""
    if "*" in text or "_" in text:
        text = EMPHASIS_MARK_RE.sub("", text)
    if "  " in text or not _ONLY_SPACES.isdisjoint(text):
        text = _SPACES_RE.sub(" ", text)
    return text.strip()


def clean_pieces(source: str, ranges: Iterable[tuple[int, int]]) -> str:
    """The clean text of a part made of several raw ranges of ``source``."""
    return clean(join_lines(source[start:end].strip() for start, end in ranges if end > start))
