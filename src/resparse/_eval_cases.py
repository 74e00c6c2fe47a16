"""The evaluation's cases: each document of the development set in each shape it is read in.

A shape is a way the same resolution reaches the parser: the text rendered from the
markup (with or without its italics), the official PDF, or the plain text a PDF library
reads from it (poppler's pdftotext, pdfium's text, pypdf, pdfminer.six): page headers and
broken lines kept, the italics lost, as most users' PDF text reaches ``parse()``. A shape
whose tool is missing is left out.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from typing import TYPE_CHECKING

import attrs
import regex

from resparse._patterns import WIDE_CHARACTERS
from resparse._zone_state import columns as printed_width
from resparse.readers.base import Document

if TYPE_CHECKING:
    import pathlib
    from collections.abc import Callable, Iterable, Iterator


PDF_SHAPES = (
    "pdf",
    "pdftotext",
    "pdftotext-layout",
    "pdftotext-nobreaks",
    "pdfium-text",
    "pypdf",
    "pdfminer",
)
SHAPES = ("markup-italic", "markup-plain", "markup-markdown", "markup-wrapped", *PDF_SHAPES)
LANGUAGE_FOLDERS = {
    "English": "en",
    "French": "fr",
    "Spanish": "es",
    "Russian": "ru",
    "Arabic": "ar",
    "Chinese": "zh",
}


@attrs.frozen
class Case:
    """One document in one shape: how to read it, and the gold it is scored against."""

    name: str
    shape: str
    body: str
    language: str
    read: Callable[[], Document]
    gold_path: pathlib.Path


def _markup_cases(xml: pathlib.Path, body: str, language: str, shapes: set[str]) -> Iterator[Case]:
    from resparse.readers.akn import render_akn  # noqa: PLC0415 - lxml loads on demand

    if "markup-italic" in shapes:
        yield Case(xml.name, "markup-italic", body, language, lambda: render_akn(xml), xml)
    if "markup-plain" in shapes:

        def plain() -> Document:
            return Document(text=render_akn(xml).text, reader="text")

        yield Case(xml.name, "markup-plain", body, language, plain, xml)
    if "markup-markdown" in shapes:

        def markdown() -> Document:
            return Document(text=as_markdown(render_akn(xml)), reader="text")

        yield Case(xml.name, "markup-markdown", body, language, markdown, xml)
    if "markup-wrapped" in shapes:

        def wrapped() -> Document:
            return Document(text=as_wrapped(render_akn(xml).text), reader="text")

        yield Case(xml.name, "markup-wrapped", body, language, wrapped, xml)


def as_markdown(doc: Document) -> str:
    """The text with its italic runs written as markdown emphasis, ``*Recalling*``.

    What a conversion of the Word or HTML text to markdown (pandoc, a web page's copy)
    hands to ``parse()``: the italics survive as asterisks around each run, its white
    space kept outside them.
    """
    text = doc.text
    pieces: list[str] = []
    done = 0
    for span in sorted(doc.italics or (), key=lambda s: s.start):
        run = text[span.start : span.end]
        start = span.start + len(run) - len(run.lstrip())
        end = span.end - (len(run) - len(run.rstrip()))
        if start < done or start >= end or "\n" in text[start:end]:
            continue
        pieces.append(text[done:start])
        pieces.append(f"*{text[start:end]}*")
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


WRAP_COLUMNS = 80  # the width markup-wrapped fills, a Chinese character taking two columns
_WRAP_TOKEN_RE = regex.compile(rf"[{WIDE_CHARACTERS}]|[^\s{WIDE_CHARACTERS}]+|\s+")
# Chinese type never opens a line with closing punctuation: it stays on the line before
_NO_LINE_START = frozenset("，。；：、）」』》”！？")


def as_wrapped(text: str, columns: int = WRAP_COLUMNS) -> str:
    """The text with each line longer than ``columns`` broken where the next word does not fit.

    What a page's text gives without its page furniture, in any language: lines cut in
    mid-sentence, a clause's last line as long as the words make it. A word is a run
    without spaces, or one Chinese character (two columns wide), which may break anywhere.
    """
    out: list[str] = []
    for line in text.split("\n"):
        pieces: list[str] = []
        width = 0
        for token in _WRAP_TOKEN_RE.findall(line):
            if token.isspace():
                if pieces:
                    pieces.append(token)
                    width += len(token)
                continue
            size = printed_width(token)
            if pieces and width + size > columns and token not in _NO_LINE_START:
                out.append("".join(pieces).rstrip())
                pieces, width = [], 0
            pieces.append(token)
            width += size
        out.append("".join(pieces).rstrip())
    return "\n".join(out)


def _pdftotext(pdf: pathlib.Path, *, layout: bool, breaks: bool = True) -> Document:
    """The text poppler's pdftotext reads from a PDF.

    Without ``breaks`` its form feeds become line ends, as extractors that mark no page
    break give the text (pypdf, many web pipelines).
    """
    args = ["pdftotext", *(["-layout"] if layout else []), str(pdf), "-"]
    out = subprocess.run(args, capture_output=True, check=True, timeout=60)  # noqa: S603 - fixed tool, our path
    text = out.stdout.decode("utf-8", "replace")
    return Document(text=text if breaks else text.replace("\f", "\n"), reader="pdftotext")


def _pdfium_text(pdf: pathlib.Path) -> Document:
    """The plain text pdfium reads from each page, the pages joined by a line end, as it comes.

    This is what ``pypdfium2`` gives a user who asks each page for its text: lines end
    with CR LF and no form feed marks a page.
    """
    import pypdfium2  # type: ignore[import-untyped]  # noqa: PLC0415 - loads on demand

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        pages = [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()
    return Document(text="\n".join(pages), reader="pdfium-text")


def _pypdf_text(pdf: pathlib.Path) -> Document:
    """The text pypdf reads from each page, the pages joined by a line end."""
    import pypdf  # noqa: PLC0415 - an evaluation extra

    reader = pypdf.PdfReader(str(pdf))
    return Document(text="\n".join(page.extract_text() for page in reader.pages), reader="pypdf")


def _pdfminer_text(pdf: pathlib.Path) -> Document:
    """pdfminer.six's text with its default layout: a form feed after each page."""
    from pdfminer.high_level import extract_text  # noqa: PLC0415 - an evaluation extra

    return Document(text=extract_text(str(pdf)), reader="pdfminer")


def _has_module(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def _pdf_cases(pdf: pathlib.Path, xml: pathlib.Path, shapes: set[str]) -> Iterator[Case]:
    from resparse.readers.pdf import read_pdf  # noqa: PLC0415 - pdfium loads on demand

    if "pdf" in shapes:
        yield Case(pdf.name, "pdf", "GA", "en", lambda: read_pdf(pdf), xml)
    if "pdfium-text" in shapes:
        yield Case(pdf.name, "pdfium-text", "GA", "en", lambda: _pdfium_text(pdf), xml)
    if "pypdf" in shapes and _has_module("pypdf"):
        yield Case(pdf.name, "pypdf", "GA", "en", lambda: _pypdf_text(pdf), xml)
    if "pdfminer" in shapes and _has_module("pdfminer"):
        yield Case(pdf.name, "pdfminer", "GA", "en", lambda: _pdfminer_text(pdf), xml)
    if shutil.which("pdftotext"):
        if "pdftotext" in shapes:
            yield Case(
                pdf.name, "pdftotext", "GA", "en", lambda: _pdftotext(pdf, layout=False), xml
            )
        if "pdftotext-layout" in shapes:
            yield Case(
                pdf.name, "pdftotext-layout", "GA", "en", lambda: _pdftotext(pdf, layout=True), xml
            )
        if "pdftotext-nobreaks" in shapes:

            def no_breaks() -> Document:
                return _pdftotext(pdf, layout=False, breaks=False)

            yield Case(pdf.name, "pdftotext-nobreaks", "GA", "en", no_breaks, xml)


def _markup_for_pdf(pdf: pathlib.Path, folder: pathlib.Path) -> pathlib.Path | None:
    match = regex.match(r"A_RES_(\d+)_(\d+)", pdf.stem)
    if match is None:
        return None
    session, number = match.groups()
    pattern = regex.compile(rf"(?:A_RES_)?{session}_{number}(?![\d])")
    for xml in sorted(folder.glob("*.xml")):
        if pattern.match(xml.name):
            return xml
    return None


def cases(
    shared: pathlib.Path, shapes: Iterable[str], languages: Iterable[str] = ("en",)
) -> list[Case]:
    """Every (document, shape) pair the shared folder allows."""
    wanted, langs = set(shapes), set(languages)
    found: list[Case] = []
    unxml = shared / "unxml"
    for body, pattern in (("GA", "ga/*session/*"), ("SC", "sc/*/*")):
        for folder in sorted(unxml.glob(pattern)):
            language = LANGUAGE_FOLDERS.get(folder.name)
            if language not in langs:
                continue
            for xml in sorted(folder.glob("*.xml")):
                found.extend(_markup_cases(xml, body, language, wanted))
    pdf_folder = shared / "pdf" / "ga78"
    markup_folder = unxml / "ga" / "78session" / "English"
    if "en" in langs and pdf_folder.is_dir() and wanted & set(PDF_SHAPES):
        for pdf in sorted(pdf_folder.glob("*.pdf")):
            markup = _markup_for_pdf(pdf, markup_folder)
            if markup is not None:
                found.extend(_pdf_cases(pdf, markup, wanted))
    return found
