"""Learn lead-phrase tables from the UN's Akoma Ntoso markup.

For every preambular clause and numbered operative paragraph of the main resolution text,
the UN marks the lead phrase in italics. This script counts, for each opening word
sequence, how often the italic lead covers it ("inside") and how often the lead stopped
just before its last word ("stop"), and writes the nodes where covering wins as a table:
``src/resparse/lexicon/<lang>.tsv``. The parser walks these nodes word by word.

Usage: python scripts/build_lexicon.py [--shared ../shared] [--lang en]
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import sys

import regex
from lxml import etree

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
NS = {"a": AKN[1:-1]}
WORD_RE = regex.compile(r"\w+(?:[-'’]\w+)*")
NUMBERED_RE = regex.compile(r"^\s*\d+\s*\.\s*$")
MAX_LEAD_WORDS = 8

FOLDERS = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "ru": "Russian",
    "ar": "Arabic",
    "zh": "Chinese",
}


def words(text: str) -> list[str]:
    """Casefolded words of a text, the unit the lead tables count in."""
    return [w.casefold().replace("’", "'") for w in WORD_RE.findall(text)]


def opening(p: etree._Element) -> tuple[list[str], int] | None:
    """The first words of a paragraph and how many of them the italic lead covers."""
    if (p.text or "").strip():
        return None
    first = next(iter(p), None)
    if first is None or first.tag != AKN + "span" or "italic" not in first.get("class", ""):
        return None
    lead = "".join(first.itertext()).strip().rstrip(",:;")
    lead_words = words(lead)
    if not lead_words or len(lead_words) > MAX_LEAD_WORDS or regex.search(r"[,:;/]", lead):
        return None
    text = "".join(t for t in p.itertext())
    all_words = words(text)[: len(lead_words) + 1]
    if all_words[: len(lead_words)] != lead_words:
        return None
    return all_words, len(lead_words)


def collect(files: list[str]) -> dict[str, list[tuple[list[str], int]]]:
    """Openings of preambular clauses and numbered operative paragraphs, by kind."""
    found: dict[str, list[tuple[list[str], int]]] = {"pre": [], "op": []}
    for name in files:
        tree = etree.parse(name)
        for statement in tree.iter(AKN + "statement"):
            for container in statement.iterfind("a:preamble/a:container", NS):
                p = container.find("a:p", NS)
                if p is not None and (got := opening(p)):
                    found["pre"].append(got)
            for para in statement.iterfind("a:mainBody//a:paragraph", NS):
                if not NUMBERED_RE.match(para.findtext("a:num", default="", namespaces=NS)):
                    continue
                p = para.find("a:content/a:p", NS)
                if p is None:
                    p = para.find("a:list/a:intro/a:p", NS)
                if p is not None and (got := opening(p)):
                    found["op"].append(got)
    return found


def table(openings: list[tuple[list[str], int]]) -> list[tuple[str, int, int, int]]:
    """Trie nodes where the lead more often covers the word than stops before it.

    Each node also counts the leads that end exactly there, so that the parser knows
    when a phrase it walked ("noting with") was never a whole lead on its own.
    """
    inside: collections.Counter[tuple[str, ...]] = collections.Counter()
    stop: collections.Counter[tuple[str, ...]] = collections.Counter()
    ends: collections.Counter[tuple[str, ...]] = collections.Counter()
    for all_words, n in openings:
        for k in range(1, n + 1):
            inside[tuple(all_words[:k])] += 1
        ends[tuple(all_words[:n])] += 1
        if len(all_words) > n:
            stop[tuple(all_words[: n + 1])] += 1
    kept: dict[tuple[str, ...], tuple[int, int, int]] = {}
    for key in sorted(inside, key=len):
        if len(key) > 1 and key[:-1] not in kept:
            continue
        if inside[key] > stop[key]:
            kept[key] = (inside[key], stop[key], ends[key])
    return sorted((" ".join(k), i, s, e) for k, (i, s, e) in kept.items())


def main() -> int:
    """Build the table for one language from the shared markup."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--lang", default="en", choices=sorted(FOLDERS))
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    root = pathlib.Path(args.shared) / "unxml"
    if not root.is_dir():
        print(f"skipped: {root} not found")
        return 0
    folder = FOLDERS[args.lang]
    files = sorted(str(p) for p in root.glob(f"*/*/{folder}/*.xml"))
    found = collect(files)
    out = pathlib.Path(args.out or f"src/resparse/lexicon/{args.lang}.tsv")
    lines = [
        "# Lead phrases learned from the UN's Akoma Ntoso markup (United Nations, UNxml",
        f"# repositories; {len(files)} files). Built by scripts/build_lexicon.py; do not edit",
        "# by hand: add phrases to the *.extra.tsv file beside it instead.",
        "# kind\tphrase\tinside\tstop\tends",
    ]
    for kind in ("pre", "op"):
        lines.extend(f"{kind}\t{p}\t{i}\t{s}\t{e}" for p, i, s, e in table(found[kind]))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(
        f"{out}: {len(files)} files, {len(found['pre'])} preambular and "
        f"{len(found['op'])} operative openings, {len(lines) - 4} nodes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
