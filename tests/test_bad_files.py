"""Bad files, one row each: every row names the typed error or the diagnostic it must get.

Each input is written to a file and given to ``resparse.parse_file``, as a user would. No
row may crash with anything but a ``resparse`` error, hang, or reach the network. The PDF
and Akoma Ntoso rows need their readers and are skipped, saying so, where those modules
are missing.
"""

from __future__ import annotations

import importlib.util
import io
import pathlib
import zipfile
from typing import TYPE_CHECKING, NamedTuple

import pytest

import resparse
from resparse.errors import (
    InputDecodeError,
    InputError,
    InputTooLargeError,
    ResparseError,
    UnsafeInputError,
)

if TYPE_CHECKING:
    from collections.abc import Callable

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "fixtures"
AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MB = 1024 * 1024


# --- inputs ----------------------------------------------------------------------------------


def minimal_docx(extra: dict[str, bytes] | None = None, document_xml: bytes | None = None) -> bytes:
    """A Word package by hand: the three parts Word needs, plus any ``extra`` members."""
    content_types = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        b'<Default Extension="xml" ContentType="application/xml"/>'
        b'<Override PartName="/word/document.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    document = (
        document_xml
        or (
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'
            "<w:p><w:r><w:t>The Human Rights Council,</w:t></w:r></w:p></w:body></w:document>"
        ).encode()
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", document)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def zeros_docx(size: int) -> bytes:
    """A Word package carrying ``size`` zero bytes in one member: they pack about 1000-fold."""
    buffer = io.BytesIO(minimal_docx())
    with (
        zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/media/image1.bin", "w", force_zip64=True) as member,
    ):
        chunk = bytes(MB)
        for _ in range(size // MB):
            member.write(chunk)
    return buffer.getvalue()


def entity_docx() -> bytes:
    """A billion-laughs document.xml: entities nested ten deep."""
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    ).encode()
    return minimal_docx(document_xml=xml)


def other_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a Word document")
    return buffer.getvalue()


def hand_pdf(*, encrypted: bool) -> bytes:
    """A one-page PDF written by hand; encrypted, its password check always fails."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ]
    if encrypted:
        objects.append(
            b"<< /Filter /Standard /V 1 /R 2 /O <"
            + b"ab" * 32
            + b"> /U <"
            + b"cd" * 32
            + b"> /P -4 >>"
        )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    file_id = b"<0123456789abcdef0123456789abcdef>"
    extra = b" /Encrypt 4 0 R /ID [%s %s]" % (file_id, file_id) if encrypted else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        extra,
        xref,
    )
    return bytes(out)


def truncated_pdf() -> bytes:
    data = (FIXTURES / "pdf" / "A_RES_78_109.pdf").read_bytes()
    return data[: len(data) // 2]


def akn(doctype: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}\n'
        f'<akomaNtoso xmlns="{AKN_NS}"><act><body><p>&x;</p></body></act></akomaNtoso>'
    ).encode()


SCRIPTED_HTML = (
    b"<!DOCTYPE html><html><head><script>fetch('https://example.invalid/x')</script>"
    b"<script src='https://example.invalid/evil.js'></script></head><body>"
    b"<p>The Human Rights Council,</p><script>document.write('Decides to run scripts')</script>"
    b"<p onclick=\"alert('x')\"><em>Guided by</em> the Charter,</p>"
    b"<img src=x onerror=\"alert('y')\"><iframe src='https://example.invalid'>frame</iframe>"
    b"<p>1.\t<em>Decides</em> to remain seized of the matter.</p></body></html>"
)


# --- the table --------------------------------------------------------------------------------


class Row(NamedTuple):
    """One bad input: its file name, how to make its bytes, and what it must get."""

    name: str
    make: Callable[[], bytes] | None  # None: the file does not exist
    error: type[ResparseError] | None = None
    match: str | None = None
    diagnostic: tuple[str, str] | None = None  # (code, severity)
    needs: str | None = None  # a reader module that must exist


ROWS = {
    "not-utf8": Row(
        "latin1.txt",
        lambda: "The Human Rights Council,\nCôte d'Ivoire".encode("latin-1"),
        error=InputDecodeError,
        match=r"not UTF-8 text.*\(byte 27\)",
    ),
    "utf16-odd-bytes": Row("odd.txt", lambda: b"\xff\xfeT\x00h\x00e", error=InputDecodeError),
    "bom": Row(
        "bom.txt",
        lambda: b"\xef\xbb\xbfThe Human Rights Council,",
        diagnostic=("input.bom", "info"),
    ),
    "nul-bytes": Row(
        "nul.txt",
        lambda: b"The Human\x00 Rights Council,\x00",
        diagnostic=("input.nul", "warning"),
    ),
    "empty": Row("empty.txt", lambda: b"", diagnostic=("input.empty", "error")),
    "blank": Row("blank.md", lambda: b" \n\t\n", diagnostic=("input.empty", "error")),
    "missing": Row("missing.txt", None, error=InputError, match="cannot read the file"),
    "docx-not-zip": Row(
        "resolution.docx",
        lambda: b"This is text with a .docx name.",
        error=InputError,
        match="not a zip",
    ),
    "docx-truncated-zip": Row(
        "truncated.docx",
        lambda: minimal_docx()[:200],
        error=InputError,
        match="damaged or truncated zip",
    ),
    "zip-not-docx": Row("archive.docx", other_zip, error=InputError, match="not a Word document"),
    "zip-bomb-ratio": Row(
        "bomb.docx", lambda: zeros_docx(20 * MB), error=InputError, match="zip bomb"
    ),
    "zip-bomb-size": Row(
        "huge.docx", lambda: zeros_docx(201 * MB), error=InputError, match="would inflate"
    ),
    "docx-entities": Row("laughs.docx", entity_docx, error=UnsafeInputError, match="DOCTYPE"),
    "legacy-doc": Row(
        "old.doc",
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
        error=InputError,
        match="legacy Word",
    ),
    "html-scripts": Row("scripted.html", lambda: SCRIPTED_HTML),
    "pdf-truncated": Row(
        "truncated.pdf",
        truncated_pdf,
        error=InputError,
        match="truncated",
        needs="resparse.readers.pdf",
    ),
    "pdf-encrypted": Row(
        "encrypted.pdf",
        lambda: hand_pdf(encrypted=True),
        error=InputError,
        match="encrypted",
        needs="resparse.readers.pdf",
    ),
    "pdf-not-pdf": Row(
        "fake.pdf", lambda: b"plain text", error=InputError, needs="resparse.readers.pdf"
    ),
    "xml-entities": Row(
        "entities.xml",
        lambda: akn('<!DOCTYPE akomaNtoso [<!ENTITY x "expanded">]>'),
        error=UnsafeInputError,
        needs="resparse.readers.akn",
    ),
    "xml-external-entity": Row(
        "xxe.xml",
        lambda: akn('<!DOCTYPE akomaNtoso [<!ENTITY x SYSTEM "file:///etc/passwd">]>'),
        error=UnsafeInputError,
        needs="resparse.readers.akn",
    ),
    "xml-external-dtd": Row(
        "dtd.xml",
        lambda: akn('<!DOCTYPE akomaNtoso SYSTEM "https://example.invalid/akn.dtd">'),
        error=UnsafeInputError,
        needs="resparse.readers.akn",
    ),
    "xml-malformed": Row(
        "broken.xml",
        f'<akomaNtoso xmlns="{AKN_NS}"><act>'.encode,
        error=InputError,
        match="malformed",
        needs="resparse.readers.akn",
    ),
}


@pytest.mark.parametrize("row", list(ROWS.values()), ids=list(ROWS))
def test_bad_file(row: Row, tmp_path: pathlib.Path) -> None:
    if row.needs is not None and importlib.util.find_spec(row.needs) is None:
        pytest.skip(f"{row.needs} does not exist yet; this row waits for that reader")
    path = tmp_path / row.name
    if row.make is not None:
        path.write_bytes(row.make())
    if row.error is not None:
        with pytest.raises(row.error, match=row.match) as caught:
            resparse.parse_file(path)
        assert str(path) in str(caught.value)  # the error names the file
        if isinstance(caught.value, InputDecodeError) and row.name == "latin1.txt":
            assert caught.value.offset == 27
        return
    result = resparse.parse_file(path)
    if row.diagnostic is not None:
        assert row.diagnostic in {(d.code, d.severity) for d in result.diagnostics}
    else:  # the scripted page: text read, nothing of the scripts or handlers in it
        assert [c.lead for c in result.preamble] == ["Guided by"]
        assert [p.lead for p in result.operative] == ["Decides"]
        for gone in ("fetch", "example.invalid", "run scripts", "alert", "onerror", "frame"):
            assert gone not in result.source


def test_bom_and_nul_keep_offsets(tmp_path: pathlib.Path) -> None:
    """Policy: a BOM and NULs become spaces, so the text keeps its length and offsets."""
    data = "\ufeffThe Human Rights Council,\x00".encode()
    path = tmp_path / "seed.txt"
    path.write_bytes(data)
    result = resparse.parse_file(path)
    assert result.source == " The Human Rights Council, "
    assert len(result.source) == len(data.decode("utf-8"))


def test_size_limit_is_checked_before_reading(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 4096)
    with pytest.raises(InputTooLargeError, match=str(path)):
        resparse.parse_file(path, max_bytes=1024)
