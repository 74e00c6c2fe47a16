"""Corpus runs: the worker processes that parse files, each under a deadline and a memory limit."""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import signal
import time
from typing import TYPE_CHECKING, Any

import attrs

from resparse._corpus_records import DocumentResult, failure, limit_memory, parse_path

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence
    from multiprocessing.connection import Connection
    from multiprocessing.context import ForkServerContext, SpawnContext
    from multiprocessing.process import BaseProcess

_GRACE = 5.0  # seconds a worker gets past the parse deadline before it is killed


# --- the process pool --------------------------------------------------------------------

Task = tuple[str, str]  # (path to read, key to record)


def _parse_task(path: str, timeout: float | None, key: str) -> DocumentResult:
    return parse_path(path, timeout, key=key)


def _serve(
    connection: Connection,
    timeout: float | None,
    work: Callable[..., Any],
    memory: int | None = None,
) -> None:
    """A worker's loop: say it is ready, then parse each task sent until told to stop."""
    # Ctrl-C reaches the whole process group: the parent handles it and stops the workers
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if memory is not None:
        limit_memory(memory)
    _warm_up()
    connection.send(None)
    while True:
        task = connection.recv()
        if task is None:
            return
        path, key = task
        connection.send(work(path, timeout, key))


def _warm_up() -> None:
    """Load the readers and the lead tables before the first task, so its time limit is its own."""
    from resparse.parser import parse  # noqa: PLC0415
    from resparse.readers import dispatch  # noqa: F401, PLC0415

    parse("The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides to remain seized.")


@attrs.define
class _Slot:
    """One worker process and the task it is busy with, if any."""

    process: BaseProcess
    connection: Connection
    ready: bool = False
    task: Task | None = None
    started: float = 0.0


def _context() -> ForkServerContext | SpawnContext:
    """A fork server where there is one: cheap restarts, and no fork of a threaded parent."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        # the server imports the parser once; every worker forked from it starts warm
        context.set_forkserver_preload(["resparse.corpus"])
        return context
    return multiprocessing.get_context("spawn")


class _Pool:
    """Worker processes fed one task at a time, so an overrunning one can be killed alone.

    concurrent.futures cannot cancel a task that has started, and multiprocessing.Pool
    cannot kill one worker; here each worker has its own pipe, and a worker past its
    deadline (or one that died, say in a PDF library) is replaced and its file recorded.
    """

    def __init__(
        self,
        jobs: int,
        timeout: float | None,
        work: Callable[..., Any],
        grace: float,
        memory: int | None = None,
    ) -> None:
        self._context = _context()
        self._timeout = timeout
        self._grace = grace
        self._work = work
        self._memory = memory
        self._slots = [self._start() for _ in range(jobs)]

    def _start(self) -> _Slot:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_serve, args=(child, self._timeout, self._work, self._memory), daemon=True
        )
        process.start()
        child.close()
        return _Slot(process, parent)

    def _replace(self, slot: _Slot) -> _Slot:
        slot.process.kill()
        slot.process.join()
        slot.connection.close()
        return self._start()

    def close(self) -> None:
        """Stop every worker: politely when idle, by force when busy."""
        for slot in self._slots:
            if slot.task is None and slot.process.is_alive():
                with contextlib.suppress(OSError):
                    slot.connection.send(None)
        for slot in self._slots:
            slot.process.join(timeout=1.0)
            if slot.process.is_alive():
                slot.process.kill()
                slot.process.join()
            slot.connection.close()

    def run(self, tasks: Sequence[Task]) -> Iterator[DocumentResult]:
        """Yield one result per task, in the order they finish."""
        pending = list(reversed(tasks))
        busy = 0
        limit = None if self._timeout is None else self._timeout + self._grace
        while pending or busy:
            for slot in self._slots:
                if slot.ready and slot.task is None and pending:
                    slot.task = pending.pop()
                    slot.started = time.monotonic()
                    slot.connection.send(slot.task)
                    busy += 1
            wait = None
            if limit is not None and busy:
                now = time.monotonic()
                ends = [s.started + limit for s in self._slots if s.task is not None]
                wait = max(0.0, min(ends) - now)
            connections = [slot.connection for slot in self._slots]
            ready = multiprocessing.connection.wait(connections, timeout=wait)
            for index, slot in enumerate(self._slots):
                if slot.connection in ready:
                    outcome = self._receive(index)
                    if outcome is not None:
                        busy -= 1
                        yield outcome
                elif slot.task is not None and self._overran(slot, limit):
                    task = slot.task
                    self._slots[index] = self._replace(slot)
                    busy -= 1
                    message = f"ParseTimeoutError: no result after {limit:g} s; worker killed"
                    yield failure(task[1], message, None)

    @staticmethod
    def _overran(slot: _Slot, limit: float | None) -> bool:
        return limit is not None and time.monotonic() - slot.started > limit

    def _receive(self, index: int) -> DocumentResult | None:
        slot = self._slots[index]
        try:
            message = slot.connection.recv()
        except (EOFError, OSError):
            # the worker died: a crash in native code, or killed from outside
            slot.process.join(timeout=1.0)
            task, code = slot.task, slot.process.exitcode
            self._slots[index] = self._replace(slot)
            if task is None:
                return None
            message = f"WorkerCrash: the worker process died ({_exit_status(code)})"
            return failure(task[1], message, None)
        if message is None:
            slot.ready = True
            return None
        slot.task = None
        if not isinstance(message, DocumentResult):  # pragma: no cover - a custom worker's bug
            msg = f"a worker sent {type(message).__name__}, not a DocumentResult"
            raise TypeError(msg)
        return message


def _exit_status(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"killed by {name}"
    return f"exit code {code}"


def run_pool(  # noqa: PLR0913 - the pool's settings, each with a default
    tasks: Iterable[Task],
    *,
    jobs: int = 1,
    timeout: float | None = None,
    work: Callable[..., Any] = _parse_task,
    grace: float = _GRACE,
    memory: int | None = None,
) -> Iterator[DocumentResult]:
    """Parse ``(path, key)`` tasks in ``jobs`` worker processes; yield results as they finish.

    A worker that gives no result within ``timeout`` plus ``grace`` seconds is killed and
    replaced, and so is one that dies; either way the file is recorded with an error
    and the run goes on. ``memory`` caps each worker's address space, in bytes (see
    :func:`limit_memory`). ``work(path, timeout, key)`` is the per-file function, a
    module-level one so that it pickles (tests swap in a slow one).
    """
    todo = list(tasks)
    if not todo:
        return
    pool = _Pool(max(1, min(jobs, len(todo))), timeout, work, grace, memory)
    try:
        yield from pool.run(todo)
    finally:
        pool.close()
