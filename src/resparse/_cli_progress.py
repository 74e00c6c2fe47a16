"""The progress bar of ``resparse corpus``: files, files/s, errors so far, time left.

rich is imported only when a bar is shown (not under ``--quiet``, nor for no files).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable


class progress:  # noqa: N801 - used like a function
    """A rich progress bar on standard error: files, files/s, errors so far, time left."""

    def __init__(self, total: int, *, quiet: bool) -> None:
        self._total = total
        self._quiet = quiet
        self._bar: Any = None

    def __enter__(self) -> Callable[[int], None]:
        if self._quiet or not self._total:
            return lambda _errors: None
        from rich.console import Console  # noqa: PLC0415 - rich loads on demand
        from rich.progress import (  # noqa: PLC0415
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._bar = Progress(
            TextColumn("parsing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} files/s"),
            TextColumn("{task.fields[errors]} errors"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
        )
        self._bar.start()
        task = self._bar.add_task("parsing", total=self._total, errors=0, rate="-")
        bar = self._bar

        def advance(errors: int) -> None:
            bar.advance(task)
            speed = bar.tasks[0].speed
            rate = "-" if speed is None else f"{speed:.1f}"
            bar.update(task, errors=errors, rate=rate)

        return advance

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
