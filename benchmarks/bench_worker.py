"""One timing task of ``bench_parse.py --baseline``, run in a process of its own.

    PYTHONPATH=TREE/src python benchmarks/bench_worker.py TASK INPUT REPEAT

The ``resparse`` imported is the one of TREE (the code before the redesign or the current
code), so the two versions never share a process. TASK is ``texts`` (``resparse.parse``
on each text of the JSON list in INPUT), ``pdf`` (``resparse.parse_file`` on each PDF of
the folder INPUT, then pypdfium2's plain-text extraction of the same files, in this same
process) or ``import``. Only the public API is used, so any version of the code can be
timed. Prints one JSON object: the best of REPEAT runs, in seconds of this process's CPU
time (the measure of one core that other jobs on the machine disturb least).
"""

from __future__ import annotations

import json
import os
import pathlib
import sys
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable


def best(run: Callable[[], Any], repeat: int) -> float:
    """The least CPU time of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(max(1, repeat)):
        started = time.process_time()
        run()
        times.append(time.process_time() - started)
    return min(times)


def time_texts(source: str, repeat: int) -> dict[str, Any]:
    """``resparse.parse`` on every text of a JSON list."""
    import resparse  # noqa: PLC0415 - the version under test, after PYTHONPATH is read

    texts = json.loads(pathlib.Path(source).read_text(encoding="utf-8"))
    resparse.parse(texts[0])
    seconds = best(lambda: [resparse.parse(text) for text in texts], repeat)
    return {"seconds": seconds, "module": resparse.__file__}


def plain_text(files: list[pathlib.Path]) -> None:
    """pypdfium2's plain-text extraction of every page, and nothing else."""
    import pypdfium2  # type: ignore[import-untyped]  # noqa: PLC0415 - only this task needs it

    for file in files:
        document = pypdfium2.PdfDocument(file)
        for page in document:
            page.get_textpage().get_text_range()
        document.close()


def time_pdfs(folder: str, repeat: int) -> dict[str, Any]:
    """``parse_file`` on the PDFs, then pypdfium2 plain text on them, taking turns."""
    import resparse  # noqa: PLC0415 - the version under test

    files = sorted(pathlib.Path(folder).glob("*.pdf"))
    resparse.parse_file(files[0])
    plain_text(files[:1])
    parse_runs, plain_runs = [], []
    for _ in range(max(1, repeat)):  # alternate, so a busy moment hurts both alike
        parse_runs.append(best(lambda: [resparse.parse_file(file) for file in files], 1))
        plain_runs.append(best(lambda: plain_text(files), 1))
    return {
        "seconds": min(parse_runs),
        "plain_seconds": min(plain_runs),
        "files": len(files),
        "module": resparse.__file__,
    }


def time_import() -> dict[str, Any]:
    """``import resparse`` in this fresh interpreter, and with a first parse, wall-clock time.

    The second figure keeps the first honest: what the import leaves for first use (the
    parser's patterns, the lexicon) is paid by the first parse.
    """
    started = time.perf_counter()
    import resparse  # noqa: PLC0415 - the import is what is timed

    imported = time.perf_counter() - started
    resparse.parse("The General Assembly,\n\nRecalling its resolution 77/1,\n\n1. Decides.")
    return {
        "seconds": imported,
        "first_parse_seconds": time.perf_counter() - started,
        "module": resparse.__file__,
    }


def main(argv: list[str]) -> int:
    task = argv[0]
    if hasattr(os, "sched_setaffinity"):  # one core, whichever the machine gives first
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    if task == "import":
        result = time_import()
    elif task == "texts":
        result = time_texts(argv[1], int(argv[2]))
    elif task == "pdf":
        result = time_pdfs(argv[1], int(argv[2]))
    else:
        print(f"unknown task {task!r}", file=sys.stderr)
        return 2
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
