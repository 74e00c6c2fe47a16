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

import cattrs

from resparse.errors import SchemaError, SchemaVersionError
from resparse.model import Resolution, Span, SpanMap

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
    return conv


def unstructure(resolution: Resolution) -> dict[str, Any]:
    """A JSON-ready dict of a result, with its ``schema_version``."""
    data: dict[str, Any] = converter().unstructure(resolution)
    data["schema_version"] = SCHEMA_VERSION
    return data


def structure(data: Any) -> Resolution:  # noqa: ANN401 - any JSON value may arrive here
    """Rebuild a result from :func:`unstructure` output."""
    if not isinstance(data, dict):
        msg = f"expected a JSON object, got {type(data).__name__}"
        raise TypeError(msg)
    payload = dict(data)
    version = str(payload.pop("schema_version", SCHEMA_VERSION))
    if version.split(".", 1)[0] != SCHEMA_VERSION.split(".", 1)[0]:
        msg = f"schema version {version} cannot be read by this resparse (reads {SCHEMA_VERSION})"
        raise SchemaVersionError(msg)
    try:
        return converter().structure(payload, Resolution)
    except (cattrs.BaseValidationError, KeyError, TypeError, ValueError) as error:
        details = (
            "; ".join(cattrs.transform_error(error))
            if isinstance(error, cattrs.BaseValidationError)
            else str(error)
        )
        msg = f"not a serialized Resolution: {details}"
        raise SchemaError(msg) from error


def to_json(resolution: Resolution, *, indent: int | None = None) -> str:
    """The result as JSON text; the same result always gives the same text."""
    return json.dumps(unstructure(resolution), sort_keys=True, ensure_ascii=False, indent=indent)


def from_json(text: str | bytes) -> Resolution:
    """Rebuild a result from :func:`to_json` output."""
    return structure(json.loads(text))
