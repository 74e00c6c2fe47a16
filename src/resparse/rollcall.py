"""Full roll calls: one row per Member State on the day of a vote, absentees included.

Roll-call data sets (Voeten's General Assembly votes, the UN Digital Library's voting
records) have a row for every Member State on each vote, so an absent State can be told
from one the data lacks. A resolution prints only the States that voted, so the rest are
filled in from the State table's membership dates (``resparse.states.members_on``):

* ``"yes"``, ``"no"``, ``"abstain"``: the State is in that printed list;
* ``"absent"``: a Member on the day that is in no list, or that the text names as absent
  or not participating; in the Security Council and the Human Rights Council, where only
  elected members vote, only the members the text names as absent or not voting;
* ``"not_member"``: not a Member of the voting body on the day (for the two Councils,
  every Member State that is not in a list and not named).

A printed name that is not a Member on the day (an observer, a misprint) gets a row of
its own with its printed vote and no codes, so nothing printed is dropped.
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003 - attrs reads the annotations of RollCallEntry
from typing import TYPE_CHECKING

import attrs

from resparse._language import has_profile, profile
from resparse.model import Resolution, VoteRecord
from resparse.states import members_on, name_key, seat_of

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["VOETEN_CODES", "VOTE_VALUES", "RollCallEntry", "roll_call"]

VOTE_VALUES: tuple[str, ...] = ("yes", "no", "abstain", "absent", "not_member")
# Voeten's numeric codes (UNGA voting data): 1 yes, 2 abstain, 3 no, 8 absent, 9 not a member.
VOETEN_CODES: dict[str, int] = {"yes": 1, "abstain": 2, "no": 3, "absent": 8, "not_member": 9}
# The bodies where only elected members vote, by their English names: the header names
# its body as printed ("Conseil de sécurité"), which the language's ``[bodies]`` table
# turns into English (``_council``), so these names are the same in every language.
_COUNCILS = ("security council", "human rights council")


@attrs.frozen
class RollCallEntry:
    """One State's place in one vote.

    ``state`` is the State's UN name on the day, ``printed`` the name as the lists print
    it (``None`` when the State is in no list); the codes are ``None`` for a printed name
    that is no Member State.
    """

    state: str
    printed: str | None
    vote: str
    alpha3: str | None
    alpha2: str | None
    m49: str | None
    cow: int | None
    date: dt.date | None

    @property
    def voeten(self) -> int:
        """Voeten's numeric code of the vote: 1 yes, 2 abstain, 3 no, 8 absent, 9 not a member."""
        return VOETEN_CODES[self.vote]


def _votes_of(resolution: Resolution) -> tuple[VoteRecord, ...]:
    return resolution.votes or ((resolution.vote,) if resolution.vote is not None else ())


def roll_call(resolution: Resolution, vote: VoteRecord | None = None) -> tuple[RollCallEntry, ...]:
    """The full roll call of ``vote`` (default: the resolution's first), one row per State.

    Empty when the resolution has no vote, when the vote names no State (adopted
    without a vote, by consensus, or with counts alone: who was absent cannot be told),
    when a printed count has no list of the States it counts ("12 votes to 2 (Cuba and
    Yemen)": who the twelve were cannot be told), or when it has no date (neither its
    own nor the header's), since membership depends on the day.

    Raises:
        TypeError: if ``resolution`` is not a ``Resolution``.
    """
    if not isinstance(resolution, Resolution):
        msg = f"roll_call takes a Resolution, not {type(resolution).__name__}"
        raise TypeError(msg)
    record = vote if vote is not None else next(iter(_votes_of(resolution)), None)
    if record is None:
        return ()
    day = record.date or resolution.header.adopted
    named = (
        record.in_favour_states,
        record.against_states,
        record.abstaining_states,
        record.absent_states,
        record.not_participating_states,
    )
    if day is None or not any(named) or _unnamed_voters(record):
        return ()
    return tuple(_entries(record, day, council=_council(resolution)))


def _council(resolution: Resolution) -> bool:
    """Whether the resolution's body is one of the two Councils, in any language."""
    printed = resolution.header.body or ""
    language = resolution.language
    english = profile(language).canonical_body(printed) if has_profile(language) else None
    name = (english or printed).casefold()
    return any(council in name for council in _COUNCILS)


def _unnamed_voters(record: VoteRecord) -> bool:
    """Whether a printed count says States voted a way and the text names none of them.

    "Adopted by 12 votes to 2 (Cuba and Yemen)" names the two against and none of the
    twelve in favour: every row would have to guess them, and a Council's unnamed seats
    would come out as not members. Such a vote has no full roll call. A list one name
    short of its count is kept: the UN's markup has such slips, in the count as often as
    in the list (S/RES/1559 (2004) counts 15 in favour and names 9 with 6 abstaining).
    """
    return any(
        count is not None and count > 0 and not names
        for count, names in (
            (record.in_favour, record.in_favour_states),
            (record.against, record.against_states),
            (record.abstaining, record.abstaining_states),
        )
    )


def _entries(record: VoteRecord, day: dt.date, *, council: bool) -> Iterator[RollCallEntry]:
    printed: dict[str, tuple[str, str]] = {}  # seat key -> (printed name, vote)
    extra: list[tuple[str, str]] = []
    for value, names in (
        ("yes", record.in_favour_states),
        ("no", record.against_states),
        ("abstain", record.abstaining_states),
        ("absent", record.absent_states),
        ("absent", record.not_participating_states),
    ):
        for name in names:
            key = seat_of(name) or name_key(name)
            if key in printed:
                continue  # named twice: the first list wins (the parser reported it)
            printed[key] = (name, value)
    members = members_on(day)
    seats = {seat_of(m.name) for m in members}
    for key, (name, value) in printed.items():
        if key not in seats:
            extra.append((name, value))
    for member in members:
        seat = seat_of(member.name) or member.name
        found = printed.get(seat)
        shown = found[0] if found is not None else None
        value = found[1] if found is not None else ("not_member" if council else "absent")
        yield RollCallEntry(
            state=member.name,
            printed=shown,
            vote=value,
            alpha3=member.alpha3,
            alpha2=member.alpha2,
            m49=member.m49,
            cow=member.cow,
            date=day,
        )
    for name, value in extra:
        yield RollCallEntry(
            state=name,
            printed=name,
            vote=value,
            alpha3=None,
            alpha2=None,
            m49=None,
            cow=None,
            date=day,
        )
