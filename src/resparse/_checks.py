"""Self-checks that need no gold: where a reading is doubtful, the result says so.

They run on the built result and only add diagnostics, each with the span a reader
should look at. A right parse of a clean text sets none of them off.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import attrs

from resparse import _checks_lines, _checks_lists, _checks_order
from resparse._deadline import checked
from resparse._language import profile_or_english
from resparse._line_shape import ends_clause
from resparse.model import Diagnostic, Span

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from resparse.model import Resolution

# what may stand between a part and the text that cut it short
_INTERRUPTIONS = frozenset({"heading", "unclassified", "furniture"})


def check(result: Resolution) -> Resolution:
    """The result with the self-checks' diagnostics added, in source order."""
    found = [*_cut_mid_sentence(result), *_not_a_resolution(result)]
    for one in checked(_CHECKS, "the self-checks", every=1):
        found.extend(one(result))
    if not found:
        return result
    diagnostics = sorted(
        (*result.diagnostics, *found), key=lambda d: (d.span.start if d.span else -1, d.code)
    )
    return attrs.evolve(result, diagnostics=tuple(diagnostics))


def _cut_mid_sentence(result: Resolution) -> list[Diagnostic]:
    """Clauses and paragraphs that end on a word, with a heading or furniture right after.

    A clause ends with its punctuation; one that ends on a word and is followed by a
    heading, page furniture or unplaced text has most likely lost the rest of its
    sentence to it (a line after a page break read as a heading or a running header).
    """
    found: list[Diagnostic] = []
    parts: list[tuple[str, int | None, str, Span]] = [
        ("preambular clause", c.index, c.text, c.span) for c in result.preamble
    ]
    parts += [("operative paragraph", p.number, p.full_text, p.span) for p in result.operative]
    terminators = profile_or_english(result.language).terminators
    for name, label, text, span in parts:
        stripped = text.rstrip()
        if not stripped or not stripped[-1].isalnum():
            continue
        if stripped[-1].isdigit() and ends_clause(stripped, terminators):
            continue  # a footnote marker after the closing punctuation: "under review;33"
        segments = _checks_lines.segments_of(result)  # only for a part that ends on a word
        starts = [segment.span.start for segment in segments]
        index = bisect.bisect_left(starts, span.end)
        following = segments[index] if index < len(segments) else None
        if following is None or following.kind not in _INTERRUPTIONS:
            continue
        what = following.kind.replace("_", " ")
        message = (
            f"{name} {label if label is not None else ''} ends on a word, right before a "
            f"{what}: its sentence may go on there"
        ).replace("  ", " ")
        found.append(Diagnostic("text.cut_mid_sentence", message, "warning", following.span))
    return found


# the checks on the parts' order and lines, each a general rule of how resolutions are
# drafted (see docs/how-it-works.md, "Diagnostics")
_CHECKS: tuple[Callable[[Resolution], Iterable[Diagnostic]], ...] = (
    _checks_order.preamble_after_operative,
    _checks_order.no_operative_part,
    _checks_order.unnumbered_among_numbered,
    _checks_order.text_after_closing,
    _checks_order.label_sequence,
    _checks_order.preamble_ends_with_colon,
    _checks_order.title_ends_with_colon,
    _checks_order.title_unfinished,
    _checks_order.paragraphs_after_meeting,
    _checks_lines.list_continuation,
    _checks_lines.label_in_item,
    _checks_lines.heading_in_paragraph,
    _checks_lines.extra_lines,
    _checks_lines.preambular_lead_in_paragraph,
    _checks_lines.long_paragraph,
    _checks_lines.no_closing_punctuation,
    _checks_lines.heading_reads_as_part,
    _checks_lines.clause_without_lead,
    _checks_lines.annex_in_paragraph,
    _checks_lists.item_with_more_lines,
    _checks_lists.colon_without_list,
    _checks_lists.title_as_last_item,
    _checks_lists.label_in_paragraph,
)


# header fields that only a UN document prints
_DOCUMENT_FIELDS = ("symbol", "body", "number", "adoption_line", "enacting_formula", "session")


def _not_a_resolution(result: Resolution) -> list[Diagnostic]:
    """A text with no formula, no UN header field and mostly no known leads is no resolution.

    Numbered steps or a salutation read as clauses and paragraphs when no formula says
    where a resolution starts; a resolution's own parts open with leads the tables know
    ("Recalling", "Decides"), so a text whose parts mostly do not is flagged, its parts
    kept as read.
    """
    header = result.header
    if any(getattr(header, name) is not None for name in _DOCUMENT_FIELDS):
        return []
    spans = [c.span for c in result.preamble] + [p.span for p in result.operative]
    if not spans:
        return []
    leads = [c.lead for c in result.preamble] + [p.lead for p in result.operative]
    with_lead = sum(lead is not None for lead in leads)
    if with_lead * 2 > len(leads):
        return []
    span = Span(min(s.start for s in spans), max(s.end for s in spans))
    message = (
        f"no enacting formula and no header field of a UN document, and {with_lead} of "
        f"{len(leads)} parts open with a known lead: this may not be a resolution"
    )
    return [Diagnostic("input.not_a_resolution", message, "warning", span)]
