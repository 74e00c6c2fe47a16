"""Every regular expression of the parser, compiled once from the word lists in _lexicon.

Patterns are anchored and bounded (no nested unbounded repeats), so matching a line costs
time linear in its length whatever the line holds.
"""

from __future__ import annotations

import regex

from resparse import _lexicon

_V = regex.VERBOSE | regex.VERSION1
_VI = _V | regex.IGNORECASE


def _alternation(words: tuple[str, ...]) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in ordered)


MONTH = _alternation(_lexicon.MONTHS)
DATE = rf"\d{{1,2}}\s+(?:{MONTH})\s+\d{{4}}"

# A word as the lead tables count them: letters and digits, inner hyphens and apostrophes.
WORD_RE = regex.compile(r"\w+(?:[-'’]\w+)*")

# Markdown emphasis around a run of text on one line: *x*, _x_ (not ** bold markers).
MARKDOWN_ITALIC_RE = regex.compile(
    r"""
    (?<![\w*\\])\*(?![\s*])(?P<a>[^*\n]{1,300}?)(?<![\s\\])\*(?![\w*])
    | (?<![\w\\])_(?![\s_])(?P<b>[^_\n]{1,300}?)(?<![\s\\])_(?!\w)
    """,
    _V,
)

# Markdown structure at the start of a line: list bullet, heading hashes, block quote.
LINE_MARKUP_RE = regex.compile(r"(?:(?P<bullet>[-+•▪◦·–—])\s+|\*\s+(?=\d)|\#{1,6}\s+|>\s*)")

# Emphasis markers and escapes that the clean text drops.
EMPHASIS_MARK_RE = regex.compile(r"(?<!\\)(?:\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w))")

# An operative paragraph number: "1.", "12 .", "**3.**", also OCR "l." for "1.".
OPERATIVE_NUMBER_RE = regex.compile(
    r"""
    (?:\*\*|__)?
    (?P<n>\d{1,3}|[lI](?=\.\s))
    (?:\*\*|__)?
    \s?\.(?:\*\*|__)?
    (?=[\s*_]|$)
    """,
    _V,
)

# A sub-paragraph label: "(a)", "(ii)", "(1)", and the French and Spanish "a)".
SUBPARAGRAPH_LABEL_RE = regex.compile(
    r"""
    \(\s?(?P<label>[a-z]{1,2}|[ivxlc]{1,6}|\d{1,2}|[A-Z])\s?\)
    (?=[\s*_]|$)
    | (?P<label>[a-z]|[ivx]{1,5})[.)](?=\s)
    """,
    _V,
)

# The enacting formula: "The General Assembly," / "The Human Rights Council,".
BODY_HEAD = _alternation(_lexicon.BODY_HEADS)
ENACTING_FORMULA_RE = regex.compile(
    rf"""
    [*_]{{0,3}}
    (?P<formula>
        The\s+(?P<body>(?:[A-Z][\w'’.-]*\s+(?:(?:of|on|and|for|the|to)\s+){{0,3}}){{0,8}}(?:{BODY_HEAD}))
    )
    [*_]{{0,3}}\s?,?[*_]{{0,3}}
    \s*$
    """,
    _V,
)

# Adoption record lines that close the operative part.
MEETING_RE = regex.compile(
    rf"""
    (?P<meeting>
        \d{{1,5}}\s?(?:st|nd|rd|th|d|ème|e)\s+
        (?:\(\s?resumed\s?\)\s+)?(?:plenary\s+)?meeting
    )
    (?:[\s,]+(?P<date>{DATE}))?
    [.,]?\s*$
    """,
    _VI,
)
DATE_LINE_RE = regex.compile(rf"(?P<date>{DATE})\.?\s*$", _VI)

# The start of a vote statement: "[Adopted by a recorded vote ...", "Adopted unanimously ...".
VOTE_START_RE = regex.compile(
    r"""
    \[?\s?
    (?:(?:Resolution|Decision)\s+adopted|Adopted|Adoptée?|Aprobad[ao]|Not\s+adopted
       |The\s+draft\s+resolution\s+(?:was|failed))
    \b
    """,
    _V,
)

# Page furniture, one line each.
PAGE_NUMBER_RE = regex.compile(r"(?:Page\s+)?\d{1,3}\s?/\s?\d{1,3}\s*$")
JOB_NUMBER_RE = regex.compile(
    r"""
    (?:\d{2}-\d{5}|[A-Z]?\d{2}-\d{5})
    (?:\s?\([A-Z]\))?
    (?:\s+\d{6})?
    (?:\s+\d{6})?
    \s*$
    """,
    _V,
)
BARCODE_RE = regex.compile(r"\*\d{6,8}\*\s*$")
SEPARATOR_RE = regex.compile(r"(?:_{5,}|-{8,})\s*$")
RECYCLE_RE = regex.compile(r"Please\s+recycle\s*$", regex.IGNORECASE)

# Headings inside the operative part or between parts.
HEADING_RE = regex.compile(
    r"""
    (?:
        (?P<roman>[IVXL]{1,6})\.?(?:\s+(?P<rest>\S.{0,200}))?
      | (?P<letter>[A-H])\.?(?:\s+(?P<rest2>[A-Z].{0,200}))?
      | Part\s+(?P<part>[A-Z]|[IVX]{1,5}|One|Two|Three|Four|Five)\b.{0,200}
      | Section\s+[IVX\d]{1,5}\b.{0,200}
      | Chapter\s+[IVX\d]{1,5}\b.{0,200}
      | \*\s?\*\s?\*
    )
    $
    """,
    _V,
)
ANNEX_RE = regex.compile(
    r"""
    [*_#\s]{0,6}
    (?P<label>(?:Annex|Appendix|Attachment|Enclosure|Annexe|Anexo)(?:\s+(?:[IVXL]{1,6}|\d{1,2}|[A-Z]))?)
    [*_]{0,3}
    \s*$
    """,
    _VI,
)

# A footnote line: "1\tText", "1 Text", "12/ Text", "* Text".
FOOTNOTE_LINE_RE = regex.compile(
    r"""
    (?P<marker>\d{1,3}|\*{1,3}|[a-z])
    (?:/|\.(?=\s))?
    (?:\t|\s{1,4})
    (?P<text>\S.*)
    $
    """,
    _V,
)
FOOTNOTE_MARKER_ONLY_RE = regex.compile(r"(?P<marker>\d{1,3})\s*$")
