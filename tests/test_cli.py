"""The ``resparse`` command, run in-process through ``main`` and once as the console script."""

from __future__ import annotations

import json
import os
import pathlib
import shutil
import subprocess
import sys
import types

import pytest

from resparse import Resolution, parse_file
from resparse._version import __version__
from resparse.cli import CORPUS_SUFFIXES, EXIT_INPUT, inert_cell, main
from resparse.corpus import DEFAULT_SUFFIXES
from resparse.exports.frame import COLUMNS, to_frame
from tests.conftest import FIXTURES

SEED = FIXTURES / "A_HRC_RES_46_13.txt"
OTHER = FIXTURES / "golden" / "markup_75_3_E.txt"


@pytest.fixture(scope="module")
def seed() -> Resolution:
    return parse_file(SEED)


# --- parse, in every format ----------------------------------------------------------------


SUMMARY = "A/HRC/RES/46/13: 17 preambular clauses, 8 operative paragraphs, vote 26-15-6"


def test_parse_table_shows_the_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"{SEED}  {SUMMARY}, 0 diagnostics"
    assert "<Resolution" not in out  # a summary for people, not a Python repr
    assert "Guided by" in out
    assert "26 in favour, 15 against, 6 abstaining" in out


def test_parse_json_round_trips(tmp_path: pathlib.Path, seed: Resolution) -> None:
    out = tmp_path / "seed.json"
    assert main(["parse", str(SEED), "--format", "json", "-o", str(out)]) == 0
    assert Resolution.from_json(out.read_text(encoding="utf-8")) == seed


def test_parse_json_of_several_files_is_an_array(
    capsys: pytest.CaptureFixture[str], seed: Resolution
) -> None:
    assert main(["parse", str(SEED), str(OTHER), "--format", "json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert len(items) == 2
    assert Resolution.from_dict(items[0]) == seed


def test_parse_jsonl_one_line_per_file(
    capsys: pytest.CaptureFixture[str], seed: Resolution
) -> None:
    assert main(["parse", str(SEED), str(OTHER), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    assert Resolution.from_json(lines[0]) == seed
    assert Resolution.from_json(lines[1]).header.symbol == "A/RES/75/3"


def test_parse_csv_has_the_frame_rows(tmp_path: pathlib.Path, seed: Resolution) -> None:
    pd = pytest.importorskip("pandas")
    out = tmp_path / "seed.csv"
    assert main(["parse", str(SEED), "--format", "csv", "-o", str(out)]) == 0
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(table.columns) == ["path", *COLUMNS]
    assert set(table["path"]) == {str(SEED)}
    assert table["kind"].value_counts().to_dict() == {"preambular": 17, "operative": 8}
    expected = to_frame(seed)
    assert len(table) == len(expected)
    assert list(table["lead"][:2]) == ["Guided by", "Reaffirming"]
    assert list(table["start"].astype(int)) == list(expected["start"])
    assert table["text"].iloc[0] == seed.preamble[0].text


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("Recalling", "Recalling"),
        (7, 7),
        (None, None),
    ],
)
def test_csv_cells_that_a_spreadsheet_would_run_are_made_inert(
    cell: object, written: object
) -> None:
    assert inert_cell(cell) == written


def test_parse_csv_neutralises_a_formula_in_a_clause(tmp_path: pathlib.Path) -> None:
    pd = pytest.importorskip("pandas")
    text = SEED.read_text(encoding="utf-8").replace("Guided by", "=cmd|' /C calc'!A0 Guided by", 1)
    source = tmp_path / "crafted.txt"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "crafted.csv"
    assert main(["parse", str(source), "--format", "csv", "-o", str(out)]) == 0
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert not any(cell.startswith("=") for column in table for cell in table[column])
    assert any(cell.startswith("'=cmd|") for cell in table["text"])


def test_parse_csv_without_pandas(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    assert main(["parse", str(SEED), "--format", "csv"]) == 2
    assert "needs pandas" in capsys.readouterr().err


def test_parse_akn(tmp_path: pathlib.Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["parse", str(SEED), "--format", "akn"]) == 0
    assert b"akomaNtoso" in capsysbinary.readouterr().out
    one = tmp_path / "one.xml"
    assert main(["parse", str(SEED), "--format", "akn", "-o", str(one)]) == 0
    assert b"akomaNtoso" in one.read_bytes()
    folder = tmp_path / "xml"
    assert main(["parse", str(SEED), str(OTHER), "--format", "akn", "-o", str(folder)]) == 0
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted([f"{OTHER.stem}.xml", f"{SEED.stem}.xml"])


def test_parse_akn_of_several_files_needs_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED), str(OTHER), "--format", "akn"]) == 2
    assert "needs -o DIR" in capsys.readouterr().err


# --- exit codes and messages ---------------------------------------------------------------


def test_missing_file_exits_3_and_names_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "no/such.txt", "--format", "jsonl"]) == 3
    assert capsys.readouterr().err.strip() == (
        "resparse: no/such.txt: cannot read the file: No such file or directory"
    )


def test_undecodable_file_exits_3(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"The General Assembly,\n\xff")
    assert main(["parse", str(SEED), str(bad), "--format", "jsonl"]) == 3
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 1  # the good file is still written
    assert captured.err.startswith(f"resparse: {bad}: the file is not UTF-8 text")
    assert captured.err.count(str(bad)) == 1


def test_strict_exits_1_on_warnings(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    noisy = tmp_path / "noisy.txt"
    noisy.write_text(SEED.read_text(encoding="utf-8").replace("Guided", "Gui\x00ded", 1))
    assert main(["parse", str(noisy), "--format", "jsonl"]) == 0
    capsys.readouterr()
    assert main(["parse", str(noisy), "--format", "jsonl", "--strict"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""  # a data format leaves the failing file out
    assert f"resparse: {noisy}: " in captured.err
    assert "input.nul" in captured.err
    assert main(["parse", str(SEED), "--format", "jsonl", "--strict"]) == 0


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEED), "--format", "yaml"]) == 2
    assert "invalid choice: 'yaml'" in capsys.readouterr().err
    assert main([]) == 2
    assert main(["frobnicate"]) == 2
    assert main(["parse"]) == 2


def test_unwritable_output_exits_3(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no" / "such" / "folder" / "out.json"
    assert main(["parse", str(SEED), "--format", "json", "-o", str(target)]) == 3
    assert "cannot write" in capsys.readouterr().err


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"resparse {__version__}"
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for line in ("0  done", "1  parse problems", "2  usage", "3  a file could not be read"):
        assert line in out
    assert main(["corpus", "--help"]) == 0
    assert "--resume" in capsys.readouterr().out


def test_evaluate_delegates(tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--shared", str(tmp_path)]) == 0
    assert "no development set" in capsys.readouterr().out


# --- a fresh process -----------------------------------------------------------------------


def test_importing_the_cli_loads_nothing_heavy() -> None:
    heavy = ("pandas", "pyarrow", "spacy", "dask", "rich", "pypdfium2", "lxml")
    code = f"import sys, resparse.cli; print(','.join(m for m in {heavy!r} if m in sys.modules))"
    done = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == ""


def test_console_script(tmp_path: pathlib.Path, seed: Resolution) -> None:
    search = os.pathsep.join([str(pathlib.Path(sys.executable).parent), os.environ["PATH"]])
    script = shutil.which("resparse", path=search)
    if script is None:
        pytest.skip("the resparse console script is not installed")
    version = subprocess.run(  # noqa: S603 - the installed script, fixed arguments
        [script, "--version"], capture_output=True, text=True, check=False, timeout=60
    )
    assert (version.returncode, version.stdout.strip()) == (0, f"resparse {__version__}")
    out = tmp_path / "seed.jsonl"
    done = subprocess.run(  # noqa: S603
        [script, "parse", str(SEED), "--format", "jsonl", "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert Resolution.from_json(out.read_text(encoding="utf-8")) == seed
    missing = subprocess.run(  # noqa: S603
        [script, "parse", str(tmp_path / "none.txt")],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert missing.returncode == 3
    assert "none.txt: cannot read the file" in missing.stderr


def test_parse_akn_writes_what_the_writer_gives(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command's side of --format akn, with a stand-in for the real writer."""
    stand_in = types.ModuleType("resparse.exports.akn")
    stand_in.to_akn = lambda r: f"<akomaNtoso>{r.header.symbol}</akomaNtoso>"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "resparse.exports.akn", stand_in)
    folder = tmp_path / "xml"
    assert main(["parse", str(SEED), str(OTHER), "--format", "akn", "-o", str(folder)]) == 0
    written = (folder / f"{SEED.stem}.xml").read_text(encoding="utf-8")
    assert written == "<akomaNtoso>A/HRC/RES/46/13</akomaNtoso>\n"
    assert (folder / f"{OTHER.stem}.xml").exists()
    clash = tmp_path / "again" / SEED.name
    clash.parent.mkdir()
    shutil.copy(SEED, clash)
    assert main(["parse", str(SEED), str(clash), "--format", "akn", "-o", str(folder)]) == 2


# --- issue 19: rough edges of the command ------------------------------------------------


@pytest.mark.issue(19)
def test_cli_table_does_not_wrap_piped_output_at_a_fixed_width(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    deep = tmp_path / ("a-folder-with-a-long-name-" * 8) / "A_HRC_RES_46_13.txt"
    deep.parent.mkdir(parents=True)
    shutil.copy(SEED, deep)
    assert len(str(deep)) > 200
    assert main(["parse", str(deep), "--full-text"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{deep}  {SUMMARY}, 0 diagnostics"  # one line, however long the path
    whole = parse_file(SEED).preamble[11].text.removeprefix("Expressing deep concern").strip()
    assert len(whole) > 200
    assert any(whole in line for line in lines)  # a long clause on one line, not folded
    assert not any(line != line.rstrip() for line in lines if not line.startswith(("│", "┃")))


@pytest.mark.issue(19)
def test_cli_table_width_follows_columns(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "90")
    assert main(["parse", str(SEED)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].endswith("0 diagnostics")  # the summary line is never folded
    table = [line for line in lines if line.startswith(("│", "┃", "┏", "└"))]
    assert table
    assert max(len(line) for line in table) <= 90


@pytest.mark.issue(19)
def test_cli_table_text_starts_after_the_lead_without_a_space(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["parse", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "│ Guided by               │ the purposes and principles" in out
    assert "│  the purposes" not in out


@pytest.mark.issue(19)
def test_cli_table_cuts_text_unless_full_text(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    seed = parse_file(SEED)
    wholes = [p.text.removeprefix(p.lead or "").strip() for p in seed.operative]
    assert main(["parse", str(SEED)]) == 0
    cut = capsys.readouterr().out
    assert main(["parse", str(SEED), "--full-text"]) == 0
    full = capsys.readouterr().out
    assert "…" in cut
    assert "…" not in full
    assert not any(whole in cut for whole in wholes if len(whole) > 70)
    assert all(whole in full for whole in wholes)


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("hostile", "shown"),
    [
        ("\x1b]52;c;ZWNobyBwd25lZA==\x07", "\\x1b]52;c;ZWNobyBwd25lZA==\\x07"),  # OSC 52
        ("\x1b]0;owned\x07", "\\x1b]0;owned\\x07"),  # OSC 0: window title
        ("\x1b[2J", "\\x1b[2J"),  # CSI 2J: clear the screen
        ("\u202edesrever", "\\u202edesrever"),  # right-to-left override
        ("\u2066isolate\u2069", "\\u2066isolate\\u2069"),
        ("\x9b2J", "\\x9b2J"),  # the one-byte C1 CSI
        ("back\rover", "back\\x0dover"),
    ],
)
def test_cli_table_neutralises_terminal_escapes(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str], hostile: str, shown: str
) -> None:
    text = SEED.read_text(encoding="utf-8")
    text = text.replace("Guided by the purposes", f"Guided by the {hostile} purposes", 1)
    text = text.replace("Reaffirming also", f"Reaffirming also {hostile}", 1)
    source = tmp_path / f"title{hostile}.txt"
    source.write_text(text, encoding="utf-8")
    assert main(["parse", str(source), "--full-text"]) == 0
    out = capsys.readouterr().out
    assert shown in out
    assert not any(char in out for char in "\x1b\x07\x9b\r\u202e\u2066\u2069")


@pytest.mark.issue(19)
def test_cli_strict_still_shows_the_table(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    noisy = tmp_path / "noisy.txt"
    noisy.write_text(SEED.read_text(encoding="utf-8").replace("Guided", "Gui\x00ded", 1))
    assert main(["parse", str(noisy), str(SEED), "--strict"]) == 1
    captured = capsys.readouterr()
    assert captured.out.count("17 preambular clauses") == 2  # both tables, the failing one too
    assert "input.nul" in captured.out  # its diagnostics are in the table
    assert f"resparse: {noisy}: 1 problem(s)" in captured.err


@pytest.mark.issue(19)
def test_cli_akn_output_ending_in_a_slash_is_a_folder(tmp_path: pathlib.Path) -> None:
    folder = tmp_path / "newdir"
    assert main(["parse", str(SEED), "--format", "akn", "-o", f"{folder}/"]) == 0
    assert folder.is_dir()
    assert b"akomaNtoso" in (folder / f"{SEED.stem}.xml").read_bytes()
    existing = tmp_path / "existing"
    existing.mkdir()
    assert main(["parse", str(SEED), "--format", "akn", "-o", str(existing)]) == 0
    assert (existing / f"{SEED.stem}.xml").is_file()


@pytest.mark.issue(19)
def test_cli_corpus_pattern_given_twice_keeps_both(tmp_path: pathlib.Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    shutil.copy(OTHER, folder / "other.md")
    (folder / "skip.html").write_text("<html><body>x</body></html>", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    args = ["corpus", str(folder), "-o", str(out), "--jobs", "1", "-q", "--no-timings"]
    assert main([*args, "--pattern", "*.txt", "--pattern", "*.md"]) == 0
    paths = [json.loads(line)["path"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert paths == ["other.md", "seed.txt"]


@pytest.mark.issue(19)
def test_cli_corpus_help_names_the_default_suffixes(capsys: pytest.CaptureFixture[str]) -> None:
    assert set(CORPUS_SUFFIXES) == DEFAULT_SUFFIXES
    assert main(["corpus", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert " ".join(CORPUS_SUFFIXES) in out
    docs = (pathlib.Path(__file__).parents[1] / "docs" / "cli.md").read_text(encoding="utf-8")
    assert all(f"`{suffix}`" in docs for suffix in DEFAULT_SUFFIXES)


@pytest.mark.issue(19)
def test_cli_each_subcommand_lists_only_its_exit_codes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    def codes(argv: list[str]) -> set[int]:
        assert main(argv) == 0
        out = capsys.readouterr().out
        epilog = out[out.index("exit codes:") :].splitlines()[1:]
        return {int(line.split()[0]) for line in epilog if line.strip()}

    assert codes(["parse", "--help"]) == {0, 1, 2, 3}
    assert codes(["corpus", "--help"]) == {0, 2, 3, 130}
    assert codes(["--help"]) == {0, 1, 2, 3, 130}


@pytest.mark.issue(19)
def test_cli_evaluate_help_documents_shared_and_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["evaluate", "--help"])
    assert stop.value.code == 0
    options = capsys.readouterr().out.split("options:")[1]
    shared = options[options.index("--shared DIR") :].split("--shape")[0]
    assert "development set" in shared
    language = options[options.index("--language {") :].split("--limit")[0]
    assert "languages to score" in language


@pytest.mark.issue(18)
def test_cli_a_bad_file_among_good_ones_is_reported_and_the_rest_written(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("selectolax")
    bad = tmp_path / "bad.html"
    bad.write_bytes(b'<html><head><meta charset="base64"></head><body>\xff</body></html>')
    assert main(["parse", str(SEED), str(bad), str(OTHER), "--format", "jsonl"]) == 3
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert [Resolution.from_json(line).header.symbol for line in lines] == [
        "A/HRC/RES/46/13",
        "A/RES/75/3",
    ]
    assert captured.err.strip() == (
        f"resparse: {bad}: the page declares 'base64' as its charset, which is not a character set"
    )


@pytest.mark.issue(19)
def test_cli_encoding_reads_a_latin1_file(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    latin = tmp_path / "latin.txt"
    text = SEED.read_text(encoding="utf-8").replace("the purposes", "the purposés", 1)
    latin.write_bytes(text.encode("cp1252"))
    assert main(["parse", str(latin), "--format", "jsonl"]) == 3
    assert "encoding='cp1252'" in capsys.readouterr().err
    assert main(["parse", str(latin), "--format", "jsonl", "--encoding", "cp1252"]) == 0
    result = Resolution.from_json(capsys.readouterr().out)
    assert result.preamble[0].text.startswith("Guided by the purposés")
    assert [d.code for d in result.diagnostics] == ["input.encoding"]
    assert main(["parse", str(latin), "--encoding", "base64"]) == 2
    assert "not a text encoding" in capsys.readouterr().err


@pytest.mark.issue(19)
def test_cli_missing_extra_exits_2_naming_it(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "selectolax.lexbor", None)
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>The General Assembly,</p></body></html>", encoding="utf-8")
    assert main(["parse", str(SEED), str(page), "--format", "jsonl"]) == 2
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 1
    assert "pip install '.[html]'" in captured.err


@pytest.mark.issue(19)
def test_cli_table_into_a_closed_pipe_stops_quietly() -> None:
    """``resparse parse X | head -1``: the reader leaves, the command exits 0 and says nothing."""
    code = "import sys; from resparse.cli import main; sys.exit(main(sys.argv[1:]))"
    reader, writer = os.pipe()
    os.close(reader)  # nobody will read: the first write that reaches the pipe fails
    with os.fdopen(writer, "wb") as closed:
        done = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
            [sys.executable, "-c", code, "parse", str(SEED), str(SEED), "--full-text"],
            stdout=closed,
            stderr=subprocess.PIPE,
            check=False,
            timeout=120,
        )
    assert (done.returncode, done.stderr) == (0, b"")


@pytest.mark.issue(18)
def test_cli_bad_charset_fails_alone(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.html"
    bad.write_bytes(b'<meta charset="base64"><p>caf\xe9</p>')
    seed = str(FIXTURES / "A_HRC_RES_46_13.txt")
    assert main(["parse", seed, str(bad), seed, "--format", "jsonl"]) == EXIT_INPUT
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2  # the good files around it are written
    assert "not a character set" in captured.err
