"""``resparse parse FILE...``: parse each file, report its problems, write the results.

A file that fails is told on standard error and left out; the exit code is the worst
any file called for. The writers are in ``_cli_write`` (text formats) and ``_cli_akn``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from resparse._cli_akn import akn_targets, akn_writer, write_akn
from resparse._cli_exits import (
    EXIT_INPUT,
    EXIT_OK,
    EXIT_PARSE_PROBLEMS,
    EXIT_USAGE,
    UsageError,
    complain,
)
from resparse._cli_write import open_output, write_results
from resparse.errors import (
    InputError,
    MissingExtraError,
    ResolutionParseError,
    ResparseError,
    install_hint,
)

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from resparse.model import Resolution


def parse_command(args: argparse.Namespace) -> int:
    """Run ``resparse parse``; returns its exit code."""
    from resparse.parser import parse_file  # noqa: PLC0415 - keeps --help fast

    files: list[str] = args.files
    fmt: str = args.format
    writer = akn_writer() if fmt == "akn" else None
    if fmt == "csv":
        _require_pandas()
    if args.encoding is not None:
        _check_encoding(args.encoding)
    targets = akn_targets(files, args.output) if fmt == "akn" else None
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
            write_akn(results, writer, targets)
        else:
            with open_output(args.output) as out:
                write_results(results, fmt, out, full_text=args.full_text)
    except BrokenPipeError:
        raise
    except OSError as error:
        complain(f"{args.output or 'standard output'}: cannot write: {error.strerror or error}")
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
        complain(_describe(path, error))
        return None, EXIT_USAGE
    except ResparseError as error:
        complain(_describe(path, error))
        return None, EXIT_INPUT
    if strict:
        problems = [d for d in result.diagnostics if d.severity in {"error", "warning"}]
        if problems:
            complain(_describe(path, ResolutionParseError(problems, result.source)))
            return result, EXIT_PARSE_PROBLEMS
    return result, EXIT_OK


def _describe(path: str, error: BaseException) -> str:
    """``FILE: what went wrong``, naming the file once even when the error names it too."""
    message = str(error)
    if isinstance(error, InputError) and error.path and message.startswith(f"{error.path}: "):
        message = message[len(error.path) + 2 :]
    return f"{path}: {message}"


def _check_encoding(encoding: str) -> None:
    from resparse.readers.dispatch import check_encoding  # noqa: PLC0415

    try:
        check_encoding(encoding)
    except ValueError as error:
        raise UsageError(str(error)) from None


def _require_pandas() -> None:
    try:
        importlib.import_module("pandas")
    except ImportError as error:
        msg = f"--format csv needs pandas, the extra 'pandas': {install_hint('pandas')}"
        raise UsageError(msg) from error
