r"""A readable terminal view of a parse result (rich).

Everything printed comes from a document, and a document can carry terminal escapes: an
OSC 52 sequence writes the clipboard, OSC 0 retitles the window, CSI 2J clears the screen,
and U+202E turns the rest of a line around. :func:`visible` writes every control and
bidirectional-formatting character as a visible ``\x1b`` or ``\u202e`` escape before
rich sees the text, so none reaches the terminal. The text is built as rich ``Text``
objects, never as markup, so brackets and backslashes in a clause print as they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

import regex

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text

    from resparse.model import Resolution

__all__ = ["render_table", "summary", "visible"]

PREVIEW = 70  # characters of a clause's text shown unless the full text is asked for

# C0 and C1 controls and DEL (ESC opens every escape sequence; CR and BS overwrite what was
# printed), and the characters that reorder a line (U+061C, U+200E-U+200F, U+202A-U+202E,
# U+2066-U+2069). Tabs and newlines are controls too: a table cell has no use for them.
_HIDDEN_RE = regex.compile(
    r"""
    [\x00-\x1f\x7f-\x9f]          # C0, DEL and C1 controls
    | [\u061c\u200e\u200f]        # Arabic letter mark, left-to-right and right-to-left marks
    | [\u202a-\u202e]             # embeddings and overrides
    | [\u2066-\u2069]             # isolates
    """,
    regex.VERBOSE,
)


def visible(text: str) -> str:
    r"""``text`` with every control and bidi character written as an escape (``\x1b``)."""
    return _HIDDEN_RE.sub(_escape, text)


def _escape(match: regex.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def summary(result: Resolution) -> str:
    """One line saying what was found: symbol, counts, vote, diagnostics."""
    parts = [
        _count(len(result.preamble), "preambular clause"),
        _count(len(result.operative), "operative paragraph"),
    ]
    vote = result.vote
    if vote is not None and vote.in_favour is not None:
        parts.append(f"vote {vote.in_favour}-{vote.against}-{vote.abstaining}")
    parts.append(_count(len(result.diagnostics), "diagnostic"))
    return f"{result.header.symbol or 'no symbol'}: {', '.join(parts)}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _preview(text: str, lead: str | None, *, full: bool) -> str:
    """The text after its lead, without the space between them; cut unless ``full``."""
    rest = text[len(lead) :] if lead and text.startswith(lead) else text
    rest = rest.lstrip()
    if full or len(rest) <= PREVIEW:
        return rest
    return rest[: PREVIEW - 1] + "…"


def render_table(
    result: Resolution,
    out: TextIO,
    *,
    title: str | None = None,
    width: int | None = None,
    full_text: bool = False,
) -> None:
    """Print the header, clauses, paragraphs, vote and diagnostics of ``result``.

    ``width`` is the width to wrap at; ``None`` wraps nothing (the right choice for a
    pipe or a file, which a fixed width would break and pad). ``full_text`` shows every
    clause whole instead of its first 70 characters.
    """
    from rich.console import Console  # noqa: PLC0415 - rich is only needed here
    from rich.text import Text  # noqa: PLC0415

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            """Leave a closed pipe to the caller: rich's own way out is ``SystemExit(1)``."""
            self.quiet = True
            raise BrokenPipeError

    unbounded = width is None
    console = _Console(
        file=out,
        width=width or _UNBOUNDED,
        highlight=False,
        soft_wrap=unbounded,
        emoji=False,
        markup=False,
    )
    name = visible(title or result.header.symbol or "resolution")
    line = Text(name, style="bold")
    line.append(f"  {visible(summary(result))}")
    console.print(line, soft_wrap=True)
    for field in _header_lines(result):
        console.print(field)
    console.print(_parts_table(result, full_text=full_text))
    for vote in result.votes or ((result.vote,) if result.vote else ()):
        counts = ""
        if vote.in_favour is not None:
            counts = (
                f" {vote.in_favour} in favour, {vote.against} against, {vote.abstaining} abstaining"
            )
        text = Text("vote", style="bold")
        method = vote.method or "not stated"
        text.append(visible(f" {method}{counts}; {vote.meeting or ''} {vote.date or ''}"))
        console.print(text)
    for diagnostic in result.diagnostics:
        console.print(Text(visible(str(diagnostic)), style="yellow"))


# rich needs a number: a width no line of a resolution reaches stands for "no wrapping"
_UNBOUNDED = 1_000_000


def _header_lines(result: Resolution) -> list[Text]:
    """``name  value`` lines, as plain lines: a table would pad every row to the longest."""
    from rich.text import Text  # noqa: PLC0415

    head = result.header
    rows = [
        (name, str(value))
        for name in ("symbol", "body", "session", "adopted", "number", "title", "report_line")
        if (value := getattr(head, name)) not in (None, "")
    ]
    rows += [("agenda item", f"{item.number}: {item.title or ''}") for item in head.agenda_items]
    width = max((len(name) for name, _ in rows), default=0)
    lines = []
    for name, value in rows:
        line = Text(name.ljust(width), style="dim")
        line.append(f"  {visible(value)}")
        lines.append(line)
    return lines


def _parts_table(result: Resolution, *, full_text: bool) -> Table:
    from rich.table import Table  # noqa: PLC0415

    parts = Table("kind", "#", "lead", "text")
    for clause in result.preamble:
        parts.add_row(
            "preamble",
            str(clause.index),
            _lead(clause.lead),
            visible(_preview(clause.text, clause.lead, full=full_text)),
        )
    for para in result.operative:
        number = "" if para.number is None else str(para.number)
        parts.add_row(
            "operative",
            number,
            _lead(para.lead),
            visible(_preview(para.text, para.lead, full=full_text)),
        )
        for top in para.subparagraphs:
            for sub in top.walk():
                parts.add_row(
                    "",
                    visible(f"({sub.label})"),
                    "",
                    visible(_preview(sub.text, None, full=full_text)),
                )
    return parts


def _lead(lead: str | None) -> Text:
    from rich.text import Text  # noqa: PLC0415

    return Text(visible(lead or "?"), style="italic")
