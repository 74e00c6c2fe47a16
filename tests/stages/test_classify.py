"""The classify stage on its own: one line in, what it can be out (table-driven)."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from resparse import _classify
from resparse._language import LANGUAGES, profile
from resparse._line_shape import table_row
from resparse._patterns import (
    FOOTNOTE_LINE_RE,
    LINE_MARKUP_RE,
    OPERATIVE_NUMBER_RE,
    SEPARATOR_RE,
    Gate,
)
from resparse._scan import scan

FIXTURES = Path(__file__).resolve().parent.parent.parent / "fixtures"


def _one(text: str, furniture: str | None = None, language: str = "en") -> _classify.ClassifiedLine:
    (line,) = scan(text)
    return _classify.classify(line, furniture, profile(language))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The General Assembly,", {"formula": True, "formula_like": True}),
        ("1. Decides to remain seized of the matter.", {"number": 1, "number_text": "1"}),
        ("26 Condemns the attacks;", {"number": 26, "loose_number": True}),
        ("15 States voted", {"number": None, "loose_number": False}),
        ("3) Decides to remain seized;", {"number": 3, "sub_label": None, "loose_number": True}),
        ("2) Bases of operations: to support", {"number": None, "sub_label": "2"}),
        ("(2) Bases of operations", {"number": None, "sub_label": "2"}),
        ("(3) Calls upon all States", {"number": 3, "sub_label": None, "number_form": "(N)"}),
        ("3) Decides to act;", {"number_form": "N)", "as_paragraph": None}),
        ("26 Condemns the attacks;", {"number_form": "N ", "as_paragraph": None}),
        ("1. Decides to act;", {"number_form": None, "as_paragraph": None}),
        ("(b) To report;", {"sub_label": "b", "bare_label": "b", "number": None}),
        ("- 3. Requests", {"number": 3, "number_text": "3", "bare_number": False}),
        ("• an item", {"sub_label": "•"}),
        ("__________", {"separator": True}),
        ("II", {"heading": True, "heading_strong": True}),
        ("Part B", {"part_letter": "B", "heading": True}),
        ("B", {"part_letter": "B"}),
        ("1 Official Records of the General Assembly", {"footnote_like": True}),
        ("Annex", {"annex": True, "annex_titled": False}),
        ("45th plenary meeting", {"meeting": "45th plenary meeting"}),
        ("Recalling its resolution 1/1,", {"capital": True, "preamble_lead": True}),
        ("Further decides to continue", {"operative_lead": True, "preamble_lead": False}),
        ("Further recalling its resolution", {"preamble_lead": True, "operative_lead": False}),
        ("continued text of a clause,", {"capital": False, "preamble_lead": False}),
        # an adverb of manner the tables hardly saw open a lead defers to the word after it
        ("Unequivocally condemning the use", {"preamble_lead": True, "operative_lead": False}),
        ("Unequivocally condemns the use", {"preamble_lead": False, "operative_lead": True}),
        ("Resolutely rejecting all forms", {"preamble_lead": True, "operative_lead": False}),
        ("Family planning and", {"preamble_lead": False, "operative_lead": False}),
    ],
)
def test_classify_reads_one_line(text: str, expected: dict[str, object]) -> None:
    kind = _one(text)
    assert {name: getattr(kind, name) for name in expected} == expected


@pytest.mark.parametrize(
    ("text", "label", "number", "form"),
    [
        ("3) Declares that:", "3", 3, "N)"),
        ("(3) Declares that:", "3", 3, "(N)"),
        ("3 Declares that:", None, 3, "N "),
        ("15 States voted in favour", None, 15, "N "),
    ],
)
def test_classify_keeps_a_paragraph_reading_of_a_number_before_any_word(
    text: str, label: str | None, number: int, form: str
) -> None:
    """A number without its period before an infrequent word: an item, or a paragraph.

    The line is read as what it is alone (a label, or text); the reading with the number
    opening a paragraph rides along for the segmenter, which takes it only where the
    paragraphs before it were numbered the same way.
    """
    kind = _one(text)
    assert (kind.number, kind.sub_label) == (None, label)
    alternative = kind.as_paragraph
    assert alternative is not None
    assert (alternative.number, alternative.sub_label) == (number, None)
    assert (alternative.loose_number, alternative.number_form) == (True, form)
    word = text.split(maxsplit=1)[1]
    assert alternative.line.text[alternative.content_start :] == word


def test_classify_furniture_keeps_only_the_look_ahead_facts() -> None:
    kind = _one("1. Decides", furniture="page_number")
    assert kind.furniture == "page_number"
    assert kind.number is None
    assert kind.number_text == "1"


def test_classify_first_word_counts_and_lead_agree() -> None:
    # the counts of the first word are reused by the lead test: both read the same table
    kind = _one("Recalling its resolution 1/1,")
    assert kind.pre_count >= 30
    assert kind.strong_preamble_lead
    quoted = _one('"Recalling its resolution 1/1,')
    assert quoted.pre_count == 0  # the counts do not skip a quote; the lead test does
    assert quoted.strong_preamble_lead


def test_classify_shared_first_words_read_as_the_lead_test_reads_them() -> None:
    # the lead test takes the words the counts read when both read the same text: an
    # opening adverb, a first word longer than the lead test reads, markup before it
    long_word = "Recalling" + "x" * 90
    texts = [
        ("Самым решительным образом осуждает нападения,", "ru"),
        ("Further recalling its resolution,", "en"),
        (long_word + " its resolution,", "en"),
        ("**Recalling its resolution 1/1,**", "en"),
        ("Decides to remain seized,", "en"),
    ]
    for text, language in texts:
        local = profile(language)
        counts = _classify._Counts.of(local)
        kind = _one(text, None, language)
        facts = _classify._Facts(*kind[-7:])
        rest = text[kind.content_start :]
        unshared = _classify._lead_kinds(rest, local, counts, None, facts)
        lead = (kind.capital, kind.preamble_lead, kind.strong_preamble_lead, kind.operative_lead)
        assert lead == tuple(unshared), text
    assert _one(long_word + " its resolution,").pre_count == 0


def test_classify_lines_gives_cover_lines_only_the_document_facts() -> None:
    lines = scan("United Nations\n1. Something\nThe General Assembly,\nRecalling x,\n")
    kinds = _classify.classify_lines(lines, [None, None], profile("en"), start=2)
    assert [k.bare_number for k in kinds[:2]] == [False, True]
    assert kinds[1].number is None  # a cover line is not read as a paragraph
    assert kinds[2].formula
    assert kinds[3].preamble_lead


def _sample_lines() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("**/*.txt"))[:60]]
    lines = [line.text for text in texts for line in scan(text)]
    # lines that open with the characters the patterns start at, and a few odd ones
    lines += ["1.", "l. Decides", "I. Title", "* * *", "[^1]: note", "> quoted", "## 3. Decides"]
    lines += ["ﾠ x", "Ⅳ", "ß", "١. يقرر", "一、决定", "(a)", "a) decide", "_____", "--------"]
    return lines


def _patterns() -> list[regex.Pattern[str]]:
    found = [LINE_MARKUP_RE, SEPARATOR_RE, FOOTNOTE_LINE_RE, OPERATIVE_NUMBER_RE]
    for code in LANGUAGES:
        local = profile(code)
        found += [local.number_re, local.label_re, local.formula_re, local.meeting_re]
        found += [local.heading_re]
        found += [local.vote_start_re, local.annex_re, local.date_line_re, local.recycle_re]
        found += [p for p in (local.part_re, local.section_re) if p is not None]
    return found


def test_gate_never_refuses_a_line_its_pattern_matches() -> None:
    """A gate is only a shortcut: where the pattern matches, the gate lets it through."""
    lines = _sample_lines()
    assert len(lines) > 100
    for pattern in _patterns():
        gate = Gate(pattern)
        for text in lines:
            if pattern.match(text) is not None:
                assert gate[text[:1]], (pattern.pattern[:60], text)
            assert (gate.match(text) is None) == (pattern.match(text) is None)


@pytest.mark.parametrize(
    ("source", "char", "opens"),
    [
        (r"\d+\.", "7", True),
        (r"\d+\.", "x", False),
        (r"(?i)meeting", "M", True),
        (r"(?<=a)b", "z", True),  # a look-behind: always tried
        (r"\s*$", "z", True),  # matches the empty text: always tried
        (r"ab", "", True),  # at the end of the text: tried
    ],
)
def test_gate_table(source: str, char: str, opens: bool) -> None:
    assert Gate(regex.compile(source))[char] is opens


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("Subtotal, part I\t419 788 600", True),
        ("Services to the public   (180 400)", True),  # spaces set the cells apart too
        ("Services to the public\t–", True),  # a nil amount
        ("Services to the public –", False),
        ("Decides to review the matter at its session in  2025", False),  # a year, justified
        ("Recalling its resolution 70/1 of 25 September 2015", False),
        ("The Secretary-General shall be authorized to transfer credits", False),
        ("Amount\t12", False),  # too few digits for an amount
        ("Disarmament    12859200", True),
        # a justified line spaces out all its words, not only a last cell
        ("14.  Also  decides  to  reduce  resources  by  the  amount  of  150,000", False),
    ],
)
def test_table_row(text: str, row: bool) -> None:
    assert table_row(text) is row


def test_classify_a_row_of_figures_is_no_heading() -> None:
    row = _one("2. General income\t19 265 100")
    assert row.table_row
    assert row.number == 2  # the segmenter decides that the number is the table's own
    total = _one("Total\t805 646 900")
    assert total.table_row
    assert not total.heading
    assert not total.heading_continued
    assert not _one("2. Decides to act 300 times.").table_row
