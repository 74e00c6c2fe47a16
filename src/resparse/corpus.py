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

import contextlib
import csv
import json
import multiprocessing
import multiprocessing.connection
import os
import pathlib
import signal
import time
from typing import TYPE_CHECKING, Any, BinaryIO

import attrs
import regex

from resparse._deadline import Deadline, deadline_scope
from resparse.errors import InputError, MissingExtraError, OutputBusyError
from resparse.exports.frame import COLUMNS as FRAME_COLUMNS
from resparse.exports.frame import DTYPES as FRAME_DTYPES
from resparse.tables import (
    TABLES,
    CsvTables,
    columns,
    datapackage,
    failure_tables,
    result_tables,
    typed,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence
    from multiprocessing.connection import Connection
    from multiprocessing.context import ForkServerContext, SpawnContext
    from multiprocessing.process import BaseProcess

    from pandas import DataFrame  # type: ignore[import-untyped, unused-ignore]


__all__ = [
    "DEFAULT_SUFFIXES",
    "DOCUMENT_COLUMNS",
    "DOCUMENT_DTYPES",
    "ROW_COLUMNS",
    "ROW_DTYPES",
    "DocumentResult",
    "documents_frame",
    "file_key",
    "find_files",
    "key_path",
    "outside_links",
    "parse_path",
    "rows_frame",
    "run_pool",
    "table_frame",
]

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
_GRACE = 5.0  # seconds a worker gets past the parse deadline before it is killed


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


# --- the process pool --------------------------------------------------------------------

Task = tuple[str, str]  # (path to read, key to record)


def _parse_task(path: str, timeout: float | None, key: str) -> DocumentResult:
    return parse_path(path, timeout, key=key)


def _serve(
    connection: Connection,
    timeout: float | None,
    work: Callable[..., Any],
    memory: int | None = None,
) -> None:
    """A worker's loop: say it is ready, then parse each task sent until told to stop."""
    # Ctrl-C reaches the whole process group: the parent handles it and stops the workers
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if memory is not None:
        limit_memory(memory)
    _warm_up()
    connection.send(None)
    while True:
        task = connection.recv()
        if task is None:
            return
        path, key = task
        connection.send(work(path, timeout, key))


def _warm_up() -> None:
    """Load the readers and the lead tables before the first task, so its time limit is its own."""
    from resparse.parser import parse  # noqa: PLC0415
    from resparse.readers import dispatch  # noqa: F401, PLC0415

    parse("The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides to remain seized.")


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


@attrs.define
class _Slot:
    """One worker process and the task it is busy with, if any."""

    process: BaseProcess
    connection: Connection
    ready: bool = False
    task: Task | None = None
    started: float = 0.0


def _context() -> ForkServerContext | SpawnContext:
    """A fork server where there is one: cheap restarts, and no fork of a threaded parent."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        # the server imports the parser once; every worker forked from it starts warm
        context.set_forkserver_preload(["resparse.corpus"])
        return context
    return multiprocessing.get_context("spawn")


class _Pool:
    """Worker processes fed one task at a time, so an overrunning one can be killed alone.

    concurrent.futures cannot cancel a task that has started, and multiprocessing.Pool
    cannot kill one worker; here each worker has its own pipe, and a worker past its
    deadline (or one that died, say in a PDF library) is replaced and its file recorded.
    """

    def __init__(
        self,
        jobs: int,
        timeout: float | None,
        work: Callable[..., Any],
        grace: float,
        memory: int | None = None,
    ) -> None:
        self._context = _context()
        self._timeout = timeout
        self._grace = grace
        self._work = work
        self._memory = memory
        self._slots = [self._start() for _ in range(jobs)]

    def _start(self) -> _Slot:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_serve, args=(child, self._timeout, self._work, self._memory), daemon=True
        )
        process.start()
        child.close()
        return _Slot(process, parent)

    def _replace(self, slot: _Slot) -> _Slot:
        slot.process.kill()
        slot.process.join()
        slot.connection.close()
        return self._start()

    def close(self) -> None:
        """Stop every worker: politely when idle, by force when busy."""
        for slot in self._slots:
            if slot.task is None and slot.process.is_alive():
                with contextlib.suppress(OSError):
                    slot.connection.send(None)
        for slot in self._slots:
            slot.process.join(timeout=1.0)
            if slot.process.is_alive():
                slot.process.kill()
                slot.process.join()
            slot.connection.close()

    def run(self, tasks: Sequence[Task]) -> Iterator[DocumentResult]:
        """Yield one result per task, in the order they finish."""
        pending = list(reversed(tasks))
        busy = 0
        limit = None if self._timeout is None else self._timeout + self._grace
        while pending or busy:
            for slot in self._slots:
                if slot.ready and slot.task is None and pending:
                    slot.task = pending.pop()
                    slot.started = time.monotonic()
                    slot.connection.send(slot.task)
                    busy += 1
            wait = None
            if limit is not None and busy:
                now = time.monotonic()
                ends = [s.started + limit for s in self._slots if s.task is not None]
                wait = max(0.0, min(ends) - now)
            connections = [slot.connection for slot in self._slots]
            ready = multiprocessing.connection.wait(connections, timeout=wait)
            for index, slot in enumerate(self._slots):
                if slot.connection in ready:
                    outcome = self._receive(index)
                    if outcome is not None:
                        busy -= 1
                        yield outcome
                elif slot.task is not None and self._overran(slot, limit):
                    task = slot.task
                    self._slots[index] = self._replace(slot)
                    busy -= 1
                    message = f"ParseTimeoutError: no result after {limit:g} s; worker killed"
                    yield failure(task[1], message, None)

    @staticmethod
    def _overran(slot: _Slot, limit: float | None) -> bool:
        return limit is not None and time.monotonic() - slot.started > limit

    def _receive(self, index: int) -> DocumentResult | None:
        slot = self._slots[index]
        try:
            message = slot.connection.recv()
        except (EOFError, OSError):
            # the worker died: a crash in native code, or killed from outside
            slot.process.join(timeout=1.0)
            task, code = slot.task, slot.process.exitcode
            self._slots[index] = self._replace(slot)
            if task is None:
                return None
            message = f"WorkerCrash: the worker process died ({_exit_status(code)})"
            return failure(task[1], message, None)
        if message is None:
            slot.ready = True
            return None
        slot.task = None
        if not isinstance(message, DocumentResult):  # pragma: no cover - a custom worker's bug
            msg = f"a worker sent {type(message).__name__}, not a DocumentResult"
            raise TypeError(msg)
        return message


def _exit_status(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"killed by {name}"
    return f"exit code {code}"


def run_pool(  # noqa: PLR0913 - the pool's settings, each with a default
    tasks: Iterable[Task],
    *,
    jobs: int = 1,
    timeout: float | None = None,
    work: Callable[..., Any] = _parse_task,
    grace: float = _GRACE,
    memory: int | None = None,
) -> Iterator[DocumentResult]:
    """Parse ``(path, key)`` tasks in ``jobs`` worker processes; yield results as they finish.

    A worker that gives no result within ``timeout`` plus ``grace`` seconds is killed and
    replaced, and so is one that dies; either way the file is recorded with an error
    and the run goes on. ``memory`` caps each worker's address space, in bytes (see
    :func:`limit_memory`). ``work(path, timeout, key)`` is the per-file function, a
    module-level one so that it pickles (tests swap in a slow one).
    """
    todo = list(tasks)
    if not todo:
        return
    pool = _Pool(max(1, min(jobs, len(todo))), timeout, work, grace, memory)
    try:
        yield from pool.run(todo)
    finally:
        pool.close()


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
