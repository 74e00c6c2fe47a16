"""Write ``src/resparse/schema/resolution.schema.json`` from the attrs classes of the model.

The schema is derived, never hand-written, so that it cannot drift from what
``Resolution.to_json()`` writes: every class reachable from :class:`Resolution` becomes a
``$defs`` entry whose properties are its ``attrs`` fields, typed from its annotations.
Three types are not written field by field, and mirror the hooks of
``resparse.serialize.converter``: a :class:`Span` is ``{"start", "end"}``, a
:class:`SpanMap` is an object of spans keyed by field name, and a date is an ISO string.
``tests/test_schema.py`` runs this script with ``--check``, so a model change that is not
followed by a rebuild fails the tests.

Usage: python scripts/build_schema.py [--out PATH] [--check]
"""

from __future__ import annotations

import argparse
import datetime as dt
import inspect
import json
import pathlib
import sys
import types
import typing
from typing import Any

import attrs

from resparse.model import Resolution, Span, SpanMap
from resparse.serialize import SCHEMA_VERSION

ROOT = pathlib.Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src" / "resparse" / "schema" / "resolution.schema.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"

# What the annotations cannot say: the validators on Span forbid negative offsets.
EXTRA: dict[tuple[type, str], dict[str, Any]] = {
    (Span, "start"): {"minimum": 0},
    (Span, "end"): {"minimum": 0},
}
SCALARS: dict[type, str] = {str: "string", bool: "boolean", int: "integer", float: "number"}


def _summary(cls: type) -> str:
    """The first paragraph of a class docstring, on one line."""
    doc = inspect.cleandoc(cls.__doc__ or "")
    return " ".join(doc.split("\n\n", 1)[0].split())


class _Builder:
    """Turns type hints into schemas, collecting one ``$defs`` entry per attrs class."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        """A reference to the definition of ``cls``, built on first use (cycles are fine)."""
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # a placeholder stops the recursion of SubParagraph
            self.defs[name] = self.object_of(cls)
        return {"$ref": f"#/$defs/{name}"}

    def object_of(self, cls: type) -> dict[str, Any]:
        """An attrs class as a closed object: cattrs writes every field, and no other key."""
        hints = typing.get_type_hints(cls)
        properties: dict[str, Any] = {}
        for field in attrs.fields(cls):
            extra = EXTRA.get((cls, field.name), {})
            properties[field.name] = {**self.of(hints[field.name]), **extra}
        return {
            "description": _summary(cls),
            "type": "object",
            "properties": properties,
            "required": list(properties),
            "additionalProperties": False,
        }

    def of(self, hint: Any) -> dict[str, Any]:  # noqa: ANN401 - type hints are any object
        """The schema of one annotation; an unknown type stops the build instead of guessing."""
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if hint is type(None):
            return {"type": "null"}
        if hint in SCALARS:
            return {"type": SCALARS[hint]}
        if hint is dt.date:
            return {"type": "string", "format": "date"}
        if hint is SpanMap:
            return {"type": "object", "additionalProperties": self.ref(Span)}
        if origin is typing.Literal:
            return {"enum": list(args)}
        if origin in {typing.Union, types.UnionType}:
            return self.union([self.of(arg) for arg in args])
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.of(args[0])}
        if isinstance(hint, type) and attrs.has(hint):
            return self.ref(hint)
        msg = f"no JSON Schema rule for {hint!r}: teach scripts/build_schema.py this type"
        raise TypeError(msg)

    @staticmethod
    def union(options: list[dict[str, Any]]) -> dict[str, Any]:
        """``X | None``: a type list when every option is a bare type, else ``anyOf``."""
        if all(list(option) == ["type"] for option in options):
            return {"type": [option["type"] for option in options]}
        return {"anyOf": options}


def build_schema() -> dict[str, Any]:
    """The JSON Schema of ``Resolution.to_json()`` output, as a dict."""
    builder = _Builder()
    top = builder.object_of(Resolution)
    top["properties"]["schema_version"] = {"type": "string", "const": SCHEMA_VERSION}
    top["required"].append("schema_version")
    return {
        "$schema": DIALECT,
        "title": f"resparse Resolution, format {SCHEMA_VERSION}",
        **top,
        "$defs": dict(sorted(builder.defs.items())),
    }


def render(schema: dict[str, Any]) -> str:
    """The schema as the text of the shipped file."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the schema, or with --check tell whether the written one is up to date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=pathlib.Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="fail if the file would change")
    args = parser.parse_args(argv)
    text = render(build_schema())
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date: run scripts/build_schema.py")
            return 1
        print(f"{args.out} is up to date")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote the schema of format {SCHEMA_VERSION} to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
