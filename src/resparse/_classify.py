"""One line -> what it can be: a number, a label, a lead, a heading, a vote, a formula.

Classification looks at one line at a time and is pure: the furniture stage has already
said which lines are page furniture, and deciding what a line *is* in context is the
segmenter's job. Every line is classified exactly once (``classify_lines``).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, NamedTuple

import attrs
import regex

from resparse import _lead_tables, _lexicon
from resparse._deadline import checked
from resparse._landmarks import part_re
from resparse._line_shape import LEAD_SPAN, first_word, first_words, heading_shape, table_row
from resparse._patterns import (
    FOOTNOTE_LINE_RE,
    LINE_MARKUP_RE,
    SEPARATOR_RE,
    WORD_TOKEN_RE,
    Gate,
    gate,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from resparse._language import Profile
    from resparse._scan import Line

_TOKEN_RE = WORD_TOKEN_RE
_SKIP_MARKUP_RE = regex.compile(r"[\s*_\"“‘'(\[\u200e\u200f]*")
_SKIP_ONE = gate(regex.compile(r"[\s*_\"“‘'(\[\u200e\u200f]"))  # whether the above skips any


class ClassifiedLine(NamedTuple):
    """Everything one line could be; the segmenter decides, in context, which applies.

    The first group of fields is what the line is read as on its own. The second group
    holds the facts that look-aheads from other lines ask about (a number after any list
    markup, the line's first word as a lead table counts it, whether it may continue a
    heading), computed once here so no later stage reads the raw text again. A named
    tuple: immutable, and cheap to make for every line of a long text.
    """

    line: Line
    content_start: int
    furniture: str | None = None
    separator: bool = False
    formula: bool = False
    meeting: str | None = None
    vote: bool = False
    annex: bool = False
    annex_titled: bool = False  # the annex line holds its title too ("ANNEX 1 - Terms ...")
    number: int | None = None
    sub_label: str | None = None
    heading: bool = False
    heading_strong: bool = False
    part_letter: str | None = None
    capital: bool = False
    preamble_lead: bool = False
    strong_preamble_lead: bool = False
    operative_lead: bool = False
    footnote_like: bool = False
    loose_number: bool = False  # the number lacks its period ("26 Condemns", "3) Decides")
    # --- facts for look-aheads, set on every line ------------------------------------
    number_text: str | None = None  # the number after any list markup ("- 3." -> "3")
    bare_number: bool = False  # a number opens the line itself, with no markup before it
    bare_label: str | None = None  # the sub-paragraph label opening the line itself
    formula_like: bool = False  # matches the formula pattern (a short line: see find_formula)
    pre_count: int = 0  # how many preambular leads the first word opens in the tables
    op_count: int = 0  # likewise operative leads
    heading_continued: bool = False  # may be a later line of a wrapped heading
    # --- a number printed without its period ------------------------------------------
    number_form: str | None = None  # how it is printed: "N)", "(N)" or "N " (loose numbers)
    # the line read with its number opening a paragraph, where the word after the number is
    # not a frequent verb ("3) Declares that:"): the segmenter takes it where the paragraphs
    # before were numbered in the same form
    as_paragraph: ClassifiedLine | None = None
    # a row of a table of figures ("2. General income   19 265 100"): no heading, and its
    # number is the table's own, not a paragraph's
    table_row: bool = False


def classify_lines(
    lines: Sequence[Line], furniture: Sequence[str | None], local: Profile, *, start: int = 0
) -> tuple[ClassifiedLine, ...]:
    """Classify every line once; ``furniture`` (from the furniture stage) is the body's.

    Lines before ``start`` are the cover, which the header stage reads: they carry only
    the facts that document-wide checks ask of every line (whether a number or a
    frequent lead opens it); look-aheads run forward from body lines and never reach them.
    ``furniture`` holds one kind for each line from ``start`` on.
    """
    counts = _Counts.of(local)
    cover = [_cover_line(line, local, counts) for line in lines[:start]]
    body = zip(lines[start:], furniture, strict=True)
    cover.extend(
        classify(line, kind, local, counts) for line, kind in checked(body, "classifying the lines")
    )
    return tuple(cover)


@attrs.frozen(eq=False)
class _Counts:
    """A language's first-word tables and its patterns' gates, fetched once per document.

    Each pattern is tried through its ``Gate``: only where the line's first character
    can open a match (most lines open with a word that no number, label, formula, vote or
    annex pattern starts with).
    """

    pre: Callable[[str], int]
    op: Callable[[str], int]
    number: Gate
    label: Gate
    formula: Gate
    meeting: Gate
    vote_start: Gate
    annex: Gate
    part_letter: Gate  # "A", "Part B": the language's word for a part
    part: Gate | None
    heading: Gate  # "II. Financing", "Section 2": the language's words for a heading

    @classmethod
    def of(cls, local: Profile) -> _Counts:
        count = _lead_tables.first_word_count
        return cls(
            functools.partial(count, kind="pre", language=local.code),
            functools.partial(count, kind="op", language=local.code),
            gate(local.number_re),
            gate(local.label_re),
            gate(local.formula_re),
            gate(local.meeting_re),
            gate(local.vote_start_re),
            gate(local.annex_re),
            gate(part_re(local.part_words)),
            gate(local.part_re) if local.part_re is not None else None,
            gate(local.heading_re),
        )


_MARKUP = gate(LINE_MARKUP_RE)
_SEPARATOR = gate(SEPARATOR_RE)
_FOOTNOTE = gate(FOOTNOTE_LINE_RE)


def _cover_line(line: Line, local: Profile, counts: _Counts) -> ClassifiedLine:
    pre_count, op_count, _, _ = _first_word_counts(line.text, local, counts)
    bare_number = counts.number.match(line.text) is not None
    return ClassifiedLine(
        line, line.start, bare_number=bare_number, pre_count=pre_count, op_count=op_count
    )


class _Facts(NamedTuple):
    """The look-ahead facts every line carries, whatever it is."""

    number_text: str | None
    bare_number: bool
    bare_label: str | None
    formula_like: bool
    pre_count: int
    op_count: int
    heading_continued: bool


def classify(  # noqa: C901 - one test per kind
    line: Line,
    furniture: str | None,
    local: Profile,
    counts: _Counts | None = None,
    *,
    any_word_after_number: bool = False,
) -> ClassifiedLine:
    """Everything ``line`` could be on its own, given whether it is page furniture.

    ``counts``: the language's first-word tables, when the caller fetched them already.
    ``any_word_after_number``: read a number printed without its period as a paragraph's
    whatever word follows it (the reading kept in ``as_paragraph``).
    """
    if counts is None:
        counts = _Counts.of(local)
    text = line.text
    first_char = text[:1]
    markup = LINE_MARKUP_RE.match(text) if _MARKUP[first_char] else None
    pos = markup.end() if markup is not None else 0
    number, label, bare_number, bare_label = _numbering(text, markup, counts)
    label, loose, weak = _label_or_loose_number(
        text, pos, local, counts, number, label, any_word=any_word_after_number
    )
    row = table_row(text)
    heading, heading_continued = (False, False) if row else heading_shape(text, local)
    formula_like = counts.formula[first_char] and counts.formula.pattern.match(text) is not None
    number_text = number["n"] if number is not None else loose["n"] if loose else None
    pre_count, op_count, counted, skipped = _first_word_counts(text, local, counts)
    facts = _Facts(
        number_text, bare_number, bare_label, formula_like, pre_count, op_count, heading_continued
    )
    if furniture is not None:
        return _only(line, line.start, facts, furniture=furniture)
    if _SEPARATOR[first_char] and SEPARATOR_RE.match(text):
        return _only(line, line.start, facts, separator=True)
    if formula_like:
        return _only(line, line.start, facts, formula=True)
    number_value: int | None = None
    sub_label: str | None = None
    if number is not None:
        digits = number["n"]
        number_value = int(digits) if digits.isdigit() else 1
        pos = number.end()
    elif loose is not None:
        number_value = int(loose["n"])
        pos = loose.end()
    elif label is not None:
        sub_label = label["label"]
        pos = label.end()
    elif markup is not None and markup["bullet"]:
        sub_label = markup["bullet"]  # "• item" or "– item": a bulleted sub-paragraph
    if _SKIP_ONE[text[pos : pos + 1]]:
        pos = _SKIP_MARKUP_RE.match(text, pos).end()  # type: ignore[union-attr]
    unnumbered = _NOTHING
    if number_value is None and sub_label is None:
        meeting = counts.meeting.pattern.match(text) if counts.meeting[first_char] else None
        if meeting is not None:
            return _only(line, line.start + pos, facts, meeting=meeting["meeting"])
        unnumbered = _unnumbered(text, counts, first_char)
        heading = heading or unnumbered.heading_strong
    else:
        heading = False
    # where the lead opens where the counted word does, its words were read already
    shared = counted if pos == skipped else None
    lead = _lead_kinds(text[pos:] if pos else text, local, counts, shared, facts)
    # positional, through _make: keyword construction of a 27-field tuple cost a third of
    # the whole classification
    return ClassifiedLine._make(
        (
            line,
            line.start + pos,
            None,  # furniture
            False,  # separator
            False,  # formula
            None,  # meeting
            *unnumbered[:3],  # vote, annex, annex_titled
            number_value,
            sub_label,
            heading,
            unnumbered.heading_strong,
            unnumbered.part_letter,
            *lead,  # capital, preamble_lead, strong_preamble_lead, operative_lead
            unnumbered.footnote_like,
            loose is not None and number is None,  # loose_number
            *facts,
            _number_form(loose) if loose is not None and number is None else None,
            None
            if weak is None
            else classify(line, furniture, local, counts, any_word_after_number=True),
            row,
        )
    )


def _number_form(loose: regex.Match[str]) -> str:
    """How a number without its period is printed: "(N)", "N)" or "N "."""
    printed = loose.group().rstrip()
    return "(N)" if printed.startswith("(") else "N)" if printed.endswith(")") else "N "


def _only(line: Line, start: int, facts: _Facts, **kind: str | bool) -> ClassifiedLine:
    """A line that is one thing only (furniture, a separator, a formula, a meeting line)."""
    return ClassifiedLine(line, start, **kind, **facts._asdict())  # type: ignore[arg-type]


class _Unnumbered(NamedTuple):
    """What a line that opens with no number or label may be: a vote, annex, heading, note."""

    vote: bool = False
    annex: bool = False
    annex_titled: bool = False
    part_letter: str | None = None
    footnote_like: bool = False
    heading_strong: bool = False


_NOTHING = _Unnumbered()


def _unnumbered(text: str, counts: _Counts, first_char: str) -> _Unnumbered:
    """Vote, annex, part letter, footnote and heading tests of a line with no number."""
    annex = counts.annex.pattern.match(text) if counts.annex[first_char] else None
    return _Unnumbered(
        counts.vote_start[first_char] and counts.vote_start.pattern.match(text) is not None,
        annex is not None,
        annex is not None and annex["title"] is not None,
        _part_letter(text, counts, first_char),
        (first_char.isdigit() or text.startswith("[^")) and _FOOTNOTE.match(text) is not None,
        counts.heading[first_char] and counts.heading.pattern.match(text) is not None,
    )


class _Lead(NamedTuple):
    capital: bool = False
    preamble: bool = False
    strong_preamble: bool = False
    operative: bool = False


_NO_LEAD = _Lead()
_CAPITAL_ONLY = _Lead(capital=True)


def _lead_kinds(
    rest: str, local: Profile, counts: _Counts, counted: list[str] | None, facts: _Facts
) -> _Lead:
    """Whether the text after any number or label opens like a lead, and of which kind.

    ``counted``: the words ``_first_word_counts`` read, when ``rest`` is the text it read
    (no markup, quote, bracket or number was passed over); ``facts`` holds their counts,
    so neither the words nor the counts are read again.
    """
    if not local.starts_like_lead(rest):
        return _NO_LEAD
    if counted is not None:
        if not counted:
            return _CAPITAL_ONLY
        words = counted
        first_pre, first_op = facts.pre_count, facts.op_count
    else:
        words = first_words(rest)
        if words and _lead_tables.adverb_opener(
            words[0], local.code
        ):  # "самым решительным образом"
            words = _after_adverb(first_words(rest, _HEAD_WORDS), local.code)
        if not words:
            return _CAPITAL_ONLY
        first_pre, first_op = counts.pre(words[0]), counts.op(words[0])
    language = local.code
    return _Lead(
        True,  # noqa: FBT003 - the fields in order, positional for speed
        _opens_lead(words, "pre", language, first_pre),
        first_pre >= _STRONG_LEAD,
        _opens_lead(words, "op", language, first_op),
    )


def _numbering(
    text: str, markup: regex.Match[str] | None, counts: _Counts
) -> tuple[regex.Match[str] | None, regex.Match[str] | None, bool, str | None]:
    """The number or label after any list markup, and whether one opens the bare line.

    Returns the number's match, the label's match (only when there is no number), and,
    for look-aheads that do not skip markup, whether the bare line opens with a number
    and the label it opens with.
    """
    pos = markup.end() if markup is not None else 0
    number = counts.number.match(text, pos)
    if markup is None:
        label = None if number is not None else counts.label.match(text)
        return number, label, number is not None, label["label"] if label is not None else None
    bare_number = counts.number.match(text) is not None
    bare = None if bare_number else counts.label.match(text)
    label = None if number is not None else counts.label.match(text, pos)
    return number, label, bare_number, bare["label"] if bare is not None else None


# "26 Condemns", "3) Decides", "(3) Decides": a paragraph number without its period
_LOOSE_NUMBER_RE = regex.compile(
    r"(?:\((?P<n>[1-9]\d{0,2})\)[ \t]+|(?P<n>[1-9]\d{0,2})(?:\)[ \t]+|[ \t]+))(?=[*_]*\p{L})"
)
_LOOSE_NUMBER = gate(_LOOSE_NUMBER_RE)


def _label_or_loose_number(  # noqa: PLR0913, PLR0917 - the line, and what was matched on it
    text: str,
    pos: int,
    local: Profile,
    counts: _Counts,
    number: regex.Match[str] | None,
    label: regex.Match[str] | None,
    *,
    any_word: bool,
) -> tuple[regex.Match[str] | None, regex.Match[str] | None, regex.Match[str] | None]:
    """The label, the number printed without its period, and such a number before any word.

    "3) Decides", "(3) Decides": a frequent verb after the number makes it a paragraph's
    number, not the label of an item; "3) Border corridors" stays a label, and is returned
    third, as a number only the numbering around it can confirm ("3) Declares that:" after
    "2) Acknowledges"). ``any_word``: take that third reading as the number.
    """
    if number is not None or (label is not None and not _number_in_paren(label)):
        return label, None, None
    loose, frequent = _loose_number(text, pos, local, counts)
    if loose is None:
        return label, None, None
    if frequent or any_word:
        return None, loose, None
    return label, None, loose


def _number_in_paren(label: regex.Match[str]) -> bool:
    """Whether a label is a number in parentheses ("3)", "(3)"), which may number a paragraph."""
    number = label["label"]
    return number.isdigit() and label.group() in {f"{number})", f"({number})"}


def _loose_number(
    text: str, pos: int, local: Profile, counts: _Counts
) -> tuple[regex.Match[str] | None, bool]:
    """A number printed without its period, and whether a frequent operative verb follows it.

    Only the verb tells such a number from a line that opens with a quantity ("15
    States") or a footnote ("3 Official Records"); whether the numbering lets it open a
    paragraph is the segmenter's question. Where leads open with a capital, the word
    after the number must have one too; where they do not (Russian "43 приветствует",
    Arabic), any word may follow. Markdown's emphasis may open the verb ("4) *Emphasizes*").
    """
    match = _LOOSE_NUMBER.match(text, pos)
    if match is None:
        return None, False
    verb = text[match.end() :].lstrip("*_")
    if local.cased and not verb[:1].isupper():
        return None, False
    first = first_word(verb)
    if not first:
        return None, False
    return match, counts.op(first) >= _FREQUENT


_FREQUENT = 30  # leads a first word must open in the tables to be taken as a verb here
_STRONG_LEAD = 30  # ... to be a frequent preambular lead (strong_preamble_lead)
_KNOWN_WORD = 2  # ... to be known as opening a lead at all (as _lead_tables.known_first_word)


def _first_word_counts(
    text: str, local: Profile, counts: _Counts
) -> tuple[int, int, list[str] | None, int]:
    """How many preambular and operative leads the line's first word opens in the tables.

    The words the lead test reads come back too (from the head on, past an opening
    adverb; None when they cannot be shared), with where they were read from: the lead
    test on the same text reuses both words and counts.
    """
    stripped = text.lstrip("*_ ")
    skipped = len(text) - len(stripped)
    if not local.starts_like_lead(stripped):
        return 0, 0, None, skipped
    words = _opening_words(stripped)
    if words is None:  # a first word too long for the lead test to read whole
        first = first_word(stripped)
        if not first:
            return 0, 0, None, skipped
    else:
        if not words:
            return 0, 0, words, skipped
        first = words[0]
    if _lead_tables.adverb_opener(first, local.code):  # "самым решительным образом осуждая"
        adverb = _after_adverb(first_words(stripped, _HEAD_WORDS), local.code)
        first = adverb[0]
        words = adverb if words is not None else None
    return counts.pre(first), counts.op(first), words, skipped


_HEAD_WORDS = 4  # an opening adverb of up to three words and its head


def _after_adverb(words: list[str], language: str) -> list[str]:
    """The words from a lead's head on, past an opening adverb the tables never saw it with.

    A phrase the tables know whole ("Se félicite", "Further recalling") is read as it
    stands: its own counts say its kind, and the head alone may say the other one.
    """
    head = _lead_tables.head_index(words, language)
    if head and not _lead_tables.known_phrase(words[: head + 1], language):
        return words[head:]
    return words


def _opening_words(text: str) -> list[str] | None:
    """``_first_words`` of a text, when its first is the word ``_first_word`` reads.

    None when it is not: the first word does not open the text, or may run past the
    characters ``_first_words`` looks at.
    """
    words: list[str] = []
    for match in _TOKEN_RE.finditer(text, 0, min(len(text), LEAD_SPAN)):
        token = match[0]
        if not token[:1].isalpha():
            break
        if not words and (match.start() or match.end() == LEAD_SPAN):
            return None
        words.append(_lead_tables.word_key(token))
        if len(words) == 2:
            break
    return words


def _opens_lead(words: list[str], kind: _lead_tables.Kind, language: str, first_count: int) -> bool:
    """Whether the words open a lead of this kind: known, or shaped like one.

    An opening adverb defers to the word after it: "Further recalling" is preambular,
    "Further decides" operative. ``first_count``: the leads of this kind the first word opens.
    """
    first = words[0]
    if len(words) > 1 and (
        first in CLAUSE_INTENSIFIERS
        or (first_count < _KNOWN_WORD and _lead_tables.adverb_shaped(first, language))
    ):
        # "Unequivocally condemning": an adverb the tables hardly saw open a lead
        second = words[1]
        if _lead_tables.looks_like_lead_word(
            second, kind, language
        ) or _lead_tables.known_first_word(second, kind, language):
            return True
        if _lead_tables.looks_like_lead_word(
            second, _OTHER[kind], language
        ) or _lead_tables.known_first_word(second, _OTHER[kind], language, minimum=30):
            return False
    return first_count >= _KNOWN_WORD or _lead_tables.looks_like_lead_word(first, kind, language)


# adverbs only: participles such as "noting" that also open leads are leads themselves
CLAUSE_INTENSIFIERS = frozenset(_lexicon.LEAD_INTENSIFIERS) - {"noting", "remaining"}
_OTHER: dict[_lead_tables.Kind, _lead_tables.Kind] = {"pre": "op", "op": "pre"}


def _part_letter(text: str, counts: _Counts, first_char: str) -> str | None:
    """``part_letter`` through the patterns' gates."""
    lettered = counts.part_letter
    match = lettered.pattern.match(text) if lettered[first_char] else None
    if match is None and counts.part is not None and counts.part[first_char]:
        match = counts.part.pattern.match(text)
    return match["letter"] if match else None
