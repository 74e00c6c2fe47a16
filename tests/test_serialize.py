"""JSON: stable bytes, exact round trips, a version check."""

from __future__ import annotations

import json
import pathlib

import attrs
import pytest

import resparse
from resparse.model import SubParagraph
from resparse.serialize import SCHEMA_VERSION, SchemaError, SchemaVersionError

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "fixtures"
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


# --- hostile JSON (issue 18) ---------------------------------------------------------------


def _seed() -> resparse.Resolution:
    return resparse.parse_file("fixtures/A_HRC_RES_46_13.txt")


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "Expecting value"),
        ("[]", "expected a JSON object, got list"),
        ("[" * 100_000, "nests too deeply"),
        ('{"a":' * 100_000, "nests too deeply"),
        ("1" * 5_000, "digits"),
        (b"\xff\xfe{", "not a serialized Resolution"),
    ],
)
def test_serialize_from_json_raises_schema_error_on_anything_else(
    text: str | bytes, reason: str
) -> None:
    with pytest.raises(SchemaError, match=reason):
        resparse.from_json(text)


@pytest.mark.issue(18)
def test_serialize_from_json_refuses_spans_past_the_source() -> None:
    data = json.loads(_seed().to_json())
    data["operative"][0]["span"]["end"] = len(data["source"]) + 1
    with pytest.raises(SchemaError, match="reaches past the source"):
        resparse.from_json(json.dumps(data))


def _nested(depth: int) -> resparse.Resolution:
    seed = _seed()
    first = seed.operative[0]
    item = None
    for _ in range(depth):
        item = SubParagraph("a", "x", first.span, () if item is None else (item,))
    assert item is not None
    deep = attrs.evolve(first, subparagraphs=(item,))
    return attrs.evolve(seed, operative=(deep, *seed.operative[1:]))


@pytest.mark.issue(18)
def test_serialize_deeply_nested_subparagraphs_round_trip() -> None:
    deep = _nested(300)
    text = deep.to_json()
    assert text.count('"label": "a"') == 300
    assert resparse.from_json(text) == deep


@pytest.mark.issue(18)
def test_serialize_to_json_escapes_surrogates_and_noncharacters() -> None:
    result = resparse.parse("The General Assembly,\n\n1. Decides \udcff, \ufffe and \U0001fffe.")
    text = result.to_json()
    text.encode("utf-8")  # a lone surrogate would not encode
    assert "\\udcff" in text
    assert "\\ufffe" in text
    assert "\\ud83f\\udffe" in text
    assert resparse.from_json(text) == result


def test_serialize_from_json_names_a_corpus_line(tmp_path: pathlib.Path) -> None:
    """A `resparse corpus` line is a table record without the source: the error says so
    and names the reader that takes it (issue 17)."""
    from resparse.cli import main  # noqa: PLC0415
    from resparse.corpus import DocumentResult  # noqa: PLC0415

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "seed.txt").write_bytes((FIXTURES / "A_HRC_RES_46_13.txt").read_bytes())
    out = tmp_path / "out.jsonl"
    assert main(["corpus", str(folder), "-o", str(out), "-q", "--jobs", "1"]) == 0
    line = out.read_text("utf-8").splitlines()[0]
    with pytest.raises(SchemaError, match=r"resparse corpus.*DocumentResult\.from_record"):
        resparse.from_json(line)
    assert DocumentResult.from_record(json.loads(line)).document["symbol"] == "A/HRC/RES/46/13"
