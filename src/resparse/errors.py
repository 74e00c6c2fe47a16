"""Typed errors. Every exception resparse raises on purpose derives from ResparseError."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from resparse.model import Diagnostic


class ResparseError(Exception):
    """Base class of every error resparse raises on purpose."""


class ResolutionParseError(ResparseError, ValueError):
    """``parse(..., strict=True)`` found problems; ``diagnostics`` lists them all."""

    def __init__(self, diagnostics: Sequence[Diagnostic], source: str = "") -> None:
        self.diagnostics = tuple(diagnostics)
        self.source = source
        super().__init__(self._describe())

    def _describe(self) -> str:
        lines = [f"{len(self.diagnostics)} problem(s) found while parsing:"]
        for diagnostic in self.diagnostics:
            lines.append(f"  {diagnostic}")
            if diagnostic.span is not None and self.source:
                lines.extend(_caret(self.source, diagnostic.span.start, diagnostic.span.end))
        return "\n".join(lines)


ParseError = ResolutionParseError


class InputError(ResparseError, ValueError):
    """An input file could not be read: wrong type, damaged, encrypted, too large."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class InputDecodeError(InputError, UnicodeError):
    """Bytes that are not text in the expected encoding; names the file and offset."""

    def __init__(self, message: str, *, path: str | None = None, offset: int | None = None) -> None:
        self.offset = offset
        where = f" (byte {offset})" if offset is not None else ""
        super().__init__(message + where, path=path)


class InputTooLargeError(InputError):
    """The input exceeds the caller's size limit."""


class ParseTimeoutError(ResparseError, TimeoutError):
    """Parsing took longer than the caller's time limit."""


class OutputBusyError(ResparseError, RuntimeError):
    """Another ``corpus`` run is writing the same output; two at once would lose records."""


class UnsafeInputError(InputError):
    """An input asked for something resparse refuses to do (entities, external DTDs)."""


def _caret(source: str, start: int, end: int) -> list[str]:
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", start)
    if line_end == -1:
        line_end = len(source)
    line = source[line_start:line_end]
    if len(line) > 120:
        return []
    width = max(1, min(end, line_end) - start)
    return [f"    {line}", "    " + " " * (start - line_start) + "^" * width]
