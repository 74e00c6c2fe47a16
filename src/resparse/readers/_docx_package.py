"""The Word reader's package: the zip checked before python-docx opens it, and its parts.

The zip's central directory declares every member's size, so a zip bomb or a part that
declares a DOCTYPE is refused here while little or nothing has been inflated.
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING

from resparse.errors import InputError, UnsafeInputError
from resparse.readers._prolog import declares_doctype

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from lxml import etree


_MAX_TOTAL = 200 * 1024 * 1024  # declared uncompressed bytes of all members
_MAX_RATIO = 200  # uncompressed / compressed
_RATIO_FLOOR = 1024 * 1024  # members and archives smaller than this cannot hurt
_CHUNK = 65536  # bytes of a zip member read at a time


def _check_archive(data: bytes, path: str | None) -> int:
    """Refuse what is not a zip, a zip bomb, and XML parts with a DOCTYPE, inflating little.

    The sizes come from the zip's central directory; zipfile never inflates a member past
    the size declared there, so checking the declarations bounds what python-docx can read.
    Returns the declared size of the XML parts, which bounds the text (see read_docx).
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        msg = f"not a Word document: the file is not a zip archive ({error})"
        raise InputError(msg, path=path) from error
    with archive:
        members = archive.infolist()
        total = sum(member.file_size for member in members)
        packed = sum(member.compress_size for member in members)
        if total > _MAX_TOTAL:
            msg = f"refused a zip that would inflate to {total} bytes (limit {_MAX_TOTAL})"
            raise InputError(msg, path=path)
        for member in [*members, None]:
            size, stored = (
                (total, packed) if member is None else (member.file_size, member.compress_size)
            )
            if size > _RATIO_FLOOR and size > _MAX_RATIO * max(stored, 1):
                what = "the archive" if member is None else member.filename
                msg = (
                    f"refused a zip bomb: {what} inflates {size // max(stored, 1)}-fold"
                    f" (limit {_MAX_RATIO})"
                )
                raise InputError(msg, path=path)
        if "word/document.xml" not in archive.namelist():
            msg = "a zip archive that is not a Word document (no word/document.xml)"
            raise InputError(msg, path=path)
        for member in members:
            if member.filename.endswith((".xml", ".rels")):
                _check_doctype(archive, member, path)
        return sum(m.file_size for m in members if m.filename.endswith(".xml"))


def _check_doctype(archive: zipfile.ZipFile, member: zipfile.ZipInfo, path: str | None) -> None:
    """Refuse a part with a DOCTYPE: read through its whole prolog, in its own encoding."""
    try:
        with archive.open(member) as stream:
            found = declares_doctype(iter(lambda: stream.read(_CHUNK), b""))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
        msg = f"a damaged zip member {member.filename}: {error}"
        raise InputError(msg, path=path) from error
    if found:
        msg = (
            f"refused {member.filename}: it declares a DOCTYPE or entities, which Word never writes"
        )
        raise UnsafeInputError(msg, path=path)


def _parse_part(blob: bytes) -> etree._Element:
    from lxml import etree  # noqa: PLC0415 - python-docx depends on lxml

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(blob, parser=parser)


def _part_blob(document: WordDocument, reltype_suffix: str) -> bytes | None:
    """The bytes of the document part's related part of a type (footnotes), if any."""
    for rel in document.part.rels.values():
        if rel.reltype.endswith(reltype_suffix) and not rel.is_external:
            blob = rel.target_part.blob
            return bytes(blob) if blob is not None else None
    return None
