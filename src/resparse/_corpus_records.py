"""Corpus records: the tables' columns, one document's result, and the work that makes it."""

from __future__ import annotations

import json
import os
import time
from typing import Any

import attrs

from resparse._deadline import Deadline, deadline_scope
from resparse.errors import InputError
from resparse.exports.frame import COLUMNS as FRAME_COLUMNS
from resparse.exports.frame import DTYPES as FRAME_DTYPES
from resparse.tables import (
    TABLES,
    columns,
    failure_tables,
    result_tables,
)

DEFAULT_SUFFIXES: frozenset[str] = frozenset(
    {".pdf", ".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".xml"}
)
ROW_COLUMNS: tuple[str, ...] = ("path", *FRAME_COLUMNS)
ROW_DTYPES: dict[str, str] = {"path": "string", **FRAME_DTYPES}
# the documents, votes and references tables: the codebook's columns (resparse.tables)
DOCUMENT_COLUMNS: tuple[str, ...] = columns("documents")
VOTE_COLUMNS: tuple[str, ...] = columns("votes")
REFERENCE_COLUMNS: tuple[str, ...] = columns("references")
_PANDAS_TYPES = {
    "string": "string",
    "date": "string",
    "integer": "Int64",
    "number": "Float64",
    "boolean": "boolean",
}


def _dtypes(table: str) -> dict[str, str]:
    return {name: _PANDAS_TYPES[kind] for name, kind, _what, _codes in TABLES[table]}


DOCUMENT_DTYPES: dict[str, str] = _dtypes("documents")
VOTE_DTYPES: dict[str, str] = _dtypes("votes")
REFERENCE_DTYPES: dict[str, str] = _dtypes("references")
# (table, columns, dtypes, the key of its rows in a JSONL record) of the tables per document
_LISTED: tuple[tuple[str, tuple[str, ...], dict[str, str], str], ...] = (
    ("rows", ROW_COLUMNS, ROW_DTYPES, "rows"),
    ("votes", VOTE_COLUMNS, VOTE_DTYPES, "votes"),
    ("references", REFERENCE_COLUMNS, REFERENCE_DTYPES, "references"),
)


@attrs.frozen
class DocumentResult:
    """What parsing one file gave: its document record and its table rows, as plain data.

    ``document`` has the keys of :data:`DOCUMENT_COLUMNS`; each row has those of
    :data:`ROW_COLUMNS`, each vote row those of :data:`VOTE_COLUMNS` (the full roll call)
    and each reference row those of :data:`REFERENCE_COLUMNS`. A failed file has
    ``document["error"]`` set and no rows.
    """

    document: dict[str, Any]
    rows: tuple[dict[str, Any], ...] = ()
    votes: tuple[dict[str, Any], ...] = ()
    references: tuple[dict[str, Any], ...] = ()

    @property
    def path(self) -> str:
        """The path the file is recorded under."""
        return str(self.document["path"])

    @property
    def error(self) -> str | None:
        """Why the file gave no result, or ``None`` when it parsed."""
        error = self.document.get("error")
        return None if error is None else str(error)

    def to_record(self) -> dict[str, Any]:
        """The JSONL form: the document's fields, then its rows without the repeated path."""
        record = dict(self.document)
        for _table, _columns, _dtypes, key in _LISTED:
            rows = getattr(self, key)
            record[key] = [{k: v for k, v in row.items() if k != "path"} for row in rows]
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> DocumentResult:
        """Rebuild a result from :meth:`to_record` output (a line of a JSONL corpus file).

        A record written before the votes and references were kept reads with none.
        """
        document = {name: record.get(name) for name in DOCUMENT_COLUMNS}
        path = document["path"]
        listed = {
            key: tuple(
                {"path": path, **{name: row.get(name) for name in names[1:]}}
                for row in record.get(key) or ()
            )
            for _table, names, _dtypes, key in _LISTED
        }
        return cls(document, **listed)

    @classmethod
    def from_tables(cls, tables: dict[str, list[dict[str, Any]]]) -> DocumentResult:
        """A result from :func:`resparse.tables.result_tables` output."""
        return cls(
            tables["documents"][0],
            tuple(tables["rows"]),
            tuple(tables["votes"]),
            tuple(tables["references"]),
        )

    def to_json_line(self) -> str:
        """One line of JSON with a fixed key order, so equal results give equal bytes."""
        return json.dumps(self.to_record(), ensure_ascii=False, separators=(",", ":"))

    def without_timing(self) -> DocumentResult:
        """The same result with ``seconds`` blanked, for byte-identical outputs."""
        return attrs.evolve(self, document={**self.document, "seconds": None})


def parse_path(
    path: str | os.PathLike[str], timeout: float | None = None, *, key: str | None = None
) -> DocumentResult:
    """Read and parse one file; never raises, so a bad file cannot stop a corpus run.

    ``timeout`` (seconds) bounds reading and parsing together, checked cooperatively by
    every stage; a reader stuck inside a C library is beyond its reach, which is why the
    ``corpus`` command (and :func:`resparse.dask.parse_bag`) also kill a worker that
    overruns. A file that exhausts memory is recorded as ``InputTooLargeError``. ``key``
    is the path to record (the command records paths relative to the folder it was
    given); it defaults to ``path``.
    """
    from resparse.parser import parse_document  # noqa: PLC0415 - keeps the import light
    from resparse.readers.dispatch import read_file  # noqa: PLC0415

    name = key if key is not None else os.fspath(path)
    started = time.perf_counter()
    try:
        with deadline_scope(Deadline.after(timeout) if timeout is not None else None):
            result = parse_document(read_file(os.fspath(path)))
    except MemoryError:
        limit = _memory_limit()
        cap = f" (the worker's limit is {limit // 2**20:,} MB)" if limit else ""
        message = f"InputTooLargeError: reading the file needed more memory than there is{cap}"
        return failure(name, message, time.perf_counter() - started)
    except Exception as error:  # noqa: BLE001 - a corpus run records every failure and goes on
        return failure(name, describe_error(error), time.perf_counter() - started)
    seconds = _round(time.perf_counter() - started)
    return DocumentResult.from_tables(result_tables(name, result, seconds))


def failure(key: str, error: str, seconds: float | None) -> DocumentResult:
    """The record of a file that gave no result."""
    return DocumentResult.from_tables(failure_tables(key, error, _round(seconds)))


def describe_error(error: BaseException) -> str:
    """``"Kind: what went wrong"``, without the path an InputError repeats (it has a column)."""
    message = str(error)
    if isinstance(error, InputError) and error.path and message.startswith(f"{error.path}: "):
        message = message[len(error.path) + 2 :]
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def _round(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds, 6)


def limit_memory(limit: int) -> None:
    """Cap this process's address space at ``limit`` bytes (``RLIMIT_AS``), where it can be.

    Past the cap an allocation fails: Python raises ``MemoryError``, which
    :func:`parse_path` records as ``InputTooLargeError``, and a native library that
    cannot cope ends the worker, which the pool records as a crash. A hard limit lower
    than ``limit`` is kept; on a system without ``resource`` (Windows) nothing is capped.
    """
    try:
        import resource  # noqa: PLC0415 - POSIX only
    except ImportError:  # pragma: no cover - Windows
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def _memory_limit() -> int | None:
    """The address-space cap of this process, if it has one."""
    try:
        import resource  # noqa: PLC0415 - POSIX only
    except ImportError:  # pragma: no cover - Windows
        return None
    soft, _hard = resource.getrlimit(resource.RLIMIT_AS)
    return None if soft == resource.RLIM_INFINITY else soft
