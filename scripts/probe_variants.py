"""Parse the development set's texts again after changes that must not change their structure.

    python scripts/probe_variants.py [--shared ../shared] [--language en] [--count 150] [--seed 1]

No gold is needed: each text rendered from the UN's markup is parsed as it is, and again
after one change a copy, a converter or a typist makes without touching what the text
says (numbers printed "1)", "(1)" or "1"; markdown emphasis in bold or escaped numbers;
line ends and spaces; lines wrapped at another width; the page as an HTML string). A
structure that changes (the number of preambular clauses, the operative paragraphs'
numbers and sub-paragraph counts, or the leads) is counted, and counted as *silent* when
the changed parse carries no warning. Only texts whose own parse carries no diagnostic
are used. Skips with a message when ``shared/unxml`` is missing.
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import random
import sys
from typing import TYPE_CHECKING

import regex

import resparse
from resparse._eval_cases import as_markdown, as_wrapped
from resparse._learn import FOLDERS
from resparse.errors import ResparseError
from resparse.readers.akn import render_akn

if TYPE_CHECKING:
    from collections.abc import Callable

    from resparse.model import Resolution

_NUMBER = regex.compile(r"(?m)^(\d{1,3})\.(\s+)")
# an emphasis run of the markdown form; a Han character may touch it ("*回顾*其"), and a
# digit may touch a run of Han text ("*对*2012年")
_EMPHASIS = regex.compile(
    r"(?<![*])(?:(?<![^\W\p{Han}])|(?<=\d)(?=\*\p{Han}))\*([^*\n]+)\*(?![*])"
    r"(?:(?![^\W\p{Han}])|(?<=\p{Han}\*)(?=\d))"
)
_LABEL = regex.compile(r"(?m)^\(([a-z])\)")
_ASCII_QUOTES = str.maketrans({"\u2019": "'", "\u201c": '"', "\u201d": '"'})
_MARKDOWN = "markdown"  # changes whose names open so start from the markdown form

# Each change takes the plain text and its markdown form, and returns the text to parse.
CHANGES: dict[str, Callable[[str, str], str]] = {
    "crlf": lambda text, _: text.replace("\n", "\r\n"),
    "no blank lines": lambda text, _: regex.sub(r"\n[ \t]*\n+", "\n", text),
    "double spaced": lambda text, _: text.replace("\n", "\n\n"),
    "indented": lambda text, _: "\n".join(
        "   " + line if line else line for line in text.split("\n")
    ),
    "trailing spaces": lambda text, _: text.replace("\n", "  \n"),
    "no-break space after numbers": lambda text, _: _NUMBER.sub("\\1.\u00a0", text),
    "ascii quotes": lambda text, _: text.replace("\u2019", "'").translate(
        {0x201C: '"', 0x201D: '"'}
    ),
    "numbers N)": lambda text, _: _NUMBER.sub(r"\1)\2", text),
    "numbers (N)": lambda text, _: _NUMBER.sub(r"(\1)\2", text),
    "numbers N": lambda text, _: _NUMBER.sub(r"\1\2", text),
    "number on its line": lambda text, _: _NUMBER.sub("\\1.\n", text),
    "wrapped 60": lambda text, _: as_wrapped(text, 60),
    "wrapped 100": lambda text, _: as_wrapped(text, 100),
    "markdown bold": lambda _, md: _EMPHASIS.sub(r"**\1**", md),
    "markdown __": lambda _, md: _EMPHASIS.sub(r"__\1__", md),
    "markdown escaped": lambda _, md: _LABEL.sub(r"\\(\1\\)", _NUMBER.sub(r"\1\\.\2", md)),
    "markdown html <em>": lambda _, md: _as_html(md),
}


def _as_html(markdown: str) -> str:
    """The page a web copy would be: one paragraph element per line, emphasis as <em>."""
    paragraphs = (_EMPHASIS.sub(r"<em>\1</em>", line) for line in markdown.split("\n"))
    return "<html><body>" + "".join(f"<p>{p}</p>\n" for p in paragraphs) + "</body></html>"


def structure(result: Resolution) -> tuple[object, ...]:
    """What a harmless change must leave as it was."""
    return (
        len(result.preamble),
        tuple((p.number, len(p.subparagraphs)) for p in result.operative),
        # a lead is compared as the ascii-quote change leaves it ("Ayant à l’esprit")
        tuple((c.lead or "").translate(_ASCII_QUOTES) for c in result.preamble),
        tuple((p.lead or "").translate(_ASCII_QUOTES) for p in result.operative),
    )


def _files(shared: pathlib.Path, language: str, count: int, seed: int) -> list[pathlib.Path]:
    folder = FOLDERS[language]
    files = sorted(
        path
        for path in (shared / "unxml").rglob("*.xml")
        if folder in path.parts
        or (language == "en" and "sc" in path.parts and "drafts-not-adopted" not in path.parts)
    )
    random.Random(seed).shuffle(files)
    return files[:count]


def main(argv: list[str] | None = None) -> int:
    """Print, for each change, how many texts changed structure and how many silently."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--shared", type=pathlib.Path, default=pathlib.Path("../shared"))
    parser.add_argument("--language", default="en", choices=sorted(FOLDERS))
    parser.add_argument("--count", type=int, default=150)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if not (args.shared / "unxml").is_dir():
        print(f"skipped: {args.shared / 'unxml'} is missing")
        return 0
    changed: collections.Counter[str] = collections.Counter()
    silent: collections.Counter[str] = collections.Counter()
    examples: dict[str, list[str]] = collections.defaultdict(list)
    used = 0
    for path in _files(args.shared, args.language, args.count, args.seed):
        try:
            document = render_akn(path)
        except ResparseError:
            continue
        text, markdown = document.text, as_markdown(document)
        base, base_markdown = resparse.parse(text), resparse.parse(markdown)
        if base.diagnostics or base_markdown.diagnostics:
            continue
        used += 1
        expected = {False: structure(base), True: structure(base_markdown)}
        for name, change in CHANGES.items():
            result = resparse.parse(change(text, markdown))
            if structure(result) == expected[name.startswith(_MARKDOWN)]:
                continue
            changed[name] += 1
            if not any(d.severity in {"warning", "error"} for d in result.diagnostics):
                silent[name] += 1
            examples[name].append(path.name)
    print(f"{used} texts ({args.language}) whose own parse carries no diagnostic")
    print(f"{'change':30s} {'changed':>8s} {'silent':>7s}  examples")
    for name in CHANGES:
        shown = ", ".join(examples[name][:3])
        print(f"{name:30s} {changed[name]:8d} {silent[name]:7d}  {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
