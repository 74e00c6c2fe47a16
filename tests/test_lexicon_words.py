"""Words that name parts of a text ("Part", "Section", "Annex"), read from each lexicon.

Each row is a line as a language prints it and what the language's profile reads in it;
a language that gives no words of its own reads English's, as every language did when
the words were written in the code.
"""

from __future__ import annotations

import pytest

from resparse import _classify
from resparse._classify import part_letter, section_label
from resparse._language import profile
from resparse._scan import scan


@pytest.mark.parametrize(
    ("language", "line", "label"),
    [
        ("en", "Section II", "II"),
        ("en", "Part IV", "IV"),
        ("en", "Chapter III. Financing", "III"),
        ("en", "II. Financing", "II"),
        ("en", "Titre IV", None),
        ("fr", "Titre IV", "IV"),
        ("fr", "Chapitre II", "II"),
        ("fr", "II. Financement", "II"),
        ("fr", "Section II", None),  # English's word is not French's
        ("es", "Parte IV", "IV"),
        ("es", "Sección II", "II"),
        ("ru", "Часть IV", "IV"),
        ("ru", "Раздел II", "II"),
        ("ru", "Part IV", None),
        ("ar", "Part IV", "IV"),  # no words of its own: English's
        ("zh", "Section II", "II"),
    ],
)
def test_section_label_reads_the_languages_word(language: str, line: str, label: str) -> None:
    assert section_label(line, profile(language)) == label


@pytest.mark.parametrize(
    ("language", "line", "letter"),
    [
        ("en", "Part B", "B"),
        ("en", "B", "B"),
        ("en", "B1", "B"),
        ("en", "Parte B", None),
        ("es", "Parte B", "B"),
        ("es", "Part B", None),
        ("es", "C", "C"),
        ("ru", "Часть A", "A"),
        ("fr", "Part B", "B"),  # no part_words of its own: English's
        ("ar", "باء", "باء"),  # the language's own letter names
    ],
)
def test_part_letter_reads_the_languages_word(language: str, line: str, letter: str) -> None:
    assert part_letter(line, profile(language)) == letter


def test_without_a_profile_the_words_are_englishs() -> None:
    assert section_label("Section II") == "II"
    assert part_letter("Part B") == "B"
    assert section_label("Sección II") is None


@pytest.mark.parametrize(
    ("language", "line", "letter"),
    [("en", "Part B", "B"), ("es", "Parte B", "B"), ("ru", "Часть C", "C"), ("es", "Part B", None)],
)
def test_classify_reads_a_part_letter_through_the_languages_gate(
    language: str, line: str, letter: str | None
) -> None:
    (scanned,) = scan(line)
    assert _classify.classify(scanned, None, profile(language)).part_letter == letter
