"""Full roll calls: one row per Member State on the day, with codes (issue 17)."""

from __future__ import annotations

import collections
import datetime as dt
import pathlib

import pytest

import resparse
from resparse.states import ga_membership, members_on, resolve_state, seat_of

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "fixtures"

pytestmark = pytest.mark.issue(17)


def ga_vote(in_favour: str, against: str, abstaining: str, day: str = "4 December 2020") -> str:
    return (
        "United Nations A/RES/75/99\n\nGeneral Assembly\n\nResolution adopted by the General "
        f"Assembly on {day}\n\nThe General Assembly,\n\nRecalling its resolutions,\n\n"
        "1. Decides to remain seized of the matter.\n\n"
        f"[Adopted by a recorded vote. The voting was as follows:\n\nIn favour:\n\n{in_favour}"
        f"\n\nAgainst:\n\n{against}\n\nAbstaining:\n\n{abstaining}]\n"
    )


def test_rollcall_printed_lists_and_membership_of_the_seed() -> None:
    seed = resparse.parse_file(FIXTURES / "A_HRC_RES_46_13.txt")
    rows = resparse.roll_call(seed)
    vote = seed.vote
    assert vote is not None
    counts = collections.Counter(row.vote for row in rows)
    assert (counts["yes"], counts["no"], counts["abstain"]) == (26, 15, 6)
    # the Council's 47 seats are the printed lists; every other Member is not a member of it
    assert counts["not_member"] == ga_membership(dt.date(2021, 3, 23)) - 47
    yes = {row.alpha3 for row in rows if row.vote == "yes"}
    assert yes == {s.alpha3 for n in vote.in_favour_states if (s := resolve_state(n))}
    assert all(row.printed is not None for row in rows if row.vote != "not_member")


def test_rollcall_general_assembly_fills_in_the_absent() -> None:
    result = resparse.parse(ga_vote("Algeria, Brazil and Chile", "Israel", "Japan"))
    rows = resparse.roll_call(result)
    day = dt.date(2020, 12, 4)
    assert len(rows) == ga_membership(day) == 193
    counts = collections.Counter(row.vote for row in rows)
    assert counts == {"yes": 3, "no": 1, "abstain": 1, "absent": 188}
    chile = next(row for row in rows if row.alpha3 == "CHL")
    assert (chile.vote, chile.printed, chile.alpha2, chile.m49, chile.cow) == (
        "yes",
        "Chile",
        "CL",
        "152",
        155,
    )
    assert chile.voeten == 1
    assert next(row for row in rows if row.alpha3 == "AFG").voeten == 8


def test_rollcall_a_former_name_votes_in_its_seat() -> None:
    # 1985: Zaire sat in the seat of today's Democratic Republic of the Congo
    result = resparse.parse(ga_vote("Zaire and Burma", "Israel", "Japan", "4 December 1985"))
    rows = resparse.roll_call(result)
    assert len(rows) == ga_membership(dt.date(1985, 12, 4)) == 159
    zaire = next(row for row in rows if row.printed == "Zaire")
    assert (zaire.state, zaire.vote, zaire.cow) == ("Zaire", "yes", 490)
    assert seat_of("Zaire") == "Democratic Republic of the Congo"
    # South Sudan was no Member then: no row
    assert all(row.alpha3 != "SSD" for row in rows)


def test_rollcall_a_printed_name_that_is_no_member_keeps_its_row() -> None:
    result = resparse.parse(ga_vote("Algeria and Holy See", "Israel", "Japan"))
    rows = resparse.roll_call(result)
    strays = [row for row in rows if row.alpha3 is None]
    assert [(row.state, row.vote) for row in strays] == [("Holy See", "yes")]


def test_rollcall_named_absent_members_of_the_security_council() -> None:
    result = resparse.parse(
        "United Nations S/RES/300 (1971)\n\nSecurity Council\n\nThe Security Council,\n\n"
        "Recalling its resolutions,\n\n1. Decides to remain seized of the matter.\n\n"
        "Adopted at the 1600th meeting on 12 October 1971 by 13 votes to none, one member "
        "(China) not participating in the vote, one member (France) being absent.\n"
    )
    vote = result.vote
    assert vote is not None
    assert (vote.not_participating_states, vote.absent_states) == (("China",), ("France",))
    # the thirteen in favour are counted, not named: no full roll call can say who they
    # were (the rows once called them not members of the Council)
    assert resparse.roll_call(result) == ()


def test_rollcall_a_count_without_its_list_gives_no_roll_call() -> None:
    """fixtures/sc/S_RES_0678_1990: "by 12 votes to 2 (Cuba and Yemen), with 1 abstention
    (China)" names three States; the twelve in favour came out as not members (issue 17)."""
    result = resparse.parse_file(FIXTURES / "sc" / "S_RES_0678_1990_EN_GOLD.txt")
    vote = result.vote
    assert vote is not None
    assert (vote.in_favour, vote.in_favour_states, vote.against_states) == (
        12,
        (),
        ("Cuba", "Yemen"),
    )
    assert resparse.roll_call(result) == ()
    text = ga_vote("Algeria and Brazil", "Israel", "Japan")
    assert len(resparse.roll_call(resparse.parse(text))) == 193  # every list named: full


def test_rollcall_frame_and_matrix() -> None:
    one = resparse.parse(ga_vote("Algeria and Brazil", "Israel", "Japan"))
    frame = resparse.votes_frame(one, complete=True, voeten=True)
    assert len(frame) == 193
    assert {"alpha2", "cow", "voeten"} <= set(frame.columns)
    assert frame.loc[frame.alpha3 == "ISR", ["vote", "voeten"]].values.tolist() == [["no", 3]]
    matrix = resparse.vote_matrix([one])
    assert matrix.shape == (193, 1)
    assert matrix.loc["JPN", "A/RES/75/99"] == "abstain"


def test_rollcall_without_a_vote_or_a_date_is_empty() -> None:
    assert resparse.roll_call(resparse.parse("The General Assembly,\n\n1. Decides.\n")) == ()
    with pytest.raises(TypeError, match="Resolution"):
        resparse.roll_call("not a result")  # type: ignore[arg-type]


def test_states_members_one_per_seat_with_unique_codes() -> None:
    members = members_on(dt.date(2023, 12, 1))
    assert len(members) == 193
    assert len({m.cow for m in members}) == 193
    assert len({m.alpha2 for m in members}) == 193
    germany = resolve_state("Germany")
    assert germany is not None
    assert (germany.alpha2, germany.cow) == ("DE", 255)
    libya_2009 = {m.name for m in members_on(dt.date(2009, 6, 1))}
    assert "Libyan Arab Jamahiriya" in libya_2009
    assert "Libya" not in libya_2009


def test_rollcall_a_vote_that_names_no_state_has_none() -> None:
    result = resparse.parse(
        "United Nations A/RES/78/1\n\nGeneral Assembly\n\nResolution adopted by the General "
        "Assembly on 4 December 2023\n\nThe General Assembly,\n\nRecalling its resolutions,\n\n"
        "1. Decides to remain seized of the matter.\n\n50th plenary meeting\n4 December 2023\n\n"
        "[Adopted without a vote.]\n"
    )
    assert result.vote is not None
    assert result.vote.method == "without_vote"
    assert resparse.roll_call(result) == ()
