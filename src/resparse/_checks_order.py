"""Self-checks on the order of the parts: what a resolution's drafting never does.

A resolution's preamble comes before its operative part, its paragraphs are all numbered
or none is, its sub-paragraph labels run in sequence, and nothing follows the formula that
closes it. A result that breaks one of these orders has most likely read a second text
(an annex, an attached declaration) as the resolution, or cut a part in the wrong place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from resparse import _checks_lines, _line_shape
from resparse._language import profile_or_english
from resparse._patterns import CLAUSE_COMMAS
from resparse.model import Diagnostic, Span

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from resparse.model import OperativeParagraph, Resolution, SubParagraph


def preamble_after_operative(result: Resolution) -> Iterator[Diagnostic]:
    """A preambular clause that comes after an operative paragraph of the same part.

    Parts (A, B) and sections (I, II) may each open with their own preamble; a clause
    after a paragraph of its own part and section, or after a paragraph of no part, means
    a text after the operative part (an annex, a declaration) was read as clauses. A
    section's own preamble after paragraphs of no section is the resolution's sections
    following paragraphs common to all of them ("10. Invites ...", "A", its title,
    "Recalling ...,", A/RES/75/245); a part's after paragraphs of no part warns: rare.
    """
    for clause in result.preamble:
        for paragraph in result.operative:
            if paragraph.span.start >= clause.span.start:
                break
            same = (paragraph.part, paragraph.section) == (clause.part, clause.section)
            common = paragraph.part is None and paragraph.section is None
            if same or (common and clause.section is None):
                message = (
                    f"preambular clause {clause.index} comes after operative paragraph "
                    f"{paragraph.number if paragraph.number is not None else '(unnumbered)'}: "
                    "a text after the operative part may have been read as clauses"
                )
                yield Diagnostic(
                    "structure.preamble_after_operative", message, "warning", clause.span
                )
                return


def no_operative_part(result: Resolution) -> Iterator[Diagnostic]:
    """A preamble with no operative part after it.

    Every resolution decides something: of the 4,401 files of the UN's markup, none has
    preambular clauses without an operative paragraph. A parse that finds none has read
    the operative part as clauses (a single unnumbered paragraph whose verb also opens
    preambular leads, as in Chinese) or lost it; the span is the last clause.
    """
    if result.preamble and not result.operative:
        last = result.preamble[-1]
        message = (
            f"{len(result.preamble)} preambular clauses and no operative paragraph: the "
            "operative part may have been read as the last clause, or lost"
        )
        yield Diagnostic("structure.no_operative_part", message, "warning", last.span)


def unnumbered_among_numbered(result: Resolution) -> Iterator[Diagnostic]:
    """An unnumbered operative paragraph in a part and section whose others are numbered.

    A resolution numbers all its operative paragraphs or (with a single one) none; an
    unnumbered one among numbered ones is usually a preambular clause read as operative,
    or a list item or heading cut from the paragraph before. A paragraph that ends with a
    colon ("Resolves that:") introduces the numbered ones and is left alone; so does one
    that ends with a comma under a section heading (a budget section's "Recalls ...,").
    Outside a section, a paragraph that ends with a comma is a preambular clause whose
    lead the tables did not know ("Comprometiéndose nuevamente ...,").
    """
    groups: dict[tuple[str | None, str | None], list[OperativeParagraph]] = {}
    for paragraph in result.operative:
        groups.setdefault((paragraph.part, paragraph.section), []).append(paragraph)
    for paragraphs in groups.values():
        if all(p.number is None for p in paragraphs):
            continue
        for paragraph in paragraphs:
            if paragraph.number is None and not _introduces(paragraph):
                message = (
                    "an unnumbered operative paragraph among numbered ones: it may be a "
                    "preambular clause, a heading or a list item read as a paragraph"
                )
                yield Diagnostic(
                    "operative.unnumbered",
                    message,
                    "warning",
                    paragraph.lead_span or paragraph.span,
                )
                break


def _introduces(paragraph: OperativeParagraph) -> bool:
    """Whether an unnumbered paragraph reads as the introduction of the numbered ones."""
    end = paragraph.text.rstrip()[-1:]
    return end in (":", "\uff1a") or (end in CLAUSE_COMMAS and paragraph.section is not None)


def text_after_closing(result: Resolution) -> Iterator[Diagnostic]:
    """Words after "Decides to remain seized of the matter." inside the same paragraph.

    That formula ends a resolution; words after it in its paragraph are an annex or an
    attached text the paragraph swallowed. The formula is the language's (``closing``);
    a language without one is not checked.
    """
    closing = profile_or_english(result.language).closing_re
    for paragraph in result.operative:
        raw = result.raw(paragraph.span)
        match = closing.search(raw)
        if match is None or not regex.search(r"\p{L}", raw[match.end() :]):
            continue
        start = paragraph.span.start + match.end()
        while result.source[start].isspace():
            start += 1
        message = (
            "text follows the formula that closes the resolution, inside its last "
            "paragraph: an annex or attached text may have been read as part of it"
        )
        yield Diagnostic(
            "operative.text_after_closing", message, "warning", Span(start, paragraph.span.end)
        )


def _roman(number: int) -> str:
    """The lowercase roman numeral of a number below 40."""
    tens, units = divmod(number, 10)
    ones = ("", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")
    return "x" * tens + ones[units]


_ROMAN = [_roman(n) for n in range(1, 40)]
_COUNTABLE = regex.compile(r"[a-zA-Z]{1,6}|\d{1,3}")


def _next_labels(label: str) -> set[str]:
    """The labels that may follow ``label`` in one list: the next letter, numeral or number."""
    found: set[str] = set()
    if label.isdigit():
        found.add(str(int(label) + 1))
        return found
    lower = label.lower()
    if lower in _ROMAN and _ROMAN.index(lower) + 1 < len(_ROMAN):
        following = _ROMAN[_ROMAN.index(lower) + 1]
        found.add(following.upper() if label.isupper() else following)
    if len(set(lower)) == 1:  # a, b ... z, then aa, bb
        letter = lower[0]
        step = chr(ord(letter) + 1) * len(lower) if letter != "z" else "a" * (len(lower) + 1)
        found.add(step.upper() if label.isupper() else step)
    return found


def label_sequence(result: Resolution) -> Iterator[Diagnostic]:
    """A sub-paragraph label that does not follow the one before it in its list.

    ``(a), (b), (d)`` or ``(ii), (ii)`` mean a sub-paragraph was lost, merged or read
    twice. Dashes and bullets carry no sequence and are not checked.
    """

    def walk(items: Sequence[SubParagraph]) -> Iterator[Diagnostic]:
        previous: str | None = None
        for item in items:
            if not _COUNTABLE.fullmatch(item.label):
                previous = None
                continue
            if previous is not None and item.label not in _next_labels(previous):
                message = (
                    f"sub-paragraph ({item.label}) follows ({previous}): a sub-paragraph "
                    "may be missing, merged or read twice"
                )
                yield Diagnostic("subparagraph.label_sequence", message, "warning", item.span)
            previous = item.label
            yield from walk(item.subparagraphs)

    for paragraph in result.operative:
        yield from walk(paragraph.subparagraphs)


def preamble_ends_with_colon(result: Resolution) -> Iterator[Diagnostic]:
    """The last preambular clause ends with a colon, as a paragraph's chapeau does.

    A preamble ends with a comma before the operative part; a colon there means the
    clause introduces what follows, so the boundary (or the first paragraph) is doubtful.
    """
    if not result.preamble or not result.operative:
        return
    last = result.preamble[-1]
    if last.text.rstrip().endswith(":"):
        message = (
            "the last preambular clause ends with a colon: the text after it may belong "
            "to it, or it may be the first operative paragraph"
        )
        yield Diagnostic("preamble.ends_with_colon", message, "warning", last.span)


def title_ends_with_colon(result: Resolution) -> Iterator[Diagnostic]:
    """A title that ends with a colon, as a paragraph's chapeau does.

    A title names the resolution and ends on a word; one that ends with "Décide ce qui
    suit :" has run on over the formula into the first paragraph, which is lost.
    """
    title = result.header.title
    if not title or not title.rstrip().endswith((":", "\uff1a")):
        return
    for segment in result.segments():
        if segment.kind == "header.title":
            message = (
                "the title ends with a colon, as a paragraph's opening does: it may have run "
                "on over the enacting formula into the first paragraph"
            )
            yield Diagnostic("header.title_ends_with_colon", message, "warning", segment.span)
            return


def title_unfinished(result: Resolution) -> Iterator[Diagnostic]:
    """A title that ends on a word no title ends on: a conjunction, a preposition, an article.

    "80/61. United Nations Regional Centre for Peace, Disarmament and": a title cut where
    its line broke (the rest lost by the copy, or read as something else). The words are
    the language's ``title_never_ends`` in ``[words]``; in a script written without
    spaces, the characters listed there end no title either (Chinese "和", "与").
    """
    title = result.header.title
    local = profile_or_english(result.language)
    last = _line_shape.unfinished_title(title, local) if title else None
    if last is None:
        return
    for segment in result.segments():
        if segment.kind == "header.title":
            message = (
                f"the title ends on {last!r}, a word no title ends on: it may "
                "have been cut where its line broke"
            )
            yield Diagnostic("header.title_unfinished", message, "warning", segment.span)
            return


def paragraphs_after_meeting(result: Resolution) -> Iterator[Diagnostic]:
    """Operative paragraphs that all come after the meeting line that closes a resolution.

    "71st plenary meeting" ends a General Assembly resolution; when every paragraph
    follows it, the resolution's own paragraphs were lost (run into the title, say) and
    an annex's numbered points ("1. We, the Heads of State ...") were read in their place.
    """
    if not result.operative:
        return
    first = result.operative[0].span.start
    meeting = result.header.spans.get("meeting")
    if meeting is None or meeting.start >= first:
        return  # a segment of the meeting line lies inside its span: none ends before first
    for segment in _checks_lines.segments_of(result):
        if segment.kind == "header.meeting" and segment.span.end <= first:
            message = (
                "every operative paragraph comes after the meeting line that ends the "
                "resolution: they may be an annex's points, the resolution's own lost"
            )
            yield Diagnostic("structure.paragraphs_after_meeting", message, "warning", segment.span)
            return
