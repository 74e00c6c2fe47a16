"""The printed lists of a recorded vote -> the names of the States, as printed.

A list runs from its label ("In favour:", "Pour :") to the next label, the closing bracket
or the next sentence; it is cut at commas outside parentheses, and at the language's
joiner ("and") only where the pieces on either side name States.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from resparse._deadline import check_deadline, checked
from resparse._text import clean
from resparse._vote_words import EMPTY_MARKS, LIST_END_RE, list_furniture_re

if TYPE_CHECKING:
    from collections.abc import Callable

    from resparse._vote import VoteFields
    from resparse._vote_words import VoteWords

_LINE_HYPHEN_RE = regex.compile(r"(?<=\p{L})-\s+(?=\p{L})")
# A list printed in English, where no language's vocabulary is given (the UN's markup).
_ENGLISH_JOINER_RE = regex.compile(r"\s+and\s+", regex.IGNORECASE)
_ENGLISH_EMPTY = EMPTY_MARKS | {"none", "nil"}
_LIST_MARK_RE = regex.compile(r"[(),;]")
# Where a list is printed with furniture in it at all: each form list_furniture_re makes
# holds a digit or a slash, and most lists hold neither, so the pattern need not run.
_FURNITURE_HINT_RE = regex.compile(r"[\d/]")
_EDGE_CHARS = " \t\n\r\f\v.,;:[]*_0123456789\xa0\u202f"


def read_lists(  # noqa: PLR0913 - the lists, where they go, and the language's words
    text: str,
    labels: list[regex.Match[str]],
    fields: VoteFields,
    is_state: Callable[[str], bool],
    words: VoteWords,
    *,
    page_words: tuple[str, ...],
) -> None:
    """Each labelled list runs to the next label, the closing bracket or the next sentence.

    ``page_words`` are the profile's words before a page number ("Page 2"), which a
    page break may leave inside a list.
    """
    furniture = list_furniture_re(page_words)
    for i, label in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        body = text[label.end() : end]
        stop = LIST_END_RE.search(body)
        if stop is not None:
            body = body[: stop.start()]
        if _FURNITURE_HINT_RE.search(body) is not None:  # every furniture form has one
            body = furniture.sub("", body)
        names = split_states(body, is_state, words)
        kind = words.label_kind(label["label"])
        if kind == "in_favour":
            fields.in_favour_states = names
        elif kind == "against":
            fields.against_states = names
        elif kind == "abstaining":
            fields.abstaining_states = names
        elif kind == "absent":
            fields.absent += names
        else:
            fields.not_participating += names
        if kind in {"in_favour", "against", "abstaining"}:
            fields.printed.add(kind)


def split_states(
    text: str, is_state: Callable[[str], bool], words: VoteWords | None = None
) -> tuple[str, ...]:
    """Split "A, B (C of), D and E" into names; an "and" inside a State's name is kept.

    ``words`` is the language's vote vocabulary (its joiner and its words for an empty
    list); without it the list is read as English, as the UN's markup prints names.
    """
    empty = _ENGLISH_EMPTY if words is None else words.empty_list
    joiner = _ENGLISH_JOINER_RE if words is None else words.joiner_re
    names: list[str] = []
    pieces = _line_pieces(_top_level_pieces(text), is_state, joiner)
    for piece in checked(pieces, "the vote's lists", 64):
        item = _tidy(piece, joiner)
        if not item or item.casefold() in empty:
            continue
        if "-" in item:
            item = _join_hyphen(item, is_state)
        # a joiner is a word between spaces: a name without a space has none to cut at
        if joiner is None or " " not in item:
            names.append(item)
        else:
            names.extend(_split_joined(item, is_state, joiner))
    return tuple(names)


def _line_pieces(
    pieces: list[str], is_state: Callable[[str], bool], joiner: regex.Pattern[str] | None
) -> list[str]:
    """Cut a piece printed one State to a line ("Argentina" / "Brazil" / "Chile") at its lines.

    A list copied from a table or a column keeps no commas. A piece that names no State
    as a whole is cut where its lines, each alone or run on into the next ("Bolivia
    (Plurinational" / "State of)"), name States one after another; otherwise it is kept.
    """
    if not any("\n" in piece for piece in pieces):
        return pieces
    out: list[str] = []
    for piece in pieces:
        lines = [line for line in piece.split("\n") if line.strip(_EDGE_CHARS)]
        names = None
        if len(lines) > 1 and not is_state(_tidy(piece, joiner)):
            names = _states_by_line(lines, is_state, joiner)
        out.extend(names if names is not None else [piece])
    return out


def _states_by_line(
    lines: list[str], is_state: Callable[[str], bool], joiner: regex.Pattern[str] | None
) -> list[str] | None:
    """The lines run together into State names, shortest first; None if some line is left."""
    names: list[str] = []
    held: list[str] = []
    for line in lines:
        held.append(line)
        name = " ".join(held)
        if is_state(_tidy(name, joiner)):
            names.append(name)
            held = []
    return names if not held and len(names) > 1 else None


def _top_level_pieces(text: str) -> list[str]:
    """Cut at commas and semicolons outside parentheses (a character loop: no backtracking)."""
    if "(" not in text:  # most lists: no nesting to follow, the C-level split is exact
        return text.replace(";", ",").split(",")
    pieces: list[str] = []
    depth = 0
    start = 0
    for count, mark in enumerate(_LIST_MARK_RE.finditer(text)):  # the marks only, not every char
        if not count % 4096:
            check_deadline("the vote's lists")
        char = mark[0]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif depth == 0:
            at = mark.start()
            pieces.append(text[start:at])
            start = at + 1
    pieces.append(text[start:])
    return pieces


def _tidy(piece: str, joiner: regex.Pattern[str] | None) -> str:
    """One name as printed: markup, footnote markers, separators and a leading joiner off."""
    # without emphasis marks or a spaced hyphen, ``clean`` would only collapse the spaces
    # that the split below collapses anyway
    if "*" in piece or "_" in piece or " -" in piece:
        piece = clean(piece)
    item = " ".join(piece.split()).strip(_EDGE_CHARS)
    if joiner is not None and " " in item:  # " " + a joiner + a space: the item has one
        lead = joiner.match(" " + item)
        if lead is not None:
            item = item[lead.end() - 1 :].strip(_EDGE_CHARS)
    if item.startswith("(") and item.endswith(")") and item.count("(") == 1:
        item = item[1:-1].strip(_EDGE_CHARS)
    return item


def _join_hyphen(item: str, is_state: Callable[[str], bool]) -> str:
    """Mend a word that a line break hyphenated: "Czecho- slovakia", "Guinea- Bissau"."""
    if _LINE_HYPHEN_RE.search(item) is None:
        return item
    joined = _LINE_HYPHEN_RE.sub("", item)
    return joined if is_state(joined) else _LINE_HYPHEN_RE.sub("-", item)


def _split_joined(
    item: str, is_state: Callable[[str], bool], joiner: regex.Pattern[str]
) -> list[str]:
    """Cut "Ukraine and United Kingdom of Great Britain and Northern Ireland" at the right "and".

    Reads left to right and takes the longest run of pieces (at most three) that names a
    State, so "Antigua and Barbuda and Bahamas" gives two names; pieces that name nothing
    stay one name each. The work is linear in the number of pieces.
    """
    parts = joiner.split(item)
    if len(parts) == 1 or is_state(item):
        return [item]
    joiners = [m.group() for m in joiner.finditer(item)]
    names: list[str] = []
    i = 0
    while i < len(parts):
        for width in (3, 2, 1):
            if i + width > len(parts):
                continue
            candidate = parts[i]
            for k in range(i + 1, i + width):
                candidate += joiners[k - 1] + parts[k]
            if width == 1 or is_state(candidate):
                names.append(" ".join(candidate.split()))
                i += width
                break
    return names
