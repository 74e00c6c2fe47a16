"""The shipped JSON Schema: real outputs validate, broken ones do not, and it is never stale."""

from __future__ import annotations

import copy
import importlib.util
import json
import pathlib
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resparse
from resparse.readers.akn import from_akn
from resparse.readers.pdf import read_pdf
from resparse.schema import json_schema
from resparse.serialize import SCHEMA_VERSION
from tests.property.strategies import Built, mutated, resolutions

if TYPE_CHECKING:
    from collections.abc import Callable

jsonschema = pytest.importorskip("jsonschema")

ROOT = pathlib.Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SCRIPT = ROOT / "scripts" / "build_schema.py"
SEED = (FIXTURES / "A_HRC_RES_46_13.txt").read_text(encoding="utf-8")

BUILT = {
    "sub-paragraphs, nested": (
        "United Nations A/RES/80/7\n\nThe General Assembly,\n\n*Recalling* its resolution 79/1,\n\n"
        "1. *Decides*:\n(a) to act;\n(i) at once;\n(ii) in full;\n(b) to report;\n"
        "2. *Requests* the Secretary-General to report.\n\n45th plenary meeting\n7 December 2025\n"
    ),
    "a recorded vote": (
        "United Nations S/RES/9999 (2025)\n\nThe Security Council,\n\nRecalling its resolutions,\n\n"
        "1. Decides to remain seized of the matter.\n\n"
        "[Adopted by a recorded vote of 2 to 1, with 1 abstention. The voting was as follows:\n\n"
        "In favour:\n\nFrance and Ghana\n\nAgainst:\n\nPeru\n\nAbstaining:\n\nChile]\n"
    ),
    "text it cannot place": "¿?\n\nnothing here is a resolution\n\n1) 2) 3)\n",
    "empty": "",
}


def _validator() -> Any:
    return jsonschema.Draft202012Validator(json_schema(), format_checker=jsonschema.FormatChecker())


def _errors(data: object) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in _validator().iter_errors(data)]


def _written(resolution: resparse.Resolution) -> Any:
    return json.loads(resolution.to_json())


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION


def test_schema_is_a_fresh_copy_each_time() -> None:
    first = json_schema()
    first["properties"].clear()
    assert json_schema()["properties"]


def test_schema_accepts_the_seed_and_its_golden_file() -> None:
    assert _errors(_written(resparse.parse_file(FIXTURES / "A_HRC_RES_46_13.txt"))) == []
    golden = json.loads((FIXTURES / "A_HRC_RES_46_13.json").read_text(encoding="utf-8"))
    assert _errors(golden) == []


@pytest.mark.parametrize("path", sorted((FIXTURES / "akn").glob("*.xml")), ids=lambda p: p.stem)
def test_schema_accepts_results_read_from_akoma_ntoso(path: pathlib.Path) -> None:
    assert _errors(_written(from_akn(path))) == []


@pytest.mark.parametrize("path", sorted((FIXTURES / "pdf").glob("*.pdf")), ids=lambda p: p.stem)
def test_schema_accepts_results_read_from_pdf(path: pathlib.Path) -> None:
    assert _errors(_written(resparse.parse_document(read_pdf(path)))) == []


@pytest.mark.parametrize("name", list(BUILT))
def test_schema_accepts_built_texts(name: str) -> None:
    assert _errors(_written(resparse.parse(BUILT[name]))) == []


def test_schema_built_texts_reach_the_optional_branches() -> None:
    # Otherwise the texts above would prove little about sub-paragraphs, votes and diagnostics.
    nested = resparse.parse(BUILT["sub-paragraphs, nested"])
    assert nested.operative[0].subparagraphs[0].subparagraphs
    assert nested.operative[0].lead_italic is True
    voted = resparse.parse(BUILT["a recorded vote"])
    assert voted.vote is not None
    assert voted.vote.in_favour_states
    assert resparse.parse(BUILT["text it cannot place"]).diagnostics


@given(st.text(max_size=500))
def test_schema_accepts_the_result_of_any_text(text: str) -> None:
    assert _errors(_written(resparse.parse(text))) == []


@given(mutated(SEED))
def test_schema_accepts_results_of_mutated_real_text(text: str) -> None:
    assert _errors(_written(resparse.parse(text))) == []


@given(resolutions())
def test_schema_accepts_synthetic_resolutions(built: Built) -> None:
    assert _errors(_written(resparse.parse(built.text))) == []


def _drop_preamble(d: dict[str, Any]) -> None:
    del d["preamble"]


def _negative_offset(d: dict[str, Any]) -> None:
    d["operative"][0]["span"]["start"] = -1


def _span_as_list(d: dict[str, Any]) -> None:
    d["preamble"][0]["span"] = [0, 5]


def _italic_as_text(d: dict[str, Any]) -> None:
    d["operative"][3]["lead_italic"] = "yes"


def _unknown_key(d: dict[str, Any]) -> None:
    d["header"]["surprise"] = 1


def _bad_date(d: dict[str, Any]) -> None:
    d["header"]["adopted"] = "23 March 2021"


def _count_as_text(d: dict[str, Any]) -> None:
    d["vote"]["in_favour"] = "26"


def _other_version(d: dict[str, Any]) -> None:
    d["schema_version"] = "2.0"


def _bad_severity(d: dict[str, Any]) -> None:
    d["diagnostics"] = [{"code": "x", "message": "y", "severity": "fatal", "span": None}]


def _header_span_not_a_span(d: dict[str, Any]) -> None:
    d["header"]["spans"]["symbol"] = 15


BREAKAGES: list[Callable[[dict[str, Any]], None]] = [
    _drop_preamble,
    _negative_offset,
    _span_as_list,
    _italic_as_text,
    _unknown_key,
    _bad_date,
    _count_as_text,
    _other_version,
    _bad_severity,
    _header_span_not_a_span,
]


@pytest.mark.parametrize("breakage", BREAKAGES, ids=lambda f: f.__name__.strip("_"))
def test_schema_rejects_a_broken_document(breakage: Callable[[dict[str, Any]], None]) -> None:
    data = copy.deepcopy(_written(resparse.parse(SEED)))
    breakage(data)
    assert _errors(data) != []


def test_schema_rejects_what_is_not_an_object() -> None:
    assert _errors([]) != []
    assert _errors(None) != []


def test_schema_shipped_file_is_what_the_script_builds_now(
    capsys: pytest.CaptureFixture[str],
) -> None:
    if not SCRIPT.exists():
        pytest.skip("scripts/ is not shipped in this tree")
    spec = importlib.util.spec_from_file_location("build_schema", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.main(["--check"]) == 0, capsys.readouterr().out
    assert json_schema() == script.build_schema()
