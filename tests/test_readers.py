"""The markdown, HTML and Word readers and the dispatcher, on the seed resolution and on small cases.

The seed, A/HRC/RES/46/13, is given in three shapes: markdown and HTML files in
fixtures/readers, and a Word file that the tests write with python-docx (italic runs on
every lead, automatic numbering on the operative paragraphs, one footnote). Each must parse
to the same structure as the plain-text seed, with every lead italic. The readers' own
output (text, italic and raised spans) is kept beside the inputs as golden JSON.
"""

from __future__ import annotations

import contextlib
import io
import json
import pathlib
import random
import subprocess
import sys
import time
import zipfile
from typing import TYPE_CHECKING, Any

import docx
import pytest
import regex
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.shared import Pt
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import resparse
from resparse.errors import InputDecodeError, InputError, InputTooLargeError, UnsafeInputError
from resparse.readers import markdown as md_reader
from resparse.readers.dispatch import read_bytes, read_file, sniff
from resparse.readers.docx import MAX_COUNTER as DOCX_MAX_COUNTER
from resparse.readers.docx import read_docx
from resparse.readers.html import MAX_DEPTH as MAX_HTML_DEPTH
from resparse.readers.html import read_html
from resparse.readers.markdown import read_markdown
from tests.test_golden_seed import OPERATIVE, PREAMBLE_LEADS

if TYPE_CHECKING:
    from resparse.model import Resolution
    from resparse.readers.base import Document

READERS = pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "readers"
SEED_TEXT = READERS.parent / "A_HRC_RES_46_13.txt"
MARKDOWN = READERS / "A_HRC_RES_46_13.md"
HTML = READERS / "A_HRC_RES_46_13.html"

OPERATIVE_LEADS = [lead for _, lead, _ in OPERATIVE]
FOOTNOTE = "General Assembly resolution 217 A (III)."

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# --- the seed in three shapes ----------------------------------------------------------------


def seed_paragraphs() -> list[str]:
    """The seed's paragraphs, the page-break artefact inside one clause mended."""
    text = SEED_TEXT.read_text(encoding="utf-8").replace("*", "")
    text = regex.sub(r"constructive\s+international", "constructive international", text)
    return [p.strip() for p in regex.split(r"\n[ \t]*\n", text) if p.strip()]


def write_seed_docx(path: pathlib.Path) -> pathlib.Path:
    """The seed as a Word file: italic leads (direct, by character style, by paragraph style),
    operative paragraphs numbered by Word's "List Number" style, one real footnote."""
    document = docx.Document()
    document.styles.add_style("Lead", WD_STYLE_TYPE.CHARACTER).font.italic = True
    italic_paragraph = document.styles.add_style("ItalicPara", WD_STYLE_TYPE.PARAGRAPH)
    italic_paragraph.font.italic = True
    italic_paragraph.font.size = Pt(10)
    leads = list(PREAMBLE_LEADS)
    for block in seed_paragraphs():
        if regex.match(r"- (\d)\. ", block):
            for line in block.split("\n"):
                add_operative(document, line)
        elif leads and block.startswith(leads[0] + " ") and "Council," not in block[:40]:
            add_preambular(document, block, 17 - len(leads), leads.pop(0))
        else:
            paragraph = document.add_paragraph()
            for i, line in enumerate(block.split("\n")):
                run = paragraph.add_run(line)
                if i < block.count("\n"):
                    run.add_break()
    assert not leads
    add_footnotes(document, FOOTNOTE)
    document.save(str(path))
    return path


def add_operative(document: Any, line: str) -> None:
    """ "- 4. Emphasizes ..." as a paragraph that Word numbers itself."""
    lead = OPERATIVE_LEADS[int(line[2]) - 1]
    rest = line[5:]
    assert rest.startswith(lead)
    paragraph = document.add_paragraph(style="List Number")
    paragraph.add_run(lead).italic = True
    paragraph.add_run(rest[len(lead) :])


def add_preambular(document: Any, block: str, index: int, lead: str) -> None:
    rest = block[len(lead) :]
    if index == 2:  # italic by a character style
        paragraph = document.add_paragraph()
        paragraph.add_run(lead, style="Lead")
    elif index == 9:  # italic by the paragraph style, the rest set upright
        paragraph = document.add_paragraph(style="ItalicPara")
        paragraph.add_run(lead)
    else:
        paragraph = document.add_paragraph()
        paragraph.add_run(lead).italic = True
    if index == 1:  # the Universal Declaration carries footnote 1
        cut = rest.index(" and the Vienna")
        paragraph.add_run(rest[:cut])
        paragraph._p.append(
            etree.fromstring(
                f'<w:r xmlns:w="{W_NS}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                '<w:footnoteReference w:id="1"/></w:r>'
            )
        )
        rest = rest[cut:]
    paragraph.add_run(rest).italic = False if index == 9 else None


def add_footnotes(document: Any, text: str) -> None:
    """A footnotes part holding note 1 (python-docx writes no footnotes of its own)."""
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
        "</w:r></w:p></w:footnote>"
        '<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p>'
        "</w:footnote></w:footnotes>"
    ).encode()
    package = document.part.package
    part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, footnotes, package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)


@pytest.fixture(scope="module")
def seed_docx(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    return write_seed_docx(tmp_path_factory.mktemp("docx") / "A_HRC_RES_46_13.docx")


def check_seed(result: Resolution, reader: str) -> None:
    assert result.reader == reader
    assert [c.lead for c in result.preamble] == PREAMBLE_LEADS
    assert [p.lead for p in result.operative] == OPERATIVE_LEADS
    assert [p.number for p in result.operative] == list(range(1, 9))
    for part in (*result.preamble, *result.operative):
        assert part.lead_italic is True, part.lead
        assert part.lead_span is not None
        assert result.raw(part.lead_span) == part.lead
    assert result.vote is not None
    assert (result.vote.in_favour, result.vote.against, result.vote.abstaining) == (26, 15, 6)
    assert result.header.symbol == "A/HRC/RES/46/13"
    assert result.header.adopted is not None
    assert result.header.adopted.isoformat() == "2021-03-23"


def test_markdown_seed() -> None:
    result = resparse.parse_file(MARKDOWN)
    check_seed(result, "markdown")
    assert result.source == MARKDOWN.read_text(encoding="utf-8")  # offsets are the user's


@pytest.mark.parametrize("through_reader", [True, False])
def test_markdown_seed_title_and_footnote(through_reader: bool) -> None:
    """Regression: a '## ' title line and a '[^1]: ' definition were left unclassified."""
    text = MARKDOWN.read_text(encoding="utf-8")
    result = resparse.parse_file(MARKDOWN) if through_reader else resparse.parse(text)
    assert (
        result.header.title
        == "Promoting mutually beneficial cooperation in the field of human rights"
    )
    assert result.header.number == "46/13"
    assert [f.text for f in result.footnotes] == [FOOTNOTE]
    anchor = result.footnotes[0].anchor
    assert anchor is not None
    assert text[anchor.start : anchor.end] == "[^1]"
    assert "[^" not in result.preamble[1].text
    assert result.unclassified == ()
    assert result.uncovered() == []


def test_html_seed() -> None:
    result = resparse.parse_file(HTML)
    check_seed(result, "html")
    assert (
        result.header.title
        == "Promoting mutually beneficial cooperation in the field of human rights"
    )
    assert not result.diagnostics
    source = result.source
    for script_text in ("document.write", "run this script", "alert", "execute scripts", "<"):
        assert script_text not in source
    assert "22 February–24 March 2021" in source  # &ndash;
    assert "Côte d'Ivoire" in source  # &ocirc; and &#39;
    assert "23\xa0March 2021" in source  # &nbsp; stays a no-break space
    assert [f.text for f in result.footnotes] == [FOOTNOTE]
    anchor = result.footnotes[0].anchor
    assert anchor is not None
    assert source[anchor.start - 6 : anchor.end] == "Rights1"


def test_docx_seed(seed_docx: pathlib.Path) -> None:
    result = resparse.parse_file(seed_docx)
    check_seed(result, "docx")
    assert (
        result.header.title
        == "Promoting mutually beneficial cooperation in the field of human rights"
    )
    assert [f.text for f in result.footnotes] == [FOOTNOTE]
    assert result.footnotes[0].anchor is not None


# --- golden reader output ---------------------------------------------------------------------


def describe(document: Document, *, with_text: bool) -> dict[str, Any]:
    def spans(found: tuple[Any, ...] | None) -> list[list[Any]] | None:
        if found is None:
            return None
        return [[s.start, s.end, document.text[s.start : s.end]] for s in found]

    out: dict[str, Any] = {"reader": document.reader}
    if with_text:
        out["text"] = document.text
    out["italics"] = spans(document.italics)
    out["superscripts"] = spans(document.superscripts)
    out["small"] = spans(document.small)
    out["diagnostics"] = [d.code for d in document.diagnostics]
    return out


@pytest.mark.parametrize(
    ("name", "with_text"),
    [("A_HRC_RES_46_13.md", False), ("A_HRC_RES_46_13.html", True), ("A_HRC_RES_46_13.docx", True)],
)
def test_golden_reader_output(
    name: str, with_text: bool, request: pytest.FixtureRequest, update_golden: bool
) -> None:
    path = request.getfixturevalue("seed_docx") if name.endswith(".docx") else READERS / name
    document = read_file(path)
    got = describe(document, with_text=with_text)
    expected_path = READERS / f"{name}.expected.json"
    if update_golden:
        expected_path.write_text(golden_json(got), "utf-8")
    assert got == json.loads(expected_path.read_text("utf-8"))


def golden_json(value: dict[str, Any]) -> str:
    """Indented JSON with each span on one line, so a reviewer reads a diff span by span."""
    text = json.dumps(value, ensure_ascii=False, indent=1)
    return (
        regex.sub(
            r"\[\n\s*(\d+),\n\s*(\d+),\n\s*(\"(?:[^\"\\]|\\.)*\")\n\s*\]", r"[\1, \2, \3]", text
        )
        + "\n"
    )


# --- markdown ----------------------------------------------------------------------------


def italic_texts(document: Document) -> list[str]:
    assert document.italics is not None
    return [document.text[s.start : s.end] for s in document.italics]


def raised_texts(document: Document) -> list[str]:
    assert document.superscripts is not None
    return [document.text[s.start : s.end] for s in document.superscripts]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("*Recalling* its resolution", ["Recalling"]),
        ("_Recalling_ its resolution", ["Recalling"]),
        ("**Bold** only", []),
        ("__Bold__ only", []),
        ("***Both*** at once", ["Both"]),
        ("*Deeply\nconcerned* about", ["Deeply\nconcerned"]),
        ("*Deeply\n\nconcerned* about", []),  # a blank line ends the paragraph
        ("*Deeply\n- concerned*", []),  # a list item starts a new block
        ("snake_case_name and 2*3*4", ["3"]),  # "_" never inside a word; "*" may be
        ("`*code*` and \\*escaped\\*", []),
        ("*an *inner* one*", ["an *inner* one"]),
        ("*a **strong** inside*", ["a **strong** inside"]),
        ("> *quoted\n> over two lines*", ["quoted\n> over two lines"]),
        ("# *Heading*\ntext*", ["Heading"]),
        ("```\n*fenced*\n```\n*after*", ["after"]),
        ("1. *Decides* to", ["Decides"]),
        ("- 1. *Calls upon* States", ["Calls upon"]),
        ("* *Bullet* item", ["Bullet"]),
    ],
)
def test_markdown_emphasis(source: str, expected: list[str]) -> None:
    document = read_markdown(source)
    assert document.text == source
    assert document.reader == "markdown"
    assert italic_texts(document) == expected


def test_markdown_footnotes() -> None:
    source = "Rights[^1] and more[^x]\n\n[^1]: General Assembly resolution *217 A (III)*.\n"
    document = read_markdown(source)
    assert raised_texts(document) == ["1"]
    assert italic_texts(document) == ["217 A (III)"]
    assert document.small is not None
    assert [source[s.start : s.end] for s in document.small] == [
        "General Assembly resolution *217 A (III)*."
    ]
    assert [d.code for d in document.diagnostics] == ["markdown.footnote_undefined"]


def test_markdown_bytes_keep_offsets() -> None:
    document = read_markdown("\ufeff*Guided by* the Charter".encode())
    assert document.text == " *Guided by* the Charter"
    assert italic_texts(document) == ["Guided by"]
    assert [d.code for d in document.diagnostics] == ["input.bom"]


def test_markdown_is_linear_on_unmatched_delimiters() -> None:
    source = ("*a _b " * 20000) + "\n" + ("`" * 5 + " x ") * 5000
    started = time.perf_counter()
    read_markdown(source)
    assert time.perf_counter() - started < 5


def render(source: str) -> str:
    """HTML for one paragraph from the reader's delimiter matching, as CommonMark prints it."""
    delimiters = [
        md_reader._delimiter(source, m.start(), m.end()) for m in regex.finditer(r"\*+|_+", source)
    ]
    tags: dict[int, tuple[int, str]] = {}
    for (open_start, open_end), (close_start, close_end) in md_reader._match(delimiters):
        tag = "em" if open_end - open_start == 1 else "strong"
        tags[open_start] = (open_end, f"<{tag}>")
        tags[close_start] = (close_end, f"</{tag}>")
    out = []
    i = 0
    while i < len(source):
        if i in tags:
            i, tag = tags[i]
            out.append(tag)
        else:
            out.append(source[i])
            i += 1
    return "<p>" + "".join(out) + "</p>\n"


@given(
    st.lists(
        st.text(alphabet="a **__,,", max_size=14).map(
            lambda s: "a" + regex.sub(" +", " ", s) + "a"
        ),
        min_size=1,
        max_size=3,
    )
)
def test_markdown_emphasis_matches_commonmark(lines: list[str]) -> None:
    """The delimiter algorithm gives what markdown-it-py (a CommonMark parser) gives."""
    markdown_it = pytest.importorskip("markdown_it")
    source = "\n".join(lines)
    assert render(source) == markdown_it.MarkdownIt("commonmark").render(source)


# --- HTML ----------------------------------------------------------------------------------


def html(markup: str) -> Document:
    return read_html(markup)


def test_html_layout() -> None:
    document = html(
        "<h1>Title</h1><div><div><p>One  \n two</p></div></div>x<br>y<br><br>z"
        "<table><tr><td>a</td><td>b</td></tr><tr><td></td><th>d</th></tr></table>"
        "<pre>  kept\n  as is</pre>"
    )
    assert document.text == "Title\n\nOne two\n\nx\ny\n\nz\n\na\tb\n\td\n\n  kept\n  as is"
    assert document.reader == "html"


def test_html_italics_and_superscripts() -> None:
    document = html(
        "<p><em>Guided by</em> the Charter<sup>1</sup></p>"
        "<p><i>Recalling</i> also <cite>Official Records</cite></p>"
        '<p><span class="lead Italic">Noting</span> that</p>'
        '<p><span style="color:red; font-style: italic">Stressing</span> that</p>'
        '<p style="font-style:italic">All <span style="font-style:normal">but</span> this</p>'
        '<p><em>Reaffirming </em><em>also</em> that x<span style="vertical-align: super">2</span></p>'
    )
    assert italic_texts(document) == [
        "Guided by",
        "Recalling",
        "Official Records",
        "Noting",
        "Stressing",
        "All",
        "this",
        "Reaffirming also",
    ]
    assert raised_texts(document) == ["1", "2"]


def test_html_bold_marks_the_leads_where_the_language_sets_them_in_bold() -> None:
    """Chinese pages set leads in bold; elsewhere bold (a heading, a name) marks no lead.

    Regression: a Chinese page with <strong> leads came back with no lead marking, and
    the plain-text guess cut "深感不安的是" to "深" and ran "重申" into its object.
    """
    chinese = html(
        "<p>大会，</p>"
        "<p><strong>深感不安的是</strong>恐怖行为持续不断，</p>"
        '<p><span style="font-weight: 700">重申</span>强烈谴责一切形式的恐怖主义，</p>'
        '<p>1.\t<b class="x">敦促</b>会员国采取措施；</p>'
    )
    assert italic_texts(chinese) == ["深感不安的是", "重申", "敦促"]
    english = html(
        "<p><b>Human rights situation</b></p><p><em>Recalling</em> its <strong>own</strong> text,</p>"
    )
    assert italic_texts(english) == ["Recalling"]
    result = resparse.parse_document(chinese)
    assert [c.lead for c in result.preamble] == ["深感不安的是", "重申"]
    assert all(c.lead_italic for c in result.preamble)


def test_html_drops_what_is_not_text() -> None:
    document = html(
        "<html><head><title>T</title><style>p{color:red}</style>"
        "<script>alert('x')</script></head><body><!-- hidden -->"
        "<p>a &amp; b &lt;c&gt; &eacute;&#8212;&#x2019;</p>"
        "<script>document.write('<p>injected</p>')</script><noscript>enable js</noscript>"
        "<template><p>template</p></template><svg><text>svg</text></svg></body></html>"
    )
    assert document.text == "a & b <c> é—’"


def test_html_ordered_lists() -> None:
    document = html(
        '<ol><li><em>Calls upon</em> all</li><li>Decides</li></ol><ol start="3"><li>x</li></ol>'
        '<ol type="a"><li>first</li><li value="4">fourth</li></ol><ol type="I"><li>one</li></ol>'
        "<ul><li>bullet</li></ul>"
    )
    assert document.text == (
        "1.\tCalls upon all\n\n2.\tDecides\n\n3.\tx\n\na.\tfirst\n\nd.\tfourth\n\nI.\tone\n\nbullet"
    )
    assert italic_texts(document) == ["Calls upon"]


def test_html_deep_nesting_does_not_recurse() -> None:
    depth = MAX_HTML_DEPTH - 1  # deeper than Python's recursion limit
    document = html("<div>" * depth + "<em>deep</em>" + "</div>" * depth)
    assert document.text == "deep"


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    "markup",
    [
        "<div>" * 100_000 + "deep",
        "<div><object></div></object>" * 2_000,  # end tags a scope hides close nothing
        "<span></x>" * 2_000,  # an end tag for nothing open closes nothing
    ],
)
def test_html_nesting_past_the_limit_is_refused(markup: str) -> None:
    with pytest.raises(InputTooLargeError, match="nest more than"):
        html(markup)


@pytest.mark.issue(18)
def test_html_siblings_and_self_closing_parts_are_not_nesting() -> None:
    flat = "<div>x</div>" * 5_000 + "<p>a" * 5_000 + "<svg>" + "<path/>" * 5_000 + "</svg>"
    assert html(flat).text.startswith("x")


@pytest.mark.issue(18)
@pytest.mark.parametrize("charset", ["base64", "rot13", "zlib", "uu", "punycode", "undefined"])
def test_html_charset_that_is_no_character_set_is_an_input_error(charset: str) -> None:
    data = f'<meta charset="{charset}"><p>caf'.encode() + b"\xe9</p>"
    with pytest.raises(InputError, match="not a character set"):
        read_html(data)


def test_html_declared_charset() -> None:
    data = '<meta charset="windows-1252"><p>C\xf4te d\x92Ivoire</p>'.encode("latin-1")
    document = read_html(data)
    assert document.text == "Côte d’Ivoire"
    assert [d.code for d in document.diagnostics] == ["html.charset"]
    with pytest.raises(InputDecodeError):
        read_html(b"<p>caf\xe9</p>")


# --- Word ----------------------------------------------------------------------------------


def word_bytes(build: Any) -> bytes:
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def read_word(build: Any) -> Document:
    return read_docx(word_bytes(build))


def test_docx_bold_marks_the_leads_where_the_language_sets_them_in_bold() -> None:
    """A Chinese Word file sets its leads in bold, by run or by style; English bold is no lead."""

    def chinese(document: Any) -> None:
        document.styles.add_style("Lead", WD_STYLE_TYPE.CHARACTER).font.bold = True
        document.add_paragraph("大会，")
        paragraph = document.add_paragraph()
        paragraph.add_run("深感不安的是").bold = True
        paragraph.add_run("恐怖行为持续不断，")
        paragraph = document.add_paragraph()
        paragraph.add_run("重申", style="Lead")
        paragraph.add_run("强烈谴责一切形式的恐怖主义，")

    def english(document: Any) -> None:
        document.add_paragraph().add_run("Human rights situation").bold = True
        paragraph = document.add_paragraph()
        paragraph.add_run("Recalling").italic = True
        paragraph.add_run(" its resolution 77/1,")

    assert italic_texts(read_word(chinese)) == ["深感不安的是", "重申"]
    assert italic_texts(read_word(english)) == ["Recalling"]


def test_docx_italics_from_runs_and_styles() -> None:
    def build(document: Any) -> None:
        document.styles.add_style("Lead", WD_STYLE_TYPE.CHARACTER).font.italic = True
        based = document.styles.add_style("LeadBased", WD_STYLE_TYPE.CHARACTER)
        based.base_style = document.styles["Lead"]
        paragraph = document.add_paragraph()
        paragraph.add_run("Guided").italic = True
        paragraph.add_run(" by").italic = True
        paragraph.add_run(" the Charter")
        document.add_paragraph().add_run("Recalling", style="LeadBased")
        document.add_paragraph("Quoted", style="Quote")  # the template's Quote style is italic
        upright = document.add_paragraph(style="Quote").add_run("Upright")
        upright.italic = False
        document.add_paragraph().add_run("x2").font.superscript = True

    document = read_word(build)
    assert document.text == "Guided by the Charter\n\nRecalling\n\nQuoted\n\nUpright\n\nx2"
    assert italic_texts(document) == ["Guided by", "Recalling", "Quoted"]
    assert raised_texts(document) == ["x2"]
    assert document.reader == "docx"


def test_docx_numbering_and_tables() -> None:
    def build(document: Any) -> None:
        for text in ("Calls upon", "Decides", "Requests"):
            document.add_paragraph(text, style="List Number")
        table = document.add_table(rows=2, cols=3)
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row.cells):
                cell.text = f"r{r}c{c}"
        table.cell(1, 2).add_paragraph("more")
        document.add_paragraph("after", style="List Bullet")

    document = read_word(build)
    assert document.text == (
        "1.\tCalls upon\n\n2.\tDecides\n\n3.\tRequests\n\nr0c0\tr0c1\tr0c2\nr1c0\tr1c1\tr1c2 more"
        "\n\n•\tafter"
    )


def test_docx_footnotes_follow_the_body(seed_docx: pathlib.Path) -> None:
    document = read_docx(seed_docx)
    assert document.text.endswith(f"\n\n__________________\n1\t{FOOTNOTE}")
    assert "Human Rights1 and the Vienna" in document.text
    assert raised_texts(document) == ["1"]
    assert document.small is not None
    assert [document.text[s.start : s.end] for s in document.small] == [f"1\t{FOOTNOTE}"]


# --- dispatch ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "name", "shape"),
    [
        (b"%PDF-1.7\n...", "x.txt", "pdf"),
        (b"<!DOCTYPE html><p>x</p>", "x.txt", "html"),
        (b"\xef\xbb\xbf<!-- saved --><HTML lang=en>", None, "html"),
        ("<html><body>x</body></html>".encode("utf-16"), None, "html"),
        (b'<?xml version="1.0"?>\n<akomaNtoso xmlns="x">', "x.txt", "akn"),
        (
            b'<?xml version="1.0"?><a xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">',
            None,
            "akn",
        ),
        (b"# Title\n*x*", "x.md", "markdown"),
        (b"# Title\n*x*", "x.MARKDOWN", "markdown"),
        (b"# Title\n*x*", "x.txt", "text"),
        (b"# Title\n*x*", None, "text"),
        (b"<p>fragment</p>", "page.htm", "html"),
        (b"<p>fragment</p>", "page.txt", "text"),
        (b"junk", "x.pdf", "pdf"),
        (b"junk", "x.docx", "docx"),
        (b"<root/>", "x.xml", "akn"),
        (b"# Notes on <akomaNtoso> markup", "notes.md", "markdown"),
    ],
)
def test_sniff(data: bytes, name: str | None, shape: str) -> None:
    assert sniff(data, name) == shape


def test_sniff_docx_needs_word_document() -> None:
    data = word_bytes(lambda d: d.add_paragraph("x"))
    assert sniff(data) == "docx"
    assert read_bytes(data).text == "x"


def test_read_bytes_names_the_input() -> None:
    document = read_bytes(b"*Guided by* the Charter", name="seed.md")
    assert document.reader == "markdown"
    assert document.path == "seed.md"
    assert italic_texts(document) == ["Guided by"]
    with pytest.raises(InputError, match=r"^x\.docx: "):
        read_bytes(b"not a zip", name="x.docx")


def test_utf16_text(tmp_path: pathlib.Path) -> None:
    for codec in ("utf-16", "utf-16-be", "utf-32"):
        path = tmp_path / f"seed-{codec}.txt"
        mark = "\ufeff" if codec == "utf-16-be" else ""  # "utf-16" and "utf-32" write their own
        path.write_bytes((mark + "The Human Rights Council,").encode(codec))
        document = read_file(path)
        assert document.text == " The Human Rights Council,"
        assert [d.code for d in document.diagnostics] == ["input.bom"]


def test_max_bytes(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(SEED_TEXT.read_bytes())
    size = path.stat().st_size
    assert read_file(path, max_bytes=size).text.startswith("United Nations")
    with pytest.raises(InputTooLargeError, match="more than the limit"):
        read_file(path, max_bytes=size - 1)
    with pytest.raises(InputTooLargeError):
        resparse.parse_file(path, max_bytes=100)
    with pytest.raises(ValueError, match="max_bytes"):
        read_file(path, max_bytes=-1)


def test_readers_stay_lazy() -> None:
    """``import resparse`` and the dispatcher load no reader library until one is needed."""
    code = (
        "import sys, resparse, resparse.readers.dispatch\n"
        "heavy = {'selectolax', 'docx', 'pypdfium2'} & {m.split('.')[0] for m in sys.modules}\n"
        "print(sorted(heavy))"
    )
    out = subprocess.run(  # noqa: S603 - runs this interpreter on a fixed snippet
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_random_bytes_never_crash() -> None:
    """Any bytes give a Document or a typed resparse error, whatever the name says."""
    rng = random.Random(46)  # noqa: S311 - reproducible test data, not secrets
    seeds = [b"%PDF-1.4\n", b"PK\x03\x04", b"<html>", b"<akomaNtoso>", b"*x*", b"\xff\xfe"]
    for _ in range(200):
        data = rng.choice(seeds) + rng.randbytes(rng.randint(0, 64))
        name = rng.choice([None, "a.md", "a.html", "a.docx", "a.pdf", "a.xml", "a.txt"])
        with contextlib.suppress(InputError):
            read_bytes(data, name=name)


# --- hostile Word files (issue 18) ---------------------------------------------------------

_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def rewritten(data: bytes, parts: dict[str, bytes]) -> bytes:
    """A copy of a Word file with some of its parts replaced."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item.filename, parts.get(item.filename, source.read(item.filename)))
    return out.getvalue()


def plain_word() -> bytes:
    return word_bytes(lambda document: document.add_paragraph("Decides to remain seized"))


def numbered_body(count: int) -> bytes:
    paragraph = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        "<w:r><w:t>Decides</w:t></w:r></w:p>"
    )
    return f"<w:document {_W_NS}><w:body>{paragraph * count}</w:body></w:document>".encode()


def numbering(start: int, kind: str) -> bytes:
    return (
        f'<w:numbering {_W_NS}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0">'
        f'<w:start w:val="{start}"/><w:numFmt w:val="{kind}"/><w:lvlText w:val="%1."/>'
        '</w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        "</w:numbering>"
    ).encode()


@pytest.mark.issue(18)
def test_docx_list_counter_past_the_limit_is_refused() -> None:
    bomb = rewritten(
        plain_word(),
        {
            "word/document.xml": numbered_body(3),
            "word/numbering.xml": numbering(1_000_000_000, "lowerLetter"),
        },
    )
    assert len(bomb) < 40_000
    with pytest.raises(InputTooLargeError, match="list counter of 1,000,000,000"):
        read_docx(bomb, path="bomb.docx")


@pytest.mark.issue(18)
def test_docx_list_counter_at_the_limit_is_read() -> None:
    data = rewritten(
        plain_word(),
        {
            "word/document.xml": numbered_body(1),
            "word/numbering.xml": numbering(DOCX_MAX_COUNTER, "decimal"),
        },
    )
    assert read_docx(data).text.startswith(f"{DOCX_MAX_COUNTER}.")


@pytest.mark.issue(18)
def test_docx_long_based_on_chain_is_resolved_once() -> None:
    styles = "".join(
        f'<w:style w:type="paragraph" w:styleId="s{i}"><w:basedOn w:val="s{i + 1}"/></w:style>'
        for i in range(20_000)
    )
    italic_root = '<w:style w:type="paragraph" w:styleId="s20000"><w:rPr><w:i/></w:rPr></w:style>'
    body = (
        f'<w:document {_W_NS}><w:body><w:p><w:pPr><w:pStyle w:val="s0"/></w:pPr>'
        "<w:r><w:t>Recalling</w:t></w:r></w:p></w:body></w:document>"
    )
    data = rewritten(
        plain_word(),
        {
            "word/styles.xml": f"<w:styles {_W_NS}>{styles}{italic_root}</w:styles>".encode(),
            "word/document.xml": body.encode(),
        },
    )
    started = time.perf_counter()
    document = read_docx(data)
    assert time.perf_counter() - started < 30  # was minutes: the chain walked per style
    assert italic_texts(document) == ["Recalling"]


_DOCTYPE_PART = f'<!DOCTYPE w:document [<!ENTITY a "b">]><w:document {_W_NS}><w:body/></w:document>'


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    "part",
    [
        ("<!--" + "x" * 70_000 + "-->" + _DOCTYPE_PART).encode(),  # past a 64 KB head
        ('<?xml version="1.0" encoding="UTF-16"?>' + _DOCTYPE_PART).encode("utf-16"),
        ('<?xml version="1.0" encoding="UTF-16"?>' + _DOCTYPE_PART).encode("utf-16-be"),
        ('<?xml version="1.0"?>' + _DOCTYPE_PART).encode("utf-32-le"),
        ("<?xml version='1.0'?>\n<!-- a -->\n<?pi x?>" + _DOCTYPE_PART.lower()).encode(),
    ],
)
def test_docx_doctype_anywhere_in_the_prolog_is_refused(part: bytes) -> None:
    data = rewritten(plain_word(), {"word/document.xml": part})
    with pytest.raises(UnsafeInputError, match="DOCTYPE"):
        read_docx(data)


@pytest.mark.issue(18)
def test_docx_doctype_in_a_comment_or_the_body_is_text() -> None:
    body = (
        f'<?xml version="1.0"?><!-- <!DOCTYPE x> --><w:document {_W_NS}><w:body><w:p><w:r>'
        "<w:t>&lt;!DOCTYPE is text here</w:t></w:r></w:p></w:body></w:document>"
    )
    data = rewritten(plain_word(), {"word/document.xml": body.encode()})
    assert read_docx(data).text == "<!DOCTYPE is text here"


@pytest.mark.issue(18)
def test_html_list_number_past_the_limit_is_refused() -> None:
    assert html('<ol start="2147483647"><li>a</li></ol>').text == "2147483647.\ta"
    bomb = '<ol start="' + "9" * 4_000 + '">' + "<li>a" * 10 + "</ol>"
    with pytest.raises(InputTooLargeError, match="list number of 4000 digits"):
        read_html(bomb.encode(), path="bomb.html")


@pytest.mark.issue(18)
def test_docx_list_label_past_the_limit_is_refused() -> None:
    template = numbering(30_000, "lowerLetter").replace(
        b'w:val="%1."', b'w:val="' + b"%1" * 500 + b'"'
    )
    bomb = rewritten(
        plain_word(), {"word/document.xml": numbered_body(2), "word/numbering.xml": template}
    )
    with pytest.raises(InputTooLargeError, match="list label longer than"):
        read_docx(bomb)


@pytest.mark.issue(18)
def test_docx_text_far_longer_than_its_markup_is_refused() -> None:
    long_label = numbering(10_000, "decimal").replace(
        b'w:val="%1."', b'w:val="' + b"%1" * 140 + b'"'
    )  # each label 700 characters: under the label limit
    bomb = rewritten(
        plain_word(),
        {"word/document.xml": numbered_body(7_000), "word/numbering.xml": long_label},
    )
    assert len(bomb) < 100_000
    with pytest.raises(InputTooLargeError, match="twice its XML"):
        read_docx(bomb)
