"""Where the body begins, and the header zone above it.

The body begins at the enacting formula ("The General Assembly,"), or, without one, at
the first numbered paragraph or known clause. The lines above it are the cover: page
furniture among them is set aside, a part's letter and title just above the formula are
kept for the segmenter, and the rest is read by the header stage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from resparse import _landmarks
from resparse._furniture import RunningTitle, furniture_of
from resparse._header import HeaderResult, read_header
from resparse._language import Profile, profile
from resparse.model import Diagnostic

if TYPE_CHECKING:
    from resparse._scan import Line


def locate_body(
    lines: list[Line], language: str, diagnostics: list[Diagnostic]
) -> tuple[int | None, int] | None:
    """The enacting formula's line and the first body line; None when neither is found."""
    local = profile(language)
    formula_index = _landmarks.find_formula(lines, local)
    if formula_index is None:
        formula_index = _formula_with_a_colon(lines, local)
    if formula_index is not None:
        return formula_index, formula_index
    body_start = _landmarks.find_body_start(lines, language)
    if body_start is None:
        return None
    message = "found no enacting formula such as 'The General Assembly,'"
    diagnostics.append(Diagnostic("header.no_formula", message, "warning"))
    return None, body_start


_FORMULA_LENGTH = 120  # the longest line read as a formula, as find_formula allows


def _formula_with_a_colon(lines: list[Line], local: Profile) -> int | None:
    """An older text's formula that ends with a colon ("The Security Council:").

    Read as the same formula with its comma; without this the formula line became the
    first preambular clause.
    """
    for line in lines:
        text = line.text.rstrip()
        if (
            len(text) < _FORMULA_LENGTH
            and text.endswith(":")
            and local.formula_re.match(_with_its_comma(text)) is not None
        ):
            return line.index
    return None


def _with_its_comma(text: str) -> str:
    """A formula line with a closing colon written as the comma ("The Council:" -> ",")."""
    stripped = text.rstrip()
    return stripped[:-1].rstrip() + "," if stripped.endswith(":") else text


def read_header_zone(
    source: str,
    lines: list[Line],
    formula_index: int | None,
    body_start: int,
    language: str,
) -> tuple[HeaderResult, int, Line | None, list[tuple[Line, str]]]:
    """Read the header; returns it, the (maybe moved) body start and a part letter line."""
    header_lines = lines[:body_start]
    # the first page's footer (job number, barcode) often sits among the cover lines
    local = profile(language)
    number_re = dict(local.header_fields).get("number")

    def cover_furniture(line: Line) -> str | None:
        kind = furniture_of(line, RunningTitle(), local)
        if kind == "page_number" and number_re is not None and number_re.fullmatch(line.text):
            return None  # "77/27": a resolution number printed without a dot (Arabic)
        return kind

    kinds = [cover_furniture(line) for line in header_lines]
    furniture = [(line, kind) for line, kind in zip(header_lines, kinds, strict=True) if kind]
    header_lines = [line for line, kind in zip(header_lines, kinds, strict=True) if not kind]
    part_heading: Line | None = None
    at = _landmarks.part_heading_at(header_lines, local)
    if at is not None:
        part_heading = header_lines[at]
        header_lines = header_lines[:at]
    formula = lines[formula_index] if formula_index is not None else None
    formula_body = (
        _landmarks.formula_body(_with_its_comma(formula.text), local)
        if formula is not None
        else None
    )
    head = read_header(source, header_lines, formula, formula_body, language)
    if formula is None and head.leftovers:
        # without a formula, sentences after the last header field already belong to the body
        trailing = [line for line in head.leftovers if line.start >= head.fields_end]
        if trailing:
            body_start = trailing[0].index
            header_lines = [line for line in header_lines if line.index < body_start]
            head = read_header(source, header_lines, formula, formula_body, language)
    furniture = [(line, kind) for line, kind in furniture if line.index < body_start]
    return head, body_start, part_heading, furniture
