"""Count where the Akoma Ntoso round trip loses something, over the development set.

    python scripts/check_round_trip.py [SHARED] [--language en] [--every K] [--limit N]
                                       [--verbose]

Each UN file in ``SHARED/unxml`` is rendered as text (``render_akn``) in the two markup
shapes of the evaluation: with its italics (``markup-italic``) and as plain text
(``markup-plain``). Each rendering is parsed, written with ``to_akn`` and read back with
``from_akn``; the script counts the results whose content differs
(``resparse._akn_round_trip.differences``: every field of the model but spans, source and
diagnostics) and, by part of the model, how many results differ there. The goal is none.
Skips cleanly when the shared folder is absent.
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import sys
import time

import resparse
from resparse._akn_round_trip import differences
from resparse.errors import ResparseError
from resparse.readers.akn import from_akn, render_akn
from resparse.readers.base import Document

DEFAULT_SHARED = pathlib.Path(__file__).resolve().parents[2] / "shared"
_FOLDERS = {"en": "English", "fr": "French", "es": "Spanish", "ru": "Russian", "ar": "Arabic"}
_FOLDERS["zh"] = "Chinese"


def files(
    shared: pathlib.Path, languages: list[str], every: int, limit: int | None
) -> list[pathlib.Path]:
    """The UN's XML files in the chosen languages, in a stable order; every K-th if asked."""
    wanted = {_FOLDERS[code] for code in languages}
    found = sorted(path for path in (shared / "unxml").rglob("*.xml") if path.parent.name in wanted)
    found = found[::every]
    return found[:limit] if limit else found


def main(argv: list[str] | None = None) -> int:
    """Print the counts; exit 1 when any round trip differs."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("shared", nargs="?", type=pathlib.Path, default=DEFAULT_SHARED)
    options.add_argument("--language", action="append", choices=sorted(_FOLDERS))
    options.add_argument("--every", type=int, default=1, help="take every K-th file only")
    options.add_argument("--limit", type=int, default=None, help="at most N files")
    options.add_argument("--verbose", action="store_true", help="print each difference")
    args = options.parse_args(argv)
    if not (args.shared / "unxml").is_dir():
        print(f"no development set at {args.shared}/unxml: nothing to check")
        return 0
    paths = files(args.shared, args.language or ["en"], args.every, args.limit)
    results = collections.Counter[str]()
    parts = collections.Counter[str]()
    started = time.monotonic()
    for path in paths:
        try:
            italic = render_akn(path)
        except ResparseError:
            results["unreadable"] += 1  # the UN's own file is broken (a tag left open)
            continue
        for shape, doc in (
            ("markup-italic", italic),
            ("markup-plain", Document(text=italic.text, reader="text")),
        ):
            res = resparse.parse_document(doc)
            found = differences(res, from_akn(res.to_akn()))
            results[shape] += 1
            if found:
                results[f"{shape} differs"] += 1
                for part in sorted({d.split(":")[0].split("[")[0] for d in found}):
                    parts[part] += 1
            if found and args.verbose:
                print(f"{path.name} {shape}: {found[0][:300]}")
    print(f"{len(paths)} files in {time.monotonic() - started:.0f} s", end="")
    print(f" ({results['unreadable']} the reader refuses as broken XML)")
    for shape in ("markup-italic", "markup-plain"):
        print(f"{shape}: {results[f'{shape} differs']} of {results[shape]} differ")
    for part, count in parts.most_common():
        print(f"  {part}: {count}")
    return 1 if sum(parts.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
