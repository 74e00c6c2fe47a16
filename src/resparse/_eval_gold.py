"""The evaluation's gold: the UN's markup read with ``from_akn``, and its normalisations.

The markup sometimes puts the preamble's last clause in the body, a section heading in an
unnumbered paragraph, the first numbered paragraphs in the preamble, the last ones
inside the list of the paragraph before, or the next paragraph in a paragraph's text;
``normalise_gold`` undoes each by one general rule, unless ``GOLD_AS_MARKED`` asks for
the markup as it is.
"""

from __future__ import annotations

import contextvars
from typing import TYPE_CHECKING

import attrs
import regex

from resparse._patterns import CLAUSE_COMMAS
from resparse.model import OperativeParagraph, PreambularClause, SubParagraph

if TYPE_CHECKING:
    import pathlib

    from resparse.model import Resolution


# Whether ``run`` scores against the markup as it is (``--gold-as-marked``) rather than
# with the misplaced clauses moved back (see ``normalise_gold``).
GOLD_AS_MARKED: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "gold_as_marked", default=False
)


def normalise_gold(gold: Resolution) -> Resolution:
    """The gold with the markup's misplaced parts put back and its heading paragraphs dropped.

    Five general rules, each a drafting fact the markup breaks (``_clause_moved_back``,
    ``_numbered_clauses_moved``, ``_nested_paragraphs_lifted``, ``_merged_paragraph_split``,
    ``_headings_dropped``); nothing else in the markup is changed.
    """
    lifted = _nested_paragraphs_lifted(_numbered_clauses_moved(_clause_moved_back(gold)))
    return _headings_dropped(_merged_paragraph_split(lifted))


# a paragraph's number at the start of a text: "1. ", "2 "
_NUMBER_RE = regex.compile(r"(\d{1,3})\.?\s+")


def _numbered_clauses_moved(gold: Resolution) -> Resolution:
    """The gold with the numbered paragraphs the markup left in the preamble made paragraphs.

    The UN's markup sometimes keeps the first operative paragraphs in the preamble, their
    numbers printed in their text ("1. 表示赞赏 ...；", A/RES/77/101 in Chinese). Preambular
    clauses are never numbered: so the clauses at the end of the preamble whose text opens
    with a number are operative paragraphs of that number, put before the others.
    """
    preamble = gold.preamble
    matches: list[regex.Match[str]] = []
    for clause in reversed(preamble):
        match = _NUMBER_RE.match(clause.text)
        if match is None:
            break
        matches.insert(0, match)
    if not matches:
        return gold
    at = len(preamble) - len(matches)
    moved = [
        OperativeParagraph(
            number=int(match.group(1)),
            lead=clause.lead,
            text=clause.text[match.end() :],
            span=clause.span,
            lead_span=clause.lead_span,
            lead_italic=clause.lead_italic,
            part=clause.part,
            section=clause.section,
        )
        for clause, match in zip(preamble[at:], matches, strict=True)
    ]
    return attrs.evolve(gold, preamble=preamble[:at], operative=(*moved, *gold.operative))


def _nested_paragraphs_lifted(gold: Resolution) -> Resolution:
    """The gold with the paragraphs the markup nested in the paragraph before lifted out.

    The UN's markup sometimes puts the last paragraphs of a text inside the deepest item
    of the paragraph before: paragraphs 4 to 9 of S/RES/1591 (2005) under its 3 (g)
    (iii), 4 to 28 of S/RES/1996 (2011) under 3 (c), 16 of S/RES/2584 (2021) in French
    under 15. A numbered list inside a paragraph starts at 1: so in paragraph N, a list
    whose first item is labelled N + 1 holds the paragraphs N + 1, N + 2, ... that its
    consecutive labels number, and they are put after paragraph N.
    """
    operative: list[OperativeParagraph] = []
    changed = False
    for paragraph in gold.operative:
        if paragraph.number is None:
            operative.append(paragraph)
            continue
        kept, lifted = _lift(paragraph.subparagraphs, paragraph.number + 1)
        if not lifted:
            operative.append(paragraph)
            continue
        changed = True
        operative.append(attrs.evolve(paragraph, subparagraphs=kept))
        operative.extend(
            OperativeParagraph(
                number=int(item.label),
                lead=None,  # the markup marked no lead on an item: none is scored
                text=item.text,
                span=item.span,
                subparagraphs=item.subparagraphs,
                part=paragraph.part,
                section=paragraph.section,
            )
            for item in lifted
        )
    return attrs.evolve(gold, operative=tuple(operative)) if changed else gold


def _merged_paragraph_split(gold: Resolution) -> Resolution:
    """The gold with a paragraph the markup ran into the one before cut out again.

    The markup sometimes keeps the next paragraph in a paragraph's text, its number
    printed without its period ("...y el Apoyo; 2 Invita a ...", A/RES/77/317 in
    Spanish), and numbers the paragraph after it N + 2. Numbers do not skip: so where
    paragraph N is followed by N + 2 and its text holds "N + 1" once, after a clause's
    end and before a capital, the text is cut there into paragraphs N and N + 1.
    """
    operative = list(gold.operative)
    changed = False
    for i in range(len(operative) - 2, -1, -1):
        paragraph, following = operative[i], operative[i + 1]
        if paragraph.number is None or following.number != paragraph.number + 2:
            continue
        if paragraph.subparagraphs:
            continue
        missing = paragraph.number + 1
        found = list(_next_number_re(missing).finditer(paragraph.text))
        if len(found) != 1:
            continue
        cut = found[0]
        changed = True
        operative[i : i + 1] = [
            attrs.evolve(paragraph, text=paragraph.text[: cut.start()].rstrip()),
            OperativeParagraph(
                number=missing,
                lead=None,  # the markup marked no lead here: none is scored
                text=paragraph.text[cut.end() :],
                span=paragraph.span,
                part=paragraph.part,
                section=paragraph.section,
            ),
        ]
    return attrs.evolve(gold, operative=tuple(operative)) if changed else gold


def _next_number_re(number: int) -> regex.Pattern[str]:
    """The number N printed after a clause's end, before a capital: "; 2 Invita"."""
    return regex.compile(rf"(?<=[;.\u061b\uff1b\u3002])\s+{number}\.?\s+(?=\p{{Lu}})")


def _lift(
    items: tuple[SubParagraph, ...], number: int
) -> tuple[tuple[SubParagraph, ...], list[SubParagraph]]:
    """The items without the first list (depth first) that opens at ``number``, and it."""
    if items and items[0].label == str(number):
        run = 1
        while run < len(items) and items[run].label == str(number + run):
            run += 1
        return items[run:], list(items[:run])
    for i, item in enumerate(items):
        kept, lifted = _lift(item.subparagraphs, number)
        if lifted:
            changed = attrs.evolve(item, subparagraphs=kept)
            return (*items[:i], changed, *items[i + 1 :]), lifted
    return items, []


def _headings_dropped(gold: Resolution) -> Resolution:
    """The gold without the unnumbered paragraphs that are section headings.

    The UN's markup sometimes puts a section's heading ("Implementation of the 1995
    Agreement ...", between paragraphs 46 and 47 of A/RES/77/118, in every language) in an
    unnumbered paragraph. A paragraph ends with its punctuation and a heading does not:
    so an unnumbered paragraph between two numbered ones, with no sub-paragraphs, whose
    text ends on a letter or digit, is a heading and no paragraph, and is dropped.
    """
    operative = gold.operative
    kept = tuple(
        paragraph
        for i, paragraph in enumerate(operative)
        if not (
            0 < i < len(operative) - 1
            and paragraph.number is None
            and operative[i - 1].number is not None
            and operative[i + 1].number is not None
            and not paragraph.subparagraphs
            and paragraph.text.rstrip()[-1:].isalnum()
        )
    )
    return gold if len(kept) == len(operative) else attrs.evolve(gold, operative=kept)


def _clause_moved_back(gold: Resolution) -> Resolution:
    """The gold with the last preambular clause the markup put in the body moved back.

    The UN's markup sometimes puts the last clause of the preamble ("*Remaining* fully
    committed to ...,") in the main body, as an unnumbered paragraph before paragraph 1.
    A resolution's operative paragraphs are all numbered or (one alone) none, and an
    operative paragraph ends with a semicolon, a full stop or a colon, never a comma: so
    an unnumbered first paragraph that is followed by numbered ones, has no
    sub-paragraphs and ends with a comma is read as a preambular clause, put back where
    its text stands among the others.
    """
    operative = gold.operative
    if len(operative) < 2:
        return gold
    first, second = operative[0], operative[1]
    if (
        first.number is not None
        or second.number is None
        or first.subparagraphs
        or not first.text.rstrip().endswith(CLAUSE_COMMAS)
    ):
        return gold
    # the clause goes where its text stands: usually after the preamble, but the markup
    # also lifts a clause out of the middle of it (A/RES/77/118)
    at = sum(1 for c in gold.preamble if c.span.start <= first.span.start)
    clause = PreambularClause(
        index=at + 1,
        lead=first.lead,
        text=first.text,
        span=first.span,
        lead_span=first.lead_span,
        lead_italic=first.lead_italic,
        part=first.part,
        section=first.section,
        more_leads=first.more_leads,
        more_lead_spans=first.more_lead_spans,
    )
    after = tuple(attrs.evolve(c, index=c.index + 1) for c in gold.preamble[at:])
    preamble = (*gold.preamble[:at], clause, *after)
    return attrs.evolve(gold, preamble=preamble, operative=operative[1:])


def gold_of(path: pathlib.Path) -> Resolution:
    """The gold of one case: the markup, normalised unless ``GOLD_AS_MARKED`` is set."""
    from resparse.readers.akn import from_akn  # noqa: PLC0415 - lxml loads on demand

    gold = from_akn(path)
    return gold if GOLD_AS_MARKED.get() else normalise_gold(gold)
