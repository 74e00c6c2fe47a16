"""Corpus tables and their data package: every cell fits its declared column (issue 17)."""

from __future__ import annotations

import io
import json
import pathlib
from typing import Any

import jsonschema
import pytest

from resparse import cli
from resparse.tables import TABLES, datapackage, read_table

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "fixtures"

pytestmark = pytest.mark.issue(17)

# Frictionless field types as JSON Schema patterns over the CSV's text
_TYPES: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "integer": {"type": "string", "pattern": r"^-?\d+$"},
    "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    "boolean": {"type": "string", "enum": ["true", "false"]},
}


def row_schema(resource: dict[str, Any]) -> dict[str, Any]:
    """A JSON Schema for one CSV row of a resource: every declared field, and no other."""
    fields = resource["schema"]["fields"]
    return {
        "type": "object",
        "properties": {f["name"]: {"anyOf": [{"const": ""}, _TYPES[f["type"]]]} for f in fields},
        "required": [f["name"] for f in fields],
        "additionalProperties": False,
    }


def write(tmp_path: pathlib.Path, *inputs: str, stdin: str = "", fail: bool = False) -> int:
    args = ["tables", *inputs, "-o", str(tmp_path)]
    if fail:
        args.append("--fail-on-error")
    old = cli.sys.stdin
    cli.sys.stdin = io.StringIO(stdin)
    try:
        return cli.main(args)
    finally:
        cli.sys.stdin = old


def test_tables_validate_against_their_datapackage(tmp_path: pathlib.Path) -> None:
    code = write(tmp_path, str(FIXTURES / "akn"), str(FIXTURES / "A_HRC_RES_46_13.txt"))
    assert code == 0
    package = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
    assert package == json.loads(json.dumps(datapackage()))
    assert [r["name"] for r in package["resources"]] == list(TABLES)
    for resource in package["resources"]:
        schema = row_schema(resource)
        rows = list(read_table(tmp_path, resource["name"]))
        assert rows, resource["name"]
        for row in rows:
            jsonschema.validate(row, schema)
        for field in resource["schema"]["fields"]:
            assert field["description"]
    votes = list(read_table(tmp_path, "votes"))
    seed = [r for r in votes if r["symbol"] == "A/HRC/RES/46/13"]
    assert len(seed) == 193
    assert sum(r["vote"] == "yes" for r in seed) == 26
    documents = {r["path"]: r for r in read_table(tmp_path, "documents")}
    assert documents[str(FIXTURES / "A_HRC_RES_46_13.txt")]["vote_outcome"] == "adopted"


def test_tables_paths_from_stdin_and_fail_on_error(tmp_path: pathlib.Path) -> None:
    stdin = f"{FIXTURES / 'A_HRC_RES_46_13.txt'}\n{tmp_path / 'missing.txt'}\n"
    assert write(tmp_path, "-", stdin=stdin) == 0
    documents = list(read_table(tmp_path, "documents"))
    assert [bool(d["error"]) for d in documents] == [False, True]
    assert documents[1]["error"].startswith("InputError")
    assert write(tmp_path, "-", stdin=stdin, fail=True) == cli.EXIT_INPUT


def test_tables_a_draft_and_its_references(tmp_path: pathlib.Path) -> None:
    assert write(tmp_path, str(FIXTURES / "akn" / "drafts" / "S_2023_792.xml")) == 0
    document = next(read_table(tmp_path, "documents"))
    assert (document["document_type"], document["sponsors"]) == (
        "draft resolution",
        "United States of America",
    )
    cited = [r["cited"] for r in read_table(tmp_path, "references") if r["kind"] == "resolution"]
    assert "S/RES/1701 (2006)" in cited


def test_corpus_documents_carry_header_fields_and_fail_on_error(tmp_path: pathlib.Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "seed.txt").write_text(
        (FIXTURES / "A_HRC_RES_46_13.txt").read_text("utf-8"), encoding="utf-8"
    )
    (folder / "bad.pdf").write_bytes(b"%PDF-1.7 not really")
    out = tmp_path / "out.jsonl"
    args = ["corpus", str(folder), "-o", str(out), "-q", "--jobs", "1"]
    assert cli.main(args) == 0
    records = {r["path"]: r for r in map(json.loads, out.read_text("utf-8").splitlines())}
    seed = records["seed.txt"]
    assert (seed["session"], seed["number"], seed["adopted"]) == (46, "46/13", "2021-03-23")
    assert seed["worst_severity"] is None
    assert records["bad.pdf"]["error"]
    out.unlink()
    assert cli.main([*args, "--fail-on-error"]) == cli.EXIT_INPUT


def test_corpus_reads_paths_from_stdin(tmp_path: pathlib.Path) -> None:
    out = tmp_path / "out.jsonl"
    seed = str(FIXTURES / "A_HRC_RES_46_13.txt")
    old = cli.sys.stdin
    cli.sys.stdin = io.StringIO(f"{seed}\n\n{seed}\n")
    try:
        assert cli.main(["corpus", "-", "-o", str(out), "-q", "--jobs", "1"]) == 0
    finally:
        cli.sys.stdin = old
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [(r["path"], r["symbol"]) for r in records] == [(seed, "A/HRC/RES/46/13")]
