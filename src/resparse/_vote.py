"""Vote statements -> method, counts and the lists of States, checked against each other.

Handles the Human Rights Council's bracketed annex ("[Adopted by a recorded vote of 26 to
15, with 6 abstentions. The voting was as follows: In favour: ... Against: ...
Abstaining: ...]"), "without a vote", "by consensus", the Security Council's adoption lines
of every era ("Adopted unanimously at the 1382nd meeting", "Adopted at the 2963rd meeting by
12 votes to 2 (Cuba and Yemen), with 1 abstention (China)") and failed drafts.
"""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING

import attrs
import regex

from resparse import _dates, _lexicon
from resparse._text import clean
from resparse.model import Diagnostic, Span

if TYPE_CHECKING:
    from collections.abc import Callable

_V = regex.VERBOSE | regex.VERSION1 | regex.IGNORECASE
_NUMBER_WORDS = dict(_lexicon.NUMBER_WORDS)
_NUM = r"(?:\d{1,3}|" + "|".join(w for w, _ in _lexicon.NUMBER_WORDS) + r")"

_COUNTS_RE = regex.compile(
    rf"""
    (?:by\s+(?:a\s+)?(?:recorded\s+|roll-call\s+|non-recorded\s+)?(?:vote\s+of\s+)?)
    (?P<yes>{_NUM})\s+(?:votes?\s+)?(?:to|against)\s+(?P<no>{_NUM})(?:\s+votes?)?
    (?:\s*\((?P<nolist>[^()]{{0,2000}}(?:\([^()]{{0,200}}\)[^()]{{0,2000}}){{0,20}})\))?
    (?:
        ,?\s+(?:with|and)\s+(?P<abs>{_NUM})\s+abstentions?
        (?:\s*\((?P<abslist>[^()]{{0,2000}}(?:\([^()]{{0,200}}\)[^()]{{0,2000}}){{0,20}})\))?
    )?
    """,
    _V,
)
_RECORDED_RE = regex.compile(r"recorded\s+vote|roll-call", _V)
_WITHOUT_VOTE_RE = regex.compile(r"without\s+(?:a\s+)?vote", _V)
_CONSENSUS_RE = regex.compile(r"by\s+consensus", _V)
_UNANIMOUS_RE = regex.compile(r"unanimously|by\s+acclamation", _V)
_FAILED_RE = regex.compile(
    r"not\s+adopted|failed\s+(?:of\s+adoption|to\s+(?:be\s+)?adopt)|rejected|negative\s+vote\s+of\s+a\s+permanent",
    _V,
)
_MEETING_RE = regex.compile(
    r"(?:at\s+(?:the|its)\s+)?(?P<meeting>\d{1,5}\s?(?:st|nd|rd|th|d)\s+(?:\(resumed\)\s+)?(?:plenary\s+)?meeting)",
    _V,
)
# The OCR of the printed volumes writes "298Ist" and "l382nd"; read the digits through it.
_OCR_MEETING_RE = regex.compile(r"(?P<digits>[\dIl]{3,5})\s?(?P<suffix>st|nd|rd|th|d)\s+meeting", _V)
_LIST_LABEL_RE = regex.compile(
    r"(?P<label>In\s+favou?r|Against|Abstaining|Abstentions|Absent|Not\s+voting)\s*:",
    regex.VERSION1 | regex.IGNORECASE,
)
_LIST_SPLIT_RE = regex.compile(r",(?![^()]*\))")
_AND_RE = regex.compile(r"\s+and\s+")
_TRAIL_RE = regex.compile(r"[\s.;:\]\[*\d]+$")


@attrs.define
class VoteFields:
    """What a vote statement says, before it becomes a VoteRecord."""

    method: str | None = None
    in_favour: int | None = None
    against: int | None = None
    abstaining: int | None = None
    in_favour_states: tuple[str, ...] = ()
    against_states: tuple[str, ...] = ()
    abstaining_states: tuple[str, ...] = ()
    meeting: str | None = None
    date: _dt.date | None = None
    diagnostics: list[Diagnostic] = attrs.field(factory=list)


def _number(word: str | None) -> int | None:
    if word is None:
        return None
    word = word.casefold()
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word)


def read_vote(text: str, offset: int, is_state: Callable[[str], bool]) -> VoteFields:
    """Read a vote statement; ``offset`` places ``text`` in the source for diagnostics."""
    fields = VoteFields()
    whole = Span(offset, offset + len(text))
    flat = " ".join(text.split())
    counts = _COUNTS_RE.search(text)
    if _FAILED_RE.search(flat):
        fields.method = "rejected"
    elif _WITHOUT_VOTE_RE.search(flat):
        fields.method = "without_vote"
    elif _CONSENSUS_RE.search(flat):
        fields.method = "consensus"
    elif _UNANIMOUS_RE.search(flat):
        fields.method = "unanimous"
    elif counts is not None:
        fields.method = "recorded" if _RECORDED_RE.search(flat) or _LIST_LABEL_RE.search(text) else "non_recorded"
    if counts is not None:
        fields.in_favour = _number(counts["yes"])
        fields.against = _number(counts["no"])
        fields.abstaining = _number(counts["abs"]) if counts["abs"] is not None else 0
        if counts["nolist"]:
            fields.against_states = split_states(counts["nolist"], is_state)
        if counts["abslist"]:
            fields.abstaining_states = split_states(counts["abslist"], is_state)
    _read_lists(text, fields, is_state)
    meeting = _MEETING_RE.search(flat)
    if meeting is not None:
        fields.meeting = meeting["meeting"]
    else:
        ocr = _OCR_MEETING_RE.search(flat)
        if ocr is not None:
            digits = ocr["digits"].replace("I", "1").replace("l", "1")
            fields.meeting = f"{digits}{ocr['suffix']} meeting"
            fields.diagnostics.append(
                Diagnostic("ocr.meeting_repaired", f"read {ocr[0]!r} as {fields.meeting!r}", "info", whole)
            )
    found, _, repaired = _dates.find_date(flat)
    fields.date = found
    if repaired:
        fields.diagnostics.append(Diagnostic("ocr.date_repaired", "read a date despite a misspelt month", "info", whole))
    check_counts(fields, whole)
    return fields


def _read_lists(text: str, fields: VoteFields, is_state: Callable[[str], bool]) -> None:
    labels = list(_LIST_LABEL_RE.finditer(text))
    for i, label in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        body = text[label.end() : end]
        closing = body.find("]")
        if closing != -1:
            body = body[:closing]
        names = split_states(body, is_state)
        kind = label["label"].casefold().replace(" ", "")
        if kind.startswith("infavo"):
            fields.in_favour_states = names
        elif kind == "against":
            fields.against_states = names
        elif kind in {"abstaining", "abstentions"}:
            fields.abstaining_states = names


def split_states(text: str, is_state: Callable[[str], bool]) -> tuple[str, ...]:
    """Split "A, B (C of), D and E" into names; an "and" inside a State's name is kept."""
    items = [clean(part) for part in _LIST_SPLIT_RE.split(" ".join(text.split()))]
    names: list[str] = []
    for item in items:
        item = _TRAIL_RE.sub("", item).strip()
        item = item.removeprefix("and ").strip()
        if not item:
            continue
        names.extend(_split_and(item, is_state))
    return tuple(names)


def _split_and(item: str, is_state: Callable[[str], bool]) -> list[str]:
    """Cut "Ukraine and United Kingdom of Great Britain and Northern Ireland" at the right "and"."""
    if " and " not in item or is_state(item):
        return [item]
    cuts = list(_AND_RE.finditer(item))
    for cut in cuts:
        left, right = item[: cut.start()], item[cut.end() :]
        if is_state(left) and (is_state(right) or " and " in right):
            return [left, *_split_and(right, is_state)]
    for cut in cuts:
        left, right = item[: cut.start()], item[cut.end() :]
        if is_state(right):
            return [left, right]
    first = cuts[0]
    return [item[: first.start()], *_split_and(item[first.end() :], is_state)]


def check_counts(fields: VoteFields, span: Span) -> None:
    """A count that disagrees with its list is reported, never silently corrected."""
    for label, count, names in (
        ("in favour", fields.in_favour, fields.in_favour_states),
        ("against", fields.against, fields.against_states),
        ("abstaining", fields.abstaining, fields.abstaining_states),
    ):
        if count is not None and names and count != len(names):
            fields.diagnostics.append(
                Diagnostic(
                    "vote.count_mismatch",
                    f"{label}: the count is {count} but {len(names)} States are listed",
                    "warning",
                    span,
                )
            )
