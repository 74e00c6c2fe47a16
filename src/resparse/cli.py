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

This module is the entry point (``main``) and the dispatch to each subcommand. The parts
live in their own modules: ``_cli_exits`` (the exit codes and how problems are told),
``_cli_args`` (the argument parser, one builder per subcommand), ``_cli_parse`` (the parse
subcommand), ``_cli_write`` and ``_cli_akn`` (its writers), ``_cli_corpus`` and
``_cli_progress`` (the corpus subcommand and its bar) and ``_cli_tables``. Every name this
module had that others import is still read from here.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from resparse._cli_args import CORPUS_SUFFIXES, FORMATS, build_parser
from resparse._cli_corpus import corpus_command
from resparse._cli_exits import (
    EXIT_INPUT,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_PARSE_PROBLEMS,
    EXIT_USAGE,
    UsageError,
    complain,
)
from resparse._cli_parse import parse_command
from resparse._cli_tables import tables_command
from resparse._cli_write import inert_cell, table_width
from resparse.errors import MissingExtraError

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "CORPUS_SUFFIXES",
    "EXIT_INPUT",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_PARSE_PROBLEMS",
    "EXIT_USAGE",
    "FORMATS",
    "UsageError",
    "build_parser",
    "inert_cell",
    "main",
    "table_width",
]


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
    commands_by_name = {"parse": parse_command, "tables": tables_command}
    command = commands_by_name.get(args.command, corpus_command)
    try:
        return command(args)
    except (UsageError, MissingExtraError) as error:
        complain(str(error))
        return EXIT_USAGE
    except BrokenPipeError:
        # the reader went away (``resparse parse ... | head``): stop quietly, as cat does
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
