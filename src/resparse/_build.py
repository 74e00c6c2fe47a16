"""Blocks + readings -> Resolution: the one place where result objects are made.

The segmenter says which raw pieces of the source make each clause, paragraph,
sub-paragraph, annex, vote and note block; this stage reads each block's lead, clean
text, further leads, vote fields and notes, and assembles the frozen ``Resolution``.
"""

from __future__ import annotations

import functools
import itertools
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import attrs

from resparse import _lead_tables, _lead_words, _leads, _line_shape
from resparse._footnotes import link_footnotes, without
from resparse._more_leads import find_more_leads
from resparse._text import clean, clean_pieces
from resparse._vote import read_vote
from resparse.model import (
    AgendaItem,
    Annex,
    Diagnostic,
    Footnote,
    Header,
    Heading,
    OperativeParagraph,
    PreambularClause,
    Resolution,
    Span,
    SpanMap,
    SubParagraph,
    Unclassified,
    VoteRecord,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence

    from resparse._blocks import Block, Segmentation, VoteBlock
    from resparse._header import HeaderResult
    from resparse._italics import Italics
    from resparse._language import Profile
    from resparse._vote import VoteFields


class Marks(Protocol):
    """How a reader of markup reads a block's lead, text and further leads.

    The markup says where each lead is (its emphasis runs, resparse's own marks) and
    which characters are footnote markers, so ``from_akn`` reads those from the markup
    while the parts themselves are made here, as for text (see :func:`build_marked`).
    """

    def lead(
        self, block: Block, kind: _lead_tables.Kind
    ) -> tuple[str | None, Span | None, bool | None]:
        """The lead, its span and whether it was emphasised."""
        ...

    def text(self, pieces: Sequence[tuple[int, int]]) -> str:
        """The clean text of some ranges of the source."""
        ...

    def more(
        self, kind: _lead_tables.Kind, lead_span: Span | None, pieces: Sequence[tuple[int, int]]
    ) -> dict[str, Any]:
        """``more_leads`` and ``more_lead_spans`` of a part with a lead (``{}``: none)."""
        ...


@attrs.frozen
class Reading:
    """What building needs to know of the document beyond its blocks."""

    source: str
    profile: Profile
    scope: str | None  # the lead tables' body scope ("hrc", "sc")
    italics: Italics | None  # None: the input cannot show italics
    superscripts: tuple[Span, ...] | None = None
    reader: str = "text"
    marks: Marks | None = None  # a markup reader's own reading of leads and texts

    @property
    def language(self) -> str:
        """The language code of the document."""
        return self.profile.code


def build(
    reading: Reading,
    segmentation: Segmentation,
    head: HeaderResult,
    diagnostics: list[Diagnostic],
    leftovers: list[tuple[Span, str]],
) -> Resolution:
    """The result of a parsed text: every block read and made into its part.

    The steps: link the notes to their markers, read the clauses and paragraphs (the
    markers cut out of their text), report what they lack, read the adoption records
    with the notes they cite, then make the Resolution as every reader does
    (:func:`_resolution`).
    """
    footnotes, anchors = _linked_notes(reading, segmentation)
    preamble, operative = _parts(reading, segmentation, anchors)
    notes = [
        *diagnostics,
        *segmentation.diagnostics,
        *_notes_without_text(footnotes),
        *_leads_unknown(preamble, operative),
    ]
    votes = _votes(
        reading,
        segmentation,
        header=head.header,
        header_meeting=head.meeting,
        footnotes=footnotes,
        diagnostics=notes,
    )
    header = _dated_by_its_meeting(head.header, votes)
    if not preamble and not operative:
        notes.append(
            Diagnostic(
                "input.no_structure",
                "found no preambular clause and no operative paragraph",
                "error",
            )
        )
    return _resolution(
        reading,
        segmentation,
        header=header,
        preamble=preamble,
        operative=operative,
        votes=votes,
        footnotes=footnotes,
        annexes=[_annex(reading, block, anchors) for block in segmentation.annexes],
        unclassified=_unclassified(reading, [*leftovers, *segmentation.unclassified]),
        diagnostics=notes,
        language=reading.language,
    )


def _dated_by_its_meeting(header: Header, votes: Sequence[VoteRecord]) -> Header:
    """The header, dated by the meeting that adopted the text where its cover gives no date.

    A Human Rights Council resolution as its reports print it has no cover: the date is
    in the closing lines alone ("Adopted without a vote / 31st meeting / 27 November
    2006", or the statement in brackets and the meeting after it). A draft, or a text
    whose record says it was not adopted, dates no adoption.
    """
    if header.adopted is not None or header.document_type is not None:
        return header
    if any(v.method == "rejected" or v.outcome not in (None, "adopted") for v in votes):
        return header
    dated = next((v.date for v in votes if v.date is not None), None)
    return header if dated is None else attrs.evolve(header, adopted=dated)


def _resolution(  # noqa: PLR0913 - one argument per part that each reader reads its own way
    reading: Reading,
    segmentation: Segmentation,
    *,
    header: Header,
    preamble: Sequence[PreambularClause],
    operative: Sequence[OperativeParagraph],
    votes: Sequence[VoteRecord],
    footnotes: Sequence[Footnote],
    annexes: Sequence[Annex],
    unclassified: Sequence[Unclassified],
    diagnostics: Sequence[Diagnostic],
    language: str,
) -> Resolution:
    """The frozen result, made in this one place for text and for markup alike.

    What every reader reads the same way (headings, furniture, the reader's name, the
    warning on each unclassified piece, the order of parts and diagnostics) is done
    here; each argument is a part that a reader reads its own way. A field added to
    ``Resolution`` is filled here, or becomes an argument that both callers must give.
    ``offset`` and ``references`` are filled after the build (``parse_all``, and the
    post-pass of :func:`resparse.parser.with_references`).
    """
    notes = [
        *diagnostics,
        *(
            Diagnostic(
                "text.unclassified", f"could not place text: {item.reason}", "warning", item.span
            )
            for item in unclassified
        ),
    ]
    notes.sort(key=lambda d: (d.span.start if d.span else -1, d.code))
    return Resolution(
        source=reading.source,
        header=header,
        preamble=tuple(preamble),
        operative=tuple(operative),
        vote=votes[0] if votes else None,
        votes=tuple(votes),
        footnotes=tuple(footnotes),
        unclassified=tuple(sorted(unclassified, key=lambda u: u.span.start)),
        diagnostics=tuple(notes),
        headings=tuple(Heading(_span_text(reading, s), s) for s in segmentation.headings),
        annexes=tuple(annexes),
        furniture=segmentation.furniture,
        language=language,
        reader=reading.reader,
    )


def make_header(
    values: Mapping[str, object],
    agenda: Iterable[AgendaItem],
    spans: Iterable[tuple[str, Span]],
) -> Header:
    """The header of the field values a reader read, the agenda items, and where each field is.

    The header stage of the text and the Akoma Ntoso reader each read the cover their own
    way and make the ``Header`` here; a value whose name is no field of it is left out.
    """
    kwargs = {name: value for name, value in values.items() if name in _HEADER_FIELDS}
    return Header(agenda_items=tuple(agenda), spans=SpanMap.from_pairs(spans), **kwargs)  # type: ignore[arg-type]


_HEADER_FIELDS = frozenset(attrs.fields_dict(Header))


def _linked_notes(
    reading: Reading, segmentation: Segmentation
) -> tuple[list[Footnote], list[Span]]:
    """The notes of the note blocks, each linked to its marker; the markers' spans, sorted."""
    parts = segmentation.clauses or segmentation.paragraphs
    return link_footnotes(
        reading.source,
        segmentation.note_blocks,
        [*segmentation.clauses, *segmentation.paragraphs],
        reading.superscripts,
        body_start=parts[0].start if parts else len(reading.source),
        decimal_comma=reading.profile.decimal_comma,
        counting_words=reading.profile.counting_words,
    )


def _parts(
    reading: Reading, segmentation: Segmentation, anchors: list[Span]
) -> tuple[list[PreambularClause], list[OperativeParagraph]]:
    """The preambular clauses and operative paragraphs, ``anchors`` cut out of their text."""
    preamble = [
        _clause(reading, index, block, anchors)
        for index, block in enumerate(segmentation.clauses, start=1)
    ]
    operative = [_paragraph(reading, block, anchors) for block in segmentation.paragraphs]
    return preamble, operative


def _notes_without_text(footnotes: Sequence[Footnote]) -> Iterator[Diagnostic]:
    """A warning for each note that has a marker and no text."""
    for note in footnotes:
        if note.marker and not note.text:
            message = (
                f"footnote {note.marker} has a marker and no text: its text may be in another note"
            )
            yield Diagnostic("footnote.no_text", message, "warning", note.span)


def _leads_unknown(
    preamble: Sequence[PreambularClause], operative: Sequence[OperativeParagraph]
) -> Iterator[Diagnostic]:
    """A note for each clause and paragraph that opens with no lead the tables know."""
    for clause in _without_lead(preamble):
        message = f"preambular clause {clause.index} opens with no known lead phrase"
        yield Diagnostic("preamble.lead_unknown", message, "info", clause.span)
    for paragraph in _without_lead(operative):
        message = f"operative paragraph {paragraph.number} opens with no known verb"
        yield Diagnostic("operative.lead_unknown", message, "info", paragraph.span)


def _unclassified(
    reading: Reading,
    found: Iterable[tuple[Span, str]],
    kept: Mapping[Span, str] | None = None,
) -> list[Unclassified]:
    """Text no part took, with the reason; ``kept`` holds text as an export wrote it."""
    kept = kept or {}
    return [
        Unclassified(kept.get(span) or _span_text(reading, span), span, reason)
        for span, reason in found
    ]


def _span_text(reading: Reading, span: Span) -> str:
    """The clean text of one span: as a markup reader reads it, else from the source."""
    if reading.marks is not None:
        return reading.marks.text([(span.start, span.end)])
    return clean(reading.source[span.start : span.end])


def _clause(reading: Reading, index: int, block: Block, anchors: list[Span]) -> PreambularClause:
    pieces = without(block.pieces, anchors)
    lead, lead_span, italic = _lead(reading, block, "pre")
    return PreambularClause(
        index=index,
        lead=lead,
        text=_text_of(reading, pieces),
        span=Span(block.start, block.end),
        lead_span=lead_span,
        lead_italic=italic,
        part=block.part,
        section=block.section,
        **_more(reading, "pre", lead_span, pieces),
    )


def _paragraph(reading: Reading, block: Block, anchors: list[Span]) -> OperativeParagraph:
    pieces = without(block.pieces, anchors)
    lead, lead_span, italic = _lead(reading, block, "op")
    return OperativeParagraph(
        number=block.number,
        lead=lead,
        text=_text_of(reading, pieces),
        span=Span(block.start, block.end),
        lead_span=lead_span,
        lead_italic=italic,
        subparagraphs=tuple(_sub(reading, child, anchors) for child in block.children),
        part=block.part,
        section=block.section,
        **_more(reading, "op", lead_span, pieces),
    )


_Part = TypeVar("_Part", PreambularClause, OperativeParagraph)
_INTRODUCES = (":", "：")


def _without_lead(parts: Sequence[_Part]) -> list[_Part]:
    """The parts with no lead that carry no lead of their own to find.

    The older form introduces its items with a lead and a colon: "Considering:" then
    "That ..., That ...,", "Resolves:" then "1. To invite ...; 2. To request ...". The
    items after such an introduction share the introduction's lead, as long as they open
    with the same word as the first of them; they are not missing one.
    """
    missing: list[_Part] = []
    shared: str | None = None  # the first word of the items under an introduction
    previous: _Part | None = None
    for part in parts:
        first = part.text.split(maxsplit=1)[0].casefold() if part.text.strip() else ""
        if part.lead is not None:
            shared = None
        elif previous is not None and previous.lead is not None and _introduces(previous):
            shared = first
        elif shared is None or first != shared:
            shared = None
            missing.append(part)
        previous = part
    return missing


def _introduces(part: PreambularClause | OperativeParagraph) -> bool:
    """Whether a part ends with the colon that introduces the items after it."""
    return part.text.rstrip().endswith(_INTRODUCES) and not (
        isinstance(part, OperativeParagraph) and part.subparagraphs
    )


def _sub(reading: Reading, block: Block, anchors: list[Span]) -> SubParagraph:
    return SubParagraph(
        label=block.label or "",
        text=_text_of(reading, without(block.pieces, anchors)),
        span=Span(block.start, block.end),
        subparagraphs=tuple(_sub(reading, child, anchors) for child in block.children),
    )


_MAX_ANNEX_TITLE_LINES = 4  # the title line and the lines a long title wraps onto
_MAX_TITLE_LINE = 160  # no line of a wrapped title is longer than a page's line


def _annex(reading: Reading, block: Block, anchors: list[Span]) -> Annex:
    """An annex: its label's line, the title on that line or the next, the rest its text.

    A title on the next line goes on over the line right under it (no blank between, a
    page's line long at most) while it ends on a word no title ends on ("... sobre la
    resistencia a los" / "antimicrobianos"). The markers of the notes the annex cites
    are cut out of its text, as out of a paragraph's.
    """
    source = reading.source
    rest = block.pieces[1:]
    first = block.pieces[0] if block.pieces else None
    label = reading.profile.annex_re.match(source[first[0] : first[1]]) if first else None
    if label is not None and label["title"] is not None:
        title: str | None = clean(label["title"])  # "ANNEX 1 - Terms of reference"
    else:
        title = clean(source[rest[0][0] : rest[0][1]]) if rest else None
        for (_, before), (start, end) in itertools.pairwise(rest[:_MAX_ANNEX_TITLE_LINES]):
            if (
                title is None
                or _line_shape.unfinished_title(title, reading.profile) is None
                or source.count("\n", before, start) != 1  # a blank line ends the title
                or end - start > _MAX_TITLE_LINE
            ):
                break
            title = f"{title} {clean(source[start:end])}"  # a title wrapped over two lines
    return Annex(
        label=block.label or "Annex",
        title=title,
        text=clean_pieces(source, without(rest, anchors), reading.language),
        span=Span(block.start, block.end),
    )


def _votes(  # noqa: PLR0913 - the blocks, the header's own record, and the notes they cite
    reading: Reading,
    segmentation: Segmentation,
    *,
    header: Header,
    header_meeting: str | None,
    footnotes: list[Footnote],
    diagnostics: list[Diagnostic],
) -> list[VoteRecord]:
    """The adoption records: meeting lines and vote statements, read with their notes."""
    source = reading.source
    notes = {note.marker: note.text for note in footnotes if note.marker}
    votes: list[VoteRecord] = []
    for vote in segmentation.votes:
        raw = source[vote.start : vote.end]
        fields = read_vote(
            raw,
            vote.start,
            is_state=is_state,
            body=header.body,
            notes=notes,
            language=reading.language,
        )
        first_line = raw.split("\n", 1)[0].strip()
        meeting_re = reading.profile.meeting_re
        meeting_match = meeting_re.match(first_line) if vote.meeting_line else None
        meeting = clean(meeting_match["meeting"]) if meeting_match is not None else fields.meeting
        diagnostics.extend(fields.diagnostics)
        votes.append(_vote_record(fields, vote, clean(raw), meeting))
    adoption = header.span_of("adoption_line")
    if not votes and header_meeting is not None and adoption is not None:
        # "Adopted by the Security Council at its 8700th meeting, on ...": the header
        # line is the only adoption record the text has
        votes.append(
            VoteRecord(
                method=None,
                span=adoption,
                meeting=header_meeting,
                date=header.adopted,
                text=header.adoption_line or "",
            )
        )
    return votes


def _vote_record(fields: VoteFields, vote: VoteBlock, text: str, meeting: str | None) -> VoteRecord:
    """The record of one adoption: what its statement (or the markup) says, where it stands."""
    return VoteRecord(
        method=fields.method,
        span=Span(vote.start, vote.end),
        in_favour=fields.in_favour,
        against=fields.against,
        abstaining=fields.abstaining,
        in_favour_states=fields.in_favour_states,
        against_states=fields.against_states,
        abstaining_states=fields.abstaining_states,
        meeting=meeting,
        date=fields.date,
        text=text,
        part=vote.part,
        outcome=fields.outcome,
        absent_states=fields.absent,
        not_participating_states=fields.not_participating,
        vetoed_by=fields.vetoed_by,
    )


def _lead(
    reading: Reading, block: Block, kind: _lead_tables.Kind
) -> tuple[str | None, Span | None, bool | None]:
    """The lead of a clause or paragraph: the italic run if there is one, else the tables.

    The third value says whether the lead was italic: ``None`` where the input cannot
    show italics.
    """
    if reading.marks is not None:
        return reading.marks.lead(block, kind)
    source = reading.source
    unmarked = False if reading.italics is not None else None
    if not block.pieces:
        return None, None, unmarked
    words = _leads.lead_words(source, block.pieces, kind, reading.language)
    if not words:
        return None, None, unmarked
    first_start = words[0][1]
    italic = reading.italics.at(first_start, source) if reading.italics is not None else None
    if italic is not None:
        span = _lead_words.trim_lead_span(source, italic, first_start)
        if span is not None:
            return _lead_text(reading, block.pieces, span), span, True
    found = _leads.lead_by_words(words, kind, reading.language, reading.scope)
    if found is None:
        return None, None, unmarked
    return _lead_text(reading, block.pieces, found), found, unmarked


def _lead_text(reading: Reading, pieces: Sequence[tuple[int, int]], span: Span) -> str:
    """The clean text of a span inside a part, its line breaks joined as the part's text joins them.

    A lead broken over two lines ("回" / "顾其", "Reaf-" / "firming") reads as the part's
    text reads it, so the lead is always the text's own opening words.
    """
    inside = [
        (max(start, span.start), min(end, span.end))
        for start, end in pieces
        if start < span.end and end > span.start
    ]
    if len(inside) <= 1:
        return clean(reading.source[span.start : span.end])
    return clean_pieces(reading.source, inside, reading.language)


def _more(
    reading: Reading,
    kind: _lead_tables.Kind,
    lead_span: Span | None,
    pieces: list[tuple[int, int]],
) -> dict[str, Any]:
    """``more_leads`` and ``more_lead_spans`` of a clause or paragraph with a lead."""
    if reading.marks is not None:
        return reading.marks.more(kind, lead_span, pieces)
    if lead_span is None:
        return {}
    spans = find_more_leads(
        reading.source,
        pieces,
        lead_span.end,
        kind=kind,
        language=reading.language,
        italics=reading.italics,
    )
    if not spans:
        return {}
    return {
        "more_leads": tuple(_lead_text(reading, pieces, s) for s in spans),
        "more_lead_spans": tuple(spans),
    }


def is_state(name: str) -> bool:
    """Whether a name in a vote list is a State the State table knows.

    Names of a usual length are looked up once: a vote's checks ask about each name
    several times, and the same names come back in every document (the table is fixed
    once loaded). A long run of text is not kept in the cache.
    """
    return _is_known_state(name) if len(name) <= _CACHED_NAME_LENGTH else _resolves(name)


_CACHED_NAME_LENGTH = 120


@functools.lru_cache(maxsize=4096)
def _is_known_state(name: str) -> bool:
    return _resolves(name)


def _resolves(name: str) -> bool:
    from resparse.states import resolve_state  # noqa: PLC0415 - the State table loads on first use

    return resolve_state(name) is not None


def _text_of(reading: Reading, pieces: Sequence[tuple[int, int]]) -> str:
    """A part's clean text: as its markup reader reads it, else from the source's lines."""
    if reading.marks is not None:
        return reading.marks.text(pieces)
    return clean_pieces(reading.source, pieces, reading.language)


@attrs.frozen
class Marked:
    """What a markup reader read from the markup itself rather than from the text.

    The notes, the annexes and the header values are given there; each vote block comes
    with the fields the markup's ``meta`` gives; ``kept`` holds unclassified text as an
    export of resparse wrote it (by span).
    """

    header: Header
    language: str
    footnotes: tuple[Footnote, ...] = ()
    votes: tuple[tuple[VoteBlock, VoteFields], ...] = ()
    annexes: tuple[Annex, ...] = ()
    kept: Mapping[Span, str] = attrs.field(factory=dict)


def build_marked(reading: Reading, segmentation: Segmentation, marked: Marked) -> Resolution:
    """The Resolution of a document read from markup (``from_akn``), made as for text.

    Clauses, paragraphs, sub-paragraphs, votes, headings and unclassified text are made
    by the same code as :func:`build` makes them, with ``reading.marks`` reading leads and
    texts from the markup, and the Resolution by the same :func:`_resolution`. The
    diagnostics are the reader's own: the markup is the gold, so no lead is reported
    missing.
    """
    marks = reading.marks
    if marks is None:
        msg = "build_marked needs a reading with marks"
        raise ValueError(msg)
    preamble, operative = _parts(reading, segmentation, [])
    votes = [
        _vote_record(fields, vote, marks.text([(vote.start, vote.end)]), fields.meeting)
        for vote, fields in marked.votes
    ]
    return _resolution(
        reading,
        segmentation,
        header=marked.header,
        preamble=preamble,
        operative=operative,
        votes=votes,
        footnotes=marked.footnotes,
        annexes=marked.annexes,
        unclassified=_unclassified(reading, segmentation.unclassified, marked.kept),
        diagnostics=segmentation.diagnostics,
        language=marked.language,
    )
