"""Whether an XML document declares a DOCTYPE, read from its prolog in any encoding.

A DOCTYPE can only stand in the prolog, before the root element, but the prolog may be as
long as the document (a comment of 64 KB, then the DOCTYPE) and may be written in UTF-16 or
UTF-32, with or without a byte-order mark. The prolog is read as a stream, decoded by the
rules of the XML specification's appendix F, so neither hides a declaration.
"""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING

from resparse._deadline import checked

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["declares_doctype", "xml_encoding"]

# The first four bytes of an XML document and the encoding they show (appendix F).
_SIGNATURES = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
    (b"\x00<", "utf-16-be"),
    (b"<\x00", "utf-16-le"),
    (b"\x4c\x6f\xa7\x94", "cp500"),  # EBCDIC "<?xm"
    (b"\xef\xbb\xbf", "utf-8"),
)
_SPACE = " \t\r\n\ufeff"
_DOCTYPE = "<!doctype"


def xml_encoding(head: bytes) -> str:
    """The encoding an XML document's first bytes show; UTF-8 when they show none.

    Encodings that keep ASCII as it is (Latin-1, windows-1252) read the same as UTF-8 in
    the prolog, which is all this module reads.
    """
    for signature, encoding in _SIGNATURES:
        if head.startswith(signature):
            return encoding
    return "utf-8"


def declares_doctype(chunks: Iterable[bytes]) -> bool:
    """Whether the XML read from ``chunks`` has a DOCTYPE before its root element.

    Reads no further than the prolog, and keeps only a few characters of it at a time.
    """
    decoder = None
    pending = b""
    carry = ""  # undecided text: the start of a construct, or the end of a comment
    inside: str | None = None  # the end marker being looked for ("-->" or "?>")
    for chunk in checked(chunks, "the prolog of an XML part", 64):
        data = chunk
        if decoder is None:
            pending += chunk
            if len(pending) < 4:
                continue
            decoder = codecs.getincrementaldecoder(xml_encoding(pending))("replace")
            data, pending = pending, b""
        verdict, carry, inside = _scan(carry + decoder.decode(data), inside)
        if verdict is not None:
            return verdict
    if decoder is None:
        decoder = codecs.getincrementaldecoder(xml_encoding(pending))("replace")
        carry += decoder.decode(pending)
    verdict, carry, inside = _scan(carry + decoder.decode(b"", final=True), inside)
    return bool(verdict)


def _scan(text: str, inside: str | None) -> tuple[bool | None, str, str | None]:
    """Read prolog text: a verdict when there is one, else what to carry to the next chunk."""
    position = 0
    while True:
        if inside is not None:
            end = text.find(inside, position)
            if end == -1:
                # keep what could begin the end marker, never the text that opened it
                return None, text[max(position, len(text) - len(inside) + 1) :], inside
            position, inside = end + len(inside), None
        while position < len(text) and text[position] in _SPACE:
            position += 1
        rest = text[position : position + len(_DOCTYPE)]
        if len(rest) < len(_DOCTYPE) and (
            _DOCTYPE.startswith(rest.lower()) or "<!--".startswith(rest) or rest == "<"
        ):
            return None, rest, None  # not yet known what this is
        if rest.lower() == _DOCTYPE:
            return True, "", None
        if rest.startswith("<!--"):
            position, inside = position + 4, "-->"
        elif rest.startswith("<?"):
            position, inside = position + 2, "?>"
        else:
            return False, "", None  # the root element (or something that is not XML)
