"""Zones, numbering, sub-paragraph nesting and page breaks on small synthetic texts."""

from __future__ import annotations

import pytest

import resparse

HEAD = "The General Assembly,\n\n"


def test_assemble_subparagraphs_nest_letters_and_romans() -> None:
    text = HEAD + (
        "Recalling its resolution 1/1,\n\n"
        "1. Requests the Secretary-General:\n"
        "(a) To report on:\n"
        "(i) The first matter;\n"
        "(ii) The second matter;\n"
        "(b) To consult;\n"
        "(h) Hypothetical;\n"
        "2. Decides to remain seized of the matter.\n"
    )
    r = resparse.parse(text)
    first = r.operative[0]
    assert [s.label for s in first.subparagraphs] == ["a", "b"]
    assert [s.label for s in first.subparagraphs[0].subparagraphs] == ["i", "ii"]
    assert first.subparagraphs[1].text.startswith("To consult; (h) Hypothetical;")
    assert first.text == "Requests the Secretary-General:"
    assert r.operative[1].number == 2


def test_assemble_letter_i_after_h_is_a_letter() -> None:
    labels = "abcdefghij"
    items = "".join(f"({c}) Item {c};\n" for c in labels)
    r = resparse.parse(HEAD + "Recalling x,\n\n1. Decides:\n" + items)
    assert [s.label for s in r.operative[0].subparagraphs] == list(labels)


def test_assemble_number_inside_a_sentence_is_not_a_paragraph() -> None:
    text = (
        HEAD
        + "Recalling x,\n\n1. Decides to refer to paragraph\n2. of its resolution 1/1;\n2. Requests y.\n"
    )
    r = resparse.parse(text)
    assert [p.number for p in r.operative] == [1, 2]
    assert r.operative[0].text == "Decides to refer to paragraph 2. of its resolution 1/1;"


def test_assemble_wrapped_lines_without_blank_lines() -> None:
    text = HEAD + (
        "Recalling its resolution 1/1 and\nits resolution 2/2,\n"
        "Noting with concern the situation in\nthe region,\n"
        "1.\nDecides to remain\nseized of the matter.\n"
    )
    r = resparse.parse(text)
    assert [c.lead for c in r.preamble] == ["Recalling", "Noting with concern"]
    assert r.preamble[0].text == "Recalling its resolution 1/1 and its resolution 2/2,"
    assert r.operative[0].text == "Decides to remain seized of the matter."


def test_assemble_single_unnumbered_operative_paragraph() -> None:
    r = resparse.parse(
        HEAD + "Recalling its resolution 1/1,\n\nDecides to include the item in the agenda.\n"
    )
    assert [(p.number, p.lead) for p in r.operative] == [(None, "Decides")]


def test_assemble_headings_between_paragraphs() -> None:
    text = HEAD + "Recalling x,\n\nI\n\nGeneral matters\n\n1. Decides y;\n\nII\n\n2. Requests z.\n"
    r = resparse.parse(text)
    assert [h.text for h in r.headings] == ["I", "General matters", "II"]
    assert [p.number for p in r.operative] == [1, 2]


def test_assemble_empty_and_non_resolution_text() -> None:
    empty = resparse.parse("")
    assert [d.code for d in empty.diagnostics] == ["input.empty"]
    prose = resparse.parse("This is a shopping list.\nMilk\nEggs\n")
    assert "input.not_a_resolution" in {d.code for d in prose.diagnostics}
    assert prose.uncovered() == []


def test_assemble_strict_raises_with_every_problem() -> None:
    with pytest.raises(resparse.ResolutionParseError) as caught:
        resparse.parse("just words", strict=True)
    assert caught.value.diagnostics
    assert isinstance(caught.value, ValueError)


def test_assemble_type_error_on_bytes() -> None:
    with pytest.raises(TypeError, match="str"):
        resparse.parse(b"The General Assembly,")  # type: ignore[arg-type]


def test_assemble_page_furniture_is_kept_out_of_the_text() -> None:
    text = (
        "A/RES/1/1\n\nUnited Nations\n\n1/1.\n\nA title\n\n"
        + HEAD
        + "Recalling its resolution 0/1 and\n\n23-24958 (E)\n*2324958*\n\fA/RES/1/1\nA title\n"
        + "its resolution 0/2,\n\n1. Decides y.\n"
    )
    r = resparse.parse(text)
    assert r.preamble[0].text == "Recalling its resolution 0/1 and its resolution 0/2,"
    assert {f.kind for f in r.furniture} == {"job_number", "barcode", "running_header"}
    assert r.page_of(r.operative[0].span.start) == 2
    assert r.uncovered() == []


def test_assemble_parts_a_and_b() -> None:
    text = (
        "A\n\nThe General Assembly,\n\nRecalling x,\n\n1. Decides y;\n\n2. Requests z.\n\n"
        "45th plenary meeting\n7 December 2023\n\nB\n\nThe General Assembly,\n\nNoting w,\n\n1. Decides v.\n\n"
        "45th plenary meeting\n7 December 2023\n"
    )
    r = resparse.parse(text)
    assert [(c.part, c.lead) for c in r.preamble] == [("A", "Recalling"), ("B", "Noting")]
    assert [(p.part, p.number) for p in r.operative] == [("A", 1), ("A", 2), ("B", 1)]
    assert [v.part for v in r.votes] == ["A", "B"]
    assert r.uncovered() == []


@pytest.mark.issue(2)
def test_assemble_letters_after_an_alphabetic_i_stay_alphabetic() -> None:
    """Regression: "(j)" after "(i)" (a letter, following "(h)") was taken for a roman list."""
    items = "".join(f"({c}) Item {c};\n" for c in "abcdefghijklmno")
    r = resparse.parse(HEAD + "Recalling x,\n\n1. Decides:\n" + items)
    assert [s.label for s in r.operative[0].subparagraphs] == list("abcdefghijklmno")


def test_assemble_size_limit_is_a_typed_error() -> None:
    with pytest.raises(resparse.InputError, match="limit is 10"):
        resparse.parse(HEAD + "Recalling x,\n", max_chars=10)


def test_assemble_time_limit_is_a_typed_error() -> None:
    text = (HEAD + "Recalling x,\n\n1. Decides y;\n\n") * 20000
    with pytest.raises(resparse.ParseTimeoutError, match="longer than"):
        resparse.parse(text, timeout=0.001)
    with pytest.raises(ValueError, match="positive"):
        resparse.parse("x", timeout=0)


def test_assemble_limits_that_are_not_reached_change_nothing() -> None:
    text = HEAD + "Recalling x,\n\n1. Decides y.\n"
    assert resparse.parse(text, max_chars=10_000, timeout=60) == resparse.parse(text)


@pytest.mark.parametrize(
    "text", ["1.", "1.\n", "The General Assembly,\n\n1.\n(a)\n", "(a)", "- 1."]
)
def test_assemble_bare_numbers_and_labels_are_covered(text: str) -> None:
    """Regression (found by the long property run): "1." alone left its own text uncovered."""
    assert resparse.parse(text).uncovered() == []


def test_assemble_body_name_without_comma_is_a_heading_not_a_new_part() -> None:
    """Regression (S/RES/2610 (2021)): "The Committee" over paragraphs read as a formula."""
    text = (
        "The Security Council,\n\nRecalling its resolution 1267 (1999),\n\n"
        "1. Decides that all States shall freeze the funds;\n\nThe Committee\n\n"
        "2. Directs the Committee to keep its guidelines under review;\n\n"
        "3. Requests the Committee to report to the Council;\n"
    )
    r = resparse.parse(text)
    assert len(r.preamble) == 1
    assert [(p.number, p.lead) for p in r.operative] == [
        (1, "Decides"),
        (2, "Directs"),
        (3, "Requests"),
    ]
    assert [text[h.span.start : h.span.end] for h in r.headings] == ["The Committee"]
    assert r.uncovered() == []


def test_assemble_second_formula_with_its_comma_opens_part_b() -> None:
    text = (
        "A\n\nThe General Assembly,\n\nRecalling x,\n\n1. Decides y;\n\n"
        "B\n\nThe General Assembly,\n\nNoting z,\n\n1. Requests w;\n"
    )
    r = resparse.parse(text)
    assert [c.lead for c in r.preamble] == ["Recalling", "Noting"]
    assert [p.number for p in r.operative] == [1, 1]


def test_assemble_list_that_restarts_under_a_new_intro() -> None:
    """Regression (A/RES/77/256 A): "(a)" again after "Article 11" and its intro."""
    text = (
        "The General Assembly,\n\nRecalling x,\n\n"
        "1. Decides to amend the statute to read as follows:\nArticle 10\n"
        "The Commission shall make recommendations on:\n(a) The principles;\n(b) Staff assessment.\n"
        "Article 11\nThe Commission shall establish:\n(a) The methods;\n(b) The rates.\n"
        "2. Requests a report.\n"
    )
    r = resparse.parse(text)
    paragraph = r.operative[0]
    assert [s.label for s in paragraph.subparagraphs] == ["a", "b", "a", "b"]
    assert paragraph.subparagraphs[1].text == "Staff assessment."
    assert paragraph.text.endswith("Article 11 The Commission shall establish:")
    assert [p.number for p in r.operative] == [1, 2]
    assert r.uncovered() == []


def test_assemble_first_label_again_without_a_new_intro_is_text() -> None:
    """Without a finished sentence and a colon before it, a second "(a)" does not restart."""
    text = (
        "The General Assembly,\n\nRecalling x,\n\n"
        "1. Decides:\n(a) To act on the matters listed\n(a) above and below;\n(b) To report.\n"
    )
    r = resparse.parse(text)
    assert [s.label for s in r.operative[0].subparagraphs] == ["a", "b"]


def test_assemble_list_without_an_intro_colon_when_its_next_label_follows() -> None:
    """Regression (S/RES/2522 (2020)): "... shall" then "(a) prioritize ...", "(b) ..."."""
    text = (
        "The Security Council,\n\nRecalling x,\n\n"
        "1. Decides that the Mission shall\n(a) prioritize advice;\n(b) further assist:\n"
        "(i) the Government;\n(ii) the Commission;\n(c) promote dialogue.\n"
        "2. Requests a report.\n"
    )
    r = resparse.parse(text)
    first = r.operative[0]
    assert [s.label for s in first.subparagraphs] == ["a", "b", "c"]
    assert [s.label for s in first.subparagraphs[1].subparagraphs] == ["i", "ii"]


def test_assemble_wrapped_label_at_a_line_start_stays_text() -> None:
    text = (
        "The General Assembly,\n\nRecalling x,\n\n"
        "1. Decides to act as set out in paragraph 3\n(a) above and in its annex;\n"
        "2. Requests a report.\n"
    )
    r = resparse.parse(text)
    assert r.operative[0].subparagraphs == ()
    assert r.operative[0].text.endswith("paragraph 3 (a) above and in its annex;")


BUDGET = (
    "The General Assembly,\n\nRecalling x,\n\n"
    "1. Takes note of the report;\n\n2. Endorses the conclusions;\n\n"
    "VIII\nRevised estimates relating to the proposed programme budget for 2024 under\n"
    "section 34, Safety and security, related to strategic security resilience\n\n"
    "Having considered the report of the Secretary-General 25 and the related report\n"
    "of the Advisory Committee, 26\n\n"
    "1. Takes note of the report of the Secretary-General;\n\n"
    "2. Endorses the conclusions of the Advisory Committee;\n\n"
    "XX\nInternational Trade Centre\n\n"
    "Approves resources in the amount of 21,723,500 dollars for 2024;\n\n"
    "XXVI\nContingency fund\n\n"
    "Recalls its resolution 77/263 A, in which the level of the fund was set,\n\n"
    "1. Notes that a balance remains in the fund;\n\n"
    "2. Decides that the fund shall be maintained;\n"
)


def test_assemble_budget_sections_with_their_own_preamble_and_unnumbered_paragraphs() -> None:
    """Regression (A/RES/78/253): sections "VIII", "XX", "XXVI" of a budget resolution."""
    r = resparse.parse(BUDGET)
    assert [(c.lead, c.section) for c in r.preamble] == [
        ("Recalling", None),
        ("Having considered", "VIII"),
    ]
    assert [(p.number, p.lead, p.section) for p in r.operative] == [
        (1, "Takes note", None),
        (2, "Endorses", None),
        (1, "Takes note", "VIII"),
        (2, "Endorses", "VIII"),
        (None, "Approves", "XX"),
        (None, "Recalls", "XXVI"),
        (1, "Notes", "XXVI"),
        (2, "Decides", "XXVI"),
    ]
    headings = [BUDGET[h.span.start : h.span.end] for h in r.headings]
    assert "section 34, Safety and security, related to strategic security resilience" in headings
    assert r.unclassified == ()
    assert r.uncovered() == []


def test_assemble_paragraph_that_opens_with_its_first_label() -> None:
    """Regression (S/RES/2592 (2021)): "11. (a) Expresses concern ..., (b) calls upon ..."."""
    text = (
        "The Security Council,\n\nRecalling x,\n\n"
        "1. (a) Expresses concern about the violations, demands that all parties\n"
        "(i) end them;\n(ii) identify those responsible;\n"
        "(b) calls upon the Government to act; and\n(c) underscores the need for a framework;\n"
        "2. Decides to remain seized of the matter.\n"
    )
    r = resparse.parse(text)
    first = r.operative[0]
    assert first.text == ""
    assert [s.label for s in first.subparagraphs] == ["a", "b", "c"]
    assert [s.label for s in first.subparagraphs[0].subparagraphs] == ["i", "ii"]
    assert first.subparagraphs[0].text.startswith("Expresses concern")
    assert r.uncovered() == []


def test_assemble_numbered_list_inside_a_paragraph() -> None:
    """Regression (A/RES/78/223): a provisional agenda "1." to "3." inside paragraph 11."""
    text = (
        "The General Assembly,\n\nRecalling x,\n\n"
        "1. Notes x;\n2. Notes y;\n3. Notes z;\n"
        "4. Approves the following provisional agenda for the Congress:\n"
        "1. Opening of the Congress.\n2. Organizational matters.\n3. Adoption of the report.\n"
        "5. Decides that the following issues shall be considered:\n(a) Building societies;\n"
    )
    r = resparse.parse(text)
    assert [p.number for p in r.operative] == [1, 2, 3, 4, 5]
    assert [s.label for s in r.operative[3].subparagraphs] == ["1", "2", "3"]
    assert r.operative[3].subparagraphs[2].text == "Adoption of the report."
    assert [s.label for s in r.operative[4].subparagraphs] == ["a"]


STAFFING = (
    "Recalling its resolution 1/1,\n\n"
    "1. Recalls paragraph 158 of the report;\n\n"
    "2. Approves the changes to the staffing table as set out in the table below:\n\n"
    "A. Pension Administration\n\n"
    "Action\nTitle of post\nCategory/Level Number\n\nNew post\nInformation Systems Officer\nP-4\n1\n\n"
    "B. Office of Investment Management\n\n"
    "Action\nTitle of post\nCategory/Level Number\n\nNew post\nInvestment Officer\nP-4\n1\n\n"
    "Abbreviations: GS (OL), General Service (Other level).\n\n"
    "3. Approves the estimates of 139,789,700 dollars for 2024;\n"
)


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("text", "number", "labels"),
    [
        # the parts of a staffing table the paragraph sets out (A/RES/78/253, 77/258)
        (STAFFING, 2, ["A", "B"]),
        # "A." after a paragraph that ends without a colon is a heading, not a part
        (STAFFING.replace("table below:", "table below;"), 2, []),
        # "B." with no "A." open is not a part either
        (STAFFING.replace("A. Pension", "Pension"), 2, []),
        # "C." does not follow "A."
        (STAFFING.replace("B. Office", "C. Office"), 2, ["A"]),
    ],
)
def test_assemble_lettered_parts_after_a_colon(text: str, number: int, labels: list[str]) -> None:
    r = resparse.parse(HEAD + text)
    paragraph = next(p for p in r.operative if p.number == number)
    assert [s.label for s in paragraph.subparagraphs] == labels
    assert [p.number for p in r.operative] == [1, 2, 3]


@pytest.mark.issue(5)
def test_assemble_lettered_parts_keep_their_tables() -> None:
    r = resparse.parse(HEAD + STAFFING)
    first, second = r.operative[1].subparagraphs
    assert first.text.startswith("Pension Administration Action Title of post")
    assert "Information Systems Officer P-4 1" in first.text
    assert second.text.startswith("Office of Investment Management Action")
    assert second.text.endswith("Abbreviations: GS (OL), General Service (Other level).")
    assert r.operative[1].text == (
        "Approves the changes to the staffing table as set out in the table below:"
    )


# --- self-checks: a doubtful reading says so, with a span ------------------------------

_GAP_TEXT = """The General Assembly,

Recalling its resolution 77/1,

1. Decides to act;

2. Requests the Secretary-General to report;

5. Decides to remain seized of the matter.
"""


@pytest.mark.issue(16)
def test_assemble_numbering_gap_is_reported_with_its_span() -> None:
    # the segmenter found the gap before, but its diagnostics never reached the result
    r = resparse.parse(_GAP_TEXT)
    assert [p.number for p in r.operative] == [1, 2, 5]
    gaps = [d for d in r.diagnostics if d.code == "operative.numbering_gap"]
    assert len(gaps) == 1
    assert gaps[0].span is not None
    assert r.raw(gaps[0].span).startswith("5. Decides")


@pytest.mark.issue(16)
def test_assemble_number_read_as_text_is_reported() -> None:
    text = _GAP_TEXT.replace("\n\n5.", "\n9.")
    r = resparse.parse(text)
    assert [p.number for p in r.operative] == [1, 2]
    (doubt,) = [d for d in r.diagnostics if d.code == "operative.number_in_text"]
    assert doubt.severity == "warning"
    assert doubt.span is not None
    assert r.raw(doubt.span).startswith("9. Decides")


@pytest.mark.issue(16)
def test_assemble_verb_after_a_finished_sentence_is_reported() -> None:
    text = _GAP_TEXT.replace("\n\n5. Decides", "\nDecides")
    r = resparse.parse(text)
    assert [p.number for p in r.operative] == [1, 2]
    (doubt,) = [d for d in r.diagnostics if d.code == "operative.lead_in_text"]
    assert doubt.span is not None
    assert r.raw(doubt.span).startswith("Decides to remain")


@pytest.mark.issue(16)
def test_assemble_clean_numbering_is_quiet() -> None:
    text = _GAP_TEXT.replace("5. Decides", "3. Decides")
    r = resparse.parse(text)
    assert [d for d in r.diagnostics if d.severity in {"warning", "error"}] == []


@pytest.mark.issue(16)
def test_assemble_numbering_restart_under_a_heading_is_no_gap() -> None:
    text = (
        "The General Assembly,\n\nRecalling its resolution 77/1,\n\nI\n\nFinancing\n\n"
        "1. Decides to act;\n\n2. Requests a report;\n\nII\n\nStaffing\n\n"
        "1. Approves the posts;\n\n2. Decides to remain seized of the matter.\n"
    )
    r = resparse.parse(text)
    assert [(p.number, p.section) for p in r.operative] == [
        (1, "I"),
        (2, "I"),
        (1, "II"),
        (2, "II"),
    ]
    assert [d.code for d in r.diagnostics if d.severity == "warning"] == []


@pytest.mark.issue(16)
def test_assemble_clause_cut_by_running_title_words_is_reported() -> None:
    # after a page break the clause goes on with words of the running title; read as a
    # running header, they leave the clause ending on a word, which the result says
    text = (
        "United Nations\tA/RES/78/1\n\nGeneral Assembly\n\n78/1. Rights of the child\n\n"
        "The General Assembly,\n\nRecalling the Convention on the\n\fRights of the child\n\n"
        "Noting the report,\n\n1. Decides to act.\n"
    )
    r = resparse.parse(text)
    (cut,) = [d for d in r.diagnostics if d.code == "text.cut_mid_sentence"]
    assert cut.severity == "warning"
    assert cut.span is not None
    assert r.raw(cut.span) == "Rights of the child"


@pytest.mark.issue(16)
def test_assemble_sentence_across_a_page_break_is_quiet() -> None:
    text = (
        "United Nations\tA/RES/78/1\n\nGeneral Assembly\n\n78/1. Rights of the child\n\n"
        "The General Assembly,\n\nRecalling the Convention on the\n\fRights of the child\n"
        "Rights of the Child,\n\nNoting the report,\n\n1. Decides to act.\n"
    )
    r = resparse.parse(text)
    assert r.preamble[0].text == "Recalling the Convention on the Rights of the Child,"
    assert [d.code for d in r.diagnostics if d.severity == "warning"] == []


@pytest.mark.issue(18)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_assemble_numbers_go_on_past_999(language: str) -> None:
    dash = " -" if language == "ar" else "."
    opening = "إن الجمعية العامة،" if language == "ar" else "The General Assembly,"
    verb = "تقرر" if language == "ar" else "Decides"
    paragraphs = "".join(f"{n}{dash} {verb} {n};\n\n" for n in range(1, 1006))
    result = resparse.parse(f"{opening}\n\n{paragraphs}", language=language)
    assert [p.number for p in result.operative] == list(range(1, 1006))
    assert result.operative[998].text.endswith("999;")
