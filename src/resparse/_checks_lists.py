"""Self-checks on a paragraph's list: a list announced and missing, or items read wrong.

A paragraph that ends with a colon announces a list; its items are labelled lines, each
one line of its own in a text whose line breaks are part breaks. A colon with no item
after it, an item that is a title with its text on the next line, or a last "item" that
is a short unpunctuated title all mean the list was cut in the wrong place.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import regex

from resparse import _checks_lines, _line_shape
from resparse.model import Diagnostic

if TYPE_CHECKING:
    from collections.abc import Iterator

    from resparse.model import Resolution, SubParagraph

# a line's label and the space after it: "(c)\t", "ii. "
_LABEL = regex.compile(r"\s*(?:\(\w{1,6}\)|\w{1,6}[.)])\s*")
# how long a last item may be and still read as a title
_TITLE_LENGTH = 150


def _items(result: Resolution) -> Iterator[SubParagraph]:
    for paragraph in result.operative:
        for top in paragraph.subparagraphs:
            yield from top.walk()


def _opens_a_title(before: str) -> bool:
    """Whether a line reads as a list's or an item's title, or as a whole short item.

    It ends with a colon, a word, or a closing parenthesis, as a name and its country do
    ("Ms. Inés Mónica Weinberg de Roca (Argentina)"): never with a clause's punctuation.
    """
    return before.endswith((":", "\uff1a", ")", "\uff09")) or before[-1:].isalnum()


def item_with_more_lines(result: Resolution) -> Iterator[Diagnostic]:
    """A sub-paragraph that holds a capitalised line after a title line or a colon.

    In a text whose line breaks are part breaks, "(c) 2020/2021 elections" then "To
    assist the authorities ..." is an item's title with its text (or an unlabelled item)
    under it, and "(b) ... the following themes:" then "Panel 1: ..." an item with a list
    of its own that carries no labels: either way the item holds parts the parse did not
    cut (a lowercase line is ``subparagraph.continuation``; a table's row, with a tab
    inside, is left alone).
    """
    if not _checks_lines.one_line_per_part(result):
        return
    wrap = _checks_lines.reading_wrap(result)
    for sub in _items(result):
        inner = [child.span for child in sub.subparagraphs]
        before = ""
        for start, line in _checks_lines.own_lines(result.source, sub.span, inner, wrap):
            text = line.strip()
            title = _LABEL.sub("", before, count=1).strip("*_")
            if (
                title
                and not _checks_lines.BARE_LABEL.fullmatch(before)
                and not _checks_lines.LABELLED.match(text)
                and not text[0].islower()
                and "\t" not in text + title
                and _opens_a_title(title)
            ):
                message = (
                    f"sub-paragraph ({sub.label}) goes on, after a title or a colon, with a "
                    "line of its own: it may hold its text under a title or items with no label"
                )
                yield _checks_lines.line_warning("subparagraph.more_lines", message, start, line)
                break
            before = text


def colon_without_list(result: Resolution) -> Iterator[Diagnostic]:
    """A numbered paragraph that ends with a colon and has no sub-paragraph.

    "Decides to extend the term of office of the following judges:" announces a list;
    with no item after it, the list was read as something else (a heading, furniture,
    the next paragraph's text). A colon right before the next paragraph is a misprint
    of its semicolon, and is left alone.
    """
    starts: list[int] = []
    for paragraph in result.operative:
        if (
            paragraph.number is None
            or paragraph.subparagraphs
            or not paragraph.text.rstrip().endswith(":")
        ):
            continue
        segments = _checks_lines.segments_of(result)
        starts = starts or [segment.span.start for segment in segments]
        index = bisect.bisect_left(starts, paragraph.span.end)
        if index < len(segments) and segments[index].kind != "operative":
            message = (
                f"operative paragraph {paragraph.number} ends with a colon and has no "
                "sub-paragraph: the list it announces was read as something else"
            )
            yield Diagnostic("operative.list_missing", message, "warning", paragraph.span)


def title_as_last_item(result: Resolution) -> Iterator[Diagnostic]:
    """The last sub-paragraph of a paragraph is one short line that ends on a word.

    An item ends with its punctuation, or with "; and" before the next; a last "item"
    such as "(i) Exemptions, advance approvals and notifications" is the title of what
    follows, numbered like an item and read as one.
    """
    list_end = _checks_lines.list_end_re(result.language)
    for paragraph in result.operative:
        if not paragraph.subparagraphs:
            continue
        last = paragraph.subparagraphs[-1]
        while last.subparagraphs:
            last = last.subparagraphs[-1]
        text = last.text.rstrip()
        if (
            "\n" not in result.raw(last.span).strip()
            and len(text) < _TITLE_LENGTH
            and text[-1:].isalpha()
            and not list_end.search(text)
        ):
            message = (
                f"the last sub-paragraph ({last.label}) of operative paragraph "
                f"{paragraph.number} is a short line that ends on a word: it may be a title "
                "read as an item"
            )
            yield Diagnostic("subparagraph.reads_as_title", message, "warning", last.span)


# a line that opens with an item's label, "(a)", "(1)", "ii)", or with a bare number and
# a tab, as a paragraph's number does when its full stop is lost ("18\tDecides ...")
_LABEL_OPENING = regex.compile(r"\s*(?:\(\w{1,4}\)\s|[^\W\d]{1,4}\)\s|(?P<number>\d{1,3})\t)")


def _opens_with_label(line: str, number: int | None) -> bool:
    """Whether a line opens with a letter label, or with the number after ``number``.

    A bare "1)" is left alone: the segmenter reads "1)" after a colon as an item, and the
    markup itself keeps such numbered points in their paragraph's text as often as it
    cuts them (S/RES/2550 (2020) cuts them, S/RES/2609 (2021) does not).
    """
    match = _LABEL_OPENING.match(line)
    if match is None:
        return False
    bare = match.group("number")
    return bare is None or (number is not None and int(bare) == number + 1)


def _after_blank(source: str, start: int) -> bool:
    """Whether the line at ``start`` has a blank line above it."""
    before = source[max(0, start - 200) : start].rstrip(" \t")
    return before.endswith(("\n\n", "\r\n\r\n", "\r\r"))


def label_in_paragraph(result: Resolution) -> Iterator[Diagnostic]:
    """A line of a paragraph's own text, after its first, that opens with a label.

    In a text whose line breaks are part breaks, or on a line set apart by a blank, "(d)
    To ..." in a paragraph's own text is an item the segmenter did not cut (the items of
    "Decides:" whose "(a)" the copy lost stay text), and "18" and a tab, then "Consigna
    ...", inside paragraph 17 the next paragraph, its number's full stop lost, merged
    into this one.
    """
    source = result.source
    each_line_a_part = _checks_lines.one_line_per_part(result)
    wrap = _checks_lines.reading_wrap(result) if each_line_a_part else None
    for paragraph in result.operative:
        if _checks_lines.one_line(source, paragraph.span, wrap):
            continue
        inner = [sub.span for top in paragraph.subparagraphs for sub in top.walk()]
        for start, line in _checks_lines.own_lines(source, paragraph.span, inner, wrap)[1:]:
            if not (each_line_a_part or _after_blank(source, start)):
                continue  # elsewhere only a line set apart by a blank is a part's start
            if _opens_with_label(line, paragraph.number) and not _line_shape.table_row(line):
                message = (
                    f"a line of operative paragraph {paragraph.number} opens with a label or "
                    "the next number: an item or the next paragraph may have been read as "
                    "its text"
                )
                yield _checks_lines.line_warning("operative.label_in_text", message, start, line)
                break
