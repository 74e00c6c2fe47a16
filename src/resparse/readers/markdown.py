"""Markdown as written: the source is the text, and emphasis is found by CommonMark's rules.

Markdown is what PDF converters (pymupdf4llm, marker, docling) and people write, and its
italics carry the UN's lead phrases. The parser can already spot ``*x*`` in plain text
with one regular expression, but that cannot tell ``**bold**`` from ``*italic*`` in all
their combinations, let emphasis run over a line break, or keep code and footnote labels
out; so this reader walks the blocks (paragraphs, list items, headings, quotes, footnote
definitions, fenced code) and runs CommonMark's delimiter algorithm inside each block.

Nothing is rewritten: ``Document.text`` is the markdown itself, so every offset points
into what the user gave, and headings (``#``) and list markers (``- 1.``) stay in the text
for the parser to read. Emphasis spans cover the emphasised text without its delimiters.
Deliberate simplifications: indented code blocks and raw HTML blocks are read as
paragraphs (converters of UN documents do not write them, and treating indented text as
code would hide its italics), and link destinations are scanned like text.
"""

from __future__ import annotations

import bisect
import unicodedata

import attrs
import regex

from resparse.model import Diagnostic, Span
from resparse.readers.base import Document
from resparse.readers.dispatch import decode_text

__all__ = ["read_markdown"]

# Block starts, matched at a line's first character.
_BLANK_RE = regex.compile(r"[^\S\n]*$")
_QUOTE_RE = regex.compile(r"[ ]{0,3}>[ \t]?")
_FENCE_RE = regex.compile(r"[ ]{0,3}(?P<fence>`{3,}|~{3,})")
_HEADING_RE = regex.compile(r"[ ]{0,3}\#{1,6}(?:[ \t]+|(?=[ \t]*$))")
_RULE_RE = regex.compile(r"[ ]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$")
_ITEM_RE = regex.compile(r"[ ]{0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|(?=[ \t]*$))")
_DEFINITION_RE = regex.compile(r"[ ]{0,3}\[\^(?P<label>[^\]\s]{1,100})\]:[ \t]*")
_TABLE_RE = regex.compile(r"[ ]{0,3}\|")

# Inline tokens, in order of precedence.
_INLINE_RE = regex.compile(
    r"""
    (?P<code>`+)
    | \\(?P<escaped>[!-/:-@\[-`{-~])
    | \[\^(?P<label>[^\]\s]{1,100})\]
    | <sup>(?P<sup>[^<>\n]{1,20})</sup>
    | (?P<run>\*+|_+)
    """,
    regex.VERBOSE,
)


@attrs.define
class _Block:
    """A run of lines whose inline content is read together: (start, end) per line."""

    segments: list[tuple[int, int]] = attrs.field(factory=list)
    definition: str | None = None  # the label of a footnote definition
    opens_paragraph: bool = True  # whether the lines after it may continue it


@attrs.define
class _Found:
    """What the inline pass finds across blocks."""

    labels: set[str]  # footnote labels that have a definition
    italics: list[Span] = attrs.field(factory=list)
    superscripts: list[Span] = attrs.field(factory=list)
    undefined: set[str] = attrs.field(factory=set)


@attrs.define
class _Delimiter:
    char: str
    pos: int  # start of the delimiters still unmatched, in block coordinates
    length: int
    original: int
    can_open: bool
    can_close: bool


_ENDS = _Block(opens_paragraph=False)  # a blank line or a rule: ends a paragraph, holds nothing


def read_markdown(source: str | bytes, *, path: str | None = None) -> Document:
    """Read markdown into a Document whose text is the source and whose italics are its emphasis.

    ``bytes`` are decoded by the same policy as plain text (UTF-8, or UTF-16 with a mark);
    a ``str`` is taken as it is. Footnote references (``[^1]``) that have a definition
    (``[^1]: text``) are reported as superscripts: the span of the label, which is the
    marker a reader of the rendered page sees raised. Definitions are reported as small
    type, as a renderer sets them.
    """
    diagnostics: list[Diagnostic] = []
    if isinstance(source, (bytes, bytearray, memoryview)):
        text, diagnostics = decode_text(bytes(source), path=path)
    elif isinstance(source, str):
        text = source
    else:
        msg = f"read_markdown() takes str or bytes, not {type(source).__name__}"
        raise TypeError(msg)

    blocks = _blocks(text)
    found = _Found({block.definition for block in blocks if block.definition is not None})
    for block in blocks:
        _inline(text, block, found)
    if found.undefined:
        names = ", ".join(sorted(found.undefined)[:5])
        diagnostics.append(
            Diagnostic(
                "markdown.footnote_undefined",
                f"footnote references without a definition were left as text: {names}",
                "info",
            )
        )
    small = [
        Span(block.segments[0][0], block.segments[-1][1])
        for block in blocks
        if block.definition is not None
    ]
    return Document(
        text=text,
        reader="markdown",
        italics=tuple(_union(found.italics)),
        diagnostics=tuple(diagnostics),
        path=path,
        superscripts=tuple(sorted(found.superscripts)),
        small=tuple(small),
    )


# --- blocks --------------------------------------------------------------------------------


def _blocks(text: str) -> list[_Block]:
    """Cut the text into blocks, keeping for each line the part that holds inline content."""
    blocks: list[_Block] = []
    current: _Block | None = None
    fence: str | None = None
    start = 0
    length = len(text)
    while start <= length:
        end = text.find("\n", start)
        if end == -1:
            end = length
        pos = start
        while match := _QUOTE_RE.match(text, pos, end):
            pos = match.end()
        if fence is not None:
            stripped = text[pos:end].strip()
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = None
        else:
            fence, block = _line(text, pos, end)
            if block is None and fence is None:
                if current is None:
                    current = _Block([(pos, end)])
                    blocks.append(current)
                else:
                    current.segments.append((pos, end))  # a continuation line
            else:
                current = block if block is not None and block.opens_paragraph else None
                if block is not None and block is not _ENDS:
                    blocks.append(block)
        start = end + 1
    return blocks


def _line(text: str, pos: int, end: int) -> tuple[str | None, _Block | None]:
    """What a line (its quote markers skipped) starts: a fence, a block of its own, or neither.

    Blank lines, rules and fences end the paragraph before them; headings and table rows
    are blocks of one line; list items and footnote definitions open a block that the
    lines after them may continue. ``(None, None)`` means the line continues a paragraph
    or starts one; ``_ENDS`` that it only ends the paragraph before it.
    """
    if _BLANK_RE.match(text, pos, end) or _RULE_RE.match(text, pos, end):
        return None, _ENDS
    if match := _FENCE_RE.match(text, pos, end):
        return match["fence"], None
    if match := _HEADING_RE.match(text, pos, end):
        return None, _Block([(match.end(), end)], opens_paragraph=False)
    if _TABLE_RE.match(text, pos, end):
        return None, _Block([(pos, end)], opens_paragraph=False)
    if match := _DEFINITION_RE.match(text, pos, end):
        return None, _Block([(match.end(), end)], definition=match["label"])
    if match := _ITEM_RE.match(text, pos, end):
        while match is not None:  # "- 1." nests two markers
            pos = match.end()
            match = _ITEM_RE.match(text, pos, end)
        return None, _Block([(pos, end)])
    return None, None


# --- inline --------------------------------------------------------------------------------


def _inline(text: str, block: _Block, found: _Found) -> None:
    """Find emphasis, footnote references and raised markers in one block."""
    content = "\n".join(text[s:e] for s, e in block.segments)
    starts: list[int] = []
    offset = 0
    for s, e in block.segments:
        starts.append(offset)
        offset += e - s + 1

    def at(pos: int) -> int:
        """The source offset of a content offset (the joining newline maps to a line's end)."""
        k = bisect.bisect_right(starts, pos) - 1
        return block.segments[k][0] + pos - starts[k]

    delimiters: list[_Delimiter] = []
    failed_code: set[int] = set()  # backtick lengths with no closer further on
    pos = 0
    while match := _INLINE_RE.search(content, pos):
        pos = match.end()
        kind = match.lastgroup
        if kind == "code":
            pos = _skip_code(content, match, failed_code)
        elif kind == "label":
            if match["label"] in found.labels:
                found.superscripts.append(Span(at(match.start("label")), at(match.end("label"))))
            else:
                found.undefined.add(match["label"])
        elif kind == "sup":
            found.superscripts.append(Span(at(match.start("sup")), at(match.end("sup"))))
        elif kind == "run":
            delimiters.append(_delimiter(content, match.start(), match.end()))
    for start, end in _emphasis(delimiters):
        found.italics.append(Span(at(start), at(end)))


def _skip_code(content: str, opener: regex.Match[str], failed: set[int]) -> int:
    """Where scanning resumes after a backtick run: past its code span, or past the run."""
    size = len(opener[0])
    if size not in failed:
        closer = regex.compile(rf"(?<!`)`{{{size}}}(?!`)").search(content, opener.end())
        if closer is not None:
            return closer.end()
        failed.add(size)
    return opener.end()


def _delimiter(content: str, start: int, end: int) -> _Delimiter:
    """A run of ``*`` or ``_`` with what it may open and close (CommonMark's flanking rules)."""
    before = content[start - 1] if start > 0 else "\n"
    after = content[end] if end < len(content) else "\n"
    before_space, after_space = before.isspace(), after.isspace()
    before_punct, after_punct = _punctuation(before), _punctuation(after)
    left = not after_space and (not after_punct or before_space or before_punct)
    right = not before_space and (not before_punct or after_space or after_punct)
    char = content[start]
    if char == "*":
        can_open, can_close = left, right
    else:  # "_" cannot open or close inside a word
        can_open = left and (not right or before_punct)
        can_close = right and (not left or after_punct)
    size = end - start
    return _Delimiter(char, start, size, size, can_open, can_close)


def _punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in {"P", "S"}


def _emphasis(delimiters: list[_Delimiter]) -> list[tuple[int, int]]:
    """The content of each ``<em>``, without delimiters at its edges (``***x***`` gives x)."""
    pairs = _match(delimiters)
    used: set[int] = set()
    for opener, closer in pairs:
        used.update(range(*opener))
        used.update(range(*closer))
    spans = []
    for (_, start), (end, closer_end) in pairs:
        if closer_end - end != 1:
            continue  # a <strong>
        while start < end and start in used:
            start += 1  # noqa: PLW2901 - trimming the pair's own bounds
        while end > start and end - 1 in used:
            end -= 1  # noqa: PLW2901
        if start < end:
            spans.append((start, end))
    return spans


def _match(delimiters: list[_Delimiter]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """CommonMark's "process emphasis" over one block: the delimiters of each matched pair.

    Each pair is the (start, end) of its opening and of its closing delimiters; one
    character makes an ``<em>``, two a ``<strong>``. Delimiters form a linked list so
    that those inside a matched pair drop out in one step, and ``bottom`` remembers where
    a search for an opener already failed, which keeps the walk linear on long runs of
    unmatched delimiters.
    """
    count = len(delimiters)
    previous = list(range(-1, count - 1))
    following = list(range(1, count + 1))
    bottom: dict[tuple[str, bool, int], int] = {}
    pairs: list[tuple[tuple[int, int], tuple[int, int]]] = []
    current = 0
    while current < count:
        closer = delimiters[current]
        if not closer.can_close or closer.length == 0:
            current = following[current]
            continue
        key = (closer.char, closer.can_open, closer.original % 3)
        found = _opener(delimiters, previous, current, bottom.get(key, -1))
        if found == -1:
            bottom[key] = previous[current]
            current = following[current]
            continue
        opener = delimiters[found]
        size = 2 if opener.length >= 2 and closer.length >= 2 else 1
        open_end = opener.pos + opener.length
        pairs.append(((open_end - size, open_end), (closer.pos, closer.pos + size)))
        opener.length -= size
        closer.pos += size
        closer.length -= size
        following[found] = current  # delimiters between the pair become plain text
        previous[current] = found
        if closer.length == 0:
            current = following[current]
    return pairs


def _opener(delimiters: list[_Delimiter], previous: list[int], current: int, floor: int) -> int:
    """The nearest delimiter before ``current`` (and above ``floor``) that can open it."""
    closer = delimiters[current]
    j = previous[current]
    while j > floor:
        opener = delimiters[j]
        if opener.char == closer.char and opener.can_open and opener.length > 0:
            odd = (
                (closer.can_open or opener.can_close)
                and (opener.original + closer.original) % 3 == 0
                and not (opener.original % 3 == 0 and closer.original % 3 == 0)
            )
            if not odd:
                return j
        j = previous[j]
    return -1


def _union(spans: list[Span]) -> list[Span]:
    """Overlapping and nested spans merged, in order (``*a *b* c*`` is one italic run)."""
    merged: list[Span] = []
    for span in sorted(spans):
        if merged and span.start < merged[-1].end:
            if span.end > merged[-1].end:
                merged[-1] = Span(merged[-1].start, span.end)
        else:
            merged.append(span)
    return merged
