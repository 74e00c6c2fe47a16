"""Dump what resparse reads from every development text, to diff two versions of the code.

    python benchmarks/dump_results.py OUT.tsv [--shared ../shared] [--limit N]

One line per input: its name, a hash of the whole result as JSON, and the result's
references, so that a speed change can be checked to change nothing: run it before and
after, then ``diff`` the two files. The inputs are the development set's markup rendered
as text (every language), the same text wrapped at 80 columns as the evaluator's
``markup-wrapped`` shape does, the same markup read with ``from_akn``, the ga78 PDFs read
with ``parse_file`` and the seed. Run by hand, not from the tests.
"""

from __future__ import annotations

import argparse
import hashlib
import pathlib
import sys

import resparse
from resparse._eval_cases import as_wrapped
from resparse.readers.akn import render_akn
from resparse.serialize import to_json

ROOT = pathlib.Path(__file__).resolve().parent.parent


def record(name: str, result: resparse.Resolution) -> str:
    """One line: the name, the hash of the whole result, each reference in order."""
    digest = hashlib.sha256(to_json(result).encode("utf-8")).hexdigest()[:16]
    refs = " | ".join(
        f"{r.kind}:{r.target}@{r.span.start}-{r.span.end}:{r.part}{r.index}:{r.body}:"
        f"{r.date}:{int(r.in_range)}:{r.text}"
        for r in result.references
    )
    return f"{name}\t{digest}\t{refs}"


def main(argv: list[str] | None = None) -> int:
    """Write the dump."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--shared", type=pathlib.Path, default=ROOT.parent / "shared")
    parser.add_argument("--limit", type=int, default=0, help="every Nth markup file only")
    args = parser.parse_args(argv)
    markup = sorted((args.shared / "unxml").glob("**/*.xml"))
    if args.limit:
        markup = markup[:: args.limit]
    lines = []
    seed = ROOT / "fixtures" / "A_HRC_RES_46_13.txt"
    lines.append(record("seed", resparse.parse(seed.read_text(encoding="utf-8"))))
    for file in markup:
        name = str(file.relative_to(args.shared))
        try:
            text = render_akn(file).text
        except resparse.InputError as error:  # a malformed file: the same error both times
            lines.append(f"text:{name}\terror\t{type(error).__name__}")
            continue
        lines.append(record(f"text:{name}", resparse.parse(text)))
        lines.append(record(f"wrapped:{name}", resparse.parse(as_wrapped(text))))
        lines.append(record(f"akn:{name}", resparse.from_akn(file)))
    pdfs = sorted((args.shared / "pdf" / "ga78").glob("*.pdf"))
    lines.extend(record(f"pdf:{file.name}", resparse.parse_file(file)) for file in pdfs)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} results written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
