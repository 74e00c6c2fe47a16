"""The cover block: header lines -> Header fields, each with the span it was read from.

A line may carry several fields ("United Nations A/HRC/RES/46/13", "Security Council
Distr.: General"), and a field may run over several lines (an agenda item's title, a long
resolution title, "Resolution adopted by the General Assembly / on 7 December 2023").
Each line is read left to right; text that opens no field continues the last open one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import regex

from resparse import _dates
from resparse._build import make_header
from resparse._front_matter import FrontMatter, read_front_matter
from resparse._language import Profile, profile
from resparse._patterns import Gate, gate
from resparse._text import clean, join_lines
from resparse.model import AgendaItem, Diagnostic, Header, Span

if TYPE_CHECKING:
    import datetime as dt

    from resparse._scan import Line

_MARKDOWN_HEADING_RE = regex.compile(r"#{1,6}[ \t]+")
_OLD_NOTE_MARK_RE = regex.compile(r"(?<=[\p{L}\p{P}])(?:\*{1,3}|\d{1,3})/\s*$")
_SESSION_IN_SYMBOL_RE = regex.compile(r"A(?:/HRC|/C\.\d)?/(?:RES/)?(?P<session>\d{1,3})/")

# Fields whose value may run on to the next lines.
_OPEN_ENDED = frozenset(
    {"agenda", "title", "report_line", "adoption_line", "sc_adoption", "sponsors"}
)


@attrs.define
class _Field:
    name: str
    start: int
    end: int
    match: regex.Match[str] | None
    pieces: list[tuple[int, int]]
    closed: bool = False


@attrs.define
class HeaderResult:
    """A header, the lines it could not read, and what it noticed."""

    header: Header
    leftovers: list[Line]
    unread: list[Span]
    diagnostics: list[Diagnostic]
    meeting: str | None = None
    fields_end: int = 0


def read_header(
    source: str,
    lines: list[Line],
    formula: Line | None,
    formula_body: str | None,
    language: str = "en",
) -> HeaderResult:
    """Read the header fields of ``lines`` (everything before the enacting formula).

    A YAML front matter block that opens the text gives the fields the printed cover
    lines after it do not.
    """
    reader = _FieldReader(profile(language))
    front = read_front_matter(source, lines)
    for line in lines[front.next_line :] if front is not None else lines:
        reader.read_line(line)
    return _build(source, reader, formula, formula_body, front)


@attrs.define
class _FieldReader:
    """Finds the fields on each header line, in order, and what continues them."""

    local: Profile
    fields: list[_Field] = attrs.field(factory=list)
    leftovers: list[Line] = attrs.field(factory=list)
    previous: str = ""  # the text of the line read before this one
    # the header fields' patterns, each through its gate: most fail at their first character
    gated: list[tuple[str, Gate]] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.gated = [(name, gate(pattern)) for name, pattern in self.local.header_fields]

    def read_line(self, line: Line) -> None:
        """Open the fields a line holds, left to right; the rest continues or is left over."""
        text, fields = line.text, self.fields
        previous, self.previous = self.previous, text
        if fields and fields[-1].name == "number" and fields[-1].match is not None:
            # "78/60." on a line of its own: the next line is the title, whatever it says
            fields.append(_Field("title", line.start, line.end, None, [(line.start, line.end)]))
            return
        pos = len(text) - len(text.lstrip())
        opened_here = False
        marks = pos  # the field's span keeps the heading marks, so they are covered
        heading = _MARKDOWN_HEADING_RE.match(text, pos)  # "## 46/13. Title" in markdown
        if heading is not None and self.match_field(text, heading.end()) is not None:
            pos = heading.end()
        while pos < len(text):
            found = self.match_field(text, pos)
            if (
                found is not None
                and not opened_here
                and self.repeats_inside_open_field(found[0], text)
            ):
                found = None  # "United Nations regional centres ...", the second line of a title
            if found is None:
                self.read_rest(line, pos, opened_here=opened_here, previous=previous)
                return
            name, match = found
            start, end = line.start + match.start(), line.start + match.end()
            if not opened_here:
                start = min(start, line.start + marks)
            fields.append(_Field(name, start, end, match, [(start, end)]))
            if name == "sponsors" and not opened_here:
                self.take_back_sponsor_lines(fields[-1], line)
            fields[-1].closed = name == "old_number" or (
                name == "report_line" and bool(match["close"])
            )
            opened_here = True
            pos = match.end()
            pos += len(text[pos:]) - len(text[pos:].lstrip())
            if name == "number" and pos < len(text):
                # "78/60. United Nations regional centres ...": all that follows is the title
                rest = (line.start + pos, line.end)
                fields.append(_Field("title", rest[0], rest[1], None, [rest]))
                return

    def take_back_sponsor_lines(self, field: _Field, line: Line) -> None:
        """The lines of a long sponsors list above the one that ends it with ": draft resolution".

        A list that wraps ("Albania, France, United Kingdom of Great Britain" / "and
        Northern Ireland and Guyana: draft resolution") opens no field on its first lines;
        the unread lines right above the closing one, with no sentence end, are its start.
        """
        first = line.index
        while (
            self.leftovers
            and self.leftovers[-1].index == first - 1
            and not self.leftovers[-1].text.rstrip().endswith((".", ";", ":"))
        ):
            above = self.leftovers.pop()
            field.pieces.insert(0, (above.start, above.end))
            field.start = above.start
            first = above.index

    def read_rest(self, line: Line, pos: int, *, opened_here: bool, previous: str = "") -> None:
        """Text at ``pos`` that opens no field: a title, a continuation, or unread text."""
        fields = self.fields
        last = fields[-1] if fields else None
        rest = (line.start + pos, line.end)
        if last is not None and last.name in {"sponsors", "document_type"} and not opened_here:
            # "Italy and Turkmenistan: draft resolution" is followed by the draft's title
            fields.append(_Field("title", rest[0], rest[1], None, [rest]))
        elif (
            last is not None
            and last.name in {"number", "sc_number"}
            and (opened_here or last.match)
        ):
            # "46/13. Promoting mutually beneficial cooperation": the title follows the number
            fields.append(_Field("title", rest[0], rest[1], None, [rest]))
        elif not opened_here and last is not None and self.continues(last, line.text, previous):
            last.pieces.append((line.start, line.end))
            last.end = line.end
            last.closed = last.name == "report_line" and line.text.rstrip().endswith("]")
        elif pos == 0:
            self.leftovers.append(line)
            if last is not None:
                last.closed = True  # a field never runs on across text it did not take
        else:
            fields.append(_Field("unread", rest[0], rest[1], None, [rest]))

    def repeats_inside_open_field(self, name: str, text: str) -> bool:
        """A field that was read already, at the start of a line an open field can take."""
        fields = self.fields
        return (
            bool(fields)
            and any(f.name == name for f in fields)
            and self.continues(fields[-1], text)
        )

    def match_field(self, text: str, pos: int) -> tuple[str, regex.Match[str]] | None:
        """The first field whose pattern matches at ``pos``."""
        names = {f.name for f in self.fields}
        first = text[pos : pos + 1]
        for name, opens in self.gated:
            if name == "issued" and not (
                self.fields and self.fields[-1].name in {"distribution", "symbol"}
            ):
                # a bare date is the issue date right after "Distr.: General", or under
                # the symbol where the cover prints no distribution ("S/RES/237 (1967)" /
                # "14 June 1967")
                continue
            if name == "resolution_of" and "sc_number" not in names:
                continue
            if not opens[first]:
                continue  # no match can start at this character
            match = opens.pattern.match(text, pos)
            if match is not None and match.end() > pos:
                return name, match
        meeting = self.local.meeting_re.match(text, pos) if pos == 0 else None
        if meeting is not None:
            # "1896th Plenary Meeting" above the number, as some copies print the record
            return "meeting", meeting
        return None

    def continues(self, field: _Field, text: str, previous: str = "") -> bool:
        """Whether a line that opens no field carries on ``field``.

        An adoption line without its date goes on where the next line starts with "on" or
        "at", is a date, or completes a date the line before cut ("... on 4 December" /
        "2023").
        """
        if field.closed:
            return False
        if field.name in {"agenda", "title", "report_line"}:
            return True
        if field.name in {"adoption_line", "sc_adoption", "meeting"}:
            return (
                field.match is not None
                and field.match["date"] is None
                and (
                    text in {"on", "at"}
                    or text.startswith(("on ", "at "))
                    or self.local.date_line_re.match(text) is not None
                    or self.completes_date(previous, text)
                )
            )
        return False

    def completes_date(self, previous: str, text: str) -> bool:
        """Whether ``text`` (a short line) finishes a date that ``previous`` began."""
        if len(text) > _DATE_TAIL or not previous:
            return False
        joined = f"{previous.rstrip()} {text}"
        cut = len(previous.rstrip())
        return any(
            match.start() < cut < match.end() for match in self.local.date_re.finditer(joined)
        )


_DATE_TAIL = 20  # the longest end of a date a wrapped line carries ("2023", "December 2023")


@attrs.define
class _HeaderBuilder:
    """Turns the fields found on header lines into Header values, one handler per field."""

    source: str
    language: str = "en"
    values: dict[str, object] = attrs.field(factory=dict)
    spans: list[tuple[str, Span]] = attrs.field(factory=list)
    unread: list[Span] = attrs.field(factory=list)
    agenda: list[AgendaItem] = attrs.field(factory=list)
    diagnostics: list[Diagnostic] = attrs.field(factory=list)
    meeting: str | None = None

    def text_of(self, field: _Field) -> str:
        return clean(join_lines((self.source[a:b] for a, b in field.pieces), self.language))

    def raw_value(self, field: _Field) -> str:
        """A field's clean text; its span keeps the markdown heading marks, its value not."""
        text = clean(self.source[field.start : field.end])
        heading = _MARKDOWN_HEADING_RE.match(text)
        return text[heading.end() :] if heading is not None else text

    def put(self, name: str, value: object, span: Span) -> None:
        """Set a field once; a second occurrence is reported and kept as unread text."""
        if name in self.values:
            message = f"header field {name!r} appears twice"
            self.diagnostics.append(Diagnostic("header.repeated_field", message, "warning", span))
            self.unread.append(span)
            return
        self.values[name] = value
        self.spans.append((name, span))

    def date(self, text: str, span: Span) -> dt.date | None:
        found, _, repaired = _dates.find_date(text, language=self.language)
        if repaired:
            message = f"read the date in {text!r} despite a misspelt month"
            self.diagnostics.append(Diagnostic("ocr.date_repaired", message, "info", span))
        return found

    def add(self, field: _Field) -> None:
        handler = getattr(self, f"_field_{field.name}", None)
        span = Span(field.start, field.end)
        if handler is None or (field.match is None and field.name not in _MATCHLESS):
            self.unread.append(span)
            return
        handler(field, field.match, span)

    def add_front_matter(self, front: FrontMatter) -> None:
        """Take from the front matter the fields the printed cover did not give.

        A field both give, with different values, keeps the printed one and is reported;
        keys that name no field stay inside the block's span, read and listed.
        """
        self.spans.append(("front_matter", front.span))
        unknown: list[str] = []
        for entry in front.entries:
            name = _FRONT_MATTER_KEYS.get(entry.key.casefold().replace("-", "_").replace(" ", "_"))
            if name is None:
                unknown.append(entry.key)
                continue
            value = self.front_value(name, entry.value)
            span = entry.span
            if value is None or value == ():
                message = f"could not read {entry.key!r} in the front matter: {entry.value!r}"
                self.diagnostics.append(
                    Diagnostic("header.front_matter_value", message, "warning", span)
                )
            elif name == "agenda_items" and isinstance(value, tuple):
                if not self.agenda:  # the printed agenda lines, when there are any, win
                    self.agenda.extend(AgendaItem(str(n), None, span) for n in value)
            elif name not in self.values:
                self.values[name] = value
                self.spans.append((name, span))
            elif self.values[name] != value:
                message = (
                    f"the front matter gives {entry.key!r} as {entry.value!r}; "
                    f"the printed header gives {self.values[name]!r}, which is kept"
                )
                self.diagnostics.append(
                    Diagnostic("header.front_matter_disagrees", message, "warning", span)
                )
        if unknown:
            message = f"front matter keys that name no header field: {', '.join(unknown)}"
            self.diagnostics.append(
                Diagnostic("header.front_matter_keys", message, "info", front.span)
            )

    def front_value(self, name: str, text: str) -> object:
        """A front matter value as the header field holds it; None when it cannot be read."""
        if not text:
            return None
        if name in {"adopted", "issued"}:
            return _dates.iso_date(text) or _dates.find_date(text, language=self.language)[0]
        if name == "session":
            # front matter keys are English, and its values often are too ("78th")
            ordinal = text.removesuffix(" session")
            value = _dates.ordinal_value(ordinal, self.language)
            return value if value is not None else _dates.ordinal_value(ordinal, "en")
        if name in {"sponsors", "agenda_items"}:
            return tuple(part for part in (clean(p) for p in text.strip("[]").split(",")) if part)
        return clean(text.strip())

    # one handler per field name ------------------------------------------------------

    def _field_publisher(self, field: _Field, _match: regex.Match[str], span: Span) -> None:
        self.put("publisher", self.text_of(field), span)

    def _field_symbol(self, field: _Field, _match: regex.Match[str], span: Span) -> None:
        self.put("symbol", self.raw_value(field).rstrip("*").rstrip(), span)

    def _field_distribution(self, _field: _Field, match: regex.Match[str], span: Span) -> None:
        self.put("distribution", match["value"], span)

    def _field_issued(self, _field: _Field, match: regex.Match[str], span: Span) -> None:
        self.put("issued", self.date(match["date"], span), span)

    def _field_original_language(self, _field: _Field, match: regex.Match[str], span: Span) -> None:
        self.put("original_language", match["value"], span)

    def _field_body(self, _field: _Field, match: regex.Match[str], span: Span) -> None:
        value = clean(match["value"])
        earlier = self.values.get("body")
        if earlier is not None and self._parent_and_subsidiary(str(earlier), value):
            # a subsidiary body's cover names its parent organ above it ("General Assembly"
            # / "Human Rights Council"): the later line, nearer the title, names the body
            # that adopted the text, and the earlier one is read, not repeated
            self.values["parent_body"] = earlier
            self.spans[:] = [
                ("parent_body", s) if name == "body" else (name, s) for name, s in self.spans
            ]
            self.values["body"] = value
            self.spans.append(("body", span))
            return
        self.put("body", value, span)

    def _parent_and_subsidiary(self, earlier: str, later: str) -> bool:
        """Whether two body lines are a parent organ and a body that reports to it.

        The parent is the General Assembly or the Economic and Social Council; the later
        line names another body that is no principal organ (a joint cover of the
        Assembly and the Security Council names two bodies, each its own).
        """
        if "parent_body" in self.values:
            return False
        local = profile(self.language)
        parent = local.canonical_body(earlier) or earlier
        child = local.canonical_body(later) or later
        return parent in _PARENT_ORGANS and child != parent and child not in _PRINCIPAL_ORGANS

    def _field_session_title(self, _field: _Field, match: regex.Match[str], span: Span) -> None:
        self.put("session_title", clean(match["value"]), span)
        ordinal = _dates.ordinal_value(match["ordinal"], self.language)
        if ordinal is not None:
            self.values.setdefault("session", ordinal)

    def _field_session_dates(self, field: _Field, _match: regex.Match[str], span: Span) -> None:
        self.put("session_dates", self.text_of(field), span)

    def _field_agenda(self, field: _Field, _match: regex.Match[str], _span: Span) -> None:
        self.agenda.extend(_agenda_items(self.source, field, profile(self.language)))

    def _field_report_line(self, field: _Field, _match: regex.Match[str], span: Span) -> None:
        self.put("report_line", self.text_of(field), span)

    def _field_document_reference(
        self, field: _Field, _match: regex.Match[str], span: Span
    ) -> None:
        self.put("report_line", self.raw_value(field), span)

    def _field_adoption_line(self, field: _Field, match: regex.Match[str], span: Span) -> None:
        line_text = self.text_of(field)
        self.put("adoption_line", line_text, span)
        found = self.date(line_text, span)
        if found is not None:
            self.values["adopted"] = found
        if not self.values.get("body") and match["body"]:
            self.values["body"] = clean(match["body"])

    def _field_sc_adoption(self, field: _Field, match: regex.Match[str], span: Span) -> None:
        self._field_adoption_line(field, match, span)
        if match["meeting"]:  # absent when the Council voted by mail
            self.meeting = clean(match["meeting"])

    def _field_number(self, _field: _Field, match: regex.Match[str], span: Span) -> None:
        self.put("number", clean(match["value"]), span)

    _field_sc_number = _field_number

    def _field_meeting(self, field: _Field, match: regex.Match[str], span: Span) -> None:
        """A meeting line among the cover lines: the meeting and date the text was adopted."""
        self.meeting = self.meeting or clean(match["meeting"])
        self.spans.append(("meeting", span))
        found = self.date(self.text_of(field), span)
        if found is not None and "adopted" not in self.values:
            self.values["adopted"] = found
            self.spans.append(("adopted", span))

    def _field_old_number(self, field: _Field, match: regex.Match[str], span: Span) -> None:
        title_start = field.start + match.start("title") - match.start()
        value_end = field.start + len(match[0][: match.start("title") - match.start()].rstrip())
        self.put("number", clean(match["value"]), Span(field.start, value_end))
        self.put("adoption_line", clean(match["title"]), Span(title_start, field.end))
        self.values["adopted"] = self.date(match["date"], span)

    def _field_resolution_of(self, field: _Field, match: regex.Match[str], span: Span) -> None:
        self.put("adoption_line", self.text_of(field), span)
        self.values["adopted"] = self.date(match["date"], span)

    def _field_title(self, field: _Field, _match: regex.Match[str] | None, span: Span) -> None:
        joined = join_lines((self.source[a:b] for a, b in field.pieces), self.language)
        # the older note mark after a title ("... Narcotic Drugs*/") is the note's, not the title's
        self.put("title", clean(_OLD_NOTE_MARK_RE.sub("", joined)), span)

    def _field_sponsors(self, field: _Field, match: regex.Match[str], span: Span) -> None:
        self.put("sponsors", sponsor_names(self.text_of(field), self.language), span)
        self.values["document_type"] = clean(match["kind"]).lower()

    def _field_subject(self, field: _Field, _match: regex.Match[str], span: Span) -> None:
        self.put("subject", self.text_of(field), span)

    def _field_document_type(self, _field: _Field, match: regex.Match[str], span: Span) -> None:
        self.put("document_type", clean(match["value"]).lower(), span)


# Front matter keys (folded: lower case, "_" for "-" and " ") and the fields they give.
_FRONT_MATTER_KEYS = {
    "symbol": "symbol",
    "document_symbol": "symbol",
    "title": "title",
    "number": "number",
    "resolution_number": "number",
    "date": "adopted",
    "adopted": "adopted",
    "adoption_date": "adopted",
    "date_adopted": "adopted",
    "issued": "issued",
    "publication_date": "issued",
    "session": "session",
    "body": "body",
    "organ": "body",
    "agenda_item": "agenda_items",
    "agenda_items": "agenda_items",
    "agenda": "agenda_items",
    "distribution": "distribution",
    "original_language": "original_language",
    "sponsors": "sponsors",
    "document_type": "document_type",
    "publisher": "publisher",
}


# Fields that are opened without a pattern (by position, after another field).
_MATCHLESS = frozenset({"title"})


# the organs other bodies report to, and the principal organs, by their English names
_PARENT_ORGANS = frozenset({"General Assembly", "Economic and Social Council"})
_PRINCIPAL_ORGANS = frozenset(
    {"General Assembly", "Security Council", "Economic and Social Council", "Trusteeship Council"}
)


def _build(
    source: str,
    reader: _FieldReader,
    formula: Line | None,
    formula_body: str | None,
    front: FrontMatter | None = None,
) -> HeaderResult:
    builder = _HeaderBuilder(source, reader.local.code)
    for field in reader.fields:
        builder.add(field)
    if front is not None:
        builder.add_front_matter(front)
    values, spans = builder.values, builder.spans
    if formula is not None and formula_body is not None:
        values["enacting_formula"] = clean(formula.text)
        spans.append(("enacting_formula", Span(formula.start, formula.end)))
        values.setdefault("body", formula_body)
    header = _header(values, builder.agenda, spans)
    fields_end = max((field.end for field in reader.fields), default=0)
    return HeaderResult(
        header, reader.leftovers, builder.unread, builder.diagnostics, builder.meeting, fields_end
    )


def _header(
    values: dict[str, object], agenda: list[AgendaItem], spans: list[tuple[str, Span]]
) -> Header:
    known = {a.name for a in attrs.fields(Header)}
    kwargs = {k: v for k, v in values.items() if k in known}
    if "session" not in kwargs and isinstance(kwargs.get("symbol"), str):
        # "A/RES/77/100", "A/HRC/RES/46/13": the session number is in the symbol itself
        found = _SESSION_IN_SYMBOL_RE.match(str(kwargs["symbol"]))
        if found is not None:
            kwargs["session"] = int(found["session"])
    session_span = next((s for n, s in spans if n == "session_title"), None)
    if "session" in kwargs and session_span is not None:
        spans = [*spans, ("session", session_span)]
    adoption_span = next((s for n, s in spans if n == "adoption_line"), None)
    if "adopted" in kwargs and adoption_span is not None:
        spans = [*spans, ("adopted", adoption_span)]
    return make_header(kwargs, agenda, spans)


def _agenda_items(source: str, field: _Field, local: Profile) -> list[AgendaItem]:
    """The items of an agenda line, each with its title when numbers and titles pair up.

    "Agenda items 136 and 148" followed by two titles gives two items; the first one's
    span runs from the agenda line to its title, the others cover their titles (as the
    Akoma Ntoso reader does). A title may wrap: in a cased language a line that opens
    with a small letter continues the title before it. When numbers and titles do not
    pair up, the line is one item whose title is all the lines after it.
    """
    match = field.match
    printed = clean(match["value"]) if match is not None else ""
    numbers = [n for n in local.agenda_separator_re.split(printed) if n]
    titles: list[list[tuple[int, int]]] = []
    pieces = list(field.pieces[1:])
    if match is not None and "title" in match.re.groupindex and match["title"] is not None:
        # the title on the agenda line itself, where a copy ran the cover's lines together
        # the agenda line's own piece ends where the match ended, wherever the field ran on to
        line_start = field.pieces[0][1] - match.end()
        pieces.insert(0, (line_start + match.start("title"), line_start + match.end("title")))
    for a, b in pieces:
        if titles and local.cased and not source[a : a + 1].isupper():
            titles[-1].append((a, b))
        else:
            titles.append([(a, b)])
    if len(numbers) < 2 or len(numbers) != len(titles):
        title = clean(join_lines(source[a:b] for a, b in pieces)) or None
        return [AgendaItem(number=printed, title=title, span=Span(field.start, field.end))]
    items = []
    for i, (number, pieces) in enumerate(zip(numbers, titles, strict=True)):
        start = field.start if i == 0 else pieces[0][0]
        title = clean(join_lines(source[a:b] for a, b in pieces))
        items.append(AgendaItem(number=number, title=title, span=Span(start, pieces[-1][1])))
    return items


def sponsor_names(line: str, language: str) -> tuple[str, ...]:
    """The States a draft's sponsors line names before its ": draft resolution"."""
    names = line[: max(line.rfind(":"), line.rfind("："))]
    separator = profile(language).sponsor_separator_re
    return tuple(n for n in (clean(p) for p in separator.split(names)) if n)


def read_sponsors_line(line: str, language: str) -> tuple[tuple[str, ...], str] | None:
    """The sponsors and the document type ("draft resolution") of a sponsors line, if it is one.

    The Akoma Ntoso reader calls it on the preface's ``docTitle refersTo="sponsors"``, so
    that a draft read from markup names its sponsors as the same draft parsed as text does.
    """
    pattern = dict(profile(language).header_fields).get("sponsors")
    match = pattern.match(" ".join(line.split())) if pattern is not None else None
    if match is None:
        return None
    return sponsor_names(match.group(0), language), clean(match["kind"]).lower()
