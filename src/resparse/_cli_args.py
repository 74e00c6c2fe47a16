"""The argument parser of the ``resparse`` command, one small builder per subcommand.

Only argparse and constants are imported here, so ``resparse --help`` stays fast.
"""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING

from resparse._cli_exits import (
    EXIT_INPUT,
    EXIT_INTERRUPTED,
    EXIT_LINES,
    EXIT_OK,
    EXIT_PARSE_PROBLEMS,
    EXIT_USAGE,
)
from resparse._version import __version__

if TYPE_CHECKING:
    from collections.abc import Sequence

    # argparse gives the type of add_subparsers() only a private name
    Commands = argparse._SubParsersAction[argparse.ArgumentParser]  # noqa: SLF001

FORMATS = ("table", "json", "jsonl", "akn", "csv")
# the suffixes `resparse corpus` reads without --pattern: resparse.corpus.DEFAULT_SUFFIXES,
# spelled out so that --help does not import the corpus machinery (a test keeps them equal)
CORPUS_SUFFIXES = (".pdf", ".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".xml")
_DEFAULT_MEMORY_MB = 4096  # a worker's address space: the largest real PDFs need a few hundred
_CORPUS_DONE = "done (bad files are recorded in its tables, not in the exit code)"
_RAW = argparse.RawDescriptionHelpFormatter

_CORPUS_DESCRIPTION = (
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
)
_TABLES_DESCRIPTION = (
    "Parse files into three CSV tables in FOLDER: documents (header fields, vote,\n"
    "diagnostics), votes (the full roll call of every vote) and references (one row\n"
    "per citation), and a Frictionless datapackage.json that describes every column.\n"
    "Inputs are folders (read like corpus), files, or - for paths on standard input."
)


def _exit_codes(codes: Sequence[int], **lines: str) -> str:
    """The epilog listing the exit codes one command can return, and only those."""
    text = ["exit codes:"]
    text.extend(f"  {code:>3}  {lines.get(f'c{code}', EXIT_LINES[code])}" for code in codes)
    return "\n".join(text) + "\n"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``resparse`` command."""
    parser = argparse.ArgumentParser(
        prog="resparse",
        description="Parse United Nations resolutions into typed, source-anchored structure.",
        epilog=_exit_codes(
            (EXIT_OK, EXIT_PARSE_PROBLEMS, EXIT_USAGE, EXIT_INPUT, EXIT_INTERRUPTED),
            c130="a corpus run was interrupted (Ctrl-C); rerun with --resume to go on",
        ),
        formatter_class=_RAW,
    )
    parser.add_argument("--version", action="version", version=f"resparse {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_parse(commands)
    _add_corpus(commands)
    _add_tables(commands)
    _add_evaluate(commands)
    return parser


def _add_parse(commands: Commands) -> None:
    """``resparse parse FILE...``: the structure of each file, printed or written."""
    parse = commands.add_parser(
        "parse",
        help="parse one or more files and print or write the structure",
        description="Parse resolution files (text, markdown, PDF, ...) and show the structure.",
        epilog=_exit_codes((EXIT_OK, EXIT_PARSE_PROBLEMS, EXIT_USAGE, EXIT_INPUT)),
        formatter_class=_RAW,
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


def _add_corpus(commands: Commands) -> None:
    """``resparse corpus DIR -o OUT``: a folder into tables, in worker processes."""
    corpus = commands.add_parser(
        "corpus",
        help="parse every file under a folder into tables (Parquet, CSV or JSONL)",
        description=_CORPUS_DESCRIPTION,
        epilog=_exit_codes((EXIT_OK, EXIT_USAGE, EXIT_INPUT, EXIT_INTERRUPTED), c0=_CORPUS_DONE),
        formatter_class=_RAW,
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
    _add_corpus_run_options(corpus)
    _add_corpus_reading_options(corpus)


def _add_corpus_run_options(corpus: argparse.ArgumentParser) -> None:
    """How a corpus run goes: workers, resuming, and the limits each file runs under."""
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


def _add_corpus_reading_options(corpus: argparse.ArgumentParser) -> None:
    """Which files a corpus run reads, and what it writes and says about them."""
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


def _add_tables(commands: Commands) -> None:
    """``resparse tables ... -o FOLDER``: documents, votes and references as CSV."""
    tables = commands.add_parser(
        "tables",
        help="documents, votes and references tables (CSV) with a datapackage.json",
        description=_TABLES_DESCRIPTION,
        epilog=_exit_codes((EXIT_OK, EXIT_USAGE, EXIT_INPUT, EXIT_INTERRUPTED)),
        formatter_class=_RAW,
    )
    tables.add_argument("inputs", nargs="+", metavar="DIR|FILE|-", help="what to read")
    tables.add_argument("-o", "--output", required=True, metavar="FOLDER", help="where to write")
    tables.add_argument("--pattern", metavar="GLOB", help="in a folder, only files matching GLOB")
    tables.add_argument(
        "--fail-on-error",
        action="store_true",
        help="exit 3 when a file could not be read (it is recorded in documents.csv either way)",
    )


def _add_evaluate(commands: Commands) -> None:
    """``resparse evaluate``: listed here for --help; ``cli.main`` hands it its arguments."""
    commands.add_parser(
        "evaluate",
        help="score the parser against the development set (resparse evaluate --help)",
        add_help=False,
    )


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
