"""A time limit that long-running stages check cooperatively."""

from __future__ import annotations

import time

import attrs

from resparse.errors import ParseTimeoutError


@attrs.frozen
class Deadline:
    """The moment a parse must have finished by (``time.monotonic`` seconds)."""

    limit: float
    seconds: float

    @classmethod
    def after(cls, seconds: float) -> Deadline:
        """A deadline ``seconds`` from now."""
        if seconds <= 0:
            msg = f"timeout must be positive, got {seconds}"
            raise ValueError(msg)
        return cls(time.monotonic() + seconds, seconds)

    def check(self, where: str) -> None:
        """Raise :class:`ParseTimeoutError` once the deadline has passed."""
        if time.monotonic() > self.limit:
            msg = f"parsing took longer than {self.seconds:g} s (stopped at {where})"
            raise ParseTimeoutError(msg)
