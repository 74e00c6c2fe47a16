"""Resolution <-> JSON-ready dicts, kept out of the model classes.

The format: every attrs field by name, spans as ``{"start": s, "end": e}``, dates as ISO
strings, header spans as a name -> span object, and a top-level ``schema_version``.
Keys are sorted on output so the same result always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from typing import Any

import attrs
import cattrs
import regex

from resparse.errors import SchemaError, SchemaVersionError
from resparse.model import Resolution, Span, SpanMap, SubParagraph

# 1.2: Resolution.references; VoteRecord outcome, absent_states, not_participating_states,
# vetoed_by;
# 1.1: more_leads, more_lead_spans. Files of 1.0 and 1.1 still read (new fields default empty).
SCHEMA_VERSION = "1.2"


@functools.lru_cache(maxsize=1)
def converter() -> cattrs.Converter:
    """The converter with resparse's hooks (built once)."""
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    conv.register_structure_hook(dt.date, lambda v, _: dt.date.fromisoformat(v))
    conv.register_unstructure_hook(Span, lambda s: {"start": s.start, "end": s.end})
    conv.register_structure_hook(Span, lambda v, _: Span(int(v["start"]), int(v["end"])))
    conv.register_unstructure_hook(
        SpanMap, lambda m: {k: {"start": s.start, "end": s.end} for k, s in m.items()}
    )
    conv.register_structure_hook(
        SpanMap,
        lambda v, _: SpanMap.from_pairs(
            (k, Span(int(s["start"]), int(s["end"]))) for k, s in v.items()
        ),
    )
    # sub-paragraphs nest as deep as a text numbers them: built without recursion
    conv.register_unstructure_hook(SubParagraph, _unstructure_subparagraph)
    conv.register_structure_hook(SubParagraph, lambda v, _: _structure_subparagraph(v))
    return conv


def _unstructure_subparagraph(top: SubParagraph) -> dict[str, Any]:
    """A sub-paragraph and everything nested in it as dicts, in a loop, not by recursion."""
    root: dict[str, Any] = {}
    stack = [(top, root)]
    while stack:
        item, out = stack.pop()
        children: list[dict[str, Any]] = [{} for _ in item.subparagraphs]
        out.update(
            label=item.label,
            text=item.text,
            span={"start": item.span.start, "end": item.span.end},
            subparagraphs=children,
        )
        stack.extend(zip(item.subparagraphs, children, strict=True))
    return root


_SUB_KEYS = frozenset({"label", "text", "span", "subparagraphs"})


def _structure_subparagraph(data: Any) -> SubParagraph:  # noqa: ANN401 - any JSON value
    """:func:`_unstructure_subparagraph` undone, also in a loop: children before parents."""
    order: list[dict[str, Any]] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if not isinstance(item, dict) or not {"label", "text", "span"} <= item.keys() <= _SUB_KEYS:
            msg = f"a sub-paragraph must be an object with {sorted(_SUB_KEYS)}, not {item!r:.80}"
            raise TypeError(msg)
        children = item.get("subparagraphs", [])
        if not isinstance(children, list):
            msg = f"subparagraphs must be a list, not {type(children).__name__}"
            raise TypeError(msg)
        order.append(item)
        stack.extend(children)
    built: dict[int, SubParagraph] = {}
    for item in reversed(order):  # every child comes after its parent in ``order``
        label, text, span = item["label"], item["text"], item["span"]
        if not isinstance(label, str) or not isinstance(text, str) or not isinstance(span, dict):
            msg = f"a sub-paragraph needs a string label and text and a span: {item!r:.80}"
            raise TypeError(msg)
        children = tuple(built.pop(id(child)) for child in item.get("subparagraphs", []))
        built[id(item)] = SubParagraph(
            label, text, Span(int(span["start"]), int(span["end"])), children
        )
    return built[id(data)]


def unstructure(resolution: Resolution) -> dict[str, Any]:
    """A JSON-ready dict of a result, with its ``schema_version``."""
    data: dict[str, Any] = converter().unstructure(resolution)
    data["schema_version"] = SCHEMA_VERSION
    return data


def structure(data: Any) -> Resolution:  # noqa: ANN401 - any JSON value may arrive here
    """Rebuild a result from :func:`unstructure` output.

    Raises :class:`SchemaError` for anything else, including spans that reach past the
    source (which would make ``raw`` and the exports read outside it).
    """
    if not isinstance(data, dict):
        msg = f"not a serialized Resolution: expected a JSON object, got {type(data).__name__}"
        raise SchemaError(msg)
    payload = dict(data)
    version = str(payload.pop("schema_version", SCHEMA_VERSION))
    if version.split(".", 1)[0] != SCHEMA_VERSION.split(".", 1)[0]:
        msg = f"schema version {version} cannot be read by this resparse (reads {SCHEMA_VERSION})"
        raise SchemaVersionError(msg)
    try:
        resolution = converter().structure(payload, Resolution)
    except RecursionError:
        msg = "not a serialized Resolution: nested too deeply"
        raise SchemaError(msg) from None
    except (cattrs.BaseValidationError, KeyError, TypeError, ValueError) as error:
        details = (
            "; ".join(cattrs.transform_error(error))
            if isinstance(error, cattrs.BaseValidationError)
            else str(error)
        )
        msg = f"not a serialized Resolution: {details}"
        raise SchemaError(msg) from error
    _check_spans(resolution)
    return resolution


def _check_spans(resolution: Resolution) -> None:
    """Every span of the result, however deep, must lie inside its source."""
    size = len(resolution.source)
    stack: list[Any] = [resolution]
    while stack:
        item = stack.pop()
        if isinstance(item, Span):
            if item.end > size:
                msg = (
                    f"not a serialized Resolution: a span [{item.start}, {item.end}) reaches"
                    f" past the source, which has {size:,} characters"
                )
                raise SchemaError(msg)
        elif isinstance(item, SpanMap):
            stack.extend(item[name] for name in item)
        elif isinstance(item, tuple):
            stack.extend(item)
        elif attrs.has(type(item)):
            stack.extend(getattr(item, field.name) for field in attrs.fields(type(item)))


def to_json(resolution: Resolution, *, indent: int | None = None) -> str:
    r"""The result as JSON text; the same result always gives the same text.

    Lone surrogates (a damaged PDF's text) and noncharacters are written as ``\u``
    escapes, so the text encodes as UTF-8 and reads back to the same result.
    """
    text = json.dumps(unstructure(resolution), sort_keys=True, ensure_ascii=False, indent=indent)
    return _ESCAPED_RE.sub(_escape, text)


# JSON strings are the only place such characters can be: keys and numbers are ASCII.
_ESCAPED_RE = regex.compile(r"[\ud800-\udfff]|[\p{Noncharacter_Code_Point}]")


def _escape(match: regex.Match[str]) -> str:
    code = ord(match[0])
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # a noncharacter past the first plane: a surrogate pair
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def from_json(text: str | bytes) -> Resolution:
    """Rebuild a result from :func:`to_json` output; anything else raises SchemaError."""
    if not isinstance(text, (str, bytes, bytearray)):
        msg = f"from_json() takes JSON text as str or bytes, not {type(text).__name__}"
        raise TypeError(msg)
    try:
        data = json.loads(text)
    except RecursionError:
        msg = "not a serialized Resolution: the JSON nests too deeply"
        raise SchemaError(msg) from None
    except ValueError as error:  # not JSON, not UTF-8, or an integer of thousands of digits
        msg = f"not a serialized Resolution: {error}"
        raise SchemaError(msg) from None
    if _is_corpus_record(data):
        msg = (
            "not a serialized Resolution but a line of `resparse corpus` output: a table"
            " record without the source text, so no Resolution can be rebuilt from it;"
            " read it with resparse.corpus.DocumentResult.from_record, or parse the file"
            " again (`resparse parse --format jsonl` writes lines that from_json reads)"
        )
        raise SchemaError(msg)
    return structure(data)


def _is_corpus_record(data: object) -> bool:
    """Whether decoded JSON is a corpus record: a path and rows, and no source."""
    return isinstance(data, dict) and {"path", "rows"} <= data.keys() and "source" not in data
