"""How the time of each hostile input of issue 18 grows when the input grows tenfold.

    python benchmarks/bench_adversarial.py [--scale 1.0] [--repeat 2]

For every input that once took superlinear time (or that a reader now refuses), prints the
seconds at size N and at 10 N and their ratio: linear work gives about 10, and the goal is
at most about 12. ``--scale`` multiplies every N (use 0.1 for a quick look); each time is
the best of ``--repeat`` runs. The inputs are built here, from nothing; no file is needed.
Run by hand, not from the tests (a loaded machine makes single timings noisy).
"""

from __future__ import annotations

import argparse
import io
import sys
import time
import zipfile
from typing import TYPE_CHECKING

import resparse
from resparse.errors import ResparseError
from resparse.readers.dispatch import read_bytes
from resparse.states import name_key

if TYPE_CHECKING:
    from collections.abc import Callable

OPENING = "The General Assembly,\n\n1. Decides to act;\n\n"
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def vote_sentences(n: int) -> Callable[[], object]:
    """A vote statement of n sentences, each about a paragraph, with runs of "i"."""
    sentences = "".join(f"Paragraph {'i' * 30} was retained by {k % 90} to 2. " for k in range(n))
    text = f"{OPENING}[Adopted by a recorded vote of 26 to 15, with 6 abstentions. {sentences}]"
    return lambda: resparse.parse(text)


def hyphen_chain(n: int) -> Callable[[], object]:
    """One paragraph of n lines, each a word broken by a hyphen at its end."""
    text = OPENING + "2. Decides to " + "a b-\n" * n
    return lambda: resparse.parse(text)


def lines_ending_in_dash(n: int) -> Callable[[], object]:
    """n lines that end in " -": they join into one line."""
    text = OPENING + "2. Decides\n" + "x -\n" * n
    return lambda: resparse.parse(text)


def state_zero_width(n: int) -> Callable[[], object]:
    """A State name with n zero-width spaces between spaces."""
    name = "Fr" + " \u200b" * n + "ance"
    return lambda: name_key.__wrapped__(name)  # not the cached result


def state_space_dots(n: int) -> Callable[[], object]:
    """A State name with n " ." pairs."""
    name = "Fr" + " ." * n + "ance"
    return lambda: name_key.__wrapped__(name)  # not the cached result


def separate_vote_letters(n: int) -> Callable[[], object]:
    """A vote statement whose sentences are runs of i, s and f (full case folding)."""
    runs = ". ".join(letter * 40 for letter in "isf" * (n // 3))
    text = f"{OPENING}[Adopted by a recorded vote of 26 to 15. {runs}.]"
    return lambda: resparse.parse(text)


def symbol_line(n: int) -> Callable[[], object]:
    """parse_all on one line of symbol-like text, n characters long."""
    text = ("A/RES/" * (n // 6 + 1))[:n]
    return lambda: resparse.parse_all(text)


def _word(parts: dict[str, bytes]) -> bytes:
    import docx  # noqa: PLC0415 - the DOCX cases need python-docx, as the reader does

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item.filename, parts.get(item.filename, source.read(item.filename)))
    return out.getvalue()


def docx_based_on(n: int) -> Callable[[], object]:
    """A Word file with n styles, each based on the next."""
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="s{i}"><w:basedOn w:val="s{i + 1}"/></w:style>'
        for i in range(n)
    )
    data = _word({"word/styles.xml": f"<w:styles {_W}>{styles}</w:styles>".encode()})
    return lambda: read_bytes(data, name="chain.docx")


def docx_counter_bomb(n: int) -> Callable[[], object]:
    """n letter-numbered paragraphs of a list that starts at 1,000,000,000 (refused)."""
    paragraph = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        "<w:r><w:t>Decides</w:t></w:r></w:p>"
    )
    numbering = (
        f'<w:numbering {_W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
        '<w:start w:val="1000000000"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1."/>'
        '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        "</w:numbering>"
    )
    body = f"<w:document {_W}><w:body>{paragraph * n}</w:body></w:document>"
    data = _word({"word/document.xml": body.encode(), "word/numbering.xml": numbering.encode()})
    return lambda: read_bytes(data, name="bomb.docx")


def html_nested(n: int) -> Callable[[], object]:
    """An HTML page nesting n <div> deep (refused past the limit)."""
    data = ("<div>" * n + "text" + "</div>" * n).encode()
    return lambda: read_bytes(data, name="deep.html")


def akn_markers(n: int) -> Callable[[], object]:
    """One paragraph with n footnote markers, and its n notes, written as Akoma Ntoso."""
    from resparse.model import Footnote, OperativeParagraph, Resolution, Span  # noqa: PLC0415

    words = [f"word{k} " for k in range(n)]
    text = "Decides " + "".join(words)
    notes_at = len(text) + 1
    lines = [f"{k} Note {k}." for k in range(n)]
    source = text + "\n" + "\n".join(lines)
    anchors, cursor = [], len("Decides ")
    for word in words:
        cursor += len(word) - 1
        digits = len(word) - len("word ")
        anchors.append(Span(cursor - digits, cursor))
        cursor += 1
    notes, cursor = [], notes_at
    for k, line in enumerate(lines):
        notes.append(
            Footnote(str(k), line.split(" ", 1)[1], Span(cursor, cursor + len(line)), anchors[k])
        )
        cursor += len(line) + 1
    clean = "Decides " + " ".join("word" for _ in words)
    paragraph = OperativeParagraph(1, "Decides", clean, Span(0, len(text)))
    res = Resolution(source=source, operative=(paragraph,), footnotes=tuple(notes))
    return res.to_akn


def akn_notes(n: int) -> Callable[[], object]:
    """Akoma Ntoso with n authorialNotes in one paragraph, read with from_akn."""
    from resparse.readers.akn import from_akn  # noqa: PLC0415 - lxml loads on demand

    ns = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
    notes = "".join(
        f'word<authorialNote marker="{k}"><p>Note {k}.</p></authorialNote> ' for k in range(n)
    )
    xml = (
        f'<akomaNtoso xmlns="{ns}"><statement name="resolution"><mainBody><paragraph>'
        f"<num>1.</num><content><p>Decides {notes}</p></content></paragraph></mainBody>"
        "</statement></akomaNtoso>"
    ).encode()
    return lambda: from_akn(xml)


def html_deep_blocks(n: int) -> Callable[[], object]:
    """n blocks each 900 <div> deep, one after another: the deepest a page may be, n times."""
    block = "<div>" * 900 + "1. Decides" + "</div>" * 900
    data = (block * n).encode()
    return lambda: read_bytes(data, name="blocks.html")


CASES: tuple[tuple[str, Callable[[int], Callable[[], object]], int], ...] = (
    ("vote statement, sentences", vote_sentences, 200),
    ("hyphen chain, lines", hyphen_chain, 2_000),
    ('lines ending in " -"', lines_ending_in_dash, 2_000),
    ("State name, zero-width pairs", state_zero_width, 50_000),
    ('State name, " ." pairs', state_space_dots, 50_000),
    ("separate vote, i/s/f runs", separate_vote_letters, 60),
    ("parse_all, symbol-like line", symbol_line, 40_000),
    ("DOCX basedOn chain, styles", docx_based_on, 2_000),
    ("DOCX counter bomb, paragraphs", docx_counter_bomb, 100),
    ("HTML nesting, depth", html_nested, 10_000),
    ("HTML blocks 900 deep, blocks", html_deep_blocks, 5),
    ("to_akn, footnote markers", akn_markers, 1_000),
    ("from_akn, notes", akn_notes, 5_000),
)


def best(run: Callable[[], object], repeat: int) -> tuple[float, str]:
    """The fastest of ``repeat`` runs, and what the run gave (a result, or a typed error)."""
    times = []
    outcome = "ok"
    for _ in range(repeat):
        started = time.perf_counter()
        try:
            run()
        except ResparseError as error:
            outcome = type(error).__name__
        times.append(time.perf_counter() - started)
    return min(times), outcome


def main(argv: list[str] | None = None) -> int:
    """Print one line per case: N, seconds at N and 10 N, the ratio and the outcome."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--scale", type=float, default=1.0, help="multiply every N")
    options.add_argument("--repeat", type=int, default=2, help="runs per size; the best counts")
    args = options.parse_args(argv)
    resparse.parse(OPENING)  # load the tables first: the first parse is not the one timed
    print(f"{'input':32} {'N':>9} {'t(N) s':>9} {'t(10N) s':>9} {'ratio':>6}  outcome")
    worst = 0.0
    for name, build, size in CASES:
        n = max(1, int(size * args.scale))
        small, _ = best(build(n), args.repeat)
        large, outcome = best(build(10 * n), args.repeat)
        ratio = large / small if small > 0 else float("inf")
        worst = max(worst, ratio)
        print(f"{name:32} {n:>9,} {small:9.4f} {large:9.4f} {ratio:6.1f}  {outcome}", flush=True)
    print(f"worst ratio: {worst:.1f} (goal: at most about 12)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
