"""Joining a part's lines: a hyphen at a line end is kept when it belongs to the word."""

from __future__ import annotations

import pathlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

import resparse
from resparse._hyphens import keeps_hyphen
from resparse._text import (
    CleanText,
    clean,
    clean_pieces,
    clean_ranges,
    clean_text,
    join_lines,
)

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "fixtures"


@pytest.mark.parametrize(
    ("left", "right", "kept"),
    [
        # words the UN writes with a hyphen (the table)
        ("capacity", "building", True),
        ("forward", "looking", True),
        ("case-by", "case", True),  # the left half has a hyphen of its own
        ("too", "big-to-fail", True),  # so has the right half
        ("High", "level", True),  # case does not matter
        # compound numbers
        ("seventy", "eighth", True),
        ("twenty", "first", True),
        # common halves of hyphenated words, for words the table lacks
        ("youth", "focused", True),
        ("ocean", "related", True),
        # words the UN writes whole, though a common half would keep the hyphen
        ("inter", "national", False),
        # words broken at the line end
        ("Secu", "rity", False),
        ("Govern", "ment", False),
        ("resolu", "tion", False),
        ("", "tion", False),
    ],
)
def test_keeps_hyphen(left: str, right: str, *, kept: bool) -> None:
    assert keeps_hyphen(left, right) is kept


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["at its seventy-", "eighth session"], "at its seventy-eighth session"),
        (["for capacity-", "building and"], "for capacity-building and"),
        (["the Secu-", "rity Council"], "the Security Council"),
        (["a case-by-", "case basis"], "a case-by-case basis"),
        # a hyphen before a capital or a number is never a broken word
        (["South-", "East Asia"], "South-East Asia"),
        (["2023-", "2024"], "2023-2024"),
        # a dash with a space before it ends a phrase, and the next line is a new word
        (["peace -", "and security"], "peace -and security"),
        # Chinese is written without spaces: a break inside it, or next to a digit, is none
        (["大会其他决议明确规定", "的原则"], "大会其他决议明确规定的原则"),
        (["2003年12月23日第", "58/203号决议"], "2003年12月23日第58/203号决议"),
        (["第58/203", "号决议"], "第58/203号决议"),
        (["决议，", "Al-Qaida"], "决议， Al-Qaida"),
        # after a semicolon, colon or full stop the break parts two items: a space
        (["就本决议所述问题而言；", "(b) 强调指出"], "就本决议所述问题而言； (b) 强调指出"),
    ],
)
def test_join_lines(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


def test_pdf_text_keeps_the_hyphens_the_un_prints() -> None:
    """Regression: "seventy-" / "eighth session" read as "seventyeighth" (A/RES/78/233)."""
    text = (FIXTURES / "golden" / "pdftotext_A_RES_78_233.txt").read_text(encoding="utf-8")
    res = resparse.parse(text)
    paragraphs = " ".join(p.text for p in res.operative)
    assert "seventy-eighth session" in paragraphs
    assert "seventyeighth" not in paragraphs


@pytest.mark.parametrize(
    ("source", "ranges", "text"),
    [
        # a marker cut out of a line leaves no space behind (A/RES/77/253, French)
        (
            "administratives et budgétaires4,\nRappelant",
            [(0, 30), (31, 32)],
            "administratives et budgétaires,",
        ),
        ("the Paris Agreement4 and the", [(0, 19), (20, 28)], "the Paris Agreement and the"),
        # lines are joined with a space
        ("first line\nsecond line", [(0, 10), (11, 22)], "first line second line"),
        # a furniture line between two lines is not a marker
        ("of the\n2/7\nGeneral Assembly", [(0, 6), (11, 27)], "of the General Assembly"),
    ],
)
def test_clean_pieces(source: str, ranges: list[tuple[int, int]], text: str) -> None:
    assert clean_pieces(source, ranges) == text


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("requests the Secretary -General to", "requests the Secretary-General to"),
        ("the COVID -19 pandemic", "the COVID-19 pandemic"),
        ("peace - and security", "peace - and security"),  # a dash, spaced on both sides
    ],
)
def test_clean_closes_a_hyphen_spaced_from_its_word(raw: str, text: str) -> None:
    """Regression: pdftotext spaces a justified line's hyphen apart from its word."""
    assert clean(raw) == text


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        # a lead's span ends inside the second of two runs ("在这方面__回顾__其"): the
        # opening marks next to Han characters are emphasis, not text
        ("在这方面__回顾", "在这方面回顾"),
        ("回顾__其", "回顾其"),
        ("the file_name and snake__case", "the file_name and snake__case"),
        ("a _b_ c", "a b c"),
    ],
)
def test_clean_drops_underscore_marks_next_to_han(raw: str, text: str) -> None:
    """Regression: markdown's "__" kept inside Chinese leads read from underscore runs."""
    assert clean(raw) == text


@pytest.mark.parametrize(
    ("left", "right", "language", "kept"),
    [
        # each language keeps the hyphens its own UN texts write
        ("soixante", "dix", "fr", True),
        ("sous", "régional", "fr", True),
        ("bien", "être", "fr", True),
        ("государства", "члены", "ru", True),
        ("по", "прежнему", "ru", True),
        ("público", "privadas", "es", True),
        # and mends its broken words
        ("Assem", "blée", "fr", False),
        ("Организа", "ции", "ru", False),
        # an English table would have mended the French compound whole
        ("soixante", "dix", "en", False),
        # languages without a table of their own use the English one
        ("capacity", "building", "ar", True),
    ],
)
def test_keeps_hyphen_by_language(left: str, right: str, language: str, *, kept: bool) -> None:
    assert keeps_hyphen(left, right, language) is kept


def test_french_text_keeps_its_compounds_at_line_ends() -> None:
    """Regression: the English table mended French compounds whole at a line end
    ("soixante-" / "dix-septième" read "soixantedix-septième")."""
    text = (
        "L’Assemblée générale,\n\n"
        "Rappelant sa résolution adoptée à sa soixante-\n"
        "dix-septième session et le rapport sous-\n"
        "régional de l’Assem-\nblée,\n\n"
        "1. Décide de poursuivre l’examen de la question.\n"
    )
    res = resparse.parse(text, language="fr")
    assert res.preamble[0].text == (
        "Rappelant sa résolution adoptée à sa soixante-dix-septième session et le rapport "
        "sous-régional de l’Assemblée,"
    )


# --- the offset map ----------------------------------------------------------------------

# Chunks that exercise every step of cleaning: broken and kept hyphens at line ends, spaced
# hyphens after a word and after a conjunction, emphasis marks (one escaped), runs of every
# kind of whitespace, no-break spaces and capitals.
_CHUNKS = st.sampled_from(
    [
        "a",
        "Secu",
        "rity",
        "capacity",
        "building",
        "and",
        "or",
        "et",
        "B",
        "7",
        "é",
        " ",
        "  ",
        "\n",
        "\t",
        "\xa0",
        "\u2003",
        "-",
        " -",
        "- ",
        "-\n",
        "\ufffe",  # pdfium's line-end hyphen
        "\ufffe\n",
        "*",
        "**",
        "_",
        "\\*",
        "\n\n",
        "(a)",
        ",",
    ]
)
_TEXTS = st.lists(_CHUNKS, max_size=40).map("".join)


@st.composite
def _pieces(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    """A source and ranges of it in order, with gaps between some of them."""
    source = draw(_TEXTS)
    cuts = sorted(draw(st.lists(st.integers(0, len(source)), max_size=12)))
    pairs = list(zip(cuts[::2], cuts[1::2], strict=False))
    return source, pairs


def _check_map(mapped: CleanText, source: str, ranges: list[tuple[int, int]]) -> None:
    """Each clean character maps into the part's extent, in rising order; kept ones to itself."""
    lo = min((a for a, b in ranges if a < b), default=0)
    hi = max((b for a, b in ranges if a < b), default=0)
    assert len(mapped.offsets) == len(mapped.text)
    for char, offset in zip(mapped.text, mapped.offsets, strict=True):
        assert lo <= offset < hi or (offset == hi and char == " ")
        if not char.isspace() and char != "-":
            assert source[offset] == char  # a letter, digit or mark is read where it stood
    assert all(a < b for a, b in zip(mapped.offsets, mapped.offsets[1:], strict=False))


@given(_TEXTS, st.sampled_from([frozenset(), frozenset({"and", "or"})]))
def test_clean_text_is_clean_with_a_rising_map(text: str, conjunctions: frozenset[str]) -> None:
    mapped = clean_text(text, conjunctions, start=5)
    assert mapped.text == clean(text, conjunctions)
    _check_map(mapped, "_" * 5 + text, [(5, 5 + len(text))])


@given(_pieces(), st.sampled_from(["en", "fr"]))
def test_clean_ranges_is_clean_pieces_with_a_rising_map(
    case: tuple[str, list[tuple[int, int]]], language: str
) -> None:
    source, ranges = case
    mapped = clean_ranges(source, ranges, language)
    assert mapped.text == clean_pieces(source, ranges, language)
    _check_map(mapped, source, ranges)


@pytest.mark.parametrize(
    ("source", "ranges", "offset", "index"),
    [
        # a marker cut out of a word's end: its note goes right after the word
        ("budgétaires4,\nRappelant", [(0, 11), (12, 13)], 11, 11),
        # a broken word mended across the line end: offsets after the break still land
        ("the Secu-\nrity Council", [(0, 9), (10, 23)], 10, 8),
        # a spaced hyphen closed up: the word after it keeps its place
        ("Secretary -General", [(0, 18)], 11, 10),
        # before everything, and past the end
        ("text", [(0, 4)], 0, 0),
        ("text", [(0, 4)], 9, 4),
    ],
)
def test_clean_text_index(
    source: str, ranges: list[tuple[int, int]], offset: int, index: int
) -> None:
    assert clean_ranges(source, ranges).index(offset) == index


def test_clean_text_wants_one_offset_per_character() -> None:
    with pytest.raises(ValueError, match="2 offsets for 3 characters"):
        CleanText("abc", (0, 1))


def test_other_space_pattern_is_the_set() -> None:
    """``clean`` searches with ``_OTHER_SPACE_RE`` for exactly the characters of ``_ONLY_SPACES``."""
    from resparse._text import _ONLY_SPACES, _OTHER_SPACE_RE  # noqa: PLC0415

    wrong = [
        c
        for c in map(chr, range(0x110000))
        if (_OTHER_SPACE_RE.search(c) is not None) != (c in _ONLY_SPACES)
    ]
    assert wrong == []


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("source", "text"),
    [
        # pypdfium2's get_text_range (A/RES/78/115, 78/120 as pdfium-text): the hyphen as
        # U+FFFE, inside a line and at its end
        ("the Global Counter\ufffeTerrorism Strategy", "the Global Counter-Terrorism Strategy"),
        ("capacity\ufffe\nbuilding of States", "capacity-building of States"),
        ("the Secu\ufffe\nrity Council", "the Security Council"),
    ],
)
def test_clean_pdfiums_hyphen_is_printed_as_a_hyphen(source: str, text: str) -> None:
    """Regression: U+FFFE stayed in the clean text of pdfium's extraction (180 of the 489
    words that differed from the UN's markup in the pdfium-text shape). Rule: the
    noncharacter stands for a hyphen; the line-end hyphen rules then decide as for "-"."""
    ranges = []
    start = 0
    for line in source.split("\n"):
        ranges.append((start, start + len(line)))
        start += len(line) + 1
    assert clean_pieces(source, ranges) == text
    assert clean_ranges(source, ranges).text == text
    if "\n" not in source:
        assert clean(source) == text


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("source", "text"),
    [
        # pypdf's text spaces a line-end hyphen apart from its word (A/RES/78/116, 78/149)
        (
            "consult the Secretary -\nGeneral or other officer",
            "consult the Secretary-General or other officer",
        ),
        # a suspended hyphen after a conjunction keeps its space
        ("data collection and -\nsharing", "data collection and -sharing"),
        # Arabic prints a paragraph's lettered part "ألف -" (A): its hyphen stays apart
        ("ألف -\nالميزانية البرنامجية", "ألف - الميزانية البرنامجية"),
        # and a dash between numbers stays spaced
        ("the period 2020 -\n2025 and beyond", "the period 2020 - 2025 and beyond"),
    ],
)
def test_clean_a_hyphen_spaced_apart_at_a_line_end_runs_on(source: str, text: str) -> None:
    """Regression: "Secretary -" / "General" read "Secretary - General". Rule: a line that
    ends in a hyphen one space after a letter goes on in the same word, as one that ends
    in a hyphen right after it; the spaced hyphen is then closed up as inside a line."""
    cut = source.index("\n")
    ranges = [(0, cut), (cut + 1, len(source))]
    assert clean_pieces(source, ranges) == text
    assert clean_ranges(source, ranges).text == text


@pytest.mark.issue(16)
def test_join_lines_prints_pdfiums_hyphen_in_every_field() -> None:
    """Regression: U+FFFE was read as "-" only in clauses and paragraphs; a header field
    joined with ``join_lines`` kept "Strength\ufffe" / "ening" apart ("Strength- ening")."""
    assert clean(join_lines(["Strength\ufffe", "ening the coordination"])) == (
        "Strengthening the coordination"
    )
