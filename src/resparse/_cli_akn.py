"""``resparse parse --format akn``: where each file's XML goes, and writing it there.

Akoma Ntoso is bytes, one document per file, so it is written apart from the text formats;
lxml is imported only when the writer's output needs serialising.
"""

from __future__ import annotations

import os
import pathlib
import sys
from typing import TYPE_CHECKING, Any

from resparse._cli_exits import UsageError

if TYPE_CHECKING:
    from collections.abc import Callable

    from resparse.model import Resolution


def akn_writer() -> Callable[[Resolution], bytes]:
    """``resparse.exports.akn.to_akn``, imported only when ``--format akn`` asks for it."""
    from resparse.exports.akn import to_akn  # noqa: PLC0415 - lxml loads only when used

    return to_akn


def akn_targets(files: list[str], output: str | None) -> dict[str, pathlib.Path | None]:
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


def write_akn(
    results: list[tuple[str, Resolution]],
    writer: Callable[[Resolution], Any],
    targets: dict[str, pathlib.Path | None],
) -> None:
    """Each result's XML to its target: a file, or standard output where it has none."""
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
