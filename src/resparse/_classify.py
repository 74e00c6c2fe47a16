"""One line -> what it can be: furniture, a number, a label, a lead, a heading, a vote.

Classification looks at one line at a time (plus the header's symbol and title, to spot
running headers). Deciding what the line *is* in context is the assembler's job.
"""

from __future__ import annotations

import bisect
import functools
from typing import TYPE_CHECKING

import attrs
import regex

from resparse import _leads, _lexicon
from resparse._language import Profile, profile
from resparse._patterns import (
    BARCODE_RE,
    FOOTNOTE_LINE_RE,
    HEADING_RE,
    JOB_NUMBER_RE,
    LINE_MARKUP_RE,
    MARKDOWN_ITALIC_RE,
    PAGE_NUMBER_RE,
    SEPARATOR_RE,
)
from resparse.model import Span

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping, Sequence

    # the language's own sub-paragraph labels: printed label -> (style, place in its list)
    Alphabet = Mapping[str, tuple[str, int]]

    from resparse._scan import Line

# Words as the lead tables count them (Chinese characters one by one), or punctuation;
# the direction marks of right-to-left text are neither.
_TOKEN_RE = regex.compile(
    r"\p{Han}|[^\W_\p{Han}]+(?:[-'’\u2011][^\W_\p{Han}]+)*|[^\w\s*\u200e\u200f]"
)
_SKIP_MARKUP_RE = regex.compile(r"[\s*_\"“‘'(\[\u200e\u200f]*")
_JOB_DATE_RE = regex.compile(r"\d{6}\s*$")
_TERMINAL = frozenset(",;:.")
_QUOTES = frozenset("”’\"')]»“」』》")
# "A", "Part B", and "B1" where a footnote marker follows the letter
_PART_RE = regex.compile(r"[*_#\s]{0,6}(?:Part\s+)?(?P<letter>[A-H])[*_.]{0,3}\d{0,2}\s*$")
_SPACE_RE = regex.compile(r"\s+")
_COLUMN_GAP_RE = regex.compile(r"\s{3,}")
_MAX_HEADING_WORDS = 40
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


@attrs.define
class Context:
    """What classification knows beyond the line: the header's symbol and title."""

    symbol: str | None
    title: str | None
    language: str = "en"
    scope: str | None = None
    profile: Profile = attrs.field(init=False)
    last_furniture: int = -10
    _symbol_key: str = attrs.field(init=False, default="")
    _title_key: str = attrs.field(init=False, default="")

    def __attrs_post_init__(self) -> None:
        self._symbol_key = _key(self.symbol or "")
        self._title_key = _key(self.title or "")
        self.profile = profile(self.language)

    def running_header(self, line: Line) -> bool:
        """The document symbol or title repeated at the top of a page.

        Layout-preserving extractors put both on one line ("<title part>   A/RES/78/82"),
        and a long title wraps over several lines; each piece counts.
        """
        key = _key(line.text)
        if not key:
            return False
        symbol = self._symbol_key
        if symbol and key == symbol:
            return True
        near_break = line.page_break_before or line.index - self.last_furniture <= 2
        rest = key
        if symbol and (key.startswith(symbol) or key.endswith(symbol)):
            rest = key[len(symbol) :] if key.startswith(symbol) else key[: -len(symbol)]
            if not rest or (
                self._title_key and rest in self._title_key and (near_break or len(rest) >= 12)
            ):
                return True
        if not near_break or not self._title_key:
            return False
        if rest == self._title_key or (len(rest) >= 12 and rest in self._title_key):
            return True
        # the short last line of a wrapped running title ("of Korea")
        return line.index - 1 == self.last_furniture and self._title_key.endswith(rest)


def _key(text: str) -> str:
    return _SPACE_RE.sub("", text).casefold()


@attrs.define(slots=True)
class LineKind:
    """Everything one line could be; the assembler decides which applies."""

    content_start: int
    furniture: str | None = None
    separator: bool = False
    formula: bool = False
    meeting: str | None = None
    vote: bool = False
    annex: bool = False
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


def classify(line: Line, context: Context) -> LineKind:  # noqa: C901, PLR0912 - one test per kind
    """Everything ``line`` could be, given the header's symbol and title."""
    text = line.text
    kind = LineKind(content_start=line.start)
    furniture = _furniture(line, context)
    if furniture is not None:
        kind.furniture = furniture
        context.last_furniture = line.index
        return kind
    if SEPARATOR_RE.match(text):
        kind.separator = True
        return kind
    local = context.profile
    if local.formula_re.match(text):
        kind.formula = True
        return kind
    pos = 0
    markup = LINE_MARKUP_RE.match(text)
    if markup is not None:
        pos = markup.end()
    number = local.number_re.match(text, pos)
    if number is not None:
        digits = number["n"]
        kind.number = int(digits) if digits.isdigit() else 1
        pos = number.end()
    else:
        label = local.label_re.match(text, pos)
        if label is not None:
            kind.sub_label = label["label"]
            pos = label.end()
        elif markup is not None and markup["bullet"]:
            kind.sub_label = markup["bullet"]  # "• item" or "– item": a bulleted sub-paragraph
    pos = _SKIP_MARKUP_RE.match(text, pos).end()  # type: ignore[union-attr]
    kind.content_start = line.start + pos
    if kind.number is None and kind.sub_label is None:
        meeting = local.meeting_re.match(text)
        if meeting is not None:
            kind.meeting = meeting["meeting"]
            return kind
        if local.vote_start_re.match(text):
            kind.vote = True
        if local.annex_re.match(text):
            kind.annex = True
        kind.part_letter = part_letter(text, local)
        kind.footnote_like = bool(FOOTNOTE_LINE_RE.match(text)) and (
            text[:1].isdigit() or text.startswith("[^")
        )
        _heading(text, kind, local)
    rest = text[pos:]
    if local.starts_like_lead(rest):
        kind.capital = True
        words = _first_words(rest)
        if words:
            language = context.language
            kind.preamble_lead = _opens_lead(words, "pre", language)
            kind.strong_preamble_lead = _leads.known_first_word(
                words[0], "pre", language, minimum=30
            )
            kind.operative_lead = _opens_lead(words, "op", language)
    return kind


def _first_words(text: str) -> list[str]:
    """The first two words of a line, casefolded; empty when it does not open with a word."""
    words: list[str] = []
    for match in _TOKEN_RE.finditer(text, 0, min(len(text), 80)):
        if not match[0][:1].isalpha():
            break
        words.append(_leads.word_key(match[0]))
        if len(words) == 2:
            break
    return words


def _opens_lead(words: list[str], kind: _leads.Kind, language: str) -> bool:
    """Whether the words open a lead of this kind: known, or shaped like one.

    An opening adverb defers to the word after it: "Further recalling" is preambular,
    "Further decides" operative.
    """
    first = words[0]
    if first in _INTENSIFIERS and len(words) > 1:
        second = words[1]
        if _leads.looks_like_lead_word(second, kind, language) or _leads.known_first_word(
            second, kind, language
        ):
            return True
        if _leads.looks_like_lead_word(second, _OTHER[kind], language) or _leads.known_first_word(
            second, _OTHER[kind], language, minimum=30
        ):
            return False
    return _leads.known_first_word(first, kind, language) or _leads.looks_like_lead_word(
        first, kind, language
    )


# adverbs only: participles such as "noting" that also open leads are leads themselves
_INTENSIFIERS = frozenset(_lexicon.LEAD_INTENSIFIERS) - {"noting", "remaining"}
_OTHER: dict[_leads.Kind, _leads.Kind] = {"pre": "op", "op": "pre"}


def _first_word(text: str) -> str:
    match = _TOKEN_RE.match(text)
    if match is None or not match[0][:1].isalpha():
        return ""
    return _leads.word_key(match[0])


def furniture_of(line: Line, context: Context) -> str | None:
    """The kind of page furniture a line is (page number, job number, ...), if any."""
    return _furniture(line, context)


def _furniture(line: Line, context: Context) -> str | None:
    text = line.text
    if len(text) > 200:
        return None
    kind = _furniture_piece(text, line, context)
    if kind is not None:
        return kind
    pieces = _COLUMN_GAP_RE.split(text)
    if len(pieces) > 1:
        # layout-preserving extractors print a footer on one line: "6/18      23-23999"
        kinds = [_furniture_piece(piece, line, context) for piece in pieces]
        if all(kinds):
            return kinds[0]
    return None


def _furniture_piece(text: str, line: Line, context: Context) -> str | None:
    if PAGE_NUMBER_RE.match(text):
        return "page_number"
    if BARCODE_RE.match(text):
        return "barcode"
    if JOB_NUMBER_RE.match(text):
        return "job_number"
    if _JOB_DATE_RE.match(text) and line.index - context.last_furniture <= 3:
        return "job_number"
    if context.profile.recycle_re.match(text):
        return "recycle"
    if context.running_header(line if text == line.text else attrs.evolve(line, text=text)):
        return "running_header"
    return None


def _heading(text: str, kind: LineKind, local: Profile) -> None:
    if HEADING_RE.match(text):
        kind.heading = True
        kind.heading_strong = True
        return
    kind.heading = heading_like(text, local=local)


def heading_like(text: str, *, continued: bool = False, local: Profile | None = None) -> bool:
    """A short capitalised line that does not end like a sentence or a clause.

    ``continued``: the line follows another heading line, so it may open in lower case.
    In a script without case (``local.cased`` false) any line opening with a letter may be one.
    """
    local = local or profile("en")
    stripped = text.strip().strip("*_#").strip()
    # without case to tell a heading from a clause's next line, a footnote marker after
    # the clause's comma ("...报告，4") must not hide where the clause ends
    ends = stripped[-1:] in local.terminators or (
        not local.cased and ends_clause(stripped, local.terminators)
    )
    if not stripped or ends:
        return HEADING_RE.match(stripped) is not None
    return len(stripped.split()) <= _MAX_HEADING_WORDS and (
        local.starts_like_lead(stripped)
        or stripped[:1].isdigit()
        or (continued and stripped[:1].isalpha())
    )


def strip_trailing_marker(text: str) -> str:
    """A line without a footnote marker after its final punctuation ("meeting. 22")."""
    return _TRAILING_MARKER_RE.sub("", text.rstrip())


_TRAILING_MARKER_RE = regex.compile(r"(?<=[.;,:\])])\s?\d{1,3}$")


@functools.cache
def _body_words(language: str) -> tuple[tuple[str, ...], ...]:
    """Each body name of a language as words, longest first, with "the" before it in English."""
    article = ("the",) if language == "en" else ()
    names = sorted(profile(language).bodies, key=len, reverse=True)
    return tuple((*article, *_words_of(name)) for name in names)


def _words_of(text: str) -> list[str]:
    return [m[0].casefold() for m in _TOKEN_RE.finditer(text) if m[0][:1].isalnum()]


def subject_length(words: Sequence[tuple[str, int, int]], language: str = "en") -> int:
    """How many opening words name the body itself ("The Security Council"), else 0."""
    folded = tuple(w for w, _, _ in words[:12])
    for body in _body_words(language):
        if folded[: len(body)] == body and len(folded) > len(body):
            return len(body)
    return 0


def lead_words(
    source: str, pieces: Sequence[tuple[int, int]], kind: _leads.Kind, language: str
) -> list[tuple[str, int, int]]:
    """The opening words where a lead may stand: after "The Security Council" in old texts."""
    words = opening_words(source, pieces)
    if kind == "op":
        # old texts open paragraphs with their subject: "1. The Security Council requests ..."
        words = words[subject_length(words, language) :]
    return words


def lead_by_words(
    words: Sequence[tuple[str, int, int]], kind: _leads.Kind, language: str, scope: str | None
) -> Span | None:
    """The lead the lead tables find in ``words``, where no italics say where it ends."""
    n = _leads.lead_length([w for w, _, _ in words], kind, language, scope)
    return Span(words[0][1], words[n - 1][2]) if n else None


def scope_of(body: str | None, language: str) -> str | None:
    """The lead tables' scope for a body: its own leads for the HRC and the Security Council."""
    if body is None:
        return None
    english = (profile(language).canonical_body(body) or body).casefold()
    if "human rights council" in english:
        return "hrc"
    if "security council" in english:
        return "sc"
    return None


_TAIL = 48


def ends_clause(text: str, terminators: frozenset[str] = _TERMINAL) -> bool:
    """Whether a part's text ends where a clause may end (",", ";", ":" or "." in English).

    ``terminators`` is the language's set ("،" "؛" in Arabic, "，" "；" "。" in Chinese);
    a closing quote or a footnote marker after the terminator does not count.
    """
    text = text.rstrip()
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
    """Footnote markers, emphasis and direction marks after a clause's final punctuation."""
    ends = regex.escape("".join(sorted(terminators)))
    return regex.compile(
        rf"(?:[\s*_\u200e\u200f]|(?<=[{ends}])\s?\d{{1,3}}|(?<=[{ends}][”’\"')\]]?)\s?[*†‡])+$"
    )


def markdown_italics(source: str) -> list[Span] | None:
    """Italic runs written as ``*x*`` or ``_x_``; ``None`` when the text has none."""
    if "*" not in source and "_" not in source:
        return None
    spans = []
    for match in MARKDOWN_ITALIC_RE.finditer(source):
        group = "a" if match["a"] is not None else "b"
        spans.append(Span(match.start(group), match.end(group)))
    return spans or None


def find_formula(lines: Sequence[Line], local: Profile) -> int | None:
    """The index of the first enacting-formula line ("The General Assembly,").

    Where the formula is the body's bare name ("Генеральная Ассамблея", "大会", the comma
    being sometimes left out), the cover page prints the same line: a later one wins.
    """
    found: list[int] = []
    for i, line in enumerate(lines):
        if len(line.text) < 120 and local.formula_re.match(line.text):
            found.append(i)
            if len(found) == 2 or local.canonical_body(line.text.strip("*_ ")) is None:
                break
    return found[-1] if found else None


FORMULA_COMMAS = (",", "،", "，", "、")


def formula_has_comma(text: str) -> bool:
    """Whether a formula-like line ends in its comma ("The General Assembly,").

    A cover, or a heading over paragraphs, names the body too, without the comma.
    """
    return text.rstrip(" *_\t").endswith(FORMULA_COMMAS)


def formula_body(text: str, local: Profile) -> str | None:
    """The body named by an enacting formula."""
    match = local.formula_re.match(text)
    return " ".join(match["body"].split()) if match else None


def find_body_start(lines: Sequence[Line], language: str) -> int | None:
    """Without a formula: the first line that opens a numbered paragraph or a known clause."""
    local = profile(language)
    for i, line in enumerate(lines):
        text = line.text
        markup = LINE_MARKUP_RE.match(text)
        pos = markup.end() if markup else 0
        number = local.number_re.match(text, pos)
        if number is not None and number["n"] in {"1", "l", "I"}:
            return i
        first = _first_word(text[pos:].lstrip("*_ "))
        if (
            first
            and local.starts_like_lead(text[pos:].lstrip("*_ "))
            and _leads.known_first_word(first, "pre", language, minimum=20)
        ):
            return i
    return None


def opens_preambular_clause(text: str, language: str, *, minimum: int = 5) -> bool:
    """Whether a line starts with a capitalised word that often opens preambular clauses."""
    stripped = text.lstrip("*_ ")
    first = _first_word(stripped)
    return (
        bool(first)
        and profile(language).starts_like_lead(stripped)
        and _leads.known_first_word(first, "pre", language, minimum=minimum)
    )


_SECTION_RE = regex.compile(
    r"[*_#\s]{0,6}(?:(?:Section|Part|Chapter)\s+)?(?P<label>[IVXL]{1,6}|[A-H])\b[.*_]{0,3}(?:\s|$)"
)


def section_label(text: str, local: Profile | None = None) -> str | None:
    """The label of a numbered heading: "II" in "II", "II. Financing" or "Section II".

    A language may number its headings in its own words ("ثانيا", "二"): ``local.section_re``.
    """
    match = _SECTION_RE.match(text)
    if match is None and local is not None and local.section_re is not None:
        match = local.section_re.match(text)
    return match["label"] if match else None


def opens_operative_paragraph(text: str, language: str) -> bool:
    """Whether a line starts with a capitalised word that opens operative paragraphs."""
    stripped = text.lstrip("*_ ")
    first = _first_word(stripped)
    return (
        bool(first)
        and profile(language).starts_like_lead(stripped)
        and _leads.known_first_word(first, "op", language, minimum=5)
    )


def part_letter(text: str, local: Profile | None = None) -> str | None:
    """The letter of a resolution's part from "A" or "Part B" on a line of its own.

    A language may name the letters ("ألف", "باء" in Arabic): ``local.part_re``.
    """
    match = _PART_RE.match(text)
    if match is None and local is not None and local.part_re is not None:
        match = local.part_re.match(text)
    return match["letter"] if match else None


def opening_words(
    source: str, pieces: Sequence[tuple[int, int]], limit: int = 12
) -> list[tuple[str, int, int]]:
    """The first words of a part, casefolded, with offsets, up to the first punctuation."""
    words: list[tuple[str, int, int]] = []
    for start, end in pieces:
        for match in _TOKEN_RE.finditer(source, start, end):
            token = match[0]
            if not token[:1].isalnum():
                return words
            words.append((_leads.word_key(token), match.start(), match.end()))
            if len(words) >= limit:
                return words
    return words


_LEAD_TRIM_RE = regex.compile(r"[\s,;:.*_،؛，；：。\u200e\u200f]+$")


def trim_lead_span(source: str, italic: Span, first_start: int) -> Span | None:
    """An italic run read as a lead: from the first word, without trailing punctuation."""
    start = max(italic.start, first_start)
    text = source[start : italic.end]
    trimmed = _LEAD_TRIM_RE.sub("", text)
    if not trimmed or len(trimmed.split()) > 12:
        return None
    return Span(start, start + len(trimmed))


def label_style(label: str, sibling: str | None = None, alphabet: Alphabet | None = None) -> str:
    """The numbering style of a sub-paragraph label: alpha, roman, digit, upper or a bullet.

    ``alphabet`` holds the language's own labels with their style and place ("أ", "ب",
    "ج", ... in Arabic, the Cyrillic "а" Russian texts type for "a", the Chinese "㈠");
    without one the labels are Latin letters, roman numerals and digits.
    """
    if label in _BULLETS:
        return f"bullet{label}"
    if alphabet and label in alphabet and not label.isascii():
        return alphabet[label][0]  # Latin letters keep their rules below ("i" may be roman)
    if label.isdigit():
        return "digit"
    if label.isupper():
        return "upper"
    if sibling is not None:
        if (
            _is_roman(label)
            and _is_roman(sibling)
            and _roman_value(label) == _roman_value(sibling) + 1
        ):
            return "roman"
        return label_style(sibling, alphabet=alphabet)
    if label == "i" or (len(label) > 1 and _is_roman(label)):
        return "roman"
    return "alpha"


_BULLETS = frozenset("-+•▪◦·–—")


def first_label(label: str, alphabet: Alphabet | None = None) -> bool:
    """Whether a label can open a new list: (a), (i), (1), (A), or any bullet.

    The first of a language's own lists opens one too ("(أ)", "㈠").
    """
    if label in {"a", "i", "1", "A"} or label in _BULLETS:
        return True
    return alphabet is not None and label in alphabet and alphabet[label][1] == 0


def follows(previous: str, label: str, style: str, alphabet: Alphabet | None = None) -> bool:
    """Whether ``label`` is the next label after ``previous`` in a list of ``style``."""
    if style.startswith("bullet"):
        return label == previous
    if alphabet and previous in alphabet and label in alphabet:
        (style_before, before), (style_now, now) = alphabet[previous], alphabet[label]
        if style_before == style_now == style:
            return now == before + 1
    if style == "digit":
        return previous.isdigit() and label.isdigit() and int(label) == int(previous) + 1
    if style == "roman":
        return (
            _is_roman(label)
            and _is_roman(previous)
            and _roman_value(label) == _roman_value(previous) + 1
        )
    if style == "upper":
        return len(label) == 1 and len(previous) == 1 and ord(label) == ord(previous) + 1
    if len(previous) == 1 and len(label) == 1:
        return ord(label) == ord(previous) + 1
    if previous == "z" and label == "aa":
        return True
    if (
        len(previous) == 2
        and len(label) == 2
        and previous[0] == previous[1]
        and label[0] == label[1]
    ):
        return ord(label[0]) == ord(previous[0]) + 1
    return False


def _is_roman(label: str) -> bool:
    return bool(label) and all(ch in _ROMAN for ch in label) and _roman_value(label) > 0


def _roman_value(label: str) -> int:
    total = 0
    values = [_ROMAN[ch] for ch in label]
    for i, value in enumerate(values):
        total += -value if i + 1 < len(values) and values[i + 1] > value else value
    return total


_ANCHOR_CACHE: dict[str, regex.Pattern[str]] = {}


def find_anchor(
    source: str, marker: str, before: int, superscripts: Sequence[Span] | None
) -> Span | None:
    """Where a footnote's marker sits in the body: the nearest plausible one before the note."""
    if not marker:
        return None
    if superscripts:
        # the last raised marker before the note; readers list them in reading order
        for index in range(bisect.bisect_right(superscripts, before, key=_span_end) - 1, -1, -1):
            span = superscripts[index]
            if source[span.start : span.end].strip().strip("()") == marker:  # Arabic: "(2)"
                return _with_markup(source, span)
    window = max(0, before - 8000)
    window = max(window, source.rfind("\f", window, before))
    # a markdown reference: its definitions gather at the end of the text, far from it
    written = source.rfind(f"[^{marker}]", max(0, before - _MARKDOWN_REACH), before)
    if written >= 0:
        return Span(written, written + len(marker) + 3)
    last = None
    for match in _anchor_pattern(marker).finditer(source, window, before):
        last = match
    if last is None:
        return None
    return Span(*last.span())


# What a marker may be set against: a letter (not a Chinese character: "第1段" is a
# paragraph's number) or closing punctuation, in Latin, Arabic and Chinese print.
_PUNCTUATION = r"""[,.;:)”’"»،؛，；。：、》」』）]"""
_BEFORE = rf"(?:[\p{{L}}--\p{{Han}}]|{_PUNCTUATION})"
_AFTER = r"(?=[\s,.;:)،؛，；。：、》」』）]|$)"
# numbers that count something after a space: "1949, 2 continued", "by 3 per cent"
_NOT_A_COUNT = r"(?!\s+(?:\p{L}{3,}\s+\d{4}|\d|per\s?cent|%|and\s+\d|to\s+\d))"
# Arabic prints its markers in brackets: "بالموضوع(2)،", "لعام 2022(1)،", "2015-2030(6)"
_BRACKETED_AFTER = r"(?<=\p{Arabic}[^\p{Latin}\n(]{0,24})"


def _anchor_pattern(marker: str) -> regex.Pattern[str]:
    """A footnote marker set against the word or the punctuation before it: "Council,1"."""
    pattern = _ANCHOR_CACHE.get(marker)
    if pattern is None:
        m = regex.escape(marker)
        pattern = regex.compile(
            rf"""(?<={_BEFORE}){m}{_AFTER}{_NOT_A_COUNT}
               | (?<={_PUNCTUATION}\s){m}{_AFTER}{_NOT_A_COUNT}
               | {_BRACKETED_AFTER}\({m}\)""",
            regex.VERSION1 | regex.VERBOSE,
        )
        _ANCHOR_CACHE[marker] = pattern
    return pattern


_DECIMAL_RE = regex.compile(r"\d\.")
_NUMBER_BEFORE_COMMA_RE = regex.compile(r"(?<![\w/.-])(\d+),$")
# what stands before a number that counts something: an abbreviation or a list of numbers
_NUMBERED_BEFORE_RE = regex.compile(
    r"(?:\b(?:Add|Corr|Rev|No|Nos|para|paras|chap|vol|sect|art|Art|p|pp)\.\s?|\d,\s)$"
)


def first_anchor(
    source: str, marker: str, start: int, end: int, *, decimal_comma: bool = False
) -> Span | None:
    """The first plausible marker ``marker`` between ``start`` and ``end`` (see ``Markers``)."""
    found = Markers(source, start, end, decimal_comma=decimal_comma).after(marker, start, end)
    return next(found, None)


class Markers:
    """Every plausible footnote marker of a stretch of text, by number, in reading order.

    Notes gathered at the end of a text (a Word export, a rendering of the UN's markup) sit
    far from their markers; their markers come in order, so the marker of a note not yet
    placed is the first one after the marker of the note before it. One pass collects the
    candidates, so placing many notes stays linear. A number that opens a line is a
    paragraph's, one after a digit and a point inside a line is a decimal ("5.6
    million"), as is, where ``decimal_comma`` says numbers are written so, one after a
    comma and a number other than a year ("1,5 degré"); one after "Add." or "No." or in a
    list of numbers counts something: none of them is a marker. A markdown reference
    ("[^3]") says itself what it is and comes first.
    """

    def __init__(self, source: str, start: int, end: int, *, decimal_comma: bool) -> None:
        self.written: dict[str, list[Span]] = {}
        self.plain: dict[str, list[Span]] = {}
        for reference in _MARKDOWN_REFERENCE_RE.finditer(source, start, end):
            self.written.setdefault(reference["n"], []).append(Span(*reference.span()))
        for run in _DIGITS_RE.finditer(source, start, end):
            found = _marker_in(source, run.start(), run.end(), end)
            if found is None:
                continue
            at, stop = found.span()
            if _plausible(source, at, stop, decimal_comma=decimal_comma):
                self.plain.setdefault(found["n"], []).append(Span(at, stop))

    def after(self, marker: str, start: int, end: int) -> Iterator[Span]:
        """The candidates for ``marker`` that start in ``[start, end)``, markdown first."""
        for table in (self.written, self.plain):
            spans = table.get(marker, [])
            index = bisect.bisect_left(spans, start, key=_span_start)
            while index < len(spans) and spans[index].start < end:
                yield spans[index]
                index += 1


def _marker_in(source: str, start: int, stop: int, end: int) -> regex.Match[str] | None:
    """The marker a run of digits may be: all of it, in brackets, or what follows a year.

    Looking only where digits are keeps the search cheap on long texts.
    """
    length = stop - start
    if length <= 3:
        if start > 0 and source[start - 1] == "(":
            bracketed = _ANY_MARKER_RE.match(source, start - 1, end)
            if bracketed is not None:
                return bracketed
        return _ANY_MARKER_RE.match(source, start, end)
    if 5 <= length <= 7 and source.startswith(("19", "20"), start):
        return _ANY_MARKER_RE.match(source, start + 4, end)  # "30 June 20211"
    return None


def _plausible(source: str, at: int, stop: int, *, decimal_comma: bool) -> bool:
    line_start = source.rfind("\n", 0, at) + 1
    if not source[line_start:at].strip():
        return False  # a number opening a line: "11.\t"
    if _DECIMAL_RE.match(source, max(0, at - 2)) and source[stop : stop + 2].strip():
        return False  # "5.6 million"
    number = _NUMBER_BEFORE_COMMA_RE.search(source, max(0, at - 12), at)
    if decimal_comma and number is not None and not _YEAR_RE.fullmatch(number[1]):
        return False  # "1,5 degrés"
    return not _NUMBERED_BEFORE_RE.search(source, max(0, at - 12), at)


def _span_start(span: Span) -> int:
    return span.start


_YEAR_RE = regex.compile(r"(?:19|20)\d\d")
_DIGITS_RE = regex.compile(r"\d+")
_MARKDOWN_REFERENCE_RE = regex.compile(r"\[\^(?P<n>[\w-]{1,12})\]")
# A marker where the order of the notes vouches for it: besides the places
# ``_anchor_pattern`` allows, against a year ("30 June 20211"), after a Chinese character
# before a space ("报告1 以及"), or set against a comma before a number ("2011,5 19/1").
_ANY_MARKER_RE = regex.compile(
    rf"""(?<={_BEFORE}|\b(?:19|20)\d\d)(?P<n>\d{{1,3}}){_AFTER}(?!\s*(?:per\s?cent|%))
       | (?<=\p{{Han}})(?P<n>\d{{1,3}})(?=\s)
       | (?<={_PUNCTUATION}\s)(?P<n>\d{{1,3}}){_AFTER}{_NOT_A_COUNT}
       | {_BRACKETED_AFTER}\((?P<n>\d{{1,3}})\)""",
    regex.VERSION1 | regex.VERBOSE,
)


_MARKDOWN_REACH = 200_000


def _with_markup(source: str, span: Span) -> Span:
    """A raised marker with the markup that wrote it ("[^1]", "<sup>1</sup>"), all cut out."""
    for opening, closing in (("[^", "]"), ("<sup>", "</sup>")):
        if source.startswith(opening, span.start - len(opening)) and source.startswith(
            closing, span.end
        ):
            return Span(span.start - len(opening), span.end + len(closing))
    return span


def _span_end(span: Span) -> int:
    return span.end


def plausible_marker(marker: str, notes: Sequence[tuple[str | None, object]]) -> bool:
    """A line-initial number opens a new note only if it follows the previous note's marker."""
    previous = next((m for m, _ in reversed(notes) if m is not None), None)
    if previous is None or not previous.isdigit() or not marker.isdigit():
        return True
    return int(marker) == int(previous) + 1
