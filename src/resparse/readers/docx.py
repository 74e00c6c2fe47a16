"""Word files as text, with italic runs, footnote markers and list numbers as Word shows them.

python-docx opens the package and resolves styles; the body is then walked as WordprocessingML
so that runs inside hyperlinks, tracked insertions and content controls are read too (the
paragraph API sees only direct runs), deleted text and field codes are not, and automatic
list numbers ("1.", "(a)") are written as Word displays them: the UN's Word files number
their operative paragraphs that way, so without the numbers the text loses its structure.

A run is italic when its own formatting says so, else when its character style or the
paragraph's style (each with the styles it is based on) does, else the document default.
Footnote references are written as the number Word shows, raised, and the footnotes
themselves follow the body after a rule line, one per line, as the official text prints
them at the foot of the page.

The zip is checked before anything is inflated: a declared total above 200 MB or a
compression ratio above 200 is refused, as is a DOCTYPE in any XML part (Word writes none;
one can only be there to declare entities).

The zip checks and the parts live in ``_docx_package``, the styles and list numbering
in ``_docx_styles``, the WordprocessingML names and small property readers in
``_docx_xml``, and reading a path or bytes in ``_source`` (shared with the other
readers); this module walks the body and writes the text.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import attrs

from resparse._deadline import checked
from resparse.errors import InputError, InputTooLargeError, MissingExtraError, ParseTimeoutError
from resparse.model import Diagnostic, Span
from resparse.readers._docx_package import (
    _RATIO_FLOOR,
    _check_archive,
    _parse_part,
    _part_blob,
)
from resparse.readers._docx_styles import (
    MAX_COUNTER,
    MAX_LABEL,
    _format_number,
    _Numbering,
    _read_numbering,
    _read_styles,
    _Styles,
)
from resparse.readers._docx_xml import _MC, _W, _num_pr, _style_id, _toggle, _w
from resparse.readers._lead_runs import lead_runs
from resparse.readers._source import read_source
from resparse.readers.base import Document, add_range

if TYPE_CHECKING:
    import os
    from collections.abc import Iterator

    from docx.document import Document as WordDocument
    from lxml import etree

__all__ = ["MAX_COUNTER", "MAX_LABEL", "read_docx"]


_SEPARATOR = "__________________"  # the rule line above footnotes, as the AKN reader prints it

# Containers inside a paragraph whose runs are shown; anything else (w:del, w:moveFrom,
# drawings, comments) is not walked.
_INLINE_CONTAINERS = frozenset(
    f"{{{_W}}}{name}"
    for name in ("hyperlink", "ins", "moveTo", "smartTag", "sdt", "sdtContent", "fldSimple",
                 "customXml", "dir", "bdo")
) | {f"{{{_MC}}}AlternateContent", f"{{{_MC}}}Choice"}  # fmt: skip


@attrs.define
class _Writer:
    """Text with its italic and raised ranges, merged where neighbouring runs touch."""

    parts: list[str] = attrs.field(factory=list)
    length: int = 0
    italics: list[tuple[int, int]] = attrs.field(factory=list)
    raised: list[tuple[int, int]] = attrs.field(factory=list)
    small: list[tuple[int, int]] = attrs.field(factory=list)
    bolds: list[tuple[int, int]] = attrs.field(factory=list)  # Chinese leads: see _lead_runs

    strip_next: bool = False  # drop the white space that opens the next text (after a label)
    limit: int | None = None  # the most characters the text may have (see read_docx)

    def write(
        self, chunk: str, *, italic: bool = False, raised: bool = False, bold: bool = False
    ) -> None:
        if self.strip_next:
            chunk = chunk.lstrip(" \t")
            self.strip_next = not chunk
        if not chunk:
            return
        start = self.length
        self.parts.append(chunk)
        self.length += len(chunk)
        if self.limit is not None and self.length > self.limit:
            msg = (
                f"refused a Word document whose text would pass {self.limit:,} characters,"
                " twice its XML: only repeated list labels make text longer than its markup"
            )
            raise InputTooLargeError(msg)
        if italic:
            add_range(self.italics, start, self.length)
        if raised:
            add_range(self.raised, start, self.length)
        if bold:
            add_range(self.bolds, start, self.length)

    def ends_with(self, chunk: str) -> bool:
        return bool(self.parts) and self.parts[-1].endswith(chunk)


class _Reader:
    """One Word document being laid out as text."""

    def __init__(self, document: WordDocument, styles: _Styles, numbering: _Numbering) -> None:
        self.document = document
        self.styles = styles
        self.numbering = numbering
        self.out = _Writer()
        self.footnote_labels: dict[str, str] = {}
        self.endnotes = 0
        self.diagnostics: list[Diagnostic] = []

    # --- blocks ---------------------------------------------------------------------------

    def body(self, element: etree._Element) -> None:
        for block in checked(_blocks(element), "the paragraphs of a Word document", 256):
            if block.tag == _w("p"):
                if self.out.length and not self.out.ends_with("\n\n"):
                    self.out.write("\n\n")
                self.paragraph(block, numbered=True)
            else:
                self.table(block)

    def table(self, table: etree._Element) -> None:
        """A table as lines of tab-separated cells, a blank line around it."""
        if self.out.length and not self.out.ends_with("\n\n"):
            self.out.write("\n\n")
        first_row = True
        for row in table.iterchildren(_w("tr")):
            if not first_row:
                self.out.write("\n")
            first_row = False
            for i, cell in enumerate(row.iterchildren(_w("tc"))):
                if i:
                    self.out.write("\t")
                self.cell(cell)

    def cell(self, cell: etree._Element) -> None:
        """A cell's paragraphs and nested tables on one line, parted by spaces."""
        first = True
        for block in _blocks(cell):
            paragraphs = [block] if block.tag == _w("p") else list(block.iter(_w("p")))
            for paragraph in paragraphs:
                if not first:
                    self.out.write(" ")
                first = False
                self.paragraph(paragraph, numbered=False)

    def paragraph(self, paragraph: etree._Element, *, numbered: bool) -> None:
        style = _paragraph_style(paragraph) or self.styles.default_paragraph
        if numbered:
            label = self._label(paragraph, style)
            if label:
                self.out.write(label)
        for run in _runs(paragraph):
            self.run(run, style)

    def _label(self, paragraph: etree._Element, style: str | None) -> str:
        found = _num_pr(paragraph.find(_w("pPr")))
        if found is None and style is not None:
            found = self.styles.numbering.get(style)
        if found is None or found[0] == "0":
            return ""
        return self.numbering.label(*found)

    # --- runs -----------------------------------------------------------------------------

    def run(self, run: etree._Element, paragraph_style: str | None) -> None:
        properties = run.find(_w("rPr"))
        italic = self._italic(properties, paragraph_style)
        bold = self._bold(properties, paragraph_style)
        raised = self._raised(properties)
        for child in run:
            tag = child.tag
            if tag == _w("t"):
                self.out.write(child.text or "", italic=italic, raised=raised, bold=bold)
            elif tag == _w("tab"):
                self.out.write("\t", italic=italic)
            elif tag in {_w("br"), _w("cr")}:
                self.out.write("\n")
            elif tag == _w("noBreakHyphen"):
                self.out.write("-", italic=italic, raised=raised)
            elif tag == _w("footnoteReference"):
                label = str(len(self.footnote_labels) + 1)
                self.footnote_labels[child.get(_w("id")) or label] = label
                self.out.write(label, raised=True)
            elif tag == _w("endnoteReference"):
                self.endnotes += 1
                self.out.write(_format_number(self.endnotes, "lowerRoman"), raised=True)

    def _bold(self, properties: etree._Element | None, paragraph_style: str | None) -> bool:
        styles = self.styles
        default = styles.default_bold
        return _styled(properties, paragraph_style, "b", styles.bold, default=default)

    def _italic(self, properties: etree._Element | None, paragraph_style: str | None) -> bool:
        styles = self.styles
        default = styles.default_italic
        return _styled(properties, paragraph_style, "i", styles.italic, default=default)

    def _raised(self, properties: etree._Element | None) -> bool:
        if properties is not None:
            align = properties.find(_w("vertAlign"))
            if align is not None:
                return align.get(_w("val")) == "superscript"
        character = _style_id(properties, "rStyle")
        return bool(character is not None and self.styles.raised.get(character))

    # --- footnotes ------------------------------------------------------------------------

    def footnotes(self, part_xml: bytes | None) -> None:
        """The footnotes that the body refers to, after a rule, in the order of reference."""
        if not self.footnote_labels or part_xml is None:
            return
        root = _parse_part(part_xml)
        notes = {
            note.get(_w("id")): note
            for note in root.iterchildren(_w("footnote"))
            if note.get(_w("type")) in {None, "normal"}
        }
        self.out.write("\n\n" + _SEPARATOR)
        for note_id, label in self.footnote_labels.items():
            note = notes.get(note_id)
            if note is None:
                continue
            start = self.out.length + 1
            self.out.write(f"\n{label}\t")
            self.out.strip_next = True  # Word puts a space or a tab after the note's marker
            first = True
            for paragraph in note.iter(_w("p")):
                if not first:
                    self.out.write(" ")
                first = False
                self.paragraph(paragraph, numbered=False)
            self.out.strip_next = False
            self.out.small.append((start, self.out.length))


def _styled(
    properties: etree._Element | None,
    paragraph_style: str | None,
    key: str,
    by_style: dict[str, bool | None],
    *,
    default: bool,
) -> bool:
    """A run's on/off setting (``w:i``, ``w:b``), where Word looks for it.

    Its own setting, then its character style's, then its paragraph style's (each along
    its ``basedOn`` chain already), else the document default.
    """
    own = _toggle(properties, key)
    if own is not None:
        return own
    for style in (_style_id(properties, "rStyle"), paragraph_style):
        if style is not None and by_style.get(style) is not None:
            return bool(by_style[style])
    return default


def read_docx(source: str | os.PathLike[str] | bytes, *, path: str | None = None) -> Document:
    """Read a Word (.docx) file, a path or its bytes, into a Document with italic spans.

    Raises :class:`~resparse.errors.InputError` for a file that is not a zip, not a Word
    document, or a zip bomb, and :class:`~resparse.errors.UnsafeInputError` for XML parts
    that declare a DOCTYPE.
    """
    data, path = read_source(source, reader_name="read_docx()", path=path)
    markup = _check_archive(data, path)
    try:
        import docx  # noqa: PLC0415 - loaded for Word input only
    except ImportError as error:
        raise MissingExtraError(
            feature="reading Word files", extra="docx", package="python-docx"
        ) from error
    try:
        document = docx.Document(io.BytesIO(data))
        styles = _read_styles(document)
        numbering = _read_numbering(document)
        reader = _Reader(document, styles, numbering)
        reader.out.limit = 2 * markup + _RATIO_FLOOR
        reader.body(document.element.body)
        reader.footnotes(_part_blob(document, "/footnotes"))
    except InputError as error:
        if error.path is None and path is not None:  # raised where the path is not known
            raise type(error)(str(error), path=path) from None
        raise
    except (ParseTimeoutError, MemoryError, RecursionError):
        raise
    except Exception as error:  # python-docx raises KeyError, ValueError, lxml and zip errors
        msg = f"a damaged or unreadable Word document: {type(error).__name__}: {error}"
        raise InputError(msg, path=path) from error
    out = reader.out
    text = "".join(out.parts).rstrip()  # empty paragraphs at the end leave blank lines

    def spans(ranges: list[tuple[int, int]]) -> tuple[Span, ...]:
        return tuple(Span(s, min(e, len(text))) for s, e in ranges if s < len(text))

    return Document(
        text=text,
        reader="docx",
        italics=spans(lead_runs(text, out.italics, out.bolds)),
        diagnostics=tuple(reader.diagnostics),
        path=path,
        superscripts=spans(out.raised),
        small=spans(out.small),
    )


def _blocks(container: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs and tables of a body or cell, in order, looking inside content controls."""
    stack = [iter(container)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag in {_w("p"), _w("tbl")}:
            yield child
        elif child.tag in {_w("sdt"), _w("sdtContent"), _w("customXml")}:
            stack.append(iter(child))


def _runs(paragraph: etree._Element) -> Iterator[etree._Element]:
    """The shown runs of a paragraph, also inside hyperlinks, insertions and fields."""
    stack = [iter(paragraph)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag == _w("r"):
            yield child
        elif child.tag in _INLINE_CONTAINERS:
            stack.append(iter(child))


def _paragraph_style(paragraph: etree._Element) -> str | None:
    return _style_id(paragraph.find(_w("pPr")), "pStyle")
