"""The Word reader's styles and lists: italics and superscript by style, list labels by level.

Styles inherit along ``basedOn`` chains and lists count per level; both are read once per
document, before the body, and both are bounded against hostile files (chains that loop,
counters and labels past ``MAX_COUNTER`` and ``MAX_LABEL``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

import attrs
import regex

from resparse._deadline import check_deadline, checked
from resparse.errors import InputTooLargeError
from resparse.readers._docx_xml import _TRUE, _num_pr, _style_id, _toggle, _val, _w
from resparse.readers.base import int_or, roman

if TYPE_CHECKING:
    from collections.abc import Mapping

    from docx.document import Document as WordDocument


_T = TypeVar("_T")


# The largest list counter read: Word's own start values stop at 32,767, and a letter label
# grows with its value ("zz" is 52), so a counter of 1,000,000,000 would be 38 MB of "a".
MAX_COUNTER = 32_767
# The longest list label written ("1.", "(a)", "IV." in practice): a template may repeat
# its numbers, and a label is written before every paragraph of its list.
MAX_LABEL = 1_024


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
    """Italic, bold and raised settings of each style id, resolved through ``basedOn``."""

    italic: dict[str, bool | None]
    bold: dict[str, bool | None]
    raised: dict[str, bool | None]
    numbering: dict[str, tuple[str, int]]  # paragraph style id -> (numId, ilvl)
    default_paragraph: str | None
    default_italic: bool
    default_bold: bool


def _read_styles(document: WordDocument) -> _Styles:
    """Each style's italic and raised settings, inherited along ``basedOn`` chains."""
    root = document.styles.element
    own_italic: dict[str, bool | None] = {}
    own_bold: dict[str, bool | None] = {}
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
        own_bold[style_id] = _toggle(properties, "b")
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
        bold=_inherited(own_bold, based_on),
        raised=_inherited(own_raised, based_on),
        numbering={
            s: found
            for s, found in _inherited(own_numbering, based_on).items()
            if found is not None
        },
        default_paragraph=default_paragraph,
        default_italic=bool(_toggle(defaults, "i")),
        default_bold=bool(_toggle(defaults, "b")),
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
