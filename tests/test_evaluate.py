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


def test_evaluate_align_pairs_chinese_items_that_differ_by_a_joined_heading() -> None:
    # the markup joins a heading to the paragraph before it; Chinese prints no spaces
    gold = [
        "强调阿富汗所有相关政治行为体的承诺、采取的行动和取得的成就； 人权、治理与法治",
        "欢迎秘书长的报告；",
    ]
    predicted = [
        "强调阿富汗所有相关政治行为体的承诺、采取的行动和取得的成就；",
        "欢迎秘书长的报告；",
    ]
    assert evaluate.align(gold, predicted) == [(0, 0), (1, 1)]
    assert evaluate.align(["欢迎秘书长的报告；"], ["决定继续处理这个问题。"]) == []


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


def _shared_from_fixtures(tmp_path: pathlib.Path) -> pathlib.Path:
    """A development set in miniature: two GA sessions and one Security Council year."""
    shared = tmp_path / "shared"
    for folder, name in (
        ("ga/77session/English", "A_RES_77_5.xml"),
        ("ga/78session/English", "A_RES_78_109.xml"),
        ("ga/78session/English", "A_RES_78_64.xml"),
        ("sc/2020/English", "S_RES_2547_2020.xml"),
    ):
        target = shared / "unxml" / folder
        target.mkdir(parents=True, exist_ok=True)
        (target / name).write_bytes((FIXTURES / name).read_bytes())
    return shared


@pytest.mark.issue(16)
def test_evaluate_folds_hold_out_sessions_and_blocks(tmp_path: pathlib.Path) -> None:
    shared = _shared_from_fixtures(tmp_path)
    names = {fold.name: fold for fold in evaluate.folds(shared)}
    assert set(names) == {"GA 77 en", "GA 78 en", "SC 2020-2022"}
    assert {p.name for p in names["GA 78 en"].files} == {"A_RES_78_109.xml", "A_RES_78_64.xml"}


@pytest.mark.issue(16)
def test_evaluate_learner_leaves_the_held_out_part_out(tmp_path: pathlib.Path) -> None:
    shared = _shared_from_fixtures(tmp_path)
    learner = evaluate.Learner(shared)
    everything = learner.texts()
    assert set(everything["leads"]) == {"en.tsv", "en.sc.tsv"}
    assert set(everything["hyphens"]) == {"en.hyphens.tsv"}
    assert "3 files" in everything["leads"]["en.tsv"]
    fold = next(f for f in evaluate.folds(shared) if f.name == "GA 78 en")
    without = learner.texts(fold.files)
    assert "1 files" in without["leads"]["en.tsv"]
    assert without["leads"]["en.sc.tsv"] == everything["leads"]["en.sc.tsv"]
    assert "2 files" in without["hyphens"]["en.hyphens.tsv"]
    assert without["leads"]["en.tsv"] != everything["leads"]["en.tsv"]


@pytest.mark.issue(16)
def test_evaluate_held_out_scores_every_case_twice(tmp_path: pathlib.Path) -> None:
    shared = _shared_from_fixtures(tmp_path)
    selected = evaluate.cases(shared, ["markup-plain"])
    result = evaluate.run_held_out(selected, shared)
    assert result.in_sample.total("markup-plain").documents == len(selected) == 4
    assert result.held_out.total("markup-plain").documents == 4
    assert sorted(n for _, n in result.folds) == [1, 1, 2]
    table = evaluate.format_held_out(result)
    assert "pre F1 in/out" in table
    assert "markup-plain       GA   en" in table
    folds = evaluate.format_folds(result)
    assert "GA 78 en" in folds
    assert "SC 2020-2022" in folds
    # the shipped tables are back after the run
    from resparse import _lead_tables  # noqa: PLC0415

    assert _lead_tables._REPLACED == {}


@pytest.mark.issue(16)
def test_evaluate_self_check_counts_wrong_and_warned_documents() -> None:
    path = FIXTURES / "A_RES_78_109.xml"
    gold = from_akn(path)
    right = evaluate.score(gold, resparse.parse_document(render_akn(path)))
    assert right["check.right"] == 1
    assert right["check.right_quiet"] == 1
    text = render_akn(path).text
    cut = text.index("2.\t")
    # paragraph 2 gone and the numbers go 1, 3: wrong, and today without a warning
    wrong = evaluate.score(gold, resparse.parse(text[:cut] + text[text.index("3.\t") :]))
    assert wrong["check.wrong"] == 1
    assert evaluate.structural_errors(wrong) >= 1
    report = evaluate.Report()
    tally = report.groups.setdefault(("markup-plain", "GA", "en"), evaluate.Tally())
    tally.counts.update(right)
    tally.counts.update(wrong)
    table = evaluate.format_self_check(report)
    assert "warned" in table
    assert "quiet" in table
    row = table.splitlines()[2].split()
    assert row[3:7] == ["1", f"{100 * wrong['check.wrong_warned']:.2f}", "1", "100.00"]


@pytest.mark.issue(16)
def test_evaluate_main_held_out_prints_both_tables(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = _shared_from_fixtures(tmp_path)
    assert evaluate.main(["--shared", str(shared), "--shape", "markup-plain", "--held-out"]) == 0
    out = capsys.readouterr().out
    assert "in sample / held out" in out
    assert "self-check, held out" in out
    assert "by part held out" in out


@pytest.mark.issue(16)
def test_evaluate_learner_leaves_later_folders_out_unless_told(tmp_path: pathlib.Path) -> None:
    """The shipped tables never learn from SC 2000-2012 or the drafts not adopted."""
    shared = _shared_from_fixtures(tmp_path)
    for folder in ("2005", "drafts-not-adopted"):
        later = shared / "unxml" / "sc" / folder / "English"
        later.mkdir(parents=True)
        source = (FIXTURES / "S_RES_2623_2022.xml").read_bytes()
        (later / f"S_RES_2623_{folder}.xml").write_bytes(source)
    shipped_like = evaluate.Learner(shared).texts()["leads"]["en.sc.tsv"]
    everything = evaluate.Learner(shared, everything=True).texts()["leads"]["en.sc.tsv"]
    assert "1 files" in shipped_like
    assert "3 files" in everything
    assert {"SC 2000-2012", "SC drafts not adopted"} <= {f.name for f in evaluate.folds(shared)}


@pytest.mark.issue(16)
def test_evaluate_held_out_row_is_empty_where_nothing_was_held_out() -> None:
    """A group scored in sample only shows no held-out figures, not another group's."""
    in_sample, held_out = evaluate.Report(), evaluate.Report()
    for report, key in (
        (in_sample, ("markup-plain", "GA", "en")),
        (in_sample, ("markup-plain", "SC", "en")),
        (held_out, ("markup-plain", "GA", "en")),
    ):
        tally = report.groups.setdefault(key, evaluate.Tally())
        tally.documents = 1
        tally.counts.update({"pre.tp": 1, "op.tp": 1})
    table = evaluate.format_held_out(evaluate.HeldOut(in_sample, held_out, []))
    sc_row = next(line for line in table.splitlines() if "   SC   " in line)
    assert "100.00/-" in sc_row
    ga_row = next(line for line in table.splitlines() if "   GA   " in line)
    assert "100.00/100.00" in ga_row


def test_the_markdown_shape_writes_each_italic_run_as_emphasis() -> None:
    """``markup-markdown`` puts asterisks around the italic runs, their spaces outside."""
    from resparse._eval_cases import as_markdown  # noqa: PLC0415 - one test's helper
    from resparse.model import Span  # noqa: PLC0415
    from resparse.readers.base import Document  # noqa: PLC0415

    text = "The General Assembly,\nRecalling also its resolution,\n1. Decides to act.\n"
    italics = (Span(0, 20), Span(22, 37), Span(56, 63))
    markdown = as_markdown(Document(text=text, italics=italics))
    assert markdown == (
        "*The General Assembly*,\n*Recalling also* its resolution,\n1. *Decides* to act.\n"
    )
    result = resparse.parse(markdown)
    assert [c.lead for c in result.preamble] == ["Recalling also"]
    assert [p.lead for p in result.operative] == ["Decides"]


def test_the_wrapped_shape_breaks_lines_where_the_next_word_does_not_fit() -> None:
    """``markup-wrapped`` fills lines to a width; a Chinese character takes two columns and
    closing punctuation never opens a line."""
    from resparse._eval_cases import as_wrapped  # noqa: PLC0415 - one test's helper

    text = "Recalling its resolution on the Convention on the Prohibition,\nNoting it,"
    assert as_wrapped(text, 20).split("\n") == [
        "Recalling its",
        "resolution on the",
        "Convention on the",
        "Prohibition,",
        "Noting it,",
    ]
    assert as_wrapped("回顾其决议明确规定的原则，实现领土自决，", 20).split("\n") == [
        "回顾其决议明确规定的",
        "原则，实现领土自决，",
    ]
    resolution = (
        "The General Assembly,\n\n"
        'Recalling its resolution 70/1 of 25 September 2015, entitled "Transforming our world:'
        ' the 2030 Agenda for Sustainable Development", and all its later resolutions,\n'
        "Noting with appreciation the report of the Secretary-General,\n"
        "1. Decides to include in the provisional agenda of its eightieth session the item"
        ' entitled "Sustainable development";\n'
    )
    wrapped = as_wrapped(resolution)
    assert max(len(line) for line in wrapped.split("\n")) <= 80
    expected = resparse.parse(resolution)
    result = resparse.parse(wrapped)
    assert [c.text for c in result.preamble] == [c.text for c in expected.preamble]
    assert [p.text for p in result.operative] == [p.text for p in expected.operative]
