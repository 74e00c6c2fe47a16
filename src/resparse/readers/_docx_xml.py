"""WordprocessingML names and the small readers of its properties that the Word reader shares.

Each reader takes an element (or ``None``) and gives a plain value, so the body walk and
the style tables read properties the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from resparse.readers.base import int_or

if TYPE_CHECKING:
    from lxml import etree


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_TRUE = {"true", "1", "on"}


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


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
