"""How often resparse.align finds the six language versions of a resolution alike.

For every General Assembly resolution of session 77 that the UN publishes in all six
languages (``shared/unxml/ga/77session/<Language>``), each version's markup is rendered
as plain text (no italics), parsed, and the six results are aligned. The same is done
with the UN's own markup read by ``from_akn``, so the figure can be read against what
the UN's files themselves say. Skips cleanly when the shared folder is absent.

Usage: python scripts/eval_align.py [SHARED] [--verbose]
"""

from __future__ import annotations

import argparse
import pathlib
import sys

import attrs
import regex

import resparse
from resparse.readers.akn import render_akn

LANGUAGES = ("English", "French", "Spanish", "Russian", "Arabic", "Chinese")
# "A_RES_77_8-2225409A.xml" and "A_RES_77_272-R.xml" both name resolution 77/8, 77/272
_KEY_RE = regex.compile(r"^(?P<key>A_RES_77_\d+[A-Z]?)(?:[-_]|$)")


def versions(folder: pathlib.Path) -> dict[str, dict[str, pathlib.Path]]:
    """Resolution key -> language -> file, for the keys every language has."""
    found: dict[str, dict[str, pathlib.Path]] = {}
    for language in LANGUAGES:
        for path in sorted((folder / language).glob("*.xml")):
            match = _KEY_RE.match(path.stem)
            if match is not None:
                found.setdefault(match["key"], {}).setdefault(language, path)
    return {key: files for key, files in found.items() if len(files) == len(LANGUAGES)}


def main(argv: list[str] | None = None) -> int:
    """Print how many resolutions align alike, from the markup and from parsed text."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", default="../shared")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    folder = pathlib.Path(args.shared) / "unxml" / "ga" / "77session"
    if not folder.is_dir():
        print(f"skipped: no {folder}")
        return 0
    table = versions(folder)
    parsed_same = markup_same = both_same = unreadable = 0
    for key, files in sorted(table.items()):
        try:
            documents = [render_akn(files[language]) for language in LANGUAGES]
            gold = [resparse.from_akn(files[language]) for language in LANGUAGES]
        except resparse.ResparseError as error:
            unreadable += 1
            print(f"{key}: unreadable markup: {error}")
            continue
        parsed = [resparse.parse_document(attrs.evolve(d, italics=None)) for d in documents]
        ours = resparse.align(parsed)
        theirs = resparse.align(gold)
        parsed_same += ours.same_structure
        markup_same += theirs.same_structure
        both_same += ours.same_structure and theirs.same_structure
        if args.verbose and ours.same_structure != theirs.same_structure:
            print(f"{key}: parsed {ours.differences[:2]} / markup {theirs.differences[:2]}")
    total = len(table) - unreadable
    print(f"{len(table)} resolutions of session 77 in all six languages ({unreadable} unreadable)")
    print(f"  the UN's markup, six versions alike:        {markup_same}/{total}")
    print(f"  parsed plain text, six versions alike:      {parsed_same}/{total}")
    print(f"  alike in both:                              {both_same}/{total}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
