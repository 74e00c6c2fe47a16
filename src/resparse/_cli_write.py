"""``resparse parse`` output on a stream: the table, JSON, JSONL or CSV of the results.

rich and pandas are imported only by the format that needs them.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from resparse.model import Resolution


class open_output:  # noqa: N801 - used like open()
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


def write_results(
    results: list[tuple[str, Resolution]], fmt: str, out: TextIO, *, full_text: bool = False
) -> None:
    """Every (path, result) in ``fmt`` on ``out``: one of the formats but akn."""
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
