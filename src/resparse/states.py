"""Resolve Member State names, as printed in vote records, to stable codes.

Vote lists print the UN's short names ("Bolivia (Plurinational State of)"), the UN's data
files print them in upper case ("TURKIYE"), and older records use names that are gone
("Zaire", "Byelorussian Soviet Socialist Republic"). Analyses need one identity per State
across all of these, so every name is matched on a normalised key against one table.

The table is ``data/states.tsv`` (written by ``scripts/build_states.py``). It is read on
the first call, not at import, so that importing this module stays cheap.

>>> resolve_state("BOLIVIA (PLURINATIONAL STATE OF)")
State(name='Bolivia (Plurinational State of)', alpha3='BOL', m49='068', historical=False)
>>> resolve_state("European Union") is None
True
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import importlib.resources
import unicodedata
from typing import TYPE_CHECKING

import attrs
import regex

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = [
    "State",
    "ga_membership",
    "is_member_state",
    "members_on",
    "name_key",
    "resolve_state",
    "resolve_states",
    "seat_of",
    "state_names",
]

# Characters that stand for an apostrophe in names such as "Côte d'Ivoire".
APOSTROPHE_RE = regex.compile(r"[\u2018\u2019\u201a\u201b\u2032\u02bc\u02bb\u0060\u00b4\uff07]")
# Hyphens and dashes of any width, and hyphens left where a line broke inside a name.
DASH_RE = regex.compile(r"[\p{Pd}\u2212]")
# Space, after dashes became spaces, including line breaks.
SPACE_RE = regex.compile(r"\s+")
# Space just inside parentheses, or before a comma.
PAREN_SPACE_RE = regex.compile(
    r"""
    \s*\(\s*       # an opening parenthesis and the space around it
    | \s*\)        # space before a closing parenthesis
    | \s+(?=,)     # space before a comma
    """,
    regex.VERBOSE,
)
# What a vote list leaves after a name: separators (and, after spaces are collapsed, the
# one space that may sit between them).
_EDGE_CHARACTERS = " .,;:"
# Accents (after decomposition), invisible format characters such as the soft hyphen,
# and control characters left after line breaks became spaces.
DROPPED_CATEGORIES = frozenset({"Mn", "Cf", "Cc"})
# The control characters that are white space: they become spaces, not nothing.
_CONTROL_SPACES = frozenset("\t\n\v\f\r\x85")
ISO_DATE_RE = regex.compile(r"\d{4}-\d{2}-\d{2}")
ALPHA3_RE = regex.compile(r"[A-Z]{3}")
M49_RE = regex.compile(r"\d{3}")

TSV_COLUMNS: tuple[str, ...] = (
    "alpha3",
    "m49",
    "un_name",
    "historical",
    "admitted",
    "left",
    "succeeded_by",
    "absent",
    "aliases",
    "alpha2",
    "cow",
)


def _check_alpha3(_instance: object, _attribute: object, value: str) -> None:
    """Keep codes comparable: an alpha-3 code is exactly three capital letters."""
    if ALPHA3_RE.fullmatch(value) is None:
        msg = f"alpha3 must be three capital letters, not {value!r}"
        raise ValueError(msg)


def _check_m49(_instance: object, _attribute: object, value: str) -> None:
    """Keep codes joinable as text: an M49 code is three digits, zero-padded."""
    if M49_RE.fullmatch(value) is None:
        msg = f"m49 must be three digits, not {value!r}"
        raise ValueError(msg)


@attrs.frozen
class State:
    """A State as the UN names it, with the codes that other data sets join on.

    Attributes:
        name: the UN short name, e.g. "Bolivia (Plurinational State of)".
        alpha3: the ISO 3166-1 alpha-3 code (ISO 3166-3 for most former States).
        m49: the UN M49 numeric code, three digits, zero-padded.
        historical: True for a State, or a name of a State, that no longer sits.
        alpha2: the ISO 3166-1 alpha-2 code; None for a former State.
        cow: the Correlates of War state number (see ``scripts/build_states.py``).
    """

    name: str
    alpha3: str = attrs.field(validator=_check_alpha3)
    m49: str = attrs.field(validator=_check_m49)
    historical: bool
    alpha2: str | None = attrs.field(default=None, repr=False, eq=False)
    cow: int | None = attrs.field(default=None, repr=False, eq=False)


@attrs.frozen
class _Period:
    """A half-open stretch of days ``[start, end)``; ``end`` None means still open."""

    start: dt.date
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        """Whether ``day`` falls inside the period."""
        return self.start <= day and (self.end is None or day < self.end)


@attrs.frozen
class _Entry:
    """One table row: the State and when (and in which seat) it sat."""

    state: State
    seat: str
    periods: tuple[_Period, ...]

    def sits_on(self, day: dt.date) -> bool:
        """Whether the State was a Member on ``day``."""
        return any(p.covers(day) for p in self.periods)


@attrs.frozen
class _Table:
    """The loaded table: rows, and every known name key pointing at its row."""

    entries: tuple[_Entry, ...]
    by_key: Mapping[str, _Entry]
    names: tuple[tuple[str, State], ...] = ()


@functools.lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """Reduce a name to the key the table is matched on.

    Casefolds, strips accents, unifies apostrophes, reads dashes as spaces, collapses
    whitespace (line breaks included) and drops a leading "the", so that "CÔTE D'IVOIRE",
    "Côte d'Ivoire" with a curly apostrophe and "Cote d'Ivoire" share one key. It never
    guesses beyond that: a key matches a known name exactly or not at all.
    """
    text = APOSTROPHE_RE.sub("'", name.casefold())
    text = DASH_RE.sub(" ", text).replace("&", " and ")
    text = unicodedata.normalize("NFKD", text)
    # format characters go before spaces are collapsed, so that no run of spaces is left
    # for the patterns below to scan again and again (" \u200b" * 100_000 is linear)
    text = "".join(
        c for c in text if c in _CONTROL_SPACES or unicodedata.category(c) not in DROPPED_CATEGORIES
    )
    text = SPACE_RE.sub(" ", text)
    text = PAREN_SPACE_RE.sub(lambda m: " (" if "(" in m.group() else m.group().strip(), text)
    text = SPACE_RE.sub(" ", text).strip()
    text = text.removeprefix("the ")  # a leading article: "The Gambia", "the Netherlands"
    # trailing separators copied with the name; str.rstrip, as a pattern anchored at the
    # end would be tried from every position of a long run of " ." pairs
    return text.rstrip(_EDGE_CHARACTERS).strip()


def resolve_state(name: str) -> State | None:
    """The State a printed name stands for, or None when the name is not a State's.

    Raises:
        TypeError: if ``name`` is not a ``str``.
    """
    if not isinstance(name, str):
        msg = f"resolve_state expects str, not {type(name).__name__}"
        raise TypeError(msg)
    entry = _table().by_key.get(name_key(name))
    return None if entry is None else entry.state


def resolve_states(names: Iterable[str]) -> tuple[State | None, ...]:
    """Resolve each name of a vote list, keeping their order and any misses (None)."""
    return tuple(resolve_state(n) for n in names)


def is_member_state(name: str, on: dt.date | None = None) -> bool:
    """Whether the named State was a Member of the UN on ``on`` (default: today).

    A State counts from the admission date of its seat, even while it sat under an
    earlier name (Myanmar as Burma); a former State counts until it left. Observers
    (the Holy See, the State of Palestine) and unknown names are never Members.
    """
    entry = _table().by_key.get(name_key(name))
    if entry is None:
        return False
    return entry.sits_on(dt.datetime.now(tz=dt.timezone.utc).date() if on is None else on)


def members_on(on: dt.date) -> tuple[State, ...]:
    """The Member States on ``on``, one per seat, under the name the seat had that day.

    ``len(members_on(day)) == ga_membership(day)``; the order is the table's.
    """
    chosen: dict[str, _Entry] = {}
    for entry in _table().entries:
        if not entry.sits_on(on):
            continue
        held = chosen.get(entry.seat)
        # a former name that sits on the day is the name of the day ("Libyan Arab
        # Jamahiriya" in 2009), though the present name's row covers the day too
        if held is None or (entry.state.historical and not held.state.historical):
            chosen[entry.seat] = entry
    return tuple(entry.state for entry in chosen.values())


def state_names() -> tuple[tuple[str, State], ...]:
    """Every name of the table (UN names and aliases) with the State it names."""
    return _table().names


def seat_of(name: str) -> str | None:
    """The seat a name sits in, as its present (or last) name; ``None`` for no State's.

    "Zaire" sits in the seat of the "Democratic Republic of the Congo".
    """
    entry = _table().by_key.get(name_key(name))
    return None if entry is None else entry.seat


def ga_membership(on: dt.date) -> int:
    """How many Members the UN had on ``on``: 51 from 24 October 1945, 193 since 2011.

    Rows that share a seat (a State and its earlier names, or the State it continues)
    count once; the 51 original Members all count from the Charter's entry into force.
    Read from the steps of :func:`_membership_steps`: every General Assembly vote asks,
    and counting the table afresh walked all its rows.
    """
    days, counts = _membership_steps()
    i = bisect.bisect_right(days, on)
    return counts[i - 1] if i else 0


@functools.cache
def _membership_steps() -> tuple[tuple[dt.date, ...], tuple[int, ...]]:
    """The days the number of seats changed, and the number from each of them on.

    A seat is counted while any of its rows sits: its periods are merged first, so a
    seat whose rows overlap or follow each other counts once, as the set of seats did.
    """
    periods: dict[str, list[_Period]] = {}
    for entry in _table().entries:
        periods.setdefault(entry.seat, []).extend(entry.periods)
    change: dict[dt.date, int] = {}
    for spans in periods.values():
        for start, end in _merge(spans):
            change[start] = change.get(start, 0) + 1
            if end is not None:
                change[end] = change.get(end, 0) - 1
    days = tuple(sorted(change))
    counts: list[int] = []
    for day in days:
        counts.append((counts[-1] if counts else 0) + change[day])
    return days, tuple(counts)


def _merge(periods: list[_Period]) -> list[tuple[dt.date, dt.date | None]]:
    """Half-open periods as disjoint ``(start, end)`` pairs; ``end`` None is still open."""
    merged: list[tuple[dt.date, dt.date | None]] = []
    for period in sorted(periods, key=lambda p: p.start):
        if period.end is not None and period.end <= period.start:
            continue  # covers no day
        if merged and (merged[-1][1] is None or period.start <= merged[-1][1]):
            start, end = merged[-1]
            later = None if end is None or period.end is None else max(end, period.end)
            merged[-1] = (start, later)
        else:
            merged.append((period.start, period.end))
    return merged


@functools.cache
def _table() -> _Table:
    """Read the table once, on first use."""
    text = importlib.resources.files("resparse").joinpath("data/states.tsv").read_text("utf-8")
    return _parse_table(text)


def _parse_table(text: str) -> _Table:
    """Build the lookup from the TSV text; malformed data is a packaging bug, so raise."""
    lines = [line for line in text.splitlines() if line.strip()]
    header = tuple(lines[0].split("\t"))
    if header != TSV_COLUMNS:
        msg = f"states.tsv: expected columns {TSV_COLUMNS}, found {header}"
        raise ValueError(msg)
    rows = [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]
    successor = {r["un_name"]: r["succeeded_by"] for r in rows}
    entries: list[_Entry] = []
    by_key: dict[str, _Entry] = {}
    names: list[tuple[str, State]] = []
    for row in rows:
        state = State(
            name=row["un_name"],
            alpha3=row["alpha3"],
            m49=row["m49"],
            historical=row["historical"] == "true",
            alpha2=row["alpha2"] or None,
            cow=int(row["cow"]) if row["cow"] else None,
        )
        entry = _Entry(state=state, seat=_seat(row["un_name"], successor), periods=_periods(row))
        entries.append(entry)
        for alias in (row["un_name"], *filter(None, row["aliases"].split("|"))):
            names.append((alias, state))
            key = name_key(alias)
            if by_key.setdefault(key, entry) is not entry:
                other = by_key[key].state.name
                msg = f"states.tsv: {alias!r} names both {other!r} and {state.name!r}"
                raise ValueError(msg)
    return _Table(entries=tuple(entries), by_key=by_key, names=tuple(names))


def _seat(name: str, successor: Mapping[str, str]) -> str:
    """The seat a row sat in: the last State in its chain of successors."""
    seen = {name}
    while successor.get(name):
        name = successor[name]
        if name in seen:
            msg = f"states.tsv: succession loops through {name!r}"
            raise ValueError(msg)
        seen.add(name)
    return name


def _periods(row: Mapping[str, str]) -> tuple[_Period, ...]:
    """The stretches a row sat: from admission to leaving, less any absences."""
    if not row["admitted"]:
        return ()
    start = _date(row["admitted"])
    end = _date(row["left"]) if row["left"] else None
    periods: list[_Period] = []
    for gap in filter(None, row["absent"].split("|")):
        gap_start, gap_end = (_date(d) for d in gap.split("/"))
        periods.append(_Period(start=start, end=gap_start))
        start = gap_end
    periods.append(_Period(start=start, end=end))
    return tuple(periods)


def _date(text: str) -> dt.date:
    """An ISO date from the table."""
    if ISO_DATE_RE.fullmatch(text) is None:
        msg = f"states.tsv: bad date {text!r}"
        raise ValueError(msg)
    return dt.date.fromisoformat(text)
