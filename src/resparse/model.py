"""Frozen result types: what ``resparse.parse`` hands back.

Every part of a resolution carries a :class:`Span` into ``Resolution.source`` (the exact
input string), so the raw text of any part is ``source[span.start:span.end]`` and its
``text`` attribute is the clean reading (line breaks, page furniture and markup removed).
Collections are tuples and every class is immutable, so results can be hashed, compared
and shared between threads without copying.
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - cattrs resolves the annotations at run time
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Literal

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.language import Language
    from spacy.tokens import Doc

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


def _non_negative(_inst: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        msg = f"{attribute.name} must be >= 0, got {value}"
        raise ValueError(msg)


@attrs.frozen(order=True)
class Span:
    """A half-open ``[start, end)`` range of ``str`` indices into the source text."""

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field()

    @end.validator
    def _check_end(self, _attribute: attrs.Attribute[int], value: int) -> None:
        if value < self.start:
            msg = f"span end {value} is before its start {self.start}"
            raise ValueError(msg)

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies inside this span (an empty span at the edge counts)."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def of(self, source: str) -> str:
        """The raw text this span covers in ``source``."""
        return source[self.start : self.end]


@attrs.frozen
class Diagnostic:
    """Something the parser noticed: a repair it made, a doubt, or text it could not read.

    ``code`` is a stable dotted identifier (``"preamble.lead_unknown"``) that callers can
    filter on; ``message`` is for people.
    """

    code: str
    message: str
    severity: Severity = "warning"
    span: Span | None = None

    def __str__(self) -> str:
        where = f" at {self.span.start}-{self.span.end}" if self.span is not None else ""
        return f"{self.severity}: {self.code}{where}: {self.message}"


@attrs.frozen
class SpanMap(Mapping[str, Span]):
    """An immutable mapping from a field name to the span it was read from."""

    entries: tuple[tuple[str, Span], ...] = ()

    def __getitem__(self, key: str) -> Span:
        for name, span in self.entries:
            if name == key:
                return span
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, Span]]) -> SpanMap:
        """Build a map sorted by position, as the fields appear in the text."""
        return cls(tuple(sorted(pairs, key=lambda pair: (pair[1].start, pair[0]))))


@attrs.frozen
class AgendaItem:
    """One agenda item of the header: its number as printed (``"20 (a)"``) and its title."""

    number: str
    title: str | None
    span: Span


@attrs.frozen
class Header:
    """The cover block of a resolution. A field the text does not give is ``None`` or empty.

    ``spans`` maps each present field's name to where it was read; agenda items carry
    their own spans.
    """

    symbol: str | None = None
    body: str | None = None
    distribution: str | None = None
    issued: dt.date | None = None
    original_language: str | None = None
    session: int | None = None
    session_title: str | None = None
    session_dates: str | None = None
    agenda_items: tuple[AgendaItem, ...] = ()
    adopted: dt.date | None = None
    adoption_line: str | None = None
    number: str | None = None
    title: str | None = None
    report_line: str | None = None
    enacting_formula: str | None = None
    publisher: str | None = None
    subject: str | None = None
    document_type: str | None = None
    sponsors: tuple[str, ...] = ()
    spans: SpanMap = SpanMap()

    def span_of(self, name: str) -> Span | None:
        """The span a field was read from, or ``None`` when the text does not give it."""
        return self.spans.get(name)


@attrs.frozen
class SubParagraph:
    """A lettered or numbered item inside an operative paragraph: ``(a)``, ``(ii)``."""

    label: str
    text: str
    span: Span
    subparagraphs: tuple[SubParagraph, ...] = ()

    def walk(self) -> Iterator[SubParagraph]:
        """This item and every item nested in it, in document order."""
        yield self
        for child in self.subparagraphs:
            yield from child.walk()


@attrs.frozen
class PreambularClause:
    """A paragraph of the preamble, opened by its lead phrase (``"Reaffirming also"``).

    ``lead_italic`` is ``True`` when the input marked the lead in italics, ``False`` when
    the input carries italics elsewhere but not here, and ``None`` when it carries none.
    ``part`` names the lettered part (``"A"``, ``"B"``) of a resolution in parts, and
    ``section`` the numbered heading (``"II"``) the clause stands under, if any.
    ``more_leads`` are the further lead phrases the clause carries after a comma or "and"
    ("Welcoming ..., and *encouraging* ..."), with their spans in ``more_lead_spans``.
    """

    index: int
    lead: str | None
    text: str
    span: Span
    lead_span: Span | None = None
    lead_italic: bool | None = None
    part: str | None = None
    section: str | None = None
    more_leads: tuple[str, ...] = ()
    more_lead_spans: tuple[Span, ...] = ()


@attrs.frozen
class OperativeParagraph:
    """A numbered (or single unnumbered) paragraph of the operative part.

    ``text`` is the paragraph's own clean text without its number and without its
    sub-paragraphs; :attr:`full_text` joins them all. ``more_leads`` are the further verbs
    the paragraph opens after a comma or "and" ("Decides ..., and *requests* ..."), with
    their spans in ``more_lead_spans``.
    """

    number: int | None
    lead: str | None
    text: str
    span: Span
    lead_span: Span | None = None
    lead_italic: bool | None = None
    subparagraphs: tuple[SubParagraph, ...] = ()
    part: str | None = None
    section: str | None = None
    more_leads: tuple[str, ...] = ()
    more_lead_spans: tuple[Span, ...] = ()

    @property
    def full_text(self) -> str:
        """The paragraph text followed by every sub-paragraph with its label."""
        pieces = [self.text]
        pieces.extend(
            f"({sub.label}) {sub.text}" for top in self.subparagraphs for sub in top.walk()
        )
        return " ".join(piece for piece in pieces if piece)


@attrs.frozen
class VoteRecord:
    """How the resolution was adopted: the method, the counts and who voted how.

    ``method`` is ``"recorded"``, ``"non_recorded"``, ``"without_vote"``, ``"unanimous"``,
    ``"consensus"``, ``"rejected"`` or ``None`` when the text names only the meeting.
    Counts are ``None`` when the text does not give them.

    ``outcome`` is ``"adopted"``, ``"not_adopted"`` (too few votes) or ``"vetoed"`` (a
    permanent member voted against), ``None`` when the text does not say.
    ``absent_states`` and ``not_participating_states`` are the members the text names as
    away or as present but not voting ("did not participate", "not voting");
    ``vetoed_by`` are the permanent members whose vote defeated a draft. All three are
    empty when the text names no one, which is not the same as "no one was absent".
    """

    method: str | None
    span: Span
    in_favour: int | None = None
    against: int | None = None
    abstaining: int | None = None
    in_favour_states: tuple[str, ...] = ()
    against_states: tuple[str, ...] = ()
    abstaining_states: tuple[str, ...] = ()
    meeting: str | None = None
    date: dt.date | None = None
    text: str = ""
    part: str | None = None
    outcome: str | None = None
    absent_states: tuple[str, ...] = ()
    not_participating_states: tuple[str, ...] = ()
    vetoed_by: tuple[str, ...] = ()

    # Codes are computed, not stored: the JSON keeps the names as printed, and a better
    # State table improves old results without re-parsing.

    @property
    def in_favour_codes(self) -> tuple[str | None, ...]:
        """ISO 3166-1 alpha-3 code of each State in favour; ``None`` where a name is no State."""
        return self._codes(self.in_favour_states, "alpha3")

    @property
    def against_codes(self) -> tuple[str | None, ...]:
        """ISO 3166-1 alpha-3 code of each State against; ``None`` where a name is no State."""
        return self._codes(self.against_states, "alpha3")

    @property
    def abstaining_codes(self) -> tuple[str | None, ...]:
        """ISO 3166-1 alpha-3 code of each State abstaining; ``None`` where a name is no State."""
        return self._codes(self.abstaining_states, "alpha3")

    @property
    def in_favour_m49(self) -> tuple[str | None, ...]:
        """UN M49 code of each State in favour; ``None`` where a name is no State."""
        return self._codes(self.in_favour_states, "m49")

    @property
    def against_m49(self) -> tuple[str | None, ...]:
        """UN M49 code of each State against; ``None`` where a name is no State."""
        return self._codes(self.against_states, "m49")

    @property
    def abstaining_m49(self) -> tuple[str | None, ...]:
        """UN M49 code of each State abstaining; ``None`` where a name is no State."""
        return self._codes(self.abstaining_states, "m49")

    @staticmethod
    def _codes(names: tuple[str, ...], scheme: Literal["alpha3", "m49"]) -> tuple[str | None, ...]:
        """One code per name, in list order, so codes and names zip together."""
        from resparse.states import resolve_states  # noqa: PLC0415 - model stays free of data

        return tuple(
            None if state is None else getattr(state, scheme) for state in resolve_states(names)
        )


@attrs.frozen
class Reference:
    """A citation: a resolution, decision, document or treaty the text names.

    ``kind`` is ``"resolution"``, ``"decision"``, ``"document"`` or ``"treaty"``;
    ``target`` the normalized symbol (``"A/RES/77/1"``, ``"S/RES/2334 (2016)"``,
    ``"A/HRC/RES/46/13"``, ``"A/78/435"``) or a treaty's short name; ``body`` the English
    name of the body whose series the target is in; ``date`` the date printed with it.
    ``part`` and ``index`` name the clause, paragraph, footnote or annex it sits in
    (``"preambular"``, ``"operative"``, ``"footnote"``, ``"annex"``). ``in_range`` marks
    the items between the two printed ends of a range ("46/1 to 46/5"), whose span is
    the whole range.
    """

    kind: str
    target: str
    text: str
    span: Span
    body: str | None = None
    date: dt.date | None = None
    part: str = ""
    index: int | None = None
    in_range: bool = False


@attrs.frozen
class Footnote:
    """A footnote: its marker, its text, and where its marker sits in the body, if found.

    ``span`` covers the note's text; ``marker_span`` is set when the extractor printed the
    marker on a line of its own, away from the text.
    """

    marker: str
    text: str
    span: Span
    anchor: Span | None = None
    marker_span: Span | None = None


@attrs.frozen
class Heading:
    """A heading inside the resolution (``"I"``, ``"A. Financing"``, ``"Part A"``)."""

    text: str
    span: Span


@attrs.frozen
class Annex:
    """A text attached after the resolution (declaration, programme, statute, table)."""

    label: str
    title: str | None
    text: str
    span: Span


@attrs.frozen
class Furniture:
    """Page furniture: running header, page number, job number, barcode, separator line."""

    kind: str
    text: str
    span: Span


@attrs.frozen
class Unclassified:
    """Text the parser could not place; always paired with a diagnostic."""

    text: str
    span: Span
    reason: str = ""


Part = (
    PreambularClause
    | OperativeParagraph
    | VoteRecord
    | Footnote
    | Heading
    | Annex
    | Furniture
    | Unclassified
)


@attrs.frozen
class Segment:
    """One piece of the tiling of the source: which part a range of characters belongs to."""

    kind: str
    span: Span
    index: int | None = None


@attrs.frozen(eq=True)
class Resolution:
    """A parsed resolution: the exact source text and every part found in it.

    ``vote`` is the adoption record of the resolution; a resolution in parts (A, B) has
    one record per part in ``votes``, and ``vote`` is the first of them. ``offset`` is
    where ``source`` starts in a larger text it was cut from (:func:`resparse.parse_all`).
    """

    source: str
    header: Header = Header()
    preamble: tuple[PreambularClause, ...] = ()
    operative: tuple[OperativeParagraph, ...] = ()
    vote: VoteRecord | None = None
    votes: tuple[VoteRecord, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    unclassified: tuple[Unclassified, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    headings: tuple[Heading, ...] = ()
    annexes: tuple[Annex, ...] = ()
    furniture: tuple[Furniture, ...] = ()
    language: str = "en"
    reader: str = "text"
    offset: int = 0
    references: tuple[Reference, ...] = ()

    def __repr__(self) -> str:
        symbol = self.header.symbol or "?"
        vote = ""
        if self.vote is not None and self.vote.in_favour is not None:
            vote = f", vote={self.vote.in_favour}/{self.vote.against}/{self.vote.abstaining}"
        return (
            f"<Resolution {symbol}: {len(self.preamble)} preambular, "
            f"{len(self.operative)} operative{vote}, {len(self.diagnostics)} diagnostics>"
        )

    # --- views -------------------------------------------------------------------------

    def raw(self, span: Span) -> str:
        """The raw source text under ``span``."""
        return self.source[span.start : span.end]

    def page_of(self, offset: int) -> int:
        """The 1-based page an offset falls on; pages are separated by form feeds."""
        return self.source.count("\f", 0, offset) + 1

    def top_level(self) -> list[tuple[str, int | None, Span]]:
        """Every top-level part as ``(kind, index, span)``, in document order.

        Header fields come as ``"header.<field>"``. Footnotes and furniture may lie inside
        the span of a clause that a page break interrupted; :meth:`segments` resolves that.
        """
        items: list[tuple[str, int | None, Span]] = []
        seen: set[Span] = set()
        entries = self.header.spans.entries
        first = dict(reversed(entries))  # the first span of a name, as spans[name] gives it
        for name, _ in entries:
            span = first[name]
            if span not in seen:  # derived fields (session, adopted) share their source's span
                seen.add(span)
                items.append((f"header.{name}", None, span))
        items.extend(
            ("agenda_item", i, item.span) for i, item in enumerate(self.header.agenda_items)
        )
        items.extend(("preambular", i, c.span) for i, c in enumerate(self.preamble))
        items.extend(("operative", i, p.span) for i, p in enumerate(self.operative))
        votes = self.votes or ((self.vote,) if self.vote is not None else ())
        items.extend(("vote", i, v.span) for i, v in enumerate(votes))
        items.extend(("footnote", i, f.span) for i, f in enumerate(self.footnotes))
        items.extend(
            ("footnote_marker", i, f.marker_span)
            for i, f in enumerate(self.footnotes)
            if f.marker_span is not None
        )
        items.extend(("heading", i, h.span) for i, h in enumerate(self.headings))
        items.extend(("annex", i, a.span) for i, a in enumerate(self.annexes))
        items.extend(("furniture", i, f.span) for i, f in enumerate(self.furniture))
        items.extend(("unclassified", i, u.span) for i, u in enumerate(self.unclassified))
        items.sort(key=lambda item: (item[2].start, -item[2].end, item[0]))
        # a part may share its span with a header field (the Security Council's adoption
        # line is both the header's and the vote's); the span is listed once
        unique: list[tuple[str, int | None, Span]] = []
        for item in items:
            if not (unique and unique[-1][2] == item[2] and item[0] == "vote"):
                unique.append(item)
        return unique

    def segments(self) -> list[Segment]:
        """The source cut into pieces, each owned by exactly one part (innermost wins).

        Whitespace between parts is not a segment. Together with :meth:`uncovered` this is
        the "nothing lost" guarantee: every other character is in exactly one segment.
        """
        out: list[Segment] = []
        stack: list[tuple[str, int | None, Span]] = []
        cursor = 0
        # a part's whole span is reused as its segment's span where nothing cut into it
        for kind, index, span in self.top_level():
            while stack and stack[-1][2].end <= span.start:
                top_kind, top_index, top = stack.pop()
                if top.end > cursor:
                    piece = top if cursor == top.start else Span(cursor, top.end)
                    out.append(Segment(top_kind, piece, top_index))
                    cursor = top.end
            if stack and span.start > cursor:
                out.append(Segment(stack[-1][0], Span(cursor, span.start), stack[-1][1]))
            cursor = max(cursor, span.start)
            stack.append((kind, index, span))
        while stack:
            top_kind, top_index, top = stack.pop()
            if top.end > cursor:
                piece = top if cursor == top.start else Span(cursor, top.end)
                out.append(Segment(top_kind, piece, top_index))
                cursor = top.end
        return out

    def uncovered(self) -> list[Span]:
        """Runs of non-whitespace source text that no part claims (empty when all is read)."""
        gaps: list[Span] = []
        cursor = 0
        for segment in self.segments():
            _collect_gaps(self.source, cursor, segment.span.start, gaps)
            cursor = max(cursor, segment.span.end)
        _collect_gaps(self.source, cursor, len(self.source), gaps)
        return gaps

    # --- serialization (implemented in resparse.serialize) ----------------------------

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready ``dict``; see :mod:`resparse.serialize` for the format."""
        from resparse.serialize import unstructure  # noqa: PLC0415 - avoids an import cycle

        return unstructure(self)

    def to_json(self, *, indent: int | None = None) -> str:
        """The result as JSON text with a stable key order and a ``schema_version``."""
        from resparse.serialize import to_json  # noqa: PLC0415 - avoids an import cycle

        return to_json(self, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Resolution:
        """Rebuild a result from :meth:`to_dict` output."""
        from resparse.serialize import structure  # noqa: PLC0415 - avoids an import cycle

        return structure(data)

    @classmethod
    def from_json(cls, text: str | bytes) -> Resolution:
        """Rebuild a result from :meth:`to_json` output."""
        from resparse.serialize import from_json  # noqa: PLC0415 - avoids an import cycle

        return from_json(text)

    def to_akn(self) -> bytes:
        """Akoma Ntoso 3.0 XML in the UN's AKN4UN shape; see :mod:`resparse.exports.akn`."""
        from resparse.exports.akn import to_akn  # noqa: PLC0415 - lxml loads only when used

        return to_akn(self)

    # --- integrations (spaCy and notebooks load only when used) ------------------------

    def to_doc(self, nlp: Language, *, run_pipeline: bool = False) -> Doc:
        """A spaCy Doc of the source with this result's clauses as span groups.

        See :func:`resparse.pipeline.resolution_to_doc`; spaCy is imported only here.
        """
        from resparse.pipeline import resolution_to_doc  # noqa: PLC0415 - spaCy is heavy

        return resolution_to_doc(self, nlp, run_pipeline=run_pipeline)

    def _repr_html_(self) -> str:
        """The coloured view that Jupyter shows for a result (all text escaped)."""
        from resparse.exports.html import render_html  # noqa: PLC0415 - only notebooks need it

        return render_html(self)


def _collect_gaps(source: str, start: int, end: int, gaps: list[Span]) -> None:
    if end <= start:
        return
    chunk = source[start:end]
    if not chunk.strip():
        return
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk) - len(chunk.rstrip())
    gaps.append(Span(start + lead, end - trail))
