"""The parser as one data flow of pure stages, from a Document to a Resolution.

``scan`` cuts the text into lines; the body is located (the enacting formula, or the
first clause or numbered paragraph); ``read_header`` reads the cover lines; the
furniture stage marks page furniture; ``classify_lines`` classifies every line once;
``segment`` runs the zone machine over the classified lines into blocks; ``build`` reads
each block and makes the frozen result. Each stage takes frozen values and returns them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from resparse import _classify, _leads
from resparse._build import Reading, build
from resparse._checks import check
from resparse._furniture import RunningTitle, furniture_kinds
from resparse._italics import Italics, markdown_italics
from resparse._language import profile
from resparse._locate import locate_body, read_header_zone
from resparse._number_column import paired_numbers
from resparse._scan import scan
from resparse._segment import segment
from resparse.model import Diagnostic, Resolution, Span, Unclassified

if TYPE_CHECKING:
    from resparse.readers.base import Document


def run(doc: Document, *, language: str = "en") -> Resolution:
    """Read a document into a Resolution, stage by stage."""
    source = doc.text
    lines = scan(source)
    diagnostics: list[Diagnostic] = list(doc.diagnostics)
    if not lines:
        diagnostics.append(Diagnostic("input.empty", "the input holds no text", "error"))
        return Resolution(
            source=source, diagnostics=tuple(diagnostics), language=language, reader=doc.reader
        )
    located = locate_body(lines, language, diagnostics)
    if located is None:
        span = Span(lines[0].start, lines[-1].end)
        message = "found no enacting formula, preambular clause or numbered paragraph"
        diagnostics.append(Diagnostic("input.not_a_resolution", message, "error", span))
        return Resolution(
            source=source,
            unclassified=(Unclassified(source[span.start : span.end], span, "not a resolution"),),
            diagnostics=tuple(diagnostics),
            language=language,
            reader=doc.reader,
        )
    formula_index, body_start = located
    head, body_start, part_heading, header_furniture = read_header_zone(
        source, lines, formula_index, body_start, language
    )
    header = head.header
    diagnostics.extend(head.diagnostics)
    scope = _leads.scope_of(header.body, language)
    italics = list(doc.italics) if doc.italics is not None else markdown_italics(source)
    known_italics = None if italics is None else Italics.of(italics)
    local = profile(language)
    start = body_start + 1 if formula_index is not None else body_start
    title = RunningTitle.of(header.symbol, header.title)
    furniture = furniture_kinds(lines[start:], title, local)
    kinds = _classify.classify_lines(lines, furniture, local, start=start)
    kinds, apart = paired_numbers(kinds, start, local.terminators)
    diagnostics.extend(apart)
    formula = lines[formula_index] if formula_index is not None else None
    segmentation = segment(
        doc,
        kinds,
        local=local,
        start=start,
        italics=known_italics,
        formula=formula,
        cover_furniture=header_furniture,
        part_heading=part_heading,
        running_title=title,
    )
    reason = "header text that opens no field"
    leftovers = [(Span(line.start, line.end), reason) for line in head.leftovers]
    leftovers += [(span, reason) for span in head.unread]
    reading = Reading(
        source=source,
        profile=local,
        scope=scope,
        italics=known_italics,
        superscripts=tuple(doc.superscripts) if doc.superscripts is not None else None,
        reader=doc.reader,
    )
    return check(build(reading, segmentation, head, diagnostics, leftovers))
