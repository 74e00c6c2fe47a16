"""Markup records -> blocks and readings: what ``resparse._build`` makes the Resolution from.

The renderer's records of clauses, paragraphs and points become the same ``Block`` values
the text pipeline's segmenter gives; leads come from the markup's emphasis runs (or, for a
lead left in roman, from its words) and texts from the rendered source (``_Marks``); the
header, notes, annexes and votes are read as the markup gives them (votes from ``meta``).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any

import regex

from resparse._blocks import Block, Segmentation, VoteBlock
from resparse._build import make_header
from resparse._language import has_profile
from resparse._leads import lead_by_words, lead_words, scope_of
from resparse._vote import VoteFields
from resparse.model import (
    AgendaItem,
    Annex,
    Footnote,
    Header,
    Span,
)
from resparse.readers import _akn_votes
from resparse.readers.akn._elements import (
    _LEAD_SKIP,
    _LEAD_TRIM_RE,
    _annex_heading_re,
    _AnnexLine,
    _local,
    _more_lead_before,
    _plain,
    _Sub,
    _voting,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from lxml import etree

    from resparse import _akn_header
    from resparse._blocks import Pieces
    from resparse._lead_tables import Kind
    from resparse.readers.akn._render import _Renderer


class _Marks:
    """Leads, texts and further leads as the markup gives them (``resparse._build.Marks``)."""

    def __init__(self, renderer: _Renderer, source: str, lead_starts: dict[Block, int]) -> None:
        self.r = renderer
        self.source = source
        self.content_starts = lead_starts  # where each clause's and paragraph's text starts
        self.italic_runs = _merge_runs(sorted(renderer.out.italics), source)
        self.run_starts = [run.start for run in self.italic_runs]
        self.lead_starts = [span.start for span in renderer.out.marked_leads]
        self.words_language = renderer.out.language if has_profile(renderer.out.language) else None
        body = next((value for name, value, _ in renderer.st.fields if name == "body"), None)
        self.scope = (
            scope_of(body if isinstance(body, str) else None, self.words_language)
            if self.words_language
            else None
        )

    def text(self, pieces: Sequence[tuple[int, int]]) -> str:
        """The clean text of some ranges: footnote markers cut out, whitespace collapsed."""
        return self.r.out.clean(pieces, self.source)

    def lead(self, block: Block, kind: Kind) -> tuple[str | None, Span | None, bool | None]:
        """The lead that opens a clause or paragraph, and whether it is italic.

        The italic run there, without trailing punctuation; where the markup has none (the
        UN's converter keeps a lead the print set in roman as plain text) the lead tables
        read the opening words, as they read plain text, and the lead is not italic.
        """
        start = self.content_starts[block]
        limit = block.pieces[0][1] if block.pieces else start
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
        leads = self.r.out.marked_leads
        index = bisect.bisect_left(self.lead_starts, start)
        if index < len(leads) and leads[index].end <= limit:
            return leads[index]
        return None

    def italic_at(self, offset: int) -> bool:
        """Whether an italic run covers ``offset``."""
        index = bisect.bisect_right(self.run_starts, offset) - 1
        return index >= 0 and self.italic_runs[index].end > offset

    def more(
        self, kind: Kind, lead_span: Span | None, pieces: Sequence[tuple[int, int]]
    ) -> dict[str, Any]:
        """Further italic leads in the first piece: lower case, after a comma or "and"."""
        del kind  # the markup marks both kinds alike
        after = lead_span.end if lead_span is not None else 0
        if after <= 0 or not pieces:
            return {}
        limit = pieces[0][1]
        spans: list[Span] = []
        before_lead = _more_lead_before(self.r.out.language)
        index = bisect.bisect_right(self.run_starts, after)
        while index < len(self.italic_runs) and self.italic_runs[index].start < limit:
            run = self.italic_runs[index]
            index += 1
            before = self.source[max(0, run.start - 12) : run.start]
            marked = run.start in self.r.out.marked_more
            if not run.end <= limit or not (marked or before_lead.search(before)):
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


class _Reading:
    """The renderer's records read into blocks and into what the markup itself gives."""

    def __init__(self, renderer: _Renderer, source: str) -> None:
        self.r = renderer
        self.source = source
        self.lead_starts: dict[Block, int] = {}

    def clean(self, pieces: list[Span]) -> str:
        return self.r.out.clean([(p.start, p.end) for p in pieces], self.source)

    def header(self) -> Header:
        values: dict[str, object] = {}
        spans: list[tuple[str, Span]] = []
        for name, value, span in self.r.st.fields:
            if name in values or value is None:
                continue
            values[name] = value
            spans.append((name, span))
        agenda = self.agenda_items()
        if self.r.st.own_header is not None:
            kept = self.r.st.own_header
            return self.own_header(spans, agenda, kept.values, kept.agenda)
        return make_header({k: v for k, v in values.items() if v is not None}, agenda, spans)

    @staticmethod
    def own_header(
        spans: list[tuple[str, Span]],
        read: tuple[AgendaItem, ...],
        values: _akn_header.HeaderValues,
        agenda: tuple[tuple[str, str | None], ...],
    ) -> Header:
        """The header a resparse export kept in its ``proprietary`` block, on the cover's spans.

        Each field keeps the span of the cover line it was printed on; an agenda item takes
        the span of the item read in its place (the last one when fewer were read).
        """
        # a cover line keeps its field's span even where the kept value is empty ("Distr."
        # printed with its value on the next line): its text is read, so it stays covered
        kept = spans
        items = tuple(
            AgendaItem(number, title, read[min(i, len(read) - 1)].span if read else Span(0, 0))
            for i, (number, title) in enumerate(agenda)
        )
        return make_header(values, items, kept)

    def agenda_items(self) -> tuple[AgendaItem, ...]:
        """One item per number; "Agenda items 13 and 75 (a)" pairs each number with its title line.

        The first item's span runs from the "Agenda item(s)" line to its title, the others
        cover their title lines. When numbers and titles do not pair up, the line is one item.
        """
        items: list[AgendaItem] = []
        titles = self.r.st.agenda_titles
        separator = self.r.out.profile().agenda_separator_re
        for number_text, line in self.r.st.agenda:
            numbers = [n for n in separator.split(number_text) if n]
            if len(self.r.st.agenda) == 1 and len(numbers) == len(titles) > 1:
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

    def clauses(self) -> tuple[Block, ...]:
        """The preambular clauses, in the order of the text."""
        out: list[Block] = []
        for clause in sorted(self.r.st.clauses, key=lambda c: c.start):
            block = Block(
                "clause",
                clause.start,
                clause.end,
                _pieces(clause.pieces),
                part=clause.part,
                section=clause.section,
            )
            self.lead_starts[block] = clause.content_start
            out.append(block)
        return tuple(out)

    def paragraphs(self) -> tuple[Block, ...]:
        """The operative paragraphs with their sub-paragraphs."""
        out: list[Block] = []
        for para in self.r.st.paras:
            block = Block(
                "paragraph",
                para.start,
                para.end,
                _pieces(para.pieces),
                number=para.number,
                children=tuple(_sub_block(sub) for sub in para.subs),
                part=para.part,
                section=para.section,
            )
            self.lead_starts[block] = para.content_start
            out.append(block)
        return tuple(out)

    def votes(self) -> tuple[tuple[VoteBlock, VoteFields], ...]:
        """Each printed adoption with what the markup's ``meta`` says of its vote."""
        out: list[tuple[VoteBlock, VoteFields]] = []
        for source in self.r.st.votes:
            fields = _vote_fields(source.meta)
            if source.inherited and fields.method is not None:
                self.r.out.note(
                    "akn.vote_inherited",
                    "the markup gives one vote for the whole resolution",
                    source.span,
                )
            fields.meeting = source.meeting
            fields.date = source.date
            vote = VoteBlock(source.span.start, source.span.end, False, source.part)  # noqa: FBT003
            out.append((vote, fields))
        return tuple(out)

    def footnotes(self) -> tuple[Footnote, ...]:
        out: list[Footnote] = []
        for note in self.r.out.notes:
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
        annex_re = _annex_heading_re(self.r.out.language)
        for lines, kept in zip(self.r.st.annex_lines, self.r.st.annex_kept, strict=True):
            if kept is not None:
                out.extend(self.kept_annex(lines, *kept))
                continue
            groups: list[list[_AnnexLine]] = []
            for line in lines:
                text = self.source[line.span.start : line.span.end].strip()
                if annex_re.fullmatch(text) or not groups:
                    groups.append([line])
                else:
                    groups[-1].append(line)
            for group in groups:
                first = self.clean([group[0].span])
                rest = group
                label = "Annex"
                title = None
                named = annex_re.fullmatch(first)
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

    def segmentation(self) -> Segmentation:
        """The blocks of the rendered document, as the text pipeline's segmenter gives them.

        Call after :meth:`votes`, which adds the notes on inherited votes.
        """
        return Segmentation(
            clauses=self.clauses(),
            paragraphs=self.paragraphs(),
            headings=tuple(sorted(self.r.st.headings)),
            furniture=tuple(self.r.out.furniture),
            unclassified=tuple(self.r.st.unclassified),
            diagnostics=tuple(self.r.out.diagnostics),
        )


def _pieces(spans: list[Span]) -> Pieces:
    return tuple((span.start, span.end) for span in spans)


def _sub_block(sub: _Sub) -> Block:
    return Block(
        "sub",
        sub.start,
        sub.last_end(),
        _pieces(sub.pieces),
        label=sub.label,
        children=tuple(_sub_block(child) for child in sub.children),
    )


def _merge_runs(italics: list[Span], source: str) -> list[Span]:
    """Italic spans that touch, or are parted only by spaces, read as one run."""
    runs: list[Span] = []
    for span in italics:
        if runs and not source[runs[-1].end : span.start].strip(" "):
            runs[-1] = Span(runs[-1].start, max(runs[-1].end, span.end))
        else:
            runs.append(span)
    return runs


_COUNT_NAMES = {"inFavour": "in_favour", "against": "against", "abstaining": "abstaining"}
_TALLY_RE = regex.compile(r"(\d{1,3})-(\d{1,3})-(\d{1,3})")


def _vote_fields(meta: etree._Element | None) -> VoteFields:
    """Method, counts, voters, outcome and vetoes from ``meta`` (voting and workflow)."""
    counts: dict[str, int | None] = {}
    states: dict[str, tuple[str, ...]] = {}
    voting = _voting(meta) if meta is not None else None
    outcome = (voting.get("outcome") or "") if voting is not None else ""
    for count in (e for e in voting.iter() if _local(e) == "count") if voting is not None else ():
        key = _COUNT_NAMES.get((count.get("refersTo") or "").lstrip("#"))
        if key is None:
            continue
        value = (count.get("value") or "").strip()
        counts[key] = int(value) if value.isdigit() else None
        voters = (_plain(e) for e in count.iter() if _local(e) == "organization")
        states[key] = tuple(name for name in voters if name)
    if counts:
        # a tally that names no one against (or abstaining) counts zero there
        for key in _COUNT_NAMES.values():
            counts.setdefault(key, 0)
    elif (tally := _TALLY_RE.search(outcome)) is not None:
        counts = dict(zip(_COUNT_NAMES.values(), (int(g) for g in tally.groups()), strict=True))
    method = None
    if meta is not None:
        steps = (e for e in meta.iter() if _local(e) == "step" and e.get("outcome") == "adopted")
        adopted_by = " ".join(e.get("by") or "" for e in steps).casefold()
        method = _vote_method(outcome, adopted_by, counts)
        if _akn_votes.failed_step(meta) is not None:
            method = "rejected"
    told = _akn_votes.read_outcome(meta, method)
    return VoteFields(
        method=method,
        in_favour=counts.get("in_favour"),
        against=counts.get("against"),
        abstaining=counts.get("abstaining"),
        in_favour_states=states.get("in_favour", ()),
        against_states=states.get("against", ()),
        abstaining_states=states.get("abstaining", ()),
        not_participating=told.not_participating,
        absent=told.absent,
        vetoed_by=told.vetoed_by,
        outcome=told.outcome,
    )


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
