"""Read a PDF with pdfium: the text in reading order, with italic, raised and small-type spans.

pdfium (through pypdfium2) lists the characters of a page in content order, grouped into
text objects. The characters of one text object share a font, a size and a baseline, so this
reader works per object (a "run") and never asks pdfium about every character: calls from
Python per character are what make PDF readers slow. Runs are grouped into printed lines by
their baseline, raised footnote markers join the line they sit on, lines are ordered from
the top of the page down and cut where a gap is as wide as a column's, and a blank line
marks each paragraph break, seen as extra space above a line, a change of type size, a
first-line indent, or a footnote marker opening a line of small type. Between two runs of a
line a space is written only where the gap is wider than a sixth of an em: justified lines
are often cut inside words ("Articl" + "e 13") with smaller gaps than that.
"""

from __future__ import annotations

import bisect
import ctypes
import functools
import itertools
import os
import threading
import zlib
from collections import Counter
from typing import TYPE_CHECKING, Any

import regex

from resparse._deadline import checked
from resparse.errors import InputError, UnsafeInputError
from resparse.model import Diagnostic, Span
from resparse.readers.base import Document

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

__all__ = ["MAX_EXPANDED", "read_pdf"]

MAX_EXPANDED = 256 * 1024 * 1024
"""The most bytes a PDF's compressed streams may inflate to, together (256 MiB)."""

# Layout thresholds, in multiples of the font size involved.
_SAME_LINE = 0.3  # baselines closer than this belong to one printed line
_RAISED_SIZE = 0.85  # raised text at most this large relative to its line is a superscript
_RAISED_BY = 0.15  # ... when its baseline sits at least this far above the line's
_RAISED_REACH = 0.65  # a raised cluster joins the line below it within this distance
_LOWERED_REACH = 0.4  # a lowered small cluster joins the line above it within this distance
_NEAR = 2.0  # horizontal reach of a raised or lowered cluster towards its line
_WORD_GAP = 0.17  # a gap between runs wider than this is a space (a space is ~0.25)
_COLUMN_GAP = 3.0  # a gap wider than this splits a printed line into separate output lines
_PARAGRAPH_GAP = 1.45  # baseline distance above which a line starts a new paragraph
_SIZE_STEP = 0.1  # lines whose type sizes differ by more than this belong to separate blocks
_INDENT = 0.8  # a first line indented this much past the margin starts a new paragraph
_MARGIN_SLACK = 0.5  # how close to the left margin a line must start to count as at it
_RIGHT_SLACK = 1.5  # how close to the right margin a justified line ends
_SMALL = 0.9  # type smaller than this relative to the body text is small
_TINY = 1.0  # points: text printed less high than this cannot be read, and is left out

_MARKER_START = frozenset("0123456789*†‡§¶#")
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
_ITALIC_FLAG = 1 << 6  # PDF font descriptor flag "Italic"
_HEAD_WINDOW = 1024  # "%PDF-" must appear this early
_TAIL_WINDOW = 2048  # "%%EOF" must appear this close to the end
_FONT_NAME_BYTES = 256
_EDGE_SLACK = 0.01  # points: rounding between pdfium's advance and its loose box

# pdfium's FPDF_GetLastError codes.
_LOAD_ERRORS = {
    2: "the file could not be opened",
    3: "it is damaged or not a PDF (pdfium could not parse it)",
    4: "it is encrypted and needs a password",
    5: "it uses an unsupported security (encryption) handler",
}

_PYPDFIUM2 = ">=5.0"
_LOCK = threading.Lock()  # pdfium is not thread-safe: one document at a time


def read_pdf(
    source: str | os.PathLike[str] | bytes,
    *,
    max_pages: int | None = None,
    max_expanded: int = MAX_EXPANDED,
) -> Document:
    """Read a PDF (a path or its bytes) into a Document with italic, raised and small spans.

    Raises :class:`~resparse.errors.InputError` for input that is not a PDF, is truncated or
    damaged, or is encrypted with a password, and :class:`~resparse.errors.UnsafeInputError`
    for one whose compressed streams would inflate past ``max_expanded`` bytes (a
    compression bomb). ``max_pages`` reads only the first pages.
    """
    if max_pages is not None and max_pages < 1:
        msg = f"max_pages must be at least 1, got {max_pages}"
        raise ValueError(msg)
    if max_expanded < 1:
        msg = f"max_expanded must be at least 1, got {max_expanded}"
        raise ValueError(msg)
    data, path = _load_bytes(source)
    _check_envelope(data, path)
    _check_expansion(data, path, max_expanded)
    with _LOCK:
        pages, diagnostics = _extract(data, path, max_pages)
    return _compose(pages, diagnostics, path)


# --- input -------------------------------------------------------------------------------


def _load_bytes(source: str | os.PathLike[str] | bytes) -> tuple[bytes, str | None]:
    """The PDF bytes and, when read from a file, its path as a string."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), None
    if not isinstance(source, (str, os.PathLike)):
        msg = f"read_pdf() takes a path or bytes, not {type(source).__name__}"
        raise TypeError(msg)
    path = os.fsdecode(source)
    try:
        with open(path, "rb") as file:  # noqa: PTH123 - a plain read of a user path
            return file.read(), path
    except OSError as error:
        msg = f"cannot read the file: {error.strerror or error}"
        raise InputError(msg, path=path) from error


def _check_envelope(data: bytes, path: str | None) -> None:
    """Refuse what is plainly not a whole PDF before pdfium tries to repair it.

    pdfium rebuilds a damaged cross-reference table by scanning the file, so a truncated file
    often opens and silently loses its last pages; the missing ``%%EOF`` gives it away.
    """
    if b"%PDF-" not in data[:_HEAD_WINDOW]:
        msg = "not a PDF file (no %PDF- header)"
        raise InputError(msg, path=path)
    if b"%%EOF" not in data[-_TAIL_WINDOW:]:
        msg = "the PDF is truncated (no %%EOF marker at its end)"
        raise InputError(msg, path=path)


# --- limits ------------------------------------------------------------------------------

# How far one filter can multiply a stream's size, at most: deflate's ceiling is 1032 to 1;
# an LZW code of 9 bits or more stands for at most 4,096 bytes; a run-length pair for 128.
# Other filters shrink (the ASCII ones) or are images, which reading text never decodes.
_GROWTH = {
    b"FlateDecode": 1032,
    b"Fl": 1032,
    b"LZWDecode": 3641,
    b"LZW": 3641,
    b"RunLengthDecode": 128,
    b"RL": 128,
}
_INFLATE = frozenset((b"FlateDecode", b"Fl"))
_CHUNK = 1 << 20  # bytes inflated at a time while measuring
_DICTIONARY_REACH = 4096  # how far before "stream" its dictionary is looked for
_STREAM_RE = regex.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")  # a stream's data starts after
_OBJECT_RE = regex.compile(rb"\bobj\b")
_FILTER_RE = regex.compile(
    rb"""
    /Filter \s*
    (?: \[ (?P<many> [^\]]* ) \]   # an array of filter names
      | (?P<one> /[^\s/\[\]<>()]+ )  # or one name
    )
    """,
    regex.VERBOSE,
)
_NAME_RE = regex.compile(rb"/([^\s/\[\]<>()]+)")


def _check_expansion(data: bytes, path: str | None, limit: int) -> None:
    """Refuse a PDF whose streams would inflate past ``limit`` bytes, before pdfium does.

    pdfium inflates a page's streams whole, so a small file can ask for gigabytes. Each
    stream's growth is bounded by its filters (:data:`_GROWTH`); only when the bounds add
    up past the limit are the deflated streams inflated here, a chunk at a time and never
    further than the limit, to measure what they really hold. An ordinary file is never
    inflated by this check.
    """
    streams = list(_streams(data))
    if sum(len(body) * _bound(filters) for body, filters in streams) <= limit:
        return
    total = 0
    for body, filters in streams:
        total += _measure(body, filters, limit - total)
        if total > limit:
            msg = (
                f"refused a PDF whose streams inflate past {limit:,} bytes "
                "(a compression bomb?); see max_expanded"
            )
            raise UnsafeInputError(msg, path=path)


def _streams(data: bytes) -> Iterator[tuple[memoryview, list[bytes]]]:
    """Each stream's raw data and the names of its filters, in the order they apply."""
    view = memoryview(data)
    for match in _STREAM_RE.finditer(data):
        start = match.end()
        end = data.find(b"endstream", start)
        if end < 0:
            end = len(data)
        head = data[max(0, match.start() - _DICTIONARY_REACH) : match.start()]
        objects = list(_OBJECT_RE.finditer(head))
        if objects:
            head = head[objects[-1].end() :]
        found = _FILTER_RE.search(head)
        names: list[bytes] = []
        if found:
            names = _NAME_RE.findall(found["many"] if found["many"] is not None else found["one"])
        yield view[start:end], names


def _bound(filters: list[bytes]) -> int:
    """The most a stream with these filters can grow."""
    growth = 1
    for name in filters:
        growth *= _GROWTH.get(name, 1)
    return growth


def _measure(body: memoryview, filters: list[bytes], budget: int) -> int:
    """Bytes the stream holds once decoded, counted up to a little past ``budget``.

    Leading deflate filters are inflated a chunk at a time, so memory stays small; the
    growth of the filters after them is taken at its bound. A stream that stops inflating
    (damaged, or encrypted) counts what it gave until then.
    """
    inflating = 0
    while inflating < len(filters) and filters[inflating] in _INFLATE:
        inflating += 1
    rest = _bound(filters[inflating:])
    if not inflating:
        return len(body) * rest
    chunks: Iterator[bytes] = iter((bytes(body),))
    for _ in range(inflating):
        chunks = _inflated(chunks)
    size = 0
    try:
        for chunk in chunks:
            size += len(chunk) * rest
            if size > budget:
                break
    except zlib.error:
        pass  # what inflated before the damage is counted
    return size


def _inflated(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """Inflate a stream given in chunks, yielding at most :data:`_CHUNK` bytes at a time."""
    stage = zlib.decompressobj()
    for piece in chunks:
        rest = piece
        while rest and not stage.eof:
            out = stage.decompress(rest, _CHUNK)
            rest = stage.unconsumed_tail
            if out:
                yield out
        if stage.eof:
            return
    tail = stage.flush()
    if tail:
        yield tail


# --- pdfium ------------------------------------------------------------------------------


class _Rect(ctypes.Structure):
    """pdfium's FS_RECTF."""

    _fields_ = (
        ("left", ctypes.c_float),
        ("top", ctypes.c_float),
        ("right", ctypes.c_float),
        ("bottom", ctypes.c_float),
    )


class _Matrix(ctypes.Structure):
    """pdfium's FS_MATRIX."""

    _fields_ = tuple((name, ctypes.c_float) for name in "abcdef")


class _Api:
    """The pdfium functions this reader calls, bound with plain C types.

    Handles travel as Python ints: pypdfium2's own bindings build a pointer object for
    every returned handle, which costs more than the call itself on hot paths.
    """

    def __init__(self) -> None:
        try:
            from pypdfium2 import raw  # type: ignore[import-untyped]  # noqa: PLC0415 - keeps `import resparse` light
        except ImportError as error:
            msg = f"reading PDFs needs pypdfium2 {_PYPDFIUM2}: pip install 'pypdfium2{_PYPDFIUM2}'"
            raise ImportError(msg) from error

        def bind(name: str, restype: Any, *argtypes: Any) -> Callable[..., Any]:  # noqa: ANN401 - ctypes types
            function = getattr(raw, name, None)
            address = None if function is None else ctypes.cast(function, ctypes.c_void_p).value
            if address is None:
                msg = f"this pdfium lacks {name}: reading PDFs needs pypdfium2 {_PYPDFIUM2}"
                raise ImportError(msg)
            prototype: Callable[..., Any] = ctypes.CFUNCTYPE(restype, *argtypes)(address)
            return prototype

        vp, i, u, d = ctypes.c_void_p, ctypes.c_int, ctypes.c_ulong, ctypes.c_double
        self.load = bind("FPDF_LoadMemDocument64", vp, ctypes.c_char_p, ctypes.c_size_t, vp)
        self.last_error = bind("FPDF_GetLastError", u)
        self.close_document = bind("FPDF_CloseDocument", None, vp)
        self.page_count = bind("FPDF_GetPageCount", i, vp)
        self.security = bind("FPDF_GetSecurityHandlerRevision", i, vp)
        self.load_page = bind("FPDF_LoadPage", vp, vp, i)
        self.close_page = bind("FPDF_ClosePage", None, vp)
        self.load_text = bind("FPDFText_LoadPage", vp, vp)
        self.close_text = bind("FPDFText_ClosePage", None, vp)
        self.count_chars = bind("FPDFText_CountChars", i, vp)
        self.get_text = bind("FPDFText_GetText", i, vp, i, i, vp)
        self.unicode = bind("FPDFText_GetUnicode", ctypes.c_uint, vp, i)
        self.text_object = bind("FPDFText_GetTextObject", vp, vp, i)
        self.loose_box = bind("FPDFText_GetLooseCharBox", i, vp, i, vp)
        self.origin = bind("FPDFText_GetCharOrigin", i, vp, i, vp, vp)
        self.font_size = bind("FPDFText_GetFontSize", d, vp, i)
        self.char_matrix = bind("FPDFText_GetMatrix", i, vp, i, vp)
        self.object_font = bind("FPDFTextObj_GetFont", vp, vp)
        self.glyph_width = bind(
            "FPDFFont_GetGlyphWidth", i, vp, ctypes.c_uint32, ctypes.c_float, vp
        )
        self.font_flags = bind("FPDFFont_GetFlags", i, vp)
        name = (
            "FPDFFont_GetBaseFontName"
            if hasattr(raw, "FPDFFont_GetBaseFontName")
            else "FPDFFont_GetFamilyName"
        )
        self.font_name = bind(name, ctypes.c_size_t, vp, vp, ctypes.c_size_t)


_API: _Api | None = None


def _api() -> _Api:
    global _API  # noqa: PLW0603 - bound once, on first use
    if _API is None:
        _API = _Api()
    return _API


class _Run:
    """Consecutive characters of one text object: one font, one size, one baseline."""

    __slots__ = ("base", "height", "italic", "raised", "size", "text", "visible", "x0", "x1")

    def __init__(  # noqa: PLR0913 - one argument per slot
        self, text: str, x0: float, x1: float, base: float, size: float, *, italic: bool
    ) -> None:
        self.text = text
        self.x0 = x0
        self.x1 = x1
        self.base = base
        self.size = size
        self.italic = italic
        self.raised = False
        self.visible = bool(text) and not text.isspace()  # asked often: set once
        self.height = size  # printed height on the page, where known (see _runs)


class _Line:
    """One output line: runs left to right, its baseline, type size and left edge."""

    __slots__ = ("base", "group", "runs", "size", "x0", "x1")

    def __init__(self, runs: list[_Run], group: int) -> None:
        self.runs = runs
        self.group = group  # lines cut from one printed line share a group
        reference = max(runs, key=lambda run: (run.visible, run.size, len(run.text)))
        self.base = reference.base
        self.size = reference.size
        for run in runs:
            run.raised = (
                run.size <= _RAISED_SIZE * reference.size
                and run.base - reference.base >= _RAISED_BY * reference.size
                and run.visible
            )
        body = [run for run in runs if run.visible and not run.raised] or runs
        self.x0 = body[0].x0
        self.x1 = max(run.x1 for run in body)

    def opens_with_marker(self) -> bool:
        """Whether the line starts with a raised footnote marker."""
        for run in self.runs:
            if run.visible:
                return run.raised and run.text.lstrip()[0] in _MARKER_START
        return False


class _Page:
    __slots__ = ("lines",)

    def __init__(self, lines: list[_Line]) -> None:
        self.lines = lines


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


class _Fonts:
    """What the reader learns about a document's fonts, asked of pdfium once per font.

    Font handles stay valid while their document is open, so one of these serves one
    document.
    """

    __slots__ = ("api", "italics", "width", "width_at", "widths")

    def __init__(self, api: _Api) -> None:
        self.api = api
        self.italics: dict[int, bool] = {}
        self.widths: dict[tuple[int, str, float], float] = {}
        self.width = ctypes.c_float()
        self.width_at = ctypes.addressof(self.width)

    def italic(self, font: int) -> bool:
        """Whether the font is italic, by :func:`_is_italic`, remembered."""
        italic = self.italics.get(font)
        if italic is None:
            italic = self.italics[font] = _is_italic(self.api, font)
        return italic

    def advance(self, font: int, char: str, size: float) -> float:
        """The glyph's advance width at ``size`` (0.0 where pdfium has none), remembered."""
        key = (font, char, size)
        width = self.widths.get(key)
        if width is None:
            found = self.api.glyph_width(font, ord(char), size, self.width_at)
            width = self.widths[key] = float(self.width.value) if found else 0.0
        return width


class _Probe:
    """Reusable ctypes buffers for the per-run geometry questions put to pdfium."""

    def __init__(self, api: _Api, textpage: int, fonts: _Fonts) -> None:
        self.api = api
        self.textpage = textpage
        self.fonts = fonts
        self.rect = _Rect()
        self.matrix = _Matrix()
        self.x, self.y = ctypes.c_double(), ctypes.c_double()
        self.rect_at = ctypes.addressof(self.rect)
        self.matrix_at = ctypes.addressof(self.matrix)
        self.x_at, self.y_at = ctypes.addressof(self.x), ctypes.addressof(self.y)
        self.height = 1.0

    def origin(self, index: int) -> tuple[float, float]:
        self.api.origin(self.textpage, index, self.x_at, self.y_at)
        return float(self.x.value), float(self.y.value)

    def right_edge(
        self, index: int, char: str, font: int, size: float, left: float | None
    ) -> float:
        """Where the pen stands after the character: its origin plus its advance width.

        pdfium's loose box is the union of the advance and the glyph's ink, so an italic
        "f" reaches two points past its advance and would eat the space after "of".
        ``left`` is the character's origin when the caller has it already.
        """
        api, textpage = self.api, self.textpage
        if left is None:
            left, _ = self.origin(index)
        api.loose_box(textpage, index, self.rect_at)
        right = float(self.rect.right)
        self.height = abs(float(self.rect.top) - float(self.rect.bottom)) or 1.0
        if font and size > 0:
            width = self.fonts.widths.get((font, char, size))
            if width is None:
                width = self.fonts.advance(font, char, size)
            if width > 0 and api.char_matrix(textpage, index, self.matrix_at) and self.matrix.d:
                end = left + width * abs(float(self.matrix.a) / float(self.matrix.d))
                if left <= end <= right + _EDGE_SLACK:
                    return end
        return right


def _is_italic(api: _Api, font: int) -> bool:
    """Italic by the font's name (``TimesNewRomanPS-ItalicMT``) or its descriptor flags."""
    if not font:
        return False
    name = ctypes.create_string_buffer(_FONT_NAME_BYTES)
    api.font_name(font, ctypes.addressof(name), _FONT_NAME_BYTES)
    lowered = name.value.decode("latin-1").casefold()
    return "italic" in lowered or "oblique" in lowered or bool(api.font_flags(font) & _ITALIC_FLAG)


# --- layout ------------------------------------------------------------------------------


def _lines(runs: list[_Run]) -> list[_Line]:
    """Group runs into printed lines, top to bottom, each cut at wide column gaps."""
    clusters: list[list[_Run]] = []
    anchors: list[tuple[float, float]] = []  # (baseline, largest size) of each cluster
    for run in sorted(runs, key=lambda run: -run.base):
        if clusters:
            base, size = anchors[-1]
            if base - run.base <= _SAME_LINE * min(run.size, size):
                clusters[-1].append(run)
                anchors[-1] = (base, max(size, run.size))
                continue
        clusters.append([run])
        anchors.append((run.base, run.size))
    lines: list[_Line] = []
    for group, cluster in enumerate(_attach_raised(clusters)):
        cluster.sort(key=lambda run: run.x0 + run.x1)
        lines.extend(_Line(part, group) for part in _split_columns(cluster))
    return lines


def _visible(cluster: list[_Run]) -> list[_Run]:
    return [run for run in cluster if run.visible]


def _reference(cluster: list[_Run]) -> _Run:
    visible = _visible(cluster) or cluster
    return max(visible, key=lambda run: (run.size, len(run.text)))


def _near(small: list[_Run], line: list[_Run], size: float) -> bool:
    left = min(run.x0 for run in line) - _NEAR * size
    right = max(run.x1 for run in line) + _NEAR * size
    return any(left <= run.x1 and run.x0 <= right for run in small)


def _attach_raised(clusters: list[list[_Run]]) -> list[list[_Run]]:
    """Put clusters of small raised (or lowered) type into the line they belong to.

    Each cluster's reference run is found once, and again only for a cluster that grows.
    """
    references = [_reference(cluster) for cluster in clusters]
    kept: list[list[_Run]] = []
    kept_references: list[_Run] = []
    last = len(clusters) - 1
    for index, cluster in enumerate(clusters):
        own = references[index]
        if own.visible:
            if index < last:
                below, anchor = clusters[index + 1], references[index + 1]
                if (
                    own.size <= _RAISED_SIZE * anchor.size
                    and 0 < own.base - anchor.base <= _RAISED_REACH * anchor.size
                    and _near(cluster, below, anchor.size)
                ):
                    below.extend(cluster)
                    references[index + 1] = _reference(below)
                    continue
            if kept:
                above, anchor = kept[-1], kept_references[-1]
                if (
                    own.size <= _RAISED_SIZE * anchor.size
                    and 0 < anchor.base - own.base <= _LOWERED_REACH * anchor.size
                    and _near(cluster, above, anchor.size)
                ):
                    above.extend(cluster)
                    kept_references[-1] = _reference(above)
                    continue
        kept.append(cluster)
        kept_references.append(own)
    return kept


def _split_columns(cluster: list[_Run]) -> Iterable[list[_Run]]:
    """Cut a printed line where a gap is far wider than any space between words."""
    part: list[_Run] = []
    right: float | None = None
    for run in cluster:
        visible = run.visible
        if visible and right is not None and run.x0 - right > _COLUMN_GAP * run.size:
            yield part
            part, right = [], None
        part.append(run)
        if visible:
            right = run.x1 if right is None else max(right, run.x1)
    if right is not None:
        yield part


# --- text --------------------------------------------------------------------------------


def _joint(left: _Run, right: _Run) -> str:
    """What goes between two runs of one line: a space or nothing."""
    if not left.text or not right.text or left.text[-1].isspace() or right.text[0].isspace():
        return ""
    if right.raised and not left.raised and right.text[0] in _MARKER_START:
        return " "  # a footnote marker is set apart from the word it follows
    return " " if right.x0 - left.x1 > _WORD_GAP * _gap_unit(left, right) else ""


def _gap_unit(left: _Run, right: _Run) -> float:
    return right.size if left.raised else min(left.size, right.size)


def _body_size(pages: list[_Page]) -> float:
    """The most common type size, weighted by characters: the size of the body text."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            for run in line.runs:
                if not run.raised:
                    sizes[round(run.size, 1)] += len(run.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _margins(lines: list[_Line]) -> tuple[float, float]:
    """The page's text block: the most common left edge and right edge of its lines."""
    if not lines:
        return 0.0, 0.0
    left = Counter(round(line.x0) for line in lines).most_common(1)[0][0]
    right = Counter(round(line.x1) for line in lines).most_common(1)[0][0]
    return float(left), float(right)


def _paragraph_break(
    previous: _Line, line: _Line, margins: tuple[float, float], small: float
) -> bool:
    """Whether ``line`` opens a paragraph: extra space, a new type size, an indent, a footnote.

    An indent counts when the line before starts at the left margin and this one, though
    indented, runs to the right margin as the first line of a justified paragraph does (a
    centred second line of a heading does not).
    """
    if line.group == previous.group:
        return False
    size = max(previous.size, line.size)
    if (
        previous.base - line.base > _PARAGRAPH_GAP * size
        or abs(previous.size - line.size) > _SIZE_STEP * size
    ):
        return True
    left, right = margins
    if (
        line.x0 - previous.x0 >= _INDENT * line.size
        and abs(previous.x0 - left) <= _MARGIN_SLACK * previous.size
        and line.x1 >= right - _RIGHT_SLACK * line.size
    ):
        return True
    return line.size < small and line.opens_with_marker()


class _Builder:
    """Accumulates the text and the character ranges of each kind of emphasis."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offset = 0
        self.italics: list[tuple[int, int]] = []
        self.raised: list[tuple[int, int]] = []
        self.small: list[tuple[int, int]] = []

    def add(self, text: str) -> int:
        start = self.offset
        if text:
            self.parts.append(text)
            self.offset += len(text)
        return start


def _compose(pages: list[_Page], diagnostics: list[Diagnostic], path: str | None) -> Document:
    """Lay the pages out as text and turn the emphasis of the runs into spans."""
    small_below = _SMALL * _body_size(pages)
    out = _Builder()
    for number, page in enumerate(pages):
        if number:
            out.add("\f")
        margins = _margins(page.lines)
        previous: _Line | None = None
        for line in page.lines:
            if previous is not None:
                out.add("\n\n" if _paragraph_break(previous, line, margins, small_below) else "\n")
            _emit(out, line, small_below)
            previous = line
    text = "".join(out.parts)
    unmapped = text.count("\ufffd")
    if unmapped:
        message = f"{unmapped} character(s) have no Unicode mapping in the PDF; they read as U+FFFD"
        diagnostics.append(Diagnostic("pdf.unmapped", message, "warning"))
    return Document(
        text=text,
        reader="pdf",
        italics=_spans(text, out.italics, bridge=True),
        diagnostics=tuple(diagnostics),
        path=path,
        superscripts=_spans(text, out.raised, bridge=False),
        small=_spans(text, out.small, bridge=True),
    )


def _emit(out: _Builder, line: _Line, small_below: float) -> None:
    """Write one line's runs, with a space where the gap between two of them is a word gap."""
    small_line = line.size < small_below
    before: _Run | None = None
    for run in line.runs:
        if before is not None:
            out.add(_joint(before, run))
        start = out.add(run.text)
        end = out.offset
        if run.italic:
            out.italics.append((start, end))
        if run.raised:
            out.raised.append((start, end))
        if run.size < small_below and (small_line or not run.raised):
            out.small.append((start, end))
        before = run


def _stuck_punctuation(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has no letter or digit and follows a character directly."""
    return (
        start > 0
        and not text[start - 1].isspace()
        and not any(char.isalnum() for char in text[start:end])
    )


def _spans(text: str, ranges: list[tuple[int, int]], *, bridge: bool) -> tuple[Span, ...]:
    """Trim whitespace off each range and merge neighbours.

    With ``bridge``, ranges separated only by spaces and at most one line break merge, so an
    italic lead that wraps to the next line is one span; a blank line or a page break ends
    it, and so does punctuation stuck to the end of an upright word (the italic "." of a
    paragraph number "6.") so that it stays apart from the lead after it.
    """
    merged: list[list[int]] = []
    for first, last_plus_one in ranges:
        start, end = first, last_plus_one
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        if merged:
            last = merged[-1]
            between = text[last[1] : start]
            if not between or (
                bridge
                and not _stuck_punctuation(text, last[0], last[1])
                and between.isspace()
                and between.count("\n") <= 1
                and "\f" not in between
            ):
                last[1] = max(last[1], end)
                continue
        merged.append([start, end])
    return tuple(Span(start, end) for start, end in merged)
