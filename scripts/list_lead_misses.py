"""Tabulate the plain-text lead misses, held out, and say of what kind each one is.

``resparse.evaluate --held-out`` gives the share of marked leads the parser finds on a
text without italics; this script shows which (gold lead, our lead) pairs make up the
rest, by group (body and language), with how often each is missed. Every pair is put
in one class, from what the markup itself says about the same words:

- ``gold-split``: the markup marks the same opening words both ways, and our reading is
  a form it uses at least a third as often as the other (the gold contradicts itself);
- ``unseen``: the tables learned without the part scored never saw the gold's lead
  whole (a head or modifier they lack);
- ``rule``: the tables saw the gold's lead whole, and the walk still ended elsewhere
  (cut short or run on: adverbs, "also", objects like "upon" or "to").

The counts of the same words across the whole markup are printed beside each pair:
``gold n/N`` is how many of the N clauses opening with the longer reading's words mark
exactly the gold's lead, ``ours n`` how many mark ours. It scores exactly as
``resparse.evaluate`` does (cases, folds, alignment, normalised gold). Skips cleanly when
the shared folder is absent.

Usage: python scripts/list_lead_misses.py [--shared DIR] [--language L ...] [--body GA|SC]
       [--top N] [--in-sample] [--class gold-split|unseen|rule]
"""

from __future__ import annotations

import argparse
import collections
import os
import pathlib
import sys
from typing import TYPE_CHECKING

from resparse import _eval_held_out, _eval_score, _learn, evaluate
from resparse._lead_tables import word_key
from resparse.errors import ResparseError
from resparse.parser import parse_document

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from resparse.model import Resolution

Miss = tuple[str, str, str, str, str]  # body, language, kind, gold lead, our lead
SPLIT_SHARE = 1 / 3


def _words(text: str) -> tuple[str, ...]:
    return tuple(word_key(w) for w in _learn.WORD_RE.findall(text))


def misses(gold: Resolution, predicted: Resolution) -> Iterable[tuple[str, str, str, str]]:
    """(kind, gold lead, our lead, gold clause start) of each marked lead we got wrong."""
    for kind, gold_items, pred_items in (
        ("pre", gold.preamble, predicted.preamble),
        ("op", gold.operative, predicted.operative),
    ):
        pairs = evaluate.align([g.text for g in gold_items], [p.text for p in pred_items])
        for g, p in pairs:
            gold_item, pred_item = gold_items[g], pred_items[p]
            if not (gold_item.lead and gold_item.lead_italic):
                continue
            if _eval_score._lead(gold_item.lead) != _eval_score._lead(pred_item.lead):  # noqa: SLF001
                yield kind, gold_item.lead, pred_item.lead or "", gold_item.text[:80]


class Marks:
    """How the markup marks the lead of clauses that open with given words."""

    def __init__(self, openings: Iterable[tuple[str, list[tuple[list[str], int]]]]) -> None:
        """Index (language:kind, openings) pairs."""
        self.by_kind: dict[str, list[tuple[tuple[str, ...], int]]] = collections.defaultdict(list)
        for kind, found in openings:
            self.by_kind[kind].extend((tuple(w), n) for w, n in found)

    def lengths(self, kind: str, prefix: Sequence[str]) -> collections.Counter[int]:
        """Lead lengths the markup gives clauses opening with ``prefix``."""
        size = len(prefix)
        return collections.Counter(
            n for w, n in self.by_kind[kind] if len(w) >= size and w[:size] == tuple(prefix)
        )

    def whole(self, kind: str, lead: Sequence[str]) -> int:
        """How often the markup marks exactly ``lead``."""
        size = len(lead)
        return sum(1 for w, n in self.by_kind[kind] if n == size and w[:size] == tuple(lead))


def classify(kind: str, gold: str, ours: str, everything: Marks, training: Marks) -> str:
    """The class of one miss: gold-split, unseen or rule (see the module's docstring)."""
    g, o = _words(gold), _words(ours)
    longer = g if len(g) >= len(o) else o
    lengths = everything.lengths(kind, longer)
    if o and g[: len(o)] == o[: len(g)] and lengths[len(o)] >= SPLIT_SHARE * lengths[len(g)]:
        return "gold-split"
    if not training.whole(kind, g):
        return "unseen"
    return "rule"


def _language(path: pathlib.Path) -> str:
    return evaluate.LANGUAGE_FOLDERS[path.parent.name]


def _cases(shared: pathlib.Path, languages: Sequence[str]) -> list[evaluate.Case]:
    return evaluate.cases(shared, ["markup-plain"], languages)


def collect_misses(
    shared: pathlib.Path, languages: Sequence[str], *, in_sample: bool
) -> tuple[
    collections.Counter[Miss], collections.Counter[tuple[str, str, str]], Marks, dict[Miss, str]
]:
    """Misses by (body, language, kind, gold, ours), their classes, and the markup's marks."""
    learner = evaluate.Learner(shared)
    selected = _cases(shared, languages)
    found: collections.Counter[Miss] = collections.Counter()
    classes: collections.Counter[tuple[str, str, str]] = collections.Counter()
    class_of: dict[Miss, str] = {}
    base = learner.texts()
    all_files = {c.gold_path for c in selected}
    for path in all_files:
        if path not in learner._openings:  # noqa: SLF001
            emphasis = learner._emphasis(_language(path))  # noqa: SLF001
            learner._openings[path] = _learn.openings_of(str(path), emphasis)  # noqa: SLF001
    everything = Marks(
        (f"{_language(path)}:{kind}", got)
        for path, part in learner._openings.items()  # noqa: SLF001
        for kind, got in part.items()
    )
    runs: list[tuple[dict[str, dict[str, str]], list[evaluate.Case], frozenset[pathlib.Path]]]
    if in_sample:
        runs = [(base, selected, frozenset())]
    else:
        runs = []
        for fold in evaluate.folds(shared):
            mine = [c for c in selected if c.gold_path in fold.files]
            if mine:
                runs.append((learner.texts(fold.files), mine, fold.files))
    shipped = {p for files in (*learner.general.values(), *learner.council.values()) for p in files}
    for texts, mine, left_out in runs:
        training = Marks(
            (f"{_language(path)}:{kind}", got)
            for path, part in learner._openings.items()  # noqa: SLF001
            if path in shipped and path not in left_out
            for kind, got in part.items()
        )
        with _eval_held_out._tables(texts):  # noqa: SLF001
            for case in mine:
                try:
                    gold = evaluate.gold_of(case.gold_path)
                    predicted = parse_document(case.read(), language=case.language)
                except ResparseError:
                    continue
                for kind, g, o, _ in misses(gold, predicted):
                    key = (case.body, case.language, kind, g.strip(), o.strip())
                    found[key] += 1
                    what = classify(f"{case.language}:{kind}", g, o, everything, training)
                    classes[(case.body, case.language, what)] += 1
                    class_of[key] = what
    return found, classes, everything, class_of


def main(argv: Sequence[str] | None = None) -> int:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=os.environ.get("RESPARSE_SHARED", "../shared"))
    parser.add_argument("--language", action="append")
    parser.add_argument("--body", choices=("GA", "SC"))
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--in-sample", action="store_true")
    parser.add_argument("--class", dest="only", choices=("gold-split", "unseen", "rule"))
    args = parser.parse_args(argv)
    shared = pathlib.Path(args.shared)
    if not (shared / "unxml").is_dir():
        print(f"skipped: no development set at {shared / 'unxml'}")
        return 0
    found, classes, everything, class_of = collect_misses(
        shared, args.language or ["en"], in_sample=args.in_sample
    )
    print("misses by class:")
    for (body, language, what), n in sorted(classes.items()):
        if args.body in (None, body):
            print(f"  {body} {language} {what:<11}{n:>6}")
    groups = sorted({(b, lang) for b, lang, *_ in found})
    for body, language in groups:
        if args.body not in (None, body):
            continue
        mine = [
            (n, key)
            for key, n in found.items()
            if key[:2] == (body, language) and args.only in (None, class_of[key])
        ]
        mine.sort(reverse=True)
        print(f"\n{body} {language}: {sum(n for n, _ in mine)} misses")
        for n, (_, _, kind, g, o) in mine[: args.top]:
            gw, ow = _words(g), _words(o)
            longer = gw if len(gw) >= len(ow) else ow
            lengths = everything.lengths(f"{language}:{kind}", longer)
            print(
                f"  {n:>4} {kind:<3} gold {g!r:<38} ours {o!r:<38} "
                f"gold {lengths[len(gw)]}/{sum(lengths.values())} ours {lengths[len(ow)]}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
