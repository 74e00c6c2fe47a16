"""Run ``from_akn`` over the UN's Akoma Ntoso development set and check its invariants.

The markup's own counts are the ground truth: one preambular clause per
``preamble/container`` (plus the section preambles the reader takes from ``crossHeading``
elements that refer to ``#preamble``, less the unnamed all-bold containers it reads as
headings), one numbered operative paragraph per mainBody ``paragraph`` whose ``num`` reads
``N.`` (or ``l.``, a typing slip for ``1.``, or that has no ``num`` but starts with a
typed ``N.``). Every span must lie inside the source, every lead must be the text under
its lead span, and the rendering must be the same twice. Skips cleanly when the folder
(or lxml) is absent.

Usage: python scripts/check_akn.py [ROOT] [--verbose]
"""

from __future__ import annotations

import collections
import dataclasses
import pathlib
import sys
import time
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from collections.abc import Iterator

    from lxml import etree

    from resparse.model import OperativeParagraph, PreambularClause, Resolution, Span

DEFAULT_ROOT = pathlib.Path(__file__).resolve().parents[2] / "shared" / "unxml"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
NUMBERED = regex.compile(r"[\s\u200e\u200f]*(?:\d+|l)\.[\s\u200e\u200f]*")
TYPED_NUMBER = regex.compile(r"[\s\u200e\u200f]*\d{1,3}\.[\u200e\u200f]*\s")
REQUIRED = ("symbol", "body", "distribution", "issued", "publisher")
TOTALS = (
    "clauses",
    "paragraphs",
    "unnumbered paragraphs",
    "sub-paragraphs",
    "footnotes",
    "headings",
    "annexes",
    "votes",
    "clauses without lead",
    "numbered paragraphs without lead",
    "unclassified",
    "uncovered runs",
)


def english_files(root: pathlib.Path) -> list[pathlib.Path]:
    """Every English XML file of the set, General Assembly first."""
    return sorted(root.glob("ga/*/English/*.xml")) + sorted(root.glob("sc/*/English/*.xml"))


def local(element: etree._Element) -> str:
    """An element's name without its namespace."""
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def bold_heading(container: etree._Element) -> bool:
    """A container with no name whose every span is bold (a heading inside the preamble)."""
    spans = list(container.iter(f"{AKN}span"))
    bold = all("bold" in (s.get("class") or "") for s in spans)
    return not container.get("name") and bool(spans) and bold


def expected_counts(path: pathlib.Path) -> tuple[int, int, bool]:
    """Preambular clauses and ``N.`` paragraphs in the markup, and whether it has a formula."""
    from lxml import etree  # noqa: PLC0415 - the script needs lxml only when the data is there

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    tree = etree.parse(str(path), parser)
    clauses = paragraphs = 0
    for element in tree.iter(f"{AKN}container", f"{AKN}crossHeading", f"{AKN}paragraph"):
        ancestors = {local(a) for a in element.iterancestors()}
        if "attachments" in ancestors:
            continue
        name = local(element)
        parent = element.getparent()
        if name == "container" and parent is not None and local(parent) == "preamble":
            clauses += 0 if bold_heading(element) else 1
        elif name == "crossHeading" and "mainBody" in ancestors:
            clauses += element.get("refersTo") == "#preamble"
        elif name == "paragraph" and "mainBody" in ancestors:
            num = element.find(f"{AKN}num")
            if num is not None:
                paragraphs += bool(NUMBERED.fullmatch(num.text or ""))
            else:
                paragraphs += bool(TYPED_NUMBER.match("".join(element.itertext())))
    has_formula = next(tree.iter(f"{AKN}formula"), None) is not None
    return clauses, paragraphs, has_formula


def units(res: Resolution) -> list[PreambularClause | OperativeParagraph]:
    """The clauses and paragraphs, which both carry a lead."""
    return [*res.preamble, *res.operative]


def all_spans(res: Resolution) -> Iterator[tuple[str, Span]]:
    """Every span the result holds, named by where it came from."""
    for name, span in res.header.spans.items():
        yield f"header.{name}", span
    yield from (("agenda", item.span) for item in res.header.agenda_items)
    for unit in units(res):
        yield type(unit).__name__, unit.span
        if unit.lead_span is not None:
            yield f"lead of {unit.lead!r}", unit.lead_span
    for para in res.operative:
        for top in para.subparagraphs:
            yield from ((f"({sub.label})", sub.span) for sub in top.walk())
    for note in res.footnotes:
        yield f"footnote {note.marker}", note.span
        if note.anchor is not None:
            yield f"anchor of footnote {note.marker}", note.anchor
    yield from (("vote", vote.span) for vote in res.votes)
    yield from (("heading", heading.span) for heading in res.headings)
    yield from (("annex", annex.span) for annex in res.annexes)
    yield from (("furniture", item.span) for item in res.furniture)
    yield from (("unclassified", item.span) for item in res.unclassified)


def lead_problems(res: Resolution) -> Iterator[str]:
    """Leads that are not the text under their span, or lie outside their part."""
    for unit in units(res):
        if unit.lead is None or unit.lead_span is None:
            continue
        if res.source[unit.lead_span.start : unit.lead_span.end] != unit.lead:
            yield f"lead {unit.lead!r} is not the text at {unit.lead_span}"
        if not unit.span.contains(unit.lead_span):
            yield f"lead {unit.lead!r} lies outside its part {unit.span}"


def check(path: pathlib.Path) -> tuple[Resolution, list[str]]:
    """Parse one file and list every broken invariant."""
    from resparse.readers.akn import from_akn, render_akn  # noqa: PLC0415 - needs lxml

    res = from_akn(path)
    source = res.source
    problems: list[str] = []
    if render_akn(path).text != source or from_akn(path).source != source:
        problems.append("the rendering differs from render_akn(...).text or between runs")
    problems.extend(
        f"{name}: span {span} outside the source ({len(source)})"
        for name, span in all_spans(res)
        if span.end > len(source)
    )
    problems.extend(lead_problems(res))
    clauses, paragraphs, has_formula = expected_counts(path)
    required = list(REQUIRED)
    if "/PRST/" not in (res.header.symbol or ""):
        required += ["number", "adoption_line"] + (["enacting_formula"] if has_formula else [])
    problems.extend(
        f"header field {field} missing"
        for field in required
        if getattr(res.header, field) is None or field not in res.header.spans
    )
    if len(res.preamble) != clauses:
        problems.append(f"{len(res.preamble)} preambular clauses, the markup has {clauses}")
    numbered = sum(1 for p in res.operative if p.number is not None)
    if numbered != paragraphs:
        problems.append(f"{numbered} numbered operative paragraphs, the markup has {paragraphs}")
    return res, problems


def count(res: Resolution, totals: collections.Counter[str]) -> None:
    """Add one result's figures to the totals."""
    totals["files"] += 1
    totals["clauses"] += len(res.preamble)
    totals["paragraphs"] += len(res.operative)
    totals["unnumbered paragraphs"] += sum(1 for p in res.operative if p.number is None)
    totals["sub-paragraphs"] += sum(
        1 for p in res.operative for t in p.subparagraphs for _ in t.walk()
    )
    totals["footnotes"] += len(res.footnotes)
    totals["headings"] += len(res.headings)
    totals["annexes"] += len(res.annexes)
    totals["votes"] += len(res.votes)
    totals["clauses without lead"] += sum(1 for c in res.preamble if c.lead is None)
    totals["numbered paragraphs without lead"] += sum(
        1 for p in res.operative if p.lead is None and p.number is not None
    )
    totals["unclassified"] += len(res.unclassified)
    totals["uncovered runs"] += len(res.uncovered())


@dataclasses.dataclass
class Run:
    """What a run over the set found."""

    root: pathlib.Path
    files: list[pathlib.Path]
    totals: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    rules: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    failures: list[tuple[pathlib.Path, list[str]]] = dataclasses.field(default_factory=list)


def report(run: Run, *, elapsed: float, verbose: bool) -> None:
    """Print the figures, the files per reading rule, and the failures."""
    print(f"files: {len(run.files)} ({run.totals['files']} parsed)")
    for key in TOTALS:
        print(f"{key}: {run.totals[key]}")
    print("files per rule (diagnostic code):")
    for code, number in sorted(run.rules.items()):
        print(f"  {code}: {number}")
    print(f"failures: {len(run.failures)}")
    for path, problems in run.failures[: None if verbose else 20]:
        print(f"  {path.relative_to(run.root)}")
        for problem in problems[: None if verbose else 3]:
            print(f"    {problem}")
    per_file = 1000 * elapsed / max(1, len(run.files))
    print(
        f"time: {elapsed:.1f} s ({per_file:.1f} ms per file, each parsed twice and rendered once)"
    )


def main(argv: list[str]) -> int:
    """Check every file; print the figures and the problems; exit 1 on any failure."""
    verbose = "--verbose" in argv
    args = [a for a in argv if not a.startswith("--")]
    root = pathlib.Path(args[0]) if args else DEFAULT_ROOT
    if not root.is_dir():
        print(f"skipped: {root} is not there (the UN Akoma Ntoso set is not on this machine)")
        return 0
    try:
        import lxml  # noqa: F401, PLC0415 - only to know whether the reader can run
    except ImportError:
        print("skipped: lxml is not installed")
        return 0
    run = Run(root, english_files(root))
    began = time.perf_counter()
    for path in run.files:
        try:
            res, problems = check(path)
        except Exception as error:  # noqa: BLE001 - every failure is reported, none stops the run
            run.failures.append((path, [f"{type(error).__name__}: {error}"]))
            continue
        count(res, run.totals)
        run.rules.update({d.code for d in res.diagnostics})
        if problems:
            run.failures.append((path, problems))
    report(run, elapsed=time.perf_counter() - began, verbose=verbose)
    return 1 if run.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
