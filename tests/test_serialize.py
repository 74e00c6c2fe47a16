"""JSON: stable bytes, exact round trips, a version check."""

from __future__ import annotations

import json

import pytest

import resparse
from resparse.serialize import SCHEMA_VERSION, SchemaError, SchemaVersionError

TEXT = "United Nations A/RES/1/1\n\nThe General Assembly,\n\nRecalling x,\n\n1. Decides:\n(a) y;\n(b) z.\n"


def test_serialize_round_trip_is_exact() -> None:
    r = resparse.parse(TEXT)
    assert resparse.Resolution.from_json(r.to_json()) == r
    assert resparse.Resolution.from_dict(r.to_dict()) == r
    assert resparse.from_json(r.to_json()) == r  # the top-level reader, as for from_akn
    assert resparse.from_json(r.to_json().encode("utf-8")) == r


def test_serialize_from_json_refuses_other_json() -> None:
    with pytest.raises(SchemaError):
        resparse.from_json('{"symbol": "A/RES/1/1"}')


def test_serialize_json_is_stable_and_versioned() -> None:
    a, b = resparse.parse(TEXT).to_json(), resparse.parse(TEXT).to_json()
    assert a == b
    data = json.loads(a)
    assert data["schema_version"] == SCHEMA_VERSION
    assert list(data) == sorted(data)
    assert data["preamble"][0]["span"] == {
        "start": data["preamble"][0]["span"]["start"],
        "end": data["preamble"][0]["span"]["end"],
    }


def test_serialize_refuses_another_major_version() -> None:
    data = resparse.parse(TEXT).to_dict()
    data["schema_version"] = "99.0"
    with pytest.raises(SchemaVersionError):
        resparse.Resolution.from_dict(data)


def test_serialize_refuses_unknown_keys() -> None:
    data = resparse.parse(TEXT).to_dict()
    data["surprise"] = 1
    with pytest.raises(SchemaError, match=r"surprise|extra"):
        resparse.Resolution.from_dict(data)
