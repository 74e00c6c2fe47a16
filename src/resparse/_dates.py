"""Dates and ordinal numbers as resolutions print them, with tolerance for OCR slips."""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from typing import TYPE_CHECKING, Any

import attrs
import regex

if TYPE_CHECKING:
    from collections.abc import Mapping

# A date whose month OCR may have misspelt ("3 Apri] 1991"): English, the printed volumes'
_DATE_RE = regex.compile(
    r"(?P<day>\d{1,2})\s+(?P<month>[A-Za-z\]\[|1l]{3,9})\s*,?\s+(?P<year>\d{4})"
)


@functools.cache
def _fuzzy_months() -> tuple[tuple[regex.Pattern[str], int], ...]:
    """English's month names (its lexicon's), each allowed one OCR slip."""
    from resparse._language import profile  # noqa: PLC0415 - profiles import this module

    spellings = sorted(profile("en").months.items(), key=lambda item: item[1])
    return tuple(
        (regex.compile(rf"(?:{name}){{e<=1}}", regex.IGNORECASE | regex.BESTMATCH), number)
        for name, number in spellings
        if len(name) >= 5
    )


def month_number(name: str, *, fuzzy: bool = False) -> tuple[int | None, bool]:
    """An English month's number, and whether an OCR slip had to be forgiven to read it."""
    from resparse._language import profile  # noqa: PLC0415 - profiles import this module

    exact = profile("en").months.get(name.casefold())
    if exact is not None or not fuzzy:
        return exact, False
    for pattern, number in _fuzzy_months():
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


def iso_date(text: str) -> dt.date | None:
    """A date written "2023-12-18", as metadata writes it (a time after it is ignored)."""
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def _make(year: str, month: int | None, day: str) -> dt.date | None:
    if month is None:
        return None
    try:
        return dt.date(int(year), month, int(day))
    except ValueError:
        return None


_TATWEEL = "\u0640"  # the Arabic stretching stroke: decoration, not a letter
_SEPARATORS = " -"


def fold(text: str) -> str:
    """Text as ordinal words are compared: no case, no accents or vowel marks, no tatweel.

    "Septuagésimo" and "Septuagesimo", "четвёртая" and "четвертая", "الأولى" and "الاولى"
    are the same word as printed by different hands.
    """
    decomposed = unicodedata.normalize("NFD", text.casefold().replace(_TATWEEL, ""))
    kept = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return " ".join(kept.replace("–", "-").replace("‑", "-").split())


@attrs.frozen
class Ordinals:
    """How one language writes numbers in words, from ``[ordinals]`` in its lexicon.

    A number is the sum of its words read left to right ("seventy" + "ninth",
    "soixante" + "dix" + "neuvième", "التاسعة" + "و" + "السبعون"); a multiplier multiplies
    what came before it ("one hundred", "七十九" = 7 x 10 + 9); connectors count nothing.
    Words may be glued ("decimotercero", "والسبعون") or apart (spaces, hyphens).
    """

    words: Mapping[str, int] = attrs.field(factory=dict)
    multipliers: Mapping[str, int] = attrs.field(factory=dict)
    connectors: frozenset[str] = frozenset()
    # every known word, longest first, so that "seventy" is tried before "seven"
    tokens: tuple[str, ...] = ()
    # digits with the language's ordinal ending ("78th", "78e", "78º"); None: it has none
    digits: regex.Pattern[str] | None = None

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> Ordinals:
        """Read the lexicon's table: ``words`` maps a value to the words that write it."""
        words = {fold(w): int(v) for v, spelled in data.get("words", {}).items() for w in spelled}
        multipliers = {fold(w): int(v) for w, v in data.get("multipliers", {}).items()}
        connectors = frozenset(fold(w) for w in data.get("connectors", ()))
        known = {*words, *multipliers, *connectors}
        tokens = tuple(sorted(known, key=lambda w: (-len(w), w)))
        endings = sorted(data.get("digit_endings", ()), key=lambda e: (-len(e), e))
        digits = None
        if endings:
            alternation = "|".join(regex.escape(e) for e in endings)
            digits = regex.compile(rf"(?P<n>\d{{1,4}})\s?(?:{alternation})\b", regex.IGNORECASE)
        return cls(words, multipliers, connectors, tokens, digits)

    def digit_value(self, text: str) -> int | None:
        """The number of digits written with an ordinal ending ("78th"), or None."""
        match = self.digits.fullmatch(text) if self.digits is not None else None
        return int(match["n"]) if match else None

    def value(self, text: str) -> int | None:
        """The number ``text`` writes, or None when a part of it is no number word."""
        tokens = self._split(fold(text), 0)
        if not tokens or all(t in self.connectors for t in tokens):
            return None
        total = pending = 0
        for token in tokens:
            if token in self.multipliers:
                total += (pending or 1) * self.multipliers[token]
                pending = 0
            elif token in self.words:
                pending += self.words[token]
        return total + pending

    def _split(self, text: str, pos: int) -> list[str] | None:
        """``text[pos:]`` cut into known words (trying the longest first), or None."""
        while pos < len(text) and text[pos] in _SEPARATORS:
            pos += 1
        if pos == len(text):
            return []
        for token in self.tokens:
            if text.startswith(token, pos):
                rest = self._split(text, pos + len(token))
                if rest is not None:
                    return [token, *rest]
        return None


def ordinal_value(words: str, language: str = "en") -> int | None:
    """The number an ordinal gives: "Forty-sixth" -> 46, "78th" -> 78, "第七十九" -> 79."""
    from resparse._language import profile  # noqa: PLC0415 - profiles import this module

    text = words.strip()
    ordinals = profile(language).ordinals
    digit = ordinals.digit_value(text)
    if digit is not None:
        return digit
    if text.isdecimal():
        return int(text)
    return ordinals.value(text)
