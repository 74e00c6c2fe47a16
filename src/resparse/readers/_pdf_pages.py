"""The PDF reader's pages: each page's text objects read from pdfium as runs.

The document is opened once, each page's characters are fetched in one call, and each text
object is asked about at its ends only (see ``_runs`` and ``_stretches``).
"""

from __future__ import annotations

import bisect
import ctypes
import functools
import itertools
from typing import TYPE_CHECKING

import regex

from resparse._deadline import checked
from resparse.errors import InputError
from resparse.model import Diagnostic
from resparse.readers._pdf_layout import _lines, _Page, _Run
from resparse.readers._pdf_pdfium import _Api, _api, _Fonts, _Probe

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

_TINY = 1.0  # points: text printed less high than this cannot be read, and is left out

# Characters that would end a line or a page inside a run become spaces; pdfium reports a
# hyphen it judged to end a line as U+FFFE (U+0002 per character): it is printed as "-".
_RUN_CHARS = {
    **dict.fromkeys(map(ord, "\r\n\f\v\x1c\x1d\x1e\x85\u2028\u2029"), " "),
    0xFFFE: "-",
    0x0002: "-",
    0x0000: "\ufffd",
}
# Where a text object's stretch of characters most often ends (see _stretches).
_BREAK_RE = regex.compile(r"[\r\n]")  # a line break, made up by pdfium between objects

# pdfium's FPDF_GetLastError codes.
_LOAD_ERRORS = {
    2: "the file could not be opened",
    3: "it is damaged or not a PDF (pdfium could not parse it)",
    4: "it is encrypted and needs a password",
    5: "it uses an unsupported security (encryption) handler",
}


def _extract(
    data: bytes, path: str | None, max_pages: int | None
) -> tuple[list[_Page], list[Diagnostic]]:
    """Open the document and read its pages into lines of runs."""
    api = _api()
    document = api.load(data, len(data), None)
    if not document:
        code = api.last_error()
        reason = _LOAD_ERRORS.get(code, f"pdfium could not open it (error {code})")
        msg = f"cannot read the PDF: {reason}"
        raise InputError(msg, path=path)
    diagnostics: list[Diagnostic] = []
    try:
        total = api.page_count(document)
        if total < 1:
            msg = "cannot read the PDF: it has no pages"
            raise InputError(msg, path=path)
        if api.security(document) != -1:
            message = "the PDF is encrypted but opens without a password"
            diagnostics.append(Diagnostic("pdf.encrypted", message, "info"))
        count = total if max_pages is None else min(total, max_pages)
        if count < total:
            message = f"read the first {count} of {total} pages (max_pages={max_pages})"
            diagnostics.append(Diagnostic("pdf.max_pages", message, "info"))
        fonts = _Fonts(api)
        pages = [
            _read_page(api, document, number, path, diagnostics, fonts=fonts)
            for number in checked(range(count), "the pages of a PDF", 8)
        ]
    finally:
        api.close_document(document)
    return pages, diagnostics


def _read_page(  # noqa: PLR0913 - the document, the page and what is learnt along the way
    api: _Api,
    document: int,
    number: int,
    path: str | None,
    diagnostics: list[Diagnostic],
    *,
    fonts: _Fonts,
) -> _Page:
    page = api.load_page(document, number)
    if not page:
        msg = f"cannot read the PDF: page {number + 1} is damaged"
        raise InputError(msg, path=path)
    try:
        textpage = api.load_text(page)
        if not textpage:
            msg = f"cannot read the PDF: the text of page {number + 1} is damaged"
            raise InputError(msg, path=path)
        try:
            runs = _runs(api, textpage, fonts)
        finally:
            api.close_text(textpage)
    finally:
        api.close_page(page)
    tiny = sum(len(run.text.strip()) for run in runs if run.height < _TINY and run.visible)
    if tiny:
        runs = [run for run in runs if not (run.height < _TINY and run.visible)]
        message = (
            f"page {number + 1}: {tiny} character(s) printed under {_TINY:g} pt high, too small"
            " to read, are left out of the text"
        )
        diagnostics.append(Diagnostic("pdf.tiny_text", message, "info"))
    if not any(run.visible for run in runs):
        message = f"page {number + 1} has no text layer (a scanned image?); it is left empty"
        diagnostics.append(Diagnostic("pdf.no_text", message, "warning"))
        return _Page([])
    return _Page(_lines(runs))


def _page_chars(api: _Api, textpage: int, count: int) -> str:
    """All characters of the page in one call, one ``str`` character per pdfium character."""
    buffer = (ctypes.c_uint16 * (2 * count + 1))()
    written = api.get_text(textpage, 0, count, ctypes.addressof(buffer))
    text = ctypes.string_at(buffer, max(0, written - 1) * 2).decode("utf-16-le", "replace")
    if len(text) == count:
        return text
    # pdfium's text differs from its character list (astral characters): ask per character.
    codes = (api.unicode(textpage, index) for index in range(count))
    return "".join(chr(code) if code < 0x110000 else "\ufffd" for code in codes)


def _runs(api: _Api, textpage: int, fonts: _Fonts) -> list[_Run]:
    """The page's text objects as runs, each asked about once: where it starts and ends.

    A run's characters are found by :func:`_stretches`; its position and size are asked at
    its first character, its right edge at its last, and its font's italics and glyph
    widths are remembered for the document: about ten calls per run of any length.
    """
    count = api.count_chars(textpage)
    if count <= 0:
        return []
    chars = _page_chars(api, textpage, count)
    font_size, object_font = api.font_size, api.object_font
    probe = _Probe(api, textpage, fonts)
    italics = fonts.italics
    runs: list[_Run] = []
    for start, end, handle in _stretches(functools.partial(api.text_object, textpage), chars):
        text = chars[start:end].translate(_RUN_CHARS)
        x0, base = probe.origin(start)
        size = font_size(textpage, start)
        font = object_font(handle) or 0
        x1 = probe.right_edge(end - 1, text[-1], font, size, x0 if end - 1 == start else None)
        italic = italics.get(font)
        if italic is None:
            italic = fonts.italic(font)
        run = _Run(text, x0, x1, base, size if size > 0 else probe.height, italic=italic)
        run.height = probe.height
        runs.append(run)
    return runs


def _stretches(ask: Callable[[int], int | None], chars: str) -> Iterator[tuple[int, int, int]]:
    """``(start, end, handle)`` of each text object's stretch of the page's characters.

    ``ask(index)`` is pdfium's text object of a character (None for one it made up: the
    line breaks and spaces it puts between objects). A text object's characters come in one
    contiguous stretch, and most stretches end at a line break or just after a space, so
    those places are tried first: the line break after the start, then a doubling probe
    over the places after a space, then a binary search between the last two places tried.
    A stretch costs about four questions to pdfium instead of one per character.
    """
    count = len(chars)
    breaks = [match.start() for match in _BREAK_RE.finditer(chars)]
    breaks.append(count)
    # the places just after each space, summed from the lengths between spaces in C
    edges = list(itertools.accumulate(map((1).__add__, map(len, chars.split(" ")[:-1]))))
    edges.append(count)
    following = 0
    start, handle = 0, ask(0) or 0
    while start < count:
        if not handle:  # a character pdfium made up
            start += 1
            handle = (ask(start) or 0) if start < count else 0
            continue
        while breaks[following] <= start:
            following += 1
        end = breaks[following]
        after = (ask(end) or 0) if end < count else 0
        if after == handle or (end - 1 > start and ask(end - 1) != handle):
            end, after = _stretch_end(ask, handle, start, edges)
        yield start, end, handle
        start, handle = end, after


def _stretch_end(
    ask: Callable[[int], int | None], handle: int, start: int, edges: list[int]
) -> tuple[int, int]:
    """The first character after ``start`` outside the object ``handle``, and its object.

    Gallops over ``edges`` (sorted places, the last one the page's end, outside every
    object) to the first place outside the object, then bisects the characters between it
    and the place before.
    """
    first = bisect.bisect_right(edges, start)
    low, high, step = first - 1, len(edges) - 1, 1  # low: in the object; high: outside
    beyond = 0  # the object at edges[high]
    while low + step < high:
        found = ask(edges[low + step]) or 0
        if found != handle:
            high, beyond = low + step, found
            break
        low += step
        step <<= 1
    while high - low > 1:
        middle = (low + high) >> 1
        found = ask(edges[middle]) or 0
        if found == handle:
            low = middle
        else:
            high, beyond = middle, found
    inside, outside = (edges[low] if low >= first else start), edges[high]
    while outside - inside > 1:
        middle = (inside + outside) >> 1
        found = ask(middle) or 0
        if found == handle:
            inside = middle
        else:
            outside, beyond = middle, found
    return outside, beyond
