"""resparse.align: the language versions of one resolution, paired by structure (issue 7)."""

from __future__ import annotations

import pytest

import resparse
from tests.conftest import FIXTURES

GOLDEN = FIXTURES / "golden"


def versions() -> tuple[resparse.Resolution, resparse.Resolution]:
    english = resparse.parse_file(GOLDEN / "markup_75_274_E.txt")
    french = resparse.parse_file(GOLDEN / "markup_75_274_F.txt")
    return english, french


def test_align_english_and_french_of_75_274() -> None:
    english, french = versions()
    aligned = resparse.align([english, french])
    assert aligned.languages == ("en", "fr")
    assert aligned.same_structure
    assert [row.key for row in aligned.rows if row.kind == "operative"] == [
        f"op/{n}" for n in range(1, len(english.operative) + 1)
    ]
    assert all(text for text in aligned.texts("pre/1"))
    first = aligned.texts("op/1")
    assert first[0].startswith("Decides")
    assert first[1].startswith("Décide")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("drop_clause", "preamble: 2 clauses in en, 1 in fr"),
        ("drop_paragraph", "op/2: missing in fr"),
        ("renumber", "op/9: missing in en"),
    ],
)
def test_align_reports_where_versions_differ(change: str, expected: str) -> None:
    text = "The General Assembly,\n\nRecalling x,\n\nNoting y,\n\n1. Decides a;\n\n2. Requests b;\n"
    english = resparse.parse(text)
    if change == "drop_clause":
        other = "L’Assemblée générale,\n\nRappelant x,\n\n1. Décide a ;\n\n2. Prie b ;\n"
    elif change == "drop_paragraph":
        other = "L’Assemblée générale,\n\nRappelant x,\n\nNotant y,\n\n1. Décide a ;\n"
    else:
        other = (
            "L’Assemblée générale,\n\nRappelant x,\n\nNotant y,\n\n1. Décide a ;\n\n9. Prie b ;\n"
        )
    french = resparse.parse(other, language="fr")
    aligned = resparse.align([english, french])
    assert not aligned.same_structure
    assert expected in aligned.differences
    for row in aligned.rows:
        assert len(row.parts) == 2


def test_align_sub_paragraphs_by_place_whatever_their_labels() -> None:
    english = resparse.parse(
        "The General Assembly,\n\nRecalling x,\n\n1. Decides:\n(a) one;\n(b) two;\n"
    )
    french = resparse.parse(
        "L’Assemblée générale,\n\nRappelant x,\n\n1. Décide :\na) un ;\n", language="fr"
    )
    aligned = resparse.align({"english": english, "french": french})
    assert aligned.languages == ("english", "french")
    subs = [row for row in aligned.rows if row.kind == "subparagraph"]
    assert [row.key for row in subs] == ["op/1/1", "op/1/2"]
    assert subs[1].parts[1] is None
    assert "op/1: 2 sub-paragraphs in english, 1 in french" in aligned.differences


def test_align_needs_a_version() -> None:
    with pytest.raises(ValueError, match="at least one"):
        resparse.align([])
    with pytest.raises(KeyError):
        resparse.align(list(versions())).texts("op/99")
