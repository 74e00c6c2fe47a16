"""The regular expressions that are the same in every language, compiled once.

What differs between languages (formula, header fields, meeting lines, dates) lives in
the language profiles (``lexicon/<code>.toml``, loaded by ``_language``). Patterns are
anchored and bounded (no nested unbounded repeats), so matching a line costs
time linear in its length whatever the line holds.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from collections.abc import Iterable

_V = regex.VERBOSE | regex.VERSION1

# Characters of scripts written without spaces, printed two columns wide: Chinese and
# Japanese characters, their punctuation and full-width forms. A line may break between
# any two of them, and the break is no space.
WIDE_CHARACTERS = r"\p{Han}\p{Hiragana}\p{Katakana}\u3000-\u303f\uff00-\uffef"
WIDE_RE = regex.compile(f"[{WIDE_CHARACTERS}]")
FIRST_WIDE = 0x2E80  # no wide character lies below this code point

# Words as the lead tables count them (Chinese characters one by one), or punctuation;
# the direction marks of right-to-left text and control characters are neither.
WORD_TOKEN_RE = regex.compile(
    r"\p{Han}|[^\W_\p{Han}]+(?:[-'’\u2011][^\W_\p{Han}]+)*|[^\w\s*\u200e\u200f\p{Cc}]"
)

# A word as the lead tables count them: letters and digits, inner hyphens and apostrophes.
WORD_RE = regex.compile(r"\w+(?:[-'’]\w+)*")

# Markdown emphasis, "*x*", "**x**", "***x***" and the same with "_": converters write a
# lead's italics (or, for Chinese, its bold) in any of them, so each marks a lead. Outside
# Chinese a run opens and closes at a word's edge; in Chinese the marks may touch the
# characters around them ("*回顾*其"), a digit too where the marked text is Han ("*对*2012年
# ...*表示遗憾和关切*": the run "对", not the unmarked text between two runs).
MARKDOWN_ITALIC_RE = regex.compile(
    r"""
    (?<![*\\])(?:(?<![^\W\p{Han}])|(?<=\d)(?=\*{1,3}\p{Han}))(?P<stars>\*{1,3})(?![\s*])
    (?P<a>[^*\n]{1,300}?)(?<![\s\\])
    (?P=stars)(?![*])(?:(?![^\W\p{Han}])|(?<=\p{Han}\*{1,3})(?=\d))
    | (?<![\\_])(?:(?<![^\W\p{Han}])|(?<=\d)(?=_{1,3}\p{Han}))(?P<unders>_{1,3})(?![\s_])
    (?P<b>[^_\n]{1,300}?)(?<![\s\\])
    (?P=unders)(?!_)(?:(?![^\W\p{Han}])|(?<=\p{Han}_{1,3})(?=\d))
    """,
    _V,
)

# Markdown structure at the start of a line: list bullet, heading hashes, block quote.
LINE_MARKUP_RE = regex.compile(r"(?:(?P<bullet>[-+•▪◦·–—])\s+|\*\s+(?=\d)|\#{1,6}\s+|>\s*)")

# Emphasis markers and escapes that the clean text drops. An underscore run inside a word
# ("file_name") is text; next to a Han character it is emphasis, as ``MARKDOWN_ITALIC_RE``
# reads it ("在这方面__回顾__其": the lead's span ends inside the run's pair).
EMPHASIS_MARK_RE = regex.compile(
    r"(?<!\\)(?:\*{1,3}|(?<![^\W\p{Han}])_{1,3}|_{1,3}(?![^\W\p{Han}]))"
)

# A markdown escape: the backslash before an ASCII punctuation mark ("1\.", "\(a\)").
MARKDOWN_ESCAPE_RE = regex.compile(r"\\(?=[!-/:-@\[-`{-~])")

# An operative paragraph number: "1.", "12 .", "**3.**", also OCR "l." for "1.".
OPERATIVE_NUMBER_RE = regex.compile(
    r"""
    (?:\*\*|__)?
    (?P<n>\d{1,3}|(?!19|20)[1-9]\d{3}|[lI](?=\.\s))  # past 999, but not a year ("2020.")
    (?:\*\*|__)?
    \s?\\?\.(?:\*\*|__)?          # "1\." as markdown escapes a number that opens no list
    (?:[-\u2013\u2014](?=\s))?     # "1.- Decide", as some typists number
    (?=[\s*_]|$|\p{Lu}\p{Ll})    # "2.Requests": an extractor lost the space
    """,
    _V,
)

# What a preambular clause ends with, in the scripts of the six languages.
CLAUSE_COMMAS = (",", "\u060c", "\uff0c")

# A sub-paragraph label: "(a)", "(ii)", "(1)", and the French and Spanish "a)" and "1)".
# "3) Decides" at the top level is a paragraph number: the classifier reads a frequent
# verb after "N)" as one (see ``_classify._loose_number``).
SUBPARAGRAPH_LABEL_RE = regex.compile(
    r"""
    \\?\(\s?(?P<label>[a-z]{1,2}|[ivxlc]{1,6}|\d{1,2}|[A-Z])\s?\\?\)  # markdown may escape: "\(a\)"
    (?=[\s*_]|$|\p{Lu}\p{Ll})  # "(mm)Designing": a PDF may lose the space after the label
    | (?P<label>[a-z]|[ivx]{1,5})[.)](?=\s)
    | (?P<label>[1-9]\d?)\)(?=[ \t])
    """,
    _V,
)

# A lettered part of what a paragraph sets out: "A. Pension Administration" (the parts of a
# staffing table). Elsewhere "A. Title" is a heading, so the assembler asks for context.
LETTERED_PART_RE = regex.compile(r"(?P<label>[A-Z])\.[ \t]+(?=\S)")


def alternation(words: Iterable[str]) -> str:
    """The words as one pattern, longest first ("none" before "no"), a space matching any."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def optional_words(words: tuple[str, ...]) -> str:
    """A profile's word before a number or label, optional ("Page 2/7", "Part B").

    Nothing where the profile gives no words.
    """
    return rf"(?:(?:{alternation(words)})\s+)?" if words else ""


def more_lead_joint(words: tuple[str, ...] | None) -> str:
    """What stands before a further lead: a comma or semicolon, maybe a profile's word.

    The words are ``more_lead_conjunctions`` (", and *requests*", ", et *prie*"); the
    Akoma Ntoso reader and writer both read a further lead by this pattern.
    """
    return rf"[,;،]\s+{optional_words(words or ())}"


# Page furniture, one line each; the word before a page number is the profile's.


@functools.cache
def page_number_re(words: tuple[str, ...]) -> regex.Pattern[str]:
    """A page number, "2/7", or "Page 2/7" with the profile's ``page_words``; compiled once."""
    return regex.compile(rf"{optional_words(words)}\d{{1,3}}\s?/\s?\d{{1,3}}\s*$")


JOB_NUMBER_RE = regex.compile(
    r"""
    (?:[A-Z]{1,2}\.)?  # the office's prefix: Geneva's "GE.24-06212", Vienna's "V.23-01234"
    (?:\d{2}-\d{5}|[A-Z]?\d{2}-\d{5})
    (?:\s?\([A-Z]\))?
    (?:\s+\d{6})?
    (?:\s+\d{6})?
    \s*$
    """,
    _V,
)
BARCODE_RE = regex.compile(r"\*\d{6,8}\*\s*$")
SEPARATOR_RE = regex.compile(r"(?:_{3,}|-{3,})\s*$")  # pdftotext's rule, markdown's "---"

# Headings inside the operative part or between parts: "II. Financing", "B. Title",
# "* * *", and the profile's words with a number: "Part B", "Part IV", "Part One"
# (``part_words`` and ``part_number_words``), "Section 2", "Chapter IV" (``heading_words``).
_HEADING_NUMBERED = (
    r"(?P<roman>[IVXL]{1,6})\.?(?:\s+(?P<rest>\S.{0,200}))?",
    r"(?P<letter>[A-H])\.?(?:\s+(?P<rest2>[A-Z].{0,200}))?",
)


@functools.cache
def heading_re(
    part_words: tuple[str, ...], heading_words: tuple[str, ...], part_numbers: tuple[str, ...]
) -> regex.Pattern[str]:
    """A heading line, with the profile's words before a part's or a heading's number.

    A part word takes a letter, a roman number or one of ``part_numbers`` ("Part B",
    "Part IV", "Part One"); a heading word a roman or arabic number ("Section 2").
    Compiled once for each set of words, so that its gate is learned once too.
    """
    shapes = list(_HEADING_NUMBERED)
    if part_words:
        numbers = "|".join([r"[A-Z]", r"[IVX]{1,5}", *(regex.escape(w) for w in part_numbers)])
        shapes.append(rf"(?:{alternation(part_words)})\s+(?P<part>{numbers})\b.{{0,200}}")
    if heading_words:
        shapes.append(rf"(?:{alternation(heading_words)})\s+[IVX\d]{{1,5}}\b.{{0,200}}")
    shapes.append(r"\*\s?\*\s?\*")
    return regex.compile(rf"(?:{'|'.join(shapes)})$", regex.VERSION1)


# A heading with no words of a language: what a profile that gives none reads.
UNWORDED_HEADING_RE = heading_re((), (), ())


# A footnote line: "1\tText", "1 Text", "12/ Text", "* Text", markdown's "[^1]: Text", and
# the Arabic texts' "(1) Text" (their markers print in brackets: "الميثاق(1)")
FOOTNOTE_LINE_RE = regex.compile(
    r"""
    (?:(?P<marker>\d{1,3}|\*{1,3}|[a-z])(?:/|\.(?=\s))? | \[\^(?P<marker>[\w-]{1,12})\]:
       | \((?P<marker>\d{1,3})\))
    (?:\t|\s{1,4})
    (?P<text>\S.*)
    $
    """,
    _V,
)
FOOTNOTE_MARKER_ONLY_RE = regex.compile(r"(?P<marker>\d{1,3})\s*$")


class Gate(dict[str, bool]):
    """Which characters a pattern's match may start at: ``gate[char]``, learned on demand.

    A line is tried against some twenty patterns, and most fail at their first
    character; a failed ``match`` call costs about three times a lookup here. The gate
    asks the pattern itself, once per character, whether any text opening with that
    character could match (the ``regex`` module's partial matching), so the knowledge
    follows every pattern a language profile brings, with nothing written out by hand.
    A pattern with a look-behind or a not-a-word-boundary (which one character cannot
    show), or one that matches the empty text, opens everywhere. Hot loops read
    ``gate[char]`` inline; ``match`` is the same test for the rest.
    """

    __slots__ = ("_always", "pattern")

    def __init__(self, pattern: regex.Pattern[str]) -> None:
        super().__init__()
        self.pattern = pattern
        source = pattern.pattern
        self._always = "(?<" in source or "\\B" in source or pattern.match("") is not None

    def __missing__(self, char: str) -> bool:
        opens = self._always or not char or self.pattern.match(char, partial=True) is not None
        if len(self) < _GATE_CHARS:
            self[char] = opens
        return opens

    def match(self, text: str, pos: int = 0) -> regex.Match[str] | None:
        """``pattern.match(text, pos)``, or None at once where no match can start."""
        return self.pattern.match(text, pos) if self[text[pos : pos + 1]] else None


_GATE_CHARS = 4096  # distinct characters a gate remembers (Chinese text has thousands)
_GATES: dict[regex.Pattern[str], Gate] = {}


def gate(pattern: regex.Pattern[str]) -> Gate:
    """The one gate of ``pattern``, shared by every stage and document."""
    found = _GATES.get(pattern)
    if found is None:
        found = _GATES[pattern] = Gate(pattern)
    return found
