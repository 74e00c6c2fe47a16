"""The self-checks (issue 16, "never silently wrong"): each fires on the shape it names, not on its near miss.

Every row is a minimal synthetic resolution in the shape the check looks for (``fires``)
or the closest right text that must stay quiet. The shapes come from wrong parses listed
by ``scripts/list_wrong.py`` on the development set.
"""

from __future__ import annotations

import importlib.util
import pathlib

import pytest

import resparse
from resparse._checks_order import _next_labels

FORMULA = "The Security Council,\n"
PREAMBLE = (
    "Recalling its previous resolutions,\n"
    "Reaffirming its commitment to the sovereignty of the State,\n"
    "Noting the report of the Secretary-General,\n"
)


def _codes(text: str) -> list[str]:
    result = resparse.parse(text)
    return [d.code for d in result.diagnostics if d.severity == "warning" and d.span is not None]


ROWS: list[tuple[str, str, str, bool]] = [
    (
        "a declaration after the operative part",
        "structure.preamble_after_operative",
        FORMULA
        + "\nDecides to adopt the attached declaration.\n\n"
        + "Annex\nThe Security Council,\n"
        + "Meeting at the level of Heads of State,\n"
        + "I\n"
        + "Reaffirms its commitment to the Charter;\n"
        + "Stresses the importance of prevention.\n",
        True,
    ),
    (
        "a preamble, then the operative part",
        "structure.preamble_after_operative",
        FORMULA + PREAMBLE + "1. Decides to act;\n2. Decides to remain seized of the matter.\n",
        False,
    ),
    (
        "an unnumbered paragraph after numbered ones",
        "operative.unnumbered",
        FORMULA
        + PREAMBLE
        + "Welcomes the letter from the Prime Minister;\n"
        + "1. Decides to act;\n2. Decides to remain seized of the matter.\n",
        True,
    ),
    (
        "a chapeau that introduces numbered paragraphs",
        "operative.unnumbered",
        "The General Assembly,\n" + "Resolves that:\n1. The budget is approved;\n2. It is final.\n",
        False,
    ),
    (
        "an annex inside the last paragraph",
        "operative.text_after_closing",
        FORMULA
        + PREAMBLE
        + "1. Decides to act;\n2. Decides to remain seized of the matter. "
        + "Annex Procedure for listing The Committee shall meet.\n",
        True,
    ),
    (
        "nothing after the closing formula",
        "operative.text_after_closing",
        FORMULA + PREAMBLE + "1. Decides to act;\n2. Decides to remain seized of the matter.\n",
        False,
    ),
    (
        "a sub-paragraph label skipped",
        "subparagraph.label_in_text",
        FORMULA
        + PREAMBLE
        + "1. Requests the following:\n(a) A report;\n(b) A plan;\n(d) A budget;\n"
        + "2. Decides to remain seized of the matter.\n",
        True,
    ),
    (
        "a sub-paragraph label repeated",
        "subparagraph.label_in_text",
        FORMULA
        + PREAMBLE
        + "1. Requests the following:\n(a) A report;\n(b) A plan:\n(i) Its costs;\n(ii) Its staff;\n"
        + "(ii) Its posts;\n(c) A budget;\n2. Decides to remain seized of the matter.\n",
        True,
    ),
    (
        "labels in sequence, letters then numerals",
        "subparagraph.label_in_text",
        FORMULA
        + PREAMBLE
        + "1. Requests the following:\n(a) A report;\n(b) A plan:\n(i) Its costs;\n(ii) Its staff;\n"
        + "(c) A budget;\n2. Decides to remain seized of the matter.\n",
        False,
    ),
    (
        "the preamble ends with a colon",
        "preamble.ends_with_colon",
        FORMULA + PREAMBLE + "Acting under Chapter VII of the Charter of the United Nations:\n"
        "1. Decides to act;\n2. Decides to remain seized of the matter.\n",
        True,
    ),
    (
        "the preamble ends with a comma",
        "preamble.ends_with_colon",
        FORMULA + PREAMBLE + "Acting under Chapter VII of the Charter of the United Nations,\n"
        "1. Decides to act;\n2. Decides to remain seized of the matter.\n",
        False,
    ),
    (
        "the paragraph's sentence goes on after its list",
        "subparagraph.continuation",
        FORMULA
        + PREAMBLE
        + "1. Requests the following elements in reports:\n(a) A summary;\n(b) Conclusions;\n"
        + "and its request that all documents have conclusions in bold print;\n"
        + "2. Decides to act;\n3. Decides to remain seized of the matter.\n",
        True,
    ),
    (
        "a list that ends the paragraph",
        "subparagraph.continuation",
        FORMULA
        + PREAMBLE
        + "1. Requests the following elements in reports:\n(a) A summary;\n(b) Conclusions;\n"
        + "2. Decides to act;\n3. Decides to remain seized of the matter.\n",
        False,
    ),
    (
        "a heading glued to a list item",
        "text.heading_in_paragraph",
        FORMULA
        + PREAMBLE
        + "1. Decides that the mandate shall be the following:\n(a) To observe the ceasefire,\n"
        + "(b) To liaise with the parties,\nDisarmament and reintegration\n"
        + "(c) To assist the Government,\n2. Decides to remain seized of the matter.\n",
        True,
    ),
    (
        "a list with no heading inside",
        "text.heading_in_paragraph",
        FORMULA
        + PREAMBLE
        + "1. Decides that the mandate shall be the following:\n(a) To observe the ceasefire,\n"
        + "(b) To liaise with the parties,\n(c) To assist the Government,\n"
        + "2. Decides to remain seized of the matter.\n",
        False,
    ),
    (
        "a clause in a second line, in a one-line-per-paragraph text",
        "text.extra_line",
        FORMULA
        + PREAMBLE
        + "Recognizing the work done,\nIn this regard, calling on all parties to cooperate,\n"
        + "1. Decides to act;\n2. Requests a report;\n3. Requests a plan;\n4. Requests a budget;\n"
        + "5. Decides to remain seized of the matter.\n",
        True,
    ),
    (
        "a clause cut by a page break goes on in lowercase",
        "text.extra_line",
        FORMULA
        + PREAMBLE
        + "Recognizing the work done by the\n\n\ninternational community,\n"
        + "1. Decides to act;\n2. Requests a report;\n3. Decides to remain seized of the matter.\n",
        False,
    ),
    (
        "a preambular clause inside a paragraph",
        "operative.preambular_lead_in_text",
        FORMULA
        + PREAMBLE
        + "1. Decides to act;\n2. Requests the States concerned to report on the matter;\n* * *\n"
        + "Reaffirming the legal basis of the mandate,\n"
        + "3. Decides to remain seized of the matter.\n",
        True,
    ),
    (
        "paragraphs with no preambular lead inside",
        "operative.preambular_lead_in_text",
        FORMULA
        + PREAMBLE
        + "1. Decides to act;\n2. Requests the States concerned to report on the matter;\n"
        + "3. Decides to remain seized of the matter.\n",
        False,
    ),
    (
        "a paragraph read as a heading",
        "heading.reads_as_part",
        (
            "The General Assembly,\n"
            "I\nGlobal service delivery model\n"
            "Recalling its resolution 74/296,\n"
            "Having considered the report of the Secretary-General,\n"
            "Decides to keep the question of the service delivery model under review;33\n"
            "II\nRequest for a subvention to the Special Court\n"
            "Recalling its resolution 74/297,\n1. Approves the subvention;\n"
        ),
        True,
    ),
    (
        "section headings with no punctuation",
        "heading.reads_as_part",
        (
            "The General Assembly,\n"
            "I\nGlobal service delivery model\n"
            "Recalling its resolution 74/296,\n1. Decides to keep the question under review;\n"
            "II\nRequest for a subvention to the Special Court\n"
            "Recalling its resolution 74/297,\n1. Approves the subvention;\n"
        ),
        False,
    ),
    (
        "a title in parentheses read as a clause",
        "preamble.not_a_clause",
        FORMULA
        + PREAMBLE
        + "Acting under Chapter VII of the Charter of the United Nations,\n\n"
        + "(\u201cSupporting the political process\u201d)\n"
        + "1. Welcomes the progress;\n2. Decides to remain seized of the matter.\n",
        True,
    ),
    (
        "clauses that all open with a lead",
        "preamble.not_a_clause",
        FORMULA
        + PREAMBLE
        + "Acting under Chapter VII of the Charter of the United Nations,\n\n"
        + "1. Welcomes the progress;\n2. Decides to remain seized of the matter.\n",
        False,
    ),
    (
        "a preambular clause with no closing punctuation",
        "text.no_closing_punctuation",
        FORMULA
        + "Recalling the decision to establish a body for\n\n"
        + "Reaffirming the principles of the Charter,\n\n"
        + "1. Decides to act;\n2. Decides to remain seized of the matter.\n",
        True,
    ),
    (
        "a preambular clause closed by '; and'",
        "text.no_closing_punctuation",
        FORMULA
        + "Recalling the decision to establish a body; and\n\n"
        + "Reaffirming the principles of the Charter,\n\n"
        + "1. Decides to act;\n2. Decides to remain seized of the matter.\n",
        False,
    ),
]


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("code", "text", "fires"), [row[1:] for row in ROWS], ids=[row[0] for row in ROWS]
)
def test_self_check(code: str, text: str, *, fires: bool) -> None:
    assert (code in _codes(text)) is fires


@pytest.mark.issue(16)
def test_long_paragraph_with_a_verb_line() -> None:
    filler = " ".join(["the States concerned and the organizations of the system"] * 30)
    short = "".join(f"{n}. Requests a report number {n};\n\n" for n in range(1, 6))
    text = (
        FORMULA
        + PREAMBLE
        + short
        + f"6. Requests the Secretary-General to report on {filler};\n"
        + f"Encourages all States to cooperate with {filler};\n\n"
        + "7. Decides to remain seized of the matter.\n"
    )
    assert "operative.long_paragraph" in _codes(text)
    quiet = FORMULA + PREAMBLE + short + "7. Decides to remain seized of the matter.\n"
    assert "operative.long_paragraph" not in _codes(quiet)


@pytest.mark.parametrize(
    ("label", "following"),
    [
        ("a", {"b"}),
        ("h", {"i"}),
        ("i", {"ii", "j"}),
        ("z", {"aa"}),
        ("aa", {"bb"}),
        ("9", {"10"}),
        ("IV", {"V"}),
        ("C", {"D"}),
        ("xix", {"xx"}),
    ],
)
def test_next_labels(label: str, following: set[str]) -> None:
    assert _next_labels(label) == following


@pytest.mark.parametrize(
    ("script", "argv"),
    [("list_wrong.py", ["--shared", "/nonexistent"]), ("check_pdf_quiet.py", ["/nonexistent"])],
)
def test_measuring_scripts_skip_without_the_development_set(
    script: str, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = pathlib.Path(__file__).resolve().parents[1] / "scripts" / script
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(argv) == 0
    assert "skipped" in capsys.readouterr().out
