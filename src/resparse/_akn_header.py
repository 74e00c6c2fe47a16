"""The header as resparse read it, kept in an Akoma Ntoso ``proprietary`` block.

The cover page of an export prints the header's lines as the source printed them
("Distr.: General"), and reading those lines back cannot always give the values the
parser took from them (a distribution without its "Distr." in a language the cover
reader does not know, session dates the UN's cover has no element for). AKN's
``meta/proprietary`` is the place for a tool's own metadata: :func:`write` puts every
header value there, and :func:`read` gives them back to ``from_akn``, which takes them
over the cover's reading. The UN's own files have no such block, so their reading, the
gold of the evaluation, is not touched.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs
import regex

if TYPE_CHECKING:
    from lxml import etree

    from resparse.model import Header

__all__ = [
    "LABEL",
    "LEAD",
    "NAMESPACE",
    "PART",
    "SECTION",
    "SUPPLIED",
    "TITLE",
    "UNPRINTED",
    "HeaderValues",
    "Kept",
    "read",
    "write",
]

NAMESPACE = "https://resparse.org/akn/header"
_R = "{" + NAMESPACE + "}"
# the section (``PreambularClause.section``) of a clause or paragraph, on its element
SECTION = _R + "section"
# the part of a clause, paragraph or vote where it is not the part its statement gives
PART = _R + "part"
# on the lead of a clause or paragraph that does not open its text ("وإذ تشير")
LEAD = _R + "lead"
# on a further lead that follows no comma or "and" (``more_leads``)
MORE = _R + "more"
# on an annex's ``attachment``: its label and title as the parser read them
LABEL = _R + "label"
TITLE = _R + "title"
# on a part's letter that the writer supplied (the text lettered no part): not text
SUPPLIED = _R + "supplied"
# on a part's letter that the parser applied but read on no line of its own
UNPRINTED = _R + "unprinted"
_DATES = frozenset({"issued", "adopted"})
_NUMBERS = frozenset({"session"})
_LISTS = frozenset({"sponsors"})
FIELDS = (
    "symbol",
    "body",
    "distribution",
    "issued",
    "original_language",
    "session",
    "session_title",
    "session_dates",
    "adopted",
    "adoption_line",
    "number",
    "title",
    "report_line",
    "enacting_formula",
    "publisher",
    "subject",
    "document_type",
    "sponsors",
)
# what XML 1.0 cannot carry is dropped, as everywhere in the export
NOT_XML_RE = regex.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

HeaderValues = dict[str, Any]


@attrs.frozen
class Kept:
    """What a resparse export kept: header values, agenda items, and the part of a lone part."""

    values: HeaderValues
    agenda: tuple[tuple[str, str | None], ...]
    part: str | None = None


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry (the export drops them)."""
    return NOT_XML_RE.sub("", text)


def write(meta: etree._Element, header: Header, source: str, part: str | None = None) -> None:
    """Append ``proprietary`` with every header value that is set (``source`` is its ``#ref``).

    ``part`` is the letter of a resolution that is one part of a set (77/291 B) whose
    letter the text printed on no line of its own: the markup has no element to hold it.
    """
    from lxml import etree  # noqa: PLC0415 - lxml loads only when AKN is written

    akn = meta.tag.rpartition("}")[0] + "}" if isinstance(meta.tag, str) else ""
    block = etree.SubElement(meta, akn + "proprietary", {"source": source})
    holder = etree.SubElement(block, _R + "header", nsmap={"resparse": NAMESPACE})
    for name in FIELDS:
        value = getattr(header, name)
        if value is None or value == ():
            continue
        values = value if name in _LISTS else (value,)
        for item in values:
            field = etree.SubElement(holder, _R + "field", {"name": name})
            field.text = xml_text(item.isoformat() if isinstance(item, dt.date) else str(item))
    if part is not None:
        etree.SubElement(holder, _R + "part").text = xml_text(part)
    for item in header.agenda_items:
        element = etree.SubElement(holder, _R + "agendaItem", {"number": xml_text(item.number)})
        if item.title is not None:
            element.set("title", xml_text(item.title))


def _value(name: str, text: str) -> object:
    """A field's value from its text; ``None`` for a date or number that does not read."""
    if name in _DATES:
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return None
    if name in _NUMBERS:
        return int(text) if text.isdigit() and len(text) < 10 else None
    return text


def read(meta: etree._Element | None) -> Kept | None:
    """The header values and agenda items a resparse export kept; ``None`` for other files."""
    holder = next(meta.iter(_R + "header"), None) if meta is not None else None
    if holder is None:
        return None
    values: HeaderValues = {}
    agenda: list[tuple[str, str | None]] = []
    part: str | None = None
    for element in holder:
        name, text = element.get("name") or "", element.text or ""
        if element.tag == _R + "part":
            part = text or None
        elif element.tag == _R + "agendaItem":
            agenda.append((element.get("number") or "", element.get("title")))
        elif name in _LISTS:
            values[name] = (*values.get(name, ()), text)
        elif name in FIELDS:
            values[name] = _value(name, text)
    return Kept(values, tuple(agenda), part)
