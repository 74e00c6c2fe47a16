"""The ``resparse`` command: a thin layer over the public API.

argparse rather than Typer or Click: the command is small, argparse ships with Python, and
``resparse --help`` then starts without importing a framework.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, TextIO

from resparse._version import __version__
from resparse.errors import ResolutionParseError, ResparseError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from resparse.model import Resolution

EXIT_OK = 0
EXIT_PARSE_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INPUT = 3


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``resparse`` command."""
    parser = argparse.ArgumentParser(
        prog="resparse",
        description="Parse United Nations resolutions into typed, source-anchored structure.",
    )
    parser.add_argument("--version", action="version", version=f"resparse {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    parse = commands.add_parser("parse", help="parse one or more files and print the structure")
    parse.add_argument("files", nargs="+", metavar="FILE", help="resolution files (.txt, .md, ...)")
    parse.add_argument(
        "--format",
        choices=("table", "json", "jsonl"),
        default="table",
        help="output format (default: table, a readable view)",
    )
    parse.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of the terminal")
    parse.add_argument("--strict", action="store_true", help="fail on any warning diagnostic")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    return _parse_command(args)


def _parse_command(args: argparse.Namespace) -> int:
    from resparse.parser import parse_file  # noqa: PLC0415 - keeps --help fast

    out: TextIO = sys.stdout
    if args.output:
        out = open(args.output, "w", encoding="utf-8")  # noqa: SIM115, PTH123 - closed below
    status = EXIT_OK
    try:
        for path in args.files:
            try:
                result = parse_file(path, strict=args.strict)
            except ResolutionParseError as error:
                print(f"resparse: {path}: {error}", file=sys.stderr)
                status = max(status, EXIT_PARSE_PROBLEMS)
                continue
            except ResparseError as error:
                print(f"resparse: {path}: {error}", file=sys.stderr)
                status = EXIT_INPUT
                continue
            _write(result, args.format, out, path)
    finally:
        if out is not sys.stdout:
            out.close()
    return status


def _write(result: Resolution, fmt: str, out: TextIO, path: str) -> None:
    if fmt == "json":
        out.write(result.to_json(indent=2) + "\n")
    elif fmt == "jsonl":
        out.write(result.to_json() + "\n")
    else:
        from resparse.exports.table import render_table  # noqa: PLC0415 - rich loads on demand

        render_table(result, out, title=path)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
