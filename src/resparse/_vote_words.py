"""A language's vote vocabulary, compiled from the ``[vote]`` table of its lexicon.

The words of a vote statement ("by a recorded vote of", "sans vote", "Votos a favor:")
are data in ``lexicon/<code>.toml``; this module turns them into patterns once, when the
language's profile loads. A key a language does not give reads nothing: its patterns
never match and its word lists are empty, so no other language's words are applied to
its texts. What is the same in every language (digits and their OCR slips, brackets,
footnote markers, page furniture inside a list, with the profile's word for "Page") is
compiled here, once.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import attrs
import regex

from resparse._patterns import alternation, optional_words

if TYPE_CHECKING:
    from collections.abc import Mapping

_V = regex.VERBOSE | regex.VERSION1 | regex.IGNORECASE
_VC = regex.VERBOSE | regex.VERSION1  # case matters: sentence starts, capitalised names
_NEVER = "(?!)"

# A count in digits: up to three, OCR may have printed 1 as l or I and 0 as O ("l2",
# "1O"); at least one real digit is required so that a word is never read as a number.
DIGITS = r"(?=[lIO]{0,2}\d)[\dlIO]{1,3}\b"
# The States inside one pair of parentheses, which may hold one level of their own
# ("Venezuela (Bolivarian Republic of)"); the two character classes never overlap, so
# the pattern cannot backtrack.
LIST = r"[^()]{0,2000}(?:\([^()]{0,200}\)[^()]{0,2000}){0,20}"

# Where one sentence of a statement ends and the next begins; a footnote marker may sit
# between them ("abstentions.* The voting was as follows").
SENTENCE_END_RE = regex.compile(r"(?<=[.;])[*\d]{0,3}\s+(?=[\[(]?\p{Lu})", _VC)
# A footnote marker left at the end of a statement: "Adopted at the 2nd meeting. 22".
TRAILING_MARKER_RE = regex.compile(
    r"(?:(?<=[\w.)\]])[ \t]{1,4}|(?<=[.)\]]))(?P<marker>\d{1,3})\Z", _VC
)
# Where a list runs on into prose: "Abstaining: China. The draft resolution received ...".
LIST_END_RE = regex.compile(r"(?<=\p{Ll}\)?)\.\s+(?=\p{Lu}\p{Ll})|\]", _VC)


@functools.cache
def list_furniture_re(page_words: tuple[str, ...]) -> regex.Pattern[str]:
    """Page furniture that a page break leaves inside a long list, compiled once.

    Page numbers (after the profile's ``page_words``, "Page 2"), job numbers, the
    symbol in the running head.
    """
    named = optional_words(page_words)
    return regex.compile(
        rf"""
        ^[ \t\f]*(?:
            {named}\d{{1,3}}(?:\s?/\s?\d{{1,3}})?                       # 2, 2/7, Page 2
          | (?:[A-Z]{{2}}\.)?\d{{2}}-\d{{5}}                              # GE.21-04704,
            (?:\s?\([A-Z]\))?(?:\s+\d{{1,6}}){{0,2}}                       # 21-04704 (E)
          | [A-Z]{{1,2}}/(?:[A-Z0-9.]{{1,12}}/){{1,5}}[A-Z0-9.]{{1,12}}       # A/HRC/RES/46/13
            (?:\s?\(\d{{4}}\))?
        )[ \t]*$
        """,
        _VC | regex.MULTILINE,
    )


# What every language prints for an empty list, beside its own words ("none", "aucun").
EMPTY_MARKS = frozenset({"-", "–", "—"})
# The kinds of labelled list, as ``[vote.labels]`` names them.
LIST_KINDS = ("in_favour", "against", "abstaining", "absent", "not_participating")
# The patterns ``[vote]`` may give, each filled with <<NUM>> (a count) and <<LIST>> (the
# States in parentheses); the ones read case-sensitively are marked.
PATTERN_KEYS = (
    "counts",
    "tally",
    "not_voting",
    "recorded",
    "non_recorded",
    "without_vote",
    "consensus",
    "non_unanimous",
    "unanimous",
    "failed",
    "veto",
    "veto_names",
    "in_parts",
    "separate",
    "separate_outcome",
    "meeting",
)

# The groups the reader takes from a pattern's match; a pattern without one is refused
# when the lexicon loads. Other groups ("nolist", "abs", "abslist", "absent", "slip")
# are optional.
REQUIRED_GROUPS: Mapping[str, tuple[str, ...]] = {
    "counts": ("yes", "no"),
    "tally": ("yes", "no"),
    "not_voting": ("n", "names"),
    "veto_names": ("names",),
    "separate_outcome": ("outcome",),
    "meeting": ("digits", "suffix", "tail"),
}


class VoteWordsError(ValueError):
    """A ``[vote]`` table that cannot be read: a key of the wrong type, a bad pattern."""


def label_key(label: str) -> str:
    """The form a printed list label is looked up in: casefolded, no spaces."""
    return "".join(label.casefold().split())


@attrs.frozen
class VoteWords:
    """One language's vote vocabulary, compiled; an empty table reads nothing."""

    counts_re: regex.Pattern[str]
    tally_re: regex.Pattern[str]
    not_voting_re: regex.Pattern[str]
    recorded_re: regex.Pattern[str]
    non_recorded_re: regex.Pattern[str]
    without_vote_re: regex.Pattern[str]
    consensus_re: regex.Pattern[str]
    non_unanimous_re: regex.Pattern[str]
    unanimous_re: regex.Pattern[str]
    failed_re: regex.Pattern[str]
    veto_re: regex.Pattern[str]
    veto_names_re: regex.Pattern[str]
    in_parts_re: regex.Pattern[str]
    separate_re: regex.Pattern[str]
    separate_outcome_re: regex.Pattern[str]
    meeting_re: regex.Pattern[str]
    # the label that opens a list of States ("In favour:", "Pour :")
    list_label_re: regex.Pattern[str]
    # label_key(printed label) -> one of LIST_KINDS
    label_kinds: Mapping[str, str]
    # casefolded count words -> their value ("none" -> 0, "two" -> 2)
    number_words: Mapping[str, int]
    # casefolded words a list prints when it names nobody ("none", "aucun"), dashes included
    empty_list: frozenset[str]
    # the word between the last two States of a list ("and"); None: lists use commas only
    joiner_re: regex.Pattern[str] | None

    def label_kind(self, label: str) -> str | None:
        """The kind of list a printed label opens, or None for a label not in the table."""
        return self.label_kinds.get(label_key(label))


def _strings(table: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = table.get(key, ())
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        msg = f"[vote] {key} must be a string or a list of strings, not {value!r}"
        raise VoteWordsError(msg)
    return tuple(value)


def _compile(pattern: str, key: str, *, flags: int = _V) -> regex.Pattern[str]:
    try:
        return regex.compile(pattern, flags)
    except regex.error as error:
        msg = f"[vote] {key} is not a valid pattern: {error}"
        raise VoteWordsError(msg) from None


def vote_words(table: Mapping[str, Any]) -> VoteWords:
    """Compile a language's ``[vote]`` table; every key is optional (see docs/languages.md)."""
    numbers_table = table.get("number_words", {})
    if not isinstance(numbers_table, dict) or not all(
        isinstance(v, int) for v in numbers_table.values()
    ):
        msg = f"[vote] number_words must map words to whole numbers, not {numbers_table!r}"
        raise VoteWordsError(msg)
    number_words = {" ".join(w.casefold().split()): int(v) for w, v in numbers_table.items()}
    spelled = alternation(number_words)
    count = rf"(?:{DIGITS}|(?:{spelled})\b)" if spelled else rf"(?:{DIGITS})"
    patterns: dict[str, regex.Pattern[str]] = {}
    for key in PATTERN_KEYS:
        text = table.get(key, _NEVER)
        if not isinstance(text, str):
            msg = f"[vote] {key} must be a pattern string, not {text!r}"
            raise VoteWordsError(msg)
        filled = text.replace("<<NUM>>", count).replace("<<LIST>>", LIST)
        patterns[key] = _compile(filled, key)
        lacking = [g for g in REQUIRED_GROUPS.get(key, ()) if g not in patterns[key].groupindex]
        if text != _NEVER and lacking:
            msg = f"[vote] {key} must name the group {lacking[0]!r}"
            raise VoteWordsError(msg)
    labels_table = table.get("labels", {})
    if not isinstance(labels_table, dict) or set(labels_table) - set(LIST_KINDS):
        msg = f"[vote.labels] takes only the keys {', '.join(LIST_KINDS)}"
        raise VoteWordsError(msg)
    kinds: dict[str, str] = {}
    for kind in LIST_KINDS:
        for label in _strings(labels_table, kind):
            kinds[label_key(label)] = kind
    printed = [label for kind in LIST_KINDS for label in _strings(labels_table, kind)]
    # a footnote marker may sit before the colon, and French puts a space before it
    list_label = (
        rf"(?<![\w-])(?P<label>{alternation(printed)})"
        r"[ \t\xa0\u202f]{0,3}[*\d]{0,2}[ \t\xa0\u202f]{0,3}:"
        if printed
        else _NEVER
    )
    joiners = _strings(table, "joiners")
    return VoteWords(
        counts_re=patterns["counts"],
        tally_re=patterns["tally"],
        not_voting_re=patterns["not_voting"],
        recorded_re=patterns["recorded"],
        non_recorded_re=patterns["non_recorded"],
        without_vote_re=patterns["without_vote"],
        consensus_re=patterns["consensus"],
        non_unanimous_re=patterns["non_unanimous"],
        unanimous_re=patterns["unanimous"],
        failed_re=patterns["failed"],
        veto_re=patterns["veto"],
        veto_names_re=patterns["veto_names"],
        in_parts_re=patterns["in_parts"],
        separate_re=patterns["separate"],
        separate_outcome_re=patterns["separate_outcome"],
        meeting_re=patterns["meeting"],
        list_label_re=_compile(list_label, "labels"),
        label_kinds=kinds,
        number_words=number_words,
        empty_list=EMPTY_MARKS | {w.casefold() for w in _strings(table, "empty_list")},
        joiner_re=_compile(rf"\s+(?:{alternation(joiners)})\s+", "joiners") if joiners else None,
    )
