"""Parse a folder of resolutions into two tables, one file per task, in worker processes.

:func:`parse_path` is the unit of work that the ``resparse corpus`` command and
:mod:`resparse.dask` both run. It never raises: a file that cannot be read, or that takes
too long, comes back as a document record with its error and no rows, so one bad file
among thousands costs one line of the output instead of the run. Its result is plain data
(strings, numbers, dicts), so it pickles cheaply between processes and machines.

The two tables:

- rows: one per preambular clause, operative paragraph and sub-paragraph, with the
  columns of :func:`resparse.exports.frame.to_frame` after a leading ``path``;
- documents: one per file (:data:`DOCUMENT_COLUMNS`), with the counts, the error if any,
  and the seconds the file took.

Both are sorted by path whatever the order the files finished in, so the same folder gives
the same output with one worker or many.
"""

from __future__ import annotations

import os
import pathlib
from typing import TYPE_CHECKING, Any

import regex

# the records, the worker pool and the outputs live in their own modules; every name they
# had here is still read from here (__all__ lists the ones the split moved, too)
from resparse._corpus_output import CorpusOutput
from resparse._corpus_pool import Task, run_pool
from resparse._corpus_records import (
    _LISTED,
    DEFAULT_SUFFIXES,
    DOCUMENT_COLUMNS,
    DOCUMENT_DTYPES,
    REFERENCE_COLUMNS,
    REFERENCE_DTYPES,
    ROW_COLUMNS,
    ROW_DTYPES,
    VOTE_COLUMNS,
    VOTE_DTYPES,
    DocumentResult,
    describe_error,
    failure,
    limit_memory,
    parse_path,
)
from resparse.errors import MissingExtraError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from pandas import DataFrame  # type: ignore[import-untyped, unused-ignore]


__all__ = [
    "DEFAULT_SUFFIXES",
    "DOCUMENT_COLUMNS",
    "DOCUMENT_DTYPES",
    "REFERENCE_COLUMNS",
    "REFERENCE_DTYPES",
    "ROW_COLUMNS",
    "ROW_DTYPES",
    "VOTE_COLUMNS",
    "VOTE_DTYPES",
    "CorpusOutput",
    "DocumentResult",
    "Task",
    "describe_error",
    "documents_frame",
    "failure",
    "file_key",
    "find_files",
    "key_path",
    "limit_memory",
    "outside_links",
    "parse_path",
    "rows_frame",
    "run_pool",
    "table_frame",
]


# --- finding files ---------------------------------------------------------------------


def find_files(
    folder: str | os.PathLike[str], pattern: str | None = None, *, follow_links: bool = False
) -> list[str]:
    """Files under ``folder`` as sorted keys: POSIX paths relative to it.

    With ``pattern`` (a glob such as ``"*.pdf"`` or ``"ga/**/*.xml"``, matched below the
    folder at any depth) every match counts; without it, every file whose suffix is in
    :data:`DEFAULT_SUFFIXES`. Hidden files and folders are left out either way, and so are
    symbolic links that lead out of the folder (:func:`outside_links` lists them) unless
    ``follow_links``. A name that is not UTF-8 gets a key that keeps its bytes
    (:func:`file_key`); :func:`key_path` turns a key back into the file's path.
    """
    root = pathlib.Path(folder)
    inside = root.resolve()
    keys = []
    for file, relative in _candidates(root, pattern):
        if follow_links or _within(file, inside):
            keys.append(file_key(relative.as_posix()))
    return sorted(keys)


def outside_links(folder: str | os.PathLike[str], pattern: str | None = None) -> list[str]:
    """The keys of files that :func:`find_files` would list but that lead out of the folder.

    A link to a file elsewhere (``/etc/passwd``) is not read unless asked for: the command
    records each as refused.
    """
    root = pathlib.Path(folder)
    inside = root.resolve()
    return sorted(
        file_key(relative.as_posix())
        for file, relative in _candidates(root, pattern)
        if not _within(file, inside)
    )


def _candidates(
    root: pathlib.Path, pattern: str | None
) -> Iterator[tuple[pathlib.Path, pathlib.PurePath]]:
    found = root.rglob(pattern) if pattern else root.rglob("*")
    for file in found:
        relative = file.relative_to(root)
        if any(part.startswith(".") for part in relative.parts) or not file.is_file():
            continue
        if pattern or file.suffix.lower() in DEFAULT_SUFFIXES:
            yield file, relative


def _within(file: pathlib.Path, inside: pathlib.Path) -> bool:
    """Whether the file, links followed, lies inside the folder ``inside`` (resolved)."""
    try:
        return file.resolve().is_relative_to(inside)
    except (OSError, RuntimeError):  # a loop of links
        return False


def file_key(relative: str) -> str:
    r"""The key a file is recorded under: its relative path, in text that any output keeps.

    A UTF-8 name is its own key. A name that is not UTF-8 (which Python holds with lone
    surrogates) gets its undecodable bytes written ``\xff`` and its backslashes doubled,
    so that no two names share a key and :func:`key_path` can undo it.
    """
    if "\\" not in relative and not _has_surrogates(relative):
        return relative
    raw = os.fsencode(relative).replace(b"\\", b"\\\\")
    return raw.decode("utf-8", "backslashreplace")


def key_path(folder: str | os.PathLike[str], key: str) -> str:
    """The path of the file recorded as ``key`` under ``folder``: :func:`file_key` undone."""
    if "\\" not in key:
        return str(pathlib.Path(folder) / key)
    raw = _ESCAPE_RE.sub(_unescape, key.encode("utf-8", "surrogateescape"))
    return str(pathlib.Path(folder) / os.fsdecode(raw))


_ESCAPE_RE = regex.compile(rb"\\(?:\\|x([0-9a-f]{2}))")


def _unescape(match: regex.Match[bytes]) -> bytes:
    return b"\\" if match[1] is None else bytes([int(match[1], 16)])


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


# --- tables ------------------------------------------------------------------------------


def _pandas() -> Any:  # noqa: ANN401 - pandas has no stubs here
    try:
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]  # noqa: PLC0415
    except ImportError as error:
        raise MissingExtraError(feature="corpus tables", extra="pandas") from error
    return pd


def rows_frame(results: Iterable[DocumentResult]) -> DataFrame:
    """The rows of ``results`` as a pandas DataFrame with the dtypes of ``to_frame``."""
    pd = _pandas()
    records = [row for result in results for row in result.rows]
    return pd.DataFrame.from_records(records, columns=list(ROW_COLUMNS)).astype(ROW_DTYPES)


def documents_frame(results: Iterable[DocumentResult]) -> DataFrame:
    """The document records of ``results`` as a pandas DataFrame with nullable dtypes."""
    pd = _pandas()
    records = [result.document for result in results]
    frame = pd.DataFrame.from_records(records, columns=list(DOCUMENT_COLUMNS))
    return frame.astype(DOCUMENT_DTYPES)


def table_frame(results: Iterable[DocumentResult], table: str) -> DataFrame:
    """One table of ``results`` as a pandas DataFrame with the codebook's nullable dtypes.

    ``table`` is ``documents``, ``rows``, ``votes`` or ``references``.
    """
    if table == "documents":
        return documents_frame(results)
    listed = {name: (names, dtypes, key) for name, names, dtypes, key in _LISTED}
    if table not in listed:
        msg = f"no table {table!r}: documents, rows, votes or references"
        raise ValueError(msg)
    names, dtypes, key = listed[table]
    pd = _pandas()
    records = [row for result in results for row in getattr(result, key)]
    return pd.DataFrame.from_records(records, columns=list(names)).astype(dtypes)
