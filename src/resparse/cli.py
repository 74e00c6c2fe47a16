"""The ``resparse`` command: a thin layer over the public API.

    resparse parse FILE... [--format table|json|jsonl|akn|csv] [-o OUT] [--strict]
                           [--encoding CODEC] [--full-text]
    resparse corpus DIR|- -o OUT.parquet|OUT.jsonl|FOLDER [--jobs N] [--resume] [--timeout S]
                        [--pattern GLOB]... [--fail-on-error]
    resparse tables DIR|FILE...|- -o FOLDER [--pattern GLOB] [--fail-on-error]
    resparse evaluate [--shared DIR] [--language CODE]... [...]
    resparse --version

Exit codes (each subcommand's ``--help`` lists the ones it can return):

    0  done (a corpus run that recorded bad files is done too: they are in its tables)
    1  parse problems: ``--strict`` found an error or warning diagnostic
    2  usage: bad arguments, or an optional extra the command needs is not installed
    3  a file could not be read (missing, not text, damaged) or the output not written
  130  a corpus run was interrupted (Ctrl-C); what it parsed is kept for ``--resume``

argparse rather than Typer or Click: the command is small, argparse ships with Python, and
``resparse --help`` then starts without importing a framework. Everything heavy (the
parser's readers, rich, pandas, pyarrow) is imported by the command that needs it.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pathlib
import shutil
import sys
import time
from typing import TYPE_CHECKING, Any, TextIO

from resparse._version import __version__
from resparse.errors import (
    InputError,
    MissingExtraError,
    ResolutionParseError,
    ResparseError,
    install_hint,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from resparse.corpus import CorpusOutput
    from resparse.model import Resolution

EXIT_OK = 0
EXIT_PARSE_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_INTERRUPTED = 130  # the shell's own code for a process stopped by SIGINT
_DEFAULT_MEMORY_MB = 4096  # a worker's address space: the largest real PDFs need a few hundred

_EXIT_LINES = {
    EXIT_OK: "done",
    EXIT_PARSE_PROBLEMS: "parse problems found with --strict (the other files are still written)",
    EXIT_USAGE: "usage: bad arguments, or an optional extra the command needs is missing",
    EXIT_INPUT: "a file could not be read (missing, not text, damaged) or the output not written",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C); rerun with --resume to go on",
}
_CORPUS_DONE = "done (bad files are recorded in its tables, not in the exit code)"


def _exit_codes(codes: Sequence[int], **lines: str) -> str:
    """The epilog listing the exit codes one command can return, and only those."""
    text = ["exit codes:"]
    text.extend(f"  {code:>3}  {lines.get(f'c{code}', _EXIT_LINES[code])}" for code in codes)
    return "\n".join(text) + "\n"


FORMATS = ("table", "json", "jsonl", "akn", "csv")
# the suffixes `resparse corpus` reads without --pattern: resparse.corpus.DEFAULT_SUFFIXES,
# spelled out so that --help does not import the corpus machinery (a test keeps them equal)
CORPUS_SUFFIXES = (".pdf", ".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".xml")


class UsageError(Exception):
    """A request that cannot be carried out as asked; exits with code 2."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``resparse`` command."""
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="resparse",
        description="Parse United Nations resolutions into typed, source-anchored structure.",
        epilog=_exit_codes(
            (EXIT_OK, EXIT_PARSE_PROBLEMS, EXIT_USAGE, EXIT_INPUT, EXIT_INTERRUPTED),
            c130="a corpus run was interrupted (Ctrl-C); rerun with --resume to go on",
        ),
        formatter_class=raw,
    )
    parser.add_argument("--version", action="version", version=f"resparse {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    parse = commands.add_parser(
        "parse",
        help="parse one or more files and print or write the structure",
        description="Parse resolution files (text, markdown, PDF, ...) and show the structure.",
        epilog=_exit_codes((EXIT_OK, EXIT_PARSE_PROBLEMS, EXIT_USAGE, EXIT_INPUT)),
        formatter_class=raw,
    )
    parse.add_argument("files", nargs="+", metavar="FILE", help="resolution files")
    parse.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="table: a readable view (default); json: one document (an array for several "
        "files); jsonl: one line per file; akn: Akoma Ntoso XML; csv: one row per clause, "
        "paragraph and sub-paragraph (needs pandas)",
    )
    parse.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write to OUT instead of standard output; for akn with several files, or when "
        "OUT ends with a slash or is a folder, a folder that gets one .xml per input",
    )
    parse.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 if a file has a warning or error diagnostic; the table still shows "
        "it, the other formats leave it out",
    )
    parse.add_argument(
        "--encoding",
        metavar="CODEC",
        help="decode text, markdown and HTML that is not UTF-8 with CODEC (cp1252, latin-1); "
        "UTF-8 files are still read as UTF-8",
    )
    parse.add_argument(
        "--full-text",
        action="store_true",
        help="table: show every clause whole, not its first 70 characters",
    )

    corpus = commands.add_parser(
        "corpus",
        help="parse every file under a folder into tables (Parquet, CSV or JSONL)",
        description=(
            "Parse every file under DIR in worker processes into four tables: documents (one\n"
            "row per file: header fields, sponsors, vote, diagnostics, or its error), rows\n"
            "(one per clause, paragraph and sub-paragraph), votes (the full roll call of\n"
            "every vote, one row per Member State) and references (one per citation).\n"
            "OUT.parquet gives OUT.parquet (rows) and OUT.documents.parquet,\n"
            "OUT.votes.parquet and OUT.references.parquet (needs pyarrow); a FOLDER (no\n"
            "suffix) gets documents.csv, rows.csv, votes.csv and references.csv. Both come\n"
            "with a Frictionless data package (OUT.datapackage.json, FOLDER/datapackage.json)\n"
            "that describes every column. OUT.jsonl gives one record per document holding\n"
            "its rows, votes and references. All are sorted by path: the same whatever\n"
            "--jobs is."
        ),
        epilog=_exit_codes((EXIT_OK, EXIT_USAGE, EXIT_INPUT, EXIT_INTERRUPTED), c0=_CORPUS_DONE),
        formatter_class=raw,
    )
    corpus.add_argument(
        "folder", metavar="DIR", help="folder to read, with its subfolders; - for paths on stdin"
    )
    corpus.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="OUT.parquet, OUT.jsonl, or a folder for CSV tables",
    )
    corpus.add_argument(
        "--jobs",
        type=_positive_int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes (default: the number of CPUs)",
    )
    corpus.add_argument(
        "--resume",
        action="store_true",
        help="skip files already in the output (or in what an interrupted run kept)",
    )
    corpus.add_argument(
        "--timeout",
        type=_positive_float,
        default=60.0,
        metavar="SECONDS",
        help="time limit per file; a file over it is recorded as an error (default: 60)",
    )
    corpus.add_argument(
        "--max-memory",
        type=_positive_int,
        default=_DEFAULT_MEMORY_MB,
        metavar="MB",
        help=(
            "address space per worker; a file that needs more is recorded as an error"
            f" (default: {_DEFAULT_MEMORY_MB})"
        ),
    )
    corpus.add_argument(
        "--follow-links",
        action="store_true",
        help="read symbolic links that lead out of DIR (by default they are refused)",
    )
    corpus.add_argument(
        "--pattern",
        action="append",
        metavar="GLOB",
        help="only files matching GLOB, at any depth; give it again for more patterns "
        f"(default: every {' '.join(CORPUS_SUFFIXES)} file)",
    )
    corpus.add_argument(
        "--no-timings",
        action="store_true",
        help="leave the seconds column empty, so reruns give byte-identical files",
    )
    corpus.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    corpus.add_argument(
        "--fail-on-error",
        action="store_true",
        help="exit 3 when a file of this run failed (it is recorded in the documents either way)",
    )

    tables = commands.add_parser(
        "tables",
        help="documents, votes and references tables (CSV) with a datapackage.json",
        description=(
            "Parse files into three CSV tables in FOLDER: documents (header fields, vote,\n"
            "diagnostics), votes (the full roll call of every vote) and references (one row\n"
            "per citation), and a Frictionless datapackage.json that describes every column.\n"
            "Inputs are folders (read like corpus), files, or - for paths on standard input."
        ),
        epilog=_exit_codes((EXIT_OK, EXIT_USAGE, EXIT_INPUT, EXIT_INTERRUPTED)),
        formatter_class=raw,
    )
    tables.add_argument("inputs", nargs="+", metavar="DIR|FILE|-", help="what to read")
    tables.add_argument("-o", "--output", required=True, metavar="FOLDER", help="where to write")
    tables.add_argument("--pattern", metavar="GLOB", help="in a folder, only files matching GLOB")
    tables.add_argument(
        "--fail-on-error",
        action="store_true",
        help="exit 3 when a file could not be read (it is recorded in documents.csv either way)",
    )

    commands.add_parser(
        "evaluate",
        help="score the parser against the development set (resparse evaluate --help)",
        add_help=False,
    )
    return parser


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        msg = f"must be at least 1, not {value}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        msg = f"must be more than 0, not {text}"
        raise argparse.ArgumentTypeError(msg)
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["evaluate"]:
        # evaluate has its own parser and --help; it gets its arguments untouched
        from resparse.evaluate import main as evaluate  # noqa: PLC0415 - loads the scorer

        return evaluate(arguments[1:])
    parser = build_parser()
    try:
        args = parser.parse_args(arguments)
    except SystemExit as stop:  # argparse's way out: --help, --version, bad arguments
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    commands_by_name = {"parse": _parse_command, "tables": _tables_command}
    command = commands_by_name.get(args.command, _corpus_command)
    try:
        return command(args)
    except (UsageError, MissingExtraError) as error:
        _complain(str(error))
        return EXIT_USAGE
    except BrokenPipeError:
        # the reader went away (``resparse parse ... | head``): stop quietly, as cat does
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def _complain(message: str) -> None:
    print(f"resparse: {message}", file=sys.stderr)


def _describe(path: str, error: BaseException) -> str:
    """``FILE: what went wrong``, naming the file once even when the error names it too."""
    message = str(error)
    if isinstance(error, InputError) and error.path and message.startswith(f"{error.path}: "):
        message = message[len(error.path) + 2 :]
    return f"{path}: {message}"


# --- parse -------------------------------------------------------------------------------


def _parse_command(args: argparse.Namespace) -> int:
    from resparse.parser import parse_file  # noqa: PLC0415 - keeps --help fast

    files: list[str] = args.files
    fmt: str = args.format
    writer = _akn_writer() if fmt == "akn" else None
    if fmt == "csv":
        _require_pandas()
    if args.encoding is not None:
        _check_encoding(args.encoding)
    targets = _akn_targets(files, args.output) if fmt == "akn" else None
    status = EXIT_OK
    results: list[tuple[str, Resolution]] = []
    for path in files:
        result, code = _parse_one(parse_file, path, strict=args.strict, encoding=args.encoding)
        status = max(status, code)
        # --strict keeps a failing file out of the data formats, but the table is for a
        # person, who needs to see what failed
        if result is not None and (code == EXIT_OK or fmt == "table"):
            results.append((path, result))
    try:
        if writer is not None and targets is not None:
            _write_akn(results, writer, targets)
        else:
            with _open_output(args.output) as out:
                _write(results, fmt, out, full_text=args.full_text)
    except BrokenPipeError:
        raise
    except OSError as error:
        _complain(f"{args.output or 'standard output'}: cannot write: {error.strerror or error}")
        return EXIT_INPUT
    return status


def _parse_one(
    parse_file: Callable[..., Resolution], path: str, *, strict: bool, encoding: str | None
) -> tuple[Resolution | None, int]:
    """One file's result (or ``None``) and the exit code it calls for; problems go to stderr.

    Under ``strict`` a file with problems still gives its result, for the table to show.
    """
    try:
        result = parse_file(path, encoding=encoding)
    except MissingExtraError as error:
        _complain(_describe(path, error))
        return None, EXIT_USAGE
    except ResparseError as error:
        _complain(_describe(path, error))
        return None, EXIT_INPUT
    if strict:
        problems = [d for d in result.diagnostics if d.severity in {"error", "warning"}]
        if problems:
            _complain(_describe(path, ResolutionParseError(problems, result.source)))
            return result, EXIT_PARSE_PROBLEMS
    return result, EXIT_OK


def _check_encoding(encoding: str) -> None:
    from resparse.readers.dispatch import check_encoding  # noqa: PLC0415

    try:
        check_encoding(encoding)
    except ValueError as error:
        raise UsageError(str(error)) from None


class _open_output:  # noqa: N801 - used like open()
    """Standard output, or a file opened for writing and closed afterwards."""

    def __init__(self, path: str | None) -> None:
        self._path = path
        self._file: TextIO | None = None

    def __enter__(self) -> TextIO:
        if self._path is None:
            return sys.stdout
        self._file = pathlib.Path(self._path).open("w", encoding="utf-8", newline="")
        return self._file

    def __exit__(self, *exc: object) -> None:
        if self._file is not None:
            self._file.close()


def _write(
    results: list[tuple[str, Resolution]], fmt: str, out: TextIO, *, full_text: bool = False
) -> None:
    if fmt == "json":
        if len(results) == 1:
            out.write(results[0][1].to_json(indent=2) + "\n")
        elif results:
            out.write("[\n" + ",\n".join(r.to_json(indent=2) for _, r in results) + "\n]\n")
    elif fmt == "jsonl":
        out.writelines(result.to_json() + "\n" for _, result in results)
    elif fmt == "csv":
        _write_csv(results, out)
    else:
        from resparse.exports.table import render_table  # noqa: PLC0415 - rich loads on demand

        width = table_width(out)
        for path, result in results:
            render_table(result, out, title=path, width=width, full_text=full_text)


def table_width(out: TextIO) -> int | None:
    """The width the table wraps at: the terminal's, or ``COLUMNS``; else none at all.

    Output to a pipe or a file is not wrapped (a fixed width would break long lines and
    pad short ones) unless ``COLUMNS`` asks for a width.
    """
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        interactive = out.isatty()
    except (AttributeError, ValueError):  # a closed or stand-in stream
        interactive = False
    return shutil.get_terminal_size().columns if interactive else None


def _require_pandas() -> None:
    try:
        importlib.import_module("pandas")
    except ImportError as error:
        msg = f"--format csv needs pandas, the extra 'pandas': {install_hint('pandas')}"
        raise UsageError(msg) from error


def _write_csv(results: list[tuple[str, Resolution]], out: TextIO) -> None:
    """The rows of ``to_frame`` for every file, after a ``path`` column saying which."""
    import pandas as pd  # type: ignore[import-untyped, unused-ignore]  # noqa: PLC0415

    from resparse.exports.frame import COLUMNS, to_frame  # noqa: PLC0415

    frames = []
    for path, result in results:
        frame = to_frame(result)
        frame.insert(0, "path", path)
        frames.append(frame)
    if frames:
        table = pd.concat(frames, ignore_index=True)
    else:
        table = pd.DataFrame(columns=["path", *COLUMNS])
    for column in table.columns:
        # text columns are object dtype in pandas 2 and a string dtype in pandas 3
        if table[column].dtype == object or pd.api.types.is_string_dtype(table[column]):
            table[column] = table[column].map(inert_cell)
    table.to_csv(out, index=False, lineterminator="\n")


# A spreadsheet runs a cell that starts with one of these as a formula ("=cmd|' /C calc'!A0")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert_cell(value: object) -> object:
    """A text cell a spreadsheet will show, not run: formula starts get a leading quote.

    Only the CSV output does this (it is the shape people open in spreadsheets); JSON,
    Parquet and the Python objects keep the text exactly as it was read.
    """
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _akn_writer() -> Callable[[Resolution], bytes]:
    """``resparse.exports.akn.to_akn``, imported only when ``--format akn`` asks for it."""
    from resparse.exports.akn import to_akn  # noqa: PLC0415 - lxml loads only when used

    return to_akn


def _akn_targets(files: list[str], output: str | None) -> dict[str, pathlib.Path | None]:
    """Where each file's XML goes: one file, one per input in a folder, or standard output."""
    if output is None:
        if len(files) > 1:
            msg = "--format akn with several files needs -o DIR (one .xml per input)"
            raise UsageError(msg)
        return {files[0]: None}
    target = pathlib.Path(output)
    folder = output.endswith(("/", os.sep)) or target.is_dir()  # "-o newdir/" names a folder
    if len(files) == 1 and not folder:
        return {files[0]: target}
    if target.exists() and not target.is_dir():
        msg = f"{output}: --format akn with several files needs -o to name a folder"
        raise UsageError(msg)
    names = [pathlib.Path(file).stem + ".xml" for file in files]
    clashes = sorted({name for name in names if names.count(name) > 1})
    if clashes:
        msg = f"several inputs would write the same file in {output}: {', '.join(clashes)}"
        raise UsageError(msg)
    return {file: target / name for file, name in zip(files, names, strict=True)}


def _write_akn(
    results: list[tuple[str, Resolution]],
    writer: Callable[[Resolution], Any],
    targets: dict[str, pathlib.Path | None],
) -> None:
    for path, result in results:
        data = _xml_bytes(writer(result))
        target = targets[path]
        if target is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)


def _xml_bytes(xml: object) -> bytes:
    """The writer's output as UTF-8 bytes, whether it gave text, bytes or an lxml tree."""
    if isinstance(xml, bytes):
        return xml if xml.endswith(b"\n") else xml + b"\n"
    if isinstance(xml, str):
        return (xml if xml.endswith("\n") else xml + "\n").encode("utf-8")
    from lxml import etree  # noqa: PLC0415

    data: bytes = etree.tostring(xml, xml_declaration=True, encoding="UTF-8", pretty_print=True)  # type: ignore[arg-type, call-overload, unused-ignore]
    return data


# --- corpus ------------------------------------------------------------------------------


def _corpus_command(args: argparse.Namespace) -> int:
    from resparse.corpus import CorpusOutput, find_files, key_path  # noqa: PLC0415 - loads the parser
    from resparse.errors import OutputBusyError  # noqa: PLC0415

    folder = pathlib.Path(args.folder)
    stdin = args.folder == "-"  # paths, one a line, on standard input: recorded as given
    if not stdin and not folder.is_dir():
        what = "does not exist" if not folder.exists() else "is not a folder"
        _complain(f"{args.folder}: {what}")
        return EXIT_INPUT
    try:
        output = CorpusOutput(args.output)
        output.check()
    except (ValueError, ImportError) as error:
        msg = f"{args.output}: {error}"
        raise UsageError(msg) from error
    started = time.perf_counter()
    try:
        patterns: list[str | None] = args.pattern or [None]
        keys = (
            _stdin_paths()
            if stdin
            else sorted(
                {
                    key
                    for pattern in patterns
                    for key in find_files(folder, pattern, follow_links=args.follow_links)
                }
            )
        )
        done = output.begin(resume=args.resume)
        todo = [key for key in keys if key not in done]
        tasks = [(key if stdin else key_path(folder, key), key) for key in todo]
        refused = 0 if stdin else _refuse_outside_links(folder, args, output, done)
        errors = refused + _run(tasks, output, args)
        total = output.finish()
    except OutputBusyError as error:
        _complain(str(error))
        return EXIT_INPUT
    except OSError as error:
        where = error.filename or args.output
        _complain(f"{where}: {error.strerror or error}")
        return EXIT_INPUT
    except KeyboardInterrupt:
        _complain(
            f"{args.output}: interrupted; what was parsed is kept, and --resume goes on from it"
        )
        return EXIT_INTERRUPTED
    if not args.quiet:
        seconds = time.perf_counter() - started
        written = ", ".join(str(path) for path in output.written())
        print(
            f"resparse: parsed {_count(len(todo), 'file')} ({_count(errors, 'error')}), "
            f"skipped {len(keys) - len(todo)} already done, in {seconds:.1f} s; "
            f"{_count(total, 'document')} in {written}",
            file=sys.stderr,
        )
    return EXIT_INPUT if errors and args.fail_on_error else EXIT_OK


def _stdin_paths() -> list[str]:
    """The paths on standard input, one a line, sorted and without repeats."""
    return sorted({line.strip() for line in sys.stdin if line.strip()})


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _refuse_outside_links(
    folder: pathlib.Path, args: argparse.Namespace, output: CorpusOutput, done: set[str]
) -> int:
    """Record each symbolic link out of the folder as refused; returns how many."""
    from resparse.corpus import failure, outside_links  # noqa: PLC0415

    if args.follow_links:
        return 0
    patterns: list[str | None] = args.pattern or [None]
    links = sorted({key for pattern in patterns for key in outside_links(folder, pattern)})
    refused = [key for key in links if key not in done]
    for key in refused:
        message = "UnsafeInputError: a symbolic link out of the folder (--follow-links reads it)"
        output.append(failure(key, message, None))
    return len(refused)


def _run(tasks: list[tuple[str, str]], output: CorpusOutput, args: argparse.Namespace) -> int:
    """Parse the tasks in worker processes, journaling each result; returns the errors."""
    from resparse.corpus import run_pool  # noqa: PLC0415

    memory = args.max_memory * 2**20
    results = run_pool(tasks, jobs=args.jobs, timeout=args.timeout, memory=memory)
    errors = 0
    with _progress(len(tasks), quiet=args.quiet) as advance:
        for result in results:
            record = result.without_timing() if args.no_timings else result
            output.append(record)
            errors += record.error is not None
            advance(errors)
    return errors


class _progress:  # noqa: N801 - used like a function
    """A rich progress bar on standard error: files, files/s, errors so far, time left."""

    def __init__(self, total: int, *, quiet: bool) -> None:
        self._total = total
        self._quiet = quiet
        self._bar: Any = None

    def __enter__(self) -> Callable[[int], None]:
        if self._quiet or not self._total:
            return lambda _errors: None
        from rich.console import Console  # noqa: PLC0415 - rich loads on demand
        from rich.progress import (  # noqa: PLC0415
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._bar = Progress(
            TextColumn("parsing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} files/s"),
            TextColumn("{task.fields[errors]} errors"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
        )
        self._bar.start()
        task = self._bar.add_task("parsing", total=self._total, errors=0, rate="-")
        bar = self._bar

        def advance(errors: int) -> None:
            bar.advance(task)
            speed = bar.tasks[0].speed
            rate = "-" if speed is None else f"{speed:.1f}"
            bar.update(task, errors=errors, rate=rate)

        return advance

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


# --- tables ------------------------------------------------------------------------------


def _table_inputs(inputs: Sequence[str], pattern: str | None) -> list[tuple[str, str]]:
    """(path to read, path to record) for each input: folders expanded, ``-`` from stdin."""
    from resparse.corpus import find_files  # noqa: PLC0415 - loads the parser

    found: list[tuple[str, str]] = []
    for item in inputs:
        if item == "-":
            found.extend((line.strip(), line.strip()) for line in sys.stdin if line.strip())
        elif pathlib.Path(item).is_dir():
            found.extend((str(pathlib.Path(item) / key), key) for key in find_files(item, pattern))
        else:
            found.append((item, item))
    return found


def _tables_command(args: argparse.Namespace) -> int:
    from resparse.parser import parse_file  # noqa: PLC0415 - loads the readers
    from resparse.tables import write_tables  # noqa: PLC0415

    results: list[tuple[str, Resolution | None, str | None]] = []
    failed = 0
    for path, key in _table_inputs(args.inputs, args.pattern):
        try:
            results.append((key, parse_file(path), None))
        except (ResparseError, OSError) as error:  # noqa: PERF203 - one file fails, the rest go on
            failed += 1
            results.append((key, None, f"{type(error).__name__}: {error}"))
    try:
        counts = write_tables(results, args.output)
    except OSError as error:
        _complain(f"{args.output}: {error.strerror or error}")
        return EXIT_INPUT
    summary = ", ".join(f"{n} {name} rows" for name, n in counts.items())
    print(f"wrote {summary} to {args.output} ({failed} files failed)", file=sys.stderr)
    return EXIT_INPUT if failed and args.fail_on_error else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
