"""Dates and ordinal numbers as resolutions print them, with tolerance for OCR slips."""

from __future__ import annotations

import datetime as dt

import regex

from resparse import _lexicon

_MONTH_NUMBERS = {name.casefold(): i for i, name in enumerate(_lexicon.MONTHS, start=1)}
_DATE_RE = regex.compile(
    r"(?P<day>\d{1,2})\s+(?P<month>[A-Za-z\]\[|1l]{3,9})\s*,?\s+(?P<year>\d{4})"
)
_FUZZY_MONTHS = tuple(
    (regex.compile(rf"(?:{name}){{e<=1}}", regex.IGNORECASE | regex.BESTMATCH), i)
    for i, name in enumerate(_lexicon.MONTHS, start=1)
    if len(name) >= 5
)
_ORDINALS = dict(_lexicon.CARDINAL_ORDINALS)
_TENS_ORDINALS = dict(_lexicon.TENS_ORDINALS)
_TENS = dict(_lexicon.TENS)
_DIGIT_ORDINAL_RE = regex.compile(
    r"(?P<n>\d{1,4})\s?(?:st|nd|rd|th|d|e|ème|ª|º|a)\b", regex.IGNORECASE
)


def month_number(name: str, *, fuzzy: bool = False) -> tuple[int | None, bool]:
    """The month a name gives, and whether an OCR slip had to be forgiven to read it."""
    exact = _MONTH_NUMBERS.get(name.casefold())
    if exact is not None or not fuzzy:
        return exact, False
    for pattern, number in _FUZZY_MONTHS:
        if pattern.fullmatch(name):
            return number, True
    return None, False


def find_date(
    text: str, *, fuzzy: bool = True, language: str = "en"
) -> tuple[dt.date | None, tuple[int, int] | None, bool]:
    """The first date in ``text`` ("23 March 2021", "7 de diciembre de 2022", "2022年12月7日").

    Returns the date, its offsets, and whether an OCR slip in the month had to be forgiven
    (English only: "3 Apri] 1991").
    """
    from resparse._language import profile  # noqa: PLC0415 - profiles import this module

    local = profile(language)
    for match in local.date_re.finditer(text):
        name = match["month"]
        month = int(name) if name.isdigit() else local.months.get(name.casefold())
        found = _make(match["year"], month, match["day"])
        if found is not None:
            return found, match.span(), False
    if not fuzzy or language != "en":
        return None, None, False
    for match in _DATE_RE.finditer(text):
        month, repaired = month_number(match["month"], fuzzy=True)
        found = _make(match["year"], month, match["day"])
        if found is not None:
            return found, match.span(), repaired
    return None, None, False


def _make(year: str, month: int | None, day: str) -> dt.date | None:
    if month is None:
        return None
    try:
        return dt.date(int(year), month, int(day))
    except ValueError:
        return None


def ordinal_value(words: str) -> int | None:
    """The number an English ordinal gives: "Forty-sixth" -> 46, "78th" -> 78."""
    text = words.strip().casefold().replace("–", "-").replace(" ", "-")
    digit = _DIGIT_ORDINAL_RE.fullmatch(text)
    if digit:
        return int(digit["n"])
    if text in _ORDINALS:
        return _ORDINALS[text]
    if text in _TENS_ORDINALS:
        return _TENS_ORDINALS[text]
    head, _, tail = text.partition("-")
    if head in _TENS and tail in _ORDINALS and _ORDINALS[tail] < 10:
        return _TENS[head] + _ORDINALS[tail]
    if head == "one" and tail.startswith("hundred"):
        rest = tail.removeprefix("hundred").strip("-").removeprefix("and-")
        if not rest:
            return 100
        value = ordinal_value(rest)
        return 100 + value if value is not None else None
    return None
