"""``resparse tables ... -o FOLDER``: documents, votes and references as CSV tables.

Unlike ``corpus`` it parses in this process, one file after another; a file that fails is
recorded in documents.csv with its error and the rest go on.
"""

from __future__ import annotations

import pathlib
import sys
from typing import TYPE_CHECKING

from resparse._cli_exits import EXIT_INPUT, EXIT_OK, complain
from resparse.errors import ResparseError

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from resparse.model import Resolution


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


def tables_command(args: argparse.Namespace) -> int:
    """Run ``resparse tables``; returns its exit code."""
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
        complain(f"{args.output}: {error.strerror or error}")
        return EXIT_INPUT
    summary = ", ".join(f"{n} {name} rows" for name, n in counts.items())
    print(f"wrote {summary} to {args.output} ({failed} files failed)", file=sys.stderr)
    return EXIT_INPUT if failed and args.fail_on_error else EXIT_OK
