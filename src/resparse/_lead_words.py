"""The opening words of a part, casefolded, with their offsets in the source.

Every lead reading starts here: the words up to the first punctuation, read in one match
(an ASCII fast path, and the ``regex`` reading with repeated captures otherwise), and an
italic run trimmed to a lead.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

import regex

from resparse._lead_tables import word_key
from resparse._patterns import WORD_TOKEN_RE as _TOKEN_RE
from resparse.model import Span

if TYPE_CHECKING:
    from collections.abc import Sequence


def opening_words(
    source: str, pieces: Sequence[tuple[int, int]], limit: int = 12
) -> list[tuple[str, int, int]]:
    """The first words of a part, casefolded, with offsets, up to the first punctuation."""
    words: list[tuple[str, int, int]] = []
    count = max(min(limit, 12), 1)
    run_re = _opening_run_re(count)
    for start, end in pieces:
        at = start
        if 1 <= limit <= _MAX_ASCII_WORDS:
            plain = _ascii_words(source, at, end, limit - len(words))
            if plain is not None:
                found, stopped = plain
                words.extend(found)
                if stopped or len(words) >= limit:
                    return words
                continue
        while True:
            run = run_re.match(source, at, end)
            if run is None:  # never: the pattern matches the empty string
                break
            tokens = run.captures(1)
            starts = run.starts(1)
            firsts = "".join(map(source.__getitem__, starts))
            if firsts and not firsts.isalnum():
                # punctuation (or a mark) opens a token: the words end before it
                return _words_before_punctuation(words, run, limit)
            words.extend(zip(map(word_key, tokens), starts, run.ends(1), strict=True))
            if tokens and len(words) >= limit:
                return words[: max(limit, 1)]  # a limit below one still reads one word
            if len(tokens) < count:
                break  # the piece has no more tokens
            at = run.end()
    return words


_MAX_ASCII_WORDS = 12
_ASCII_WINDOW = 160  # characters read at once by the ASCII reading of a piece


def _ascii_words(
    source: str, at: int, end: int, wanted: int
) -> tuple[list[tuple[str, int, int]], bool] | None:
    """Up to ``wanted`` opening words of a piece whose opening characters are all ASCII.

    On ASCII text the token pattern is the standard library's ``[A-Za-z0-9]+`` words
    joined by ``-`` or ``'``, any other character but white space, "*" and "_" a
    punctuation token; one match of nested groups gives every word and its offsets at
    once, several times cheaper than the ``regex`` module's repeated captures. Returns
    the words and whether punctuation stopped them, or ``None`` when the piece's first
    ``_ASCII_WINDOW`` characters are not all ASCII or the window may have cut a word (the
    full reading decides then).
    """
    stop = min(end, at + _ASCII_WINDOW)
    if not source[at:stop].isascii():
        return None
    run = _ascii_run_re(wanted).match(source, at, stop)
    if run is None:  # never: the pattern matches the empty string
        return None
    tokens = run.groups()
    n = wanted - tokens.count(None)
    after = run.end()
    if n < wanted:
        after = _ASCII_GAP_RE.match(source, after, stop).end()  # type: ignore[union-attr]
    if stop < end and after + 2 > stop:
        return None  # a word or a joiner may go on past the window
    if not n:
        return [], after < stop
    starts, ends = zip(*run.regs[1 : n + 1], strict=True)
    # an ASCII word's key is its lower case (on ASCII, ``word_key``'s casefold is lower
    # casing, and it has no curly apostrophe or vowel mark to drop): no cache lookups
    found = list(zip(map(str.lower, tokens[:n]), starts, ends, strict=True))
    # fewer words than wanted, and something other than the piece's end stopped them:
    # a character that opens no word, that is, punctuation
    return found, n < wanted and after < stop


_ASCII_GAP_RE = re.compile(r"[\s*_\x00-\x1f\x7f]*", re.ASCII)


@functools.cache
def _ascii_run_re(count: int) -> re.Pattern[str]:
    """``count`` nested optional groups, each a word after the gap before it.

    Possessive throughout: a word never opens with a gap's character nor goes on into
    one, so nothing given back could match otherwise, and the engine keeps no state to
    give it back (half the cost of the match).
    """
    pattern = ""
    for _ in range(count):
        pattern = rf"(?:[\s*_\x00-\x1f\x7f]*+([A-Za-z0-9]++(?:['-][A-Za-z0-9]++)*+){pattern})?+"
    return re.compile(pattern, re.ASCII)


def _words_before_punctuation(
    words: list[tuple[str, int, int]], run: regex.Match[str], limit: int
) -> list[tuple[str, int, int]]:
    """``words`` and the tokens of ``run`` up to the first that opens with no letter or digit."""
    for token, first, last in zip(run.captures(1), run.starts(1), run.ends(1), strict=True):
        if not token[:1].isalnum():
            return words
        words.append((word_key(token), first, last))
        if len(words) >= limit:
            return words
    return words


@functools.cache
def _opening_run_re(count: int) -> regex.Pattern[str]:
    """Up to ``count`` tokens in one match, found as ``_TOKEN_RE.finditer`` finds them.

    Between two tokens stand only the characters no token takes (white space, "*", "_",
    the direction marks), so one match with repeated captures gives the same tokens, with
    the same offsets, at a fraction of the cost of one match object per token.
    """
    return regex.compile(r"(?:[\s*_\u200e\u200f\p{Cc}]*+(" + _TOKEN_RE.pattern + f")){{0,{count}}}")


_LEAD_TRIM_RE = regex.compile(r"[\s,;:.*_،؛，；：。\u200e\u200f]+$")


def trim_lead_span(source: str, italic: Span, first_start: int) -> Span | None:
    """An italic run read as a lead: from the first word, without trailing punctuation."""
    start = max(italic.start, first_start)
    text = source[start : italic.end]
    trimmed = _LEAD_TRIM_RE.sub("", text)
    if not trimmed or len(trimmed.split()) > 12:
        return None
    return Span(start, start + len(trimmed))
