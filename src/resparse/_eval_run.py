"""The evaluation's run: every case parsed, scored against its gold, and tallied by group.

A crash is counted, never hidden, and a gold file the markup itself breaks is skipped
with its reason.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import attrs

from resparse._eval_gold import gold_of
from resparse._eval_score import Tally, score
from resparse.errors import ResparseError
from resparse.parser import parse_document

if TYPE_CHECKING:
    import pathlib
    from collections.abc import Callable, Sequence

    from resparse._eval_cases import Case
    from resparse.model import Resolution


@attrs.define
class Report:
    """Tallies by (shape, body, language) and the documents that went worst."""

    groups: dict[tuple[str, str, str], Tally] = attrs.field(factory=dict)
    worst: list[tuple[float, str, str]] = attrs.field(factory=list)
    errors: list[tuple[str, str, str]] = attrs.field(factory=list)
    skipped: list[tuple[str, str, str]] = attrs.field(factory=list)

    def total(self, shape: str) -> Tally:
        """All groups of one shape folded together."""
        tally = Tally()
        for (group_shape, _, _), group in self.groups.items():
            if group_shape == shape:
                tally.add(group)
        return tally


def run(selected: Sequence[Case], *, progress: Callable[[int, int], None] | None = None) -> Report:
    """Parse every case and score it against its gold markup."""
    report = Report()
    gold_cache: dict[pathlib.Path, Resolution] = {}
    for i, case in enumerate(selected):
        tally = report.groups.setdefault((case.shape, case.body, case.language), Tally())
        tally.documents += 1
        gold = gold_cache.get(case.gold_path)
        if gold is None:
            try:
                gold = gold_cache[case.gold_path] = gold_of(case.gold_path)
            except ResparseError as error:  # the UN's file itself is broken: nothing to score
                tally.documents -= 1
                report.skipped.append((case.shape, case.name, str(error)))
                continue
        try:
            started = time.perf_counter()
            predicted = parse_document(case.read(), language=case.language)
            tally.seconds += time.perf_counter() - started
        except Exception as error:  # noqa: BLE001 - a crash is a result to count, not to hide
            tally.crashes += 1
            report.errors.append((case.shape, case.name, f"{type(error).__name__}: {error}"))
            continue
        counts = score(gold, predicted)
        tally.counts.update(counts)
        misses = sum(counts[f"{k}.fp"] + counts[f"{k}.fn"] for k in ("pre", "op"))
        misses += sum(counts[f"{k}.lead.n"] - counts[f"{k}.lead.ok"] for k in ("pre", "op"))
        if misses:
            report.worst.append((misses, case.shape, case.name))
        if progress is not None:
            progress(i + 1, len(selected))
    report.worst.sort(reverse=True)
    return report
