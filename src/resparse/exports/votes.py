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
from resparse.states import resolve_state

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from pandas import DataFrame  # type: ignore[import-untyped, unused-ignore]

    from resparse.model import VoteRecord

__all__ = ["COLUMNS", "VOTES", "votes_frame"]

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


def votes_frame(resolutions: Resolution | Iterable[Resolution]) -> DataFrame:
    """One row per State per vote: who voted how on which resolution, with its codes.

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
        rows.extend(_rows(item))
    frame = pd.DataFrame.from_records(rows, columns=list(COLUMNS))
    # to_datetime first: astype alone does not turn datetime.date objects into datetimes
    # under every pandas 2 release. Nullable text: a missing code is pd.NA, never NaN.
    frame["date"] = pd.to_datetime(frame["date"])
    return frame.astype(DTYPES)


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
