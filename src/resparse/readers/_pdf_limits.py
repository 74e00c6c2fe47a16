"""The compression-bomb check of the PDF reader: how far a PDF's streams can inflate.

pdfium inflates a page's streams whole, so the bytes are measured here, before pdfium
sees them, by bounds that need no inflating for an ordinary file.
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

import regex

from resparse.errors import UnsafeInputError

if TYPE_CHECKING:
    from collections.abc import Iterator

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
