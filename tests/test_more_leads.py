"""Further leads inside a clause or paragraph: "..., and *requests* ..." (issue 3)."""

from __future__ import annotations

import pytest

import resparse
from resparse.readers.akn import from_akn

HEAD = "The Security Council,\n\n"
PRE = "*Recalling* its resolution 2231 (2015),\n\n"


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "*Decides* to extend the mandate, and *requests* the Secretary-General to report;",
            ("requests",),
        ),
        ("*Decides* to extend the mandate; *urges* all parties to cooperate;", ("urges",)),
        (
            "*Decides* to extend, *calls upon* States to act, and *requests* a report;",
            ("calls upon", "requests"),
        ),
        # the UN did not italicize it: not reported
        ("*Decides* to extend the mandate, and requests the Secretary-General to report;", ()),
        # an italic title after a comma is not a lead
        ("*Decides* to apply the Convention, *Treaty Series*, vol. 1;", ()),
        # inside quotation marks: the title of a quoted resolution
        ("*Decides* to include the item “Peace, and *welcomes* it” in the agenda;", ()),
        # an italic word that opens no lead in the UN's markup
        ("*Decides* to extend the mandate, *mutatis mutandis*, until June;", ()),
    ],
)
def test_more_leads_operative(paragraph: str, expected: tuple[str, ...]) -> None:
    r = resparse.parse(HEAD + PRE + "1. " + paragraph + "\n")
    para = r.operative[0]
    assert para.more_leads == expected
    assert tuple(r.raw(s) for s in para.more_lead_spans) == expected


def test_more_leads_preamble() -> None:
    text = HEAD + "*Welcoming* the report, and *encouraging* further efforts,\n\n1. *Decides* x;\n"
    r = resparse.parse(text)
    assert r.preamble[0].more_leads == ("encouraging",)


def test_more_leads_need_italics() -> None:
    text = HEAD + "Recalling x,\n\n1. Decides to extend the mandate, and requests a report;\n"
    r = resparse.parse(text)
    assert r.operative[0].more_leads == ()
    assert r.operative[0].more_lead_spans == ()


def test_more_leads_french() -> None:
    text = "Le Conseil de sécurité,\n\n*Rappelant* x,\n\n1. *Décide* y, et *prie* le Secrétaire général de z;\n"
    r = resparse.parse(text)
    assert r.language == "fr"
    assert r.operative[0].more_leads == ("prie",)


def test_more_leads_survive_json_and_akn() -> None:
    text = HEAD + PRE + "1. *Decides* to extend the mandate, and *requests* a report;\n"
    r = resparse.parse(text)
    assert resparse.Resolution.from_json(r.to_json()) == r
    xml = r.to_akn()
    assert b'<span class="italic">requests</span>' in xml
    back = from_akn(xml)
    assert back.operative[0].more_leads == ("requests",)
    assert back.operative[0].lead == "Decides"
