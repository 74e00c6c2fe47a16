"""Citations a resolution makes: resolutions, decisions, documents and treaties it names.

A post-pass over a parsed result. It reads each preambular clause, operative paragraph,
footnote and annex on the original source, where page furniture, footnote markers and
notes that a page break put inside a part are first overwritten with spaces *of the same
length* (so offsets never move), and then matches tolerantly: any run of white space,
line breaks included, separates words.

A citation is a head ("General Assembly resolution", "its resolutions", "decision") and a
list of items ("54/225 of 22 December 1999, 55/203 and 78/146", "2139 (2014) to 2165
(2014)"), read item by item with anchored matches, so the work is linear. Each item gives
one :class:`~resparse.model.Reference` with a normalized target symbol; "its" resolves to
the citing body, a bare "resolution" to the body its number's form belongs to. Document
symbols ("A/78/435", "S/PRST/2011/16") and a table of treaties are found on their own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, AnyStr

import regex

from resparse._deadline import checked
from resparse._reference_lists import _any_in, read_part
from resparse._reference_words import (
    BODIES,
    TREATY_WORDS,
    WORDS,
    Grammar,
    Words,
    grammar,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from resparse.model import Reference, Resolution, Span

# the words and patterns live in _reference_words, one part's reading in _reference_lists;
# these names stay importable from here
__all__ = [
    "BODIES",
    "CASE_ALIASES",
    "TREATY_WORDS",
    "WORDS",
    "Grammar",
    "Words",
    "blank_notes",
    "citing_body",
    "find_references",
    "grammar",
    "read_part",
]

_V = regex.VERBOSE | regex.VERSION1


def citing_body(result: Resolution) -> str | None:
    """The body that adopted the result, as a code: the symbol decides, then the header."""
    symbol = (result.header.symbol or "").upper()
    for prefix, code in (("A/HRC/", "HRC"), ("E/CN.4/", "CHR"), ("S/", "SC"), ("E/", "ECOSOC")):
        if symbol.startswith(prefix):
            return code
    if symbol.startswith("A/"):
        return "GA"
    body = (result.header.body or "").casefold()
    for code, (name, _, _) in BODIES.items():
        if name.casefold() in body:
            return code
    return None


def _holes(result: Resolution) -> tuple[list[Span], list[Span]]:
    """The furniture, and the notes with their markers, of a result."""
    notes: list[Span] = []
    for note in result.footnotes:
        notes.append(note.span)
        notes.extend(s for s in (note.anchor, note.marker_span) if s is not None)
    return [f.span for f in result.furniture], notes


def blank_notes(result: Resolution) -> str:
    """The source with furniture, footnotes and their markers overwritten by spaces.

    A part's span may hold a footnote or a running head that a page break put inside
    it: blanking them (same length) lets a phrase run across them, offsets unmoved.
    """
    furniture, notes = _holes(result)
    return _blank(result.source, [*furniture, *notes])


def find_references(result: Resolution) -> tuple[Reference, ...]:
    """Every citation in the result's clauses, paragraphs, footnotes and annexes, in order.

    Most parts cite nothing: one scan of the whole source for the words every citation
    needs (a head's "resolution", a treaty's key word) tells which parts to read, and the
    masked copies of the source are made only when some part is read.
    """
    furniture, notes = _holes(result)
    source = result.source
    g = grammar(result.language)
    heads = _stem_starts(g.stems, source)
    named = _literal_starts(TREATY_WORDS, source) if result.language == "en" else []
    body = citing_body(result)
    texts: dict[bool, str] = {}
    found: list[Reference] = []
    for part, index, span in checked(_parts(result), "reading the references", 16):
        if not _may_cite(source, span, heads, named):
            continue
        note = part == "footnote"
        if note not in texts:
            texts[note] = _blank(source, furniture if note else [*furniture, *notes])
        found.extend(
            read_part(
                texts[note],
                span,
                part,
                index,
                body=body,
                language=result.language,
                heads=heads,
                named=named,
            )
        )
    found.sort(key=lambda r: (r.span.start, r.in_range, -r.span.end))
    return tuple(found)


# The characters other than ASCII whose lower, upper or folded case holds an ASCII letter
# ("ſ" is an "s" to a case-insensitive match): a test derives the same set from Unicode.
CASE_ALIASES = (  # ß İ ı ŉ ſ ǰ ẖ ẗ ẘ ẙ ẚ ẞ, the Kelvin sign, the ligatures ﬀ to ﬆ
    "\u00df\u0130\u0131\u0149\u017f\u01f0\u1e96\u1e97\u1e98\u1e99"
    "\u1e9a\u1e9e\u212a\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"
)


def _has_case_alias(text: str) -> bool:
    """Whether ``text`` holds one of ``CASE_ALIASES``.

    One ``in`` per character is several times quicker than a character class, which
    scans a text beyond Latin-1 slowly.
    """
    return not text.isascii() and any(alias in text for alias in CASE_ALIASES)


def _stem_starts(stems: tuple[str, ...], text: str) -> list[int]:
    """Every place where a stem begins in ``text``, whatever its case, in order.

    Found with ``str.find`` in the lower-cased text, which is three times quicker than a
    case-insensitive pattern and finds the same places: lower-casing changes no length
    and maps every case form of a stem's letters onto the stem, except for the rare
    characters of ``CASE_ALIASES``, which send the text to the pattern. ASCII stems are
    found in the UTF-8 bytes with their ASCII letters lowered (see :func:`_byte_starts`).
    """
    if text.isascii():
        return _literal_starts(stems, text.lower())
    if _has_case_alias(text):
        alternation = "|".join(regex.escape(stem) for stem in stems)
        return _starts(regex.compile(f"(?=(?:{alternation}))", _V | regex.IGNORECASE), text)
    if all(stem.isascii() for stem in stems):
        return _byte_starts(stems, text)
    return _literal_starts(stems, text.lower())


def _byte_starts(stems: tuple[str, ...], text: str) -> list[int]:
    """``_literal_starts(stems, text.lower())`` for ASCII stems, without lowering the text.

    Outside ``CASE_ALIASES`` no character beyond ASCII lowers to an ASCII one, so an ASCII
    stem stands in the lowered text exactly where it stands in the text's UTF-8 bytes
    with only their ASCII letters lowered (``bytes.lower``, several times quicker than
    ``str.lower`` on a text beyond ASCII). Each byte offset found starts an ASCII
    character; the characters before it are counted by decoding the bytes in between.
    """
    data = text.encode("utf-8", "surrogatepass").lower()
    found: list[int] = []
    done = chars = 0
    for at in _literal_starts(tuple(stem.encode("ascii") for stem in stems), data):
        chars += len(data[done:at].decode("utf-8", "surrogatepass"))
        done = at
        found.append(chars)
    return found


def _literal_starts(words: tuple[AnyStr, ...], text: AnyStr) -> list[int]:
    """Every place where one of ``words`` begins in ``text`` (overlaps too), in order."""
    found: set[int] = set()
    for word in words:
        at = text.find(word)
        while at != -1:
            found.add(at)
            at = text.find(word, at + 1)
    return sorted(found)


def _starts(pattern: regex.Pattern[str], text: str) -> list[int]:
    """Every place in ``text`` where ``pattern`` (a look-ahead, so overlaps count) matches."""
    return [match.start() for match in pattern.finditer(text)]


def _may_cite(source: str, span: Span, heads: list[int], named: list[int]) -> bool:
    """Whether a part can hold a citation: a head's word, a treaty's, or a slash.

    Masking only turns characters into spaces, so a word the masked text holds is in the
    source at the same place: a part the source rules out holds nothing when masked.
    """
    if _any_in(heads, span.start, span.end) or _any_in(named, span.start, span.end):
        return True
    return source.find("/", span.start, span.end) != -1


def _parts(result: Resolution) -> Iterator[tuple[str, int, Span]]:
    for i, clause in enumerate(result.preamble):
        yield "preambular", i, clause.span
    for i, para in enumerate(result.operative):
        yield "operative", i, para.span
    for i, note in enumerate(result.footnotes):
        yield "footnote", i, note.span
    for i, annex in enumerate(result.annexes):
        yield "annex", i, annex.span


def _blank(source: str, holes: list[Span]) -> str:
    """``source`` with the holes' characters (white space kept) turned into spaces."""
    if not holes:
        return source
    pieces: list[str] = []
    done = 0
    for start, end in _merged(holes, len(source)):
        pieces.append(source[done:start])
        pieces.append(_NONSPACE_RE.sub(" ", source[start:end]))
        done = end
    pieces.append(source[done:])
    return "".join(pieces)


# ``\S`` of the standard library's ``re`` is exactly ``not str.isspace()`` (a test checks
# every code point)
_NONSPACE_RE = re.compile(r"\S")


def _merged(holes: list[Span], size: int) -> list[tuple[int, int]]:
    """The holes as sorted, disjoint ``(start, end)`` pairs inside ``[0, size)``."""
    merged: list[tuple[int, int]] = []
    for hole in sorted(holes, key=lambda h: h.start):
        start, end = max(hole.start, 0), min(hole.end, size)
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
