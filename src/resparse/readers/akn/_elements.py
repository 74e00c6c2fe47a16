"""The pieces the Akoma Ntoso reader shares: patterns, element helpers, records.

The records are what the renderer keeps of each clause, paragraph, point, note and vote
it writes; the model is built from them (``_model``).
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

import attrs
import regex

from resparse import _akn_header, _dates
from resparse._language import has_profile, profile, profile_or_english
from resparse._patterns import alternation, more_lead_joint
from resparse.readers.akn._layout import _SPACES_RE, _Block, _Layout, _Tag

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml import etree

    from resparse.model import (
        Span,
    )


_SEPARATOR = "__________________"
# "1." and the Arabic "1 -" or "1 –"
_OPERATIVE_NUM_RE = regex.compile(r"(?P<n>\d{1,4})(?:\.|\s?[-–])")
_REPAIRED_NUM_RE = regex.compile(r"(?P<n>[l\d]{1,4})\.")
_SUB_NUM_RE = regex.compile(
    r"\(?(?P<label>[a-z]{1,5}|[A-Z]|\d{1,3}|[\p{Arabic}\p{Cyrillic}\u0640]{1,3})\)"
    r"|(?P<label>\d{1,3}\.\d{1,3})\.?"
)


_HEADING_NUM_RE = regex.compile(r"[A-Z]\.|[IVXLC]{1,7}\.?")
_ROMAN_RE = regex.compile(r"[ivxl]{1,6}")
_TEXT_LABEL_RE = regex.compile(
    r"(?P<printed>\((?P<label>[a-z]{1,5}|\d{1,3})\))[\u200e\u200f]*(?=\s)\s*"
)


_TEXT_NUMBER_RE = regex.compile(
    r"(?P<printed>(?P<n>\d{1,3})(?:\.|\s?[-–]))[\u200e\u200f]*(?=\s)\s*"
)


# the same number at the start of the first text piece, which may end right after it
# ("\t2 –" before the lead's own span)
# "18\tAppropriates": a paragraph number typed without its period in a paragraph that has
# no <num>; read as the number only where it is the next one (see _Renderer.numbered)
_TEXT_BARE_NUMBER_RE = regex.compile(r"(?P<printed>(?P<n>\d{1,3}))[\u200e\u200f]*(?=\s)\s*(?=\S)")
_TEXT_BARE_NUMBER_STRIP_RE = regex.compile(r"(?P<n>\d{1,3})[\u200e\u200f]*(?=\s|$)\s*")


_TEXT_NUMBER_STRIP_RE = regex.compile(
    r"(?P<printed>(?P<n>\d{1,3})(?:\.|\s?[-–]))[\u200e\u200f]*(?=\s|$)\s*"
)


_LISTS = frozenset({"list", "blockList", "sublist"})
_PART_RE = regex.compile(r"[A-Z]\d?")


@functools.cache
def _annex_re(words: tuple[str, ...]) -> regex.Pattern[str]:
    """An annex's first line: "Annex II", "Annex - Terms of reference" (``annex_words``)."""
    named = alternation(words) or "(?!)"
    return regex.compile(
        rf"(?P<label>(?:{named})(?:\s+(?:[IVXLC]{{1,6}}|\d{{1,3}}|[A-Z]))?)"
        r"(?:\s*[\u2013\u2014:-]\s*(?P<title>\S.*))?",
        regex.IGNORECASE,
    )


def _annex_heading_re(language: str) -> regex.Pattern[str]:
    """The annex line in the document's language ("Annexe I"; English without a profile)."""
    return _annex_re(profile_or_english(language).annex_words)


@functools.cache
def _more_lead_before_re(words: tuple[str, ...] | None) -> regex.Pattern[str]:
    """What stands before a further lead: a comma or semicolon, and maybe one of ``words``."""
    return regex.compile(rf"{more_lead_joint(words)}$")


def _more_lead_before(language: str) -> regex.Pattern[str]:
    """The same in the document's language: its ``more_lead_conjunctions`` ("and", "et")."""
    return _more_lead_before_re(profile_or_english(language).more_lead_conjunctions)


def _agenda_number(text: str, language: str) -> str:
    """The numbers an agenda line names ("Agenda items 13 and 75" -> "13 and 75").

    Read by the language's ``agenda`` header field ("Point 55 de l’ordre du jour"), as a
    parsed text's are; the whole line where the field does not match it.
    """
    pattern = dict(profile_or_english(language).header_fields).get("agenda")
    match = pattern.match(text) if pattern is not None else None
    value = match.groupdict().get("value") if match is not None else None
    return value or text


_FORMAT_RE = regex.compile(r"[\u200b-\u200f\u2060\ufeff]")
_STRIPPABLE = " \t\r\n\u200e\u200f\ufeff"
_LEAD_SKIP = frozenset(" \t\xa0\u202f\u200e\u200f\ufeff")
_LEAD_TRIM_RE = regex.compile(r"[\s,;:.،؛，；：。\u200e\u200f]+$")
_SC_NUMBER_RE = regex.compile(r"(?P<value>\d{1,4}\s?\(\d{4}\))")
_LANGUAGES = {
    "eng": "en",
    "fre": "fr",
    "fra": "fr",
    "spa": "es",
    "rus": "ru",
    "ara": "ar",
    "chi": "zh",
    "zho": "zh",
}


@attrs.define(eq=False)
class _Sub:
    label: str
    start: int
    end: int
    pieces: list[Span] = attrs.field(factory=list)
    children: list[_Sub] = attrs.field(factory=list)
    # a lettered part of what its paragraph sets out ("A. Pension Administration"),
    # whose table follows it
    part: bool = False

    def last_end(self) -> int:
        return max([self.end, *(child.last_end() for child in self.children)])


@attrs.define(eq=False)
class _PrefaceLine:
    """A line of the preface being built: number and title, or a part's letter."""

    block: _Block = attrs.field(factory=_Block)
    number: _Tag | None = None
    title: _Tag | None = None
    letter: bool = False
    sponsors: bool = False  # the title is a draft's sponsors line (docTitle refersTo="sponsors")


@attrs.define(eq=False)
class _PendingSub:
    """A sub-paragraph whose first line is built but not yet written."""

    label: str
    whole: _Tag
    content: _Tag
    rest: list[etree._Element]
    part: bool = False


@attrs.define(eq=False)
class _Para:
    number: int | None
    part: str | None
    start: int
    end: int
    content_start: int
    pieces: list[Span] = attrs.field(factory=list)
    subs: list[_Sub] = attrs.field(factory=list)
    section: str | None = None


@attrs.define(eq=False)
class _Clause:
    part: str | None
    start: int
    end: int
    content_start: int
    pieces: list[Span] = attrs.field(factory=list)
    section: str | None = None


@attrs.define(eq=False)
class _Note:
    marker: str
    anchor: _Tag
    layout: _Layout  # the note's line, laid out, written after the text
    body: _Tag
    span: Span | None = None


@attrs.define(eq=False)
class _VoteSource:
    """Where a statement's vote is printed and what its meta says."""

    part: str | None
    span: Span
    meeting: str | None
    date: dt.date | None
    meta: etree._Element | None
    inherited: bool = False


@attrs.define(eq=False)
class _AnnexLine:
    span: Span
    heading: bool


@attrs.define(eq=False)
class _State:
    """What the walk has read so far, and where it stands (the part, the open paragraph)."""

    # header
    fields: list[tuple[str, object, Span]] = attrs.field(factory=list)
    agenda: list[tuple[str, Span]] = attrs.field(factory=list)
    agenda_titles: list[tuple[str, Span]] = attrs.field(factory=list)
    sc_adoption: tuple[str | None, dt.date | None, Span] | None = None
    own_header: _akn_header.Kept | None = None
    # body
    part: str | None = None
    clauses: list[_Clause] = attrs.field(factory=list)
    paras: list[_Para] = attrs.field(factory=list)
    para: _Para | None = None
    last_para: _Para | None = None
    headings: list[Span] = attrs.field(factory=list)
    unclassified: list[tuple[Span, str]] = attrs.field(factory=list)
    # the text resparse itself could not place, as an export kept it: span -> text
    kept_text: dict[Span, str] = attrs.field(factory=dict)
    annex_lines: list[list[_AnnexLine]] = attrs.field(factory=list)
    # per attachment, the label and title a resparse export kept (None in the UN's files)
    annex_kept: list[tuple[str, str | None] | None] = attrs.field(factory=list)
    in_annex: bool = False
    votes: list[_VoteSource] = attrs.field(factory=list)
    item_part: str | None = None  # the part of the paragraph being read
    section: str | None = None  # resparse's own mark on the paragraph being read
    letter_seen: bool = False  # a part's letter line: the preface lines after it are headings
    formula_seen: bool = False

    def part_of(self, element: etree._Element) -> str | None:
        """The part of what ``element`` holds: the statement's, unless resparse marked another."""
        marked = element.get(_akn_header.PART)
        return self.part if marked is None else marked or None


def _local(element: etree._Element) -> str:
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _children(element: etree._Element) -> Iterator[etree._Element]:
    return (child for child in element if isinstance(child.tag, str))


def _child(element: etree._Element, name: str) -> etree._Element | None:
    return next((c for c in _children(element) if _local(c) == name), None)


def _heading_like(text: str) -> bool:
    """Short, and not ending like a sentence or a clause."""
    stripped = " ".join(text.split())
    return bool(stripped) and len(stripped.split()) <= 16 and stripped[-1] not in ".;:,،؛，；：。"


def _plain(element: etree._Element) -> str:
    """An element's text with whitespace collapsed (for attributes-like content: nums)."""
    return _SPACES_RE.sub(" ", "".join(element.itertext())).strip()


def _previous_cell(cell: etree._Element) -> bool:
    previous = cell.getprevious()
    while previous is not None and not isinstance(previous.tag, str):
        previous = previous.getprevious()
    return previous is not None and _local(previous) in {"td", "th"}


def _label(num: etree._Element | None) -> str:
    """A printed number or label, without the direction marks Word leaves in some."""
    return _FORMAT_RE.sub("", _plain(num)).strip() if num is not None else ""


def _classes(element: etree._Element) -> list[str]:
    return (element.get("class") or "").split()


def _find_date(text: str, language: str) -> dt.date | None:
    """A date printed in the document's language (English where resparse has no profile)."""
    return _dates.find_date(text, language=language if has_profile(language) else "en")[0]


def _lead_emphasis(language: str) -> str:
    """The class the language's markup gives its leads ("italic"; "bold" in Chinese)."""
    return profile(language).lead_emphasis if has_profile(language) else "italic"


def _iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        found = dt.date.fromisoformat(value.strip())
    except ValueError:
        return None
    return found if found.year > 1 else None


def _paragraph_parts(
    element: etree._Element,
) -> tuple[str, list[etree._Element], list[etree._Element]]:
    """A paragraph's printed number, its other children, and its headings."""
    num = _child(element, "num")
    inner = _child(element, "p")
    if num is None and inner is not None:
        num = _child(inner, "num")  # <p><num>XIII</num></p>
    label = _label(num)
    body = [c for c in _children(element) if _local(c) not in {"num", "heading", "subheading"}]
    if num is not None and inner is not None and _plain(inner) == label:
        body.remove(inner)
    headings = [c for c in _children(element) if _local(c) in {"heading", "subheading"}]
    return label, body, headings


def _strip_text_label(block: _Block, start: int, pattern: regex.Pattern[str]) -> None:
    """Drop a label typed at the start of the text ("(a) The ...") from the first text piece."""
    for index in range(start, len(block.pieces)):
        piece = block.pieces[index]
        if isinstance(piece, str) and piece.strip():
            block.pieces[index] = pattern.sub("", piece.lstrip(_STRIPPABLE), count=1)
            return


def _attach(subs: list[_Sub], sub: _Sub) -> None:
    """Add a sub-paragraph from outside a list; ``(i)`` after ``(a)`` nests under it."""
    if subs and _ROMAN_RE.fullmatch(sub.label) and not _ROMAN_RE.fullmatch(subs[0].label or "x"):
        last = subs[-1]
        successor = (
            len(last.label) == 1 and last.label.isalpha() and chr(ord(last.label) + 1) == sub.label
        )
        if not successor:
            last.children.append(sub)
            last.end = last.last_end()
            return
    subs.append(sub)


def _is_part_letter(number: etree._Element) -> bool:
    """A ``docNumber`` that gives the letter of a part ("A", "B1"), not a resolution number."""
    return number.get("refersTo") == "#letter" or bool(_PART_RE.fullmatch(_plain(number)))


def _blocks(element: etree._Element) -> list[etree._Element]:
    """The elements of a container that each make one line: ``p``, table rows, or itself."""
    name = _local(element)
    if name in {"p", "heading", "subheading", "num", "listIntroduction", "crossHeading"}:
        return [element]
    if name == "tr":
        return [element]
    found: list[etree._Element] = []
    for child in _children(element):
        if _local(child) in {"tr", "p", "heading", "subheading", "num"}:
            found.append(child)
        else:
            found.extend(_blocks(child))
    if not found and "".join(element.itertext()).strip():
        return [element]
    return found


def _bracketed_note(children: list[etree._Element], index: int) -> bool:
    """``<sup>(</sup>``, a note and ``<sup>)</sup>``, with nothing between them."""
    if index + 2 >= len(children):
        return False
    opening, note, closing = children[index : index + 3]
    return (
        _local(note) == "authorialNote"
        and _local(opening) == "sup"
        and _local(closing) == "sup"
        and (opening.text or "").strip() == "("
        and (closing.text or "").strip() == ")"
        and len(opening) == 0
        and len(closing) == 0
        and not (opening.tail or "").strip()
        and not (note.tail or "").strip()
    )


def _all_bold(body: list[etree._Element]) -> bool:
    """Whether every word of these elements is set in bold (a heading printed as text)."""
    texts: list[tuple[str, bool]] = []

    def walk(element: etree._Element, *, bold: bool) -> None:
        bold = bold or "bold" in _classes(element) or _local(element) == "b"
        if element.text:
            texts.append((element.text, bold))
        for child in _children(element):
            if _local(child) == "authorialNote":
                continue
            walk(child, bold=bold)
        texts.extend((child.tail, bold) for child in element if child.tail)

    for element in body:
        walk(element, bold=False)
    words = [(text, bold) for text, bold in texts if text.strip()]
    return bool(words) and all(bold for _, bold in words)


def _is_heading(element: etree._Element, label: str, body: list[etree._Element]) -> bool:
    if label and _HEADING_NUM_RE.fullmatch(label):
        return True
    if _all_bold(body):
        return True
    return (element.get("class") or "").startswith("H") and not label and len(_plain(element)) < 200


_PART_NUM_RE = regex.compile(r"(?P<label>[A-Z])\.")


def _sub_label(printed: str) -> str:
    label = printed.strip().strip("()’‘").rstrip(".").strip()
    return label or printed


def _session_number(value: str | None, title: str, language: str) -> int | None:
    """The session's number: the markup's value, else the title's ordinal in its language.

    The ordinal is the one the language's ``session_title`` header field reads ("Семьдесят
    седьмая" in "Семьдесят седьмая сессия"), else the first word that is one.
    """
    if value and value.strip().isdigit():
        return int(value.strip())
    local = profile_or_english(language)
    field = dict(local.header_fields).get("session_title")
    match = field.search(title) if field is not None else None
    ordinal = match.groupdict().get("ordinal") if match is not None else None
    if ordinal:
        return _dates.ordinal_value(ordinal, local.code)
    for word in title.split():
        number = _dates.ordinal_value(word, local.code)
        if number is not None:
            return number
    return None


def _voting(meta: etree._Element) -> etree._Element | None:
    return next((e for e in meta.iter() if _local(e) == "voting"), None)


def _own_text(element: etree._Element) -> str:
    """An element's text as written, without the footnotes it holds (those are notes)."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and _local(child) != "authorialNote":
            parts.append(_own_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
