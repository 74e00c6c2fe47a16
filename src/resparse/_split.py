"""Cut a text holding several resolutions into one piece per resolution.

Annual volumes, concatenated PDFs and exports hold resolutions one after another. A new
resolution begins where a resolution's number ("78/12. Title", "Resolution 2504 (2020)",
"161 (1961). Resolution of ...") or its document symbol on a line of its own appears
*after* the previous one has been adopted (its meeting line or vote statement). The piece
starts at the first line after that adoption record, so the new header stays whole.
Parts A and B of one resolution share a number and never split. A volume may mix
languages, so unless the caller names one, each line is read with the patterns of the
languages written in its script (Latin lines with English, French and Spanish).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import regex

from resparse._deadline import checked
from resparse._landmarks import formula_has_comma
from resparse._language import Profile, has_profile, profile
from resparse._patterns import OPERATIVE_NUMBER_RE
from resparse._scan import scan

if TYPE_CHECKING:
    from collections.abc import Sequence

    from resparse._scan import Line

_NUMBER_FIELDS = frozenset({"number", "sc_number", "old_number"})
# The symbol of a resolution, decision or draft alone on its line ("A/RES/78/12",
# "S/RES/2504 (2020)", "A/C.3/80/L.12"); a report's symbol in a footnote ("A/78/231.") is not.
_SYMBOL_LINE_RE = regex.compile(
    r"""
    [A-Z]{1,6}(?:/[A-Za-z0-9.\-]{1,20}){0,6}?          # the organ: A/, A/HRC/, E/CN.4/
    (?:
        /(?:RES|DEC)/[A-Za-z0-9\-]{1,20}(?:/[A-Za-z0-9\-]{1,20}){0,4}   # /RES/78/12
      | /L\.\d{1,6}(?:/Rev\.\d{1,3})?                                  # /L.12/Rev.1
    )
    (?:\s?\(\d{4}\))?(?:\s[A-Z](?:-[A-Z])?)?                # (2020), a part letter
    \s*$
    """,
    regex.VERBOSE,
)
_COVER_LINE = 300  # characters: a cover line ("United Nations S/RES/1445 (2002)") is short
_SYMBOL_IN_LINE_RE = regex.compile(
    _SYMBOL_LINE_RE.pattern.replace(r"\s*$", "(?=\\s|$)"), regex.VERBOSE
)


def split_resolutions(
    text: str, languages: Sequence[str] | str | None = None
) -> list[tuple[int, int]]:
    """Offsets ``(start, end)`` of each resolution in ``text``; one piece when there is one.

    ``languages`` names the profiles whose patterns are tried on each line; ``None`` reads
    each line with the languages written in its script, for volumes that mix them.
    """
    lines = scan(text)
    if not lines:
        return [(0, len(text))]
    if isinstance(languages, str):
        languages = [languages]
    forced = None if languages is None else [profile(code) for code in languages]
    starts = [0]
    in_body = False  # past the current resolution's formula or first numbered paragraph
    record_end: int | None = None  # the last adoption line after the body began
    symbol: str | None = None  # the current resolution's symbol: repeated on every page
    for i, line in enumerate(checked(lines, "splitting the lines")):
        text_line = line.text
        locals_ = forced if forced is not None else _profiles_for(text_line)
        if not in_body and symbol is None:
            found = _cover_symbol_in(text_line)
            if found is not None:  # the cover's symbol ("United Nations S/RES/1445 (2002)")
                symbol = found[0].strip()
        if _opens_body(text_line, locals_):
            in_body = True
        elif in_body and _is_record(text_line, locals_):
            record_end = i
        elif in_body and (
            _opens_resolution(line, locals_, symbol)
            or (i > 0 and _same_symbol_new_cover(lines[i - 1], line, symbol, forced))
        ):
            cut = _cut_before(lines, i, record_end, starts[-1], forced)
            starts.append(cut)
            in_body, record_end = False, None
            symbol = _cover_symbol(lines[cut : i + 1])
    bounds: list[tuple[int, int]] = []
    for n, first in enumerate(starts):
        begin = 0 if n == 0 else lines[first].start
        end = lines[starts[n + 1]].start if n + 1 < len(starts) else len(text)
        bounds.append((begin, end))
    return bounds


def _cut_before(
    lines: list[Line],
    opening: int,
    record_end: int | None,
    floor: int,
    forced: list[Profile] | None,
) -> int:
    """The first line of the resolution whose number or symbol is on line ``opening``."""
    if record_end is None:
        return _header_start(lines, opening, floor, forced)
    # what follows the adoption record (its date, vote, the notes of its last page) stays
    # with it; the next piece opens on its first cover line
    return next(
        (
            j
            for j in range(record_end + 1, opening)
            if _opens_cover(lines[j], forced or _profiles_for(lines[j].text))
        ),
        opening,
    )


def _cover_symbol(cover: list[Line]) -> str | None:
    """The first resolution symbol printed on the cover lines read so far."""
    for line in cover:
        found = _cover_symbol_in(line.text)
        if found is not None:
            return found[0].strip()
    return None


def _cover_symbol_in(text: str) -> regex.Match[str] | None:
    """A resolution symbol inside a cover line; a cover line is short, so a long one has none.

    Searching every position of a line of 400 KB for a symbol cost seconds.
    """
    return _SYMBOL_IN_LINE_RE.search(text) if len(text) <= _COVER_LINE else None


def _opens_body(text: str, locals_: list[Profile]) -> bool:
    """A numbered paragraph, or the enacting formula with its comma.

    A cover names the body too ("Генеральная Ассамблея"), without the comma.
    """
    return bool(OPERATIVE_NUMBER_RE.match(text)) or (
        formula_has_comma(text) and any(local.formula_re.match(text) for local in locals_)
    )


def _is_record(text: str, locals_: list[Profile]) -> bool:
    """A meeting line or a vote statement: the end of a resolution's adoption record."""
    return any(local.meeting_re.match(text) or local.vote_start_re.match(text) for local in locals_)


def _same_symbol_new_cover(
    before: Line, line: Line, symbol: str | None, forced: list[Profile] | None
) -> bool:
    """The same resolution again under a new cover (another language version of it).

    A running header repeats the symbol on every page, but never under the publisher's
    name, which only a cover prints.
    """
    return (
        symbol is not None
        and line.text.strip() == symbol
        and _opens_cover(before, forced or _profiles_for(before.text))
        and not _SYMBOL_LINE_RE.match(before.text)
    )


def _header_start(lines: list[Line], number: int, floor: int, forced: list[Profile] | None) -> int:
    """Walk back from a resolution's number over the cover lines printed above it."""
    cut = number
    while cut - 1 > floor and _opens_field(
        lines[cut - 1], forced or _profiles_for(lines[cut - 1].text)
    ):
        cut -= 1
    return cut


_SCRIPTS = (
    (regex.compile(r"\p{Script=Arabic}"), ("ar",)),
    (regex.compile(r"\p{Script=Han}"), ("zh",)),
    (regex.compile(r"\p{Script=Cyrillic}"), ("ru",)),
)
_LATIN = ("en", "fr", "es")


def _profiles_for(line: str) -> list[Profile]:
    """The profiles of the languages whose script the line is written in."""
    for script, codes in _SCRIPTS:
        if script.search(line):
            return _loaded(codes)
    return _loaded(_LATIN)


@functools.lru_cache(maxsize=8)
def _loaded(codes: tuple[str, ...]) -> list[Profile]:
    return [profile(code) for code in codes if has_profile(code)]


def _opens_cover(line: Line, locals_: list[Profile]) -> bool:
    """The first line of a cover: the publisher ("United Nations") or a resolution symbol."""
    if _SYMBOL_LINE_RE.match(line.text):
        return True
    return any(
        name == "publisher" and pattern.match(line.text)
        for local in locals_
        for name, pattern in local.header_fields
    )


def _opens_field(line: Line, locals_: list[Profile]) -> bool:
    return any(
        name not in {"subject", "title"} and pattern.match(line.text)
        for local in locals_
        for name, pattern in local.header_fields
    )


def _opens_resolution(line: Line, locals_: list[Profile], symbol: str | None) -> bool:
    """A resolution's number, or a symbol other than the current one alone on a line."""
    text = line.text
    if _SYMBOL_LINE_RE.match(text):
        return text.strip() != symbol
    return any(
        name in _NUMBER_FIELDS and pattern.match(text)
        for local in locals_
        for name, pattern in local.header_fields
    )
