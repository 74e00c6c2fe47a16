r"""Akoma Ntoso out: a Resolution as AKN 3.0, written the way the UN writes AKN4UN.

The UN publishes its resolutions as Akoma Ntoso, so a parse result written in the same
shape can go wherever the UN's files go and be compared with them element by element.
:func:`to_akn` follows the UN's files (see ``fixtures/akn``): ``statement
name="resolution"``; ``meta`` with the FRBR identification derived from the header, the
adoption step in ``workflow``, the vote in ``analysis/parliamentary/voting`` (counts, and
voters as ``akn4un:voters/organization``) and a ``references`` entry for every
``refersTo``; a ``coverPage`` of one ``p`` per printed line; a ``preface`` with number and
title (not for the Security Council, whose number and adoption line sit on the cover);
the ``preamble`` with the enacting ``formula`` and one ``container`` per clause; the
``mainBody`` with ``paragraph``/``num``/``content`` and ``list``/``point`` for
sub-paragraphs; ``conclusions`` with the meeting and date; ``attachments`` for annexes.
A lead opens the ``p`` of its clause or paragraph as ``span class="italic"`` (``"bold"``
in languages whose UN markup sets leads in bold). A resolution in parts becomes a
``documentCollection`` with one statement per part among its ``components``.

Placement rules that the model leaves open:

* A clause that follows an operative paragraph (the section preambles of budget
  resolutions) is a ``crossHeading refersTo="#preamble"`` in the mainBody, inside a
  ``paragraph`` because the schema admits a crossHeading only inside a hierarchy.
* A heading between paragraphs is a ``paragraph`` holding only a ``subheading``; a
  heading inside the preamble is a ``p``.
* A footnote goes where its marker stood, after the word before it: the part's source is
  read again as clean text with its offset map (``resparse._text.CleanText``), which
  carries the marker's offset into the text; a marker the parser left in a heading stays
  in it; a note whose marker is nowhere in the text goes to the conclusions (with no
  conclusions to hold it, it closes the last paragraph).
* A resolution with more votes than lettered parts (the parser missed a part's letter)
  is cut after each vote, so that each part keeps its own vote; its parts are lettered
  in order.
* Dates: the manifestation's date is the publication's, so an input always gives the same
  bytes; a date the header does not give is the UN's placeholder ``0001-01-01``.
* Text the parser could not place is an ``hcontainer name="unclassified"`` in the
  mainBody, where it stood among the paragraphs (text before the first paragraph opens
  the mainBody), so the export holds every character the parse kept.

What the UN's vocabulary has no place for is said in resparse's own namespace
(``resparse._akn_header``), which ``from_akn`` reads back and the UN's files never carry:
the header values in ``meta/proprietary``, ``class="unnumbered"`` on a paragraph without
a number, ``resparse:section`` and ``resparse:part`` on clauses and paragraphs,
``resparse:lead`` on a lead that does not open its text (``resparse:more`` on a further
lead no comma announces), ``resparse:label`` and
``resparse:title`` on an annex's attachment, and ``resparse:supplied`` on a part's letter
the writer made up. With them the round trip
``from_akn(to_akn(r))`` is exact (``resparse._akn_round_trip`` says what "exact" means).

Text is handed to lxml as text, never as markup, so it is escaped; characters that XML
1.0 cannot carry are dropped. :func:`outline` reads back the structure that the UN's file
and an export must share, and :func:`first_difference` names where two outlines part.
"""

from __future__ import annotations

import bisect
import datetime as dt
import difflib
import functools
import itertools
import os
import pathlib
from typing import TYPE_CHECKING

import attrs
import regex

from resparse import _akn_header
from resparse._labels import first_label, follows, label_style
from resparse._lexicon import MONTHS
from resparse._text import CleanText, clean_ranges
from resparse.model import Heading, OperativeParagraph, PreambularClause, Span, SubParagraph

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from lxml import etree

    from resparse._language import Profile
    from resparse.model import Annex, Header, Resolution, Unclassified, VoteRecord

__all__ = [
    "AKN4UN_NAMESPACE",
    "AKN_NAMESPACE",
    "AknOutline",
    "ParagraphOutline",
    "first_difference",
    "outline",
    "to_akn",
]

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN4UN_NAMESPACE = "http://un.org/akn4un"
_A = "{" + AKN_NAMESPACE + "}"
_U = "{" + AKN4UN_NAMESPACE + "}"

# ISO 639-1 (resparse) to the ISO 639-2/T codes of the UN's FRBRlanguage
_LANGUAGES = {"en": "eng", "fr": "fra", "es": "spa", "ru": "rus", "ar": "ara", "zh": "zho"}
# name, symbol prefix, FRBR actor, eId of its reference, ontology name
_BODIES = (
    ("Security Council", "S/", "unsc", "sc", "securityCouncil"),
    ("Human Rights Council", "A/HRC/", "unhrc", "hrc", "humanRightsCouncil"),
    ("Economic and Social Council", "E/", "unecosoc", "ecosoc", "economicAndSocialCouncil"),
    ("General Assembly", "A/", "unga", "ga", "generalAssembly"),
)
_NO_DATE = dt.date(1, 1, 1)  # the UN's placeholder for a date it does not know
_VOTE_OUTCOMES = {
    "without_vote": "adoptedWithoutVote",
    "recorded": "adoptedRecordedVote",
    "non_recorded": "adoptedNonRecordedVote",
    "unanimous": "adoptedUnanimously",
    "consensus": "adoptedByConsensus",
    "rejected": "rejected",
}
# eId -> (element, href, showAs) of every reference the writer may point to
_TLCS = {
    "resparse": ("TLCOrganization", "/akn/ontology/organization/resparse", "resparse"),
    "author": ("TLCRole", "/akn/ontology/role/un/author", "Author"),
    "issuer": ("TLCRole", "/akn/ontology/role/un/issuer", "Issuer"),
    "editor": ("TLCRole", "/akn/ontology/role/un/editor", "Editor"),
    "publisher": ("TLCRole", "/akn/ontology/role/un/publisher", "Publisher"),
    "issuingBody": ("TLCRole", "/akn/ontology/role/un/issuingBody", "Issuing body"),
    "symbol": ("TLCConcept", "/akn/ontology/concept/un/symbol", "Symbol"),
    "generalDistribution": (
        "TLCConcept",
        "/akn/ontology/concept/un/generalDistribution",
        "General distribution",
    ),
    "dateOfIssuance": ("TLCConcept", "/akn/ontology/concept/un/dateOfIssuance", "Date of issuance"),
    "adoption": ("TLCEvent", "/akn/ontology/event/un/adoption", "Adoption"),
    "adoptionMeeting": ("TLCConcept", "/akn/ontology/concept/un/adoptionMeeting", "Meeting"),
    "adoptionDate": ("TLCConcept", "/akn/ontology/concept/un/dateOfAdoption", "Date of adoption"),
    "resolutionNumber": ("TLCConcept", "/akn/ontology/concept/un/resolutionNumber", "Number"),
    "resolutionTitle": ("TLCTerm", "/akn/ontology/reference/un/resolutionTitle", "Title"),
    "letter": ("TLCConcept", "/akn/ontology/concept/un/partLetter", "Part"),
    "preamble": ("TLCConcept", "/akn/ontology/concept/un/preamble", "Preamble"),
    "memberState": ("TLCTerm", "/akn/ontology/organization/un/memberState", "Member State"),
    "inFavour": ("TLCTerm", "/akn/ontology/concept/un/voting/inFavour", "In favour"),
    "against": ("TLCTerm", "/akn/ontology/concept/un/voting/against", "Against"),
    "abstaining": ("TLCTerm", "/akn/ontology/concept/un/voting/abstaining", "Abstaining"),
    "absent": ("TLCTerm", "/akn/ontology/concept/resparse/voting/absent", "Absent"),
    "notParticipating": (
        "TLCTerm",
        "/akn/ontology/concept/resparse/voting/notParticipating",
        "Not participating",
    ),
    "noMainCommittee": (
        "TLCConcept",
        "/akn/ontology/concept/un/noMainCommittee",
        "Without reference to a Main Committee",
    ),
    "proponent": ("TLCConcept", "/akn/ontology/concept/un/proponent", "Proponent"),
}

# Characters XML 1.0 cannot hold (form feeds, NULs): a text that carries them loses them.
_SPACES_RE = regex.compile(r"[^\S\xa0\u202f]+")  # no-break spaces are text, as in the reader
_ID_UNSAFE_RE = regex.compile(r"[^A-Za-z0-9_\-]+")
_SLUG_RE = regex.compile(r"[^0-9A-Za-z]+")
_LETTER_RE = regex.compile(r"[A-Z]\d?")  # the letter of a part: "A", "B1"
_PLAIN_LABEL_RE = regex.compile(r"[A-Za-z]{1,6}|\d{1,3}")
_COMMITTEE_RE = regex.compile(r"\b(?P<name>[A-Z][a-z]+)\s+Committee\b")
_NO_COMMITTEE_RE = regex.compile(r"without\s+reference\s+to\s+a\s+Main\s+Committee", regex.I)
_AGENDA_RE = regex.compile(r"\s*(?:Agenda\s+items?|Items?)\b", regex.IGNORECASE)
# what may stand before a lead: spaces and the direction marks Word leaves
_BEFORE_LEAD = " \t\xa0\u202f\u200e\u200f\ufeff"


@functools.lru_cache(maxsize=256)
def _more_lead_re(phrase: str) -> regex.Pattern[str]:
    """A further lead where it stands: after a comma or semicolon and perhaps "and"."""
    return regex.compile(
        r"(?<=[,;،]\s+(?:(?:and|et|y|e|и|а)\s+)?)" + regex.escape(phrase) + r"(?!\w)"
    )


def _roman_leads(res: Resolution) -> set[int]:
    """The clauses and paragraphs (by ``id``) whose lead the input printed in roman type.

    Where most of a text's leads are italic the input kept its typography, and a lead in
    roman is how it was printed: the export writes it so, as the UN's converter does, and
    ``from_akn`` finds it again by its words. Where most are not, the input lost its
    italics (a PDF's text, a partly marked copy) and every lead is marked, as the official
    text sets them.
    """
    items: list[PreambularClause | OperativeParagraph] = [*res.preamble, *res.operative]
    with_lead = [item for item in items if item.lead is not None]
    italic = sum(item.lead_italic is True for item in with_lead)
    if italic * 2 <= len(with_lead):
        return set()
    return {id(item) for item in with_lead if item.lead_italic is False}


def _profile(language: str) -> Profile:
    """The language's profile; English for a language without one."""
    from resparse._language import has_profile, profile  # noqa: PLC0415 - profiles load on demand

    return profile(language if has_profile(language) else "en")


def _lead_class(language: str) -> str:
    """How the UN's markup marks a lead in this language: italic, or bold (Chinese)."""
    from resparse._language import has_profile, profile  # noqa: PLC0415 - profiles load on demand

    return profile(language).lead_emphasis if has_profile(language) else "italic"


def _squash(text: str) -> str:
    return _SPACES_RE.sub(" ", text).strip()


def _printed_label(label: str) -> str:
    """A sub-paragraph label as printed: ``a`` -> ``(a)``; ``1.1`` stays as it is."""
    return f"({label})" if _PLAIN_LABEL_RE.fullmatch(label) else label


def _english_date(date: dt.date) -> str:
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def _find_printed_date(text: str, date: dt.date) -> tuple[int, int] | None:
    """Where ``date`` is printed in ``text``: day, month word, year ("7 de diciembre de 2023")."""
    found = regex.search(
        rf"(?<!\d){date.day}(?:er|st|nd|rd|th)?\s+(?:de\s+)?\w+\s+(?:de\s+)?{date.year}(?!\d)",
        text,
    )
    return found.span() if found is not None else None


@attrs.frozen
class _Body:
    """The adopting organ as the FRBR URI, the references and the cover name it."""

    name: str
    actor: str
    ref: str
    ontology: str

    @property
    def security_council(self) -> bool:
        return self.ref == "sc"


def _body_of(header: Header) -> _Body:
    """The organ named by the header, else the one the symbol's prefix belongs to."""
    for name, _, actor, ref, ontology in _BODIES:
        if header.body == name:
            return _Body(name, actor, ref, ontology)
    for name, prefix, actor, ref, ontology in _BODIES:
        if header.body is None and (header.symbol or "").startswith(prefix):
            return _Body(name, actor, ref, ontology)
    name = header.body or "United Nations"
    words = regex.findall(r"[A-Za-z]+", name) or ["body"]
    ontology = words[0].lower() + "".join(w.title() for w in words[1:])
    initials = "".join(w[0] for w in words if w[0].isupper()).lower() or "body"
    return _Body(name, "un" + initials, initials, ontology)


# --- grouping a resolution into statements ---------------------------------------------


@attrs.define(eq=False)
class _Group:
    """What one statement holds: the whole resolution, or one part of a resolution in parts."""

    part: str | None
    start: int = 0
    clauses: list[PreambularClause] = attrs.field(factory=list)
    paragraphs: list[OperativeParagraph] = attrs.field(factory=list)
    votes: list[VoteRecord] = attrs.field(factory=list)
    headings: list[Heading] = attrs.field(factory=list)
    annexes: list[Annex] = attrs.field(factory=list)
    unclassified: list[Unclassified] = attrs.field(factory=list)
    orphans: list[int] = attrs.field(factory=list)
    formula: Heading | None = None
    supplied: bool = False  # a letter the writer gave a part the text did not letter


def _votes(res: Resolution) -> list[VoteRecord]:
    return list(res.votes or ((res.vote,) if res.vote is not None else ()))


def _empty_groups(res: Resolution) -> tuple[list[_Group], bool]:
    """One group per part, in order, and whether the parts' letters can be trusted.

    A part starts at its letter heading. A resolution with more votes than lettered parts
    (the parser missed a letter) is cut after each vote instead, so each part has its vote.
    """
    votes = sorted(_votes(res), key=lambda v: v.span.start)
    items: list[PreambularClause | OperativeParagraph | VoteRecord]
    items = [*res.preamble, *res.operative, *votes]
    dated = sorted((item.span.start, item.part) for item in items if item.part is not None)
    parts = list(dict.fromkeys(part for _, part in dated))
    if len(parts) >= max(2, len(votes)):
        groups = []
        for part in parts:
            first = min(start for start, name in dated if name == part)
            letters = [h.span.start for h in res.headings if h.text.strip() == part]
            groups.append(_Group(part, max((s for s in letters if s < first), default=first)))
        return sorted(groups, key=lambda g: g.start), True
    if len(votes) < 2:
        return [_Group(parts[0] if parts else None)], True
    groups = [_Group(None)]
    starts = sorted([c.span.start for c in res.preamble] + [p.span.start for p in res.operative])
    heading_starts = sorted(h.span.start for h in res.headings)
    for vote in votes[:-1]:
        start = next((s for s in starts if s >= vote.span.end), vote.span.end)
        letter = next(
            (
                h
                for h in res.headings
                if vote.span.end <= h.span.start < start and _LETTER_RE.fullmatch(h.text.strip())
            ),
            None,
        )
        # the part opens at the first heading after the vote (its letter, its formula, a
        # title), so that its headings are its own, else at its first clause or paragraph
        opens = next((s for s in heading_starts if vote.span.end <= s < start), start)
        groups.append(_Group(None if letter is None else letter.text.strip(), opens))
    for i, group in enumerate(groups):
        if group.part is None or sum(g.part == group.part for g in groups) > 1:
            group.part = chr(ord("A") + i)
            group.supplied = True
    return groups, False


def _groups(res: Resolution) -> list[_Group]:
    """The statements to write; what has no part goes to the one its position falls in."""
    groups, lettered = _empty_groups(res)
    by_part = {group.part: group for group in groups} if lettered else {}
    starts = [group.start for group in groups]

    def at(position: int, part: str | None = None) -> _Group:
        if part is not None and part in by_part:
            return by_part[part]
        return groups[max(bisect.bisect_right(starts, position) - 1, 0)]

    for clause in res.preamble:
        at(clause.span.start, clause.part).clauses.append(clause)
    for paragraph in res.operative:
        at(paragraph.span.start, paragraph.part).paragraphs.append(paragraph)
    for vote in _votes(res):
        at(vote.span.start, vote.part).votes.append(vote)
    annexes = [annex.span for annex in res.annexes]
    for heading in res.headings:
        # a part's letter is its component's docNumber; an annex's headings are its own
        letter = len(groups) > 1 and heading.text.strip() == at(heading.span.start).part
        if not letter and not any(span.contains(heading.span) for span in annexes):
            at(heading.span.start).headings.append(heading)
    for annex in res.annexes:
        at(annex.span.start).annexes.append(annex)
    for text in sorted(res.unclassified, key=lambda u: u.span.start):
        at(text.span.start).unclassified.append(text)
    return groups


# --- footnotes: from a marker's offset in the source to a place in the clean text -------


def _mask(length: int, spans: Iterable[Span]) -> bytearray:
    """One byte per source character: 1 where a span the clean text leaves out covers it."""
    hidden = bytearray(length)
    for span in spans:
        lo, hi = max(span.start, 0), min(span.end, length)
        if lo < hi:
            hidden[lo:hi] = b"\x01" * (hi - lo)
    return hidden


def _visible_lines(source: str, span: Span, hidden: bytearray) -> list[tuple[int, int]]:
    """The ranges of ``span`` its clean text is read from: not ``hidden``, cut at line breaks."""
    lines: list[tuple[int, int]] = []
    start: int | None = None
    for i in range(span.start, min(span.end, len(source))):
        if hidden[i - span.start] or source[i] == "\n":
            if start is not None:
                lines.append((start, i))
                start = None
        elif start is None:
            start = i
    if start is not None:
        lines.append((start, min(span.end, len(source))))
    return lines


class _Places:
    """Where source offsets fall in a part's text, read off the offset map of its source.

    The part's source, less what its text leaves out (furniture, notes, their markers,
    the headings and sub-paragraphs inside it), is read again as clean text with its
    offset map. The part's own text is that reading less its label ("1.", "(a)"), so it
    starts somewhere in it; a text the parser read another way (``from_akn`` keeps
    underscores that ``parse`` drops) is matched to the reading block by block.
    """

    def __init__(self, reading: CleanText, text: str) -> None:
        self.reading = reading
        self.text = text
        shift = reading.text.find(text)
        if shift >= 0:
            self.blocks: list[tuple[int, int, int]] = [(shift, 0, len(text))]
        else:
            matcher = difflib.SequenceMatcher(None, reading.text, text, autojunk=False)
            self.blocks = [(m.a, m.b, m.size) for m in matcher.get_matching_blocks() if m.size]

    def at(self, offset: int) -> int:
        """Where source ``offset`` falls in the text.

        That is after the last character read before it that the text holds, and before the
        spaces after that character: a note follows the word it stands after.
        """
        k = self.reading.index(offset)
        place = 0
        for start, target, size in self.blocks:
            if start >= k:
                break
            place = target + min(k - start, size)
        while place > 0 and self.text[place - 1].isspace():
            place -= 1
        return place


@attrs.define(eq=False)
class _Notes:
    """Where each footnote goes: by the id of the part whose text holds it, or nowhere yet."""

    placed: dict[int, list[tuple[int, int]]] = attrs.field(factory=dict)  # (offset, note)
    orphans: list[tuple[int, int]] = attrs.field(factory=list)  # (source offset, note)


_Owner = PreambularClause | OperativeParagraph | SubParagraph | Heading


class _Holders:
    """Parts sorted by start, to find the smallest that holds a marker without a full scan."""

    def __init__(self, items: Iterable[_Owner]) -> None:
        self.items = sorted(items, key=lambda item: item.span.start)
        self.starts = [item.span.start for item in self.items]
        self.reach = list(itertools.accumulate((item.span.end for item in self.items), max))

    def of(self, anchor: Span) -> _Owner | None:
        """The smallest part whose span contains ``anchor`` (the first of equal ones)."""
        found: _Owner | None = None
        k = bisect.bisect_right(self.starts, anchor.start) - 1
        # no part before k reaches past the anchor once the running maximum of ends is short
        while k >= 0 and self.reach[k] >= anchor.end:
            item = self.items[k]
            if item.span.contains(anchor) and (found is None or _size(item) <= _size(found)):
                found = item
            k -= 1
        return found


def _place_notes(res: Resolution) -> _Notes:
    """Each note's place: in the clause, paragraph, sub-paragraph or heading holding its marker."""
    notes = _Notes()
    units = _Holders([*res.preamble, *res.operative])
    annexes = [annex.span for annex in res.annexes]
    headings = _Holders(h for h in res.headings if not any(a.contains(h.span) for a in annexes))
    excluded = [f.span for f in res.furniture]
    excluded.extend(f.span for f in res.footnotes)
    excluded.extend(f.anchor for f in res.footnotes if f.anchor is not None)
    excluded.extend(f.marker_span for f in res.footnotes if f.marker_span is not None)
    excluded.extend(u.span for u in res.unclassified)
    base = _mask(len(res.source), excluded)
    cut_headings = _mask(len(res.source), [*excluded, *(h.span for h in headings.items)])
    places: dict[int, _Places] = {}
    for index, note in enumerate(res.footnotes):
        anchor = note.anchor
        if anchor is None:
            notes.orphans.append((note.span.start, index))
            continue
        owner = units.of(anchor)
        inner: tuple[SubParagraph, ...] = ()
        if isinstance(owner, OperativeParagraph):
            inner = owner.subparagraphs
            subs = [s for top in inner for s in top.walk() if s.span.contains(anchor)]
            if subs:
                owner = min(subs, key=_size)
                inner = owner.subparagraphs
        if owner is None:
            # a marker the parser left in a heading (a clause's last line read as one)
            owner = headings.of(anchor)
        if owner is None:
            notes.orphans.append((anchor.start, index))
            continue
        place = places.get(id(owner))
        if place is None:
            span = owner.span
            if isinstance(owner, Heading):
                hidden = base[span.start : span.end]
                others = (h.span for h in headings.items if h is not owner)
                _hide(hidden, span, others)
            else:
                hidden = cut_headings[span.start : span.end]
                _hide(hidden, span, (s.span for s in inner))
            lines = _visible_lines(res.source, span, hidden)
            place = _Places(clean_ranges(res.source, lines, res.language), owner.text)
            places[id(owner)] = place
        notes.placed.setdefault(id(owner), []).append((place.at(anchor.start), index))
    return notes


def _hide(hidden: bytearray, span: Span, spans: Iterable[Span]) -> None:
    """Mark in ``hidden`` (the mask of ``span``) the characters that ``spans`` cover."""
    for other in spans:
        lo, hi = max(other.start, span.start), min(other.end, span.end)
        if lo < hi:
            hidden[lo - span.start : hi - span.start] = b"\x01" * (hi - lo)


def _size(part: PreambularClause | OperativeParagraph | SubParagraph | Heading) -> int:
    return len(part.span)


# --- the writer ---------------------------------------------------------------------------


@attrs.frozen
class _Entry:
    """A clause, paragraph or heading of a statement, in source order."""

    start: int
    order: int  # headings before clauses before paragraphs at the same offset
    item: PreambularClause | OperativeParagraph | Heading


class _Writer:
    """Builds the tree of one Resolution; keeps eIds unique and records every refersTo."""

    def __init__(self, res: Resolution) -> None:
        from lxml import etree  # noqa: PLC0415 - lxml loads only when AKN is written

        self.etree = etree
        self.res = res
        self.header = res.header
        self.body = _body_of(res.header)
        self.ids: set[str] = set()
        self.refs: dict[str, tuple[str, str, str]] = {}
        self.notes = _place_notes(res)
        self.note_count = 0
        self.written: set[int] = set()
        self.language = _LANGUAGES.get(res.language, res.language or "und")
        self.lead_class = _lead_class(res.language)
        self.roman = _roman_leads(res)
        dates = (v.date for v in _votes(res) if v.date is not None)
        self.adopted = res.header.adopted or next(dates, None)
        self.issued = res.header.issued or self.adopted
        self.reads_as: str | None = None  # the part from_akn gives what the statement holds

    def mark_part(self, element: etree._Element, part: str | None) -> None:
        """Say the part of what ``element`` holds where from_akn would read another one."""
        if part != self.reads_as:
            element.set(_akn_header.PART, _akn_header.xml_text(part or ""))

    def marked(self, item: PreambularClause | OperativeParagraph) -> str | None:
        """The lead to set in the lead's face; none for a lead the input printed in roman."""
        return None if id(item) in self.roman else item.lead

    # --- elements --------------------------------------------------------------------

    def el(
        self,
        parent: etree._Element,
        tag: str,
        attrib: dict[str, str] | None = None,
        text: str | None = None,
    ) -> etree._Element:
        element = self.etree.SubElement(parent, tag if tag.startswith("{") else _A + tag)
        for key, value in (attrib or {}).items():
            element.set(key, _akn_header.xml_text(value))
        if text is not None:
            element.text = _akn_header.xml_text(text)
        return element

    def line(self, parent: etree._Element, tag: str, attrib: dict[str, str], text: str) -> None:
        """A ``p`` holding one element: a line of the cover page."""
        self.el(self.el(parent, "p"), tag, attrib, text)

    def empty_paragraph(self, body: etree._Element, eid: str) -> None:
        """The schema wants a mainBody to hold something: an empty paragraph."""
        content = self.el(self.el(body, "paragraph", {"eId": self.eid(eid)}), "content")
        self.el(content, "p")

    def eid(self, wanted: str) -> str:
        """A unique, well-formed eId: letters, digits, ``_`` and ``-``, opening with a letter."""
        base = _ID_UNSAFE_RE.sub("", wanted) or "id"
        if not base[0].isalpha():
            base = "id_" + base
        candidate, n = base, 1
        while candidate in self.ids:
            n += 1
            candidate = f"{base}_{n}"
        self.ids.add(candidate)
        return candidate

    def ref(self, key: str, *, kind: str = "TLCConcept", href: str = "", show: str = "") -> str:
        """``#key``, noting that ``references`` must define it."""
        if key not in self.refs:
            self.refs[key] = _TLCS.get(key) or (kind, href, show or key)
        return "#" + key

    @staticmethod
    def add_text(parent: etree._Element, last: etree._Element | None, text: str) -> None:
        """Text after ``last`` (a child of ``parent``), or at the start of ``parent``."""
        if not text:
            return
        if last is None:
            parent.text = (parent.text or "") + _akn_header.xml_text(text)
        else:
            last.tail = (last.tail or "") + _akn_header.xml_text(text)

    def fill(
        self,
        p: etree._Element,
        text: str,
        lead: str | None,
        notes: Sequence[tuple[int, int]],
        more: Sequence[str] = (),
    ) -> None:
        """The text of a clause or paragraph: its leads marked, its footnotes at their offsets.

        ``more`` are the further leads (``more_leads``), each marked where it follows a comma
        or "and" after the previous one.
        """
        lead_start = len(text) - len(text.lstrip(_BEFORE_LEAD))
        lead_end = lead_start + len(lead) if lead and text.startswith(lead, lead_start) else 0
        inner = None  # a lead after words of the text ("وإذ تشير", "特别表示注意到"): where it is
        if lead and not lead_end and (at := text.find(lead, lead_start)) >= 0:
            inner, lead_end = at, at + len(lead)
        marks = [(lead_start if inner is None else inner, lead_end)] if lead_end else []
        cursor = lead_end
        unusual: set[int] = set()  # further leads not after a comma or "and": marked
        for phrase in more:
            found = _more_lead_re(phrase).search(text, cursor)
            if found is not None:
                marks.append((found.start(), found.end()))
                cursor = found.end()
            elif phrase and (at := text.find(phrase, cursor)) >= 0:
                marks.append((at, at + len(phrase)))
                unusual.add(at)
                cursor = at + len(phrase)
        events = sorted(
            [(start, 0, end) for start, end in marks]
            + [(min(max(at, lead_end), len(text)), 1, index) for at, index in notes]
        )
        last: etree._Element | None = None
        cursor = 0
        for at, is_note, value in events:
            position = max(at, cursor)  # a note inside a further lead goes after it
            self.add_text(p, last, text[cursor:position])
            if is_note:
                last = self.footnote(p, value)
                cursor = position
            else:
                attrib = {"class": self.lead_class}
                if position == inner and value == lead_end:
                    attrib[_akn_header.LEAD] = "true"  # from_akn takes it as the lead
                elif position in unusual:
                    attrib[_akn_header.MORE] = "true"  # and this as a further lead
                last = self.el(p, "span", attrib, text[position:value])
                cursor = value
        self.add_text(p, last, text[cursor:])

    def footnote(self, parent: etree._Element, index: int) -> etree._Element:
        note = self.res.footnotes[index]
        self.written.add(index)
        self.note_count += 1
        attrib = {"marker": note.marker, "placement": "bottom"}
        attrib["eId"] = self.eid(f"authorialNote_{self.note_count}")
        element = self.el(parent, "authorialNote", attrib)
        self.el(element, "p", text=note.text)
        return element

    # --- the document ----------------------------------------------------------------

    def document(self) -> etree._Element:
        root = self.etree.Element(
            _A + "akomaNtoso",
            nsmap={
                None: AKN_NAMESPACE,
                "akn4un": AKN4UN_NAMESPACE,
                "resparse": _akn_header.NAMESPACE,
            },
        )
        groups = _groups(self.res)
        starts = [g.start for g in groups]
        for position, index in self.notes.orphans:
            groups[max(bisect.bisect_right(starts, position) - 1, 0)].orphans.append(index)
        self.place_formulas(groups)
        if len(groups) == 1:
            self.reads_as = groups[0].part
            top = self.el(root, "statement", {"name": "resolution"})
            meta = self.meta(top, groups[0], self.work_number())
            self.cover(top, groups[0])
            self.preface(top)
            self.statement_body(top, groups[0], "")
        else:
            top = self.el(root, "documentCollection", {"name": "publication"})
            meta = self.meta(top, None, self.work_number())
            self.cover(top, None)
            self.preface(top)
            self.components(root, top, groups)
        self.unwritten_notes(root)
        self.references(meta)
        lone = groups[0].part if len(groups) == 1 else None
        _akn_header.write(meta, self.header, self.ref("resparse"), lone)
        return root

    def unwritten_notes(self, root: etree._Element) -> None:
        """Notes whose holder was not written (a heading that became a formula): at the end."""
        missing = [i for i in range(len(self.res.footnotes)) if i not in self.written]
        if not missing:
            return
        holders = list(root.iter(_A + "conclusions"))
        if holders and len(holders[-1]):
            holder = holders[-1][-1]
        else:
            holder = self.last_text(list(root.iter(_A + "mainBody"))[-1])
        for index in missing:
            self.footnote(holder, index)

    def last_text(self, body: etree._Element) -> etree._Element:
        """The last element of a mainBody that holds its text (not a footnote's)."""
        texts = [
            element
            for element in body.iter(_A + "p", _A + "crossHeading", _A + "subheading")
            if not any(_local(a) == "authorialNote" for a in element.iterancestors())
        ]
        return texts[-1] if texts else self.el(body, "p")

    def components(
        self, root: etree._Element, collection: etree._Element, groups: list[_Group]
    ) -> None:
        """A resolution in parts: the collection lists its parts, each a statement of its own."""
        body = self.el(collection, "collectionBody")
        holder = self.el(root, "components")
        for i, group in enumerate(groups, start=1):
            letter = group.part or str(i)
            listed = self.el(body, "component", {"eId": self.eid(f"dref_{i}")})
            ref = {"eId": self.eid(f"dref_{i}__ref"), "href": f"#cmp_{i}"}
            self.el(listed, "documentRef", {**ref, "showAs": f"Resolution {letter}"})
            component = self.el(holder, "component", {"eId": self.eid(f"cmp_{i}")})
            statement = self.el(component, "statement", {"name": "resolution"})
            self.meta(statement, group, self.work_number() + letter)
            preface = self.el(statement, "preface")
            attrib = {"refersTo": self.ref("letter")}
            if group.supplied:
                attrib[_akn_header.SUPPLIED] = "true"  # from_akn neither prints nor applies it
            elif not any(h.text.strip() == letter for h in self.res.headings):
                attrib[_akn_header.UNPRINTED] = "true"  # applied, but the text had no such line
            self.line(preface, "docNumber", attrib, letter)
            self.reads_as = None if group.supplied else group.part
            self.statement_body(statement, group, f"cmp_{i}__")

    def work_number(self) -> str:
        """The FRBR number: ``78/109`` -> ``78-109``, ``2623 (2022)`` -> ``2623-2022``."""
        number = self.header.number
        if not number and self.header.symbol:
            number = self.header.symbol.rpartition("RES/")[2]
        return _SLUG_RE.sub("-", number or "").strip("-") or "0"

    def place_formulas(self, groups: list[_Group]) -> None:
        """The header's formula for its part; a later part's is the heading that repeats it."""
        formula = self.header.enacting_formula
        if not formula:
            return
        span = self.header.span_of("enacting_formula") or Span(0, 0)
        owner = groups[max(bisect.bisect_right([g.start for g in groups], span.start) - 1, 0)]
        owner.formula = Heading(formula, span)
        for group in groups:
            repeated = [h for h in group.headings if _squash(h.text) == _squash(formula)]
            if group.formula is None and repeated:
                group.formula = repeated[0]
                group.headings.remove(repeated[0])

    # --- meta --------------------------------------------------------------------------

    def identification(self, meta: etree._Element, number: str, name: str) -> None:
        """FRBR work, expression and manifestation; ``name`` is ``!main`` or an annex's."""
        date = (self.adopted or _NO_DATE).isoformat()
        issued = (self.issued or _NO_DATE).isoformat()
        work = f"/akn/un/statement/deliberation/{self.body.actor}/{date}/{number}"
        expression = f"{work}/{self.language}@"
        body = self.ref(
            self.body.ref,
            kind="TLCOrganization",
            href=f"/akn/ontology/organization/un/{self.body.ontology}",
            show=self.body.name,
        )
        identification = self.el(meta, "identification", {"source": self.ref("resparse")})
        frbr = self.el(identification, "FRBRWork")
        self.el(frbr, "FRBRthis", {"value": f"{work}/{name}"})
        self.el(frbr, "FRBRuri", {"value": work})
        self.el(frbr, "FRBRdate", {"date": date, "name": "adoption"})
        self.el(frbr, "FRBRauthor", {"href": body, "as": self.ref("author")})
        self.el(frbr, "FRBRcountry", {"value": "un"})
        if self.header.number:
            self.el(frbr, "FRBRnumber", {"value": self.header.number.rstrip(". ")})
        if self.header.symbol:
            self.el(frbr, "FRBRname", {"value": self.header.symbol})
        frbr = self.el(identification, "FRBRExpression")
        self.el(frbr, "FRBRthis", {"value": f"{expression}/{name}"})
        self.el(frbr, "FRBRuri", {"value": expression})
        self.el(frbr, "FRBRdate", {"date": issued, "name": "publication"})
        self.el(frbr, "FRBRauthor", {"href": body, "as": self.ref("issuer")})
        self.el(frbr, "FRBRlanguage", {"language": self.language})
        frbr = self.el(identification, "FRBRManifestation")
        self.el(frbr, "FRBRthis", {"value": f"{expression}/{name}.xml"})
        self.el(frbr, "FRBRuri", {"value": f"{expression}.akn"})
        self.el(frbr, "FRBRdate", {"date": issued, "name": "markup"})
        self.el(frbr, "FRBRauthor", {"href": self.ref("resparse"), "as": self.ref("editor")})

    def meta(self, parent: etree._Element, group: _Group | None, number: str) -> etree._Element:
        meta = self.el(parent, "meta")
        self.identification(meta, number, "!main")
        vote = group.votes[0] if group is not None and group.votes else None
        if vote is not None:
            self.workflow(meta, vote)
            self.analysis(meta, vote)
        return meta

    def workflow(self, meta: etree._Element, vote: VoteRecord) -> None:
        """The adoption step; ``by`` says "unanimously" or gives the tally as the UN's do."""
        date = vote.date or self.adopted
        if date is None:
            return
        by = ""
        if vote.method == "unanimous":
            by = "Adopted unanimously"
        elif self.body.security_council and vote.in_favour is not None:
            by = f"Adopted {vote.in_favour}-{vote.against or 0}-{vote.abstaining or 0}"
        if by and vote.meeting:
            by = f"{by}, {vote.meeting}"
        workflow = self.el(meta, "workflow", {"source": self.ref("resparse")})
        step, by = _failed_step(vote) or ("adopted", by)
        self.el(workflow, "step", {"date": date.isoformat(), "outcome": step, "by": by})

    def analysis(self, meta: etree._Element, vote: VoteRecord) -> None:
        counts = (
            ("inFavour", vote.in_favour, vote.in_favour_states),
            ("against", vote.against, vote.against_states),
            ("abstaining", vote.abstaining, vote.abstaining_states),
        )
        known = any(value is not None or states for _, value, states in counts)
        outcome = _VOTE_OUTCOMES.get(vote.method or "")
        if outcome is None and not known:
            return
        analysis = self.el(meta, "analysis", {"source": self.ref("resparse")})
        voting = self.el(
            self.el(analysis, "parliamentary"), "voting", {"outcome": outcome} if outcome else {}
        )
        if not known:
            self.el(voting, "quorum", {"value": ""})  # the schema wants a child; the UN's too
            return
        for key, value, states in counts:
            # an unknown count is written empty, which reads back as unknown, not as zero
            value_text = "" if value is None else str(value)
            count = self.el(voting, "count", {"value": value_text, "refersTo": self.ref(key)})
            if states:
                voters = self.etree.SubElement(count, _U + "voters")
                for state in states:
                    self.el(voters, "organization", {"refersTo": self.ref("memberState")}, state)
        # members named absent or not participating: counts of resparse's own, so the
        # round trip keeps them (the UN's files have no such counts)
        for key, states in (
            ("absent", vote.absent_states),
            ("notParticipating", vote.not_participating_states),
        ):
            if states:
                count = self.el(
                    voting, "count", {"value": str(len(states)), "refersTo": self.ref(key)}
                )
                voters = self.etree.SubElement(count, _U + "voters")
                for state in states:
                    self.el(voters, "organization", {"refersTo": self.ref("memberState")}, state)

    def references(self, meta: etree._Element) -> None:
        references = self.el(meta, "references", {"source": self.ref("resparse")})
        for key, (kind, href, show) in self.refs.items():
            attrib = {"eId": key, "href": href or f"/akn/ontology/concept/un/{key}"}
            self.el(references, kind, {**attrib, "showAs": show})

    # --- cover page and preface --------------------------------------------------------

    def printed(self, field: str, fallback: str | None) -> str | None:
        """A header field as the source printed it (``Distr.: General``), else ``fallback``."""
        span = self.header.span_of(field)
        text = _squash(self.res.raw(span)) if span is not None else ""
        return text or fallback

    def cover(self, parent: etree._Element, group: _Group | None) -> None:
        """One ``p`` per printed line, each holding the element the UN marks it with."""
        header = self.header
        cover = self.el(parent, "coverPage")
        if header.publisher:
            self.line(cover, "docAuthority", {"refersTo": self.ref("publisher")}, header.publisher)
        if header.symbol:
            self.line(cover, "docNumber", {"refersTo": self.ref("symbol")}, header.symbol)
        if header.body:
            self.line(cover, "docAuthority", {"refersTo": self.ref("issuingBody")}, header.body)
        fallback = header.distribution and f"Distr.: {header.distribution}"
        if distribution := self.printed("distribution", fallback):
            ref = {"refersTo": self.ref("generalDistribution")}
            self.line(cover, "docStatus", ref, distribution)
        if header.issued is not None:
            text = self.printed("issued", None) or _english_date(header.issued)
            ref = {"date": header.issued.isoformat(), "refersTo": self.ref("dateOfIssuance")}
            self.line(cover, "docDate", ref, text)
        if session := header.session_title:
            ref = {"refersTo": self.ref(self.body.ref)}
            if header.session is not None:
                ref["value"] = str(header.session)
            self.line(cover, "session", ref, session)
        self.agenda(cover)
        self.adoption_lines(cover, group)
        if header.report_line:
            ref = {"refersTo": self.proponent(header.report_line)}
            self.line(cover, "docProponent", ref, header.report_line)
        if not len(cover):
            self.el(cover, "p")

    def agenda(self, cover: etree._Element) -> None:
        items = self.header.agenda_items
        if not items:
            return
        numbers = [item.number for item in items]
        title = numbers[0] if len(numbers) == 1 else ", ".join(numbers[:-1]) + " and " + numbers[-1]
        first = self.res.raw(items[0].span).strip().split("\n", 1)[0]
        printed = _squash(first) if _AGENDA_RE.match(first) else ""
        if not printed:
            printed = f"Agenda item{'s' if len(numbers) > 1 else ''} {title}"
        self.line(cover, "inline", {"name": "agenda item", "title": title}, printed)
        for item in items:
            if item.title:
                self.line(cover, "inline", {"name": "agenda item name"}, item.title)

    def adoption_lines(self, cover: etree._Element, group: _Group | None) -> None:
        """The adoption line; the Security Council's comes after its number and carries its vote."""
        header = self.header
        if self.body.security_council and header.number:
            printed = self.printed("number", None)
            if not printed or header.number not in printed:
                printed = f"Resolution {header.number}"
            self.line(cover, "docTitle", {"refersTo": self.ref("resolutionNumber")}, printed)
        if not header.adoption_line:
            return
        text = header.adoption_line
        vote = self.cover_vote(group)
        if vote is None:
            self.line(cover, "docTitle", {}, text)
            return
        title = self.el(self.el(cover, "p"), "docTitle", {"refersTo": self.ref("adoption")})
        self.meeting_and_date(title, text, vote, event=False)

    def cover_vote(self, group: _Group | None) -> VoteRecord | None:
        """The vote printed as the cover's adoption line (the Security Council's way)."""
        line = self.header.span_of("adoption_line")
        if line is None or not self.body.security_council:
            return None
        votes = group.votes if group is not None else _votes(self.res)
        return next((v for v in votes if v.span.overlaps(line) or v.span == line), None)

    def proponent(self, report_line: str) -> str:
        """The committee a report line names, as a reference (``#sixthCommittee``)."""
        if _NO_COMMITTEE_RE.search(report_line):
            return self.ref("noMainCommittee")
        found = _COMMITTEE_RE.search(report_line)
        if found is None:
            return self.ref("proponent")
        key = found["name"].lower() + "Committee"
        href = f"/akn/ontology/organization/un/{key}"
        return self.ref(key, kind="TLCOrganization", href=href, show=f"{found['name']} Committee")

    def preface(self, parent: etree._Element) -> None:
        header = self.header
        if self.body.security_council or not (header.number or header.title):
            return
        p = self.el(self.el(parent, "preface"), "p")
        last: etree._Element | None = None
        if header.number:
            printed = self.printed("number", None)
            if not printed or header.number.rstrip(". ") not in printed:
                printed = header.number.rstrip(". ") + "."
            last = self.el(p, "docNumber", text=printed)
        if header.title:
            self.add_text(p, last, " ")
            self.el(p, "docTitle", {"refersTo": self.ref("resolutionTitle")}, header.title)

    # --- preamble, main body, conclusions, annexes ------------------------------------------

    def statement_body(self, statement: etree._Element, group: _Group, prefix: str) -> None:
        """Everything before the first operative paragraph is preamble, the rest mainBody."""
        entries = [_Entry(h.span.start, 0, h) for h in group.headings]
        entries.extend(_Entry(c.span.start, 1, c) for c in group.clauses)
        entries.extend(_Entry(p.span.start, 2, p) for p in group.paragraphs)
        entries.sort(key=lambda e: (e.start, e.order))
        first = min((p.span.start for p in group.paragraphs), default=None)
        before = [e for e in entries if first is None or e.start < first]
        if group.formula is not None or before:
            self.preamble(statement, group.formula, before, prefix)
        self.main_body(statement, group, entries[len(before) :], prefix)
        self.conclusions(statement, group, prefix)
        if group.annexes:
            self.attachments(statement, group.annexes, prefix)

    def preamble(
        self,
        statement: etree._Element,
        formula: Heading | None,
        entries: list[_Entry],
        prefix: str,
    ) -> None:
        preamble = self.el(statement, "preamble")
        for entry in entries:
            if formula is not None and formula.span.start <= entry.start:
                self.formula(preamble, formula.text, prefix)
                formula = None
            if isinstance(entry.item, PreambularClause):
                self.container(preamble, entry.item, prefix)
            else:
                span = self.el(self.el(preamble, "p"), "span", {"class": "bold"})
                self.fill(span, entry.item.text, None, self.notes.placed.get(id(entry.item), []))
        if formula is not None:
            self.formula(preamble, formula.text, prefix)

    def formula(self, parent: etree._Element, text: str, prefix: str) -> None:
        """``The General Assembly,`` with the organ in italics, as the UN writes it."""
        attrib = {"name": "enactingFormula", "eId": self.eid(f"{prefix}formula_1")}
        p = self.el(self.el(parent, "formula", attrib), "p")
        words = text.strip().rstrip(",")
        span = self.el(p, "span", {"class": "italic"}, words)
        self.add_text(p, span, text.strip()[len(words) :])

    def container(self, parent: etree._Element, clause: PreambularClause, prefix: str) -> None:
        eid = self.eid(f"{prefix}preamble__container_{clause.index}")
        container = self.el(parent, "container", {"name": clause.lead or "clause", "eId": eid})
        if clause.section is not None:
            container.set(_akn_header.SECTION, _akn_header.xml_text(clause.section))
        self.mark_part(container, clause.part)
        p = self.el(container, "p")
        notes = self.notes.placed.get(id(clause), [])
        self.fill(p, clause.text, self.marked(clause), notes, clause.more_leads)

    def main_body(
        self, statement: etree._Element, group: _Group, entries: list[_Entry], prefix: str
    ) -> None:
        body = self.el(statement, "mainBody")
        unplaced = list(reversed(group.unclassified))
        for seq, entry in enumerate(entries, start=1):
            while unplaced and unplaced[-1].span.start < entry.start:
                self.unclassified(body, unplaced.pop(), prefix)
            pid = self.eid(f"{prefix}para_{seq}")
            item = entry.item
            if isinstance(item, OperativeParagraph):
                self.paragraph(body, item, pid)
                continue
            holder = self.el(body, "paragraph", {"eId": pid})
            if isinstance(item, PreambularClause):
                attrib = {"refersTo": self.ref("preamble"), "eId": self.eid(f"{pid}__crossHeading")}
                cross = self.el(holder, "crossHeading", attrib)
                if item.section is not None:
                    cross.set(_akn_header.SECTION, _akn_header.xml_text(item.section))
                self.mark_part(cross, item.part)
                self.fill(cross, item.text, self.marked(item), self.notes.placed.get(id(item), []))
            else:
                heading = self.el(holder, "subheading")
                self.fill(heading, item.text, None, self.notes.placed.get(id(item), []))
        while unplaced:
            self.unclassified(body, unplaced.pop(), prefix)
        if not len(body):
            self.empty_paragraph(body, f"{prefix}para_1")
        if group.orphans and not self.has_conclusions(group):
            holder = self.last_text(body)
            for index in group.orphans:
                self.footnote(holder, index)

    def unclassified(self, body: etree._Element, text: Unclassified, prefix: str) -> None:
        """Text the parser could not place: an ``hcontainer`` of its own, where it stood.

        The text is written as it is and the reason as the ``title``: ``from_akn`` reads it
        back as the same unclassified text, so an export loses nothing the parse kept.
        Text before the first operative paragraph opens the mainBody.
        """
        attrib = {"name": "unclassified", "eId": self.eid(f"{prefix}unclassified_1")}
        if text.reason:
            attrib["title"] = text.reason
        holder = self.el(body, "hcontainer", attrib)
        self.el(self.el(holder, "content"), "p", text=text.text)

    def paragraph(self, parent: etree._Element, para: OperativeParagraph, pid: str) -> None:
        element = self.el(parent, "paragraph", {"eId": pid})
        if para.number is not None:
            self.el(element, "num", text=f"{para.number}.")
        else:
            element.set("class", "unnumbered")  # from_akn reads it as a paragraph of its own
        if para.section is not None:
            element.set(_akn_header.SECTION, _akn_header.xml_text(para.section))
        self.mark_part(element, para.part)
        notes = self.notes.placed.get(id(para), [])
        if not para.subparagraphs:
            content = self.el(element, "content", {"eId": self.eid(f"{pid}__content")})
            self.fill(self.el(content, "p"), para.text, self.marked(para), notes, para.more_leads)
            return
        lid = self.eid(f"{pid}__list_1")
        items = self.el(element, "list", {"eId": lid})
        if para.text or notes:
            intro = self.el(items, "intro", {"eId": self.eid(f"{lid}__intro")})
            self.fill(self.el(intro, "p"), para.text, self.marked(para), notes, para.more_leads)
        self.points(items, para.subparagraphs, lid)

    def points(self, parent: etree._Element, subs: Sequence[SubParagraph], base: str) -> None:
        for n, sub in enumerate(subs, start=1):
            slug = _ID_UNSAFE_RE.sub("", sub.label.replace(".", "-")) or str(n)
            point_id = self.eid(f"{base}__point_{slug}")
            point = self.el(parent, "point", {"eId": point_id})
            self.el(point, "num", text=_printed_label(sub.label))
            content = self.el(point, "content", {"eId": self.eid(f"{point_id}__content")})
            self.fill(self.el(content, "p"), sub.text, None, self.notes.placed.get(id(sub), []))
            if sub.subparagraphs:
                # the UN writes a point's own items as a sublist right after it
                nested = self.eid(f"{point_id}__list_1")
                self.points(self.el(parent, "sublist", {"eId": nested}), sub.subparagraphs, nested)

    def concluding(self, group: _Group) -> list[tuple[VoteRecord, str]]:
        """The votes the conclusions print, each with its line; the cover holds the Council's.

        A vote read without its text is printed from its meeting and date; a vote with
        neither has no line, and from_akn cannot see a vote without one.
        """
        cover_vote = self.cover_vote(group)
        lines = []
        for vote in group.votes:
            date = _english_date(vote.date) if vote.date is not None else None
            text = vote.text or " ".join(part for part in (vote.meeting, date) if part)
            if not vote.text and not len(vote.span) and _failed_step(vote) is not None:
                continue  # a failed draft's vote is known from meta alone; it prints no line
            if vote is not cover_vote and text.strip():
                lines.append((vote, text))
        return lines

    def has_conclusions(self, group: _Group) -> bool:
        return bool(self.concluding(group))

    def conclusions(self, statement: etree._Element, group: _Group, prefix: str) -> None:
        """The meeting and date of adoption, the lines that carry the votes."""
        lines = self.concluding(group)
        if not lines:
            return
        conclusions = self.el(statement, "conclusions", {"eId": self.eid(f"{prefix}conclusions")})
        self.mark_part(conclusions, lines[0][0].part)
        for vote, text in lines:
            self.meeting_and_date(self.el(conclusions, "p"), text, vote, event=True)
        for index in group.orphans:
            self.footnote(conclusions[-1], index)

    def meeting_and_date(
        self, parent: etree._Element, text: str, vote: VoteRecord, *, event: bool
    ) -> None:
        """A line naming the meeting and the date, both marked where they appear.

        In the conclusions (``event``) the UN writes ``event/location, eol, docDate``; on
        the Security Council's cover, ``inline name="adoptionMeeting"`` and ``docDate``.
        """
        marks: list[tuple[int, int, str, dict[str, str]]] = []
        if vote.meeting and (at := text.find(vote.meeting)) >= 0:
            ref = {"refersTo": self.ref("adoptionMeeting")}
            tag, attrib = (
                ("location", ref) if event else ("inline", {"name": "adoptionMeeting", **ref})
            )
            marks.append((at, at + len(vote.meeting), tag, attrib))
        printed = _find_printed_date(text, vote.date) if vote.date is not None else None
        clash = printed is not None and any(s < printed[1] and printed[0] < e for s, e, *_ in marks)
        if vote.date is not None and printed is not None and not clash:
            attrib = {"date": vote.date.isoformat(), "refersTo": self.ref("adoptionDate")}
            marks.append((*printed, "docDate", attrib))
        marks.sort(key=lambda mark: mark[0])
        tags = [tag for _, _, tag, _ in marks]
        if tags == ["location", "docDate"] and not text[marks[0][1] : marks[1][0]].strip():
            (m_start, m_end, _, m_attrib), (d_start, d_end, _, d_attrib) = marks
            self.add_text(parent, None, text[:m_start])
            wrapper = self.el(parent, "event", {"refersTo": self.ref("adoption")})
            self.el(wrapper, "location", m_attrib, text[m_start:m_end])
            self.el(wrapper, "eol")
            self.el(wrapper, "docDate", d_attrib, text[d_start:d_end])
            self.add_text(parent, wrapper, text[d_end:])
            return
        last: etree._Element | None = None
        cursor = 0
        for start, end, tag, attrib in marks:
            self.add_text(parent, last, text[cursor:start])
            last = self.el(parent, tag, attrib, text[start:end])
            cursor = end
        self.add_text(parent, last, text[cursor:])

    def attachments(self, statement: etree._Element, annexes: list[Annex], prefix: str) -> None:
        attachments = self.el(statement, "attachments")
        for n, annex in enumerate(annexes, start=1):
            attachment = self.el(attachments, "attachment")
            attachment.set(
                _akn_header.LABEL, _akn_header.xml_text(annex.label)
            )  # from_akn keeps them
            if annex.title is not None:
                attachment.set(_akn_header.TITLE, _akn_header.xml_text(annex.title))
            doc = self.el(attachment, "doc", {"name": "annex"})
            self.identification(self.el(doc, "meta"), self.work_number(), f"!annex_{n}")
            body = self.el(doc, "mainBody")
            base = f"{prefix}att_{n}__para"
            for heading in (annex.label, annex.title):
                if heading:
                    holder = self.el(body, "paragraph", {"eId": self.eid(base)})
                    self.el(holder, "heading", text=heading)
            for text in (t.strip() for t in annex.text.split("\n")):
                if text:
                    pid = self.eid(base)
                    paragraph = self.el(body, "paragraph", {"eId": pid})
                    content = self.el(paragraph, "content", {"eId": self.eid(f"{pid}__content")})
                    self.el(content, "p", text=text)
            if not len(body):
                self.empty_paragraph(body, base)


def to_akn(resolution: Resolution) -> bytes:
    """The resolution as Akoma Ntoso 3.0 XML (UTF-8), in the shape of the UN's AKN4UN.

    It validates against the OASIS schema ``akomantoso30.xsd``, and ``from_akn`` reads it
    back into a result with the same content (``resparse._akn_round_trip.differences``).
    """
    writer = _Writer(resolution)
    root = writer.document()
    return bytes(writer.etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


# --- outlines: the structure two AKN files must share -----------------------------------


@attrs.frozen
class ParagraphOutline:
    """A numbered operative paragraph: its number (``"1"``), lead and sub-paragraph labels."""

    num: str
    lead: str | None
    points: tuple[str, ...] = ()


@attrs.frozen
class AknOutline:
    """The structure of an AKN resolution that an export of the same resolution must share.

    ``clauses`` holds the lead of each preambular clause (preamble ``container``, and
    ``crossHeading refersTo="#preamble"`` in the mainBody), ``paragraphs`` each numbered
    mainBody paragraph. Leads are whitespace-normalised, without trailing punctuation.
    Annexes are left out.
    """

    clauses: tuple[str | None, ...]
    paragraphs: tuple[ParagraphOutline, ...]


_NUMBERED_RE = regex.compile(r"(?P<n>[\dl]{1,4})(?:\.|\s?[-–])")  # "1.", "l." typed for 1, "1 -"
_TYPED_RE = regex.compile(r"[\s\u200e\u200f]*(?P<n>\d{1,3})(?:\.|\s?[-–])[\u200e\u200f]*\s")
# a sub-paragraph label: (a), (iv), (A), (1), 1.1; or up to three letters of another script
_LETTERS = r"[a-z]{1,5}|[A-Z]|\d{1,3}|[^\p{Latin}\P{L}]{1,3}"
_SUB_RE = regex.compile(rf"\(?(?P<label>{_LETTERS})\)|(?P<label>\d{{1,3}}\.\d{{1,3}})\.?")
_TEXT_SUB_RE = regex.compile(rf"[\s\u200e\u200f]*\((?P<label>{_LETTERS})\)[\u200e\u200f]*\s")
_PART_RE = regex.compile(r"(?P<label>[A-Z])\.")
_HEADING_NUM_RE = regex.compile(r"[A-Z]\.|[IVXLC]{1,7}\.?")
_FORMAT_RE = regex.compile(r"[\u200b-\u200f\u2060\ufeff]")
_TRAILING_RE = regex.compile(r"[\s,;:.،؛，；：。、]+$")  # Latin, Arabic and Chinese marks


def _local(element: etree._Element) -> str:
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _plain(element: etree._Element) -> str:
    return _FORMAT_RE.sub("", _squash("".join(element.itertext())))


def _chunks(
    element: etree._Element, emphasis: str, *, marked: bool = False
) -> Iterator[tuple[str, bool] | None]:
    """An element's running text as (text, in the lead's face); ``None`` stands for a note."""
    tag = {"italic": "i", "bold": "b"}.get(emphasis, "i")
    marked = marked or _local(element) == tag or emphasis in (element.get("class") or "").split()
    if element.text:
        yield element.text, marked
    for child in element:
        if _local(child) == "authorialNote":
            yield None
        elif isinstance(child.tag, str) and _local(child) != "num":
            yield from _chunks(child, emphasis, marked=marked)
        if child.tail:
            yield child.tail, marked


def _lead_of(
    element: etree._Element | None, emphasis: str, *, typed_number: bool = False
) -> str | None:
    """The run in the lead's face that opens an element's text (after a typed ``N.`` if asked)."""
    if element is None:
        return None
    run: list[str] = []
    for chunk in _chunks(element, emphasis):
        if chunk is None:
            break
        text, marked = chunk
        if marked or (run and not _FORMAT_RE.sub("", text).strip()):
            run.append(text)
            continue
        if not _FORMAT_RE.sub("", text).strip():
            continue
        number = _TYPED_RE.match(text + " ") if typed_number and not run else None
        typed_number = False
        if number is None or (text + " ")[number.end() :].strip():
            break
    lead = _TRAILING_RE.sub("", _squash(_FORMAT_RE.sub("", "".join(run))))
    return lead or None


def _first_block(element: etree._Element) -> etree._Element | None:
    """The first ``p`` (or list introduction) of a paragraph or container, outside its points."""
    for child in element.iter(_A + "p", _A + "listIntroduction"):
        ancestors = {_local(a) for a in child.iterancestors()}
        if not ancestors & {"authorialNote", "point"}:
            return child
    return None


def _label_of(element: etree._Element) -> str:
    num = element.find(_A + "num")
    if num is None and (inner := element.find(_A + "p")) is not None:
        num = inner.find(_A + "num")  # <p><num>XIII</num></p>
    return _plain(num).strip() if num is not None else ""


def _point_labels(element: etree._Element) -> list[str]:
    labels = []
    for point in element.iter(_A + "point"):
        printed = _label_of(point)
        labels.append(printed.strip("()").rstrip(".").strip() or printed)
    return labels


def _bold_only(element: etree._Element) -> bool:
    spans = list(element.iter(_A + "span"))
    return bool(spans) and all("bold" in (s.get("class") or "").split() for s in spans)


def _heading_only(element: etree._Element, label: str) -> bool:
    """A paragraph that only heads what follows: headings alone, ``A.``/``IV``, bold text."""
    names = {_local(c) for c in element if isinstance(c.tag, str)}
    if names and names <= {"num", "heading", "subheading"}:
        return True
    return bool(label and _HEADING_NUM_RE.fullmatch(label)) or _bold_only(element)


@attrs.define
class _OutlineBuilder:
    """Reads statements in order; points typed as ``(a)`` paragraphs join the paragraph before."""

    emphasis: str = "italic"
    language: str = "en"
    clauses: list[str | None] = attrs.field(factory=list)
    paragraphs: list[ParagraphOutline] = attrs.field(factory=list)
    num: str | None = None
    lead: str | None = None
    points: list[str] = attrs.field(factory=list)
    colon: bool = False  # the open paragraph's own text ends with a colon

    def open(self, num: str, lead: str | None, points: list[str], *, colon: bool) -> None:
        self.close()
        self.num, self.lead, self.points, self.colon = num, lead, points, colon

    def close(self) -> None:
        if self.num is not None:
            self.paragraphs.append(ParagraphOutline(self.num, self.lead, tuple(self.points)))
        self.num = None

    def preamble(self, preamble: etree._Element) -> None:
        for child in preamble:
            if _local(child) == "container" and (child.get("name") or not _bold_only(child)):
                self.clauses.append(_lead_of(_first_block(child), self.emphasis))

    def body(self, element: etree._Element) -> None:
        for child in element:
            name = _local(child)
            if name == "section":
                self.close()
                self.body(child)
            elif name == "crossHeading":
                self.cross_heading(child)
            elif name == "paragraph":
                self.paragraph(child)
            elif name in {"num", "heading", "subheading"}:
                self.close()

    def part(self, element: etree._Element, label: str) -> str | None:
        """The letter of a lettered part, as :func:`resparse.from_akn` reads one.

        "A." (in the num, or opening the heading: "ألف - ...") right after the paragraph's
        colon, or the letter after a last point in capitals: the UN's files end the list
        at a part's table, or make the parts headings.
        """
        local = _profile(self.language)
        match = _PART_RE.fullmatch(label) if label else None
        heading = element.find(_A + "heading")
        if match is None and heading is not None:
            match = local.lettered_part_re.match(_plain(heading).strip())
        if match is None:
            return None
        letter, alphabet = match["label"], local.alphabet
        if first_label(letter, alphabet):
            return letter if self.colon and not self.points else None
        last = self.points[-1] if self.points else None
        if last is None or label_style(last, None, alphabet) != "upper":
            return None
        return letter if follows(last, letter, "upper", alphabet) else None

    def cross_heading(self, element: etree._Element) -> None:
        self.close()
        if element.get("refersTo") == "#preamble":
            self.clauses.append(_lead_of(element, self.emphasis))

    def paragraph(self, element: etree._Element) -> None:
        children = [c for c in element if isinstance(c.tag, str)]
        crosses = [c for c in children if _local(c) == "crossHeading"]
        if crosses and all(_local(c) in {"crossHeading", "num", "heading"} for c in children):
            for cross in crosses:
                self.cross_heading(cross)
            return
        label = _label_of(element)
        text = _plain(element)
        numbered = _NUMBERED_RE.fullmatch(label)
        typed = None if label else _TYPED_RE.match(text + " ")
        if numbered is not None or typed is not None:
            num = numbered["n"].replace("l", "1") if numbered else typed["n"] if typed else ""
            first = _first_block(element)
            lead = _lead_of(first, self.emphasis, typed_number=typed is not None)
            colon = first is not None and _plain(first).rstrip().endswith((":", "："))
            self.open(num, lead, _point_labels(element), colon=colon)
            return
        if self.num is None:
            return
        sub = _SUB_RE.fullmatch(label) if label else _TEXT_SUB_RE.match(text + " ")
        found = sub["label"] if sub is not None else self.part(element, label)
        if found is not None:
            self.points.append(found)
            self.points.extend(_point_labels(element))
        elif _heading_only(element, label):
            self.close()
        else:
            self.points.extend(_point_labels(element))


def _statements(root: etree._Element) -> Iterator[etree._Element]:
    """The top statement (or collection) and, for a resolution in parts, each part's."""
    for child in root:
        if _local(child) == "components":
            for component in child:
                yield from (s for s in component if isinstance(s.tag, str))
        elif isinstance(child.tag, str):
            yield child


def outline(xml: bytes | str | os.PathLike[str]) -> AknOutline:
    """The structure of an Akoma Ntoso resolution: clause leads and numbered paragraphs.

    ``xml`` is XML (``bytes``, or a ``str`` starting with ``<``) or a path. The UN's quirks
    are read as :func:`resparse.from_akn` reads them: paragraphs numbered ``(a)`` after an
    operative paragraph are its points, as is a paragraph ``B.`` after its last point
    ``A.``, and a number typed into the text is its number.
    """
    from lxml import etree  # noqa: PLC0415 - lxml loads only when AKN is read

    if isinstance(xml, bytes):
        data = xml
    elif isinstance(xml, str) and xml.lstrip().startswith("<"):
        data = xml.encode("utf-8")
    else:
        data = pathlib.Path(os.fspath(xml)).read_bytes()
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    root = etree.fromstring(data, parser=parser)
    found = next(root.iter(_A + "FRBRlanguage"), None)
    code = (found.get("language") or "eng") if found is not None else "eng"
    language = next((short for short, long in _LANGUAGES.items() if long == code), code)
    builder = _OutlineBuilder(_lead_class(language), language)
    for statement in _statements(root):
        for block in statement:
            if _local(block) == "preamble":
                builder.preamble(block)
            elif _local(block) == "mainBody":
                builder.body(block)
                builder.close()
    return AknOutline(tuple(builder.clauses), tuple(builder.paragraphs))


def first_difference(expected: AknOutline, actual: AknOutline) -> str | None:
    """Where two outlines first part, in words (``None`` when they agree)."""
    for i, (want, got) in enumerate(zip(expected.clauses, actual.clauses, strict=False), start=1):
        if want != got:
            return f"preambular clause {i}: lead {want!r} expected, {got!r} found"
    if len(expected.clauses) != len(actual.clauses):
        return f"{len(expected.clauses)} preambular clauses expected, {len(actual.clauses)} found"
    pairs = zip(expected.paragraphs, actual.paragraphs, strict=False)
    for i, (want_p, got_p) in enumerate(pairs, start=1):
        if want_p.num != got_p.num:
            return f"numbered paragraph {i}: {want_p.num!r} expected, {got_p.num!r} found"
        if want_p.lead != got_p.lead:
            return f"paragraph {want_p.num}: lead {want_p.lead!r} expected, {got_p.lead!r} found"
        if want_p.points != got_p.points:
            return f"paragraph {want_p.num}: {_points_difference(want_p.points, got_p.points)}"
    if len(expected.paragraphs) != len(actual.paragraphs):
        return (
            f"{len(expected.paragraphs)} numbered paragraphs expected, "
            f"{len(actual.paragraphs)} found"
        )
    return None


def _points_difference(want: tuple[str, ...], got: tuple[str, ...]) -> str:
    """The first sub-paragraph label that differs, and the counts."""
    pairs = enumerate(zip(want, got, strict=False))
    at = next((i for i, (a, b) in pairs if a != b), min(len(want), len(got)))
    expected = f"({want[at]})" if at < len(want) else "nothing"
    found = f"({got[at]})" if at < len(got) else "nothing"
    return (
        f"sub-paragraph {at + 1} is {expected} in the expected file, {found} here "
        f"({len(want)} sub-paragraphs expected, {len(got)} found)"
    )


def _failed_step(vote: VoteRecord) -> tuple[str, str] | None:
    """The workflow step of a draft that failed, worded as the UN's files word it."""
    if vote.outcome == "not_adopted":
        return "notAdopted", "The draft resolution was not adopted"
    if vote.outcome != "vetoed":
        return None
    by = "The draft resolution was not adopted due to the negative vote of "
    names = list(vote.vetoed_by)
    if len(names) > 1:
        by += f"{len(names)} permanent members of the Security Council"
    else:
        by += "a permanent member of the Security Council"
    if names:
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        by += f" ({listed})"
    return "veto", by
