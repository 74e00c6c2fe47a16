"""States named in the text and the sponsors of drafts, with codes (issue 17)."""

from __future__ import annotations

import pathlib

import pytest

import resparse

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "fixtures"

pytestmark = pytest.mark.issue(17)


def text(clause: str) -> str:
    return f"The General Assembly,\n\n{clause}\n\n1. Calls upon Niger and Nigeria to cooperate;\n"


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("Welcoming the efforts of Côte d'Ivoire,", ["CIV", "NER", "NGA"]),
        # the longest name wins; "Congo" inside it is not read again
        ("Noting the report of the Democratic Republic of the Congo,", ["COD", "NER", "NGA"]),
        # a name broken over two lines
        (
            "Noting the report of the United Kingdom of Great\nBritain and Northern Ireland,",
            ["GBR", "NER", "NGA"],
        ),
        # the former name of a State, as printed then
        ("Recalling the admission of Zaire,", ["ZAR", "NER", "NGA"]),
        # no State: a word inside another, an adjective
        ("Noting Chadian and Nigerian efforts,", ["NER", "NGA"]),
    ],
)
def test_mentions_states_named(clause: str, expected: list[str]) -> None:
    result = resparse.parse(text(clause))
    named = resparse.states_named(result)
    assert [m.alpha3 for m in named] == expected
    for mention in named:
        assert " ".join(result.raw(mention.span).split()) == mention.printed


def test_mentions_carry_codes_and_place() -> None:
    result = resparse.parse(text("Welcoming the efforts of Germany,"))
    germany = resparse.states_named(result)[0]
    assert (germany.state, germany.alpha2, germany.m49, germany.cow) == (
        "Germany",
        "DE",
        "276",
        255,
    )
    assert (germany.part, germany.index) == ("preambular", 0)


def test_mentions_sponsors_of_a_draft() -> None:
    draft = resparse.parse_file(FIXTURES / "akn" / "drafts" / "S_2023_792.xml")
    sponsors = resparse.sponsor_states(draft)
    assert [(name, state.alpha3 if state else None) for name, state in sponsors] == [
        ("United States of America", "USA")
    ]


def draft(sponsor_line: str) -> str:
    return (
        "United Nations A/78/L.5\n\nGeneral Assembly\n\nSeventy-eighth session\n"
        f"Agenda item 12\n\n{sponsor_line}: draft resolution\n\nA title\n\n"
        "The General Assembly,\n\nRecalling its resolutions,\n\n"
        "1. Decides to remain seized of the matter.\n"
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Algeria, Bahrain and Egypt", [("Algeria", "DZA"), ("Bahrain", "BHR"), ("Egypt", "EGY")]),
        # names that hold an "and": the header cuts them, sponsor_states joins them again
        (
            "Antigua and Barbuda, Bosnia and Herzegovina and Trinidad and Tobago",
            [
                ("Antigua and Barbuda", "ATG"),
                ("Bosnia and Herzegovina", "BIH"),
                ("Trinidad and Tobago", "TTO"),
            ],
        ),
        (
            (
                "Bolivia (Plurinational State of), United Kingdom of Great Britain and Northern"
                " Ireland and Sao Tome and Principe"
            ),
            [
                ("Bolivia (Plurinational State of)", "BOL"),
                ("United Kingdom of Great Britain and Northern Ireland", "GBR"),
                ("Sao Tome and Principe", "STP"),
            ],
        ),
        # a State on behalf of a group: the group's "and" is inside the brackets
        (
            (
                "Guyana* (on behalf of the States Members of the United Nations that are members"
                " of the Group of 77 and China)"
            ),
            [
                (
                    (
                        "Guyana (on behalf of the States Members of the United Nations that are"
                        " members of the Group of 77 and China)"
                    ),
                    "GUY",
                )
            ],
        ),
        # a comma missing between two names, as in S/2023/970 of the development set
        (
            "Mexico, New Zealand Nicaragua",
            [("Mexico", "MEX"), ("New Zealand", "NZL"), ("Nicaragua", "NIC")],
        ),
        # a name that is no State's stays, unresolved
        ("Japan and Atlantis", [("Japan", "JPN"), ("Atlantis", None)]),
    ],
)
def test_mentions_sponsor_line_resolves_to_codes(
    line: str, expected: list[tuple[str, str | None]]
) -> None:
    sponsors = resparse.sponsor_states(resparse.parse(draft(line)))
    assert [(name, state.alpha3 if state else None) for name, state in sponsors] == expected


def test_mentions_reject_what_is_no_resolution() -> None:
    with pytest.raises(TypeError, match="Resolution"):
        resparse.states_named("text")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="Resolution"):
        resparse.sponsor_states(None)  # type: ignore[arg-type]
