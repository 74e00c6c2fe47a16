"""Wall-clock time of ``resparse corpus`` on the development set and on the official PDFs.

    python benchmarks/bench_corpus.py [--shared /work/shared] [--jobs 2]

1. The ~1,491 English markup files of ``shared/unxml`` are rendered as text into a
   temporary folder (not timed), then ``resparse corpus`` parses the folder.
2. ``resparse corpus`` parses the 100 PDFs of ``shared/pdf/ga78``.

Each run is the real command in a fresh process, so the figures include start-up, the
worker pool, the progress bar and writing the tables. A part whose input is missing is
skipped with a line saying so. Run by hand, not from the tests.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

# run as a script from benchmarks/, so its sibling is importable
from bench_parse import machine

from resparse.readers.akn import render_akn


def output_name() -> str:
    """Parquet where pyarrow is installed, else JSONL."""
    try:
        import pyarrow as pa  # noqa: F401, PLC0415
    except ImportError:
        return "out.jsonl"
    return "out.parquet"


def errors_in(out: pathlib.Path) -> tuple[int, int, list[str]]:
    """Documents, documents with an error, and the first few errors."""
    if out.suffix == ".jsonl":
        records = [json.loads(row) for row in out.read_text(encoding="utf-8").splitlines()]
    else:
        import pyarrow.parquet as pq  # noqa: PLC0415

        documents = out.with_name(out.stem + ".documents.parquet")
        records = pq.read_table(documents, columns=["path", "error"]).to_pylist()
    failed = [f"{r['path']}: {r['error']}" for r in records if r["error"] is not None]
    return len(records), len(failed), failed[:3]


def run_corpus(folder: pathlib.Path, out: pathlib.Path, jobs: int, what: str) -> None:
    """Time one ``resparse corpus`` run and print files/s, per core too."""
    command = [sys.executable, "-m", "resparse.cli", "corpus", str(folder), "-o", str(out)]
    command += ["--jobs", str(jobs), "--quiet"]
    started = time.perf_counter()
    subprocess.run(command, check=True)
    seconds = time.perf_counter() - started
    documents, failed, examples = errors_in(out)
    print(
        f"{what}: {documents} files in {seconds:.1f} s with --jobs {jobs} = "
        f"{documents / seconds:.1f} files/s ({documents / seconds / jobs:.1f} per worker); "
        f"{failed} with errors"
    )
    for example in examples:
        print(f"  e.g. {example[:160]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared", type=pathlib.Path, default=os.environ.get("RESPARSE_SHARED", "/work/shared")
    )
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    machine()
    markup = sorted((args.shared / "unxml").glob("*/*/English/*.xml"))
    pdfs = args.shared / "pdf" / "ga78"
    with tempfile.TemporaryDirectory() as temporary:
        work = pathlib.Path(temporary)
        if markup:
            texts = work / "texts"
            started = time.perf_counter()
            for file in markup:
                relative = file.relative_to(args.shared / "unxml").with_suffix(".txt")
                target = texts / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(render_akn(file).text, encoding="utf-8")
            size = sum(f.stat().st_size for f in texts.rglob("*.txt")) / 1e6
            print(
                f"rendered {len(markup)} markup files as text ({size:.1f} MB) in "
                f"{time.perf_counter() - started:.1f} s (not part of the figure below)"
            )
            run_corpus(texts, work / output_name(), args.jobs, "development set as text")
        else:
            print(f"development set: skipped, no markup under {args.shared / 'unxml'}")
        if any(pdfs.glob("*.pdf")):
            run_corpus(pdfs, work / ("pdf-" + output_name()), args.jobs, f"PDFs of {pdfs}")
        else:
            print(f"PDFs: skipped, none in {pdfs}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
