"""The quick readings of a text give what the plain patterns they stand in for give."""

from __future__ import annotations

import collections
import random

import regex

from resparse import _furniture, _italics, _language, _references
from resparse._line_shape import ends_clause
from resparse._patterns import MARKDOWN_ITALIC_RE

# white space of every kind, the characters whose case maps beyond themselves, marks,
# quotes and letters beyond ASCII: what a quick reading could get wrong
_ALPHABET = "aZl d’'\t\x1c\x1f\xa0\u2009\u200b\u200e\ud800.,;:*_“”ßİKﬁÀé\u0141\u212b9²†(THE"


def _texts(seed: int, count: int = 3000, longest: int = 30) -> list[str]:
    rng = random.Random(seed)  # noqa: S311 - reproducible test text, not secrets
    return [
        "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, longest))) for _ in range(count)
    ]


def test_detect_word_counts_match_the_pattern() -> None:
    words = ["the", "of", "les", "y", "d", "l", "é", "ss", "k", "fi", "à", "i̇"]
    for text in _texts(1):
        cut = _language._PUNCTUATION_RE.sub(" ", text.casefold()).split()
        expected = collections.Counter(cut)
        runs, wide = _language._word_counts(text)
        assert [_language._count(w, runs, wide) for w in words] == [expected[w] for w in words]


def test_detect_counts_also_at_its_characters() -> None:
    pattern = regex.compile(
        r"(?<=(?<!\p{L})(?:[ldjmnst]|qu))[’'](?=\p{L})", regex.VERBOSE | regex.IGNORECASE
    )
    for text in _texts(2):
        assert _language._matches(pattern, "’'", text) == len(pattern.findall(text))


def test_markdown_italic_runs_match_the_pattern_search() -> None:
    rng = random.Random(3)  # noqa: S311 - reproducible test text, not secrets
    for _ in range(3000):
        text = "".join(rng.choice("*_ a\\\n.x") for _ in range(rng.randint(0, 25)))
        runs = [m.span() for m in _italics._runs(text)]
        assert runs == [m.span() for m in MARKDOWN_ITALIC_RE.finditer(text)]


def test_reference_stems_match_the_lowered_text() -> None:
    stems = ("resolution", "decision", "é")
    for text in [*_texts(4), "RÉSOLUTION Resolution ŁresolutioN decision"]:
        for words in (stems[:2], stems):
            lower = text.lower()
            if len(lower) != len(text) or _references._has_case_alias(text):
                continue  # the pattern reads those texts
            assert _references._stem_starts(words, text) == _references._literal_starts(
                words, lower
            )


def test_furniture_key_matches_the_pattern() -> None:
    for text in _texts(5):
        assert _furniture._key(text) == _furniture._SPACE_RE.sub("", text).casefold()


def test_ends_clause_without_marks_matches_the_pattern() -> None:
    terminators = frozenset(",;:.")
    marks = _classify_marks(terminators)
    for text in _texts(6):
        trimmed = marks.sub("", text.rstrip())
        while trimmed[-1:] in "”’\"')]»“」』》" and len(trimmed) > 1 and trimmed[-2] in terminators:
            trimmed = trimmed[:-1]
        assert ends_clause(text, terminators) == (bool(trimmed) and trimmed[-1] in terminators)


def _classify_marks(terminators: frozenset[str]) -> regex.Pattern[str]:
    from resparse._line_shape import _trailing_marks  # noqa: PLC0415 - the pattern under test

    return _trailing_marks(terminators)
