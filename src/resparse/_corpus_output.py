"""Corpus outputs: the tables written as JSON lines, CSV or Parquet, resumable and locked."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import pathlib
from typing import TYPE_CHECKING, Any, BinaryIO

import regex

from resparse._corpus_records import _LISTED, DOCUMENT_COLUMNS, DOCUMENT_DTYPES, DocumentResult
from resparse.errors import MissingExtraError, OutputBusyError
from resparse.tables import (
    CsvTables,
    datapackage,
    typed,
)

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence


# --- outputs -----------------------------------------------------------------------------

_BATCH = 256  # documents per Parquet row group: bounded memory, same grouping every run
_ARROW_TYPES = {
    "string": "string",
    "int64": "int64",
    "Int64": "int64",
    "boolean": "bool_",
    "Float64": "float64",
}


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415
        import pyarrow.parquet as pq  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: PLC0415
    except ImportError as error:
        raise MissingExtraError(
            feature="Parquet output", extra="parquet", package="pyarrow"
        ) from error
    return pa, pq


def _schema(pa: Any, columns: Sequence[str], dtypes: dict[str, str]) -> Any:  # noqa: ANN401
    return pa.schema([(name, getattr(pa, _ARROW_TYPES[dtypes[name]])()) for name in columns])


class CorpusOutput:
    """The files a corpus run writes, and the journal that makes a run resumable.

    ``OUT.parquet`` holds the rows, and ``OUT.documents.parquet``, ``OUT.votes.parquet``
    and ``OUT.references.parquet`` the other tables, with ``OUT.datapackage.json``
    describing all four. A folder (``OUT`` without a suffix) gets the four tables as CSV
    with a ``datapackage.json``. ``OUT.jsonl`` holds one record per document with its
    rows, votes and references. While a run goes on, each result is appended to
    ``OUT.partial.jsonl`` as it arrives, so an interrupted run loses nothing;
    :meth:`finish` writes the sorted output from it and deletes it.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = pathlib.Path(path)
        suffix = self.path.suffix.lower()
        if self.path.is_dir() or not suffix:
            self.kind = "csv"
        elif suffix in {".parquet", ".jsonl"}:
            self.kind = suffix[1:]
        else:
            msg = (
                "the output must end in .parquet or .jsonl, or be a folder (no suffix),"
                f" not {suffix!r}"
            )
            raise ValueError(msg)
        if self.kind == "csv":  # inside the folder, hidden, so that "-o ." works too
            self.journal = self.path / ".resparse.partial.jsonl"
            self.lock_path = self.path / ".resparse.lock"
        else:
            self.journal = self.path.with_name(self.path.name + ".partial.jsonl")
            self.lock_path = self.path.with_name(self.path.name + ".lock")
        self._appending: BinaryIO | None = None
        self._lock: int | None = None

    def table_path(self, table: str) -> pathlib.Path:
        """Where one table goes: ``rows``, ``documents``, ``votes`` or ``references``.

        The JSONL output holds all four in one file.
        """
        if self.kind == "jsonl":
            return self.path
        if self.kind == "csv":
            return self.path / f"{table}.csv"
        if table == "rows":
            return self.path
        return self.path.with_name(f"{self.path.stem}.{table}.parquet")

    @property
    def documents_path(self) -> pathlib.Path:
        """Where the documents table goes (the JSONL output holds all in one file)."""
        return self.table_path("documents")

    @property
    def package_path(self) -> pathlib.Path | None:
        """Where the Frictionless ``datapackage.json`` goes; ``None`` for JSONL, not tabular."""
        if self.kind == "csv":
            return self.path / "datapackage.json"
        if self.kind == "parquet":
            return self.path.with_name(f"{self.path.stem}.datapackage.json")
        return None

    def written(self) -> list[pathlib.Path]:
        """The files a finished run leaves, the data package last."""
        tables = [self.table_path(name) for name in _TABLE_ORDER]
        files = list(dict.fromkeys(tables))
        return files + ([self.package_path] if self.package_path is not None else [])

    def check(self) -> None:
        """Fail before any work if the output format's optional extra is missing."""
        if self.kind == "parquet":
            _pyarrow()

    def begin(self, *, resume: bool) -> set[str]:
        """Prepare the journal; returns the paths already done (only when resuming).

        Resuming keeps what an interrupted run journaled and adds what a finished run
        wrote, so both kinds of earlier run are skipped. Takes the output's lock first
        (:meth:`lock`): a second run on the same output is refused, not interleaved.
        """
        self.lock()
        if not resume:
            self.journal.unlink(missing_ok=True)
            self.journal.touch()
            return set()
        self._drop_cut_line()
        done = set(self._journal_index())
        for result in self.previous():
            if result.path not in done:
                self.append(result)
                done.add(result.path)
        return done

    def _drop_cut_line(self) -> None:
        """Cut a last line that a killed run left unfinished, so appends start clean."""
        self.journal.touch()
        complete = 0
        with self.journal.open("rb+") as journal:
            for line in journal:
                if line.endswith(b"\n"):
                    complete += len(line)
            journal.truncate(complete)

    def previous(self) -> Iterator[DocumentResult]:
        """The results a finished earlier run wrote, if there is one."""
        if self.kind == "jsonl":
            if self.path.exists():
                yield from _read_lines(self.path)
            return
        if not self.documents_path.exists():
            return
        grouped: dict[str, dict[str, list[dict[str, Any]]]] = {}
        for table, _names, _dtypes, key in _LISTED:
            for row in self._read(table):
                grouped.setdefault(row["path"], {}).setdefault(key, []).append(row)
        for document in self._read("documents"):
            listed = grouped.get(document["path"], {})
            yield DocumentResult(
                document, *(tuple(listed.get(key, ())) for _t, _n, _d, key in _LISTED)
            )

    def _read(self, table: str) -> Iterator[dict[str, Any]]:
        """The rows of one table a finished run wrote, as plain data; none if it is missing."""
        path = self.table_path(table)
        if not path.exists():  # a table an older version did not write
            return
        if self.kind == "csv":
            with path.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    yield typed(table, row)
            return
        _, pq = _pyarrow()
        yield from pq.read_table(path).to_pylist()

    def append(self, result: DocumentResult) -> None:
        """Journal one result at once, so an interrupted run can resume after it."""
        if self._appending is None:
            self._appending = self.journal.open("ab")
        line = result.to_json_line() + "\n"
        try:
            data = line.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate, say from a damaged PDF's text
            # JSON's \udcxx escapes keep it, where "replace" would make it a "?"
            data = (json.dumps(result.to_record(), separators=(",", ":")) + "\n").encode()
        self._appending.write(data)
        self._appending.flush()

    def close(self) -> None:
        """Close the journal and release the lock (``finish`` does both); the journal stays."""
        if self._appending is not None:
            self._appending.close()
            self._appending = None
        self.unlock()

    def lock(self) -> None:
        """Hold ``OUT.lock`` until :meth:`close`, or raise ``OutputBusyError`` if a run has it.

        An advisory ``flock``, so the lock goes with the process that holds it: a run that
        is killed leaves nothing to clean up. Where there is no ``fcntl`` (Windows) no lock
        is taken.
        """
        if self._lock is not None:
            return
        try:
            import fcntl  # noqa: PLC0415 - POSIX only
        except ImportError:  # pragma: no cover - Windows
            return
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            descriptor = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(descriptor)
                msg = (
                    f"{self.path}: another resparse corpus run is writing this output"
                    f" (it holds {self.lock_path.name}); wait for it, or write elsewhere"
                )
                raise OutputBusyError(msg) from None
            try:
                same = os.fstat(descriptor).st_ino == self.lock_path.stat().st_ino
            except FileNotFoundError:
                same = False
            if same:  # not a lock file that the run before removed as we opened it
                self._lock = descriptor
                return
            os.close(descriptor)

    def unlock(self) -> None:
        """Release the lock taken by :meth:`lock`."""
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    def finish(self) -> int:
        """Write the output sorted by path from the journal, then drop it; returns documents."""
        if self._appending is not None:
            self._appending.close()
            self._appending = None
        self.lock()  # held already when begin() ran
        index = self._journal_index()
        keys = sorted(index)
        if self.kind == "jsonl":
            self._write_jsonl(keys, index)
        elif self.kind == "csv":
            self._write_csv(keys, index)
        else:
            self._write_parquet(keys, index)
        self.journal.unlink(missing_ok=True)
        self.unlock()
        return len(keys)

    def _journal_index(self) -> dict[str, tuple[int, int]]:
        """Path -> (offset, length) of its last complete line in the journal."""
        index: dict[str, tuple[int, int]] = {}
        if not self.journal.exists():
            return index
        offset = 0
        with self.journal.open("rb") as journal:
            for line in journal:
                key = _line_key(line)
                if key is not None:
                    index[key] = (offset, len(line))
                offset += len(line)
        return index

    def _lines(self, keys: list[str], index: dict[str, tuple[int, int]]) -> Iterator[bytes]:
        with self.journal.open("rb") as journal:
            for key in keys:
                offset, length = index[key]
                journal.seek(offset)
                yield journal.read(length).rstrip(b"\n")

    def _write_jsonl(self, keys: list[str], index: dict[str, tuple[int, int]]) -> None:
        temporary = self.path.with_name(self.path.name + ".tmp")
        with temporary.open("wb") as out:
            for line in self._lines(keys, index):
                out.write(line + b"\n")
        temporary.replace(self.path)

    def _records(
        self, keys: list[str], index: dict[str, tuple[int, int]]
    ) -> Iterator[dict[str, Any]]:
        """The journal's records in key order; a lone surrogate as U+FFFD (CSV, Parquet: UTF-8)."""
        for line in self._lines(keys, index):
            record = json.loads(line)
            if b"\\ud" in line:  # an escaped lone surrogate
                record = _without_surrogates(record)
            yield record

    def _write_csv(self, keys: list[str], index: dict[str, tuple[int, int]]) -> None:
        out = CsvTables(self.path, _TABLE_ORDER)
        try:
            for record in self._records(keys, index):
                result = DocumentResult.from_record(record)
                out.write("documents", (result.document,))
                for table, _names, _dtypes, key in _LISTED:
                    out.write(table, getattr(result, key))
        except BaseException:
            out.discard()
            raise
        out.close()

    def _write_parquet(self, keys: list[str], index: dict[str, tuple[int, int]]) -> None:
        pa, pq = _pyarrow()
        schemas = {
            table: _schema(pa, names, dtypes) for table, names, dtypes, _key in _PARQUET_TABLES
        }
        targets = {table: self.table_path(table) for table in schemas}
        temporaries = {t: target.with_name(target.name + ".tmp") for t, target in targets.items()}
        try:
            with contextlib.ExitStack() as stack:
                writers = {
                    table: stack.enter_context(pq.ParquetWriter(temporaries[table], schema))
                    for table, schema in schemas.items()
                }
                batch: list[dict[str, Any]] = []
                for record in self._records(keys, index):
                    batch.append(record)
                    if len(batch) == _BATCH:
                        _write_batch(pa, schemas, batch, writers)
                        batch = []
                if batch:
                    _write_batch(pa, schemas, batch, writers)
        except BaseException:
            for temporary in temporaries.values():
                temporary.unlink(missing_ok=True)
            raise
        for table, temporary in temporaries.items():
            temporary.replace(targets[table])
        if self.package_path is not None:
            paths = {name: self.table_path(name).name for name in _TABLE_ORDER}
            package = datapackage(paths, data_format="parquet")
            text = json.dumps(package, indent=1, ensure_ascii=False, sort_keys=True)
            self.package_path.write_text(text + "\n", encoding="utf-8")


def _without_surrogates(value: Any) -> Any:  # noqa: ANN401 - a JSON value
    """The record with each lone surrogate as U+FFFD (the JSONL output keeps them escaped)."""
    if isinstance(value, str):
        return _SURROGATE_RE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {key: _without_surrogates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_surrogates(item) for item in value]
    return value


_SURROGATE_RE = regex.compile(r"[\ud800-\udfff]")


def _write_batch(
    pa: Any,  # noqa: ANN401 - pyarrow has no type information
    schemas: dict[str, Any],
    batch: list[dict[str, Any]],
    writers: dict[str, Any],
) -> None:
    """One row group in each file: this batch's documents, and their rows, votes, references.

    Built column by column from the JSONL records: several times faster than handing
    pyarrow one dict per row, and the batch is never turned into DocumentResults.
    """
    for table, names, _dtypes, key in _PARQUET_TABLES:
        if key == "":
            documents = {name: [record.get(name) for record in batch] for name in names}
            writers[table].write_table(pa.Table.from_pydict(documents, schema=schemas[table]))
            continue
        paths = [record["path"] for record in batch for _ in record.get(key) or ()]
        if not paths:
            continue
        rows = [row for record in batch for row in record.get(key) or ()]
        data = {"path": paths, **{name: [row.get(name) for row in rows] for name in names[1:]}}
        writers[table].write_table(pa.Table.from_pydict(data, schema=schemas[table]))


_TABLE_ORDER = ("documents", "rows", "votes", "references")
# the Parquet files: the documents' own columns (key ""), then each listed table's
_PARQUET_TABLES = (("documents", DOCUMENT_COLUMNS, DOCUMENT_DTYPES, ""), *_LISTED)
_KEY_PREFIX = b'{"path":"'
_DECODER = json.JSONDecoder()


def _line_key(line: bytes) -> str | None:
    """The path of a complete journal line, read without decoding the whole record.

    Lines are written whole with their newline, and JSON escapes every newline inside
    them, so a line that ends in one is complete; the path is its first field.
    """
    if line.endswith(b"\n") and line.startswith(_KEY_PREFIX):
        try:
            key, _ = _DECODER.raw_decode(line.decode("utf-8"), len(_KEY_PREFIX) - 1)
        except ValueError:
            return None
        return str(key)
    record = _load_line(line) if line.endswith(b"\n") else None
    return None if record is None else str(record["path"])


def _load_line(line: bytes) -> dict[str, Any] | None:
    """A journal line as a record, or ``None`` for a line cut short by an interruption."""
    try:
        record = json.loads(line)
    except ValueError:
        return None
    return record if isinstance(record, dict) and "path" in record else None


def _read_lines(path: pathlib.Path) -> Iterator[DocumentResult]:
    with path.open("rb") as lines:
        for line in lines:
            record = _load_line(line)
            if record is not None:
                yield DocumentResult.from_record(record)
