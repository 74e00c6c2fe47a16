"""Page furniture: page numbers, job numbers, barcodes, "Please recycle", running headers.

Furniture is decided line by line, in reading order, before anything else: whether a
line repeats the running title depends on whether furniture stood just before it (a
wrapped title's short last line, a job date after a job number), so the stage is a fold
over the lines that carries the index of the last furniture line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs
import regex

from resparse._deadline import checked
from resparse._patterns import BARCODE_RE, JOB_NUMBER_RE, page_number_re

if TYPE_CHECKING:
    from collections.abc import Sequence

    from resparse._language import Profile
    from resparse._scan import Line

_JOB_DATE_RE = regex.compile(r"\d{6}\s*$")
_DIGIT_RE = regex.compile(r"\d")
_SPACE_RE = regex.compile(r"\s+")
_COLUMN_GAP_RE = regex.compile(r"\s{3,}")
_NONE_BEFORE = -10  # the index of "the last furniture line" before any was seen
_MAX_FURNITURE = 200
_CUT_RE = regex.compile(r"(?:\.{3}|…)$")  # the end of a running title cut short
_MIN_CUT = 12  # characters (spaces out) a cut title keeps, so that a few words are no match


# the characters ``str.split`` cuts at that ``\s`` does not match (the information separators)
# (a class of the standard library's ``re``: its search is quicker than a set's test)
_SPLIT_ONLY_RE = re.compile("[\x1c\x1d\x1e\x1f]")


def _key(text: str) -> str:
    """The text without its white space, casefolded.

    ``str.split`` drops the same white space as ``_SPACE_RE`` but for the information
    separators, which only the pattern keeps.
    """
    if _SPLIT_ONLY_RE.search(text) is None:
        return "".join(text.split()).casefold()
    return _SPACE_RE.sub("", text).casefold()


@attrs.frozen
class RunningTitle:
    """The document's symbol and title as a running header repeats them, spaces out."""

    symbol_key: str = ""
    title_key: str = ""

    @classmethod
    def of(cls, symbol: str | None, title: str | None) -> RunningTitle:
        """The running title of a document with this header symbol and title."""
        return cls(_key(symbol or ""), _key(title or ""))

    def repeats(self, text: str, line: Line, last_furniture: int) -> bool:
        """Whether ``text`` (a line, or a piece of one) is the symbol or title at a page top.

        Layout-preserving extractors put both on one line ("<title part>   A/RES/78/82"),
        and a long title wraps over several lines; each piece counts.
        """
        key = _key(text)
        if not key:
            return False
        symbol, title = self.symbol_key, self.title_key
        if title and _CUT_RE.search(key.removesuffix(symbol) if symbol else key):
            return _cut_title(key, symbol, title)
        if symbol and key == symbol:
            return True
        near_break = line.page_break_before or line.index - last_furniture <= 2
        rest = key
        if symbol and (key.startswith(symbol) or key.endswith(symbol)):
            rest = key[len(symbol) :] if key.startswith(symbol) else key[: -len(symbol)]
            if not rest or rest == title:  # the symbol beside the whole title, however short
                return True
            if title and rest in title and (near_break or len(rest) >= 12):
                return True
        if not near_break or not title:
            return False
        if rest == title or (len(rest) >= 12 and rest in title):
            return True
        # the short last line of a wrapped running title ("of Korea")
        return line.index - 1 == last_furniture and title.endswith(rest)

    def heads_page_after_notes(self, text: str) -> bool:
        """Whether a line right after a page's notes is the next page's running title.

        A copy that dropped the page breaks keeps the title at the top of the page after
        the notes: the whole title, its first line (12 characters at least, where a long
        title wraps) or its opening cut with "...".
        """
        title = self.title_key
        key = _key(text)
        if not title or (len(key) < _MIN_CUT and key != title):
            return False
        if _CUT_RE.search(key):
            return _cut_title(key, self.symbol_key, title)
        return title.startswith(key)

    def wrapped_over(self, lines: Sequence[Line], i: int) -> int:
        """How many lines from ``lines[i]`` make up the whole running title, else 0.

        A long title wraps over two or three lines at a page's top or foot; away from
        any other furniture its first line alone reads as text ("Strengthening the
        links ..." as a clause), so the title is only taken when its lines spell all of
        it, with or without the symbol.
        """
        title, symbol = self.title_key, self.symbol_key
        text = lines[i].text
        if not title or not title.startswith(text[:1].casefold()):
            return 0  # the cheap test first: most lines open otherwise than the title
        key = _key(text)
        if len(key) < _MIN_CUT or not title or not (title + symbol).startswith(key):
            return 0
        joined = key
        for n, line in enumerate(lines[i + 1 : i + _MAX_TITLE_LINES], start=2):
            joined += _key(line.text)
            if joined in (title, title + symbol):
                return n
            if not (title + symbol).startswith(joined):
                return 0
        return 0


_MAX_TITLE_LINES = 3


def _cut_title(key: str, symbol: str, title: str) -> bool:
    """A long running title cut short with "..." repeats the title's opening words."""
    if symbol:
        key = key.removeprefix(symbol).removesuffix(symbol)
    head = _CUT_RE.sub("", key)
    return len(head) >= _MIN_CUT and title.startswith(head)


def furniture_kinds(
    lines: Sequence[Line], title: RunningTitle, local: Profile
) -> tuple[str | None, ...]:
    """The furniture kind of each line (``None`` for text), deciding them in reading order."""
    last = _NONE_BEFORE
    kinds: list[str | None] = []
    wrapped = 0  # lines still to come of a running title found whole over several lines
    for i, line in enumerate(checked(lines, "finding the page furniture")):
        kind = furniture_of(line, title, local, last)
        if kind is None and wrapped:
            kind = "running_header"
        elif kind is None:
            wrapped = title.wrapped_over(lines, i)
            kind = "running_header" if wrapped else None
        if kind == "running_header" and _names_an_annex(lines, i, local):
            kind, wrapped = None, 0  # the annex's own title, as often the resolution's
        if wrapped:
            wrapped -= 1
        if kind is not None:
            last = line.index
        kinds.append(kind)
    return tuple(kinds)


def _names_an_annex(lines: Sequence[Line], i: int, local: Profile) -> bool:
    """Whether the line at ``i`` follows an annex's heading with no page break between.

    A declaration annexed to the resolution that adopts it carries the same title
    ("Anexo" / "Declaración política de la reunión de alto nivel ..."): under the heading
    it is the annex's title, not a page's running header.
    """
    line = lines[i]
    if i == 0 or line.page_break_before:
        return False
    return local.annex_re.match(lines[i - 1].text.strip()) is not None


def furniture_of(
    line: Line, title: RunningTitle, local: Profile, last_furniture: int = _NONE_BEFORE
) -> str | None:
    """The kind of page furniture a line is (page number, job number, ...), if any."""
    text = line.text
    if len(text) > _MAX_FURNITURE:
        return None
    kind = _piece(text, line, title, local, last_furniture)
    if kind is not None:
        return kind
    pieces = _COLUMN_GAP_RE.split(text)
    if len(pieces) > 1:
        # layout-preserving extractors print a footer on one line: "6/18      23-23999"
        kinds = [_piece(piece, line, title, local, last_furniture) for piece in pieces]
        if all(kinds):
            return kinds[0]
        return None
    fields = _FOOTER_FIELDS_RE.split(text, maxsplit=1) if "/" in text and "-" in text else ()
    if len(fields) == 2:
        # pdfium and pypdf join a footer's two fields with one space: "2/7 23-24925"
        kinds = [_piece(field, line, title, local, last_furniture) for field in fields]
        if sorted(map(str, kinds)) == ["job_number", "page_number"]:
            return kinds[0]
    return None


# the space between a page number and a job number ("2/7 23-24925", "23-24925 3/7")
_FOOTER_FIELDS_RE = regex.compile(
    r"(?<=\d/\s?\d{1,3})\s+(?=[A-Z]?\d{2}-\d{5})|(?<=\d{2}-\d{5}(?:\s?\([A-Z]\))?)\s+(?=\d)"
)


def _piece(
    text: str, line: Line, title: RunningTitle, local: Profile, last_furniture: int
) -> str | None:
    if _DIGIT_RE.search(text) is not None:  # a page, job or barcode number has digits
        if page_number_re(local.page_words).match(text):
            return "page_number"
        if BARCODE_RE.match(text):
            return "barcode"
        if JOB_NUMBER_RE.match(text):
            return "job_number"
        if _JOB_DATE_RE.match(text) and line.index - last_furniture <= 3:
            return "job_number"
    if local.recycle_re.match(text):
        return "recycle"
    if title.repeats(text, line, last_furniture):
        return "running_header"
    return None
