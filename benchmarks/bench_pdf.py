"""Throughput of resparse.readers.pdf.read_pdf on a folder of PDFs, on one core.

    python benchmarks/bench_pdf.py [FOLDER] [--repeat N] [--baseline]

FOLDER defaults to /work/shared/pdf/ga78 (100 official General Assembly resolutions); the
script says so and exits cleanly when it holds no PDFs. ``--baseline`` also times plain
text extraction with pypdfium2 alone, the floor any pdfium-based reader stands on.
"""

from __future__ import annotations

import argparse
import pathlib
import time

from resparse.readers.pdf import read_pdf

DEFAULT_FOLDER = pathlib.Path("/work/shared/pdf/ga78")


def time_reader(files: list[pathlib.Path]) -> tuple[float, int]:
    """Seconds to read every file with read_pdf, and the number of pages read."""
    start = time.perf_counter()
    pages = 0
    for file in files:
        pages += read_pdf(file).text.count("\f") + 1
    return time.perf_counter() - start, pages


def time_baseline(files: list[pathlib.Path]) -> float:
    """Seconds to pull the plain text of every page with pypdfium2 and nothing else."""
    import pypdfium2  # type: ignore[import-untyped]  # noqa: PLC0415 - only with --baseline

    start = time.perf_counter()
    for file in files:
        document = pypdfium2.PdfDocument(file)
        for page in document:
            page.get_textpage().get_text_range()
        document.close()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=pathlib.Path, default=DEFAULT_FOLDER)
    parser.add_argument("--repeat", type=int, default=3, help="runs to take the best of")
    parser.add_argument("--baseline", action="store_true", help="also time pypdfium2 alone")
    args = parser.parse_args(argv)
    files = sorted(args.folder.glob("*.pdf")) if args.folder.is_dir() else []
    if not files:
        print(f"skipped: no PDFs in {args.folder}")
        return 0
    megabytes = sum(file.stat().st_size for file in files) / 1e6
    read_pdf(files[0])  # binds pdfium once, outside the timing
    runs = [time_reader(files) for _ in range(max(1, args.repeat))]
    seconds, pages = min(runs)
    print(f"{len(files)} PDFs, {pages} pages, {megabytes:.1f} MB; best of {len(runs)} runs")
    print(
        f"read_pdf: {seconds:.2f} s = {len(files) / seconds:.1f} PDFs/s, "
        f"{megabytes / seconds:.1f} MB/s, {pages / seconds:.0f} pages/s"
    )
    if args.baseline:
        base = min(time_baseline(files) for _ in range(max(1, args.repeat)))
        print(f"pypdfium2 plain text: {base:.2f} s = {len(files) / base:.1f} PDFs/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
