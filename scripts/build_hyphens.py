"""Learn which words the UN writes with a hyphen, to mend words broken at line ends.

A PDF or a printed volume breaks lines after a hyphen. Some of these hyphens belong to
the word ("capacity-" / "building", "seventy-" / "eighth"), others only to the break
("Secu-" / "rity"). The UN's Akoma Ntoso markup has no line breaks, so it says how each
word is really written. This script counts every word of a language's markup (the
counting is ``resparse._learn``, shared with the held-out mode of ``resparse.evaluate``)
and writes ``src/resparse/lexicon/<code>.hyphens.tsv`` (English, French, Spanish and
Russian: the languages that write hyphens):

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
import pathlib
import sys

from resparse._learn import FOLDERS, HYPHEN_LANGUAGES, count_words, hyphen_table_text

OUT = pathlib.Path(__file__).resolve().parents[1] / "src" / "resparse" / "lexicon"


def main(argv: list[str] | None = None) -> int:
    """Count the markup and write the tables; say so and write nothing without it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=pathlib.Path, default=pathlib.Path("../shared"))
    parser.add_argument("--lang", action="append", choices=sorted(HYPHEN_LANGUAGES))
    args = parser.parse_args(argv)
    for language in args.lang or list(HYPHEN_LANGUAGES):
        folder = FOLDERS[language]
        files = sorted(str(p) for p in (args.shared / "unxml").glob(f"*/*/{folder}/*.xml"))
        if not files:
            print(f"no {folder} markup under {args.shared / 'unxml'}; nothing written")
            continue
        text = hyphen_table_text(count_words(files), language, len(files))
        out = OUT / f"{language}.hyphens.tsv"
        out.write_text(text, encoding="utf-8")
        rows = [line.split("\t", 1)[0] for line in text.splitlines() if not line.startswith("#")]
        kept, joined = rows.count("keep"), rows.count("join")
        print(f"{out}: {kept} keep, {joined} join, from {len(files)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
