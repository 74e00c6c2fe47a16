"""Pick a reader for a file by its first bytes and its suffix."""

from __future__ import annotations

import pathlib

from resparse.errors import InputDecodeError, InputError
from resparse.model import Diagnostic
from resparse.readers.base import Document

_BOM = "\ufeff"


def read_file(path: str) -> Document:
    """Read ``path`` into a Document, choosing the reader from its content and suffix."""
    file = pathlib.Path(path)
    try:
        data = file.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read the file: {error.strerror or error}", path=path) from error
    return read_text_bytes(data, path=path)


def read_text_bytes(data: bytes, *, path: str | None = None) -> Document:
    """Decode text bytes as UTF-8 (a BOM is dropped, NUL bytes become spaces, with notes)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        msg = f"the file is not UTF-8 text: {error.reason}"
        raise InputDecodeError(msg, path=path, offset=error.start) from error
    diagnostics: list[Diagnostic] = []
    if text.startswith(_BOM):
        text = " " + text[1:]
        diagnostics.append(Diagnostic("input.bom", "dropped a byte-order mark at the start", "info"))
    if "\x00" in text:
        diagnostics.append(Diagnostic("input.nul", "replaced NUL characters with spaces", "warning"))
        text = text.replace("\x00", " ")
    return Document(text=text, reader="text", diagnostics=tuple(diagnostics), path=path)
