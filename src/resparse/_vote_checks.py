"""Checks on a vote once it is read, and its outcome: nothing is corrected silently.

A count that disagrees with its list, a State named twice or in two lists, a name that is
not a State, a total above the body's membership and a veto that no permanent member cast
each become a diagnostic with the span of the vote; the names stay as the text prints them.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

from resparse._deadline import checked
from resparse._language import has_profile, profile
from resparse._vote_lists import split_states
from resparse.model import Diagnostic, Span
from resparse.states import ga_membership, name_key, resolve_state

if TYPE_CHECKING:
    from collections.abc import Callable

    from resparse._vote import VoteFields
    from resparse._vote_words import VoteWords

# The permanent members by alpha-3 code (the Soviet Union's seat included), for the veto
# diagnostic.
_PERMANENT = frozenset({"CHN", "FRA", "GBR", "RUS", "SUN", "USA"})
# Seats of the Security Council: eleven until the enlargement took effect on 1 January 1966.
_SC_ENLARGED = dt.date(1966, 1, 1)
# The bodies whose membership is known, by their English names; None: the General
# Assembly, whose membership is read from the table of States on the day.
_SEATS: tuple[tuple[str, int | None], ...] = (
    ("Security Council", 15),
    ("Human Rights Council", 47),
    ("General Assembly", None),
)


def check_counts(fields: VoteFields, span: Span) -> None:
    """A count that disagrees with its printed list is reported, never silently corrected."""
    for label, kind, count, names in (
        ("in favour", "in_favour", fields.in_favour, fields.in_favour_states),
        ("against", "against", fields.against, fields.against_states),
        ("abstaining", "abstaining", fields.abstaining, fields.abstaining_states),
    ):
        printed = kind in fields.printed or bool(names)
        if count is not None and printed and count != len(names):
            fields.diagnostics.append(
                Diagnostic(
                    "vote.count_mismatch",
                    f"{label}: the count is {count} but {len(names)} States are listed",
                    "warning",
                    span,
                )
            )


def check_states(fields: VoteFields, span: Span, is_state: Callable[[str], bool]) -> None:
    """Each State votes once: report names listed twice, in two lists, or naming no State."""
    first_list: dict[str, str] = {}
    reported: set[tuple[str, str]] = set()
    for label, names in (
        ("in favour", fields.in_favour_states),
        ("against", fields.against_states),
        ("abstaining", fields.abstaining_states),
        ("not participating", fields.not_participating),
        ("absent", fields.absent),
    ):
        in_this_list: set[str] = set()
        for name in checked(names, "the States of the vote", 64):
            if not is_state(name):
                fields.diagnostics.append(
                    Diagnostic(
                        "vote.unknown_state",
                        f"{label}: {name!r} is not a State name resparse knows; kept as written",
                        "warning",
                        span,
                    )
                )
            key = _state_key(name)
            if key in in_this_list:
                code, message = "vote.duplicate_state", f"{name!r} is listed twice in {label}"
            elif key in first_list:
                first = first_list[key]
                code, message = (
                    "vote.state_in_two_lists",
                    f"{name!r} is listed in {first} and {label}",
                )
            else:
                first_list[key] = label
                in_this_list.add(key)
                continue
            if (code, key) not in reported:
                reported.add((code, key))
                fields.diagnostics.append(Diagnostic(code, message, "warning", span))


def _state_key(name: str) -> str:
    """One key per State, whatever name it is listed under ("United Kingdom" or in full).

    Names of a usual length are looked up once, as ``is_state`` does: the same names come
    back in every list and every document, and the State table is fixed once loaded.
    """
    return _cached_state_key(name) if len(name) <= _CACHED_NAME_LENGTH else _key_of(name)


_CACHED_NAME_LENGTH = 120


def _key_of(name: str) -> str:
    state = resolve_state(name)
    return state.name if state is not None else name_key(name)


_cached_state_key = functools.lru_cache(maxsize=4096)(_key_of)


def membership(body: str | None, on: dt.date | None, language: str = "en") -> int | None:
    """How many members could vote in ``body`` on ``on``; ``None`` for a body not known.

    ``body`` is the name as the header prints it, in English or in ``language`` (its
    profile's ``[bodies]`` say which printed names stand for which body).
    """
    if body is None:
        return None
    folded = body.casefold()
    for english, seats in _SEATS:
        if any(name in folded for name in _printed_names(english, language)):
            if seats is None:
                return ga_membership(on or dt.datetime.now(tz=dt.timezone.utc).date())
            if english == "Security Council" and on is not None and on < _SC_ENLARGED:
                return 11
            return seats
    return None


@functools.lru_cache(maxsize=32)
def _printed_names(english: str, language: str) -> tuple[str, ...]:
    """The casefolded names a body goes by in English and in the language's profile."""
    local = profile(language).bodies if has_profile(language) else {}
    printed = {english, *(name for name, canonical in local.items() if canonical == english)}
    return tuple(sorted(name.casefold() for name in printed))


def check_membership(
    fields: VoteFields, span: Span, body: str | None, language: str = "en"
) -> None:
    """More votes than the body has members means a misread count or a wrong list."""
    seats = membership(body, fields.date, language)
    if seats is None:
        return
    total = 0
    for count, names in (
        (fields.in_favour, fields.in_favour_states),
        (fields.against, fields.against_states),
        (fields.abstaining, fields.abstaining_states),
    ):
        total += count if count is not None else len(names)
    total += len(fields.not_participating) + len(fields.absent)
    if total > seats:
        when = f" on {fields.date.isoformat()}" if fields.date is not None else ""
        fields.diagnostics.append(
            Diagnostic(
                "vote.over_membership",
                f"{total} members voted or were named, but the {body} had {seats}{when}",
                "warning",
                span,
            )
        )


def report_extras(fields: VoteFields, whole: Span) -> None:
    """What a VoteRecord has no field for is still told, as information."""
    if fields.not_participating:
        fields.diagnostics.append(
            Diagnostic(
                "vote.not_participating",
                "took no part in the vote: " + ", ".join(fields.not_participating),
                "info",
                whole,
            )
        )
    if fields.absent:
        fields.diagnostics.append(
            Diagnostic("vote.absent", "absent: " + ", ".join(fields.absent), "info", whole)
        )
    if fields.vetoed:
        permanent = [
            name
            for name in fields.against_states
            if (state := resolve_state(name)) is not None and state.alpha3 in _PERMANENT
        ]
        who = f": {', '.join(permanent)}" if permanent else ""
        fields.diagnostics.append(
            Diagnostic(
                "vote.veto", f"not adopted owing to a permanent member's vote{who}", "info", whole
            )
        )
    if fields.in_parts:
        fields.diagnostics.append(
            Diagnostic(
                "vote.in_parts",
                "voted on in parts; no vote was taken on the text as a whole",
                "info",
                whole,
            )
        )
    for vote in fields.separate:
        tally = ""
        if vote.in_favour is not None:
            tally = f" by {vote.in_favour} to {vote.against}, with {vote.abstaining} abstentions"
        fields.diagnostics.append(
            Diagnostic(
                "vote.separate",
                f"{vote.subject}: {vote.outcome or 'voted on'}{tally}",
                "info",
                whole,
            )
        )


# --- the outcome of the vote and who vetoed it --------------------------------------------


def read_outcome(
    fields: VoteFields,
    flat: str,
    whole: Span,
    is_state: Callable[[str], bool],
    words: VoteWords,
) -> None:
    """Whether the vote carried, and which permanent members vetoed it, with its conflicts.

    The vetoing members are the ones the statement names; where it names none, the
    permanent members in the printed list against. A named vetoing State that is no
    permanent member, or that the lists show voting otherwise, is reported.
    """
    if fields.method is None:
        return
    if fields.method != "rejected":
        fields.outcome = "adopted"
        return
    named = words.veto_names_re.search(flat)
    if named is not None:
        fields.vetoed = True
        fields.vetoed_by = split_states(named["names"], is_state, words)
    elif fields.vetoed:
        fields.vetoed_by = tuple(n for n in fields.against_states if _is_permanent(n))
    fields.outcome = "vetoed" if fields.vetoed else "not_adopted"
    check_veto(fields, whole)


def _is_permanent(name: str) -> bool:
    state = resolve_state(name)
    return state is not None and state.alpha3 in _PERMANENT


def check_veto(fields: VoteFields, whole: Span) -> None:
    """A veto must come from a permanent member that voted against: say where it does not."""
    against = {_state_key(name) for name in fields.against_states}
    for name in fields.vetoed_by:
        if not _is_permanent(name):
            fields.diagnostics.append(
                Diagnostic(
                    "vote.veto_conflict",
                    f"{name!r} is named as vetoing but is not a permanent member",
                    "warning",
                    whole,
                )
            )
        elif "against" in fields.printed and _state_key(name) not in against:
            fields.diagnostics.append(
                Diagnostic(
                    "vote.veto_conflict",
                    f"{name!r} is named as vetoing but is not in the list against",
                    "warning",
                    whole,
                )
            )
    if fields.vetoed and not fields.vetoed_by and "against" in fields.printed:
        fields.diagnostics.append(
            Diagnostic(
                "vote.veto_conflict",
                "the draft is said to be vetoed but no permanent member is listed against",
                "warning",
                whole,
            )
        )
    if fields.vetoed and fields.against == 0:
        fields.diagnostics.append(
            Diagnostic(
                "vote.veto_conflict",
                "the draft is said to be vetoed but no member voted against",
                "warning",
                whole,
            )
        )
