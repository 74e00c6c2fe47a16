"""List every document the parser gets structurally wrong, with its errors and its warnings.

``resparse.evaluate`` gives the share of wrong documents that carry a warning; this script
shows which ones they are, so they can be grouped by cause: for each wrong document, the
gold clauses or paragraphs missed, the predicted ones invented, the paragraph numbers and
sub-paragraph labels that differ, and the codes of the warnings (with spans) it carries. A
document marked ``SILENT`` is a wrong parse that says nothing. With ``--right`` it lists
the warnings that right documents carry too (the other side of the self-check).

It scores exactly as ``resparse.evaluate`` does (same cases, alignment and error count,
and the same gold, normalised unless ``--gold-as-marked``); with ``--held-out`` each
fold is parsed with the tables learned without it, as ``--held-out`` scores it there.
Skips cleanly when the shared folder is absent.

Usage: python scripts/list_wrong.py [--shared DIR] [--shape S] [--language L] [--limit N]
       [--right] [--silent-only] [--held-out] [--gold-as-marked]
"""

from __future__ import annotations

import argparse
import collections
import os
import pathlib
import sys
from typing import TYPE_CHECKING

from resparse import _eval_held_out, evaluate
from resparse.errors import ResparseError
from resparse.parser import parse_document

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from resparse.model import Resolution


def _short(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 3] + "..."


def describe(gold: Resolution, predicted: Resolution) -> list[str]:
    """One line per structural error of ``predicted`` against ``gold``."""
    lines: list[str] = []
    for kind, gold_items, pred_items in (
        ("pre", gold.preamble, predicted.preamble),
        ("op", gold.operative, predicted.operative),
    ):
        pairs = evaluate.align([g.text for g in gold_items], [p.text for p in pred_items])
        paired_gold = {g for g, _ in pairs}
        paired_pred = {p for _, p in pairs}
        for g, item in enumerate(gold_items):
            if g not in paired_gold:
                lines.append(f"  missed   {kind} #{g}: {_short(item.text)}")
        for p, item in enumerate(pred_items):
            if p not in paired_pred:
                lines.append(
                    f"  invented {kind} #{p} @{item.span.start}-{item.span.end}: "
                    f"{_short(item.text)}"
                )
        if kind != "op":
            continue
        for g, p in pairs:
            gold_item, pred_item = gold_items[g], pred_items[p]
            gold_number = getattr(gold_item, "number", None)
            pred_number = getattr(pred_item, "number", None)
            if gold_number != pred_number:
                lines.append(f"  number   op #{p}: gold {gold_number}, got {pred_number}")
            gold_labels = evaluate._labels(gold_item)  # noqa: SLF001 - the same count as evaluate
            pred_labels = evaluate._labels(pred_item)  # noqa: SLF001
            if gold_labels != pred_labels:
                lines.append(
                    f"  labels   op #{p} ({pred_number}): gold {gold_labels}, got {pred_labels}"
                )
    return lines


def _warnings(result: Resolution) -> list[str]:
    return [
        d.code
        for d in result.diagnostics
        if d.severity in ("warning", "error") and d.span is not None
    ]


def _selected(args: argparse.Namespace, shared: pathlib.Path) -> list[evaluate.Case]:
    selected = evaluate.cases(shared, args.shape or list(evaluate.SHAPES), args.language or ["en"])
    if args.limit is None:
        return selected
    seen: collections.Counter[str] = collections.Counter()
    kept = []
    for case in selected:
        seen[case.shape] += 1
        if seen[case.shape] <= args.limit:
            kept.append(case)
    return kept


def _print_case(
    case: evaluate.Case, gold: Resolution, predicted: Resolution, args: argparse.Namespace
) -> tuple[bool, list[str]]:
    """Print one case as the options ask; give whether it is wrong, and its warning codes."""
    counts = evaluate.score(gold, predicted)
    codes = _warnings(predicted)
    where = f"{case.shape} {case.body} {case.language} {case.name}"
    if evaluate.structural_errors(counts):
        if not (codes and args.silent_only):
            state = f"warned {sorted(set(codes))}" if codes else "SILENT"
            print(f"WRONG {where} {state}")
            for line in describe(gold, predicted):
                print(line)
        return True, codes
    if codes and args.right:
        print(f"RIGHT-WARNED {where} {sorted(set(codes))}")
        for d in predicted.diagnostics:
            if d.code in codes and d.span is not None:
                print(f"  {d.code} @{d.span.start}: {_short(predicted.raw(d.span), 60)}")
    return False, codes


def _parse(case: evaluate.Case) -> Resolution | None:
    try:
        return parse_document(case.read(), language=case.language)
    except Exception as error:  # noqa: BLE001 - a crash is listed, not hidden
        print(f"CRASH {case.shape} {case.language} {case.name}: {error}")
        return None


def _parsed(
    args: argparse.Namespace, shared: pathlib.Path
) -> Iterator[tuple[evaluate.Case, Resolution | None]]:
    """Each case with its parse; held out, parsed with the tables learned without its fold."""
    selected = _selected(args, shared)
    if not args.held_out:
        for case in selected:
            yield case, _parse(case)
        return
    learner = evaluate.Learner(shared)
    for fold in evaluate.folds(shared):
        mine = [c for c in selected if c.gold_path in fold.files]
        if not mine:
            continue
        print(f"-- held out {fold.name}: {len(mine)} cases")
        with _eval_held_out._tables(learner.texts(fold.files)):  # noqa: SLF001
            for case in mine:
                yield case, _parse(case)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: parse the cases, print the wrong documents and a summary."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=os.environ.get("RESPARSE_SHARED", "../shared"))
    parser.add_argument("--shape", action="append", choices=evaluate.SHAPES)
    parser.add_argument("--language", action="append")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--right", action="store_true", help="list warned right documents too")
    parser.add_argument("--silent-only", action="store_true", help="only the unwarned wrong ones")
    parser.add_argument(
        "--held-out", action="store_true", help="parse with tables learned without each fold"
    )
    parser.add_argument(
        "--gold-as-marked", action="store_true", help="the markup as it is, not normalised"
    )
    args = parser.parse_args(argv)
    evaluate.GOLD_AS_MARKED.set(args.gold_as_marked)
    shared = pathlib.Path(args.shared)
    if not (shared / "unxml").is_dir():
        print(f"list_wrong: skipped, no development set at {shared / 'unxml'}")
        return 0
    summary: collections.Counter[str] = collections.Counter()
    right_codes: collections.Counter[str] = collections.Counter()
    for case, predicted in _parsed(args, shared):
        try:
            gold = evaluate.gold_of(case.gold_path)
        except ResparseError:
            continue
        if predicted is None:
            continue
        wrong, codes = _print_case(case, gold, predicted, args)
        if wrong:
            summary["wrong"] += 1
            summary["wrong warned"] += bool(codes)
        else:
            summary["right"] += 1
            summary["right quiet"] += not codes
            right_codes.update(set(codes))
        sys.stdout.flush()
    print(
        f"\nwrong {summary['wrong']}, warned {summary['wrong warned']}; "
        f"right {summary['right']}, quiet {summary['right quiet']}"
    )
    if right_codes:
        print("codes on right documents:", dict(right_codes.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
