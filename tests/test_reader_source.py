"""``readers._source``: what the PDF, Word and Akoma Ntoso readers take, one row each.

Bytes of any buffer type come back as ``bytes`` with the path the caller gave; a path is
read whole and reported as a string; a file that cannot be read is an ``InputError`` that
names it, and anything else a ``TypeError`` that names the reader.
"""

from __future__ import annotations

import importlib.util
import os
from typing import TYPE_CHECKING, NamedTuple

import pytest

from resparse.errors import InputError
from resparse.readers._source import read_file, read_source

if TYPE_CHECKING:
    import pathlib
    from collections.abc import Callable

DATA = b"%PDF-1.7 not really"


class StrPath(os.PathLike[str]):
    """A PathLike that is not a pathlib.Path."""

    def __init__(self, path: pathlib.Path) -> None:
        self._path = str(path)

    def __fspath__(self) -> str:
        return self._path


class Given(NamedTuple):
    name: str
    source: Callable[[pathlib.Path], object]  # from the file holding DATA
    given_path: str | None  # what the caller passes as path=
    reported: Callable[[pathlib.Path], str | None]  # the path read_source must report


ROWS = [
    Given("bytes", lambda _: DATA, None, lambda _: None),
    Given("bytes with a path", lambda _: DATA, "given.pdf", lambda _: "given.pdf"),
    Given("bytearray", lambda _: bytearray(DATA), None, lambda _: None),
    Given("memoryview", lambda _: memoryview(DATA), "given.pdf", lambda _: "given.pdf"),
    Given("str path", str, None, str),
    Given("pathlib.Path", lambda file: file, None, str),
    Given("other PathLike", StrPath, None, str),
    Given("a path wins over path=", str, "given.pdf", str),
]


@pytest.fixture
def file(tmp_path: pathlib.Path) -> pathlib.Path:
    path = tmp_path / "input.pdf"
    path.write_bytes(DATA)
    return path


@pytest.mark.parametrize("row", ROWS, ids=[row.name for row in ROWS])
def test_read_source_gives_bytes_and_path(row: Given, file: pathlib.Path) -> None:
    data, path = read_source(row.source(file), reader_name="read_pdf()", path=row.given_path)  # type: ignore[arg-type]
    assert type(data) is bytes
    assert (data, path) == (DATA, row.reported(file))


@pytest.mark.parametrize(
    "where",
    [lambda tmp: tmp / "missing.pdf", lambda tmp: tmp],
    ids=["missing file", "a folder"],
)
def test_read_source_unreadable_file_is_an_input_error_naming_it(
    where: Callable[[pathlib.Path], pathlib.Path], tmp_path: pathlib.Path
) -> None:
    target = where(tmp_path)
    for read in (
        lambda: read_source(target, reader_name="read_pdf()", path="given.pdf"),
        lambda: read_file(str(target)),
    ):
        with pytest.raises(InputError, match="cannot read the file") as caught:
            read()
        assert caught.value.path == str(target)
        assert str(caught.value).startswith(f"{target}: ")


@pytest.mark.parametrize(
    ("source", "type_name"),
    [(5, "int"), (None, "NoneType"), (1.5, "float"), (["a.pdf"], "list")],
    ids=["int", "None", "float", "list"],
)
@pytest.mark.parametrize("reader", ["read_pdf()", "read_docx()"])
def test_read_source_wrong_type_names_the_reader(
    source: object, type_name: str, reader: str
) -> None:
    with pytest.raises(TypeError) as caught:
        read_source(source, reader_name=reader)  # type: ignore[arg-type]
    assert str(caught.value) == f"{reader} takes a path or bytes, not {type_name}"


# --- the readers that use it -----------------------------------------------------------------


def test_readers_report_a_missing_file_the_same_way(tmp_path: pathlib.Path) -> None:
    from resparse.readers.docx import read_docx  # noqa: PLC0415
    from resparse.readers.pdf import read_pdf  # noqa: PLC0415

    missing = tmp_path / "missing"
    readers: list[Callable[[pathlib.Path], object]] = [read_pdf, read_docx]
    if importlib.util.find_spec("lxml") is not None:
        from resparse.readers.akn import from_akn  # noqa: PLC0415

        readers.append(from_akn)
    for read in readers:
        with pytest.raises(InputError, match="cannot read the file") as caught:
            read(missing)
        assert caught.value.path == str(missing)


def test_readers_name_themselves_for_a_wrong_type() -> None:
    from resparse.readers.docx import read_docx  # noqa: PLC0415
    from resparse.readers.pdf import read_pdf  # noqa: PLC0415

    with pytest.raises(TypeError, match=r"^read_pdf\(\) takes a path or bytes, not int$"):
        read_pdf(5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^read_docx\(\) takes a path or bytes, not int$"):
        read_docx(5)  # type: ignore[arg-type]


def test_read_docx_reports_the_path_given_with_bytes() -> None:
    from resparse.readers.docx import read_docx  # noqa: PLC0415

    with pytest.raises(InputError, match="not a zip archive") as caught:
        read_docx(b"not a zip", path="given.docx")
    assert caught.value.path == "given.docx"
