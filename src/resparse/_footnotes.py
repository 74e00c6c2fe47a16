"""Footnote blocks -> Footnote parts, each linked to its marker in the body.

The segmenter hands over the blocks of note lines it set aside (after a separator line,
at a page's foot, or gathered at the end of the text); this stage cuts them into notes
and finds where each note's marker sits in the body, so the marker can be cut out of
the clean text of the part it interrupts.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import attrs
import regex

from resparse import _markers
from resparse._patterns import FOOTNOTE_LINE_RE, FOOTNOTE_MARKER_ONLY_RE
from resparse._text import clean
from resparse.model import Footnote, Span

if TYPE_CHECKING:
    from collections.abc import Sequence

    from resparse._blocks import Block
    from resparse._scan import Line


def without(pieces: Sequence[tuple[int, int]], holes: Sequence[Span]) -> list[tuple[int, int]]:
    """Cut the footnote markers (sorted, not overlapping) out of a part's pieces."""
    if not holes:
        return list(pieces)
    out: list[tuple[int, int]] = []
    for start, end in pieces:
        cursor = start
        # the first hole that may reach into this piece; earlier ones end before it
        index = bisect.bisect_right(holes, start, key=_span_end)
        while index < len(holes) and holes[index].start < end:
            hole = holes[index]
            if hole.start > cursor:
                out.append((cursor, hole.start))
            cursor = max(cursor, hole.end)
            index += 1
        if cursor < end:
            out.append((cursor, end))
    return out


def _span_end(span: Span) -> int:
    return span.end


def link_footnotes(  # noqa: PLR0913 - the note blocks, where the body is, and how it prints
    source: str,
    note_blocks: Sequence[Sequence[Line]],
    parts: Sequence[Block],
    superscripts: Sequence[Span] | None,
    *,
    body_start: int,
    decimal_comma: bool,
    counting_words: frozenset[str] = frozenset(),
) -> tuple[list[Footnote], list[Span]]:
    """Footnote blocks -> Footnote parts, each linked to its marker in the body if found.

    ``parts`` are the clauses and paragraphs; ``body_start`` is where the first of them
    starts (markers are not looked for in the header). Returns the notes and their
    markers' spans, sorted, to cut out of the parts' clean text.
    """
    notes: list[Footnote] = []
    for block in note_blocks:
        notes.extend(_split_block(block))
    anchors: list[Span] = []
    taken: set[Span] = set()
    linked: list[Footnote] = []
    style = _markers.MarkerStyle(decimal_comma, counting_words)
    # notes gathered after the last paragraph (no page bottoms): markers are found in order
    in_order = not superscripts and _gathered_at_end(note_blocks, parts)
    for note in notes:
        if in_order:
            linked.append(note)
            continue
        # before the note's own number too, which some extractors print after its text
        own = note.marker_span.start if note.marker_span is not None else note.span.start
        before = min(note.span.start, own)
        anchor = _markers.find_anchor(source, note.marker, before, superscripts, style)
        if anchor is not None and anchor in taken:
            anchor = None
        if anchor is not None:
            anchors.append(anchor)
            taken.add(anchor)
        linked.append(attrs.evolve(note, anchor=anchor))
    _place_in_order(linked, source, body_start, anchors, taken, decimal_comma=decimal_comma)
    anchors.sort()
    return linked, anchors


def _gathered_at_end(note_blocks: Sequence[Sequence[Line]], parts: Sequence[Block]) -> bool:
    """Whether every footnote block stands after the last clause and paragraph."""
    if not parts or not note_blocks:
        return False
    last = max(part.end for part in parts)
    return all(not block or block[0].start >= last for block in note_blocks)


def _place_in_order(  # noqa: PLR0913 - the notes, where to look, and what is taken
    notes: list[Footnote],
    source: str,
    body_start: int,
    anchors: list[Span],
    taken: set[Span],
    *,
    decimal_comma: bool,
) -> None:
    """Link the notes left without a marker to the first one after the previous note's marker.

    ``find_anchor`` looks back from a note a page's length at most; notes gathered at the
    end of the text need their markers found in order instead, each between the markers
    of the notes before and after it, in the body (not the header), and never inside a
    note's own text.
    """
    if all(note.anchor is not None or not note.marker.isdigit() for note in notes):
        return
    # the marker of each note's next neighbour that has one bounds the search from above
    next_starts: list[int] = []
    bound = len(source)
    for note in reversed(notes):
        next_starts.append(bound)
        if note.anchor is not None:
            bound = note.anchor.start
    next_starts.reverse()
    note_spans = sorted(note.span for note in notes)
    wanted = {note.marker for note in notes if note.anchor is None and note.marker.isdigit()}
    markers = _markers.Markers(
        source,
        body_start,
        max(n.span.start for n in notes),
        decimal_comma=decimal_comma,
        wanted=wanted,
    )
    start = body_start
    for i, note in enumerate(notes):
        if note.anchor is not None:
            start = max(start, note.anchor.end)
            continue
        if not note.marker.isdigit():
            continue
        end = min(next_starts[i], note.span.start)
        for anchor in markers.after(note.marker, start, end):
            if anchor not in taken and not _inside(anchor, note_spans):
                notes[i] = attrs.evolve(note, anchor=anchor)
                anchors.append(anchor)
                taken.add(anchor)
                start = anchor.end
                break


def _inside(span: Span, spans: list[Span]) -> bool:
    """Whether ``span`` starts inside one of ``spans`` (sorted, not overlapping)."""
    index = bisect.bisect_right(spans, span.start, key=_span_start) - 1
    return index >= 0 and spans[index].start <= span.start < spans[index].end


def _span_start(span: Span) -> int:
    return span.start


# how many notes a block's numbering may skip and still open a note at a line's number
_SKIPPED_NOTES = 2


# a line that ends on a word a number follows ("Supplément no" / "8 (E/2009/28)",
# "vol." / "1015"): the number opening the next line is that count, not a note's marker
_COUNTED_AT_END_RE = regex.compile(
    r"(?<![^\W\d_])(?:No|no|n[°º]|núm|vol|para|paras|pp?|art)\.?\s*$|№\s*$"
)


def _split_block(block: Sequence[Line]) -> list[Footnote]:
    """Cut a block of footnote lines into notes.

    Extractors print a note's marker on the note's first line ("1 Official Records") or
    on a line of its own, sometimes before all the texts of the page ("12", "13", text,
    text) and sometimes after them. Markers wait in a queue and go to the next note that
    starts without one; markers left over go to the notes that got none, in order.
    """
    notes: list[list[Line]] = []
    markers: list[Line | None] = []
    queue: list[Line] = []
    previous: Line | None = None
    last_known: list[tuple[str | None, object]] = []  # the last marker line a note took
    for line in block:
        if FOOTNOTE_MARKER_ONLY_RE.match(line.text):
            queue.append(line)
            previous = None
            continue
        match = FOOTNOTE_LINE_RE.match(line.text)
        if (
            match
            and match["marker"].isdigit()
            and _markers.plausible_marker(match["marker"], last_known, skipped=_SKIPPED_NOTES)
            and not (previous is not None and _COUNTED_AT_END_RE.search(previous.text))
        ):
            notes.append([line])
            markers.append(None)
            # the next note's number follows this one: "28 and 29 June" after note 2 goes on
            last_known = [(match["marker"], None)]
        elif (
            not notes
            or previous is None
            or (queue and previous.text.rstrip().endswith((".", ")", "]")))
        ):
            notes.append([line])
            markers.append(queue.pop(0) if queue else None)
            if markers[-1] is not None:  # the marker the next note's number follows
                last_known = [(_marker_text(markers[-1]), None)]
        else:
            notes[-1].append(line)
        previous = line
    notes, markers = _cut_for_markers(notes, markers, len(queue))
    for i, waiting in enumerate(markers):
        if waiting is None and queue and not FOOTNOTE_LINE_RE.match(notes[i][0].text):
            markers[i] = queue.pop(0)
    result = [
        note
        for note_lines, marker_line in zip(notes, markers, strict=True)
        for note in _notes_of(note_lines, marker_line)
    ]
    # markers with no text at all: still accounted for
    result.extend(
        Footnote(marker=_marker_text(m), text="", span=Span(m.start, m.end)) for m in queue
    )
    return result


def _cut_for_markers(
    notes: list[list[Line]], markers: list[Line | None], left: int
) -> tuple[list[list[Line]], list[Line | None]]:
    """Cut notes that ran together where more markers are left over than notes wait.

    When the markers come after all the texts of a page ("Resolution S-10/2.",
    "A/51/218, annex.", ..., "1", "2"), two notes' lines read as one; each marker left
    with no note to go to stands for a note. A waiting note is cut where a line ends a
    sentence and the next opens with no small letter, until every marker has one.
    """
    waiting = [
        i
        for i, marker in enumerate(markers)
        if marker is None and not FOOTNOTE_LINE_RE.match(notes[i][0].text)
    ]
    spare = left - len(waiting)
    if spare <= 0 or not waiting:
        return notes, markers
    cut_notes: list[list[Line]] = []
    cut_markers: list[Line | None] = []
    for i, (note, marker) in enumerate(zip(notes, markers, strict=True)):
        piece = [note[0]]
        for line in note[1:]:
            if (
                spare
                and i in waiting
                and piece[-1].text.endswith((".", ")", "]"))
                and not line.text[:1].islower()
            ):
                cut_notes.append(piece)
                cut_markers.append(marker)
                piece = []
                spare -= 1
            piece.append(line)
        cut_notes.append(piece)
        cut_markers.append(marker)
    return cut_notes, cut_markers


def _notes_of(note_lines: Sequence[Line], marker_line: Line | None) -> list[Footnote]:
    """The note of these lines, or the notes where an extractor ran two into one line."""
    result: list[Footnote] = []
    label = _marker_text(marker_line) if marker_line is not None else ""
    match = FOOTNOTE_LINE_RE.match(note_lines[0].text)
    if marker_line is None and match is not None:
        label = match["marker"]
    marker_span = Span(marker_line.start, marker_line.end) if marker_line is not None else None
    for k, (marker, pieces) in enumerate(_cut_merged(note_lines, label)):
        body = " ".join(text for _, _, text in pieces)
        match = FOOTNOTE_LINE_RE.match(body)
        if (k or marker_line is None) and match is not None:
            body = match["text"]
        span = Span(pieces[0][0], pieces[-1][1])
        result.append(
            Footnote(
                marker=marker,
                text=clean(body),
                span=span,
                marker_span=marker_span if k == 0 else None,
            )
        )
    return result


# "... (A/77/10). 2 Ibid.": the next note's marker after a sentence, on the same line
_MERGED_NOTE_RE = regex.compile(
    r"(?<=[.)\]”\"])[ \t]{1,4}(?P<marker>\d{1,3})[ \t]+(?=[^\W\d_])(?!\p{Ll})"
)


def _cut_merged(lines: Sequence[Line], marker: str) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Cut a note where an extractor ran the next note into its line.

    pdftotext may print two short notes on one line: "1 Official Records ... (A/77/10).
    2 Ibid., para. 41.". After a sentence's end, the number that follows this note's
    marker, then a word that is not in lower case, opens the next note. Returns each
    note's marker and its pieces (start, end, text) of the lines.
    """
    pieces: list[tuple[int, int, str]] = []
    if not marker.isdigit():
        return [(marker, [(line.start, line.end, line.text) for line in lines])]
    notes: list[tuple[str, list[tuple[int, int, str]]]] = []
    expected = int(marker) + 1
    for line in lines:
        at = 0
        for match in _MERGED_NOTE_RE.finditer(line.text):
            if int(match["marker"]) != expected:
                continue
            if match.start() > at:
                pieces.append(
                    (line.start + at, line.start + match.start(), line.text[at : match.start()])
                )
            notes.append((marker, pieces))
            marker, pieces = match["marker"], []
            at = match.start("marker")
            expected += 1
        pieces.append((line.start + at, line.end, line.text[at:]))
    notes.append((marker, pieces))
    return notes


def _marker_text(line: Line) -> str:
    match = FOOTNOTE_MARKER_ONLY_RE.match(line.text)
    return match["marker"] if match else line.text.strip()
