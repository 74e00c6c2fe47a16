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
# A word, as the parser counts them: Chinese characters one by one, other scripts by runs.
WORD_RE = regex.compile(r"\p{Han}|[^\W_\p{Han}]+(?:[-'’][^\W_\p{Han}]+)*")
# "1." and the Arabic "1 -"
NUMBERED_RE = regex.compile(r"^\s*\d+\s*[.\-]\s*$")
MAX_LEAD_WORDS = 8
CONTEXT_WORDS = (
    3  # words after the lead that the tables keep, to tell "its commitment" from "its resolution"
)

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
    clause_start = regex.split(r"[,;:.()\[\]،؛，；：。]", text, maxsplit=1)[0]
    all_words = words(clause_start)[: len(lead_words) + CONTEXT_WORDS]
    if all_words[: len(lead_words)] != lead_words:
        return None
    return all_words, len(lead_words)


def collect(files: list[str]) -> dict[str, list[tuple[list[str], int]]]:
    """Openings of preambular clauses and numbered operative paragraphs, by kind."""
    found: dict[str, list[tuple[list[str], int]]] = {"pre": [], "op": []}
    for name in files:
        try:
            tree = etree.parse(name)
        except etree.XMLSyntaxError as error:  # one Spanish file of session 77 is malformed
            print(f"skipped {name}: {error}", file=sys.stderr)
            continue
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


def table(openings: list[tuple[list[str], int]], *, support: int = 2) -> list[tuple[str, ...]]:
    """Trie nodes over opening words, each with where the UN's lead ended below it.

    For the node of the first k words: ``inside`` counts leads that cover all k words,
    ``stop`` leads that ended just before the k-th word, ``shorter`` leads that ended
    earlier still, and ``ends`` leads that end exactly at the k-th word. The parser
    decides at the deepest node the text reaches, so "Reaffirming its commitment" and
    "Reaffirming its resolution" can end differently.
    """
    inside: collections.Counter[tuple[str, ...]] = collections.Counter()
    stop: collections.Counter[tuple[str, ...]] = collections.Counter()
    shorter: collections.Counter[tuple[str, ...]] = collections.Counter()
    ends: collections.Counter[tuple[str, ...]] = collections.Counter()
    for all_words, n in openings:
        ends[tuple(all_words[:n])] += 1
        for k in range(1, len(all_words) + 1):
            key = tuple(all_words[:k])
            if n >= k:
                inside[key] += 1
            elif n == k - 1:
                stop[key] += 1
            else:
                shorter[key] += 1
    keys = {
        key
        for key in set(inside) | set(stop) | set(shorter)
        if (len(key) == 1 and inside[key])
        or (len(key) > 1 and inside[key] + stop[key] + shorter[key] >= support)
    }
    keys = {key for key in keys if all(key[:i] in keys for i in range(1, len(key)))}

    def covers(key: tuple[str, ...]) -> bool:
        return inside[key] >= max(stop[key], shorter[key])

    # A node whose lead does not reach it changes nothing the walk would not do without
    # it, unless its parent was never a whole lead (then it stops the walk from taking
    # one more word) or a deeper node below it changes the outcome.
    useful: set[tuple[str, ...]] = set()
    for key in sorted(keys, key=len, reverse=True):
        has_useful_child = any(child in useful for child in _children(key, keys))
        if (
            len(key) == 1
            or covers(key)
            or has_useful_child
            or (covers(key[:-1]) and ends[key[:-1]] == 0)
        ):
            useful.add(key)
    rows = []
    for key in sorted(useful, key=lambda k: (len(k), k)):
        counts = (inside[key], stop[key], shorter[key], ends[key])
        rows.append((" ".join(key), *(str(c) for c in counts)))
    return rows


def _children(key: tuple[str, ...], keys: set[tuple[str, ...]]) -> list[tuple[str, ...]]:
    return [k for k in keys if len(k) == len(key) + 1 and k[: len(key)] == key]


def write_table(out: pathlib.Path, files: list[str], what: str) -> None:
    """Learn the tables from ``files`` and write them to ``out``."""
    found = collect(files)
    lines = [
        f"# Lead phrases of {what}, learned from the UN's Akoma Ntoso markup (United Nations,",
        f"# UNxml repositories; {len(files)} files). Built by scripts/build_lexicon.py; do not",
        "# edit by hand: add phrases to the *.extra.tsv file beside it instead.",
        "# kind\tphrase\tinside\tstop\tshorter\tends",
    ]
    for kind in ("pre", "op"):
        lines.extend("\t".join((kind, *row)) for row in table(found[kind]))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(
        f"{out}: {len(files)} files, {len(found['pre'])} preambular and "
        f"{len(found['op'])} operative openings, {len(lines) - 4} nodes"
    )


def main() -> int:
    """Build the tables of one language from the shared markup: one per body."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--lang", default="en", choices=sorted(FOLDERS))
    parser.add_argument("--out-dir", default="src/resparse/lexicon")
    args = parser.parse_args()
    root = pathlib.Path(args.shared) / "unxml"
    if not root.is_dir():
        print(f"skipped: {root} not found")
        return 0
    folder = FOLDERS[args.lang]
    out_dir = pathlib.Path(args.out_dir)
    # The General Assembly's conventions are the default; the Security Council italicizes
    # shorter leads ("Expressing" where the Assembly has "Expressing deep concern").
    general = sorted(str(p) for p in root.glob(f"ga/*/{folder}/*.xml"))
    council = sorted(str(p) for p in root.glob(f"sc/*/{folder}/*.xml"))
    if general:
        write_table(out_dir / f"{args.lang}.tsv", general, "General Assembly resolutions")
    if council:
        target = f"{args.lang}.sc.tsv" if general else f"{args.lang}.tsv"
        write_table(out_dir / target, council, "Security Council resolutions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
