"""An HTML view of a parse result for notebooks: the source text, coloured by part.

The view walks :meth:`Resolution.segments`, so every character of the source appears
once, in order, in the colour of the part that owns it; text between parts is shown
plain (or flagged when it is not whitespace, which means nothing claimed it). Leads are
bold italic, sub-paragraphs are shaded inside their paragraph, page furniture is grey, and
a form feed becomes a dashed page rule. Every piece of source text, and every value in an
attribute, goes through :func:`html.escape`, so a resolution cannot inject markup. Styles
are inline because notebook front ends often drop ``<style>`` elements.
"""

from __future__ import annotations

import html
import itertools
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from resparse.model import (
        OperativeParagraph,
        PreambularClause,
        Resolution,
        Segment,
        Span,
        SubParagraph,
    )

# kind -> (legend label, inline CSS); the order is the legend's.
STYLES: dict[str, tuple[str, str]] = {
    "header": ("header", "background:#e4dcf5"),
    "preambular": ("preambular", "background:#dbeafe"),
    "operative": ("operative", "background:#dcfce7"),
    "subparagraph": ("sub-paragraph", "background:#a7f3d0"),
    "vote": ("vote", "background:#fed7aa"),
    "footnote": ("footnote", "background:#fce7f3"),
    "heading": ("heading", "background:#fef08a"),
    "annex": ("annex", "background:#e7e5e4"),
    "furniture": ("page furniture", "color:#9e9e9e"),
    "unclassified": ("unclassified", "background:#fecaca;text-decoration:underline wavy #b91c1c"),
}
_UNCOVERED = "background:#fecaca;outline:1px dashed #b91c1c"
_PAGE_BREAK = (
    '<span title="page break" style="display:block;border-top:1px dashed #bdbdbd;margin:.3em 0">'
    "</span>"
)
_BOX = (
    "font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1a1a1a;background:#fff;"
    "border:1px solid #ddd;border-radius:4px;padding:.6em .8em"
)
_TEXT = "white-space:pre-wrap;line-height:1.6;font-size:90%;max-height:40em;overflow:auto"
_ALIASES = {"agenda_item": "header", "footnote_marker": "footnote"}

# A run of text in one style: (start, end, kind, title, is_lead).
_Run = tuple[int, int, str, str, bool]


# Lone surrogates, noncharacters (U+FDD0-U+FDEF and the last two of every plane) and the
# control characters other than tab, line feed, carriage return and form feed.
_NOT_TEXT_RE = regex.compile(
    r"[\ud800-\udfff\ufdd0-\ufdef\x00-\x08\x0b\x0e-\x1f\x7f]|[\p{Noncharacter_Code_Point}]"
)


def render_html(resolution: Resolution) -> str:
    """The result as one self-contained ``<div>``: summary, legend, then the coloured text."""
    return (
        f'<div class="resparse" style="{_BOX}">'
        f"{_summary(resolution)}{_legend(resolution)}"
        f'<div data-resparse="text" style="{_TEXT}">{_body(resolution)}</div>'
        "</div>"
    )


def _esc(value: object) -> str:
    """Escape text for an element or a quoted attribute.

    Lone surrogates (from damaged input), noncharacters and control characters are not
    text a page may hold: each is shown as U+FFFD, so the page encodes and renders.
    """
    return _NOT_TEXT_RE.sub("\ufffd", html.escape(str(value), quote=True))


def _text(raw: str) -> str:
    return _esc(raw).replace("\f", _PAGE_BREAK)


# --- summary and legend --------------------------------------------------------------


def _summary(r: Resolution) -> str:
    head = r.header
    title = f"<b>{_esc(head.symbol or 'resolution')}</b>"
    if head.title:
        title += f" {_esc(head.title)}"
    adopted = f"adopted {head.adopted}" if head.adopted else None
    facts = [_esc(value) for value in (head.body, adopted) if value]
    facts.append(f"{len(r.preamble)} preambular, {len(r.operative)} operative")
    for vote in r.votes or ((r.vote,) if r.vote is not None else ()):
        counts = ""
        if vote.in_favour is not None:
            counts = f" {vote.in_favour}–{vote.against}–{vote.abstaining}"
        part = f" (part {vote.part})" if vote.part else ""
        facts.append(_esc(f"vote{part}: {vote.method or 'not stated'}{counts}"))
    unread = sum(len(span) for span in r.uncovered())
    facts.append(f"{unread} characters unread" if unread else "all text read")
    out = (
        f'<div style="margin-bottom:.3em">{title}</div>'
        f'<div style="font-size:90%">{" · ".join(facts)}</div>'
    )
    if r.diagnostics:
        items = "".join(f"<li>{_esc(d)}</li>" for d in r.diagnostics)
        out += (
            f'<details style="font-size:90%"><summary>{len(r.diagnostics)} diagnostics</summary>'
            f'<ul style="margin:.2em 0">{items}</ul></details>'
        )
    return out


def _counts(r: Resolution) -> dict[str, int]:
    """How many parts of each kind the result holds, for the legend."""
    return {
        "header": len(set(r.header.spans.values())) + len(r.header.agenda_items),
        "preambular": len(r.preamble),
        "operative": len(r.operative),
        "subparagraph": sum(1 for p in r.operative for top in p.subparagraphs for _ in top.walk()),
        "vote": len(r.votes) or (1 if r.vote is not None else 0),
        "footnote": len(r.footnotes),
        "heading": len(r.headings),
        "annex": len(r.annexes),
        "furniture": len(r.furniture),
        "unclassified": len(r.unclassified),
    }


def _legend(r: Resolution) -> str:
    counts = _counts(r)
    keys = "".join(
        f'<span style="{style};display:inline-block;padding:0 .35em;margin:0 .5em .2em 0;'
        f'border-radius:3px">{_esc(label)} {counts[kind]}</span>'
        for kind, (label, style) in STYLES.items()
    )
    return (
        f'<div style="font-size:85%;margin:.4em 0">{keys}'
        '<span style="display:inline-block"><b><i>lead</i></b> in bold italics</span></div>'
    )


# --- the text --------------------------------------------------------------------------


def _body(r: Resolution) -> str:
    pieces: list[str] = []
    cursor = 0
    for segment in r.segments():
        if segment.span.start > cursor:
            pieces.append(_gap(r.source[cursor : segment.span.start]))
        for start, end, kind, title, lead in _runs(r, segment):
            style = STYLES.get(kind, ("", ""))[1]
            inner = _text(r.source[start:end])
            if lead:
                inner = f"<b><i>{inner}</i></b>"
            pieces.append(f'<span style="{style}" title="{_esc(title)}">{inner}</span>')
        cursor = max(cursor, segment.span.end)
    if cursor < len(r.source):
        pieces.append(_gap(r.source[cursor:]))
    return "".join(pieces)


def _gap(raw: str) -> str:
    """Text no part owns: plain when it is whitespace, flagged when it is not."""
    if not raw.strip():
        return _text(raw)
    return f'<span style="{_UNCOVERED}" title="not claimed by any part">{_text(raw)}</span>'


def _runs(r: Resolution, segment: Segment) -> list[_Run]:
    """The styled runs of one segment: clauses are cut further at leads and sub-paragraphs."""
    kind = segment.kind.split(".", 1)[0]
    kind = _ALIASES.get(kind, kind)
    start, end, index = segment.span.start, segment.span.end, segment.index
    if kind == "preambular" and index is not None:
        clause = r.preamble[index]
        return _cut(segment.span, (kind, _title_of_clause(clause)), clause.lead_span, [])
    if kind == "operative" and index is not None:
        paragraph = r.operative[index]
        root = str(paragraph.number) if paragraph.number is not None else f"¶{index + 1}"
        items = _items(root, paragraph.subparagraphs, 0)
        base = (kind, _title_of_paragraph(paragraph))
        return _cut(segment.span, base, paragraph.lead_span, items)
    return [(start, end, kind, _title(r, segment, kind), False)]


def _items(path: str, items: tuple[SubParagraph, ...], depth: int) -> list[tuple[Span, int, str]]:
    """Every sub-paragraph as ``(span, depth, label path)``; deeper ones are drawn on top."""
    out: list[tuple[Span, int, str]] = []
    for item in items:
        here = f"{path}({item.label})"
        out.append((item.span, depth, here))
        out.extend(_items(here, item.subparagraphs, depth + 1))
    return out


def _cut(
    segment: Span,
    base: tuple[str, str],
    lead: Span | None,
    items: list[tuple[Span, int, str]],
) -> list[_Run]:
    """Split a segment at every lead and item boundary; the deepest item wins a piece.

    ``base`` is the ``(kind, title)`` of the pieces that no item covers.
    """
    start, end = segment.start, segment.end
    marks = [span for span, _, _ in items] + ([lead] if lead is not None else [])
    points = sorted({start, end} | {p for m in marks for p in (m.start, m.end) if start < p < end})
    runs: list[_Run] = []
    for a, b in itertools.pairwise(points):
        covering = [(d, path) for span, d, path in items if span.start <= a and b <= span.end]
        piece_kind, piece_title = base
        if covering:
            piece_kind, piece_title = "subparagraph", f"sub-paragraph {max(covering)[1]}"
        is_lead = lead is not None and lead.start <= a and b <= lead.end
        runs.append((a, b, piece_kind, piece_title, is_lead))
    return runs


def _where(part: str | None, section: str | None) -> str:
    bits = [f"part {part}" if part else "", f"section {section}" if section else ""]
    return "".join(f", {bit}" for bit in bits if bit)


def _title_of_clause(clause: PreambularClause) -> str:
    return f"preambular clause {clause.index}{_where(clause.part, clause.section)}"


def _title_of_paragraph(paragraph: OperativeParagraph) -> str:
    number = paragraph.number if paragraph.number is not None else "(unnumbered)"
    return f"operative paragraph {number}{_where(paragraph.part, paragraph.section)}"


def _title(r: Resolution, segment: Segment, kind: str) -> str:
    """The tooltip of a part that is not a clause: what it is, and its name where it has one."""
    i = segment.index
    if segment.kind.startswith("header."):
        return f"header: {segment.kind.removeprefix('header.')}"
    if i is None:
        return kind
    if segment.kind == "agenda_item":
        return f"header: agenda item {r.header.agenda_items[i].number}"
    if segment.kind == "footnote":
        return f"footnote {r.footnotes[i].marker}"
    if segment.kind == "footnote_marker":
        return f"footnote {r.footnotes[i].marker} (its marker)"
    if segment.kind == "annex":
        return f"annex {r.annexes[i].label}"
    if segment.kind == "furniture":
        return f"page furniture: {r.furniture[i].kind}"
    if segment.kind == "unclassified":
        return f"unclassified: {r.unclassified[i].reason or 'not placed'}"
    return kind
