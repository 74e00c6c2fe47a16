"""The PDF reader on three official resolutions (fixtures/pdf) and on broken input."""

from __future__ import annotations

import ctypes
import hashlib
import io
import pathlib
import subprocess
import sys
import zlib
from typing import TYPE_CHECKING

import pytest
import regex

from resparse.errors import InputError, UnsafeInputError
from resparse.model import Span
from resparse.readers.pdf import MAX_EXPANDED, read_pdf

if TYPE_CHECKING:
    from resparse.readers.base import Document

LABEL_RE = regex.compile(r"\([a-z]{1,2}\)(?= )")
PDFS = pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "pdf"
RES_109 = PDFS / "A_RES_78_109.pdf"
RES_271 = PDFS / "A_RES_78_271.pdf"
RES_212 = PDFS / "A_RES_78_212.pdf"


@pytest.fixture(scope="module")
def res109() -> Document:
    return read_pdf(RES_109)


@pytest.fixture(scope="module")
def res271() -> Document:
    return read_pdf(str(RES_271))


@pytest.fixture(scope="module")
def res212() -> Document:
    return read_pdf(RES_212)


def texts(doc: Document, spans: tuple[Span, ...] | None) -> list[str]:
    assert spans is not None
    return [doc.text[span.start : span.end] for span in spans]


def lines(doc: Document) -> list[str]:
    return [line.rstrip() for line in doc.text.replace("\f", "\n").split("\n")]


def paragraph_start(text: str, offset: int) -> bool:
    """Whether only a paragraph number or label stands between a blank line and ``offset``."""
    cut = max(text.rfind("\n\n", 0, offset) + 2, text.rfind("\f", 0, offset) + 1, 0)
    head = text[cut:offset].strip()
    return head == "" or (head.endswith((".", ")")) and len(head) <= 5)


# --- text ---------------------------------------------------------------------------------


def test_reader_pdf_document_shape(res109: Document) -> None:
    assert res109.reader == "pdf"
    assert res109.path == str(RES_109)
    assert res109.diagnostics == ()
    assert res109.italics is not None
    assert res109.superscripts is not None
    assert res109.small is not None


def test_reader_pdf_expected_lines(res109: Document) -> None:
    found = lines(res109)
    for expected in (
        "United Nations",
        "A/RES/78/109",
        "Distr.: General",
        "11 December 2023",
        "Agenda item 79",
        "Resolution adopted by the General Assembly",
        "[on the report of the Sixth Committee (A/78/435, para. 11)]",
        "78/109. Peremptory norms of general international law (jus cogens)",
        "The General Assembly,",
        "Having considered chapter IV of the report of the International Law",
        "45th plenary meeting",
        "7 December 2023",
        # page furniture and footnotes are kept, each on a line of its own
        "23-24958 (E) 211223",
        "*2324958*",
        "__________________",
        "2 Ibid., para. 41.",
        "2/2",
        "23-24958",
    ):
        assert expected in found, expected


def test_reader_pdf_pages_are_form_feeds(
    res109: Document, res271: Document, res212: Document
) -> None:
    assert res109.text.count("\f") + 1 == 2
    assert res271.text.count("\f") + 1 == 2
    assert res212.text.count("\f") + 1 == 6
    page_two = res109.text.index("3. Takes note")
    assert res109.text.count("\f", 0, page_two) + 1 == 2


def test_reader_pdf_paragraphs_are_blank_lines(res109: Document, res271: Document) -> None:
    assert "The General Assembly,\n\nHaving considered" in res109.text
    assert "with their annex,\n\nTaking note" in res109.text
    # a paragraph that wraps keeps single line breaks
    assert "International Law \nCommission on the work" in res109.text
    assert "Development:\n\n(a) Shall be held in Spain" in res271.text
    assert "appropriate;\n\n(b) Shall result" in res271.text


def test_reader_pdf_repairs_split_words(res109: Document, res212: Document) -> None:
    assert "as referred to in Article 13, paragraph 1 (a), of the" in res109.text
    assert "Articl e" not in res109.text
    assert "with their annex," in res109.text  # printed as "thei" + "r annex,"
    for doc in (res109, res212):  # no space is made up inside a line
        assert not [line for line in lines(doc) if "  " in line.strip()]


def test_reader_pdf_lettered_sub_paragraphs(res212: Document) -> None:
    labels = [match[0] for line in lines(res212) if (match := LABEL_RE.match(line))]
    assert labels[:6] == ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)"]
    assert "(i)" in labels
    assert "(m)" in labels


# --- emphasis ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lead",
    [
        "The General Assembly",
        "Having considered",
        "Taking note",
        "Emphasizing",
        "Noting",
        "Welcomes",
        "Expresses its appreciation",
        "Takes note",
        "Also takes note",
    ],
)
def test_reader_pdf_italic_leads(res109: Document, lead: str) -> None:
    assert res109.italics is not None
    matches = [span for span in res109.italics if span.of(res109.text) == lead]
    assert matches, lead
    assert any(paragraph_start(res109.text, span.start) for span in matches)


def test_reader_pdf_italics_inside_text(res109: Document) -> None:
    italic = texts(res109, res109.italics)
    assert italic.count("jus cogens") == 7
    assert "on the report of the Sixth Committee (A/78/435, para. 11)" in italic
    assert (
        "Official Records of the General Assembly, Seventy-seventh Session, Supplement No. 10"
        in italic
    )
    for span_text in italic:
        assert span_text == span_text.strip()


def test_reader_pdf_italic_leads_of_many_words(res212: Document) -> None:
    italic = texts(res212, res212.italics)
    for lead in ("Recalling also", "Seriously concerned", "Recognizes with deep concern", "Urges"):
        assert lead in italic


def test_reader_pdf_footnote_markers_are_superscripts(res109: Document) -> None:
    text = res109.text
    assert res109.superscripts is not None
    marker = text.index("session, 1 which") + len("session, ")
    assert Span(marker, marker + 1) in res109.superscripts
    marker = text.index("thereto; 3") + len("thereto; ")
    assert Span(marker, marker + 1) in res109.superscripts
    assert texts(res109, res109.superscripts) == ["1", "2", "3", "1", "2", "3", "4", "4"]


def test_reader_pdf_footnotes_are_small(res109: Document) -> None:
    small = texts(res109, res109.small)
    assert "2 Ibid., para. 41." in small
    assert any(
        block.startswith("1 Official Records") and block.endswith("(A/77/10).") for block in small
    )
    assert res109.small is not None
    body = res109.text.index("Having considered")
    assert not any(span.start <= body < span.end for span in res109.small)


# --- layout rules, on a PDF written for the purpose -------------------------------------------


def test_reader_pdf_wrapped_lead_split_word_and_marker() -> None:
    roman, italic = "Times-Roman", "Times-Italic"
    data = synthetic_pdf(
        [
            (700, 147, [("Recalling its resolution 1/1,", roman, 10, 0, 0)]),
            (682, 147, [("Taking note with", italic, 10, 0, 0)]),
            (
                670,
                123,
                [
                    ("appreciation", italic, 10, 0, 0),
                    ("of the report, as referred to in Articl", roman, 10, 3, 0),  # a word gap
                    ("e 13 of the session,", roman, 10, 0.6, 0),  # a justified split
                    ("1", roman, 6.5, 1.2, 3.5),  # a raised footnote marker
                    ("which", roman, 10, 3, 0),
                ],
            ),
        ]
    )
    doc = read_pdf(data)
    assert doc.text == (
        "Recalling its resolution 1/1,\n\n"
        "Taking note with\n"
        "appreciation of the report, as referred to in Article 13 of the session, 1 which"
    )
    assert texts(doc, doc.italics) == ["Taking note with\nappreciation"]
    assert texts(doc, doc.superscripts) == ["1"]
    assert doc.small == ()


# --- input ---------------------------------------------------------------------------------


def test_reader_pdf_bytes_and_path_agree(res109: Document) -> None:
    from_bytes = read_pdf(RES_109.read_bytes())
    assert from_bytes.path is None
    assert from_bytes.text == res109.text
    assert from_bytes.italics == res109.italics


def test_reader_pdf_is_deterministic(res271: Document) -> None:
    assert read_pdf(str(RES_271)) == res271


def test_reader_pdf_max_pages(res212: Document) -> None:
    first = read_pdf(RES_212, max_pages=2)
    assert first.text.count("\f") == 1
    assert res212.text.startswith(first.text)
    assert [d.code for d in first.diagnostics] == ["pdf.max_pages"]
    with pytest.raises(ValueError, match="max_pages"):
        read_pdf(RES_212, max_pages=0)


def test_reader_pdf_page_without_text() -> None:
    pdfium = pytest.importorskip("pypdfium2")
    document = pdfium.PdfDocument.new()
    document.new_page(612, 792)
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    doc = read_pdf(buffer.getvalue())
    assert doc.text == ""
    assert [(d.code, d.severity) for d in doc.diagnostics] == [("pdf.no_text", "warning")]
    assert "page 1" in doc.diagnostics[0].message


def test_reader_pdf_rejects_non_pdf() -> None:
    with pytest.raises(InputError, match="not a PDF"):
        read_pdf(b"The General Assembly,\n\nRecalling its resolution 1/1,\n")
    with pytest.raises(InputError, match="not a PDF"):
        read_pdf(b"")


def test_reader_pdf_rejects_truncated_pdf(tmp_path: pathlib.Path) -> None:
    data = RES_109.read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="truncated") as error:
        read_pdf(cut)
    assert str(cut) in str(error.value)
    assert error.value.path == str(cut)


def test_reader_pdf_rejects_damaged_pdf() -> None:
    with pytest.raises(InputError, match="damaged"):
        read_pdf(b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n")


def test_reader_pdf_rejects_missing_file(tmp_path: pathlib.Path) -> None:
    with pytest.raises(InputError, match="cannot read the file"):
        read_pdf(tmp_path / "absent.pdf")


def test_reader_pdf_rejects_wrong_type() -> None:
    with pytest.raises(TypeError):
        read_pdf(42)  # type: ignore[arg-type]


def test_reader_pdf_rejects_encrypted_pdf() -> None:
    data = encrypted_pdf(user_password=b"secret")
    pdfium = pytest.importorskip("pypdfium2")
    with pdfium.PdfDocument(data, password="secret") as check:  # noqa: S106 - the file is sound
        assert len(check) == 1
    with pytest.raises(InputError, match="encrypted"):
        read_pdf(data)


def test_reader_pdf_reads_pdf_encrypted_without_user_password() -> None:
    doc = read_pdf(encrypted_pdf(user_password=b""))
    assert doc.text == ""
    assert [d.code for d in doc.diagnostics] == ["pdf.encrypted", "pdf.no_text"]


def test_reader_pdf_import_stays_light() -> None:
    code = "import sys, resparse, resparse.readers.pdf; print('pypdfium2' in sys.modules)"
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# --- PDFs written by the tests -------------------------------------------------------------


def synthetic_pdf(
    lines: list[tuple[float, float, list[tuple[str, str, float, float, float]]]],
) -> bytes:
    """A one-page PDF in the standard Times fonts.

    Each line is ``(baseline, x, pieces)`` and each piece ``(text, font, size, gap, rise)``:
    a text object placed ``gap`` points after the previous piece's box, ``rise`` above the
    baseline.
    """
    pdfium = pytest.importorskip("pypdfium2")
    raw = pdfium.raw
    document = pdfium.PdfDocument.new()
    page = document.new_page(612, 792)
    fonts: dict[str, object] = {}
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for baseline, start, pieces in lines:
        x = start
        for text, font_name, size, gap, rise in pieces:
            if font_name not in fonts:
                fonts[font_name] = raw.FPDFText_LoadStandardFont(document.raw, font_name.encode())
            piece = raw.FPDFPageObj_CreateTextObj(document.raw, fonts[font_name], size)
            buffer = ctypes.create_string_buffer(text.encode("utf-16-le") + b"\0\0")
            raw.FPDFText_SetText(piece, ctypes.cast(buffer, ctypes.POINTER(raw.FPDF_WCHAR)))
            raw.FPDFPageObj_Transform(piece, 1, 0, 0, 1, x + gap, baseline + rise)
            raw.FPDFPage_InsertObject(page.raw, piece)
            raw.FPDFPageObj_GetBounds(piece, left, bottom, right, top)
            x = right.value
    raw.FPDFPage_GenerateContent(page.raw)
    out = io.BytesIO()
    document.save(out)
    page.close()
    document.close()
    return out.getvalue()


# --- an encrypted PDF, written by hand -----------------------------------------------------

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    box = list(range(256))
    j = 0
    for i in range(256):
        j = (j + box[i] + key[i % len(key)]) % 256
        box[i], box[j] = box[j], box[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + box[i]) % 256
        box[i], box[j] = box[j], box[i]
        out.append(byte ^ box[(box[i] + box[j]) % 256])
    return bytes(out)


def encrypted_pdf(user_password: bytes, owner_password: bytes = b"owner") -> bytes:
    """A one-page PDF under the standard security handler, revision 2 (40-bit RC4).

    The page has no content stream and the document no strings, so only the /O and /U
    entries need computing (PDF 1.7, section 7.6.3, algorithms 2, 3 and 4).
    """
    file_id = hashlib.md5(b"resparse test").digest()  # noqa: S324 - the PDF format's own hash
    permissions = -4
    owner_key = hashlib.md5((owner_password + _PAD)[:32]).digest()[:5]  # noqa: S324
    owner_entry = _rc4(owner_key, (user_password + _PAD)[:32])
    seed = (
        (user_password + _PAD)[:32]
        + owner_entry
        + permissions.to_bytes(4, "little", signed=True)
        + file_id
    )
    key = hashlib.md5(seed).digest()[:5]  # noqa: S324
    user_entry = _rc4(key, _PAD)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << >> >>",
        b"<< /Filter /Standard /V 1 /R 2 /O <"
        + owner_entry.hex().encode()
        + b"> /U <"
        + user_entry.hex().encode()
        + b"> /P -4 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    identifier = file_id.hex().encode()
    out += b"trailer\n<< /Size %d /Root 1 0 R /Encrypt 4 0 R /ID [<" % (len(objects) + 1)
    out += identifier + b"> <" + identifier + b">] >>\n"
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


# --- limits ----------------------------------------------------------------------------------


def stream_pdf(content: bytes, filters: str) -> bytes:
    """A one-page PDF whose page content is ``content`` under ``filters`` (e.g. "/FlateDecode")."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Times-Roman"
            b" >> >> >> >>"
        ),
        b"<< /Length %d /Filter %s >>\nstream\n" % (len(content), filters.encode())
        + content
        + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def deflated(pieces: int, piece: bytes = b" " * (1 << 20)) -> bytes:
    """``pieces`` copies of ``piece`` deflated, without holding them all in memory."""
    squeeze = zlib.compressobj(9)
    return b"".join(squeeze.compress(piece) for _ in range(pieces)) + squeeze.flush()


@pytest.mark.issue(18)
def test_reader_pdf_refuses_a_compression_bomb() -> None:
    page = b"BT /F1 12 Tf 72 700 Td (Recalling its resolution 1/1,) Tj ET\n"
    bomb = stream_pdf(deflated(8, page * (1 << 14)), "/FlateDecode")  # 8 MiB from ~20 KB
    assert len(bomb) < 64 * 1024
    with pytest.raises(UnsafeInputError, match="inflate past 1,048,576 bytes"):
        read_pdf(bomb, max_expanded=1 << 20)
    # under a limit it keeps to, the same file reads
    assert read_pdf(bomb, max_expanded=16 << 20).text.startswith("Recalling its resolution 1/1,")


@pytest.mark.issue(18)
def test_reader_pdf_refuses_a_bomb_under_the_default_limit() -> None:
    bomb = stream_pdf(deflated(MAX_EXPANDED // (1 << 20) + 1), "/FlateDecode")
    assert len(bomb) < 1024 * 1024  # a file of under 1 MB that would inflate past 256 MiB
    with pytest.raises(UnsafeInputError, match="compression bomb"):
        read_pdf(bomb)


@pytest.mark.issue(18)
def test_reader_pdf_measures_chained_filters() -> None:
    twice = zlib.compress(deflated(4), 9)  # deflated twice: a few KB for 4 MiB
    bomb = stream_pdf(twice, "[/FlateDecode /FlateDecode]")
    assert len(bomb) < 16 * 1024
    with pytest.raises(UnsafeInputError):
        read_pdf(bomb, max_expanded=1 << 20)
    assert read_pdf(bomb, max_expanded=8 << 20).text == ""  # spaces only: read, not refused


@pytest.mark.issue(18)
def test_reader_pdf_limit_leaves_ordinary_files_alone(res212: Document) -> None:
    assert read_pdf(RES_212, max_expanded=4 << 20) == res212  # inflates to under 1 MiB
    with pytest.raises(ValueError, match="max_expanded"):
        read_pdf(RES_212, max_expanded=0)


# --- text too small to read -------------------------------------------------------------------


@pytest.mark.issue(19)
def test_reader_pdf_leaves_out_tiny_text_with_a_diagnostic() -> None:
    roman = "Times-Roman"
    data = synthetic_pdf(
        [
            (700, 72, [("United Nations", roman, 14, 0, 0), (".", roman, 0.5, 40, 0)]),
            (680, 72, [("General Assembly", roman, 14, 0, 0)]),
            (20, 300, [("x", roman, 0.5, 0, 0)]),
        ]
    )
    doc = read_pdf(data)
    assert doc.text == "United Nations\nGeneral Assembly"
    assert [(d.code, d.severity) for d in doc.diagnostics] == [("pdf.tiny_text", "info")]
    assert "2 character(s) printed under 1 pt" in doc.diagnostics[0].message


@pytest.mark.issue(19)
def test_reader_pdf_keeps_small_type_set_large_by_its_matrix() -> None:
    """A size of 1 pt scaled up twelvefold by the text matrix prints 12 pt high: kept."""
    pdfium = pytest.importorskip("pypdfium2")
    raw = pdfium.raw
    document = pdfium.PdfDocument.new()
    page = document.new_page(612, 792)
    font = raw.FPDFText_LoadStandardFont(document.raw, b"Times-Roman")
    piece = raw.FPDFPageObj_CreateTextObj(document.raw, font, 1.0)
    text = ctypes.create_string_buffer("Recalling".encode("utf-16-le") + b"\0\0")
    raw.FPDFText_SetText(piece, ctypes.cast(text, ctypes.POINTER(raw.FPDF_WCHAR)))
    raw.FPDFPageObj_Transform(piece, 12, 0, 0, 12, 72, 700)
    raw.FPDFPage_InsertObject(page.raw, piece)
    raw.FPDFPage_GenerateContent(page.raw)
    out = io.BytesIO()
    document.save(out)
    page.close()
    document.close()
    doc = read_pdf(out.getvalue())
    assert doc.text == "Recalling"
    assert doc.diagnostics == ()
