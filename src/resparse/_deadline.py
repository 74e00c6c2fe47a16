"""A time limit that long-running stages check cooperatively.

The deadline of the parse in progress lives in a context variable, so that any loop of
any stage (a reader, the vote reader, the line joiner) can check it with
:func:`check_deadline` without the deadline being passed down through every signature.
A context variable is per thread and per task, so parses running side by side in threads
(a Dask worker) each see their own.
"""

from __future__ import annotations

import contextlib
import contextvars
import time
from typing import TYPE_CHECKING, TypeVar

import attrs

from resparse.errors import ParseTimeoutError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

_T = TypeVar("_T")


@attrs.frozen
class Deadline:
    """The moment a parse must have finished by (``time.monotonic`` seconds)."""

    limit: float
    seconds: float

    @classmethod
    def after(cls, seconds: float) -> Deadline:
        """A deadline ``seconds`` from now."""
        if not seconds > 0:  # also refuses NaN, which would never expire
            msg = f"timeout must be positive, got {seconds}"
            raise ValueError(msg)
        return cls(time.monotonic() + seconds, seconds)

    def check(self, where: str) -> None:
        """Raise :class:`ParseTimeoutError` once the deadline has passed."""
        if time.monotonic() > self.limit:
            msg = f"parsing took longer than {self.seconds:g} s (stopped at {where})"
            raise ParseTimeoutError(msg)


_ACTIVE: contextvars.ContextVar[Deadline | None] = contextvars.ContextVar(
    "resparse_deadline", default=None
)


def active_deadline() -> Deadline | None:
    """The deadline of the parse running in this context, if it has one."""
    return _ACTIVE.get()


def check_deadline(where: str) -> None:
    """Raise :class:`ParseTimeoutError` if the running parse is past its deadline.

    Cheap (a context variable read and a clock read), so long loops call it every few
    hundred steps; without a deadline it does nothing.
    """
    deadline = _ACTIVE.get()
    if deadline is not None and time.monotonic() > deadline.limit:
        deadline.check(where)


@contextlib.contextmanager
def deadline_scope(deadline: Deadline | None) -> Iterator[Deadline | None]:
    """Make ``deadline`` the one :func:`check_deadline` sees, for the ``with`` block.

    An outer deadline that ends sooner stays in force; ``None`` keeps the outer one.
    Yields the deadline in force.
    """
    outer = _ACTIVE.get()
    if deadline is None or (outer is not None and outer.limit <= deadline.limit):
        yield outer
        return
    token = _ACTIVE.set(deadline)
    try:
        yield deadline
    finally:
        _ACTIVE.reset(token)


def checked(items: Iterable[_T], where: str, every: int = 256) -> Iterable[_T]:
    """``items`` one by one, checking the deadline before every ``every``-th.

    Without a deadline in force, ``items`` as they are: nothing would be checked, and a
    loop that starts with no deadline sees none begin while it runs (a scope set inside
    its body ends before the next step). Most parses have no deadline, and their loops
    then pay nothing for one.
    """
    if _ACTIVE.get() is None:
        return items
    return _checked(items, where, every)


def _checked(items: Iterable[_T], where: str, every: int) -> Iterator[_T]:
    for index, item in enumerate(items):
        if not index % every:
            check_deadline(f"{where} (item {index + 1})")
        yield item
