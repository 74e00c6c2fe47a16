"""How ``parse_file`` reads what a new user gives it: code pages, empty files, files that
claim a signature they do not keep, paths that never end and charsets that are no text."""

from __future__ import annotations

import pathlib

import pytest

import resparse
from resparse.errors import InputDecodeError, InputError, InputTooLargeError
from resparse.readers import dispatch
from resparse.readers.dispatch import decode_text, read_bytes

FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "A_HRC_RES_46_13.txt"
LATIN = (
    "The General Assembly,\n\nRecalling its résolution 77/1 on Côte d’Ivoire,\n\n1. Decides to act."
)


# --- encodings -------------------------------------------------------------------------------


@pytest.mark.issue(19)
def test_dispatch_latin1_text_names_the_way_out(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(LATIN.encode("cp1252"))
    with pytest.raises(InputDecodeError) as caught:
        resparse.parse_file(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: the file is not UTF-8 text: invalid continuation byte")
    assert "(byte 38)" in message
    assert "encoding='cp1252'" in message
    assert "call parse()" in message
    assert caught.value.offset == 38


@pytest.mark.issue(19)
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_dispatch_encoding_decodes_what_is_not_utf8(tmp_path: pathlib.Path, suffix: str) -> None:
    if suffix == ".html":
        pytest.importorskip("selectolax")
    text = LATIN if suffix != ".html" else f"<html><body><pre>{LATIN}</pre></body></html>"
    path = tmp_path / f"latin{suffix}"
    path.write_bytes(text.encode("cp1252"))
    result = resparse.parse_file(path, encoding="cp1252")
    assert "Côte d’Ivoire" in result.source
    assert result.preamble[0].lead == "Recalling"
    notes = [d for d in result.diagnostics if d.code == "input.encoding"]
    assert len(notes) == 1
    assert notes[0].severity == "info"
    assert "cp1252" in notes[0].message


@pytest.mark.issue(19)
def test_dispatch_encoding_leaves_utf8_and_marked_text_alone() -> None:
    utf8 = LATIN.encode("utf-8")
    assert decode_text(utf8, encoding="cp1252") == (LATIN, [])
    text, notes = decode_text(b"\xff\xfe" + LATIN.encode("utf-16-le"), encoding="cp1252")
    assert text == " " + LATIN
    assert [d.code for d in notes] == ["input.bom"]
    with pytest.raises(InputDecodeError, match="UTF-16-LE"):  # a wrong mark is not overruled
        decode_text(b"\xff\xfe\x00\xd8", encoding="cp1252")


@pytest.mark.issue(19)
def test_dispatch_encoding_that_cannot_decode_still_raises() -> None:
    with pytest.raises(InputDecodeError, match="not ascii text either"):
        read_bytes("Côte".encode("latin-1"), name="x.txt", encoding="ascii")


@pytest.mark.issue(19)
@pytest.mark.parametrize("encoding", ["base64", "rot13", "zlib", "no-such-codec"])
def test_dispatch_encoding_must_be_a_text_encoding(encoding: str) -> None:
    with pytest.raises(ValueError, match="not a text encoding"):
        resparse.parse_file(SEED, encoding=encoding)


# --- empty files and false signatures ------------------------------------------------------


@pytest.mark.issue(19)
@pytest.mark.parametrize("name", ["empty.pdf", "empty.docx", "empty.html", "empty.txt", "empty"])
def test_dispatch_empty_file_is_empty_input_whatever_its_suffix(
    tmp_path: pathlib.Path, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    result = resparse.parse_file(path)
    assert result.source == ""
    assert [(d.code, d.severity) for d in result.diagnostics] == [("input.empty", "error")]
    with pytest.raises(resparse.ResolutionParseError):
        resparse.parse_file(path, strict=True)


@pytest.mark.issue(18)
def test_dispatch_text_that_starts_like_a_pdf_is_read_as_text(tmp_path: pathlib.Path) -> None:
    pytest.importorskip("resparse.readers.pdf")
    text = "%PDF-1.7 files are described in ISO 32000.\n\n" + SEED.read_text(encoding="utf-8")
    path = tmp_path / "notes.txt"
    path.write_text(text, encoding="utf-8")
    result = resparse.parse_file(path)
    assert result.source == text
    assert len(result.operative) == 8
    notes = [d for d in result.diagnostics if d.code == "input.not_pdf"]
    assert len(notes) == 1
    assert notes[0].severity == "warning"


@pytest.mark.issue(18)
def test_dispatch_a_real_pdf_named_txt_is_still_a_pdf(tmp_path: pathlib.Path) -> None:
    pytest.importorskip("resparse.readers.pdf")
    path = tmp_path / "renamed.txt"
    path.write_bytes((FIXTURES / "pdf" / "A_RES_78_109.pdf").read_bytes())
    result = resparse.parse_file(path)
    assert result.header.symbol == "A/RES/78/109"
    assert "input.not_pdf" not in {d.code for d in result.diagnostics}


@pytest.mark.issue(18)
def test_dispatch_binary_after_a_pdf_signature_keeps_the_pdf_error(tmp_path: pathlib.Path) -> None:
    pytest.importorskip("resparse.readers.pdf")
    path = tmp_path / "broken.txt"
    path.write_bytes(b"%PDF-1.4\n\xff\xfe\x00garbage")
    with pytest.raises(InputError) as caught:
        resparse.parse_file(path)
    assert not isinstance(caught.value, InputDecodeError)
    fake = tmp_path / "fake.pdf"  # a .pdf that is no PDF is still refused
    fake.write_bytes(b"%PDF-1.4 but only text")
    with pytest.raises(InputError):
        resparse.parse_file(fake)


# --- read limits ---------------------------------------------------------------------------


@pytest.mark.issue(18)
def test_dispatch_endless_file_hits_the_read_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    endless = pathlib.Path("/dev/zero")
    if not endless.exists():
        pytest.skip("no /dev/zero on this system")
    monkeypatch.setattr(dispatch, "READ_LIMIT", 3 * 1024 * 1024)
    with pytest.raises(InputTooLargeError, match="goes on past 3,145,728 bytes, the read limit"):
        resparse.parse_file(endless)
    with pytest.raises(InputTooLargeError, match="goes on past the limit of 1000 bytes"):
        resparse.parse_file(endless, max_bytes=1000)


@pytest.mark.issue(18)
def test_dispatch_read_limit_applies_to_regular_files_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(dispatch, "READ_LIMIT", 1000)
    with pytest.raises(InputTooLargeError, match="more than the limit of 1000"):
        resparse.parse_file(SEED)
    assert resparse.parse_file(SEED, max_bytes=100_000).header.symbol == "A/HRC/RES/46/13"
    assert dispatch.READ_LIMIT < 1 << 40  # a stated, finite default


# --- a charset that is not a text encoding -------------------------------------------------


@pytest.mark.issue(18)
@pytest.mark.parametrize("charset", ["base64", "rot13", "zlib", "hex", "bz2"])
def test_dispatch_html_charset_that_is_no_text_encoding(
    tmp_path: pathlib.Path, charset: str
) -> None:
    pytest.importorskip("selectolax")
    path = tmp_path / "page.html"
    path.write_bytes(
        f'<html><head><meta charset="{charset}"></head><body>'.encode() + b"\xff</body></html>"
    )
    with pytest.raises(InputError, match="not a character set"):
        resparse.parse_file(path)
