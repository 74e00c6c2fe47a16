"""HTML pages as the text a browser shows, with italic and raised spans from the markup.

The UN's web pages, Word's "save as web page" and converters all mark lead phrases with
``<i>``, ``<em>``, a class named ``italic`` or an inline ``font-style`` (in Chinese, whose
leads are bold, with ``<b>``, ``<strong>``, a class ``bold`` or a ``font-weight``). This
reader parses the page with selectolax's lexbor engine (a C HTML5 parser: the same tree a
browser builds from broken markup, at tens of megabytes a second) and lays the tree out
as a browser would lay out its text: block elements start new paragraphs with a blank
line between them, ``<br>`` and table rows end lines, table cells are parted by tabs,
white space collapses, and numbered lists show their numbers. Scripts, styles, templates,
comments and the document head are never part of the text, and nothing is ever executed
or fetched.
"""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING

import attrs
import regex

from resparse._deadline import check_deadline
from resparse.errors import InputDecodeError, InputError, InputTooLargeError, MissingExtraError
from resparse.model import Diagnostic, Span
from resparse.readers._lead_runs import lead_runs
from resparse.readers.base import Document, add_range, int_or, roman
from resparse.readers.dispatch import decode_text

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

__all__ = ["read_html"]

# Elements whose content is never text a reader sees.
_DROPPED = frozenset(
    {
        "head", "script", "style", "template", "noscript", "title", "meta", "link",
        "svg", "math", "iframe", "object", "embed", "canvas", "select", "textarea",
        "button", "datalist",
    }
)  # fmt: skip
# Elements that stand as paragraphs of their own (a blank line before and after).
_BLOCKS = frozenset(
    {
        "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section",
        "article", "header", "footer", "main", "nav", "aside", "ul", "ol", "dl", "dt", "dd",
        "table", "pre", "hr", "address", "figure", "figcaption", "form", "fieldset",
        "details", "summary", "center", "caption", "body", "html", "thead", "tbody", "tfoot",
    }
)  # fmt: skip
_ITALIC_TAGS = frozenset({"i", "em", "cite", "dfn", "var"})
_BOLD_TAGS = frozenset({"b", "strong"})  # Chinese leads are bold: see _lead_runs
_WHITESPACE_RE = regex.compile(r"[ \t\n\r\f]+")  # HTML's white space; no-break spaces stay
_ITALIC_CLASS_RE = regex.compile(r"(?:^|\s)italic(?:\s|$)", regex.IGNORECASE)
_FONT_STYLE_RE = regex.compile(
    r"(?:^|;)\s*font(?:-style)?\s*:[^;]*?\b(?P<style>italic|oblique|normal)\b", regex.IGNORECASE
)
_BOLD_CLASS_RE = regex.compile(r"(?:^|\s)bold(?:\s|$)", regex.IGNORECASE)
_FONT_WEIGHT_RE = regex.compile(
    r"(?:^|;)\s*font(?:-weight)?\s*:[^;]*?\b(?P<weight>bold(?:er)?|[5-9]00|normal|lighter|[1-4]00)\b",
    regex.IGNORECASE,
)
_SUPER_STYLE_RE = regex.compile(r"(?:^|;)\s*vertical-align\s*:\s*super\b", regex.IGNORECASE)
_CHARSET_RE = regex.compile(
    rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?(?P<name>[\w.:-]{1,40})", regex.I
)
_CHARSET_WINDOW = 1024  # where the HTML standard stops looking for a declaration
# Codecs that Python can look up but that are not character sets: a page naming one is
# refused, never decoded by it (punycode also takes quadratic time).
_NOT_CHARSETS = frozenset(
    {"punycode", "idna", "undefined", "unicode_escape", "raw_unicode_escape", "mbcs", "oem"}
)
# The largest list number read, as browsers keep it (a 32-bit integer).
MAX_LIST_NUMBER = 2**31 - 1
# How deep elements may nest. An HTML5 parser checks the stack of open elements at each tag,
# so nesting 100,000 deep takes minutes; real pages nest a few dozen deep.
MAX_DEPTH = 1000
_TAG_RE = regex.compile(r"<(/?)([A-Za-z][^\s/>]{0,40})[^>]*?(/?)>")
# Elements that never have content, or that the parser closes by itself when the next one
# opens (a "<p>" ends the "<p>" before it): they never make the page deeper.
_FLAT = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "keygen", "frame", "basefont", "bgsound", "image",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody",
        "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body",
    }
)  # fmt: skip
# Elements whose end tag an HTML parser does not look past for an open element to close.
_SCOPES = frozenset({"applet", "marquee", "object", "table", "template", "html"})
_RAW = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"})


@attrs.define
class _Style:
    """What an element passes to its content."""

    italic: bool = False
    raised: bool = False
    pre: bool = False
    bold: bool = False


@attrs.define
class _Writer:
    """Text written the way a browser lays it out, with the ranges of italic and raised text."""

    parts: list[str] = attrs.field(factory=list)
    length: int = 0
    breaks: int = 0  # newlines owed before the next text (at most two: one blank line)
    space: bool = False  # a collapsed space owed before the next text on this line
    space_italic: bool = False
    at_line_start: bool = True
    italics: list[tuple[int, int]] = attrs.field(factory=list)
    raised: list[tuple[int, int]] = attrs.field(factory=list)
    bolds: list[tuple[int, int]] = attrs.field(factory=list)

    def owe_break(self, count: int) -> None:
        self.breaks = max(self.breaks, count)

    def line_break(self) -> None:
        """``<br>``: each one ends a line, so two in a row leave an empty line."""
        self.breaks = min(self.breaks + 1, 2)

    def raw(self, chunk: str) -> None:
        """Write ``chunk`` as it is (a tab between cells, a list number)."""
        self._flush(italic=False)
        self._put(chunk)

    def text(self, chunk: str, style: _Style) -> None:
        """Write the content of a text node."""
        if style.pre:
            self._flush(italic=style.italic)
            self._write(chunk, style)
            return
        chunk = _WHITESPACE_RE.sub(" ", chunk)
        if chunk.startswith(" "):
            self._owe_space(italic=style.italic)
            chunk = chunk[1:]
        trailing = chunk.endswith(" ")
        chunk = chunk.rstrip(" ")
        if chunk:
            self._flush(italic=style.italic)
            self._write(chunk, style)
        if trailing:
            self._owe_space(italic=style.italic)

    def finish(self) -> str:
        return "".join(self.parts)

    def _owe_space(self, *, italic: bool) -> None:
        if not self.at_line_start and not self.parts[-1].endswith("\t"):
            self.space = True
            self.space_italic = italic

    def _flush(self, *, italic: bool) -> None:
        if self.breaks and self.length:
            self._put("\n" * self.breaks)
            self.at_line_start = True
        self.breaks = 0
        if self.space and not self.at_line_start:
            start = self.length
            self._put(" ")
            # a space is italic only between italic words, never at an italic run's edge
            if italic and self.space_italic and self.italics and self.italics[-1][1] == start:
                add_range(self.italics, start, self.length)
        self.space = False

    def _write(self, chunk: str, style: _Style) -> None:
        start = self.length
        self._put(chunk)
        if style.italic:
            add_range(self.italics, start, self.length)
        if style.raised:
            add_range(self.raised, start, self.length)
        if style.bold:
            add_range(self.bolds, start, self.length)
        self.at_line_start = chunk.endswith("\n")

    def _put(self, chunk: str) -> None:
        self.parts.append(chunk)
        self.length += len(chunk)
        self.at_line_start = False


def read_html(source: str | bytes, *, path: str | None = None) -> Document:
    """Read an HTML page into a Document of its visible text, with italic and raised spans.

    ``bytes`` are decoded as UTF-8 (or UTF-16 with a mark); a page that is not UTF-8 but
    declares its charset in a ``<meta>`` near the top is decoded by that declaration, with
    a diagnostic. Offsets point into the laid-out text, not into the markup.
    """
    diagnostics: list[Diagnostic] = []
    if isinstance(source, (bytes, bytearray, memoryview)):
        markup, diagnostics = _decode(bytes(source), path)
    elif isinstance(source, str):
        markup = source
    else:
        msg = f"read_html() takes str or bytes, not {type(source).__name__}"
        raise TypeError(msg)
    try:
        from selectolax.lexbor import LexborHTMLParser  # noqa: PLC0415 - loaded for HTML input only
    except ImportError as error:
        raise MissingExtraError(
            feature="reading HTML", extra="html", package="selectolax"
        ) from error
    _check_depth(markup, path)
    parser = LexborHTMLParser(markup)  # kept alive while the walk uses its nodes
    writer = _Writer()
    if parser.root is not None:
        try:
            _lay_out(parser.root, writer)
        except InputTooLargeError as error:  # raised where the path is not known
            raise InputTooLargeError(str(error), path=path) from None
    text = writer.finish()
    return Document(
        text=text,
        reader="html",
        italics=tuple(Span(s, e) for s, e in lead_runs(text, writer.italics, writer.bolds)),
        diagnostics=tuple(diagnostics),
        path=path,
        superscripts=tuple(Span(s, e) for s, e in writer.raised),
    )


def _decode(data: bytes, path: str | None) -> tuple[str, list[Diagnostic]]:
    """The page as text: UTF-8 by resparse's policy, else the charset the page declares."""
    try:
        return decode_text(data, path=path)
    except InputDecodeError:
        declared = _CHARSET_RE.search(data[:_CHARSET_WINDOW])
        if declared is None:
            raise
        name = declared["name"].decode("ascii")
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            msg = f"the page declares an unknown charset {name!r}"
            raise InputError(msg, path=path) from None
        if codec in {"utf-8", "utf-16", "utf-32"}:
            raise
        not_text = f"the page declares {name!r} as its charset, which is not a character set"
        if codec.replace("-", "_") in _NOT_CHARSETS:
            raise InputError(not_text, path=path) from None
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as error:
            msg = f"the page is not {name} text as it declares: {error.reason}"
            raise InputDecodeError(msg, path=path, offset=error.start) from error
        except (LookupError, UnicodeError, ValueError, TypeError):
            # base64, zlib, rot13 and the like: codecs, but not from bytes to text
            raise InputError(not_text, path=path) from None
        note = Diagnostic(
            "html.charset", f"decoded as {name}, the charset the page declares", "info"
        )
        return text.replace("\x00", " "), [note]


def _check_depth(markup: str, path: str | None) -> None:
    """Refuse a page whose elements nest deeper than :data:`MAX_DEPTH`, before parsing it.

    Follows the open elements as an HTML parser would, closely enough for a bound (see
    :class:`_Nesting`). Comments and the content of scripts and styles are skipped.
    """
    nesting = _Nesting()
    lowered = markup.lower()
    position = lowered.find("<")
    tags = 0
    while position != -1:
        tags += 1
        if not tags % 1024:
            check_deadline("the page's markup")
        if lowered.startswith("<!--", position):
            end = lowered.find("-->", position + 4)
            position = -1 if end == -1 else lowered.find("<", end + 3)
            continue
        tag = _TAG_RE.match(lowered, position)
        if tag is None:
            position = lowered.find("<", position + 1)
            continue
        position = lowered.find("<", tag.end())
        name = tag[2]
        if tag[1]:
            nesting.close(name)
        elif name in _RAW:
            end = lowered.find(f"</{name}", tag.end())
            position = -1 if end == -1 else end
        elif nesting.open(name, self_closed=bool(tag[3])) > MAX_DEPTH:
            msg = f"refused a page whose elements nest more than {MAX_DEPTH:,} deep"
            raise InputTooLargeError(msg, path=path)


@attrs.define
class _Nesting:
    """The stack of open elements, as an HTML parser keeps it, in constant time per tag.

    An end tag closes the elements opened after its own, unless a scope (a table, an
    object) lies between; an end tag for nothing open is ignored; elements that are empty
    or that close themselves never count.
    """

    stack: list[str] = attrs.field(factory=list)
    where: dict[str, list[int]] = attrs.field(factory=dict)  # each name's open positions
    scopes: list[int] = attrs.field(factory=list)  # positions of the open scope elements
    foreign: int = 0  # inside <svg> or <math>, where "<x/>" closes itself

    def open(self, name: str, *, self_closed: bool) -> int:
        """Open an element; returns the depth now."""
        if name in {"svg", "math"}:
            self.foreign += 1
        if name in _FLAT or (self_closed and self.foreign):
            return len(self.stack)
        if name in _SCOPES:
            self.scopes.append(len(self.stack))
        self.where.setdefault(name, []).append(len(self.stack))
        self.stack.append(name)
        return len(self.stack)

    def close(self, name: str) -> None:
        """An end tag: close its element and those inside it, if no scope hides it."""
        positions = self.where.get(name)
        if positions and positions[-1] >= (self.scopes[-1] if self.scopes else -1):
            index = positions[-1]
            for gone in self.stack[index:]:
                self.where[gone].pop()
            del self.stack[index:]
            while self.scopes and self.scopes[-1] >= index:
                self.scopes.pop()
        if name in {"svg", "math"} and self.foreign:
            self.foreign -= 1


def _lay_out(root: LexborNode, writer: _Writer) -> None:
    """Walk the tree without recursion (pages can nest thousands deep) and write its text."""
    # each entry: (node, the style it inherits, whether the walk is leaving it)
    stack: list[tuple[LexborNode, _Style, bool]] = [(root, _Style(), False)]
    numbers: dict[int, list[int]] = {}  # an <ol>'s mem_id -> [next number, step]
    steps = 0
    while stack:
        steps += 1
        if not steps % 1024:
            check_deadline("laying out the page")
        node, style, exiting = stack.pop()
        tag = node.tag or ""
        if exiting:
            _end_block(tag, writer)
            continue
        if tag == "-text":  # lexbor's names for nodes that are not elements start with "-"
            writer.text(node.text_content or "", style)
            continue
        if not tag or tag[0] in "-!#" or tag in _DROPPED:
            continue  # comments, doctype, scripts and the like
        if tag == "br":
            writer.line_break()
            continue
        attributes = node.attributes
        inner = _inherit(style, tag, attributes)
        _end_block(tag, writer)  # a block starts where the text before it ends
        if tag in {"td", "th"} and node.prev is not None and _has_cell_before(node):
            writer.raw("\t")
        if tag == "li":
            _list_number(node, attributes, numbers, writer)
        stack.append((node, style, True))
        children = list(node.iter(include_text=True))
        stack.extend((child, inner, False) for child in reversed(children))


def _end_block(tag: str, writer: _Writer) -> None:
    if tag in _BLOCKS:
        writer.owe_break(2)
    elif tag == "tr":
        writer.owe_break(1)


def _inherit(style: _Style, tag: str, attributes: dict[str, str | None]) -> _Style:
    """The style an element gives its content: italic and raised by tag, class or CSS."""
    italic = style.italic or tag in _ITALIC_TAGS
    bold = style.bold or tag in _BOLD_TAGS
    raised = style.raised or tag == "sup"
    css = attributes.get("style") or ""
    classes = attributes.get("class") or ""
    if classes:
        italic = italic or _ITALIC_CLASS_RE.search(classes) is not None
        bold = bold or _BOLD_CLASS_RE.search(classes) is not None
    if css:
        for match in _FONT_STYLE_RE.finditer(css):
            italic = match["style"].lower() != "normal"
        for weight in _FONT_WEIGHT_RE.finditer(css):
            bold = weight["weight"].lower().startswith(("bold", "5", "6", "7", "8", "9"))
        if _SUPER_STYLE_RE.search(css):
            raised = True
    pre = style.pre or tag in {"pre", "textarea", "listing", "plaintext"}
    if (italic, raised, pre, bold) == (style.italic, style.raised, style.pre, style.bold):
        return style
    return _Style(italic=italic, raised=raised, pre=pre, bold=bold)


def _has_cell_before(cell: LexborNode) -> bool:
    sibling = cell.prev
    while sibling is not None:
        if sibling.tag in {"td", "th"}:
            return True
        sibling = sibling.prev
    return False


def _list_number(
    item: LexborNode,
    attributes: dict[str, str | None],
    numbers: dict[int, list[int]],
    writer: _Writer,
) -> None:
    """Write the number a browser shows before an item of an ``<ol>`` ("1.", "b.", "iv.")."""
    parent = item.parent
    if parent is None or parent.tag != "ol":
        return
    parent_attributes = parent.attributes
    key = parent.mem_id
    if key not in numbers:
        reversed_ = "reversed" in parent_attributes
        count = sum(1 for child in parent.iter() if child.tag == "li") if reversed_ else 1
        start = int_or(parent_attributes.get("start"), count)
        numbers[key] = [start, -1 if reversed_ else 1]
    state = numbers[key]
    value = int_or(attributes.get("value"), state[0])
    if abs(value) > MAX_LIST_NUMBER:  # "start" of 4,000 digits on every <li>: a memory bomb
        msg = f"refused a list number of {len(str(value))} digits (limit {MAX_LIST_NUMBER:,})"
        raise InputTooLargeError(msg)
    state[0] = value + state[1]
    kind = attributes.get("type") or parent_attributes.get("type") or "1"
    writer.raw(f"{_label(value, kind)}.\t")


def _label(value: int, kind: str) -> str:
    if kind in {"a", "A"} and value > 0:
        letters = ""
        while value > 0:
            value, rest = divmod(value - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if kind == "A" else letters
    if kind in {"i", "I"} and 0 < value < 4000:
        numeral = roman(value)
        return numeral.upper() if kind == "I" else numeral
    return str(value)
