"""Vote statements -> method, counts and the lists of States, checked against each other.

Reads the Human Rights Council's bracketed annex ("[Adopted by a recorded vote of 26 to 15,
with 6 abstentions. The voting was as follows: In favour: ... Against: ... Abstaining:
...]"), "without a vote" and "by consensus", the Security Council's adoption lines of every
era ("Adopted unanimously at the 1382nd meeting", "Adopted at the 2963rd meeting by 12 votes
to 2 (Cuba and Yemen), with 1 abstention (China)", "Adopted 13-0-2"), members that took no
part, failed drafts and vetoes, and separate votes on paragraphs.

The words are the language's: the ``[vote]`` table of ``lexicon/<code>.toml``, compiled
by :mod:`resparse._vote_words` into the profile. The lists are cut by
:mod:`resparse._vote_lists`; :mod:`resparse._vote_checks` reports, never corrects, what
disagrees (a count and its list, a State named twice, a total above the membership).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from resparse import _dates
from resparse._deadline import check_deadline
from resparse._language import profile
from resparse._text import clean
from resparse._vote_checks import (
    check_counts,
    check_membership,
    check_states,
    membership,
    read_outcome,
    report_extras,
)
from resparse._vote_lists import read_lists, split_states
from resparse._vote_words import SENTENCE_END_RE, TRAILING_MARKER_RE
from resparse.model import Diagnostic, Span

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Mapping

    import regex

    from resparse._vote_words import VoteWords

__all__ = ["SeparateVote", "VoteFields", "membership", "read_vote", "split_states"]


# English's pattern for the members a veto statement names: the reader of the UN's markup
# (readers/_akn_votes.py) reads the verbatim record's sentence with it.
VETO_NAMES_RE: regex.Pattern[str] = profile("en").vote.veto_names_re


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
    local = profile(language)
    words = local.vote
    fields = VoteFields()
    whole = Span(offset, offset + len(text))
    labels = list(words.list_label_re.finditer(text))
    head = text[: labels[0].start()] if labels else text
    flat = " ".join(head.split())
    marker = TRAILING_MARKER_RE.search(flat)
    statement = clean(flat)
    if marker is not None and not _ends_in_count(statement, words):
        fields.marker = marker["marker"]
        statement = clean(flat[: marker.start()])
    _read_statement(statement, fields, is_state, whole, words, lists=bool(labels))
    if labels:
        read_lists(text, labels, fields, is_state, words, page_words=local.page_words)
    if fields.marker is not None:
        _read_note(fields, notes, is_state, whole, words)
    _read_meeting(flat, fields, whole, words)
    whole_flat = " ".join(text.split())  # the date and the outcome read it on one line
    found, _, repaired = _dates.find_date(whole_flat, language=language)
    fields.date = found
    if repaired:
        fields.diagnostics.append(
            Diagnostic("ocr.date_repaired", "read a date despite a misspelt month", "info", whole)
        )
    check_counts(fields, whole)
    check_states(fields, whole, is_state)
    check_membership(fields, whole, body, language)
    read_outcome(fields, whole_flat, whole, is_state, words)
    report_extras(fields, whole)
    return fields


def _ends_in_count(statement: str, words: VoteWords) -> bool:
    """Whether the number that ends a statement is its last count ("by 12 votes to 2")."""
    found = None
    for found in words.counts_re.finditer(statement):  # noqa: B007 - the last match is wanted
        pass
    return found is not None and found.end() == len(statement.rstrip(" ."))


def _read_statement(  # noqa: PLR0913 - the statement, where its facts go, and its language
    statement: str,
    fields: VoteFields,
    is_state: Callable[[str], bool],
    whole: Span,
    words: VoteWords,
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
        if words.separate_re.match(sentence):
            fields.separate.append(_separate_vote(sentence, fields, whole, words))
        else:
            main.append(sentence)
    text = " ".join(main)
    fields.method = _method(text, words)
    fields.vetoed = fields.method == "rejected" and words.veto_re.search(text) is not None
    fields.in_parts = words.in_parts_re.search(text) is not None
    counts = words.counts_re.search(text) or words.tally_re.search(text)
    if counts is not None:
        fields.in_favour = _count(counts["yes"], fields, whole, words)
        fields.against = _count(counts["no"], fields, whole, words)
        groups = counts.groupdict()  # the lists and abstentions are optional groups
        abstaining, against_list, abstaining_list = (
            groups.get("abs"),
            groups.get("nolist"),
            groups.get("abslist"),
        )
        fields.abstaining = 0 if abstaining is None else _count(abstaining, fields, whole, words)
        if fields.method is None:
            recorded = lists or words.recorded_re.search(text) is not None
            fields.method = "recorded" if recorded else "non_recorded"
        if against_list is not None:
            fields.against_states = split_states(against_list, is_state, words)
            fields.printed.add("against")
        if abstaining_list is not None:
            fields.abstaining_states = split_states(abstaining_list, is_state, words)
            fields.printed.add("abstaining")
    elif fields.method is None and words.recorded_re.search(text) is not None:
        # "by a recorded vote of twenty-six to fifteen": a vote was taken, its counts are
        # printed in a form the language's patterns do not read
        fields.method = "recorded"
        fields.diagnostics.append(
            Diagnostic(
                "vote.counts_unread",
                "the statement names a recorded vote, but its counts could not be read",
                "warning",
                whole,
            )
        )
    if lists and fields.method is None:
        fields.method = "recorded"
    _read_not_voting(text, fields, is_state, whole, words)


def _method(text: str, words: VoteWords) -> str | None:
    """How the text was adopted, from the words of the statement; counts decide the rest."""
    if words.failed_re.search(text):
        return "rejected"
    if words.without_vote_re.search(text):
        return "without_vote"
    if words.consensus_re.search(text):
        return "consensus"
    if words.non_unanimous_re.search(text):
        return "non_recorded"
    if words.unanimous_re.search(text):
        return "unanimous"
    if words.non_recorded_re.search(text):
        return "non_recorded"
    return None


def _separate_vote(
    sentence: str, fields: VoteFields, whole: Span, words: VoteWords
) -> SeparateVote:
    """A sentence about one paragraph: what it was, what became of it, and the tally."""
    outcome = words.separate_outcome_re.search(sentence)
    subject = sentence[: outcome.start()] if outcome else sentence
    vote = SeparateVote(
        subject=subject.strip(" ,.;"),
        outcome=" ".join(outcome["outcome"].split()).casefold() if outcome else None,
    )
    counts = words.counts_re.search(sentence) or words.tally_re.search(sentence)
    if counts is not None:
        vote.in_favour = _count(counts["yes"], fields, whole, words)
        vote.against = _count(counts["no"], fields, whole, words)
        abstaining = counts.groupdict().get("abs")
        vote.abstaining = 0 if abstaining is None else _count(abstaining, fields, whole, words)
    elif words.without_vote_re.search(sentence):
        vote.outcome = f"{vote.outcome or 'adopted'} without a vote"
    return vote


def _read_not_voting(
    text: str,
    fields: VoteFields,
    is_state: Callable[[str], bool],
    whole: Span,
    words: VoteWords,
) -> None:
    """Members named as taking no part or as absent, their number checked against the names."""
    for match in words.not_voting_re.finditer(text):
        names = split_states(match["names"], is_state, words)
        count = _count(match["n"], fields, whole, words)
        if match.groupdict().get("absent"):
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
    words: VoteWords,
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
    _read_statement(clean(" ".join(note.split())), told, is_state, whole, words)
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


def _read_meeting(flat: str, fields: VoteFields, whole: Span, words: VoteWords) -> None:
    """The meeting, read through the OCR slips of the printed volumes, with a diagnostic."""
    match = words.meeting_re.search(flat)
    if match is None:
        return
    digits = match["digits"].translate(str.maketrans("Il", "11", ""))
    if digits[0] == "0":
        return
    tail = " ".join(match["tail"].split()).replace("( resumed )", "(resumed)")
    fields.meeting = f"{digits}{match['suffix']} {tail}"
    if digits != match["digits"] or match.groupdict().get("slip"):
        fields.diagnostics.append(
            Diagnostic(
                "ocr.meeting_repaired",
                f"read {match[0]!r} as {fields.meeting!r}",
                "info",
                whole,
            )
        )


def _count(word: str | None, fields: VoteFields, whole: Span, words: VoteWords) -> int | None:
    """A count as a number; OCR letters in digits are read as digits, with a diagnostic."""
    if word is None:
        return None
    folded = " ".join(word.casefold().split())
    if folded.isdigit():
        return int(folded)
    if folded in words.number_words:
        return words.number_words[folded]
    digits = folded.translate(str.maketrans("lio", "110"))
    fields.diagnostics.append(
        Diagnostic("ocr.count_repaired", f"read the count {word!r} as {digits}", "info", whole)
    )
    return int(digits)
