"""The pdfium functions the PDF reader calls, and what it asks of them per font and per run.

Bound once, on first use, with plain C types: ``import resparse`` never loads pypdfium2.
"""

from __future__ import annotations

import ctypes
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

_ITALIC_FLAG = 1 << 6  # PDF font descriptor flag "Italic"

_FONT_NAME_BYTES = 256
_EDGE_SLACK = 0.01  # points: rounding between pdfium's advance and its loose box

_PYPDFIUM2 = ">=5.0"


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
