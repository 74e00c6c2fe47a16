"""Self-checks on the lines inside a part: line starts that open another part.

A clause or paragraph that holds a line which opens like a part of its own (a preambular
lead inside an operative paragraph, a heading between two sub-paragraphs, the lowercase
rest of a paragraph's sentence after its list) has most likely been cut in the wrong
place. These checks read the raw lines of each part's span.
"""

from __future__ import annotations

import functools
import itertools
import statistics
from typing import TYPE_CHECKING

import regex

from resparse import _lead_tables, _leads, _unwrap
from resparse._language import profile, profile_or_english
from resparse._patterns import alternation
from resparse.model import Diagnostic, Span

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from resparse._language import Profile
    from resparse.model import OperativeParagraph, Resolution, Segment

_FIRST_WORD = regex.compile(r"[\s*_]*(\p{Lu}\p{L}*)")  # markdown emphasis before it aside
# a line that opens a sub-paragraph or a paragraph: "(a)", "b.", "ii)", "12."
LABELLED = regex.compile(r"\s*(?:\(\w{1,6}\)|\w{1,6}[.)]\s|\d{1,3}\.)")
BARE_LABEL = regex.compile(r"\(\w{1,6}\)|\w{1,6}[.)]")
# how often the markup must open an operative paragraph with a word for it to count
_FREQUENT = 20


def line_warning(code: str, message: str, start: int, line: str) -> Diagnostic:
    """A warning on one line of the source (``line`` starts at ``start``), its end spaces out."""
    return Diagnostic(code, message, "warning", Span(start, start + len(line.rstrip())))


def _opens_a_part(char: str) -> bool:
    """Whether a line's first character may open a part: a capital, or a caseless letter.

    Arabic and Chinese have no capitals: there every line opens alike.
    """
    return char.isalpha() and not char.islower()


def lines_after_opening(source: str, span: Span) -> list[tuple[int, str]]:
    """The lines of a paragraph after the one its text opens on.

    Some extractors print a paragraph's number on a line of its own ("8." then "Also
    acknowledges ...", a blank line between them or not): the first line with words is
    still the paragraph's opening, and a check that looks for a second paragraph inside
    it starts after that line.
    """
    lines = list(lines_in(source, span))
    for index, (_, line) in enumerate(lines):
        if line.strip() and not _NUMBER_ONLY.fullmatch(line):
            return lines[index + 1 :]
    return []


# a line holding only a paragraph's number, as an extractor may print it ("8.", "- 8.")
_NUMBER_ONLY = regex.compile(r"[\s*_-]*\d{1,3}[.)]?[\s*_]*")


def lines_in(
    source: str, span: Span, wrap: _unwrap.Wrap | None = None
) -> Iterator[tuple[int, str]]:
    """Each line of ``span`` with the offset it starts at.

    Markdown's emphasis markers that open a line ("*Reafirmando* su ...") are left out,
    and those that close a line that opened with them ("*Disarmament and
    reintegration*"), so that every check reads the line's words as in plain text. A
    separator ("* * *") is kept as it is. With a ``wrap``, the lines are the writer's
    lines of a text wrapped to it (``_unwrap.logical_lines``).
    """
    for start, line in _physical_or_logical(source, span, wrap):
        if line[:1] in _EMPHASIS and line.strip("*_ "):
            opened = line.lstrip("*_")
            yield start + len(line) - len(opened), opened.rstrip("*_")
        else:
            yield start, line


def _physical_or_logical(
    source: str, span: Span, wrap: _unwrap.Wrap | None
) -> Iterator[tuple[int, str]]:
    if wrap is not None:
        yield from _unwrap.logical_lines(source, span, wrap)
        return
    start = span.start
    for line in source[span.start : span.end].split("\n"):
        yield start, line
        start += len(line) + 1


_EMPHASIS = ("*", "_")


def _sub_spans(paragraph: OperativeParagraph) -> list[Span]:
    return [sub.span for top in paragraph.subparagraphs for sub in top.walk()]


def one_line(source: str, span: Span, wrap: _unwrap.Wrap | None = None) -> bool:
    """Whether ``span`` holds no line break: one line at most, so no line after another.

    With a ``wrap``, no break its writer made (``lines_in``).
    """
    if source.find("\n", span.start, span.end) < 0:
        return True
    return wrap is not None and len(_unwrap.logical_lines(source, span, wrap)) == 1


def own_lines(
    source: str, span: Span, inner: Sequence[Span], wrap: _unwrap.Wrap | None = None
) -> list[tuple[int, str]]:
    """The non-blank lines of ``span`` outside the ``inner`` spans (its sub-paragraphs).

    A line belongs to a sub-paragraph when its text starts inside it: an item indented by
    a tab (a tab, "a)", a tab, "Étape 1 ...") starts its span at its label, after the tab.
    With a ``wrap``, the lines are the writer's (``lines_in``).
    """
    lines = lines_in(source, span, wrap)
    if not inner:
        return [(start, line) for start, line in lines if line.strip()]
    return [
        (start, line)
        for start, line in lines
        if line.strip() and not any(s.start <= _text_start(start, line) < s.end for s in inner)
    ]


def _text_start(start: int, line: str) -> int:
    """Where a line's text starts, past its indentation."""
    return start + len(line) - len(line.lstrip())


# the last result asked about and what was found for it: three checks ask about the same
# result in turn, and the answer (a walk over every line) is the same each time
_LAST_LINES: list[tuple[Resolution, bool]] = []
_LAST_WRAP: list[tuple[Resolution, _unwrap.Wrap | None]] = []
_LAST_SEGMENTS: list[tuple[Resolution, list[Segment]]] = []


def segments_of(result: Resolution) -> list[Segment]:
    """``result.segments()``, built once for the checks that read it one after another."""
    if _LAST_SEGMENTS and _LAST_SEGMENTS[0][0] is result:
        return _LAST_SEGMENTS[0][1]
    segments = result.segments()
    _LAST_SEGMENTS[:] = [(result, segments)]
    return segments


def reading_wrap(result: Resolution) -> _unwrap.Wrap | None:
    """How the line checks unwrap a result's lines (``_unwrap``), or None."""
    entry = _LAST_WRAP[0] if _LAST_WRAP else None  # read once: another thread may replace it
    if entry is not None and entry[0] is result:
        return entry[1]
    wrap = _unwrap.unwrap_for(result)
    _LAST_WRAP[:] = [(result, wrap)]
    return wrap


def one_line_per_part(result: Resolution) -> bool:
    """Whether the text gives all parts but one in ten (or one) a single line of their own.

    Text rendered from markup or a word processor breaks lines only between paragraphs;
    a PDF's text breaks them anywhere. Checks that read line breaks as part breaks run
    only on the first kind, and on a text wrapped to a width with no page furniture,
    whose lines they read as its writer broke them (``reading_wrap``).
    """
    if _LAST_LINES and _LAST_LINES[0][0] is result:
        return _LAST_LINES[0][1]
    found = _one_line_per_part(result)
    _LAST_LINES[:] = [(result, found)]
    return found


# a part this long wraps onto several lines in any text whose lines are a page's lines
_WRAPS = 300


def _one_line_per_part(result: Resolution) -> bool:
    """Nine parts in ten on one line, or most of the long parts.

    The second test keeps the answer where many parts hold glued headings (each of them
    then runs over two lines): a page's lines are never 300 characters long, so long parts
    that are one line still say how the text breaks its lines.
    """
    parts: list[tuple[Span, list[Span]]] = [(c.span, []) for c in result.preamble]
    parts += [(p.span, _sub_spans(p)) for p in result.operative]
    if len(parts) < 5:
        return False
    source = result.source
    wrap = reading_wrap(result)
    counts = [
        1 if one_line(source, span, wrap) else len(own_lines(source, span, inner, wrap))
        for span, inner in parts
    ]
    if sum(n > 1 for n in counts) <= max(1, len(parts) // 10):
        return True
    long = [n for (span, _), n in zip(parts, counts, strict=True) if len(span) > _WRAPS]
    return len(long) >= 5 and 2 * sum(n == 1 for n in long) > len(long)


# how a list item ends before the next, in any script: the text after it is no item's
_ITEM_END = regex.compile(r"[;.\u061b\uff1b\u3002]\d{0,3}$")


def _continues(previous: str, text: str) -> bool:
    """Whether an unlabelled line after ``previous`` inside an item reads as its paragraph's.

    A lowercase line goes on with a sentence; in a script with no case (Arabic, Chinese)
    a line after one that ends as an item does ("...؛" then "وتؤكد ...") does too, since
    nothing but a label would open another item there.
    """
    first = text[0]
    if first.islower():
        return True
    return first.isalpha() and not first.isupper() and _ITEM_END.search(previous) is not None


def list_continuation(result: Resolution) -> Iterator[Diagnostic]:
    """A lowercase line after another line inside a sub-paragraph.

    "(c) Relevant background information;" then "and its request that ..." on a line of
    its own is the rest of the paragraph's sentence after its list, not part of item (c)
    (a line that is only the label, "(e)", does not count: its text follows it). In a
    script with no case, any unlabelled line after one that ends as an item does counts.
    Only in a text whose line breaks are part breaks: a PDF wraps "...; as well as" anywhere.
    """
    if not one_line_per_part(result):
        return
    wrap = reading_wrap(result)
    for paragraph in result.operative:
        for top in paragraph.subparagraphs:
            for sub in top.walk():
                if one_line(result.source, sub.span, wrap):
                    continue  # no line after another
                inner = [child.span for child in sub.subparagraphs]
                previous = ""
                for start, line in own_lines(result.source, sub.span, inner, wrap):
                    text = line.strip()
                    if (
                        previous
                        and not BARE_LABEL.fullmatch(previous)
                        and _continues(previous, text)
                        and not LABELLED.match(text)
                    ):
                        message = (
                            f"a line that goes on with a sentence inside sub-paragraph "
                            f"({sub.label}): it may continue the paragraph's sentence after "
                            "its list"
                        )
                        yield line_warning("subparagraph.continuation", message, start, line)
                    previous = text


# "(d)", "(ii)", "(3)", "(B)"; the French, Spanish and Russian "d)", "aa)", "ii)"; and the
# letters of a caseless script, Arabic "(و)", "(أ أ)", Chinese "(十一)"
_PARENTHESIZED = regex.compile(
    r"""\s*(?:
        \((?:[a-z]{1,2}|[ivx]{1,5}|\d{1,2}|[A-Z]|\p{Lo}{1,3}|\p{Lo}\s\p{Lo})\)
        | (?:[a-z]{1,2}|[ivx]{1,5}|\p{Lo}{1,2})\)
    )\s""",
    regex.VERBOSE,
)


def label_in_item(result: Resolution) -> Iterator[Diagnostic]:
    """A line inside a sub-paragraph that opens with a label of its own, "(d)" or "aa)".

    The segmenter keeps a label that does not follow the one before it ("(a), (b), (d)",
    "(ii), (ii)") as text of the item before; the item then holds a line that opens like
    an item, and a sub-paragraph is missing, merged or read twice.
    """
    for paragraph in result.operative:
        for top in paragraph.subparagraphs:
            for sub in top.walk():
                if one_line(result.source, sub.span):
                    continue  # no line after the first
                inner = [child.span for child in sub.subparagraphs]
                for start, line in own_lines(result.source, sub.span, inner)[1:]:
                    if _PARENTHESIZED.match(line):
                        message = (
                            f"a line inside sub-paragraph ({sub.label}) opens with a label out "
                            "of sequence: a sub-paragraph may be missing, merged or read twice"
                        )
                        yield line_warning("subparagraph.label_in_text", message, start, line)
                        break


def heading_in_paragraph(result: Resolution) -> Iterator[Diagnostic]:
    """A short unpunctuated line between a finished line and a labelled one, inside a part.

    "Disarmament, demobilization and reintegration" between item (c) and item (d) is a
    heading of the list, glued to the item before it.
    """
    spans = [c.span for c in result.preamble] + [p.span for p in result.operative]
    source = result.source
    for span in spans:
        if source.count("\n", span.start, span.end) < 2:
            continue  # fewer than three lines: none stands between two others
        lines = [(s, line) for s, line in lines_in(source, span) if line.strip()]
        for i in range(1, len(lines) - 1):
            start, line = lines[i]
            text = line.strip()
            before = lines[i - 1][1].rstrip()
            if (
                len(text) < 120
                and _opens_a_part(text[0])
                and text[-1].isalnum()
                and before[-1:] in (";", ".", ",", ":")
                and LABELLED.match(lines[i + 1][1])
            ):
                message = (
                    "a short line with no closing punctuation between two items of a part: "
                    "it may be a heading glued to the item before it"
                )
                yield line_warning("text.heading_in_paragraph", message, start, line)


# how a line that ends a part ends: its punctuation (any script's), a footnote marker
# after it, or the asterisks of a separator
_FINISHED = regex.compile(r"(?:[,;:.\u060c\u061b\uff0c\uff1b\uff1a\u3002]\d{0,3}|\*)$")
_FINISHED_LENGTH = 4  # the longest end it matches: a comma and a three-digit marker


def _opens_with_lead(line: str, language: str) -> bool:
    """Whether a line's first word opens many leads of the markup, of either kind.

    Markdown's emphasis around the word ("*Reafirmando* su") is no part of it.
    """
    words = line.lstrip("*_ ").split(maxsplit=1)
    if not words:
        return False
    word = words[0].strip(",;:*_").casefold()
    return any(
        _lead_tables.known_first_word(word, kind, language, minimum=_FREQUENT)
        for kind in ("pre", "op")
    )


def _joins(line: str, local: Profile) -> bool:
    """Whether a line opens with one of the language's conjunctions ("and", "и")."""
    words = line.split(maxsplit=1)
    return bool(words) and words[0].casefold() in local.conjunctions


def extra_lines(result: Resolution) -> Iterator[Diagnostic]:
    """In a text that gives each part one line, a part that runs over several.

    Where nine parts in ten are a single line (text rendered from markup, a word
    processor's paragraphs), a clause or paragraph whose own text (its sub-paragraphs
    aside) holds a line that opens with a capital, after a line that ends as a part does
    or with a frequent lead word, most likely holds two parts (a lowercase line, or one
    after a line cut mid-sentence, goes on with the sentence, as after a page break; a
    line with a tab inside is a table's row). Where the language's leads open in lower
    case (``cased = false``: Russian's "ссылаясь также ...,"), a lowercase line after a
    finished one counts too, unless it opens with a conjunction ("и на ...": the same
    sentence goes on).
    """
    if not one_line_per_part(result):
        return
    local = profile(result.language)
    parts: list[tuple[Span, list[Span]]] = [(c.span, []) for c in result.preamble]
    parts += [(p.span, _sub_spans(p)) for p in result.operative]
    source = result.source
    notes = [note.span for note in result.footnotes]
    wrap = reading_wrap(result)
    lines = [
        (_outside(own_lines(source, span, inner, wrap), notes), inner)
        for span, inner in parts
        if not one_line(source, span, wrap)
    ]
    for own, inner in lines:
        for (before_start, before), (start, line) in itertools.pairwise(own):
            if _NUMBER_ONLY.fullmatch(before):
                continue  # the paragraph's number on a line of its own ("8." / "Decides")
            if any(before_start < sub.start < start for sub in inner):
                continue  # the paragraph's sentence after its list (its wrap-up)
            first = line.strip()[:1]
            finished = _FINISHED.search(before.rstrip()[-_FINISHED_LENGTH:]) is not None
            opens = _opens_a_part(first) or (
                finished and not local.cased and first.isalpha() and not _joins(line, local)
            )
            if (
                (finished or _opens_with_lead(line, result.language))
                and (opens or first == "*")
                and "\t" not in line.strip()
            ):
                message = (
                    "in a text that gives each part its own line, this part runs over "
                    "another line: it may hold two parts"
                )
                yield line_warning("text.extra_line", message, start, line)
                break


def _outside(lines: list[tuple[int, str]], notes: list[Span]) -> list[tuple[int, str]]:
    """The lines that are no footnote's: a page's notes may stand inside a part's span."""
    if not notes:
        return lines
    return [
        (start, line) for start, line in lines if not any(n.start <= start < n.end for n in notes)
    ]


def preambular_lead_in_paragraph(result: Resolution) -> Iterator[Diagnostic]:
    """A line inside an operative paragraph that opens with a frequent preambular lead word.

    "Reaffirming ..." or "Acting under Chapter VII ..." at a line start inside a paragraph
    is a preambular clause (of a later part, or after a "* * *") the paragraph swallowed.
    """
    language = result.language
    for paragraph in result.operative:
        if one_line(result.source, paragraph.span):
            continue
        for start, line in lines_after_opening(result.source, paragraph.span):
            match = _FIRST_WORD.match(line)
            if match is None:
                continue
            word = match.group(1).casefold()
            if _lead_tables.known_first_word(
                word, "pre", language, minimum=_FREQUENT
            ) and not _lead_tables.known_first_word(word, "op", language):
                message = (
                    f"a line inside operative paragraph {paragraph.number} opens with the "
                    f"preambular lead {match.group(1)!r}: a clause may have been read into it"
                )
                yield line_warning("operative.preambular_lead_in_text", message, start, line)
                break


def long_paragraph(result: Resolution) -> Iterator[Diagnostic]:
    """A paragraph far longer than its siblings with a line that opens like a paragraph.

    Four times the median length (and over 1,500 characters), and a line opening with a
    frequent operative verb: most likely paragraphs that lost their numbers, merged.
    """
    paragraphs = result.operative
    if len(paragraphs) < 3:
        return
    median = statistics.median(len(p.span) for p in paragraphs)
    language = result.language
    for paragraph in paragraphs:
        if len(paragraph.span) <= max(4 * median, 1500):
            continue
        for start, line in lines_after_opening(result.source, paragraph.span):
            match = _FIRST_WORD.match(line)
            if match and _lead_tables.known_first_word(
                match.group(1).casefold(), "op", language, minimum=_FREQUENT
            ):
                message = (
                    f"operative paragraph {paragraph.number} is over four times as long as "
                    f"its siblings and holds a line opening with {match.group(1)!r}: it may "
                    "hold several paragraphs"
                )
                yield line_warning("operative.long_paragraph", message, start, line)
                break


# a heading's text that ends as a clause or paragraph does, footnote marker aside
_SENTENCE_END = regex.compile(r"[;,.](?:[ ,]?\d{1,3})*$")  # after any footnote markers


def heading_reads_as_part(result: Resolution) -> Iterator[Diagnostic]:
    """A heading that ends as a clause or a paragraph does, or opens as a clause does.

    Headings are titles and carry no closing punctuation; "Decides to keep the question
    ... under review;" read as a heading is an operative paragraph lost from the count.
    Titles are noun phrases, too: a long one opening with a word that opens many
    preambular leads and few operative ones ("审议了...的报告36", having considered) is a
    clause whose comma the text lost, read as a heading.
    """
    for heading in result.headings:
        text = heading.text.rstrip()
        if len(text) <= _TITLE_AT_MOST:
            continue
        if _SENTENCE_END.search(text):
            message = (
                "a heading that ends with a comma, semicolon or full stop, as a clause or "
                "paragraph does: it may be one, read as a heading"
            )
            yield Diagnostic("heading.reads_as_part", message, "warning", heading.span)
        elif _opens_as_clause(text, result.language):
            message = (
                "a heading that opens with a preambular lead, as long as a clause: it may "
                "be a clause that lost its closing comma, read as a heading"
            )
            yield Diagnostic("heading.reads_as_part", message, "warning", heading.span)


_TITLE_AT_MOST = 40  # characters: a heading longer than this may be a part read as one
_CLAUSE_OPENER = 30  # preambular leads a heading's first word opens to read as a clause's


def _opens_as_clause(text: str, language: str) -> bool:
    """Whether the text's first word opens many preambular leads and few operative ones."""
    words = _leads.lead_words(text, [(0, len(text))], "pre", language)
    if not words:
        return False
    first = words[0][0]
    pre = _lead_tables.first_word_count(first, "pre", language)
    op = _lead_tables.first_word_count(first, "op", language)
    return pre >= _CLAUSE_OPENER and 3 * op < pre


# how a preambular clause ends; how many words and characters a heading read as one has
_CLAUSE_END = regex.compile(r"[,;:.\u060c\u061b\uff0c\uff1b\uff1a\u3002]\d{0,3}\p{Cf}*$")
# ... and how one ends that is not the last: a comma, semicolon or colon of any script
_CLAUSE_GOES_ON = regex.compile(r"[,;:\u060c\u061b\uff0c\uff1b\uff1a]\d{0,3}\p{Cf}*$")
_TITLE_WORDS = 3
_TITLE_LENGTH = 30


def clause_without_lead(result: Resolution) -> Iterator[Diagnostic]:
    """A preambular clause with no known lead that does not end as a clause does.

    A clause opens with a lead and ends with a comma; a "clause" with neither (a title in
    parentheses, a line of a table) is text that is no clause, read as one. So is a
    clause of a few words with no closing punctuation even if a lead table knows its
    first word: "Medidas" is a heading, whatever a table learned from a stray italic.
    """
    for clause in result.preamble:
        text = clause.text.rstrip()
        if (clause.lead is None and not _CLAUSE_GOES_ON.search(text)) or (
            len(text) < _TITLE_LENGTH
            and len(text.split()) <= _TITLE_WORDS
            and not _CLAUSE_END.search(text)
        ):
            message = (
                f"preambular clause {clause.index} opens with no known lead and does not "
                "end with a comma: it may be a title or other text read as a clause"
            )
            yield Diagnostic("preamble.not_a_clause", message, "warning", clause.span)


_LIST_END_LENGTH = 12  # enough for "; and" after a few spaces: the search reads no more
_NEVER_RE = regex.compile(r"(?!)")


@functools.cache
def _list_end_re(words: frozenset[str]) -> regex.Pattern[str]:
    return regex.compile(rf"[;,]\s*(?:{alternation(words)})$") if words else _NEVER_RE


def list_end_re(language: str) -> regex.Pattern[str]:
    """The end of a list item the next one completes: "; and", ", ou" (``conjunctions``).

    A language that lists no conjunctions has no such end.
    """
    return _list_end_re(profile_or_english(language).conjunctions)


def no_closing_punctuation(result: Resolution) -> Iterator[Diagnostic]:
    """A preambular clause that ends on a letter, right before the next clause.

    A clause ends with a comma (or a semicolon or colon); one that ends on a word has
    most likely lost the rest of its sentence, or run into the next clause's place. So
    has one that ends on a closing quotation mark or bracket after a word ("... titulada
    “Desarrollo industrial inclusivo”"): the comma goes after it, or inside it.
    """
    list_end = list_end_re(result.language)
    for clause in result.preamble[:-1]:
        text = clause.text.rstrip()
        last = text.rstrip(_CLOSING_MARKS)[-1:]
        if last.isalpha() and not list_end.search(text[-_LIST_END_LENGTH:]):
            message = (
                f"preambular clause {clause.index} ends on a word, with no closing "
                "punctuation, before the next clause: its sentence may be cut"
            )
            yield Diagnostic("text.no_closing_punctuation", message, "warning", clause.span)


# what may close a clause's last words before its comma: quotation marks and brackets
_CLOSING_MARKS = "\"'\u201d\u2019\u00bb)]"


# the marks a quoted line may open with before its first word ("“Annex")
_OPENING_QUOTES = "\"'\u201c\u201e\u2018\u00ab"


def annex_in_paragraph(result: Resolution) -> Iterator[Diagnostic]:
    """A line inside an operative paragraph that is an annex's heading ("Annex", "“Annex II").

    An annex follows the resolution's last paragraph; its heading on a line inside a
    paragraph means the annex (or a quoted one) was read as that paragraph's text.
    """
    annex = profile(result.language).annex_re
    for paragraph in result.operative:
        if one_line(result.source, paragraph.span):
            continue
        for start, line in lines_after_opening(result.source, paragraph.span):
            if annex.match(line.strip().lstrip(_OPENING_QUOTES)):
                message = (
                    f"a line inside operative paragraph {paragraph.number} is an annex's "
                    "heading: the annex may have been read as the paragraph's text"
                )
                yield line_warning("operative.annex_in_text", message, start, line)
                break
