"""The corpus run: the per-file function, the worker pool, the outputs, resuming, Dask."""

from __future__ import annotations

import json
import os
import pathlib
import pickle
import shutil
import signal
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resparse import _corpus_output, _corpus_records, corpus
from resparse.cli import EXIT_INPUT, main
from resparse.corpus import (
    DOCUMENT_COLUMNS,
    ROW_COLUMNS,
    CorpusOutput,
    DocumentResult,
    find_files,
    parse_path,
    run_pool,
)
from resparse.dask import parse_bag, to_dataframes
from resparse.errors import OutputBusyError
from tests.conftest import FIXTURES

SEED = FIXTURES / "A_HRC_RES_46_13.txt"
GOLDEN = ("markup_75_3_E.txt", "markup_S_RES_2515_(2020)-2004804E.txt")
GOOD = 3  # the seed and the two golden texts


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    """A small corpus: good texts (one in a subfolder), two bad files and two to ignore."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copy(SEED, root / SEED.name)
    (root / "golden").mkdir()
    for name in GOLDEN:
        shutil.copy(FIXTURES / "golden" / name, root / "golden" / name)
    (root / "bad.txt").write_bytes(b"The General Assembly,\n\n\xff\xfe1. Decides")
    (root / "truncated.pdf").write_bytes((FIXTURES / "pdf" / "A_RES_78_109.pdf").read_bytes()[:900])
    (root / "notes.csv").write_text("not a resolution\n")
    (root / ".hidden.txt").write_text("not seen\n")
    return root


def _run(folder: pathlib.Path, out: pathlib.Path, *extra: str) -> int:
    return main(["corpus", str(folder), "-o", str(out), "--quiet", "--no-timings", *extra])


def _records(path: pathlib.Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --- the per-file function -----------------------------------------------------------------


def test_parse_path_gives_rows_and_a_document_record() -> None:
    result = parse_path(SEED, 30.0, key="seed.txt")
    document = result.document
    assert list(document) == list(DOCUMENT_COLUMNS)
    assert document["symbol"] == "A/HRC/RES/46/13"
    assert (document["n_preambular"], document["n_operative"]) == (17, 8)
    assert (document["in_favour"], document["against"], document["abstaining"]) == (26, 15, 6)
    assert document["error"] is None
    assert isinstance(document["seconds"], float)
    assert len(result.rows) == 17 + 8 + document["n_subparagraphs"]
    assert all(list(row) == list(ROW_COLUMNS) for row in result.rows)
    assert {row["path"] for row in result.rows} == {"seed.txt"}
    assert pickle.loads(pickle.dumps(result)) == result  # noqa: S301 - our own bytes
    assert DocumentResult.from_record(json.loads(result.to_json_line())) == result


def test_parse_path_records_a_bad_file_instead_of_raising(folder: pathlib.Path) -> None:
    result = parse_path(folder / "bad.txt")
    assert result.rows == ()
    assert result.path == str(folder / "bad.txt")
    assert result.error is not None
    assert result.error.startswith("InputDecodeError: ")
    assert "UTF-8" in result.error
    assert str(folder) not in result.error  # the path has its own column


def test_parse_path_missing_file() -> None:
    result = parse_path("no/such/file.txt")
    assert result.error is not None
    assert result.error.startswith("InputError: cannot read the file")


def test_parse_path_timeout_is_an_error_record() -> None:
    result = parse_path(SEED, 1e-9)
    assert result.error is not None
    assert result.error.startswith("ParseTimeoutError: ")


def test_find_files_default_suffixes_and_pattern(folder: pathlib.Path) -> None:
    assert find_files(folder) == [
        "A_HRC_RES_46_13.txt",
        "bad.txt",
        *(f"golden/{name}" for name in sorted(GOLDEN)),
        "truncated.pdf",
    ]
    assert find_files(folder, "*.pdf") == ["truncated.pdf"]
    assert find_files(folder, "golden/*") == [f"golden/{name}" for name in sorted(GOLDEN)]


# --- the worker pool -----------------------------------------------------------------------


def slow_or_crashing(path: str, timeout: float | None, key: str) -> DocumentResult:
    """A per-file function that hangs on "slow" files and dies on "crash" ones."""
    if "slow" in key:
        time.sleep(60)
    if "crash" in key:
        os._exit(7)
    if "kill" in key:
        os.kill(os.getpid(), signal.SIGKILL)
    return parse_path(path, timeout, key=key)


def test_pool_kills_an_overrunning_worker_and_goes_on() -> None:
    names = ("a-slow.txt", "b-crash.txt", "c-kill.txt", "d.txt")
    tasks = [(str(SEED), name) for name in names]
    started = time.monotonic()
    # the limit leaves the seed's parse time to spare on a loaded machine
    results = run_pool(tasks, jobs=1, timeout=3.0, grace=0.3, work=slow_or_crashing)
    by_key = {result.path: result for result in results}
    # killed, not waited for: the slow worker sleeps 60 s (a loose bound, for loaded machines)
    assert time.monotonic() - started < 45
    assert set(by_key) == set(names)
    assert by_key["a-slow.txt"].error == "ParseTimeoutError: no result after 3.3 s; worker killed"
    assert by_key["b-crash.txt"].error == "WorkerCrash: the worker process died (exit code 7)"
    assert by_key["c-kill.txt"].error == "WorkerCrash: the worker process died (killed by SIGKILL)"
    assert by_key["d.txt"].error is None
    assert by_key["d.txt"].document["n_operative"] == 8


# --- the command ---------------------------------------------------------------------------


def test_corpus_output_is_the_same_whatever_jobs(
    folder: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    assert _run(folder, tmp_path / "one.jsonl", "--jobs", "1") == 0
    assert _run(folder, tmp_path / "two.jsonl", "--jobs", "2") == 0
    one = (tmp_path / "one.jsonl").read_bytes()
    assert one == (tmp_path / "two.jsonl").read_bytes()
    records = _records(tmp_path / "one.jsonl")
    assert [r["path"] for r in records] == find_files(folder)
    errors = {r["path"]: r["error"] for r in records if r["error"] is not None}
    assert set(errors) == {"bad.txt", "truncated.pdf"}
    assert "UTF-8" in str(errors["bad.txt"])
    seed = records[0]
    assert seed["symbol"] == "A/HRC/RES/46/13"
    assert isinstance(seed["rows"], list)
    assert len(seed["rows"]) == len(parse_path(SEED).rows)
    assert not list(tmp_path.glob("*.partial.jsonl"))  # the journal is gone once done


def test_corpus_parquet_matches_jsonl(folder: pathlib.Path, tmp_path: pathlib.Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    assert _run(folder, tmp_path / "out.parquet", "--jobs", "2") == 0
    assert _run(folder, tmp_path / "out.jsonl", "--jobs", "1") == 0
    expected = [DocumentResult.from_record(r) for r in _records(tmp_path / "out.jsonl")]
    rows = pd.read_parquet(tmp_path / "out.parquet", dtype_backend="numpy_nullable")
    documents = pd.read_parquet(tmp_path / "out.documents.parquet", dtype_backend="numpy_nullable")
    pd.testing.assert_frame_equal(
        rows.astype(corpus.ROW_DTYPES), corpus.rows_frame(expected), check_dtype=True
    )
    pd.testing.assert_frame_equal(documents, corpus.documents_frame(expected))
    assert documents["error"].notna().sum() == 2


def test_corpus_resume_skips_what_is_done(folder: pathlib.Path, tmp_path: pathlib.Path) -> None:
    work = tmp_path / "work"
    shutil.copytree(folder, work)
    out = tmp_path / "out.jsonl"
    assert _run(work, out, "--jobs", "1") == 0
    before = {r["path"]: r for r in _records(out)}
    (work / SEED.name).write_bytes(b"\xff changed after the first run")
    shutil.copy(FIXTURES / "golden" / "markup_75_205_E.txt", work / "new.txt")
    assert _run(work, out, "--jobs", "2", "--resume") == 0
    after = {r["path"]: r for r in _records(out)}
    assert set(after) == {*before, "new.txt"}
    assert after[SEED.name] == before[SEED.name]  # not parsed again
    assert after["new.txt"]["error"] is None
    assert list(after) == sorted(after)
    assert _run(work, out, "--jobs", "2") == 0  # without --resume, everything again
    assert _records(out)[0]["error"] is not None


def test_corpus_resume_after_an_interrupted_run(
    folder: pathlib.Path, tmp_path: pathlib.Path
) -> None:
    out = tmp_path / "out.jsonl"
    output = CorpusOutput(out)
    marked = parse_path(SEED, key=SEED.name).document | {"symbol": "FROM THE JOURNAL"}
    with output.journal.open("w", encoding="utf-8") as journal:
        journal.write(DocumentResult(marked).to_json_line() + "\n")
        journal.write('{"path": "bad.txt", "sym')  # cut short when the run was killed
    assert _run(folder, out, "--jobs", "1", "--resume") == 0
    records = {r["path"]: r for r in _records(out)}
    assert records[SEED.name]["symbol"] == "FROM THE JOURNAL"
    assert records["bad.txt"]["error"] is not None
    assert set(records) == set(find_files(folder))
    assert not output.journal.exists()


def test_corpus_parquet_resume(folder: pathlib.Path, tmp_path: pathlib.Path) -> None:
    pytest.importorskip("pyarrow")
    out = tmp_path / "out.parquet"
    assert _run(folder, out, "--jobs", "1", "--pattern", "*.txt") == 0
    first = out.read_bytes(), (tmp_path / "out.documents.parquet").read_bytes()
    assert _run(folder, out, "--jobs", "1", "--pattern", "*.txt", "--resume") == 0
    assert (out.read_bytes(), (tmp_path / "out.documents.parquet").read_bytes()) == first


def test_corpus_empty_folder(tmp_path: pathlib.Path) -> None:
    (tmp_path / "empty").mkdir()
    assert _run(tmp_path / "empty", tmp_path / "out.jsonl") == 0
    assert (tmp_path / "out.jsonl").read_bytes() == b""


def test_corpus_usage_and_input_errors(
    folder: pathlib.Path, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(folder, tmp_path / "out.csv") == 2
    assert "out.csv: the output must end in .parquet or .jsonl" in capsys.readouterr().err
    assert _run(tmp_path / "missing", tmp_path / "out.jsonl") == 3
    assert "missing: does not exist" in capsys.readouterr().err
    assert _run(SEED, tmp_path / "out.jsonl") == 3
    assert "is not a folder" in capsys.readouterr().err
    assert main(["corpus", str(folder), "-o", str(tmp_path / "o.jsonl"), "--jobs", "0"]) == 2
    assert main(["corpus", str(folder)]) == 2  # -o is required


def test_corpus_parquet_without_pyarrow(
    folder: pathlib.Path, tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing() -> None:
        msg = "Parquet output needs pyarrow, an optional extra"
        raise ImportError(msg)

    monkeypatch.setattr(_corpus_output, "_pyarrow", missing)
    assert _run(folder, tmp_path / "out.parquet") == 2
    assert not (tmp_path / "out.parquet").exists()


def test_corpus_summary_and_progress(
    folder: pathlib.Path, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["corpus", str(folder), "-o", str(tmp_path / "o.jsonl"), "--jobs", "1"])
    assert code == 0
    err = capsys.readouterr().err
    assert "parsed 5 files (2 errors), skipped 0 already done" in err
    assert "5/5" in err
    records = _records(tmp_path / "o.jsonl")
    assert all(isinstance(r["seconds"], float) for r in records)


# --- Dask ----------------------------------------------------------------------------------


def test_dask_bag_gives_the_same_tables(folder: pathlib.Path) -> None:
    dask = pytest.importorskip("dask")
    pd = pytest.importorskip("pandas")
    paths = [folder / key for key in find_files(folder)]
    expected = [parse_path(path, key=path.relative_to(folder).as_posix()) for path in paths]
    with dask.config.set(scheduler="synchronous"):
        bag = parse_bag(reversed(paths), root=folder, partition_size=2)
        assert bag.npartitions == 3
        rows, documents = dask.compute(*to_dataframes(bag))
    assert list(rows.columns) == list(ROW_COLUMNS)
    assert list(documents.columns) == list(DOCUMENT_COLUMNS)
    # Dask may keep text as string[pyarrow] (its dataframe.convert-string setting): the
    # same values, so compare in the CLI's dtypes
    pd.testing.assert_frame_equal(
        rows.reset_index(drop=True).astype(corpus.ROW_DTYPES), corpus.rows_frame(expected)
    )
    pd.testing.assert_frame_equal(
        documents.reset_index(drop=True).astype(corpus.DOCUMENT_DTYPES).drop(columns="seconds"),
        corpus.documents_frame(expected).drop(columns="seconds"),
    )


def test_journal_keeps_odd_paths_and_the_last_record(tmp_path: pathlib.Path) -> None:
    output = CorpusOutput(tmp_path / "out.jsonl")
    output.begin(resume=False)
    odd = 'quote " and accent é/ü.txt'
    output.append(corpus.failure(odd, "first", None))
    output.append(corpus.failure("a.txt", "InputError: x", None))
    output.append(corpus.failure(odd, "second", None))
    assert output.finish() == 2
    records = _records(tmp_path / "out.jsonl")
    assert [(r["path"], r["error"]) for r in records] == [
        ("a.txt", "InputError: x"),
        (odd, "second"),
    ]


# --- hostile corpora (issue 18) ------------------------------------------------------------

# Many lines that each end in "-": seconds of honest work, so a short limit must cut it.
SLOW_TEXT = "The General Assembly,\n\n1. Decides to \n" + "word b-\n" * 400_000


@pytest.mark.issue(18)
def test_parse_path_timeout_covers_reading_and_parsing(tmp_path: pathlib.Path) -> None:
    slow = tmp_path / "slow.txt"
    slow.write_text(SLOW_TEXT, encoding="utf-8")
    started = time.monotonic()
    result = parse_path(slow, 0.5)
    assert time.monotonic() - started < 3.0  # far less than the parse would take
    assert result.error is not None
    assert result.error.startswith("ParseTimeoutError: parsing took longer than 0.5 s")


@pytest.mark.issue(18)
def test_parse_path_out_of_memory_is_a_typed_record(monkeypatch: pytest.MonkeyPatch) -> None:
    def exhausted(*_args: object, **_kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr("resparse.readers.dispatch.read_file", exhausted)
    result = parse_path(SEED)
    assert result.error is not None
    assert result.error.startswith("InputTooLargeError: reading the file needed more memory")


def report_memory_limit(_path: str, _timeout: float | None, key: str) -> DocumentResult:
    return corpus.failure(key, str(_corpus_records._memory_limit()), None)


@pytest.mark.issue(18)
def test_pool_caps_each_workers_memory() -> None:
    cap = 3 * 2**30
    tasks = [(str(SEED), "a.txt")]
    (result,) = run_pool(tasks, work=report_memory_limit, memory=cap)
    assert result.error == str(cap)


@pytest.mark.issue(18)
def test_corpus_second_run_on_one_output_is_refused(
    folder: pathlib.Path, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    first = CorpusOutput(out)
    first.begin(resume=False)
    first.append(corpus.failure("kept.txt", "InputError: x", None))
    with pytest.raises(OutputBusyError, match="another resparse corpus run"):
        CorpusOutput(out).begin(resume=False)
    assert _run(folder, out) == EXIT_INPUT  # the command says so and exits
    assert "another resparse corpus run" in capsys.readouterr().err
    assert first.journal.read_text(encoding="utf-8").count("kept.txt") == 1  # not removed
    assert first.finish() == 1
    assert _run(folder, out) == 0  # the lock went with the first run
    assert len(_records(out)) == GOOD + 2


@pytest.mark.issue(18)
def test_corpus_names_that_are_not_utf8_stay_apart_and_resume(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "names"
    root.mkdir()
    for byte in (b"\xff", b"\xfe", b"\xfd"):
        (pathlib.Path(os.fsdecode(bytes(root) + b"/name_" + byte + b".txt"))).write_bytes(
            SEED.read_bytes()
        )
    (root / "name_\\xff.txt").write_bytes(SEED.read_bytes())  # a real backslash: no clash
    out = tmp_path / "out.jsonl"
    assert main(["corpus", str(root), "-o", str(out), "--jobs", "1"]) == 0
    records = _records(out)
    assert sorted(r["path"] for r in records) == [
        "name_\\\\xff.txt",
        "name_\\xfd.txt",
        "name_\\xfe.txt",
        "name_\\xff.txt",
    ]
    assert all(r["error"] is None and r["n_operative"] == 8 for r in records)
    capsys.readouterr()
    assert main(["corpus", str(root), "-o", str(out), "--jobs", "1", "--resume"]) == 0
    assert "parsed 0 files (0 errors), skipped 4 already done" in capsys.readouterr().err
    keys = find_files(root)
    assert {corpus.key_path(root, key) for key in keys} == {str(p) for p in root.iterdir()}
    folder = tmp_path / "tables"  # the CSV tables keep the keys and resume from them too
    assert main(["corpus", str(root), "-o", str(folder), "--jobs", "1", "-q"]) == 0
    capsys.readouterr()
    assert main(["corpus", str(root), "-o", str(folder), "--jobs", "1", "--resume"]) == 0
    assert "parsed 0 files (0 errors), skipped 4 already done" in capsys.readouterr().err


@pytest.mark.issue(18)
def test_corpus_refuses_links_out_of_the_folder(tmp_path: pathlib.Path) -> None:
    root = tmp_path / "linked"
    root.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_bytes(SEED.read_bytes())
    (root / "inside.txt").write_bytes(SEED.read_bytes())
    (root / "escape.txt").symlink_to(outside)
    (root / "alias.txt").symlink_to(root / "inside.txt")  # a link that stays inside
    assert corpus.outside_links(root) == ["escape.txt"]
    assert find_files(root) == ["alias.txt", "inside.txt"]
    out = tmp_path / "out.jsonl"
    assert _run(root, out) == 0
    by_path = {r["path"]: r for r in _records(out)}
    assert by_path["escape.txt"]["error"].startswith("UnsafeInputError: a symbolic link out")
    assert by_path["alias.txt"]["error"] is None
    assert _run(root, out, "--follow-links") == 0
    assert {r["path"]: r["error"] for r in _records(out)}["escape.txt"] is None


@pytest.mark.issue(18)
def test_dask_bag_stops_a_file_past_its_timeout(tmp_path: pathlib.Path) -> None:
    dask = pytest.importorskip("dask")
    slow = tmp_path / "slow.txt"
    slow.write_text(SLOW_TEXT, encoding="utf-8")
    started = time.monotonic()
    with dask.config.set(scheduler="synchronous"):
        results = parse_bag([slow, SEED], timeout=0.5).compute()
    assert time.monotonic() - started < 45  # stopped, not run out: a loose bound for loaded CI
    # the pool hands results back as they finish: find each by its path, not its place
    by_path = {pathlib.Path(r.path).name: r for r in results}
    assert set(by_path) == {slow.name, SEED.name}
    result, good = by_path[slow.name], by_path[SEED.name]
    assert result.error is not None
    assert result.error.startswith("ParseTimeoutError")
    assert good.error is None


@pytest.mark.issue(18)
@pytest.mark.parametrize("suffix", [".jsonl", ".parquet", ""])
def test_corpus_lone_surrogates_survive_the_journal(tmp_path: pathlib.Path, suffix: str) -> None:
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    output = CorpusOutput(tmp_path / f"out{suffix}")
    output.begin(resume=False)
    row = dict.fromkeys(ROW_COLUMNS)
    row.update(path="a.txt", text="damaged \udcff text")
    document = {**corpus.failure("a.txt", "x", None).document, "error": None}
    output.append(DocumentResult(document, (row,)))
    assert output.finish() == 1
    if suffix == ".jsonl":  # kept, as a JSON escape
        assert _records(output.path)[0]["rows"][0]["text"] == "damaged \udcff text"
    elif suffix == ".parquet":  # Parquet text is UTF-8: shown as U+FFFD, not "?"
        frame = corpus._pandas().read_parquet(output.path)
        assert frame.text.tolist() == ["damaged \ufffd text"]
    else:  # a folder of CSV tables, UTF-8 too
        text = (output.path / "rows.csv").read_text("utf-8")
        assert "damaged \ufffd text" in text


@pytest.mark.issue(18)
@given(st.lists(st.binary(min_size=1, max_size=12), min_size=2, max_size=6, unique=True))
def test_corpus_file_keys_are_lossless_and_distinct(names: list[bytes]) -> None:
    names = [name.replace(b"/", b"_").replace(b"\x00", b"_") for name in names]
    names = list(dict.fromkeys(names))
    relatives = [os.fsdecode(name) for name in names]
    keys = [corpus.file_key(relative) for relative in relatives]
    assert len(set(keys)) == len(keys)
    for key, relative in zip(keys, relatives, strict=True):
        key.encode("utf-8")  # every key is text any output can hold
        assert corpus.key_path("", key) == relative
