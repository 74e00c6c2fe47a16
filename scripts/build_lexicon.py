"""Learn lead-phrase tables from the UN's Akoma Ntoso markup.

For every preambular clause and numbered operative paragraph of the main resolution text,
the UN marks the lead phrase in italics (in bold in Chinese: the language profile's
``lead_emphasis``). Arabic texts type the paragraph number into the text ("1 -") rather
than giving it a ``num`` element; such paragraphs count as numbered. This script counts,
for each opening word sequence, how often the marked lead covers it ("inside") and how
often the lead stopped just before its last word ("stop"), and writes the nodes where
covering wins as a table: ``src/resparse/lexicon/<lang>.tsv``. The parser walks these
nodes word by word (Chinese character by character).

Usage: python scripts/build_lexicon.py [--shared ../shared] [--lang en]
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import sys

import regex
from lxml import etree

from resparse._language import has_profile, profile
from resparse._leads import word_key

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
NS = {"a": AKN[1:-1]}
# A word, as the parser counts them: Chinese characters one by one, other scripts by runs.
WORD_RE = regex.compile(r"\p{Han}|[^\W_\p{Han}]+(?:[-'’\u2011][^\W_\p{Han}]+)*")
# "1." and the Arabic "1 -" or "2 –", in a num element or typed before the lead
NUMBERED_RE = regex.compile(r"^[\s\u200e\u200f]*\d+\s*[.\-–][\s\u200e\u200f]*$")
MAX_LEAD_WORDS = 8
MAX_LEAD_CHARACTERS = 12  # Chinese leads, counted one character at a time
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
    return [word_key(w) for w in WORD_RE.findall(text)]


def opening(
    p: etree._Element, emphasis: str = "italic", *, typed_number: bool = False
) -> tuple[list[str], int] | None:
    """The first words of a paragraph and how many of them the emphasised lead covers.

    ``typed_number``: a paragraph number may stand before the lead ("1 -" in Arabic).
    """
    before = p.text or ""
    if before.strip() and not (typed_number and NUMBERED_RE.match(before)):
        return None
    first = next(iter(p), None)
    if first is None or not _emphasised(first, emphasis):
        return None
    # spans parted only by spaces are one lead ("وإذ" and "تلاحظ" set as two spans)
    run = [first]
    while not (run[-1].tail or "").strip() and (after := run[-1].getnext()) is not None:
        if not _emphasised(after, emphasis):
            break
        run.append(after)
    text = "".join("".join(span.itertext()) + (span.tail or "") for span in run[:-1])
    lead = (text + "".join(run[-1].itertext())).strip().rstrip(",:;،؛，：；")
    lead_words = words(lead)
    limit = MAX_LEAD_CHARACTERS if regex.match(r"\p{Han}", lead) else MAX_LEAD_WORDS
    if not lead_words or len(lead_words) > limit or regex.search(r"[,:;/،؛，：；、]", lead):
        return None
    text = "".join(t for t in p.itertext())[len(before) :]
    clause_start = regex.split(r"[,;:.()\[\]،؛，；：。]", text, maxsplit=1)[0]
    all_words = words(clause_start)[: len(lead_words) + CONTEXT_WORDS]
    if all_words[: len(lead_words)] != lead_words:
        return None
    return all_words, len(lead_words)


def _emphasised(element: etree._Element, emphasis: str) -> bool:
    return element.tag == AKN + "span" and emphasis in element.get("class", "")


def collect(files: list[str], emphasis: str = "italic") -> dict[str, list[tuple[list[str], int]]]:
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
                if p is not None and (got := opening(p, emphasis)):
                    found["pre"].append(got)
            for para in statement.iterfind("a:mainBody//a:paragraph", NS):
                num = para.find("a:num", NS)
                p = para.find("a:content/a:p", NS)
                if p is None:
                    p = para.find("a:list/a:intro/a:p", NS)
                printed = "".join(num.itertext()) if num is not None else (p is not None and p.text)
                if p is None or not NUMBERED_RE.match(printed or ""):
                    continue  # unnumbered, or numbered "(a)" or "A."
                if got := opening(p, emphasis, typed_number=num is None):
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


def write_table(out: pathlib.Path, files: list[str], what: str, emphasis: str) -> None:
    """Learn the tables from ``files`` and write them to ``out``."""
    found = collect(files, emphasis)
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
    emphasis = profile(args.lang).lead_emphasis if has_profile(args.lang) else "italic"
    # The General Assembly's conventions are the default; the Security Council italicizes
    # shorter leads ("Expressing" where the Assembly has "Expressing deep concern").
    general = sorted(str(p) for p in root.glob(f"ga/*/{folder}/*.xml"))
    council = sorted(str(p) for p in root.glob(f"sc/*/{folder}/*.xml"))
    if general:
        write_table(out_dir / f"{args.lang}.tsv", general, "General Assembly resolutions", emphasis)
    if council:
        target = f"{args.lang}.sc.tsv" if general else f"{args.lang}.tsv"
        write_table(out_dir / target, council, "Security Council resolutions", emphasis)
    return 0


if __name__ == "__main__":
    sys.exit(main())
