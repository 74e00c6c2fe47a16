"""Vote outcomes, vetoes and the members named absent or not participating (issue 17)."""

from __future__ import annotations

import pathlib

import pytest

import resparse
from resparse._build import is_state as _is_state
from resparse._vote import VoteFields, read_vote

DRAFTS = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "akn" / "drafts"
SC = "Security Council"

pytestmark = pytest.mark.issue(17)


def read(text: str, body: str | None = SC) -> VoteFields:
    return read_vote(text, 0, is_state=_is_state, body=body)


def codes(fields: VoteFields) -> list[str]:
    return [d.code for d in fields.diagnostics]


def sc_text(vote: str) -> str:
    return (
        "The Security Council,\n\nRecalling its previous resolutions,\n\n"
        f"1. Decides to remain seized of the matter.\n\n{vote}\n"
    )


@pytest.mark.parametrize(
    ("statement", "outcome", "vetoed_by"),
    [
        (
            (
                "The draft resolution was not adopted owing to the negative vote of a permanent "
                "member of the Security Council (Russian Federation). The vote was 13 in favour, "
                "1 against (Russian Federation) and 1 abstention (China)."
            ),
            "vetoed",
            ("Russian Federation",),
        ),
        (
            (
                "The draft resolution was not adopted due to the negative votes of two permanent "
                "members (China and Russian Federation). The vote was 10 in favour, 3 against "
                "(China, Russian Federation, United Arab Emirates) and 2 abstentions."
            ),
            "vetoed",
            ("China", "Russian Federation"),
        ),
        (
            # no names in the veto sentence: the permanent members in the list against
            (
                "The draft resolution was not adopted owing to the negative vote of a permanent "
                "member of the Council. The vote was 13 in favour, 2 against (Russian Federation, "
                "Syrian Arab Republic) and 0 abstentions."
            ),
            "vetoed",
            ("Russian Federation",),
        ),
        (
            (
                "The draft resolution was not adopted, having failed to obtain the required number "
                "of votes. The vote was 2 in favour, 3 against and 10 abstentions."
            ),
            "not_adopted",
            (),
        ),
        ("Adopted unanimously at the 9000th meeting.", "adopted", ()),
        ("Adopted at the 2963rd meeting by 12 votes to 2 (Cuba and Yemen).", "adopted", ()),
    ],
)
def test_vote_outcome_and_vetoing_members(
    statement: str, outcome: str, vetoed_by: tuple[str, ...]
) -> None:
    fields = read(statement)
    assert fields.outcome == outcome
    assert fields.vetoed_by == vetoed_by
    assert "vote.veto_conflict" not in codes(fields)


def test_vote_outcome_is_unknown_when_only_the_meeting_is_named() -> None:
    assert read("9000th meeting").outcome is None


@pytest.mark.parametrize(
    ("statement", "message"),
    [
        (
            (
                "The draft resolution was not adopted owing to the negative vote of a permanent "
                "member (Syrian Arab Republic). The vote was 13 in favour, 1 against (Syrian Arab "
                "Republic) and 1 abstention."
            ),
            "not a permanent member",
        ),
        (
            (
                "The draft resolution was not adopted owing to the negative vote of a permanent "
                "member (France). The vote was 13 in favour, 1 against (Russian Federation) and "
                "1 abstention."
            ),
            "not in the list against",
        ),
        (
            (
                "The draft resolution was not adopted owing to the negative vote of a permanent "
                "member of the Council. The vote was 13 in favour, 2 against (Cuba, Syrian Arab "
                "Republic) and 0 abstentions."
            ),
            "no permanent member is listed against",
        ),
        (
            (
                "The draft resolution was vetoed. The vote was 14 in favour, none against and "
                "1 abstention."
            ),
            "no member voted against",
        ),
    ],
)
def test_vote_veto_conflicts_are_diagnosed(statement: str, message: str) -> None:
    fields = read(statement)
    conflicts = [d for d in fields.diagnostics if d.code == "vote.veto_conflict"]
    assert [d.severity for d in conflicts] == ["warning"]
    assert message in conflicts[0].message


def test_vote_record_keeps_absent_and_not_participating_members() -> None:
    result = resparse.parse(
        sc_text(
            "Adopted at the 1000th meeting by 9 votes to none, with 3 abstentions (Bulgaria, "
            "France, United Kingdom), one member (China) not participating in the vote. Two "
            "members (Egypt, India) were absent."
        )
    )
    assert result.vote is not None
    assert result.vote.not_participating_states == ("China",)
    assert result.vote.absent_states == ("Egypt", "India")
    assert result.vote.outcome == "adopted"
    again = resparse.from_akn(result.to_akn())
    assert again.vote is not None
    assert again.vote.not_participating_states == ("China",)
    assert again.vote.absent_states == ("Egypt", "India")
    assert resparse.from_json(result.to_json()) == result


def test_vote_state_named_absent_and_voting_is_diagnosed() -> None:
    fields = read(
        "Adopted at the 1000th meeting by 10 votes to none, with 3 abstentions (Bulgaria, "
        "France, Egypt). Two members (Egypt, India) were absent."
    )
    assert "vote.state_in_two_lists" in codes(fields)


@pytest.mark.parametrize(
    ("name", "outcome", "vetoed_by", "counts"),
    [
        ("S_2023_792.xml", "vetoed", ("China", "Russian Federation"), (10, 3, 2)),
        ("S_2023_507.xml", "not_adopted", (), (2, 3, 10)),
    ],
)
def test_vote_failed_draft_from_markup_and_round_trip(
    name: str, outcome: str, vetoed_by: tuple[str, ...], counts: tuple[int, int, int]
) -> None:
    result = resparse.from_akn(DRAFTS / name)
    vote = result.vote
    assert vote is not None
    assert (vote.method, vote.outcome, vote.vetoed_by) == ("rejected", outcome, vetoed_by)
    assert (vote.in_favour, vote.against, vote.abstaining) == counts
    assert vote.text == ""
    assert len(vote.span) == 0  # the draft prints no vote: the markup's meta is the record
    again = resparse.from_akn(result.to_akn()).vote
    assert again is not None
    assert (again.method, again.outcome, again.vetoed_by) == ("rejected", outcome, vetoed_by)
    assert (again.in_favour, again.against, again.abstaining) == counts
    assert again.against_states == vote.against_states


def test_vote_json_of_format_1_1_still_reads() -> None:
    result = resparse.parse(sc_text("Adopted unanimously at the 9000th meeting."))
    data = result.to_dict()
    data["schema_version"] = "1.1"
    for vote in (data["vote"], *data["votes"]):
        for key in ("outcome", "absent_states", "not_participating_states", "vetoed_by"):
            del vote[key]
    old = resparse.Resolution.from_dict(data)
    assert old.vote is not None
    assert old.vote.outcome is None
    assert old.vote.vetoed_by == ()
    assert old.vote.method == "unanimous"
