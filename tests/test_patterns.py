"""Each compiled pattern against lines it must match and lines it must not."""

from __future__ import annotations

import pytest

from resparse import _patterns as patterns


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("1. Decides", "1"),
        ("12.\tRequests", "12"),
        ("3.", "3"),
        ("**4.** Urges", "4"),
        ("l. Decides", "l"),
        ("1005. Decides", "1005"),  # issue 18: numbers went no further than 999
        ("1.- Decide", "1"),  # issue 16: a dash after the period, as some typists number
        ("3.\u2013 Requests", "3"),
        ("2.Requests the Secretary-General", "2"),  # issue 16: an extractor lost the space
    ],
)
def test_patterns_operative_number_matches(line: str, number: str) -> None:
    match = patterns.OPERATIVE_NUMBER_RE.match(line)
    assert match is not None
    assert match["n"] == number


@pytest.mark.parametrize(
    "line",
    [
        "1.5 million",
        "2020. The",
        "1999. The",
        "0123. The",
        "12,",
        "1 (a)",
        "12345. A",
        "1.A Pension",  # a part's label, not a paragraph
        "12.-5",
        "2.UN",
    ],
)
def test_patterns_operative_number_rejects(line: str) -> None:
    assert patterns.OPERATIVE_NUMBER_RE.match(line) is None


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("(a) To", "a"),
        ("(ii)\tTo", "ii"),
        ("(1) The", "1"),
        ("( b ) x", "b"),
        ("a) Les", "a"),
        ("(aa) x", "aa"),
        ("(mm)Designing, revising", "mm"),  # regression: A/RES/78/181, space lost in the PDF
    ],
)
def test_patterns_subparagraph_label_matches(line: str, label: str) -> None:
    match = patterns.SUBPARAGRAPH_LABEL_RE.match(line)
    assert match is not None
    assert match["label"] == label


@pytest.mark.parametrize(
    "line", ["(a), of the Charter", "(2020) of", "(A/78/435)", "(resumed)", "(a)bc", "(b)ABC"]
)
def test_patterns_subparagraph_label_rejects(line: str) -> None:
    assert patterns.SUBPARAGRAPH_LABEL_RE.match(line) is None


@pytest.mark.parametrize(
    ("pattern", "line"),
    [
        ("JOB_NUMBER_RE", "23-24958 (E) 211223"),
        ("JOB_NUMBER_RE", "23-24958"),
        ("JOB_NUMBER_RE", "18-18142 (E)"),
        ("JOB_NUMBER_RE", "GE.24-06212 (E)"),  # the Geneva office's job number (A/HRC/RES/55/5)
        ("JOB_NUMBER_RE", "V.23-01234 (E)"),  # Vienna's
        ("BARCODE_RE", "*2324958*"),
        ("SEPARATOR_RE", "__________________"),
    ],
)
def test_patterns_furniture_and_markers_match(pattern: str, line: str) -> None:
    assert getattr(patterns, pattern).match(line) is not None


@pytest.mark.parametrize(
    ("pattern", "line"),
    [
        ("JOB_NUMBER_RE", "2023-2024 biennium"),
        ("JOB_NUMBER_RE", "Res.24-06212 (E)"),
        ("BARCODE_RE", "*Emphasizes*"),
    ],
)
def test_patterns_furniture_and_markers_reject(pattern: str, line: str) -> None:
    assert getattr(patterns, pattern).match(line) is None


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("- 4. *Emphasizes* the", ["Emphasizes"]),
        ("_Decides_ to", ["Decides"]),
        ("**Recalling** its", ["Recalling"]),  # bold marks a lead too (Chinese leads are bold)
        ("***Decides*** to", ["Decides"]),
        ("__Notes__ the", ["Notes"]),
        ("**bad* mix", []),
        ("a * b * c", []),
        ("snake_case_name", []),
        ("__回顾__其决议", ["回顾"]),  # a Han character may touch the run, as with "*"
        # a digit may touch a run of Han text: the runs are "对" and the verb, never the
        # unmarked text between them (A/RES/77/91 as markdown)
        ("*对*2012年进展甚微*表示遗憾和关切*，", ["对", "表示遗憾和关切"]),
        ("__对__2012年进展甚微__表示遗憾__，", ["对", "表示遗憾"]),
        ("于2023年*注意到*", ["注意到"]),
        ("in 2*3*4 cases", []),  # outside Han text a digit still blocks the run
        ("note 1*a*", []),
    ],
)
def test_patterns_markdown_italics(text: str, inner: list[str]) -> None:
    found = [m["a"] or m["b"] for m in patterns.MARKDOWN_ITALIC_RE.finditer(text)]
    assert found == inner


@pytest.mark.parametrize(
    "name",
    [n for n in dir(patterns) if n.endswith("_RE")],
)
def test_patterns_are_linear_on_adversarial_input(name: str) -> None:
    """Long runs of the characters each pattern repeats must not make it backtrack."""
    pattern = getattr(patterns, name)
    for chunk in ("a ", "A", "1", "(", "_", "*", " ", "-", "Aa ", "of ", "The "):
        text = chunk * 3000 + "!"
        pattern.search(text, timeout=2.0)
