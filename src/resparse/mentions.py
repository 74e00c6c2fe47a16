"""States named in a resolution's clauses and paragraphs, and the sponsors of a draft.

Corpora of resolutions tag the States a text names ("Calls upon the Government of
Myanmar ...") with codes, to join a text to country data. The names are the State
table's (UN short names, formal names and the aliases the vote lists use), matched
longest first on whole words, case as printed, any white space between words, on the
original source with page furniture and footnotes overwritten by spaces of the same
length, so every span is the source's. A draft's sponsor line ("Algeria, Bahrain and
Qatar: draft resolution") is resolved to the same codes.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import attrs
import regex

from resparse.model import Resolution, Span
from resparse.states import State, resolve_state, state_names

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["StateMention", "sponsor_names", "sponsor_states", "states_named"]


@attrs.frozen
class StateMention:
    """One State named in the text: the name as printed, the State, its codes and place."""

    printed: str
    state: str
    alpha3: str
    alpha2: str | None
    m49: str
    cow: int | None
    span: Span
    part: str
    index: int


@functools.cache
def _names_re() -> tuple[regex.Pattern[str], dict[str, State]]:
    """One alternation of every State name, longest first, built on first use."""
    by_name: dict[str, State] = {}
    for name, state in state_names():
        # a name of one word in lower case ("georgia") is no name; the table's are cased
        if name[:1].isupper():
            by_name.setdefault(" ".join(name.split()), state)
    ordered = sorted(by_name, key=lambda n: (-len(n), n))
    words = "|".join(r"\s+".join(regex.escape(w) for w in n.split()) for n in ordered)
    return regex.compile(rf"(?<![\w-])(?:{words})(?![\w-])", regex.VERSION1), by_name


def states_named(resolution: Resolution) -> tuple[StateMention, ...]:
    """Every State named in the preamble and the operative part, in document order.

    Raises:
        TypeError: if ``resolution`` is not a ``Resolution``.
    """
    if not isinstance(resolution, Resolution):
        msg = f"states_named takes a Resolution, not {type(resolution).__name__}"
        raise TypeError(msg)
    from resparse._references import blank_notes  # noqa: PLC0415 - shares the masking

    text = blank_notes(resolution)
    pattern, by_name = _names_re()
    out: list[StateMention] = []
    for part, index, span in _parts(resolution):
        for match in pattern.finditer(text, span.start, span.end):
            state = by_name[" ".join(match[0].split())]
            out.append(
                StateMention(
                    printed=" ".join(match[0].split()),
                    state=state.name,
                    alpha3=state.alpha3,
                    alpha2=state.alpha2,
                    m49=state.m49,
                    cow=state.cow,
                    span=Span(match.start(), match.end()),
                    part=part,
                    index=index,
                )
            )
    return tuple(out)


def _parts(resolution: Resolution) -> Iterator[tuple[str, int, Span]]:
    for i, clause in enumerate(resolution.preamble):
        yield "preambular", i, clause.span
    for i, para in enumerate(resolution.operative):
        yield "operative", i, para.span


def sponsor_states(resolution: Resolution) -> tuple[tuple[str, State | None], ...]:
    """Each sponsor of a draft as printed, with its State (``None`` for no State's name).

    The header splits the sponsor line at every comma and "and", which also cuts the
    names that hold one ("Trinidad and Tobago", "United Kingdom of Great Britain and
    Northern Ireland") and a group named in brackets ("Guyana (on behalf of ... the
    Group of 77 and China)"); the pieces are joined again here where the joined name is
    a State's or closes its bracket, and two States' names run together without their
    comma ("New Zealand Nicaragua") are told apart. A sponsor acting on behalf of a group
    is its own State.
    """
    if not isinstance(resolution, Resolution):
        msg = f"sponsor_states takes a Resolution, not {type(resolution).__name__}"
        raise TypeError(msg)
    return tuple((name, _sponsor_state(name)) for name in sponsor_names(resolution.header.sponsors))


_LONGEST_RUN = 4  # pieces a State's name can be cut into ("Korea, Republic of" is two)
_ON_BEHALF_RE = regex.compile(
    r"\s*\(\s*on\s+behalf\s+of\b.*\)\s*$", regex.IGNORECASE | regex.DOTALL
)


def sponsor_names(pieces: tuple[str, ...]) -> tuple[str, ...]:
    """The sponsors from the header's pieces: cut names and brackets joined again."""
    names: list[str] = []
    i = 0
    while i < len(pieces):
        end = i + 1
        while end < len(pieces) and _open_brackets(" and ".join(pieces[i:end])) > 0:
            end += 1  # a bracket the next pieces close was split inside
        name = " and ".join(pieces[i:end])
        for run in range(min(_LONGEST_RUN, len(pieces) - i), 1, -1):
            if run <= end - i:
                break
            joined = _state_run(pieces[i : i + run])
            if joined is not None:
                name, end = joined, i + run
                break
        names.extend(_run_together(name))
        i = end
    return tuple(names)


def _run_together(name: str) -> tuple[str, ...]:
    """Two States' names printed without their comma ("New Zealand Nicaragua"), apart."""
    if resolve_state(name) is not None or "(" in name:
        return (name,)
    words = name.split()
    for cut in range(1, len(words)):
        first, second = " ".join(words[:cut]), " ".join(words[cut:])
        if resolve_state(first) is not None and resolve_state(second) is not None:
            return first, second
    return (name,)


def _state_run(pieces: tuple[str, ...]) -> str | None:
    """The pieces joined as one State's name, with "and" or a comma, if they make one."""
    for joiner in (" and ", ", "):
        name = joiner.join(pieces)
        if resolve_state(name) is not None:
            return name
    return None


def _open_brackets(text: str) -> int:
    return text.count("(") - text.count(")")


def _sponsor_state(name: str) -> State | None:
    """The State of a sponsor, "X (on behalf of a group)" being X."""
    return resolve_state(name) or resolve_state(_ON_BEHALF_RE.sub("", name))
