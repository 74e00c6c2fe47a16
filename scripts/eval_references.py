"""Measure ``Resolution.references`` against an independent count made from the UN's markup.

The UN's English Akoma Ntoso files link most symbols they print to the Official Document
System: ``<a href="https://undocs.org/en/A/RES/77/1">77/1</a>``. Those links, inside the
preamble, the operative part, the footnotes and the annexes, are the count here: one per
link, its target the symbol after ``/en/``, its kind ``resolution`` for a ``/RES/``
symbol, ``decision`` for ``/DEC/`` and ``document`` otherwise. They are read with lxml
and never pass through resparse. Decisions are not linked in these files, so decisions
are counted with a separate, simple pattern on the text of the same parts ("decision
78/555", "decisions 77/5 and 77/6").

Each file is read with ``resparse.from_akn`` and its references compared with the count
per file, as multisets of targets (spaces and case ignored). Treaties and the items that
a range expands to have no link and are left out of the comparison (counted apart).

Usage: python scripts/eval_references.py [SHARED] [--verbose]
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import sys

import regex
from lxml import etree

import resparse

PARTS = {"preamble", "mainBody", "attachments", "authorialNote"}
FOLDERS = ("ga/*session/English", "sc/*/English")
DECISION_RE = regex.compile(
    r"\bdecisions?\s+(?P<items>\d{1,4}/\d{1,4}(?:(?:\s*,\s*|\s+and\s+)\d{1,4}/\d{1,4})*)",
    regex.IGNORECASE,
)
ITEM_RE = regex.compile(r"\d{1,4}/\d{1,4}")


# What a link adds to a symbol to point into a volume: "(supp)", "(sect.3)", "(PartI)".
VOLUME_RE = regex.compile(r"\((?:supp|sect\.?[^)]*|part[^)]*|vol[^)]*)\)", regex.IGNORECASE)
# The letter of a part of a resolution: "A/RES/72/266B", "A/RES/217 A (III)". The UN's
# links give it for some parts and not for others, so parts count as their resolution.
LETTER_RE = regex.compile(r"(?<=/RES/[\w./-]*\d)[A-Z](?:-[A-Z])?(?=\(|$)")


def key(symbol: str) -> str:
    """A symbol compared without spaces or case: "S/RES/2334 (2016)" = "S/RES/2334(2016)"."""
    flat = VOLUME_RE.sub("", regex.sub(r"\s+", "", symbol)).upper().rstrip(".")
    return LETTER_RE.sub("", flat)


def kind_of(symbol: str) -> str:
    """The kind a linked symbol names, from its series."""
    upper = symbol.upper()
    if "/RES/" in upper:
        return "resolution"
    if "/DEC/" in upper:
        return "decision"
    return "document"


def _local(element: etree._Element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def in_parts(element: etree._Element) -> bool:
    """Whether an element sits in the parts resparse reads references from."""
    return any(_local(a) in PARTS for a in element.iterancestors())


def truth(path: pathlib.Path) -> tuple[collections.Counter[tuple[str, str]], int]:
    """The linked symbols of the parts, and the decisions their text names."""
    root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    links: collections.Counter[tuple[str, str]] = collections.Counter()
    for a in root.iter():
        if _local(a) != "a" or not in_parts(a):
            continue
        href = a.get("href") or ""
        if "undocs.org/" not in href:
            continue
        symbol = href.split("undocs.org/", 1)[1]
        symbol = symbol.split("/", 1)[1] if symbol[:3] in {"en/", "fr/", "es/"} else symbol
        links[(kind_of(symbol), key(symbol))] += 1
    decisions = 0
    for element in root.iter():
        if _local(element) in {"preamble", "mainBody", "attachments"}:
            text = " ".join("".join(element.itertext()).split())
            for match in DECISION_RE.finditer(text):
                decisions += len(ITEM_RE.findall(match["items"]))
    return links, decisions


def main() -> int:
    """Compare and print precision and recall per kind."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("shared", nargs="?", default="../shared")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    root = pathlib.Path(args.shared) / "unxml"
    if not root.is_dir():
        print(f"skipped: {root} is not there (the development set is not part of the repository)")
        return 0
    files = sorted(p for folder in FOLDERS for p in root.glob(f"{folder}/*.xml"))
    tp: collections.Counter[str] = collections.Counter()
    fp: collections.Counter[str] = collections.Counter()
    fn: collections.Counter[str] = collections.Counter()
    found_decisions = counted_decisions = treaties = ranged = linked_files = 0
    for path in files:
        links, decisions = truth(path)
        result = resparse.from_akn(path)
        ours: collections.Counter[tuple[str, str]] = collections.Counter()
        for ref in result.references:
            if ref.kind == "treaty":
                treaties += 1
            elif ref.in_range:
                ranged += 1
            else:
                ours[(ref.kind, key(ref.target))] += 1
        found_decisions += sum(n for (k, _), n in ours.items() if k == "decision")
        counted_decisions += decisions
        if not links:
            continue  # the older Security Council files carry no links: nothing to compare
        linked_files += 1
        ours_linked = collections.Counter({k: n for k, n in ours.items() if k[0] != "decision"})
        for item in ours_linked.keys() | links.keys():
            both = min(ours_linked[item], links[item])
            tp[item[0]] += both
            fp[item[0]] += ours_linked[item] - both
            fn[item[0]] += links[item] - both
            if args.verbose and ours_linked[item] != links[item]:
                print(f"{path.name}: {item[1]} ours {ours_linked[item]} markup {links[item]}")
    print(f"{len(files)} English files, {linked_files} with links to compare against")
    print(f"{'kind':<12}{'found':>8}{'linked':>8}{'both':>8}{'precision':>11}{'recall':>8}")
    for kind in ("resolution", "document"):
        found, linked = tp[kind] + fp[kind], tp[kind] + fn[kind]
        precision = 100 * tp[kind] / found if found else 0.0
        recall = 100 * tp[kind] / linked if linked else 0.0
        print(f"{kind:<12}{found:>8}{linked:>8}{tp[kind]:>8}{precision:>10.2f}%{recall:>7.2f}%")
    print(
        f"decisions: {found_decisions} found, {counted_decisions} counted by the simple pattern "
        "on the markup's text (all files)"
    )
    print(f"not compared: {treaties} treaty references, {ranged} items inside ranges")
    return 0


if __name__ == "__main__":
    sys.exit(main())
