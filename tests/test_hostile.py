"""The time limit holds on every hostile input of issue 18, and the inputs take linear time.

Each input here, unbounded, takes seconds; with ``timeout=LIMIT`` the parse must stop with
``ParseTimeoutError`` soon after the limit (the issue asks for twice the limit; the bound
adds a margin for a loaded machine). Growth figures are in benchmarks/bench_adversarial.py.
"""

from __future__ import annotations

import importlib
import io
import threading
import time
import zipfile
from typing import TYPE_CHECKING

import docx
import pytest

import resparse
from resparse import _deadline
from resparse._deadline import Deadline, check_deadline, deadline_scope
from resparse.corpus import parse_path
from resparse.errors import ParseTimeoutError
from tests.conftest import FIXTURES

if TYPE_CHECKING:
    import pathlib
    from collections.abc import Callable

LIMIT = 0.25
BOUND = 2 * LIMIT + 0.5  # twice the limit, and half a second for a loaded machine
# The bound is checked on this process's CPU time: on a loaded machine the wall clock
# also counts other processes' turns, which says nothing about whether the parser
# stopped working. A wall-clock bound still catches a parse that waits instead of works.
WALL_BOUND = 10.0


def _elapsed(started: tuple[float, float]) -> tuple[float, float]:
    """CPU and wall seconds since ``started`` (from ``_now``)."""
    return time.process_time() - started[0], time.monotonic() - started[1]


def _now() -> tuple[float, float]:
    return time.process_time(), time.monotonic()


OPENING = "The General Assembly,\n\n1. Decides to act;\n\n"


def _vote_with_names(name: str, count: int) -> str:
    # one name a line, as lists are printed: one line of megabytes is classified in one go
    names = ",\n".join([name] * count)
    return (
        f"{OPENING}[Adopted by a recorded vote of {count} to 0. The voting was as follows:"
        f"\n\nIn favour: {names}\n\nAgainst: None]"
    )


HOSTILE: dict[str, Callable[[], str]] = {
    "vote statement of many sentences": lambda: (
        f"{OPENING}[Adopted by a recorded vote of 26 to 15, with 6 abstentions. "
        + "".join(f"Paragraph {'i' * 30} was retained by {k % 90} to 2.\n" for k in range(80_000))
        + "]"
    ),
    "hyphen chain": lambda: OPENING + "2. Decides to " + "a b-\n" * 300_000,
    "many lines ending in a dash": lambda: OPENING + "2. Decides\n" + "x -\n" * 400_000,
    "State names with zero-width runs": lambda: _vote_with_names(
        "Fr" + " \u200b" * 1_000 + "ance", 1_500
    ),
    'State names with " ." pairs': lambda: _vote_with_names("Fr" + " ." * 1_000 + "ance", 1_500),
}


@pytest.mark.issue(18)
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_parse_stops_at_its_time_limit(name: str) -> None:
    text = HOSTILE[name]()
    resparse.parse(OPENING)  # the tables are loaded: the limit is the parse's own
    started = _now()
    with pytest.raises(ParseTimeoutError, match=f"longer than {LIMIT:g} s"):
        resparse.parse(text, timeout=LIMIT)
    cpu, wall = _elapsed(started)
    assert cpu < BOUND
    assert wall < WALL_BOUND


@pytest.mark.issue(18)
def test_hostile_parse_all_has_one_limit_for_the_split_and_every_piece() -> None:
    seed = (FIXTURES / "A_HRC_RES_46_13.txt").read_text(encoding="utf-8")
    volume = "\n\n".join([seed] * 300)
    started = _now()
    with pytest.raises(ParseTimeoutError):
        resparse.parse_all(volume, timeout=LIMIT)
    cpu, wall = _elapsed(started)
    assert cpu < BOUND
    assert wall < WALL_BOUND


@pytest.mark.issue(18)
def test_hostile_parse_all_reads_a_long_symbol_like_line_quickly() -> None:
    started = time.monotonic()
    results = resparse.parse_all("A/RES/" * 70_000)  # 420 KB: took 16 s
    assert time.monotonic() - started < 10
    assert len(results) == 1


def _word_with_styles(count: int) -> bytes:
    namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="s{i}"><w:basedOn w:val="s{i + 1}"/></w:style>'
        for i in range(count)
    )
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/styles.xml":
                data = f"<w:styles {namespace}>{styles}</w:styles>".encode()
            target.writestr(item.filename, data)
    return out.getvalue()


@pytest.mark.issue(18)
def test_hostile_parse_path_limit_covers_the_reader(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "styles.docx"
    path.write_bytes(_word_with_styles(150_000))
    started = _now()
    result = parse_path(path, LIMIT)
    cpu, wall = _elapsed(started)
    assert cpu < BOUND + 0.5  # python-docx reads the XML first
    assert wall < WALL_BOUND
    assert result.error is not None
    assert result.error.startswith("ParseTimeoutError")


@pytest.mark.issue(18)
def test_hostile_deadline_is_per_thread_and_nests() -> None:
    seen: list[BaseException | None] = []

    def other() -> None:
        try:
            check_deadline("another thread")  # the main thread's deadline is not its own
            seen.append(None)
        except ParseTimeoutError as error:
            seen.append(error)

    with deadline_scope(Deadline.after(1e-9)):
        time.sleep(0.01)
        worker = threading.Thread(target=other)
        worker.start()
        worker.join()
        # a later deadline does not lift the earlier one
        with deadline_scope(Deadline.after(60)), pytest.raises(ParseTimeoutError):
            check_deadline("inside")
    check_deadline("after the block")  # no deadline in force any more
    assert seen == [None]


@pytest.mark.issue(18)
@pytest.mark.parametrize("seconds", [0.0, -1.0, float("nan")])
def test_hostile_timeout_must_be_positive(seconds: float) -> None:
    with pytest.raises(ValueError, match="timeout must be positive"):
        resparse.parse(OPENING, timeout=seconds)


# Each stage of the pipeline that walks the lines or the parts, by the name _pipeline or
# parser calls it under. The limit must hold in every one of them: a stage that never
# checks runs on past the limit for as long as it takes (the furniture pass once took
# 0.5 s past a 0.25 s limit on 80,000 lines).
_STAGES = [
    ("resparse._pipeline", "scan"),
    ("resparse._pipeline", "furniture_kinds"),
    ("resparse._classify", "classify_lines"),
    ("resparse._pipeline", "segment"),
    ("resparse._pipeline", "build"),
    ("resparse._pipeline", "check"),
    ("resparse._references", "find_references"),
]


@pytest.mark.issue(18)
@pytest.mark.parametrize(("module", "stage"), _STAGES, ids=[s for _, s in _STAGES])
def test_hostile_every_stage_stops_when_the_limit_passes_inside_it(
    module: str, stage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The deadline passes as the stage starts: the stage itself must raise, not a later one."""
    owner = importlib.import_module(module)
    original = getattr(owner, stage)
    raised_inside: list[str] = []

    def expiring(*args: object, **kwargs: object) -> object:
        _deadline._ACTIVE.set(Deadline(limit=0.0, seconds=LIMIT))
        try:
            return original(*args, **kwargs)
        except ParseTimeoutError as error:
            raised_inside.append(str(error))
            raise

    monkeypatch.setattr(owner, stage, expiring)
    text = (FIXTURES / "A_HRC_RES_46_13.txt").read_text(encoding="utf-8")
    with pytest.raises(ParseTimeoutError):
        resparse.parse(text, timeout=60)
    assert raised_inside, f"{stage} ran to its end past the limit"
