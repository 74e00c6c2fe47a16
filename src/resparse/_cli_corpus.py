"""``resparse corpus DIR -o OUT``: every file under a folder, parsed in worker processes.

The files to do are found (or read from standard input), those already in the output are
skipped, links out of the folder are recorded as refused, and each result is journaled as
it comes so that an interrupted run can ``--resume``. The pool, the records and the output
tables are ``resparse.corpus``'s; this module only drives them and reports.
"""

from __future__ import annotations

import pathlib
import sys
import time
from typing import TYPE_CHECKING

from resparse._cli_exits import EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OK, UsageError, complain
from resparse._cli_progress import progress

if TYPE_CHECKING:
    import argparse

    from resparse.corpus import CorpusOutput


def corpus_command(args: argparse.Namespace) -> int:
    """Run ``resparse corpus``; returns its exit code."""
    from resparse.corpus import CorpusOutput, find_files, key_path  # noqa: PLC0415 - loads the parser
    from resparse.errors import OutputBusyError  # noqa: PLC0415

    folder = pathlib.Path(args.folder)
    stdin = args.folder == "-"  # paths, one a line, on standard input: recorded as given
    if not stdin and not folder.is_dir():
        what = "does not exist" if not folder.exists() else "is not a folder"
        complain(f"{args.folder}: {what}")
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
        complain(str(error))
        return EXIT_INPUT
    except OSError as error:
        where = error.filename or args.output
        complain(f"{where}: {error.strerror or error}")
        return EXIT_INPUT
    except KeyboardInterrupt:
        complain(
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
    with progress(len(tasks), quiet=args.quiet) as advance:
        for result in results:
            record = result.without_timing() if args.no_timings else result
            output.append(record)
            errors += record.error is not None
            advance(errors)
    return errors
