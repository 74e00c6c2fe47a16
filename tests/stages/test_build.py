"""The build stage on small inputs: blocks and readings in, the frozen result out.

Each case hands ``build`` the blocks a segmenter would produce for a short synthetic
text, so what is checked is the builder alone: leads, clean text, the diagnostics it
adds, votes, annexes and leftovers. The speed-only helpers it relies on (the opening
words of a part, the footnote markers of the body, the State lookup) are checked
against the plain forms they replace.
"""

from __future__ import annotations

import random

import pytest

from resparse import _markers
from resparse._blocks import Block, Segmentation, VoteBlock
from resparse._build import Reading, build, is_state
from resparse._header import HeaderResult
from resparse._italics import Italics
from resparse._language import profile
from resparse._lead_tables import word_key
from resparse._lead_words import opening_words
from resparse._patterns import WORD_TOKEN_RE
from resparse._reference_lists import _treaty_matches
from resparse._reference_words import TREATY_RE
from resparse.model import Diagnostic, Header, Resolution, Span


def _block(source: str, kind: str, text: str, **fields: object) -> Block:
    """The block of the first occurrence of ``text`` in ``source``, as one piece."""
    start = source.index(text)
    end = start + len(text)
    return Block(kind, start, end, ((start, end),), **fields)  # type: ignore[arg-type]


def _build(  # noqa: PLR0913 - the parts of a segmentation a case may give
    source: str,
    *,
    clauses: tuple[Block, ...] = (),
    paragraphs: tuple[Block, ...] = (),
    annexes: tuple[Block, ...] = (),
    votes: tuple[VoteBlock, ...] = (),
    leftovers: tuple[tuple[Span, str], ...] = (),
    italics: tuple[Span, ...] | None = None,
) -> Resolution:
    reading = Reading(
        source=source,
        profile=profile("en"),
        scope=None,
        italics=None if italics is None else Italics.of(italics),
    )
    segmentation = Segmentation(
        clauses=clauses, paragraphs=paragraphs, annexes=annexes, votes=votes
    )
    head = HeaderResult(header=Header(), leftovers=[], unread=[], diagnostics=[])
    return build(reading, segmentation, head, [], list(leftovers))


def _codes(result: Resolution) -> list[str]:
    return [d.code for d in result.diagnostics]


CLAUSES = [
    # (clause text, lead, clean text)
    ("Recalling its resolution 1/1,", "Recalling", "Recalling its resolution 1/1,"),
    ("Reaffirming also its commitment,", "Reaffirming also", "Reaffirming also its commitment,"),
    (
        "Deeply concerned by the\nsituation,",
        "Deeply concerned",
        "Deeply concerned by the situation,",
    ),
    ("The rain falls,", None, "The rain falls,"),
]


@pytest.mark.parametrize(("text", "lead", "clean"), CLAUSES)
def test_build_clause_lead_and_clean_text(text: str, lead: str | None, clean: str) -> None:
    source = f"{text}\n"
    result = _build(source, clauses=(_block(source, "clause", text),))
    clause = result.preamble[0]
    assert (clause.index, clause.lead, clause.text) == (1, lead, clean)
    assert clause.span == Span(0, len(text))
    assert clause.lead_italic is None  # plain text cannot show italics
    if lead is None:
        assert clause.lead_span is None
        assert "preamble.lead_unknown" in _codes(result)
    else:
        assert clause.lead_span is not None
        assert source[clause.lead_span.start : clause.lead_span.end] == lead
        assert "preamble.lead_unknown" not in _codes(result)


@pytest.mark.parametrize(
    ("italic", "lead", "lead_italic"),
    [
        ((0, 9), "Recalling", True),  # the italic run is the lead
        ((10, 13), "Recalling", False),  # italics elsewhere: the tables find the lead
        ((1, 9), "Recalling", False),  # a run from the word's second letter opens no lead
    ],
)
def test_build_lead_from_italics(italic: tuple[int, int], lead: str, *, lead_italic: bool) -> None:
    source = "Recalling its resolution 1/1,\n"
    clause = _block(source, "clause", "Recalling its resolution 1/1,")
    result = _build(source, clauses=(clause,), italics=(Span(*italic),))
    assert (result.preamble[0].lead, result.preamble[0].lead_italic) == (lead, lead_italic)


def test_build_paragraph_with_subparagraphs() -> None:
    source = "1. Requests the Secretary-General:\n(a) To report;\n(b) To consult;\n"
    subs = (
        _block(source, "sub", "To report;", label="a"),
        _block(source, "sub", "To consult;", label="b"),
    )
    own = _block(source, "paragraph", "Requests the Secretary-General:")
    paragraph = Block(
        "paragraph", 0, len(source) - 1, own.pieces, number=1, children=subs, part="A"
    )
    result = _build(source, paragraphs=(paragraph,))
    built = result.operative[0]
    assert (built.number, built.lead, built.text, built.part) == (
        1,
        "Requests",
        "Requests the Secretary-General:",
        "A",
    )
    assert [(s.label, s.text) for s in built.subparagraphs] == [
        ("a", "To report;"),
        ("b", "To consult;"),
    ]
    assert built.full_text == "Requests the Secretary-General: (a) To report; (b) To consult;"


@pytest.mark.parametrize(
    ("texts", "missing"),
    [
        # items under "Considering:" share its lead, while they open with the same word
        (("Considering:", "That the rain falls,", "That the sun shines,"), []),
        # an item that opens with another word has no lead of its own
        (("Considering:", "That the rain falls,", "The sun shines,"), [3]),
        # without an introduction every part without a lead is reported
        (("The rain falls,", "The sun shines,"), [1, 2]),
    ],
)
def test_build_lead_unknown_spares_items_under_an_introduction(
    texts: tuple[str, ...], missing: list[int]
) -> None:
    source = "\n".join(texts) + "\n"
    clauses = tuple(_block(source, "clause", text) for text in texts)
    result = _build(source, clauses=clauses)
    reported = [d for d in result.diagnostics if d.code == "preamble.lead_unknown"]
    assert [int(d.message.split()[2]) for d in reported] == missing


@pytest.mark.parametrize(
    ("statement", "method", "counts"),
    [
        ("Adopted without a vote.", "without_vote", (None, None, None)),
        ("Adopted by a recorded vote of 2 to 1, with 3 abstentions.", "recorded", (2, 1, 3)),
    ],
)
def test_build_vote_record(
    statement: str, method: str, counts: tuple[int | None, int | None, int | None]
) -> None:
    source = f"Recalling its resolution 1/1,\n{statement}\n"
    start = source.index(statement)
    vote = VoteBlock(start, start + len(statement), meeting_line=False)
    clause = _block(source, "clause", "Recalling its resolution 1/1,")
    result = _build(source, clauses=(clause,), votes=(vote,))
    assert result.vote is not None
    assert result.votes == (result.vote,)
    assert result.vote.method == method
    assert (result.vote.in_favour, result.vote.against, result.vote.abstaining) == counts
    assert result.vote.text == statement


@pytest.mark.parametrize(
    ("annex", "label", "title"),
    [
        # the title on the line after the label, or on the label's own line
        ("Annex\nProgramme of action\nThe first step.", "Annex", "Programme of action"),
        ("ANNEX 1 - Terms of reference\nThe first step.", "ANNEX 1", "Terms of reference"),
        # a title wrapped over two lines: the first ends on a word no title ends on
        # (A/RES/79/2 in Spanish, wrapped, outside the development set)
        (
            (
                "Annex\nPolitical declaration of the high-level meeting on\nantimicrobial "
                "resistance\nThe first step."
            ),
            "Annex",
            "Political declaration of the high-level meeting on antimicrobial resistance",
        ),
    ],
)
def test_build_annex_title_and_text(annex: str, label: str, title: str) -> None:
    source = f"Recalling its resolution 1/1,\n{annex}\n"
    start = source.index(annex)
    lines: list[tuple[int, int]] = []
    at = start
    for line in annex.split("\n"):
        lines.append((at, at + len(line)))
        at += len(line) + 1
    block = Block("annex", start, start + len(annex), tuple(lines), label=label)
    clause = _block(source, "clause", "Recalling its resolution 1/1,")
    result = _build(source, clauses=(clause,), annexes=(block,))
    built = result.annexes[0]
    assert (built.label, built.title) == (label, title)
    assert built.text.endswith("The first step.")


def test_build_leftovers_are_unclassified_with_a_warning() -> None:
    source = "Recalling its resolution 1/1,\n  stray   words\n"
    stray = Span(source.index("stray"), source.index("words") + len("words"))
    clause = _block(source, "clause", "Recalling its resolution 1/1,")
    result = _build(source, clauses=(clause,), leftovers=((stray, "no part"),))
    assert [(u.text, u.span, u.reason) for u in result.unclassified] == [
        ("stray words", stray, "no part")
    ]
    assert (
        Diagnostic("text.unclassified", "could not place text: no part", "warning", stray)
        in result.diagnostics
    )


def test_build_no_parts_is_an_error() -> None:
    result = _build("Nothing here.\n")
    assert _codes(result) == ["input.no_structure"]
    assert result.diagnostics[0].severity == "error"


def test_build_diagnostics_sorted_by_place_then_code() -> None:
    texts = ("The rain falls,", "The sun shines,")
    source = "\n".join(texts) + "\n"
    result = _build(source, clauses=tuple(_block(source, "clause", t) for t in texts))
    keys = [(d.span.start if d.span else -1, d.code) for d in result.diagnostics]
    assert keys == sorted(keys)


# --- the helpers that make the stage quick, against the plain forms they replace --------


def _opening_words_by_tokens(
    source: str, pieces: list[tuple[int, int]], limit: int
) -> list[tuple[str, int, int]]:
    """The opening words as one token match at a time finds them."""
    words: list[tuple[str, int, int]] = []
    for start, end in pieces:
        for match in WORD_TOKEN_RE.finditer(source, start, end):
            if not match[0][:1].isalnum():
                return words
            words.append((word_key(match[0]), match.start(), match.end()))
            if len(words) >= limit:
                return words
    return words


OPENINGS = [
    "Recalling its resolution 1/1,",
    "*Reaffirming* also _its_ commitment",
    "Non-governmental organizations’ role and",
    "\u200fترحب أيضاً بالتقرير،",
    "欢迎 报告1 以及",
    "Calls upon all States\nto act",
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen",
    "__ ** \t\n",
    "",
]


@pytest.mark.parametrize("text", OPENINGS)
@pytest.mark.parametrize("limit", [0, 1, 2, 12])
def test_build_opening_words_match_the_token_loop(text: str, limit: int) -> None:
    half = len(text) // 2
    for pieces in ([(0, len(text))], [(0, half), (half, len(text))]):
        assert opening_words(text, pieces, limit) == _opening_words_by_tokens(text, pieces, limit)


def test_build_opening_words_match_the_token_loop_on_random_text() -> None:
    rng = random.Random(15)  # noqa: S311 - reproducible test text, not secrets
    alphabet = "ab c-'’\u2011*_\u200e\u200f\n\t.,;中é\u064b1 \xa0"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        cut = rng.randint(0, len(text))
        pieces = [(0, cut), (cut, len(text))]
        for limit in (1, 12):
            assert opening_words(text, pieces, limit) == _opening_words_by_tokens(
                text, pieces, limit
            )


MARKED = [
    "Recalling its resolution 1/1,1 and the report2 of 30 June 20213, para. 4, 5.6 million",
    "بالموضوع(2)، لعام 2022(1)، 2015-2030(6)",
    "the Convention;3 the Covenant, 12 per cent, by 3 votes, 1949, 2 continued",
]


@pytest.mark.parametrize("text", MARKED)
@pytest.mark.parametrize("wanted", [{"1"}, {"2", "3"}, {"6", "12"}, set()])
def test_build_markers_for_wanted_notes_are_those_of_all(text: str, wanted: set[str]) -> None:
    every = _markers.Markers(text, 0, len(text), decimal_comma=False)
    some = _markers.Markers(text, 0, len(text), decimal_comma=False, wanted=wanted)
    for marker in ("1", "2", "3", "4", "5", "6", "12"):
        expected = list(every.after(marker, 0, len(text))) if marker in wanted else []
        assert list(some.after(marker, 0, len(text))) == expected


@pytest.mark.parametrize(
    ("name", "known"),
    [
        ("France", True),
        ("Côte d’Ivoire", True),
        ("Atlantis", False),
        ("France" + " " * 200, True),  # past the cached length: looked up directly
        ("Atlantis and " * 40, False),
    ],
)
def test_build_is_state(name: str, *, known: bool) -> None:
    assert is_state(name) is known
    assert is_state(name) is known  # the second answer comes from the cache


TREATY_TEXTS = [
    "the Charter of the United Nations and the United Nations Convention on the Law of the Sea",
    (
        "the International Covenant on Civil and\nPolitical Rights, the International Covenant on "
        "Economic, Social and Cultural Rights"
    ),
    "XConvention on the Rights of the Child; Convention on the Rights of the Child",
    "the Paris Agreement, Kyoto Protocol and Geneva Conventions of 12 August 1949",
    (
        "United States, International cooperation, the Rome Statute of the International Criminal "
        "Court"
    ),
    "",
]


@pytest.mark.parametrize("text", TREATY_TEXTS)
def test_build_treaty_matches_are_those_of_finditer(text: str) -> None:
    for start, end in ((0, len(text)), (4, len(text) - 3)):
        expected = [(m.span(), m.lastgroup) for m in TREATY_RE.finditer(text, start, end)]
        assert [(m.span(), m.lastgroup) for m in _treaty_matches(text, start, end)] == expected


# -- one place makes the Resolution ---------------------------------------------------

# Fields set after the build, by the callers of the builder: where a piece starts in a
# larger text (parse_all) and the references found in the finished result.
_FILLED_AFTER_BUILD = frozenset({"offset", "references"})


def _keywords_of_resolution_call(function: object) -> set[str]:
    """The keyword names of the ``Resolution(...)`` call in ``function``'s source."""
    import ast  # noqa: PLC0415
    import inspect  # noqa: PLC0415
    import textwrap  # noqa: PLC0415

    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))  # type: ignore[arg-type]
    calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "Resolution"
    ]
    assert len(calls) == 1, "the builder makes its Resolution in exactly one call"
    return {keyword.arg for keyword in calls[0].keywords if keyword.arg}


@pytest.mark.issue(15)
def test_build_one_call_fills_every_field_of_resolution() -> None:
    """A field added to Resolution fails here until the one builder fills it."""
    import attrs  # noqa: PLC0415

    from resparse import _build  # noqa: PLC0415

    fields = {field.name for field in attrs.fields(Resolution)}
    assert _keywords_of_resolution_call(_build._resolution) == fields - _FILLED_AFTER_BUILD


@pytest.mark.issue(15)
@pytest.mark.parametrize("reader", ["text", "akn"])
def test_build_text_and_markup_both_make_their_result_in_one_place(
    reader: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """parse() and from_akn() each make their Resolution through the same function."""
    from pathlib import Path  # noqa: PLC0415

    import resparse  # noqa: PLC0415
    from resparse import _build  # noqa: PLC0415
    from resparse.readers.akn import from_akn  # noqa: PLC0415

    made: list[Resolution] = []
    original = _build._resolution

    def recording(*args: object, **kwargs: object) -> Resolution:
        result = original(*args, **kwargs)  # type: ignore[arg-type]
        made.append(result)
        return result

    monkeypatch.setattr(_build, "_resolution", recording)
    fixtures = Path(__file__).resolve().parents[2] / "fixtures"
    if reader == "text":
        result = resparse.parse((fixtures / "A_HRC_RES_46_13.txt").read_text(encoding="utf-8"))
    else:
        result = from_akn(fixtures / "akn" / "A_RES_78_109.xml")
    assert len(made) == 1
    assert made[0].operative == result.operative
    assert made[0].header == result.header
    assert made[0].reader == ("text" if reader == "text" else "akn")


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("text", "lead", "clean"),
    [
        # a lead broken inside a script written without spaces reads as the text joins it
        (
            "大会，\n回\n顾其以往各项决议，\n表示注意到秘书长的报告。\n",
            "回顾",
            "回顾其以往各项决议，",
        ),
        # a lead on one line stays as it is
        (
            "大会，\n回顾其以往各项决议，\n表示注意到秘书长的报告。\n",
            "回顾",
            "回顾其以往各项决议，",
        ),
    ],
)
def test_build_lead_broken_over_lines_reads_as_its_text(text: str, lead: str, clean: str) -> None:
    import resparse  # noqa: PLC0415

    clause = resparse.parse(text, language="zh").preamble[0]
    assert (clause.lead, clause.text) == (lead, clean)
    assert clause.text.startswith(clause.lead or "")


@pytest.mark.parametrize(
    ("source", "italic", "lead", "lead_italic"),
    [
        # a run two characters into a Chinese clause follows a word of the clause's own
        # ("特别" before an italic "注意到"): the tables read the lead, as from markdown
        ("特别注意到根据《协定》第五十条，\n", (2, 5), "特别注意到", False),
        ("注意到根据《协定》第五十条，\n", (0, 3), "注意到", True),
        ("*Recalling* its resolution 1/1,\n", (1, 10), "Recalling", True),  # a mark before it
    ],
)
def test_build_an_italic_run_after_a_word_opens_no_lead(
    source: str, italic: tuple[int, int], lead: str, *, lead_italic: bool
) -> None:
    """Regression: an HTML page read "注意到" where its markdown form read "特别注意到"."""
    text = source.rstrip("\n")
    reading = Reading(
        source=source,
        profile=profile("zh" if not text.isascii() else "en"),
        scope=None,
        italics=Italics.of((Span(*italic),)),
    )
    segmentation = Segmentation(clauses=(_block(source, "clause", text),))
    head = HeaderResult(header=Header(), leftovers=[], unread=[], diagnostics=[])
    clause = build(reading, segmentation, head, [], []).preamble[0]
    assert (clause.lead, clause.lead_italic) == (lead, lead_italic)
