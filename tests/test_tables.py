"""Corpus tables and their data package: every column described, every cell fits it (issue 17).

The data package is checked without network and without the frictionless package: a JSON
Schema of the Tabular Data Package structure written here, then each written table
against its declared fields (names in order, types, the codes a column may hold).
"""

from __future__ import annotations

import io
import json
import pathlib
import shutil
from typing import Any

import jsonschema
import pytest

from resparse import cli
from resparse.corpus import ROW_COLUMNS, CorpusOutput, DocumentResult
from resparse.tables import TABLES, columns, datapackage, read_table, typed

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "fixtures"
SEED = "A_HRC_RES_46_13.txt"  # a recorded vote: 26 in favour of 47 members
DRAFT = FIXTURES / "akn" / "drafts" / "S_2023_792.xml"  # a draft and its sponsor

pytestmark = pytest.mark.issue(17)

_NAME = r"^[a-z0-9._-]+$"
_FIELD_TYPES = ["string", "integer", "number", "boolean", "date"]
# The structure a Frictionless Tabular Data Package must have, as far as resparse uses it
PACKAGE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["profile", "name", "resources"],
    "properties": {
        "profile": {"const": "tabular-data-package"},
        "name": {"type": "string", "pattern": _NAME},
        "resources": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["name", "path", "profile", "format", "schema", "description"],
                "properties": {
                    "name": {"type": "string", "pattern": _NAME},
                    # a relative POSIX path that does not climb out of the package's folder
                    "path": {"type": "string", "pattern": r"^(?!/)(?!.*\.\.)[^\\]+$"},
                    "profile": {"const": "tabular-data-resource"},
                    "format": {"enum": ["csv", "parquet"]},
                    "schema": {
                        "type": "object",
                        "required": ["fields"],
                        "properties": {
                            "fields": {
                                "type": "array",
                                "minItems": 1,
                                "items": {
                                    "type": "object",
                                    "required": ["name", "type", "description"],
                                    "properties": {
                                        "name": {"type": "string", "minLength": 1},
                                        "type": {"enum": _FIELD_TYPES},
                                        "description": {"type": "string", "minLength": 3},
                                        "constraints": {
                                            "type": "object",
                                            "properties": {
                                                "enum": {"type": "array", "minItems": 1}
                                            },
                                        },
                                    },
                                },
                            },
                            "missingValues": {"type": "array", "items": {"type": "string"}},
                        },
                    },
                },
            },
        },
    },
}

# Frictionless field types as JSON Schema patterns over a CSV cell
_CELL: dict[str, dict[str, Any]] = {
    "string": {"type": "string"},
    "integer": {"type": "string", "pattern": r"^-?\d+$"},
    "number": {"type": "string", "pattern": r"^-?\d+(\.\d+)?([eE]-?\d+)?$"},
    "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    "boolean": {"type": "string", "enum": ["true", "false"]},
}
# and as the Python values a Parquet table reads back as
_VALUE: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (float, int),
    "date": (str,),
    "boolean": (bool,),
}


def cell_schema(field: dict[str, Any]) -> dict[str, Any]:
    """A CSV cell of this field: empty (missing), or its type, and one of its codes if any."""
    kind = dict(_CELL[field["type"]])
    codes = field.get("constraints", {}).get("enum")
    if codes:
        kind = {"enum": [str(code) for code in codes]}
    return {"anyOf": [{"const": ""}, kind]}


def row_schema(resource: dict[str, Any]) -> dict[str, Any]:
    """A JSON Schema for one CSV row of a resource: every declared field, and no other."""
    fields = resource["schema"]["fields"]
    return {
        "type": "object",
        "properties": {f["name"]: cell_schema(f) for f in fields},
        "required": [f["name"] for f in fields],
        "additionalProperties": False,
    }


def check_package(folder: pathlib.Path, descriptor: str = "datapackage.json") -> dict[str, Any]:
    """The descriptor in ``folder``, checked: its structure, and every CSV table against it."""
    package = json.loads((folder / descriptor).read_text("utf-8"))
    jsonschema.validate(package, PACKAGE_SCHEMA)
    for resource in package["resources"]:
        fields = resource["schema"]["fields"]
        names = [f["name"] for f in fields]
        assert len(set(names)) == len(names), resource["name"]
        assert names == list(columns(resource["name"])), resource["name"]
        if resource["format"] != "csv":
            continue
        path = folder / resource["path"]
        header = path.read_text("utf-8").splitlines()[0].split(",")
        assert header == names, resource["name"]  # every written column is described
        schema = row_schema(resource)
        for row in read_table(folder, path.stem):
            jsonschema.validate(row, schema)
    return package


def run(args: list[str], stdin: str = "") -> int:
    old = cli.sys.stdin
    cli.sys.stdin = io.StringIO(stdin)
    try:
        return cli.main(args)
    finally:
        cli.sys.stdin = old


@pytest.fixture(scope="module")
def corpus_in(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    """A small folder: a recorded vote, a draft with its sponsor, two AKN resolutions, a bad file."""
    folder = tmp_path_factory.mktemp("in")
    shutil.copy(FIXTURES / SEED, folder / SEED)
    (folder / "drafts").mkdir()
    shutil.copy(DRAFT, folder / "drafts" / DRAFT.name)
    for name in ("A_RES_77_5.xml", "S_RES_2623_2022.xml"):
        shutil.copy(FIXTURES / "akn" / name, folder / name)
    (folder / "bad.pdf").write_bytes(b"%PDF-1.7 not really")
    return folder


@pytest.fixture(scope="module")
def csv_out(corpus_in: pathlib.Path, tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    out = tmp_path_factory.mktemp("out") / "tables"
    assert run(["corpus", str(corpus_in), "-o", str(out), "-q", "--jobs", "1"]) == 0
    return out


def test_the_codebook_describes_every_column_once() -> None:
    assert columns("rows") == ROW_COLUMNS
    for name, fields in TABLES.items():
        names = [field[0] for field in fields]
        assert len(set(names)) == len(names), name
        assert names[0] == "path", name  # every table joins to documents on the path
        for _field, kind, what, codes in fields:
            assert kind in _FIELD_TYPES
            assert len(what) > 3
            assert all(isinstance(code, _VALUE[kind]) for code in codes)


def test_corpus_folder_tables_validate_against_their_datapackage(csv_out: pathlib.Path) -> None:
    package = check_package(csv_out)
    assert [r["path"] for r in package["resources"]] == [
        "documents.csv",
        "rows.csv",
        "votes.csv",
        "references.csv",
    ]
    for resource in package["resources"]:
        assert list(read_table(csv_out, resource["name"])), resource["name"]
    assert not list(csv_out.glob("*.tmp"))
    assert not (csv_out / ".resparse.partial.jsonl").exists()  # the journal is gone


def test_corpus_folder_documents_votes_and_references(csv_out: pathlib.Path) -> None:
    documents = {r["path"]: r for r in read_table(csv_out, "documents")}
    assert list(documents) == sorted(documents)
    seed = documents[SEED]
    assert (seed["symbol"], seed["session"], seed["number"], seed["adopted"]) == (
        "A/HRC/RES/46/13",
        "46",
        "46/13",
        "2021-03-23",
    )
    assert (seed["vote_method"], seed["in_favour"], seed["worst_severity"]) == (
        "recorded",
        "26",
        "",
    )
    assert float(seed["seconds"]) > 0
    draft = documents["drafts/S_2023_792.xml"]
    assert (draft["sponsors"], draft["sponsor_codes"]) == ("United States of America", "USA")
    assert documents["bad.pdf"]["error"]
    assert documents["bad.pdf"]["symbol"] == ""
    votes = [r for r in read_table(csv_out, "votes") if r["path"] == SEED]
    assert len(votes) == 193  # every Member State on the day, not only the printed ones
    assert sum(r["vote"] == "yes" for r in votes) == 26
    assert {r["voeten"] for r in votes if r["vote"] == "yes"} == {"1"}
    references = [r for r in read_table(csv_out, "references") if r["path"] == SEED]
    assert len(references) == int(seed["n_references"]) > 0
    assert all(r["citing"] == "A/HRC/RES/46/13" for r in references)
    rows = [r for r in read_table(csv_out, "rows") if r["path"] == SEED]
    assert sum(r["kind"] == "operative" for r in rows) == int(seed["n_operative"])


def test_corpus_folder_resumes_from_its_csv(
    corpus_in: pathlib.Path, csv_out: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    out = tmp_path / "again"
    shutil.copytree(csv_out, out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.name != "documents.csv"}
    output = CorpusOutput(out)
    previous = {result.path: result for result in output.previous()}
    assert len(previous) == 5
    seed = previous[SEED]
    assert (seed.document["session"], len(seed.votes), seed.votes[0]["cow"]) == (46, 193, 700)
    args = ["corpus", str(corpus_in), "-o", str(out), "-q", "--jobs", "1", "--resume"]
    assert run(args) == 0
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.name != "documents.csv"}
    assert after == before  # nothing parsed again, the same tables written back


def test_corpus_parquet_tables_and_their_datapackage(
    corpus_in: pathlib.Path, csv_out: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "corpus.parquet"
    assert run(["corpus", str(corpus_in), "-o", str(out), "-q", "--jobs", "1"]) == 0
    package = check_package(tmp_path, "corpus.datapackage.json")
    for resource in package["resources"]:
        assert resource["format"] == "parquet"
        table = pq.read_table(tmp_path / resource["path"])
        fields = resource["schema"]["fields"]
        assert table.column_names == [f["name"] for f in fields]
        for field in fields:
            codes = field.get("constraints", {}).get("enum")
            for value in table.column(field["name"]).to_pylist():
                if value is None:
                    continue
                assert isinstance(value, _VALUE[field["type"]]), (field["name"], value)
                assert codes is None or value in codes, (field["name"], value)
        # the same cells as the CSV folder, timings aside
        name = resource["name"]
        from_csv = [typed(name, row) for row in read_table(csv_out, name)]
        for row in (*from_csv, *(parquet_rows := table.to_pylist())):
            row.pop("seconds", None)
        assert parquet_rows == from_csv, name


def test_corpus_jsonl_records_carry_votes_and_references(
    corpus_in: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    out = tmp_path / "corpus.jsonl"
    assert run(["corpus", str(corpus_in), "-o", str(out), "-q", "--jobs", "1"]) == 0
    records = {r["path"]: r for r in map(json.loads, out.read_text("utf-8").splitlines())}
    seed = records[SEED]
    assert len(seed["votes"]) == 193
    assert set(seed["votes"][0]) == set(columns("votes")) - {"path"}
    assert len(seed["references"]) == seed["n_references"]
    back = DocumentResult.from_record(seed)
    assert back.votes[0]["path"] == SEED
    assert back.to_record() == seed
    old = {k: v for k, v in seed.items() if k not in {"votes", "references"}}
    assert DocumentResult.from_record(old).votes == ()  # a record from before them reads
    assert not (tmp_path / "corpus.datapackage.json").exists()  # JSONL is not tabular


def test_tables_validate_against_their_datapackage(tmp_path: pathlib.Path) -> None:
    args = ["tables", str(FIXTURES / "akn"), str(FIXTURES / SEED), "-o", str(tmp_path)]
    assert run(args) == 0
    package = check_package(tmp_path)
    assert package == json.loads(json.dumps(datapackage()))
    assert [r["name"] for r in package["resources"]] == ["documents", "votes", "references"]
    votes = list(read_table(tmp_path, "votes"))
    seed = [r for r in votes if r["symbol"] == "A/HRC/RES/46/13"]
    assert len(seed) == 193
    assert sum(r["vote"] == "yes" for r in seed) == 26
    documents = {r["path"]: r for r in read_table(tmp_path, "documents")}
    assert documents[str(FIXTURES / SEED)]["vote_outcome"] == "adopted"


def test_a_cell_outside_its_codes_fails_the_check(
    csv_out: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    out = tmp_path / "broken"
    shutil.copytree(csv_out, out)
    votes = out / "votes.csv"
    votes.write_text(votes.read_text("utf-8").replace(",yes,1", ",maybe,1", 1), "utf-8")
    with pytest.raises(jsonschema.ValidationError):
        check_package(out)
    package = json.loads((csv_out / "datapackage.json").read_text("utf-8"))
    del package["resources"][0]["schema"]["fields"][0]["description"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(package, PACKAGE_SCHEMA)


def test_tables_paths_from_stdin_and_fail_on_error(tmp_path: pathlib.Path) -> None:
    stdin = f"{FIXTURES / SEED}\n{tmp_path / 'missing.txt'}\n"
    assert run(["tables", "-", "-o", str(tmp_path)], stdin) == 0
    documents = list(read_table(tmp_path, "documents"))
    assert [bool(d["error"]) for d in documents] == [False, True]
    assert documents[1]["error"].startswith("InputError")
    assert run(["tables", "-", "-o", str(tmp_path), "--fail-on-error"], stdin) == cli.EXIT_INPUT


def test_tables_a_draft_and_its_references(tmp_path: pathlib.Path) -> None:
    assert run(["tables", str(DRAFT), "-o", str(tmp_path)]) == 0
    document = next(read_table(tmp_path, "documents"))
    assert (document["document_type"], document["sponsors"], document["sponsor_codes"]) == (
        "draft resolution",
        "United States of America",
        "USA",
    )
    cited = [r["cited"] for r in read_table(tmp_path, "references") if r["kind"] == "resolution"]
    assert "S/RES/1701 (2006)" in cited


def test_corpus_fail_on_error_and_paths_from_stdin(
    corpus_in: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    out = tmp_path / "out.jsonl"
    args = ["corpus", str(corpus_in), "-o", str(out), "-q", "--jobs", "1", "--fail-on-error"]
    assert run(args) == cli.EXIT_INPUT  # bad.pdf failed
    seed = str(corpus_in / SEED)
    out.unlink()
    stdin = f"{seed}\n\n{seed}\n"
    assert run(["corpus", "-", "-o", str(out), "-q", "--jobs", "1", "--fail-on-error"], stdin) == 0
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [(r["path"], r["symbol"]) for r in records] == [(seed, "A/HRC/RES/46/13")]


def test_table_frame_gives_each_table_with_the_codebook_columns() -> None:
    pytest.importorskip("pandas")
    from resparse.corpus import parse_path, table_frame  # noqa: PLC0415

    results = [parse_path(FIXTURES / SEED, key=SEED), parse_path(DRAFT, key="draft.xml")]
    for name in TABLES:
        frame = table_frame(results, name)
        assert list(frame.columns) == list(columns(name)), name
    votes = table_frame(results, "votes")
    assert len(votes) == 193
    assert str(votes.cow.dtype) == "Int64"
    assert set(table_frame(results, "documents").path) == {SEED, "draft.xml"}
    with pytest.raises(ValueError, match="no table"):
        table_frame(results, "edges")
