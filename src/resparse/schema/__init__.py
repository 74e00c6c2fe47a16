"""The JSON Schema of ``Resolution.to_json()`` output, shipped with the package.

``resolution.schema.json`` (JSON Schema draft 2020-12) is generated from the model by
``scripts/build_schema.py`` and checked against it by the tests, so other tools can
validate resparse output without importing resparse.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
from typing import Any

SCHEMA_FILE = "resolution.schema.json"


@functools.lru_cache(maxsize=1)
def _schema_text() -> str:
    return importlib.resources.files(__name__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def json_schema() -> dict[str, Any]:
    """The schema as a new dict on each call, so a caller may change its copy freely."""
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema
