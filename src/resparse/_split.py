"""Cut a text holding several resolutions into one piece per resolution.

Annual volumes, concatenated PDFs and exports hold resolutions one after another. A new
resolution begins where a resolution's number ("78/12. Title", "Resolution 2504 (2020)",
"161 (1961). Resolution of ...") or its document symbol on a line of its own appears
*after* the previous one has been adopted (its meeting line or vote statement). The piece
starts at the first line after that adoption record, so the new header stays whole.
Parts A and B of one resolution share a number and never split.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from resparse._language import Profile, profile
from resparse._patterns import OPERATIVE_NUMBER_RE
from resparse._scan import scan

if TYPE_CHECKING:
    from resparse._scan import Line

_NUMBER_FIELDS = frozenset({"number", "sc_number", "old_number"})
# The symbol of a resolution, decision or draft alone on its line ("A/RES/78/12",
# "S/RES/2504 (2020)", "A/C.3/80/L.12"); a report's symbol in a footnote ("A/78/231.") is not.
_SYMBOL_LINE_RE = regex.compile(
    r"""
    [A-Z]{1,6}(?:/[A-Za-z0-9.\-]+)*?
    (?:/(?:RES|DEC)/[A-Za-z0-9\-]+(?:/[A-Za-z0-9\-]+)*|/L\.\d+(?:/Rev\.\d+)?)
    (?:\s?\(\d{4}\))?(?:\s[A-Z](?:-[A-Z])?)?
    \s*$
    """,
    regex.VERBOSE,
)
_SYMBOL_IN_LINE_RE = regex.compile(
    _SYMBOL_LINE_RE.pattern.replace(r"\s*$", "(?=\\s|$)"), regex.VERBOSE
)


def split_resolutions(text: str, language: str = "en") -> list[tuple[int, int]]:
    """Offsets ``(start, end)`` of each resolution in ``text``; one piece when there is one."""
    lines = scan(text)
    if not lines:
        return [(0, len(text))]
    local = profile(language)
    starts = [0]
    in_body = False  # past the current resolution's formula or first numbered paragraph
    record_end: int | None = None  # the last adoption line after the body began
    symbol: str | None = None  # the current resolution's symbol: repeated on every page
    for i, line in enumerate(lines):
        text_line = line.text
        if not in_body and symbol is None:
            found = _SYMBOL_IN_LINE_RE.search(text_line)
            if found is not None:  # the cover's symbol ("United Nations S/RES/1445 (2002)")
                symbol = found[0].strip()
        if local.formula_re.match(text_line) or OPERATIVE_NUMBER_RE.match(text_line):
            in_body = True
        elif in_body and (
            local.meeting_re.match(text_line) or local.vote_start_re.match(text_line)
        ):
            record_end = i
        elif in_body and _opens_resolution(line, local, symbol):
            if record_end is not None:
                # what follows the adoption record (its date, vote, the notes of its last
                # page) stays with it; the next piece opens on its first cover line
                cut = next(
                    (j for j in range(record_end + 1, i) if _opens_cover(lines[j], local)), i
                )
            else:
                cut = _header_start(lines, i, starts[-1], local)
            starts.append(cut)
            in_body, record_end = False, None
            symbol = _cover_symbol(lines[cut : i + 1])
    bounds: list[tuple[int, int]] = []
    for n, first in enumerate(starts):
        begin = 0 if n == 0 else lines[first].start
        end = lines[starts[n + 1]].start if n + 1 < len(starts) else len(text)
        bounds.append((begin, end))
    return bounds


def _cover_symbol(cover: list[Line]) -> str | None:
    """The first resolution symbol printed on the cover lines read so far."""
    for line in cover:
        found = _SYMBOL_IN_LINE_RE.search(line.text)
        if found is not None:
            return found[0].strip()
    return None


def _header_start(lines: list[Line], number: int, floor: int, local: Profile) -> int:
    """Walk back from a resolution's number over the cover lines printed above it."""
    cut = number
    while cut - 1 > floor and _opens_field(lines[cut - 1], local):
        cut -= 1
    return cut


def _opens_cover(line: Line, local: Profile) -> bool:
    """The first line of a cover: the publisher ("United Nations") or a resolution symbol."""
    if _SYMBOL_LINE_RE.match(line.text):
        return True
    return any(
        name == "publisher" and pattern.match(line.text) for name, pattern in local.header_fields
    )


def _opens_field(line: Line, local: Profile) -> bool:
    return any(
        name not in {"subject", "title"} and pattern.match(line.text)
        for name, pattern in local.header_fields
    )


def _opens_resolution(line: Line, local: Profile, symbol: str | None) -> bool:
    """A resolution's number, or a symbol other than the current one alone on a line."""
    text = line.text
    if _SYMBOL_LINE_RE.match(text):
        return text.strip() != symbol
    return any(
        name in _NUMBER_FIELDS and pattern.match(text) for name, pattern in local.header_fields
    )
