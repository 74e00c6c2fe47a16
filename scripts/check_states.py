"""Check that every Member State name in the UN's development set resolves to a State.

Reads the vote lists of ``ga/data_extract/*.json`` and ``sc/data_extract/*.json`` (JSON
lines: ``MS_in_favour``, ``MS_against``, ``MS_abstaining``), and the ``organization``
elements under ``meta/analysis/parliamentary/voting`` of every XML file, plus the names of
a Human Rights Council recorded vote kept below. Prints how many distinct names it
checked and which did not resolve; exits 1 if any did not. Skips cleanly (exit 0) when
the folder is absent, as it is on a user's machine.

Usage: python scripts/check_states.py [ROOT] [--verbose]
"""

from __future__ import annotations

import argparse
import collections
import json
import pathlib
import sys

from lxml import etree

from resparse.states import resolve_state

DEFAULT_ROOT = pathlib.Path(__file__).resolve().parents[2] / "shared" / "unxml"
VOTE_FIELDS = ("MS_in_favour", "MS_against", "MS_abstaining")
VOTERS_XPATH = (
    "//*[local-name()='meta']/*[local-name()='analysis']/*[local-name()='parliamentary']"
    "/*[local-name()='voting']//*[local-name()='organization']"
)

# The 47 members of the Human Rights Council in one recorded vote, as printed.
HRC_VOTE: tuple[str, ...] = (
    "Argentina",
    "Bahrain",
    "Bangladesh",
    "Bolivia (Plurinational State of)",
    "Brazil",
    "Burkina Faso",
    "Cameroon",
    "China",
    "Côte d'Ivoire",
    "Cuba",
    "Eritrea",
    "Gabon",
    "Indonesia",
    "Mauritania",
    "Mexico",
    "Namibia",
    "Nepal",
    "Pakistan",
    "Philippines",
    "Russian Federation",
    "Senegal",
    "Somalia",
    "Sudan",
    "Togo",
    "Uruguay",
    "Venezuela (Bolivarian Republic of)",
    "Austria",
    "Bulgaria",
    "Czechia",
    "Denmark",
    "France",
    "Germany",
    "India",
    "Italy",
    "Japan",
    "Marshall Islands",
    "Netherlands",
    "Poland",
    "Republic of Korea",
    "Ukraine",
    "United Kingdom of Great Britain and Northern Ireland",
    "Armenia",
    "Bahamas",
    "Fiji",
    "Libya",
    "Malawi",
    "Uzbekistan",
)


def extract_names(root: pathlib.Path) -> dict[str, set[str]]:
    """Every name in the data extracts' vote lists, with the files it came from."""
    found: dict[str, set[str]] = collections.defaultdict(set)
    for path in sorted(root.glob("*/data_extract/*.json")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            for field in VOTE_FIELDS:
                for name in record.get(field) or ():
                    found[name].add(str(path.relative_to(root)))
    return found


def markup_names(root: pathlib.Path) -> dict[str, set[str]]:
    """Every voter name in the markup's ``meta`` voting records, with its files."""
    found: dict[str, set[str]] = collections.defaultdict(set)
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    for path in sorted(root.glob("**/*.xml")):
        tree = etree.parse(str(path), parser)
        if tree.getroot() is None:
            print(f"unreadable: {path}")
            continue
        for element in tree.xpath(VOTERS_XPATH):
            found["".join(element.itertext())].add(str(path.relative_to(root)))
    return found


def main(argv: list[str] | None = None) -> int:
    """Resolve every name; report the count and the failures."""
    parser = argparse.ArgumentParser(description="Check State-name resolution on real data.")
    parser.add_argument("root", nargs="?", type=pathlib.Path, default=DEFAULT_ROOT)
    parser.add_argument("--verbose", action="store_true", help="list every name and its State")
    args = parser.parse_args(argv)
    if not args.root.is_dir():
        print(f"skipped: {args.root} is absent (the UN development set is not on this machine)")
        return 0
    sources: dict[str, set[str]] = collections.defaultdict(set)
    for found in (extract_names(args.root), markup_names(args.root)):
        for name, files in found.items():
            sources[name] |= files
    for name in HRC_VOTE:
        sources[name].add("Human Rights Council vote")
    failed = {name: files for name, files in sources.items() if resolve_state(name) is None}
    if args.verbose:
        for name in sorted(sources):
            print(f"{name!r} -> {resolve_state(name)}")
    print(f"checked {len(sources)} distinct names: {len(failed)} failed")
    for name, files in sorted(failed.items()):
        print(f"  {name!r} (in {len(files)} files, e.g. {min(files)})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
