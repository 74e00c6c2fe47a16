"""Akoma Ntoso out: the UN's vocabulary, the adopting organ, a resolution cut into statements."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from typing import TYPE_CHECKING

import attrs
import regex

from resparse._patterns import more_lead_joint

if TYPE_CHECKING:
    from lxml import etree

    from resparse._language import Profile
    from resparse.model import (
        Annex,
        Header,
        Heading,
        OperativeParagraph,
        PreambularClause,
        Resolution,
        Unclassified,
        VoteRecord,
    )


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
# what may stand before a lead: spaces and the direction marks Word leaves
_BEFORE_LEAD = " \t\xa0\u202f\u200e\u200f\ufeff"


@functools.lru_cache(maxsize=256)
def _more_lead_re(phrase: str, words: tuple[str, ...] | None) -> regex.Pattern[str]:
    """A further lead where it stands: after a comma or semicolon and perhaps "and".

    ``words`` are the language's ``more_lead_conjunctions``, as the reader takes them.
    """
    return regex.compile(rf"(?<={more_lead_joint(words)})" + regex.escape(phrase) + r"(?!\w)")


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
    from resparse._language import profile_or_english  # noqa: PLC0415 - profiles load on demand

    return profile_or_english(language)


def _agenda_line(text: str, language: str) -> bool:
    """Whether a line is an agenda line as the language prints it ("Agenda item 55").

    The profile's ``agenda`` header field reads it, as the parser did; a language without
    one (or without a profile: English's) takes none.
    """
    pattern = dict(_profile(language).header_fields).get("agenda")
    return pattern is not None and pattern.match(text) is not None


def _lead_class(language: str) -> str:
    """How the UN's markup marks a lead in this language: italic, or bold (Chinese)."""
    from resparse._language import has_profile, profile  # noqa: PLC0415 - profiles load on demand

    return profile(language).lead_emphasis if has_profile(language) else "italic"


def _local(element: etree._Element) -> str:
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _squash(text: str) -> str:
    return _SPACES_RE.sub(" ", text).strip()


def _printed_label(label: str) -> str:
    """A sub-paragraph label as printed: ``a`` -> ``(a)``; ``1.1`` stays as it is."""
    return f"({label})" if _PLAIN_LABEL_RE.fullmatch(label) else label


def _written_date(date: dt.date, language: str, *, issued: bool = False) -> str:
    """A date as the language's texts print it, for a line whose printed text is not kept.

    From the profile's months and ``[date_display]`` ("7 de diciembre de 2023"); English
    for a language without a profile.
    """
    return _profile(language).written_date(date, issued=issued)


def _find_printed_date(text: str, date: dt.date, language: str) -> tuple[int, int] | None:
    """Where ``date`` is printed in ``text``: as the language writes it, else loosely.

    The language's own shape finds "2023年12月7日" and "7 декабря 2022 года" whole; the
    loose one is day, month word, year ("7 de diciembre de 2023").
    """
    written = rf"(?<!\d){regex.escape(_written_date(date, language))}(?!\d)"
    found = regex.search(written, text) or regex.search(
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


def _body_of(header: Header, language: str) -> _Body:
    """The organ named by the header, else the one the symbol's prefix belongs to.

    The header prints the organ in the document's language ("Assemblée générale"); the
    profile's ``[bodies]`` give its English name, which the UN's vocabulary uses.
    """
    english = _profile(language).canonical_body(header.body) or header.body
    for name, _, actor, ref, ontology in _BODIES:
        if english == name:
            return _Body(name, actor, ref, ontology)
    for name, prefix, actor, ref, ontology in _BODIES:
        if english is None and (header.symbol or "").startswith(prefix):
            return _Body(name, actor, ref, ontology)
    name = english or "United Nations"
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
