"""The evaluation's gold: the UN's markup read with ``from_akn``, and its two normalisations.

The markup sometimes puts the preamble's last clause in the body, and sometimes a section
heading in an unnumbered paragraph; ``normalise_gold`` undoes each by one general rule,
unless ``GOLD_AS_MARKED`` asks for the markup as it is.
"""

from __future__ import annotations

import contextvars
from typing import TYPE_CHECKING

import attrs

from resparse.model import PreambularClause

if TYPE_CHECKING:
    import pathlib

    from resparse.model import Resolution


# what a preambular clause ends with, in the scripts of the six languages
_CLAUSE_COMMAS = (",", "\u060c", "\uff0c")

# Whether ``run`` scores against the markup as it is (``--gold-as-marked``) rather than
# with the misplaced clauses moved back (see ``normalise_gold``).
GOLD_AS_MARKED: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "gold_as_marked", default=False
)


def normalise_gold(gold: Resolution) -> Resolution:
    """The gold with the markup's misplaced clause moved back and its heading paragraphs dropped.

    Two general rules, each a drafting fact the markup breaks (``_clause_moved_back``,
    ``_headings_dropped``); nothing else in the markup is changed.
    """
    return _headings_dropped(_clause_moved_back(gold))


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
        or not first.text.rstrip().endswith(_CLAUSE_COMMAS)
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
