"""Score parse results against the UN's own Akoma Ntoso markup, field by field.

The markup (``from_akn``) is the gold standard. For each resolution the same document is
read in one or more *shapes* (the text rendered from the markup with or without its
italics, the official PDF, pdftotext output) and parsed; predicted clauses and paragraphs
are aligned in order with the gold ones by the words they share. Scores follow the usual
field-level practice of document-structure evaluation: precision, recall and F1 for the
preambular clauses and the operative paragraphs; exact-match accuracy, over aligned pairs,
for leads (those the markup marks), paragraph numbers, sub-paragraph labels and the text
itself (spaces, the non-breaking hyphen and direction marks aside); exact match for
header fields; crashes and seconds per document. Reports group by shape, body and
language.

Every run also scores the parser's self-checks: of the documents with a structural error
against the gold, the share that carry a warning or error with a span, and of the
documents with none, the share that carry no such diagnostic.

Where the markup puts the last preambular clause in the body, as an unnumbered paragraph
that ends with a comma before paragraph 1, a section heading in an unnumbered paragraph
between two numbered ones (no sub-paragraphs, no closing punctuation), or numbered
paragraphs ("1. ...") at the end of the preamble, the gold is normalised by one rule for
each (``normalise_gold``) before scoring; ``--gold-as-marked`` scores the markup as it is.
Chinese items are aligned by their pairs of characters, the script printing no spaces.

``--held-out`` scores what the development set cannot flatter: every table learned from
the markup (the lead tables ``<lang>.tsv`` and ``<lang>.sc.tsv``, the hyphen tables
``<lang>.hyphens.tsv``) is rebuilt in memory without one part (a General Assembly
session, a quarter of a language's session, a block of Security Council years), and the
parser is scored on that part; beside it, the same cases with the tables rebuilt from
everything.

Run ``python -m resparse.evaluate [--shared ../shared] [--held-out]``; without the shared
folder it says so and exits cleanly.

The scorer's parts live in their own modules: ``_eval_score`` (aligning and counting one
document), ``_eval_gold`` (the gold and its normalisations), ``_eval_cases`` (the
shapes each document is read in), ``_eval_run`` (parsing and scoring the cases),
``_eval_held_out`` (the tables rebuilt without each part) and ``_eval_format`` (the
printed tables). Every name this module had is still read from here.
"""

from __future__ import annotations

import argparse
import collections
import os
import pathlib
import sys
from typing import TYPE_CHECKING

from resparse._eval_cases import (
    LANGUAGE_FOLDERS,
    PDF_SHAPES,
    SHAPES,
    Case,
    _markup_for_pdf,  # noqa: F401 - scripts/build_golden.py reads it from here
    cases,
)
from resparse._eval_format import (
    format_folds,
    format_held_out,
    format_report,
    format_self_check,
)
from resparse._eval_gold import GOLD_AS_MARKED, gold_of, normalise_gold
from resparse._eval_held_out import ADDED_LATER, Fold, HeldOut, Learner, folds, run_held_out
from resparse._eval_run import Report, run
from resparse._eval_score import (
    HEADER_FIELDS,
    Tally,
    _labels,  # noqa: F401 - scripts/list_wrong.py reads it from here
    align,
    flagged,
    score,
    structural_errors,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "ADDED_LATER",
    "GOLD_AS_MARKED",
    "HEADER_FIELDS",
    "LANGUAGE_FOLDERS",
    "PDF_SHAPES",
    "SHAPES",
    "Case",
    "Fold",
    "HeldOut",
    "Learner",
    "Report",
    "Tally",
    "align",
    "cases",
    "flagged",
    "folds",
    "format_folds",
    "format_held_out",
    "format_report",
    "format_self_check",
    "gold_of",
    "main",
    "normalise_gold",
    "run",
    "run_held_out",
    "score",
    "structural_errors",
]


def _score_and_print(
    selected: Sequence[Case], shared: pathlib.Path, *, held_out: bool, everything: bool
) -> Report:
    """Run the cases (in sample and held out, or once), print the tables, give the report."""
    if held_out:

        def progress(line: str) -> None:
            print(line, file=sys.stderr)

        result = run_held_out(selected, shared, everything=everything, progress=progress)
        print("in sample / held out (tables learned from everything / without the part scored)")
        print(format_held_out(result))
        print("\nby part held out:")
        print(format_folds(result))
        report = result.held_out
        print("\nself-check, held out:")
    else:
        report = run(selected)
        print(format_report(report))
        print("\nself-check:")
    print(format_self_check(report))
    return report


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m resparse.evaluate``."""
    parser = argparse.ArgumentParser(prog="resparse evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared",
        default=os.environ.get("RESPARSE_SHARED", "../shared"),
        metavar="DIR",
        help="the development set: a folder holding unxml/ (default: $RESPARSE_SHARED, "
        "else ../shared); without it the command says so and exits 0",
    )
    parser.add_argument(
        "--shape",
        action="append",
        choices=SHAPES,
        help="input shapes to score (default: all available)",
    )
    parser.add_argument(
        "--language",
        action="append",
        choices=sorted(set(LANGUAGE_FOLDERS.values())),
        help="languages to score, one per --language (default: en)",
    )
    parser.add_argument(
        "--limit", type=int, default=None, help="score at most N documents per shape"
    )
    parser.add_argument(
        "--worst", type=int, default=10, help="list the N documents with most misses"
    )
    parser.add_argument(
        "--held-out",
        action="store_true",
        help="learn every table without each part in turn and score the parser on that part,"
        " beside the figures with tables learned from everything",
    )
    parser.add_argument(
        "--learn-all",
        action="store_true",
        help="with --held-out: learn from the folders the shipped tables never learn from"
        " too (SC 2000-2012, the drafts not adopted)",
    )
    parser.add_argument(
        "--gold-as-marked",
        action="store_true",
        help="score against the markup as it is, without putting back the clauses and"
        " paragraphs it misplaces or dropping its heading paragraphs (see normalise_gold)",
    )
    args = parser.parse_args(argv)
    GOLD_AS_MARKED.set(args.gold_as_marked)
    shared = pathlib.Path(args.shared)
    if not (shared / "unxml").is_dir():
        print(f"resparse evaluate: skipped, no development set at {shared / 'unxml'}")
        return 0
    shapes = args.shape or list(SHAPES)
    selected = cases(shared, shapes, args.language or ["en"])
    if args.limit is not None:
        per_shape: collections.Counter[str] = collections.Counter()
        kept = []
        for case in selected:
            per_shape[case.shape] += 1
            if per_shape[case.shape] <= args.limit:
                kept.append(case)
        selected = kept
    report = _score_and_print(selected, shared, held_out=args.held_out, everything=args.learn_all)
    for shape, name, why in report.skipped[:10]:
        print(f"skipped (unreadable markup) {shape:<17} {name}: {why[:100]}")
    if report.errors:
        print("\ncrashes:")
        for shape, name, error in report.errors[:20]:
            print(f"  {shape:<17} {name}: {error}")
    if args.worst and report.worst:
        print(f"\n{args.worst} documents with the most misses (clauses, paragraphs and leads):")
        for misses, shape, name in report.worst[: args.worst]:
            print(f"  {misses:>4}  {shape:<17} {name}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
