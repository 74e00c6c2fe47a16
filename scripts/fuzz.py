"""Fuzz the public API by hand: arbitrary text and bytes through every entry point.

    python scripts/fuzz.py [--examples 20000] [--target all|text|bytes|akn]

Hypothesis drives each target with random input, shrinking any failure to a small
example that it prints; turn each finding into a regression test. The targets:

- ``text``: ``parse`` and ``parse_all`` on arbitrary text, mixed with real resolution
  lines so the parser goes deep; the result must cover every character, round-trip
  through JSON and Akoma Ntoso, and be the same twice;
- ``bytes``: ``read_bytes`` and ``parse_document`` on arbitrary bytes behind a PDF, zip,
  HTML, AKN or plain prefix, where only a typed ``resparse`` error may come out;
- ``akn``: ``from_akn`` on XML fragments built around real element names, where only a
  typed error may come out.

The property tests in ``tests/property`` run in CI; this script is for long runs.
"""

from __future__ import annotations

import argparse
import pathlib
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import resparse
from resparse.readers.dispatch import read_bytes

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED_LINES = (ROOT / "fixtures" / "A_HRC_RES_46_13.txt").read_text(encoding="utf-8").splitlines()

lines = st.one_of(st.sampled_from(SEED_LINES), st.text(max_size=80))
texts = st.lists(lines, max_size=60).map("\n".join)
prefixes = st.sampled_from(
    [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"<!DOCTYPE html><html>", b"<akomaNtoso>", b"\xef\xbb\xbf"]
)
elements = st.sampled_from(
    ["akomaNtoso", "statement", "preamble", "container", "p", "mainBody", "paragraph", "num",
     "content", "list", "point", "span", "authorialNote", "docNumber", "docTitle"]
)  # fmt: skip


@st.composite
def xml_fragments(draw: st.DrawFn) -> bytes:
    """Nested elements with real AKN names, random text and sometimes broken closings."""
    depth = draw(st.integers(1, 6))
    names = [draw(elements) for _ in range(depth)]
    body = draw(st.text(max_size=40))
    opening = "".join(f"<{n}>" for n in names)
    closing = "".join(f"</{n}>" for n in reversed(names))
    if draw(st.booleans()):
        closing = closing[: draw(st.integers(0, len(closing)))]
    return (opening + body + closing).encode("utf-8", "surrogatepass")


def check_text(text: str) -> None:
    """One text through parse and parse_all, with the invariants every result keeps."""
    result = resparse.parse(text)
    assert result.uncovered() == [], result.uncovered()
    assert resparse.Resolution.from_json(result.to_json()) == result
    assert resparse.parse(text) == result
    result.to_akn()
    pieces = resparse.parse_all(text)
    assert "".join(r.source for r in pieces) == text


def check_bytes(prefix: bytes, data: bytes) -> None:
    """Bytes of any shape: a document, or a typed error."""
    try:
        document = read_bytes(prefix + data, name="fuzz")
    except resparse.ResparseError:
        return
    resparse.parse_document(document)


def check_akn(xml: bytes) -> None:
    """XML around real element names: a result, or a typed error."""
    try:
        resparse.from_akn(xml)
    except resparse.ResparseError:
        return


def main(argv: list[str] | None = None) -> int:
    """Run the chosen targets for the given number of examples each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=20_000)
    parser.add_argument("--target", choices=["all", "text", "bytes", "akn"], default="all")
    args = parser.parse_args(argv)
    budget = settings(
        max_examples=args.examples,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    targets = {
        "text": budget(given(texts)(check_text)),
        "bytes": budget(given(prefixes, st.binary(max_size=2000))(check_bytes)),
        "akn": budget(given(xml_fragments())(check_akn)),
    }
    for name, run in targets.items():
        if args.target in {"all", name}:
            print(f"{name}: {args.examples} examples ...", flush=True)
            run()
            print(f"{name}: nothing found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
