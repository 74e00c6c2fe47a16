r"""The UN's own Akoma Ntoso markup (AKN 3.0, AKN4UN) as plain text and as a Resolution.

The UN publishes its resolutions as Akoma Ntoso XML. That markup is the ground truth for
the structure resparse must find in plain or PDF-extracted text, so this reader does two
things from one rendering: :func:`render_akn` lays the markup out as the text a user
would get by copying the official document (one element per line, a blank line between
blocks, footnotes at the end), and :func:`from_akn` reads the same rendering into a
:class:`~resparse.model.Resolution` whose every span points into that text.

The package has one job a module: ``_layout`` lays blocks of running text out as lines
with tagged ranges; ``_elements`` holds the patterns, the element helpers and the records
of what was read (``_State``); ``_writer`` writes the text and its marked ranges; the walk
over the markup is ``_render`` (document, statements, adoption, annexes) with ``_front``
(cover page, preface, preamble), ``_body`` (which rule a mainBody element falls under) and
``_points`` (a paragraph's lines, lists and points); ``_reading`` turns the records into
the blocks from which ``resparse._build`` makes the Resolution, as it makes a parsed
text's. This module keeps the XML hardening (no entities, no DTD, bounded depth) and
the two entry points.

The emphasis spans of the rendered document (``Document.italics``) are the UN's lead
marking: the runs the markup sets in italics, or in bold where the language's profile
says its leads are bold (``lead_emphasis`` in ``lexicon/zh.toml``). The parser and the
gold leads read them alike, whichever face the language uses.

Layout of the text: the cover page (one line per element, images skipped), the number
and title, the enacting formula and one line per preambular paragraph, one line per
operative paragraph (``"1.\t"`` and its text; a list's intro stays on that line, each
point is a line of its own, ``"(a)\t..."``), headings on lines of their own, the meeting
and date of adoption, the annexes, then ``"__________________"`` and one line per footnote
(``"1\tText"``); a footnote's marker is written right after the text it follows. A blank
line parts these blocks, and each part of a resolution in parts starts with its letter.
Vote data in ``meta`` is not printed, as the official text carries none.

Odd markup is read by a few fixed rules; each notes an ``info`` diagnostic with an
``akn.`` code, so a corpus run (``scripts/check_akn.py``) can count the files it needed:

* ``akn.sub_outside_list``: a mainBody ``paragraph`` numbered ``(a)``, ``(ii)`` or
  ``1.1`` that follows an operative paragraph outside any ``list`` is a sub-paragraph of
  that paragraph (quoted articles, flattened lists); ``(i)`` after ``(a)`` nests under it.
* ``akn.label_in_text``: the same for an unnumbered paragraph whose text starts with the
  label (``"(a)\tThe ..."``); the label is taken out of the text.
* ``akn.continuation``: other unnumbered text after an operative paragraph (paragraphs,
  tables, alineas, stray lists) continues it: own lines, text joined to the paragraph's.
  A table after a heading still belongs to the last paragraph of its part.
* ``akn.unnumbered_paragraph``: unnumbered text with no operative paragraph open in its
  part opens an operative paragraph whose number is ``None``.
* ``akn.heading_paragraph``: a paragraph that is only bold text, or is numbered ``A.`` or
  ``IV`` (not ``N.``), is a heading line; its number and heading share the line.
  (Paragraphs holding only a ``heading`` or ``subheading`` are headings without a note.)
* ``akn.heading_container``: an unnamed preamble ``container`` of bold text is a heading.
* ``akn.preamble_in_body``: a ``crossHeading`` referring to ``#preamble`` inside the
  mainBody (the section preambles of budget resolutions) is a preambular clause.
* ``akn.number_repaired``: a paragraph number typed with a letter l for the digit 1.
* ``akn.number_in_text``: an unnumbered paragraph whose text starts with ``N.`` (or the
  Arabic ``N -``, ``N –``) is operative paragraph N; the number is taken out of the text.
* ``akn.vote_inherited``: a part of a resolution in parts whose markup gives no vote of
  its own takes the vote that the markup gives for the whole resolution.

A file that resparse wrote carries a few marks of its own (``resparse._akn_header``;
the UN's files have none), read before any rule above: the header values in
``meta/proprietary`` are taken over the cover's reading; ``hcontainer
name="unclassified"`` is unclassified text, kept as written; ``paragraph
class="unnumbered"`` opens a paragraph numbered ``None``; ``resparse:section`` and
``resparse:part`` give an item's section and part; a part letter marked
``resparse:supplied`` is neither printed nor applied, one marked ``resparse:unprinted``
applied but not printed; a span marked ``resparse:lead``
is the lead of its clause or paragraph wherever it stands, and one marked
``resparse:more`` a further lead; ``resparse:label`` and
``resparse:title`` on an ``attachment`` are its annex's label and title.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import regex

from resparse._build import Marked, Reading, build_marked
from resparse.errors import InputError, UnsafeInputError
from resparse.readers._prolog import xml_encoding
from resparse.readers._source import read_file
from resparse.readers.akn._elements import _local
from resparse.readers.akn._reading import _Marks, _merge_runs, _Reading
from resparse.readers.akn._render import _Renderer
from resparse.readers.base import Document

if TYPE_CHECKING:
    from lxml import etree

    from resparse.model import Resolution

__all__ = ["from_akn", "render_akn"]
XmlInput = str | bytes | os.PathLike[str]
_EXTERNAL_DTD_RE = regex.compile(rb"<!DOCTYPE[^>\[]*\b(?:SYSTEM|PUBLIC)\b", regex.IGNORECASE)
_NO_ENTITIES = "the XML declares entities, which resparse does not expand"
_NO_DTD = "the XML names an external DTD, which resparse does not load"
_ENTITY_RE = regex.compile(rb"<!ENTITY", regex.IGNORECASE)
_XML_DECL_RE = regex.compile(r"^\s*<\?xml[^>]*\?>")


def _read_input(xml: XmlInput) -> tuple[bytes, str | None]:
    """The XML bytes and the path they came from (a ``str`` starting with ``<`` is XML)."""
    if isinstance(xml, bytes):
        return xml, None
    if isinstance(xml, str) and xml.lstrip("\ufeff \t\r\n").startswith("<"):
        text = _XML_DECL_RE.sub("", xml, count=1)
        return text.encode("utf-8"), None
    # a path; any other type meets os.fspath's own TypeError, bytearray included
    return read_file(xml)


def _refuse_doctype(data: bytes, path: str | None) -> None:
    """Refuse entity declarations and external DTDs before the parser sees them."""
    probe = data
    encoding = xml_encoding(data[:4])  # UTF-16 or UTF-32 with or without a mark, EBCDIC
    if encoding != "utf-8":
        probe = data.decode(encoding, "replace").encode("utf-8", "replace")
    if _ENTITY_RE.search(probe):
        raise UnsafeInputError(_NO_ENTITIES, path=path)
    if _EXTERNAL_DTD_RE.search(probe):
        raise UnsafeInputError(_NO_DTD, path=path)


def _parse(xml: XmlInput) -> tuple[etree._Element, str | None]:
    try:
        from lxml import etree  # noqa: PLC0415 - lxml is needed only for Akoma Ntoso input
    except ImportError as error:  # pragma: no cover - depends on the environment
        msg = "reading Akoma Ntoso needs lxml: pip install lxml"
        raise InputError(msg) from error
    data, path = _read_input(xml)
    _refuse_doctype(data, path)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
    )
    try:
        tree = etree.fromstring(data, parser=parser).getroottree()
    except etree.XMLSyntaxError as error:
        msg = f"malformed XML: {error}"
        raise InputError(msg, path=path) from error
    docinfo = tree.docinfo
    if docinfo.system_url or docinfo.public_id:
        raise UnsafeInputError(_NO_DTD, path=path)
    dtd = docinfo.internalDTD
    root = tree.getroot()
    entities = any(True for _ in dtd.iterentities()) if dtd is not None else False
    if entities or any(isinstance(node, etree._Entity) for node in root.iter()):  # noqa: SLF001
        raise UnsafeInputError(_NO_ENTITIES, path=path)
    if _local(root) != "akomaNtoso":
        msg = f"not Akoma Ntoso: the root element is <{_local(root)}>"
        raise InputError(msg, path=path)
    return root, path


def _render(xml: XmlInput) -> tuple[_Renderer, str | None]:
    root, path = _parse(xml)
    renderer = _Renderer()
    renderer.document(root)
    return renderer, path


def render_akn(xml: XmlInput) -> Document:
    """The markup as the text of the printed resolution, with its lead marking as spans.

    ``italics`` holds the runs that mark leads: italics, or bold where the language sets
    its leads in bold (Chinese). ``xml`` is XML text (a ``str`` starting with ``<``, or
    ``bytes``) or a path. Vote data from ``meta`` is not printed: the official text carries
    none.
    """
    renderer, path = _render(xml)
    return _document(renderer, path)


def _document(renderer: _Renderer, path: str | None) -> Document:
    return Document(
        text=renderer.out.text,
        reader="akn",
        # runs parted only by spaces are one lead ("وإذ" and "تلاحظ" set as two spans)
        italics=tuple(_merge_runs(sorted(renderer.out.italics), renderer.out.text)),
        diagnostics=tuple(renderer.out.diagnostics),
        path=path,
        superscripts=tuple(sorted(renderer.out.superscripts)),
        small=tuple(renderer.out.small),
    )


def from_akn(xml: XmlInput) -> Resolution:
    """The markup as a Resolution whose source is exactly ``render_akn(xml).text``.

    The renderer's records become the text pipeline's blocks, and the builder that makes
    a parsed text's Resolution makes this one (``resparse._build.build_marked``).
    """
    renderer, _ = _render(xml)
    source = renderer.out.text
    reading = _Reading(renderer, source)
    votes = reading.votes()  # notes each vote a part inherits, before the blocks take them
    marked = Marked(
        header=reading.header(),
        language=renderer.out.language,
        footnotes=reading.footnotes(),
        votes=votes,
        annexes=reading.annexes(),
        kept=renderer.st.kept_text,
    )
    segmentation = reading.segmentation()
    marks = _Marks(renderer, source, reading.lead_starts)
    build_reading = Reading(
        source=source,
        profile=renderer.out.profile(),
        scope=marks.scope,
        italics=None,
        superscripts=tuple(sorted(renderer.out.superscripts)),
        reader="akn",
        marks=marks,
    )
    return build_marked(build_reading, segmentation, marked)
