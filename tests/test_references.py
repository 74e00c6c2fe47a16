"""Citations: every pattern of issue 17 as a table, spans into the source, frame and graph."""

from __future__ import annotations

import datetime as dt
import pathlib

import pytest
import regex

import resparse
from resparse.model import Reference, Span

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "fixtures"

pytestmark = pytest.mark.issue(17)


def ga(clause: str, symbol: str = "A/RES/78/1") -> str:
    return (
        f"United Nations {symbol}\n\nGeneral Assembly\n\n"
        f"The General Assembly,\n\n{clause}\n\n1. Decides to remain seized of the matter.\n"
    )


def sc(clause: str) -> str:
    return (
        "United Nations S/RES/2700 (2023)\n\nSecurity Council\n\n"
        f"The Security Council,\n\n{clause}\n\n1. Decides to remain seized of the matter.\n"
    )


def hrc(clause: str) -> str:
    return (
        "United Nations A/HRC/RES/52/1\n\nHuman Rights Council\n\n"
        f"The Human Rights Council,\n\n{clause}\n\n1. Decides to remain seized of the matter.\n"
    )


def targets(
    text: str, kinds: tuple[str, ...] = ("resolution", "decision", "document")
) -> list[str]:
    return [r.target for r in resparse.parse(text).references if r.kind in kinds]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "its resolution" is the citing body's
        (ga("Recalling its resolution 77/1 of 10 October 2022,"), ["A/RES/77/1"]),
        (hrc("Recalling its resolution 46/13 of 23 March 2021,"), ["A/HRC/RES/46/13"]),
        (sc("Recalling its resolution 2334 (2016),"), ["S/RES/2334 (2016)"]),
        # a list with dates, commas and a last "and"
        (
            ga(
                "Recalling its resolutions 54/225 of 22 December 1999, 55/203 of 20 December "
                "2000 and 78/146 of 19 December 2023,"
            ),
            ["A/RES/54/225", "A/RES/55/203", "A/RES/78/146"],
        ),
        # "A and B"
        (ga("Recalling its resolutions 70/1 and 71/313,"), ["A/RES/70/1", "A/RES/71/313"]),
        # the body named: another body's series
        (ga("Recalling Security Council resolution 2334 (2016),"), ["S/RES/2334 (2016)"]),
        (ga("Recalling General Assembly resolution 217 A (III),"), ["A/RES/217 A (III)"]),
        (ga("Recalling Human Rights Council resolution 46/13,"), ["A/HRC/RES/46/13"]),
        (
            hrc("Recalling General Assembly resolution 60/251 of 15 March 2006,"),
            ["A/RES/60/251"],
        ),
        (
            ga("Recalling Economic and Social Council resolution 2004/67,"),
            ["E/RES/2004/67"],
        ),
        # a bare Council number belongs to the Council, whoever cites it
        (ga("Recalling resolution 1325 (2000),"), ["S/RES/1325 (2000)"]),
        # decisions
        (ga("Recalling its decision 78/555,"), ["A/DEC/78/555"]),
        (hrc("Recalling its decisions 2/102 and 2/104,"), ["A/HRC/DEC/2/102", "A/HRC/DEC/2/104"]),
        # lettered parts: one reference each, "A to C" expanded
        (
            ga("Recalling its resolutions 36/87 A and B and 75/254 A to C,"),
            [
                "A/RES/36/87 A",
                "A/RES/36/87 B",
                "A/RES/75/254 A",
                "A/RES/75/254 B",
                "A/RES/75/254 C",
            ],
        ),
        # a range expands to every item
        (
            hrc("Recalling its resolutions 46/1 to 46/4,"),
            ["A/HRC/RES/46/1", "A/HRC/RES/46/2", "A/HRC/RES/46/3", "A/HRC/RES/46/4"],
        ),
        # special and emergency special sessions, a non-breaking hyphen
        (
            ga("Recalling its resolutions ES\u201110/15 and S-27/2,"),
            ["A/RES/ES-10/15", "A/RES/S-27/2"],
        ),
        # locators and quoted titles between items
        (
            ga(
                'Recalling its resolutions 52/214, sect. C, para. 3; 74/306, entitled "A '
                'response", and 74/307,'
            ),
            ["A/RES/52/214", "A/RES/74/306", "A/RES/74/307"],
        ),
        # document symbols, a joint symbol read as its first
        (
            ga(
                "Taking note of the report of the Secretary-General (A/78/435) and A/77/69-E/2022/47,"
            ),
            ["A/78/435", "A/77/69"],
        ),
        (sc("Recalling its presidential statement S/PRST/2011/16,"), ["S/PRST/2011/16"]),
        # a slash number before the Assembly's 31st session is no Assembly resolution
        (ga("Recalling resolution 5/6 of the Conference of the States Parties,"), []),
    ],
)
def test_references_patterns(text: str, expected: list[str]) -> None:
    assert targets(text) == expected


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # a footnote marker after the date, before the comma and after it
        (
            "Recalling its resolutions 77/1 of 10 October 2022 3 and 77/2,",
            ["A/RES/77/1", "A/RES/77/2"],
        ),
        (
            "Recalling its resolutions 77/1 of 10 October 2022,3 77/2 and 77/3,",
            ["A/RES/77/1", "A/RES/77/2", "A/RES/77/3"],
        ),
        (
            "Recalling its resolutions 2139 (2014)2 and 2165 (2014),",
            ["S/RES/2139 (2014)", "S/RES/2165 (2014)"],
        ),
        # a line break inside a citation
        (
            "Recalling its resolutions 77/1 of 10\nOctober 2022 and\n77/2,",
            ["A/RES/77/1", "A/RES/77/2"],
        ),
    ],
)
def test_references_tolerate_markers_and_line_breaks(clause: str, expected: list[str]) -> None:
    assert targets(ga(clause)) == expected


def test_references_spans_dates_and_parts() -> None:
    text = ga("Recalling its resolutions 54/225 of 22 December 1999 and 78/146,")
    result = resparse.parse(text)
    first, second = result.references
    assert result.raw(first.span) == "54/225 of 22 December 1999"
    assert first.date == dt.date(1999, 12, 22)
    assert second.date is None
    assert (first.part, first.index, first.body) == ("preambular", 0, "General Assembly")
    assert first.kind == "resolution"


def test_references_in_operative_paragraphs_and_treaties() -> None:
    text = (
        "The General Assembly,\n\nRecalling the Charter of the United Nations,\n\n"
        "1. Calls upon States to implement resolution 2334 (2016) and the International "
        "Covenant on Civil and Political Rights;\n"
    )
    refs = resparse.parse(text).references
    assert [(r.kind, r.target, r.part, r.index) for r in refs] == [
        ("treaty", "Charter of the United Nations", "preambular", 0),
        ("resolution", "S/RES/2334 (2016)", "operative", 0),
        ("treaty", "ICCPR", "operative", 0),
    ]


def test_references_french_and_spanish() -> None:
    fr = resparse.parse(
        "L'Assemblée générale,\n\nRappelant ses résolutions 77/1 du 10 octobre 2022 et "
        "78/146,\n\n1. Décide de rester saisie de la question.\n",
        language="fr",
    )
    assert [r.target for r in fr.references if r.kind == "resolution"] == [
        "A/RES/77/1",
        "A/RES/78/146",
    ]
    es = resparse.parse(
        "La Asamblea General,\n\nRecordando la resolución 2334 (2016) del Consejo de "
        "Seguridad,\n\n1. Decide seguir ocupándose de la cuestión.\n",
        language="es",
    )
    assert [r.target for r in es.references] == ["S/RES/2334 (2016)"]


def test_references_of_the_seed_and_through_json() -> None:
    seed = resparse.parse_file(FIXTURES / "A_HRC_RES_46_13.txt")
    assert [r.target for r in seed.references][:1] == ["Charter of the United Nations"]
    assert resparse.from_json(seed.to_json()) == seed


def test_references_from_markup_match_its_links() -> None:
    draft = resparse.from_akn(FIXTURES / "akn" / "drafts" / "S_2023_792.xml")
    cited = [r.target for r in draft.references if r.kind == "resolution"]
    assert cited == ["S/RES/2482 (2019)", "S/RES/1701 (2006)"]


def test_references_frame_and_graphml() -> None:
    results = [
        resparse.parse(ga("Recalling its resolutions 77/1 and 77/2,", "A/RES/78/1")),
        resparse.parse(ga("Recalling its resolution 77/1,", "A/RES/78/2")),
    ]
    frame = resparse.references_frame(results)
    assert frame[["citing", "cited", "kind", "part"]].values.tolist() == [
        ["A/RES/78/1", "A/RES/77/1", "resolution", "preambular"],
        ["A/RES/78/1", "A/RES/77/2", "resolution", "preambular"],
        ["A/RES/78/2", "A/RES/77/1", "resolution", "preambular"],
    ]
    graphml = resparse.to_graphml(results)
    assert graphml.count("<edge ") == 3
    assert graphml.count("<node ") == 4
    nx = pytest.importorskip("networkx")
    graph = resparse.references_graph(results)
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.in_degree("A/RES/77/1") == 2
    parsed = nx.parse_graphml(graphml)
    assert parsed.number_of_edges() == 3


def test_references_frame_rejects_what_is_no_resolution() -> None:
    with pytest.raises(TypeError, match="Resolution"):
        resparse.references_frame(["not a result"])  # type: ignore[list-item]


def test_reference_is_frozen() -> None:
    ref = Reference(kind="resolution", target="A/RES/77/1", text="77/1", span=resparse.Span(0, 4))
    with pytest.raises(AttributeError):
        ref.target = "x"  # type: ignore[misc]


# --- the pass reads only the parts that can cite, and masks in one go ----------------------


def _blank_by_character(source: str, holes: list[Span]) -> str:
    """The masking spelled out character by character: what ``_blank`` must equal."""
    chars = list(source)
    for hole in holes:
        for i in range(hole.start, min(hole.end, len(chars))):
            if not chars[i].isspace():
                chars[i] = " "
    return "".join(chars)


def _every_part(result: resparse.Resolution) -> list[Reference]:
    """Every part read in full on its masked text, with no scan to skip any."""
    from resparse import _references  # noqa: PLC0415 - the module under test

    furniture, notes = _references._holes(result)
    body_text = _blank_by_character(result.source, [*furniture, *notes])
    note_text = _blank_by_character(result.source, furniture)
    body = _references.citing_body(result)
    found: list[Reference] = []
    for part, index, span in _references._parts(result):
        text = note_text if part == "footnote" else body_text
        found.extend(
            _references.read_part(text, span, part, index, body=body, language=result.language)
        )
    found.sort(key=lambda r: (r.span.start, r.in_range, -r.span.end))
    return found


def test_nonspace_pattern_is_not_isspace() -> None:
    """The masking's one pattern turns exactly the characters ``str.isspace`` refuses."""
    from resparse._references import _NONSPACE_RE  # noqa: PLC0415

    wrong = [
        c
        for c in map(chr, range(0x110000))
        if (_NONSPACE_RE.fullmatch(c) is not None) == c.isspace()
    ]
    assert wrong == []


def test_blank_merges_overlapping_and_unsorted_holes() -> None:
    from resparse._references import _blank  # noqa: PLC0415

    source = "ab cd\nef gh ij"
    holes = [Span(9, 20), Span(1, 4), Span(3, 7), Span(0, 0)]
    assert _blank(source, holes) == _blank_by_character(source, holes)


@pytest.mark.parametrize(
    "path",
    sorted(p.relative_to(FIXTURES).as_posix() for p in FIXTURES.rglob("*.txt")),
)
def test_skipping_parts_finds_what_reading_every_part_finds(path: str) -> None:
    """The scan that skips parts with no head word, treaty word or slash loses nothing."""
    result = resparse.parse((FIXTURES / path).read_text(encoding="utf-8"))
    assert list(result.references) == _every_part(result)


def test_skipping_parts_reads_a_part_with_a_head_or_a_treaty() -> None:
    """A part with a head word or a treaty is read; one with neither is skipped, unharmed."""
    text = ga(
        "Recalling its resolution 77/1 of 10 October 2022 and the Charter of the United "
        "Nations,\n\nNoting the report of the Secretary-General,"
    )
    result = resparse.parse(text)
    assert [r.target for r in result.references] == ["A/RES/77/1", "Charter of the United Nations"]
    assert list(result.references) == _every_part(result)


def test_case_aliases_are_every_non_ascii_case_form_of_an_ascii_letter() -> None:
    """The characters that send a text to the slow scan, derived afresh from Unicode."""
    from resparse._references import CASE_ALIASES  # noqa: PLC0415

    derived = {
        c
        for c in map(chr, range(0x80, 0x110000))
        if any(ch.isascii() and ch.isalpha() for ch in c.casefold() + c.lower() + c.upper())
    }
    assert derived == set(CASE_ALIASES)


def test_the_pattern_knows_no_other_case_form_of_a_stem_letter() -> None:
    """What the regex module takes for a stem's letter, ignoring case, lower() maps onto it."""
    from resparse._references import CASE_ALIASES, WORDS  # noqa: PLC0415

    letters = {c for words in WORDS.values() for stem in words.stems for c in stem}
    pattern = regex.compile(f"[{''.join(sorted(letters))}]", regex.IGNORECASE | regex.VERSION1)
    same = [c for c in map(chr, range(0x110000)) if pattern.fullmatch(c) is not None]
    assert same
    assert all(c.lower() in letters or c in CASE_ALIASES for c in same)


@pytest.mark.parametrize(
    ("language", "printed"),
    [
        ("en", ["resolution", "Resolutions", "DECISION", "decisions"]),
        ("fr", ["résolution", "Résolutions", "RÉSOLUTION", "resolution", "décision", "Décisions"]),
        ("es", ["resolución", "Resoluciones", "RESOLUCIÓN", "decisión", "Decisiones"]),
    ],
)
def test_every_head_word_begins_with_a_stem(language: str, printed: list[str]) -> None:
    from resparse._references import WORDS  # noqa: PLC0415

    words = WORDS[language]
    kind = regex.compile(f"(?:{words.resolution}|{words.decision})", regex.IGNORECASE)
    for word in printed:
        assert kind.fullmatch(word) is not None
        assert word.lower().startswith(words.stems)


@pytest.mark.parametrize(
    "text",
    [
        "Recalling its RESOLUTION 1/2 and its Decisions 3/4; resolutionresolution",
        "Rappelant sa Résolution 1/2 et sa décision 3/4",
        "Recordando su resolución 1/2 y sus DECISIONES 3/4",
        "Recalling its reſolution 1/2 (a long s) and its resolution 3/4",
        "Noting nothing at all",
    ],
)
def test_stem_starts_finds_what_the_pattern_finds(text: str) -> None:
    """The lower-case search and the case-insensitive pattern agree, aliases included."""
    from resparse._references import WORDS, _stem_starts  # noqa: PLC0415

    stems = tuple({s for words in WORDS.values() for s in words.stems})
    alternation = "|".join(regex.escape(s) for s in stems)
    pattern = regex.compile(f"(?=(?:{alternation}))", regex.IGNORECASE | regex.VERSION1)
    assert _stem_starts(stems, text) == [m.start() for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        # the head four words before its stem, after a long stretch with none
        (
            (
                "Recalling, in this regard, the decisions of 2 May, Economic and Social Council "
                "resolution 2022/1 and General  Assembly\nresolutions 77/1 and 77/2,"
            ),
            [],
        ),
        ("Rappelant, à cet égard, sa résolution 70/1 et ses décisions 71/2,", []),
        # a stem masked inside the white space between the body and its word
        ("Recalling Human Rights Council" + " " * 12 + " resolution 46/13,", [31]),
        # ... and one masked after a letter of the body's name ("and" + "decision")
        ("Recalling Economic and" + " " * 7 + " Social Council resolution 2022/4,", [21]),
    ],
)
def test_head_search_from_before_the_stem_finds_what_the_whole_search_finds(
    text: str, masked: list[int]
) -> None:
    """A head searched for from a few words before its stem is the one found from ``pos``.

    ``masked`` are stems the source held where the masked text holds spaces.
    """
    from resparse._references import _stem_starts, grammar, read_part  # noqa: PLC0415

    language = "fr" if text.startswith("Rappelant") else "en"
    heads = sorted({*masked, *_stem_starts(grammar(language).stems, text)})
    span = Span(0, len(text))
    found = read_part(text, span, "preambular", 0, body="GA", language=language, heads=heads)
    whole = read_part(text, span, "preambular", 0, body="GA", language=language)
    assert found == whole
    assert found
