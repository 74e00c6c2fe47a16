"""One part's citations: a head, then its list read item by item, and symbols and treaties.

:func:`read_part` reads one clause, paragraph, footnote or annex of the masked source
(see :mod:`resparse._references`) with anchored matches, so the work is linear in the
part's length; each item gives one :class:`~resparse.model.Reference`.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import attrs
import regex

from resparse._reference_words import (
    BODIES,
    ITEM_RE,
    JOINT_RE,
    LETTER_JOINT_RE,
    LOCATOR_RE,
    MARKER_RE,
    SYMBOL_RE,
    TITLE_RE,
    TREATIES,
    TREATY_FIRST_WORDS,
    TREATY_RE,
    Grammar,
    grammar,
)
from resparse._text import clean
from resparse.model import Reference, Span

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator


def _any_in(starts: list[int], start: int, end: int) -> bool:
    """Whether a sorted list of places holds one in ``[start, end)``."""
    i = bisect.bisect_left(starts, start)
    return i < len(starts) and starts[i] < end


@attrs.frozen
class _Place:
    """Where a list is read: the part it sits in and the body that cites it."""

    part: str
    index: int | None
    citing: str | None


@attrs.frozen
class _Item:
    """One item of a list: its match, the date printed with it, where it ends, a range end."""

    match: regex.Match[str]
    date: dt.date | None
    end: int
    ranged: bool


_DIGIT_RE = regex.compile(r"\d")


def read_part(  # noqa: PLR0913 - one part of one text, all keyword-only but the place
    text: str,
    span: Span,
    part: str,
    index: int | None,
    *,
    body: str | None,
    language: str = "en",
    heads: list[int] | None = None,
    named: list[int] | None = None,
) -> list[Reference]:
    """The references inside ``text[span.start:span.end]``; ``text`` is the (masked) source.

    ``heads``, where given, are the sorted places of every head word (``stems``) in
    ``text`` or in the source it was masked from: a head is searched for only while one
    lies ahead; ``named``, the places of the treaties' key words (``TREATY_WORDS``), and
    the treaties are looked for only where one lies in the part.
    """
    g = grammar(language)
    place = _Place(part, index, body)
    out: list[Reference] = []
    covered: list[Span] = []
    # every resolution, decision and document symbol is cited with a number: a part
    # without a digit holds none of them, and most clauses are spared the searches
    numbered = _DIGIT_RE.search(text, span.start, span.end) is not None
    pos = span.start
    while numbered and (heads is None or _any_in(heads, pos, span.end)):
        head = g.head.search(text, _head_search_start(text, pos, heads, g), span.end)
        if head is None:
            break
        items, end = _read_items(text, head.end(), span.end, g)
        refs = _list_references(text, head, items, end=end, limit=span.end, g=g, place=place)
        if refs:
            out.extend(refs)
            covered.append(Span(head.start(), end))
        pos = max(end, head.end())
    if numbered and text.find("/", span.start, span.end) != -1:  # every symbol has a slash
        out.extend(_symbols(text, span, covered, place))
    if language == "en" and (named is None or _any_in(named, span.start, span.end)):
        out.extend(_treaties(text, span, place))
    return out


def _head_search_start(text: str, pos: int, heads: list[int] | None, g: Grammar) -> int:
    """Where the search for the next head from ``pos`` may start: a few words before its stem.

    Every head's "resolution" or "decision" begins at one of ``heads``, and before it
    stand at most the words of a body's name or "its" (``g.before_stem``, matched
    backwards from the first stem at or after ``pos``). A head whose word begins at a
    later stem starts after the first one or, where the first is masked, among the
    words just before it, which the backward match covers too: no head starts before
    the place returned, so the search finds the head it finds from ``pos``, without
    trying every place of a long part before it.
    """
    if heads is None:
        return pos
    stem = heads[bisect.bisect_left(heads, pos)]
    return g.before_stem.match(text, pos, stem).start()  # type: ignore[union-attr]


def _read_items(text: str, pos: int, limit: int, g: Grammar) -> tuple[list[_Item], int]:
    """The items after a head, each matched where the last one's joint ends.

    The match that tells a joint is followed by an item is that item's own match.
    """
    items: list[_Item] = []
    ranged = False
    item = ITEM_RE.match(text, pos, limit)
    while item is not None:
        end = _skip(LOCATOR_RE, text, item.end(), limit)
        date = None
        of = g.date_of.match(text, end, limit)
        printed = g.date.match(text, of.end(), limit) if of is not None else None
        if printed is not None:
            date = _date(printed)
            end = printed.end()
        end = _skip(MARKER_RE, text, end, limit)
        items.append(_Item(item, date, end, ranged))
        end = _skip(TITLE_RE, text, _skip(LOCATOR_RE, text, end, limit), limit)
        joint = g.joint.match(text, end, limit)
        item = ITEM_RE.match(text, joint.end(), limit) if joint is not None else None
        if joint is None or item is None:
            return items, end
        ranged = joint["range"] is not None
    return items, pos


def _skip(pattern: regex.Pattern[str], text: str, pos: int, limit: int) -> int:
    """Where an optional piece (a marker, a locator, a title) that starts at ``pos`` ends."""
    found = pattern.match(text, pos, limit)
    return pos if found is None else found.end()


def _list_references(  # noqa: PLR0913 - one list: its head, its items and where it was read
    text: str,
    head: regex.Match[str],
    items: list[_Item],
    *,
    end: int,
    limit: int,
    g: Grammar,
    place: _Place,
) -> list[Reference]:
    """One reference per item (per lettered part), with the items a range stands for."""
    if not items:
        return []
    kind = "decision" if head["kind"].casefold().startswith("d") else "resolution"
    named = head["body"]
    code = g.bodies.get(" ".join(named.casefold().split())) if named else None
    own = head["its"] is not None or code == ""
    explicit = code or None
    if g.body_after is not None and explicit is None:
        after = g.body_after.match(text, end, limit)
        if after is not None:
            explicit = g.bodies.get(" ".join(after["body"].casefold().split()))
            own = False
    who = place.citing if own else explicit
    refs: list[Reference] = []
    for item in items:
        targets = _target(item.match, kind, who, place.citing)
        if item.ranged and refs and targets:
            refs.extend(_expand(refs[-1], item.match, kind, who, place))
        refs.extend(
            Reference(
                kind=kind,
                target=target,
                text=clean(text[item.match.start() : item.end]),
                span=Span(item.match.start(), item.end),
                body=BODIES[_body_of(item.match, who, place.citing)][0],
                date=item.date,
                part=place.part,
                index=place.index,
            )
            for target in targets
        )
    return refs


def _date(match: regex.Match[str]) -> dt.date | None:
    from resparse._dates import find_date  # noqa: PLC0415 - the profiles import _dates

    found, _, _ = find_date(match[0])
    if found is None:
        for lang in ("fr", "es"):
            found, _, _ = find_date(match[0], language=lang)
            if found is not None:
                break
    return found


def _body_of(item: regex.Match[str], who: str | None, citing: str | None) -> str:
    """Which body's series an item belongs to: as named, else as its form says."""
    if item["sc"] is not None:
        return "SC"
    if item["roman"] is not None:
        return "GA"
    if who is not None:
        return who
    session = item["session"]
    if _dash(session).startswith("ES-"):
        return "GA"
    yearly = session.isdigit() and len(session) == 4
    if yearly:
        return citing if citing in {"ECOSOC", "CHR"} else "ECOSOC"
    if citing in {"GA", "HRC"}:
        return citing
    return "GA"


def _target(item: regex.Match[str], kind: str, who: str | None, citing: str | None) -> list[str]:
    """The normalized symbols, one per lettered part: "A/RES/77/1", "S/RES/2334 (2016)".

    A bare slash number below the Assembly's 31st session, where its numbering began,
    belongs to no series resparse can name ("resolution 5/6" of a conference): none.
    """
    code = _body_of(item, who, citing)
    _, res, dec = BODIES[code]
    prefix = dec if kind == "decision" else res
    if item["sc"] is not None:
        if kind == "decision":
            return []  # the Council numbers no decisions this way
        return [f"S/RES/{int(item['sc'])} ({item['year']})"]
    if item["roman"] is not None:
        roman = _dash(item["roman"])
        return [
            f"{prefix}{int(item['old'])}{' ' + x if x else ''} ({roman})"
            for x in _letters(item["oldletter"])
        ]
    session = _dash(item["session"])
    if who is None and code == "GA" and session.isdigit() and int(session) < _FIRST_SLASH_SESSION:
        return []
    number = int(item["number"])
    return [f"{prefix}{session}/{number}{' ' + x if x else ''}" for x in _letters(item["letter"])]


_FIRST_SLASH_SESSION = 31  # the Assembly numbered "31/1" from its thirty-first session on


_DASH_RE = regex.compile(r"[‑–]")
_CAPITAL_RE = regex.compile(r"[A-Z]")
_NUMBERED_TARGET_RE = regex.compile(r"(?P<p>.*/)(?P<n>\d+)")
_YEAR_RE = regex.compile(r"\s?\((\d{4})\)$")


def _dash(text: str) -> str:
    return _DASH_RE.sub("-", text)


def _letters(printed: str | None) -> list[str]:
    """["A", "B", "C"] for "A to C" or "A, B and C"; [""] when no letter is printed."""
    if not printed or not printed.strip():
        return [""]
    letters = _CAPITAL_RE.findall(printed)
    ranged = LETTER_JOINT_RE.search(printed) is not None and len(letters) == 2
    if ranged and letters[0] < letters[1]:
        return [chr(c) for c in range(ord(letters[0]), ord(letters[1]) + 1)]
    return letters


_RANGE_LIMIT = 200  # a longer "range" is a misreading, not a list


def _expand(
    first: Reference, last: regex.Match[str], kind: str, who: str | None, place: _Place
) -> list[Reference]:
    """The items strictly between the two ends of "46/1 to 46/5" (same session only).

    A Security Council range ("1267 (1999) to 1333 (2000)") is not expanded: the years of
    the resolutions between are not printed, so their symbols cannot be written.
    """
    start = _NUMBERED_TARGET_RE.fullmatch(first.target)
    if start is None or last["session"] is None or last["letter"]:
        return []
    end_target = (_target(last, kind, who, place.citing) or [""])[0]
    if not end_target.startswith(start["p"]):
        return []
    low, high = int(start["n"]), int(last["number"])
    if not 0 < high - low <= _RANGE_LIMIT:
        return []
    span = Span(first.span.start, last.end())
    return [
        Reference(
            kind=kind,
            target=f"{start['p']}{n}",
            text=first.text,
            span=span,
            body=first.body,
            date=None,
            part=place.part,
            index=place.index,
            in_range=True,
        )
        for n in range(low + 1, high)
    ]


def _symbols(text: str, span: Span, covered: list[Span], place: _Place) -> Iterator[Reference]:
    """Document symbols outside the citations already read; a /RES/ symbol is a resolution."""
    for match in SYMBOL_RE.finditer(text, span.start, span.end):
        symbol = match["symbol"].rstrip(".-")
        where = Span(match.start(), match.start() + len(symbol))
        if not any(ch.isdigit() for ch in symbol) or "/" not in symbol:
            continue
        if any(c.start <= where.start < c.end for c in covered):
            continue
        joint = JOINT_RE.search(symbol)
        if joint is not None:
            symbol = symbol[: joint.start()]  # "A/77/69-E/2022/47": one document, its first symbol
        upper = symbol.upper()
        kind = "resolution" if "/RES/" in upper else "decision" if "/DEC/" in upper else "document"
        target = _YEAR_RE.sub(r" (\1)", symbol)
        yield Reference(
            kind=kind,
            target=target,
            text=clean(text[where.start : where.end]),
            span=where,
            body=None,
            date=None,
            part=place.part,
            index=place.index,
        )


def _treaties(text: str, span: Span, place: _Place) -> Iterator[Reference]:
    for match in _treaty_matches(text, span.start, span.end):
        _, target = TREATIES[int((match.lastgroup or "t0")[1:])]  # the one name that matched
        yield Reference(
            kind="treaty",
            target=target,
            text=clean(match[0]),
            span=Span(match.start(), match.end()),
            body=None,
            date=None,
            part=place.part,
            index=place.index,
        )


def _treaty_matches(text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
    """``TREATY_RE.finditer(text, start, end)``, tried only where a treaty's first word is.

    Every name begins with its first word as printed, so a match can start nowhere else:
    ``str.find`` finds those places, and the pattern is matched at each place in order
    that no earlier match covers, as ``finditer`` would find them.
    """
    places: set[int] = set()
    for word in TREATY_FIRST_WORDS:
        at = text.find(word, start, end)
        while at != -1:
            places.add(at)
            at = text.find(word, at + 1, end)
    done = start
    for at in sorted(places):
        if at < done:
            continue
        match = TREATY_RE.match(text, at, end)
        if match is not None:
            yield match
            done = match.end()
