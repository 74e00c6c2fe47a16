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

The reader's stages live in their own modules: ``_pdf_limits`` (the compression-bomb
check), ``_pdf_pdfium`` (the bindings, fonts and per-run geometry), ``_pdf_pages`` (pages
into runs), ``_pdf_layout`` (runs into printed lines) and ``_pdf_text`` (lines into the
text and its spans). This module checks the input and runs them in turn.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from resparse.errors import InputError
from resparse.readers._pdf_limits import _check_expansion
from resparse.readers._pdf_pages import _extract
from resparse.readers._pdf_text import _compose
from resparse.readers._source import read_source

if TYPE_CHECKING:
    import os

    from resparse.readers.base import Document

__all__ = ["MAX_EXPANDED", "read_pdf"]

MAX_EXPANDED = 256 * 1024 * 1024
"""The most bytes a PDF's compressed streams may inflate to, together (256 MiB)."""

_HEAD_WINDOW = 1024  # "%PDF-" must appear this early
_TAIL_WINDOW = 2048  # "%%EOF" must appear this close to the end

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
    data, path = read_source(source, reader_name="read_pdf()")
    _check_envelope(data, path)
    _check_expansion(data, path, max_expanded)
    with _LOCK:
        pages, diagnostics = _extract(data, path, max_pages)
    return _compose(pages, diagnostics, path)


# --- input -------------------------------------------------------------------------------


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
