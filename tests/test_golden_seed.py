"""The seed resolution, A/HRC/RES/46/13: every field read exactly, checked by hand."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import resparse

SEED = "A_HRC_RES_46_13"

PREAMBLE_LEADS = [
    "Guided by",
    "Reaffirming",
    "Recalling",
    "Reaffirming",
    "Reaffirming also",
    "Reaffirming further",
    "Acknowledging",
    "Emphasizing",
    "Reaffirming",
    "Considering",
    "Deeply concerned",
    "Expressing deep concern",
    "Emphasizing",
    "Recognizing",
    "Reiterating",
    "Recognizing",
    "Recognizing also",
]
OPERATIVE = [
    (1, "Calls upon", False),
    (2, "Calls upon", False),
    (3, "Reiterates", False),
    (4, "Emphasizes", True),
    (5, "Invites", True),
    (6, "Reaffirms", False),
    (7, "Decides", False),
    (8, "Requests", True),
]
IN_FAVOUR = [
    "Argentina",
    "Bahrain",
    "Bangladesh",
    "Bolivia (Plurinational State of)",
    "Brazil",
    "Burkina Faso",
    "Cameroon",
    "China",
    "Côte d'Ivoire",
    "Cuba",
    "Eritrea",
    "Gabon",
    "Indonesia",
    "Mauritania",
    "Mexico",
    "Namibia",
    "Nepal",
    "Pakistan",
    "Philippines",
    "Russian Federation",
    "Senegal",
    "Somalia",
    "Sudan",
    "Togo",
    "Uruguay",
    "Venezuela (Bolivarian Republic of)",
]
AGAINST = [
    "Austria",
    "Bulgaria",
    "Czechia",
    "Denmark",
    "France",
    "Germany",
    "India",
    "Italy",
    "Japan",
    "Marshall Islands",
    "Netherlands",
    "Poland",
    "Republic of Korea",
    "Ukraine",
    "United Kingdom of Great Britain and Northern Ireland",
]
ABSTAINING = ["Armenia", "Bahamas", "Fiji", "Libya", "Malawi", "Uzbekistan"]


@pytest.fixture(scope="module")
def seed(request: pytest.FixtureRequest) -> resparse.Resolution:
    path = request.config.rootpath / "fixtures" / f"{SEED}.txt"
    return resparse.parse_file(path)


def test_seed_header(seed: resparse.Resolution) -> None:
    h = seed.header
    assert h.symbol == "A/HRC/RES/46/13"
    assert h.publisher == "United Nations"
    assert h.body == "Human Rights Council"
    assert h.distribution == "General"
    assert h.issued == dt.date(2021, 3, 31)
    assert h.original_language == "English"
    assert h.session == 46
    assert h.session_title == "Forty-sixth session"
    assert h.session_dates == "22 February–24 March 2021"
    assert [(a.number, a.title) for a in h.agenda_items] == [
        (
            "3",
            (
                "Promotion and protection of all human rights, civil, political, economic, social and "
                "cultural rights, including the right to development"
            ),
        )
    ]
    assert h.adopted == dt.date(2021, 3, 23)
    assert h.adoption_line == "Resolution adopted by the Human Rights Council on 23 March 2021"
    assert h.number == "46/13"
    assert h.title == "Promoting mutually beneficial cooperation in the field of human rights"
    assert h.report_line is None
    assert h.enacting_formula == "The Human Rights Council,"


def test_seed_header_spans_point_at_their_text(seed: resparse.Resolution) -> None:
    raw = {name: seed.raw(span) for name, span in seed.header.spans.items()}
    assert raw["symbol"] == "A/HRC/RES/46/13"
    assert raw["publisher"] == "United Nations"
    assert raw["issued"] == "31 March 2021"
    assert raw["number"] == "46/13."
    assert raw["enacting_formula"] == "The Human Rights Council,"


def test_seed_preamble(seed: resparse.Resolution) -> None:
    assert [c.lead for c in seed.preamble] == PREAMBLE_LEADS
    assert [c.index for c in seed.preamble] == list(range(1, 18))
    for clause in seed.preamble:
        assert clause.lead_span is not None
        assert seed.raw(clause.lead_span) == clause.lead
        assert clause.text.startswith(clause.lead)
        assert clause.lead_italic is False


def test_seed_clause_cut_by_a_page_break_is_one_clause(seed: resparse.Resolution) -> None:
    ninth = seed.preamble[8]
    assert ninth.text.endswith(
        "impartiality, objectivity and non-selectivity, constructive international dialogue and "
        "cooperation, with a view to enhancing the promotion and protection of all human rights, "
        "civil, political, economic, social and cultural rights, including the right to development,"
    )
    assert "\n\n\n\n\n" in seed.raw(ninth.span)


def test_seed_operative(seed: resparse.Resolution) -> None:
    assert [(p.number, p.lead, p.lead_italic) for p in seed.operative] == OPERATIVE
    assert seed.operative[0].text.startswith("Calls upon all States to uphold multilateralism")
    assert seed.operative[3].text.startswith("Emphasizes the importance")  # no asterisks in text
    assert seed.raw(seed.operative[3].lead_span) == "Emphasizes"  # type: ignore[arg-type]
    assert seed.operative[7].text.endswith("at its fifty-second session.")


def test_seed_vote(seed: resparse.Resolution) -> None:
    vote = seed.vote
    assert vote is not None
    assert vote.method == "recorded"
    assert (vote.in_favour, vote.against, vote.abstaining) == (26, 15, 6)
    assert list(vote.in_favour_states) == IN_FAVOUR
    assert list(vote.against_states) == AGAINST
    assert list(vote.abstaining_states) == ABSTAINING
    assert vote.meeting == "49th meeting"
    assert vote.date == dt.date(2021, 3, 23)


def test_seed_nothing_lost(seed: resparse.Resolution) -> None:
    assert seed.uncovered() == []
    assert seed.unclassified == ()
    assert [d for d in seed.diagnostics if d.severity != "info"] == []


def test_seed_matches_golden_json(seed: resparse.Resolution, fixtures, update_golden: bool) -> None:
    expected_path = fixtures / f"{SEED}.json"
    got = json.loads(seed.to_json())
    if update_golden:
        expected_path.write_text(seed.to_json(indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(expected_path.read_text(encoding="utf-8"))
