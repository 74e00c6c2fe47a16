"""How fast resparse parses, next to what a user would otherwise run, on the same texts.

    python benchmarks/bench_parse.py [--shared /work/shared] [--repeat 3] [--baseline [REV]]

Prints, for each set of texts: documents/s and MB/s for ``resparse.parse`` (and for
``parse_file`` on the PDFs), for the plain-regex baseline a user would write, and for
spaCy's tokenizer alone (``spacy.blank("en")``); then the import time of resparse in a
fresh interpreter, peak memory, and the time for a 10, 20 and 50 MB input made of many
resolutions, to show that the time grows linearly. Sets that need the development set
(``shared/unxml``, ``shared/pdf/ga78``) are skipped, with a line saying so, when it is
missing; the seed fixture always runs. Run by hand, not from the tests.

``--baseline [REV]`` instead times the code at REV (by default e1e49ea, the last commit
before the redesign of the parser core, checked out in a temporary ``git worktree``) and
the current code on the same inputs, each version in processes of its own
(``bench_worker.py``): the seed x200, the development set rendered as text, ``parse_file``
on the ga78 PDFs against pypdfium2's plain text in the same process, and ``import
resparse``; then prints each target of issue 15 with PASS or FAIL.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import platform
import subprocess
import sys
import tempfile
import time
import tracemalloc
from typing import TYPE_CHECKING, Any

import regex

import resparse
from resparse.errors import InputDecodeError
from resparse.parser import parse_document, parse_file
from resparse.readers.akn import render_akn
from resparse.readers.pdf import read_pdf

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "A_HRC_RES_46_13.txt"
SEED_COPIES = 200  # the seed alone is too short to time; it is parsed this many times

# --- the plain-regex baseline: what a user writes in ten minutes -------------------------

_BLANK = regex.compile(r"\n[ \t]*\n")
_NUMBERED = regex.compile(r"^(\d+)\.\s*(\S*)")


def regex_baseline(text: str) -> tuple[list[tuple[str, str]], list[tuple[int, str, str]]]:
    """Split on blank lines; ``N.`` opens an operative paragraph; the first word is the lead."""
    preamble: list[tuple[str, str]] = []
    operative: list[tuple[int, str, str]] = []
    for block in _BLANK.split(text):
        paragraph = block.strip()
        if not paragraph:
            continue
        numbered = _NUMBERED.match(paragraph)
        if numbered:
            operative.append((int(numbered[1]), numbered[2], paragraph))
        else:
            preamble.append((paragraph.split(None, 1)[0], paragraph))
    return preamble, operative


# --- timing helpers ------------------------------------------------------------------------


def best(run: Callable[[], Any], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds: the least disturbed by the machine."""
    times = []
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def line(name: str, documents: int, megabytes: float, seconds: float) -> str:
    """One result line: documents/s and MB/s."""
    return (
        f"  {name:<34} {seconds:8.3f} s  {documents / seconds:9.1f} docs/s  "
        f"{megabytes / seconds:7.2f} MB/s"
    )


def size_mb(texts: Sequence[str]) -> float:
    """Megabytes of UTF-8, the size on disk of the same texts."""
    return sum(len(text.encode("utf-8")) for text in texts) / 1e6


def spacy_tokenizer() -> Callable[[str], Any] | None:
    """``spacy.blank("en")``, or None where spaCy is not installed."""
    try:
        import spacy  # noqa: PLC0415 - only this benchmark needs it
    except ImportError:
        return None
    nlp = spacy.blank("en")
    nlp.max_length = 50_000_000
    return nlp


def time_tools(
    texts: Sequence[str], megabytes: float, repeat: int, nlp: Callable[[str], Any] | None
) -> None:
    """resparse.parse, the regex baseline and the spaCy tokenizer on the same texts."""
    tools: list[tuple[str, Callable[[str], Any]]] = [
        ("resparse.parse", resparse.parse),
        ("plain-regex baseline", regex_baseline),
    ]
    if nlp is not None:
        tools.append(('spacy.blank("en") tokenizer', nlp))
    seconds = {}
    for name, tool in tools:
        seconds[name] = best(lambda tool=tool: [tool(text) for text in texts], repeat)
        print(line(name, len(texts), megabytes, seconds[name]))
    parse_s, base_s = seconds["resparse.parse"], seconds["plain-regex baseline"]
    summary = f"  parse takes {parse_s / base_s:.1f}x the baseline's time"
    if nlp is None:
        summary += "; spaCy tokenizer skipped, spaCy is not installed"
    else:
        spacy_s = seconds['spacy.blank("en") tokenizer']
        summary += f" and runs at {spacy_s / parse_s:.2f}x the tokenizer's speed"
    print(summary)


def compare_on_text(
    name: str, texts: Sequence[str], repeat: int, nlp: Callable[[str], Any] | None
) -> None:
    """The three tools on a set of texts."""
    megabytes = size_mb(texts)
    print(f"{name}: {len(texts)} texts, {megabytes:.2f} MB")
    time_tools(texts, megabytes, repeat, nlp)


def compare_on_pdf(folder: pathlib.Path, repeat: int, nlp: Callable[[str], Any] | None) -> None:
    """parse_file on the PDFs, with the reader alone and the text-only tools on its text."""
    files = sorted(folder.glob("*.pdf"))
    if not files:
        print(f"PDFs: skipped, no PDFs in {folder}")
        return
    megabytes = sum(file.stat().st_size for file in files) / 1e6
    print(f"PDFs of {folder}: {len(files)} files, {megabytes:.1f} MB of PDF")
    whole: Callable[[pathlib.Path], Any] = parse_file
    label = "parse_file"
    try:
        parse_file(files[0])
    except InputDecodeError:
        whole = lambda file: parse_document(read_pdf(file))  # noqa: E731
        label = "read_pdf + parse_document"
        print("  (parse_file does not read PDFs in this version: timing read_pdf + parse)")
    seconds = best(lambda: [whole(file) for file in files], repeat)
    print(line(label, len(files), megabytes, seconds))
    reading = best(lambda: [read_pdf(file) for file in files], repeat)
    print(line("read_pdf alone", len(files), megabytes, reading))
    texts = [read_pdf(file).text for file in files]
    text_mb = size_mb(texts)
    print(f"  on the {text_mb:.2f} MB of text read from them (MB/s of that text):")
    time_tools(texts, text_mb, repeat, nlp)


# --- import time, memory, linearity ---------------------------------------------------------

_IMPORT = "import time; s = time.perf_counter(); import resparse; print(time.perf_counter() - s)"
_MEMORY = """
import sys
import resparse

def peak_mb():
    # VmHWM is this process's own peak; ru_maxrss would carry the parent's over the exec
    try:
        with open("/proc/self/status") as status:
            for row in status:
                if row.startswith("VmHWM:"):
                    return int(row.split()[1]) / 1024
    except OSError:
        pass
    import resource
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)

text = open(sys.argv[1], encoding="utf-8").read()
before = peak_mb()
resparse.parse(text)
print(before, peak_mb())
"""


def import_time() -> None:
    """``import resparse`` in a fresh interpreter, best of 5, and the whole start-up."""
    imports, wholes = [], []
    for _ in range(5):
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", _IMPORT], capture_output=True, text=True, check=True
        )
        wholes.append(time.perf_counter() - started)
        imports.append(float(done.stdout))
    print(
        f"import resparse (fresh interpreter, best of 5): {min(imports) * 1000:.0f} ms "
        f"(python -c 'import resparse' start to end: {min(wholes) * 1000:.0f} ms)"
    )


def peak_memory(seed: str, big: pathlib.Path) -> None:
    """Python allocations for one seed parse, and the peak RSS of parsing the 10 MB input."""
    resparse.parse(seed)
    tracemalloc.start()
    resparse.parse(seed)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak Python allocations, one seed parse (tracemalloc): {peak / 1e6:.2f} MB")
    if sys.platform == "win32":  # pragma: no cover - neither /proc nor resource
        return
    done = subprocess.run(
        [sys.executable, "-c", _MEMORY, str(big)], capture_output=True, text=True, check=True
    )
    before, after = (float(value) for value in done.stdout.split())
    print(
        f"peak RSS parsing the {big.stat().st_size / 1e6:.0f} MB input in a fresh process: "
        f"{after:.0f} MB (before the parse, with the text read: {before:.0f} MB)"
    )


def concatenated(texts: Sequence[str], megabytes: float) -> str:
    """Whole resolutions, one after another, until the text reaches ``megabytes``."""
    pieces: list[str] = []
    size = 0
    index = 0
    while size < megabytes * 1e6:
        text = texts[index % len(texts)]
        pieces.append(text)
        size += len(text.encode("utf-8")) + 2
        index += 1
    return "\n\n".join(pieces)


def linearity(texts: Sequence[str], folder: pathlib.Path, seed: str) -> None:
    """Time one parse of 10, 20 and 50 MB of resolutions: time in proportion to size?"""
    sizes = (10, 20, 50)
    inputs = {size: concatenated(texts, size) for size in sizes}
    seconds: dict[int, float] = {}
    for size, text in inputs.items():
        megabytes = len(text.encode("utf-8")) / 1e6
        elapsed = best(lambda text=text: resparse.parse(text), 2 if size < 50 else 1)
        seconds[size] = elapsed
        print(
            f"one input of {megabytes:.1f} MB ({text.count(chr(10) * 2) + 1} blocks): "
            f"{elapsed:.2f} s = {megabytes / elapsed:.2f} MB/s"
        )
    print(f"20 MB / 10 MB time ratio: {seconds[20] / seconds[10]:.2f} (2.00 is linear)")
    print(f"50 MB / 10 MB time ratio: {seconds[50] / seconds[10]:.2f} (5.00 is linear)")
    ten = inputs[10]
    big = folder / "ten.txt"
    big.write_text(ten, encoding="utf-8")
    peak_memory(seed, big)


# --- the code before the redesign, side by side (issue 15) ---------------------------------

BASELINE = "e1e49ea"  # the last commit before the redesign of the parser core
WORKER = pathlib.Path(__file__).resolve().parent / "bench_worker.py"
# issue 15's targets, on one core
SEED_TARGET = 1000.0  # seed documents per second
SEED_SPEEDUP = 4.0  # times the code before the redesign
TEXT_TARGET = 10.0  # MB/s of the development set as text
PDF_TARGET = 0.7  # parse_file's speed over pypdfium2's plain text, same run
IMPORT_TARGET = 0.150  # seconds for ``import resparse``


def render_texts(markup: Sequence[pathlib.Path]) -> list[str]:
    """The development set's markup rendered as text once, by the current code."""
    try:
        from resparse.readers.akn import render_akn as render  # noqa: PLC0415

        return [render(file).text for file in markup]
    except ImportError:  # the renderer moved: the result's source is the rendered text
        return [resparse.parse_file(file).source for file in markup]


def in_tree(tree: pathlib.Path, *task: str) -> dict[str, Any]:
    """Run one task of bench_worker.py with the ``resparse`` of ``tree``."""
    environment = {**os.environ, "PYTHONPATH": str(tree / "src")}
    done = subprocess.run(  # noqa: PLW1510 - the return code is checked below
        [sys.executable, str(WORKER), *task], capture_output=True, text=True, env=environment
    )
    if done.returncode:
        msg = f"bench_worker {' '.join(task)} failed in {tree}:\n{done.stderr[-2000:]}"
        raise RuntimeError(msg)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    if not pathlib.Path(result["module"]).resolve().is_relative_to(tree.resolve()):
        msg = f"{tree} timed the resparse of {result['module']}"
        raise RuntimeError(msg)
    return result


def verdict(passed: bool) -> str:  # noqa: FBT001 - one flag in, one word out
    return "PASS" if passed else "FAIL"


def side_by_side(revision: str, shared: pathlib.Path, repeat: int) -> int:
    """Time the code at ``revision`` and the current code on the same inputs; print targets."""
    with tempfile.TemporaryDirectory(prefix="resparse-bench-") as scratch:
        folder = pathlib.Path(scratch)
        before = folder / "before"
        subprocess.run(
            [
                "git",
                "-C",
                str(ROOT),
                "worktree",
                "add",
                "--detach",
                "--quiet",
                str(before),
                revision,
            ],
            check=True,
        )
        try:
            return compare_trees(revision, before, folder, shared, repeat)
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(before)], check=False
            )


def compare_trees(
    revision: str, before: pathlib.Path, folder: pathlib.Path, shared: pathlib.Path, repeat: int
) -> int:
    """Each task in both trees, one after the other; then the ratios and the targets."""
    trees = {f"before ({revision})": before, "current": ROOT}
    seed = SEED.read_text(encoding="utf-8")
    inputs = {"seed": [seed] * SEED_COPIES}
    markup = sorted((shared / "unxml").glob("*/*/English/*.xml"))
    if markup:
        inputs["development set"] = render_texts(markup)
    else:
        print(f"development set: skipped, no markup under {shared / 'unxml'}")
    figures: dict[str, dict[str, dict[str, Any]]] = {}
    for name, texts in inputs.items():
        path = folder / f"{name.replace(' ', '_')}.json"
        path.write_text(json.dumps(texts), encoding="utf-8")
        megabytes = size_mb(texts)
        print(f"{name}: {len(texts)} texts, {megabytes:.2f} MB; resparse.parse")
        for label, tree in trees.items():
            result = in_tree(tree, "texts", str(path), str(repeat))
            result["docs_s"] = len(texts) / result["seconds"]
            result["mb_s"] = megabytes / result["seconds"]
            figures.setdefault(name, {})[label] = result
            print(f"  {label:<18} {result['docs_s']:9.1f} docs/s {result['mb_s']:7.2f} MB/s")
    pdfs = shared / "pdf" / "ga78"
    if any(pdfs.glob("*.pdf")):
        print(f"PDFs of {pdfs}: parse_file, and pypdfium2 plain text in the same process")
        for label, tree in trees.items():
            result = in_tree(tree, "pdf", str(pdfs), str(repeat))
            result["ratio"] = result["plain_seconds"] / result["seconds"]
            figures.setdefault("pdf", {})[label] = result
            print(
                f"  {label:<18} parse_file {result['files'] / result['seconds']:6.1f} PDFs/s, "
                f"plain text {result['files'] / result['plain_seconds']:6.1f} PDFs/s: "
                f"{result['ratio']:.2f}x"
            )
    else:
        print(f"PDFs: skipped, no PDFs in {pdfs}")
    print("import resparse, fresh interpreter, best of 5 (and import with a first short parse)")
    for label, tree in trees.items():
        runs = [in_tree(tree, "import") for _ in range(5)]
        seconds = min(run["seconds"] for run in runs)
        first = min(run["first_parse_seconds"] for run in runs)
        figures.setdefault("import", {})[label] = {"seconds": seconds, "first": first}
        print(f"  {label:<18} {seconds * 1000:6.0f} ms; with a first parse {first * 1000:6.0f} ms")
    print_targets(figures, f"before ({revision})")
    return 0


def print_targets(figures: dict[str, dict[str, dict[str, Any]]], old: str) -> None:
    """Each target of issue 15 with the current figure, the ratio to before, PASS or FAIL."""
    print("targets of issue 15 (one core; CPU time, best of the runs):")
    if "seed" in figures:
        now, then = figures["seed"]["current"], figures["seed"][old]
        speedup = now["docs_s"] / then["docs_s"]
        print(
            f"  seed >= {SEED_TARGET:,.0f} docs/s: {now['docs_s']:.0f} "
            f"{verdict(now['docs_s'] >= SEED_TARGET)}; >= {SEED_SPEEDUP:.0f}x before: "
            f"{speedup:.2f}x {verdict(speedup >= SEED_SPEEDUP)}"
        )
    if "development set" in figures:
        now, then = figures["development set"]["current"], figures["development set"][old]
        print(
            f"  development set as text >= {TEXT_TARGET:.0f} MB/s: {now['mb_s']:.2f} MB/s "
            f"{verdict(now['mb_s'] >= TEXT_TARGET)} ({now['mb_s'] / then['mb_s']:.2f}x before)"
        )
    if "pdf" in figures:
        now, then = figures["pdf"]["current"], figures["pdf"][old]
        print(
            f"  parse_file >= {PDF_TARGET}x pypdfium2 plain text: {now['ratio']:.2f}x "
            f"{verdict(now['ratio'] >= PDF_TARGET)} (before: {then['ratio']:.2f}x; "
            f"parse_file {then['seconds'] / now['seconds']:.2f}x as fast as before)"
        )
    now, then = figures["import"]["current"], figures["import"][old]
    print(
        f"  import resparse < {IMPORT_TARGET * 1000:.0f} ms: {now['seconds'] * 1000:.0f} ms "
        f"{verdict(now['seconds'] < IMPORT_TARGET)} (before: {then['seconds'] * 1000:.0f} ms); "
        f"with a first parse {now['first'] * 1000:.0f} ms (before: {then['first'] * 1000:.0f} ms)"
    )


# --- main ----------------------------------------------------------------------------------


def machine() -> None:
    """What the figures were measured on."""
    model = ""
    cpuinfo = pathlib.Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for row in cpuinfo.read_text().splitlines():
            if row.startswith("model name"):
                model = row.split(":", 1)[1].strip()
                break
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(
        f"machine: {os.cpu_count()} CPUs ({usable} usable){', ' + model if model else ''}; "
        f"Python {platform.python_version()} on {platform.system()} {platform.machine()}; "
        f"resparse {resparse.__version__}; load average {load}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared", type=pathlib.Path, default=os.environ.get("RESPARSE_SHARED", "/work/shared")
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs to take the best of")
    parser.add_argument(
        "--baseline",
        nargs="?",
        const=BASELINE,
        metavar="REV",
        help=f"time the code at REV (default {BASELINE}) and the current code side by side",
    )
    args = parser.parse_args(argv)
    machine()
    if args.baseline:
        return side_by_side(args.baseline, args.shared, args.repeat)
    nlp = spacy_tokenizer()
    seed = SEED.read_text(encoding="utf-8")
    compare_on_text(f"seed fixture x{SEED_COPIES}", [seed] * SEED_COPIES, args.repeat, nlp)
    markup = sorted((args.shared / "unxml").glob("*/*/English/*.xml"))
    texts = [seed]
    if markup:
        started = time.perf_counter()
        texts = [render_akn(file).text for file in markup]
        rendered = time.perf_counter() - started
        print(f"(rendered {len(texts)} markup files as text in {rendered:.1f} s, not timed below)")
        compare_on_text("development set, markup rendered as text", texts, args.repeat, nlp)
    else:
        print(f"development set: skipped, no markup under {args.shared / 'unxml'}")
    compare_on_pdf(args.shared / "pdf" / "ga78", args.repeat, nlp)
    import_time()
    with tempfile.TemporaryDirectory() as folder:
        linearity(texts, pathlib.Path(folder), seed)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
