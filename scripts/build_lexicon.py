"""Learn lead-phrase tables from the UN's Akoma Ntoso markup.

For every preambular clause and numbered operative paragraph of the main resolution text,
the UN marks the lead phrase in italics (in bold in Chinese: the language profile's
``lead_emphasis``). The counting is ``resparse._learn`` (shared with the held-out mode of
``resparse.evaluate``); this script writes the nodes where covering wins as a table:
``src/resparse/lexicon/<lang>.tsv``, and ``<lang>.sc.tsv`` from the Security Council's
texts (all but the folders ``_learn_folders.NOT_LEARNED`` names, its 2000-2012
resolutions and the drafts not adopted, which stay unseen). The parser walks these
nodes word by word (Chinese character by character).

Usage: python scripts/build_lexicon.py [--shared ../shared] [--lang en]
"""

from __future__ import annotations

import argparse
import pathlib
import sys

from resparse._language import has_profile, profile
from resparse._learn import FOLDERS, collect, lead_table_text
from resparse._learn_folders import learned_from


def write_table(out: pathlib.Path, files: list[str], what: str, emphasis: str) -> None:
    """Learn the tables from ``files`` and write them to ``out``."""
    found = collect(files, emphasis)
    text = lead_table_text(found, len(files), what)
    out.write_text(text, encoding="utf-8")
    nodes = sum(1 for line in text.splitlines() if not line.startswith("#"))
    print(
        f"{out}: {len(files)} files, {len(found['pre'])} preambular and "
        f"{len(found['op'])} operative openings, {nodes} nodes"
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
    council = sorted(str(p) for p in root.glob(f"sc/*/{folder}/*.xml") if learned_from(p))
    if general:
        write_table(out_dir / f"{args.lang}.tsv", general, "General Assembly resolutions", emphasis)
    if council:
        target = f"{args.lang}.sc.tsv" if general else f"{args.lang}.tsv"
        write_table(out_dir / target, council, "Security Council resolutions", emphasis)
    return 0


if __name__ == "__main__":
    sys.exit(main())
