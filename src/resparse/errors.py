"""Typed errors. Every exception resparse raises on purpose derives from ResparseError.

Each also derives from the built-in exception a caller would otherwise expect
(``ValueError`` for bad input, ``ImportError`` for a missing optional dependency), so code
written against the built-ins keeps working.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

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
"""The short name of :class:`ResolutionParseError`: the same class, kept for callers that use it."""


class InputError(ResparseError, ValueError):
    """An input file could not be read: wrong type, damaged, encrypted, too large."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class InputDecodeError(InputError, UnicodeError):
    """Bytes that are not text in the expected encoding; names the file and offset."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        offset: int | None = None,
        hint: str | None = None,
    ) -> None:
        self.offset = offset
        self.hint = hint
        where = f" (byte {offset})" if offset is not None else ""
        advice = f"; {hint}" if hint else ""
        super().__init__(message + where + advice, path=path)


class InputTooLargeError(InputError):
    """The input exceeds the caller's size limit."""


class ParseTimeoutError(ResparseError, TimeoutError):
    """Parsing took longer than the caller's time limit."""


class OutputBusyError(ResparseError, RuntimeError):
    """Another ``corpus`` run is writing the same output; two at once would lose records."""


class UnsafeInputError(InputError):
    """An input asked for something resparse refuses to do (entities, external DTDs)."""


class SchemaError(ResparseError, ValueError):
    """The data does not have the shape of a serialized Resolution."""


class SchemaVersionError(SchemaError):
    """The data was written by a resparse whose format this version cannot read."""


class MissingExtraError(ResparseError, ImportError):
    """A feature needs an optional dependency that is not installed.

    The message names the extra that brings it and quotes the install command, both for an
    installed package and from a checkout of the repository, because an unquoted
    ``resparse[pandas]`` is a glob to the shell and the package name does not install a
    local checkout.
    """

    def __init__(self, *, feature: str, extra: str, package: str | None = None) -> None:
        self.feature = feature
        self.extra = extra
        self.package = package or extra
        super().__init__(
            f"{feature} needs {self.package}, from the optional extra {extra!r}: "
            f"{install_hint(extra)}",
            name=self.package,
        )

    def __reduce__(self) -> tuple[Any, tuple[()]]:
        """Pickle by the keywords (worker processes send errors back to their parent)."""
        rebuild = functools.partial(
            type(self), feature=self.feature, extra=self.extra, package=self.package
        )
        return rebuild, ()


def install_hint(extra: str) -> str:
    """The commands that install an extra: from the package index, and from a checkout."""
    return f"pip install 'resparse[{extra}]' (from a checkout: pip install '.[{extra}]')"


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
