"""How a reader takes its input: bytes as they are, or a path read whole.

The PDF, Word and Akoma Ntoso readers all accept either, and a file that cannot be read
must fail the same way in each: an :class:`~resparse.errors.InputError` that names it.
"""

from __future__ import annotations

import os
import pathlib

from resparse.errors import InputError

Source = str | os.PathLike[str] | bytes | bytearray | memoryview


def read_source(
    source: Source, *, reader_name: str, path: str | None = None
) -> tuple[bytes, str | None]:
    """The input's bytes, and its path: the file read, else ``path`` as the caller gave it.

    Raises ``TypeError`` naming ``reader_name`` (``read_pdf()``) for what is neither a
    path nor bytes, and :class:`~resparse.errors.InputError` for a file it cannot read.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), path
    if not isinstance(source, (str, os.PathLike)):
        msg = f"{reader_name} takes a path or bytes, not {type(source).__name__}"
        raise TypeError(msg)
    return read_file(source)


def read_file(source: str | os.PathLike[str]) -> tuple[bytes, str]:
    """The file's bytes and its path as a string; an :class:`InputError` naming it if unread."""
    name = os.fsdecode(source)
    try:
        return pathlib.Path(name).read_bytes(), name
    except OSError as error:
        msg = f"cannot read the file: {error.strerror or error}"
        raise InputError(msg, path=name) from error
