"""The evaluation's printed tables: one row per shape, body and language.

Each function takes a report (or a held-out result) and gives plain text; nothing here
scores or prints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from resparse._eval_score import HEADER_FIELDS, Tally

if TYPE_CHECKING:
    from resparse._eval_held_out import HeldOut
    from resparse._eval_run import Report


def _pair(a: float | None, b: float | None) -> str:
    return f"{_pct(a).strip():>6}/{_pct(b).strip():<6}"


def format_held_out(result: HeldOut) -> str:
    """One row per shape, body and language: each figure in sample / held out."""
    columns = ("pre F1", "op F1", "pre lead", "op lead", "text", "header")
    head = f"{'shape':<19}{'body':<5}{'lang':<5}{'docs':>5}  " + "".join(
        f"{c + ' in/out':^16}" for c in columns
    )
    rows = [head, "-" * len(head)]
    keys = sorted(result.in_sample.groups)
    shapes = sorted({k[0] for k in keys})
    for key in keys + [(s, "all", "all") for s in shapes]:
        pair = [_group(report, key) for report in (result.in_sample, result.held_out)]
        figures = [_figures(tally) for tally in pair]
        rows.append(
            f"{key[0]:<19}{key[1]:<5}{key[2]:<5}{pair[0].documents:>5}  "
            + "".join(f"{_pair(a, b):^16}" for a, b in zip(*figures, strict=True))
        )
    return "\n".join(rows)


def format_folds(result: HeldOut) -> str:
    """One row per part held out and shape: the figures with the part's tables left out."""
    columns = ("pre F1", "op F1", "pre lead", "op lead", "text", "header")
    head = f"{'part held out':<26}{'shape':<19}{'docs':>5}" + "".join(f"{c:>9}" for c in columns)
    rows = [head, "-" * len(head)]
    for name, report in result.by_fold.items():
        for shape in sorted({key[0] for key in report.groups}):
            tally = report.total(shape)
            figures = "".join(f"{_pct(v):>9}" for v in _figures(tally))
            rows.append(f"{name:<26}{shape:<19}{tally.documents:>5}{figures}")
    return "\n".join(rows)


def _group(report: Report, key: tuple[str, str, str]) -> Tally:
    """One group's tally, all of a shape for its "all" row, empty where none was scored."""
    if key[1] == "all":
        return report.total(key[0])
    return report.groups.get(key) or Tally()


def _figures(tally: Tally) -> list[float | None]:
    header_n = sum(tally.counts[f"header.{f}.n"] for f in HEADER_FIELDS)
    header_ok = sum(tally.counts[f"header.{f}.ok"] for f in HEADER_FIELDS)
    return [
        tally.f1("pre")[2] if tally.documents else None,
        tally.f1("op")[2] if tally.documents else None,
        tally.accuracy("pre.lead"),
        tally.accuracy("op.lead"),
        tally.accuracy("text"),
        header_ok / header_n if header_n else None,
    ]


def format_self_check(report: Report) -> str:
    """How well the parser's own warnings tell wrong documents from right ones, by group.

    ``wrong warned``: of the documents with a structural error against the gold (a clause
    or paragraph missed or invented, a number or label wrong), the share that carry a
    warning or error with a span; ``right quiet``: of the documents with none, the share
    that carry no such diagnostic.
    """
    head = f"{'shape':<19}{'body':<5}{'lang':<5}{'wrong':>7}{'warned':>9}{'right':>7}{'quiet':>9}"
    rows = [head, "-" * len(head)]
    keys = sorted(report.groups)
    shapes = sorted({k[0] for k in keys})
    for key in keys + [(s, "all", "all") for s in shapes]:
        tally = report.groups.get(key) or report.total(key[0])
        c = tally.counts
        warned = c["check.wrong_warned"] / c["check.wrong"] if c["check.wrong"] else None
        quiet = c["check.right_quiet"] / c["check.right"] if c["check.right"] else None
        rows.append(
            f"{key[0]:<19}{key[1]:<5}{key[2]:<5}{c['check.wrong']:>7}{_pct(warned):>9}"
            f"{c['check.right']:>7}{_pct(quiet):>9}"
        )
    return "\n".join(rows)


def _pct(value: float | None) -> str:
    return "   -  " if value is None else f"{100 * value:6.2f}"


def format_report(report: Report) -> str:
    """A plain-text table of the figures, one row per shape, body and language."""
    head = (
        f"{'shape':<19}{'body':<5}{'lang':<5}{'docs':>5}{'crash':>6}"
        f"{'pre F1':>8}{'op F1':>8}{'pre lead':>9}{'op lead':>9}{'number':>8}{'labels':>8}"
        f"{'text':>8}{'header':>8}{'ms/doc':>8}"
    )
    rows = [head, "-" * len(head)]
    keys = sorted(report.groups)
    shapes = sorted({k[0] for k in keys})
    for key in keys + [(s, "all", "all") for s in shapes]:
        tally = report.groups.get(key) or report.total(key[0])
        header_n = sum(tally.counts[f"header.{f}.n"] for f in HEADER_FIELDS)
        header_ok = sum(tally.counts[f"header.{f}.ok"] for f in HEADER_FIELDS)
        ms = 1000 * tally.seconds / max(1, tally.documents - tally.crashes)
        rows.append(
            f"{key[0]:<19}{key[1]:<5}{key[2]:<5}{tally.documents:>5}{tally.crashes:>6}"
            f"{_pct(tally.f1('pre')[2]):>8}{_pct(tally.f1('op')[2]):>8}"
            f"{_pct(tally.accuracy('pre.lead')):>9}{_pct(tally.accuracy('op.lead')):>9}"
            f"{_pct(tally.accuracy('op.number')):>8}{_pct(tally.accuracy('op.labels')):>8}"
            f"{_pct(tally.accuracy('text')):>8}"
            f"{_pct(header_ok / header_n if header_n else None):>8}{ms:>8.1f}"
        )
    return "\n".join(rows)
