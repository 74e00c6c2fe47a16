"""Lines that place the parts of a resolution: its formula, its first clause, its parts.

Document-level finders over the scanned lines, run before classification (to locate the
body and the header) and by the splitter of joined volumes: the enacting formula, the
first clause or numbered paragraph without one, a part's letter and a section's label.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import regex

from resparse import _lead_tables
from resparse._language import Profile, profile
from resparse._line_shape import first_word, heading_like
from resparse._patterns import LINE_MARKUP_RE, optional_words

if TYPE_CHECKING:
    from collections.abc import Sequence

    from resparse._scan import Line


@functools.cache
def part_re(words: tuple[str, ...]) -> regex.Pattern[str]:
    """A part's letter on a line of its own: "A", "Part B" (``part_words``), "B1".

    A footnote marker may follow the letter ("B1"). Compiled once for each list of
    words, so that its gate is learned once too.
    """
    named = optional_words(words)
    return regex.compile(rf"[*_#\s]{{0,6}}{named}(?P<letter>[A-H])[*_.]{{0,3}}\d{{0,2}}\s*$")


@functools.cache
def _section_re(words: tuple[str, ...]) -> regex.Pattern[str]:
    """A numbered heading's label: "II", "II. Financing", "Section II" (``section_words``)."""
    return regex.compile(
        rf"[*_#\s]{{0,6}}{optional_words(words)}(?P<label>[IVXL]{{1,6}}|[A-H])\b[.*_]{{0,3}}(?:\s|$)"
    )


def find_formula(lines: Sequence[Line], local: Profile) -> int | None:
    """The index of the first enacting-formula line ("The General Assembly,").

    Where the formula is the body's bare name ("Генеральная Ассамблея", "大会", the comma
    being sometimes left out), the cover page prints the same line: a later one wins.
    """
    found: list[int] = []
    for i, line in enumerate(lines):
        if len(line.text) < 120 and local.formula_re.match(line.text):
            found.append(i)
            if len(found) == 2 or local.canonical_body(line.text.strip("*_ ")) is None:
                break
    return found[-1] if found else None


FORMULA_COMMAS = (",", "،", "，", "、")


def formula_has_comma(text: str) -> bool:
    """Whether a formula-like line ends in its comma ("The General Assembly,").

    A cover, or a heading over paragraphs, names the body too, without the comma.
    """
    return text.rstrip(" *_\t").endswith(FORMULA_COMMAS)


def formula_body(text: str, local: Profile) -> str | None:
    """The body named by an enacting formula."""
    match = local.formula_re.match(text)
    return " ".join(match["body"].split()) if match else None


def find_body_start(lines: Sequence[Line], language: str) -> int | None:
    """Without a formula: the first line that opens a numbered paragraph or a known clause."""
    local = profile(language)
    for i, line in enumerate(lines):
        text = line.text
        markup = LINE_MARKUP_RE.match(text)
        pos = markup.end() if markup else 0
        number = local.number_re.match(text, pos)
        if number is not None and number["n"] in {"1", "l", "I"}:
            return i
        first = first_word(text[pos:].lstrip("*_ "))
        if (
            first
            and local.starts_like_lead(text[pos:].lstrip("*_ "))
            and _lead_tables.known_first_word(first, "pre", language, minimum=20)
        ):
            return i
    return None


def section_label(text: str, local: Profile | None = None) -> str | None:
    """The label of a numbered heading: "II" in "II", "II. Financing" or "Section II".

    The word before the label is the profile's (English's without one). A language may
    number its headings in its own words ("ثانيا", "二"): ``local.section_re``.
    """
    match = _section_re((local or profile("en")).section_words).match(text)
    if match is None and local is not None and local.section_re is not None:
        match = local.section_re.match(text)
    return match["label"] if match else None


PART_TITLE_LINES = 2  # lines a part's title may take between its letter and the formula


def part_heading_at(lines: Sequence[Line], local: Profile) -> int | None:
    """Where the first part's heading stands among the last lines above the formula.

    A resolution in parts prints "A", maybe the part's title ("Capital master plan"),
    then the formula; the title is a short line that ends like no sentence. The lines
    from the letter on are the part's heading, not the document's title.
    """
    for back in range(min(len(lines), PART_TITLE_LINES + 1)):
        at = len(lines) - 1 - back
        if part_letter(lines[at].text, local):
            titles = lines[at + 1 :]
            if all(
                heading_like(line.text, continued=k > 0, local=local)
                for k, line in enumerate(titles)
            ):
                return at
            return None
    return None


def part_letter(text: str, local: Profile | None = None) -> str | None:
    """The letter of a resolution's part from "A" or "Part B" on a line of its own.

    The word before the letter is the profile's (English's without one). A language may
    name the letters ("ألف", "باء" in Arabic): ``local.part_re``.
    """
    match = part_re((local or profile("en")).part_words).match(text)
    if match is None and local is not None and local.part_re is not None:
        match = local.part_re.match(text)
    return match["letter"] if match else None
