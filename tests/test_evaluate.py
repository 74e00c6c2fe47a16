"""The evaluation module on the fixtures: alignment, scores, report."""

from __future__ import annotations

import pathlib

import pytest

import resparse
from resparse import evaluate
from resparse.readers.akn import from_akn, render_akn

pytest.importorskip("lxml")
FIXTURES = pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "akn"


def test_evaluate_align_pairs_in_order_and_skips_strays() -> None:
    gold = [
        "Recalling its resolution 1/1",
        "Noting the report of the Secretary-General",
        "Welcoming the work",
    ]
    predicted = [
        "Recalling its resolution 1/1",
        "Stray text about something else entirely",
        "Noting the report of the Secretary-General",
        "Welcoming the work",
    ]
    assert evaluate.align(gold, predicted) == [(0, 0), (1, 2), (2, 3)]


def test_evaluate_score_of_a_perfect_parse() -> None:
    path = FIXTURES / "A_RES_78_109.xml"
    gold = from_akn(path)
    predicted = resparse.parse_document(render_akn(path))
    counts = evaluate.score(gold, predicted)
    assert counts["pre.tp"] == 4
    assert counts["pre.fp"] == counts["pre.fn"] == 0
    assert counts["op.tp"] == 4
    assert counts["pre.lead.ok"] == counts["pre.lead.n"] == 4
    assert counts["header.symbol.ok"] == 1
    assert counts["text.ok"] == counts["text.n"] == 8


def test_evaluate_score_counts_a_changed_text() -> None:
    """The text column: a clause whose words changed is aligned but not exact."""
    path = FIXTURES / "A_RES_78_109.xml"
    gold = from_akn(path)
    text = render_akn(path).text
    first = gold.preamble[0].text.split()[-2]
    predicted = resparse.parse(text.replace(f" {first} ", f" {first}x ", 1))
    counts = evaluate.score(gold, predicted)
    assert counts["pre.tp"] == 4
    assert counts["text.n"] == 8
    assert counts["text.ok"] == 7


def test_evaluate_score_counts_a_missing_paragraph() -> None:
    path = FIXTURES / "A_RES_78_109.xml"
    gold = from_akn(path)
    text = render_akn(path).text
    cut = text.index("2.\t")
    predicted = resparse.parse(text[:cut] + text[text.index("3.\t") :])
    counts = evaluate.score(gold, predicted)
    assert counts["op.fn"] == 1
    assert counts["op.tp"] == 3


def test_evaluate_runs_on_cases_and_formats_a_report(tmp_path: pathlib.Path) -> None:
    shared = tmp_path / "shared"
    folder = shared / "unxml" / "ga" / "78session" / "English"
    folder.mkdir(parents=True)
    (folder / "A_RES_78_109.xml").write_bytes((FIXTURES / "A_RES_78_109.xml").read_bytes())
    selected = evaluate.cases(shared, ["markup-italic", "markup-plain"])
    assert {c.shape for c in selected} == {"markup-italic", "markup-plain"}
    report = evaluate.run(selected)
    table = evaluate.format_report(report)
    assert "markup-italic" in table
    assert report.total("markup-italic").f1("pre")[2] == 1.0


def test_evaluate_main_skips_without_shared(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert evaluate.main(["--shared", str(tmp_path / "absent")]) == 0
    assert "skipped" in capsys.readouterr().out


@pytest.mark.issue(5)
def test_evaluate_scores_only_the_leads_the_markup_marks() -> None:
    """A lead from_akn read from roman words comes from the parser's own tables: not gold."""
    path = FIXTURES / "slips" / "A_RES_78_263.xml"
    gold = from_akn(path)
    assert gold.preamble[0].lead_italic is False
    counts = evaluate.score(gold, resparse.parse(render_akn(path).text))
    assert counts["pre.lead.n"] == len(gold.preamble) - 1
