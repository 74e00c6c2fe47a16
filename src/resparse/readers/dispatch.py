"""Pick a reader for a file by its first bytes and its suffix, and decode text by one policy.

Content decides before the suffix: users rename files, save web pages as ``.txt`` and
receive Word files without an extension, while the first bytes of a PDF, a zip, an Akoma
Ntoso file or an HTML page say what they are. The suffix decides only for shapes that have
no signature (markdown and plain text) and for damaged files, so that a ``.pdf`` that is
not a PDF gets the PDF reader's precise error rather than being read as text.

A file that claims a signature it does not keep is read as its suffix says when that is
text: a ``.txt`` that starts with ``%PDF-`` but is no PDF is a text about PDFs, read as text
with a diagnostic. An empty file is empty input whatever its suffix (a result with
``input.empty``), as for an empty string.

Every reader module is imported only when its shape turns up: ``import resparse`` stays
light, and a missing optional dependency fails only for the shape that needs it.
"""

from __future__ import annotations

import codecs
import copy
import io
import os
import zipfile
from typing import TYPE_CHECKING, Literal

import attrs
import regex

from resparse.errors import (
    InputDecodeError,
    InputError,
    InputTooLargeError,
    MissingExtraError,
    UnsafeInputError,
)
from resparse.model import Diagnostic
from resparse.readers.base import Document

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "READ_LIMIT",
    "check_encoding",
    "decode_text",
    "markup_as_document",
    "read_bytes",
    "read_file",
    "read_text_bytes",
    "sniff",
]

Shape = Literal["pdf", "docx", "akn", "html", "markdown", "text"]

READ_LIMIT = 256 * 1024 * 1024
"""Bytes ``read_file`` reads at most when the caller sets no ``max_bytes``.

Far above any resolution or printed volume (the largest official PDF of the development
set is a few megabytes), and it keeps a path that never ends (``/dev/zero``, a pipe fed
forever) from filling memory: such a file raises ``InputTooLargeError`` instead.
"""
_CHUNK = 1024 * 1024
_ENCODING_HINT = (
    "if you know its encoding, name it (parse_file(path, encoding='cp1252'),"
    " resparse parse --encoding cp1252), or decode the text yourself and call parse()"
)
_TEXT_SHAPES: frozenset[Shape] = frozenset({"text", "markdown", "html"})

_BOM = "\ufeff"
_AKN_WINDOW = 4096  # the root element of an Akoma Ntoso file sits this close to the start
_HTML_WINDOW = 1024
_AKN_MARKS = (b"<akomaNtoso", b"docs.oasis-open.org/legaldocml/ns/akn/")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc, .xls: not readable here
# The encodings a byte-order mark names, longest mark first (UTF-32-LE starts like UTF-16-LE).
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_HTML_START_RE = regex.compile(
    r"\A(?:\s|<!--.*?-->|<\?xml[^>]{0,200}>)*<(?:!doctype\s+html|html)(?=[\s>/])",
    regex.IGNORECASE | regex.DOTALL,
)
# A page's body copied without its <html> element ("<p>The General Assembly,</p>")
_HTML_FRAGMENT_RE = regex.compile(
    r"\s*<(?:body|div|p|h[1-6]|table|section|article|main|span|em|i|b|strong)(?=[\s>])"
    r"[^<>]{0,400}>(?s:.{0,2000}?)</(?:body|div|p|h[1-6]|table|section|article|main|span|em|i|b|strong)>",
    regex.IGNORECASE,
)
_SUFFIXES: dict[str, Shape] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
    ".xml": "akn",
    ".akn": "akn",
}


def read_file(
    path: str | os.PathLike[str], *, max_bytes: int | None = None, encoding: str | None = None
) -> Document:
    """Read ``path`` into a Document, choosing the reader from its content and suffix.

    ``max_bytes`` refuses larger files with :class:`~resparse.errors.InputTooLargeError`
    before they are read, so a caller scanning a folder cannot be made to load a huge file;
    without it the limit is :data:`READ_LIMIT`. ``encoding`` as for :func:`read_bytes`.
    """
    name = os.fspath(path)
    if max_bytes is not None and max_bytes < 0:
        msg = f"max_bytes must be at least 0, got {max_bytes}"
        raise ValueError(msg)
    check_encoding(encoding)
    limit = READ_LIMIT if max_bytes is None else max_bytes
    try:
        with open(name, "rb") as file:  # noqa: PTH123 - a plain read of a user path
            size = os.fstat(file.fileno()).st_size
            if size > limit:
                _too_large(size, limit, name)
            data = _read_at_most(file, limit)
    except IsADirectoryError as error:
        msg = "is a directory, not a file"
        raise InputError(msg, path=name) from error
    except OSError as error:
        msg = f"cannot read the file: {error.strerror or error}"
        raise InputError(msg, path=name) from error
    if len(data) > limit:
        if max_bytes is None:
            msg = f"the file goes on past {limit:,} bytes, the read limit (see max_bytes)"
        else:
            msg = f"the file goes on past the limit of {limit} bytes"
        raise InputTooLargeError(msg, path=name)
    return read_bytes(data, name=name, encoding=encoding)


def read_bytes(data: bytes, *, name: str | None = None, encoding: str | None = None) -> Document:
    """Read in-memory input; ``name`` (a file name) gives the suffix and names the input.

    ``encoding`` (a code page such as ``"cp1252"``) decodes text, markdown and HTML that is
    not UTF-8, with an ``input.encoding`` diagnostic; text that is valid UTF-8 or carries a
    byte-order mark is still read as such, so one setting serves a mixed folder.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        msg = f"read_bytes() takes bytes, not {type(data).__name__}"
        raise TypeError(msg)
    check_encoding(encoding)
    data = bytes(data)
    shape = sniff(data, name)
    try:
        if not data:
            document = Document(text="", reader=shape)  # empty input, as for parse("")
        elif shape == "pdf" and _suffix_shape(name) in _TEXT_SHAPES:
            document = _read_claimed_pdf(data, name, encoding)
        elif encoding is not None and shape in _TEXT_SHAPES:
            document = _read_decoded(shape, data, name, encoding)
        else:
            document = _READERS[shape](data, name)
    except InputError as error:
        if name is None or error.path is not None:
            raise
        raise _named(error, name) from error
    return document if document.path == name else attrs.evolve(document, path=name)


def check_encoding(encoding: str | None) -> None:
    """Refuse an ``encoding=`` that names no text encoding, before anything is read."""
    if encoding is None:
        return
    if not isinstance(encoding, str):
        msg = f"encoding must be the name of a text encoding, not {type(encoding).__name__}"
        raise TypeError(msg)
    try:
        "".encode(encoding)  # base64, rot13 and zlib are codecs but not text encodings
    except LookupError:
        msg = f"encoding={encoding!r} is not a text encoding Python knows"
        raise ValueError(msg) from None


def sniff(data: bytes, name: str | None = None) -> Shape:
    """The shape of the input: its signature if it has one, else its suffix, else text."""
    if not data:
        return _suffix_shape(name) or "text"
    head = data[:_AKN_WINDOW]
    if head.lstrip(b" \t\r\n\x00").startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(_ZIP_MAGIC):
        if not _is_docx(data, name):
            msg = "a zip archive that is not a Word document (no word/document.xml)"
            raise InputError(msg, path=name)
        return "docx"
    if head.startswith(_OLE_MAGIC):
        msg = "a legacy Word (.doc) or other OLE file: save it as .docx or PDF first"
        raise InputError(msg, path=name)
    probe = _ascii_probe(head)
    if probe.lstrip().startswith(b"<") and any(mark in probe for mark in _AKN_MARKS):
        return "akn"  # markup that names Akoma Ntoso; prose merely mentioning it is not
    if _HTML_START_RE.match(probe[:_HTML_WINDOW].decode("latin-1")):
        return "html"
    return _suffix_shape(name) or "text"


def decode_text(
    data: bytes, *, path: str | None = None, encoding: str | None = None
) -> tuple[str, list[Diagnostic]]:
    """Decode text bytes by resparse's one policy, keeping one character per code point.

    UTF-8 (with or without a byte-order mark) and UTF-16 or UTF-32 with a mark are read.
    Anything else is decoded by ``encoding`` when the caller names one (with an
    ``input.encoding`` diagnostic), and otherwise raises
    :class:`~resparse.errors.InputDecodeError` naming the byte offset and the way out,
    because guessing a legacy code page silently corrupts names and quotes. The mark
    becomes a space and NUL characters become spaces, so the text keeps its length and
    offsets found in it stay valid, each with a diagnostic.
    """
    check_encoding(encoding)
    marked = next((codec for mark, codec in _BOMS if data.startswith(mark)), None)
    codec = marked or "utf-8"
    diagnostics: list[Diagnostic] = []
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        if encoding is None or marked is not None:
            label = "UTF-8" if codec == "utf-8" else codec.upper()
            msg = f"the file is not {label} text: {error.reason}"
            hint = _ENCODING_HINT if marked is None else None
            raise InputDecodeError(msg, path=path, offset=error.start, hint=hint) from error
        text = _decode_as(data, encoding, path)
        diagnostics.append(
            Diagnostic(
                "input.encoding",
                f"not UTF-8 (byte {error.start}): decoded as {codecs.lookup(encoding).name}, "
                "the encoding the caller named",
                "info",
            )
        )
    if text.startswith(_BOM):
        text = " " + text[1:]
        where = "" if codec == "utf-8" else f" ({codec.upper()} text)"
        diagnostics.append(
            Diagnostic("input.bom", f"dropped a byte-order mark at the start{where}", "info")
        )
    if "\x00" in text:
        diagnostics.append(
            Diagnostic("input.nul", "replaced NUL characters with spaces", "warning")
        )
        text = text.replace("\x00", " ")
    return text, diagnostics


def read_text_bytes(
    data: bytes, *, path: str | None = None, encoding: str | None = None
) -> Document:
    """Plain text: the decoded bytes as they are, with no italics known."""
    text, diagnostics = decode_text(data, path=path, encoding=encoding)
    return Document(text=text, reader="text", diagnostics=tuple(diagnostics), path=path)


# --- helpers -------------------------------------------------------------------------------


def _suffix_shape(name: str | None) -> Shape | None:
    """The shape a file name's suffix names, if it names one."""
    if name is None:
        return None
    suffix = os.path.splitext(name)[1].lower()  # noqa: PTH122 - names need not be paths
    return _SUFFIXES.get(suffix)


def _read_at_most(file: io.BufferedReader, limit: int) -> bytes:
    """At most ``limit + 1`` bytes, in chunks: one past the limit says the file goes on.

    Pipes and special files report no size, so the size check alone cannot stop them.
    """
    chunks: list[bytes] = []
    left = limit + 1
    while left > 0:
        chunk = file.read(min(_CHUNK, left))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _decode_as(data: bytes, encoding: str, path: str | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        msg = f"the file is not {encoding} text either: {error.reason}"
        raise InputDecodeError(msg, path=path, offset=error.start) from error


def _read_decoded(shape: Shape, data: bytes, name: str | None, encoding: str) -> Document:
    """Text, markdown or HTML decoded with the caller's fallback encoding."""
    if shape == "html":
        from resparse.readers.html import read_html  # noqa: PLC0415

        try:
            text, diagnostics = decode_text(data, path=name, encoding=encoding)
        except InputDecodeError:
            return read_html(data, path=name)  # its own declared charset may still read it
        reader: Callable[..., Document] = read_html
    elif shape == "markdown":
        from resparse.readers.markdown import read_markdown  # noqa: PLC0415

        text, diagnostics = decode_text(data, path=name, encoding=encoding)
        reader = read_markdown
    else:
        return read_text_bytes(data, path=name, encoding=encoding)
    document = reader(text, path=name)
    return attrs.evolve(document, diagnostics=(*diagnostics, *document.diagnostics))


def _read_claimed_pdf(data: bytes, name: str | None, encoding: str | None) -> Document:
    """A text-named file that starts like a PDF: a PDF if it is one, else the text it is."""
    try:
        return _read_pdf(data, name)
    except (UnsafeInputError, InputTooLargeError):
        raise  # a real PDF that resparse refuses stays refused
    except InputError as refusal:
        try:
            text, diagnostics = decode_text(data, path=name, encoding=encoding)
        except InputDecodeError:
            raise refusal from None  # binary after the signature: the PDF error says more
    note = Diagnostic(
        "input.not_pdf",
        "starts with %PDF- but is no readable PDF; read as text, as its name says",
        "warning",
    )
    return Document(text=text, reader="text", diagnostics=(note, *diagnostics), path=name)


def _too_large(size: int, limit: int, path: str) -> None:
    msg = f"the file has {size} bytes, more than the limit of {limit}"
    raise InputTooLargeError(msg, path=path)


def _ascii_probe(head: bytes) -> bytes:
    """The head without its byte-order mark and, in UTF-16 or UTF-32, without zero bytes."""
    for mark in (b"\xef\xbb\xbf", *(mark for mark, _ in _BOMS)):
        if head.startswith(mark):
            head = head[len(mark) :]
            break
    if b"\x00" in head[:4]:
        return head.replace(b"\x00", b"")
    return head


def _named(error: InputError, name: str) -> InputError:
    """The same error naming the file: readers given bytes do not know where they came from."""
    named = copy.copy(error)
    named.path = name
    named.args = (f"{name}: {error.args[0]}" if error.args else name,)
    return named


def _is_docx(data: bytes, name: str | None) -> bool:
    """Whether a zip holds a Word document; reads only the zip's directory, inflating nothing."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        msg = f"a damaged or truncated zip archive: {error}"
        raise InputError(msg, path=name) from error


def _read_pdf(data: bytes, _name: str | None) -> Document:
    from resparse.readers.pdf import read_pdf  # noqa: PLC0415 - readers load on demand

    return read_pdf(data)


def _read_docx(data: bytes, name: str | None) -> Document:
    from resparse.readers.docx import read_docx  # noqa: PLC0415

    return read_docx(data, path=name)


def markup_as_document(text: str) -> Document | None:
    """An HTML page or Akoma Ntoso file handed over as a string, read by its reader.

    ``parse()`` takes text; a page's markup pasted or fetched into a string would
    otherwise be parsed as prose made of tags. ``None`` when the text is not such markup.
    Without the HTML reader's extra, the text is left as it is, with a warning that says
    what to install.
    """
    probe = text[:_AKN_WINDOW].encode("utf-8", "replace")
    shape = "html" if _HTML_FRAGMENT_RE.match(text, 0, _HTML_WINDOW) else sniff(probe)
    if shape not in {"akn", "html"}:
        return None
    if shape == "akn":
        document = _read_akn(text.encode("utf-8"), None)
    else:
        try:
            from resparse.readers.html import read_html  # noqa: PLC0415

            document = read_html(text)
        except MissingExtraError as error:
            note = Diagnostic("input.markup", f"the text is an HTML page: {error}", "warning")
            return Document(text=text, diagnostics=(note,))
    name = "an Akoma Ntoso file" if shape == "akn" else "an HTML page"
    message = f"the text is {name}: its {shape} reader read it, so spans point into result.source"
    note = Diagnostic("input.markup", message, "info")
    return attrs.evolve(document, diagnostics=(*document.diagnostics, note))


def _read_akn(data: bytes, _name: str | None) -> Document:
    from resparse.readers.akn import render_akn  # noqa: PLC0415

    return render_akn(data)


def _read_html(data: bytes, name: str | None) -> Document:
    from resparse.readers.html import read_html  # noqa: PLC0415

    return read_html(data, path=name)


def _read_markdown(data: bytes, name: str | None) -> Document:
    from resparse.readers.markdown import read_markdown  # noqa: PLC0415

    return read_markdown(data, path=name)


def _read_text(data: bytes, name: str | None) -> Document:
    return read_text_bytes(data, path=name)


_READERS: dict[Shape, Callable[[bytes, str | None], Document]] = {
    "pdf": _read_pdf,
    "docx": _read_docx,
    "akn": _read_akn,
    "html": _read_html,
    "markdown": _read_markdown,
    "text": _read_text,
}
