"""Vote statements -> method, counts and the lists of States, checked against each other.

Reads the Human Rights Council's bracketed annex ("[Adopted by a recorded vote of 26 to 15,
with 6 abstentions. The voting was as follows: In favour: ... Against: ... Abstaining:
...]"), "without a vote" and "by consensus", the Security Council's adoption lines of every
era ("Adopted unanimously at the 1382nd meeting", "Adopted at the 2963rd meeting by 12 votes
to 2 (Cuba and Yemen), with 1 abstention (China)", "Adopted 13-0-2"), members that took no
part, failed drafts and vetoes, and separate votes on paragraphs.

Nothing is corrected silently. A count that disagrees with its list, a State named twice, a
name that is not a State and a total above the body's membership each become a diagnostic
with the span of the vote, and the names stay as the text prints them.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

import attrs
import regex

from resparse import _dates, _lexicon
from resparse._deadline import check_deadline, checked
from resparse._text import clean
from resparse.model import Diagnostic, Span
from resparse.states import ga_membership, name_key, resolve_state

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

_V = regex.VERBOSE | regex.VERSION1 | regex.IGNORECASE
_VC = regex.VERBOSE | regex.VERSION1  # case matters: sentence starts, capitalised names


def _alternation(words: Iterable[str]) -> str:
    """Longest first, so that "none" is tried before "no"."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_NUMBER_WORDS = dict(_lexicon.NUMBER_WORDS)
# A count: up to three digits, OCR may have printed 1 as l or I and 0 as O ("l2", "1O");
# at least one real digit is required so that a word is never read as a number.
_NUM = rf"(?:(?=[lIO]{{0,2}}\d)[\dlIO]{{1,3}}\b|(?:{_alternation(_NUMBER_WORDS)})\b)"
# The States inside one pair of parentheses, which may hold one level of their own
# ("Venezuela (Bolivarian Republic of)"); the two character classes never overlap, so
# the pattern cannot backtrack.
_LIST = r"[^()]{0,2000}(?:\([^()]{0,200}\)[^()]{0,2000}){0,20}"

# "by a recorded vote of 26 to 15, with 6 abstentions", "by 12 votes to 2 (Cuba and Yemen),
# with 1 abstention (China)", "by 13 votes to none", "Adopted 13-0-2".
COUNTS_RE = regex.compile(
    rf"""
    (?:
        \bby\s+(?:an?\s+)?                                       # "by", "by a"
        (?:(?:non[-\s]?recorded|recorded|roll[-\s]?call)\s+)?    # the kind of vote
        (?:vote\s+of\s+)?                                        # "vote of"
      | \badopted\s+(?=[\dlIO]{{1,3}}\s?[-–])                    # the short form "Adopted 13-0-2"
    )
    (?P<yes>{_NUM})(?:\s+votes?)?(?:\s+in\s+favou?r)?            # 26, 12 votes, 150 in favour
    \s*,?\s*(?:to|against|[-–])\s*                               # to, -
    (?P<no>{_NUM})(?:\s+votes?)?(?:\s+against)?                  # 15, none, 7 against
    (?:\s*\((?P<nolist>{_LIST})\))?                              # (Cuba and Yemen)
    (?:
        \s*[,;]?\s*(?:with|and)\s+(?P<abs>{_NUM})\s+abstentions? # with 6 abstentions
      | \s?[-–]\s?(?P<abs>{_NUM})                                # -2 of the short form
    )?
    (?:\s*\((?P<abslist>{_LIST})\))?                             # (China)
    """,
    _V,
)
# The tally of a verbatim record or a failed draft: "13 in favour, 2 against (France,
# United Kingdom) and 0 abstentions", "received 13 votes in favour, none against and 2
# abstentions".
TALLY_RE = regex.compile(
    rf"""
    (?P<yes>{_NUM})\s+(?:votes?\s+)?in\s+favou?r                 # 13 (votes) in favour
    \s*,?\s*(?:to\s+)?(?P<no>{_NUM})\s+(?:votes?\s+)?against     # , 2 against
    (?:\s*\((?P<nolist>{_LIST})\))?                              # (France, United Kingdom)
    (?:
        \s*,?\s*(?:(?:with|and)\s+)?(?P<abs>{_NUM})\s+abstentions?   # and 0 abstentions
        (?:\s*\((?P<abslist>{_LIST})\))?
    )?
    """,
    _V,
)
# Members that took no part: "One member (Yemen) did not participate in the vote", "one
# member (Union of Soviet Socialist Republics) was absent".
NOT_VOTING_RE = regex.compile(
    rf"""
    (?P<n>{_NUM})\s+(?:permanent\s+)?members?\s*                 # one member
    \((?P<names>{_LIST})\)\s*,?\s*                               # (Yemen)
    (?:
        (?P<absent>(?:was|were|being)\s+absent|absent)           # was absent
      | did\s+not\s+(?:participate|take\s+part|vote)             # did not participate
      | not\s+(?:participating|taking\s+part|voting)             # not participating
    )
    """,
    _V,
)
RECORDED_RE = regex.compile(
    r"""
    (?<!non[-\s])(?<!non)recorded\s+vote                         # not "non-recorded vote"
    | roll[-\s]?call
    | votaci[oó]n\s+registrada | vote\s+enregistr[ée]
    """,
    _V,
)
NON_RECORDED_RE = regex.compile(r"non[-\s]?recorded\s+vote", _V)
WITHOUT_VOTE_RE = regex.compile(
    r"""
    without\s+(?:a\s+)?vot(?:e|ing)\b                            # without (a) vote
    | sans\s+(?:vote|scrutin)\b                                  # adoptée sans vote
    | sin\s+votaci[oó]n\b                                        # aprobada sin votación
    """,
    _V,
)
CONSENSUS_RE = regex.compile(r"(?:by|par|por)\s+consens(?:us|o)\b", _V)
NON_UNANIMOUS_RE = regex.compile(r"non[-\s]?unanimously", _V)
UNANIMOUS_RE = regex.compile(
    r"""
    (?<![\w-])unanimously                                        # not "non-unanimously"
    | by\s+acclamation
    | à\s+l['’]unanimité | por\s+unanimidad
    """,
    _V,
)
FAILED_RE = regex.compile(
    r"""
    not\s+(?:been\s+)?adopted                                    # was not adopted
    | failed\s+(?:of\s+adoption|to\s+(?:be\s+adopted|obtain|receive))
    | \b(?:was|were|is)\s+rejected
    | \bvetoed\b
    | negative\s+votes?\s+of\s+(?:an?\s+|one\s+|two\s+|three\s+)?permanent\s+members?
    """,
    _V,
)
VETO_RE = regex.compile(
    r"negative\s+votes?\s+of\s+(?:an?\s+|one\s+|two\s+|three\s+)?permanent\s+members?|\bvet(?:o|oed)\b",
    _V,
)
# Old printed volumes: "The draft resolution was voted on in parts. No vote was taken on
# the text as a whole."
IN_PARTS_RE = regex.compile(
    r"""
    voted\s+on\s+(?:in\s+parts|paragraph\s+by\s+para-?\s?graph)
    | no\s+vote\s+was\s+taken\s+on\s+the\s+(?:text|draft(?:\s+resolution)?)\s+as\s+a\s+whole
    """,
    _V,
)
# A sentence about one part of the text: "Operative paragraph 7 was retained by a recorded
# vote of 110 to 39", "In a separate vote, the seventh preambular paragraph was retained".
SEPARATE_RE = regex.compile(
    r"""
    (?-f)          # simple case folding: full folding ("ß" = "ss", "ﬁ" = "fi") backtracks
                   # exponentially on runs of i, s and f
    ^\W{0,3}
    (?:
        (?:in\s+)?(?:an?\s+)?separate\s+(?:recorded\s+)?votes?\b     # In a separate vote
      | (?:the\s+)?(?:[\w-]{1,20}\s+){0,2}                            # the seventh preambular
        (?:sub-?paragraphs?|paragraphs?|amendments?|words|phrase)\b   # paragraph, the words
    )
    """,
    _V,
)
SEPARATE_OUTCOME_RE = regex.compile(
    r"\b(?:was|were)\s+(?P<outcome>not\s+retained|not\s+adopted|retained|adopted|deleted|rejected)\b",
    _V,
)
# Where one sentence of a statement ends and the next begins; a footnote marker may sit
# between them ("abstentions.* The voting was as follows").
SENTENCE_END_RE = regex.compile(r"(?<=[.;])[*\d]{0,3}\s+(?=[\[(]?\p{Lu})", _VC)
# A meeting, with the OCR slips of the printed volumes: "298Ist", "l382nd", "473rd_".
MEETING_RE = regex.compile(
    r"""
    (?<!\w)
    (?P<digits>(?=[Il]{0,4}\d)[\dIl]{1,5})                       # 1382, l382, 298I
    \s?(?P<suffix>st|nd|rd|th|d)(?P<slip>_)?                     # nd, rd_
    \s+(?P<tail>(?:\(\s?resumed\s?\)\s+)?(?:plenary\s+)?meeting)
    """,
    _V,
)
# A footnote marker left at the end of a statement: "Adopted at the 2nd meeting. 22".
TRAILING_MARKER_RE = regex.compile(
    r"(?:(?<=[\w.)\]])[ \t]{1,4}|(?<=[.)\]]))(?P<marker>\d{1,3})\Z", _VC
)
# The label that opens a list of States, in English, French and Spanish.
LIST_LABEL_RE = regex.compile(
    r"""
    (?<![\w-])
    (?P<label>
        In\s+favou?r | Votos\s+a\s+favor | A\s+favor | Pour
      | Against | En\s+contra | Contre
      | Abstaining | Abstentions? | Abstenciones
      | Absent | Ausentes? | Not\s+(?:voting|participating) | Did\s+not\s+(?:vote|participate)
    )
    [ \t\xa0\u202f]{0,3}[*\d]{0,2}[ \t\xa0\u202f]{0,3}:           # French puts a space before ":"
    """,
    _V,
)
_LABEL_KINDS: tuple[tuple[str, str], ...] = (
    ("infavour", "in_favour"),
    ("infavor", "in_favour"),
    ("votosafavor", "in_favour"),
    ("afavor", "in_favour"),
    ("pour", "in_favour"),
    ("against", "against"),
    ("encontra", "against"),
    ("contre", "against"),
    ("abstaining", "abstaining"),
    ("abstentions", "abstaining"),
    ("abstention", "abstaining"),
    ("abstenciones", "abstaining"),
)
# Where a list runs on into prose: "Abstaining: China. The draft resolution received ...".
LIST_END_RE = regex.compile(r"(?<=\p{Ll}\)?)\.\s+(?=\p{Lu}\p{Ll})|\]", _VC)
# What a list prints for an empty list.
_EMPTY_LIST = frozenset({"none", "nil", "aucun", "aucune", "néant", "ninguno", "-", "–", "—"})
# Page furniture that a page break leaves inside a long list: page numbers, job numbers,
# the symbol in the running head.
LIST_FURNITURE_RE = regex.compile(
    r"""
    ^[ \t\f]*(?:
        (?:Page\s+)?\d{1,3}(?:\s?/\s?\d{1,3})?                   # 2, 2/7, Page 2
      | (?:[A-Z]{2}\.)?\d{2}-\d{5}(?:\s?\([A-Z]\))?(?:\s+\d{1,6}){0,2}   # GE.21-04704, 21-04704 (E)
      | [A-Z]{1,2}/(?:[A-Z0-9.]{1,12}/){1,5}[A-Z0-9.]{1,12}(?:\s?\(\d{4}\))?    # A/HRC/RES/46/13
    )[ \t]*$
    """,
    _VC | regex.MULTILINE,
)
_AND_RE = regex.compile(r"\s+and\s+", _V)
_LINE_HYPHEN_RE = regex.compile(r"(?<=\p{L})-\s+(?=\p{L})")
_EDGE_CHARS = " \t\n\r\f\v.,;:[]*_0123456789\xa0\u202f"
# The permanent members by alpha-3 code (the Soviet Union's seat included), for the veto
# diagnostic.
_PERMANENT = frozenset({"CHN", "FRA", "GBR", "RUS", "SUN", "USA"})
# Seats of the Security Council: eleven until the enlargement took effect on 1 January 1966.
_SC_ENLARGED = dt.date(1966, 1, 1)
# The bodies whose membership is known, by the names their headers print.
_SECURITY_COUNCIL = ("security council", "conseil de sécurité", "consejo de seguridad")
_HUMAN_RIGHTS_COUNCIL = (
    "human rights council",
    "conseil des droits de l",
    "consejo de derechos humanos",
)
_GENERAL_ASSEMBLY = ("general assembly", "assemblée générale", "asamblea general")


@attrs.define
class SeparateVote:
    """A vote on one part of the text, printed beside the vote on the whole."""

    subject: str
    outcome: str | None = None
    in_favour: int | None = None
    against: int | None = None
    abstaining: int | None = None


@attrs.define
class VoteFields:
    """What a vote statement says, before it becomes a VoteRecord.

    ``not_participating`` and ``absent`` name members present but not voting and members
    away; ``separate`` holds votes on paragraphs; ``marker`` is a footnote marker that ends
    the statement (its note may carry the vote).
    """

    method: str | None = None
    in_favour: int | None = None
    against: int | None = None
    abstaining: int | None = None
    in_favour_states: tuple[str, ...] = ()
    against_states: tuple[str, ...] = ()
    abstaining_states: tuple[str, ...] = ()
    meeting: str | None = None
    date: dt.date | None = None
    not_participating: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    separate: list[SeparateVote] = attrs.field(factory=list)
    vetoed: bool = False
    vetoed_by: tuple[str, ...] = ()
    outcome: str | None = None
    in_parts: bool = False
    marker: str | None = None
    printed: set[str] = attrs.field(factory=set)
    diagnostics: list[Diagnostic] = attrs.field(factory=list)


def read_vote(  # noqa: PLR0913 - independent facts about one statement, all keyword-only
    text: str,
    offset: int,
    *,
    is_state: Callable[[str], bool],
    body: str | None = None,
    notes: Mapping[str, str] | None = None,
    language: str = "en",
) -> VoteFields:
    """Read a vote statement; ``offset`` places ``text`` in the source for diagnostics.

    ``body`` (the header's, e.g. "Security Council") sets the membership a total is
    checked against. ``notes`` maps footnote markers to their text: the printed volumes
    often put the vote, or who was absent, in the note on the adoption line.
    """
    fields = VoteFields()
    whole = Span(offset, offset + len(text))
    # every label ends with a colon: a statement without one is not scanned for labels
    labels = list(LIST_LABEL_RE.finditer(text)) if ":" in text else []
    head = text[: labels[0].start()] if labels else text
    flat = " ".join(head.split())
    marker = TRAILING_MARKER_RE.search(flat)
    statement = clean(flat)
    if marker is not None and not _ends_in_count(statement):
        fields.marker = marker["marker"]
        statement = clean(flat[: marker.start()])
    _read_statement(statement, fields, is_state, whole, lists=bool(labels))
    if labels:
        _read_lists(text, labels, fields, is_state)
    if fields.marker is not None:
        _read_note(fields, notes, is_state, whole)
    _read_meeting(flat, fields, whole)
    found, _, repaired = _dates.find_date(" ".join(text.split()), language=language)
    fields.date = found
    if repaired:
        fields.diagnostics.append(
            Diagnostic("ocr.date_repaired", "read a date despite a misspelt month", "info", whole)
        )
    check_counts(fields, whole)
    check_states(fields, whole, is_state)
    check_membership(fields, whole, body)
    read_outcome(fields, " ".join(text.split()), whole, is_state)
    _report_extras(fields, whole)
    return fields


def _ends_in_count(statement: str) -> bool:
    """Whether the number that ends a statement is its last count ("by 12 votes to 2")."""
    found = None
    for found in COUNTS_RE.finditer(statement):  # noqa: B007 - the last match is wanted
        pass
    return found is not None and found.end() == len(statement.rstrip(" ."))


def _read_statement(
    statement: str,
    fields: VoteFields,
    is_state: Callable[[str], bool],
    whole: Span,
    *,
    lists: bool = False,
) -> None:
    """The sentences before the lists: the vote on the whole, and any on its parts.

    ``lists`` says that labelled lists follow, which makes a vote with counts a recorded one.
    """
    main: list[str] = []
    for index, sentence in enumerate(SENTENCE_END_RE.split(statement)):
        if not index % 64:
            check_deadline("the vote statement")
        if SEPARATE_RE.match(sentence):
            fields.separate.append(_separate_vote(sentence, fields, whole))
        else:
            main.append(sentence)
    text = " ".join(main)
    fields.method = _method(text)
    fields.vetoed = fields.method == "rejected" and VETO_RE.search(text) is not None
    fields.in_parts = IN_PARTS_RE.search(text) is not None
    counts = COUNTS_RE.search(text) or TALLY_RE.search(text)
    if counts is not None:
        fields.in_favour = _count(counts["yes"], fields, whole)
        fields.against = _count(counts["no"], fields, whole)
        fields.abstaining = 0 if counts["abs"] is None else _count(counts["abs"], fields, whole)
        if fields.method is None:
            recorded = lists or RECORDED_RE.search(text) is not None
            fields.method = "recorded" if recorded else "non_recorded"
        if counts["nolist"] is not None:
            fields.against_states = split_states(counts["nolist"], is_state)
            fields.printed.add("against")
        if counts["abslist"] is not None:
            fields.abstaining_states = split_states(counts["abslist"], is_state)
            fields.printed.add("abstaining")
    if lists and fields.method is None:
        fields.method = "recorded"
    _read_not_voting(text, fields, is_state, whole)


def _method(text: str) -> str | None:
    """How the text was adopted, from the words of the statement; counts decide the rest."""
    if FAILED_RE.search(text):
        return "rejected"
    if WITHOUT_VOTE_RE.search(text):
        return "without_vote"
    if CONSENSUS_RE.search(text):
        return "consensus"
    if NON_UNANIMOUS_RE.search(text):
        return "non_recorded"
    if UNANIMOUS_RE.search(text):
        return "unanimous"
    if NON_RECORDED_RE.search(text):
        return "non_recorded"
    return None


def _separate_vote(sentence: str, fields: VoteFields, whole: Span) -> SeparateVote:
    """A sentence about one paragraph: what it was, what became of it, and the tally."""
    outcome = SEPARATE_OUTCOME_RE.search(sentence)
    subject = sentence[: outcome.start()] if outcome else sentence
    vote = SeparateVote(
        subject=subject.strip(" ,.;"),
        outcome=" ".join(outcome["outcome"].split()).casefold() if outcome else None,
    )
    counts = COUNTS_RE.search(sentence) or TALLY_RE.search(sentence)
    if counts is not None:
        vote.in_favour = _count(counts["yes"], fields, whole)
        vote.against = _count(counts["no"], fields, whole)
        vote.abstaining = 0 if counts["abs"] is None else _count(counts["abs"], fields, whole)
    elif WITHOUT_VOTE_RE.search(sentence):
        vote.outcome = f"{vote.outcome or 'adopted'} without a vote"
    return vote


def _read_not_voting(
    text: str, fields: VoteFields, is_state: Callable[[str], bool], whole: Span
) -> None:
    """Members named as taking no part or as absent, their number checked against the names."""
    for match in NOT_VOTING_RE.finditer(text):
        names = split_states(match["names"], is_state)
        count = _count(match["n"], fields, whole)
        if match["absent"]:
            fields.absent += names
        else:
            fields.not_participating += names
        if count is not None and count != len(names):
            fields.diagnostics.append(
                Diagnostic(
                    "vote.count_mismatch",
                    f"{match['n']} member(s) took no part but {len(names)} are named",
                    "warning",
                    whole,
                )
            )


def _read_note(
    fields: VoteFields,
    notes: Mapping[str, str] | None,
    is_state: Callable[[str], bool],
    whole: Span,
) -> None:
    """Complete the statement from the footnote on it; the statement's own words win."""
    note = None if notes is None or fields.marker is None else notes.get(fields.marker)
    if note is None:
        fields.diagnostics.append(
            Diagnostic(
                "vote.footnote_unread",
                f"the statement ends in footnote marker {fields.marker}, whose note may "
                "complete the vote",
                "info",
                whole,
            )
        )
        return
    told = VoteFields()
    _read_statement(clean(" ".join(note.split())), told, is_state, whole)
    if fields.method is None:
        fields.method = told.method
    if fields.in_favour is None and told.in_favour is not None:
        fields.in_favour, fields.against, fields.abstaining = (
            told.in_favour,
            told.against,
            told.abstaining,
        )
        fields.against_states = fields.against_states or told.against_states
        fields.abstaining_states = fields.abstaining_states or told.abstaining_states
        fields.printed |= told.printed
    fields.not_participating += told.not_participating
    fields.absent += told.absent
    fields.in_parts = fields.in_parts or told.in_parts
    fields.separate.extend(told.separate)
    fields.diagnostics.extend(told.diagnostics)


def _read_meeting(flat: str, fields: VoteFields, whole: Span) -> None:
    """The meeting, read through the OCR slips of the printed volumes, with a diagnostic."""
    match = MEETING_RE.search(flat)
    if match is None:
        return
    digits = match["digits"].translate(str.maketrans("Il", "11", ""))
    if digits[0] == "0":
        return
    tail = " ".join(match["tail"].split()).replace("( resumed )", "(resumed)")
    fields.meeting = f"{digits}{match['suffix']} {tail}"
    if digits != match["digits"] or match["slip"]:
        fields.diagnostics.append(
            Diagnostic(
                "ocr.meeting_repaired",
                f"read {match[0]!r} as {fields.meeting!r}",
                "info",
                whole,
            )
        )


def _count(word: str | None, fields: VoteFields, whole: Span) -> int | None:
    """A count as a number; OCR letters in digits are read as digits, with a diagnostic."""
    if word is None:
        return None
    folded = " ".join(word.casefold().split())
    if folded.isdigit():
        return int(folded)
    if folded in _NUMBER_WORDS:
        return _NUMBER_WORDS[folded]
    digits = folded.translate(str.maketrans("lio", "110"))
    fields.diagnostics.append(
        Diagnostic("ocr.count_repaired", f"read the count {word!r} as {digits}", "info", whole)
    )
    return int(digits)


def _read_lists(
    text: str,
    labels: list[regex.Match[str]],
    fields: VoteFields,
    is_state: Callable[[str], bool],
) -> None:
    """Each labelled list runs to the next label, the closing bracket or the next sentence."""
    kinds = dict(_LABEL_KINDS)
    for i, label in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        body = text[label.end() : end]
        stop = LIST_END_RE.search(body)
        if stop is not None:
            body = body[: stop.start()]
        body = LIST_FURNITURE_RE.sub("", body)
        names = split_states(body, is_state)
        key = "".join(label["label"].casefold().split())
        kind = kinds.get(key)
        if kind == "in_favour":
            fields.in_favour_states = names
        elif kind == "against":
            fields.against_states = names
        elif kind == "abstaining":
            fields.abstaining_states = names
        elif key in {"absent", "ausente", "ausentes"}:
            fields.absent += names
        else:
            fields.not_participating += names
        if kind is not None:
            fields.printed.add(kind)


def split_states(text: str, is_state: Callable[[str], bool]) -> tuple[str, ...]:
    """Split "A, B (C of), D and E" into names; an "and" inside a State's name is kept."""
    names: list[str] = []
    for piece in checked(_top_level_pieces(text), "the vote's lists", 64):
        if len(piece) <= _CACHED_PIECE_LENGTH:
            names.extend(_piece_names(piece, is_state))
        else:
            names.extend(_read_piece(piece, is_state))
    return tuple(names)


_CACHED_PIECE_LENGTH = 160


@functools.lru_cache(maxsize=4096)
def _piece_names(piece: str, is_state: Callable[[str], bool]) -> tuple[str, ...]:
    """:func:`_read_piece`, once per piece: the same names come back in every list."""
    return _read_piece(piece, is_state)


def _read_piece(piece: str, is_state: Callable[[str], bool]) -> tuple[str, ...]:
    """The names in one piece of a list between commas: none, one, or several joined by "and"."""
    item = _tidy(piece)
    if not item or item.casefold() in _EMPTY_LIST:
        return ()
    return tuple(_split_and(_join_hyphen(item, is_state), is_state))


_LIST_MARK_RE = regex.compile(r"[(),;]")


def _top_level_pieces(text: str) -> list[str]:
    """Cut at commas and semicolons outside parentheses (one pass over those marks only)."""
    pieces: list[str] = []
    depth = 0
    start = 0
    for count, mark in enumerate(_LIST_MARK_RE.finditer(text)):
        if not count % 4096:
            check_deadline("the vote's lists")
        char = mark[0]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif depth == 0:
            at = mark.start()
            pieces.append(text[start:at])
            start = at + 1
    pieces.append(text[start:])
    return pieces


def _tidy(piece: str) -> str:
    """One name as printed: markup, footnote markers and separators off its edges."""
    item = " ".join(clean(piece).split()).strip(_EDGE_CHARS)
    if item.casefold().startswith("and "):
        item = item[4:].strip(_EDGE_CHARS)
    if item.startswith("(") and item.endswith(")") and item.count("(") == 1:
        item = item[1:-1].strip(_EDGE_CHARS)
    return item


def _join_hyphen(item: str, is_state: Callable[[str], bool]) -> str:
    """Mend a word that a line break hyphenated: "Czecho- slovakia", "Guinea- Bissau"."""
    if _LINE_HYPHEN_RE.search(item) is None:
        return item
    joined = _LINE_HYPHEN_RE.sub("", item)
    return joined if is_state(joined) else _LINE_HYPHEN_RE.sub("-", item)


def _split_and(item: str, is_state: Callable[[str], bool]) -> list[str]:
    """Cut "Ukraine and United Kingdom of Great Britain and Northern Ireland" at the right "and".

    Reads left to right and takes the longest run of pieces (at most three) that names a
    State, so "Antigua and Barbuda and Bahamas" gives two names; pieces that name nothing
    stay one name each. The work is linear in the number of pieces.
    """
    parts = _AND_RE.split(item)
    if len(parts) == 1 or is_state(item):
        return [item]
    joiners = [m.group() for m in _AND_RE.finditer(item)]
    names: list[str] = []
    i = 0
    while i < len(parts):
        for width in (3, 2, 1):
            if i + width > len(parts):
                continue
            candidate = parts[i]
            for k in range(i + 1, i + width):
                candidate += joiners[k - 1] + parts[k]
            if width == 1 or is_state(candidate):
                names.append(" ".join(candidate.split()))
                i += width
                break
    return names


def check_counts(fields: VoteFields, span: Span) -> None:
    """A count that disagrees with its printed list is reported, never silently corrected."""
    for label, kind, count, names in (
        ("in favour", "in_favour", fields.in_favour, fields.in_favour_states),
        ("against", "against", fields.against, fields.against_states),
        ("abstaining", "abstaining", fields.abstaining, fields.abstaining_states),
    ):
        printed = kind in fields.printed or bool(names)
        if count is not None and printed and count != len(names):
            fields.diagnostics.append(
                Diagnostic(
                    "vote.count_mismatch",
                    f"{label}: the count is {count} but {len(names)} States are listed",
                    "warning",
                    span,
                )
            )


def check_states(fields: VoteFields, span: Span, is_state: Callable[[str], bool]) -> None:
    """Each State votes once: report names listed twice, in two lists, or naming no State."""
    first_list: dict[str, str] = {}
    reported: set[tuple[str, str]] = set()
    for label, names in (
        ("in favour", fields.in_favour_states),
        ("against", fields.against_states),
        ("abstaining", fields.abstaining_states),
        ("not participating", fields.not_participating),
        ("absent", fields.absent),
    ):
        in_this_list: set[str] = set()
        for name in checked(names, "the States of the vote", 64):
            if not is_state(name):
                fields.diagnostics.append(
                    Diagnostic(
                        "vote.unknown_state",
                        f"{label}: {name!r} is not a State name resparse knows; kept as written",
                        "warning",
                        span,
                    )
                )
            key = _state_key(name)
            if key in in_this_list:
                code, message = "vote.duplicate_state", f"{name!r} is listed twice in {label}"
            elif key in first_list:
                first = first_list[key]
                code, message = (
                    "vote.state_in_two_lists",
                    f"{name!r} is listed in {first} and {label}",
                )
            else:
                first_list[key] = label
                in_this_list.add(key)
                continue
            if (code, key) not in reported:
                reported.add((code, key))
                fields.diagnostics.append(Diagnostic(code, message, "warning", span))


def _state_key(name: str) -> str:
    """One key per State, whatever name it is listed under ("United Kingdom" or in full)."""
    state = resolve_state(name)
    return state.name if state is not None else name_key(name)


def membership(body: str | None, on: dt.date | None) -> int | None:
    """How many members could vote in ``body`` on ``on``; ``None`` for a body not known."""
    if body is None:
        return None
    folded = body.casefold()
    if any(name in folded for name in _SECURITY_COUNCIL):
        return 11 if on is not None and on < _SC_ENLARGED else 15
    if any(name in folded for name in _HUMAN_RIGHTS_COUNCIL):
        return 47
    if any(name in folded for name in _GENERAL_ASSEMBLY):
        return ga_membership(on or dt.datetime.now(tz=dt.timezone.utc).date())
    return None


def check_membership(fields: VoteFields, span: Span, body: str | None) -> None:
    """More votes than the body has members means a misread count or a wrong list."""
    seats = membership(body, fields.date)
    if seats is None:
        return
    total = 0
    for count, names in (
        (fields.in_favour, fields.in_favour_states),
        (fields.against, fields.against_states),
        (fields.abstaining, fields.abstaining_states),
    ):
        total += count if count is not None else len(names)
    total += len(fields.not_participating) + len(fields.absent)
    if total > seats:
        when = f" on {fields.date.isoformat()}" if fields.date is not None else ""
        fields.diagnostics.append(
            Diagnostic(
                "vote.over_membership",
                f"{total} members voted or were named, but the {body} had {seats}{when}",
                "warning",
                span,
            )
        )


def _report_extras(fields: VoteFields, whole: Span) -> None:
    """What a VoteRecord has no field for is still told, as information."""
    if fields.not_participating:
        fields.diagnostics.append(
            Diagnostic(
                "vote.not_participating",
                "took no part in the vote: " + ", ".join(fields.not_participating),
                "info",
                whole,
            )
        )
    if fields.absent:
        fields.diagnostics.append(
            Diagnostic("vote.absent", "absent: " + ", ".join(fields.absent), "info", whole)
        )
    if fields.vetoed:
        permanent = [
            name
            for name in fields.against_states
            if (state := resolve_state(name)) is not None and state.alpha3 in _PERMANENT
        ]
        who = f": {', '.join(permanent)}" if permanent else ""
        fields.diagnostics.append(
            Diagnostic(
                "vote.veto", f"not adopted owing to a permanent member's vote{who}", "info", whole
            )
        )
    if fields.in_parts:
        fields.diagnostics.append(
            Diagnostic(
                "vote.in_parts",
                "voted on in parts; no vote was taken on the text as a whole",
                "info",
                whole,
            )
        )
    for vote in fields.separate:
        tally = ""
        if vote.in_favour is not None:
            tally = f" by {vote.in_favour} to {vote.against}, with {vote.abstaining} abstentions"
        fields.diagnostics.append(
            Diagnostic(
                "vote.separate",
                f"{vote.subject}: {vote.outcome or 'voted on'}{tally}",
                "info",
                whole,
            )
        )


# --- the outcome of the vote and who vetoed it ----------------------------------------------

# The members a veto statement names: "the negative vote of a permanent member of the
# Security Council (Russian Federation)", "negative votes of two permanent members (China
# and Russian Federation)". Permanent members' names hold no parentheses, so one flat,
# bounded group is enough and cannot backtrack.
VETO_NAMES_RE = regex.compile(
    r"""
    negative\s+votes?\s+of\s+(?:an?|one|two|three|\d)?\s*          # the negative vote of a
    permanent\s+members?                                            # permanent member
    (?:\s+of\s+the\s+(?:Security\s+)?Council)?                        # of the (Security) Council
    \s*\((?P<names>[^()]{1,300})\)                                   # (Russian Federation)
    """,
    _V,
)


def read_outcome(
    fields: VoteFields, flat: str, whole: Span, is_state: Callable[[str], bool]
) -> None:
    """Whether the vote carried, and which permanent members vetoed it, with its conflicts.

    The vetoing members are the ones the statement names; where it names none, the
    permanent members in the printed list against. A named vetoing State that is no
    permanent member, or that the lists show voting otherwise, is reported.
    """
    if fields.method is None:
        return
    if fields.method != "rejected":
        fields.outcome = "adopted"
        return
    named = VETO_NAMES_RE.search(flat)
    if named is not None:
        fields.vetoed = True
        fields.vetoed_by = split_states(named["names"], is_state)
    elif fields.vetoed:
        fields.vetoed_by = tuple(n for n in fields.against_states if _is_permanent(n))
    fields.outcome = "vetoed" if fields.vetoed else "not_adopted"
    check_veto(fields, whole)


def _is_permanent(name: str) -> bool:
    state = resolve_state(name)
    return state is not None and state.alpha3 in _PERMANENT


def check_veto(fields: VoteFields, whole: Span) -> None:
    """A veto must come from a permanent member that voted against: say where it does not."""
    against = {_state_key(name) for name in fields.against_states}
    for name in fields.vetoed_by:
        if not _is_permanent(name):
            fields.diagnostics.append(
                Diagnostic(
                    "vote.veto_conflict",
                    f"{name!r} is named as vetoing but is not a permanent member",
                    "warning",
                    whole,
                )
            )
        elif "against" in fields.printed and _state_key(name) not in against:
            fields.diagnostics.append(
                Diagnostic(
                    "vote.veto_conflict",
                    f"{name!r} is named as vetoing but is not in the list against",
                    "warning",
                    whole,
                )
            )
    if fields.vetoed and not fields.vetoed_by and "against" in fields.printed:
        fields.diagnostics.append(
            Diagnostic(
                "vote.veto_conflict",
                "the draft is said to be vetoed but no permanent member is listed against",
                "warning",
                whole,
            )
        )
    if fields.vetoed and fields.against == 0:
        fields.diagnostics.append(
            Diagnostic(
                "vote.veto_conflict",
                "the draft is said to be vetoed but no member voted against",
                "warning",
                whole,
            )
        )
