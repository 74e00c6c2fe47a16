"""Check that the official PDFs of the development set parse with no warning.

A right parse of a clean text carries no warning: the 100 official General Assembly PDFs
in ``../shared/pdf/ga78`` are clean texts, so every warning ``resparse.parse_file`` gives on
them is a false alarm of a self-check (or a reader's fault). Prints each warning with its
file and text; exits 1 if any. Skips cleanly when the folder is absent.

Usage: python scripts/check_pdf_quiet.py [FOLDER]
"""

from __future__ import annotations

import pathlib
import sys

import resparse

DEFAULT = pathlib.Path(__file__).resolve().parents[2] / "shared" / "pdf" / "ga78"


def main(argv: list[str]) -> int:
    """Parse every PDF of the folder and print the warnings found."""
    folder = pathlib.Path(argv[0]) if argv else DEFAULT
    if not folder.is_dir():
        print(f"check_pdf_quiet: skipped, no folder {folder}")
        return 0
    files = sorted(folder.glob("*.pdf"))
    warned = 0
    for path in files:
        result = resparse.parse_file(path)
        found = [d for d in result.diagnostics if d.severity in ("warning", "error")]
        warned += bool(found)
        for d in found:
            where = " ".join(result.raw(d.span)[:80].split()) if d.span else ""
            print(f"{path.name}: {d.code}: {where}")
    print(f"{len(files)} PDFs, {warned} with a warning")
    return 1 if warned else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
