"""Whether a hyphen at the end of a line belongs to the word or only to the line break.

Official UN PDFs break lines only after real hyphens ("capacity-" / "building"); printed
volumes and OCR also break words ("Secu-" / "rity"). The table ``lexicon/<code>.hyphens.tsv``
of the text's language (English where it has none) says how the UN writes the words it
has seen; for other words the halves common to many hyphenated words decide ("-based",
"-related", "gender-", "sous-"), and a word matching none of them is mended whole, as a
broken word.
"""

from __future__ import annotations

import contextlib
import functools
from typing import TYPE_CHECKING

import attrs

from resparse._language import lexicon_file

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

# A half must stand in this many hyphenated words, and be this long, to count as common.
MIN_AFFIX_WORDS = 3
MIN_AFFIX_LENGTH = 3
# "seventy-" / "eighth": compound numbers keep their hyphen.
TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})


@attrs.frozen
class _Table:
    kept: frozenset[str]
    joined: frozenset[str]
    firsts: frozenset[str]
    seconds: frozenset[str]


# Table texts that stand in for the files of the same name while ``replaced_tables`` runs.
_REPLACED: dict[str, str] = {}


@contextlib.contextmanager
def replaced_tables(texts: Mapping[str, str]) -> Iterator[None]:
    """Mend hyphens with these table texts in place of the shipped files of the same name.

    The held-out mode of ``resparse.evaluate`` uses tables counted without the documents
    it scores; the shipped tables come back on exit.
    """
    saved = dict(_REPLACED)
    _REPLACED.update(texts)
    _table.cache_clear()
    try:
        yield
    finally:
        _REPLACED.clear()
        _REPLACED.update(saved)
        _table.cache_clear()


def _table_text(name: str) -> str | None:
    if name in _REPLACED:
        return _REPLACED[name]
    resource = lexicon_file(name)
    return resource.read_text(encoding="utf-8") if resource is not None else None


@functools.cache
def _table(language: str) -> _Table:
    text = _table_text(f"{language}.hyphens.tsv")
    if text is None:
        text = _table_text("en.hyphens.tsv") or ""
    kept: set[str] = set()
    joined: set[str] = set()
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        kind, _, word = line.partition("\t")
        (kept if kind == "keep" else joined).add(word)
    firsts: dict[str, int] = {}
    seconds: dict[str, int] = {}
    for word in kept:
        first, last = word.split("-", 1)[0], word.rsplit("-", 1)[1]
        firsts[first] = firsts.get(first, 0) + 1
        seconds[last] = seconds.get(last, 0) + 1

    def common(counts: dict[str, int]) -> frozenset[str]:
        return frozenset(
            half
            for half, n in counts.items()
            if n >= MIN_AFFIX_WORDS and len(half) >= MIN_AFFIX_LENGTH
        )

    numbers = TENS if language == "en" else frozenset()
    return _Table(frozenset(kept), frozenset(joined), common(firsts) | numbers, common(seconds))


def keeps_hyphen(left: str, right: str, language: str = "en") -> bool:
    """Whether ``left-`` at a line end and ``right`` on the next line form a hyphenated word.

    ``left`` is the word before the hyphen, with any hyphens of its own ("case-by");
    ``right`` the word that opens the next line, with any hyphens of its own.
    """
    table = _table(language)
    left, right = left.casefold(), right.casefold()
    last = left.rsplit("-", 1)[-1]
    head = right.split("-", 1)[0]
    if not last or not head:
        return False
    candidates = (f"{left}-{right}", f"{left}-{head}", f"{last}-{head}")
    if any(candidate in table.kept for candidate in candidates):
        return True
    if last + head in table.joined:
        return False
    return last in table.firsts or head in table.seconds
