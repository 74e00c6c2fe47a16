"""Learn which words the UN writes with a hyphen, to mend words broken at line ends.

A PDF or a printed volume breaks lines after a hyphen. Some of these hyphens belong to
the word ("capacity-" / "building", "seventy-" / "eighth"), others only to the break
("Secu-" / "rity"). The UN's Akoma Ntoso markup has no line breaks, so it says how each
word is really written. This script counts every word of a language's markup and writes
``src/resparse/lexicon/<code>.hyphens.tsv`` (English, French, Spanish and Russian: the
languages that write hyphens):

- ``keep`` rows: words written with a hyphen at least as often as without one
  ("capacity-building"), numbers aside;
- ``join`` rows: words written whole more often than hyphenated that a hyphen rule
  would otherwise keep ("international"), because they start with a common first half
  ("inter") or end with a common second half ("based"). English counts its compound
  numbers ("seventy-") as first halves too.

``resparse._hyphens`` reads the table and learns the common halves from the ``keep``
rows when it loads.

Usage: python scripts/build_hyphens.py [--shared ../shared] [--lang fr]
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import sys

import regex
from lxml import etree

from resparse._hyphens import MIN_AFFIX_LENGTH, MIN_AFFIX_WORDS, TENS

OUT = pathlib.Path(__file__).resolve().parents[1] / "src" / "resparse" / "lexicon"
WORD_RE = regex.compile(r"\p{L}+(?:-\p{L}+)*")
MIN_JOINED = 2  # a whole word seen once may be a typing slip
FOLDERS = {"en": "English", "fr": "French", "es": "Spanish", "ru": "Russian"}


def count_words(files: list[pathlib.Path]) -> collections.Counter[str]:
    """Casefolded words of the files' text, the non-breaking hyphen read as a hyphen."""
    counts: collections.Counter[str] = collections.Counter()
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    for path in files:
        root = etree.parse(str(path), parser).getroot()
        if root is None:
            continue
        text = " ".join(root.itertext()).replace("\u2011", "-")
        counts.update(word.casefold() for word in WORD_RE.findall(text))
    return counts


def affixes(kept: set[str]) -> tuple[set[str], set[str]]:
    """First and second halves common to several hyphenated words."""
    firsts = collections.Counter(word.split("-", 1)[0] for word in kept)
    seconds = collections.Counter(word.rsplit("-", 1)[1] for word in kept)

    def common(counter: collections.Counter[str]) -> set[str]:
        return {
            half
            for half, n in counter.items()
            if n >= MIN_AFFIX_WORDS and len(half) >= MIN_AFFIX_LENGTH
        }

    return common(firsts), common(seconds)


def build(counts: collections.Counter[str], language: str) -> tuple[list[str], list[str]]:
    """The ``keep`` and ``join`` words, each sorted."""
    kept = {
        word
        for word, n in counts.items()
        if "-" in word and n >= counts.get(word.replace("-", ""), 0)
    }
    firsts, seconds = affixes(kept)
    if language == "en":
        firsts |= TENS

    def hyphen_rule_keeps(word: str) -> bool:
        return any(word.startswith(half) and len(word) > len(half) + 1 for half in firsts) or any(
            word.endswith(half) and len(word) > len(half) + 1 for half in seconds
        )

    joined = {
        word
        for word, n in counts.items()
        if "-" not in word and n >= MIN_JOINED and hyphen_rule_keeps(word)
    }
    return sorted(kept), sorted(joined)


def main(argv: list[str] | None = None) -> int:
    """Count the markup and write the tables; say so and write nothing without it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=pathlib.Path, default=pathlib.Path("../shared"))
    parser.add_argument("--lang", action="append", choices=sorted(FOLDERS))
    args = parser.parse_args(argv)
    for language in args.lang or list(FOLDERS):
        files = sorted((args.shared / "unxml").glob(f"*/*/{FOLDERS[language]}/*.xml"))
        if not files:
            print(f"no {FOLDERS[language]} markup under {args.shared / 'unxml'}; nothing written")
            continue
        kept, joined = build(count_words(files), language)
        out = OUT / f"{language}.hyphens.tsv"
        with out.open("w", encoding="utf-8") as handle:
            handle.write(
                f"# How {FOLDERS[language]} UN texts write words that a line end may break after\n"
                "# a hyphen, counted from the UN's Akoma Ntoso markup (United Nations, UNxml\n"
                f"# repositories; {len(files)} files). Built by scripts/build_hyphens.py; do not\n"
                "# edit by hand. keep: written with a hyphen; join: written whole.\n"
            )
            handle.writelines(f"keep\t{word}\n" for word in kept)
            handle.writelines(f"join\t{word}\n" for word in joined)
        print(f"{out}: {len(kept)} keep, {len(joined)} join, from {len(files)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
