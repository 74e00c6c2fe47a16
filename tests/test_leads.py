"""Lead phrases from the learned tables, and the morphology for unseen ones."""

from __future__ import annotations

import pytest

from resparse import _leads
from resparse._leads import opening_words


def lead_of(text: str, kind: _leads.Kind, scope: str | None = None) -> str:
    words = opening_words(text, [(0, len(text))])
    n = _leads.lead_length([w for w, _, _ in words], kind, "en", scope)
    return text[: words[n - 1][2]] if n else ""


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("Recalling its resolution 70/1,", "Recalling"),
        ("Recalling also its resolution 70/1,", "Recalling also"),
        ("Reaffirming further that all States", "Reaffirming further"),
        ("Deeply concerned about the loss of life", "Deeply concerned"),
        ("Expressing deep concern at the stigmatization", "Expressing deep concern"),
        ("Bearing in mind that the", "Bearing in mind"),
        ("Taking note with appreciation of the report", "Taking note with appreciation"),
        ("Having considered chapter IV", "Having considered"),
        ("Mindful that, in order", "Mindful"),
        ("Noting with deep concern the", "Noting with deep concern"),
        ("Guided by the purposes", "Guided"),
        ("Appreciating the efforts", "Appreciating"),  # unseen participle: morphology
        ("Perturbed by the reports", "Perturbed"),
        ("Recognizing moreover the need", "Recognizing moreover"),
        ("Reaffirming its commitment to the", "Reaffirming its commitment"),
        ("Reaffirming its resolution 70/1", "Reaffirming"),
        ("Noting with interest the", "Noting with interest"),
        # regression (A/RES/78/203 as pdftotext gives it): "in" opens no lead the tables
        # saw end there ("Recalling in particular" is one), so the lead is "Recalling"
        ("Recalling in this regard the resolutions", "Recalling"),
        ("Recalling in particular its resolution", "Recalling in particular"),
    ],
)
def test_leads_preambular(text: str, lead: str) -> None:
    assert lead_of(text, "pre") == lead


def test_leads_scope_of_the_human_rights_council() -> None:
    assert lead_of("Guided by the purposes", "pre", scope="hrc") == "Guided by"


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("Calls upon all States to", "Calls upon"),
        ("Also requests the Secretary-General", "Also requests"),
        ("Strongly condemns all acts", "Strongly condemns"),
        ("Reiterates its call upon all States", "Reiterates its call upon"),
        ("Decides to convene", "Decides"),
        ("Takes note of the report", "Takes note"),
        ("Expresses its appreciation to the", "Expresses its appreciation"),
        ("Proclaims the decade", "Proclaims"),
        ("Calls for an end", "Calls for"),
        ("Encourages further efforts", "Encourages"),
        ("Reaffirms its resolution 70/1", "Reaffirms"),
    ],
)
def test_leads_operative(text: str, lead: str) -> None:
    assert lead_of(text, "op") == lead


@pytest.mark.parametrize(
    ("word", "kind", "expected"),
    [
        ("appreciating", "pre", True),
        ("mindful", "pre", True),
        ("including", "pre", False),
        ("during", "pre", False),
        ("proclaims", "op", True),
        ("states", "op", False),
        ("bahamas", "op", False),
        ("process", "op", False),
    ],
)
def test_leads_morphology(word: str, kind: _leads.Kind, expected: bool) -> None:
    assert _leads.looks_like_lead_word(word, kind) is expected


def test_leads_tables_load_once() -> None:
    assert _leads.tables("en") is _leads.tables("en")
    assert _leads.known_first_word("recalling", "pre")
    assert not _leads.known_first_word("recalling", "op")
