"""How a line's text is shaped: where a clause may end, whether it reads as a heading.

Small tests on a line's own text, shared by the classifier, the segmenter's look-aheads,
the checks and the landmarks that place the body: none needs to know what the line is.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import regex

from resparse._language import profile
from resparse._lead_tables import word_key
from resparse._patterns import WIDE_RE
from resparse._patterns import WORD_TOKEN_RE as _TOKEN_RE

if TYPE_CHECKING:
    from resparse._language import Profile

_TERMINAL = frozenset(",;:.")
_QUOTES = frozenset("”’\"')]»“」』》")

_MAX_HEADING_WORDS = 40
# a section's title under its number may be longer: "XII" then a 41-word title (A/RES/78/253)
_MAX_TITLE_WORDS = 80

LEAD_SPAN = 80  # the characters the lead test reads a line's first words from


def first_words(text: str, limit: int = 2) -> list[str]:
    """The first words of a line, casefolded; empty when it does not open with a word."""
    words: list[str] = []
    for match in _TOKEN_RE.finditer(text, 0, min(len(text), LEAD_SPAN)):
        if not match[0][:1].isalpha():
            break
        words.append(word_key(match[0]))
        if len(words) == limit:
            break
    return words


def first_word(text: str) -> str:
    """The text's first word as the lead tables key it; empty when it opens with no word."""
    match = _TOKEN_RE.match(text)
    if match is None or not match[0][:1].isalpha():
        return ""
    return word_key(match[0])


def heading_like(text: str, *, continued: bool = False, local: Profile | None = None) -> bool:
    """A short capitalised line that does not end like a sentence or a clause.

    ``continued``: the line follows another heading line, so it may open in lower case.
    In a script without case (``local.cased`` false) any line opening with a letter may be one.
    """
    plain, wrapped = heading_shape(text, local or profile("en"))
    return wrapped if continued else plain


def heading_shape(text: str, local: Profile) -> tuple[bool, bool]:
    """Whether the line may be a heading, and whether it may be a wrapped heading's next line."""
    stripped = text.strip().strip("*_#").strip()
    # a footnote marker after the clause's comma ("...报告，4", "“The future we want”, 5"
    # where a PDF's text keeps the marker apart) must not hide where the clause ends
    last = stripped[-1:]
    ends = last in local.terminators or (
        (last.isdigit() or last in _MARK_ENDS or not local.cased)
        and ends_clause(stripped, local.terminators)
    )
    if not stripped or ends:
        strong = local.heading_re.match(stripped) is not None
        return strong, strong
    if stripped.isdigit():
        return False, False  # a footnote marker on a line of its own, not a title
    words = len(stripped.split())
    if words > _MAX_TITLE_WORDS:
        return False, False
    first = stripped[:1]
    # a title opens with a capital wherever the script has case, though a language's
    # leads may not (Russian "ссылаясь"): a lower-case line is a sentence broken in two
    plain = (local.starts_like_lead(stripped) and not first.islower()) or first.isdigit()
    return plain and words <= _MAX_HEADING_WORDS, plain or first.isalpha()


_TAIL = 48
# the last characters a run of trailing marks may end on, digits aside (see _trailing_marks)
_MARK_ENDS = frozenset("*_\u200e\u200f†‡")


def ends_clause(text: str, terminators: frozenset[str] = _TERMINAL) -> bool:
    """Whether a part's text ends where a clause may end (",", ";", ":" or "." in English).

    ``terminators`` is the language's set ("،" "؛" in Arabic, "，" "；" "。" in Chinese);
    a closing quote or a footnote marker after the terminator does not count.
    """
    text = text.rstrip()
    last = text[-1:]
    if last and last not in _MARK_ENDS and not last.isdigit():
        # no run of marks ends on this character, so the pattern below would strip nothing
        while last in _QUOTES and len(text) > 1 and text[-2] in terminators:
            text = text[:-1]
            last = text[-1]
        return last in terminators
    # only the end can hold the marks; matching "(...)+$" from every position of a long
    # paragraph cost more than the rest of the test (the tail keeps two characters of
    # context for the look-behinds, and the whole text is read if the tail is all marks)
    tail = text[-_TAIL:]
    trimmed = _trailing_marks(terminators).sub("", tail)
    if len(tail) < len(text):
        if len(trimmed) < 3:
            trimmed = _trailing_marks(terminators).sub("", text)
        else:
            trimmed = text[: len(text) - len(tail)] + trimmed
    while trimmed and trimmed[-1] in _QUOTES and len(trimmed) > 1 and trimmed[-2] in terminators:
        trimmed = trimmed[:-1]
    return bool(trimmed) and trimmed[-1] in terminators


@functools.cache
def _trailing_marks(terminators: frozenset[str]) -> regex.Pattern[str]:
    """Footnote markers, emphasis and direction marks after a clause's final punctuation.

    A direction mark may stand between the punctuation and the marker ("报告，\u200e1").
    """
    ends = regex.escape("".join(sorted(terminators)))
    marks = r"[\u200e\u200f]{0,3}"
    return regex.compile(
        rf"(?:[\s*_\u200e\u200f]|(?<=[{ends}]{marks})\s?\d{{1,3}}"
        rf"|(?<=[{ends}][”’\"')\]]?)\s?[*†‡])+$"
    )


# a row of a table of figures: its cells set apart by a tab or a run of spaces, the last
# cell an amount, as in a budget's "Subtotal, part I", a tab, and "419 788 600"
_TABLE_ROW_RE = regex.compile(
    r"\S(?:\t|[ \u00a0]{2,})[ \t\u00a0]*(?:\(?[-–−]?\d[\d ,.\u00a0\u202f]*\)?|[-–−—])[ \t]*$"
)

_NIL = frozenset("-–−—")  # a nil amount
_ROW_ENDS = _NIL | {")"}  # what a row's last cell may end with, digits aside
_WIDE_GAP_RE = regex.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")
_GAP_RE = regex.compile(r"(?<=\S)[ \u00a0](?=\S)")
_YEAR_RE = regex.compile(r"(?:19|20)\d\d")  # a justified line may set a year apart


def table_row(text: str) -> bool:
    """Whether a line reads as a row of a table of figures, not as running text.

    A table's rows end in an amount, with no sentence punctuation: the paragraph that holds
    the table has not lost its terminator, and a table's own row numbers ("2. General
    income ...") are no paragraph numbers.
    """
    last = text.rstrip()[-1:]
    if not (last.isdigit() or last in _ROW_ENDS) or not ("\t" in text or "  " in text):
        return False  # the quick test first: the search runs on few lines
    match = _TABLE_ROW_RE.search(text)
    if match is None:
        return False
    if "\t" not in match[0] and len(_WIDE_GAP_RE.findall(text)) > max(
        1, len(_GAP_RE.findall(text))
    ):
        return False  # a justified line spaces out every word, not only its cells
    cell = match[0][1:].strip(" \t\u00a0()")
    if cell in _NIL:
        return "\t" in match[0]  # a nil amount, printed as a dash in its own cell
    return sum(c.isdigit() for c in cell) >= 3 and not _YEAR_RE.fullmatch(cell)


def unfinished_title(text: str, local: Profile) -> str | None:
    """The word a title ends on where no title ends (a conjunction, an article), else None.

    The words are the profile's ``title_never_ends``, written in small letters; in a
    script written without spaces, the title's last character ("和").
    """
    never = local.words.get("title_never_ends", frozenset())
    text = text.rstrip().rstrip("*_")
    if not never or not text:
        return None
    if WIDE_RE.fullmatch(text[-1]):
        last = text[-1]
    else:
        words = _TITLE_WORD.findall(text)
        last = words[-1].replace("'", "\u2019") if words else ""
        if not last.islower():
            return None  # a capital is a label or a name: "hepatitis A", "section B"
    return last if last in never else None


# a word of a title, hyphenated ones whole ("follow-on"), and the elided articles of
# French with either apostrophe
_TITLE_WORD = regex.compile(r"[\w’'-]+")
