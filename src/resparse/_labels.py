"""Sub-paragraph labels: their numbering style and which label follows which.

"(a)" to "(z)", "(aa)", roman "(i)" to "(xii)", digits, capitals, bullets, and a language's
own letters ("أ", "ب" in Arabic; "㈠" in Chinese) given by its profile's ``alphabet``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    # the language's own sub-paragraph labels: printed label -> (style, place in its list)
    Alphabet = Mapping[str, tuple[str, int]]

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def label_style(label: str, sibling: str | None = None, alphabet: Alphabet | None = None) -> str:
    """The numbering style of a sub-paragraph label: alpha, roman, digit, upper or a bullet.

    ``alphabet`` holds the language's own labels with their style and place ("أ", "ب",
    "ج", ... in Arabic, the Cyrillic "а" Russian texts type for "a", the Chinese "㈠");
    without one the labels are Latin letters, roman numerals and digits.
    """
    if label in _BULLETS:
        return f"bullet{label}"
    if alphabet and label in alphabet and not label.isascii():
        return alphabet[label][0]  # Latin letters keep their rules below ("i" may be roman)
    if label.isdigit():
        return "digit"
    if label.isupper():
        return "upper"
    if sibling is not None:
        if (
            _is_roman(label)
            and _is_roman(sibling)
            and _roman_value(label) == _roman_value(sibling) + 1
        ):
            return "roman"
        return label_style(sibling, alphabet=alphabet)
    if label == "i" or (len(label) > 1 and _is_roman(label)):
        return "roman"
    return "alpha"


_BULLETS = frozenset("-+•▪◦·–—")


def first_label(label: str, alphabet: Alphabet | None = None) -> bool:
    """Whether a label can open a new list: (a), (i), (1), (A), or any bullet.

    The first of a language's own lists opens one too ("(أ)", "㈠").
    """
    if label in {"a", "i", "1", "A"} or label in _BULLETS:
        return True
    return alphabet is not None and label in alphabet and alphabet[label][1] == 0


def follows(previous: str, label: str, style: str, alphabet: Alphabet | None = None) -> bool:
    """Whether ``label`` is the next label after ``previous`` in a list of ``style``."""
    if style.startswith("bullet"):
        return label == previous
    if alphabet and previous in alphabet and label in alphabet:
        (style_before, before), (style_now, now) = alphabet[previous], alphabet[label]
        if style_before == style_now == style:
            return now == before + 1
    if style == "digit":
        return previous.isdigit() and label.isdigit() and int(label) == int(previous) + 1
    if style == "roman":
        return (
            _is_roman(label)
            and _is_roman(previous)
            and _roman_value(label) == _roman_value(previous) + 1
        )
    if style == "upper":
        return len(label) == 1 and len(previous) == 1 and ord(label) == ord(previous) + 1
    if len(previous) == 1 and len(label) == 1:
        return ord(label) == ord(previous) + 1
    if previous == "z" and label == "aa":
        return True
    if (
        len(previous) == 2
        and len(label) == 2
        and previous[0] == previous[1]
        and label[0] == label[1]
    ):
        return ord(label[0]) == ord(previous[0]) + 1
    return False


def _is_roman(label: str) -> bool:
    return bool(label) and all(ch in _ROMAN for ch in label) and _roman_value(label) > 0


def _roman_value(label: str) -> int:
    total = 0
    values = [_ROMAN[ch] for ch in label]
    for i, value in enumerate(values):
        total += -value if i + 1 < len(values) and values[i + 1] > value else value
    return total
