"""The clean reading of a part: its pieces of raw text joined, markup and breaks removed.

Two forms of each step: the string alone (``clean``, ``join_lines``, ``clean_pieces``), the
fast path the parser takes thousands of times per document, and the same reading with its
offset map (``clean_text``, ``clean_ranges``: a :class:`CleanText`), for a writer that must
carry a source offset into the clean text, such as a footnote marker's place. Both forms
take the same decisions; a property test holds them to the same text.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import TYPE_CHECKING

import attrs
import regex

from resparse._deadline import check_deadline
from resparse._hyphens import keeps_hyphen
from resparse._language import has_profile, profile
from resparse._patterns import EMPHASIS_MARK_RE, FIRST_WIDE, MARKDOWN_ESCAPE_RE, WIDE_RE

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

_SPACES_RE = regex.compile(r"[^\S\xa0\u202f]+")
# whitespace other than the plain and non-breaking spaces: if none is there, no regex runs
_ONLY_SPACES = frozenset(
    "\t\n\r\f\v\x1c\x1d\x1e\x1f\x85\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u205f\u3000"
)
# the same characters as a class of the standard library's ``re``: its search tests a
# character against a bitmap, several times quicker than ``frozenset.isdisjoint``'s
# hashing and lookup of every character of the text
_OTHER_SPACE_RE = re.compile("[" + "".join(f"\\u{ord(c):04x}" for c in sorted(_ONLY_SPACES)) + "]")
_SOFT_HYPHEN_BREAK_RE = regex.compile(r"(?<=\p{Ll})-$")
# matched from the end backwards ((?r)): the same match as a forward search, found without
# trying every position of the line first
_WORD_TAIL_RE = regex.compile(r"(?r)(\w+(?:-\w+)*)-$")
_WORD_HEAD_RE = regex.compile(r"\w+(?:-\w+)*")
# a hyphen right after a letter or digit, or one space after a cased letter ("Secretary -",
# as pypdf spaces it apart); Arabic prints its lettered parts "ألف -", and a dash between
# numbers is spaced ("2020 -" / "2025"): those hyphens stay apart from the line after them
_HYPHEN_END_RE = regex.compile(r"(?:[\p{L}\p{N}]|[\p{Lu}\p{Ll}\p{Lt}] )-$")
# "Secretary -General": pdftotext spaces a justified line's hyphen apart from its word
_SPACED_HYPHEN_RE = regex.compile(r"(\p{L}+) -(?=[\p{L}\p{N}])")
# pdfium's text (pypdfium2's ``get_text_range``) gives a hyphen it judged to end a line as
# U+FFFE, a noncharacter that no text holds: the clean reading prints it as the hyphen it
# stands for, and the hyphen rules below decide whether the word was broken there
_PDFIUM_HYPHEN = "\ufffe"
# How much of the end of a line the hyphen rules read: longer than any word, and a bound
# that keeps a text of thousands of lines ending in "-" from being scanned again and again.
_TAIL = 256


# How a line follows a stretch that ends in a hyphen: as a new stretch after a space, run
# on in the same word, or run on with the hyphen dropped (a word broken at the line end).
_NEW, _RUN_ON, _MEND = 0, 1, 2


# after a full stop, semicolon or colon a line break parts two items of a list or two
# sentences, which the text keeps apart by a space
_PART_ENDS = frozenset("。；：？！")


def _unspaced(before: str, after: str) -> bool:
    """Whether a line break between two characters is no space: inside Chinese or Japanese.

    A digit next to such a character runs on too ("第58/203号" broken after "第"), as the
    text writes them with no space; after a full stop, semicolon or colon the break
    parts two items and stays a space.
    """
    ends, opens = before[-1:], after[:1]
    if not ends or not opens or ends in _PART_ENDS:
        return False
    wide_end = ord(ends) >= FIRST_WIDE and WIDE_RE.match(ends) is not None
    wide_open = ord(opens) >= FIRST_WIDE and WIDE_RE.match(opens) is not None
    return (wide_end and (wide_open or opens.isdigit())) or (wide_open and ends.isdigit())


def _follows(end: str, piece: str, language: str) -> int:
    """How ``piece`` goes on from a stretch whose last characters ``end`` close with "-"."""
    if piece[0].islower():
        tail = _WORD_TAIL_RE.search(end)
        head = _WORD_HEAD_RE.match(piece)
        if (
            tail
            and head
            and _SOFT_HYPHEN_BREAK_RE.search(end)
            and not keeps_hyphen(tail[1], head[0], language)
        ):
            return _MEND
        return _RUN_ON
    if piece[0].isalnum() and _HYPHEN_END_RE.search(end):
        return _RUN_ON
    return _NEW


def _how(end: str, piece: str, language: str) -> int:
    """How a line goes on from the stretch before it: after a hyphen, inside Chinese, or anew."""
    if end.endswith("-"):
        return _follows(end, piece, language)
    return _RUN_ON if _unspaced(end, piece) else _NEW


def join_lines(pieces: Iterable[str], language: str = "en") -> str:
    """Join the lines of a paragraph with single spaces, mending words broken at line ends.

    A line that ends in a hyphen after a letter or digit goes on in the same word: before a
    capital or a digit the hyphen stays ("Secretary-" / "General"); before a small letter
    ``keeps_hyphen`` tells a hyphenated word ("capacity-building") from a broken one, by
    the words of ``language``. Between characters of a script written without spaces
    (Chinese) the break is no space. Only the last ``_TAIL`` characters of a stretch are looked
    at, so a text of many joined lines takes time in proportion to its length.
    """
    stretches: list[list[str]] = []  # each stretch: the lines that run on without a space
    end = ""  # the last _TAIL characters of the last stretch
    for index, raw in enumerate(pieces):
        if not index % 4096:
            check_deadline("joining lines")
        piece = _hyphens_printed(raw)
        how = _how(end, piece, language) if stretches and piece else _NEW
        if how == _NEW:
            stretches.append([piece])
            end = piece[-_TAIL:]
            continue
        stretch = stretches[-1]
        if how == _MEND:
            stretch[-1] = stretch[-1][:-1]
            end = end[:-1]
        stretch.append(piece)
        end = (end + piece)[-_TAIL:]
    return " ".join("".join(stretch) for stretch in stretches)


def clean(text: str, conjunctions: frozenset[str] = frozenset()) -> str:
    """Drop emphasis markers, close "word -word" up and collapse runs of whitespace.

    After one of ``conjunctions`` (the language's "and", "or") the spaced hyphen is a
    suspended one ("data collection and -sharing") and keeps its space. Non-breaking
    spaces stay.
    """
    text = _hyphens_printed(text)
    if "*" in text or "_" in text:
        text = EMPHASIS_MARK_RE.sub("", text)
    if "\\" in text:
        text = MARKDOWN_ESCAPE_RE.sub("", text)  # markdown's "1\.", "\(a\)", "\*": the mark alone
    if " -" in text:

        def close_up(match: regex.Match[str]) -> str:
            word = match[1]
            return match[0] if word.casefold() in conjunctions else word + "-"

        text = _SPACED_HYPHEN_RE.sub(close_up, text)
    if "  " in text or _OTHER_SPACE_RE.search(text) is not None:
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


def _hyphens_printed(text: str) -> str:
    """``text`` with pdfium's line-end hyphen (U+FFFE) as "-": one character for one."""
    return text.replace(_PDFIUM_HYPHEN, "-") if _PDFIUM_HYPHEN in text else text


@functools.cache
def _conjunctions(language: str) -> frozenset[str]:
    """The words before a suspended hyphen in ``language`` (none for a language unknown)."""
    return profile(language).conjunctions if has_profile(language) else frozenset()


# --- the same readings with their offset map ---------------------------------------------


@attrs.frozen
class CleanText:
    """A clean reading and, for each of its characters, the source offset it was read from.

    The offsets rise strictly when the reading was made from ranges in source order. A
    space that stands for a run of whitespace maps to the run's first character; a space
    that stands for a line break maps to the place just after the line's last character.
    With the map, a writer finds where a source offset falls in the clean text without
    walking the two side by side.
    """

    text: str
    offsets: tuple[int, ...] = attrs.field()

    @offsets.validator
    def _check(self, _: object, offsets: tuple[int, ...]) -> None:
        if len(offsets) != len(self.text):
            msg = f"{len(offsets)} offsets for {len(self.text)} characters"
            raise ValueError(msg)

    def index(self, offset: int) -> int:
        """Where source ``offset`` falls in the clean text: how many characters come before it."""
        return bisect.bisect_left(self.offsets, offset)


# A reading being built: its characters and their source offsets, one for one.
_Mapped = tuple[str, list[int]]


def _sub_mapped(
    pattern: regex.Pattern[str],
    text: str,
    offsets: list[int],
    replace: Callable[[regex.Match[str]], _Mapped],
) -> _Mapped:
    """``pattern.sub`` that carries the offsets: ``replace`` gives a match's text and offsets."""
    out: list[str] = []
    mapped: list[int] = []
    cursor = 0
    for match in pattern.finditer(text):
        out.append(text[cursor : match.start()])
        mapped.extend(offsets[cursor : match.start()])
        new, where = replace(match)
        out.append(new)
        mapped.extend(where)
        cursor = match.end()
    out.append(text[cursor:])
    mapped.extend(offsets[cursor:])
    return "".join(out), mapped


def _strip_mapped(text: str, offsets: list[int]) -> _Mapped:
    """``str.strip`` that carries the offsets."""
    stripped = text.lstrip()
    lead = len(text) - len(stripped)
    stripped = stripped.rstrip()
    return stripped, offsets[lead : lead + len(stripped)]


def _clean_mapped(text: str, offsets: list[int], conjunctions: frozenset[str]) -> _Mapped:
    """What ``clean`` does to ``text``, step by step, with each character's offset kept."""

    def drop(_: regex.Match[str]) -> _Mapped:
        return "", []

    def close_up(match: regex.Match[str]) -> _Mapped:
        if match[1].casefold() in conjunctions:
            return match[0], offsets[match.start() : match.end()]
        return match[1] + "-", [*offsets[match.start(1) : match.end(1)], offsets[match.end() - 1]]

    def collapse(match: regex.Match[str]) -> _Mapped:
        return " ", [offsets[match.start()]]

    text = _hyphens_printed(text)
    if "*" in text or "_" in text:
        text, offsets = _sub_mapped(EMPHASIS_MARK_RE, text, offsets, drop)
    if "\\" in text:
        text, offsets = _sub_mapped(MARKDOWN_ESCAPE_RE, text, offsets, drop)
    if " -" in text:
        text, offsets = _sub_mapped(_SPACED_HYPHEN_RE, text, offsets, close_up)
    if "  " in text or _OTHER_SPACE_RE.search(text) is not None:
        text, offsets = _sub_mapped(_SPACES_RE, text, offsets, collapse)
    return _strip_mapped(text, offsets)


def clean_text(
    text: str, conjunctions: frozenset[str] = frozenset(), *, start: int = 0
) -> CleanText:
    """``clean(text, conjunctions)`` with its offset map; ``text`` stands at ``start``."""
    cleaned, offsets = _clean_mapped(text, list(range(start, start + len(text))), conjunctions)
    return CleanText(cleaned, tuple(offsets))


def _join_mapped(pieces: Sequence[tuple[str, list[int], int]], language: str) -> _Mapped:
    """``join_lines`` that carries the offsets; each piece is (text, offsets, where it stands)."""
    stretches: list[tuple[list[str], list[int], int]] = []
    end = ""
    for index, (raw, offsets, at) in enumerate(pieces):
        if not index % 4096:
            check_deadline("joining lines")
        piece = _hyphens_printed(raw)
        how = _how(end, piece, language) if stretches and piece else _NEW
        if how == _NEW:
            stretches.append(([piece], list(offsets), at))
            end = piece[-_TAIL:]
            continue
        texts, mapped, _ = stretches[-1]
        if how == _MEND:
            texts[-1] = texts[-1][:-1]
            mapped.pop()
            end = end[:-1]
        texts.append(piece)
        mapped.extend(offsets)
        end = (end + piece)[-_TAIL:]
    out: list[str] = []
    joined: list[int] = []
    for texts, mapped, at in stretches:
        if out:
            out.append(" ")  # the line break: just after the last character read before it
            joined.append(joined[-1] + 1 if joined else at)
        out.extend(texts)
        joined.extend(mapped)
    return "".join(out), joined


def clean_ranges(source: str, ranges: Iterable[tuple[int, int]], language: str = "en") -> CleanText:
    """``clean_pieces(source, ranges, language)`` with its offset map into ``source``."""
    stretches: list[tuple[str, list[int]]] = []
    last_end = -1
    for start, end in ranges:
        if end <= start:
            continue
        gap = source[last_end:start] if 0 <= last_end <= start else " "
        piece = source[start:end]
        if stretches and not any(char.isspace() for char in gap):
            text, offsets = stretches[-1]
            stretches[-1] = (text + piece, offsets)
        else:
            stretches.append((piece, []))
            offsets = stretches[-1][1]
        offsets.extend(range(start, start + len(piece)))
        last_end = end
    pieces = []
    for text, offsets in stretches:
        stripped, kept = _strip_mapped(text, offsets)
        pieces.append((stripped, kept, kept[0] if kept else offsets[0]))
    joined, offsets = _join_mapped(pieces, language)
    cleaned, mapped = _clean_mapped(joined, offsets, _conjunctions(language))
    return CleanText(cleaned, tuple(mapped))
