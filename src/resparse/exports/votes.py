"""Votes as a pandas DataFrame in long shape: one row per State per vote.

Voting data sets (the UN's own, Voeten's General Assembly data) come in this shape, so a
frame from here joins them on ``alpha3`` or ``m49`` and the date without any renaming of
countries. pandas is an optional extra (``pip install 'resparse[pandas]'``) and is imported
only when :func:`votes_frame` runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from resparse.errors import MissingExtraError
from resparse.model import Resolution
from resparse.rollcall import VOETEN_CODES
from resparse.states import resolve_state

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from pandas import DataFrame  # type: ignore[import-untyped, unused-ignore]

    from resparse.model import VoteRecord

__all__ = ["COLUMNS", "COMPLETE_COLUMNS", "VOTES", "vote_matrix", "votes_frame"]

COLUMNS: tuple[str, ...] = (
    "symbol",
    "part",
    "date",
    "body",
    "meeting",
    "method",
    "state",
    "alpha3",
    "m49",
    "vote",
)
# The vote column's values, in the order the lists are printed.
VOTES: tuple[str, ...] = ("yes", "no", "abstain")
_TEXT_COLUMNS = ("symbol", "part", "body", "meeting", "method", "state", "alpha3", "m49", "vote")
DTYPES: dict[str, str] = {**dict.fromkeys(_TEXT_COLUMNS, "string"), "date": "datetime64[ns]"}


# The extra columns of a complete roll call (``complete=True``).
COMPLETE_COLUMNS: tuple[str, ...] = (*COLUMNS, "alpha2", "cow")


def votes_frame(
    resolutions: Resolution | Iterable[Resolution],
    *,
    complete: bool = False,
    voeten: bool = False,
) -> DataFrame:
    """One row per State per vote: who voted how on which resolution, with its codes.

    With ``complete=True`` every vote gives its full roll call
    (:func:`resparse.roll_call`): one row per Member State on the day, ``vote`` one of
    ``"yes"``, ``"no"``, ``"abstain"``, ``"absent"``, ``"not_member"``, with ISO alpha-2
    and Correlates of War codes in ``alpha2`` and ``cow``; ``voeten=True`` adds Voeten's
    numeric code (1 yes, 2 abstain, 3 no, 8 absent, 9 not a member) as ``voeten``.

    ``state`` is the name as printed; ``alpha3`` (ISO 3166-1) and ``m49`` (UN M49, three
    digits as text) are missing where a name is not a State's. ``vote`` is ``"yes"``,
    ``"no"`` or ``"abstain"``. ``date`` is the vote's date, else the header's adoption
    date. ``part`` tells apart the votes on parts A, B of one resolution. A vote whose text
    names no State (``"Adopted unanimously"``, ``"without a vote"``) gives no rows.

    Raises:
        MissingExtraError: if pandas is not installed (an ``ImportError``).
        TypeError: if an item is not a ``Resolution``.
    """
    try:
        import pandas as pd  # type: ignore[import-untyped, unused-ignore]  # noqa: PLC0415
    except ImportError as error:
        raise MissingExtraError(feature="votes_frame", extra="pandas") from error
    items = (resolutions,) if isinstance(resolutions, Resolution) else resolutions
    rows: list[dict[str, Any]] = []
    for item in items:
        if not isinstance(item, Resolution):
            msg = f"votes_frame takes Resolution objects, not {type(item).__name__}"
            raise TypeError(msg)
        rows.extend(complete_rows(item) if complete else _rows(item))
    columns = list(COMPLETE_COLUMNS if complete else COLUMNS)
    dtypes = dict(DTYPES)
    if complete:
        dtypes.update({"alpha2": "string", "cow": "Int64"})
    if voeten:
        columns.append("voeten")
        dtypes["voeten"] = "Int64"
        for row in rows:
            row["voeten"] = VOETEN_CODES.get(row["vote"])
    frame = pd.DataFrame.from_records(rows, columns=columns)
    # to_datetime first: astype alone does not turn datetime.date objects into datetimes
    # under every pandas 2 release. Nullable text: a missing code is pd.NA, never NaN.
    frame["date"] = pd.to_datetime(frame["date"])
    return frame.astype(dtypes)


def complete_rows(resolution: Resolution) -> Iterator[dict[str, Any]]:
    """The full roll call of every vote of one resolution, as rows of ``COMPLETE_COLUMNS``."""
    from resparse.rollcall import roll_call  # noqa: PLC0415 - loads the State table

    header = resolution.header
    votes = resolution.votes or ((resolution.vote,) if resolution.vote is not None else ())
    for vote in votes:
        for entry in roll_call(resolution, vote):
            yield {
                "symbol": header.symbol,
                "part": vote.part,
                "date": entry.date,
                "body": header.body,
                "meeting": vote.meeting,
                "method": vote.method,
                "state": entry.printed or entry.state,
                "alpha3": entry.alpha3,
                "m49": entry.m49,
                "vote": entry.vote,
                "alpha2": entry.alpha2,
                "cow": entry.cow,
            }


def vote_matrix(
    resolutions: Resolution | Iterable[Resolution], *, codes: str = "alpha3"
) -> DataFrame:
    """A wide State x vote table of full roll calls: one row per State, one column per vote.

    Cells are the ``vote`` values of :func:`votes_frame` with ``complete=True``; a State
    that was no Member on a vote's day reads ``"not_member"``. Columns are the symbols
    (with `` <part>`` for the votes on parts); rows are keyed by ``codes`` (``"alpha3"``,
    ``"m49"``, ``"cow"`` or ``"alpha2"``).
    """
    frame = votes_frame(resolutions, complete=True)
    frame = frame[frame[codes].notna()]
    part = (" " + frame["part"]).fillna("")
    frame = frame.assign(column=frame["symbol"].fillna("?") + part)
    wide = frame.pivot_table(index=codes, columns="column", values="vote", aggfunc="first")
    wide = wide.fillna("not_member")
    wide.columns.name = None
    return wide


def _rows(resolution: Resolution) -> Iterator[dict[str, Any]]:
    """The rows of every vote of one resolution, in the order the lists print the States."""
    header = resolution.header
    votes = resolution.votes or ((resolution.vote,) if resolution.vote is not None else ())
    for vote in votes:
        common = {
            "symbol": header.symbol,
            "part": vote.part,
            "date": vote.date or header.adopted,
            "body": header.body,
            "meeting": vote.meeting,
            "method": vote.method,
        }
        for value, names in zip(VOTES, _lists(vote), strict=True):
            for name in names:
                state = resolve_state(name)
                yield {
                    **common,
                    "state": name,
                    "alpha3": None if state is None else state.alpha3,
                    "m49": None if state is None else state.m49,
                    "vote": value,
                }


def _lists(vote: VoteRecord) -> tuple[tuple[str, ...], ...]:
    return (vote.in_favour_states, vote.against_states, vote.abstaining_states)
