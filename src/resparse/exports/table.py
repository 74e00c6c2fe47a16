"""A readable terminal view of a parse result (rich)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.table import Table

    from resparse.model import Resolution

_PREVIEW = 70


def _preview(text: str, lead: str | None) -> str:
    rest = text[len(lead) :] if lead and text.startswith(lead) else text
    return rest if len(rest) <= _PREVIEW else rest[: _PREVIEW - 1] + "…"


def render_table(result: Resolution, out: TextIO, *, title: str | None = None) -> None:
    """Print the header, clauses, paragraphs, vote and diagnostics of ``result``."""
    from rich.console import Console  # noqa: PLC0415 - rich is only needed here
    from rich.markup import escape  # noqa: PLC0415

    console = Console(file=out, width=120, highlight=False, soft_wrap=False)
    name = escape(title or result.header.symbol or "resolution")
    console.print(f"[bold]{name}[/bold]  {escape(repr(result))}")
    console.print(_header_table(result))
    console.print(_parts_table(result))
    for vote in result.votes or ((result.vote,) if result.vote else ()):
        counts = ""
        if vote.in_favour is not None:
            counts = (
                f" {vote.in_favour} in favour, {vote.against} against, {vote.abstaining} abstaining"
            )
        method = escape(vote.method or "not stated")
        console.print(
            f"[bold]vote[/bold] {method}{counts}; {escape(vote.meeting or '')} {vote.date or ''}"
        )
    for diagnostic in result.diagnostics:
        console.print(f"[yellow]{escape(str(diagnostic))}[/yellow]")


def _header_table(result: Resolution) -> Table:
    from rich.markup import escape  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415

    fields = Table(show_header=False, box=None, pad_edge=False)
    head = result.header
    for name in ("symbol", "body", "session", "adopted", "number", "title", "report_line"):
        value = getattr(head, name)
        if value not in (None, ""):
            fields.add_row(f"[dim]{name}[/dim]", escape(str(value)))
    for item in head.agenda_items:
        fields.add_row("[dim]agenda item[/dim]", escape(f"{item.number}: {item.title or ''}"))
    return fields


def _parts_table(result: Resolution) -> Table:
    from rich.markup import escape  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415

    parts = Table("kind", "#", "lead", "text")
    for clause in result.preamble:
        lead = f"[italic]{escape(clause.lead or '?')}[/italic]"
        parts.add_row(
            "preamble", str(clause.index), lead, escape(_preview(clause.text, clause.lead))
        )
    for para in result.operative:
        number = "" if para.number is None else str(para.number)
        lead = f"[italic]{escape(para.lead or '?')}[/italic]"
        parts.add_row("operative", number, lead, escape(_preview(para.text, para.lead)))
        for top in para.subparagraphs:
            for sub in top.walk():
                parts.add_row("", f"({escape(sub.label)})", "", escape(_preview(sub.text, None)))
    return parts
