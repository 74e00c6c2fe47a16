"""Akoma Ntoso outlines: the structure the UN's file and an export must share, read back."""

from __future__ import annotations

import os
import pathlib
from typing import TYPE_CHECKING

import attrs
import regex

from resparse._labels import first_label, follows, label_style
from resparse.exports._akn_groups import _A, _LANGUAGES, _lead_class, _local, _profile, _squash

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml import etree


@attrs.frozen
class ParagraphOutline:
    """A numbered operative paragraph: its number (``"1"``), lead and sub-paragraph labels."""

    num: str
    lead: str | None
    points: tuple[str, ...] = ()


@attrs.frozen
class AknOutline:
    """The structure of an AKN resolution that an export of the same resolution must share.

    ``clauses`` holds the lead of each preambular clause (preamble ``container``, and
    ``crossHeading refersTo="#preamble"`` in the mainBody), ``paragraphs`` each numbered
    mainBody paragraph. Leads are whitespace-normalised, without trailing punctuation.
    Annexes are left out.
    """

    clauses: tuple[str | None, ...]
    paragraphs: tuple[ParagraphOutline, ...]


_NUMBERED_RE = regex.compile(r"(?P<n>[\dl]{1,4})(?:\.|\s?[-–])")  # "1.", "l." typed for 1, "1 -"
_TYPED_RE = regex.compile(r"[\s\u200e\u200f]*(?P<n>\d{1,3})(?:\.|\s?[-–])[\u200e\u200f]*\s")
# a sub-paragraph label: (a), (iv), (A), (1), 1.1; or up to three letters of another script
_LETTERS = r"[a-z]{1,5}|[A-Z]|\d{1,3}|[^\p{Latin}\P{L}]{1,3}"
_SUB_RE = regex.compile(rf"\(?(?P<label>{_LETTERS})\)|(?P<label>\d{{1,3}}\.\d{{1,3}})\.?")
_TEXT_SUB_RE = regex.compile(rf"[\s\u200e\u200f]*\((?P<label>{_LETTERS})\)[\u200e\u200f]*\s")
_PART_RE = regex.compile(r"(?P<label>[A-Z])\.")
_HEADING_NUM_RE = regex.compile(r"[A-Z]\.|[IVXLC]{1,7}\.?")
_FORMAT_RE = regex.compile(r"[\u200b-\u200f\u2060\ufeff]")
_TRAILING_RE = regex.compile(r"[\s,;:.،؛，；：。、]+$")  # Latin, Arabic and Chinese marks


def _plain(element: etree._Element) -> str:
    return _FORMAT_RE.sub("", _squash("".join(element.itertext())))


def _chunks(
    element: etree._Element, emphasis: str, *, marked: bool = False
) -> Iterator[tuple[str, bool] | None]:
    """An element's running text as (text, in the lead's face); ``None`` stands for a note."""
    tag = {"italic": "i", "bold": "b"}.get(emphasis, "i")
    marked = marked or _local(element) == tag or emphasis in (element.get("class") or "").split()
    if element.text:
        yield element.text, marked
    for child in element:
        if _local(child) == "authorialNote":
            yield None
        elif isinstance(child.tag, str) and _local(child) != "num":
            yield from _chunks(child, emphasis, marked=marked)
        if child.tail:
            yield child.tail, marked


def _lead_of(
    element: etree._Element | None, emphasis: str, *, typed_number: bool = False
) -> str | None:
    """The run in the lead's face that opens an element's text (after a typed ``N.`` if asked)."""
    if element is None:
        return None
    run: list[str] = []
    for chunk in _chunks(element, emphasis):
        if chunk is None:
            break
        text, marked = chunk
        if marked or (run and not _FORMAT_RE.sub("", text).strip()):
            run.append(text)
            continue
        if not _FORMAT_RE.sub("", text).strip():
            continue
        number = _TYPED_RE.match(text + " ") if typed_number and not run else None
        typed_number = False
        if number is None or (text + " ")[number.end() :].strip():
            break
    lead = _TRAILING_RE.sub("", _squash(_FORMAT_RE.sub("", "".join(run))))
    return lead or None


def _first_block(element: etree._Element) -> etree._Element | None:
    """The first ``p`` (or list introduction) of a paragraph or container, outside its points."""
    for child in element.iter(_A + "p", _A + "listIntroduction"):
        ancestors = {_local(a) for a in child.iterancestors()}
        if not ancestors & {"authorialNote", "point"}:
            return child
    return None


def _label_of(element: etree._Element) -> str:
    num = element.find(_A + "num")
    if num is None and (inner := element.find(_A + "p")) is not None:
        num = inner.find(_A + "num")  # <p><num>XIII</num></p>
    return _plain(num).strip() if num is not None else ""


def _point_labels(element: etree._Element) -> list[str]:
    labels = []
    for point in element.iter(_A + "point"):
        printed = _label_of(point)
        labels.append(printed.strip("()").rstrip(".").strip() or printed)
    return labels


def _bold_only(element: etree._Element) -> bool:
    spans = list(element.iter(_A + "span"))
    return bool(spans) and all("bold" in (s.get("class") or "").split() for s in spans)


def _heading_only(element: etree._Element, label: str) -> bool:
    """A paragraph that only heads what follows: headings alone, ``A.``/``IV``, bold text."""
    names = {_local(c) for c in element if isinstance(c.tag, str)}
    if names and names <= {"num", "heading", "subheading"}:
        return True
    return bool(label and _HEADING_NUM_RE.fullmatch(label)) or _bold_only(element)


@attrs.define
class _OutlineBuilder:
    """Reads statements in order; points typed as ``(a)`` paragraphs join the paragraph before."""

    emphasis: str = "italic"
    language: str = "en"
    clauses: list[str | None] = attrs.field(factory=list)
    paragraphs: list[ParagraphOutline] = attrs.field(factory=list)
    num: str | None = None
    lead: str | None = None
    points: list[str] = attrs.field(factory=list)
    colon: bool = False  # the open paragraph's own text ends with a colon

    def open(self, num: str, lead: str | None, points: list[str], *, colon: bool) -> None:
        self.close()
        self.num, self.lead, self.points, self.colon = num, lead, points, colon

    def close(self) -> None:
        if self.num is not None:
            self.paragraphs.append(ParagraphOutline(self.num, self.lead, tuple(self.points)))
        self.num = None

    def preamble(self, preamble: etree._Element) -> None:
        for child in preamble:
            if _local(child) == "container" and (child.get("name") or not _bold_only(child)):
                self.clauses.append(_lead_of(_first_block(child), self.emphasis))

    def body(self, element: etree._Element) -> None:
        for child in element:
            name = _local(child)
            if name == "section":
                self.close()
                self.body(child)
            elif name == "crossHeading":
                self.cross_heading(child)
            elif name == "paragraph":
                self.paragraph(child)
            elif name in {"num", "heading", "subheading"}:
                self.close()

    def part(self, element: etree._Element, label: str) -> str | None:
        """The letter of a lettered part, as :func:`resparse.from_akn` reads one.

        "A." (in the num, or opening the heading: "ألف - ...") right after the paragraph's
        colon, or the letter after a last point in capitals: the UN's files end the list
        at a part's table, or make the parts headings.
        """
        local = _profile(self.language)
        match = _PART_RE.fullmatch(label) if label else None
        heading = element.find(_A + "heading")
        if match is None and heading is not None:
            match = local.lettered_part_re.match(_plain(heading).strip())
        if match is None:
            return None
        letter, alphabet = match["label"], local.alphabet
        if first_label(letter, alphabet):
            return letter if self.colon and not self.points else None
        last = self.points[-1] if self.points else None
        if last is None or label_style(last, None, alphabet) != "upper":
            return None
        return letter if follows(last, letter, "upper", alphabet) else None

    def cross_heading(self, element: etree._Element) -> None:
        self.close()
        if element.get("refersTo") == "#preamble":
            self.clauses.append(_lead_of(element, self.emphasis))

    def paragraph(self, element: etree._Element) -> None:
        children = [c for c in element if isinstance(c.tag, str)]
        crosses = [c for c in children if _local(c) == "crossHeading"]
        if crosses and all(_local(c) in {"crossHeading", "num", "heading"} for c in children):
            for cross in crosses:
                self.cross_heading(cross)
            return
        label = _label_of(element)
        text = _plain(element)
        numbered = _NUMBERED_RE.fullmatch(label)
        typed = None if label else _TYPED_RE.match(text + " ")
        if numbered is not None or typed is not None:
            num = numbered["n"].replace("l", "1") if numbered else typed["n"] if typed else ""
            first = _first_block(element)
            lead = _lead_of(first, self.emphasis, typed_number=typed is not None)
            colon = first is not None and _plain(first).rstrip().endswith((":", "："))
            self.open(num, lead, _point_labels(element), colon=colon)
            return
        if self.num is None:
            return
        sub = _SUB_RE.fullmatch(label) if label else _TEXT_SUB_RE.match(text + " ")
        found = sub["label"] if sub is not None else self.part(element, label)
        if found is not None:
            self.points.append(found)
            self.points.extend(_point_labels(element))
        elif _heading_only(element, label):
            self.close()
        else:
            self.points.extend(_point_labels(element))


def _statements(root: etree._Element) -> Iterator[etree._Element]:
    """The top statement (or collection) and, for a resolution in parts, each part's."""
    for child in root:
        if _local(child) == "components":
            for component in child:
                yield from (s for s in component if isinstance(s.tag, str))
        elif isinstance(child.tag, str):
            yield child


def outline(xml: bytes | str | os.PathLike[str]) -> AknOutline:
    """The structure of an Akoma Ntoso resolution: clause leads and numbered paragraphs.

    ``xml`` is XML (``bytes``, or a ``str`` starting with ``<``) or a path. The UN's quirks
    are read as :func:`resparse.from_akn` reads them: paragraphs numbered ``(a)`` after an
    operative paragraph are its points, as is a paragraph ``B.`` after its last point
    ``A.``, and a number typed into the text is its number.
    """
    from lxml import etree  # noqa: PLC0415 - lxml loads only when AKN is read

    if isinstance(xml, bytes):
        data = xml
    elif isinstance(xml, str) and xml.lstrip().startswith("<"):
        data = xml.encode("utf-8")
    else:
        data = pathlib.Path(os.fspath(xml)).read_bytes()
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    root = etree.fromstring(data, parser=parser)
    found = next(root.iter(_A + "FRBRlanguage"), None)
    code = (found.get("language") or "eng") if found is not None else "eng"
    language = next((short for short, long in _LANGUAGES.items() if long == code), code)
    builder = _OutlineBuilder(_lead_class(language), language)
    for statement in _statements(root):
        for block in statement:
            if _local(block) == "preamble":
                builder.preamble(block)
            elif _local(block) == "mainBody":
                builder.body(block)
                builder.close()
    return AknOutline(tuple(builder.clauses), tuple(builder.paragraphs))


def first_difference(expected: AknOutline, actual: AknOutline) -> str | None:
    """Where two outlines first part, in words (``None`` when they agree)."""
    for i, (want, got) in enumerate(zip(expected.clauses, actual.clauses, strict=False), start=1):
        if want != got:
            return f"preambular clause {i}: lead {want!r} expected, {got!r} found"
    if len(expected.clauses) != len(actual.clauses):
        return f"{len(expected.clauses)} preambular clauses expected, {len(actual.clauses)} found"
    pairs = zip(expected.paragraphs, actual.paragraphs, strict=False)
    for i, (want_p, got_p) in enumerate(pairs, start=1):
        if want_p.num != got_p.num:
            return f"numbered paragraph {i}: {want_p.num!r} expected, {got_p.num!r} found"
        if want_p.lead != got_p.lead:
            return f"paragraph {want_p.num}: lead {want_p.lead!r} expected, {got_p.lead!r} found"
        if want_p.points != got_p.points:
            return f"paragraph {want_p.num}: {_points_difference(want_p.points, got_p.points)}"
    if len(expected.paragraphs) != len(actual.paragraphs):
        return (
            f"{len(expected.paragraphs)} numbered paragraphs expected, "
            f"{len(actual.paragraphs)} found"
        )
    return None


def _points_difference(want: tuple[str, ...], got: tuple[str, ...]) -> str:
    """The first sub-paragraph label that differs, and the counts."""
    pairs = enumerate(zip(want, got, strict=False))
    at = next((i for i, (a, b) in pairs if a != b), min(len(want), len(got)))
    expected = f"({want[at]})" if at < len(want) else "nothing"
    found = f"({got[at]})" if at < len(got) else "nothing"
    return (
        f"sub-paragraph {at + 1} is {expected} in the expected file, {found} here "
        f"({len(want)} sub-paragraphs expected, {len(got)} found)"
    )
