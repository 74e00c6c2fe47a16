"""Markup records -> model objects: the renderer's records read into a Resolution's parts.

Leads come from the markup's emphasis runs (or, for a lead left in roman, from its
words), texts from the rendered source, votes from ``meta``.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any

import attrs
import regex

from resparse._language import has_profile
from resparse._leads import lead_by_words, lead_words, scope_of
from resparse.model import (
    AgendaItem,
    Annex,
    Diagnostic,
    Footnote,
    Header,
    OperativeParagraph,
    PreambularClause,
    Span,
    SpanMap,
    SubParagraph,
    Unclassified,
    VoteRecord,
)
from resparse.readers import _akn_votes
from resparse.readers.akn._elements import (
    _AGENDA_SPLIT_RE,
    _ANNEX_RE,
    _LEAD_SKIP,
    _LEAD_TRIM_RE,
    _MORE_LEAD_BEFORE_RE,
    _AnnexLine,
    _local,
    _plain,
    _Sub,
    _voting,
)

if TYPE_CHECKING:
    from lxml import etree

    from resparse import _akn_header
    from resparse._leads import Kind
    from resparse.readers.akn._render import _Renderer


class _Builder:
    """Turns the renderer's records into model objects, reading text from the source."""

    def __init__(self, renderer: _Renderer, source: str) -> None:
        self.r = renderer
        self.source = source
        self.italic_runs = _merge_runs(sorted(renderer.italics), source)
        self.run_starts = [run.start for run in self.italic_runs]
        self.lead_starts = [span.start for span in renderer.marked_leads]
        body = next((value for name, value, _ in renderer.fields if name == "body"), None)
        self.words_language = renderer.language if has_profile(renderer.language) else None
        self.scope = (
            scope_of(body if isinstance(body, str) else None, self.words_language)
            if self.words_language
            else None
        )

    def clean(self, pieces: list[Span]) -> str:
        return self.r.clean(pieces, self.source)

    def lead(
        self, content_start: int, limit: int, kind: Kind
    ) -> tuple[str | None, Span | None, bool | None]:
        """The lead that opens the text at ``content_start``, and whether it is italic.

        The italic run there, without trailing punctuation; where the markup has none (the
        UN's converter keeps a lead the print set in roman as plain text) the lead tables
        read the opening words, as they read plain text, and the lead is not italic.
        """
        start = content_start
        while start < limit and self.source[start] in _LEAD_SKIP:
            start += 1
        marked = self.marked_lead(start, limit)
        if marked is not None:
            return self.source[marked.start : marked.end], marked, True
        index = bisect.bisect_left(self.run_starts, start)
        if index < len(self.italic_runs):
            run = self.italic_runs[index]
            if run.start == start and run.end <= limit:
                trimmed = _LEAD_TRIM_RE.sub("", self.source[run.start : run.end])
                if trimmed:
                    return trimmed, Span(run.start, run.start + len(trimmed)), True
        if self.words_language is None or start >= limit:
            return None, None, None
        words = lead_words(self.source, [(start, limit)], kind, self.words_language)
        if not words or self.italic_at(words[0][1]):
            return None, None, False  # an italic run later in the words is not a lead
        found = lead_by_words(words, kind, self.words_language, self.scope)
        if found is None:
            return None, None, False
        return self.source[found.start : found.end], found, False

    def marked_lead(self, start: int, limit: int) -> Span | None:
        """A lead resparse marked where it stands in the text (after words of its own)."""
        leads = self.r.marked_leads
        index = bisect.bisect_left(self.lead_starts, start)
        if index < len(leads) and leads[index].end <= limit:
            return leads[index]
        return None

    def italic_at(self, offset: int) -> bool:
        """Whether an italic run covers ``offset``."""
        index = bisect.bisect_right(self.run_starts, offset) - 1
        return index >= 0 and self.italic_runs[index].end > offset

    def more_leads(self, pieces: list[Span], after: int) -> dict[str, Any]:
        """Further italic leads in the first piece: lower case, after a comma or "and"."""
        if after <= 0 or not pieces:
            return {}
        limit = pieces[0].end
        spans: list[Span] = []
        index = bisect.bisect_right(self.run_starts, after)
        while index < len(self.italic_runs) and self.italic_runs[index].start < limit:
            run = self.italic_runs[index]
            index += 1
            before = self.source[max(0, run.start - 12) : run.start]
            marked = run.start in self.r.marked_more
            if not run.end <= limit or not (marked or _MORE_LEAD_BEFORE_RE.search(before)):
                continue
            trimmed = _LEAD_TRIM_RE.sub("", self.source[run.start : run.end])
            if marked or trimmed[:1].islower():
                spans.append(Span(run.start, run.start + len(trimmed)))
        if not spans:
            return {}
        return {
            "more_leads": tuple(self.source[s.start : s.end] for s in spans),
            "more_lead_spans": tuple(spans),
        }

    def header(self) -> Header:
        values: dict[str, object] = {}
        spans: list[tuple[str, Span]] = []
        for name, value, span in self.r.fields:
            if name in values or value is None:
                continue
            values[name] = value
            spans.append((name, span))
        agenda = self.agenda_items()
        if self.r.own_header is not None:
            kept = self.r.own_header
            return self.own_header(spans, agenda, kept.values, kept.agenda)
        kwargs = {
            k: v for k, v in values.items() if k in attrs.fields_dict(Header) and v is not None
        }
        return Header(agenda_items=agenda, spans=SpanMap.from_pairs(spans), **kwargs)  # type: ignore[arg-type]

    @staticmethod
    def own_header(
        spans: list[tuple[str, Span]],
        read: tuple[AgendaItem, ...],
        values: _akn_header.HeaderValues,
        agenda: tuple[tuple[str, str | None], ...],
    ) -> Header:
        """The header a resparse export kept in its ``proprietary`` block, on the cover's spans.

        Each value keeps the span of the cover line it was printed on; an agenda item takes
        the span of the item read in its place (the last one when fewer were read).
        """
        kept = [(name, span) for name, span in spans if values.get(name) is not None]
        items = tuple(
            AgendaItem(number, title, read[min(i, len(read) - 1)].span if read else Span(0, 0))
            for i, (number, title) in enumerate(agenda)
        )
        return Header(agenda_items=items, spans=SpanMap.from_pairs(kept), **values)

    def agenda_items(self) -> tuple[AgendaItem, ...]:
        """One item per number; "Agenda items 13 and 75 (a)" pairs each number with its title line.

        The first item's span runs from the "Agenda item(s)" line to its title, the others
        cover their title lines. When numbers and titles do not pair up, the line is one item.
        """
        items: list[AgendaItem] = []
        titles = self.r.agenda_titles
        for number_text, line in self.r.agenda:
            numbers = [n for n in _AGENDA_SPLIT_RE.split(number_text) if n]
            if len(self.r.agenda) == 1 and len(numbers) == len(titles) > 1:
                for i, (number, (title, title_line)) in enumerate(
                    zip(numbers, titles, strict=True)
                ):
                    start = line.start if i == 0 else title_line.start
                    items.append(AgendaItem(number, title, Span(start, title_line.end)))
            else:
                joined = " ".join(t for t, _ in titles) or None
                end = titles[-1][1].end if titles else line.end
                items.append(AgendaItem(number_text, joined, Span(line.start, end)))
        return tuple(items)

    def preamble(self) -> tuple[PreambularClause, ...]:
        out: list[PreambularClause] = []
        for index, clause in enumerate(sorted(self.r.clauses, key=lambda c: c.start), start=1):
            lead, lead_span, italic = self.lead(clause.content_start, clause.pieces[0].end, "pre")
            out.append(
                PreambularClause(
                    index=index,
                    lead=lead,
                    text=self.clean(clause.pieces),
                    span=Span(clause.start, clause.end),
                    lead_span=lead_span,
                    lead_italic=italic,
                    part=clause.part,
                    section=clause.section,
                    **self.more_leads(clause.pieces, lead_span.end if lead_span else 0),
                )
            )
        return tuple(out)

    def operative(self) -> tuple[OperativeParagraph, ...]:
        out: list[OperativeParagraph] = []
        for para in self.r.paras:
            limit = para.pieces[0].end if para.pieces else para.content_start
            lead, lead_span, italic = self.lead(para.content_start, limit, "op")
            out.append(
                OperativeParagraph(
                    number=para.number,
                    lead=lead,
                    text=self.clean(para.pieces),
                    span=Span(para.start, para.end),
                    lead_span=lead_span,
                    lead_italic=italic,
                    subparagraphs=tuple(self.sub(s) for s in para.subs),
                    part=para.part,
                    section=para.section,
                    **self.more_leads(para.pieces, lead_span.end if lead_span else 0),
                )
            )
        return tuple(out)

    def sub(self, sub: _Sub) -> SubParagraph:
        return SubParagraph(
            label=sub.label,
            text=self.clean(sub.pieces),
            span=Span(sub.start, sub.last_end()),
            subparagraphs=tuple(self.sub(child) for child in sub.children),
        )

    def votes(self) -> tuple[VoteRecord, ...]:
        out: list[VoteRecord] = []
        for source in self.r.votes:
            fields = _vote_fields(source.meta)
            if source.inherited and fields.method is not None:
                self.r.note(
                    "akn.vote_inherited",
                    "the markup gives one vote for the whole resolution",
                    source.span,
                )
            out.append(
                VoteRecord(
                    method=fields.method,
                    span=source.span,
                    in_favour=fields.counts.get("in_favour"),
                    against=fields.counts.get("against"),
                    abstaining=fields.counts.get("abstaining"),
                    in_favour_states=fields.states.get("in_favour", ()),
                    against_states=fields.states.get("against", ()),
                    abstaining_states=fields.states.get("abstaining", ()),
                    meeting=source.meeting,
                    date=source.date,
                    text=self.clean([source.span]),
                    part=source.part,
                    **_outcome_fields(source.meta, fields.method),
                )
            )
        return tuple(out)

    def footnotes(self) -> tuple[Footnote, ...]:
        out: list[Footnote] = []
        for note in self.r.notes:
            if note.span is None:
                continue
            anchor = (
                Span(note.anchor.start, note.anchor.end)
                if note.anchor.end > note.anchor.start
                else None
            )
            body = Span(note.body.start, note.body.end)
            out.append(Footnote(note.marker, self.clean([body]), note.span, anchor))
        return tuple(out)

    def annexes(self) -> tuple[Annex, ...]:
        out: list[Annex] = []
        for lines, kept in zip(self.r.annex_lines, self.r.annex_kept, strict=True):
            if kept is not None:
                out.extend(self.kept_annex(lines, *kept))
                continue
            groups: list[list[_AnnexLine]] = []
            for line in lines:
                text = self.source[line.span.start : line.span.end].strip()
                if _ANNEX_RE.fullmatch(text) or not groups:
                    groups.append([line])
                else:
                    groups[-1].append(line)
            for group in groups:
                first = self.clean([group[0].span])
                rest = group
                label = "Annex"
                title = None
                named = _ANNEX_RE.fullmatch(first)
                if named is not None:
                    label = named["label"]
                    title = named["title"]
                    rest = group[1:]
                if title is None and rest and rest[0].heading:
                    title = self.clean([rest[0].span])
                    rest = rest[1:]
                out.append(
                    Annex(
                        label=label,
                        title=title,
                        text=self.clean([line.span for line in rest]),
                        span=Span(group[0].span.start, group[-1].span.end),
                    )
                )
        return tuple(out)

    def kept_annex(self, lines: list[_AnnexLine], label: str, title: str | None) -> list[Annex]:
        """An annex resparse wrote: its label and title as kept, its text after their lines."""
        if not lines:
            return []
        skip = 0
        for heading in (label, title):
            if heading and skip < len(lines) and lines[skip].heading:
                skip += 1
        text = self.clean([line.span for line in lines[skip:]])
        span = Span(lines[0].span.start, lines[-1].span.end)
        return [Annex(label=label, title=title, text=text, span=span)]

    def unclassified(self) -> tuple[Unclassified, ...]:
        out = [
            Unclassified(self.r.kept_text.get(span) or self.clean([span]), span, reason)
            for span, reason in self.r.unclassified
        ]
        for item in out:
            self.r.diagnostics.append(
                Diagnostic(
                    "text.unclassified",
                    f"could not place text: {item.reason}",
                    "warning",
                    item.span,
                )
            )
        return tuple(sorted(out, key=lambda u: u.span.start))


def _merge_runs(italics: list[Span], source: str) -> list[Span]:
    """Italic spans that touch, or are parted only by spaces, read as one run."""
    runs: list[Span] = []
    for span in italics:
        if runs and not source[runs[-1].end : span.start].strip(" "):
            runs[-1] = Span(runs[-1].start, max(runs[-1].end, span.end))
        else:
            runs.append(span)
    return runs


@attrs.define
class _VoteFields:
    """What ``meta`` says about a vote."""

    method: str | None = None
    counts: dict[str, int | None] = attrs.field(factory=dict)
    states: dict[str, tuple[str, ...]] = attrs.field(factory=dict)


_COUNT_NAMES = {"inFavour": "in_favour", "against": "against", "abstaining": "abstaining"}
_TALLY_RE = regex.compile(r"(\d{1,3})-(\d{1,3})-(\d{1,3})")


def _vote_fields(meta: etree._Element | None) -> _VoteFields:
    """Method, counts and voters from ``meta``: analysis/parliamentary/voting and workflow."""
    fields = _VoteFields()
    if meta is None:
        return fields
    voting = _voting(meta)
    steps = (e for e in meta.iter() if _local(e) == "step" and e.get("outcome") == "adopted")
    adopted_by = " ".join(e.get("by") or "" for e in steps).casefold()
    outcome = (voting.get("outcome") or "") if voting is not None else ""
    counts = [e for e in voting.iter() if _local(e) == "count"] if voting is not None else []
    for count in counts:
        key = _COUNT_NAMES.get((count.get("refersTo") or "").lstrip("#"))
        if key is None:
            continue
        value = (count.get("value") or "").strip()
        fields.counts[key] = int(value) if value.isdigit() else None
        voters = (_plain(e) for e in count.iter() if _local(e) == "organization")
        fields.states[key] = tuple(name for name in voters if name)
    if fields.counts:
        # a tally that names no one against (or abstaining) counts zero there
        for key in _COUNT_NAMES.values():
            fields.counts.setdefault(key, 0)
    elif (tally := _TALLY_RE.search(outcome)) is not None:
        fields.counts = dict(
            zip(_COUNT_NAMES.values(), (int(g) for g in tally.groups()), strict=True)
        )
    fields.method = _vote_method(outcome, adopted_by, fields.counts)
    if _akn_votes.failed_step(meta) is not None:
        fields.method = "rejected"
    return fields


def _outcome_fields(meta: etree._Element | None, method: str | None) -> dict[str, Any]:
    """The VoteRecord fields on the outcome, absentees and vetoes (see ``_akn_votes``)."""
    told = _akn_votes.read_outcome(meta, method)
    return {
        "outcome": told.outcome,
        "absent_states": told.absent,
        "not_participating_states": told.not_participating,
        "vetoed_by": told.vetoed_by,
    }


def _vote_method(outcome: str, adopted_by: str, counts: dict[str, int | None]) -> str | None:
    if "unanimous" in adopted_by:
        return "unanimous"
    without = ("without vote", "acclamation")
    if outcome == "adoptedWithoutVote" or any(
        w in outcome.casefold() or w in adopted_by for w in without
    ):
        return "without_vote"
    if any(counts.values()) or outcome == "adoptedRecordedVote":
        return "recorded"
    return None
