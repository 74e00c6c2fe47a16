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
"""

from __future__ import annotations

import io
import os
import pathlib
import zipfile
from typing import TYPE_CHECKING, TypeVar

import attrs
import regex

from resparse._deadline import check_deadline, checked
from resparse.errors import (
    InputError,
    InputTooLargeError,
    MissingExtraError,
    ParseTimeoutError,
    UnsafeInputError,
)
from resparse.model import Diagnostic, Span
from resparse.readers._prolog import declares_doctype
from resparse.readers.base import Document, add_range, int_or, roman

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from docx.document import Document as WordDocument
    from lxml import etree

__all__ = ["read_docx"]

_T = TypeVar("_T")

_MAX_TOTAL = 200 * 1024 * 1024  # declared uncompressed bytes of all members
_MAX_RATIO = 200  # uncompressed / compressed
_RATIO_FLOOR = 1024 * 1024  # members and archives smaller than this cannot hurt
# The largest list counter read: Word's own start values stop at 32,767, and a letter label
# grows with its value ("zz" is 52), so a counter of 1,000,000,000 would be 38 MB of "a".
MAX_COUNTER = 32_767
# The longest list label written ("1.", "(a)", "IV." in practice): a template may repeat
# its numbers, and a label is written before every paragraph of its list.
MAX_LABEL = 1_024
_CHUNK = 65536  # bytes of a zip member read at a time
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_SEPARATOR = "__________________"  # the rule line above footnotes, as the AKN reader prints it
_TRUE = {"true", "1", "on"}

# Containers inside a paragraph whose runs are shown; anything else (w:del, w:moveFrom,
# drawings, comments) is not walked.
_INLINE_CONTAINERS = frozenset(
    f"{{{_W}}}{name}"
    for name in ("hyperlink", "ins", "moveTo", "smartTag", "sdt", "sdtContent", "fldSimple",
                 "customXml", "dir", "bdo")
) | {f"{{{_MC}}}AlternateContent", f"{{{_MC}}}Choice"}  # fmt: skip


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


@attrs.define
class _Writer:
    """Text with its italic and raised ranges, merged where neighbouring runs touch."""

    parts: list[str] = attrs.field(factory=list)
    length: int = 0
    italics: list[tuple[int, int]] = attrs.field(factory=list)
    raised: list[tuple[int, int]] = attrs.field(factory=list)
    small: list[tuple[int, int]] = attrs.field(factory=list)

    strip_next: bool = False  # drop the white space that opens the next text (after a label)
    limit: int | None = None  # the most characters the text may have (see read_docx)

    def write(self, chunk: str, *, italic: bool = False, raised: bool = False) -> None:
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

    def ends_with(self, chunk: str) -> bool:
        return bool(self.parts) and self.parts[-1].endswith(chunk)


@attrs.define
class _Numbering:
    """Word's list definitions and the counters of the lists met so far."""

    levels: dict[str, dict[int, tuple[int, str, str, str]]]  # numId -> ilvl -> level
    counters: dict[str, list[int | None]] = attrs.field(factory=dict)

    def label(self, num_id: str, level: int) -> str:
        """The text Word shows before a numbered paragraph, counting it."""
        definition = self.levels.get(num_id)
        if definition is None or level not in definition:
            return ""
        counts = self.counters.setdefault(num_id, [None] * 10)
        current = counts[level]
        counts[level] = _within_limit(definition[level][0] if current is None else current + 1)
        for deeper in range(level + 1, len(counts)):
            counts[deeper] = None
        _, kind, template, suffix = definition[level]
        if kind == "none":
            return ""
        if kind == "bullet":
            return "•" + suffix

        written = [len(template)]  # the label's length so far: the template, then the numbers

        def place(match: regex.Match[str]) -> str:
            n = int(match[1]) - 1
            if n not in definition:
                return ""
            value = _within_limit(
                int(counts[n] or 0) if counts[n] is not None else definition[n][0]
            )
            number = _format_number(value, definition[n][1])
            written[0] += len(number)
            _check_label(written[0])
            return number

        _check_label(len(template))
        return regex.sub(r"%([1-9])", place, template) + suffix


def _within_limit(value: int) -> int:
    """A list counter, or InputTooLargeError past MAX_COUNTER.

    A letter list that starts at 1,000,000,000 would write "a" 38 million times.
    """
    if not 0 <= value <= MAX_COUNTER:
        msg = f"refused a list counter of {value:,} (the limit is {MAX_COUNTER:,})"
        raise InputTooLargeError(msg)
    return value


def _check_label(length: int) -> None:
    """Refuse a label past MAX_LABEL: "%1" a thousand times, written before every paragraph."""
    if length > MAX_LABEL:
        msg = f"refused a list label longer than {MAX_LABEL:,} characters"
        raise InputTooLargeError(msg)


@attrs.define
class _Styles:
    """Italic and raised settings of each style id, resolved through ``basedOn``."""

    italic: dict[str, bool | None]
    raised: dict[str, bool | None]
    numbering: dict[str, tuple[str, int]]  # paragraph style id -> (numId, ilvl)
    default_paragraph: str | None
    default_italic: bool


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
        raised = self._raised(properties)
        for child in run:
            tag = child.tag
            if tag == _w("t"):
                self.out.write(child.text or "", italic=italic, raised=raised)
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

    def _italic(self, properties: etree._Element | None, paragraph_style: str | None) -> bool:
        own = _toggle(properties, "i")
        if own is not None:
            return own
        character = _style_id(properties, "rStyle")
        for style in (character, paragraph_style):
            if style is not None and self.styles.italic.get(style) is not None:
                return bool(self.styles.italic[style])
        return self.styles.default_italic

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


def read_docx(source: str | os.PathLike[str] | bytes, *, path: str | None = None) -> Document:
    """Read a Word (.docx) file, a path or its bytes, into a Document with italic spans.

    Raises :class:`~resparse.errors.InputError` for a file that is not a zip, not a Word
    document, or a zip bomb, and :class:`~resparse.errors.UnsafeInputError` for XML parts
    that declare a DOCTYPE.
    """
    data, path = _load(source, path)
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
        italics=spans(out.italics),
        diagnostics=tuple(reader.diagnostics),
        path=path,
        superscripts=spans(out.raised),
        small=spans(out.small),
    )


# --- the package ---------------------------------------------------------------------------


def _load(source: str | os.PathLike[str] | bytes, path: str | None) -> tuple[bytes, str | None]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), path
    if not isinstance(source, (str, os.PathLike)):
        msg = f"read_docx() takes a path or bytes, not {type(source).__name__}"
        raise TypeError(msg)
    name = os.fspath(source)
    try:
        return pathlib.Path(name).read_bytes(), name
    except OSError as error:
        msg = f"cannot read the file: {error.strerror or error}"
        raise InputError(msg, path=name) from error


def _check_archive(data: bytes, path: str | None) -> int:
    """Refuse what is not a zip, a zip bomb, and XML parts with a DOCTYPE, inflating little.

    The sizes come from the zip's central directory; zipfile never inflates a member past
    the size declared there, so checking the declarations bounds what python-docx can read.
    Returns the declared size of the XML parts, which bounds the text (see read_docx).
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        msg = f"not a Word document: the file is not a zip archive ({error})"
        raise InputError(msg, path=path) from error
    with archive:
        members = archive.infolist()
        total = sum(member.file_size for member in members)
        packed = sum(member.compress_size for member in members)
        if total > _MAX_TOTAL:
            msg = f"refused a zip that would inflate to {total} bytes (limit {_MAX_TOTAL})"
            raise InputError(msg, path=path)
        for member in [*members, None]:
            size, stored = (
                (total, packed) if member is None else (member.file_size, member.compress_size)
            )
            if size > _RATIO_FLOOR and size > _MAX_RATIO * max(stored, 1):
                what = "the archive" if member is None else member.filename
                msg = (
                    f"refused a zip bomb: {what} inflates {size // max(stored, 1)}-fold"
                    f" (limit {_MAX_RATIO})"
                )
                raise InputError(msg, path=path)
        if "word/document.xml" not in archive.namelist():
            msg = "a zip archive that is not a Word document (no word/document.xml)"
            raise InputError(msg, path=path)
        for member in members:
            if member.filename.endswith((".xml", ".rels")):
                _check_doctype(archive, member, path)
        return sum(m.file_size for m in members if m.filename.endswith(".xml"))


def _check_doctype(archive: zipfile.ZipFile, member: zipfile.ZipInfo, path: str | None) -> None:
    """Refuse a part with a DOCTYPE: read through its whole prolog, in its own encoding."""
    try:
        with archive.open(member) as stream:
            found = declares_doctype(iter(lambda: stream.read(_CHUNK), b""))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
        msg = f"a damaged zip member {member.filename}: {error}"
        raise InputError(msg, path=path) from error
    if found:
        msg = (
            f"refused {member.filename}: it declares a DOCTYPE or entities, which Word never writes"
        )
        raise UnsafeInputError(msg, path=path)


def _parse_part(blob: bytes) -> etree._Element:
    from lxml import etree  # noqa: PLC0415 - python-docx depends on lxml

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(blob, parser=parser)


def _part_blob(document: WordDocument, reltype_suffix: str) -> bytes | None:
    """The bytes of the document part's related part of a type (footnotes), if any."""
    for rel in document.part.rels.values():
        if rel.reltype.endswith(reltype_suffix) and not rel.is_external:
            blob = rel.target_part.blob
            return bytes(blob) if blob is not None else None
    return None


# --- styles and numbering ------------------------------------------------------------------


def _read_styles(document: WordDocument) -> _Styles:
    """Each style's italic and raised settings, inherited along ``basedOn`` chains."""
    root = document.styles.element
    own_italic: dict[str, bool | None] = {}
    own_raised: dict[str, bool | None] = {}
    own_numbering: dict[str, tuple[str, int] | None] = {}
    based_on: dict[str, str] = {}
    default_paragraph = None
    for style in checked(root.iterchildren(_w("style")), "the styles of a Word document", 1024):
        style_id = style.get(_w("styleId"))
        if style_id is None:
            continue
        properties = style.find(_w("rPr"))
        own_italic[style_id] = _toggle(properties, "i")
        align = properties.find(_w("vertAlign")) if properties is not None else None
        own_raised[style_id] = None if align is None else align.get(_w("val")) == "superscript"
        own_numbering[style_id] = _num_pr(style.find(_w("pPr")))
        parent = _style_id(style, "basedOn")
        if parent is not None:
            based_on[style_id] = parent
        if style.get(_w("type")) == "paragraph" and style.get(_w("default")) in _TRUE:
            default_paragraph = style_id

    defaults = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
    return _Styles(
        italic=_inherited(own_italic, based_on),
        raised=_inherited(own_raised, based_on),
        numbering={
            s: found
            for s, found in _inherited(own_numbering, based_on).items()
            if found is not None
        },
        default_paragraph=default_paragraph,
        default_italic=bool(_toggle(defaults, "i")),
    )


def _inherited(table: Mapping[str, _T | None], based_on: Mapping[str, str]) -> dict[str, _T | None]:
    """Each style's setting, its own or the first along its ``basedOn`` chain.

    Every style on a walked chain is settled at once, so 20,000 styles each based on the
    next take one walk, not 20,000; a chain that loops gives ``None``.
    """
    resolved: dict[str, _T | None] = {}
    for index, start in enumerate(table):
        if not index % 1024:
            check_deadline("the styles of a Word document")
        chain: list[str] = []
        seen: set[str] = set()
        result: _T | None = None
        current: str | None = start
        while current is not None:
            if current in resolved:
                result = resolved[current]
                break
            if current in seen:
                break
            seen.add(current)
            chain.append(current)
            value = table.get(current)
            if value is not None:
                result = value
                break
            current = based_on.get(current)
        for style in chain:
            resolved[style] = result
    return {style: resolved[style] for style in table}


def _read_numbering(document: WordDocument) -> _Numbering:
    """Each list's levels as (start, format, text template, suffix), from numbering.xml."""
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return _Numbering({})
    abstract: dict[str, dict[int, tuple[int, str, str, str]]] = {}
    for definition in checked(root.iterchildren(_w("abstractNum")), "Word's lists", 256):
        levels = {}
        for level in definition.iterchildren(_w("lvl")):
            index = int_or(level.get(_w("ilvl")), 0)
            levels[index] = (
                int_or(_val(level, "start"), 1),
                _val(level, "numFmt") or "decimal",
                _val(level, "lvlText") or "",
                {"space": " ", "nothing": ""}.get(_val(level, "suff") or "tab", "\t"),
            )
        abstract[definition.get(_w("abstractNumId")) or ""] = levels
    numbers: dict[str, dict[int, tuple[int, str, str, str]]] = {}
    for num in root.iterchildren(_w("num")):
        levels = dict(abstract.get(_val(num, "abstractNumId") or "", {}))
        for override in num.iterchildren(_w("lvlOverride")):
            index = int_or(override.get(_w("ilvl")), 0)
            start = _val(override, "startOverride")
            if start is not None and index in levels:
                levels[index] = (int_or(start, 1), *levels[index][1:])
        numbers[num.get(_w("numId")) or ""] = levels
    return _Numbering(numbers)


# --- XML helpers ---------------------------------------------------------------------------


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


def _style_id(properties: etree._Element | None, name: str) -> str | None:
    if properties is None:
        return None
    element = properties.find(_w(name))
    return None if element is None else element.get(_w("val"))


def _num_pr(properties: etree._Element | None) -> tuple[str, int] | None:
    if properties is None:
        return None
    num_pr = properties.find(_w("numPr"))
    if num_pr is None:
        return None
    num_id = _val(num_pr, "numId")
    if num_id is None:
        return None
    return num_id, int_or(_val(num_pr, "ilvl"), 0)


def _toggle(properties: etree._Element | None, name: str) -> bool | None:
    """A toggle property (``w:i``): absent is ``None``, present without a value is on."""
    if properties is None:
        return None
    element = properties.find(_w(name))
    if element is None:
        return None
    value = element.get(_w("val"))
    return value is None or value.lower() in _TRUE


def _val(parent: etree._Element, name: str) -> str | None:
    element = parent.find(_w(name))
    return None if element is None else element.get(_w("val"))


def _format_number(value: int, kind: str) -> str:
    """A counter in one of Word's number formats (the common ones; others as decimals)."""
    if kind in {"lowerLetter", "upperLetter"} and value > 0:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if kind == "upperLetter" else letter
    if kind in {"lowerRoman", "upperRoman"} and 0 < value < 4000:
        numeral = roman(value)
        return numeral.upper() if kind == "upperRoman" else numeral
    if kind == "decimalZero":
        return f"{value:02d}"
    return str(value)
