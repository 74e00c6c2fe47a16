"""The notebook view: all source text once and in order, coloured by part, never live markup."""

from __future__ import annotations

import html.parser
import pathlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resparse
from resparse.exports.html import STYLES, render_html
from resparse.readers.pdf import read_pdf
from tests.property.strategies import mutated

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "fixtures"
SEED_TEXT = (FIXTURES / "A_HRC_RES_46_13.txt").read_text(encoding="utf-8")
TAGS = {"div", "span", "b", "i", "details", "summary", "ul", "li"}
HOSTILE = "</p><script>alert(1)</script>"
NESTED = (
    "United Nations A/RES/80/7\n\nThe General Assembly,\n\n*Recalling* its resolution 79/1,\n\n"
    "1. *Decides*:\n(a) to act;\n(i) at once;\n(b) to report;\n"
    "2. *Requests* the Secretary-General to report.\n"
)


class _Reader(html.parser.HTMLParser):
    """Collects the tags used, and the text and styled runs of the text area."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.depth = 0  # > 0 inside the text area
        self.text: list[str] = []
        self.runs: list[tuple[str, str, str]] = []  # (title, style, text) of each run
        self.stack: list[tuple[str, str]] = []
        self.bold_italic: list[str] = []
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        values = dict(attrs)
        if self.depth:
            self.depth += 1
        elif values.get("data-resparse") == "text":
            self.depth = 1
        self.stack.append((values.get("title") or "", values.get("style") or ""))
        self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1
        self.stack.pop()
        assert self._open.pop() == tag, "the view's tags must nest"

    def handle_data(self, data: str) -> None:
        if not self.depth:
            return
        self.text.append(data)
        title, style = next(((t, s) for t, s in reversed(self.stack) if t), ("", ""))
        self.runs.append((title, style, data))
        if self._open[-2:] == ["b", "i"]:
            self.bold_italic.append(data)


def _shown(source: str) -> str:
    """The source as the view shows it: a form feed becomes a rule, which has no text, and
    what is not text (lone surrogates, noncharacters, control characters) U+FFFD."""
    return "".join("\ufffd" if _not_text(c) else c for c in source.replace("\f", ""))


def _not_text(char: str) -> bool:
    code = ord(char)
    return (
        0xD800 <= code <= 0xDFFF
        or 0xFDD0 <= code <= 0xFDEF
        or (code & 0xFFFE) == 0xFFFE
        or (code < 0x20 and char not in "\t\n\r\f")
        or code == 0x7F
    )


def _read(resolution: resparse.Resolution) -> _Reader:
    reader = _Reader()
    reader.feed(render_html(resolution))
    reader.close()
    return reader


@pytest.fixture(scope="module")
def seed() -> resparse.Resolution:
    return resparse.parse(SEED_TEXT)


def test_html_shows_every_character_once_and_in_order(seed: resparse.Resolution) -> None:
    assert "".join(_read(seed).text) == _shown(seed.source)


def test_html_repr_is_the_rendering(seed: resparse.Resolution) -> None:
    assert seed._repr_html_() == render_html(seed)


def test_html_colours_each_part_by_kind(seed: resparse.Resolution) -> None:
    runs = _read(seed).runs
    style = {kind: css for kind, (_, css) in STYLES.items()}
    first = seed.raw(seed.preamble[0].span)
    assert any(s == style["preambular"] and first.endswith(t) for _, s, t in runs)
    assert ("header: symbol", style["header"], "A/HRC/RES/46/13") in runs
    assert any(title == "operative paragraph 8" for title, _, _ in runs)
    assert any(s == style["vote"] and "Abstaining" in t for _, s, t in runs)


def test_html_marks_every_lead(seed: resparse.Resolution) -> None:
    leads = [c.lead for c in seed.preamble] + [p.lead for p in seed.operative]
    assert _read(seed).bold_italic == leads


def test_html_shades_sub_paragraphs_with_their_path() -> None:
    runs = _read(resparse.parse(NESTED)).runs
    subs = [(title, text) for title, css, text in runs if css == STYLES["subparagraph"][1]]
    assert subs == [
        ("sub-paragraph 1(a)", "(a) to act;\n"),
        ("sub-paragraph 1(a)(i)", "(i) at once;"),
        ("sub-paragraph 1(b)", "(b) to report;"),
    ]


def test_html_greys_page_furniture_and_rules_page_breaks() -> None:
    r = resparse.parse_document(read_pdf(FIXTURES / "pdf" / "A_RES_78_109.pdf"))
    reader = _read(r)
    grey = [text for _, css, text in reader.runs if css == STYLES["furniture"][1]]
    assert len(r.furniture) > 0
    assert "".join(grey).replace("\f", "") == "".join(
        r.raw(f.span).replace("\f", "") for f in sorted(r.furniture, key=lambda f: f.span)
    )
    assert "\f" in r.source
    assert "".join(reader.text) == _shown(r.source)
    assert render_html(r).count('title="page break"') == r.source.count("\f")
    assert any(css == STYLES["footnote"][1] for _, css, _ in reader.runs)


def test_html_clause_with_markup_stays_inert() -> None:
    text = f"The General Assembly,\n\nRecalling the words {HOSTILE},\n\n1. Decides {HOSTILE}.\n"
    r = resparse.parse(text)
    assert HOSTILE in r.preamble[0].text
    out = render_html(r)
    assert "<script" not in out
    assert "</p>" not in out
    assert "&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in out
    reader = _read(r)
    assert reader.tags <= TAGS
    assert "".join(reader.text) == text


def test_html_header_values_are_escaped_in_the_summary_and_titles() -> None:
    text = (
        'United Nations A/RES/1/"onmouseover="x\n\nThe General Assembly,\n\nRecalling <i>x</i>,\n'
    )
    r = resparse.Resolution(
        source=text,
        header=resparse.Header(symbol='A/RES/"><script>x</script>', title="<b>t</b>"),
        unclassified=(resparse.Unclassified(text, resparse.Span(0, len(text)), reason='"><x>'),),
    )
    out = render_html(r)
    assert "<script" not in out
    assert "<x>" not in out
    assert "<b>t</b>" not in out
    reader = _read(r)
    assert reader.tags <= TAGS
    assert "".join(reader.text) == text


def test_html_flags_text_no_part_claims() -> None:
    r = resparse.Resolution(source="lost <words>")
    runs = _read(r).runs
    assert runs == [("not claimed by any part", runs[0][1], "lost <words>")]


def test_html_summary_and_legend(seed: resparse.Resolution) -> None:
    out = render_html(seed)
    assert "17 preambular, 8 operative" in out
    assert "vote: recorded 26–15–6" in out
    assert "all text read" in out
    for label, _ in STYLES.values():
        assert f"{label} " in out
    assert "diagnostics</summary>" not in out


def test_html_lists_diagnostics() -> None:
    r = resparse.parse("¿?\n\n<nothing> here is a resolution\n")
    assert r.diagnostics
    out = render_html(r)
    assert f"{len(r.diagnostics)} diagnostics</summary>" in out
    assert "<nothing>" not in out


@given(st.text(max_size=400))
def test_html_any_text_comes_out_whole_and_inert(text: str) -> None:
    r = resparse.parse(text)
    reader = _read(r)
    assert reader.tags <= TAGS
    assert "".join(reader.text) == _shown(text)


@given(mutated(SEED_TEXT))
def test_html_mutated_real_text_comes_out_whole(text: str) -> None:
    assert "".join(_read(resparse.parse(text)).text) == _shown(text)


@pytest.mark.issue(18)
def test_html_notebook_view_shows_what_is_not_text_as_replacement() -> None:
    result = resparse.parse("The General Assembly,\n\n1. Decides \udcff, \ufffe, \U0001fffe, \x01.")
    page = result._repr_html_()
    page.encode("utf-8")  # a lone surrogate would not encode
    assert not {"\udcff", "\ufffe", "\U0001fffe", "\x01"} & set(page)
    assert page.count("\ufffd") >= 4
