"""Regression tests for the failure classes seen on texts outside the development set (issue 16).

Each test states the right behaviour on a minimal synthetic text shaped like the UN's
. A class the parser
still gets wrong is marked ``xfail(strict=True)``: the mark must go when the fix lands,
and the test then guards it.
"""

from __future__ import annotations

import json
import pathlib
from typing import TYPE_CHECKING, Any

import pytest

import resparse

if TYPE_CHECKING:
    from resparse.model import Resolution

COVER = """United Nations A/RES/78/123

General Assembly

Distr.: General
20 December 2023

Seventy-eighth session
Agenda item 68

Resolution adopted by the General Assembly on 18 December 2023

78/123. Cooperation on test matters

The General Assembly,

"""
END = """1. Welcomes the report of the Secretary-General;

2. Decides to remain seized of the matter.
"""
# what the printed page repeats at its top, and at its foot
RUNNING = "A/RES/78/123\nCooperation on test matters\n"
FOOT = "23-24958 (E) 211223\n\n*2324958*"


def _parse(body: str, cover: str = COVER) -> Resolution:
    return resparse.parse(cover + body)


def _warned(result: Resolution, code_prefix: str = "") -> list[str]:
    """Codes of the warnings and errors that point at a place in the text."""
    return [
        d.code
        for d in result.diagnostics
        if d.severity in ("warning", "error")
        and d.span is not None
        and d.code.startswith(code_prefix)
    ]


def _texts(result: Resolution) -> list[str]:
    return [c.text for c in result.preamble] + [p.text for p in result.operative]


# --- a line continuing a sentence after a page break -----------------------------------

PAGE_BREAK_CONTINUATIONS = [
    pytest.param("Geneva, from 3 to 5 May 2022;", id="place-and-dates"),
    pytest.param("76/1, 76/2 and 77/5,", id="resolution-numbers"),
    pytest.param("cooperation on test matters among States;", id="words-of-the-running-title"),
]


@pytest.mark.issue(16)
@pytest.mark.parametrize("continuation", PAGE_BREAK_CONTINUATIONS)
def test_unseen_page_break_continuation_stays_in_its_clause(continuation: str) -> None:
    """Mid-sentence text after a page break is never a heading or furniture."""
    body = (
        "Recalling its resolution 77/1,\n\n"
        "Welcoming the outcome of the meeting of experts held in\n\n"
        f"{FOOT}\f{RUNNING}\n{continuation}\n\n" + END
    )
    result = _parse(body)
    assert result.preamble[1].text.endswith(continuation)
    assert continuation not in [h.text for h in result.headings]
    assert continuation not in [f.text for f in result.furniture]


# --- numbers, headings, annexes, parts --------------------------------------------------


@pytest.mark.issue(16)
@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="a number printed without its period merges two paragraphs",
)
def test_unseen_number_without_its_period_opens_a_paragraph() -> None:
    body = (
        "Recalling its resolution 77/1,\n\n"
        "1. Welcomes the report of the Secretary-General;\n\n"
        "2. Requests the Secretary-General to report on the matter;\n\n"
        "3 Condemns all attacks on civilians;\n\n"
        "4. Decides to remain seized of the matter.\n"
    )
    result = _parse(body)
    assert [p.number for p in result.operative] == [1, 2, 3, 4]
    assert result.operative[2].lead == "Condemns"


@pytest.mark.issue(16)
def test_unseen_roman_section_heading_is_not_glued_to_the_paragraph_before() -> None:
    body = (
        "Recalling its resolution 77/1,\n\n"
        "1. Welcomes the report of the Secretary-General;\n\n"
        "2. Requests the Secretary-General to report on the matter;\n"
        "VII Special Rapporteur on the right to food\n"
        "3. Decides to extend the mandate of the Special Rapporteur;\n"
    )
    result = _parse(body)
    assert result.operative[1].text == "Requests the Secretary-General to report on the matter;"
    assert [h.text for h in result.headings] == ["VII Special Rapporteur on the right to food"]
    assert result.operative[2].section == "VII"


@pytest.mark.issue(16)
@pytest.mark.xfail(
    strict=True, raises=AssertionError, reason="an annex heading 'ANNEX 1 - Title' is not an annex"
)
def test_unseen_annex_after_the_operative_part_is_not_operative() -> None:
    body = (
        "Recalling its resolution 77/1,\n\n"
        + END
        + "\nANNEX 1 - Terms of reference of the panel\n\n"
        "1. The panel shall consist of five experts.\n\n"
        "2. The panel shall report to the Council every six months.\n"
    )
    result = _parse(body)
    assert [p.number for p in result.operative] == [1, 2]
    assert len(result.annexes) == 1
    assert "five experts" in result.annexes[0].text


BUDGET = """United Nations A/RES/78/253

General Assembly

Distr.: General
2 January 2024

Seventy-eighth session
Agenda item 139

Resolution adopted by the General Assembly on 22 December 2023

78/253. Questions relating to the proposed programme budget for 2024

A
Capital master plan

The General Assembly,

Recalling its resolution 77/263,

1. Takes note of the report of the Secretary-General;

2. Decides that:

(a) The plan shall be completed;

(b) The costs shall be reported;

B
Strategic heritage plan

The General Assembly,

Recalling its resolution 77/264,

1. Takes note of the progress report;

2. Requests the Secretary-General to continue the work;
"""


@pytest.mark.issue(16)
@pytest.mark.xfail(
    strict=True, raises=AssertionError, reason="the title swallows the first part's heading"
)
def test_unseen_budget_resolution_in_parts_keeps_each_part() -> None:
    result = resparse.parse(BUDGET)
    assert result.header.title == "Questions relating to the proposed programme budget for 2024"
    assert [(p.part, p.number) for p in result.operative] == [
        ("A", 1),
        ("A", 2),
        ("B", 1),
        ("B", 2),
    ]
    assert [s.label for s in result.operative[1].subparagraphs] == ["a", "b"]
    assert [c.part for c in result.preamble] == ["A", "B"]


# --- headers ----------------------------------------------------------------------------

EMERGENCY = """United Nations A/RES/ES-10/21

General Assembly

Distr.: General
30 October 2023

Tenth emergency special session
Agenda item 5

Resolution adopted by the General Assembly on 27 October 2023

ES-10/21. Protection of civilians and upholding legal and humanitarian obligations

The General Assembly,

Recalling its resolution 77/1,

1. Calls for an immediate humanitarian truce;

2. Decides to adjourn the tenth emergency special session temporarily.
"""


@pytest.mark.issue(16)
def test_unseen_emergency_special_session_number_and_title() -> None:
    result = resparse.parse(EMERGENCY)
    assert result.header.number == "ES-10/21"
    assert result.header.title == (
        "Protection of civilians and upholding legal and humanitarian obligations"
    )
    assert result.unclassified == ()


@pytest.mark.issue(16)
def test_unseen_markdown_heading_marks_stay_out_of_the_header() -> None:
    text = (
        "# A/RES/78/123\n\n## General Assembly\n\nSeventy-eighth session\n\nAgenda item 68\n\n"
        "Resolution adopted by the General Assembly on 18 December 2023\n\n"
        "## 78/123. Cooperation on test matters\n\n*The General Assembly*,\n\n"
        "*Recalling* its resolution 77/1,\n\n1. *Welcomes* the report of the Secretary-General;\n"
    )
    result = resparse.parse(text)
    assert result.header.symbol == "A/RES/78/123"
    assert result.header.session == 78
    assert result.header.title == "Cooperation on test matters"


@pytest.mark.issue(16)
@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="YAML front matter is read as unclassified header text",
)
def test_unseen_yaml_front_matter_is_read() -> None:
    text = (
        "---\nsymbol: A/RES/78/123\ndate: 2023-12-18\ntitle: Cooperation on test matters\n---\n\n"
        "The General Assembly,\n\nRecalling its resolution 77/1,\n\n" + END
    )
    result = resparse.parse(text)
    assert result.header.symbol == "A/RES/78/123"
    assert result.header.adopted is not None
    assert result.header.adopted.isoformat() == "2023-12-18"
    assert _warned(result, "text.unclassified") == []


_NO_ORDINAL = pytest.mark.xfail(
    strict=True, raises=AssertionError, reason="an ordinal-word session line gives no session"
)
SESSIONS = [
    pytest.param("Seventy-ninth session", "en", id="en"),
    pytest.param("Soixante-dix-neuvième session", "fr", id="fr", marks=_NO_ORDINAL),
    pytest.param("Septuagésimo noveno período de sesiones", "es", id="es", marks=_NO_ORDINAL),
    pytest.param("Семьдесят девятая сессия", "ru", id="ru", marks=_NO_ORDINAL),
    pytest.param("الدورة التاسعة والسبعون", "ar", id="ar", marks=_NO_ORDINAL),
    pytest.param("第七十九届会议", "zh", id="zh", marks=_NO_ORDINAL),
]
FORMULAS = {
    "en": ("The General Assembly,", "Recalling its resolution 53/199,", "1. Decides to act;"),
    "fr": ("L’Assemblée générale,", "Rappelant sa résolution 53/199,", "1. Décide d’agir ;"),
    "es": ("La Asamblea General,", "Recordando su resolución 53/199,", "1. Decide actuar;"),
    "ru": (
        "Генеральная Ассамблея,",
        "ссылаясь на свою резолюцию 53/199,",
        "1. постановляет действовать;",
    ),
    "ar": ("إن الجمعية العامة،", "إذ تشير إلى قرارها 53/199،", "1 - تقرر أن تعمل؛"),
    "zh": ("大会，", "回顾其第53/199号决议，", "1. 决定采取行动；"),
}


@pytest.mark.issue(16)
@pytest.mark.parametrize(("line", "language"), SESSIONS)
def test_unseen_session_written_in_ordinal_words(line: str, language: str) -> None:
    """The session line alone gives the session, when no symbol says it."""
    formula, clause, paragraph = FORMULAS[language]
    text = f"{line}\nAgenda item 14\n\n{formula}\n\n{clause}\n\n{paragraph}\n"
    result = resparse.parse(text)
    assert result.header.session == 79


@pytest.mark.issue(16)
@pytest.mark.xfail(
    strict=True, raises=AssertionError, reason="'134 and 145' is read as one agenda item"
)
def test_unseen_agenda_line_with_two_items() -> None:
    cover = COVER.replace(
        "Agenda item 68",
        "Agenda items 134 and 145\nFinancing of the first mission\nFinancing of the second mission",
    )
    result = _parse("Recalling its resolution 77/1,\n\n" + END, cover)
    assert [a.number for a in result.header.agenda_items] == ["134", "145"]


DRAFT_RU = """Организация Объединенных Наций
S/2023/212
Совет Безопасности
Distr.: General
27 March 2023

Беларусь, Китай и Российская Федерация: проект резолюции

Совет Безопасности,
самым решительным образом осуждая диверсию на газопроводах в сентябре 2022 года,
подчеркивая, что диверсии на газопроводах представляют угрозу международному миру,

1.	просит Генерального секретаря учредить международную независимую комиссию;
2.	постановляет продолжать активно заниматься этим вопросом.
"""


@pytest.mark.issue(16)
@pytest.mark.xfail(
    strict=True, raises=AssertionError, reason="a Russian draft's sponsors line hides its formula"
)
def test_unseen_draft_without_a_title() -> None:
    """A draft names its sponsors where a resolution has its number and title."""
    result = resparse.parse(DRAFT_RU)
    assert result.header.symbol == "S/2023/212"
    assert result.header.title is None
    assert [c.lead for c in result.preamble] == ["самым решительным образом осуждая", "подчеркивая"]
    assert [p.number for p in result.operative] == [1, 2]


# --- running headers when the page breaks are lost ---------------------------------------

LONG_TITLE = "Cooperation on test matters, including the protection of civilians in armed conflict"
_CUT_TITLE = pytest.mark.xfail(
    strict=True, raises=AssertionError, reason="a running title cut with '...' stays in the clause"
)
CUT = "Cooperation on test matters, including the protection ..."
RUNNING_LOST = [
    pytest.param("the\n", f"A/RES/78/123\n{LONG_TITLE}\n", "the ", id="whole-title"),
    pytest.param("the\n", f"A/RES/78/123\n{CUT}\n", "the ", id="title-cut", marks=_CUT_TITLE),
    pytest.param("capacity-\n", f"A/RES/78/123 {LONG_TITLE}\n", "capacity-", id="hyphen-glued"),
    pytest.param(
        "capacity-\n", f"A/RES/78/123 {CUT}\n", "capacity-", id="hyphen-cut", marks=_CUT_TITLE
    ),
]


@pytest.mark.issue(16)
@pytest.mark.parametrize(("before", "running", "joined"), RUNNING_LOST)
def test_unseen_running_header_inside_a_sentence(before: str, running: str, joined: str) -> None:
    """With no page break to go by, the running header is still cut out of the sentence."""
    cover = COVER.replace("Cooperation on test matters", LONG_TITLE)
    word = "building " if joined.endswith("-") else ""
    body = (
        "Recalling its resolution 77/1,\n\n"
        f"Welcoming the outcome of the meeting of experts held in Geneva and {before}{running}"
        f"{word}recommendations adopted by the experts at that meeting,\n\n" + END
    )
    result = _parse(body, cover)
    assert result.preamble[1].text == (
        f"Welcoming the outcome of the meeting of experts held in Geneva and {joined}"
        f"{word}recommendations adopted by the experts at that meeting,"
    )


# --- clause boundaries and leads --------------------------------------------------------


@pytest.mark.issue(16)
def test_unseen_preambular_clause_ending_with_a_colon() -> None:
    """A clause that ends with ':' introduces items; the preamble goes on after them."""
    body = (
        "Recalling its resolution 77/1,\n\n"
        "Considering that the following principles apply:\n\n"
        "(a) Respect for the Charter;\n\n(b) Cooperation among States;\n\n"
        "Bearing in mind the Charter of the United Nations,\n\n" + END
    )
    result = _parse(body)
    assert [c.lead for c in result.preamble] == ["Recalling", "Considering", "Bearing in mind"]
    assert [p.number for p in result.operative] == [1, 2]


PLAIN_LEADS = [
    pytest.param(
        "Being further deeply concerned about the situation,",
        "Being further deeply concerned",
        "pre",
        id="being-further-deeply-concerned",
    ),
    pytest.param(
        "Remaining deeply concerned about the violence,",
        "Remaining deeply concerned",
        "pre",
        id="remaining-deeply-concerned",
    ),
    pytest.param(
        "Further underscoring the importance of cooperation,",
        "Further underscoring",
        "pre",
        id="further-underscoring",
    ),
    pytest.param(
        "1. Unequivocally condemns all attacks on civilians;",
        "Unequivocally condemns",
        "op",
        id="unequivocally-condemns",
    ),
]


@pytest.mark.issue(16)
@pytest.mark.parametrize(("line", "lead", "kind"), PLAIN_LEADS)
def test_unseen_plain_text_lead_is_whole(line: str, lead: str, kind: str) -> None:
    if kind == "pre":
        result = _parse(f"Recalling its resolution 77/1,\n\n{line}\n\n" + END)
        assert result.preamble[1].lead == lead
    else:
        result = _parse(f"Recalling its resolution 77/1,\n\n{line}\n\n2. Decides to act.\n")
        assert result.operative[0].lead == lead


@pytest.mark.issue(16)
@pytest.mark.xfail(
    strict=True, raises=AssertionError, reason="'1)' paragraphs are absorbed into the clause before"
)
def test_unseen_operative_numbered_with_a_parenthesis() -> None:
    body = (
        "Recalling its resolution 77/1,\n\nNoting the report of the Secretary-General,\n\n"
        "1) Welcomes the report of the Secretary-General;\n\n"
        "2) Requests the Secretary-General to report on the matter;\n\n"
        "3) Decides to remain seized of the matter.\n"
    )
    result = _parse(body)
    assert result.preamble[-1].text == "Noting the report of the Secretary-General,"
    assert [p.number for p in result.operative] == [1, 2, 3]


@pytest.mark.issue(16)
@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="'That ...' clauses under 'Considering:' have no lead",
)
def test_unseen_older_form_considering_that() -> None:
    """ "The Conference, Considering: That ..., That ..., Resolves: 1. To ..."."""
    text = (
        "The Conference,\n\nConsidering:\n\n"
        "That the protection of the environment is a common concern,\n\n"
        "That cooperation among States is essential,\n\nResolves:\n\n"
        "1. To invite all States to cooperate;\n\n2. To request the secretariat to report.\n"
    )
    result = resparse.parse(text)
    that = [c for c in result.preamble if c.text.startswith("That")]
    assert len(that) == 2
    assert [p.number for p in result.operative if p.number is not None] == [1, 2]
    assert not [d for d in result.diagnostics if d.code.endswith("lead_unknown")]


# --- not a resolution -------------------------------------------------------------------

NOT_RESOLUTIONS = [
    pytest.param(
        "Installation guide\n\nTo install the program, run the installer.\n\n"
        "1. Download the package from the website;\n\n2. Open a terminal and type the command.\n",
        id="software-manual",
    ),
    pytest.param(
        "From: alice@example.org\nTo: bob@example.org\nSubject: meeting tomorrow\n\nHi Bob,\n\n"
        "Noting your message, I agree to meet tomorrow at noon.\n\n1. Bring the slides;\n"
        "2. Bring coffee.\n\nBest, Alice\n",
        id="e-mail",
    ),
]


@pytest.mark.issue(16)
@pytest.mark.parametrize("text", NOT_RESOLUTIONS)
def test_unseen_text_that_is_not_a_resolution(text: str) -> None:
    result = resparse.parse(text)
    assert "input.not_a_resolution" in [d.code for d in result.diagnostics]


# --- text repairs -----------------------------------------------------------------------

SUSPENDED = [
    pytest.param("collection and -sharing among States", id="one-line"),
    pytest.param("collection and\n-sharing among States", id="across-a-line-end"),
]


@pytest.mark.issue(16)
@pytest.mark.xfail(
    strict=True, raises=AssertionError, reason="the suspended hyphen loses its space: 'and-sharing'"
)
@pytest.mark.parametrize("words", SUSPENDED)
def test_unseen_suspended_hyphen_keeps_its_space(words: str) -> None:
    result = _parse(
        f"Recalling its resolution 77/1,\n\n1. Encourages data {words};\n\n2. Decides to act.\n"
    )
    assert "collection and -sharing among States" in result.operative[0].text


@pytest.mark.issue(16)
@pytest.mark.xfail(
    strict=True, raises=AssertionError, reason="two notes on one line become one, silently"
)
def test_unseen_footnotes_merged_on_one_line() -> None:
    body = (
        "Recalling its resolution 77/1,1\n\nNoting the report of the Commission,2\n\n"
        "1. Welcomes the report of the Secretary-General;\n\n__________________\n\n"
        "1 Official Records of the General Assembly, Supplement No. 10 (A/77/10). "
        "2 Ibid., para. 41.\n\n"
        f"{FOOT}\f{RUNNING}\n2. Decides to remain seized of the matter.\n"
    )
    result = _parse(body)
    assert [(f.marker, bool(f.text)) for f in result.footnotes] == [("1", True), ("2", True)]


# --- self-checks: never silently wrong --------------------------------------------------


@pytest.mark.issue(16)
def test_unseen_numbering_gap_is_a_warning_with_a_span() -> None:
    body = (
        "Recalling its resolution 77/1,\n\n"
        "1. Welcomes the report of the Secretary-General;\n\n"
        "2. Requests the Secretary-General to report on the matter;\n\n"
        "5. Decides to remain seized of the matter.\n"
    )
    result = _parse(body)
    gaps = [d for d in result.diagnostics if d.code == "operative.numbering_gap"]
    assert gaps
    assert gaps[0].severity == "warning"
    assert gaps[0].span is not None
    assert result.raw(gaps[0].span).lstrip().startswith("5.")


@pytest.mark.issue(16)
def test_unseen_repeated_number_is_a_warning_with_a_span() -> None:
    body = (
        "Recalling its resolution 77/1,\n\n"
        "1. Welcomes the report of the Secretary-General;\n\n"
        "2. Requests the Secretary-General to report on the matter;\n\n"
        "2. Decides to remain seized of the matter.\n"
    )
    result = _parse(body)
    assert _warned(result, "operative.numbering")


@pytest.mark.issue(16)
def test_unseen_clause_without_closing_punctuation_is_a_warning() -> None:
    body = (
        "Recalling the decision to establish a body for\n\n"
        "Reaffirming the principles of the Charter,\n\n" + END
    )
    result = _parse(body)
    spans = [d.span for d in result.diagnostics if d.severity == "warning" and d.span is not None]
    first = result.preamble[0].span
    assert any(s.start < first.end and first.start < s.end for s in spans)


@pytest.mark.issue(16)
def test_unseen_long_paragraph_with_a_lead_like_line_is_a_warning() -> None:
    """A paragraph far longer than its siblings, with a line that opens like a paragraph."""
    long_tail = " ".join(["the States concerned and the organizations of the system"] * 12)
    body = (
        "Recalling its resolution 77/1,\n\n"
        "1. Welcomes the report of the Secretary-General;\n\n"
        f"2. Requests the Secretary-General to report on the matter, {long_tail};\n"
        f"Encourages all States to cooperate with {long_tail};\n\n"
        "3. Decides to remain seized of the matter.\n"
    )
    result = _parse(body)
    assert _warned(result)


# --- bodies the development set barely holds ---------------------------------------------

UNSEEN = pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "unseen"
UNSEEN_CASES = sorted(p.stem for p in UNSEEN.glob("*.txt"))


def _expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((UNSEEN / f"{name}.expected.json").read_text("utf-8"))
    return data


@pytest.mark.issue(16)
@pytest.mark.parametrize("name", UNSEEN_CASES)
def test_unseen_other_body_structure(name: str) -> None:
    """Clauses, paragraphs and leads as checked by hand; no text lost."""
    result = resparse.parse_file(UNSEEN / f"{name}.txt")
    want = _expected(name)
    assert [c.lead for c in result.preamble] == want["preamble"]
    got = [
        {"number": p.number, "lead": p.lead, "labels": [s.label for s in p.subparagraphs]}
        for p in result.operative
    ]
    assert got == want["operative"]
    assert result.uncovered() == []


@pytest.mark.issue(16)
@pytest.mark.xfail(
    strict=True, raises=AssertionError, reason="'E/RES/1972/1664(LII)' and its number line"
)
@pytest.mark.parametrize("name", UNSEEN_CASES)
def test_unseen_other_body_header(name: str) -> None:
    result = resparse.parse_file(UNSEEN / f"{name}.txt")
    want = _expected(name)["header"]
    assert result.header.symbol == want["symbol"]
    assert result.header.number == want["number"]
    assert result.header.title == want["title"]
